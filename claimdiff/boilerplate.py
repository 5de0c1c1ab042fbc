"""Boilerplate: the lines of a page that make no claim (credits, datelines, bylines, navigation, notices
of wire copy, page furniture). See :mod:`claimdiff.segment` for the list; the segmenter asks
:func:`is_boilerplate` of each unit and :func:`stands_alone` of each line, and
:func:`mark_page_furniture` looks at the units together (a caption above its credit, a key point that
repeats the story's own sentence).

The patterns are compiled on first use (through the ``re`` module's cache), each tried only after a cheap
test of a word or a character that any match must contain.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimdiff._lazy import lazy
from claimdiff.model import Kind, Unit

_MAX_BOILERPLATE = 200  # longer units are prose, never boilerplate

# --- boilerplate patterns -----------------------------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
# "Jan 5, 2024", "Jan 2024", "Jan 5"; "5 Jan 2024", "5 Jan"; numeric dates. A month is written twice, not once
# per form: each copy costs a compile (the patterns are only ever matched whole, so the grouping is free).
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+(?:(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?(?!\d))"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})"
)
# ", 9:30 a.m. ET", " | 9:30 AM", " 07.15 BST"
_CLOCK = r"(?:(?:,?\s*(?:at\s+)?|\s*[|·•–—-]\s*)\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?"
_STAMP_PREFIX = r"(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*:?\s*)?"
# A section name is a few capitalised words ("World", "U.S. News", "Politics & Policy"), so a dash
# followed by ordinary prose after a date does not count.
_SECTION = r"[A-Z][\w.&'’]*(?:\s+(?:&|[A-Z][\w.&'’]*)){0,3}"
_AGO = (
    r"(?:\d+|an?|one|two|three|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?"
    r"|months?|years?)\s+ago"
)
# "Last updated 1:06 a.m. Wednesday": a time of day, after a verb that makes it a stamp
_CLOCK_STAMP = (
    r"(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?"
    rf"(?:\s+[a-z]{{2,4}})??(?:,?\s+(?:on\s+)?(?:{_WEEKDAY}|today|yesterday))?"
)
# "9:42 p.m. ET" alone on a line: a live blog's time stamp
_TIME_OF_DAY = r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?:\s+[a-z]{2,4})?"
# "| 3 min read" after a stamp
_READ_TIME = r"(?:\s*[|·•–—-]\s*\d{1,3}\s*(?:min(?:ute)?s?)\.?\s+read)?"
_STAMP = rf"(?i:(?:{_STAMP_PREFIX}(?:{_DATE}{_CLOCK}|{_AGO})|{_CLOCK_STAMP}|{_TIME_OF_DAY}){_READ_TIME})"
# The boilerplate patterns are compiled on first use (through the ``re`` module's cache): a text without a
# byline never pays for the byline pattern, and each is tried only after a cheap test of a word or a
# character that any match must contain.
_DATELINE = rf"(?:{_SECTION}\s*[-–—|·•]\s*)?{_STAMP}(?:\s*[-–—|·•,]\s*{_SECTION})?"
# The same lines, one form of the stamp at a time (tried only for a line that has what any match of the form
# has: a digit, "ago", a verb of publishing, a digit before "am" or "pm"), so that a text whose stamps are
# dates never compiles the other forms. The tests check that together they match what _DATELINE matches.
_AROUND = (rf"(?:{_SECTION}\s*[-–—|·•]\s*)?(?i:", rf"{_READ_TIME})(?:\s*[-–—|·•,]\s*{_SECTION})?")
_DATELINE_DATE = lazy(_AROUND[0] + rf"{_STAMP_PREFIX}{_DATE}{_CLOCK}" + _AROUND[1])
_DATELINE_AGO = lazy(_AROUND[0] + rf"{_STAMP_PREFIX}{_AGO}" + _AROUND[1])
_DATELINE_UPDATED = lazy(_AROUND[0] + _CLOCK_STAMP + _AROUND[1])
_DATELINE_TIME = lazy(_AROUND[0] + _TIME_OF_DAY + _AROUND[1])
_AM_PM = lazy(r"\d\s*[ap]\.?m", re.IGNORECASE)
_PUBLISHED = ("updated", "published", "posted", "modified")
_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""With ``str.lower`` after it, every character that a case-insensitive pattern matches to an ASCII letter
becomes that letter (``re`` matches dotted and dotless i to ``i``, long s to ``s``, the Kelvin sign to ``k``)."""
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|den|al|bin|la|le|del|di|du))*"
# "By Tribune staff", "By Jane Doe, staff writer", "By Jane Doe, Gazette health reporter"
_STAFF = (
    r"(?:,?\s+(?:[\w'’.-]+\s+){0,5}(?i:staff(?:\s+(?:reports?|writers?))?|wire\s+services|writers?|correspondents?"
    r"|reporters?|editors?|columnists?|contributors?))"
)
_BYLINE = (
    rf"(?:By|BY)\s+(?:the\s+)?{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*{_STAFF}?(?:\s*[,|·•–—-]\s*{_NAME})?"
    rf"(?:\s*[|·•–—-]\s*{_STAMP})?"
)
# "About Veridane Energy Systems": the heading of a press release's company description
_ABOUT = r"About(?:\s+[A-Z0-9][\w&.,'’-]*){1,6}"
# a line that gives an e-mail address or a telephone number
_CONTACT = r"[\w.+-]+@[\w-]+\.[\w.-]+|(?<!\d)(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)"
_CREDIT_WORDS = ("photo", "image", "pic", "illustration", "graphic", "video", "footage", "credit")
_CREDIT = (
    r"\(?\s*(?:[A-Z][\w.&'’-]*\s+){0,2}"
    r"(?i:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|video|footage|credits?"
    r"|photo\s+illustration)"
    r"(?i:\s+(?:credits?|courtesy(?:\s+of)?|by))?\s*(?::|/|(?<=by)\s|(?<=of)\s)\s*\S.*"
)
_AGENCY_CREDIT = (
    r"[^.!?]{0,120}(?:/|\bvia\s+)(?:Getty\s+Images|Shutterstock|AFP|AP|Reuters|EPA(?:-EFE)?|Bloomberg"
    r"|Alamy|Pool|Xinhua|Sipa|Redux|Zuma(?:\s+Press)?)\)?"
    # "(Alicia Grove / Ledger)": a bracketed photographer and outlet
    r"|\(\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,4}\s*\)"
)
_NAV = (
    r"(?i:go\s+deeper|read\s+more|read\s+next|keep\s+reading|continue\s+reading|related"
    r"|related\s+(?:articles?|stories|story|coverage|content|links|reading|topics)|see\s+also"
    r"|more\s+(?:stories|news|coverage|headlines)|most\s+(?:read|popular|viewed)|trending(?:\s+now)?"
    r"|recommended(?:\s+for\s+you)?|advertisement|sponsored(?:\s+content)?|subscribe(?:\s+(?:now|today|here))?"
    r"|share(?:\s+this(?:\s+(?:article|story|post|page))?)?|share\s+on\s+\w+|print|email|comments?"
    r"|back\s+to\s+top|skip\s+to\s+(?:main\s+)?content|follow\s+us|sign\s+up|sign\s+in|log\s+in"
    r"|click\s+here|view\s+comments|show\s+comments|top\s+stories|editor['’]?s\s+picks?"
    r"|for\s+immediate\s+release|(?:media|press)\s+(?:contacts?|inquiries)|#{3,}|-\s*30\s*-|ends)"
    r"\s*[:»›>→.…]*"
)
# an emoji or a symbol may open the line ("🎥 WATCH: ...")
_NAV_LEAD = r"(?:[^\w\s\"'“‘(]{1,4}\s*)?"
# a label and a colon: "Go deeper: ...", "WATCH: ..."
_NAV_COLON = (
    _NAV_LEAD
    + r"(?i:(?:go\s+deeper|dig\s+deeper|read\s+more|read\s+next|related|see\s+also|also\s+read|read\s+also|more"
    r"|watch|listen|worth\s+(?:a|your)\s+(?:read|time)|sign\s+up|subscribe|recommended|more\s+on\s+this"
    r"|people\s+are\s+also\s+reading|you\s+(?:may|might)\s+also\s+like|also\s+on\s+[\w.]{1,20})\s*:.*)"
)
# a reader prompt: "Sign up for ...", "Please wait while ...", "Low on data?"
_NAV_PROMPT = (
    _NAV_LEAD + r"(?i:(?:sign\s+up\s+(?:for|to|here|now|today)|subscribe\s+(?:to|for|now|today|here)|click\s+here"
    r"|tap\s+here|follow\s+us\s+on|download\s+(?:our|the)\s+app|refresh\s+(?:this\s+page|the\s+page|for)"
    r"|check\s+back\s+(?:for|later|soon)|for\s+more\s+information,?\s+(?:visit|contact|call|see|go\s+to|please)"
    r"|for\s+more\s+(?:stories|news|coverage|updates),?\s+(?:see|visit|go\s+to|follow|read)"
    r"|please\s+(?:wait\s+while|register|subscribe|log\s+in|sign\s+in|enable|disable|turn\s+off|refresh|upgrade)"
    r"|(?:[\w-]+\s+)?video\s+not\s+(?:showing|playing|loading|working)"
    r"|read\s+(?:a|the|our)\s+(?:[\w-]+\s+){0,3}(?:version|edition)\s+of\s+this"
    r"|low\s+on\s+data|people\s+are\s+also\s+reading|you\s+(?:may|might)\s+also\s+like|most\s+read)\b.*)"
)
_NAV_PREFIX = rf"(?:{_NAV_COLON}|{_NAV_PROMPT})"
"""Both: a label and a colon, or a reader prompt (the tests read this one)."""
# A line that only names an embed or where the text came from: "YouTube video", "Text from AFP",
# "Published in Science & Technology News", a social post's signature "SpaceX (@SpaceX) March 4, 2024"
# or "—@WorldAthletics", a link "pic.twitter.com/..."
_EMBED = (
    r"(?i:(?:youtube|vimeo|instagram|twitter|x|facebook|tiktok|embedded|tweet)\s+(?:video|post|tweet|content|embed)"
    r"|published\s+(?:in|under)\s+[\w&,.' -]{2,50})"
    # the source is a name: capitalised words ("Text from AFP", not "Text from the letter was read")
    r"|(?i:text|story|copy|content|words)\s+(?i:from|by|courtesy\s+of)\s+(?:the\s+)?"
    r"[A-Z][\w&.-]{0,20}(?:\s+[A-Z][\w&.-]{0,20}){0,3}"
    r"|[^()@\n]{1,60}\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?"
    r"|[—–-]\s*@\w{1,30}"
    r"|.{0,160}\bpic\.twitter\.com/\w+.{0,40}"
)
# "Chilliwack Fire Department / Facebook", "Jane Doe / Handout": a credit to a source or a social network
_SOURCE_CREDIT = (
    r"[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,5}\s*/\s*(?i:facebook|twitter|x|instagram|handout|supplied|file|submitted"
    r"|youtube|tiktok|linkedin|courtesy(?:\s+[\w.&'’-]+){0,4})"
)


# Notices of wire and web copy, whole units: who contributed ("(Reporting by ...; Editing by ...)",
# "Jane Doe contributed to this report."), rights ("Copyright 2020 The Associated Press.", "All rights
# reserved.", "This material may not be published, broadcast, ..."), and page furniture ("Story continues
# below advertisement", "Follow Jane Doe on X"). An unbracketed credit names people only, so that
# "Reporting by the Times found ..." stays a claim.
_ROLE = r"(?i:(?:additional\s+)?reporting|writing|editing|compiled|research|graphics?|interview|interviewed)\s+(?i:by)"
_NOTICE_OPENERS = (
    "reporting",
    "interview",
    "additional",
    "writing",
    "editing",
    "compiled",
    "research",
    "graphic",
    "follow ",
    "the following is",
)
_NOTICE_WORDS = (
    "contribut",
    "copyright",
    "\u00a9",
    "rights reserved",
    "material may not",
    "continues",
    "edited",
    "condensed",
)
_NOTICE = (
    rf"\(\s*{_ROLE}\s+[^()]{{2,160}}\)"
    rf"|{_ROLE}\s+[^;.()]{{2,80}}(?:;\s*{_ROLE}\s+[^;.()]{{2,80}})+\.?"
    rf"|{_ROLE}\s+{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*(?:\s+in\s+{_NAME})?\.?"
    r"|(?i:(?:[\w.,'’-]+\s+){1,14}contribut(?:ed|es)(?:\s+reporting|\s+to\s+th(?:is|e)\s+(?:report|story|article))"
    r"(?:\s+from\s+[^.]{1,60})?\.?"
    r"|(?:copyright\s*\u00a9?|\u00a9)\s*\d{4}\b.{0,120}|(?:copyright\s*)?\u00a9\s*\w.{0,120}"
    r"|all\s+rights\s+reserved\.?"
    r"|this\s+material\s+may\s+not\s+be\s+(?:published|reproduced)\b.{0,120}"
    r"|(?:this|the)\s+(?:transcript|interview|conversation|q\s*&\s*a|excerpt)\s+(?:has\s+been|was|is)"
    r"\s+(?:lightly\s+)?(?:edited|condensed)(?:\s+(?:and|for)\s+[\w\s,]{1,60})?\.?"
    r"|the\s+following\s+is\s+(?:an?\s+)?(?:lightly\s+)?(?:edited\s+)?(?:excerpt|transcript)\b.{0,160}"
    r"|(?:the\s+)?(?:story|article|text)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad|video))?\.?"
    r"|follow\s+(?:[\w.'’-]+\s+){1,4}on\s+(?:twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok)\b.{0,60})"
)


# --- one unit ---------------------------------------------------------------------------------------


def is_boilerplate(piece: str, kind: Kind, whole_line: bool) -> bool:
    """Whether a unit is an obvious non-claim; see the module docstring for the patterns."""
    if len(piece) > _MAX_BOILERPLATE:
        return False
    low = piece.lower()
    if _photo_credit(piece, _CREDIT_IN_TEXT):
        return True
    if re.fullmatch(_NAV, piece):
        return True
    colon, prompt = _may_open_nav(piece)
    if (colon and re.fullmatch(_NAV_COLON, piece)) or (prompt and re.fullmatch(_NAV_PROMPT, piece)):
        return True
    if len(piece) <= 200 and _may_embed(piece) and re.fullmatch(_EMBED, piece.rstrip(".")):
        return True
    if _is_dateline(piece):
        return True
    maybe_notice = low.lstrip("(").startswith(_NOTICE_OPENERS) or any(w in low for w in _NOTICE_WORDS)
    if maybe_notice and re.fullmatch(_NOTICE, piece):
        return True
    if kind is Kind.LINE:
        if _is_byline(piece):
            return True
        if _source_credit(piece):
            return True
        if whole_line and piece.endswith(":") and len(piece.split()) <= 6:
            return True
        if piece.startswith("About ") and re.fullmatch(_ABOUT, piece):
            return True
        if len(piece.split()) <= 8 and ("@" in piece or any(map(str.isdigit, piece))) and re.search(_CONTACT, piece):
            return True
    return False


_EMBED_FIRST = frozenset(
    "youtube vimeo instagram twitter x facebook tiktok embedded tweet published text story copy content words".split()
)


def _may_embed(piece: str) -> bool:
    """A cheap test before :data:`_EMBED`: a handle, a pic.twitter.com link, or one of its opening words."""
    if "@" in piece or "pic.twitter.com/" in piece:
        return True
    words = piece.split(None, 1)
    return bool(words) and words[0].lower() in _EMBED_FIRST


_COLON_FIRST = frozenset(
    "go dig read related see also more watch listen worth sign subscribe recommended people you".split()
)
_PROMPT_FIRST = frozenset(
    "sign subscribe click tap follow download refresh check for please read low people you most".split()
)


def _may_open_nav(piece: str) -> tuple[bool, bool]:
    """Cheap tests before :data:`_NAV_COLON` and :data:`_NAV_PROMPT` (long patterns, compiled on first use):
    whether the line, after an emoji or a symbol, opens with one of each pattern's first words."""
    i = 0
    while i < min(4, len(piece)) and not (piece[i].isalnum() or piece[i].isspace() or piece[i] in "_\"'\u201c\u2018("):
        i += 1
    words = piece[i:].lower().split()
    first = words[0].rstrip(":,.") if words else ""
    return first in _COLON_FIRST, first in _PROMPT_FIRST or "video not" in " ".join(words[:4])


def _is_dateline(piece: str) -> bool:
    """A date or time stamp, optionally with a section name (:data:`_DATELINE`; every date has a digit; the
    only stamp without one is "an hour ago", so a pattern is tried only when one of them is there)."""
    digit = any(map(str.isdigit, piece))
    ago = "ago" in piece.lower()
    if not (digit or ago):
        return False
    line = piece.rstrip(".")
    if digit and _DATELINE_DATE().fullmatch(line):
        return True
    if ago and _DATELINE_AGO().fullmatch(line):
        return True
    if not digit:
        return False
    folded = piece.translate(_CASE).lower()
    if any(word in folded for word in _PUBLISHED) and _DATELINE_UPDATED().fullmatch(line):
        return True
    return _AM_PM().search(piece) is not None and _DATELINE_TIME().fullmatch(line) is not None


def _is_byline(piece: str) -> bool:
    return piece.startswith(("By", "BY")) and re.fullmatch(_BYLINE, piece) is not None


def stands_alone(line: str) -> bool:
    """A byline or a time stamp: never the start of a wrapped paragraph."""
    return _is_byline(line) or _is_dateline(line)


# --- units together -----------------------------------------------------------------------------------


_CREDIT_IN_TEXT = 120
"""Longest photo credit read as boilerplate wherever it stands (a sentence may begin "Photo: ...")."""
_CREDIT_LINE = 160
"""Longest credit line under a caption (:func:`is_credit`): a line of its own may be longer."""


def _photo_credit(piece: str, limit: int) -> bool:
    """``Photo: Jane Doe``, ``Image credit: ...``: a credit word and the credit pattern, within ``limit``."""
    if len(piece) > limit:
        return False
    low = piece.lower()
    return any(w in low for w in _CREDIT_WORDS) and re.fullmatch(_CREDIT, piece) is not None


def _source_credit(piece: str) -> bool:
    """``.../AFP via Getty Images``, ``Chilliwack Fire Department / Facebook``: a credit to an agency or a
    source (boilerplate only as a line of its own)."""
    return ("/" in piece or "via" in piece) and bool(
        re.fullmatch(_AGENCY_CREDIT, piece) or re.fullmatch(_SOURCE_CREDIT, piece)
    )


def is_credit(piece: str) -> bool:
    """A photo, agency or source credit line ("Photo: ...", ".../AFP via Getty Images", "X / Facebook"): the
    credits :func:`is_boilerplate` knows, with the bound of a line of its own."""
    return len(piece) <= _CREDIT_LINE and (_photo_credit(piece, _CREDIT_LINE) or _source_credit(piece))


_FOLD = re.compile(r"[\W_]+")


def mark_page_furniture(text: str, units: list[Unit]) -> list[Unit]:
    """Boilerplate that only shows among the units: a caption, and a line the story repeats.

    * A caption is a line of its own just above a credit line (``Water fills Front Street early
      Thursday.`` over ``Photo: Ray Ocampo / Gulf Coast Herald``).
    * A unit whose words are those of a later unit of the same text, in the same order (a key point
      repeating the lead, a caption printed twice, a pull quote), is page furniture: the later copy is
      the claim.
    """
    out = list(units)
    for k in range(len(out) - 1):
        u, nxt = out[k], out[k + 1]
        if (
            u.kind is not Kind.BOILERPLATE
            and nxt.kind is Kind.BOILERPLATE
            and len(u.text) <= _MAX_BOILERPLATE
            and nxt.start - u.end <= _MAX_GAP
            and text.count("\n", u.end, nxt.start) == 1
            and _own_line(text, u)
            and _own_line(text, nxt)
            and is_credit(nxt.text)
        ):
            out[k] = replace(u, kind=Kind.BOILERPLATE)
    keys = [None if u.kind is Kind.BOILERPLATE else _FOLD.sub(" ", u.text.casefold()).strip() for u in out]
    last: dict[str, int] = {}
    for k, key in enumerate(keys):
        if key is not None and key.count(" ") >= 4:  # five words or more
            last[key] = k
    for k, key in enumerate(keys):
        if key is not None and last.get(key, k) > k:
            out[k] = replace(out[k], kind=Kind.BOILERPLATE)
    return out


_MAX_GAP = 200
"""A caption and its credit are separated by a line break and a little space, no more."""
_BLANK = " \t\f\v"


def _own_line(text: str, u: Unit) -> bool:
    """The unit is all of its line (a caption, a credit), not part of a paragraph: only blanks lie between
    it and the line breaks (or the ends of the text) around it. Looks at those blanks only, so a long
    line costs nothing."""
    k = u.start - 1
    while k >= 0 and text[k] in _BLANK:
        k -= 1
    if k >= 0 and text[k] not in "\r\n":
        return False
    k = u.end
    while k < len(text) and text[k] in _BLANK:
        k += 1
    return k >= len(text) or text[k] in "\r\n"
