"""The claim matrix: which of three or more sources state which claim.

:func:`matrix` compares every pair of sources with :func:`claimdiff.compare` (the one alignment algorithm;
nothing is aligned a second way) and joins the pairwise matches into *claims*, the rows of the matrix: one
column per source, each cell the units of that source that state the claim (or none).

The joining rule:

1. Every claim unit (boilerplate is left out) is a node; every pairwise match is an edge between the units
   it holds, weighted by its score.
2. Matches are taken from the highest score down (ties: the pair of sources in order, then the first units);
   each joins the rows of the units it holds (union-find).
3. A match is refused when it would put two units of one source in a row that no match joined: within a
   row, the units of one source are one *block*, which starts as a single unit and grows only when a match
   holds several units of that source on one side (a merged or split sentence). So a refused match is the
   lower-scoring of two pairwise links that disagree; its units stay in the rows they are in.
4. Each unit is in exactly one row; a unit no accepted match holds is a row of its own.

A row carries, for each pair of its sources that a pairwise match linked directly, that match's label
(``shared``, ``paraphrased``, ``conflicting``), score and conflicts; two sources joined only through a third
have no label of their own. Rows are ordered by how many sources state them (most first), then by first
appearance (the first source that states the claim, then its first unit).

>>> m = matrix(["Prices rose 5% in May. It rained.", "Prices rose 5% in May.", "It rained. Prices rose 5% in May."])
>>> [c.sources_count for c in m.claims], [s.alone for s in m.summary]
([3, 2], [0, 0, 0])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

from claimdiff._version import __version__
from claimdiff.compare import Options, compare
from claimdiff.model import Comparison, Conflict, Label, Match, Meta, Source, SourceKind, require_text

MATRIX_SCHEMA = "claimdiff/matrix/1"

__all__ = ["MATRIX_SCHEMA", "Claim", "Matrix", "PairLink", "SourceSummary", "matrix", "source_id"]


def source_id(index: int) -> str:
    """The id of the source at ``index``: ``a`` to ``z``, then ``aa``, ``ab``, ... (letters only, so that a unit
    id, the source id followed by the unit's index, is never ambiguous).

    >>> [source_id(k) for k in (0, 1, 25, 26, 27, 701, 702)]
    ['a', 'b', 'z', 'aa', 'ab', 'zz', 'aaa']
    """
    out = ""
    k = index + 1
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(ord("a") + r) + out
    return out


@dataclass(frozen=True, slots=True)
class PairLink:
    """The pairwise match between two sources of a claim: sources ``first < second`` (indexes), the match's
    label and score, and its conflicts (side ``a`` of each conflict is ``first``'s text, ``b`` ``second``'s)."""

    first: int
    second: int
    label: Label
    score: float
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """One row of the matrix: ``units[k]`` holds the unit indexes (sorted) of source ``k`` that state the
    claim, empty where the source does not; ``links`` the pairwise matches that joined them."""

    units: tuple[tuple[int, ...], ...]
    links: tuple[PairLink, ...]

    @property
    def sources(self) -> tuple[int, ...]:
        """Indexes of the sources that state this claim."""
        return tuple(k for k, idx in enumerate(self.units) if idx)

    @property
    def sources_count(self) -> int:
        return sum(1 for idx in self.units if idx)

    @property
    def first(self) -> tuple[int, int]:
        """Where the claim first appears: (source index, unit index)."""
        k = self.sources[0]
        return (k, self.units[k][0])

    def link(self, first: int, second: int) -> PairLink | None:
        """The link between sources ``first`` and ``second`` (in either order), if a match joined them."""
        lo, hi = min(first, second), max(first, second)
        return next((x for x in self.links if x.first == lo and x.second == hi), None)


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """Claims of one source: stated by every source (``all``), by some others (``some``), by it alone."""

    all: int
    some: int
    alone: int

    @property
    def claims(self) -> int:
        return self.all + self.some + self.alone

    def to_dict(self) -> dict[str, int]:
        return {"claims": self.claims, "all": self.all, "some": self.some, "alone": self.alone}


@dataclass(frozen=True, slots=True)
class Matrix:
    """The result of :func:`matrix`: the sources (ids ``a``, ``b``, ``c``, ...) and the claims, in row order."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    version: str = __version__
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def summary(self) -> tuple[SourceSummary, ...]:
        """Per source, in source order: how many of its claims every source states, some, or it alone."""
        n = len(self.sources)
        out: list[SourceSummary] = []
        for k in range(n):
            counts = [c.sources_count for c in self.claims if c.units[k]]
            out.append(
                SourceSummary(
                    all=sum(1 for x in counts if x == n and n > 1),
                    some=sum(1 for x in counts if 1 < x < n),
                    alone=sum(1 for x in counts if x == 1),
                )
            )
        return tuple(out)

    def described(self, origins: Sequence[tuple[SourceKind, Meta | None]]) -> Matrix:
        """This matrix with each source's kind and metadata set (as :meth:`Comparison.described`)."""
        if len(origins) != len(self.sources):
            raise ValueError(f"expected {len(self.sources)} origins, got {len(origins)}")
        return replace(self, sources=tuple(s.described(*o) for s, o in zip(self.sources, origins, strict=True)))

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract ``claimdiff/matrix/1`` (schema: ``claimdiff/schemas/matrix-1.schema.json``)."""
        from claimdiff.model import line_at

        summary = self.summary
        row_of: dict[tuple[int, int], int] = {}
        for r, c in enumerate(self.claims):
            for k, idx in enumerate(c.units):
                for i in idx:
                    row_of[(k, i)] = r
        sources = []
        for k, s in enumerate(self.sources):
            starts = s.line_starts()
            sources.append(
                {
                    "id": s.id,
                    "name": s.name,
                    "sha256": s.sha256,
                    **s.origin(),
                    "units": [
                        {
                            "id": s.unit_id(i),
                            "start": u.start,
                            "end": u.end,
                            "line": line_at(starts, u.start),
                            "text": u.text,
                            "kind": u.kind.value,
                            "claim": row_of.get((k, i)),
                        }
                        for i, u in enumerate(s.units)
                    ],
                    "summary": summary[k].to_dict(),
                }
            )
        claims = []
        for r, c in enumerate(self.claims):
            claims.append(
                {
                    "id": r,
                    "sources_count": c.sources_count,
                    "units": {self.sources[k].id: [self.sources[k].unit_id(i) for i in c.units[k]] for k in c.sources},
                    "pairs": [
                        {
                            "sources": [self.sources[x.first].id, self.sources[x.second].id],
                            "label": x.label.value,
                            "score": round(x.score, 2),
                            "conflicts": [
                                y.to_dict(self.sources[x.first].text, self.sources[x.second].text) for y in x.conflicts
                            ],
                        }
                        for x in c.links
                    ],
                }
            )
        return {
            "schema": MATRIX_SCHEMA,
            "version": self.version,
            "sources": sources,
            "claims": claims,
            "options": dict(self.options),
        }


def matrix(
    texts: Sequence[str],
    *,
    names: Sequence[str] | None = None,
    options: Options | None = None,
    compare_pair: Callable[[str, str, tuple[str, str], Options], Comparison] | None = None,
    stage: Callable[[str], None] | None = None,
    **overrides: Any,
) -> Matrix:
    """The claim matrix of two or more texts: every pair compared, the matches joined into claims.

    Args:
        texts: the sources' texts, already decoded (two or more).
        names: how the sources are named (file paths, ``-``); default ``a``, ``b``, ``c``, ...
        options: an :class:`~claimdiff.compare.Options` for every pairwise comparison; keyword ``overrides``
            (``threshold=50``) replace its fields.
        compare_pair: how one pair is compared, ``compare_pair(a, b, (name_a, name_b), options)``; default
            :func:`claimdiff.compare`. A caller may cache or time the pairwise results through it.
        stage: called with ``"compare a-b"`` before each pairwise comparison and ``"join"`` before joining.

    Raises:
        TypeError: a text is not a ``str``, or ``names`` has another length; an unknown override.
        ValueError: fewer than two texts.
        OptionsError: an option is out of range.

    Returns:
        A :class:`Matrix`. Its cost is that of the ``n (n - 1) / 2`` pairwise comparisons and a join that is
        about linear in the number of matches.
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of texts, not one str")
    texts = [require_text(t, f"texts[{k}]") for k, t in enumerate(texts)]
    n = len(texts)
    if n < 2:
        raise ValueError(f"a matrix needs two or more sources, got {n}")
    ids = [source_id(k) for k in range(n)]
    names = list(ids if names is None else names)
    if len(names) != n or not all(isinstance(x, str) for x in names):
        raise TypeError(f"names must be {n} str, got {names!r}")
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be a claimdiff.Options, got {type(options).__name__}")
    unknown = set(overrides) - set(Options.names())
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    opts = replace(options or Options(), **overrides)
    run = compare_pair or _compare_pair
    step = stage or _quiet

    edges: list[tuple[int, int, Match]] = []
    sources: list[Source | None] = [None] * n
    for i, j in combinations(range(n), 2):
        step(f"compare {ids[i]}-{ids[j]}")
        c = run(texts[i], texts[j], (names[i], names[j]), opts)
        for k, s in ((i, c.a), (j, c.b)):
            if sources[k] is None:
                sources[k] = replace(s, id=ids[k])
        edges.extend((i, j, m) for m in c.matches)
    step("join")
    done = tuple(s for s in sources if s is not None)
    return Matrix(sources=done, claims=_join(done, edges), version=__version__, options=_options_dict(opts))


def _compare_pair(a: str, b: str, names: tuple[str, str], options: Options) -> Comparison:
    return compare(a, b, names=names, options=options)


def _options_dict(opts: Options) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(opts)


def _quiet(name: str) -> None:
    """A stage callback that does nothing."""


Node = tuple[int, int]
"""A unit: (source index, unit index)."""


class _Rows:
    """Union-find over units; each root keeps, per source, the block of units the row holds."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.blocks: dict[Node, dict[int, frozenset[int]]] = {}

    def find(self, x: Node) -> Node:
        if x not in self.parent:
            self.parent[x] = x
            self.blocks[x] = {x[0]: frozenset((x[1],))}
            return x
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, side_a: list[Node], side_b: list[Node]) -> bool:
        """Join the rows of a match's units if no source would end with two blocks; say whether it did."""
        roots = sorted({self.find(x) for x in side_a + side_b})
        merged: dict[int, frozenset[int]] = {}
        # the match's own sides are one block each: a merged or split sentence
        for side in (side_a, side_b):
            k = side[0][0]
            whole: set[int] = set()
            for x in side:
                whole |= self.blocks[self.find(x)].get(k, frozenset())
            merged[k] = frozenset(whole)
        for r in roots:
            for k, block in self.blocks[r].items():
                if k in merged and merged[k] != block and not block <= merged[k]:
                    return False
                merged.setdefault(k, block)
        top = roots[0]
        for r in roots[1:]:
            self.parent[r] = top
            del self.blocks[r]
        self.blocks[top] = merged
        return True


def _join(sources: tuple[Source, ...], edges: list[tuple[int, int, Match]]) -> tuple[Claim, ...]:
    rows = _Rows()
    for k, s in enumerate(sources):
        for i, u in enumerate(s.units):
            if not u.is_boilerplate:
                rows.find((k, i))
    accepted: list[tuple[int, int, Match]] = []
    for i, j, m in sorted(edges, key=lambda e: (-e[2].score, e[0], e[1], e[2].a, e[2].b)):
        if rows.join([(i, x) for x in m.a], [(j, y) for y in m.b]):
            accepted.append((i, j, m))
    n = len(sources)
    links: dict[Node, list[PairLink]] = {}
    for i, j, m in accepted:
        root = rows.find((i, m.a[0]))
        links.setdefault(root, []).append(PairLink(i, j, m.label, m.score, m.conflicts))
    claims: list[Claim] = []
    for root, blocks in rows.blocks.items():
        units = tuple(tuple(sorted(blocks.get(k, ()))) for k in range(n))
        claims.append(Claim(units=units, links=_merge_links(links.get(root, []))))
    claims.sort(key=lambda c: (-c.sources_count, c.first))
    return tuple(claims)


_SEVERITY = {Label.SHARED: 0, Label.PARAPHRASED: 1, Label.CONFLICTING: 2}


def _merge_links(found: list[PairLink]) -> tuple[PairLink, ...]:
    """One link per pair of sources: when a row holds two matches of one pair (each joined to a block through
    another source), the less agreeing label, the lower score and every conflict."""
    by_pair: dict[tuple[int, int], PairLink] = {}
    for x in found:
        key = (x.first, x.second)
        old = by_pair.get(key)
        if old is None:
            by_pair[key] = x
            continue
        label = max(old.label, x.label, key=_SEVERITY.__getitem__)
        by_pair[key] = PairLink(x.first, x.second, label, min(old.score, x.score), old.conflicts + x.conflicts)
    return tuple(by_pair[k] for k in sorted(by_pair))
