"""Edited rewrites of real reports: is every meaning-changing edit reported at its sentence, and no harmless
rewording?

Usage (from the repository root)::

    python benchmarks/rewriteeval.py [CASE_DIR ...]   # default: tests/heldout/conflicts/rewrites/*

Each case holds ``source.txt`` (a real report's excerpt), ``derived.txt`` (a rewrite with a few meaning changes
among harmless rewordings) and ``gold.json`` (each change's kind and derived sentence, and the harmlessly
reworded sentences). :func:`claimdiff.check.check` runs with a policy that reports every kind; an edit is
**found** when a conflict finding (``number-mismatch``, ``negation-flipped``, ``modality-changed``,
``attribution-changed``) lies in its sentence, and **of its kind** when one of that kind does; a finding in a
harmless sentence is a **false alarm**. The set is held out: measured, never tuned on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from claimdiff.check import Finding, Location, check
from claimdiff.policy import ALL_KINDS, FindingKind, Policy

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "heldout" / "conflicts" / "rewrites"
KIND = {
    "figure": FindingKind.NUMBER_MISMATCH,
    "negation": FindingKind.NEGATION_FLIPPED,
    "modality": FindingKind.MODALITY_CHANGED,
    "attribution": FindingKind.ATTRIBUTION_CHANGED,
}


def evaluate(cases: list[Path]) -> dict[str, Any]:
    found = of_kind = edits = harmless = false = 0
    lines: list[str] = []
    for case in cases:
        source = (case / "source.txt").read_text(encoding="utf-8")
        derived = (case / "derived.txt").read_text(encoding="utf-8")
        gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
        report = check(source, derived, policy=Policy(fail_on=ALL_KINDS, ignore=frozenset()))
        hits = [(f, f.derived) for f in report.findings if f.kind in KIND.values() and f.derived is not None]

        def inside(sentence: str, text: str = derived, hits: list[tuple[Finding, Location]] = hits) -> list[Finding]:
            lo = text.index(sentence)
            hi = lo + len(sentence)
            return [f for f, at in hits if at.start < hi and at.end > lo]

        for edit in gold["conflicts"]:
            edits += 1
            at = inside(edit["derived_sentence"])
            found += bool(at)
            of_kind += any(f.kind is KIND[edit["kind"]] for f in at)
            if not at:
                lines.append(f"MISS {case.name} [{edit['kind']}]: {edit['derived_span']!r}")
        for sentence in gold["harmless"]:
            harmless += 1
            at = inside(sentence)
            false += bool(at)
            lines.extend(f"FALSE {case.name}: {f.kind.value}: {f.message}" for f in at)
    return {
        "edits": edits,
        "found": found,
        "of_kind": of_kind,
        "harmless": harmless,
        "false_alarms": false,
        "errors": lines,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    cases = [Path(a) for a in args] or sorted(p for p in CASES.iterdir() if (p / "gold.json").exists())
    r = evaluate(cases)
    print(
        f"{len(cases)} rewrites: {r['found']} of {r['edits']} meaning changes reported at their sentence "
        f"({r['of_kind']} of their kind); {r['false_alarms']} of {r['harmless']} harmless rewordings reported"
    )
    for line in r["errors"]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
