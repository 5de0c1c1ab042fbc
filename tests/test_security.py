"""Issue 14: hostile input text and file names through the public interfaces (docs/security.md).

Item 1: ``check --format github`` escapes workflow-command data and properties and makes every other control
character inert; the text report of ``check`` and the ``compare`` table show file names on one line and
control characters escaped. Item 3: ``--format json`` writes DEL, C1, bidi controls and U+2028/U+2029 as
``\\uXXXX`` while the decoded data stays the same.

Every case goes through ``claimdiff.cli.app`` with files on disk. What counts as hostile is defined here,
independently of ``claimdiff.render.controls``.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimdiff.cli import app
from claimdiff.segment import MAX_UNIT_CHARS

BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SEPARATORS = frozenset("\u2028\u2029")

# Each is embedded in both reports (NUL is refused as binary by the input reader, so it is not here).
HOSTILE_TEXT = [
    pytest.param("\x1b]0;pwned\x07", id="osc-title"),
    pytest.param("\x1b[31m", id="sgr"),
    pytest.param("\x1b[2J\x1b[H", id="clear-screen"),
    pytest.param("\x07", id="bel"),
    pytest.param("\x08\x08\x08", id="backspace"),
    pytest.param("\x9b31m", id="c1-csi"),
    pytest.param("\x9d0;pwned\x9c", id="c1-osc"),
    pytest.param("\x85", id="c1-nel"),
    pytest.param("\x7f", id="del"),
    pytest.param("\u202e", id="rlo"),
    pytest.param("\u2066", id="lri"),
    pytest.param("\u200f\u061c", id="rlm-alm"),
    pytest.param("\r", id="cr"),
    pytest.param("\t", id="tab"),
    pytest.param("\u2028", id="line-separator"),
    pytest.param("%0A::error file=forged.txt::forged", id="command-in-text"),
]

# (file name, the `file` property as the runner decodes it, the name as the table and text report show it).
# Percent escapes decode back to CR and LF; the other controls arrive as visible text.
HOSTILE_NAMES = [
    pytest.param("a,b:c::d\nx.txt", "a,b:c::d\nx.txt", "a,b:c::d\\nx.txt", id="comma-colon-newline"),
    pytest.param("cr\rname.txt", "cr\rname.txt", "cr\\x0dname.txt", id="cr"),
    pytest.param(
        "::error file=x,line=1::f%0A.txt",
        "::error file=x,line=1::f%0A.txt",
        "::error file=x,line=1::f%0A.txt",
        id="command",
    ),
    pytest.param("\x1b]0;pwned\x07.txt", "\\x1b]0;pwned\\x07.txt", "\\x1b]0;pwned\\x07.txt", id="osc-title"),
    pytest.param("rlo\u202etxt.exe", "rlo\\u202etxt.exe", "rlo\\u202etxt.exe", id="rlo"),
    pytest.param("c1\x9b31m,x.txt", "c1\\x9b31m,x.txt", "c1\\x9b31m,x.txt", id="c1-csi"),
    pytest.param("tab\tname.txt", "tab\\tname.txt", "tab\\tname.txt", id="tab"),
]

PROPERTIES = {"file", "line", "endLine", "col", "endColumn", "title"}


def raw_controls(text: str, *, json_output: bool = False) -> set[str]:
    """The control, bidi (and, for JSON, line-separator) characters in ``text``, line feed aside."""
    found = set()
    for c in text:
        o = ord(c)
        if c == "\n":
            continue
        if o < 0x20 or 0x7F <= o <= 0x9F or c in BIDI or (json_output and c in SEPARATORS):
            found.add(c)
    return found


def reports(hostile: str) -> tuple[str, str]:
    """SOURCE and DERIVED with an altered quotation and a changed figure, ``hostile`` in each place."""
    source = (
        f'The minister said: "We will win the vote {hostile} by a wide margin." '
        f"Prices rose 5% in May{hostile} across the region, the agency said.\n"
        f"Café owners “welcomed” the news.\n"
    )
    derived = (
        f'The minister said: "We will lose the vote {hostile} by a wide margin." '
        f"Prices rose 7% in May across{hostile} the region, the agency said.\n"
        f"Café owners “welcomed” the news.\n"
    )
    return source, derived


def write(directory: Path, name: str, text: str) -> str:
    path = directory / name
    path.write_bytes(text.encode("utf-8"))  # exactly these characters: no newline translation
    return str(path)


def run(runner: CliRunner, args: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    return result.exit_code, result.stdout, result.stderr


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command as the runner does (actions/runner ActionCommand.TryParseV2)."""
    line = line.lstrip()
    assert line.startswith("::"), line
    end = line.index("::", 2)
    info, data = line[2:end], line[end + 2 :]
    name, _, rest = info.partition(" ")
    props: dict[str, str] = {}
    for item in rest.strip().split(","):
        if not item:
            continue
        key, sep, value = item.partition("=")
        assert sep and key not in props, (key, line)
        for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")):
            value = value.replace(code, char)
        props[key] = value.replace("%25", "%")
    for code, char in (("%0D", "\r"), ("%0A", "\n")):
        data = data.replace(code, char)
    return name, props, data.replace("%25", "%")


def check_github_output(out: str, findings: int) -> list[tuple[str, dict[str, str], str]]:
    """One line per finding, each a well-formed command with known properties, then the summary line."""
    assert out.endswith("\n") and "\r" not in out
    lines = out[:-1].split("\n")
    assert len(lines) == findings + 1, lines
    assert lines[-1].startswith("claimdiff check ")
    commands = [parse_command(ln) for ln in lines[:-1]]
    for name, props, _ in commands:
        assert name in ("error", "warning")
        assert set(props) <= PROPERTIES and "title" in props
    assert not lines[-1].lstrip().startswith(("::", "##["))
    return commands


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "100", "LINES": "50", "TERM": "dumb", "NO_COLOR": None, "FORCE_COLOR": None})


# --- item 1: check --format github ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "decoded", "shown"), HOSTILE_NAMES)
def test_item1_github_annotation_properties_escaped(
    runner: CliRunner, tmp_path: Path, name: str, decoded: str, shown: str
) -> None:
    source, derived = reports("")
    a = write(tmp_path, "src-" + name, source)
    b = write(tmp_path, name, derived)
    code, out, err = run(runner, ["check", a, b, "--format", "github"])
    assert code == 1 and err == ""
    findings = len(json.loads(run(runner, ["check", a, b, "--format", "json"])[1])["findings"])
    assert findings >= 2
    commands = check_github_output(out, findings)
    assert not raw_controls(out)
    for _, props, data in commands:
        assert props["file"] == str(tmp_path / decoded)  # the whole name, in one property
        assert props["line"].isdigit() and props["col"].isdigit()
        assert f"[SOURCE {tmp_path / ('src-' + decoded)}:" in data


@pytest.mark.parametrize("hostile", HOSTILE_TEXT)
def test_item1_github_message_controls_inert(runner: CliRunner, tmp_path: Path, hostile: str) -> None:
    source, derived = reports(hostile)
    a, b = write(tmp_path, "source.txt", source), write(tmp_path, "derived.txt", derived)
    code, out, err = run(runner, ["check", a, b, "--format", "github"])
    assert code == 1 and err == ""
    assert not raw_controls(out), sorted(raw_controls(out))
    findings = len(json.loads(run(runner, ["check", a, b, "--format", "json"])[1])["findings"])
    for _, props, _ in check_github_output(out, findings):
        assert props["file"] == b


# --- item 1, continued: the text report of check and the compare table ---------------------------------


@pytest.mark.parametrize("hostile", HOSTILE_TEXT)
def test_item1_table_and_text_report_show_controls(runner: CliRunner, tmp_path: Path, hostile: str) -> None:
    source, derived = reports(hostile)
    a, b = write(tmp_path, "source.txt", source), write(tmp_path, "derived.txt", derived)
    for args in (["compare", a, b], ["compare", a, b, "--hide-boilerplate"], ["check", a, b]):
        code, out, err = run(runner, args)
        assert code in (0, 1) and err == ""
        assert not raw_controls(out), (args, sorted(raw_controls(out)))
        assert "vote" in out and "margin" in out  # the text is there (words may wrap, markers may bracket)


@pytest.mark.parametrize(("name", "decoded", "shown"), HOSTILE_NAMES)
def test_item1_file_names_stay_on_their_line(
    runner: CliRunner, tmp_path: Path, name: str, decoded: str, shown: str
) -> None:
    source, derived = reports("")
    a = write(tmp_path, "src-" + name, source)
    b = write(tmp_path, name, derived)
    shown_a, shown_b = f"{tmp_path}/src-{shown}", f"{tmp_path}/{shown}"

    code, out, err = run(runner, ["compare", a, b, "--width", "400"])
    assert code == 0 and err == ""
    assert not raw_controls(out)
    lines = out.splitlines()
    assert lines[:2] == [f"A: {shown_a}", f"B: {shown_b}"]
    assert lines[2].split() == ["A", "status", "B"]

    code, out, err = run(runner, ["check", a, b, "--width", "400"])
    assert code == 1 and err == ""
    assert not raw_controls(out)
    lines = out.splitlines()
    assert lines[0] == f"claimdiff check  SOURCE {shown_a}  \u2192  DERIVED {shown_b}"
    places = [ln.strip() for ln in lines if ln.strip().startswith(("DERIVED /", "SOURCE /"))]
    assert len(places) >= 4
    for place in places:
        role, _, rest = place.partition(" ")
        path, _, number = rest.rpartition(":")
        assert path == (shown_b if role == "DERIVED" else shown_a) and number.isdigit(), place


# --- item 3: --format json -----------------------------------------------------------------------------


def _same_text(doc: dict[str, Any], texts: dict[str, str]) -> None:
    for src in doc["sources"]:
        text = texts[src["name"]]
        assert src["units"], src
        for unit in src["units"]:
            assert unit["text"] == text[unit["start"] : unit["end"]]


@pytest.mark.parametrize("hostile", HOSTILE_TEXT)
def test_item3_json_escapes_c1_and_bidi(runner: CliRunner, tmp_path: Path, hostile: str) -> None:
    source, derived = reports(hostile)
    a, b = write(tmp_path, "source\u202e.txt", source), write(tmp_path, "derived\x9b.txt", derived)
    code, out, err = run(runner, ["compare", a, b, "--format", "json"])
    assert code == 0 and err == ""
    assert not raw_controls(out, json_output=True), sorted(raw_controls(out, json_output=True))
    assert "Café owners “welcomed”" in out  # other non-ASCII text stays readable
    doc = json.loads(out)
    assert [s["name"] for s in doc["sources"]] == [a, b]
    _same_text(doc, {a: source, b: derived})
    if hostile.strip():  # (a CR, tab, NEL or separator alone may fall between units)
        assert any(hostile in u["text"] for s in doc["sources"] for u in s["units"])

    code, out, err = run(runner, ["check", a, b, "--format", "json"])
    assert code == 1 and err == ""
    assert not raw_controls(out, json_output=True)
    doc = json.loads(out)
    assert (doc["source"]["name"], doc["derived"]["name"]) == (a, b)
    for f in doc["findings"]:
        for side, text in (("source", source), ("derived", derived)):
            if f[side] is not None:
                assert f[side]["text"] == text[f[side]["start"] : f[side]["end"]]


def test_item3_json_is_otherwise_unchanged(runner: CliRunner, axios: Path, secondary: Path) -> None:
    """Without such characters the document is byte for byte what json.dumps writes."""
    code, out, _ = run(runner, ["compare", str(axios), str(secondary), "--format", "json"])
    assert code == 0
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


# --- error messages on stderr -----------------------------------------------------------------------


def test_error_message_names_a_hostile_file_safely(runner: CliRunner, tmp_path: Path) -> None:
    a = write(tmp_path, "source.txt", reports("")[0])
    code, _, err = run(runner, ["compare", a, str(tmp_path / "missing\x1b]0;pwned\x07\u202e.txt")])
    assert code == 2 and "no such file" in err
    assert not raw_controls(err)


# --- property: random hostile text never escapes, never crashes ----------------------------------------

WORDS = ["The", "minister", "said", "prices", "rose", "5%", "7", "in", "May.", '"We', 'win."', "é", "“quoted”"]
CONTROLS = [
    *"\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x80\x85\x9b\x9c\x9d\x9f",
    *sorted(BIDI),
    "\u2028",
    "\u2029",
    "\r",
    "\t",
    "\x1b]0;pwned\x07",
    "\x1b[31m",
    "\u0301",  # combining acute
    "\u0338\u20dd",  # combining overlay marks
    "%0A::error::x",
]
TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(CONTROLS),
    st.sampled_from([" ", "\n", ". "]),
    st.integers(200, 1500).map(lambda n: "long " * (n // 5)),  # long lines
)
REPORT = st.lists(TOKEN, min_size=1, max_size=40).map("".join)


COMMANDS = (
    (["compare", "--format", "json"], True),
    (["compare"], False),
    (["check", "--format", "github"], False),
)


def _inert(runner: CliRunner, a: bytes, b: bytes) -> list[tuple[list[str], list[str], int, str]]:
    """Each command on files holding ``a`` and ``b``: no crash, no raw control anywhere, exit 2 as one line.

    Returns, for each of ``COMMANDS``, its arguments, the whole command (paths included), the exit code and stdout.
    """
    seen = []
    with tempfile.TemporaryDirectory() as tmp:
        pa, pb = Path(tmp) / "a.txt", Path(tmp) / "b.txt"
        pa.write_bytes(a)
        pb.write_bytes(b)
        for args, json_output in COMMANDS:
            command = [args[0], str(pa), str(pb), *args[1:]]
            code, out, err = run(runner, command)  # (run() fails on any exception other than an exit)
            assert code in ((0, 1, 2) if args[0] == "check" else (0, 2)), (command, code)
            assert not raw_controls(out, json_output=json_output), (command, sorted(raw_controls(out)))
            assert not raw_controls(err), (command, err)
            if code == 2:
                assert out == "" and err.count("\n") == 1 and err.startswith("claimdiff: error: "), err
            elif json_output:
                json.loads(out)
            seen.append((args, command, code, out))
    return seen


@settings(max_examples=40, deadline=None)
@given(a=REPORT, b=REPORT)
def test_item1_item3_random_hostile_text_never_escapes(a: str, b: str) -> None:
    runner = CliRunner(env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": None, "FORCE_COLOR": None})
    for args, command, code, out in _inert(runner, a.encode("utf-8"), b.encode("utf-8")):
        if code == 2:  # refused input (empty, or mostly control characters): one line on stderr (_inert)
            continue
        if args[-1] == "json":
            _same_text(json.loads(out), {command[1]: a, command[2]: b})
        elif args[0] == "check":
            assert "\r" not in out and out.endswith("\n")
            lines = out[:-1].split("\n")  # the runner splits at LF (and CR) only
            assert lines[-1].startswith("claimdiff check ")
            for line in lines[:-1]:
                name, props, _ = parse_command(line)
                assert name in ("error", "warning") and set(props) <= PROPERTIES


# --- the acceptance's fuzz run: random bytes and 1 MB lines through the CLI -----------------------------

# Bytes as files arrive: random bytes, hostile text in UTF-8, byte-order marks, NUL, a cut UTF-8 sequence,
# an encoded surrogate, CRLF and an escape sequence, in any mix.
PIECE = st.one_of(
    st.binary(max_size=200),
    REPORT.map(lambda s: s.encode("utf-8")),
    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\xc3", b"\xed\xa0\x80"]),
    st.sampled_from([b"\r\n", b"\x1b]0;x\x07", b"\x9b"]),
)
BYTES = st.lists(PIECE, min_size=1, max_size=8).map(b"".join)


@settings(max_examples=60, deadline=None)
@given(a=BYTES, b=BYTES)
def test_fuzz_random_bytes_through_the_cli(a: bytes, b: bytes) -> None:
    runner = CliRunner(env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": None, "FORCE_COLOR": None})
    _inert(runner, a, b)


def _megabyte_line(seed: int) -> bytes:
    """About 1 MB of words with no sentence end, one control, bidi or combining mark per ~200 characters.

    Most words come from a vocabulary of a few thousand, so that the pieces do not all pair with each
    other: the cost of that worst case is measured by ``benchmarks/speed.py --repeated``, not here.
    """
    rng = random.Random(seed)
    words = ["The", "minister", "said", "prices", "rose", "5%", "7", "in", "May", "“quoted”", "café", "e\u0301"]
    hostile = [c for c in CONTROLS if c not in ("\r", "\t")]
    out: list[str] = []
    size = 0
    while size < 1_000_000:
        roll = rng.random()
        word = rng.choice(hostile) if roll < 0.02 else f"w{rng.randrange(5_000)}" if roll < 0.9 else rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return (" ".join(out) + "\n").encode("utf-8")


def test_fuzz_one_megabyte_lines_stay_inert_and_bounded(runner: CliRunner) -> None:
    a = _megabyte_line(1)
    # the other report: a claim of its own and the line's first 6,000 characters, so that pieces pair
    b = b"The minister said prices rose 5% in May.\n" + a[:6_000].rsplit(b" ", 1)[0] + b"\n"
    seen = {" ".join(args): (code, out) for args, _, code, out in _inert(runner, a, b)}
    code, out = seen["compare --format json"]
    assert code == 0
    doc = json.loads(out)
    text_a = a.decode("utf-8")
    units = doc["sources"][0]["units"]
    # one line became claims of at most MAX_UNIT_CHARS characters that slice the input
    assert len(units) >= len(text_a) // MAX_UNIT_CHARS
    assert all(u["end"] - u["start"] <= MAX_UNIT_CHARS for u in units)
    assert all(text_a[u["start"] : u["end"]] == u["text"] for u in units)
    assert any(units[0]["id"] in m["units"]["a"] for m in doc["matches"])  # the first piece is in the other report
    assert seen["compare"][0] == 0 and seen["check --format github"][0] in (0, 1)
