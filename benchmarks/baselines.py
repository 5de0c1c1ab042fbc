"""Naive document aligners, the anchors of the document-alignment benchmark.

Usage: ``python benchmarks/baselines.py {tokenset,difflib} A.txt B.txt``

Both split the texts with :func:`claimdiff.segment` (so that the segmentation is the same as
claimdiff's and only the matching differs), score every pair of units, then take pairs greedily from
the best score down, each unit at most once, while the score reaches the threshold:

* ``tokenset``: rapidfuzz ``token_set_ratio`` with ``default_process``, threshold 60 (0-100);
* ``difflib``: ``difflib.SequenceMatcher(None, a, b).ratio()``, threshold 0.6 (0-1).

A match is labelled ``shared`` when its score reaches 80 (0.8), else ``paraphrased``. No boilerplate
detection, no many-to-one matches. The output is the subset of claimdiff's JSON that
``../shared/tools/score_alignment.py`` reads: sources with units (id, start, end, status) and matches
(label, units).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, utils

import claimdiff


@dataclass(frozen=True, slots=True)
class Baseline:
    """A pair scorer with its match and ``shared`` thresholds, on the scorer's own scale."""

    score: Callable[[str, str], float]
    threshold: float
    shared: float


def _token_set(x: str, y: str) -> float:
    return float(fuzz.token_set_ratio(x, y, processor=utils.default_process))


def _difflib(x: str, y: str) -> float:
    return difflib.SequenceMatcher(None, x, y).ratio()


BASELINES = {
    "tokenset": Baseline(_token_set, 60.0, 80.0),
    "difflib": Baseline(_difflib, 0.6, 0.8),
}


def greedy(a: Sequence[str], b: Sequence[str], baseline: Baseline) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(i, j, score)`` taken from the best score down while it reaches the threshold."""
    scored = [(baseline.score(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)]
    scored = [t for t in scored if t[0] >= baseline.threshold]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for s, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, s))
    return sorted(pairs)


def run(kind: str, a_text: str, b_text: str) -> dict[str, Any]:
    """The JSON document (as a dict) for two texts."""
    baseline = BASELINES[kind]
    ua, ub = claimdiff.segment(a_text), claimdiff.segment(b_text)
    pairs = greedy([u.text for u in ua], [u.text for u in ub], baseline)
    status_a = ["unique"] * len(ua)
    status_b = ["unique"] * len(ub)
    matches = []
    for i, j, s in pairs:
        label = "shared" if s >= baseline.shared else "paraphrased"
        status_a[i] = status_b[j] = label
        matches.append({"label": label, "score": round(s, 4), "units": {"a": [f"a{i}"], "b": [f"b{j}"]}})
    sources = [
        {
            "id": side,
            "units": [
                {"id": f"{side}{k}", "start": u.start, "end": u.end, "text": u.text, "status": status[k]}
                for k, u in enumerate(units)
            ],
        }
        for side, units, status in (("a", ua, status_a), ("b", ub, status_b))
    ]
    return {"baseline": kind, "sources": sources, "matches": matches}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("kind", choices=sorted(BASELINES))
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    # Read without newline translation, as the scorer does, so that offsets agree.
    texts = []
    for path in (args.a, args.b):
        with path.open(encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
    json.dump(run(args.kind, texts[0], texts[1]), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
