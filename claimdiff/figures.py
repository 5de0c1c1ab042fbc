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

import math
import re
from dataclasses import replace

from claimdiff._lazy import lazy
from claimdiff.figure_parser import Parser
from claimdiff.figure_tokens import MONTH_ABBR, MONTHS, ONES, SCALES, TWELVE_HOUR, Figure, Value

__all__ = [
    "TWELVE_HOUR",
    "Figure",
    "Value",
    "agree",
    "bounds",
    "changed_figures",
    "comparable",
    "figure_conflicts",
    "figures",
    "number_words",
    "same_figure",
]


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order of appearance (see the module documentation), with the
    :attr:`~Figure.hedge` the words around it give."""
    if not _MAY_HOLD.search(text):
        return []  # no digit, number word or month: nothing to tokenize
    return [_hedged(text, f) for f in Parser(text).parse()]


_MAY_HOLD = re.compile(
    r"\d|\b(?:"
    + "|".join(sorted({*ONES, *SCALES, *MONTHS, *MONTH_ABBR, "dozen", "hundred"}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
"""What any figure needs: a digit, a number or scale word, or a month (a date)."""
_NUMBERISH = re.compile(
    r"\d[\d.,:/]*|(?<![a-z])[ap]\.?m\b|-(?=\d)|\b(?:more|fewer|less|over|under|up|least|most|nearly|almost|about"
    r"|around|some|roughly|approximately|close|below|above|exceeding|upwards|plus|minus|"
    + "|".join(sorted({*ONES, *SCALES, *MONTHS, *MONTH_ABBR, "dozen", "hundred", "half"}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def number_words(text: str) -> list[str]:
    """The digits, number words, months, a.m./p.m. marks and hedge words (``more``, ``up``, ``nearly``) of
    ``text``, folded and sorted: two texts with the same ones state the same figures (their figures cannot
    conflict), whatever else differs.

    >>> number_words("Sales rose 5% to $4.7 billion in March"), number_words("no figure here")
    (['4.7', '5', 'billion', 'march'], [])
    """
    return sorted(
        m.group().lower().replace(".", "") if m.group()[0].isalpha() else m.group() for m in _NUMBERISH.finditer(text)
    )


_HEDGE_BEFORE = lazy(
    r"(?:\b(?P<about>about|around|roughly|approximately|approx\.|some|an estimated|estimated|circa|c\.)"
    r"|\b(?P<nearly>nearly|almost|close to|just under|just shy of|approaching)"
    r"|\b(?P<over>more than|over|at least|upwards of|in excess of|just over|above|exceeding)"
    r"|\b(?P<under>less than|fewer than|under|up to|as many as|as much as|at most|no more than|below)"
    r"|(?P<tilde>~))\s*$",
    re.IGNORECASE,
)
_HEDGE_AFTER = lazy(r"^(?:(?P<about>\s+or so\b)|(?P<over>\+|-?plus\b|\s+or more\b))", re.IGNORECASE)
_LOOK = 24
"""Characters before a figure searched for a hedge word."""


_TIME_HEDGE = lazy(
    r"\b(?:about|around|roughly|approximately|shortly|just|soon|by|before|after|until|till|since|nearly|almost)"
    r"(?:\s+(?:before|after))?\s*$",
    re.IGNORECASE,
)
TIME_SLACK = 30.0
"""Minutes by which a clock time qualified with ``shortly before``, ``around``, ``by`` ... may differ."""


def _hedged(text: str, f: Figure) -> Figure:
    if f.kind == "time":
        if _TIME_HEDGE().search(text, max(0, f.start - _LOOK), f.start):
            return replace(f, hedge="about")
        return f
    if f.kind not in _MEASURED:
        return f
    m = _HEDGE_BEFORE().search(text, max(0, f.start - _LOOK), f.start)
    lead = f.start - m.start() if m is not None else 0
    if m is None:
        m = _HEDGE_AFTER().match(text[f.end : f.end + 10])
    if m is None:
        return f
    hedge = "about" if m.lastgroup == "tilde" else m.lastgroup
    if hedge in ("over", "under") and f.unit in _TIME_UNITS and m.group().split()[0].lower() in _PLACES:
        return f  # "over four months", "under two years" of a period: a preposition
    return replace(f, hedge=hedge, lead=lead)


_TIME_UNITS = frozenset({"second", "minut", "hour", "day", "week", "month", "year", "decad"})
_PLACES = frozenset({"over", "under", "above", "below"})


_MEASURED = frozenset({"money", "percent", "points", "count"})
"""Kinds of figure that are measured quantities, which words such as "about" qualify and writers round."""
ABOUT = 0.05
"""``about 1,000``: within this share of the figure either way."""
NEARLY = 0.03
"""``nearly 22,000``: at most the figure and within this share below it."""
_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


_COMPOUND = re.compile(r"\byears?\b.*\band\b", re.IGNORECASE)


def _opposed(a: Figure, b: Figure) -> bool:
    """One figure a lower bound, the other an upper bound (``more than 100`` and ``fewer than 100``)."""
    return {a.hedge, b.hedge} == {"over", "under"}


def _same_way(a: Figure, b: Figure) -> bool:
    return same_figure(a, b) and not _opposed(a, b)


def bounds(f: Figure) -> tuple[float, float] | None:
    """The values a measured figure allows, as a closed interval: a plain figure allows what rounds to it
    (``4.7 billion`` is 4.65 to 4.75 billion; ``12`` is 11.5 to 12.5), and its :attr:`~Figure.hedge` widens
    that (``about``: 5% either way; ``nearly``: up to 3% below; ``over`` and ``under``: a bound).
    ``None`` for dates, times, ranks and ordinals, which are compared exactly.

    >>> bounds(figures("nearly 4.7 billion")[0])
    (4559000000.0, 4750000000.0)
    >>> bounds(figures("up to 110 years")[0])
    (-inf, 110.5)
    """
    if f.kind not in _MEASURED:
        return None
    value = f.value
    low, high = (float(value[0] or 0.0), float(value[-1] or 0.0)) if isinstance(value, tuple) else (value, value)
    half = 0.5
    m = _DIGITS.search(f.text)
    if _COMPOUND.search(f.text):
        pass  # "11 years and 3 months": exact to the smaller unit, half a month either way
    elif "half" in f.text:
        # "four and a half (million)": to a quarter of the unit either way
        mantissa, scale = abs(low), 1.0
        while mantissa >= 1000:
            mantissa, scale = mantissa / 1000, scale * 1000
        half = 0.25 * scale
    elif m is not None:
        written = float(m.group().replace(",", ""))
        scale = abs(low) / written if written else 1.0
        half = 0.5 * 10.0 ** -len(m.group(1) or "") * (scale or 1.0)
    elif low != int(low):
        half = 0.125  # "four and a half"
    lo, hi = low - half, high + half
    if f.hedge == "about":
        lo, hi = min(lo, low * (1 - ABOUT)), max(hi, high * (1 + ABOUT))
    elif f.hedge == "nearly":
        lo = min(lo, low * (1 - NEARLY))
    elif f.hedge == "over":
        hi = math.inf
    elif f.hedge == "under":
        lo = -math.inf
    return lo, hi


def agree(a: Figure, b: Figure) -> bool:
    """True when two figures can state the same thing: :func:`same_figure`, or comparable measured
    figures whose :func:`bounds` overlap (``nearly 4.7 billion`` and ``4.69 billion``; ``$11.93`` and
    ``$12``; ``more than 70`` and ``72``; but not ``up to 110 years`` and ``close to 115 years``). Two bounds
    the same way agree when their values do (``at least 296`` and ``more than 600`` do not).

    >>> agree(*figures("nearly 4.7 billion or 4.69 billion"))
    True
    >>> agree(*figures("up to 110 years, close to 115 years"))
    False
    """
    if same_figure(a, b) and not _opposed(a, b):
        return True
    if a.kind == "time" and b.kind == "time" and "about" in (a.hedge, b.hedge):
        # "shortly before 2:45 a.m." and "at 2:43 a.m."; "by 11 p.m." and "11:05 p.m."
        assert isinstance(a.value, float) and isinstance(b.value, float)
        gap = abs(a.value - b.value)
        if TWELVE_HOUR in (a.unit, b.unit):
            gap = min(gap % 720, 720 - gap % 720)
        return gap <= TIME_SLACK
    if not comparable(a, b) or a.kind not in _MEASURED:
        return False
    if isinstance(a.value, tuple) or isinstance(b.value, tuple):
        # a range agrees with a range whose ends round to its ends ("20-30" and "20-40" do not)
        if not (isinstance(a.value, tuple) and isinstance(b.value, tuple)):
            return False
        return all(
            agree(replace(a, value=float(x or 0.0), hedge=None), replace(b, value=float(y or 0.0), hedge=None))
            for x, y in zip(a.value, b.value, strict=True)
        )
    if _opposed(a, b):
        # "more than 100" and "fewer than 100" leave no value between them; "more than 100" and "fewer than
        # 200" do
        low, high = (a, b) if a.hedge == "over" else (b, a)
        assert isinstance(low.value, float) and isinstance(high.value, float)
        return low.value < high.value and not _eq(low.value, high.value)
    if a.hedge == b.hedge and a.hedge in ("over", "under"):
        # two bounds the same way are two statements of the bound: "up to 41 hours" and "at most 14 hours"
        # disagree, "more than 70" and "over 70" do not
        return agree(replace(a, hedge=None), replace(b, hedge=None))
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return False
    return ba[0] < bb[1] and bb[0] < ba[1]


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
    pairs = figure_conflicts(fa, fb)
    ra = [f for f in fa if any(f is x for x, _ in pairs)]
    rb = [g for g in fb if any(g is y for _, y in pairs)]
    return ra, rb


def figure_conflicts(fa: list[Figure], fb: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The figures of two claims that disagree, paired: each figure is first paired with a figure of the
    other side stating the same value (:func:`same_figure`), then with one it :func:`agrees <agree>` with
    (a rounding, a hedge); each figure left is paired with the nearest comparable leftover of the other
    side (same kind; the same unit first). A figure that only one side gives is an omission, not a change.

    >>> [(x.text, y.text) for x, y in figure_conflicts(figures("cut 550 jobs in 2 months"), figures("cut 500 jobs"))]
    [('550 jobs', '500 jobs')]
    """
    left_a, left_b = list(fa), list(fb)
    for same in (_same_way, agree):
        for f in list(left_a):
            g = next((g for g in left_b if same(f, g)), None)
            if g is not None:
                left_a.remove(f)
                left_b.remove(g)
    out: list[tuple[Figure, Figure]] = []
    for f in left_a:
        options = [g for g in left_b if comparable(f, g)]
        if not options:
            continue
        g = min(options, key=lambda g: (g.unit != f.unit, abs(fb.index(g) - fa.index(f))))
        out.append((f, g))
        left_b.remove(g)
    return out


def _close(x: Value, y: Value) -> bool:
    if isinstance(x, tuple) or isinstance(y, tuple):
        if not (isinstance(x, tuple) and isinstance(y, tuple)):
            return False
        return all(isinstance(p, float) and isinstance(q, float) and _eq(p, q) for p, q in zip(x, y, strict=True))
    return _eq(x, y)


def _eq(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
