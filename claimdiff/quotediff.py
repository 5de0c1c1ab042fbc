"""Comparing a DERIVED quotation with the SOURCE quotation it comes from, word by word.

Words are folded (:mod:`claimdiff.quotes`) and each distinct word is coded as one character
(:class:`Codec`), so that rapidfuzz compares word sequences: :func:`resemblance` says how much of a
DERIVED quotation a SOURCE quotation accounts for, :func:`most_resembling` picks the SOURCE quotation,
:func:`word_changes` lists the words replaced, added and left out, and :func:`describe` says so in words
("“dead” became “over”"). :mod:`claimdiff.check` turns these into findings.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from claimdiff.quotes import Quote, Word, quote_words, speech_runs

__all__ = [
    "Change",
    "Codec",
    "SourceQuote",
    "code_segments",
    "describe",
    "in_order",
    "most_resembling",
    "resemblance",
    "source_quotes",
    "word_changes",
]


class Codec:
    """Maps each distinct folded word to one character, so that rapidfuzz compares word sequences."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}

    def encode(self, ws: Sequence[Word]) -> str:
        out = []
        for w in ws:
            c = self.codes.get(w.key)
            if c is None:
                c = self.codes[w.key] = chr(0x20000 + len(self.codes))
            out.append(c)
        return "".join(out)


def resemblance(derived: str, source: str, *, processor: object = None, score_cutoff: float | None = None) -> float:
    """How much of a DERIVED quotation a SOURCE quotation accounts for, 0-100 (strings of word codes).

    rapidfuzz ``partial_ratio`` (the best-matching stretch of the longer, against the shorter), scaled
    by ``len(source) / len(derived)`` when DERIVED is the longer: a quotation extended beyond what
    SOURCE quotes resembles it less. Follows rapidfuzz's scorer protocol (``processor`` is unused: the
    inputs are prepared; below ``score_cutoff`` the result is 0).
    """
    if not derived or not source:
        return 0.0
    score = fuzz.partial_ratio(derived, source, processor=None)
    if len(derived) > len(source):
        score *= len(source) / len(derived)
    return 0.0 if score_cutoff is not None and score < score_cutoff else score


@dataclass(frozen=True, slots=True)
class SourceQuote:
    start: int
    end: int
    words: list[Word]
    code: str


def source_quotes(text: str, quotes: list[Quote], codec: Codec) -> list[SourceQuote]:
    """Each SOURCE quotation, then each run of quotations carrying one stretch of speech (continued over
    paragraphs, or interrupted by a short attribution): DERIVED may quote them as one."""
    out: list[SourceQuote] = []
    for q in quotes:
        ws, _ = quote_words(text, q)
        if ws:
            out.append(SourceQuote(q.start, q.end, ws, codec.encode(ws)))
    for first, last in speech_runs(text, quotes):
        ws = [w for q in quotes[first : last + 1] for w in quote_words(text, q)[0]]
        out.append(SourceQuote(quotes[first].start, quotes[last].end, ws, codec.encode(ws)))
    return out


def most_resembling(d_code: str, codes: list[str], cutoff: float) -> int | None:
    """Index of the code string that :func:`resemblance` scores highest against ``d_code`` (at least
    ``cutoff``; the first on ties), or None. :func:`resemblance` never exceeds ``partial_ratio``, so
    rapidfuzz's vectorised ``partial_ratio`` picks the candidates and only they are scored exactly.
    """
    best: tuple[float, int] | None = None
    for _, _, k in process.extract(
        d_code, codes, scorer=fuzz.partial_ratio, processor=None, score_cutoff=cutoff, limit=None
    ):
        score = resemblance(d_code, codes[k])
        if score >= cutoff and (best is None or score > best[0] or (score == best[0] and k < best[1])):
            best = (score, k)
    return None if best is None else best[1]


def in_order(segments: list[str], haystack: str) -> int | None:
    """Index in ``haystack`` where ``segments`` (contiguous each, in order) start, or None."""
    pos, first = 0, None
    for seg in segments:
        if not seg:
            continue
        found = haystack.find(seg, pos)
        if found < 0:
            return None
        if first is None:
            first = found
        pos = found + len(seg)
    return first if first is not None else 0


def code_segments(code: str, points: frozenset[int]) -> list[str]:
    cuts = [0, *sorted(points), len(code)]
    return [code[a:b] for a, b in itertools.pairwise(cuts)]


_DROPPED_END = 2
"""SOURCE words after the last shared word that count as left out of a quotation already altered."""


@dataclass(frozen=True, slots=True)
class Change:
    source: list[Word]
    derived: list[Word]


def word_changes(
    d_words: list[Word], d_code: str, s_words: list[Word], s_code: str, points: frozenset[int]
) -> list[Change]:
    """Word changes between a DERIVED quotation and the SOURCE quotation it is paired with.

    SOURCE words before the first and after the last shared word are outside the part quoted, and
    SOURCE words missing at an elision point of DERIVED were elided: neither is a change. When
    DERIVED changes its first (or last) words, as many SOURCE words next to the shared part are taken
    as what they replaced.
    """
    lo, hi = 0, len(s_code)
    if len(d_code) < len(s_code):
        al = fuzz.partial_ratio_alignment(d_code, s_code, processor=None)
        if al is not None:
            lo = max(0, al.dest_start - len(d_code))
            hi = min(len(s_code), al.dest_end + len(d_code) + _DROPPED_END)
    window, window_words = s_code[lo:hi], s_words[lo:hi]
    ops = list(Indel.opcodes(d_code, window))
    equal = [k for k, op in enumerate(ops) if op.tag == "equal"]
    if not equal:
        return [Change(window_words, d_words)]
    first, last = equal[0], equal[-1]

    def words_of(part: list[Any]) -> tuple[list[Word], list[Word]]:
        dw = [w for op in part for w in d_words[op.src_start : op.src_end]]
        sw = [w for op in part for w in window_words[op.dest_start : op.dest_end]]
        return dw, sw

    # The words before the first and after the last shared word are read together (a replaced first or
    # last word is a deletion and an insertion side by side): what DERIVED has there replaced as many
    # SOURCE words next to the shared part.
    head_d, head_s = words_of(ops[:first])
    tail_d, tail_s = words_of(ops[last + 1 :])
    # changes between the same two shared words are one change (a deletion next to an insertion is a
    # replacement); changes with a shared word between them stay apart
    runs: list[list[Change]] = [[]]
    if head_d:
        runs[-1].append(Change(head_s[len(head_s) - len(head_d) :], head_d))
    for op in ops[first : last + 1]:
        if op.tag == "equal":
            runs.append([])
            continue
        dw = d_words[op.src_start : op.src_end]
        sw = window_words[op.dest_start : op.dest_end]
        if not dw and op.src_start in points:
            continue
        if dw or sw:
            runs[-1].append(Change(sw, dw))
    if tail_d:
        runs[-1].append(Change(tail_s[: len(tail_d)], tail_d))
    elif any(runs) and 0 < len(tail_s) <= _DROPPED_END:
        # a quotation already altered that also stops a word or two short ("ne céderons pas" ->
        # "céderons"): those words went too, and are named
        runs[-1].append(Change(tail_s, []))
    return [Change([w for c in run for w in c.source], [w for c in run for w in c.derived]) for run in runs if run]


def _quoted(text: str, ws: Sequence[Word]) -> str:
    if not ws:
        return "nothing"
    return "\u201c" + text[ws[0].start : ws[-1].end] + "\u201d"


def describe(changes: list[Change], s_text: str, d_text: str, limit: int = 3) -> str:
    parts = []
    for c in changes[:limit]:
        if c.source and c.derived:
            parts.append(f"{_quoted(s_text, c.source)} became {_quoted(d_text, c.derived)}")
        elif c.source:
            parts.append(f"{_quoted(s_text, c.source)} left out")
        else:
            parts.append(f"{_quoted(d_text, c.derived)} added")
    more = f" and {len(changes) - limit} more change(s)" if len(changes) > limit else ""
    return "; ".join(parts) + more
