"""Story grouping: which articles report the same event, without comparing every pair.

Three steps, each cheaper than the next would be on all pairs:

1. **Terms** (:func:`terms`, per article, on workers): the informative words of an article's claims
   (boilerplate left out): names (a capitalised word inside a sentence, unless it is among the most common
   English words), rare words (Zipf frequency under 3.5 or not in the shipped table), and numbers of two or
   more characters; weekday and month names are left out. Each term with its count.
2. **Candidates** (:func:`candidate_pairs`): a MinHash signature of each article's term set
   (:func:`signature`, per article, on workers) goes into a MinHash LSH index (``datasketch``) of
   ``BANDS`` bands of one hash each: two articles that share a minimum in any band are candidates. Each
   article keeps its ``max_candidates`` candidates of highest estimated Jaccard similarity, so that the pairs
   scored next grow linearly with the corpus, whatever it holds.
3. **Stories** (:func:`group`): each candidate pair is scored by the cosine of the articles' term vectors
   (term weight ``(1 + ln count) * ln(1 + N / df)``, ``df`` the number of articles with the term); a pair
   is a link when it scores at least ``threshold`` **and** still scores at least ``SUPPORT`` without its
   strongest shared term (:func:`link_score`): one shared name, however rare, does not make a story (two
   fires in one town, two rulings naming one judge). Links are taken strongest first (ties by article index)
   and join two
   stories only when more than half of all the pairs across them are links: an article joins a story when it
   is close to most of its members, not to one of them (no chaining of A-B-C into one story when A and C are
   unrelated).

The constants were chosen on the real reports of ``tests/eval`` and ``tests/heldout`` (see
``docs/corpus.md``): same-story pairs score 0.26 and up (0.17 and up without their strongest shared term),
different stories at most 0.18. ``SUPPORT`` comes from the synthetic corpora of ``benchmarks/corpus.py``,
where unrelated stories that share a place name score up to 0.46 on that one name.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from claimdiff.similarity.lexical import zipf_frequency

NUM_PERM = 128
"""MinHash permutations per signature (the estimate of Jaccard similarity has a standard error of about 0.04)."""
BANDS = 32
"""LSH bands of one hash each, over the first ``BANDS`` permutations: a pair of Jaccard similarity 0.14 (the
least seen between two real reports of one event) becomes a candidate with probability 0.99."""
SEED = 13
SCHEME = "affine32"
"""datasketch's permutation scheme (2.0): a bijection per permutation, 32-bit values."""
THRESHOLD = 0.22
"""Cosine at which two articles are linked (same-story real pairs: 0.26 and up; different: 0.18 at most)."""
SUPPORT = 0.15
"""Score a link must keep without its strongest shared term (same-story real pairs: 0.17 and up)."""
MAX_CANDIDATES = 20
"""Candidates kept per article, of highest estimated Jaccard similarity."""

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*|\d(?:[\d.,]*\d)?")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december".split()
)
_NAME_ZIPF = 6.0
"""A capitalised word inside a sentence is a term unless it is this common (``The``, ``But``)."""
_RARE_ZIPF = 3.5
"""Any word rarer than this (or not in the table) is a term."""


def terms(claims: Iterable[str]) -> dict[str, int]:
    """The informative terms of an article's claims, with their counts.

    >>> sorted(terms(["Kelvin Kiptum ran 2:00:35 in Chicago on Sunday.", "The record stood."]).items())
    [('#00', 1), ('#35', 1), ('chicago', 1), ('kelvin', 1), ('kiptum', 1)]
    """
    found: Counter[str] = Counter()
    for claim in claims:
        for k, m in enumerate(_WORD.finditer(claim)):
            word = m.group()
            if word[0].isdigit():
                number = word.replace(",", "")
                if len(number) >= 2:
                    found["#" + number] += 1
                continue
            low = word.lower().replace("\u2019", "'")
            low = low.removesuffix("'s").strip("'-")
            if len(low) < 3 or low in _CALENDAR:
                continue
            z = zipf_frequency(low)
            if z is None or z < _RARE_ZIPF or (word[0].isupper() and k > 0 and z < _NAME_ZIPF):
                found[low] += 1
    return dict(found)


def signature(term_set: Iterable[str]) -> bytes:
    """The MinHash signature of a set of terms, as ``NUM_PERM`` little-endian unsigned 32-bit integers.

    Deterministic: the same terms give the same bytes on any machine (``datasketch``'s SHA-1 based hash
    and a fixed seed).
    """
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch([t.encode("utf-8") for t in sorted(term_set)])
    data: bytes = mh.hashvalues.astype("<u4").tobytes()
    return data


@dataclass(frozen=True, slots=True)
class Links:
    """Scored pairs: ``candidates`` from the index, ``scores`` of those at or above the threshold."""

    candidates: int
    scores: dict[tuple[int, int], float]


def candidate_pairs(signatures: Sequence[bytes], *, max_candidates: int = MAX_CANDIDATES) -> list[tuple[int, int]]:
    """Candidate pairs ``(i, j)``, ``i < j``, sorted, from a MinHash LSH index over the signatures.

    Each article keeps at most ``max_candidates`` of the articles it meets in the index, those of highest
    estimated Jaccard similarity (ties by index), so there are at most ``max_candidates`` pairs per article.
    """
    if len(signatures) < 2:
        return []
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    hv = np.frombuffer(b"".join(signatures), dtype="<u4").reshape(len(signatures), NUM_PERM)
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, 1))
    with lsh.insertion_session() as session:
        for i in range(len(signatures)):
            session.insert(i, LeanMinHash(seed=SEED, hashvalues=hv[i], scheme=SCHEME), check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for i in range(len(signatures)):
        found = lsh.query(LeanMinHash(seed=SEED, hashvalues=hv[i], scheme=SCHEME))
        others = np.array(sorted(j for j in found if j != i), dtype=np.int64)
        if others.size == 0:
            continue
        same = np.count_nonzero(hv[others] == hv[i], axis=1)
        # highest estimated similarity first; a stable sort keeps index order among ties
        order = np.argsort(-same, kind="stable")[:max_candidates]
        for j in others[order].tolist():
            pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def weights(articles: Sequence[Mapping[str, int]]) -> list[dict[str, float]]:
    """Each article's term vector: ``(1 + ln count) * ln(1 + N / df)``."""
    n = len(articles)
    df: Counter[str] = Counter()
    for t in articles:
        df.update(t.keys())
    idf = {term: math.log(1 + n / d) for term, d in df.items()}
    return [{term: (1 + math.log(c)) * idf[term] for term, c in t.items()} for t in articles]


def cosine(x: Mapping[str, float], y: Mapping[str, float], norm_x: float, norm_y: float) -> float:
    """The cosine of two sparse vectors of known norms (0 when either is empty)."""
    return cosine_support(x, y, norm_x, norm_y)[0]


def cosine_support(x: Mapping[str, float], y: Mapping[str, float], norm_x: float, norm_y: float) -> tuple[float, float]:
    """The cosine of two sparse vectors of known norms, and the cosine without the largest term product
    (the score left when the strongest shared term is taken away); ``(0, 0)`` when either is empty.

    >>> cosine_support({"a": 3.0, "b": 4.0}, {"a": 3.0, "b": 4.0, "c": 0.0}, 5.0, 5.0)
    (1.0, 0.36)
    """
    if norm_x == 0 or norm_y == 0:
        return 0.0, 0.0
    if len(y) < len(x):
        x, y = y, x
    products = [w * y[t] for t, w in x.items() if t in y]
    if not products:
        return 0.0, 0.0
    total = sum(products)
    return total / (norm_x * norm_y), (total - max(products)) / (norm_x * norm_y)


def link_score(
    x: Mapping[str, float],
    y: Mapping[str, float],
    norm_x: float,
    norm_y: float,
    *,
    threshold: float = THRESHOLD,
    support: float = SUPPORT,
) -> float | None:
    """The cosine of two articles when it makes a link: at least ``threshold``, and at least ``support``
    without the strongest shared term; else ``None``.

    >>> place = {"corteston": 6.0, "group": 1.0, "fire": 1.0}
    >>> other = {"corteston": 6.0, "group": 1.0, "layoffs": 1.0}
    >>> n = sum(w * w for w in place.values()) ** 0.5
    >>> link_score(place, other, n, n) is None  # 0.97, but 0.03 without the place name
    True
    """
    cos, rest = cosine_support(x, y, norm_x, norm_y)
    return cos if cos >= threshold and rest >= support else None


def group(
    articles: Sequence[Mapping[str, int]],
    signatures: Sequence[bytes],
    *,
    threshold: float = THRESHOLD,
    support: float = SUPPORT,
    max_candidates: int = MAX_CANDIDATES,
) -> tuple[list[list[int]], int, int]:
    """Group articles (their term counts and signatures, by index) into stories.

    Returns the stories (lists of article indexes, ascending; stories ordered by their first article), the
    number of candidate pairs scored and the number of links.

    >>> a = {"kiptum": 2, "chicago": 1, "#235": 1}
    >>> b = {"kiptum": 1, "chicago": 1, "marathon": 1}
    >>> c = {"yellowknife": 3, "evacuation": 1}
    >>> stories, _, _ = group([a, b, c], [signature(t) for t in (a, b, c)])
    >>> stories
    [[0, 1], [2]]
    """
    n = len(articles)
    vectors = weights(articles)
    norms = [math.sqrt(sum(w * w for w in v.values())) for v in vectors]
    pairs = candidate_pairs(signatures, max_candidates=max_candidates)

    def score(i: int, j: int) -> float | None:
        return link_score(vectors[i], vectors[j], norms[i], norms[j], threshold=threshold, support=support)

    links = [(s, i, j) for i, j in pairs if (s := score(i, j)) is not None]
    links.sort(key=lambda x: (-x[0], x[1], x[2]))
    linked = {(i, j) for _, i, j in links}
    story_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in links:
        si, sj = story_of[i], story_of[j]
        if si == sj:
            continue
        left, right = members[si], members[sj]
        across = len(left) * len(right)
        close = sum(1 for x in left for y in right if (min(x, y), max(x, y)) in linked or score(x, y) is not None)
        if 2 * close <= across:
            continue  # close to a member, not to the story: no chaining
        keep, gone = (si, sj) if len(left) >= len(right) else (sj, si)
        for x in members[gone]:
            story_of[x] = keep
        members[keep].extend(members.pop(gone))
    stories = sorted(sorted(m) for m in members.values())
    return stories, len(pairs), len(links)
