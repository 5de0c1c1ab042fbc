"""The words and tokens figures are read from: number words, scales, months, currencies, and a tokenizer
that keeps offsets (numbers with their separators and suffixes, mixed fractions, clock times, currency
signs, words). :class:`Figure` is defined here so that :mod:`claimdiff.figure_parser` builds it; the public
interface is :mod:`claimdiff.figures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeAlias

from claimdiff._lazy import lazy
from claimdiff.normalize import fold, stem

Value: TypeAlias = float | tuple[float, float] | tuple[int | None, int | None, int | None]

TWELVE_HOUR = "12h"
"""The unit of a clock time written without a.m. or p.m. (``9:30``): the same as 9:30 a.m. and 9:30 p.m."""


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
    hedge: str | None = None
    """How the text qualifies the figure: ``about`` (``about``, ``around``, ``roughly``, ``some`` ...),
    ``nearly`` (``nearly``, ``almost``, ``close to``), ``over`` (``more than``, ``at least``, ``-plus``) or
    ``under`` (``less than``, ``up to``, ``as many as``); ``None`` when it states the figure plainly."""
    lead: int = 0
    """Characters of the hedge's words before :attr:`start` (``more than 100``: 10), for showing them."""

    def describe(self) -> str:
        """The figure as written, in typographic single quotes: ``‘four months’``."""
        return f"\u2018{self.text}\u2019"


ONES = {
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
SCALES = {
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
SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "bn", "mn", "mln", "tn", "trn"})
MONTHS = {
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
MONTH_ABBR = {
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
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "cny": "CNY"}
CURRENCY_WORDS = {
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
ONE_BEFORE = frozenset("no any every each the this that which some someone anyone".split())
ONE_AFTER = frozenset("of another who whom whose that which day time thing".split())
# Function words that are never the counted noun.
NOT_UNIT = frozenset(
    """a an the and or but nor of in on at to for from by with without into onto over under about
    as than then that this these those which who whom whose what when where while is are was were be
    been being has have had do does did will would can could may might must shall should it its he
    she they we you i him her them us me his their our your my per percent pct each every more less
    fewer most least other another some any no not so such also only just up down out off again
    ago later earlier since before after during until till""".split()
)

# Tokens: numbers (with thousands separators, decimals, attached ordinal or scale suffix), words,
# currency signs and the symbols that join ranges. Offsets are kept from the raw text.
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
_PLAIN_TOKEN = lazy(_OTHER_TOKENS, re.VERBOSE | re.IGNORECASE)


@dataclass(frozen=True, slots=True, eq=False)  # never compared: no __eq__ nor __hash__ to generate
class Tok:
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


def tokenize(text: str, pattern: re.Pattern[str] = _TOKEN) -> list[Tok]:
    out: list[Tok] = []
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
            out.append(Tok("clock", raw, m.start(), m.end(), raw.lower(), number=number, twelve_hour=ambiguous))
        elif m.group("frac") is not None:
            # a mixed fraction, as wire copy writes rates: "2-1/4" is 2.25
            value = int(m.group("whole")) + int(m.group("top")) / int(m.group("bottom"))
            out.append(Tok("num", raw, m.start(), m.end(), raw.lower(), number=value))
        elif m.group("num") is not None:
            digits = m.group("num")
            suffix = (m.group("suffix") or "").lower()
            out.append(
                Tok(
                    "num",
                    raw,
                    m.start(),
                    m.end(),
                    raw.lower(),
                    number=float(digits.replace(",", "")),
                    ordinal=m.group("ord") is not None,
                    scale=SCALES.get(suffix, 1.0),
                    whole=digits.isdigit(),
                )
            )
        else:
            out.append(Tok(kind, raw, m.start(), m.end(), fold(raw)))
    return out


def _tokenize_plain(raw: str, offset: int) -> list[Tok]:
    """Tokens of ``raw`` read without the clock pattern (a "clock" that is not a time of day)."""
    return [replace(t, start=t.start + offset, end=t.end + offset) for t in tokenize(raw, _PLAIN_TOKEN())]


def adjacent(text: str, a: Tok, b: Tok, *, max_gap: int = 1) -> bool:
    """True when only spaces (at most ``max_gap`` of them, no line break) separate two tokens."""
    gap = text[a.end : b.start]
    return len(gap) <= max_gap and (not gap or gap.isspace()) and "\n" not in gap and "\r" not in gap


def unit_key(word: str) -> str:
    """The counted noun's key: its stem, with a plural ``s`` of a short word dropped too."""
    key = stem(word)
    if key == word and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        key = word[:-1]
    return key
