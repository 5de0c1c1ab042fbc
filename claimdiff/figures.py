"""Figures in news text: amounts, percentages, counts, ranges and dates, parsed into comparable values.

:func:`figures` scans a text and returns every :class:`Figure` it carries, with the character span it
was read from. A figure is a value (one number, or a ``(low, high)`` range) with a :attr:`Figure.kind`
and, where the text says, a :attr:`Figure.unit`:

* ``money``: a currency sign or word with a number (``$550 million``, ``€3bn``, ``40 dollars``);
  the unit is the currency (``USD``, ``EUR``, ``GBP``, ``JPY``);
* ``percent``: ``5%``, ``5 percent``, ``five per cent``, ``5 pct``; ``percentage points`` are kind
  ``points``;
* ``date``: a month with a day and/or a year (``Jan. 12, 2020``, ``12 January``, ``October 2019``,
  ``2020-01-12``), a capitalised month name on its own (``since October``; ``May`` only with a day or
  year) or a year on its own (``in 2019``: a four-digit whole number from 1800 to 2100 with no scale,
  sign, percent or plural noun after it: ``1800 barrels`` is a count); the value is a
  ``(year, month, day)`` triple with ``None`` for what is not said;
* ``rank``: ``No. 1``, ``#3``;
* ``ordinal``: ``21st``, ``3rd``;
* ``count``: any other number, in digits or in words (``four``, ``twenty-five``, ``a dozen``,
  ``three hundred thousand``), with its scale (``4.7 billion`` is 4,700,000,000, as is ``4,700
  million``); the unit is the stemmed word that follows, if it is not a function word (``four
  months`` -> ``month``).

Ranges (``20-30``, ``20 to 30``, ``between 20 and 30``, ``$5-6 million``) share the scale, currency
and percent sign written once. ``one`` counts only where it cannot be a pronoun (not after ``no``,
``any``, ``the``, ``this`` ... and not before ``of``, ``another``, ``who`` ...). Fractions in words
(``half``, ``a third``) and word ordinals (``first``) are not figures.

>>> [(f.kind, f.value, f.unit) for f in figures("Sales rose 5 percent to $4.7 billion in four months.")]
[('percent', 5.0, None), ('money', 4700000000.0, 'USD'), ('count', 4.0, 'month')]
>>> figures("between 20-30 nuclear warheads")[0].value
(20.0, 30.0)
"""

from __future__ import annotations

from claimdiff.figure_parser import Parser
from claimdiff.figure_tokens import TWELVE_HOUR, Figure, Value

__all__ = ["TWELVE_HOUR", "Figure", "Value", "changed_figures", "comparable", "figures", "same_figure"]


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order of appearance (see the module documentation)."""
    return Parser(text).parse()


def same_figure(a: Figure, b: Figure) -> bool:
    """True when two figures state the same thing: same kind, same value, compatible units.

    Units are compatible when equal or when either side has none; a date matches another date when
    no field that both give differs (``Jan. 12`` and ``January 12, 2020``).
    """
    if a.kind != b.kind:
        return False
    if a.kind == "time" and TWELVE_HOUR in (a.unit, b.unit):
        # "9:30" is 9:30 a.m. or 9:30 p.m.
        assert isinstance(a.value, float) and isinstance(b.value, float)
        return a.value % 720 == b.value % 720
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return False
    if a.kind == "date":
        va, vb = a.value, b.value
        assert isinstance(va, tuple) and isinstance(vb, tuple)
        return all(x is None or y is None or x == y for x, y in zip(va, vb, strict=True))
    return _close(a.value, b.value)


def comparable(a: Figure, b: Figure) -> bool:
    """True when two figures are of the same kind of thing, so that a difference between them is a
    mismatch: same kind, and units equal or missing on one side."""
    if a.kind != b.kind:
        return False
    return a.unit is None or b.unit is None or a.unit == b.unit


def changed_figures(fa: list[Figure], fb: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The figures of ``fa`` and of ``fb`` that disagree: each figure is first paired with a same figure
    on the other side; of those left, the ones comparable with a leftover of the other side. Both lists
    are empty when nothing changed; a figure that only one side gives is an omission, not a change.

    >>> a, b = figures("cut 550 jobs over four months"), figures("cut 500 jobs over four months")
    >>> [(f.text, g.text) for f, g in zip(*changed_figures(a, b))]
    [('550 jobs', '500 jobs')]
    >>> changed_figures(figures("adopted in 2021, it ruled 2-1"), figures("it ruled 2-1"))
    ([], [])
    """
    left_b = list(fb)
    unmatched_a = []
    for f in fa:
        g = next((g for g in left_b if same_figure(f, g)), None)
        if g is None:
            unmatched_a.append(f)
        else:
            left_b.remove(g)
    ra = [f for f in unmatched_a if any(comparable(f, g) for g in left_b)]
    rb = [g for g in left_b if any(comparable(f, g) for f in unmatched_a)]
    return (ra, rb) if ra and rb else ([], [])


def _close(x: Value, y: Value) -> bool:
    if isinstance(x, tuple) or isinstance(y, tuple):
        if not (isinstance(x, tuple) and isinstance(y, tuple)):
            return False
        return all(isinstance(p, float) and isinstance(q, float) and _eq(p, q) for p, q in zip(x, y, strict=True))
    return _eq(x, y)


def _eq(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
