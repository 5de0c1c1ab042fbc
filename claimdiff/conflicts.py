"""Conflicting claims: two aligned claims that state the same thing but disagree in substance.

:func:`conflicts` reads two :class:`~claimdiff.cues.Reading` (made once per aligned claim while
:func:`claimdiff.compare` labels its matches) and reports each disagreement of four kinds, with the exact
spans of the words that disagree:

``figure``
    A figure both claims give for the same thing differs once units, scale words, rounding and hedges
    are read (:func:`claimdiff.figures.figure_conflicts`): ``110 years`` against ``115 years``; not
    ``nearly 4.7 billion`` against ``4.69 billion``, nor ``about six hours`` against ``six hours``.
``negation``
    One claim denies what the other asserts: a word both claims carry (the anchor of a negation cue,
    see :mod:`claimdiff.cues`) is negated an odd number of times on one side and an even number on the
    other (``is not expected to appeal`` / ``is expected to appeal``; ``did not deny`` and ``confirmed``
    agree).
``modality``
    One claim states as certain, or done, what the other makes possible, planned, expected or alleged:
    a shared anchor carries a modality cue on one side only (``could face`` / ``faces``; ``plans to
    build`` / ``will build``). ``may`` against ``might`` is the same hedge.
``attribution``
    The claims credit their words to different speakers or sources: both name who said it, and the
    names share no word (``the FAA said`` / ``Boeing said``), or both name a kind of source and the kinds
    differ (``police said`` / ``the family said``). A pronoun, a title without a name, or a generic
    source (``officials``, ``the company``) is no evidence either way.

Precision comes first: a cue whose anchor the other claim does not carry is an omission, not a conflict.
"""

from __future__ import annotations

import difflib

from claimdiff.cues import Reading, Speaker, Word
from claimdiff.figures import Figure, figure_conflicts
from claimdiff.model import Conflict, ConflictKind, Span

__all__ = ["Conflict", "ConflictKind", "Span", "conflicts"]


def conflicts(a: Reading, b: Reading) -> tuple[Conflict, ...]:
    """Every disagreement between two aligned claims (see the module documentation), in the order of
    side A's words.

    >>> from claimdiff.cues import read
    >>> t, u = "He is not expected to appeal.", "He is expected to appeal."
    >>> [c.reason(t, u) for c in conflicts(read(t), read(u))]
    ['negation: not expected to appeal vs expected to appeal']
    """
    # The pairing of words and figures depends on which side comes first: read in one canonical order, so
    # that swapping the claims mirrors the result exactly.
    if _order_key(b) < _order_key(a):
        mirrored = [Conflict(c.kind, c.b, c.a) for c in _conflicts(b, a)]
        mirrored.sort(key=lambda c: (c.a.start, c.b.start, c.kind.value))
        return tuple(mirrored)
    return tuple(_conflicts(a, b))


def _order_key(r: Reading) -> tuple[tuple[str, ...], ...]:
    # the words, and the figures and speakers too (a reading may leave its words out: see claimdiff.cues.read)
    return (
        tuple(w.low for w in r.words),
        tuple(f.text.lower() for f in r.figures),
        tuple(s.text.lower() for s in r.speakers),
    )


def _conflicts(a: Reading, b: Reading) -> list[Conflict]:
    out = [
        Conflict(ConflictKind.FIGURE, Span(f.start - f.lead, f.end), Span(g.start - g.lead, g.end))
        for f, g in _figures(a, b)
    ]
    pairs = _pairs(a.words, b.words)
    out.extend(_cue_conflicts(a, b, pairs))
    speakers = _attribution(a.speakers, b.speakers)
    if speakers is not None:
        sa, sb = speakers
        out.append(Conflict(ConflictKind.ATTRIBUTION, Span(sa.start, sa.end), Span(sb.start, sb.end)))
    out.sort(key=lambda c: (c.a.start, c.b.start, c.kind.value))
    return out


def _figures(a: Reading, b: Reading) -> list[tuple[Figure, Figure]]:
    return figure_conflicts(list(a.figures), list(b.figures))


MAX_PAIRED = 150_000
"""Word pairs (words of A times words of B) above which the words of a match are not paired: difflib's
matching is quadratic, and a "claim" that long is a text without sentence punctuation. Figures and speakers
are still compared."""


def _pairs(wa: tuple[Word, ...], wb: tuple[Word, ...]) -> dict[int, int]:
    """Word of A -> word of B that the longest matching blocks of keys pair."""
    if len(wa) * len(wb) > MAX_PAIRED:
        return {}
    sm = difflib.SequenceMatcher(None, [w.key for w in wa], [w.key for w in wb], autojunk=False)
    out: dict[int, int] = {}
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            out[block.a + k] = block.b + k
    # Reordered clauses: the longest blocks cross, and a word outside them that each claim has once is
    # the same word ("hospitals ... were no longer operating" / "... were still operating", moved).
    taken = set(out.values())
    once_a, once_b = _once(wa), _once(wb)
    for key, i in once_a.items():
        j = once_b.get(key)
        if j is not None and i not in out and j not in taken:
            out[i] = j
    return out


def _once(words: tuple[Word, ...]) -> dict[str, int]:
    seen: dict[str, int] = {}
    twice: set[str] = set()
    for k, w in enumerate(words):
        if w.key in seen:
            twice.add(w.key)
        seen[w.key] = k
    return {key: k for key, k in seen.items() if key not in twice}


def _attached(words: tuple[Word, ...], paired: dict[int, int]) -> dict[int, list[int]]:
    """Anchor index -> indexes of the cues that bear on it. A cue whose anchor the other claim lacks
    bears on the word after it when the other claim has that one (``could face more`` / ``will spend
    more``)."""
    out: dict[int, list[int]] = {}
    for k, w in enumerate(words):
        if w.cue is None or w.anchor is None:
            continue
        anchor = w.anchor
        if anchor not in paired and w.cue == "modality" and w.then is not None and w.then in paired:
            anchor = w.then
        out.setdefault(anchor, []).append(k)
    return out


def _cue_conflicts(a: Reading, b: Reading, pairs: dict[int, int]) -> list[Conflict]:
    back = {j: i for i, j in pairs.items()}
    on_a, on_b = _attached(a.words, pairs), _attached(b.words, back)
    anchors = sorted({i for i in on_a if i in pairs} | {back[j] for j in on_b if j in back})
    out: list[Conflict] = []
    for i in anchors:
        j = pairs[i]
        ca, cb = on_a.get(i, []), on_b.get(j, [])
        # a side whose cue bears on another word just before the anchor ("expected to give an update" /
        # "expects to update") says it in another construction: its cues there count
        if ca and not cb:
            cb = _near(b, j)
        elif cb and not ca:
            ca = _near(a, i)
        neg_a = sum(1 for k in ca if a.words[k].cue in ("negation", "both"))
        neg_b = sum(1 for k in cb if b.words[k].cue in ("negation", "both"))
        mod_a = any(a.words[k].cue in ("modality", "both") for k in ca)
        mod_b = any(b.words[k].cue in ("modality", "both") for k in cb)
        kind = None
        if neg_a % 2 != neg_b % 2:
            kind = ConflictKind.NEGATION
        elif mod_a != mod_b and not (b.hedged if mod_a else a.hedged):
            # a claim hedged against one stated as certain: the other claim hedges nothing at all
            kind = ConflictKind.MODALITY
        if kind is None:
            continue
        span_a = _cue_span(a.words, ca, i, cb, pairs, back)
        span_b = _cue_span(b.words, cb, j, ca, back, pairs)
        out.append(Conflict(kind, span_a, span_b))
    return out


_WINDOW = 5
"""Words before an anchor searched for a cue of another construction."""


def _near(r: Reading, anchor: int) -> list[int]:
    """Cues in the words just before ``anchor``, in its clause."""
    out: list[int] = []
    for k in range(anchor - 1, max(-1, anchor - 1 - _WINDOW), -1):
        if r.words[k].cue is not None:
            out.append(k)
        if k in r.breaks:
            break
    return sorted(out)


def _cue_span(
    words: tuple[Word, ...],
    cues: list[int],
    anchor: int,
    other_cues: list[int],
    pairs: dict[int, int],
    back: dict[int, int],
) -> Span:
    """The words of one side that disagree: its cues through the anchor; a side without cues, from the
    word after the one matching the word before the other side's first cue, or else from its own words just
    before the anchor that the other side lacks, through the anchor. ``pairs`` maps this side's words to the
    other's, ``back`` the other's to this side's."""
    end = words[anchor].end
    if cues:
        return Span(words[min(cues)].start, end)
    if other_cues:
        before = min(other_cues) - 1
        if before >= 0 and before in back:
            k = back[before]
            if anchor - 4 <= k < anchor:
                return Span(words[k + 1].start, end)
    # else the words of its own just before the anchor that the other side lacks ("will come on Thursday")
    start = None
    for k in range(anchor - 1, max(-1, anchor - 5), -1):
        if k in pairs:
            if start is not None:
                break
        else:
            start = k
    return Span(words[anchor if start is None else start].start, end)


# attribution
_PRONOUNS = frozenset("he she they it we i you who one someone somebody".split())
_DETERMINERS = frozenset("the a an its his her their our this that these those some".split())
_TITLES = frozenset(
    "co inc corp ltd llc plc ag sa "
    "rear adm admiral maj major brig cmdr commander cpl pvt rev st lord lady sir dame "
    "president vice prime minister secretary chief executive officer ceo cfo coo director spokesperson "
    "spokesman spokeswoman head chair chairman chairwoman governor gov senator sen rep representative mayor "
    "mr mrs ms dr gen general lt col colonel judge justice attorney commissioner leader former acting deputy "
    "senior junior u.s us state federal national interim founder co-founder manager inspector superintendent "
    "sgt sergeant captain capt officer professor prof king queen prince princess pope ambassador councillor "
    "councilor councilman councilwoman assemblyman assemblywoman lawmaker coach".split()
)
_GENERIC = frozenset(
    "official officials authority authorities spokesperson spokesman spokeswoman source sources statement "
    "government agency company firm report reports representative representatives administration department "
    "ministry office people person group organization organisation team expert experts analyst analysts "
    "aide aides officer officers staff document documents data figures records news media outlet reporters "
    "release filing website post letter".split()
)


_Identity = tuple[tuple[str, ...], str | None, str]


def _identity(s: Speaker) -> _Identity | None:
    """A speaker's name words (capitalised, titles left out) and, without a name, the kind of source
    (the head noun); ``None`` when it is no evidence (a pronoun, a title alone, a generic source)."""
    text = s.text.replace("\u2019", "'")
    if "'s " in text:
        # "Trump's lawyer Todd Blanche": the speaker is the lawyer, not Trump
        text = text.rsplit("'s ", 1)[1]
    raw = [w.strip("'.") for w in text.split()]
    raw = [w for w in raw if w]
    lows = [w.lower() for w in raw]
    if not raw or any(w in _PRONOUNS for w in lows):
        return None
    names = tuple(
        w.lower()
        for k, w in enumerate(raw)
        if w[0].isupper() and lows[k] not in _TITLES and lows[k] not in _DETERMINERS and lows[k] not in _GENERIC
    )
    initials = "".join(w[0].lower() for w in raw if w[0].isupper() and w.lower() not in _DETERMINERS)
    if names:
        return names, None, initials
    content = [w for w in lows if w not in _DETERMINERS and w not in _TITLES]
    if not content:
        return None
    head = content[-1]
    if head in _GENERIC and len(content) == 1:
        return None  # "officials", "the department": anyone's
    return (), head, initials


def _same_source(x: _Identity, y: _Identity) -> bool | None:
    names_x, head_x, initials_x = x
    names_y, head_y, initials_y = y
    if names_x and names_y:
        # the same person or body: the same last name ("Smith" / "Jane Smith"), or every name of one
        # in the other ("the White House" / "White House spokesperson Karine Jean-Pierre")
        if names_x[-1] == names_y[-1] or set(names_x) <= set(names_y) or set(names_y) <= set(names_x):
            return True
        # "the Federal Aviation Administration" and "the FAA"
        return any(len(n) >= 2 and n in (initials_x, initials_y) for n in (*names_x, *names_y))
    if head_x is not None and head_y is not None:
        return _singular(head_x) == _singular(head_y)
    return None  # a name against a kind of source: perhaps the same


def _singular(noun: str) -> str:
    """``witnesses`` -> ``witness``, ``families`` -> ``family``, ``officials`` -> ``official``."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "shes", "ches", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def _attribution(sa: tuple[Speaker, ...], sb: tuple[Speaker, ...]) -> tuple[Speaker, Speaker] | None:
    """Two speakers that cannot be the same, when each claim names only such speakers."""
    ia = [(s, _identity(s)) for s in sa]
    ib = [(s, _identity(s)) for s in sb]
    known_a = [(s, i) for s, i in ia if i is not None]
    known_b = [(s, i) for s, i in ib if i is not None]
    if not known_a or not known_b or len(known_a) != len(ia) or len(known_b) != len(ib):
        return None
    for _, x in known_a:
        for _, y in known_b:
            if _same_source(x, y) is not False:
                return None
    return known_a[0][0], known_b[0][0]
