"""Synthetic long reports for the speed benchmark and the candidate-generation tests.

:func:`pair` builds two documents of ``n`` sentences each, deterministic from a seed:

* words are drawn from English (the word list claimdiff ships, by frequency rank) with a Zipf-like
  distribution, so "the" and "of" are everywhere and most content words are rare; each document also
  has a small set of topic words and names that recur far more often than their rank says, as in a
  real report about one subject;
* sentences are 6 to 40 words long (most 15 to 25), some carry a figure or a name;
* a share of B's sentences is copied from A (some verbatim, most reworded: a few words dropped,
  replaced or swapped, sometimes an attribution tag added), the rest are new; B's order is shuffled;
* sentences are grouped in paragraphs of 2 to 6, separated by blank lines.

:func:`sentence_pairs` tells which sentence of B was taken from which of A (for sanity checks only:
the benchmark compares the default mode with exhaustive scoring, not with this list).
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass
from functools import lru_cache

_SYLLABLES = (
    "ka ra to mi na sa lo vi be dor an el os un ti ma re zu pa go li ne ha ko sh"
    " ber gan tor vel mar sen dal rik hol wen"
).split()
_ATTRIBUTIONS = ("officials said", "the report said", "a spokesperson told reporters", "analysts noted")
# A sentence ends in a word of five letters or more (or a figure), not in an abbreviation ("Corp.",
# "Sept.", "approx."), so that the generated sentence boundaries are unambiguous.
_BAD_LAST = frozenset("thurs tues approx messrs sects chaps".split())


@lru_cache(maxsize=1)
def _english() -> tuple[str, ...]:
    """Alphabetic English words of the shipped frequency table, most frequent first."""
    from claimdiff.similarity.lexical import _zipf_table, zipf_frequency

    words = [w for w in _zipf_table()[0] if w.isalpha() and w.isascii()]
    return tuple(sorted(words, key=lambda w: (-(zipf_frequency(w) or 0.0), w)))


@dataclass(frozen=True, slots=True)
class Pair:
    """Two generated documents and which sentence of ``b`` came from which sentence of ``a``."""

    a: str
    b: str
    a_sentences: tuple[str, ...]
    b_sentences: tuple[str, ...]
    copied: tuple[tuple[int, int, bool], ...]
    """(index in A, index in B, reworded) for every sentence of B taken from A."""


class _Vocabulary:
    """Zipf-distributed words: the word at rank r (from 1) has weight 1 / r**s."""

    def __init__(self, rng: random.Random, size: int = 20000, s: float = 1.05) -> None:
        words = _english()[:size]
        self.words = words
        self.cum = list(itertools.accumulate(1.0 / (r**s) for r in range(1, len(words) + 1)))
        self.rng = rng
        self.topic = [self.draw_content() for _ in range(40)]
        self.names = [self.name() for _ in range(60)]

    def draw(self) -> str:
        x = self.rng.random() * self.cum[-1]
        return self.words[bisect.bisect_left(self.cum, x)]

    def draw_content(self) -> str:
        # a word outside the 300 most common ones
        x = self.cum[300] + self.rng.random() * (self.cum[-1] - self.cum[300])
        return self.words[min(len(self.words) - 1, bisect.bisect_left(self.cum, x))]

    def name(self) -> str:
        parts = [self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 3))]
        return "".join(parts).capitalize()

    def number(self) -> str:
        kind = self.rng.random()
        if kind < 0.4:
            return str(self.rng.randint(2, 99))
        if kind < 0.7:
            return f"{self.rng.randint(100, 9999):,}"
        if kind < 0.85:
            return f"{self.rng.randint(1, 99)}.{self.rng.randint(1, 9)}"
        return str(self.rng.randint(1990, 2030))

    def token(self) -> str:
        r = self.rng.random()
        if r < 0.05:
            return self.rng.choice(self.topic)
        if r < 0.08:
            return self.rng.choice(self.names)
        if r < 0.10:
            return self.name()
        if r < 0.13:
            return self.number()
        return self.draw()


def _length(rng: random.Random) -> int:
    return max(6, min(40, round(rng.gauss(20.0, 6.5))))


def _sentence(words: list[str]) -> str:
    words = list(words)
    while len(words) > 1 and (words[-1].lower() in _BAD_LAST or (len(words[-1]) < 5 and not words[-1][0].isdigit())):
        words.pop()
    if len(words) < 4:
        words.append("yesterday")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _words(vocab: _Vocabulary) -> list[str]:
    return [vocab.token() for _ in range(_length(vocab.rng))]


def _reword(words: list[str], vocab: _Vocabulary) -> list[str]:
    rng = vocab.rng
    out = list(words)
    for _ in range(rng.randint(1, 3)):
        op = rng.random()
        if op < 0.35 and len(out) > 6:
            del out[rng.randrange(len(out))]
        elif op < 0.7:
            out[rng.randrange(len(out))] = vocab.token()
        elif len(out) > 2:
            k = rng.randrange(len(out) - 1)
            out[k], out[k + 1] = out[k + 1], out[k]
    if rng.random() < 0.15:
        out = [*out[:-1], out[-1] + ",", *rng.choice(_ATTRIBUTIONS).split()]
    return out


def _document(sentences: list[str], rng: random.Random) -> str:
    paragraphs = []
    k = 0
    while k < len(sentences):
        size = rng.randint(2, 6)
        paragraphs.append(" ".join(sentences[k : k + size]))
        k += size
    return "\n\n".join(paragraphs) + "\n"


def pair(n: int, *, seed: int = 0, shared: float = 0.3, reworded: float = 0.6) -> Pair:
    """Two documents of ``n`` sentences; ``shared`` of B's sentences come from A, ``reworded`` of
    those are reworded rather than copied verbatim."""
    rng = random.Random(seed)
    vocab = _Vocabulary(rng)
    a_words = [_words(vocab) for _ in range(n)]
    a_sentences = [_sentence(w) for w in a_words]
    n_shared = round(n * shared)
    sources = sorted(rng.sample(range(n), n_shared))
    b_items: list[tuple[str, int | None, bool]] = []
    for i in sources:
        if rng.random() < reworded:
            b_items.append((_sentence(_reword(a_words[i], vocab)), i, True))
        else:
            b_items.append((a_sentences[i], i, False))
    b_items.extend((_sentence(_words(vocab)), None, False) for _ in range(n - n_shared))
    rng.shuffle(b_items)
    b_sentences = [text for text, _, _ in b_items]
    copied = tuple((i, j, rw) for j, (_, i, rw) in enumerate(b_items) if i is not None)
    return Pair(
        _document(a_sentences, rng),
        _document(b_sentences, rng),
        tuple(a_sentences),
        tuple(b_sentences),
        copied,
    )
