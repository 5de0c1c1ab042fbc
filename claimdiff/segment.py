"""Split a news text into claim-sized units: sentences, standalone lines and boilerplate.

The segmenter works in two passes over the text, both left to right and both linear in its length.

**Lines into chunks.** The text is cut into lines (the line breaks of :meth:`str.splitlines`: LF, CRLF,
CR and the Unicode separators). Blank lines separate blocks. A line whose first non-blank character
is a bullet marker (``•``, ``-``, ``*``, ``–`` ... followed by whitespace) starts a new chunk, and the
marker and its spaces are left out of every unit. Inside a block, a single line break between two
lines is either a *wrap* (the lines are joined into one chunk and the break is ordinary whitespace)
or a *hard break* (the chunk ends):

* after a line ending in a stop (``. ! ? …``, optionally followed by closing quotes or brackets) the
  lines are joined and the sentence pass decides; there, a stop followed by a line break is a boundary
  unless the next line starts in lower case or the stop belongs to a title, an initial or a numbered
  abbreviation (``Mr.``, ``F.``, ``No. 1``), so one-paragraph-per-line texts split at every line;
* after a line without a final stop, the break is a wrap when the next line starts in lower case,
  when the line ends in a comma, semicolon, dash or a function word ("of", "the", "and" ...), or when
  the line is long for its block: at least 40 characters and 70 % of the widest line of the block,
  in a block no wider than 120 characters (hard-wrapped text is 60-100 columns wide; longer lines are
  paragraphs of their own), unless the next line is boilerplate on its own or the line is a byline or
  a time stamp (a headline over "By Tribune staff"). Otherwise the line stands alone: a headline, a
  caption, "Go deeper".

**Chunks into sentences.** Each chunk is scanned for stops. A stop run (``.``, ``?!``, ``...``,
``. . . .``) plus any closing quotes and brackets ends a sentence when whitespace follows and the
next word does not start in lower case, except after titles (``Gen.``, ``Mr.``), abbreviations that
introduce a number (``No. 1``, ``p. 55``), initials after a capitalised word (``John F. Kennedy``) and
abbreviations such as ``U.S.``, ``Inc.`` or ``St.``, which end a sentence only before a common
sentence opener ("How", "The", "It" ...) or at a line break. ``a.m.``/``p.m.`` end a sentence before
a capitalised word unless it is a time zone or a day (``5 p.m. ET``) or the sentence so far is only a
time phrase (``At 5 a.m. Mr. Smith left``). An ellipsis preceded by a space or
inside brackets marks an omission, not an ending. A chunk that starts with a list marker (``1.``,
``2)``, ``a.``, ``⁃``) is also split before the next marker of the same list.

**Kinds.** A unit ending in a stop is a :attr:`Kind.SENTENCE`, any other unit a :attr:`Kind.LINE`.
With ``detect_boilerplate`` a short unit matching one of a few general patterns is
:attr:`Kind.BOILERPLATE`: photo and image credits (``Photo: ...``, ``(AP Photo/...)``, ``.../AFP via
Getty Images``), datelines, time stamps and bylines (a line that is only a date, optionally with a
section name; ``By Jane Doe``, ``By Tribune staff``; ``Updated 3 hours ago``, ``Last updated 1:06
a.m. Wednesday``, a live blog's ``9:42 p.m. ET``, with a reading time: ``| 3 min read``),
press-release furniture (``FOR IMMEDIATE RELEASE``, ``About <Company>``, ``For more information,
visit ...``, a contact line with an e-mail address or a telephone number, ``###``), navigation and
promotion (``Go deeper``, ``Read more:``, ``Sign up for ...``, ``Refresh this page ...``,
``Advertisement``, ``Story continues below advertisement``, ``Follow Jane Doe on X``), notices of
wire copy (``(Reporting by ...; Editing by ...)``, ``Interview by ...``, ``Jane Doe contributed to
this report.``, ``Copyright 2020 The Associated Press.``, ``All rights reserved.``) and a standalone
line of at most six words ending in a colon, which introduces a list rather than making a claim.
Sentences that make a claim never match these patterns ("Reporting by the Times found that ...").

**Length.** A unit is at most :data:`MAX_UNIT_CHARS` characters: a longer run without a sentence end (a
table flattened into one line, a transcript without punctuation, a hostile 1 MB line) is cut at the last
whitespace at or before the limit (in the second half of the piece), or at the limit, inside a word, when
there is none. A piece is a :attr:`Kind.SENTENCE` when it ends in a stop and a :attr:`Kind.LINE` otherwise,
and boilerplate like any unit (many identical pieces are page furniture). Every later stage then costs at
most a bounded amount per unit.

Offsets are recorded while scanning; every unit satisfies ``unit.text == text[unit.start:unit.end]``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from claimdiff.boilerplate import is_boilerplate, mark_page_furniture, stands_alone
from claimdiff.model import Kind, Unit, require_text
from claimdiff.sentences import CLOSERS, INLINE_BULLETS, MAX_UNIT_CHARS, STOPS, Chunk, split_chunk

__all__ = ["BULLET_MARKERS", "MAX_UNIT_CHARS", "Segmenter", "segment"]

BULLET_MARKERS = frozenset("•·▪▫‣⁃◦●○■□►▸▶▹➢➤→✓✔♦◆◇-–—*+")
"""Characters that mark a list item when they open a line and are followed by whitespace."""

_INLINE_BULLETS = frozenset(INLINE_BULLETS)


# A line ending in one of these words cannot stand alone, so a line break after it is a wrap.
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with and or but by from as that into than its their his her".split()
)
_CONTINUATION_END = frozenset(",;(-–—/&")


@dataclass(frozen=True, slots=True, eq=False)  # never compared: no __eq__ nor __hash__ to generate
class _Line:
    """A non-blank line: its content span (bullet marker excluded) and what the join rules need."""

    start: int
    end: int
    width: int  # content width including any bullet marker, for the wrap heuristic
    marker: str | None  # the stripped bullet marker, if any


class Segmenter:
    """Split texts into :class:`~claimdiff.model.Unit` objects.

    The object holds configuration only, so one instance can serve any number of threads.

    Args:
        detect_boilerplate: Label credits, datelines, bylines and navigation lines as
            :attr:`Kind.BOILERPLATE` instead of :attr:`Kind.LINE` / :attr:`Kind.SENTENCE`.
    """

    __slots__ = ("_detect_boilerplate",)

    def __init__(self, *, detect_boilerplate: bool = True) -> None:
        self._detect_boilerplate = detect_boilerplate

    def segment(self, text: str) -> list[Unit]:
        """Split ``text`` into units, in order and without overlap.

        Args:
            text: The decoded input; any line endings, NBSPs and curly quotes are fine.

        Returns:
            The units; an empty list when ``text`` holds only whitespace.

        Raises:
            TypeError: ``text`` is not a ``str`` (a path or bytes: read or decode it first).
        """
        text = require_text(text, "text")
        units: list[Unit] = []
        for chunk in _chunks(text):
            for start, end in split_chunk(text, chunk):
                piece = text[start:end]
                kind = Kind.SENTENCE if _ends_with_stop(piece) else Kind.LINE
                if self._detect_boilerplate:
                    whole = chunk.single_line and start == chunk.start and end == chunk.end
                    if is_boilerplate(piece, kind, whole):
                        kind = Kind.BOILERPLATE
                units.append(Unit(start, end, piece, kind))
        return mark_page_furniture(text, units) if self._detect_boilerplate else units


_DEFAULT = Segmenter()


def segment(text: str) -> list[Unit]:
    """Split ``text`` with the default :class:`Segmenter` (boilerplate detection on).

    Args:
        text: The decoded input.

    Returns:
        The units of ``text``.

    Example:
        >>> [u.text for u in segment("Go deeper\\n\\nHe left at 6 p.m. It rained.")]
        ['Go deeper', 'He left at 6 p.m.', 'It rained.']
    """
    return _DEFAULT.segment(text)


# --- pass 1: lines into chunks ------------------------------------------------------------------------


def _lines(text: str) -> list[_Line | None]:
    """Cut ``text`` into lines; ``None`` stands for a blank line or a bare bullet marker (a break)."""
    out: list[_Line | None] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(raw)
        body = raw.rstrip()  # also drops the line break itself
        lead = len(body) - len(body.lstrip())
        if lead == len(body):
            out.append(None)
            continue
        start, end = line_start + lead, line_start + len(body)
        width = end - start
        marker: str | None = None
        if text[start] in BULLET_MARKERS and (start + 1 == end or text[start + 1].isspace()):
            marker = text[start]
            start += 1
            while start < end and text[start].isspace():
                start += 1
            if start == end:  # a marker alone on its line: nothing to keep, but it ends the chunk
                out.append(None)
                continue
        out.append(_Line(start, end, width, marker))
    return out


def _chunks(text: str) -> list[Chunk]:
    """Group lines into chunks: blocks between blank lines, cut at hard breaks."""
    lines = _lines(text)
    chunks: list[Chunk] = []
    i = 0
    while i < len(lines):
        if lines[i] is None:
            i += 1
            continue
        block: list[_Line] = []
        while i < len(lines):
            line = lines[i]
            if line is None:
                break
            block.append(line)
            i += 1
        widest = max(line.width for line in block)
        first = block[0]
        count = 1
        for prev, nxt in itertools.pairwise(block):
            if _wraps(text, prev, nxt, widest):
                count += 1
                continue
            chunks.append(_make_chunk(text, first, prev, count))
            first, count = nxt, 1
        chunks.append(_make_chunk(text, first, block[-1], count))
    return chunks


def _make_chunk(text: str, first: _Line, last: _Line, count: int) -> Chunk:
    lead = first.marker if first.marker in _INLINE_BULLETS else None
    if lead is None and text[first.start] in _INLINE_BULLETS:
        lead = text[first.start]
    return Chunk(first.start, last.end, lead, count == 1)


def _wraps(text: str, prev: _Line, nxt: _Line, widest: int) -> bool:
    """Whether the line break between ``prev`` and ``nxt`` is a wrap inside one chunk."""
    if nxt.marker is not None:
        return False
    if _ends_with_stop(text[max(prev.start, prev.end - 8) : prev.end]):
        return True  # the sentence scan decides, with the line break as a strong hint
    if text[nxt.start].islower():
        return True
    last = text[prev.end - 1]
    if last in _CONTINUATION_END:
        return True
    if last == ":" and prev.width < 40:
        return False  # "More from the interview:" introduces what follows
    tail = text[max(prev.start, prev.end - 12) : prev.end].rsplit(None, 1)[-1]
    if tail.lower() in _FUNCTION_WORDS:
        return True
    if is_boilerplate(text[nxt.start : nxt.end], Kind.LINE, True) or stands_alone(text[prev.start : prev.end]):
        return False  # a byline, a time stamp or a credit under a headline stands alone
    return widest <= 120 and prev.width >= max(40, 0.7 * widest)


def _ends_with_stop(piece: str) -> bool:
    """Whether ``piece`` ends in a stop, possibly followed by closing quotes or brackets."""
    i = len(piece)
    while i > 0 and piece[i - 1] in CLOSERS:
        i -= 1
    return i > 0 and piece[i - 1] in STOPS
