"""The library entry point: :func:`compare` two texts.

Orchestration only: segment both texts, profile every unit, generate and score candidate pairs,
align, then label each alignment ``shared`` or ``paraphrased``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from rapidfuzz.distance import LCSseq

from claimdiff._version import __version__
from claimdiff.align import Group, align
from claimdiff.candidates import Pair, candidates, tie_key
from claimdiff.conflicts import conflicts
from claimdiff.cues import Reading, may_cue, read
from claimdiff.figures import Figure, agree, figure_conflicts, number_words
from claimdiff.model import Comparison, Conflict, Label, Match, Source, Unit, require_text
from claimdiff.normalize import fold, strip_attribution, tokens
from claimdiff.segment import Segmenter
from claimdiff.similarity import Similarity
from claimdiff.similarity.lexical import Profile, Scorer, Weights, foreign_names, numbers_conflict

NEIGHBOUR_FACTOR = 0.6
"""A free pair next to an aligned pair on both sides needs only this share of the threshold."""
CONTEXT_FACTOR = 0.75
"""A mutual-best pair in reports of three or more claims needs only this share of the threshold."""
NEAREST = 3
"""With semantic similarity, each claim's nearest claims of the other report by embedding cosine are
candidates too (pairs sharing no informative word)."""
NEAREST_FLOOR = 0.45
"""...among those with a cosine of at least this."""


class OptionsError(ValueError):
    """An option is out of range or inconsistent with another."""


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of a comparison. Every score is on the 0-100 scale."""

    threshold: float = 52.0
    """Two claims scoring at least this (see :func:`claimdiff.similarity`) state the same thing."""
    shared_threshold: float = 80.0
    """An aligned pair is ``shared`` when its wording agrees at least this much: the mean of the
    shares of the shorter and of the longer claim's words found in the same order in the other,
    after typography and attribution are folded away. Otherwise it is ``paraphrased``."""
    merge_threshold: float = 40.0
    """A leftover claim joins a match (merge or split) when at least this share of its weight is
    carried by the other side's claim beyond what the match already explains."""
    exhaustive: bool = False
    """Score every pair of claims instead of only candidates sharing informative words (slow on long
    documents; the reference for testing candidate generation)."""
    boilerplate: bool = True
    """Mark obvious non-claims (photo credits, datelines, "Go deeper") and leave them out of alignment."""
    similarity: Similarity = Similarity.LEXICAL
    """``lexical`` (words; the core install) or ``semantic`` (words and sentence embeddings; the
    ``semantic`` extra, see :mod:`claimdiff.similarity`)."""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "similarity", Similarity(self.similarity))
        except ValueError:
            choices = ", ".join(s.value for s in Similarity)
            raise OptionsError(f"similarity must be one of {choices}, got {self.similarity!r}") from None
        for name in ("threshold", "shared_threshold", "merge_threshold"):
            value = getattr(self, name)
            if not 0.0 <= value <= 100.0:
                raise OptionsError(f"{name.replace('_', '-')} must be between 0 and 100, got {value:g}")
        if self.threshold <= 0.0:
            raise OptionsError("threshold must be above 0")

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


def _words(texts: list[str]) -> list[str]:
    return _folded_words([fold(x) for x in texts])


def _folded_words(folded: list[str]) -> list[str]:
    return [t for x in folded for t in tokens(strip_attribution(x, wide=True))]


def wording(a_texts: list[str], b_texts: list[str]) -> float:
    """How far two claims use the same words in the same order, 0 to 100.

    The mean of the longest common subsequence of word tokens over the shorter and over the longer
    claim, after :func:`~claimdiff.normalize.fold` and attribution removal (``said in a statement``
    included).
    """
    return _wording(_words(a_texts), _words(b_texts))


def _wording(ta: list[str], tb: list[str]) -> float:
    if not ta or not tb:
        return 100.0 if ta == tb else 0.0
    common = LCSseq.similarity(ta, tb)
    return 100.0 * 0.5 * (common / min(len(ta), len(tb)) + common / max(len(ta), len(tb)))


def compare(
    a: str,
    b: str,
    *,
    names: tuple[str, str] = ("a", "b"),
    options: Options | None = None,
    weights: Weights | None = None,
    progress: Callable[[int, int], None] | None = None,
    stage: Callable[[str], None] | None = None,
    **overrides: Any,
) -> Comparison:
    """Compare the claims of two texts.

    Args:
        a: the first text (source A), already decoded.
        b: the second text (source B).
        names: how the sources are named in the result (file paths, or ``-`` for stdin).
        options: an :class:`Options`; keyword ``overrides`` (``threshold=50``) replace its fields.
        weights: scorer constants (see :class:`claimdiff.similarity.lexical.Weights`); the defaults are tuned.
        progress: called as ``progress(done, total)`` (two ints, ``done`` rising to ``total``) about 200
            times while candidates are scored, and once with ``done == total`` at the end; for a progress
            bar. ``None``: not called.
        stage: called with the name of each step as it starts: ``"segment"``, ``"profile"`` (reading
            words and figures), ``"candidates"`` (with semantic similarity, embedding first; then
            ``progress`` reports), ``"align"``, ``"label"``; for a progress display. ``None``: not called.
        **overrides: fields of :class:`Options` by name (``threshold=50``, ``similarity="semantic"``).

    Raises:
        TypeError: ``a`` or ``b`` is not a ``str`` (a path, bytes, ``None``), or an argument has the wrong
            type, or an override is not an option.
        OptionsError: an option is out of range (a ``ValueError``).
        claimdiff.similarity.SemanticUnavailable: ``similarity="semantic"`` without the semantic extra.

    Returns:
        A :class:`~claimdiff.model.Comparison`: both sources with their units, and the matches.

    >>> c = compare("Prices rose 5% in May. It rained.", "\u201cPrices rose 5% in May,\u201d she said.")
    >>> c.summary.shared, c.summary.unique_a, c.summary.unique_b
    (1, 1, 0)
    """
    a, b = require_text(a, "a"), require_text(b, "b")
    if not (isinstance(names, tuple) and len(names) == 2 and all(isinstance(n, str) for n in names)):
        raise TypeError(f"names must be a tuple of two str, got {names!r}")
    if options is not None and not isinstance(options, Options):
        raise TypeError(
            f"options must be a claimdiff.Options (or use keywords: threshold=50), got {type(options).__name__}"
        )
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be a callable progress(done, total) or None, got {type(progress).__name__}")
    if stage is not None and not callable(stage):
        raise TypeError(f"stage must be a callable stage(name) or None, got {type(stage).__name__}")
    step = stage or _quiet
    unknown = set(overrides) - set(Options.names())
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    opts = replace(options or Options(), **overrides)
    step("segment")
    segmenter = Segmenter(detect_boilerplate=opts.boilerplate)
    units_a, units_b = segmenter.segment(a), segmenter.segment(b)
    step("profile")
    scorer = _scorer(opts.similarity, weights)
    # each unit is folded once (for the damping, its profile and the labels) and split into words once (for the
    # damping and its profile)
    fa, fb = [fold(u.text) for u in units_a], [fold(u.text) for u in units_b]
    wa, wb = [tokens(f) for f in fa], [tokens(f) for f in fb]
    damping = scorer.damping_words(
        (w for w, u in zip(wa, units_a, strict=True) if not u.is_boilerplate),
        (w for w, u in zip(wb, units_b, strict=True) if not u.is_boilerplate),
    )
    pa = scorer.profiles([u.text for u in units_a], _claim_words(fa, wa), damping)
    pb = scorer.profiles([u.text for u in units_b], _claim_words(fb, wb), damping)
    # a name counts against a pair only when the other report never mentions it
    pa, pb = foreign_names(pa, pb), foreign_names(pb, pa)
    ok_a = [not u.is_boilerplate for u in units_a]
    ok_b = [not u.is_boilerplate for u in units_b]
    step("candidates")
    scores = _candidates(
        [p if ok else _EMPTY for p, ok in zip(pa, ok_a, strict=True)],
        [p if ok else _EMPTY for p, ok in zip(pb, ok_b, strict=True)],
        scorer,
        weights,
        # the context rule accepts pairs down to this score; align() scores neighbour pairs on demand
        threshold=opts.threshold * CONTEXT_FACTOR,
        exhaustive=opts.exhaustive,
        progress=progress,
    )
    step("align")
    groups = align(
        pa,
        pb,
        scores,
        scorer,
        threshold=opts.threshold,
        merge_threshold=opts.merge_threshold,
        neighbour_factor=NEIGHBOUR_FACTOR,
        context_factor=CONTEXT_FACTOR,
        eligible_a=ok_a,
        eligible_b=ok_b,
    )
    readings = _Readings((a, b), units_a, units_b, (fa, fb))
    groups = _figure_conflicts(groups, scores, pa, pb, scorer, readings, opts.threshold, ok_a, ok_b)
    step("label")
    matches = tuple(_label(g, readings, units_a, units_b, pa, pb, scorer, damping, opts) for g in groups)
    return Comparison(
        a=Source("a", names[0], a, tuple(units_a)),
        b=Source("b", names[1], b, tuple(units_b)),
        matches=matches,
        version=__version__,
        options=asdict(opts),
    )


_EMPTY = Profile("", {}, 0.0, frozenset())


def _claim_words(folded: list[str], words: list[list[str]]) -> list[list[str]]:
    """The words of each unit with attribution removed, given its folded text and all its words."""
    out = []
    for f, w in zip(folded, words, strict=True):
        stripped = strip_attribution(f)
        out.append(w if stripped == f else tokens(stripped))
    return out


def _quiet(name: str) -> None:
    """A stage callback that does nothing."""


def _scorer(kind: Similarity, weights: Weights | None) -> Scorer:
    if kind is Similarity.SEMANTIC:
        from claimdiff.similarity.semantic import SemanticScorer

        return SemanticScorer(weights)
    return Scorer(weights)


def _candidates(
    pa: list[Profile],
    pb: list[Profile],
    scorer: Scorer,
    weights: Weights | None,
    *,
    threshold: float,
    exhaustive: bool,
    progress: Callable[[int, int], None] | None,
) -> dict[Pair, float]:
    """The scores of the candidate pairs reaching ``threshold``.

    Lexical: :func:`~claimdiff.candidates.candidates`. Semantic: the pairs whose lexical score can reach
    the threshold whatever their cosine (the same candidate generation, at the blend's lexical floor),
    and each claim's nearest claims by embedding cosine; all scored with the blend.
    """
    if type(scorer) is Scorer:  # lexical: nothing more is imported
        return candidates(pa, pb, scorer, threshold=threshold, exhaustive=exhaustive, progress=progress)
    from claimdiff.similarity.semantic import SemanticScorer

    assert isinstance(scorer, SemanticScorer)
    scorer.prepare(p for p in [*pa, *pb] if p.total > 0.0)
    if exhaustive:
        return candidates(pa, pb, scorer, threshold=threshold, exhaustive=True, progress=progress)
    floor = scorer.blend.lexical_floor(threshold)
    lexical = candidates(pa, pb, Scorer(weights), threshold=floor, progress=progress)
    pairs = set(lexical) | scorer.nearest(pa, pb, NEAREST, NEAREST_FLOOR)
    out: dict[Pair, float] = {}
    for i, j in pairs:
        s = scorer.score(pa[i], pb[j])
        if s >= threshold:
            out[(i, j)] = s
    return out


def _quoted_verbatim(g: Group, pa: list[Profile], pb: list[Profile]) -> bool:
    """One claim of a one-to-one pair is a quotation whose words the other claim carries word for word
    (``"I wasn't prepared," he said at the finish line.`` and ``“I wasn’t prepared.``): the same
    words, whatever the other claim adds around them."""
    if len(g.a) != 1 or len(g.b) != 1:
        return False
    p, q = pa[g.a[0]], pb[g.b[0]]
    for quote, other in ((p, q), (q, p)):
        # the other claim adds no more than an attribution's few words ("he said at the finish line")
        extra = other.text.count(" ") - quote.text.count(" ")
        if quote.quoted and f" {quote.text} " in f" {other.text} " and extra <= _AROUND_QUOTE:
            return True
    return False


_AROUND_QUOTE = 6
"""Words a claim may add around a quotation it carries word for word and still be ``shared`` with it."""


class _Readings:
    """Each claim read once for what changes its meaning (:func:`claimdiff.cues.read`), when first asked."""

    def __init__(
        self, texts: tuple[str, str], ua: list[Unit], ub: list[Unit], folded: tuple[list[str], list[str]]
    ) -> None:
        self.texts = texts
        self.units = (ua, ub)
        self.folded = folded
        """Each unit's text as :func:`~claimdiff.normalize.fold` gives it, by side."""
        self.done: dict[tuple[int, int, bool, bool], Reading] = {}

    def __call__(self, side: int, k: int, *, words: bool = True, numbers: bool = True) -> Reading:
        key = (side, k, words, numbers)
        found = self.done.get(key)
        if found is None:
            u = self.units[side][k]
            found = self.done[key] = read(self.texts[side], u.start, u.end, words=words, numbers=numbers)
        return found

    def group(self, side: int, idx: tuple[int, ...], *, words: bool = True, numbers: bool = True) -> Reading:
        return Reading.join([self(side, k, words=words, numbers=numbers) for k in idx])


def _figure_conflicts(
    groups: list[Group],
    scores: dict[Pair, float],
    pa: list[Profile],
    pb: list[Profile],
    scorer: Scorer,
    readings: _Readings,
    threshold: float,
    ok_a: list[bool],
    ok_b: list[bool],
) -> list[Group]:
    """Align what the score kept apart only because a figure differs: two free claims whose score, without
    the figure penalty, reaches the threshold, each the other's best such partner, and whose figures either
    conflict (the same kind of figure, another value: :func:`~claimdiff.figures.figure_conflicts`; they state
    the same thing with another figure, which is what ``conflicting`` reports) or all agree once read
    (``$1.5 billion`` and ``$1,500 million``: the same claim)."""
    taken_a = {i for g in groups for i in g.a}
    taken_b = {j for g in groups for j in g.b}
    keep = 1.0 - scorer.w.number_penalty
    found: list[tuple[float, tuple[float, int, int], int, int]] = []
    na, nb = len(pa), len(pb)
    for (i, j), s in scores.items():
        if i in taken_a or j in taken_b or not (ok_a[i] and ok_b[j]) or s >= threshold:
            continue
        if not numbers_conflict(pa[i].numbers, pb[j].numbers):
            continue
        whole = min(100.0, s / keep)
        if whole < threshold:
            continue
        found.append((-whole, tie_key(i, j, na, nb), i, j))
    if not found:
        return groups
    out = list(groups)
    for _, _, i, j in sorted(found):
        if i in taken_a or j in taken_b:
            continue
        ra, rb = readings(0, i, words=False), readings(1, j, words=False)
        fa, fb = list(ra.figures), list(rb.figures)
        if not figure_conflicts(fa, fb) and not _all_agree(fa, fb):
            continue
        taken_a.add(i)
        taken_b.add(j)
        out.append(Group((i,), (j,), scores[(i, j)]))
    out.sort(key=lambda g: (g.a[0], g.b[0]))
    return out


def _all_agree(fa: list[Figure], fb: list[Figure]) -> bool:
    """Every figure of each claim agrees with one of the other's (``$1.5 billion`` and ``$1,500 million``): the
    score's figure penalty, which compares digits, was wrong about them."""
    return bool(fa) and bool(fb) and _within(fa, fb) and _within(fb, fa)


def _within(fa: list[Figure], fb: list[Figure]) -> bool:
    """Every figure of ``fa`` agrees with one of ``fb`` (``fb`` may give more: figures left out are no change)."""
    return all(any(agree(f, g) for g in fb) for f in fa)


def _label(
    g: Group,
    readings: _Readings,
    ua: list[Unit],
    ub: list[Unit],
    pa: list[Profile],
    pb: list[Profile],
    scorer: Scorer,
    damping: dict[str, float],
    opts: Options,
) -> Match:
    a_texts = [ua[i].text for i in g.a]
    b_texts = [ub[j].text for j in g.b]
    score = g.score
    if len(g.a) > 1 or len(g.b) > 1:
        score = scorer.score(scorer.profile(" ".join(a_texts), damping), scorer.profile(" ".join(b_texts), damping))
        score = max(score, g.score)
    # Same words but a changed figure, a negation, a modality or a speaker is a conflict, not the same
    # wording: "550 jobs" against "500 jobs" (as `claimdiff check` reads figures). A figure only one side
    # gives ("adopted in 2021" left out) is a few words left out, judged by the wording.
    wa = _folded_words([readings.folded[0][i] for i in g.a])
    wb = _folded_words([readings.folded[1][j] for j in g.b])
    found: tuple[Conflict, ...] = ()
    other_figures = False  # both give figures, and not the same ones
    if a_texts != b_texts:  # the same text cannot disagree with itself
        # each aligned claim is read once, for figures, cue words and speakers (see claimdiff.cues); what
        # cannot differ is not read: the same words (attribution aside) carry the same cues, and the same
        # digits, number words and months the same figures
        joined_a, joined_b = " ".join(a_texts), " ".join(b_texts)
        numbers = number_words(joined_a) != number_words(joined_b)  # a sign may differ where words do not
        words = wa != wb and (may_cue(joined_a) or may_cue(joined_b))
        ra = readings.group(0, g.a, words=words, numbers=numbers)
        rb = readings.group(1, g.b, words=words, numbers=numbers)
        found = conflicts(ra, rb)
        fa, fb = list(ra.figures), list(rb.figures)
        # "5 deaths" and "7 injuries": no conflict (not the same thing counted), but not the same words either
        other_figures = bool(fa and fb) and not (_within(fa, fb) or _within(fb, fa))
    if found:
        label = Label.CONFLICTING
    elif not other_figures and (_wording(wa, wb) >= opts.shared_threshold or _quoted_verbatim(g, pa, pb)):
        label = Label.SHARED
    else:
        label = Label.PARAPHRASED
    return Match(label=label, score=score, a=g.a, b=g.b, conflicts=found)
