"""The claims of one story: the internal interface between corpus mode and the comparison engine.

:func:`story_claims` takes the texts of a story's articles and returns its :class:`StoryClaim` rows. It is
built on the pairwise aligner: every pair of articles is compared with :func:`claimdiff.compare`, and the
units linked by a match (shared, paraphrased or conflicting) are joined into one claim (union-find over
``(article, unit)``; a unit is in exactly one claim). Claims stated by several articles come first (most
articles first, then by their first unit), then each article's own claims in article order.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from claimdiff.corpus.model import StoryClaim
from claimdiff.segment import Segmenter


def story_claims(ids: Sequence[str], texts: Sequence[str], *, options: dict[str, object] | None = None) -> tuple[StoryClaim, ...]:
    """The claims of a story of two or more articles (``ids[k]`` names ``texts[k]``).

    >>> rows = story_claims(["a1", "a2"], ["The bill passed 52-48. Critics objected.", "The bill passed 52-48."])
    >>> [(r.articles, r.text) for r in rows]
    [(('a1', 'a2'), 'The bill passed 52-48.'), (('a1',), 'Critics objected.')]
    """
    from claimdiff.compare import compare

    opts = dict(options or {})
    segmenter = Segmenter(detect_boilerplate=bool(opts.get("boilerplate", True)))
    units = [segmenter.segment(t) for t in texts]
    nodes = [(k, u) for k, us in enumerate(units) for u, unit in enumerate(us) if not unit.is_boilerplate]
    parent = {node: node for node in nodes}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in combinations(range(len(texts)), 2):
        result = compare(texts[i], texts[j], names=(ids[i], ids[j]), **opts)
        for m in result.matches:
            linked = [(i, u) for u in m.a] + [(j, u) for u in m.b]
            linked = [x for x in linked if x in parent]
            for x in linked[1:]:
                rx, r0 = find(x), find(linked[0])
                if rx != r0:
                    parent[max(rx, r0)] = min(rx, r0)  # the root is the earliest unit: deterministic
    rows: dict[tuple[int, int], dict[int, list[int]]] = {}
    for node in nodes:
        rows.setdefault(find(node), {}).setdefault(node[0], []).append(node[1])
    ordered = sorted(rows.items(), key=lambda kv: (-len(kv[1]) if len(kv[1]) > 1 else 0, kv[0]))
    return tuple(
        StoryClaim(
            units=tuple((ids[k], tuple(ix)) for k, ix in sorted(row.items())),
            text=units[root[0]][root[1]].text,
        )
        for root, row in ordered
    )
