"""Issue 14 (hardening): resource bounds and clean failures of the command line and the library, one test
per item, named after it. Real subprocesses where the behaviour is the process's (exit status, signals,
output that cannot be written)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimdiff
from claimdiff.cli import app

from .conftest import ROOT, SAMPLES

AXIOS, SECONDARY = str(SAMPLES / "axios.txt"), str(SAMPLES / "secondary.txt")


def claimdiff_process(*args: str, **kw: object) -> list[str]:
    return [sys.executable, "-m", "claimdiff", *args]


@pytest.mark.parametrize("command", ["compare", "check"])
@pytest.mark.parametrize("width", ["1000000000", "1001", "39", "-5"])
def test_item2_width_is_bounded(command: str, width: str) -> None:
    result = CliRunner().invoke(app, [command, AXIOS, SECONDARY, "--width", width])
    assert result.exit_code == 2
    assert "--width" in result.stderr and "40<=x<=1000" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("width", ["40", "1000"])
def test_item2_width_bounds_are_accepted(width: str) -> None:
    result = CliRunner().invoke(app, ["compare", AXIOS, SECONDARY, "--width", width])
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args",
    [
        ["compare", AXIOS, SECONDARY],
        ["compare", AXIOS, SECONDARY, "--format", "json"],
        ["check", AXIOS, SECONDARY],
        ["check", AXIOS, SECONDARY, "--format", "github"],
        ["--version"],
        ["--help"],
        ["compare", "--help"],
    ],
)
def test_item5_output_that_cannot_be_written_is_one_line_and_status_2(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(claimdiff_process(*args), stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "cannot write the output" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_item5_a_reader_that_leaves_is_not_an_error() -> None:
    big = "The storm hit the coast today and many homes lost power.\n" * 3000
    proc = subprocess.Popen(
        claimdiff_process("compare", "-", AXIOS, "--format", "json"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(big.encode())
    proc.stdin.close()
    proc.stdout.read(10)  # like `| head -c 10`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert err == ""


def test_item7_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    # long enough to be interrupted while it works: exhaustive scoring of two generated reports
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synth import pair

    docs = pair(3000, seed=7)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(docs.a, encoding="utf-8")
    b.write_text(docs.b, encoding="utf-8")
    proc = subprocess.Popen(
        claimdiff_process("compare", str(a), str(b), "--exhaustive", "--format", "json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert out == ""


@pytest.mark.parametrize(
    ("a", "b", "error", "words"),
    [
        (None, "x", TypeError, "a must be a str"),
        ("x", b"bytes", TypeError, "b must be a str"),
        (Path("a.txt"), "x", TypeError, "read the file"),
        ("x", 3, TypeError, "b must be a str"),
    ],
)
def test_item6_compare_checks_its_arguments(a: object, b: object, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        claimdiff.compare(a, b)  # type: ignore[arg-type]


def test_item6_other_entry_points_check_their_arguments() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        claimdiff.segment(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        claimdiff.similarity("x", b"y")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        claimdiff.check("x", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="names"):
        claimdiff.compare("x", "y", names="ab")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="progress"):
        claimdiff.compare("x", "y", progress=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="options"):
        claimdiff.compare("x", "y", options={"threshold": 40})  # type: ignore[arg-type]


@pytest.mark.parametrize("command", ["compare", "check"])
def test_item11_help_names_every_option_whole_at_80_columns(command: str) -> None:
    import typer.main

    proc = subprocess.run(
        claimdiff_process(command, "--help"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "80", "TERM": "dumb"},
    )
    assert proc.returncode == 0
    assert "…" not in proc.stdout
    assert max(len(line) for line in proc.stdout.splitlines()) <= 80
    params = typer.main.get_command(app).commands[command].params  # type: ignore[attr-defined]
    for param in params:
        for opt in param.opts:
            if opt.startswith("-"):
                assert opt in proc.stdout, opt


def test_item9_crlf_line_ends_do_not_leak(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b'The minister said: "We will win\r\nthe vote by a wide margin."\r\nTurnout rose.\r\n')
    b.write_bytes(b'The minister said: "We will lose\r\nthe vote by a wide margin."\r\nTurnout rose.\r\n')
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"})
    for args in (["check", str(a), str(b)], ["compare", str(a), str(b)]):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.stderr
        assert "\\x0d" not in result.stdout and "\r" not in result.stdout
        assert "margin" in result.stdout
        if args[0] == "check":  # a quotation over a CRLF line break reads as over an LF one
            assert "\u201cwin\u201d became \u201close\u201d" in result.stdout


def test_item10_changed_words_are_bracketed_without_colour(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council approved the budget on Tuesday after a long debate.\n", encoding="utf-8")
    b.write_text("The council passed the budget on Tuesday after a long debate.\n", encoding="utf-8")
    plain = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"}).invoke(app, ["compare", str(a), str(b)])
    assert "[-approved-]" in plain.stdout and "{+passed+}" in plain.stdout
    assert "[-in A-] {+in B+}" in plain.stdout  # the legend says so
    coloured = CliRunner(env={"COLUMNS": "100"}).invoke(app, ["compare", str(a), str(b), "--color", "always"])
    assert "[-approved-]" not in coloured.stdout and "\x1b[7m" in coloured.stdout  # reverse video instead


def test_item11_a_piped_table_is_80_columns_wide(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    proc = subprocess.run(
        claimdiff_process("compare", AXIOS, SECONDARY), capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert proc.returncode == 0
    assert max(len(line) for line in proc.stdout.splitlines()) == 80


def test_item13_a_skip_fails_in_ci_and_says_why_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("from tests.conftest import pytest_runtest_makereport  # noqa: F401\n")
    (tmp_path / "test_x.py").write_text("import pytest\n\ndef test_x():\n    pytest.skip('../shared is absent')\n")
    base = {k: v for k, v in os.environ.items() if k != "CI"}
    base["PYTHONPATH"] = str(ROOT)
    argv = [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(tmp_path)]
    here = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, env=base)
    assert here.returncode == 0 and "../shared is absent" in here.stdout
    ci = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, env={**base, "CI": "true"})
    assert ci.returncode != 0 and "skipped in CI" in ci.stdout


def test_item13_docs_transcripts_are_generated_and_current() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "readme.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    for doc in (ROOT / "docs").glob("*.md"):
        text = doc.read_text(encoding="utf-8")
        assert "pip install claimdiff" not in text, doc  # not published: install from a clone
    assert "<!-- run:" in (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    assert "<!-- run:" in (ROOT / "docs" / "check.md").read_text(encoding="utf-8")


# --- from the review of this change -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["The store opens at 13 pm.", "It closed at 0 am.", "At 14:00 pm.", "At 00:15 a.m."])
def test_an_impossible_clock_time_is_read_as_numbers_not_a_crash(text: str) -> None:
    from claimdiff.figures import figures

    assert all(f.kind != "time" for f in figures(text))
    report = claimdiff.check(text, text.replace("1", "2"))
    assert report is not None


def test_a_time_without_am_or_pm_is_either() -> None:
    report = claimdiff.check("The vote was held at 9:30 p.m. on Tuesday.", "The vote was held at 9:30 on Tuesday.")
    assert report.passed
    report = claimdiff.check("The vote was held at 9:30 p.m. on Tuesday.", "The vote was held at 10:30 on Tuesday.")
    assert not report.passed


def test_reported_speech_after_a_title_is_a_claim_not_an_attribution() -> None:
    a = "The aide, speaking on condition of anonymity, said the governor would resign soon."
    b = "The aide, speaking on condition of anonymity, said the governor would stay on."
    assert claimdiff.similarity(a, b) < 100.0
    assert (
        claimdiff.similarity("Rates will stay high, said Federal Reserve Chair Jerome Powell.", "Rates will stay high.")
        == 100.0
    )


def test_columns_is_bounded_like_width(tmp_path: Path) -> None:
    result = CliRunner(env={"COLUMNS": "2000000"}).invoke(app, ["compare", AXIOS, SECONDARY])
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000


def test_undecodable_bytes_of_a_file_name_never_reach_the_output(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/x\x9b31m.txt"
    with open(raw, "wb") as f:
        f.write(Path(AXIOS).read_bytes())
    name = os.fsdecode(raw)  # as argv gives it: the byte 0x9b as the lone surrogate U+DC9B
    for args in (
        ["compare", name, SECONDARY],
        ["compare", name, SECONDARY, "--format", "json"],
        ["check", name, SECONDARY],
    ):
        result = CliRunner(env={"COLUMNS": "100"}).invoke(app, args)
        assert result.exit_code in (0, 1)
        assert "\udc9b" not in result.stdout and "\\udc9b" in result.stdout


def test_a_deleted_working_directory_is_no_error(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (
        f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
        f"sys.argv = ['claimdiff', 'compare', {AXIOS!r}, {SECONDARY!r}, '--format', 'json']; "
        "from claimdiff.cli import run; run()"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert '"schema": "claimdiff/compare/2"' in proc.stdout
