"""Patterns (and a table) rewritten to load faster at start-up give exactly what the code they replace gave.

Each reference below is the earlier pattern (written out in full, or built from the same parts where only the way
it is tried changed); the tests compare the two on every text of the test corpora (the samples and the test
cases), line by line and whole, and on generated texts. The word-frequency table read as bytes is compared
with the table read as text, word by word.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import boilerplate, quotes
from claimdiff.render.controls import safe
from claimdiff.similarity import lexical

from .conftest import ROOT


@cache
def corpus() -> tuple[str, ...]:
    """Every text file of the samples and the test cases, whole and line by line."""
    texts: list[str] = []
    for folder in (ROOT / "samples", ROOT / "tests"):
        for path in sorted(folder.rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            texts.append(text)
            texts.extend(line for line in text.splitlines() if line.strip())
    return tuple(texts)


# characters around the edges of the ranges the patterns treat apart, and ordinary text
_EDGES = "a Z 9 _ . ' \u2019 \u00e9 \u3039 \u303f \u3040 \u30ff \u3100 \u33ff \u3400 \u4dbf \u4dc0 \u4e00 \u9fff"
_EDGES += " \ua000 \uf8ff \uf900 \ufaff \ufb00 \uff21 \U00020000 \u0661 \u00b2"
_TEXT = st.text(alphabet=st.sampled_from([*_EDGES.split(), " ", "\n"]), max_size=40)

QUOTE_WORD = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
    "|[^\\W_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
    "(?:['\u2019.][^\\W_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)*"
)
"""claimdiff.quotes' word, one pattern for every text."""


def spans(pattern: re.Pattern[str], text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, len(text) if stop is None else stop)]


def quote_word_spans(text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    return [(w.start, w.end) for w in quotes.words(text, start, stop)]


def test_quote_words_match_the_single_pattern_on_the_corpora() -> None:
    for text in corpus():
        assert quote_word_spans(text) == spans(QUOTE_WORD, text)
        assert quotes.count_words(text) == len(spans(QUOTE_WORD, text))


@given(_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_quote_words_match_the_single_pattern_on_any_text(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    stop = min(start + length, len(text))
    assert quote_word_spans(text, start, stop) == spans(QUOTE_WORD, text, start, stop)
    assert quotes.count_words(text, start, stop) == len(spans(QUOTE_WORD, text, start, stop))
    assert quotes._word_pattern(text).findall(text) == QUOTE_WORD.findall(text)


def dateline(piece: str) -> bool:
    """claimdiff.boilerplate's dateline test as one pattern of every form of the stamp."""
    has_stamp = any(c.isdigit() for c in piece) or "ago" in piece.lower()
    return has_stamp and re.fullmatch(boilerplate._DATELINE, piece.rstrip(".")) is not None


_STAMP_WORDS = (
    "Updated UPDATED updated: Last Posted publi\u017fhed modified on at Jan Jan. January Sept. Mon, Tuesday 12 12th"
    " 2020 2020-01-02 1/2/20 3 9:30 10 a.m. AM pm P.M. ET EST ago an one few hours mins \u212aST \u0130T 3 min read"
    " - | \u00b7 , World U.S. News & Politics the said budget 5%"
).split()
_STAMPS = st.lists(st.sampled_from(_STAMP_WORDS), max_size=9).map(" ".join)


def test_dateline_forms_match_the_single_pattern_on_the_corpora() -> None:
    for text in corpus():
        for piece in (text, *text.splitlines()):
            assert boilerplate._is_dateline(piece) == dateline(piece), piece


@pytest.mark.parametrize(
    "piece",
    [
        "Jan 12, 2020 - World",
        "Updated 3 hours ago",
        "an hour ago.",
        "Posted 9:30 a.m. ET",
        "Last updated 1:06 a.m. Wednesday",
        "publi\u017fhed 9 pm",
        "PO\u017fTED 10 PM",
        "Mod\u0131f\u0131ed at 9 am",
        "MOD\u0130F\u0130ED 9 am",
        "9:42 p.m. ET",
        "World | 9:42 PM | 3 min read",
        "The 5 pm meeting was posted online.",
        "Updated 12",
    ],
)
def test_dateline_forms_match_the_single_pattern_on_each_form(piece: str) -> None:
    assert boilerplate._is_dateline(piece) == dateline(piece)


@settings(max_examples=400)
@given(st.one_of(st.from_regex(boilerplate._DATELINE, fullmatch=True), _STAMPS))
def test_dateline_forms_match_the_single_pattern_on_any_text(piece: str) -> None:
    assert boilerplate._is_dateline(piece) == dateline(piece)


OLD_DATE = (
    rf"(?:{boilerplate._WEEKDAY},?\s+)?(?:{boilerplate._MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{boilerplate._MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4}"
    rf"|{boilerplate._MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+{boilerplate._MONTH})"
)
"""claimdiff.boilerplate's date before its forms shared their months: the same dates (with digits after them, as
a clock time may follow)."""


def same_dates(text: str) -> None:
    for wrap in ("(?i:{})", r"(?i:{}\d*)"):
        old, new = wrap.format(OLD_DATE), wrap.format(boilerplate._DATE)
        assert (re.fullmatch(old, text) is None) == (re.fullmatch(new, text) is None), text


@pytest.mark.parametrize(
    "text", ["Jan 5, 2024", "jan 2024", "Sept. 5th", "5 Jan", "5th January, 2024", "Jan 52", "5 Jan2024"]
)
def test_date_matches_the_earlier_pattern_on_each_form(text: str) -> None:
    same_dates(text)


@settings(max_examples=300)
@given(st.one_of(st.from_regex(OLD_DATE, fullmatch=True), st.from_regex(boilerplate._DATE, fullmatch=True), _STAMPS))
def test_date_matches_the_earlier_pattern_on_any_text(text: str) -> None:
    same_dates(text)
    same_dates(text + "5")


def test_word_frequencies_read_as_bytes_are_the_table_read_as_text() -> None:
    words, values = lexical._zipf_table()
    assert len(words) == len(values) and values.isascii()
    assert all(lexical.zipf_frequency(w) == (ord(v) - 33) / 10 for w, v in zip(words, values, strict=True))
    for absent in ("", "qwzx", "the ", "\ud800", "zzzzzzzz", words[0][:-1] + "\U0010ffff"):
        assert absent in words or lexical.zipf_frequency(absent) is None


_CONTROL_OR_BREAK = re.compile(
    "[\t\n\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""claimdiff.render.controls' characters to show on one line, in one pattern."""


def one_line(text: str) -> str:
    short = {"\t": "\\t", "\n": "\\n"}

    def show(m: re.Match[str]) -> str:
        c = m.group()
        return short.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")

    return _CONTROL_OR_BREAK.sub(show, text)


@given(st.text(alphabet=st.sampled_from("ab \\tn\t\n\r\x1b\x9b\x7f\u202e\u2066\u061c\udc80\u00e9")))
def test_one_line_safe_text_is_what_one_pattern_gave(text: str) -> None:
    assert safe(text, one_line=True) == one_line(text)
