"""Type-checked by .ci/run against an installed wheel, as a user's own code would be: the package's types
(py.typed) must reach mypy --strict outside the repository."""

from __future__ import annotations

import claimdiff
from claimdiff.check import CheckReport, check
from claimdiff.model import Comparison, ConflictKind, Label


def summarise(a: str, b: str) -> tuple[int, list[str]]:
    result: Comparison = claimdiff.compare(a, b, threshold=50.0)
    kinds: list[str] = [x.kind.value for m in result.matches for x in m.conflicts if x.kind is ConflictKind.FIGURE]
    shared: int = sum(1 for m in result.matches if m.label is Label.SHARED)
    return shared, kinds


def gate(source: str, derived: str) -> bool:
    report: CheckReport = check(source, derived, policy=claimdiff.Policy(min_coverage=0.5))
    return report.passed
