"""The claims of one story: the bridge between corpus mode and the claim matrix (:mod:`claimdiff.matrix`).

:func:`story_claims` builds the matrix of a story's articles (every pair aligned by :func:`claimdiff.compare`,
the matches joined into rows by the matrix's rule) and turns each row into a :class:`StoryClaim` keyed by
article id. Rows keep the matrix's order: claims stated by most articles first, then by first appearance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimdiff.corpus.model import StoryClaim


def story_claims(
    ids: Sequence[str], texts: Sequence[str], *, options: dict[str, Any] | None = None
) -> tuple[StoryClaim, ...]:
    """The claims of a story of two or more articles (``ids[k]`` names ``texts[k]``).

    >>> rows = story_claims(["a1", "a2"], ["The bill passed 52-48. Critics objected.", "The bill passed 52-48."])
    >>> [(r.articles, r.text, r.labels) for r in rows]
    [(('a1', 'a2'), 'The bill passed 52-48.', (('a1', 'a2', 'shared'),)), (('a1',), 'Critics objected.', ())]
    """
    from claimdiff.matrix import matrix

    m = matrix(list(texts), names=list(ids), **dict(options or {}))
    rows = []
    for claim in m.claims:
        k, u = claim.first
        rows.append(
            StoryClaim(
                units=tuple((ids[s], claim.units[s]) for s in claim.sources),
                text=m.sources[k].units[u].text,
                labels=tuple((ids[x.first], ids[x.second], x.label.value) for x in claim.links),
            )
        )
    return tuple(rows)
