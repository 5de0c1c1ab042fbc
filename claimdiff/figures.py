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

import re
from dataclasses import dataclass, replace
from typing import TypeAlias

from claimdiff.normalize import fold, stem

Value: TypeAlias = float | tuple[float, float] | tuple[int | None, int | None, int | None]

__all__ = ["Figure", "changed_figures", "comparable", "figures", "same_figure"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure read from a text: ``text == source[start:end]``."""

    kind: str
    """``money``, ``percent``, ``points``, ``date``, ``time``, ``rank``, ``ordinal`` or ``count``."""
    value: Value
    """A number, a ``(low, high)`` range, for dates a ``(year, month, day)`` triple, for a clock time the
    minutes after midnight (``9:30 a.m.`` is 570; ``9:30`` without a.m. or p.m. is 570 with the unit
    :data:`TWELVE_HOUR`, the same time as 9:30 a.m. or 9:30 p.m.)."""
    unit: str | None
    """The currency of money, the counted noun's stem of a count, else ``None``."""
    start: int
    end: int
    text: str

    def describe(self) -> str:
        """The figure as written, in typographic single quotes: ``‘four months’``."""
        return f"\u2018{self.text}\u2019"


_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "bn", "mn", "mln", "tn", "trn"})
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CURRENCY_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "cny": "CNY"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
}
# Words after which "one" is a pronoun or determiner rather than a count.
_ONE_BEFORE = frozenset("no any every each the this that which some someone anyone".split())
_ONE_AFTER = frozenset("of another who whom whose that which day time thing".split())
# Function words that are never the counted noun.
_NOT_UNIT = frozenset(
    """a an the and or but nor of in on at to for from by with without into onto over under about
    as than then that this these those which who whom whose what when where while is are was were be
    been being has have had do does did will would can could may might must shall should it its he
    she they we you i him her them us me his their our your my per percent pct each every more less
    fewer most least other another some any no not so such also only just up down out off again
    ago later earlier since before after during until till""".split()
)

# Tokens: numbers (with thousands separators, decimals, attached ordinal or scale suffix), words,
# currency signs and the symbols that join ranges. Offsets are kept from the raw text.
TWELVE_HOUR = "12h"
"""The unit of a clock time written without a.m. or p.m. (``9:30``): the same as 9:30 a.m. and 9:30 p.m."""
_CLOCK_TOKEN = (
    r"(?<![\w:.])(?P<clock>(?P<hour>\d{1,2})(?::(?P<minute>[0-5]\d))?"
    r"(?(minute)(?:\s?(?P<ampm>[ap])(?:\.m\.|m\b))?|\s?(?P<ampm2>[ap])(?:\.m\.|m\b)))(?![\w:])"
)
_OTHER_TOKENS = r"""
    (?<![^\W\d_/])(?P<frac>(?P<whole>\d{1,4})[-\s](?P<top>[1-7])/(?P<bottom>[248]))(?![\w/])
    | (?<![^\W\d_])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?:(?P<ord>st|nd|rd|th)|(?P<suffix>k|m|mn|mln|bn|b|tn|trn))?(?![^\W_])
    | (?P<cur>US\$|[$€£¥₹])
    | (?P<pct>%)
    | (?P<hash>\#)
    | (?P<dash>[-\u2010-\u2015\u2212])
    | (?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)*)
    """
_TOKEN = re.compile(rf"{_CLOCK_TOKEN} | {_OTHER_TOKENS}", re.VERBOSE | re.IGNORECASE)
# the same without clock times: to read a "time" that is none ("13 pm") as plain tokens
_PLAIN_TOKEN = re.compile(_OTHER_TOKENS, re.VERBOSE | re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # num, clock, cur, pct, hash, dash, word
    text: str
    start: int
    end: int
    key: str  # folded text
    number: float | None = None
    ordinal: bool = False
    scale: float = 1.0
    whole: bool = False  # digits only: no separators or decimals
    twelve_hour: bool = False  # a clock time without a.m. or p.m.


def _tokenize(text: str, pattern: re.Pattern[str] = _TOKEN) -> list[_Tok]:
    out: list[_Tok] = []
    for m in pattern.finditer(text):
        kind = m.lastgroup or ""
        if kind in ("ord", "suffix"):
            kind = "num"
        raw = m.group()
        if pattern is _TOKEN and m.group("clock") is not None:
            hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
            half = (m.group("ampm") or m.group("ampm2") or "").lower()
            if hour > 23 or (half and not 1 <= hour <= 12):
                out.extend(_tokenize_plain(raw, m.start()))
                continue
            if half:
                hour = hour % 12 + (12 if half == "p" else 0)
            # "9:30" without a.m. or p.m. may be either: marked, and compared modulo twelve hours
            ambiguous = not half and 1 <= hour <= 12
            number = float(hour % 12 * 60 + minute) if ambiguous else float(hour * 60 + minute)
            out.append(_Tok("clock", raw, m.start(), m.end(), raw.lower(), number=number, twelve_hour=ambiguous))
        elif m.group("frac") is not None:
            # a mixed fraction, as wire copy writes rates: "2-1/4" is 2.25
            value = int(m.group("whole")) + int(m.group("top")) / int(m.group("bottom"))
            out.append(_Tok("num", raw, m.start(), m.end(), raw.lower(), number=value))
        elif m.group("num") is not None:
            digits = m.group("num")
            suffix = (m.group("suffix") or "").lower()
            out.append(
                _Tok(
                    "num",
                    raw,
                    m.start(),
                    m.end(),
                    raw.lower(),
                    number=float(digits.replace(",", "")),
                    ordinal=m.group("ord") is not None,
                    scale=_SCALES.get(suffix, 1.0),
                    whole=digits.isdigit(),
                )
            )
        else:
            out.append(_Tok(kind, raw, m.start(), m.end(), fold(raw)))
    return out


def _tokenize_plain(raw: str, offset: int) -> list[_Tok]:
    """Tokens of ``raw`` read without the clock pattern (a "clock" that is not a time of day)."""
    return [replace(t, start=t.start + offset, end=t.end + offset) for t in _tokenize(raw, _PLAIN_TOKEN)]


def _adjacent(text: str, a: _Tok, b: _Tok, *, max_gap: int = 1) -> bool:
    """True when only spaces (at most ``max_gap`` of them, no line break) separate two tokens."""
    gap = text[a.end : b.start]
    return len(gap) <= max_gap and (not gap or gap.isspace()) and "\n" not in gap and "\r" not in gap


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.out: list[Figure] = []

    # -- helpers -------------------------------------------------------------------------------
    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def near(self, i: int, j: int, max_gap: int = 1) -> bool:
        a, b = self.tok(i), self.tok(j)
        return a is not None and b is not None and _adjacent(self.text, a, b, max_gap=max_gap)

    def gap(self, i: int, j: int) -> str:
        """The raw text between tokens ``i`` and ``j``."""
        return self.text[self.toks[i].end : self.toks[j].start]

    def is_word(self, i: int, *words: str) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "word" and t.key in words

    def add(self, kind: str, value: Value, unit: str | None, first: int, last: int) -> None:
        start, end = self.toks[first].start, self.toks[last].end
        self.out.append(Figure(kind, value, unit, start, end, self.text[start:end]))

    # -- numbers -------------------------------------------------------------------------------
    def number(self, i: int) -> tuple[float, int, bool] | None:
        """Read a number at token ``i``: digits with an optional scale word, or number words.

        Returns ``(value, index of its last token, scaled)``.
        """
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num" and t.number is not None and not t.ordinal:
            value, last, scaled = t.number * t.scale, i, t.scale != 1.0
            nxt = self.tok(i + 1)
            if not scaled and nxt is not None and nxt.key in _SCALE_WORDS and self.near(i, i + 1):
                value, last, scaled = value * _SCALES[nxt.key], i + 1, True
            return value, last, scaled
        if t.kind == "word" and t.key in ("a", "an"):
            nxt = self.tok(i + 1)
            if nxt is not None and nxt.key in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
                words = self.words(i + 1, lead=1.0)
                if words is not None:
                    return words[0], words[1], True
            return None
        if t.kind == "word":
            return self.words(i)
        return None

    def words(self, i: int, lead: float | None = None) -> tuple[float, int, bool] | None:
        """Number words from token ``i`` (``twenty-five``, ``three hundred thousand``, ``a dozen``).

        ``lead`` starts the number at a value already read (``a`` in ``a dozen`` is 1).
        """
        total = 0.0
        current = lead if lead is not None else 0.0
        prev = "lead" if lead is not None else ""
        last, scaled, j = i - 1, False, i
        while (t := self.tok(j)) is not None:
            if j > i and not self.near(j - 1, j, 0 if t.kind == "dash" or self.toks[j - 1].kind == "dash" else 1):
                break
            k = t.key
            if t.kind == "dash":
                # "twenty-five": a tight dash between a tens word and a ones word
                if prev == "tens" and self._ones_word(j + 1) and self.near(j, j + 1, 0):
                    j += 1
                    continue
                break
            if t.kind != "word":
                break
            if k in _ONES:
                v = _ONES[k]
                if prev == "":
                    current = v
                elif (prev == "tens" and 0 < v < 10) or prev in ("hundred", "and", "scale"):
                    current += v
                else:
                    break
                prev = "tens" if v >= 20 and v % 10 == 0 else "ones"
            elif k == "dozen" and prev in ("ones", "tens", "lead"):
                current *= 12
                prev = "dozen"
            elif k == "hundred" and prev in ("ones", "tens", "lead"):
                current *= 100
                prev = "hundred"
            elif k in ("thousand", "million", "billion", "trillion") and prev in (
                "ones",
                "tens",
                "lead",
                "hundred",
                "dozen",
            ):
                total += current * _SCALES[k]
                current, prev, scaled = 0.0, "scale", True
            elif k == "and" and prev in ("hundred", "scale") and self._ones_word(j + 1):
                prev = "and"
                j += 1
                continue
            else:
                break
            last = j
            j += 1
        if last < i or prev == "lead":
            return None
        if lead is None and last == i and self.toks[i].key == "one" and not self._one_is_count(i):
            return None
        return total + current, last, scaled

    def _ones_word(self, j: int) -> bool:
        t = self.tok(j)
        return t is not None and t.kind == "word" and t.key in _ONES

    def _one_is_count(self, i: int) -> bool:
        before, after = self.tok(i - 1), self.tok(i + 1)
        if before is not None and before.kind == "word" and before.key in _ONE_BEFORE:
            return False
        if after is None or after.kind != "word" or not self.near(i, i + 1):
            return False
        return after.key not in _ONE_AFTER and after.key not in _NOT_UNIT

    def unit_after(self, j: int) -> str | None:
        t = self.tok(j)
        if t is None or t.kind != "word" or not self.near(j - 1, j):
            return None
        key = t.key
        if key in _NOT_UNIT or key in _SCALES or key in _ONES:
            return None
        return _unit_key(key)

    # -- figures -------------------------------------------------------------------------------
    def parse(self) -> list[Figure]:
        i = 0
        while i < len(self.toks):
            t = self.toks[i]
            if t.kind == "clock":
                self.add("time", float(t.number or 0.0), TWELVE_HOUR if t.twelve_hour else None, i, i)
                i += 1
                continue
            nxt = self.date(i)
            if nxt is None:
                nxt = self.amount(i)
            i = nxt if nxt is not None else i + 1
        return self.out

    def date(self, i: int) -> int | None:
        t = self.toks[i]
        # ISO 2020-01-12
        if t.kind == "num" and t.whole and len(t.text) == 4 and self._iso(i):
            y, mo, d = (int(self.toks[i + k].text) for k in (0, 2, 4))
            self.add("date", (y, mo, d), None, i, i + 4)
            return i + 5
        month = self._month(i)
        if month is not None:
            j = i + 1
            day = year = None
            day_tok = self.tok(j)
            if (
                day_tok is not None
                and day_tok.kind == "num"
                and (day_tok.whole or day_tok.ordinal)
                and self.gap(i, j) in (" ", ". ")
                and 1 <= (day_tok.number or 0) <= 31
            ):
                day = int(day_tok.number or 0)
                j += 1
            year = self._year_at(j) if self._after_comma(j - 1, j) else None
            if year is not None:
                j += 1
            abbreviated = t.key in _MONTH_ABBR
            if (abbreviated or t.key == "may") and day is None and year is None:
                return None
            self.add("date", (year, month, day), None, i, j - 1)
            return j
        # 12 January 2020
        if t.kind == "num" and t.whole and 1 <= (t.number or 0) <= 31 and self.near(i, i + 1):
            month = self._month(i + 1)
            if month is not None:
                j = i + 2
                year = self._year_at(j) if self.near(j - 1, j) else None
                if year is not None:
                    j += 1
                self.add("date", (year, month, int(t.number or 0)), None, i, j - 1)
                return j
        return None

    def _iso(self, i: int) -> bool:
        parts = [self.tok(i + k) for k in range(5)]
        if any(p is None for p in parts):
            return False
        y, d1, m, d2, d = parts
        assert y is not None and d1 is not None and m is not None and d2 is not None and d is not None
        return (
            d1.kind == "dash"
            and d2.kind == "dash"
            and m.kind == "num"
            and d.kind == "num"
            and len(m.text) == 2
            and len(d.text) == 2
            and all(self.near(i + k, i + k + 1, 0) for k in range(4))
            and 1 <= int(m.text) <= 12
            and 1 <= int(d.text) <= 31
        )

    def _month(self, i: int) -> int | None:
        t = self.tok(i)
        if t is None or t.kind != "word" or not t.text[:1].isupper():
            return None
        if t.key in _MONTHS:
            return _MONTHS[t.key]
        if t.key in _MONTH_ABBR:
            nxt = self.tok(i + 1)
            # an abbreviation is a month only before a day or year ("Jan" is also a name)
            if nxt is not None and nxt.kind == "num" and nxt.whole and self.gap(i, i + 1) in (" ", ". "):
                return _MONTH_ABBR[t.key]
        return None

    def _after_comma(self, i: int, j: int) -> bool:
        a, b = self.tok(i), self.tok(j)
        if a is None or b is None:
            return False
        gap = self.text[a.end : b.start]
        return gap.strip() in ("", ",") and len(gap) <= 2 and "\n" not in gap

    def _year_at(self, j: int) -> int | None:
        t = self.tok(j)
        if t is not None and t.kind == "num" and t.whole and self._year_value(t):
            return int(t.number or 0)
        return None

    @staticmethod
    def _year_value(t: _Tok) -> bool:
        return len(t.text) == 4 and 1800 <= (t.number or 0) <= 2100

    def amount(self, i: int) -> int | None:
        t = self.toks[i]
        first = i
        currency: str | None = None
        kind = "count"
        # rank: "No. 1", "#3"
        if t.kind == "hash" or (t.kind == "word" and t.key == "no" and self.text[t.end : t.end + 1] == "."):
            n = self.tok(i + 1)
            if n is not None and n.kind == "num" and n.whole and self.gap(i, i + 1) in ("", ". ", "."):
                self.add("rank", float(n.number or 0), None, i, i + 1)
                return i + 2
            return None
        if t.kind == "num" and t.ordinal:
            unit = self.unit_after(i + 1)
            last = i + 1 if unit is not None else i
            self.add("ordinal", float(t.number or 0), unit, i, last)
            return last + 1
        if t.kind == "cur" or (t.kind == "word" and t.key in _CURRENCY_CODES and t.text.isupper()):
            if not self.near(i, i + 1):
                return None
            currency = _CURRENCY_SIGNS.get(t.key.lower()) or _CURRENCY_CODES.get(t.key) or "USD"
            kind = "money"
            i += 1
        between = self.is_word(i - 1, "between") and currency is None
        read = self.number(i)
        if read is None:
            return None
        low, last, low_scaled = read
        high: float | None = None
        if currency is None and (span := self._percent_range(last)) is not None:
            # "2.25%-2.5%": a range of percentages with the sign written at both ends
            high, end = span
            self.add("percent", (low, high) if high != low else low, None, first, end)
            return end + 1
        # a range: "20-30", "$5-$6 million", "20 to 30", "between 20 and 30"
        j = last + 1
        joiner = self.tok(j)
        if joiner is not None and (
            (joiner.kind == "dash" and self.near(last, j) and self.near(j, j + 1))
            or (joiner.kind == "word" and joiner.key == "to" and self.near(last, j))
            or (joiner.kind == "word" and joiner.key == "and" and between and self.near(last, j))
        ):
            k = j + 1
            if currency is not None and self.tok(k) is not None and self.toks[k].kind == "cur":
                k += 1
            other = self.number(k) if (self.tok(k) is not None and self.toks[k].kind in ("num", "word")) else None
            if other is not None and (self.toks[i].kind == "num") == (self.toks[k].kind == "num"):
                high, last, high_scaled = other
                if high_scaled and not low_scaled:
                    # "$5-6 million": the scale written once applies to both ends
                    scale = high / (self.toks[k].number or 1.0) if self.toks[k].kind == "num" else 1.0
                    low *= scale
        if (
            kind == "count"
            and high is None
            and self.toks[i].kind == "num"
            and self.toks[i].whole
            and self._year_value(self.toks[i])
            and last == i
            and not self._percent_follows(last + 1)
            and not self._plural_follows(last + 1)
        ):
            self.add("date", (int(self.toks[i].number or 0), None, None), None, i, i)
            return i + 1
        unit = None
        j = last + 1
        pct = self._percent_follows(j)
        if pct is not None:
            kind, j = pct
        elif (
            currency is None and self.tok(j) is not None and self.toks[j].key in _CURRENCY_WORDS and self.near(last, j)
        ):
            kind, currency = "money", _CURRENCY_WORDS[self.toks[j].key]
            j += 1
        elif kind == "count":
            unit = self.unit_after(j)
            if unit is not None:
                j += 1
        value: Value = (low, high) if high is not None and high != low else low
        self.add(kind, value, currency if kind == "money" else unit, first, j - 1)
        return j

    def _percent_range(self, last: int) -> tuple[float, int] | None:
        """After a number ending at ``last``: ``%-2.5%`` gives (2.5, index of the last ``%``)."""
        pct, dash, num = self.tok(last + 1), self.tok(last + 2), self.tok(last + 3)
        if pct is None or dash is None or num is None or pct.kind != "pct" or dash.kind != "dash" or num.kind != "num":
            return None
        if not (self.near(last, last + 1, 0) and self.near(last + 1, last + 2) and self.near(last + 2, last + 3)):
            return None
        other = self.number(last + 3)
        if other is None:
            return None
        close = self.tok(other[1] + 1)
        if close is None or close.kind != "pct" or not self.near(other[1], other[1] + 1, 0):
            return None
        return other[0], other[1] + 1

    def _plural_follows(self, j: int) -> bool:
        """A plural noun follows: ``1800 barrels`` is a count, not a year."""
        t = self.tok(j)
        return (
            t is not None
            and self.unit_after(j) is not None
            and t.key.endswith("s")
            and not t.key.endswith(("ss", "us", "is"))
        )

    def _percent_follows(self, j: int) -> tuple[str, int] | None:
        t = self.tok(j)
        if t is None or not self.near(j - 1, j):
            return None
        if t.kind == "pct":
            return "percent", j + 1
        if t.kind == "word" and t.key in ("percent", "pct", "per cent"):
            return "percent", j + 1
        if t.kind == "word" and t.key == "per" and self.is_word(j + 1, "cent") and self.near(j, j + 1):
            return "percent", j + 2
        if t.kind == "word" and t.key == "percentage" and self.is_word(j + 1, "point", "points"):
            return "points", j + 2
        return None


def _unit_key(word: str) -> str:
    """The counted noun's key: its stem, with a plural ``s`` of a short word dropped too."""
    key = stem(word)
    if key == word and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        key = word[:-1]
    return key


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order of appearance (see the module documentation)."""
    return _Parser(text).parse()


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
