"""The result types of corpus mode: articles, stories, and the claims of each story.

Frozen dataclasses with ``to_dict`` for the ``claimdiff/corpus/1`` JSON contract (see ``docs/corpus.md`` and
``claimdiff/schemas/corpus-1.schema.json``). Ids are assigned from the sorted input names, so that a result
does not depend on the order files were listed in, nor on how many workers read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimdiff._version import __version__
from claimdiff.model import Meta, SourceKind

SCHEMA = "claimdiff/corpus/1"


@dataclass(frozen=True, slots=True)
class Article:
    """One input file that was read: ``id`` (``a1``, ``a2``, ... in sorted name order), its path, size."""

    id: str
    name: str
    chars: int
    claims: int
    """How many claims (non-boilerplate units) the article has."""
    kind: SourceKind = SourceKind.TEXT
    meta: Meta | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "chars": self.chars,
            "claims": self.claims,
            "meta": self.meta.to_dict() if self.meta is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read (missing, binary, undecodable, empty...), with the one-line reason."""

    name: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class StoryClaim:
    """A claim of a story (a row of its claim matrix): the units that state it, per article.

    ``units`` maps article id to unit indexes (in the article's segmentation, boilerplate included, as in
    ``claimdiff/compare/2``), in article order; ``text`` is the first stating unit's text.
    """

    units: tuple[tuple[str, tuple[int, ...]], ...]
    text: str
    labels: tuple[tuple[str, str, str], ...] = ()
    """For each pair of articles a pairwise match linked directly: ``(first, second, label)``."""

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(a for a, _ in self.units)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles),
            "articles_count": len(self.units),
            "units": {a: list(ix) for a, ix in self.units},
            "text": self.text,
            "pairs": [{"articles": [a, b], "label": label} for a, b, label in self.labels],
        }


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same event, and (for two or more) the claims across them.

    ``claims`` lists the claims stated by several articles first (most articles first, then by first
    appearance), then each article's own claims in article order.
    """

    id: str
    articles: tuple[str, ...]
    claims: tuple[StoryClaim, ...] = ()

    @property
    def shared(self) -> tuple[StoryClaim, ...]:
        """The claims stated by two or more articles."""
        return tuple(c for c in self.claims if len(c.units) > 1)

    def alone(self, article: str) -> tuple[StoryClaim, ...]:
        """The claims only ``article`` states."""
        return tuple(c for c in self.claims if c.articles == (article,))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "articles": list(self.articles), "claims": [c.to_dict() for c in self.claims]}


@dataclass(frozen=True, slots=True)
class Grouping:
    """How stories were found: counts of the candidate pairs from the index and of the pairs kept."""

    articles: int
    candidate_pairs: int
    linked_pairs: int

    def to_dict(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "candidate_pairs": self.candidate_pairs,
            "linked_pairs": self.linked_pairs,
        }


@dataclass(frozen=True, slots=True)
class Corpus:
    """The result of :func:`claimdiff.corpus.corpus`: every article read, in exactly one story."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...]
    grouping: Grouping
    version: str = __version__
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "version": self.version,
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
            "skipped": [s.to_dict() for s in self.skipped],
            "grouping": self.grouping.to_dict(),
        }
