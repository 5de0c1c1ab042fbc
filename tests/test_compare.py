"""End-to-end alignment: hand-labelled cases in tests/cases/compare/<name>/ (a.txt, b.txt, gold.json in
the format of ../shared/eval, so they double as evaluation cases), the seed pair, and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimdiff
from claimdiff.model import Comparison, Label, Status

from .conftest import ROOT, SHARED

CASES = sorted((ROOT / "tests" / "cases" / "compare").glob("*/gold.json"))
SEED = SHARED / "eval" / "seed" / "gold.json"
LABELS = {
    "shared": Label.SHARED,
    "paraphrase": Label.PARAPHRASED,
    "paraphrased": Label.PARAPHRASED,
    "conflicting": Label.CONFLICTING,
}


def unit_at(c: Comparison, side: str, text: str, sub: str) -> int:
    pos = text.index(sub)
    units = c.a.units if side == "a" else c.b.units
    while True:
        for k, u in enumerate(units):
            if u.start <= pos < u.end:
                return k
        pos += 1


def check_gold(gold_path: Path, similarity: str | None = None) -> None:
    """The case's gold holds for ``similarity`` (default: the one the gold names, else lexical)."""
    case = gold_path.parent
    a = (case / "a.txt").read_text(encoding="utf-8")
    b = (case / "b.txt").read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    c = claimdiff.compare(a, b, similarity=similarity or gold.get("similarity", "lexical"))
    links = {(i, j): m.label for m in c.matches for i in m.a for j in m.b}
    allowed = set()
    for pair in gold["pairs"]:
        i, j = unit_at(c, "a", a, pair["a"]), unit_at(c, "b", b, pair["b"])
        allowed.add((i, j))
        if pair.get("must", True):
            assert (i, j) in links, f"missed {pair}"
            assert links[(i, j)] is LABELS[pair["label"]], f"label of {pair}"
    st_a, st_b = c.statuses("a"), c.statuses("b")
    bad_a = {unit_at(c, "a", a, s) for s in gold.get("unique_a", []) + gold.get("boilerplate_a", [])}
    bad_b = {unit_at(c, "b", b, s) for s in gold.get("unique_b", []) + gold.get("boilerplate_b", [])}
    for s in gold.get("unique_a", []):
        assert st_a[unit_at(c, "a", a, s)] is Status.UNIQUE, s
    for s in gold.get("unique_b", []):
        assert st_b[unit_at(c, "b", b, s)] is Status.UNIQUE, s
    for s in gold.get("boilerplate_a", []):
        assert st_a[unit_at(c, "a", a, s)] is Status.BOILERPLATE, s
    for s in gold.get("boilerplate_b", []):
        assert st_b[unit_at(c, "b", b, s)] is Status.BOILERPLATE, s
    gold_a = {i for i, _ in allowed} | bad_a
    gold_b = {j for _, j in allowed} | bad_b
    wrong = [(i, j) for (i, j) in links if (i in gold_a or j in gold_b) and (i, j) not in allowed]
    assert not wrong, f"wrong links {[(c.a.units[i].text, c.b.units[j].text) for i, j in wrong]}"


def _needs(gold: Path) -> str:
    return str(json.loads(gold.read_text(encoding="utf-8")).get("similarity", "lexical"))


@pytest.mark.parametrize("gold", CASES, ids=[p.parent.name for p in CASES])
def test_case(gold: Path) -> None:
    if _needs(gold) == "semantic":
        pytest.importorskip("onnxruntime")
    check_gold(gold)


# every case a lexical comparison passes, a semantic one passes too (semantic adds recall, not noise)
@pytest.mark.parametrize("gold", CASES, ids=[p.parent.name for p in CASES])
def test_case_semantic(gold: Path) -> None:
    pytest.importorskip("onnxruntime")
    check_gold(gold, "semantic")


def test_semantic_case_is_missed_by_lexical() -> None:
    """The semantic-only cases are there because lexical similarity misses them: if that changes, the
    case no longer tests what semantic similarity adds."""
    for gold in CASES:
        if _needs(gold) == "semantic":
            with pytest.raises(AssertionError, match="missed"):
                check_gold(gold, "lexical")


@pytest.mark.skipif(not SEED.exists(), reason="../shared/eval/seed not present")
def test_seed_pair_matches_its_gold() -> None:
    check_gold(SEED)


def test_samples_summary() -> None:
    a = (ROOT / "samples" / "axios.txt").read_text(encoding="utf-8")
    b = (ROOT / "samples" / "secondary.txt").read_text(encoding="utf-8")
    s = claimdiff.compare(a, b).summary
    assert s.shared >= 5 and s.paraphrased >= 3
    assert 0.0 < s.coverage_a < s.coverage_b < 1.0


def test_merged_sentence_is_one_match_with_two_units() -> None:
    c = claimdiff.compare(
        "The storm made landfall near Galveston early Sunday. It knocked out power to more than 300,000 homes.",
        "The hurricane came ashore near Galveston early Sunday and knocked out power to more than 300,000 homes.",
    )
    assert [(m.a, m.b) for m in c.matches] == [((0, 1), (0,))]
    # and the split, from the other side
    d = claimdiff.compare(c.b.text, c.a.text)
    assert [(m.a, m.b) for m in d.matches] == [((0,), (0, 1))]


LABEL_CASES = [
    # (a, b, label): a changed figure, digits or words, is a conflict, never the same wording
    ("The plant will cut 550 jobs in March.", "The plant will cut 500 jobs in March.", Label.CONFLICTING),
    (
        "The mayor negotiated the agreement over four months with the company.",
        "The mayor negotiated the agreement over five months with the company.",
        Label.CONFLICTING,
    ),
    # other figures of other things ("5 deaths" / "7 injuries") are not the same wording either
    (
        "The storm caused 5 deaths in the county on Sunday.",
        "The storm caused 7 injuries in the county on Sunday.",
        Label.PARAPHRASED,
    ),
    # the same figure written two ways aligns whatever the digits ("$1.5 billion" / "$1,500 million")
    (
        "The project will cost $1.5 billion over ten years, the mayor said on Monday.",
        "The project will cost $1,500 million over ten years, the mayor said on Monday.",
        Label.PARAPHRASED,
    ),
    # a figure only one side gives is a few words left out
    (
        "The panel ruled 2-1 that the ordinance, adopted in 2021, failed to tell residents which streets were covered.",
        "The panel ruled 2-1 that the ordinance failed to tell residents which streets were covered.",
        Label.SHARED,
    ),
    # a sentence split in two with the same words: the boundary is punctuation
    (
        "The appeals court struck down the county ordinance on Tuesday, ruling that the law was too vague.",
        "The appeals court struck down the county ordinance on Tuesday. It ruled that the law was too vague.",
        Label.SHARED,
    ),
    # how and where a remark was made, and the speaker's title, are attribution
    (
        '"I wasn\'t hurting anybody, and I had nowhere else to go," he said in a phone interview.',
        '"I wasn\'t hurting anybody, and I had nowhere else to go," he says.',
        Label.SHARED,
    ),
    (
        'Union president Carl Dobrev told reporters last month that "every port that automated said the same thing."',
        'Carl Dobrev, president of the union local, has argued that "every port that automated said the same thing."',
        Label.SHARED,
    ),
]


@pytest.mark.parametrize(("a", "b", "label"), LABEL_CASES)
def test_match_labels(a: str, b: str, label: Label) -> None:
    c = claimdiff.compare(a, b)
    assert [m.label for m in c.matches] == [label]


def test_options_are_validated_and_recorded() -> None:
    with pytest.raises(claimdiff.OptionsError, match="threshold"):
        claimdiff.compare("A.", "B.", threshold=120)
    with pytest.raises(TypeError, match="unknown option"):
        claimdiff.compare("A.", "B.", treshold=50)
    c = claimdiff.compare("Prices rose.", "Prices rose.", threshold=60)
    assert c.options["threshold"] == 60


def test_boilerplate_never_aligns() -> None:
    text = "Go deeper\n\nThe plant will close in May.\n"
    c = claimdiff.compare(text, text)
    assert c.statuses("a") == (Status.BOILERPLATE, Status.SHARED)
    assert c.summary.coverage_a == 1.0


# ---- properties -------------------------------------------------------------------------------

WORDS = st.sampled_from(
    "the minister said budget talks would resume in Geneva after 14 months of delay and critics warned "
    "that 3.5 billion dollars in aid remained frozen while officials in Ankara denied any breach four five "
    "jobs 550 500 percent 2021 $4.7".split()
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
DOC = st.lists(SENTENCE, min_size=1, max_size=8).map(" ".join)
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC)
def test_identical_inputs_are_all_shared(text: str) -> None:
    c = claimdiff.compare(text, text)
    assert all(s in (Status.SHARED, Status.BOILERPLATE) for s in c.statuses("a") + c.statuses("b"))
    assert all(m.a == m.b and m.label is Label.SHARED for m in c.matches)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC, DOC)
def test_swapping_inputs_mirrors_the_result(a: str, b: str) -> None:
    ab = claimdiff.compare(a, b)
    ba = claimdiff.compare(b, a)
    assert sorted((m.a, m.b, m.label, m.score) for m in ab.matches) == sorted(
        (m.b, m.a, m.label, m.score) for m in ba.matches
    )
    assert ab.statuses("a") == ba.statuses("b") and ab.statuses("b") == ba.statuses("a")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, ANY_TEXT)
def test_offsets_always_slice_the_input(a: str, b: str) -> None:
    c = claimdiff.compare(a, b)
    for source in c.sources:
        for u in source.units:
            assert source.text[u.start : u.end] == u.text
    doc = c.to_dict()
    assert [u["id"] for u in doc["sources"][0]["units"]] == [f"a{k}" for k in range(len(c.a.units))]


@settings(max_examples=40, deadline=None)
@given(DOC, DOC)
def test_same_input_same_output(a: str, b: str) -> None:
    assert claimdiff.compare(a, b).to_dict() == claimdiff.compare(a, b).to_dict()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC, DOC)
def test_semantic_swapping_inputs_mirrors_the_result_and_identical_inputs_are_shared(a: str, b: str) -> None:
    pytest.importorskip("onnxruntime")
    ab = claimdiff.compare(a, b, similarity="semantic")
    ba = claimdiff.compare(b, a, similarity="semantic")
    assert sorted((m.a, m.b, m.label, m.score) for m in ab.matches) == sorted(
        (m.b, m.a, m.label, m.score) for m in ba.matches
    )
    same = claimdiff.compare(a, a, similarity="semantic")
    assert all(m.a == m.b and m.label is Label.SHARED for m in same.matches)


def test_a_stock_phrase_quoted_is_no_evidence_and_a_denial_is_not_shared() -> None:
    """Issue 15's short quotations, bounded: a light quotation ("I don't know") pairs by its words with
    nothing, and a claim that only carries a quotation inside much else is not ``shared`` with it."""
    c = claimdiff.compare(
        '"I don\'t know," he said. The mayor spoke on Monday. Taxes rose.',
        'Asked who started the fire, the witness said: "I don\'t know." Rain fell.',
    )
    assert c.matches == ()
    d = claimdiff.compare(
        '"We will not raise taxes," the governor said.',
        'The governor denied ever saying "we will not raise taxes" during the campaign last year.',
    )
    # the governor said it / denied saying it: a negation conflict, never shared
    assert [m.label for m in d.matches] == [Label.CONFLICTING]
    assert [x.kind.value for x in d.matches[0].conflicts] == ["negation"]
