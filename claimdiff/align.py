"""Alignment: which claims of report A state the same thing as which claims of report B.

Five steps, each deterministic and symmetric (swapping A and B mirrors the result):

1. **Candidates** (:func:`claimdiff.candidates.candidates`): only pairs that share enough informative
   evidence are scored, never a dense N x M matrix (see that module).
2. **One-to-one** (:func:`align`). Pairs at or above the threshold are taken greedily from the best
   down, each unit at most once: the best remaining pair is always a mutual best among the units
   still free. Ties are broken by closeness of relative position in the two reports, then by
   position, so the order of the inputs never changes which of two equal pairs wins. Then free pairs
   right next to an aligned pair on both sides are accepted at a lower threshold, best first. This
   weak evidence (a mutual best below the threshold, a neighbour) never links two claims whose figures
   disagree (both state figures and share none).
3. **Split claims** (:func:`_split`). A free unit and a group of two or three free units of the other
   report, adjacent or not, that read as one text score at least the threshold, and more than any part
   alone: one claim told over several sentences.
4. **Quotations** (:func:`_quotations`). A free unit that is a quotation found word for word inside a
   unit of the other report pairs with it, or joins its match, however short it is.
5. **Many-to-one**. A unit left unmatched joins a match when the other side's single unit carries its
   words beyond what the match already explains (a sentence of one report that merges two of the
   other, or the reverse).

Steps 2 to 5 score the pairs they look at that are not in the scores they are given (the neighbours
of a match, and the units carrying much of a leftover unit's weight, found through an index of the
matched units), so they do not depend on which pairs below the threshold candidate generation kept.

Cost: building the indexes and probing them is linear in the postings walked (bounded per stem),
scoring is linear in the candidates (bounded per unit), the greedy pass sorts only the pairs at or
above the threshold, and the gap filling pops a heap of the neighbours of matches: close to linear
in the length of the reports (``benchmarks/speed.py`` measures it).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from claimdiff.candidates import EPS, Index, Pair, probe, tie_key
from claimdiff.similarity.lexical import Profile, Scorer, combine, numbers_conflict

__all__ = ["Group", "align"]

_WEAK_MIN_WORDS = 4
"""Claims of fewer distinct words never align on weak evidence alone (an outlet's name, a byline)."""


@dataclass(frozen=True, slots=True)
class Group:
    """An alignment before labelling: unit indexes on each side and the score that linked them."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


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
        self.add_group((i,), (j,), s)

    def add_group(self, a: Sequence[int], b: Sequence[int], s: float) -> None:
        k = len(self.score)
        self.owner_a.update((i, k) for i in a)
        self.owner_b.update((j, k) for j in b)
        self.a.append(list(a))
        self.b.append(list(b))
        self.score.append(s)

    def lone_partner(self, side: str, k: int) -> bool:
        """Match ``k`` has one unit on the side that is not ``side``: a unit of ``side`` may join it."""
        return len((self.b if side == "a" else self.a)[k]) == 1

    def join(self, side: str, u: int, k: int) -> None:
        """Unit ``u`` of ``side`` joins match ``k`` (a merged or split sentence)."""
        (self.a if side == "a" else self.b)[k].append(u)
        (self.owner_a if side == "a" else self.owner_b)[u] = k

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
    usable.sort(key=lambda t: (-t[0], *tie_key(t[1], t[2], na, nb)))

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
    _quotations(g, pair_score, pa, pb, ok_a, ok_b, na, nb, max_postings, scorer.w.short)
    _merge(g, pair_score, pa, pb, ok_a, ok_b, scorer, merge_threshold / 100.0, na, nb, max_postings)
    return g.result()


_PARTS = 4
"""A split claim is looked for among the this many units carrying most of its words."""
_GAIN = 3.0
"""A group must score this much above its best single part: the parts together say more."""
_PART_SHARE = 0.2
"""Each part of a split claim shares at least this share of the claim's weight."""
_QUOTE_WEIGHT = 0.6
"""A quotation pairs by its words alone when it weighs at least this share of ``short``."""
_QUOTE_HITS = 8
"""Claims holding a quotation's words that are looked at, at most."""
_SPLIT_POSTINGS = 50
"""A stem found in more free units than this is no evidence that they are parts of one claim (and would
make the search for parts walk long lists)."""
_MERGE_CANDIDATES = 50
"""Matched units a free unit may join that are scored, the ones sharing most of its walked stems (a unit
repeated hundreds of times would otherwise be scored against every match)."""


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
        index = Index(free, min(max_postings, _SPLIT_POSTINGS))
        for v, vp in enumerate(mine):
            if not ok_mine[v] or v in owner_mine or len(vp.weights) < _WEAK_MIN_WORDS:
                continue
            # a part carries a fifth of the claim's weight, and at least half of `short`
            least = max(half, _PART_SHARE * vp.total)
            found = probe(vp, index, 2.0 * least, least, least=least)
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
                proposals.append((-s, tie_key(i, j, na, nb), side, v, group))
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
                heapq.heappush(heap, (-s, tie_key(i, j, na, nb), i, j))

    for a, b in zip(g.a, g.b, strict=True):
        push(a[0], b[0])
    while heap:
        neg, _tie, i, j = heapq.heappop(heap)
        if i in g.owner_a or j in g.owner_b:
            continue
        g.add(i, j, -neg)
        push(i, j)


def _quotations(
    g: _Groups,
    pair_score: Callable[[int, int], float],
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    ok_a: Sequence[bool],
    ok_b: Sequence[bool],
    na: int,
    nb: int,
    max_postings: int,
    short: float,
) -> None:
    """A free claim that is a quotation (or mostly one) of two words or more and some weight (a stock
    phrase such as "I don't know" is no evidence), found word for word inside a
    claim of the other report, states that claim's quoted part however short it is ("They saved lives."):
    it pairs with that claim when the claim is free, or joins its match when the claim stands alone on its
    side of it (as a merged sentence does). The claims holding the words are found through an index of the
    other report probed with all of the quotation's weight; the nearest in relative position wins."""
    joins: list[tuple[tuple[float, int, int], str, int, int]] = []
    least = _QUOTE_WEIGHT * short
    for side, mine, ok_mine, owner_mine, other, ok_other in (
        ("a", pa, ok_a, g.owner_a, pb, ok_b),
        ("b", pb, ok_b, g.owner_b, pa, ok_a),
    ):
        index: Index | None = None
        hits: dict[str, list[int]] = {}  # a quotation repeated is looked up once
        for u, up in enumerate(mine):
            if not up.quoted or not ok_mine[u] or u in owner_mine or up.total < least or up.text.count(" ") < 1:
                continue
            if index is None:
                entries = ((v, q) for v, q in enumerate(other) if ok_other[v] and q.total > 0.0)
                index = Index(entries, min(max_postings, _SPLIT_POSTINGS))
            found = hits.get(up.text)
            if found is None:
                reached = probe(up, index, up.total * (1.0 - 1e-7) - EPS, 0.0).acc
                needle = f" {up.text} "
                found = hits[up.text] = [
                    v for v in reached if other[v].text != up.text and needle in f" {other[v].text} "
                ][:_QUOTE_HITS]
            for v in found:
                i, j = (u, v) if side == "a" else (v, u)
                joins.append((tie_key(i, j, na, nb), side, u, v))
    joins.sort()
    for _tie, side, u, v in joins:
        owner_u, owner_other = (g.owner_a, g.owner_b) if side == "a" else (g.owner_b, g.owner_a)
        if u in owner_u:
            continue
        i, j = (u, v) if side == "a" else (v, u)
        k = owner_other.get(v)
        if k is None:
            g.add(i, j, pair_score(i, j))
        elif g.lone_partner(side, k):
            g.join(side, u, k)


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
        index = Index(((v, matched_profiles[v]) for v in sorted(owner_matched)), max_postings)
        for u, up in enumerate(free_profiles):
            if not ok_free[u] or u in owner_free or up.total <= 0.0:
                continue
            tau = max(short, need * up.total)
            if tau > up.total * (1.0 + 1e-7) + EPS:
                continue
            floor = tau * (1.0 - 1e-7) - EPS
            found = probe(up, index, floor, 0.0)
            slack = found.suffix_weight + found.capped_weight
            # (pair in report order, matched unit) for each unit that may share enough
            reached = [
                (-part, (v, u) if side == "b" else (u, v), v) for v, part in found.acc.items() if part + slack >= floor
            ]
            if len(reached) > _MERGE_CANDIDATES:  # (repeated text): the units sharing the most, ties by position
                reached = heapq.nsmallest(
                    _MERGE_CANDIDATES, reached, key=lambda h: (h[0], tie_key(h[1][0], h[1][1], na, nb))
                )
            for _, (i, j), v in reached:
                if scorer.overlap(up, matched_profiles[v]) < floor:
                    continue
                s = pair_score(i, j)
                if s > 0.0:
                    joins.append((-s, tie_key(i, j, na, nb), side, u, v))
    joins.sort()
    for _neg, _tie, side, u, v in joins:
        if side == "b":
            free, owner, v_prof, u_prof, partners_of = g.owner_b, g.owner_a, pa, pb, g.b
        else:
            free, owner, v_prof, u_prof, partners_of = g.owner_a, g.owner_b, pb, pa, g.a
        if u in free or v not in owner:
            continue
        k = owner[v]
        if not g.lone_partner(side, k):
            continue
        explained: set[str] = set()
        for x in partners_of[k]:
            explained.update(u_prof[x].weights)
        vp, up = v_prof[v], u_prof[u]
        residual = sum(
            min(wu, vp.weights[key]) for key, wu in up.weights.items() if key in vp.weights and key not in explained
        )
        if up.total <= 0.0 or residual / up.total < need or residual < scorer.w.short:
            continue
        g.join(side, u, k)
