"""The claim matrix (issue 12): the joining rule, the three-report target, the API's contract."""

from __future__ import annotations

import json
from importlib import resources
from itertools import combinations
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff
from claimdiff.matrix import MATRIX_SCHEMA, Claim, Matrix, _join, matrix, source_id
from claimdiff.model import Label, Match, Source, Unit
from claimdiff.render.json import dumps

from .conftest import SAMPLES

INTERVIEW = [SAMPLES / "interview" / n for n in ("gazette.txt", "courier.txt", "islandblog.txt")]


def interview() -> Matrix:
    return matrix([p.read_text(encoding="utf-8") for p in INTERVIEW], names=[str(p) for p in INTERVIEW])


def schema() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        resources.files("claimdiff").joinpath("schemas/matrix-1.schema.json").read_text(encoding="utf-8")
    )
    return doc


def validate(m: Matrix) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(dumps(m.to_dict()))
    jsonschema.Draft202012Validator(schema()).validate(doc)
    return doc


def cell_texts(m: Matrix, c: Claim) -> list[str]:
    return [" ".join(m.sources[k].units[i].text for i in idx) for k, idx in enumerate(c.units)]


def row_with(m: Matrix, words: str) -> Claim:
    found = [c for c in m.claims if any(words in t for t in cell_texts(m, c))]
    assert len(found) == 1, f"{words!r} is in {len(found)} rows"
    return found[0]


# --- the target: three reports of one interview ---


@pytest.mark.parametrize("quote", ["The pier is safe again", "Nobody on the island should have to wait"])
def test_a_quote_all_three_carry_is_one_row_across_three_columns(quote: str) -> None:
    m = interview()
    row = row_with(m, quote)
    assert row.sources_count == 3
    assert all(len(idx) == 1 for idx in row.units)
    assert all(quote in t for t in cell_texts(m, row))
    assert [(x.first, x.second) for x in row.links] == [(0, 1), (0, 2), (1, 2)]
    assert {x.label for x in row.links} == {Label.SHARED}


@pytest.mark.parametrize(
    ("words", "source"),
    [("would not stand for a second term", 0), ("petitioned for a second, faster boat", 1), ("Fares will stay", 2)],
)
def test_a_remark_only_one_outlet_reports_is_a_row_with_one_cell(words: str, source: int) -> None:
    m = interview()
    row = row_with(m, words)
    assert row.sources == (source,) and row.links == ()


def test_rows_are_ordered_by_sources_then_first_appearance() -> None:
    m = interview()
    keys = [(-c.sources_count, c.first) for c in m.claims]
    assert keys == sorted(keys)
    assert m.claims[0].sources_count == 3 and m.claims[-1].sources_count == 1


def test_summary_per_source() -> None:
    m = interview()
    assert [s.to_dict() for s in m.summary] == [
        {"claims": 7, "all": 4, "some": 1, "alone": 2},
        {"claims": 7, "all": 4, "some": 1, "alone": 2},
        {"claims": 6, "all": 4, "some": 0, "alone": 2},
    ]


# --- the joining rule ---


def _source(k: int, n: int) -> Source:
    text = " ".join(f"S{k}u{i}." for i in range(n))
    units, pos = [], 0
    for i in range(n):
        t = f"S{k}u{i}."
        units.append(Unit(pos, pos + len(t), t))
        pos += len(t) + 1
    return Source(source_id(k), f"s{k}", text, tuple(units))


def _m(score: float, a: tuple[int, ...], b: tuple[int, ...]) -> Match:
    return Match(Label.PARAPHRASED, score, a, b)


def test_conflicting_links_are_resolved_by_score_highest_first() -> None:
    # A0 pairs with C0 (95) and B0 with C1 (90): A0-B0 (80) would put C0 and C1 in one row, so it is refused
    sources = (_source(0, 1), _source(1, 1), _source(2, 2))
    edges = [(0, 1, _m(80, (0,), (0,))), (0, 2, _m(95, (0,), (0,))), (1, 2, _m(90, (0,), (1,)))]
    claims = _join(sources, edges)
    assert [c.units for c in claims] == [((0,), (), (0,)), ((), (0,), (1,))]
    assert [[(x.first, x.second) for x in c.links] for c in claims] == [[(0, 2)], [(1, 2)]]
    # the same edges in another order give the same rows
    assert _join(sources, edges[::-1]) == claims


def test_a_merged_match_may_put_two_units_of_one_source_in_a_row() -> None:
    # B0 and B1 together state A0 (a split sentence); C0 states B0 and A0
    sources = (_source(0, 1), _source(1, 2), _source(2, 1))
    edges = [(0, 1, _m(70, (0,), (0, 1))), (1, 2, _m(90, (0,), (0,))), (0, 2, _m(60, (0,), (0,)))]
    (claim,) = _join(sources, edges)
    assert claim.units == ((0,), (0, 1), (0,))
    assert len(claim.links) == 3


def test_a_block_grows_only_through_a_match_side() -> None:
    # B0 is with C0, B1 with C1; a merged match A0 ~ B0+B1 would join C0 and C1: refused
    sources = (_source(0, 1), _source(1, 2), _source(2, 2))
    edges = [(1, 2, _m(95, (0,), (0,))), (1, 2, _m(94, (1,), (1,))), (0, 1, _m(70, (0,), (0, 1)))]
    claims = _join(sources, edges)
    assert sorted(c.units for c in claims) == sorted([((), (0,), (0,)), ((), (1,), (1,)), ((0,), (), ())])


def test_two_sources_match_compare() -> None:
    a = (SAMPLES / "axios.txt").read_text(encoding="utf-8")
    b = (SAMPLES / "secondary.txt").read_text(encoding="utf-8")
    m = matrix([a, b])
    c = claimdiff.compare(a, b)
    pairs = sorted((x.units[0], x.units[1], x.links[0].label) for x in m.claims if x.sources_count == 2)
    assert pairs == sorted((x.a, x.b, x.label) for x in c.matches)
    s = c.summary
    assert [x.alone for x in m.summary] == [s.unique_a, s.unique_b]


SENTENCES = [
    "The council approved the budget on Monday.",
    "The budget was approved by the council on Monday.",
    "Critics said the plan would cost 40 jobs.",
    "The plan will cost 45 jobs, critics said.",
    '"We are not finished," the mayor said.',
    "The mayor said they were not finished.",
    "Rain is expected all week.",
    "Photo: Jane Doe/Reuters",
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SENTENCES), max_size=6), min_size=2, max_size=4))
def test_every_claim_unit_is_in_exactly_one_row(docs: list[list[str]]) -> None:
    texts = [" ".join(d) for d in docs]
    m = matrix(texts)
    seen: list[tuple[int, int]] = []
    for c in m.claims:
        assert c.sources_count >= 1
        for x in c.links:
            assert c.units[x.first] and c.units[x.second]
        seen += [(k, i) for k, idx in enumerate(c.units) for i in idx]
    claim_units = [(k, i) for k, s in enumerate(m.sources) for i, u in enumerate(s.units) if not u.is_boilerplate]
    assert sorted(seen) == sorted(claim_units)
    assert matrix(texts) == m  # deterministic
    validate(m)


# --- the API's contract and the JSON ---


def test_document_validates_and_names_its_schema() -> None:
    m = interview()
    doc = validate(m)
    assert doc["schema"] == MATRIX_SCHEMA == "claimdiff/matrix/1"
    assert [s["id"] for s in doc["sources"]] == ["a", "b", "c"]
    assert doc["sources"][0]["name"].endswith("gazette.txt")
    first = doc["claims"][0]
    assert first["sources_count"] == 3 and set(first["units"]) == {"a", "b", "c"}
    assert [p["sources"] for p in first["pairs"]] == [["a", "b"], ["a", "c"], ["b", "c"]]
    unit_claims = {u["id"]: u["claim"] for s in doc["sources"] for u in s["units"]}
    for c in doc["claims"]:
        for ids in c["units"].values():
            assert all(unit_claims[u] == c["id"] for u in ids)


def test_schema_is_valid_and_rejects_a_broken_document() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    doc = interview().to_dict()
    doc["claims"][0]["pairs"][0]["label"] = "same"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(doc)


def test_many_sources_have_letter_ids() -> None:
    ids = [source_id(k) for k in range(30)]
    assert ids[:3] == ["a", "b", "c"] and ids[26:28] == ["aa", "ab"] and len(set(ids)) == 30


def test_each_pair_is_compared_once_through_compare_pair() -> None:
    calls: list[tuple[str, str]] = []

    def counting(a: str, b: str, names: tuple[str, str], options: claimdiff.Options) -> claimdiff.Comparison:
        calls.append(names)
        return claimdiff.compare(a, b, names=names, options=options)

    stages: list[str] = []
    m = matrix(
        ["One.", "Two.", "Three.", "Four."], names=["w", "x", "y", "z"], compare_pair=counting, stage=stages.append
    )
    assert calls == list(combinations(["w", "x", "y", "z"], 2))
    assert stages[-1] == "join" and stages[0] == "compare a-b"
    assert [s.name for s in m.sources] == ["w", "x", "y", "z"]


def test_options_reach_every_comparison() -> None:
    m = matrix(["Prices rose.", "Prices rose."], threshold=60)
    assert m.options["threshold"] == 60
    m2 = matrix(["Prices rose.", "Prices rose."], options=claimdiff.Options(shared_threshold=90))
    assert m2.options["shared_threshold"] == 90


@pytest.mark.parametrize(
    ("args", "kwargs", "error"),
    [
        (["only one"], {}, ValueError),
        ("ab", {}, TypeError),
        (["a", b"b"], {}, TypeError),
        (["a", "b"], {"names": ["x"]}, TypeError),
        (["a", "b"], {"colour": "red"}, TypeError),
        (["a", "b"], {"threshold": 120}, claimdiff.OptionsError),
    ],
)
def test_bad_arguments_are_refused(args: Any, kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        matrix(args, **kwargs)


def test_described_sets_each_source_origin() -> None:
    from claimdiff.model import Meta, SourceKind

    m = matrix(["Prices rose.", "Prices rose."])
    d = m.described([(SourceKind.HTML, Meta(title="T")), (SourceKind.TEXT, None)])
    assert d.sources[0].kind is SourceKind.HTML and d.to_dict()["sources"][0]["meta"]["title"] == "T"
    with pytest.raises(ValueError):
        m.described([(SourceKind.TEXT, None)])
