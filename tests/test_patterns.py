"""Patterns rewritten to compile faster at start-up match exactly what the patterns they replace matched.

Each reference below is the earlier pattern, written out in full; the tests compare the two on every text of
the test corpora (the samples and the test cases), line by line and whole, and on generated texts.
"""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import quotes

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
