"""``claimdiff check``: an editorial consistency gate between a SOURCE report and a DERIVED rewrite.

Built on :func:`claimdiff.compare`. Only quotations and figures are compared exactly; whether two
claims say the same thing stays the compare pipeline's judgement. Four kinds of finding
(:class:`~claimdiff.policy.FindingKind`):

``quote-altered``
    A quotation of DERIVED is paired with the SOURCE quotation it most resembles (rapidfuzz
    ``partial_ratio`` over word sequences, at least ``quote_threshold``); the check fails when its
    folded words are not a contiguous run of the SOURCE quotation's words. Typography, case and all
    punctuation are ignored; quoting part of a quotation is fine; an ellipsis or a bracketed insertion
    in DERIVED allows a gap, as long as the remaining words appear in order. Quotations that SOURCE
    leaves open at a paragraph end and reopens in the next paragraph also count as one.
``quote-unsourced``
    A quotation of DERIVED resembles no SOURCE quotation. The message says whether SOURCE has the
    words as narration ("appear in SOURCE but not as a quotation"), only partly inside a quotation,
    or not at all. Quotations of at most ``short_quote_words`` words (scare quotes, terms such as
    "rhetorical policy") are reported as warnings only.
``number-mismatch``
    For each aligned pair of claims, the figures of both sides (see :mod:`claimdiff.figures`) are
    matched by kind, value and unit. A figure left unmatched on one side is reported only when the
    other side also has an unmatched figure of the same kind (with a compatible unit): a figure was
    replaced. A pair where one side merely omits or adds a figure is not a mismatch. A changed figure
    inside a quotation already reported as altered is not reported again.
``claim-dropped``
    With a coverage floor (``min_coverage``), every SOURCE claim (a non-boilerplate unit) without a
    counterpart is a warning, and one more finding, of severity error, says so when the share of
    SOURCE's claims carried by DERIVED is below the floor.

A finding's severity is ``error`` when its kind is in the policy's ``fail_on`` (short quotations and
single dropped claims excepted), else ``warning``; the check passes when there is no error.

>>> report = check('She said: "We will win." Sales rose 5%.', 'She said: "We shall win." Sales rose 7%.')
>>> [(f.kind.value, f.severity.value) for f in report.findings]
[('quote-altered', 'error'), ('number-mismatch', 'error')]
>>> report.passed
False
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz

from claimdiff._version import __version__
from claimdiff.compare import Options, compare
from claimdiff.figures import Figure, changed_figures, figures
from claimdiff.model import Comparison, Meta, Source, SourceKind, Status, line_at, line_starts, require_text
from claimdiff.policy import FindingKind, Policy
from claimdiff.quotediff import (
    Codec,
    code_segments,
    describe,
    in_order,
    most_resembling,
    source_quotes,
    word_changes,
)
from claimdiff.quotes import Quote, find_quotes, quote_words, single_quoted, words

CHECK_SCHEMA = "claimdiff/check/1"

__all__ = ["CHECK_SCHEMA", "CheckReport", "Finding", "FindingKind", "Location", "Policy", "Severity", "check"]


class Severity(StrEnum):
    ERROR = "error"
    """Fails the check."""
    WARNING = "warning"
    """Reported; does not fail the check."""


@dataclass(frozen=True, slots=True)
class Location:
    """A span of one input: a quotation, a claim or a group of aligned claims.

    ``text == input[start:end]``; lines and columns are 1-based (columns count code points);
    ``highlights`` are the spans (absolute offsets) of the words or figures that differ.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    unit: str | None = None
    highlights: tuple[tuple[int, int], ...] = ()

    def to_dict(self, full_text: str) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "highlights": [{"start": s, "end": e, "text": full_text[s:e]} for s, e in self.highlights],
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by :func:`check`. ``source`` or ``derived`` is ``None`` where the finding has
    no span on that side (a dropped claim, an unsourced quotation, the coverage total)."""

    kind: FindingKind
    severity: Severity
    source: Location | None
    derived: Location | None
    message: str

    def to_dict(self, source_text: str, derived_text: str) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "severity": self.severity.value,
            "source": None if self.source is None else self.source.to_dict(source_text),
            "derived": None if self.derived is None else self.derived.to_dict(derived_text),
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The result of :func:`check`: findings, the policy applied and the underlying comparison."""

    findings: tuple[Finding, ...]
    policy: Policy
    comparison: Comparison = field(compare=False, repr=False)
    quotes_checked: int = 0
    pairs_checked: int = 0
    version: str = __version__

    @property
    def source(self) -> Source:
        return self.comparison.a

    @property
    def derived(self) -> Source:
        return self.comparison.b

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def passed(self) -> bool:
        return not self.errors

    @property
    def coverage(self) -> float:
        """Share of SOURCE's claims that have a counterpart in DERIVED."""
        return self.comparison.summary.coverage_a

    def described(self, source: tuple[SourceKind, Meta | None], derived: tuple[SourceKind, Meta | None]) -> CheckReport:
        """This report with each input's kind and metadata set (see :meth:`Comparison.described`)."""
        return replace(self, comparison=self.comparison.described(source, derived))

    def summary(self) -> dict[str, Any]:
        return {
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "by_kind": {k.value: sum(1 for f in self.findings if f.kind is k) for k in FindingKind},
            "quotes_checked": self.quotes_checked,
            "pairs_checked": self.pairs_checked,
            "coverage": round(self.coverage, 4),
            "min_coverage": self.policy.min_coverage,
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract ``claimdiff/check/1`` (schema: ``claimdiff/schemas/check-1.schema.json``)."""
        s, d = self.source, self.derived
        return {
            "schema": CHECK_SCHEMA,
            "version": self.version,
            "passed": self.passed,
            "source": {"name": s.name, "sha256": s.sha256, **s.origin()},
            "derived": {"name": d.name, "sha256": d.sha256, **d.origin()},
            "policy": self.policy.to_dict(),
            "findings": [f.to_dict(s.text, d.text) for f in self.findings],
            "summary": self.summary(),
        }


# --------------------------------------------------------------------------------------------------
# helpers


class _Text:
    """A text with its line starts and units, to build :class:`Location` values."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = source.text
        self.starts = line_starts(source.text)
        self.unit_starts = [u.start for u in source.units]

    def unit_at(self, offset: int) -> str | None:
        # units are in text order and do not overlap: the candidate is the last one starting at or before
        i = bisect.bisect_right(self.unit_starts, offset) - 1
        if i >= 0:
            u = self.source.units[i]
            if offset < max(u.end, u.start + 1):
                return self.source.unit_id(i)
        return None

    def location(
        self, start: int, end: int, highlights: Sequence[tuple[int, int]] = (), unit: str | None = None
    ) -> Location:
        line = line_at(self.starts, start)
        last = max(start, end - 1)
        end_line = line_at(self.starts, last)
        return Location(
            start=start,
            end=end,
            line=line,
            column=start - self.starts[line - 1] + 1,
            end_line=end_line,
            end_column=last - self.starts[end_line - 1] + 1,
            text=self.text[start:end],
            unit=unit if unit is not None else self.unit_at(start),
            highlights=tuple(sorted(set(highlights))),
        )


class _Spans:
    """Spans of a text in order, none overlapping another: which hold or meet a stretch, by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]

    def holds(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.spans[k][1]

    def meets(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start) - 1
        if k >= 0 and start < self.spans[k][1]:
            return True
        return k + 1 < len(self.starts) and self.starts[k + 1] < end


# --------------------------------------------------------------------------------------------------
# the check


@dataclass
class _Raw:
    kind: FindingKind
    blocking: bool
    source: Location | None
    derived: Location | None
    message: str
    order: tuple[int, int] = (0, 0)


def _check_quotes(
    src: _Text, der: _Text, policy: Policy, codec: Codec
) -> tuple[list[_Raw], list[tuple[int, int]], int]:
    s_text, d_text = src.text, der.text
    s_quotes = find_quotes(s_text)
    # phrases in single quotation marks are quotations too (headlines; the British style), unless they sit
    # inside a double quotation (a quotation within a quotation is checked with it)
    s_singles = _single_quotes(s_text, s_quotes)
    choices = source_quotes(s_text, sorted(s_quotes + s_singles, key=lambda q: q.start), codec)
    choice_codes = [c.code for c in choices]
    all_words = words(s_text)
    all_code = codec.encode(all_words)
    quoted = _Spans([(q.inner_start, q.inner_end) for q in s_quotes])
    # a phrase SOURCE puts in single quotation marks (a headline's 'we'll see') is quoted there too
    single = _Spans(single_quoted(s_text))
    out: list[_Raw] = []
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
                continue
        best = most_resembling(d_code, choice_codes, policy.quote_threshold)
        if best is not None:
            choice = choices[best]
            if in_order(segments, choice.code) is not None:
                continue
            changes = word_changes(d_words, d_code, choice.words, choice.code, points)
            if not changes:
                continue
            s_marks = [(w.start, w.end) for c in changes for w in c.source]
            d_marks = [(w.start, w.end) for c in changes for w in c.derived]
            altered.append((q.start, q.end))
            out.append(
                _Raw(
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
            sloc = src.location(*found, [found])
            overlaps = quoted.meets(*found)
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
        out.append(_Raw(FindingKind.QUOTE_UNSOURCED, not short, sloc, dloc, message + note, (q.start, 1)))
    return out, altered, checked


def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    """The phrases of ``text`` in single quotation marks (:func:`claimdiff.quotes.single_quoted`) that are
    not inside a double quotation, as quotations."""
    spans = _Spans([(q.start, q.end) for q in doubles])
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


def _figures_of(text: str, start: int, end: int) -> list[Figure]:
    out = []
    for f in figures(text[start:end]):
        out.append(Figure(f.kind, f.value, f.unit, f.start + start, f.end + start, f.text))
    return out


def _check_figures(c: Comparison, src: _Text, der: _Text, altered: list[tuple[int, int]]) -> tuple[list[_Raw], int]:
    out: list[_Raw] = []
    for m in c.matches:
        a_units = [c.a.units[i] for i in m.a]
        b_units = [c.b.units[j] for j in m.b]
        fa = [f for u in a_units for f in _figures_of(src.text, u.start, u.end)]
        fb = [f for u in b_units for f in _figures_of(der.text, u.start, u.end)]
        ra, rb = changed_figures(fa, fb)
        if not ra:
            continue
        if all(any(a <= g.start and g.end <= b for a, b in altered) for g in rb):
            continue  # already reported as an altered quotation
        s_start, s_end = a_units[0].start, a_units[-1].end
        d_start, d_end = b_units[0].start, b_units[-1].end
        message = (
            "figures differ: SOURCE has "
            + ", ".join(f.describe() for f in ra)
            + ", DERIVED has "
            + ", ".join(g.describe() for g in rb)
        )
        out.append(
            _Raw(
                FindingKind.NUMBER_MISMATCH,
                True,
                src.location(s_start, s_end, [(f.start, f.end) for f in ra], unit=c.a.unit_id(m.a[0])),
                der.location(d_start, d_end, [(g.start, g.end) for g in rb], unit=c.b.unit_id(m.b[0])),
                message,
                (d_start, 2),
            )
        )
    return out, len(c.matches)


def _check_coverage(c: Comparison, src: _Text, policy: Policy) -> list[_Raw]:
    if policy.min_coverage is None:
        return []
    statuses = c.statuses("a")
    dropped = [i for i, st in enumerate(statuses) if st is Status.UNIQUE]
    claims = sum(1 for st in statuses if st is not Status.BOILERPLATE)
    coverage = c.summary.coverage_a
    out: list[_Raw] = []
    if coverage < policy.min_coverage:
        out.append(
            _Raw(
                FindingKind.CLAIM_DROPPED,
                True,
                None,
                None,
                f"DERIVED carries {coverage:.0%} of SOURCE's {claims} claims, below the minimum of "
                f"{policy.min_coverage:.0%}: {len(dropped)} dropped",
                (-1, 3),
            )
        )
    for i in dropped:
        u = c.a.units[i]
        out.append(
            _Raw(
                FindingKind.CLAIM_DROPPED,
                False,
                src.location(u.start, u.end, unit=c.a.unit_id(i)),
                None,
                "SOURCE claim with no counterpart in DERIVED",
                (u.start, 3),
            )
        )
    return out


_ORDER = {k: n for n, k in enumerate(FindingKind)}


def check(
    source: str,
    derived: str,
    *,
    names: tuple[str, str] = ("source", "derived"),
    policy: Policy | None = None,
) -> CheckReport:
    """Check that ``derived`` keeps the quotations, figures and (with a coverage floor) the claims of
    ``source``. See the module documentation for the rules.

    Args:
        source: the original report, decoded.
        derived: the rewrite to check.
        names: how the two are named in the report (file paths, or ``-``).
        policy: what fails and the thresholds; :class:`~claimdiff.policy.Policy` defaults otherwise.
    """
    source, derived = require_text(source, "source"), require_text(derived, "derived")
    if policy is not None and not isinstance(policy, Policy):
        raise TypeError(f"policy must be a claimdiff.Policy, got {type(policy).__name__}")
    policy = policy or Policy()
    options = Options(similarity=policy.similarity)
    if policy.threshold is not None:
        options = replace(options, threshold=policy.threshold)
    comparison = compare(source, derived, names=names, options=options)
    src, der = _Text(comparison.a), _Text(comparison.b)
    codec = Codec()
    raw, altered, quotes_checked = _check_quotes(src, der, policy, codec)
    numbers, pairs = _check_figures(comparison, src, der, altered)
    raw += numbers
    raw += _check_coverage(comparison, src, policy)
    raw.sort(key=lambda r: (_ORDER[r.kind], r.order))
    findings = tuple(
        Finding(
            r.kind,
            Severity.ERROR if r.blocking and r.kind in policy.fail_on else Severity.WARNING,
            r.source,
            r.derived,
            r.message,
        )
        for r in raw
    )
    return CheckReport(findings, policy, comparison, quotes_checked=quotes_checked, pairs_checked=pairs)
