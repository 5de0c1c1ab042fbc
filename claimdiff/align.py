"""Alignment: which claims of report A state the same thing as which claims of report B.

Three steps, each deterministic and symmetric (swapping A and B mirrors the result):

1. **Candidates** (:func:`candidates`). Pairs that share informative evidence are found through an
   inverted index over stems: a stem that occurs in very many units (more than ``max_postings``) is
   left out of the index, so boilerplate and topic words cannot make the work quadratic. Only
   candidates whose cheap upper bound can reach the threshold are scored. ``exhaustive=True`` scores
   every pair instead (the reference the tests and benchmarks compare against).
2. **One-to-one** (:func:`align`). Pairs at or above the threshold are taken greedily from the best
   down, each unit at most once: the best remaining pair is always a mutual best among the units
   still free. Ties are broken by closeness of relative position in the two reports, then by
   position, so the order of the inputs never changes which of two equal pairs wins.
3. **Many-to-one**. A unit left unmatched joins a match when the other side's single unit carries its
   words beyond what the match already explains (a sentence of one report that merges two of the
   other, or the reverse).

Cost: candidate generation is linear in the postings walked (bounded per stem), scoring is linear in
the number of candidates (bounded per unit by ``max_candidates``), and the greedy pass sorts them.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimdiff.score import Profile, Scorer

Pair = tuple[int, int]


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


def candidates(
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    scorer: Scorer,
    *,
    threshold: float,
    exhaustive: bool = False,
    max_postings: int = 200,
    max_candidates: int = 50,
    progress: Callable[[int, int], None] | None = None,
) -> dict[Pair, float]:
    """Scores of the pairs that may reach ``threshold`` (all pairs when ``exhaustive``).

    Pairs that share no indexed stem are never scored in the default mode; every pair whose cheap
    bound falls below the threshold is dropped before the expensive score.
    """
    out: dict[Pair, float] = {}
    if exhaustive:
        for i, p in enumerate(pa):
            for j, q in enumerate(pb):
                s = scorer.score(p, q)
                if s > 0.0:
                    out[(i, j)] = s
            if progress is not None:
                progress(i + 1, len(pa))
        return out

    index: dict[str, list[int]] = {}
    for j, q in enumerate(pb):
        for key in q.weights:
            index.setdefault(key, []).append(j)
    df_a: dict[str, int] = {}
    for p in pa:
        for key in p.weights:
            df_a[key] = df_a.get(key, 0) + 1
    # A stem too common on either side is no evidence worth walking: leave it out of the index.
    skip = {k for k, v in index.items() if len(v) > max_postings or df_a.get(k, 0) > max_postings}
    # The Dice part of the score is at most 2*shared/(tp+tq) and the rest at most 1, so a candidate
    # whose overlap bound cannot lift the blend to the threshold is dropped unscored.
    w = scorer.w
    need = threshold / 100.0
    for i, p in enumerate(pa):
        acc: dict[int, float] = {}
        unindexed = 0.0
        for key, wp in p.weights.items():
            if key in skip:
                unindexed += wp
                continue
            posting = index.get(key)
            if posting is None:
                continue
            for j in posting:
                acc[j] = acc.get(j, 0.0) + min(wp, pb[j].weights[key])
        if not acc:
            continue
        ranked = heapq.nlargest(
            max_candidates, acc.items(), key=lambda kv: (kv[1] / (p.total + pb[kv[0]].total), -kv[0])
        )
        for j, shared in ranked:
            q = pb[j]
            bound = shared + unindexed
            contain = min(1.0, bound / min(p.total, q.total))
            dice = min(1.0, 2.0 * bound / (p.total + q.total))
            lexical = (1.0 - w.containment) * dice + w.containment * contain
            if w.overlap * lexical + (1.0 - w.overlap) < need:
                continue
            s = scorer.score(p, q, shared if unindexed == 0.0 else None)
            if s > 0.0:
                out[(i, j)] = s
        if progress is not None:
            progress(i + 1, len(pa))
    return out


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

    def result(self) -> list[Group]:
        out = [Group(tuple(sorted(a)), tuple(sorted(b)), s) for a, b, s in zip(self.a, self.b, self.score, strict=True)]
        out.sort(key=lambda g: (g.a[0], g.b[0]))
        return out


def align(
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    scores: dict[Pair, float],
    scorer: Scorer,
    *,
    threshold: float,
    merge_threshold: float,
    neighbour_factor: float = 0.65,
    eligible_a: Sequence[bool] | None = None,
    eligible_b: Sequence[bool] | None = None,
) -> list[Group]:
    """Align units from their pair scores; returns groups sorted by their first unit on side A.

    ``eligible_*`` excludes units (boilerplate) from alignment. A free pair next to an aligned pair
    (the units just before or just after both members of a match) needs only ``neighbour_factor``
    times the threshold: the neighbours of an aligned pair are weak evidence that they align too.
    ``merge_threshold`` (0-100) is the share of a leftover unit's weight that the other side's unit
    must carry beyond its current match for the leftover to join it.
    """
    na, nb = len(pa), len(pb)
    ok_a = eligible_a if eligible_a is not None else [True] * na
    ok_b = eligible_b if eligible_b is not None else [True] * nb
    usable = [(s, i, j) for (i, j), s in scores.items() if s > 0.0 and ok_a[i] and ok_b[j]]
    usable.sort(key=lambda t: (-t[0], *_tie_key(t[1], t[2], na, nb)))
    g = _Groups()
    for s, i, j in usable:
        if s < threshold:
            break
        if i not in g.owner_a and j not in g.owner_b:
            g.add(i, j, s)
    # Short units (a caption, "Go deeper") carry too little evidence for the weaker neighbour rule.
    weighty_a = [ok and p.total >= scorer.w.contain_full for ok, p in zip(ok_a, pa, strict=True)]
    weighty_b = [ok and p.total >= scorer.w.contain_full for ok, p in zip(ok_b, pb, strict=True)]
    _fill_gaps(g, usable, ok_a, ok_b, weighty_a, weighty_b, threshold * neighbour_factor)
    _merge(g, usable, pa, pb, scorer, merge_threshold / 100.0, na, nb)
    return g.result()


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
    usable: list[tuple[float, int, int]],
    ok_a: Sequence[bool],
    ok_b: Sequence[bool],
    weighty_a: Sequence[bool],
    weighty_b: Sequence[bool],
    low: float,
) -> None:
    """Accept free pairs above ``low`` that sit next to an aligned pair on both sides, best first,
    until no more can be added (an accepted pair can anchor its own neighbours)."""
    changed = True
    while changed:
        changed = False
        for s, i, j in usable:
            if s < low:
                break
            if i in g.owner_a or j in g.owner_b or not (weighty_a[i] and weighty_b[j]):
                continue
            for step in (-1, 1):
                ni, nj = _neighbours(i, ok_a, step), _neighbours(j, ok_b, step)
                if ni is not None and nj is not None and ni in g.owner_a and g.owner_a[ni] == g.owner_b.get(nj):
                    g.add(i, j, s)
                    changed = True
                    break
            if changed:
                break


def _merge(
    g: _Groups,
    usable: list[tuple[float, int, int]],
    pa: Sequence[Profile],
    pb: Sequence[Profile],
    scorer: Scorer,
    need: float,
    na: int,
    nb: int,
) -> None:
    """Many-to-one: a free unit u joins the match of a unit v on the other side when v stands alone
    on its side and carries u's words beyond what v's current partners already account for."""
    joins: list[tuple[float, tuple[float, int, int], str, int, int]] = []
    for s, i, j in usable:
        if j not in g.owner_b and i in g.owner_a:
            joins.append((-s, _tie_key(i, j, na, nb), "b", j, i))
        if i not in g.owner_a and j in g.owner_b:
            joins.append((-s, _tie_key(i, j, na, nb), "a", i, j))
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
