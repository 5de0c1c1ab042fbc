"""Which generated stories does corpus grouping merge, and why: the errors behind the precision of
``benchmarks/corpus.py``.

For a synthetic corpus (the same generator and seed as the benchmark) it reads every article as corpus mode
does (segmentation, terms, signature), groups them, and prints each predicted story that holds articles of
several generated stories: the generated stories merged (their sizes), the terms the cross pairs share (with
how many articles have them), the scores of the cross pairs (cosine, and cosine without the strongest shared
term), and how the merge came about (one link, most cross pairs, or every cross pair linked).

    python benchmarks/corpus_errors.py --size 5000
    python benchmarks/corpus_errors.py --size 5000 --support 0   # without the support rule (the old grouping)
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from itertools import combinations
from pathlib import Path

from corpus import precision_recall, write_corpus

from claimdiff.corpus import grouping, plan


def read(size: int, seed: int) -> tuple[list[int], list[dict[str, int]], list[bytes]]:
    """The generated truth, and each article's terms and signature as corpus mode computes them."""
    with tempfile.TemporaryDirectory(prefix="claimdiff-errors-") as tmp:
        truth = write_corpus(Path(tmp), size, seed)
        names = sorted(str(p) for p in Path(tmp).iterdir())
        batches = plan.batches(names, plan.READ_BATCH)
        encodings, boilerplate = [None] * len(batches), [True] * len(batches)
        with ProcessPoolExecutor() as pool:
            works = [w for b in pool.map(plan.read_batch, batches, encodings, boilerplate) for w in b]
    return truth, [dict(w.terms) for w in works], [w.signature for w in works]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--support", type=float, default=grouping.SUPPORT)
    ap.add_argument("--show", type=int, default=10, help="wrong stories printed in full")
    args = ap.parse_args(argv)
    truth, terms, signatures = read(args.size, args.seed)
    stories, candidates, links = grouping.group(terms, signatures, support=args.support)
    label = {a: k for k, s in enumerate(stories) for a in s}
    precision, recall = precision_recall(truth, [label[a] for a in range(len(terms))])
    print(f"{args.size} articles, {candidates} candidate pairs, {links} links, {len(stories)} stories")
    print(f"  ({len(set(truth))} generated); pairwise precision {precision:.4f}, recall {recall:.4f}")
    vectors = grouping.weights(terms)
    norms = [math.sqrt(sum(w * w for w in v.values())) for v in vectors]
    df: Counter[str] = Counter()
    for t in terms:
        df.update(t.keys())
    size_of = Counter(truth)
    how: Counter[str] = Counter()
    wrong = 0
    for story in stories:
        parts: dict[int, list[int]] = defaultdict(list)
        for a in story:
            parts[truth[a]].append(a)
        if len(parts) < 2:
            continue
        wrong += 1
        cross = [(x, y) for p, q in combinations(parts.values(), 2) for x in p for y in q]
        scores = {(x, y): grouping.cosine_support(vectors[x], vectors[y], norms[x], norms[y]) for x, y in cross}
        linked = sum(
            1 for x, y in cross if grouping.link_score(vectors[x], vectors[y], norms[x], norms[y], support=args.support)
        )
        kind = "one link" if linked == 1 else "every cross pair" if linked == len(cross) else "most cross pairs"
        how[kind] += 1
        if wrong > args.show:
            continue
        shared: Counter[str] = Counter()
        for x, y in cross:
            shared.update(set(terms[x]) & set(terms[y]))
        best = max(cross, key=lambda p: scores[p])
        sizes = ", ".join(f"story {t}: {len(p)} of {size_of[t]}" for t, p in parts.items())
        print(f"\nmerged: {sizes}; {linked} of {len(cross)} cross pairs linked ({kind})")
        print("  shared across (pairs, df): " + ", ".join(f"{t} ({c}, {df[t]})" for t, c in shared.most_common(8)))
        cos, rest = scores[best]
        common = sorted(set(terms[best[0]]) & set(terms[best[1]]), key=lambda t: df[t])
        print(f"  best cross pair: cosine {cos:.3f}, {rest:.3f} without its strongest term; shares {common}")
    print(f"\n{wrong} wrong stories: " + ", ".join(f"{k} {v}" for k, v in how.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
