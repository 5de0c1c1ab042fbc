"""The command line through typer's CliRunner (exit codes, streams, bad input, rendering safety),
plus one real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdiff.cli import app

ESC = "\x1b"


def invoke(runner: CliRunner, args: list[str], **kw: object) -> tuple[int, str, str]:
    result = runner.invoke(app, args, **kw)  # type: ignore[arg-type]
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_compare_samples_table(runner: CliRunner, axios: Path, secondary: Path) -> None:
    code, out, err = invoke(runner, ["compare", str(axios), str(secondary)])
    assert code == 0, err
    assert err == ""
    assert f"A: {axios}" in out and f"B: {secondary}" in out
    for word in ("shared", "paraphrased", "only A", "only B", "boilerplate"):
        assert word in out
    assert ESC not in out  # not a terminal: no colour codes


def test_compare_samples_json_is_the_library_result(runner: CliRunner, axios: Path, secondary: Path) -> None:
    import claimdiff

    code, out, _ = invoke(runner, ["compare", str(axios), str(secondary), "--format", "json"])
    assert code == 0
    doc = json.loads(out)
    expected = claimdiff.compare(
        axios.read_text(encoding="utf-8"), secondary.read_text(encoding="utf-8"), names=(str(axios), str(secondary))
    ).to_dict()
    assert doc == json.loads(json.dumps(expected))


def test_long_paths_are_printed_whole_above_the_table(runner: CliRunner, tmp_path: Path, axios: Path) -> None:
    deep = tmp_path.joinpath(*(["a-rather-long-directory-name"] * 6))
    deep.mkdir(parents=True)
    a, b = deep / "first report.txt", deep / "second\nreport.txt"
    a.write_bytes(axios.read_bytes())
    b.write_bytes(axios.read_bytes())
    assert len(str(b)) > 100  # wider than the pinned terminal
    code, out, _ = invoke(runner, ["compare", str(a), str(b)])
    assert code == 0
    heading = "".join(out.split("\n A ", 1)[0].split())  # wrapped at the width, never cut
    assert heading == "".join(f"A: {a}B: {b}".replace("\n", "\\n").split())


def test_stdin_stands_for_one_side(runner: CliRunner, axios: Path, secondary: Path) -> None:
    code, out, _ = invoke(
        runner, ["compare", str(axios), "-", "-f", "json"], input=secondary.read_text(encoding="utf-8")
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["sources"][1]["name"] == "-"
    assert doc["summary"]["shared"] > 0


def test_stdin_for_both_sides_is_a_usage_error(runner: CliRunner) -> None:
    code, out, err = invoke(runner, ["compare", "-", "-"], input="A claim.")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "standard input" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("dir", "is a directory"),
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"caf\x81\x8d", "cannot decode"),
    ],
    ids=["missing", "directory", "empty", "binary", "undecodable"],
)
def test_bad_input_is_one_line_on_stderr_with_status_2(
    runner: CliRunner, tmp_path: Path, axios: Path, content: bytes | str | None, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    if content == "dir":
        bad.mkdir()
    elif isinstance(content, bytes):
        bad.write_bytes(content)
    code, out, err = invoke(runner, ["compare", str(axios), str(bad)])
    assert code == 2
    assert out == ""
    assert err.startswith("claimdiff: error: ") and err.count("\n") == 1
    assert message in err and "Traceback" not in err


def test_markup_and_escapes_in_input_are_shown_as_text(runner: CliRunner, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The [bold]minister[/bold] resigned on Monday. A \x1b[31mred\x1b[0m herring appeared.\n")
    b.write_text("The [bold]minister[/bold] resigned on Monday.\n")
    code, out, _ = invoke(runner, ["compare", str(a), str(b), "--color", "always"])
    assert code == 0
    assert "[bold]minister[/bold]" in out
    assert "\\x1b[31mred" in out  # the escape is made visible ...
    assert "\x1b[31mred" not in out  # ... never passed through


@pytest.mark.parametrize(
    ("color", "env", "coloured"),
    [
        ("auto", {}, False),
        ("always", {}, True),
        ("always", {"NO_COLOR": "1"}, True),
        ("never", {}, False),
    ],
)
def test_colour_policy(
    runner: CliRunner, axios: Path, secondary: Path, color: str, env: dict[str, str], coloured: bool
) -> None:
    code, out, _ = invoke(runner, ["compare", str(axios), str(secondary), "--color", color], env=env)
    assert code == 0
    assert (ESC in out) is coloured


def test_no_color_environment_under_a_forced_terminal(runner: CliRunner, axios: Path, secondary: Path) -> None:
    # auto colour with NO_COLOR set: rich drops colours even when told stdout is a terminal
    code, out, _ = invoke(
        runner,
        ["compare", str(axios), str(secondary)],
        env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"},
    )
    assert code == 0
    assert "\x1b[3" not in out  # no foreground colour codes


@pytest.mark.parametrize("width", [80, 160])
def test_table_fits_the_width(runner: CliRunner, axios: Path, secondary: Path, width: int) -> None:
    code, out, _ = invoke(runner, ["compare", str(axios), str(secondary), "--width", str(width)])
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    # side by side: a shared quote appears on the left and right of the same row
    row = next(line for line in lines if "The president suggested" in line)
    assert row.count("The president suggested") == 2


def test_version_and_help(runner: CliRunner) -> None:
    import claimdiff

    code, out, _ = invoke(runner, ["--version"])
    assert code == 0 and out.strip() == f"claimdiff {claimdiff.__version__}"
    code, out, _ = invoke(runner, ["compare", "--help"])
    assert code == 0 and "--format" in out


def test_every_option_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help and param.help.strip().endswith((".", ")")), (name, param.name)


def test_usage_error_has_status_2(runner: CliRunner, axios: Path) -> None:
    code, out, _err = invoke(runner, ["compare", str(axios), str(axios), "--format", "xml"])
    assert code == 2 and out == ""


def test_real_subprocess_usage_error_is_one_line(axios: Path, secondary: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimdiff", "compare", str(axios), str(secondary), "--format", "xml"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("claimdiff: error: ")
    proc = subprocess.run(
        [sys.executable, "-m", "claimdiff", "compare", str(axios), str(secondary), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and json.loads(proc.stdout)["schema"] == "claimdiff/compare/2"


def test_cli_defaults_are_the_library_defaults() -> None:
    import typer.main

    from claimdiff.compare import Options

    command = typer.main.get_command(app).commands["compare"]  # type: ignore[attr-defined]
    defaults = {p.name: p.default for p in command.params}
    for name in ("threshold", "shared_threshold", "merge_threshold", "exhaustive", "boilerplate"):
        assert defaults[name] == getattr(Options(), name), name


def test_bare_command_shows_help_without_an_error_line() -> None:
    proc = subprocess.run([sys.executable, "-m", "claimdiff"], capture_output=True, text=True, timeout=120)
    assert "compare" in proc.stdout and "check" in proc.stdout
    assert "error" not in proc.stderr
