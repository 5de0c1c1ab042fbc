"""Candidate generation against exhaustive scoring, progress reporting and lazy imports.

No wall-time assertions: ``benchmarks/speed.py`` measures speed. These tests check that the fast path
finds what exhaustive scoring finds, on generated documents (``benchmarks/synth.py``) and the samples.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff
from claimdiff.align import align
from claimdiff.candidates import Index, candidates, probe
from claimdiff.render.progress import progress_bar
from claimdiff.segment import segment
from claimdiff.similarity.lexical import Profile, Scorer

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import pair


def links(c: claimdiff.Comparison) -> set[tuple[int, int]]:
    return {(i, j) for m in c.matches for i in m.a for j in m.b}


@pytest.mark.parametrize(("n", "seed"), [(60, 1), (200, 2), (400, 3)])
def test_default_mode_finds_every_exhaustive_match_on_generated_documents(n: int, seed: int) -> None:
    docs = pair(n, seed=seed)
    fast = claimdiff.compare(docs.a, docs.b)
    full = claimdiff.compare(docs.a, docs.b, exhaustive=True)
    assert links(full) <= links(fast)
    assert fast.matches == full.matches


def test_default_mode_finds_every_exhaustive_match_on_the_samples() -> None:
    a = (SAMPLES / "axios.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "secondary.txt").read_text(encoding="utf-8")
    for x, y in ((a, b), (b, a)):
        assert claimdiff.compare(x, y).matches == claimdiff.compare(x, y, exhaustive=True).matches


@pytest.mark.parametrize("threshold", [24.0, 40.0, 60.0])
def test_candidates_keep_every_pair_exhaustive_scoring_keeps(threshold: float) -> None:
    docs = pair(300, seed=7)
    scorer = Scorer()
    ua, ub = segment(docs.a), segment(docs.b)
    damping = scorer.damping((u.text for u in ua), (u.text for u in ub))
    pa = [scorer.profile(u.text, damping) for u in ua]
    pb = [scorer.profile(u.text, damping) for u in ub]
    full = candidates(pa, pb, scorer, threshold=threshold, exhaustive=True)
    fast = candidates(pa, pb, scorer, threshold=threshold)
    assert all(s >= threshold for s in full.values())
    # every pair the fast path keeps has its exact score; it may miss only pairs sharing little weight
    assert all(full[k] == s for k, s in fast.items())
    strong = {k for k, s in full.items() if s >= 40.0}
    assert strong <= set(fast)


def test_generated_documents_are_deterministic_and_split_as_written() -> None:
    one, two = pair(120, seed=5), pair(120, seed=5)
    assert one == two
    assert [u.text for u in segment(one.a)] == list(one.a_sentences)
    assert [u.text for u in segment(one.b)] == list(one.b_sentences)
    assert one.copied and all(0 <= i < 120 and 0 <= j < 120 for i, j, _ in one.copied)


@pytest.mark.parametrize("exhaustive", [False, True])
def test_progress_is_reported_with_increasing_counts_up_to_the_total(exhaustive: bool) -> None:
    docs = pair(150, seed=4)
    calls: list[tuple[int, int]] = []
    claimdiff.compare(docs.a, docs.b, exhaustive=exhaustive, progress=lambda done, total: calls.append((done, total)))
    assert calls
    totals = {total for _, total in calls}
    assert len(totals) == 1
    total = totals.pop()
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert done[0] > 0 and done[-1] == total


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_silent_off_a_terminal_and_for_small_runs() -> None:
    pipe = io.StringIO()
    with progress_bar(pipe, min_total=10) as progress:
        for k in range(1, 101):
            progress(k, 100)
    assert pipe.getvalue() == ""
    term = _Terminal()
    with progress_bar(term, min_total=1000) as progress:
        progress(5, 10)
    assert term.getvalue() == ""


def test_progress_bar_draws_on_a_terminal_for_large_runs() -> None:
    term = _Terminal()
    with progress_bar(term, min_total=10, description="Aligning") as progress:
        for k in range(1, 101):
            progress(k, 100)
    assert "Aligning" in term.getvalue()


def test_item12_a_large_run_shows_each_step_from_the_start() -> None:
    """Issue 14, item 12: with large inputs the bar starts at the first step, names each step, and
    counts while candidates are scored; the library reports the steps in order."""
    steps: list[str] = []
    docs = pair(300, seed=5)
    claimdiff.compare(docs.a, docs.b, stage=steps.append)
    assert steps == ["segment", "profile", "candidates", "align", "label"]
    term = _Terminal()
    with progress_bar(term, size=10**7) as progress:
        progress.stage("segment")
        first = term.getvalue()
        progress.stage("candidates")
        for k in range(1, 101):
            progress(k, 100)
        progress.stage("align")
    out = term.getvalue()
    assert "Splitting into claims" in first  # drawn before any count arrives
    assert "Finding candidate pairs" in out and "Aligning" in out


def test_import_is_lazy_and_names_resolve() -> None:
    code = (
        "import sys, claimdiff\n"
        "assert 'rapidfuzz' not in sys.modules and 'rich' not in sys.modules, sorted(sys.modules)\n"
        "import claimdiff.compare, claimdiff.segment\n"
        "assert callable(claimdiff.compare) and callable(claimdiff.segment) and callable(claimdiff.check)\n"
        "assert all(hasattr(claimdiff, name) for name in claimdiff.__all__)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("n", [400, 4000])
def test_item4_repeated_lines_cost_linear_work(n: int) -> None:
    """Issue 14, item 4: a text repeated thousands of times on both sides is paired by relative position
    with a few copies each (work and memory linear in the copies), and every copy is still shared."""
    text = "Ok\n" * n
    scorer = Scorer()
    profiles = [scorer.profile(u.text) for u in segment(text)]
    pairs = candidates(profiles, profiles, scorer, threshold=39.0)
    assert len(pairs) <= 2 * 8 * n
    result = claimdiff.compare(text, text)
    assert result.summary.shared == n
    assert all(m.a == m.b for m in result.matches)  # copies pair in order


def test_item4_near_identical_lines_are_bounded_too() -> None:
    lines = [f"Ok {'then now sure fine good'.split()[k % 5]} {k % 97}" for k in range(3000)]
    text = "\n".join(lines) + "\n"
    scorer = Scorer()
    profiles = [scorer.profile(u.text) for u in segment(text)]
    pairs = candidates(profiles, profiles, scorer, threshold=39.0)
    assert len(pairs) <= 2 * 50 * len(profiles)
    assert claimdiff.compare(text, text).summary.shared == len(profiles)


def test_item4_a_free_claim_is_scored_against_a_bounded_number_of_matches() -> None:
    """Issue 14, item 4: a claim left free, whose words each of 120 matched claims carries (as a piece of a
    long line does among the others), may join one of those matches: only the 50 sharing the most of its
    words are scored (each free claim scored against every match was quadratic on a 1 MB line)."""
    towns = [f"Town{chr(65 + k // 26)}{chr(97 + k % 26)}" for k in range(120)]
    matched = [f"Officials said the storm damaged homes and roads in {t} county" for t in towns]
    scorer = Scorer()
    pb = [scorer.profile(t) for t in matched]
    pa = [*pb, scorer.profile("Officials said the storm damaged homes and roads")]
    scored: list[tuple[str, str]] = []

    class Counting(Scorer):
        def score(self, p: Profile, q: Profile, shared: float | None = None) -> float:
            scored.append((p.text, q.text))
            return super().score(p, q, shared)

    given = {(k, k): 100.0 for k in range(len(pb))}  # each claim matched with its copy
    groups = align(pa, pb, given, Counting(), threshold=52.0, merge_threshold=50.0)
    free = pa[-1].text
    assert sum(p == free for p, _ in scored) == 50
    # each match's own claim on side A already carries its words: it joins none of them
    assert [g.a for g in groups] == [(k,) for k in range(len(pb))]


_STEMS = [f"s{k}" for k in range(12)]


@st.composite
def _profiles(draw: st.DrawFn) -> list[Profile]:
    out = []
    for _ in range(draw(st.integers(2, 14))):
        keys = draw(st.lists(st.sampled_from(_STEMS), min_size=1, max_size=8, unique=True))
        weights = {k: draw(st.floats(0.1, 8.0)) for k in keys}
        out.append(Profile(" ".join(keys), weights, sum(weights.values()), frozenset()))
    # units exactly as heavy as the probing one: the bisection must keep them (heavier 1) or not (heavier 2)
    out.extend([out[0]] * draw(st.integers(0, 2)))
    return out


@settings(max_examples=300, deadline=None)
@given(
    _profiles(),
    st.integers(0, 2),
    st.integers(1, 14),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.5),
    st.booleans(),
)
def test_probe_reaches_every_unit_sharing_enough(
    units: list[Profile], heavier: int, cap: int, need_share: float, floor_share: float, own_least: bool
) -> None:
    """Whatever order the stems are walked in and wherever the walk stops adding units, every unit that shares
    what is asked in informative stems is reached, and its overlap in the walked stems plus the suffix is exact."""
    p, others = units[0], units[1:]
    index = Index(list(enumerate(others)), cap)
    need, floor = need_share * p.total, floor_share * p.total
    least = floor if own_least else None
    found = probe(p, index, need, floor, heavier, least=least)
    informative = [k for k in p.weights if index.df.get(k, 0) <= cap]
    assert sorted(found.capped) == sorted(set(p.weights) - set(informative))
    want = found.need if least is None else least
    assert found.suffix_weight < 0.5 * found.need or not found.suffix
    for k, q in enumerate(others):
        if (heavier == 1 and q.total < p.total) or (heavier == 2 and q.total <= p.total):
            assert k not in found.acc
            continue
        exact = sum(min(p.weights[s], q.weights[s]) for s in informative if s in q.weights)
        # a unit sharing only suffix stems shares less than half the need: never reached
        if exact >= want and exact > found.suffix_weight + 1e-9:
            assert k in found.acc
        if k in found.acc:
            assert found.overlap(p.weights, q.weights, found.acc[k], found.suffix) == pytest.approx(exact, abs=1e-9)


def test_stages_benchmark_times_every_step_of_compare() -> None:
    """``benchmarks/stages.py`` reads the CPU time of each step through ``compare``'s ``stage`` callback."""
    from stages import stages

    times = stages(200, 0)
    assert list(times) == ["segment", "profile", "candidates", "align", "label", "total"]
    assert all(t >= 0.0 for t in times.values())
    assert times["total"] == pytest.approx(sum(t for step, t in times.items() if step != "total"))
