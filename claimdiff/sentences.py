"""The segmenter's second pass: each chunk (a run of lines joined by wraps) into sentence spans.

The rules are those of :mod:`claimdiff.segment` ("Chunks into sentences" and "Length" in its docstring);
every function here is linear in the length of the chunk it scans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CLOSERS", "INLINE_BULLETS", "MAX_UNIT_CHARS", "STOPS", "Chunk", "split_chunk"]

MAX_UNIT_CHARS = 2000
"""The longest unit, in characters (real sentences in news text stay under a few hundred)."""

STOPS = frozenset(".!?…")
"""Characters that end a sentence."""
CLOSERS = frozenset("\"'”’)]}»›")
"""Closing quotes and brackets, which may follow a stop inside its sentence."""
INLINE_BULLETS = "•▪▫‣⁃◦●○■□►▸▶▹➢➤"
"""Dedicated bullet symbols: when a chunk opens with one of them, a later occurrence of the same symbol after
whitespace starts a new item ("• 9. one • 10. two"). Dashes and asterisks are not among them: inside prose
they are punctuation."""
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
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MULTI_PERIOD_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_LIST_MARKER_RE = re.compile(r"(?:\d{1,3}|[A-Za-z])(?:\.\)|\)|\.)(?=\s)")
_STOP_RE = re.compile(r"[.!?…]")
# In a list chunk the scan also stops at candidate list markers and inline bullets after whitespace.
_LIST_SCAN_RE = re.compile(r"[.!?…]|(?<=\s)(?:(?:\d{1,3}|[A-Za-z])(?:\.\)|\)|\.)(?=\s)|[" + INLINE_BULLETS + "])")
_TIME_PHRASE_RE = re.compile(r"(?:[^\W\d_]+\s+)?\d{1,2}(?:[:.]\d{2})?\s*")

_MAX_TOKEN = 32  # longest token looked at behind a stop; abbreviations are far shorter


@dataclass(frozen=True, slots=True, eq=False)  # never compared: no __eq__ nor __hash__ to generate
class Chunk:
    """A run of lines joined by wraps: the text one sentence scan works on."""

    start: int
    end: int
    lead_bullet: str | None  # dedicated bullet symbol that opens the chunk, for inline item splits
    single_line: bool


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _trim_end(text: str, start: int, i: int) -> int:
    """``i`` moved back over whitespace, not before ``start``."""
    while i > start and text[i - 1].isspace():
        i -= 1
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


def split_chunk(text: str, chunk: Chunk) -> list[tuple[int, int]]:
    """The spans of the units of one chunk: its sentences, each cut to at most :data:`MAX_UNIT_CHARS`."""
    return _bounded(text, _sentences(text, chunk))


def _sentences(text: str, chunk: Chunk) -> list[tuple[int, int]]:
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
        if text[i] not in STOPS:
            # A list marker or inline bullet after whitespace: a new item if it is the one expected.
            token = m.group()
            if token == chunk.lead_bullet or token == expected:
                unit_end = _trim_end(text, sent_start, i)
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
    """``spans`` with each one longer than :data:`MAX_UNIT_CHARS` cut into pieces ("Length" in the docstring of
    :mod:`claimdiff.segment`). Each span starts and ends with a character that is not whitespace, and so do the
    pieces."""
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
                out.append((start, _trim_end(text, start, cut)))
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
    while j < end and text[j] in CLOSERS:
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
