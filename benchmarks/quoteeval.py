"""Quotation fidelity: precision and recall of ``quote-altered``, and how exactly quotation spans are read.

Usage (from the repository root)::

    python benchmarks/quoteeval.py [--errors] [FILE.jsonl ...]

Each line of a set (``benchmarks/data/quotes/dev.jsonl``; the held-out ``tests/heldout/quotes/heldout.jsonl``
is measured once, never tuned on) holds a SOURCE excerpt, a DERIVED copy with one edit inside a quotation
or one harmless change, the sentence of DERIVED that holds an edit, and every quotation of DERIVED as a
careful reader reads it (without its marks). For each case :func:`claimdiff.check.check` runs with the
default policy:

* an edit is **found** when a ``quote-altered`` finding, or a ``quote-unsourced`` error, lies in its
  sentence (``quote-altered`` alone is reported too);
* every ``quote-altered`` finding, or ``quote-unsourced`` error, on a harmless case is a **false alarm**;
* **spans**: the share of the gold quotations that :func:`claimdiff.quotes.find_quotes` (with
  :func:`claimdiff.quotes.nested_quotes`) and :func:`claimdiff.quotes.single_quoted` read with exactly the
  same inner text (padding spaces aside), per case and pooled.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from claimdiff.check import Finding, Severity, check
from claimdiff.policy import FindingKind
from claimdiff.quotes import find_quotes, nested_quotes, single_quoted

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "benchmarks" / "data" / "quotes" / "dev.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _counts(f: Finding, strict: bool) -> bool:
    if f.kind is FindingKind.QUOTE_ALTERED:
        return True
    return not strict and f.kind is FindingKind.QUOTE_UNSOURCED and f.severity is Severity.ERROR


def spans(text: str) -> set[str]:
    """The inner text of every quotation claimdiff reads in ``text``, padding spaces stripped."""
    quotes = find_quotes(text)
    found = {text[q.inner_start : q.inner_end].strip() for q in [*quotes, *nested_quotes(text, quotes)]}
    found |= {text[a:b].strip() for a, b in single_quoted(text)}
    return found


def evaluate(cases: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"cases": len(cases)}
    for strict in (False, True):
        tp = fn = fp = harmless = 0
        errors: list[str] = []
        for case in cases:
            report = check(case["source"], case["derived"])
            hits = [f for f in report.findings if _counts(f, strict)]
            if case["change"] == "edit":
                d = case["derived"]
                lo = d.index(case["derived_sentence"])
                hi = lo + len(case["derived_sentence"])
                inside = [f for f in hits if f.derived is not None and f.derived.start < hi and f.derived.end > lo]
                if inside:
                    tp += 1
                else:
                    fn += 1
                    said = "; ".join(f"{f.kind.value}: {f.message}" for f in report.findings) or "nothing"
                    errors.append(f"MISS {case['id']} ({case['type']}): {said}")
                fp += len(hits) - len(inside)
            else:
                harmless += 1
                fp += len(hits)
                errors.extend(f"FALSE {case['id']} ({case['type']}): {f.kind.value}: {f.message}" for f in hits)
        key = "quote_altered" if strict else "quotations"
        out[key] = {
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "harmless": harmless,
        }
        if not strict:
            out["errors"] = errors
    exact = total = whole = 0
    span_errors = []
    for case in cases:
        gold = {q.strip() for q in case["quotes"]}
        got = spans(case["derived"])
        exact += len(gold & got)
        total += len(gold)
        whole += gold <= got
        if not gold <= got:
            span_errors.append(f"SPAN {case['id']}: not read {sorted(gold - got)}")
    out["spans"] = {
        "quotations_exact": round(exact / total, 3) if total else None,
        "cases_exact": round(whole / len(cases), 3) if cases else None,
    }
    out["span_errors"] = span_errors
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEV])
    ap.add_argument("--errors", action="store_true", help="list misses, false alarms and spans not read")
    args = ap.parse_args(argv)
    result = evaluate([c for f in args.files for c in load(f)])
    print(f"{result['cases']} cases")
    for key in ("quotations", "quote_altered"):
        v = result[key]
        print(f"  {key:14} precision {v['precision']}  recall {v['recall']}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    s = result["spans"]
    print(f"  spans          quotations read exactly {s['quotations_exact']}, cases with every span {s['cases_exact']}")
    if args.errors:
        for line in result["errors"] + result["span_errors"]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
