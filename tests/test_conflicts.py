"""Conflicting claims (issue 10): the fourth label, its spans, the check findings, and the labelled set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import claimdiff
from claimdiff.check import check
from claimdiff.cli import app
from claimdiff.model import Label
from claimdiff.policy import FindingKind, Policy

ROOT = Path(__file__).resolve().parents[1]
CASES = json.loads((ROOT / "tests" / "cases" / "conflicts" / "cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    a, b = case["a"], case["b"]
    c = claimdiff.compare(a, b)
    assert len(c.matches) == 1, "the pair states the same thing and must align"
    m = c.matches[0]
    got = [[x.kind.value, a[x.a.start : x.a.end], b[x.b.start : x.b.end]] for x in m.conflicts]
    assert got == case["conflicts"]
    assert (m.label is Label.CONFLICTING) == bool(case["conflicts"])
    # swapping the reports mirrors the conflicts exactly
    back = claimdiff.compare(b, a).matches[0]
    assert [(x.kind, x.b, x.a) for x in back.conflicts] == [(x.kind, x.a, x.b) for x in m.conflicts]


WORDS = st.sampled_from(
    "the council not never could may will plans to approved expected cut 500 550 jobs budget police said "
    "Boeing FAA in March 2024 denied that he it".split()
)
SENTENCE = st.lists(WORDS, min_size=4, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SENTENCE, min_size=1, max_size=3), st.lists(SENTENCE, min_size=1, max_size=3))
def test_conflict_spans_slice_the_inputs_and_mirror(xs: list[str], ys: list[str]) -> None:
    a, b = " ".join(xs), " ".join(ys)
    ab, ba = claimdiff.compare(a, b), claimdiff.compare(b, a)
    for m in ab.matches:
        assert (m.label is Label.CONFLICTING) == bool(m.conflicts)
        for x in m.conflicts:
            assert 0 <= x.a.start < x.a.end <= len(a) and 0 <= x.b.start < x.b.end <= len(b)
            assert a[x.a.start : x.a.end].strip() and b[x.b.start : x.b.end].strip()
    # the same conflicts, each side's spans swapped (listed in the order of each result's side A)
    assert sorted(
        (m.a, m.b, m.label, sorted((x.kind, x.a.start, x.b.start) for x in m.conflicts)) for m in ab.matches
    ) == sorted((m.b, m.a, m.label, sorted((x.kind, x.b.start, x.a.start) for x in m.conflicts)) for m in ba.matches)


def test_identical_reports_have_no_conflict() -> None:
    text = (ROOT / "samples" / "axios.txt").read_text(encoding="utf-8")
    assert not any(m.conflicts for m in claimdiff.compare(text, text).matches)


def test_the_samples_are_faithful_and_have_no_conflict() -> None:
    a = (ROOT / "samples" / "axios.txt").read_text(encoding="utf-8")
    b = (ROOT / "samples" / "secondary.txt").read_text(encoding="utf-8")
    c = claimdiff.compare(a, b)
    assert c.summary.conflicting == 0 and all(m.label is not Label.CONFLICTING for m in c.matches)


def test_json_carries_the_conflicts_with_spans() -> None:
    a = "Prosecutors said Smith is expected to appeal the verdict next week."
    b = "Prosecutors said Smith is not expected to appeal the verdict next week."
    doc = claimdiff.compare(a, b).to_dict()
    assert doc["schema"] == "claimdiff/compare/2"
    (match,) = doc["matches"]
    assert match["label"] == "conflicting" and doc["summary"]["conflicting"] == 1
    (conflict,) = match["conflicts"]
    assert conflict["kind"] == "negation"
    assert b[conflict["b"]["start"] : conflict["b"]["end"]] == conflict["b"]["text"] == "not expected to appeal"
    assert doc["sources"][0]["units"][0]["status"] == "conflicting"


def _write(tmp_path: Path, a: str, b: str) -> tuple[str, str]:
    pa, pb = tmp_path / "source.txt", tmp_path / "derived.txt"
    pa.write_text(a, encoding="utf-8")
    pb.write_text(b, encoding="utf-8")
    return str(pa), str(pb)


CHECK_CASES = [
    # (source, derived, kind, severity by default)
    (
        "Prosecutors said Smith is expected to appeal the verdict next week.",
        "Prosecutors said Smith is not expected to appeal the verdict next week.",
        FindingKind.NEGATION_FLIPPED,
        "error",
    ),
    (
        "The airline could cut 2,000 jobs at its hub in Frankfurt next year.",
        "The airline will cut 2,000 jobs at its hub in Frankfurt next year.",
        FindingKind.MODALITY_CHANGED,
        "warning",
    ),
    (
        "The jet's software caused the stall that brought the plane down, the FAA said.",
        "The jet's software caused the stall that brought the plane down, Boeing said.",
        FindingKind.ATTRIBUTION_CHANGED,
        "warning",
    ),
    (
        "Seven crew members were rescued from the burning ferry on Sunday night.",
        "Six crew members were rescued from the burning ferry on Sunday night.",
        FindingKind.NUMBER_MISMATCH,
        "error",
    ),
]


@pytest.mark.parametrize(("source", "derived", "kind", "severity"), CHECK_CASES)
def test_check_reports_each_kind_at_the_derived_sentence(
    source: str, derived: str, kind: FindingKind, severity: str
) -> None:
    report = check(source, derived)
    assert [(f.kind, f.severity.value) for f in report.findings] == [(kind, severity)]
    (finding,) = report.findings
    assert finding.derived is not None and finding.source is not None
    assert finding.derived.line == 1 and finding.derived.highlights and finding.source.highlights
    assert report.passed is (severity == "warning")
    # the policy decides: every kind can fail the check, or be ignored
    assert not check(source, derived, policy=Policy(fail_on=frozenset({kind}))).passed
    assert check(source, derived, policy=Policy(ignore=frozenset({kind}))).findings == ()


def test_check_leaves_harmless_rewordings_alone() -> None:
    for case in CASES:
        if not case["conflicts"]:
            assert check(case["a"], case["b"]).findings == (), case["id"]


def test_cli_compare_and_check(tmp_path: Path) -> None:
    src, der = _write(
        tmp_path,
        "The airline could cut 2,000 jobs at its hub in Frankfurt next year.\n\n"
        "Prosecutors said Smith is expected to appeal the verdict next week.\n",
        "The airline will cut 2,000 jobs at its hub in Frankfurt next year.\n\n"
        "Prosecutors said Smith is not expected to appeal the verdict next week.\n",
    )
    runner = CliRunner()
    table = runner.invoke(app, ["compare", src, der, "--color", "never", "--width", "240"])
    assert table.exit_code == 0
    assert "conflicting" in table.stdout and "negation: expected to appeal vs not expected to appeal" in table.stdout
    assert "{+not expected to appeal+}" in table.stdout and "2 conflicting" in table.stdout
    out = runner.invoke(app, ["check", src, der, "--color", "never"])
    assert out.exit_code == 1 and "negation-flipped" in out.stdout and "modality-changed" in out.stdout
    ok = runner.invoke(app, ["check", src, der, "--ignore", "negation-flipped", "--format", "json"])
    doc = json.loads(ok.stdout)
    assert ok.exit_code == 0 and doc["passed"] and [f["kind"] for f in doc["findings"]] == ["modality-changed"]
    strict = runner.invoke(app, ["check", src, der, "--ignore", "negation-flipped", "--fail-on", "all"])
    assert strict.exit_code == 1
    bad = runner.invoke(app, ["check", src, der, "--ignore", "negation"])
    assert bad.exit_code == 2 and "unknown finding kind 'negation'" in bad.stderr
    gh = subprocess.run(
        [sys.executable, "-m", "claimdiff", "check", src, der, "--format", "github"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert gh.returncode == 1 and "title=claimdiff negation-flipped::negation flipped" in gh.stdout


def test_labelled_dev_set_keeps_its_precision() -> None:
    """The measured precision of benchmarks/conflicteval.py on the dev set, as a regression guard."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import conflicteval
    finally:
        sys.path.pop(0)
    result = conflicteval.evaluate(conflicteval.load(conflicteval.DEV))
    assert result["harmless_clean"] >= 0.95, result["errors"]
    for kind, v in result["kinds"].items():
        assert v["precision"] is None or v["precision"] >= 0.95, (kind, result["errors"])
