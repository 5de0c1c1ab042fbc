"""Which words of two aligned claims differ, as character spans for highlighting.

Words are compared folded (typography and case ignored), so a curly quote against a straight one is
not a difference; the spans point into the original texts so that renderers can mark them.
"""

from __future__ import annotations

from rapidfuzz.distance import Indel

from claimdiff.quotes import words

Span = tuple[int, int]


def _words(text: str) -> tuple[list[str], list[Span]]:
    ws = words(text)
    return [w.key.replace("'", "") for w in ws], [(w.start, w.end) for w in ws]


def changed_words(a: str, b: str) -> tuple[list[Span], list[Span]]:
    """Spans of the words of ``a`` absent from ``b`` in order, and of ``b`` absent from ``a``.

    >>> changed_words("He won 52 votes.", "He won 58 votes.")
    ([(7, 9)], [(7, 9)])
    """
    ka, sa = _words(a)
    kb, sb = _words(b)
    out_a: list[Span] = []
    out_b: list[Span] = []
    for op in Indel.opcodes(ka, kb):
        if op.tag in ("delete", "replace"):
            out_a.extend(sa[op.src_start : op.src_end])
        if op.tag in ("insert", "replace"):
            out_b.extend(sb[op.dest_start : op.dest_end])
    return out_a, out_b
