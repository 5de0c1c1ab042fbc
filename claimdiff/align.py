"""Alignment: which claims of report A state the same thing as which claims of report B.

Three steps, each deterministic and symmetric (swapping A and B mirrors the result):

1. **Candidates** (:func:`candidates`). Only pairs that share enough informative evidence are
   scored, never a dense N x M matrix. A pair can reach the threshold only if its units share a
   known share of the lighter unit's weight (the score's overlap term is at most the shared weight
   over the lighter unit's, its rapidfuzz term at most 1, and short claims are scaled down), and a
   pair sharing under ``min_share`` of it is not taken for the same claim. Each unit probes an
   inverted index of the other report for the partners at least as heavy as itself (so every pair is
   probed once, from its lighter side) with only the *prefix* of its stems that such a partner cannot
   avoid sharing: its stems minus the commonest ones whose weight stays under half of what it needs
   (prefix filtering). A stem found in more than ``max_postings`` units of a report is no evidence and
   is never walked, so topic words and boilerplate cannot make the work quadratic. Every candidate's
   overlap is then computed exactly and bounded with the lengths of the texts; the best
   ``max_candidates`` per probing unit are scored. Identical texts (score 100) are paired directly.
   ``exhaustive=True`` scores every pair instead: the reference that the tests and
   ``benchmarks/speed.py`` compare against; on ordinary reports both modes give the same matches.
2. **One-to-one** (:func:`align`). Pairs at or above the threshold are taken greedily from the best
   down, each unit at most once: the best remaining pair is always a mutual best among the units
   still free. Ties are broken by closeness of relative position in the two reports, then by
   position, so the order of the inputs never changes which of two equal pairs wins. Then free pairs
   right next to an aligned pair on both sides are accepted at a lower threshold, best first. This
   weak evidence (a mutual best below the threshold, a neighbour) never links two claims whose figures
   disagree (both state figures and share none).
3. **Many-to-one**. A unit left unmatched joins a match when the other side's single unit carries its
   words beyond what the match already explains (a sentence of one report that merges two of the
   other, or the reverse).

Steps 2 and 3 score the pairs they look at that are not in the scores they are given (the neighbours
of a match, and the units carrying much of a leftover unit's weight, found through an index of the
matched units), so they do not depend on which pairs below the threshold candidate generation kept.

Cost: building the indexes and probing them is linear in the postings walked (bounded per stem),
scoring is linear in the candidates (bounded per unit), the greedy pass sorts only the pairs at or
above the threshold, and the gap filling pops a heap of the neighbours of matches: close to linear
in the length of the reports (``benchmarks/speed.py`` measures it).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, islice

from claimdiff.similarity.lexical import Profile, Scorer, Weights, combine, numbers_conflict

Pair = tuple[int, int]

_EPS = 1e-9
"""Slack for float sums taken in a different order than the scorer's."""
_WEAK_MIN_WORDS = 4
"""Claims of fewer distinct words never align on weak evidence alone (an outlet's name, a byline)."""


@dataclass(frozen=True, slots=True)
class Group:
    """An alignment before labelling: unit indexes on each side and the score that linked them."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


def _tie_key(i: int, j: int, na: int, nb: int) -> tuple[float, int, int]:
    # Symmetric in (A, B): swapping the inputs maps (i, j, na, nb) to (j, i, nb, na) and leaves the
    # first two keys unchanged. The last key only separates pairs that are mirror images.
    return (abs((i + 0.5) / na - (j + 0.5) / nb), i + j, i)


# --- candidate generation -----------------------------------------------------------------------------


class _Index:
    """Inverted index: stem -> [(unit, weight of the stem in the unit)], heaviest units first.

    Postings are ordered by the units' total weight, decreasing, so that a probe can walk only the
    units at least as heavy as the probing one (``bounds`` holds the negated totals for bisection).
    Stems in more than ``max_postings`` units are never walked: only their count is kept.
    """

    __slots__ = ("bounds", "df", "max_postings", "postings")

    def __init__(self, profiles: Iterable[tuple[int, Profile]], max_postings: int) -> None:
        entries: dict[str, list[tuple[float, int, float]]] = {}
        for k, p in profiles:
            total = -p.total
            for key, w in p.weights.items():
                rows = entries.get(key)
                if rows is None:
                    entries[key] = [(total, k, w)]
                else:
                    rows.append((total, k, w))
        self.max_postings = max_postings
        self.df = {key: len(rows) for key, rows in entries.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        self.bounds: dict[str, list[float]] = {}
        for key, rows in entries.items():
            if len(rows) <= max_postings:
                rows.sort()
                self.postings[key] = [(k, w) for _, k, w in rows]
                self.bounds[key] = [t for t, _, _ in rows]


@dataclass(slots=True)
class _Probe:
    """What probing the index with one unit found (see :func:`_probe`)."""

    acc: dict[int, float]
    """Units reached, with the overlap in the walked stems."""
    suffix: list[str]
    """Informative stems left out of the walk (the commonest, weighing less than half the need)."""
    suffix_weight: float
    capped: list[str]
    """Stems in more than ``max_postings`` units: never walked, and not evidence."""
    capped_weight: float
    need: float
    """The overlap in informative stems a unit needs."""

    def overlap(self, p: Mapping[str, float], q: Mapping[str, float], part: float, keys: list[str]) -> float:
        """``part`` plus the overlap of ``p`` and ``q`` in ``keys``."""
        for key in keys:
            wq = q.get(key)
            if wq is not None:
                wp = p[key]
                part += wq if wq < wp else wp
        return part


def _probe(p: Profile, index: _Index, need: float, floor: float, heavier: int = 0) -> _Probe:
    """Find the units sharing enough of ``p``'s weight in informative stems.

    A stem is informative when it is found in at most ``index.max_postings`` units; the others are
    capped: never walked, and not evidence. A unit must share, in informative stems, ``floor`` and
    what ``need`` asks beyond the weight of ``p``'s capped stems. Of the informative stems, the
    commonest ones for their weight (long postings, low weight) form a suffix that weighs less than
    half of that, and only the rest (the prefix) is walked: a unit sharing enough must share at least
    half of it in prefix stems (prefix filtering). ``heavier`` 1 walks only the units at least as heavy
    as ``p``, 2 only the heavier ones.
    """
    weights = p.weights
    postings, bounds, df = index.postings, index.bounds, index.df
    cap = index.max_postings
    capped: list[str] = []
    capped_weight = 0.0
    costs: list[tuple[float, str]] = []
    for key, w in weights.items():
        n = df.get(key, 0)
        if n > cap:
            capped.append(key)
            capped_weight += w
        else:
            costs.append((-n / w, key))
    need = max(floor, need - capped_weight)
    costs.sort()
    suffix: list[str] = []
    total = 0.0
    limit = 0.5 * need - _EPS
    cut = len(costs)
    for k, (_, key) in enumerate(costs):
        w = weights[key]
        if total + w >= limit:
            cut = k
            break
        total += w
        suffix.append(key)
    acc: dict[int, float] = {}
    get = acc.get
    tp = p.total
    for _, key in costs[cut:]:
        posting = postings.get(key)
        if posting is None:
            continue
        wp = weights[key]
        if heavier:
            end = (bisect_right if heavier == 1 else bisect_left)(bounds[key], -tp)
            for k, wq in islice(posting, end):
                acc[k] = get(k, 0.0) + (wq if wq < wp else wp)
        else:
            for k, wq in posting:
                acc[k] = get(k, 0.0) + (wq if wq < wp else wp)
    return _Probe(acc, suffix, total, capped, capped_weight, need)


def _lexical(x: float, tp: float, tq: float, w: Weights) -> float:
    """The scorer's overlap term for shared weight ``x`` (same formula as :meth:`Scorer.score`)."""
    dice = 2.0 * x / (tp + tq)
    smaller, larger = (tp, tq) if tp <= tq else (tq, tp)
    credit = min(1.0, smaller / w.contain_full) * math.sqrt(smaller / larger)
    contain = max(dice, x / smaller * credit)
    return (1.0 - w.containment) * dice + w.containment * contain


def _bound(x: float, p: Profile, q: Profile, w: Weights) -> float:
    """An upper bound of ``score(p, q) / 100`` for shared weight at most ``x``.

    The overlap term is exact for ``x``; the rapidfuzz term is at most ``1 - |lp - lq| / (lp + lq)``
    (an indel distance is at least the difference of the lengths); the figure penalty is ignored.
    """
    tp, tq = p.total, q.total
    lp, lq = len(p.text), len(q.text)
    chars = 1.0 - abs(lp - lq) / (lp + lq) if lp + lq else 0.0
    value = w.overlap * _lexical(x, tp, tq, w) + (1.0 - w.overlap) * chars
    smaller = min(tp, tq)
    if smaller < w.short:
        value *= smaller / w.short
    return value


def _needed(total: float, t: float, w: Weights) -> float:
    """Least shared weight a pair needs to reach ``t`` (0-1) when this unit is the lighter one.

    With ``x`` shared and this unit the lighter, the overlap term is at most ``x / total`` and the
    rapidfuzz term at most 1, scaled by the short-claim factor. Infinite when no partner can do it.
    """
    factor = min(1.0, total / w.short) if w.short > 0.0 else 1.0
    if w.overlap <= 0.0:
        return 0.0 if (1.0 - w.overlap) * factor >= t else math.inf
    share = (t / factor - (1.0 - w.overlap)) / w.overlap if factor > 0.0 else math.inf
    if share > 1.0 + _EPS:
        return math.inf
    return max(0.0, share * total * (1.0 - 1e-7) - _EPS)


def candidates(
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    scorer: Scorer,
    *,
    threshold: float,
    exhaustive: bool = False,
    max_postings: int = 200,
    max_candidates: int = 50,
    min_share: float = 0.2,
    progress: Callable[[int, int], None] | None = None,
) -> dict[Pair, float]:
    """Scores of the pairs that reach ``threshold`` (0-100), keyed ``(index in pa, index in pb)``.

    ``exhaustive`` scores every pair. Otherwise only candidates are scored (see the module
    docstring): pairs sharing at least ``min_share`` of the lighter unit's weight in stems found in
    at most ``max_postings`` units of the other report, whose bound reaches the threshold; at most
    ``max_candidates`` partners per probing unit, those with the best bound. ``progress(done,
    total)`` is called about 200 times as the units are processed, ``done`` increasing up to
    ``total`` (the units of both reports; of report A when exhaustive).
    """
    na, nb = len(pa), len(pb)
    out: dict[Pair, float] = {}
    tick = _Ticker(progress, na if exhaustive else na + nb)
    score = scorer.score
    if exhaustive:
        for i, p in enumerate(pa):
            for j, q in enumerate(pb):
                s = score(p, q)
                if s >= threshold:
                    out[(i, j)] = s
            tick()
        tick.done()
        return out

    _identical(pa, pb, max_candidates, out)
    w = scorer.w
    t = (threshold - 1e-4) / 100.0  # the scorer rounds to four decimals
    index_a = _Index(((i, p) for i, p in enumerate(pa) if p.total > 0.0), max_postings)
    index_b = _Index(((j, q) for j, q in enumerate(pb) if q.total > 0.0), max_postings)
    ov = w.overlap
    for mine, other, index, flip in ((pa, pb, index_b, False), (pb, pa, index_a, True)):
        n_mine, n_other = len(mine), len(other)
        totals = [q.total for q in other]
        lengths = [len(q.text) for q in other]
        for u, p in enumerate(mine):
            tick()
            tp = p.total
            if tp <= 0.0:
                continue
            need = _needed(tp, t, w)
            if need == math.inf:
                continue
            # evidence needed in informative stems: a share of the unit's weight, and what the
            # threshold needs beyond the most its capped stems can bring
            found = _probe(p, index, need, min_share * tp * (1.0 - 1e-7) - _EPS, 2 if flip else 1)
            need_inf = found.need
            lp = len(p.text)
            factor = min(1.0, tp / w.short) if w.short > 0.0 else 1.0
            pw = p.weights
            ranked: list[tuple[float, tuple[float, int, int], int]] = []
            for v, part in found.acc.items():
                tq = totals[v]
                # p probes the pairs where it is the lighter unit (ties: A probes)
                if part + found.suffix_weight < need_inf or tq < tp or (flip and tq == tp):
                    continue
                qw = other[v].weights
                x = found.overlap(pw, qw, part, found.suffix)
                if x < need_inf:
                    continue
                x = found.overlap(pw, qw, x, found.capped)
                if x < need:
                    continue
                # cheap bound first: the overlap term is at most x / tp, the rapidfuzz term is limited
                # by the lengths of the texts
                lq = lengths[v]
                chars = 1.0 - abs(lp - lq) / (lp + lq)
                if (ov * min(1.0, x / tp) + (1.0 - ov) * chars) * factor < t:
                    continue
                bound = _bound(x, p, other[v], w)
                if bound < t:
                    continue
                ranked.append((-bound, _tie_key(u, v, n_mine, n_other), v))
            if len(ranked) > max_candidates:
                ranked = heapq.nsmallest(max_candidates, ranked)
            for _, _, v in ranked:
                q = other[v]
                s = score(q, p) if flip else score(p, q)
                if s >= threshold:
                    out[(v, u) if flip else (u, v)] = s
    tick.done()
    return out


_COPIES = 8
"""Partners kept per copy of a text repeated more than ``max_candidates`` times on a side."""


def _identical(pa: Sequence[Profile], pb: Sequence[Profile], max_candidates: int, out: dict[Pair, float]) -> None:
    """Pairs of units with the same folded text, which score 100 whatever their weight.

    A text repeated on both sides pairs each copy with all the copies of the other side when each side
    has at most ``max_candidates``; beyond that, with the ``_COPIES`` copies closest in relative position
    (copies are interchangeable: a few partners each are enough for the one-to-one pass, and the work and
    memory stay linear in the number of copies). The copies of a side are in
    position order, so the closest ones are a run around where the copy's relative position falls:
    found by bisection and widened one copy at a time (linear in the copies, not quadratic).
    """
    na, nb = len(pa), len(pb)
    by_text: dict[str, list[int]] = {}
    for j, q in enumerate(pb):
        if q.text:
            by_text.setdefault(q.text, []).append(j)
    copies: dict[str, list[int]] = {}
    for i, p in enumerate(pa):
        if p.text in by_text:
            copies.setdefault(p.text, []).append(i)
    for text, ia in copies.items():
        jb = by_text[text]
        if len(ia) <= max_candidates and len(jb) <= max_candidates:
            out.update(((i, j), 100.0) for i in ia for j in jb)
            continue
        k = min(max_candidates, _COPIES)
        for i in ia:
            out.update(((i, j), 100.0) for j in _closest(i, na, jb, nb, k, a_side=True))
        for j in jb:
            out.update(((i, j), 100.0) for i in _closest(j, nb, ia, na, k, a_side=False))


def _closest(u: int, nu: int, others: list[int], n_other: int, k: int, *, a_side: bool) -> list[int]:
    """The ``k`` units of ``others`` (sorted positions in a report of ``n_other`` units) closest to unit
    ``u`` of a report of ``nu`` units by :func:`_tie_key`, as ``heapq.nsmallest`` over all of them would
    give, walking outwards from where ``u``'s relative position falls."""

    def key(v: int) -> tuple[float, int, int]:
        return _tie_key(u, v, nu, n_other) if a_side else _tie_key(v, u, n_other, nu)

    target = (u + 0.5) / nu
    # others[x] has relative position (others[x] + 0.5) / n_other: find the first at or after target
    hi = bisect_left(others, target * n_other - 0.5)
    lo = hi - 1
    out: list[int] = []
    while len(out) < k and (lo >= 0 or hi < len(others)):
        if hi >= len(others) or (lo >= 0 and key(others[lo]) <= key(others[hi])):
            out.append(others[lo])
            lo -= 1
        else:
            out.append(others[hi])
            hi += 1
    return out


class _Ticker:
    """Calls ``progress(done, total)`` about 200 times over a run, and once at the end."""

    __slots__ = ("count", "every", "next", "progress", "total")

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.count = 0
        self.every = max(1, total // 200)
        self.next = self.every

    def __call__(self) -> None:
        self.count += 1
        if self.progress is not None and self.count >= self.next and self.count < self.total:
            self.next += self.every
            self.progress(self.count, self.total)

    def done(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


# --- alignment ----------------------------------------------------------------------------------------


class _Groups:
    """Matches under construction: parallel lists of A units, B units and scores, and unit owners."""

    def __init__(self) -> None:
        self.a: list[list[int]] = []
        self.b: list[list[int]] = []
        self.score: list[float] = []
        self.owner_a: dict[int, int] = {}
        self.owner_b: dict[int, int] = {}

    def add(self, i: int, j: int, s: float) -> None:
        self.owner_a[i] = self.owner_b[j] = len(self.score)
        self.a.append([i])
        self.b.append([j])
        self.score.append(s)

    def add_group(self, a: Sequence[int], b: Sequence[int], s: float) -> None:
        k = len(self.score)
        self.owner_a.update((i, k) for i in a)
        self.owner_b.update((j, k) for j in b)
        self.a.append(list(a))
        self.b.append(list(b))
        self.score.append(s)

    def result(self) -> list[Group]:
        out = [Group(tuple(sorted(a)), tuple(sorted(b)), s) for a, b, s in zip(self.a, self.b, self.score, strict=True)]
        out.sort(key=lambda g: (g.a[0], g.b[0]))
        return out


class _Scores:
    """Pair scores: the given ones, others computed on first use (and kept)."""

    def __init__(
        self, given: Mapping[Pair, float], pa: Sequence[Profile], pb: Sequence[Profile], scorer: Scorer
    ) -> None:
        self.given = given
        self.extra: dict[Pair, float] = {}
        self.pa, self.pb, self.scorer = pa, pb, scorer

    def __call__(self, i: int, j: int) -> float:
        s = self.given.get((i, j))
        if s is None:
            s = self.extra.get((i, j))
            if s is None:
                s = self.extra[(i, j)] = self.scorer.score(self.pa[i], self.pb[j])
        return s


def align(
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    scores: Mapping[Pair, float],
    scorer: Scorer,
    *,
    threshold: float,
    merge_threshold: float,
    neighbour_factor: float = 0.65,
    context_factor: float = 1.0,
    eligible_a: Sequence[bool] | None = None,
    eligible_b: Sequence[bool] | None = None,
    max_postings: int = 10_000,
) -> list[Group]:
    """Align units from their pair scores; returns groups sorted by their first unit on side A.

    ``scores`` must hold every pair scoring at least ``min(1, context_factor)`` times ``threshold``
    (:func:`candidates`); pairs below it are looked up there or scored on demand. ``eligible_*``
    excludes units (boilerplate) from alignment. When both reports have at least three eligible
    units, a free pair that is a mutual best (each unit's highest-scoring partner) needs only
    ``context_factor`` times the threshold. A free pair next to an aligned pair (the units just before
    or just after both members of a match) needs only ``neighbour_factor`` times the threshold: the
    neighbours of an aligned pair are weak evidence that they align too. ``merge_threshold`` (0-100)
    is the share of a leftover unit's weight that the other side's unit must carry beyond its current
    match for the leftover to join it. ``max_postings`` bounds the index walk that finds those units.
    """
    na, nb = len(pa), len(pb)
    ok_a = eligible_a if eligible_a is not None else [True] * na
    ok_b = eligible_b if eligible_b is not None else [True] * nb
    low = threshold * min(1.0, context_factor) if sum(ok_a) >= 3 and sum(ok_b) >= 3 else threshold
    usable = [(s, i, j) for (i, j), s in scores.items() if s >= low and s > 0.0 and ok_a[i] and ok_b[j]]
    usable.sort(key=lambda t: (-t[0], *_tie_key(t[1], t[2], na, nb)))

    # Weak evidence (a mutual best below the threshold, a neighbour) is for claims of some weight: short
    # units (a caption, "Go deeper", an outlet's name) carry too little, and being a neighbour is weaker
    # still than being a mutual best. It never outweighs figures that disagree.
    def weak_ok(i: int, j: int, weight: float) -> bool:
        p, q = pa[i], pb[j]
        return (
            min(p.total, q.total) >= weight
            and min(len(p.weights), len(q.weights)) >= _WEAK_MIN_WORDS
            and not _figures_conflict(p, q)
            and not _figure_only(p, q, scorer.w.short)
        )

    low_neighbour = threshold * neighbour_factor

    g = _Groups()
    best_a: dict[int, int] = {}
    best_b: dict[int, int] = {}
    for s, i, j in usable:
        best_a.setdefault(i, j)
        best_b.setdefault(j, i)
        if i in g.owner_a or j in g.owner_b or _figure_only(pa[i], pb[j], scorer.w.short):
            continue
        if s >= threshold or (best_a[i] == j and best_b[j] == i and weak_ok(i, j, scorer.w.short)):
            g.add(i, j, s)
    pair_score = _Scores(scores, pa, pb, scorer)
    _fill_gaps(g, pair_score, ok_a, ok_b, low_neighbour, na, nb, lambda i, j: weak_ok(i, j, scorer.w.contain_full))
    _split(g, pa, pb, ok_a, ok_b, scorer, threshold, na, nb, max_postings)
    _merge(g, pair_score, pa, pb, ok_a, ok_b, scorer, merge_threshold / 100.0, na, nb, max_postings)
    return g.result()


_PARTS = 4
"""A split claim is looked for among the this many units carrying most of its words."""
_GAIN = 3.0
"""A group must score this much above its best single part: the parts together say more."""
_PART_SHARE = 0.2
"""Each part of a split claim shares at least this share of the claim's weight."""
_SPLIT_POSTINGS = 50
"""A stem found in more free units than this is no evidence that they are parts of one claim (and would
make the search for parts walk long lists)."""


def _split(
    g: _Groups,
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    ok_a: Sequence[bool],
    ok_b: Sequence[bool],
    scorer: Scorer,
    threshold: float,
    na: int,
    nb: int,
    max_postings: int,
) -> None:
    """One claim told in two or three units of the other report, adjacent or not: a free unit ``v``
    and a group of free units of the other side that, read as one text, score at least
    ``threshold`` against it, and better (by ``_GAIN``) than any of them alone.

    The parts are looked for among the free units that share words with ``v`` (an index of the free
    units, probed with ``v``'s stems), at most ``_PARTS`` of them, the ones sharing the most; each part
    shares at least ``_PART_SHARE`` of ``v``'s weight (and half of ``short``) and carries a word weight of
    at least half of ``short`` of ``v`` that the other parts do not. Groups are taken best first, each
    unit once.
    """
    half = 0.5 * scorer.w.short
    proposals: list[tuple[float, tuple[float, int, int], str, int, tuple[int, ...]]] = []
    for side, mine, ok_mine, owner_mine, other, ok_other, owner_other in (
        ("a", pa, ok_a, g.owner_a, pb, ok_b, g.owner_b),
        ("b", pb, ok_b, g.owner_b, pa, ok_a, g.owner_a),
    ):
        free = [
            (u, other[u]) for u in range(len(other)) if ok_other[u] and u not in owner_other and other[u].total > 0.0
        ]
        if len(free) < 2:
            continue
        index = _Index(free, min(max_postings, _SPLIT_POSTINGS))
        for v, vp in enumerate(mine):
            if not ok_mine[v] or v in owner_mine or len(vp.weights) < _WEAK_MIN_WORDS:
                continue
            # a part carries a fifth of the claim's weight, and at least half of `short`
            least = max(half, _PART_SHARE * vp.total)
            found = _probe(vp, index, 2.0 * least, least)
            # a cheap bound first: the stems walked plus all that were not walked
            slack = found.suffix_weight + found.capped_weight
            reached = [(-part, u) for u, part in found.acc.items() if part + slack >= least]
            if len(reached) < 2:
                continue
            if len(reached) > 2 * _PARTS:
                reached = heapq.nsmallest(2 * _PARTS, reached)
            parts: list[tuple[float, int]] = []
            for _, u in reached:
                x = found.overlap(vp.weights, other[u].weights, found.acc[u], found.suffix)
                if x >= least:
                    parts.append((-x, u))
            if len(parts) < 2:
                continue
            parts.sort()
            top = sorted(u for _, u in parts[:_PARTS])
            singles = {u: (scorer.score(vp, other[u]) if side == "a" else scorer.score(other[u], vp)) for u in top}
            best: tuple[float, tuple[int, ...]] | None = None
            for size in (2, 3):
                for group in combinations(top, size):
                    if not _each_adds(vp, [other[u] for u in group], half):
                        continue
                    joined = combine([other[u] for u in group])
                    s = scorer.score(vp, joined) if side == "a" else scorer.score(joined, vp)
                    if s >= threshold and s >= max(singles[u] for u in group) + _GAIN and (best is None or s > best[0]):
                        best = (s, group)
            if best is not None:
                s, group = best
                i, j = (v, group[0]) if side == "a" else (group[0], v)
                proposals.append((-s, _tie_key(i, j, na, nb), side, v, group))
    proposals.sort()
    for neg, _tie, side, v, group in proposals:
        owner_mine, owner_other = (g.owner_a, g.owner_b) if side == "a" else (g.owner_b, g.owner_a)
        if v in owner_mine or any(u in owner_other for u in group):
            continue
        if side == "a":
            g.add_group([v], group, -neg)
        else:
            g.add_group(group, [v], -neg)


def _each_adds(vp: Profile, parts: Sequence[Profile], least: float) -> bool:
    """Each part carries at least ``least`` of ``vp``'s weight that no other part carries."""
    for k, part in enumerate(parts):
        others: set[str] = set()
        for m, q in enumerate(parts):
            if m != k:
                others.update(q.weights)
        own = sum(min(w, vp.weights[key]) for key, w in part.weights.items() if key in vp.weights and key not in others)
        if own < least:
            return False
    return True


def _figure_only(p: Profile, q: Profile, short: float) -> bool:
    """The words two claims share are a figure and little else (less than a quarter of ``short`` in other
    words): a shared "4.7 billion" is not evidence that two sentences state the same claim."""
    if p.text == q.text or not p.numbers or not q.numbers or p.numbers.isdisjoint(q.numbers):
        return False
    small, large = (p, q) if len(p.weights) <= len(q.weights) else (q, p)
    lw = large.weights
    words = sum(min(w, lw[k]) for k, w in small.weights.items() if k in lw and k not in small.numbers)
    return words < 0.25 * short


def _figures_conflict(p: Profile, q: Profile) -> bool:
    """Each claim states a figure the other does not ("$2.64 per share" against "$1.55 a share"); a
    figure only one side gives, or a year only one side gives, is no conflict."""
    return numbers_conflict(p.numbers, q.numbers)


def _neighbours(i: int, ok: Sequence[bool], step: int) -> int | None:
    # the next eligible unit before (step -1) or after (step +1) unit i
    k = i + step
    while 0 <= k < len(ok):
        if ok[k]:
            return k
        k += step
    return None


def _fill_gaps(
    g: _Groups,
    pair_score: Callable[[int, int], float],
    ok_a: Sequence[bool],
    ok_b: Sequence[bool],
    low: float,
    na: int,
    nb: int,
    allowed: Callable[[int, int], bool],
) -> None:
    """Accept free pairs scoring at least ``low`` that sit next to an aligned pair on both sides, best
    first, until no more can be added (an accepted pair can anchor its own neighbours); ``allowed``
    vetoes pairs.

    The pairs next to an aligned pair stay next to it, so a heap of them yields, at each step, the best
    pair the rule admits: the same order as rescanning all pairs after every accepted one.
    """
    heap: list[tuple[float, tuple[float, int, int], int, int]] = []

    def push(x: int, y: int) -> None:
        for step in (-1, 1):
            i, j = _neighbours(x, ok_a, step), _neighbours(y, ok_b, step)
            if i is None or j is None or i in g.owner_a or j in g.owner_b or not allowed(i, j):
                continue
            s = pair_score(i, j)
            if s >= low and s > 0.0:
                heapq.heappush(heap, (-s, _tie_key(i, j, na, nb), i, j))

    for a, b in zip(g.a, g.b, strict=True):
        push(a[0], b[0])
    while heap:
        neg, _tie, i, j = heapq.heappop(heap)
        if i in g.owner_a or j in g.owner_b:
            continue
        g.add(i, j, -neg)
        push(i, j)


def _merge(
    g: _Groups,
    pair_score: Callable[[int, int], float],
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    ok_a: Sequence[bool],
    ok_b: Sequence[bool],
    scorer: Scorer,
    need: float,
    na: int,
    nb: int,
    max_postings: int,
) -> None:
    """Many-to-one: a free unit u joins the match of a unit v on the other side when v stands alone
    on its side and carries u's words beyond what v's current partners already account for.

    Joins are tried from the best-scoring pair down. Only pairs where v carries at least the share
    ``need`` of u's weight (and ``short``) can pass, so those are found through an index of the
    matched units, probed with the prefix of u's stems that such a pair must share.
    """
    short = scorer.w.short
    joins: list[tuple[float, tuple[float, int, int], str, int, int]] = []
    for side, free_profiles, ok_free, owner_free, matched_profiles, owner_matched in (
        ("b", pb, ok_b, g.owner_b, pa, g.owner_a),
        ("a", pa, ok_a, g.owner_a, pb, g.owner_b),
    ):
        index = _Index(((v, matched_profiles[v]) for v in sorted(owner_matched)), max_postings)
        for u, up in enumerate(free_profiles):
            if not ok_free[u] or u in owner_free or up.total <= 0.0:
                continue
            tau = max(short, need * up.total)
            if tau > up.total * (1.0 + 1e-7) + _EPS:
                continue
            floor = tau * (1.0 - 1e-7) - _EPS
            found = _probe(up, index, floor, 0.0)
            for v, part in found.acc.items():
                if part + found.suffix_weight + found.capped_weight < floor:
                    continue
                if scorer.overlap(up, matched_profiles[v]) < floor:
                    continue
                i, j = (v, u) if side == "b" else (u, v)
                s = pair_score(i, j)
                if s > 0.0:
                    joins.append((-s, _tie_key(i, j, na, nb), side, u, v))
    joins.sort()
    for _neg, _tie, side, u, v in joins:
        if side == "b":
            free, owner, v_prof, u_prof = g.owner_b, g.owner_a, pa, pb
        else:
            free, owner, v_prof, u_prof = g.owner_a, g.owner_b, pb, pa
        if u in free or v not in owner:
            continue
        k = owner[v]
        v_side, partners = (g.a[k], g.b[k]) if side == "b" else (g.b[k], g.a[k])
        if len(v_side) != 1:
            continue
        explained: set[str] = set()
        for x in partners:
            explained.update(u_prof[x].weights)
        vp, up = v_prof[v], u_prof[u]
        residual = sum(
            min(wu, vp.weights[key]) for key, wu in up.weights.items() if key in vp.weights and key not in explained
        )
        if up.total <= 0.0 or residual / up.total < need or residual < scorer.w.short:
            continue
        partners.append(u)
        free[u] = k
