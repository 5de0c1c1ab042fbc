"""The quotation checks of ``claimdiff check``: ``quote-altered``, ``quote-cut`` and ``quote-unsourced``
(see :mod:`claimdiff.check` for the rules)."""

from __future__ import annotations

from rapidfuzz import fuzz

from claimdiff.cues import may_cue
from claimdiff.locate import Location, RawFinding, Spans, TextIndex
from claimdiff.policy import FindingKind, Policy
from claimdiff.quotediff import (
    Codec,
    SourceQuote,
    code_segments,
    describe,
    in_order,
    most_resembling,
    source_quotes,
    word_changes,
)
from claimdiff.quotes import Quote, Word, find_quotes, quote_words, single_quoted, words

__all__ = ["check_quotes"]


def check_quotes(
    src: TextIndex, der: TextIndex, policy: Policy, codec: Codec
) -> tuple[list[RawFinding], list[tuple[int, int]], int]:
    s_text, d_text = src.text, der.text
    s_quotes = find_quotes(s_text)
    # phrases in single quotation marks are quotations too (headlines; the British style), unless they sit
    # inside a double quotation (a quotation within a quotation is checked with it)
    s_singles = _single_quotes(s_text, s_quotes)
    choices = source_quotes(s_text, sorted(s_quotes + s_singles, key=lambda q: q.start), codec)
    choice_codes = [c.code for c in choices]
    all_words = words(s_text)
    all_code = codec.encode(all_words)
    quoted = Spans([(q.inner_start, q.inner_end) for q in s_quotes])
    # a phrase SOURCE puts in single quotation marks (a headline's 'we'll see') is quoted there too
    single = Spans(single_quoted(s_text))
    out: list[RawFinding] = []
    altered: list[tuple[int, int]] = []
    checked = 0
    d_quotes = find_quotes(d_text)
    d_singles = _single_quotes(d_text, d_quotes)
    from_single = {(q.start, q.end) for q in d_singles}
    for q in sorted(d_quotes + d_singles, key=lambda q: q.start):
        d_words, points = quote_words(d_text, q, elisions=True)
        if not d_words:
            continue
        checked += 1
        d_code = codec.encode(d_words)
        segments = code_segments(d_code, points)
        dloc = der.location(q.start, q.end)
        # The usual case first, in one search of SOURCE: the words stand, in order, inside one of its
        # quotations. Only the others are paired with every SOURCE quotation (quadratic in the quotations).
        at = in_order(segments, all_code)
        found: tuple[int, int] | None = None  # where SOURCE has the words, in order
        if at is not None:
            n = len(d_code) if not points else _span_len(segments, all_code, at)
            found = (all_words[at].start, all_words[at + n - 1].end)
            if quoted.holds(*found):
                if n > len(d_code):  # words left out at an ellipsis, the rest verbatim
                    out.append(_cut(src, der, q, found, n - len(d_code), segments, all_words[at : at + n], codec))
                continue
            if single.holds(*found) and not points:
                continue  # in single quotation marks in SOURCE: quoted there (checked before pairing all)
        best = most_resembling(d_code, choice_codes, policy.quote_threshold)
        if best is None and found is None and len(d_words) <= _SLOT_WORDS:
            # a short quotation replaced outright ('stupidity' -> 'folly'): nothing resembles it, but
            # SOURCE quotes something in the same place, between the same words
            best = _same_slot(s_text, d_text, q, choices)
        if best is not None:
            choice = choices[best]
            inside = in_order(segments, choice.code)
            if inside is not None:
                n = len(d_code) if not points else _span_len(segments, choice.code, inside)
                if n > len(d_code):
                    first, last = choice.words[inside], choice.words[inside + n - 1]
                    span = choice.words[inside : inside + n]
                    out.append(_cut(src, der, q, (first.start, last.end), n - len(d_code), segments, span, codec))
                continue
            changes = word_changes(d_words, d_code, choice.words, choice.code, points)
            if not changes:
                continue
            s_marks = [(w.start, w.end) for c in changes for w in c.source]
            d_marks = [(w.start, w.end) for c in changes for w in c.derived]
            altered.append((q.start, q.end))
            out.append(
                RawFinding(
                    FindingKind.QUOTE_ALTERED,
                    True,
                    src.location(choice.start, choice.end, s_marks),
                    der.location(q.start, q.end, d_marks),
                    f"quotation differs from SOURCE line {src.location(choice.start, choice.end).line}: "
                    + describe(changes, s_text, d_text),
                    (q.start, 0),
                )
            )
            continue
        short = len(d_words) <= policy.short_quote_words
        note = f" (a short quotation: {policy.short_quote_words} words or fewer are a warning only)" if short else ""
        if not short and (q.start, q.end) in from_single:
            # single quotation marks are also apostrophes: a phrase SOURCE never quotes is a warning only
            short, note = True, " (in single quotation marks: a warning only)"
        sloc: Location | None = None
        if found is not None:
            if single.holds(*found):  # in single quotation marks in SOURCE (the double ones passed above)
                continue
            overlaps = quoted.meets(*found)
            if overlaps and not points and at is not None:
                # a SOURCE quotation run on into its narration: words added to the quotation
                span = all_words[at : at + len(d_code)]
                added = [k for k, w in enumerate(span) if not quoted.holds(w.start, w.end)]
                if added and len(added) < len(span):
                    altered.append((q.start, q.end))
                    said = " ".join(s_text[span[k].start : span[k].end] for k in added)
                    line = src.location(*found).line
                    out.append(
                        RawFinding(
                            FindingKind.QUOTE_ALTERED,
                            True,
                            src.location(*found, [(span[k].start, span[k].end) for k in added]),
                            der.location(q.start, q.end, [(d_words[k].start, d_words[k].end) for k in added]),
                            f"quotation differs from SOURCE line {line}: \u201c{said}\u201d added, which SOURCE gives "
                            "as narration, not as part of the quotation",
                            (q.start, 0),
                        )
                    )
                    continue
            sloc = src.location(*found, [found])
            where = "only partly as a quotation" if overlaps else "but not as a quotation"
            message = f"the quoted words appear in SOURCE (line {sloc.line}) {where}"
            if where.startswith("only"):
                message = f"the quoted words appear in SOURCE (line {sloc.line}), but only partly as a quotation"
        else:
            al = fuzz.partial_ratio_alignment(d_code, all_code, processor=None)
            if al is not None and al.score >= policy.quote_threshold and len(d_words) > policy.short_quote_words:
                first, last = all_words[al.dest_start], all_words[al.dest_end - 1]
                sloc = src.location(first.start, last.end, [(first.start, last.end)])
                overlaps = quoted.meets(first.start, last.end)
                where = ", only partly as a quotation" if overlaps else " but not as a quotation"
                message = f"similar words appear in SOURCE (line {sloc.line}){where}"
            else:
                message = "the quoted words are nowhere in SOURCE"
        out.append(RawFinding(FindingKind.QUOTE_UNSOURCED, not short, sloc, dloc, message + note, (q.start, 1)))
    return out, altered, checked


def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    """The phrases of ``text`` in single quotation marks (:func:`claimdiff.quotes.single_quoted`) that are
    not inside a double quotation, as quotations."""
    spans = Spans([(q.start, q.end) for q in doubles])
    return [Quote(a - 1, b + 1, a, b) for a, b in single_quoted(text) if not spans.holds(a - 1, b + 1)]


def _span_len(segments: list[str], haystack: str, at: int) -> int:
    pos = at
    end = at
    for seg in segments:
        if not seg:
            continue
        found = haystack.find(seg, pos)
        end = found + len(seg)
        pos = end
    return end - at


_NEAR_CUT = 3
"""Words left out at one ellipsis that still bear on the words around it (``We will ... back down``)."""
_SLOT_WORDS = 6
"""Longest quotation paired by its place alone: longer ones share words with what they replace."""
_AROUND = 2
"""Words before and after a quotation that must be the same for two quotations to hold the same place."""


def _around(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    before = tuple(w.key for w in words(text, max(0, start - 80), start)[-_AROUND:])
    after = tuple(w.key for w in words(text, end, min(len(text), end + 80))[:_AROUND])
    return before, after


def _same_slot(s_text: str, d_text: str, q: Quote, choices: list[SourceQuote]) -> int | None:
    """The SOURCE quotation of at most a few words standing between the same words as ``q`` (two before,
    two after, or the text's edge), if there is exactly one."""
    before, after = _around(d_text, q.start, q.end)
    if len(before) < _AROUND and len(after) < _AROUND:
        return None
    found = [
        k
        for k, c in enumerate(choices)
        if len(c.words) <= _SLOT_WORDS and _around(s_text, c.start, c.end) == (before, after)
    ]
    return found[0] if len(found) == 1 else None


def _cut(
    src: TextIndex,
    der: TextIndex,
    q: Quote,
    found: tuple[int, int],
    left_out: int,
    segments: list[str],
    span: list[Word],
    codec: Codec,
) -> RawFinding:
    """A quotation that keeps SOURCE's words verbatim but leaves ``left_out`` of them out at an ellipsis; an
    alteration when what it leaves out denies or hedges what it keeps (``We will not back down`` cut to ``We
    will ... back down``)."""
    # the words between the kept runs, found in order as in_order found them
    span_code = codec.encode(span)
    runs: list[list[Word]] = []
    pos = 0
    for seg in segments:
        if not seg:
            continue
        at = span_code.find(seg, pos)
        if at < 0:
            break
        runs.append(span[pos:at])
        pos = at + len(seg)
    # a cut of a word or three beside the words kept bears on them; a longer one drops a statement of its own
    dropped = [w for run in runs if 0 < len(run) <= _NEAR_CUT for w in run]
    if dropped and may_cue(" ".join(src.text[w.start : w.end] for w in dropped)):
        said = ", ".join(
            f"\u201c{src.text[w.start : w.end]}\u201d" for w in dropped if may_cue(src.text[w.start : w.end])
        )
        return RawFinding(
            FindingKind.QUOTE_ALTERED,
            True,
            src.location(*found, [(w.start, w.end) for w in dropped]),
            der.location(q.start, q.end),
            f"quotation differs from SOURCE line {src.location(*found).line}: cut at an ellipsis that leaves out "
            f"{said or 'words'}, which changes what it says",
            (q.start, 0),
        )
    words_ = "word" if left_out == 1 else "words"
    return RawFinding(
        FindingKind.QUOTE_CUT,
        True,
        src.location(*found),
        der.location(q.start, q.end),
        f"quotation cut at an ellipsis: {left_out} {words_} of SOURCE line {src.location(*found).line} left out, "
        "the rest verbatim",
        (q.start, 0),
    )
