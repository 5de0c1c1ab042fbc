"""The values claimdiff computes: units, matches and comparisons.

Everything here is a frozen dataclass or a string enum, so results are immutable, hashable and safe
to share between threads. Nothing in this module knows about terminals, JSON files or the command line;
:meth:`Comparison.to_dict` is the one bridge to the documented JSON contract (``claimdiff/compare/2``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import PurePath
from typing import Any

COMPARE_SCHEMA = "claimdiff/compare/2"
_LINE_END = re.compile(r"\r\n|\r|\n")


class Kind(StrEnum):
    """What a unit is, as far as segmentation can tell."""

    SENTENCE = "sentence"
    """A sentence of running prose."""
    LINE = "line"
    """A line that stands alone without a final stop: a headline, a bullet, a caption."""
    BOILERPLATE = "boilerplate"
    """An obvious non-claim: a photo credit, a dateline, "Go deeper", "More from the interview:"."""


class Label(StrEnum):
    """How closely two aligned units agree."""

    SHARED = "shared"
    """Same wording, give or take punctuation, typography, attribution and a few words."""
    PARAPHRASED = "paraphrased"
    """The same claim in other words."""
    CONFLICTING = "conflicting"
    """The same claim, but the two disagree on a figure, a negation, a modality or a source (the match's
    ``conflicts`` say where)."""


class ConflictKind(StrEnum):
    """How two aligned claims disagree (see :mod:`claimdiff.conflicts`); the set is closed."""

    FIGURE = "figure"
    """A figure both give for the same thing differs: ``110 years`` / ``115 years``."""
    NEGATION = "negation"
    """One asserts, the other denies: ``is expected to appeal`` / ``is not expected to appeal``."""
    MODALITY = "modality"
    """One states as certain what the other makes possible, planned or alleged: ``could face`` / ``faces``."""
    ATTRIBUTION = "attribution"
    """The same words credited to another speaker or source: ``the FAA said`` / ``Boeing said``."""


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a source text: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """One disagreement between the claims of a match: the words of side A and of side B."""

    kind: ConflictKind
    a: Span
    b: Span

    def reason(self, text_a: str, text_b: str) -> str:
        """A short reason: ``figure: 110 years vs 115 years``."""
        wa = " ".join(text_a[self.a.start : self.a.end].split())
        wb = " ".join(text_b[self.b.start : self.b.end].split())
        return f"{self.kind.value}: {wa} vs {wb}"

    def to_dict(self, text_a: str, text_b: str) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "a": {"start": self.a.start, "end": self.a.end, "text": text_a[self.a.start : self.a.end]},
            "b": {"start": self.b.start, "end": self.b.end, "text": text_b[self.b.start : self.b.end]},
        }


class Status(StrEnum):
    """What became of one unit in a comparison."""

    SHARED = "shared"
    PARAPHRASED = "paraphrased"
    CONFLICTING = "conflicting"
    UNIQUE = "unique"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Unit:
    """One claim-sized piece of a text: ``text == source[start:end]``.

    Offsets are in characters (code points) of the decoded input, recorded while splitting.
    """

    start: int
    end: int
    text: str
    kind: Kind = Kind.SENTENCE

    @property
    def is_boilerplate(self) -> bool:
        return self.kind is Kind.BOILERPLATE


@dataclass(frozen=True, slots=True)
class Match:
    """An alignment between units of source A and units of source B.

    ``a`` and ``b`` hold unit indexes, sorted; one side holds one unit and the other one or more
    (a sentence of one report that carries two of the other, merged or split).
    """

    label: Label
    score: float
    a: tuple[int, ...]
    b: tuple[int, ...]
    conflicts: tuple[Conflict, ...] = ()
    """With label ``conflicting``, where the claims disagree (offsets index each source's text)."""


class SourceKind(StrEnum):
    """Where the text of a source came from."""

    TEXT = "text"
    """A text file, standard input or a string: the text is the input as decoded."""
    HTML = "html"
    """A saved HTML page (or HTML on standard input): the text is the article extracted from it."""
    URL = "url"
    """A page fetched over ``http(s)://``: the text is the article extracted from it."""


@dataclass(frozen=True, slots=True)
class Meta:
    """What a web page says about itself; ``None`` where the page does not say.

    The title is a heading, not a claim: it is kept here, not in the extracted text.
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    """The publication date as the page gives it, normalised to ``YYYY-MM-DD`` by the extractor."""
    sitename: str | None = None
    url: str | None = None
    """The page's address: the final URL after redirects, or the canonical URL a saved page declares."""

    def to_dict(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "sitename": self.sitename,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """One input of a comparison: its name, its decoded text and its units.

    ``kind`` and ``meta`` say where the text came from: plain text (the default), or the article extracted
    from an HTML page or a URL, with what the page says about itself.
    """

    id: str
    name: str
    text: str
    units: tuple[Unit, ...]
    kind: SourceKind = SourceKind.TEXT
    meta: Meta | None = None

    def described(self, kind: SourceKind, meta: Meta | None) -> Source:
        """This source, read from a page: same text and units, with its kind and metadata."""
        return replace(self, kind=kind, meta=meta)

    def origin(self) -> dict[str, Any]:
        """The JSON fields that say where the text came from: ``kind``, and for a page its ``meta`` and the
        extracted ``text`` itself (offsets index it, and it is found nowhere else)."""
        if self.kind is SourceKind.TEXT:
            return {"kind": self.kind.value}
        return {"kind": self.kind.value, "meta": (self.meta or Meta()).to_dict(), "text": self.text}

    @property
    def sha256(self) -> str:
        """SHA-256 of the decoded text encoded as UTF-8 (not of the bytes on disk)."""
        import hashlib  # imported here: OpenSSL's start-up is wasted on a table that shows no digest

        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def unit_id(self, index: int) -> str:
        return f"{self.id}{index}"

    def line_starts(self) -> list[int]:
        """Offsets at which lines begin (CRLF, LF and CR all end a line); use with :func:`line_at`."""
        return line_starts(self.text)


def line_starts(text: str) -> list[int]:
    """Offsets at which the lines of ``text`` begin; CRLF, LF and CR each end a line."""
    starts = [0]
    for m in _LINE_END.finditer(text):
        starts.append(m.end())
    return starts


def line_at(starts: list[int], offset: int) -> int:
    """1-based line number of ``offset``, given :func:`line_starts` of the text."""
    return bisect.bisect_right(starts, offset)


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over a comparison. Coverage is the share of a source's claims (non-boilerplate units)
    that take part in a match; a source with no claims has coverage 1.0 (nothing is missing)."""

    shared: int
    paraphrased: int
    conflicting: int
    unique_a: int
    unique_b: int
    coverage_a: float
    coverage_b: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "shared": self.shared,
            "paraphrased": self.paraphrased,
            "conflicting": self.conflicting,
            "unique": {"a": self.unique_a, "b": self.unique_b},
            "coverage": {"a": round(self.coverage_a, 4), "b": round(self.coverage_b, 4)},
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of :func:`claimdiff.compare`: two sources, their matches and every unit's status."""

    a: Source
    b: Source
    matches: tuple[Match, ...]
    version: str
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def sources(self) -> tuple[Source, Source]:
        return (self.a, self.b)

    def described(self, a: tuple[SourceKind, Meta | None], b: tuple[SourceKind, Meta | None]) -> Comparison:
        """This comparison with each source's kind and metadata (``(kind, meta)``) set: what a caller that read
        pages passes on, since :func:`claimdiff.compare` itself takes texts."""
        return replace(self, a=self.a.described(*a), b=self.b.described(*b))

    def statuses(self, side: str) -> tuple[Status, ...]:
        """The status of every unit of side ``"a"`` or ``"b"``, in unit order."""
        source = self.a if side == "a" else self.b
        out = [Status.BOILERPLATE if u.is_boilerplate else Status.UNIQUE for u in source.units]
        for m in self.matches:
            status = Status(m.label.value)
            for i in m.a if side == "a" else m.b:
                out[i] = status
        return tuple(out)

    def partners(self, side: str) -> dict[int, Match]:
        """Map each matched unit index of ``side`` to the match that holds it."""
        found: dict[int, Match] = {}
        for m in self.matches:
            for i in m.a if side == "a" else m.b:
                found[i] = m
        return found

    @property
    def summary(self) -> Summary:
        counts: dict[str, tuple[int, float]] = {}
        for side, _source in (("a", self.a), ("b", self.b)):
            st = self.statuses(side)
            claims = sum(1 for s in st if s is not Status.BOILERPLATE)
            unique = sum(1 for s in st if s is Status.UNIQUE)
            counts[side] = (unique, (claims - unique) / claims if claims else 1.0)
        return Summary(
            shared=sum(1 for m in self.matches if m.label is Label.SHARED),
            paraphrased=sum(1 for m in self.matches if m.label is Label.PARAPHRASED),
            conflicting=sum(1 for m in self.matches if m.label is Label.CONFLICTING),
            unique_a=counts["a"][0],
            unique_b=counts["b"][0],
            coverage_a=counts["a"][1],
            coverage_b=counts["b"][1],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract ``claimdiff/compare/2`` (see ``docs/json.md``)."""
        sources = []
        for side, source in (("a", self.a), ("b", self.b)):
            st = self.statuses(side)
            starts = source.line_starts()
            sources.append(
                {
                    "id": source.id,
                    "name": source.name,
                    "sha256": source.sha256,
                    **source.origin(),
                    "units": [
                        {
                            "id": source.unit_id(i),
                            "start": u.start,
                            "end": u.end,
                            "line": line_at(starts, u.start),
                            "text": u.text,
                            "kind": u.kind.value,
                            "status": st[i].value,
                        }
                        for i, u in enumerate(source.units)
                    ],
                }
            )
        return {
            "schema": COMPARE_SCHEMA,
            "version": self.version,
            "sources": sources,
            "matches": [
                {
                    "label": m.label.value,
                    "score": round(m.score, 2),
                    "units": {
                        "a": [self.a.unit_id(i) for i in m.a],
                        "b": [self.b.unit_id(i) for i in m.b],
                    },
                    "conflicts": [x.to_dict(self.a.text, self.b.text) for x in m.conflicts],
                }
                for m in self.matches
            ],
            "summary": self.summary.to_dict(),
            "options": dict(self.options),
        }


def require_text(value: object, name: str) -> str:
    """``value`` if it is a ``str``; otherwise a :class:`TypeError` that says what to pass instead.

    The public entry points (``compare``, ``check``, ``segment``, ``similarity``) take the text itself,
    already decoded: a path or bytes would otherwise fail deep inside with an unrelated error.

    >>> require_text(b"abc", "a")
    Traceback (most recent call last):
    ...
    TypeError: a must be a str (the text itself), got bytes: decode it first, e.g. data.decode("utf-8")
    """
    if isinstance(value, str):
        return value
    kind = type(value).__name__
    hint = ""
    if isinstance(value, bytes | bytearray | memoryview):
        hint = ': decode it first, e.g. data.decode("utf-8")'
    elif isinstance(value, PurePath):
        hint = ": read the file first, e.g. Path(...).read_text(encoding='utf-8')"
    elif hasattr(value, "read"):
        hint = ": read the file first, e.g. f.read()"
    raise TypeError(f"{name} must be a str (the text itself), got {kind}{hint}")
