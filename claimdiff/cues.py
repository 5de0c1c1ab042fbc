"""Reading one claim for what changes its meaning: words with offsets, negation and modality cues,
figures, and who the claim is credited to.

A :class:`Reading` is made once per aligned claim while :func:`claimdiff.compare` labels its matches,
and handed to :mod:`claimdiff.conflicts`; nothing here compares two claims.

* Words are read with their offsets; ``didn't`` is two words, ``did`` and ``n't``; ``cannot`` is
  ``can`` and ``not``. Each word has a key (folded and stemmed) to pair it with the other claim's words.
* A **negation** cue is a word that denies what follows it: ``not``, ``never``, ``no``, ``nobody``,
  ``no longer``, ``unable``, ``denied``, ``failed to``, ``refused to``, ``declined to``. ``not only``,
  ``no doubt`` and ``no matter`` are not; nor are ``neither ... nor``, whose negation bears on a verb
  after the pair.
* A **modality** cue is a word that makes what follows it uncertain, planned or reported rather than
  stated: ``may``, ``might``, ``could``, ``would likely``, ``possibly``, ``likely``, ``is expected to``,
  ``plans to``, ``intends to``, ``allegedly``, ``reportedly``, ``is believed to``. ``could not`` (past
  inability) is not.
* A cue bears on its **anchor**: the first word after it, in the same clause, that is neither a cue
  nor a function word (``is not expected to appeal``: ``appeal``).
* **Speakers**: who a claim is credited to (``..., the FAA said``; ``Boeing said on Tuesday``;
  ``according to police``), as written, with their offsets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from claimdiff.figures import Figure, figures
from claimdiff.normalize import fold, fold_word, stem

__all__ = ["Reading", "Speaker", "Word", "may_cue", "read"]


class Word(NamedTuple):
    """A word of a claim: ``text[start:end]`` of the source, its folded form and its key (a named tuple: a
    claim is read into many, and a tuple is made three times faster than a frozen dataclass)."""

    start: int
    end: int
    low: str
    key: str
    cue: str | None = None
    """``negation``, ``modality``, ``both`` (``unlikely``) or ``None``."""
    anchor: int | None = None
    """For a cue, the index of the word it bears on (see the module documentation)."""
    then: int | None = None
    """For a cue, the content word after its anchor (``could face more than 20 years``: ``more``), which
    stands for the anchor when the other claim words the verb otherwise (``will spend more than``)."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a claim is credited to: the words naming them, as written."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Reading:
    """What :mod:`claimdiff.conflicts` needs of one claim, or of several read as one; offsets index
    the source text."""

    words: tuple[Word, ...]
    figures: tuple[Figure, ...]
    speakers: tuple[Speaker, ...]
    breaks: frozenset[int] = frozenset()
    """Indexes of words that begin a new clause (after ``,;:`` or a dash) or a new sentence."""

    @property
    def hedged(self) -> bool:
        """Whether anything in the claim is hedged: a modality cue, or a verb such as ``believe`` that
        hedges the clause it introduces."""
        return any(w.cue in ("modality", "both") or w.low in _WEAK for w in self.words)

    @staticmethod
    def join(readings: list[Reading]) -> Reading:
        """Several claims read as one (a merged match), in the order given."""
        words: list[Word] = []
        breaks: set[int] = set()
        for r in readings:
            base = len(words)
            breaks.add(base)
            breaks.update(base + k for k in r.breaks)
            words.extend(
                Word(
                    w.start,
                    w.end,
                    w.low,
                    w.key,
                    w.cue,
                    None if w.anchor is None else w.anchor + base,
                    None if w.then is None else w.then + base,
                )
                for w in r.words
            )
        return Reading(
            tuple(words),
            tuple(f for r in readings for f in r.figures),
            tuple(s for r in readings for s in r.speakers),
            frozenset(breaks),
        )


_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_BREAK = re.compile(r"[,;:()\u2014\u2013.!?\"\u201c\u201d]|\s-\s")

# negation: words that deny what follows them
_NEGATION = frozenset(
    "not n't never no none nobody nothing nowhere unable without deny denies denied denying "
    "reject rejects rejected rejecting".split()
)
_NEGATION_TO = frozenset("fail fails failed failing refuse refuses refused refusing decline declines declined".split())
_NOT_NEGATION_AFTER = {"not": {"only", "just", "least"}, "no": {"doubt", "matter", "less", "sooner"}}
# modality: words that make what follows uncertain, planned or reported
_MODAL = frozenset(
    "may might could possibly perhaps maybe probably likely potentially allegedly alleged reportedly "
    "apparently supposedly purportedly presumably suspected".split()
)
_MODAL_TO = frozenset(
    "expected expects expect plan plans planned planning intend intends intended intending aim aims aimed "
    "hope hopes hoped hoping believed thought appears appeared seems seemed".split()
)
_BOTH = frozenset({"unlikely"})
_WEAK = frozenset(
    "believe believes believed think thinks thought suspect suspects fear fears feared expect expects expected "
    "estimate estimates assume assumes presume presumes hope hopes hoped would warn warns warned forecast "
    "forecasts predicted predicts planned scheduled slated due".split()
)
"""Verbs that hedge a clause they introduce ("authorities believe 22 are trapped"): never a cue of their own,
but a claim that has one is not stated as certain."""
_ANY_CUE = re.compile(
    r"n['\u2019]t\b|\b(?:cannot|"
    + "|".join(sorted(_NEGATION | _NEGATION_TO | _MODAL | _MODAL_TO | _BOTH, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def may_cue(text: str) -> bool:
    """Whether ``text`` holds a word that can be a negation or modality cue (a cheap test before reading)."""
    return _ANY_CUE.search(text) is not None


# function words a cue looks past to find what it bears on
_FUNCTION = frozenset(
    "a an the to be is are was were been being am do does did have has had having will would shall should "
    "can must that this these those it its he she they we i you his her their our my your him them us me "
    "there yet ever even also still just so then of in on at for by with from as any longer able going "
    "get got ever again now currently already soon let".split()
)
_ANCHOR_REACH = 5
_CONTRACTION = {"ca": "can", "wo": "will", "sha": "shall"}


def read(text: str, start: int = 0, end: int | None = None, *, words: bool = True, numbers: bool = True) -> Reading:
    """Read ``text[start:end]`` (a claim of a source text); offsets in the result index ``text``.
    ``words=False`` leaves out the words and cues, ``numbers=False`` the figures (a caller that knows the other
    claim has the same words, or the same numbers, need not read them); speakers are always read.

    >>> r = read("He is not expected to appeal, the FAA said.")
    >>> [(w.low, w.cue, r.words[w.anchor].low) for w in r.words if w.cue]
    [('not', 'negation', 'appeal'), ('expected', 'modality', 'appeal')]
    >>> [s.text for s in r.speakers]
    ['the FAA']
    """
    stop = len(text) if end is None else end
    speakers = tuple(_speakers(text, start, stop))
    found = tuple(_shift(f, start) for f in figures(text[start:stop])) if numbers else ()
    if not words:
        return Reading((), found, speakers)
    out: list[Word] = []
    breaks: set[int] = set()
    # clause marks, found once; a word after one (since the previous word) begins a clause
    marks = [b.start() for b in _BREAK.finditer(text, start, stop)]
    k = 0
    for m in _WORD.finditer(text, start, stop):
        if k < len(marks) and marks[k] < m.start():
            breaks.add(len(out))
            while k < len(marks) and marks[k] < m.start():
                k += 1
        token = m.group()
        low = _low(token)
        if low.endswith("n't") and len(low) > 3:
            head = low[:-3]
            head = _CONTRACTION.get(head, head)
            cut = m.end() - 3
            out.append(Word(m.start(), cut, head, stem(head)))
            out.append(Word(cut, m.end(), "n't", "not"))
        elif low == "cannot":
            out.append(Word(m.start(), m.start() + 3, "can", "can"))
            out.append(Word(m.start() + 3, m.end(), "not", "not"))
        else:
            out.append(Word(m.start(), m.end(), low, stem(low)))
    out = _cues(out, breaks, text)
    return Reading(tuple(out), found, speakers, frozenset(breaks))


@functools.lru_cache(maxsize=8192)
def _low(token: str) -> str:
    """A word folded for matching: the same as :func:`claimdiff.normalize.fold`, remembered (words recur)."""
    return fold_word(token).replace("\u2019", "'")


def _shift(f: Figure, by: int) -> Figure:
    from dataclasses import replace

    return replace(f, start=f.start + by, end=f.end + by) if by else f


def _cue_of(words: list[Word], k: int, breaks: set[int], text: str) -> str | None:
    low = words[k].low
    nxt = words[k + 1].low if k + 1 < len(words) else ""
    prev = words[k - 1].low if k > 0 else ""
    if low in _BOTH:
        return "both"
    if low in _NEGATION:
        if nxt in _NOT_NEGATION_AFTER.get(low, ()):
            return None
        if low in ("not", "n't", "never") and _until_after(words, k, breaks):
            return None  # "will not reopen until March": it reopens in March
        return "negation"
    if low in _NEGATION_TO and nxt == "to":
        return "negation"
    if low in _MODAL:
        if low == "could" and nxt in ("not", "n't"):
            return None  # "could not sleep": past inability, said as plainly as "was unable to"
        if low == "may" and text[words[k].start] == "M" and ((k > 0 and k not in breaks) or nxt[:1].isdigit()):
            return None  # the month: "In May, prices rose", "May 3"
        return "modality"
    if low == "expected" and prev in _BE and nxt != "to":
        return "modality"  # "his debut is expected on Friday"
    if low in _MODAL_TO and _to_after(words, k, breaks) is not None:
        if prev in _DETERMINERS:
            return None  # "a plan to raise": a noun, not what the claim hedges
        if prev in ("than", "as"):
            return None  # "faster than expected to $5 billion": a comparison
        return "modality"
    return None


def _until_after(words: list[Word], k: int, breaks: set[int]) -> bool:
    """``until``, ``till`` or ``before`` later in the clause of the word at ``k``."""
    for j in range(k + 1, min(len(words), k + 1 + _TO_REACH)):
        if j in breaks:
            return False
        if words[j].low in ("until", "till", "before"):
            return True
    return False


_DETERMINERS = frozenset("a the its his her their our this that".split())
_BE = frozenset("is are was were be been being 's".split())
_TO_REACH = 10
"""``expect the gap to close``: the ``to`` of a planning or expecting verb may come a few words after it."""


def _to_after(words: list[Word], k: int, breaks: set[int]) -> int | None:
    """The index of the ``to`` that completes the verb at ``k`` (``expected to``, ``expect the gap to``)."""
    for j in range(k + 1, min(len(words), k + 1 + _TO_REACH)):
        if j in breaks:
            return None
        if words[j].low == "to":
            return j
    return None


_ASIDE = 6
"""Longest aside between commas that a cue looks across."""


def _aside(words: list[Word], k: int, breaks: set[int]) -> int:
    """After a cue at ``k`` that a comma follows, the words of the aside up to the next comma (``never, under
    any circumstances, raise``: 3), when it is short; else 0."""
    if k + 1 not in breaks:
        return 0
    for n in range(1, _ASIDE + 1):
        if k + 1 + n in breaks:
            return n
    return 0


def _adverb(low: str) -> bool:
    """``quickly``, ``initially``: looked past on the way to what a cue bears on (``expected to quickly
    appeal``: appeal)."""
    return low.endswith("ly") and len(low) > 4 and low not in _NOT_ADVERB


_NOT_ADVERB = frozenset("family supply apply reply rally italy july fly only early holy".split())


def _cues(words: list[Word], breaks: set[int], text: str) -> list[Word]:
    kinds = [_cue_of(words, k, breaks, text) for k in range(len(words))]
    out = []
    for k, w in enumerate(words):
        kind = kinds[k]
        if kind is None:
            out.append(w)
            continue
        found: list[int] = []
        # what a planning verb bears on is the verb after its "to" ("expect the gap to close": close)
        first = k + 1
        if w.low in _MODAL_TO or w.low in _NEGATION_TO:
            first = (_to_after(words, k, breaks) or k) + 1
        aside = _aside(words, k, breaks) if first == k + 1 else 0
        # a short aside between commas is passed over ("would never, under any circumstances, raise taxes")
        first += aside
        for j in range(first, min(len(words), first + _ANCHOR_REACH + 2)):
            # a sentence adverb's comma is no boundary ("Allegedly, FTX used ..."), nor the aside's closing one
            if j in breaks and not (j == k + 1 and w.low in _MODAL) and not (aside and j == first):
                break
            low = words[j].low
            if kinds[j] is None and low not in _FUNCTION and low != "to" and not _adverb(low):
                found.append(j)
                if len(found) == 2:
                    break
        anchor = found[0] if found and found[0] < first + _ANCHOR_REACH else None
        then = found[1] if anchor is not None and len(found) > 1 and found[1] <= found[0] + 2 else None
        out.append(Word(w.start, w.end, w.low, w.key, kind, anchor, then))
    return out


# who a claim is credited to
# verb forms that are rarely nouns ("reports", "claims", "estimates" are left out)
_SAY = (
    r"(?:said|says|told|tells|stated|announced|announces|confirmed|confirms|reported|"
    r"wrote|writes|added|adds|explained|explains|insisted|insists|claimed|argued|argues|"
    r"warned|warns|acknowledged|acknowledges|tweeted)"
)
# after a comma or a closing quotation mark, a speech verb is followed by its speaker ("..., said the FAA");
# not "told", whose object is the listener ("..., told Reuters")
_INVERTED = r"(?:said|says|added|adds|wrote|writes|noted|notes|explained|insisted|stated|declared|continued|warned)"
_ABBREVIATIONS = (
    r"Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Brig|Cpl|Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Rev|Prof|Jr|Sr|U\.S|Co|Inc|Corp"
)
# the speaker's words then end the clause ("..., said Jane Smith, the director."); a longer run is the reported
# clause of a speaker named before ("Pathak, a railroad official, said most injuries occurred in ...")
_AFTER_SAY = re.compile(
    r"(?:,|\u201d|\"|')\s*"
    + _INVERTED
    + r"\s+(?P<who>(?:(?:"
    + _ABBREVIATIONS
    + r")\.\s*|[^\s,.;:!?\"\u201c\u201d()]+\s*){1,7}?)(?=[,.;:!?]|$)"
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:!?\"\u201c\u201d()]{2,80})", re.IGNORECASE)
_BEFORE_SAY = re.compile(r"\s+(?:has |have |had |also |later |previously )?" + _SAY + r"\b")
_NP_STOP = re.compile(
    r"[,;:!?\"\u201c\u201d()\u2014]|\.\s|\b(?:that|and|but|which|who|when|while|as|if|where|after|before|because|since"
    r"|than|on|in|at)\s",
    re.IGNORECASE,
)
_NOT_SPEAKER_END = frozenset(
    "to not n't have has had will would could can may might did do does also never just".split()
)
_NP_WORDS = 7


def _speakers(text: str, start: int, stop: int) -> list[Speaker]:
    out: list[Speaker] = []
    for pattern in (_AFTER_SAY, _ACCORDING):
        for m in pattern.finditer(text, start, stop):
            who = _trim(text, m.start("who"), m.end("who"))
            if who is not None:
                out.append(who)
    for m in _BEFORE_SAY.finditer(text, start, stop):
        # the noun phrase just before the verb, back to a clause boundary
        left = max(start, m.start() - 120)
        head = text[left : m.start()]
        cut = None
        for b in _NP_STOP.finditer(head):
            cut = b.end()
        begin = left + (cut or 0) if cut is not None or left > start else start
        words = list(_WORD.finditer(text, begin, m.start()))[-_NP_WORDS:]
        if words and fold(words[-1].group()) not in _NOT_SPEAKER_END:
            who = _trim(text, words[0].start(), words[-1].end())
            if who is not None:
                out.append(who)
    out.sort(key=lambda s: s.start)
    return out


_TRAIL = re.compile(r"\s+(?:on|in|at|last|this|late|early|during|after|before|yesterday|today)\b.*$", re.DOTALL)


_NOT_A_SPEAKER = frozenset("to be being been that it this there by for in on of as is was were".split())


def _trim(text: str, a: int, b: int) -> Speaker | None:
    """A speaker's words without what follows them in the clause (``the FAA on Tuesday`` -> ``the FAA``); none
    when they begin with a word no name begins with (``said to be the largest``)."""
    piece = text[a:b]
    first = piece.split(maxsplit=1)[0].lower() if piece.split() else ""
    if first in _NOT_A_SPEAKER:
        return None
    m = _TRAIL.search(piece)
    if m is not None:
        piece = piece[: m.start()]
    piece = piece.rstrip()
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if not piece or len(piece.split()) > _NP_WORDS:
        return None
    return Speaker(a + lead, a + lead + len(piece), piece)
