"""Candidate pairs: which claims of report A are worth scoring against which claims of report B.

Only pairs that share enough informative evidence are
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

Cost: building the indexes and probing them is linear in the postings walked (bounded per stem), and
scoring is linear in the candidates (bounded per unit). :mod:`claimdiff.align` uses the same index and
probe to find the units it scores on demand.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from claimdiff.similarity.lexical import Profile, Scorer, Weights

__all__ = ["EPS", "Index", "Pair", "Probe", "candidates", "probe", "tie_key"]

Pair = tuple[int, int]

EPS = 1e-9
"""Slack for float sums taken in a different order than the scorer's."""


def tie_key(i: int, j: int, na: int, nb: int) -> tuple[float, int, int]:
    # Symmetric in (A, B): swapping the inputs maps (i, j, na, nb) to (j, i, nb, na) and leaves the
    # first two keys unchanged. The last key only separates pairs that are mirror images.
    return (abs((i + 0.5) / na - (j + 0.5) / nb), i + j, i)


class Index:
    """Inverted index: stem -> [(negated total weight of the unit, unit, weight of the stem in the unit)].

    Postings are ordered by the units' total weight, decreasing (ties by unit), so that a probe can walk
    only the units at least as heavy as the probing one (found by bisection on the first field). Stems
    in more than ``max_postings`` units are never walked: only their count is kept. ``weights`` holds
    each indexed unit's stems, for looking a stem up in a few units instead of walking its postings.
    """

    __slots__ = ("df", "max_postings", "postings", "weights")

    def __init__(self, profiles: Iterable[tuple[int, Profile]], max_postings: int) -> None:
        units = sorted(profiles, key=lambda kp: (-kp[1].total, kp[0]))
        postings: defaultdict[str, list[tuple[float, int, float]]] = defaultdict(list)
        for k, p in units:
            total = -p.total
            for key, w in p.weights.items():
                postings[key].append((total, k, w))
        self.max_postings = max_postings
        self.df = {key: len(rows) for key, rows in postings.items()}
        self.postings = {key: rows for key, rows in postings.items() if len(rows) <= max_postings}
        self.weights: dict[int, Mapping[str, float]] = {k: p.weights for k, p in units}


@dataclass(slots=True)
class Probe:
    """What probing the index with one unit found (see :func:`probe`)."""

    acc: dict[int, float]
    """Units reached, with the overlap in the walked stems (see :func:`probe` for which are left out)."""
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


def probe(
    p: Profile, index: Index, need: float, floor: float, heavier: int = 0, *, least: float | None = None
) -> Probe:
    """Find the units sharing enough of ``p``'s weight in informative stems.

    A stem is informative when it is found in at most ``index.max_postings`` units; the others are
    capped: never walked, and not evidence. A unit must share, in informative stems, ``floor`` and
    what ``need`` asks beyond the weight of ``p``'s capped stems. Of the informative stems, the
    commonest ones for their weight (long postings, low weight) form a suffix that weighs less than
    half of that, and only the rest (the prefix) is walked: a unit sharing enough must share at least
    half of it in prefix stems (prefix filtering). ``heavier`` 1 walks only the units at least as heavy
    as ``p``, 2 only the heavier ones.

    The prefix is walked rarest stem first. A unit that cannot share ``least`` in informative stems (by
    default the need) may be left out: once the stems still to walk and the suffix weigh less than that,
    units first met are not added, and the stems left are looked up in the units already reached when
    they are fewer than the stem's postings. Every unit reached has its exact overlap in the walked stems;
    a unit sharing only suffix stems (less than half the need) is never reached, so a caller asking less
    than the need should ask at least half of it.
    """
    weights = p.weights
    postings, df = index.postings, index.df
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
    limit = 0.5 * need - EPS
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
    walk = [key for _, key in costs[cut:] if key in postings]
    # what the stems still to walk and the suffix can bring to a unit not reached yet
    remaining = total + sum(weights[key] for key in walk)
    close = (need if least is None else least) - EPS
    unit_weights = index.weights
    for key in reversed(walk):
        posting = postings[key]
        wp = weights[key]
        if heavier == 1:
            end = bisect_right(posting, (-tp, math.inf))
        elif heavier:
            end = bisect_left(posting, (-tp, -math.inf))
        else:
            end = len(posting)
        if remaining >= close:
            for _, k, wq in islice(posting, end):
                acc[k] = get(k, 0.0) + (wq if wq < wp else wp)
        elif len(acc) < end:
            for k in acc:
                found = unit_weights[k].get(key)
                if found is not None:
                    acc[k] += found if found < wp else wp
        else:
            for _, k, wq in islice(posting, end):
                if k in acc:
                    acc[k] += wq if wq < wp else wp
        remaining -= wp
    return Probe(acc, suffix, total, capped, capped_weight, need)


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
    if share > 1.0 + EPS:
        return math.inf
    return max(0.0, share * total * (1.0 - 1e-7) - EPS)


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
    index_a = Index(((i, p) for i, p in enumerate(pa) if p.total > 0.0), max_postings)
    index_b = Index(((j, q) for j, q in enumerate(pb) if q.total > 0.0), max_postings)
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
            found = probe(p, index, need, min_share * tp * (1.0 - 1e-7) - EPS, 2 if flip else 1)
            need_inf = found.need
            lp = len(p.text)
            factor = min(1.0, tp / w.short) if w.short > 0.0 else 1.0
            pw = p.weights
            ranked: list[tuple[float, tuple[float, int, int], int]] = []
            least = need_inf - found.suffix_weight
            for v, part in [hit for hit in found.acc.items() if hit[1] >= least]:
                tq = totals[v]
                # p probes the pairs where it is the lighter unit (ties: A probes)
                if tq < tp or (flip and tq == tp):
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
                ranked.append((-bound, tie_key(u, v, n_mine, n_other), v))
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
    ``u`` of a report of ``nu`` units by :func:`tie_key`, as ``heapq.nsmallest`` over all of them would
    give, walking outwards from where ``u``'s relative position falls."""

    def key(v: int) -> tuple[float, int, int]:
        return tie_key(u, v, nu, n_other) if a_side else tie_key(v, u, n_other, nu)

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
