"""Finding quotations with offsets: typography, sentences, paragraphs, news-style open quotations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff.quotes import find_quotes, quote_words, single_quoted, speech_runs, words


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" twice.', ["yes"]),
        ("He said \u201cyes\u201d twice.", ["yes"]),
        ('Mixed \u201cstraight" and "curly\u201d marks.', ["straight", "curly"]),
        ("German \u201elow\u201c quotes are read.", ["low"]),
        ("French \u00abguillemets\u00bb too.", ["guillemets"]),
        ('"One sentence. And another," she said.', ["One sentence. And another,"]),
        ('She said: "it is\nwrapped over lines" today.', ["it is\nwrapped over lines"]),
        ('The board is 5\'10" tall and "ok".', ["ok"]),
        ('A lone " mark is ignored, "this" is not.', ["this"]),
        ('(\u2014"dash-led")', ["dash-led"]),
        ('Empty "" quotes.', []),
        ("Backwards \u201dopen\u201d mark.", ["open"]),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph() -> None:
    text = 'He told us: "We reached out to them.\n\nNarration follows here. "And more," he said.'
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == ["We reached out to them.", "And more,"]
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[0].end == text.index("\n")


def test_news_style_quotation_continues_over_bullets() -> None:
    text = (
        '  \u2022 He told us: "We reached out to them and we want to talk.\n'
        '  \u2022 "We have been letting them know," he said.\n'
        "  \u2022 Other narration."
    )
    quotes = find_quotes(text)
    assert len(quotes) == 2
    assert quotes[0].closed is False and quotes[0].continues is True
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "We reached out to them and we want to talk."
    assert quotes[1].closed and not quotes[1].continues


def test_unclosed_quotation_stops_at_a_line_ending_in_a_stop() -> None:
    text = 'He said: "We will go.\nThen narration without quotes.\n"Another," he said.'
    quotes = find_quotes(text)
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "We will go."
    assert quotes[0].continues is False  # narration sits between them


def test_quotation_ends_at_a_blank_line_without_closing() -> None:
    text = 'He said: "and it goes on\n\nand a new "para" starts'
    assert inner(text) == ["and it goes on", "para"]


def test_samples_quotes(axios_text: str) -> None:
    found = inner(axios_text)
    assert "reached out to the North Koreans" in found
    assert "Christmas gift" in found
    assert any(q.startswith("The president suggested") and q.endswith("That appears to be positive.") for q in found)


@pytest.fixture
def axios_text(axios: object) -> str:
    from pathlib import Path

    assert isinstance(axios, Path)
    return axios.read_text(encoding="utf-8")


def test_words_fold_typography() -> None:
    assert [w.key for w in words("O\u2019Brien\u2019s \u201cU.S.\u201d deal")] == ["o'brien's", "u.s", "deal"]
    text = "x \u201cABC def\u201d"
    assert [(text[w.start : w.end], w.key) for w in words(text)] == [("x", "x"), ("ABC", "abc"), ("def", "def")]


def test_quote_words_elisions() -> None:
    text = '"one two \u2026 three [four] five . . . six"'
    q = find_quotes(text)[0]
    ws, points = quote_words(text, q, elisions=True)
    assert [w.key for w in ws] == ["one", "two", "three", "five", "six"]
    assert sorted(points) == [2, 3, 4]
    ws, points = quote_words(text, q)
    assert [w.key for w in ws] == ["one", "two", "three", "four", "five", "six"] and not points


_TEXT = st.text(alphabet=st.sampled_from(list("ab .,\n\"\u201c\u201d\u00ab\u00bb\u2022-'`")), max_size=80)
MARKS = {*'"\u201c\u201d\u201e\u00ab\u00bb', "``", "''"}
"""The marks a quotation opens and closes with: one character, or two in TeX-style wire copy."""


@given(_TEXT)
def test_quotes_are_ordered_disjoint_and_in_bounds(text: str) -> None:
    quotes = find_quotes(text)
    previous_end = 0
    for q in quotes:
        assert previous_end <= q.start < q.inner_start <= q.inner_end <= q.end <= len(text)
        assert text[q.start : q.inner_start] in MARKS
        if q.closed:
            assert text[q.inner_end : q.end] in MARKS
        assert text[q.inner_start : q.inner_end].strip()
        previous_end = q.end
        assert not q.continues or not q.closed


@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=1, max_size=6))
def test_straight_and_curly_quotations_give_the_same_words(ws: list[str]) -> None:
    body = " ".join(ws)
    straight = f'She said "{body}." Then left.'
    curly = f"She said \u201c{body}.\u201d Then left."
    ks = [w.key for w in quote_words(straight, find_quotes(straight)[0])[0]]
    kc = [w.key for w in quote_words(curly, find_quotes(curly)[0])[0]]
    assert ks == kc == ws


def test_speech_runs() -> None:
    text = (
        '"We will go," he said, "and we will win." Narration with many words in it goes on for a while here. '
        '"Later," she said.\n\n"A new paragraph."'
    )
    quotes = find_quotes(text)
    assert len(quotes) == 4
    assert speech_runs(text, quotes) == [(0, 1)]
    news = 'He said: "We will go.\n\n"We will win," he added.'
    assert speech_runs(news, find_quotes(news)) == [(0, 1)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("``We will win,'' the minister said.", ["We will win,"]),
        ("\"We will win,'' the minister said.", ["We will win,"]),
        ("\u201eWir werden gewinnen\u201c, sagte er.", ["Wir werden gewinnen"]),
        ("\u00bbWir werden gewinnen\u00ab, sagte er.", ["Wir werden gewinnen"]),
        ("\u00abNous ne c\u00e9derons pas\u00bb, a-t-il dit.", ["Nous ne c\u00e9derons pas"]),
        ("\u4ed6\u8bf4\u300c\u6211\u4eec\u4f1a\u8d62\u300d\u3002", ["\u6211\u4eec\u4f1a\u8d62"]),
        ("\u300e\u6211\u4eec\u4f1a\u8d62\u300f", ["\u6211\u4eec\u4f1a\u8d62"]),
        ("He said rock 'n' roll is back and it's 5'10\" tall.", []),
    ],
)
def test_quoting_conventions(text: str, quoted: list[str]) -> None:
    assert [text[q.inner_start : q.inner_end] for q in find_quotes(text)] == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Trump says \u2018we\u2019ll see\u2019 on talks", ["we\u2019ll see"]),
        ("Minister calls plan 'utter folly' in row", ["utter folly"]),
        ("Er sagte \u201aWir gewinnen\u2018 und ging.", ["Wir gewinnen"]),
        ("The players' union said it won't accept rock 'n' roll from the '90s.", []),
    ],
)
def test_single_quoting_conventions(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in single_quoted(text)] == quoted


def test_a_backtick_opens_only_a_phrase_a_plain_mark_closes() -> None:
    """Not ``code` here. It's the players' union``: the ``s'`` of a plural possessive closes no backtick."""
    from claimdiff.quotes import single_quoted

    text = "Use `code` here. It's the players' union."
    assert [text[a:b] for a, b in single_quoted(text)] == []
