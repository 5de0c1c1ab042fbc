"""Quotations in news text, found with their offsets, and the words they quote.

:func:`find_quotes` reads double quotation marks: straight ``"`` and typographic ``“ ” „ « »``, and the
corner brackets ``「 」`` and ``『 』`` of Chinese and Japanese text, and the
two backticks that open and two apostrophes that close a quotation in wire copy typed for TeX
(````We won,'' she said``). Any closing mark closes any opening mark, so mixed typography is fine
(``"We won,'' she said``). A straight ``"`` opens when it
follows the start of the text, whitespace, an opening bracket, a dash or a slash and precedes a
non-space; it closes when it follows a non-space. A typographic mark typed the wrong way round
(``”`` opening a word after a space) is read by its position in the same way. Single quotation marks
are also apostrophes, so they make no :class:`Quote` here; :func:`single_quoted` finds the phrases they
plausibly enclose (a headline's ``Trump says ‘we’ll see’``), which `claimdiff check` reads as quotations
too, outside double quotations.

A quotation may run over several sentences and wrapped lines. It stops being open at the end of its
paragraph: a blank line, or a line break followed by a list bullet. A quotation with no closing mark
(news style, where a quotation running over several paragraphs is left open at each paragraph end
and reopened at the start of the next) ends at the first line break after a sentence stop, else at
the paragraph end or just before the next opening mark; it is marked ``closed=False``, and
``continues=True`` when the next paragraph opens with a quotation mark.

:func:`quote_words` turns a quotation into folded word tokens with their offsets: typography and case
do not count (``fold``), nor does punctuation. In a quotation being checked, an ellipsis (``...``,
``…``, ``. . .``) and text in square brackets (an editor's insertion, ``[negotiations]``) mark an
elision point: the words on either side need not be adjacent in the original.

>>> text = 'He said "we will go. Soon." Then: \u201cNo.\u201d'
>>> [text[q.inner_start:q.inner_end] for q in find_quotes(text)]
['we will go. Soon.', 'No.']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from claimdiff._lazy import lazy
from claimdiff.normalize import fold_word

__all__ = [
    "Quote",
    "Word",
    "count_words",
    "find_quotes",
    "nested_quotes",
    "quote_words",
    "single_quoted",
    "speech_runs",
    "words",
]

_OPENING = frozenset("\u201c\u201e\u00ab\u300c\u300e")
_CLOSING = frozenset("\u201d\u00bb\u300d\u300f")
# two backticks open and two apostrophes close a quotation in wire copy typed for TeX (``Yes,'' he said)
_MARKS = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]")
_CJK_OPENING = frozenset("\u300c\u300e")
_CJK_CLOSING = frozenset("\u300d\u300f")
_BEFORE_OPEN = frozenset("([{<\u2014\u2013-/\u2018'")
_LINE = r"(?:\r\n|\r(?!\n)|\n|\u2028|\u2029|\x85)"  # a CR of a CRLF is never a line end of its own
_BULLET = (
    r"(?:[\u2022\u00b7\u25aa\u25ab\u2023\u2043\u25e6\u25cf\u25cb\u25a0\u25a1\u25ba\u25b8\u25b6\u25b9"
    r"\u27a2\u27a4\u2192\u2713\u2714\u2666\u25c6\u25c7*+]|[-\u2013\u2014](?=\s))"
)
# The end of a paragraph: a blank line, a Unicode paragraph separator, or a line break before a bullet.
_PARAGRAPH_END = re.compile(rf"{_LINE}[ \t\f\v]*{_LINE}|\u2029|{_LINE}(?=[ \t\f\v]*{_BULLET}\s)")
# A line break after a sentence stop (and closing marks): where an unclosed quotation is taken to end.
_SOFT_END = re.compile(rf"[.!?\u2026][\"'\u201d\u2019)\]]*[ \t]*(?={_LINE})")
# Chinese and Japanese write no spaces: each ideograph or kana is a word of its own, so that a quotation
# is compared character by character there (a dropped comma or a part quoted is no change)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD_CJK = lazy(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['\u2019.][^\W_{_CJK}]+)*")
"""A word: an ideograph or a kana alone, else letters and digits (with inner apostrophes and dots). Compiled on
first use, for a text with a character from the first of ``_CJK`` up (its ranges take 3 ms to compile)."""
_WORD = re.compile(r"[^\W_]+(?:['\u2019.][^\W_]+)*")
"""The same words in a text of characters below ``_CJK``: no ideograph nor kana there."""
_ELISION = lazy(r"\.\s?\.\s?\.|\u2026|\[[^\[\]]*\]")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``text[start:end]`` includes its marks, ``text[inner_start:inner_end]`` does not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    """False when no closing mark was found before the paragraph ended."""
    continues: bool = False
    """True when the quotation is left open and the next paragraph reopens it (news style)."""


class Word(NamedTuple):
    """A word token: ``key`` is the folded word; ``text[start:end]`` is the word as written. A named tuple, not
    a frozen dataclass: a text is read into many, and a tuple is made three times faster."""

    key: str
    start: int
    end: int


def _role(text: str, i: int, mark: str) -> str:
    """``open``, ``close``, ``either``, ``loose`` (a straight double mark between spaces) or ``none`` for the
    quotation mark ``mark`` at ``text[i]``."""
    if mark == "``":
        return "open"
    if mark == "''":
        # closes after a word or a stop (win.'' / win,''); on its own between spaces it is no mark
        return "close" if i > 0 and not text[i - 1].isspace() else "none"
    c = text[i]
    if c in _CJK_OPENING:
        return "open"  # corner brackets say which way they face, whatever surrounds them
    if c in _CJK_CLOSING:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in _BEFORE_OPEN
    space_after = after.isspace()
    if c in _OPENING:
        return "close" if not space_before and (space_after or after in ".,;:!?)") else "open"
    if c in _CLOSING:
        return "open" if space_before and not space_after and after not in ".,;:!?" else "close"
    if space_before and space_after:
        return "loose" if c == '"' else "none"
    if space_before:
        return "open"
    if space_after or not after.isalnum():
        return "close"
    return "either"


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order (see the module documentation for the rules)."""
    found = [(m.start(), _role(text, m.start(), m.group()), len(m.group())) for m in _MARKS.finditer(text)]
    marks = [(p, r, n) for p, r, n in found if r != "none"]
    paragraph_ends = [m.start() for m in _PARAGRAPH_END.finditer(text)]
    out: list[Quote] = []
    k = 0
    while k < len(marks):
        pos, role, width = marks[k]
        if role == "close":
            k += 1  # a stray closing mark (or inches: 5'10")
            continue
        inner = pos + width
        e = bisect_right(paragraph_ends, pos)
        limit = paragraph_ends[e] if e < len(paragraph_ends) else len(text)
        if role == "loose":
            # a straight mark between spaces (had been given " plenty of time"): it opens a quotation only
            # when a closing mark follows in its paragraph
            nxt = marks[k + 1] if k + 1 < len(marks) and marks[k + 1][0] < limit else None
            if nxt is None or nxt[1] not in ("close", "either"):
                k += 1
                continue
        if text[pos] in _CJK_OPENING:
            # corner brackets nest (「…『…』…」): the quotation ends at the bracket that matches its own
            match = _matching_bracket(text, marks, k, limit)
            if match is not None:
                if text[inner:match].strip():
                    out.append(Quote(pos, match + 1, inner, match))
                while k < len(marks) and marks[k][0] <= match:
                    k += 1
                continue
        following = marks[k + 1] if k + 1 < len(marks) and marks[k + 1][0] < limit else None
        if following is not None and following[1] != "open":
            if text[inner : following[0]].strip():
                out.append(Quote(pos, following[0] + following[2], inner, following[0]))
            k += 2
            continue
        # unclosed: stop at the paragraph end or before the next opening mark, and at the first
        # line break after a sentence stop before that
        if following is not None:
            limit = following[0]
        soft = _SOFT_END.search(text, inner, limit)
        end = soft.end() if soft is not None else limit
        while end > inner and text[end - 1].isspace():
            end -= 1
        if text[inner:end].strip():
            out.append(Quote(pos, end, inner, end, closed=False))
        while k < len(marks) and marks[k][0] < max(end, inner):
            k += 1
    return _link(text, out)


_NEST_SCAN = 200
"""Marks looked at for the bracket that closes a corner bracket (a bound on hostile input)."""


def _matching_bracket(text: str, marks: list[tuple[int, str, int]], k: int, limit: int) -> int | None:
    """Where the corner bracket opened at ``marks[k]`` closes (the same kind of bracket at the same depth),
    before ``limit`` and within ``_NEST_SCAN`` marks; None when it does not."""
    opening = text[marks[k][0]]
    closing = "\u300d" if opening == "\u300c" else "\u300f"
    depth = 0
    for pos, _role, _width in marks[k + 1 : k + 1 + _NEST_SCAN]:
        if pos >= limit:
            break
        c = text[pos]
        if c == opening:
            depth += 1
        elif c == closing:
            if depth == 0:
                return pos
            depth -= 1
    return None


_BETWEEN_PARAGRAPHS = lazy(rf"[ \t\f\v]*(?:{_LINE}[ \t\f\v]*)+(?:{_BULLET}[ \t\f\v]*)?")


def _link(text: str, quotes: list[Quote]) -> list[Quote]:
    out = []
    for i, q in enumerate(quotes):
        if not q.closed and i + 1 < len(quotes):
            gap = text[q.end : quotes[i + 1].start]
            if _BETWEEN_PARAGRAPHS().fullmatch(gap):
                q = Quote(q.start, q.end, q.inner_start, q.inner_end, closed=False, continues=True)
        out.append(q)
    return out


# an apostrophe that stands for left-out letters ('90s, 'em, 'til, 'tis, 'cause, 'n') opens nothing
_ELIDED = r"(?!(?:\d0s|em|til|tis|twas|cause|round|bout|n)\b)"
_SINGLE_OPEN = lazy(
    rf"(?:(?<=^)|(?<=[\s(\[{{\u201c\"\u2014\u2013/-]))(?:['\u2018]|(?<!`)`(?!`)){_ELIDED}(?=[\w\u00bf\u00a1])",
    re.IGNORECASE,
)
# a plural possessive (the workers' pay: s' then a lower-case word) closes nothing
_SINGLE_CLOSE = lazy(r"(?<=[^\s'\u2018\u2019])(?<!s)['\u2019](?!\w)|(?<=s)['\u2019](?![\w]|\s+[a-z])")
# "s'" before a lower-case word: a plural possessive (the players' union), or the end of a phrase that
# ends in s ('weak links' in the city): it closes a phrase only when no other mark does
_SINGLE_CLOSE_S = lazy(r"(?<=s)['\u2019](?=\s+[a-z])")
_LOW_SINGLE = lazy("\u201a(?=\\w)([^\u2018\u201a\\n]{1,400}?)\u2018")
_SINGLE_REOPEN = lazy(rf"(?:{_LINE}|[ \t\f\v])*['\u2018](?=\w)")
_SINGLE_MAX_OPEN = 2000
"""Longest paragraph read as a single quotation left open (the British style of a long quotation)."""
_SINGLE_MAX = 400
"""Longest single-quoted phrase read, in characters: a headline's quotation is short."""


def nested_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """The corner-bracket quotations nested inside ``quotes`` (``「…『…』…」``), which :func:`find_quotes`
    reads as part of the quotation around them (and ``claimdiff check`` checks with it).

    >>> t = "他說「有人講『記者唔使咁醒』。」"
    >>> [t[q.inner_start : q.inner_end] for q in nested_quotes(t, find_quotes(t))]
    ['記者唔使咁醒']
    """
    out: list[Quote] = []
    for q in quotes:
        if text[q.start] not in _CJK_OPENING:
            continue
        stack: list[int] = []
        for i in range(q.inner_start, q.inner_end):
            c = text[i]
            if c in _CJK_OPENING:
                stack.append(i)
            elif c in _CJK_CLOSING and stack:
                a = stack.pop()
                if text[a + 1 : i].strip():
                    out.append(Quote(a, i + 1, a + 1, i))
    return sorted(out, key=lambda q: q.start)


def single_quoted(text: str) -> list[tuple[int, int]]:
    """The inner spans of phrases in single quotation marks, straight or typographic: an opening mark
    after whitespace, a bracket, a double quotation mark or a dash, before a letter or digit; the
    closing mark is the next one after a non-space and not before a letter or digit (so ``we’ll``
    and ``won't`` do not close), in the same paragraph and at most 400 characters on. An apostrophe of
    left-out letters (``'90s``, ``'em``) opens nothing, a plural possessive before a lower-case word (``the
    players' union``) closes nothing, and one letter between marks (``rock 'n' roll``) is no phrase. A
    phrase left open at the end of its paragraph runs to that end when the next paragraph reopens it
    (a long quotation in British style). `claimdiff check` reads these phrases as quotations.

    >>> t = "Trump says ‘we’ll see’ on talks; 'it won't happen,' aides add"
    >>> [t[a:b] for a, b in single_quoted(t)]
    ['we’ll see', "it won't happen,"]
    """
    closes = [m.start() for m in _SINGLE_CLOSE().finditer(text)]
    weak = [m.start() for m in _SINGLE_CLOSE_S().finditer(text)]
    ends = [m.start() for m in _PARAGRAPH_END.finditer(text)]
    out: list[tuple[int, int]] = []
    after = 0
    for m in _SINGLE_OPEN().finditer(text):
        start = m.start()
        if start < after:
            continue
        k = bisect_left(closes, start + 1)
        close = closes[k] if k < len(closes) else len(text) + 1  # none left: only a paragraph end can end it
        p = bisect_left(ends, start)
        limit = min(ends[p] if p < len(ends) else len(text) + 1, start + _SINGLE_MAX + 1)
        w = bisect_left(weak, start + 1)
        if close >= limit and w < len(weak) and weak[w] < limit and text[start] != "`":
            close = weak[w]  # no other mark closes the phrase in its paragraph: "'weak links' in the city"
        if p < len(ends) and ends[p] < close:
            # left open at the paragraph's end: a quotation over several paragraphs when the next one
            # reopens it (British style), as double quotation marks do
            end = ends[p]
            reopened = _SINGLE_REOPEN().match(text, end)
            if reopened is not None and end - start <= _SINGLE_MAX_OPEN and text[start + 1 : end].strip():
                out.append((start + 1, len(text[:end].rstrip())))
                after = end
            continue
        if close > len(text) or close - start > _SINGLE_MAX:
            continue
        if close - start <= 2:  # one letter between apostrophes: rock 'n' roll, not a quotation
            continue
        out.append((start + 1, close))
        after = close + 1
    # German single quotes: a low-9 mark opens and a turned comma closes (‚Wir gewinnen‘), which read
    # the other way round in English, so they are paired only with each other
    if "\u201a" in text:
        starts = [a for a, _ in out]
        keep = []
        for m in _LOW_SINGLE().finditer(text):
            a, b = m.start(1), m.end(1)
            k = bisect_left(starts, a)  # the phrases found above do not overlap: look at the neighbours only
            if (k == 0 or out[k - 1][1] <= a) and (k == len(out) or b <= out[k][0]):
                keep.append((a, b))
        out = sorted(out + keep)
    return out


_INTERRUPTION_WORDS = 8


def speech_runs(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Runs of consecutive quotations (as ``(first, last)`` indexes into ``quotes``) that carry one
    stretch of speech: a quotation continued in the next paragraph (news style), or resumed in the same
    paragraph after a short interruption of at most eight words (``"We will go," he said, "and win."``).
    Only runs of two or more quotations are returned.

    >>> t = '"We will go," he said. "And we will win." Then came a long stretch of narration, and she said "no".'
    >>> speech_runs(t, find_quotes(t))
    [(0, 1)]
    """
    out: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(quotes) + 1):
        if i < len(quotes):
            prev, cur = quotes[i - 1], quotes[i]
            gap = text[prev.end : cur.start]
            if prev.continues or (
                _PARAGRAPH_END.search(gap) is None
                and "\n" not in gap.strip(" \t")
                and 0 < len(_word_pattern(gap).findall(gap)) <= _INTERRUPTION_WORDS
            ):
                continue
        if i - 1 > first:
            out.append((first, i - 1))
        first = i
    return out


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Folded word tokens of ``text[start:end]`` with offsets into ``text``; punctuation is skipped.

    >>> [w.key for w in words("O\u2019Brien\u2019s U.S. \u201cDeal\u201d")]
    ["o'brien's", 'u.s', 'deal']
    """
    stop = len(text) if end is None else end
    word = _word_pattern(text, start, stop)
    return [Word(fold_word(m.group()), m.start(), m.end()) for m in word.finditer(text, start, stop)]


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """How many words :func:`words` would return, without folding them."""
    stop = len(text) if end is None else end
    return sum(1 for _ in _word_pattern(text, start, stop).finditer(text, start, stop))


def _word_pattern(text: str, start: int = 0, stop: int | None = None) -> re.Pattern[str]:
    """:data:`_WORD` when ``text[start:stop]`` has no character from the first of ``_CJK`` up (the same
    matches, and far cheaper to compile), else :data:`_WORD_CJK`."""
    part = text[start:stop]
    if part.isascii() or max(part, default="") < "\u3040":
        return _WORD
    return _WORD_CJK()


def quote_words(text: str, quote: Quote, *, elisions: bool = False) -> tuple[list[Word], frozenset[int]]:
    """The words of a quotation and, with ``elisions=True``, its elision points.

    An elision point is the index of the word that follows an ellipsis or a bracketed insertion (whose
    words are dropped); with ``elisions=False`` ellipses are ignored and bracketed words kept.

    >>> t = '"We would like to get those [talks] back ... on track"'
    >>> ws, gaps = quote_words(t, find_quotes(t)[0], elisions=True)
    >>> [w.key for w in ws], sorted(gaps)
    (['we', 'would', 'like', 'to', 'get', 'those', 'back', 'on', 'track'], [6, 7])
    """
    if not elisions:
        return words(text, quote.inner_start, quote.inner_end), frozenset()
    out: list[Word] = []
    points: set[int] = set()
    pos = quote.inner_start
    for m in _ELISION().finditer(text, quote.inner_start, quote.inner_end):
        out.extend(words(text, pos, m.start()))
        if out:
            points.add(len(out))
        pos = m.end()
    out.extend(words(text, pos, quote.inner_end))
    return out, frozenset(p for p in points if p < len(out))
