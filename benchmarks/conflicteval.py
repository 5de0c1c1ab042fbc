"""Precision and recall of conflicting claims, per kind, on a labelled set of sentence pairs.

Usage (from the repository root)::

    python benchmarks/conflicteval.py [--similarity semantic] [--errors] [FILE.jsonl ...]

Each line of a set (``benchmarks/data/conflicts/dev.jsonl``; the held-out ``tests/heldout/conflicts/pairs.jsonl``
is measured once, never tuned on) holds ``a``, ``b`` and ``kind`` (``figure``, ``negation``, ``modality``,
``attribution``, or ``null`` for a harmless rewording). Each pair is compared with :func:`claimdiff.compare`;
the kinds of the conflicts found in its matches are the prediction. A pair of kind K counts as found for K
when K is among them; every other kind predicted is a false alarm of that kind (on a harmless pair, every
kind predicted is). A pair that does not align at all counts as a miss. ``--errors`` lists the misses and
false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import claimdiff
from claimdiff.model import ConflictKind

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "benchmarks" / "data" / "conflicts" / "dev.jsonl"
KINDS = [k.value for k in ConflictKind]


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(case: dict[str, Any], similarity: str = "lexical") -> tuple[set[str], bool, list[str]]:
    """The conflict kinds found for a pair, whether it aligned, and the reasons."""
    a, b = case["a"], case["b"]
    c = claimdiff.compare(a, b, similarity=similarity)
    kinds = {x.kind.value for m in c.matches for x in m.conflicts}
    reasons = [x.reason(a, b) for m in c.matches for x in m.conflicts]
    return kinds, bool(c.matches), reasons


def evaluate(cases: list[dict[str, Any]], similarity: str = "lexical") -> dict[str, Any]:
    """Counts and figures per kind, the share of harmless pairs left alone, and the errors."""
    tp = dict.fromkeys(KINDS, 0)
    fp = dict.fromkeys(KINDS, 0)
    fn = dict.fromkeys(KINDS, 0)
    harmless = clean = 0
    errors: list[str] = []
    for case in cases:
        gold = case["kind"]
        kinds, aligned, reasons = predict(case, similarity)
        if gold is None:
            harmless += 1
            clean += not kinds
        elif gold in kinds:
            tp[gold] += 1
        else:
            fn[gold] += 1
            why = "not aligned" if not aligned else ("; ".join(reasons) or "no conflict found")
            errors.append(f"MISS {case['id']} [{gold}]: {why}")
        for k in kinds - ({gold} if gold else set()):
            fp[k] += 1
            errors.append(f"FALSE {case['id']} [{k}, gold {gold or 'harmless'}]: {'; '.join(reasons)}")
    per_kind = {}
    for k in KINDS:
        found, said = tp[k] + fn[k], tp[k] + fp[k]
        per_kind[k] = {
            "precision": round(tp[k] / said, 3) if said else None,
            "recall": round(tp[k] / found, 3) if found else None,
            "tp": tp[k],
            "fp": fp[k],
            "fn": fn[k],
        }
    return {
        "pairs": len(cases),
        "harmless": harmless,
        "harmless_clean": round(clean / harmless, 3) if harmless else None,
        "kinds": per_kind,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEV])
    ap.add_argument("--similarity", default="lexical", choices=["lexical", "semantic"])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = ap.parse_args(argv)
    cases = [c for f in args.files for c in load(f)]
    result = evaluate(cases, args.similarity)
    print(f"{result['pairs']} pairs; harmless pairs left alone: {result['harmless_clean']}")
    for k, v in result["kinds"].items():
        print(f"  {k:12} precision {v['precision']}  recall {v['recall']}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    if args.errors:
        for line in result["errors"]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
