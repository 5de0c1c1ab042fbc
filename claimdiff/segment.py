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
whitespace before the limit (in its second half), or at the limit when there is none, and each piece is a
:attr:`Kind.LINE` unless it ends in a stop. Every later stage then costs at most a bounded amount per unit.

Offsets are recorded while scanning; every unit satisfies ``unit.text == text[unit.start:unit.end]``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from claimdiff.boilerplate import is_boilerplate, mark_page_furniture, stands_alone
from claimdiff.model import Kind, Unit, require_text

__all__ = ["BULLET_MARKERS", "MAX_UNIT_CHARS", "Segmenter", "segment"]

MAX_UNIT_CHARS = 2000
"""The longest unit, in characters (real sentences in news text stay under a few hundred)."""

BULLET_MARKERS = frozenset("•·▪▫‣⁃◦●○■□►▸▶▹➢➤→✓✔♦◆◇-–—*+")
"""Characters that mark a list item when they open a line and are followed by whitespace."""

# Dedicated bullet symbols: when a chunk opens with one of them, a later occurrence of the same symbol
# after whitespace starts a new item ("• 9. one • 10. two"). Dashes and asterisks are excluded
# because inside prose they are punctuation.
_INLINE_BULLETS = frozenset("•▪▫‣⁃◦●○■□►▸▶▹➢➤")

_STOPS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’)]}»›")
_OPENERS = frozenset("\"'“‘([{«‹")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _wordset(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string, for readability."""
    return frozenset(words.split())


# Titles and connectives: a capitalised word after them is a name or the rest of the sentence.
_NEVER_END = _wordset(
    """mr mrs ms mx messrs mme dr prof gen sen rep gov lt col maj capt cpt sgt cmdr adm rev fr hon
    pres supt mt insp det cpl pvt brig e.g i.e cf viz vs v"""
)
# Abbreviations that introduce a number: "No. 1", "p. 55", "Jan. 12", "N°. 1026".
_NUMERIC = _wordset(
    """no nos nr n° nº № p pp vol vols fig figs ch chap sec sect art arts para op pg pt ed eq eqs tel
    ca c approx ver jan feb mar apr jun jul aug sep sept oct nov dec"""
)
# Abbreviations that often end a sentence but also precede names: split only before an opener.
_AMBIGUOUS = _wordset(
    """inc co cos corp ltd llc plc jr sr etc esq bros dept univ assn st ave blvd rd hwy al est govt
    intl natl mfg jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun lb lbs oz yr yrs mo mos hr hrs min mins sec secs ft mi"""
)
_TIME = frozenset({"a.m", "p.m"})
_TIME_FOLLOWERS = _wordset(
    """et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist jst aest eastern central
    mountain pacific local monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december"""
)
# Words that commonly open an English sentence. After an ambiguous abbreviation ("U.S.", "Inc.") a
# capitalised word from this list signals a new sentence, any other capitalised word a name
# ("U.S. Government", "Apple Inc. CEO").
_OPENER_WORDS = _wordset(
    """a an the this that these those he she it its they we i you his her their our my your there
    here what when where why how who whom whose which but and so yet or nor if as in on at for after
    before while although though because since however meanwhile still also then now today yesterday
    tomorrow last next some many most much no not one two both all each every such other another
    do does did is are was were has have had can could will would should may might must let please
    mr mrs ms according under over despite during until unless once instead indeed thus hence
    moreover furthermore besides finally first second third"""
)
# A line ending in one of these words cannot stand alone, so a line break after it is a wrap.
_FUNCTION_WORDS = _wordset("a an the of to in on at for with and or but by from as that into than its their his her")
_CONTINUATION_END = frozenset(",;(-–—/&")

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MULTI_PERIOD_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_LIST_MARKER_RE = re.compile(r"(?:\d{1,3}|[A-Za-z])(?:\.\)|\)|\.)(?=\s)")
_STOP_RE = re.compile(r"[.!?…]")
# In a list chunk the scan also stops at candidate list markers and inline bullets after whitespace.
_LIST_SCAN_RE = re.compile(r"[.!?…]|(?<=\s)(?:(?:\d{1,3}|[A-Za-z])(?:\.\)|\)|\.)(?=\s)|[•▪▫‣⁃◦●○■□►▸▶▹➢➤])")
_TIME_PHRASE_RE = re.compile(r"(?:[^\W\d_]+\s+)?\d{1,2}(?:[:.]\d{2})?\s*")

_MAX_TOKEN = 32  # longest token looked at behind a stop; abbreviations are far shorter


@dataclass(frozen=True, slots=True, eq=False)  # never compared: no __eq__ nor __hash__ to generate
class _Line:
    """A non-blank line: its content span (bullet marker excluded) and what the join rules need."""

    start: int
    end: int
    width: int  # content width including any bullet marker, for the wrap heuristic
    marker: str | None  # the stripped bullet marker, if any


@dataclass(frozen=True, slots=True, eq=False)  # never compared, as _Line
class _Chunk:
    """A run of lines joined by wraps: the text one sentence scan works on."""

    start: int
    end: int
    lead_bullet: str | None  # dedicated bullet symbol that opens the chunk, for inline item splits
    single_line: bool


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
            for start, end in _bounded(text, _split_chunk(text, chunk)):
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


def _chunks(text: str) -> list[_Chunk]:
    """Group lines into chunks: blocks between blank lines, cut at hard breaks."""
    lines = _lines(text)
    chunks: list[_Chunk] = []
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


def _make_chunk(text: str, first: _Line, last: _Line, count: int) -> _Chunk:
    lead = first.marker if first.marker in _INLINE_BULLETS else None
    if lead is None and text[first.start] in _INLINE_BULLETS:
        lead = text[first.start]
    return _Chunk(first.start, last.end, lead, count == 1)


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
    while i > 0 and piece[i - 1] in _CLOSERS:
        i -= 1
    return i > 0 and piece[i - 1] in _STOPS


# --- pass 2: chunks into sentences --------------------------------------------------------------------


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _item_start(text: str, i: int, end: int, lead: str | None) -> tuple[int, str | None]:
    """Skip an inline bullet and a list marker at ``i``; return the scan position and the next marker."""
    if lead is not None and i < end and text[i] == lead:
        i = _skip_space(text, i + 1, end)
    m = _LIST_MARKER_RE.match(text, i, end)
    if m is None:
        return i, None
    return m.end(), _next_marker(m.group())


def _next_marker(marker: str) -> str | None:
    """The marker that follows ``marker`` in the same list: ``1.)`` -> ``2.)``, ``a.`` -> ``b.``."""
    head = marker.rstrip(".)")
    style = marker[len(head) :]
    if head.isdigit():
        return f"{int(head) + 1}{style}"
    if head in ("z", "Z"):
        return None
    return f"{chr(ord(head) + 1)}{style}"


def _split_chunk(text: str, chunk: _Chunk) -> list[tuple[int, int]]:
    """Split one chunk into sentence spans."""
    end = chunk.end
    spans: list[tuple[int, int]] = []
    sent_start = chunk.start
    pos, expected = _item_start(text, sent_start, end, chunk.lead_bullet)
    scan = _LIST_SCAN_RE if expected is not None or chunk.lead_bullet is not None else _STOP_RE
    while True:
        m = scan.search(text, pos, end)
        if m is None:
            break
        i = m.start()
        if text[i] not in _STOPS:
            # A list marker or inline bullet after whitespace: a new item if it is the one expected.
            token = m.group()
            if token == chunk.lead_bullet or token == expected:
                unit_end = i
                while text[unit_end - 1].isspace():
                    unit_end -= 1
                if unit_end > sent_start:
                    spans.append((sent_start, unit_end))
                sent_start = i
                pos, nxt = _item_start(text, i, end, chunk.lead_bullet)
                expected = nxt if nxt is not None else expected
            else:
                pos = i + 1
            continue
        run_end, cut = _stop_decision(text, i, sent_start, end)
        if cut is None:
            pos = run_end
            continue
        spans.append((sent_start, cut))
        sent_start = _skip_space(text, cut, end)
        pos, nxt = _item_start(text, sent_start, end, chunk.lead_bullet)
        if nxt is not None:
            expected = nxt
        pos = max(pos, run_end)
    if sent_start < end:
        spans.append((sent_start, end))
    return spans


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each one longer than :data:`MAX_UNIT_CHARS` cut into pieces (see the module docstring)."""
    if all(end - start <= MAX_UNIT_CHARS for start, end in spans):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_UNIT_CHARS:
            limit = start + MAX_UNIT_CHARS
            cut = limit  # the whitespace at or before the limit, in the second half of the piece
            while cut > start + MAX_UNIT_CHARS // 2 and not text[cut].isspace():
                cut -= 1
            if text[cut].isspace():
                piece_end = cut
                while text[piece_end - 1].isspace():
                    piece_end -= 1
                out.append((start, piece_end))
                start = _skip_space(text, cut, end)
            else:  # no whitespace in the second half: cut inside the word
                out.append((start, limit))
                start = limit
        if start < end:
            out.append((start, end))
    return out


def _stop_decision(text: str, i: int, sent_start: int, end: int) -> tuple[int, int | None]:
    """Look at the stop run starting at ``i``.

    Returns:
        Where the run ends, and where the sentence ends if the run ends one (else ``None``).
    """
    # Consume the run: stop characters, plus spaced ellipsis dots (". . .").
    j = i
    dots = 0
    other = False
    spaced = False
    while j < end:
        ch = text[j]
        if ch == ".":
            dots += 1
        elif ch == "…":
            dots += 3
        elif ch in "!?":
            other = True
        elif ch == " " and j + 1 < end and text[j + 1] == "." and text[j - 1] == ".":
            spaced = True
        else:
            break
        j += 1
    run_end = j
    while j < end and text[j] in _CLOSERS:
        j += 1
    if j < end and not text[j].isspace():
        return run_end, None  # "3.14", "U.S.-led", "Jr.'s", "example.com": not followed by a space
    k = _skip_space(text, j, end)
    if k >= end:
        return run_end, None  # the chunk ends here anyway
    newline = any(c in _LINE_BREAKS for c in text[j:k])
    # First letter of the next word, looking through opening quotes and brackets.
    n = k
    while n < end and n - k < 8 and text[n] in _OPENERS:
        n += 1
    if n < end and text[n].islower():
        return run_end, None  # a lower-case continuation never starts a sentence
    attached = i > sent_start and not text[i - 1].isspace()
    ellipsis = dots >= 3 and not other
    if ellipsis:
        if i > 0 and text[i - 1] in "[(":
            return run_end, None  # "[...]": an omission marker
        if spaced and attached and dots >= 4:
            # "compounds. . . . The": the period ends the sentence, the ellipsis opens the next one.
            return i + 1, i + 1
        if not attached and dots < 4:
            return run_end, None  # " ... " / " . . . ": an omission inside the sentence
        return run_end, j
    if other or dots != 1:
        return run_end, j
    word_m = _WORD_RE.match(text, n, min(end, n + 40))
    next_word = word_m.group().lower() if word_m else ""
    if _period_ends_sentence(text, i, sent_start, text[n] if n < end else "", next_word, newline):
        return run_end, j
    return run_end, None


def _token_before(text: str, i: int, lo: int) -> tuple[int, str]:
    """The whitespace-delimited token ending at ``i``, opening quotes stripped, and where it starts.

    The token is '' when it is longer than any abbreviation (or absent).
    """
    t = i
    limit = max(lo, i - _MAX_TOKEN)
    while t > limit and not text[t - 1].isspace():
        t -= 1
    if t == limit and t > lo and not text[t - 1].isspace():
        return t, ""
    while t < i and text[t] in _OPENERS:
        t += 1
    return t, text[t:i]


def _period_ends_sentence(text: str, i: int, sent_start: int, next_char: str, next_word: str, newline: bool) -> bool:
    """Decide a single period at ``i`` followed by whitespace and a word that is not lower case."""
    start, token = _token_before(text, i, sent_start)
    low = token.lower()
    if not token:
        return True
    if low in _NEVER_END:
        return False
    if next_char.isdigit() and low in _NUMERIC:
        return False
    if low in _TIME:
        if next_word in _TIME_FOLLOWERS:
            return False  # "5 p.m. ET", "9 a.m. Monday"
        # "At 5 a.m. Mr. Smith ...": a sentence cannot be just a time phrase.
        return _TIME_PHRASE_RE.fullmatch(text, sent_start, start) is None
    if len(token) == 1 and token.isalpha():
        if token.islower():
            return True
        if next_word in _OPENER_WORDS:
            return True
        # An initial follows a capitalised name or opens the sentence ("John F. Kennedy", "E. Smith");
        # after a lower-case word it is a word of its own ("you and I.").
        prev_end = start
        while prev_end > sent_start and text[prev_end - 1].isspace():
            prev_end -= 1
        _, before = _token_before(text, prev_end, sent_start)
        return bool(before) and not before[0].isupper()
    if low in _AMBIGUOUS or _MULTI_PERIOD_RE.fullmatch(token):
        return newline or next_word in _OPENER_WORDS
    return True
