"""Folding used only for scoring: never for display, never for offsets.

Three layers, each a pure function:

* :func:`fold` makes typography irrelevant: Unicode compatibility forms, curly quotes, primes and
  apostrophes, dashes, non-breaking and other spaces, and case.
* :func:`strip_attribution` removes speech tags (``, O'Brien said.``, ``he told us:``, ``according to
  officials``) so that a quote scores the same wherever its attribution sits.
* :func:`tokens` splits folded text into word tokens and :func:`stem` reduces a word to a crude stem
  (a light suffix stripper written for this project: it only has to map the forms of one word to the
  same key, not produce a linguistic root).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2015": " - ",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u00ad": "",
        "\ufeff": "",
    }
)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def fold_word(word: str) -> str:
    """:func:`fold` of one word, remembered: words recur across the claims of a comparison."""
    return fold(word)


def fold(text: str) -> str:
    """Fold typography and case: the same words typed two ways fold to the same string.

    >>> fold("O\u2019Brien said \u201cyes\u201d \u2014 twice")
    'o\\'brien said "yes" - twice'
    """
    text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE)
    return _SPACES.sub(" ", text).strip().casefold()


# Speech verbs that make an attribution tag. Present, past and progressive forms are listed because
# the tags are matched on folded text before stemming.
_VERBS = (
    r"(?:said|says|say|told|tells|tell|added|adds|noted|stated|explained|explains|"
    r"wrote|writes|asked|asks|continued|continues|insisted|insists|argued|argues|declared|declares|"
    r"warned|warns|recalled|recalls|replied|replies|acknowledged|acknowledges|claimed|"
    r"remarked|emphasized|emphasizes|stressed|observed)"
)
# A speaker: a pronoun, or one to four name-like words (allowing initials, O'Brien, Jong-un), or a
# short "the national security adviser"-style description. Words are at most 40 characters: an
# unbounded word would let every apostrophe inside one very long token restart a scan to the end of
# the text (quadratic time on a long line such as "o'o'o'...").
_SPEAKER = (
    r"(?:he|she|they|we|i|it|"
    r"(?:the |a |an )?[\w'.-]{1,40}(?: [\w'.-]{1,40}){0,4})"
)
_OBJECT = r"(?: (?:us|me|him|her|them|reporters|axios|cnn|[\w'.-]{1,40}(?: [\w'.-]{1,40})?))?"
# The wide forms, for comparing wording only (for similarity, a title or "in a statement" is evidence
# when the other report has it too), also fold how a remark was made (`said in a statement`, `told
# meridian in an interview published tuesday`, `wrote on x`: a closed list, as "declared victory over
# challenger ken oduya" is a claim), the speaker's title (`harriet vance, the port's executive
# director, told ...`), a perfect tense (`has argued that "...`) and `told us last month that "...`.
# They are compiled on first use.
_CIRCUMSTANCE = (
    r"(?: (?:(?:in|during|at) (?:a|an|the|his|her|their) (?:[\w-]{1,20} ){0,2}"
    r"(?:statement|interview|release|e-?mail|post|briefing|call|conference|hearing|speech|letter|memo|filing"
    r"|rally|event|meeting|appearance|podcast|broadcast)(?: [\w'.-]{1,40}){0,3}"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|twitter|x|facebook|instagram|social media"
    r"|television|tv|the radio)))?"
)
_TITLE = r"""(?:, [^,;"]{1,60},?)?"""
_PERFECT = r"(?:has |have |had )?"
# `, O'Brien said.` / `," he said` / `, said O'Brien.` at the end of a sentence
_TAIL = re.compile(rf"""(?:,|["'])\s*{_SPEAKER} {_VERBS}{_OBJECT}\s*[.!?]?\s*$""")
_TAIL_WIDE = rf"""(?:,|["'])\s*{_SPEAKER}{_TITLE} {_PERFECT}{_VERBS}{_OBJECT}{_CIRCUMSTANCE}\s*[.!?]?\s*$"""
# `," said O'Brien.`: the inverted form only right after a closing quote, or "..., said the
# defense's claims were false." would lose its claim
_TAIL_INVERTED = re.compile(rf"""(?:["'],?|,["'])\s*{_VERBS} {_SPEAKER}\s*[.!?]?\s*$""")
_TAIL_INVERTED_WIDE = rf"""(?:["'],?|,["'])\s*{_VERBS} {_SPEAKER}{_TITLE}{_CIRCUMSTANCE}\s*[.!?]?\s*$"""
# `O'Brien told us: "...` / `He said, "...` just before an opening quote
_LEAD = re.compile(rf"""(?:^|(?<=[,;] )){_SPEAKER} {_VERBS}{_OBJECT}\s*[:,]\s*(?=")""")
_LEAD_WIDE = (
    rf"""(?:^|(?<=[,;] )){_SPEAKER}{_TITLE} {_PERFECT}{_VERBS}{_OBJECT}"""
    r"""(?: (?:last|this|on|earlier) [\w]{1,20})?\s*(?:[:,]| that)\s*(?=")"""
)
# `, according to officials familiar with the talks.` / `, per officials.` at the end
_ACCORDING = re.compile(r",?\s*(?:according to|per) [^,;\"]{1,80}[.!?]?\s*$")
# `9:42 p.m.: ` / `10:15 pm - `: the time stamp that opens a live blog's entry; `q: ` / `a: `: the
# label of a question or an answer in an interview (this pattern and the next are compiled on first use, through
# the re module's cache: each is tried only after a cheap test that most texts fail)
_TIME_LEAD = r"^(?:(?:\d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?|\d{1,2} ?[ap]\.?m\.?)(?: [a-z]{2,4})? ?[:|-]+ ?|[qa]: (?=\S))"
# `WASHINGTON (AP) - ` / `SEOUL, South Korea (Reuters) - `: the dateline that opens wire copy (a
# place of at most five words, then a news agency in brackets and a dash), which rewrites drop
_WIRE_DATELINE = (
    r"^(?:[\w.'-]{1,40}(?:,? [\w.'-]{1,40}){0,4} )?\((?:ap|reuters|afp|upi|bloomberg|dpa|xinhua|efe|ansa|kyodo"
    r"|yonhap|pti|ians|ani|tass|cnn|axios)\) ?-+ ?"
)

# `, said Federal Reserve Chair Jerome Powell.`: the inverted form without a quote, only when a title
# from a closed list comes before the name (a claim such as "..., said the defense's claims were
# false." has none)
_TITLES = (
    r"(?:chair|chairman|chairwoman|president|spokesperson|spokesman|spokeswoman|minister|secretary|director"
    r"|chief|executive|ceo|cfo|governor|mayor|senator|representative|commissioner|officer|official|head"
    r"|leader|adviser|advisor|analyst|economist|professor|manager|superintendent|sheriff|coach|founder)"
)
# The words after the title are a name: never a verb or a function word, which would make them a reported
# claim ("..., said the governor would resign soon." keeps its claim).
_NOT_NAME = (
    r"(?!(?:would|will|was|were|is|are|be|been|has|had|have|could|should|can|may|might|must|did|does|do"
    r"|to|that|the|a|an|of|in|on|at|for|and|but|or|not|no|it|he|she|they|this|these|there)\b)"
)
_TAIL_TITLED = re.compile(
    rf",\s*said (?:the )?(?:[\w'.-]{{1,40}} ){{0,4}}{_TITLES}(?: {_NOT_NAME}[\w'.-]{{1,40}}){{1,3}}\s*[.!?]?\s*$"
)

_VERB_WORD = re.compile(rf"\b{_VERBS}\b")

_STRIP: tuple[re.Pattern[str] | str, ...] = (
    _TAIL,
    _TAIL_INVERTED,
    _TAIL_TITLED,
    _LEAD,
    _ACCORDING,
    _WIRE_DATELINE,
    _TIME_LEAD,
)
_STRIP_WIDE = (_TAIL_WIDE, _TAIL_INVERTED_WIDE, _TAIL_TITLED, _LEAD_WIDE, _ACCORDING, _WIRE_DATELINE, _TIME_LEAD)


def strip_attribution(folded: str, *, wide: bool = False) -> str:
    """Remove speech tags, a wire dateline and a live blog's time stamp from folded text (see
    :func:`fold`). ``wide`` also removes how a remark was made (``said in a statement``), for
    comparing wording.

    >>> strip_attribution('"we reached out," o\\'brien said.')
    '"we reached out,'
    >>> strip_attribution('on korea, o\\'brien told us: "we reached out."')
    'on korea, "we reached out."'
    >>> strip_attribution(fold("SEOUL, South Korea (AP) \u2014 North Korea fired two missiles."))
    'north korea fired two missiles.'
    >>> strip_attribution(fold("9:42 p.m.: Brandt leads by 300 votes."))
    'brandt leads by 300 votes.'
    >>> strip_attribution(fold("A: Honestly, it was by accident."))
    'honestly, it was by accident.'
    >>> strip_attribution('"we will appeal," she said in a statement.', wide=True)
    '"we will appeal,'
    >>> strip_attribution('carl dobrev, head of the union, has argued that "every port said so."', wide=True)
    '"every port said so."'
    """
    out = folded
    # cheap tests first: most patterns need a speech verb, and the others a word or mark of their own
    verb = _VERB_WORD.search(out) is not None
    for pattern in _STRIP_WIDE if wide else _STRIP:
        if pattern is _ACCORDING:
            if "according to" not in out and "per " not in out:
                continue
        elif pattern is _TIME_LEAD:
            if not (out[:1].isdigit() or out[:3] in ("q: ", "a: ")):
                continue
        elif pattern is _WIRE_DATELINE:
            if "(" not in out:
                continue
        elif not verb:
            continue
        cut = re.sub(pattern, "", out)
        # never strip a sentence down to a stub: the claim is what is left
        if len(cut.split()) >= 3:
            out = cut
    return out.strip() or folded


_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*", re.UNICODE)


def tokens(folded: str) -> list[str]:
    """Word tokens of folded text (see :func:`_tokens`); remembered, since a unit is read for its damping, its
    profile and its wording alike."""
    return list(_tokens_cached(folded))


@lru_cache(maxsize=4096)
def _tokens_cached(folded: str) -> tuple[str, ...]:
    return tuple(_tokens(folded))


def _tokens(folded: str) -> list[str]:
    """Word tokens of folded text: letters and digits, with inner apostrophes and dots kept
    (``o'brien``, ``u.s``, ``4.7``), possessive ``'s`` dropped; hyphenated words split.

    >>> tokens("o'brien's u.s. trip cost $4.7 billion")
    ["o'brien", 'u.s', 'trip', 'cost', '4.7', 'billion']

    Figures are written one way first: thousands separators dropped, ``bn``/``m``/``tn`` spelled out,
    mixed fractions as decimals, clock times as one token.

    >>> tokens("nvidia (nasdaq: nvda) hired 670,000, raised $1bn, 2-1/4 percent at 9:30 a.m.")
    ['nvidia', 'hired', '670000', 'raised', '1', 'billion', '2.25', 'percent', 'at', '9h30', 'a.m']
    >>> tokens("670,000 jobs, $1bn, 2-1/4 percent at 9:30 a.m.")
    ['670000', 'jobs', '1', 'billion', '2.25', 'percent', 'at', '9h30', 'a.m']
    """
    # "5%", "5 per cent" and "5 percent" are the same figure
    folded = folded.replace("%", " percent ").replace("per cent", "percent")
    if _DIGIT.search(folded):
        folded = _figures(folded)
    if ":" in folded:
        folded = _TICKER.sub(" ", folded)
    out = _WORD.findall(folded)
    if "'s" in folded:
        out = [w[:-2] if w.endswith("'s") else w for w in out]
    return out


# "(NASDAQ: NVDA)", "(NYSE:BA)": a ticker code, which one report gives and the other leaves out
_TICKER = re.compile(
    r"\((?:nasdaq|nyse|nyse american|amex|lse|tsx|tsxv|asx|otc|otcqx|hkex|sgx|nse|bse|xetra|euronext|tyo|krx|six)"
    r"\s*:\s*[\w.-]{1,8}\)"
)
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SCALE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?) ?(bn|mn|tn|m)\b")
_SCALES = {"bn": "billion", "mn": "million", "m": "million", "tn": "trillion"}
_FRACTION = re.compile(r"(?<![\w./])(\d+)[- ]([1-7])/([248])(?![\w/])")
_CLOCK = re.compile(r"(?<![\w.:])(\d{1,2}):(\d{2})(?![\d:])")


def _figures(folded: str) -> str:
    """Write figures one way: ``670,000`` as ``670000``, ``$1bn`` as ``$1 billion``, ``2-1/4`` as
    ``2.25``, and a clock time ``9:30`` as the word ``9h30`` (a time, not two numbers)."""
    folded = _THOUSANDS.sub("", folded)
    folded = _SCALE.sub(lambda m: f"{m.group(1)} {_SCALES[m.group(2)]}", folded)
    folded = _FRACTION.sub(lambda m: f"{int(m.group(1)) + int(m.group(2)) / int(m.group(3)):g}", folded)
    return _CLOCK.sub(r"\1h\2", folded)


# Suffixes tried longest first; each maps to a replacement. Only applied to words of five or more
# letters and only when at least three letters stay, so short words and names are left alone.
_SUFFIXES = (
    ("izations", "ize"),
    ("ization", "ize"),
    ("ational", "at"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ousness", "ous"),
    ("nesses", ""),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ized", "ize"),
    ("izes", "ize"),
    ("ations", "at"),
    ("ation", "at"),
    ("ators", "at"),
    ("ator", "at"),
    ("ities", ""),
    ("ity", ""),
    ("ied", "y"),
    ("ies", "y"),
    ("edly", ""),
    ("ly", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)
_VOWELS = frozenset("aeiouy")
# Irregular forms of verbs common in news copy, mapped to the stem of their base form, so that
# "rose" meets "rise" and "told" meets "tells".
_IRREGULAR = {
    form: base
    for base, forms in {
        "say": "said says",
        "tell": "told tells telling",
        "rise": "rose risen rises rising",
        "fall": "fell fallen falls falling",
        "go": "went gone goes going",
        "take": "took taken takes taking",
        "give": "gave given gives giving",
        "make": "made makes making",
        "come": "came comes coming",
        "see": "saw seen sees seeing",
        "know": "knew known knows knowing",
        "think": "thought thinks thinking",
        "find": "found finds finding",
        "get": "got gotten gets getting",
        "hold": "held holds holding",
        "lead": "led leads leading",
        "leave": "left leaves leaving",
        "lose": "lost loses losing",
        "win": "won wins winning",
        "pay": "paid pays paying",
        "meet": "met meets meeting",
        "sell": "sold sells selling",
        "buy": "bought buys buying",
        "bring": "brought brings bringing",
        "begin": "began begun begins beginning",
        "run": "ran runs running",
        "write": "wrote written writes writing",
        "speak": "spoke spoken speaks speaking",
        "break": "broke broken breaks breaking",
        "choose": "chose chosen chooses choosing",
        "drive": "drove driven drives driving",
        "fight": "fought fights fighting",
        "keep": "kept keeps keeping",
        "send": "sent sends sending",
        "spend": "spent spends spending",
        "build": "built builds building",
        "strike": "struck strikes striking",
        "seek": "sought seeks seeking",
        "shut": "shuts shutting",
        "cut": "cuts cutting",
        "hit": "hits hitting",
        "set": "sets setting",
        "put": "puts putting",
        "be": "is are was were been being",
        "have": "has had having",
        "do": "did does done doing",
    }.items()
    for form in (base, *forms.split())
}


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light, deterministic stem: ``negotiations``, ``negotiated``, ``negotiating`` -> ``negotiat``.

    Numbers and words shorter than five characters are returned unchanged.

    >>> [stem(w) for w in ("negotiations", "negotiated", "negotiating", "denuclearization", "denuclearize")]
    ['negotiat', 'negotiat', 'negotiat', 'denuclear', 'denuclear']
    """
    base = _IRREGULAR.get(word)
    if base is not None:
        return base
    if len(word) < 5 or not word.isalpha():
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            word = word[: len(word) - len(suffix)] + repl
            break
    # collapse the forms that differ only in a final e or a doubled consonant: negotiate / negotiat,
    # denuclearize / denuclear-, planned / plan
    for tail in ("ize", "iz", "e"):
        if word.endswith(tail) and len(word) - len(tail) >= 4:
            word = word[: len(word) - len(tail)]
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in _VOWELS and word[-1] not in "lsz":
        word = word[:-1]
    return word
