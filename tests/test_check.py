"""``claimdiff check``: the library API, table-driven cases, the policy file, output formats and exit
codes (through typer's CliRunner)."""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from typer.testing import CliRunner

from claimdiff.check import CHECK_SCHEMA, CheckReport, Severity, check
from claimdiff.cli import app
from claimdiff.policy import FindingKind, Policy, PolicyError, load_policy, parse_coverage, parse_kinds
from claimdiff.quotediff import most_resembling, resemblance
from claimdiff.render.github import escape_data, escape_property, render_github

CASES = Path(__file__).parent / "cases" / "check"
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "claimdiff" / "schemas" / "check-2.schema.json").read_text(encoding="utf-8")
)
ESC = "\x1b"


def invoke(runner: CliRunner, args: list[str], **kw: Any) -> tuple[int, str, str]:
    result = runner.invoke(app, args, **kw)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _smart_quotes(text: str) -> str:
    text = re.sub(r'(^|[\s(\[\u2014])"', lambda m: m.group(1) + "\u201c", text, flags=re.M)
    return text.replace('"', "\u201d").replace("'", "\u2019")


def _rewrap(text: str) -> str:
    """Bullets become dashes and every paragraph is hard-wrapped at 60 columns."""
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("\u2022"):
            s = "- " + s[1:].strip()
        out.append(textwrap.fill(s, 60, subsequent_indent="  " if s.startswith("- ") else "") if s else "")
    return "\n".join(out)


@pytest.fixture
def pair(tmp_path: Path) -> Any:
    def write(source: str, derived: str) -> tuple[str, str]:
        a, b = tmp_path / "source.txt", tmp_path / "derived.txt"
        a.write_text(source, encoding="utf-8")
        b.write_text(derived, encoding="utf-8")
        return str(a), str(b)

    return write


# --- acceptance ------------------------------------------------------------------------------------


def test_typography_only_rewrite_passes(runner: CliRunner, axios: Path, pair: Any) -> None:
    text = axios.read_text(encoding="utf-8")
    variant = _rewrap(_smart_quotes(text))
    assert variant != text and "\u201c" in variant and "\u2022" not in variant
    a, b = pair(text, variant)
    code, out, err = invoke(runner, ["check", a, b])
    assert code == 0, out + err
    assert "PASSED" in out
    assert check(variant, text).passed  # and the other way round


def test_one_word_changed_in_a_quotation_fails_naming_both_lines(runner: CliRunner, axios: Path, pair: Any) -> None:
    text = axios.read_text(encoding="utf-8")
    changed = text.replace("the Christmas gift didn't come", "the Christmas present didn't come")
    a, b = pair(text, changed)
    code, out, _ = invoke(runner, ["check", a, b])
    assert code == 1
    line = text[: text.index("the Christmas gift didn't come")].count("\n") + 1
    assert "quote-altered" in out
    assert f"{a}:{line}" in out and f"{b}:{line}" in out
    assert "\u201cgift\u201d became \u201cpresent\u201d" in out


def test_written_number_changed_fails_with_number_mismatch(runner: CliRunner, axios: Path, pair: Any) -> None:
    text = axios.read_text(encoding="utf-8")
    a, b = pair(text, text.replace("In four months in office", "In five months in office"))
    code, out, _ = invoke(runner, ["check", a, b, "--format", "json"])
    assert code == 1
    doc = json.loads(out)
    assert [f["kind"] for f in doc["findings"]] == ["number-mismatch"]
    finding = doc["findings"][0]
    assert [h["text"] for h in finding["source"]["highlights"]] == ["four months"]
    assert [h["text"] for h in finding["derived"]["highlights"]] == ["five months"]


def test_samples_fail_with_narration_quoted_as_speech(runner: CliRunner, axios: Path, secondary: Path) -> None:
    code, out, err = invoke(runner, ["check", str(axios), str(secondary)])
    assert code == 1 and err == ""
    assert "quote-unsourced" in out
    assert "talk about a range of national security challenges" in out
    assert "appear in SOURCE (line 11) but not as a quotation" in out
    assert f"{secondary}:2" in out and f"{axios}:11" in out
    assert ESC not in out


def test_samples_library_findings(axios: Path, secondary: Path) -> None:
    source, derived = axios.read_text(encoding="utf-8"), secondary.read_text(encoding="utf-8")
    report = check(source, derived, names=(str(axios), str(secondary)))
    unsourced = [f for f in report.findings if f.kind is FindingKind.QUOTE_UNSOURCED]
    narration = [f for f in unsourced if "but not as a quotation" in f.message]
    assert len(narration) == 1
    f = narration[0]
    assert f.severity is Severity.ERROR
    assert f.derived is not None and f.source is not None
    assert f.derived.text == "\u201ctalk about a range of national security challenges\u201d"
    assert source[f.source.start : f.source.end] == "talk about a range of national security challenges"
    # "rhetorical policy": two words found nowhere in Axios -> a warning, by the short-quotation rule
    rhetorical = [f for f in unsourced if f.derived is not None and "rhetorical policy" in f.derived.text]
    assert [x.severity for x in rhetorical] == [Severity.WARNING]
    # quotations the rewrite took over faithfully (curly quotes, a comma added) are not findings
    assert not [f for f in report.findings if f.kind is FindingKind.QUOTE_ALTERED]
    assert not report.passed


# --- table-driven cases ----------------------------------------------------------------------------


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}"))
    return out


def _policy(fields: dict[str, Any]) -> Policy:
    fields = dict(fields)
    if "fail_on" in fields:
        fields["fail_on"] = parse_kinds(fields["fail_on"])
    return Policy(**fields)


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    report = check(case["source"], case["derived"], policy=_policy(case.get("policy", {})))
    got = [[f.kind.value, f.severity.value] for f in report.findings]
    assert got == case["findings"], [f.message for f in report.findings]
    assert report.passed is case["passed"]
    for i, expected in enumerate(case.get("messages", [])):
        assert expected in report.findings[min(i, len(report.findings) - 1)].message
    _assert_offsets(report, case["source"], case["derived"])
    jsonschema.validate(json.loads(json.dumps(report.to_dict())), SCHEMA)


def _assert_offsets(report: CheckReport, source: str, derived: str) -> None:
    for f in report.findings:
        for loc, text in ((f.source, source), (f.derived, derived)):
            if loc is None:
                continue
            assert text[loc.start : loc.end] == loc.text
            assert loc.line == text[: loc.start].count("\n") + 1
            assert all(loc.start <= s < e <= loc.end for s, e in loc.highlights)


# --- library API -----------------------------------------------------------------------------------


def test_report_is_frozen_and_serialisable() -> None:
    report = check('She said: "We will win."', 'She said: "We will lose."', names=("a.txt", "b.txt"))
    with pytest.raises(FrozenInstanceError):
        report.findings = ()  # type: ignore[misc]
    doc = report.to_dict()
    assert doc["schema"] == CHECK_SCHEMA and doc["passed"] is False
    assert doc["source"]["name"] == "a.txt" and doc["derived"]["name"] == "b.txt"
    assert doc["summary"]["by_kind"]["quote-altered"] == 1
    jsonschema.validate(doc, SCHEMA)


def test_exports() -> None:
    import claimdiff

    assert claimdiff.check is check
    assert claimdiff.Policy is Policy and claimdiff.CheckReport is CheckReport


def test_claim_dropped_only_with_a_coverage_policy(axios: Path, secondary: Path) -> None:
    source, derived = axios.read_text(encoding="utf-8"), secondary.read_text(encoding="utf-8")
    plain = check(source, derived)
    assert not [f for f in plain.findings if f.kind is FindingKind.CLAIM_DROPPED]

    strict = check(source, derived, policy=Policy(min_coverage=0.9))
    dropped = [f for f in strict.findings if f.kind is FindingKind.CLAIM_DROPPED]
    total = [f for f in dropped if f.source is None]
    assert len(total) == 1 and total[0].severity is Severity.ERROR
    assert "below the minimum of 90%" in total[0].message
    singles = [f for f in dropped if f.source is not None]
    assert singles and all(f.severity is Severity.WARNING for f in singles)
    assert len(singles) == strict.comparison.summary.unique_a

    lenient = check(source, derived, policy=Policy(min_coverage=0.1, fail_on=frozenset({FindingKind.CLAIM_DROPPED})))
    assert lenient.passed
    assert all(f.severity is Severity.WARNING for f in lenient.findings)


def test_claim_dropped_on_a_small_pair() -> None:
    source = "The bridge will close on Monday. Repairs will take two weeks. Buses will replace the trains."
    derived = "The bridge will close on Monday. Buses will replace the trains."
    report = check(source, derived, policy=Policy(min_coverage=1.0))
    kinds = [(f.kind.value, f.severity.value, f.source.text if f.source else None) for f in report.findings]
    assert kinds == [
        ("claim-dropped", "error", None),
        ("claim-dropped", "warning", "Repairs will take two weeks."),
    ]


# --- policy ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("80%", 0.8), ("0.8", 0.8), (0.8, 0.8), (80, 0.8), ("100 %", 1.0), (1, 1.0), (0, 0.0)],
)
def test_parse_coverage(value: object, expected: float) -> None:
    assert parse_coverage(value) == pytest.approx(expected)


@pytest.mark.parametrize("value", ["eighty", "120%", 101, -0.1, True, None, "nan"])
def test_parse_coverage_rejects(value: object) -> None:
    with pytest.raises(PolicyError):
        parse_coverage(value)


def test_parse_kinds() -> None:
    assert parse_kinds("all") == frozenset(FindingKind)
    assert parse_kinds("none") == frozenset() == parse_kinds("")
    assert parse_kinds(["quote-altered"]) == {FindingKind.QUOTE_ALTERED}
    with pytest.raises(PolicyError, match="unknown finding kind 'typo'"):
        parse_kinds("quote-altered,typo")


def _write_pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_policy_file_is_found_upward_and_options_win(
    runner: CliRunner, axios: Path, secondary: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_pyproject(
        tmp_path,
        """
        [tool.claimdiff.check]
        fail-on = ["quote-altered", "number-mismatch"]
        quote-threshold = 65
        """,
    )
    inner = tmp_path / "reports" / "2020"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    code, out, _ = invoke(runner, ["check", str(axios), str(secondary), "-f", "json"])
    assert code == 0  # unsourced quotations are warnings under this policy
    doc = json.loads(out)
    assert doc["policy"]["fail_on"] == ["number-mismatch", "quote-altered"]
    assert doc["policy"]["quote_threshold"] == 65
    assert doc["policy"]["origin"] == str(tmp_path / "pyproject.toml")
    assert {f["severity"] for f in doc["findings"]} == {"warning"}

    code, out, _ = invoke(runner, ["check", str(axios), str(secondary), "-f", "json", "--fail-on", "quote-unsourced"])
    assert code == 1
    assert json.loads(out)["policy"]["fail_on"] == ["quote-unsourced"]


def test_policy_file_min_coverage_and_format(
    runner: CliRunner, axios: Path, secondary: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_pyproject(
        tmp_path,
        """
        [tool.claimdiff.check]
        fail_on = "claim-dropped"
        min_coverage = "90%"
        format = "github"
        """,
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke(runner, ["check", str(axios), str(secondary)])
    assert code == 1
    errors = [ln for ln in out.splitlines() if ln.startswith("::error ")]
    assert len(errors) == 1 and "title=claimdiff claim-dropped::" in errors[0]
    code, out, _ = invoke(runner, ["check", str(axios), str(secondary), "--min-coverage", "0.3"])
    assert code == 0
    assert "::error" not in out and "::warning" in out


def test_pyproject_without_table_gives_defaults(tmp_path: Path) -> None:
    path = _write_pyproject(tmp_path, '[project]\nname = "x"\n')
    assert load_policy(path) == Policy()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[tool.claimdiff.check]\nmin-coverage = 3000\n", "min-coverage"),
        ("[tool.claimdiff.check]\nmin-coverage = true\n", "min-coverage"),
        ('[tool.claimdiff.check]\nfail-on = ["quote-altred"]\n', "unknown finding kind 'quote-altred'"),
        ("[tool.claimdiff.check]\nfail-on = 3\n", "fail-on"),
        ("[tool.claimdiff.check]\nquote-threshold = 0\n", "quote-threshold"),
        ('[tool.claimdiff.check]\nquote-threshold = "high"\n', "quote-threshold must be a number"),
        ("[tool.claimdiff.check]\nshort-quote-words = 2.5\n", "short-quote-words must be a whole number"),
        ('[tool.claimdiff.check]\nformat = "xml"\n', "format"),
        ("[tool.claimdiff.check]\nfail-onn = []\n", "unknown key 'fail-onn'"),
        ("[tool.claimdiff]\ncheck = 1\n", "must be a table"),
        ("[tool.claimdiff.check\n", "invalid TOML"),
    ],
)
def test_bad_policy_file_is_a_usage_error(
    runner: CliRunner,
    axios: Path,
    secondary: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    message: str,
) -> None:
    _write_pyproject(tmp_path, body)
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke(runner, ["check", str(axios), str(secondary)])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("claimdiff: error: ")
    assert message in err and "pyproject.toml" in err
    assert "Traceback" not in err


def test_explicit_config_file(runner: CliRunner, axios: Path, secondary: Path, tmp_path: Path) -> None:
    config = tmp_path / "claimdiff.toml"
    config.write_text('[tool.claimdiff.check]\nfail-on = "none"\n', encoding="utf-8")
    code, _, _ = invoke(runner, ["check", str(axios), str(secondary), "--config", str(config)])
    assert code == 0
    code, _, err = invoke(runner, ["check", str(axios), str(secondary), "--config", str(tmp_path / "missing.toml")])
    assert code == 2 and "no such file" in err


# --- output formats --------------------------------------------------------------------------------


def test_json_format_is_schema_valid(runner: CliRunner, axios: Path, secondary: Path) -> None:
    code, out, _ = invoke(runner, ["check", str(axios), str(secondary), "--format", "json", "--min-coverage", "50%"])
    assert code == 1
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    assert doc["schema"] == "claimdiff/check/2" and doc["passed"] is False
    assert doc["summary"]["errors"] == sum(1 for f in doc["findings"] if f["severity"] == "error")
    source, derived = axios.read_text(encoding="utf-8"), secondary.read_text(encoding="utf-8")
    for f in doc["findings"]:
        for side, text in (("source", source), ("derived", derived)):
            if f[side] is not None:
                assert text[f[side]["start"] : f[side]["end"]] == f[side]["text"]


def test_json_schema_rejects_a_broken_document(axios: Path, secondary: Path) -> None:
    doc = check(axios.read_text(encoding="utf-8"), secondary.read_text(encoding="utf-8")).to_dict()
    doc["findings"][0]["kind"] = "quote-changed"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_github_format(runner: CliRunner, axios: Path, secondary: Path) -> None:
    code, out, _ = invoke(runner, ["check", str(axios), str(secondary), "--format", "github"])
    assert code == 1
    lines = out.splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert any(
        ln.startswith(f"::error file={secondary},line=2,")
        and "title=claimdiff quote-unsourced::" in ln
        and "but not as a quotation" in ln
        for ln in commands
    )
    assert any(ln.startswith("::warning ") and "rhetorical policy" not in ln.split("::")[1] for ln in commands)
    assert lines[-1].startswith("claimdiff check failed")


def test_github_escaping() -> None:
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    source = "Prices rose 5% in May across the region, the agency said."
    derived = "Prices rose 7% in May across the region, the agency said."
    report = check(source, derived, names=("a%,b.txt", "dst:\n2.txt"))
    out = render_github(report)
    lines = out.splitlines()
    assert len(lines) == len(report.findings) + 1 == 2
    assert lines[0].startswith("::error file=dst%3A%0A2.txt,line=1,endLine=1,col=1,")
    assert "title=claimdiff number-mismatch::" in lines[0]
    assert "\u20185%25\u2019" in lines[0] and "\u20187%25\u2019" in lines[0]
    assert "[SOURCE a%25,b.txt:1: Prices rose 5%25 in May" in lines[0]


def test_text_format_does_not_interpret_markup_or_control_characters(runner: CliRunner, pair: Any) -> None:
    source = 'She said: "We will [bold]win[/bold] the vote."'
    derived = 'She said: "We will [bold]lose[/bold] the vote \x1b[31m."'
    a, b = pair(source, derived)
    code, out, _ = invoke(runner, ["check", a, b, "--color", "always"])
    assert code == 1
    assert "[bold]" in out  # shown literally, not as style
    assert "\\x1b[31m" in out  # made visible
    assert "\x1b[31m." not in out


def test_text_format_no_findings(runner: CliRunner, pair: Any) -> None:
    a, b = pair("The bridge will close on Monday.", "The bridge will close on Monday.")
    code, out, err = invoke(runner, ["check", a, b])
    assert (code, err) == (0, "")
    assert "No findings." in out and "PASSED" in out


# --- exit codes ------------------------------------------------------------------------------------


def test_exit_codes(runner: CliRunner, axios: Path, secondary: Path, tmp_path: Path) -> None:
    assert invoke(runner, ["check", str(axios), str(axios)])[0] == 0
    assert invoke(runner, ["check", str(axios), str(secondary)])[0] == 1
    assert invoke(runner, ["check", str(axios), str(secondary), "--fail-on", "none"])[0] == 0
    for args, message in (
        ([str(axios), str(tmp_path / "nope.txt")], "no such file"),
        ([str(axios), str(secondary), "--fail-on", "quote-alterd"], "unknown finding kind"),
        ([str(axios), str(secondary), "--min-coverage", "lots"], "min-coverage"),
        ([str(axios), str(secondary), "--format", "xml"], "--format"),
        ([str(axios), str(tmp_path)], "is a directory"),
    ):
        code, out, err = invoke(runner, ["check", *args])
        assert code == 2, (args, out, err)
        assert message in err and err.count("\n") == 1 and out == ""


def test_stdin_for_derived(runner: CliRunner, axios: Path, secondary: Path) -> None:
    code, out, _ = invoke(
        runner, ["check", str(axios), "-", "-f", "github"], input=secondary.read_text(encoding="utf-8")
    )
    assert code == 1
    assert "file=-" not in out and "::error line=" in out


def test_help_lists_options(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, ["check", "--help"])
    assert code == 0
    for option in ("--format", "--fail-on", "--min-coverage", "--quote-threshold", "--config"):
        assert option in out


# ---- the quotation pairing is exact, only faster --------------------------------------------------

CODES = st.text(alphabet="abcdefg", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(CODES, st.lists(CODES, min_size=1, max_size=12), st.sampled_from([40.0, 60.0, 90.0]))
def test_quote_pairing_agrees_with_scoring_every_quotation(derived: str, sources: list[str], cutoff: float) -> None:
    reference = process.extractOne(derived, sources, scorer=resemblance, processor=None, score_cutoff=cutoff)
    assert most_resembling(derived, sources, cutoff) == (None if reference is None else reference[2])


@pytest.mark.parametrize("case", _cases())
def test_case_through_the_command_line(case: dict[str, Any], tmp_path: Path) -> None:
    """Every table case again through ``claimdiff check`` with files: the same findings and exit status."""
    policy = dict(case.get("policy", {}))
    args = []
    if "fail_on" in policy:
        value = policy.pop("fail_on")
        args += ["--fail-on", ",".join(value) if isinstance(value, list) else value or "none"]
    for key, value in policy.items():
        args += [f"--{key.replace('_', '-')}", str(value)]
    source, derived = tmp_path / "source.txt", tmp_path / "derived.txt"
    source.write_text(case["source"], encoding="utf-8")
    derived.write_text(case["derived"], encoding="utf-8")
    code, out, _ = invoke(CliRunner(), ["check", str(source), str(derived), "--format", "json", *args])
    doc = json.loads(out)
    assert [[f["kind"], f["severity"]] for f in doc["findings"]] == case["findings"]
    assert code == (0 if case["passed"] else 1)
