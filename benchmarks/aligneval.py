"""Alignment F1 on annotated cases, in one process, for tuning (development tool).

Usage (from the repository root)::

    python benchmarks/aligneval.py [--similarity semantic] [--opt threshold=48] [--set digit=1]
        [--blend anchor=56] CASE_DIR...

Scores exactly as ``../shared/tools/score_alignment.py`` does (its own functions are loaded and run),
but calls :func:`claimdiff.compare` in this process instead of a subprocess per case, so that a grid
of settings runs in seconds. Tune only on development cases (``tests/eval``, the seed pair); the
held-out cases in ``tests/heldout`` are measured once with the shared script and never tuned on.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import shlex
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

from _data import SCORER

import claimdiff
from claimdiff.similarity import semantic
from claimdiff.similarity.lexical import Weights


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_alignment", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_process(options: dict[str, Any]) -> SimpleNamespace:
    """A stand-in for the ``subprocess`` module whose ``run`` compares in this process."""

    def run(argv: list[str], **_: Any) -> SimpleNamespace:
        a, b = (p for p in argv if p.endswith(".txt"))
        text_a = Path(a).read_text(encoding="utf-8")
        text_b = Path(b).read_text(encoding="utf-8")
        result = claimdiff.compare(text_a, text_b, names=(a, b), **options)
        return SimpleNamespace(returncode=0, stdout=json.dumps(result.to_dict()), stderr="")

    return SimpleNamespace(run=run)


def parse(pairs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in pairs:
        key, _, value = item.partition("=")
        try:
            out[key] = float(value)
        except ValueError:
            out[key] = value
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", nargs="+")
    ap.add_argument("--similarity", default="lexical")
    ap.add_argument("--opt", action="append", default=[], help="an option of claimdiff.Options, NAME=VALUE")
    ap.add_argument("--set", action="append", default=[], help="a field of lexical.Weights, NAME=VALUE")
    ap.add_argument("--const", action="append", default=[], help="a constant of claimdiff.compare, NAME=VALUE")
    ap.add_argument("--blend", action="append", default=[], help="a field of semantic.Blend, NAME=VALUE")
    ap.add_argument("--quiet", action="store_true", help="print the pooled line only")
    args = ap.parse_args(argv)
    options: dict[str, Any] = {"similarity": args.similarity, **parse(args.opt)}
    if args.set:
        options["weights"] = Weights(**parse(args.set))
    if args.blend:
        semantic.DEFAULT_BLEND = replace(semantic.DEFAULT_BLEND, **parse(args.blend))
    compare_module = importlib.import_module("claimdiff.compare")
    for name, value in parse(args.const).items():
        if not hasattr(compare_module, name):
            raise SystemExit(f"claimdiff.compare has no constant {name}")
        setattr(compare_module, name, value)
    scorer = load_scorer()
    scorer.subprocess = in_process(options)  # type: ignore[attr-defined]
    rows = [scorer.score_case(c, shlex.join(["claimdiff", "{a}", "{b}"])) for c in args.cases]
    if not args.quiet:
        for r in rows:
            s = scorer.summarize([r])
            print(f"{r['case']:34s} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} label {s['label']:.3f}")
    s = scorer.summarize(rows)
    print(
        f"pooled F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f} unique {s['unique']:.3f} "
        f"label {s['label']:.3f} boiler {s['boiler']:.3f}  ({len(rows)} cases; {options} {args.blend})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
