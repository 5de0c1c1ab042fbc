"""What the claim matrix costs (``python benchmarks/speed.py --matrix``).

Ten reports of 40 sentences each are generated from a seed (``synth.py`` sentences): a story of 60 sentences,
of which each report tells 40, a third of them reworded, in its own order. In one process, everything imported
and warmed up beforehand, the median of ``runs`` rounds of:

* the 45 pairwise :func:`claimdiff.compare` calls, each timed on its own, summed;
* one :func:`claimdiff.matrix.matrix` call over the ten reports (its own 45 comparisons and the join).

The ratio of the two is the issue's measure (target: at most 3). Never asserted as wall time in a test.
"""

from __future__ import annotations

import random
import statistics
import time
from itertools import combinations
from typing import Any

from synth import _reword, _sentence, _Vocabulary, _words

REPORTS, SENTENCES, STORY = 10, 40, 60


def reports(seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    vocab = _Vocabulary(rng)
    story = [_words(vocab) for _ in range(STORY)]
    out: list[str] = []
    for _ in range(REPORTS):
        picked = rng.sample(range(STORY), SENTENCES)
        sentences = [_sentence(_reword(story[i], vocab) if rng.random() < 1 / 3 else story[i]) for i in picked]
        out.append(" ".join(sentences) + "\n")
    return out


def matrix_costs(runs: int = 3, seed: int = 0) -> dict[str, Any]:
    import claimdiff
    from claimdiff.matrix import matrix

    texts = reports(seed)
    claimdiff.compare(texts[0], texts[1])  # warm-up: imports, compiled patterns, word tables
    pairwise: list[float] = []
    whole: list[float] = []
    rows = 0
    for _ in range(runs):
        total = 0.0
        for i, j in combinations(range(len(texts)), 2):
            t0 = time.perf_counter()
            claimdiff.compare(texts[i], texts[j])
            total += time.perf_counter() - t0
        pairwise.append(total)
        t0 = time.perf_counter()
        m = matrix(texts)
        whole.append(time.perf_counter() - t0)
        rows = len(m.claims)
    p, w = statistics.median(pairwise), statistics.median(whole)
    return {"pairwise": p, "matrix": w, "ratio": w / p, "claims": rows, "runs": runs}


def report(c: dict[str, Any]) -> str:
    return (
        f"matrix: {REPORTS} reports of {SENTENCES} sentences, {c['claims']} claims; the 45 pairwise compare calls "
        f"{c['pairwise']:.3f} s, matrix {c['matrix']:.3f} s: ratio {c['ratio']:.2f} (target: at most 3; "
        f"median of {c['runs']} rounds, one process)"
    )
