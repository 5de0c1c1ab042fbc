"""Claim similarity on a 0-100 scale.

A unit is turned into a :class:`Profile` once (folded text, attribution removed, stems with weights);
two profiles are then compared by :meth:`Scorer.score`, which blends

* an informativeness-weighted overlap of stems (a word's weight grows as its frequency in English
  falls, from a shipped word-frequency table: "the" weighs little, "Bolton" and "4.7" weigh a lot;
  numbers and unknown words count as strong evidence), read both as Dice and as containment of the
  shorter claim in the longer so that a claim quoted inside a longer sentence still scores;
* rapidfuzz's ``token_sort_ratio`` on the folded, attribution-free text (``processor=None``: the
  folding is done here), which rewards the same wording in the same words;
* a penalty for very short claims, whose overlap is weak evidence, and for figures that differ.

Inside one comparison, words that recur in many units of a report (the topic: "North Korea",
"Trump") are damped, so that two sentences are not aligned just for being about the same subject.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from claimdiff.model import require_text
from claimdiff.normalize import fold, fold_word, stem, strip_attribution, tokens

_MAX_CHARS = 5000
"""Above this combined length, two claims are compared by weighted overlap only."""
_NUMBER = re.compile(r"^\d[\d.,]*$")
# A capitalised word that does not open a sentence or a quotation: a name, most of the time.
_NAME = re.compile(r"(?<=[\w,;:)] )[A-Z][a-z]+(?:['\u2019][a-z]+)?")


_TABLE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "wordfreq_en.txt")


@lru_cache(maxsize=1)
def _zipf_table() -> tuple[list[str], str]:
    """The shipped word-frequency table as text: the words in code-point order, and one character per word,
    ``chr(33 + round(zipf * 10))`` (see claimdiff/data/README.md). :func:`zipf_frequency` searches the bytes
    view below instead; this one is the word list of ``benchmarks/synth.py`` and the tests' reference.
    """
    with open(_TABLE, encoding="utf-8") as f:
        words, values = f.read().split("\n", 2)[:2]
    return words.split(" "), values


@lru_cache(maxsize=1)
def _zipf_bytes() -> tuple[list[bytes], bytes]:
    """:func:`_zipf_table` in UTF-8, which keeps the words' code-point order: read as bytes, because the table
    holds a few words in other scripts, which would make the decoded line two bytes a character and
    reading it twice as slow. The line ends are read as in text mode."""
    with open(_TABLE, "rb") as f:
        data = f.read()
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    words, values = data.split(b"\n", 2)[:2]
    return words.split(b" "), values


@lru_cache(maxsize=1 << 16)
def zipf_frequency(word: str) -> float | None:
    """The Zipf frequency (log10 of occurrences per billion words) of a lower-case English word, or
    None when the table does not list it.

    >>> zipf_frequency("the"), zipf_frequency("bolton"), zipf_frequency("qwzx")
    (7.7, 3.6, None)
    """
    words, values = _zipf_bytes()
    key = word.encode("utf-8", "surrogatepass")  # a lone surrogate is in no word of the table
    i = bisect_left(words, key)
    if i < len(words) and words[i] == key:
        return (values[i] - 33) / 10
    return None


@dataclass(frozen=True, slots=True)
class Weights:
    """Tunable constants of the scorer (fitted on the MRPC and STS-B train splits and seed gold)."""

    base: float = 8.0
    """A word of Zipf frequency z weighs ``max(floor, base - z)``; unknown words weigh ``base - 1.5``."""
    floor: float = 0.2
    number: float = 5.0
    """Weight of a number token of one significant digit."""
    digit: float = 1.0
    """Added to a number's weight per significant digit beyond the first (``4,800`` is more specific
    than ``4``), up to ``digits_max`` more digits."""
    digits_max: int = 3
    overlap: float = 0.75
    """Share of the weighted-overlap term in the blend; the rest is the rapidfuzz term."""
    containment: float = 0.35
    """Share of containment (shorter in longer) inside the overlap term; the rest is Dice."""
    contain_full: float = 20.0
    """Containment counts fully only when the shorter claim weighs at least this much and is as
    long as the longer: that a caption or a headline is contained in a long sentence is weak evidence."""
    short: float = 10.0
    """Claims whose total weight is under this are scaled down proportionally."""
    number_penalty: float = 0.15
    """Fraction of the score removed when both claims carry figures and they differ."""
    name_penalty: float = 0.01
    """Subtracted (on the 0-1 scale) per unit of weight of the heaviest name found in one claim only."""
    topic: float = 0.35
    """How strongly words recurring across a report's units are damped."""


@dataclass(frozen=True, slots=True)
class Profile:
    """The scoring view of one claim: folded text and weighted stems."""

    text: str
    """Folded word tokens with attribution removed, joined by spaces: what rapidfuzz compares."""
    weights: Mapping[str, float]
    """Stem to weight; each stem once."""
    total: float
    numbers: frozenset[str]
    names: frozenset[str] = frozenset()
    """Stems of words capitalised inside the sentence (not at its start): likely names."""
    quoted: bool = False
    """The claim is a quotation, or mostly one (its quoted words are most of its words): found in the other
    report word for word, it is the same claim however short (see :func:`claimdiff.align.align`)."""


_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb`\u300c\u300d\u300e\u300f')
_MOSTLY = 0.6
"""A claim is mostly a quotation when its quoted words are at least this share of its words."""


def mostly_quoted(text: str) -> bool:
    """Whether the quoted words of ``text`` are most of its words (a double quotation; a claim without a
    quotation mark is never read for quotations).

    >>> mostly_quoted('"They saved lives," she said.'), mostly_quoted('He said "yes" to the plan on Monday.')
    (True, False)
    """
    if _QUOTE_MARKS.isdisjoint(text):
        return False
    from claimdiff.quotes import count_words, find_quotes

    inside = sum(count_words(text, q.inner_start, q.inner_end) for q in find_quotes(text))
    return inside > 0 and inside >= _MOSTLY * count_words(text)


class Scorer:
    """Turns claims into profiles and compares them. Stateless after construction."""

    def __init__(self, weights: Weights | None = None) -> None:
        self.w = weights or Weights()

    def word_weight(self, token: str) -> float:
        if _NUMBER.match(token):
            significant = len(token.replace(".", "").replace(",", "").strip("0")) or 1
            return self.w.number + self.w.digit * min(self.w.digits_max, significant - 1)
        z = zipf_frequency(token)
        if z is None:
            z = zipf_frequency(token.replace("'", "")) if "'" in token else None
            if z is None:
                z = 1.5
        return max(self.w.floor, self.w.base - z)

    def profile(
        self,
        text: str,
        damping: Mapping[str, float] | None = None,
        *,
        folded: str | None = None,
        words: Sequence[str] | None = None,
    ) -> Profile:
        """Profile a claim. ``damping`` maps stems to a factor in (0, 1] (see :meth:`damping`); ``folded`` is
        ``fold(text)`` and ``words`` its tokens with attribution removed, when the caller has them already."""
        if words is None:
            words = tokens(strip_attribution(fold(text) if folded is None else folded))
        return self._profile(text, words, damping, {})

    def profiles(
        self, texts: Sequence[str], words: Sequence[Sequence[str]], damping: Mapping[str, float] | None = None
    ) -> list[Profile]:
        """:meth:`profile` of each text, given its ``words`` (tokens of the folded text with attribution
        removed): each distinct word is stemmed and weighed once for the whole batch."""
        memo: dict[str, tuple[str, float, str | None]] = {}
        return [self._profile(t, w, damping, memo) for t, w in zip(texts, words, strict=True)]

    def _profile(
        self,
        text: str,
        words: Sequence[str],
        damping: Mapping[str, float] | None,
        memo: dict[str, tuple[str, float, str | None]],
    ) -> Profile:
        weights: dict[str, float] = {}
        numbers = set()
        for tok in words:
            seen = memo.get(tok)
            if seen is None:
                number = tok.replace(",", "") if _NUMBER.match(tok) else None
                seen = memo[tok] = (stem(tok), self.word_weight(tok), number)
            key, w, number = seen
            if damping is not None:
                w *= damping.get(key, 1.0)
            if w > weights.get(key, 0.0):
                weights[key] = w
            if number is not None:
                numbers.add(number)
        names = frozenset(stem(fold_word(m.group())) for m in _NAME.finditer(text)) & weights.keys()
        return Profile(" ".join(words), weights, sum(weights.values()), frozenset(numbers), names, mostly_quoted(text))

    def damping(self, *documents: Iterable[str], folded: bool = False) -> dict[str, float]:
        """Damping factors for stems that recur across the units of a report (``folded``: the texts are
        :func:`~claimdiff.normalize.fold` ed already).

        A stem found in ``df`` units of a report (the larger count over the reports) is scaled by
        ``1 / (1 + topic * ln(df))``: once in a report, no damping; in eight units, about 0.58.
        """
        return self.damping_words(*((tokens(text if folded else fold(text)) for text in doc) for doc in documents))

    def damping_words(self, *documents: Iterable[Sequence[str]]) -> dict[str, float]:
        """:meth:`damping` from the word tokens of each unit of each report."""
        df: dict[str, int] = {}
        for doc in documents:
            seen: dict[str, int] = {}
            for words in doc:
                for key in set(map(stem, words)):
                    seen[key] = seen.get(key, 0) + 1
            for key, n in seen.items():
                if n > df.get(key, 0):
                    df[key] = n
        return {k: 1.0 / (1.0 + self.w.topic * math.log(n)) for k, n in df.items() if n > 1}

    def overlap(self, p: Profile, q: Profile) -> float:
        """Weight of the stems two profiles share (each stem at its smaller weight)."""
        small, large = (p, q) if len(p.weights) <= len(q.weights) else (q, p)
        lw = large.weights
        return sum(min(w, lw[k]) for k, w in small.weights.items() if k in lw)

    def score(self, p: Profile, q: Profile, shared: float | None = None) -> float:
        """Similarity of two profiles, 0 to 100. ``shared`` may pass a precomputed :meth:`overlap`."""
        if p.text == q.text:
            return 100.0 if p.text else 0.0
        if p.total <= 0.0 or q.total <= 0.0:
            return 0.0
        if shared is None:
            shared = self.overlap(p, q)
        if shared <= 0.0:
            return 0.0
        dice = 2.0 * shared / (p.total + q.total)
        smaller, larger = sorted((p.total, q.total))
        # Containment of the shorter claim in the longer is discounted when the shorter is light
        # (a caption) or much shorter (a headline whose words all occur in a long sentence).
        credit = min(1.0, smaller / self.w.contain_full) * math.sqrt(smaller / larger)
        contain = max(dice, shared / smaller * credit)
        lexical = (1.0 - self.w.containment) * dice + self.w.containment * contain
        if len(p.text) + len(q.text) <= _MAX_CHARS:
            chars = fuzz.token_sort_ratio(p.text, q.text, processor=None) / 100.0
        else:
            # the character term costs time quadratic in length; on paragraph-long "claims" (a text
            # without punctuation) the weighted overlap alone decides
            chars = lexical
        value = self.w.overlap * lexical + (1.0 - self.w.overlap) * chars
        if smaller < self.w.short:
            value *= smaller / self.w.short
        # A name that only one claim mentions (another person, another place) is evidence against.
        lone = [p.weights[k] for k in p.names - q.weights.keys()] + [q.weights[k] for k in q.names - p.weights.keys()]
        if lone:
            value -= self.w.name_penalty * max(lone)
        if numbers_conflict(p.numbers, q.numbers):
            value *= 1.0 - self.w.number_penalty
        return round(100.0 * min(1.0, max(0.0, value)), 4)


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def numbers_conflict(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two claims' numbers disagree: each states a number the other does not.

    A number only one side states is a detail left out, not a disagreement; so is a year when the
    other claim states no year at all.

    >>> numbers_conflict(frozenset({"550"}), frozenset({"500"})), numbers_conflict(frozenset({"60.9", "126"}),
    ...     frozenset({"60.9", "126", "2022"})), numbers_conflict(frozenset({"4", "2024"}), frozenset({"4", "7"}))
    (True, False, False)
    """
    if not x or not y:
        return False
    only_x, only_y = x - y, y - x
    if not only_x or not only_y:
        return False
    years_x = {n for n in x if _YEAR.match(n)}
    years_y = {n for n in y if _YEAR.match(n)}
    if not years_y:
        only_x -= years_x
    if not years_x:
        only_y -= years_y
    return bool(only_x) and bool(only_y)


def combine(profiles: Sequence[Profile]) -> Profile:
    """One profile for several claims read as one text (a merged group): their texts joined in the
    order given, each stem at its largest weight, figures and names pooled."""
    weights: dict[str, float] = {}
    for p in profiles:
        for key, w in p.weights.items():
            if w > weights.get(key, 0.0):
                weights[key] = w
    return Profile(
        " ".join(p.text for p in profiles if p.text),
        weights,
        sum(weights.values()),
        frozenset().union(*(p.numbers for p in profiles)),
        frozenset().union(*(p.names for p in profiles)),
    )


def foreign_names(profiles: Sequence[Profile], others: Sequence[Profile]) -> list[Profile]:
    """``profiles`` with their names narrowed to those that no profile of ``others`` mentions.

    Inside a comparison of two reports, a claim naming someone the other report names elsewhere is
    no evidence against a pair (reports name people at different places); a name the other report
    never mentions is.
    """
    vocabulary: set[str] = set()
    for q in others:
        vocabulary.update(q.weights)
    return [replace(p, names=p.names - vocabulary) if p.names & vocabulary else p for p in profiles]


_DEFAULT = Scorer()


def similarity(x: str, y: str) -> float:
    """The claim score the aligner uses, 0 to 100, for two standalone claims.

    Symmetric, and 100 for two claims that differ only in typography, case or attribution.

    >>> similarity("Prices rose 5% in May.", "\u201cPrices rose 5% in May,\u201d the minister said.")
    100.0
    """
    x, y = require_text(x, "x"), require_text(y, "y")
    return _DEFAULT.score(_DEFAULT.profile(x), _DEFAULT.profile(y))
