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

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from claimdiff._version import __version__
from claimdiff.check_claims import check_conflicts, check_coverage
from claimdiff.check_quotes import check_quotes
from claimdiff.compare import Options, compare
from claimdiff.locate import Location, TextIndex
from claimdiff.model import Comparison, Meta, Source, SourceKind, require_text
from claimdiff.policy import FindingKind, Policy
from claimdiff.quotediff import Codec

CHECK_SCHEMA = "claimdiff/check/2"

__all__ = ["CHECK_SCHEMA", "CheckReport", "Finding", "FindingKind", "Location", "Policy", "Severity", "check"]


class Severity(StrEnum):
    ERROR = "error"
    """Fails the check."""
    WARNING = "warning"
    """Reported; does not fail the check."""


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
        """The JSON contract ``claimdiff/check/2`` (schema: ``claimdiff/schemas/check-2.schema.json``)."""
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
    src, der = TextIndex(comparison.a), TextIndex(comparison.b)
    raw, altered, quotes_checked = check_quotes(src, der, policy, Codec())
    claims, pairs = check_conflicts(comparison, src, der, altered)
    raw += claims
    raw += check_coverage(comparison, src, policy)
    raw = [r for r in raw if r.kind not in policy.ignore]
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
