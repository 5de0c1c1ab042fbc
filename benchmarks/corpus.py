"""Corpus mode at scale: synthetic days of coverage of 1k, 5k and 20k articles.

Each corpus is written to a temporary folder, deterministically from ``--seed``: stories of 1 to 12 articles,
each article written from the story's shared fact set (people, a place, an organisation, figures) in its
own words (templates and synonyms reworded, facts picked and shuffled per article, an outlet byline and
filler), plus unrelated singletons. Names are drawn from shared pools, so unrelated stories do share some
names, as real ones do.

For each size it prints wall time, the driver's peak memory (max RSS of this process; generation included),
candidate pairs per article, and pairwise grouping precision/recall against the generated truth, for a local
run and (``--cluster``) on a 2-worker ``LocalCluster``; then the scaling ratio time(20k) / time(5k).

    python benchmarks/corpus.py                       # 1k, 5k, 20k, local; then 1k and 5k on a cluster
    python benchmarks/corpus.py --sizes 1000 --no-cluster --markdown
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SYL = "ka lo mi ra ven dor sul tam bri gal hen vos quil mar tes nor fin dal wyn ost rek pel zan cor bel".split()
TOPICS = [
    ("fire", "blaze", "firefighters", "smoke"),
    ("flood", "floodwaters", "rescuers", "river"),
    ("strike", "walkout", "union", "picket"),
    ("election", "vote", "ballots", "candidate"),
    ("recall", "defect", "regulators", "product"),
    ("merger", "takeover", "shareholders", "deal"),
    ("derailment", "train", "carriages", "rail"),
    ("verdict", "jury", "prosecutors", "trial"),
    ("outbreak", "infections", "clinics", "virus"),
    ("layoffs", "job cuts", "employees", "restructuring"),
]
SAID = ["said", "told reporters", "announced", "confirmed", "stated"]
OUTLETS = [f"{a.title()}{b} {c}" for a in SYL[:8] for b in SYL[8:12] for c in ("Times", "Herald", "Post")]


def name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYL) for _ in range(syllables)).title()


class Pools:
    """Name pools shared by all stories (so unrelated stories meet some of the same names)."""

    def __init__(self, rng: random.Random) -> None:
        self.first = [name(rng, 2) for _ in range(300)]
        self.last = [name(rng, 3) for _ in range(4000)]
        self.places = [name(rng, 2) + rng.choice(["ton", "ford", " Falls", " Bay", "ville"]) for _ in range(800)]
        self.orgs = [name(rng, 2) + rng.choice([" Industries", " Group", " Council", " Agency"]) for _ in range(1500)]


def facts(rng: random.Random, pools: Pools) -> dict[str, Any]:
    topic = rng.choice(TOPICS)
    people = [f"{rng.choice(pools.first)} {rng.choice(pools.last)}" for _ in range(rng.randint(2, 4))]
    return {
        "topic": topic,
        "people": people,
        "place": rng.choice(pools.places),
        "org": rng.choice(pools.orgs),
        "numbers": [rng.randint(12, 9800) for _ in range(4)],
        "day": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    }


def article(rng: random.Random, f: dict[str, Any]) -> str:
    t, p, n = f["topic"], f["people"], f["numbers"]

    def said() -> str:
        return rng.choice(SAID)

    pool = [
        f"A {t[0]} hit {f['place']} on {f['day']}, and {t[2]} worked through the night.",
        f"{p[0]} of {f['org']} {said()} that {n[0]} people were affected by the {t[1]}.",
        f"About {n[1]} residents of {f['place']} were told to leave their homes, {p[1]} {said()}.",
        f"The {t[1]} cost {f['org']} an estimated {n[2]} thousand dollars, according to {p[0]}.",
        f"\u201cWe have never seen a {t[0]} like this in {f['place']},\u201d {p[1]} {said()}.",
        f"Officials expect the {t[3]} to remain a concern for at least {n[3] % 30 + 2} days.",
        f"{p[-1]}, who leads the local response, {said()} more {t[2]} would arrive.",
        f"Critics of {f['org']} {said()} the warning signs were clear well before {f['day']}.",
    ]
    chosen = [s for s in pool if rng.random() < 0.75] or pool[:2]
    rng.shuffle(chosen)
    filler = [
        "The situation was changing quickly, and more details were expected later in the day.",
        "Residents gathered outside the town hall to ask questions about what comes next.",
        "It was not immediately clear how long the recovery would take.",
    ]
    body = chosen + rng.sample(filler, rng.randint(0, 2))
    headline = f"{t[0].title()} in {f['place']}: {p[0]} speaks"
    return f"{headline}\n\nBy {name(rng, 2)} {name(rng, 3)}, {rng.choice(OUTLETS)}\n\n" + "\n\n".join(body) + "\n"


def write_corpus(folder: Path, size: int, seed: int) -> list[int]:
    """Write ``size`` articles; return the story number of each file, in sorted file-name order."""
    rng = random.Random(seed)
    pools = Pools(rng)
    truth: list[int] = []
    story = 0
    while len(truth) < size:
        k = min(size - len(truth), 1 if rng.random() < 0.25 else rng.randint(2, 12))
        f = facts(rng, pools)
        for _ in range(k):
            (folder / f"{len(truth):06d}.txt").write_text(article(rng, f), encoding="utf-8")
            truth.append(story)
        story += 1
    return truth


def pairs_of(labels: list[int]) -> Iterator[tuple[int, int]]:
    groups: dict[int, list[int]] = {}
    for i, g in enumerate(labels):
        groups.setdefault(g, []).append(i)
    for members in groups.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield members[x], members[y]


def precision_recall(truth: list[int], predicted: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping (1.0 when there is no pair to find or to get wrong)."""
    t, p = set(pairs_of(truth)), set(pairs_of(predicted))
    return (len(t & p) / len(p) if p else 1.0), (len(t & p) / len(t) if t else 1.0)


def measure(size: int, seed: int, cluster: Any = None, compare: bool = True) -> dict[str, Any]:
    import claimdiff.corpus as cc

    with tempfile.TemporaryDirectory(prefix="claimdiff-corpus-") as tmp:
        truth = write_corpus(Path(tmp), size, seed)
        start = time.perf_counter()
        run = cc.start([tmp], scheduler=cluster)
        stories = list(run.stories) if compare else []
        seconds = time.perf_counter() - start
    label = {}
    for k, s in enumerate(stories or []):
        for a in s.articles:
            label[a] = k
    if not compare:
        return {"size": size, "seconds": seconds}
    predicted = [label[a.id] for a in run.articles]
    precision, recall = precision_recall(truth, predicted)
    return {
        "size": size,
        "where": "cluster (2 workers)" if cluster is not None else "local",
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "candidates_per_article": round(run.grouping.candidate_pairs / max(1, size), 2),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "stories": len(stories),
        "true_stories": len(Counter(truth)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--cluster-sizes", type=int, nargs="*", default=[1000, 5000])
    ap.add_argument("--no-cluster", action="store_true")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    rows = [measure(n, args.seed) for n in args.sizes]
    if not args.no_cluster and args.cluster_sizes:
        import importlib

        distributed: Any = importlib.import_module("distributed")  # partly typed: used through Any
        Client, LocalCluster = distributed.Client, distributed.LocalCluster

        with (
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc,
            Client(lc) as client,
        ):
            rows += [measure(n, args.seed, cluster=client) for n in args.cluster_sizes]
    keys = list(rows[0])
    if args.markdown:
        print("| " + " | ".join(keys) + " |")
        print("|" + "---|" * len(keys))
    for r in rows:
        print(
            ("| " + " | ".join(str(r[k]) for k in keys) + " |")
            if args.markdown
            else "  ".join(f"{k}={r[k]}" for k in keys)
        )
    local = {r["size"]: r["seconds"] for r in rows if r["where"] == "local"}
    if 5000 in local and 20000 in local:
        print(f"scaling: time(20k) / time(5k) = {local[20000] / local[5000]:.2f} (target <= 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
