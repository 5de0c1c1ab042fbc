"""Issue 15: quotation cuts under the policy, and the labelled quotation set as a regression guard."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from claimdiff.check import check
from claimdiff.cli import app
from claimdiff.policy import FindingKind, Policy

ROOT = Path(__file__).resolve().parents[1]
SOURCE = '"We will rebuild every house, every school and every road in this valley," the governor said.'
CUT = '"We will rebuild every house ... in this valley," the governor said.'
CUTS = [
    CUT,
    '"We will rebuild every house \u2026 in this valley," the governor said.',
    '"We will rebuild every house [...] in this valley," the governor said.',
]


def test_a_cut_at_an_ellipsis_is_accepted_by_default() -> None:
    for derived in CUTS:
        report = check(SOURCE, derived)
        assert report.findings == () and report.passed, derived


def test_the_policy_can_report_cuts_as_warnings_or_errors() -> None:
    for derived in CUTS:
        report = check(SOURCE, derived, policy=Policy(ignore=frozenset()))
        assert [(f.kind, f.severity.value) for f in report.findings] == [(FindingKind.QUOTE_CUT, "warning")]
        (finding,) = report.findings
        assert "5 words of SOURCE line 1 left out" in finding.message
        assert finding.derived is not None and finding.derived.text.startswith('"We will rebuild')
        strict = check(SOURCE, derived, policy=Policy(ignore=frozenset(), fail_on=frozenset({FindingKind.QUOTE_CUT})))
        assert not strict.passed


def test_a_cut_that_also_changes_a_word_is_an_alteration() -> None:
    derived = '"We will rebuild every home ... in this valley," the governor said.'
    report = check(SOURCE, derived, policy=Policy(ignore=frozenset()))
    assert [f.kind for f in report.findings] == [FindingKind.QUOTE_ALTERED]


def test_naming_cuts_in_fail_on_reports_them() -> None:
    from claimdiff.policy import resolve_policy

    policy = resolve_policy(ROOT, fail_on="quote-cut")
    assert FindingKind.QUOTE_CUT not in policy.ignore
    assert not check(SOURCE, CUT, policy=policy).passed


def test_single_quoted_phrases_sourced_in_single_quotes_cost_no_pairing(monkeypatch: object) -> None:
    """3,000 phrases SOURCE quotes in single marks are passed before any pairing with every SOURCE quotation
    (which would be quadratic): the pairing runs for the one new phrase only."""
    import claimdiff.check_quotes as cq

    calls = []
    real = cq.most_resembling  # type: ignore[attr-defined]

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cq, "most_resembling", counting)  # type: ignore[attr-defined]
    text = " ".join(f"'a{i} b' " for i in range(3000))
    check(text, text + " 'zz yy'")
    assert len(calls) == 1


def test_cli_reports_cuts_with_ignore_none(tmp_path: Path) -> None:
    src, der = tmp_path / "s.txt", tmp_path / "d.txt"
    src.write_text(SOURCE, encoding="utf-8")
    der.write_text(CUT, encoding="utf-8")
    runner = CliRunner()
    quiet = runner.invoke(app, ["check", str(src), str(der), "--format", "json"])
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["findings"] == []
    loud = runner.invoke(app, ["check", str(src), str(der), "--format", "json", "--ignore", "none"])
    doc = json.loads(loud.stdout)
    assert loud.exit_code == 0 and [f["kind"] for f in doc["findings"]] == ["quote-cut"]
    assert doc["policy"]["ignore"] == []
    failing = runner.invoke(app, ["check", str(src), str(der), "--ignore", "none", "--fail-on", "quote-cut"])
    assert failing.exit_code == 1


def test_labelled_quotation_set_keeps_its_figures() -> None:
    """benchmarks/quoteeval.py on the dev set (96 cases over 12 conventions), as a regression guard."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import quoteeval
    finally:
        sys.path.pop(0)
    result = quoteeval.evaluate(quoteeval.load(quoteeval.DEV))
    found = result["quotations"]
    assert found["precision"] >= 0.98 and found["recall"] >= 0.95, result["errors"]
    assert result["quote_altered"]["precision"] >= 0.98
    assert result["spans"]["quotations_exact"] >= 0.98, result["span_errors"]
