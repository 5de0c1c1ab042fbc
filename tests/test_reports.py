"""Markdown and HTML reports (issue 12): valid, inert for any input, readable, and on the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import claimdiff
from claimdiff.check import check
from claimdiff.cli import app
from claimdiff.matrix import matrix
from claimdiff.model import Status
from claimdiff.render.html import (
    CSP,
    FOREGROUND,
    MARK,
    MUTED,
    PALETTE,
    render_check_html,
    render_html,
    render_matrix_html,
)
from claimdiff.render.markdown import escape, render_check_markdown, render_markdown, render_matrix_markdown

from .conftest import SAMPLES
from .reports_check import html_problems, markdown_problems

INTERVIEW = [str(SAMPLES / "interview" / n) for n in ("gazette.txt", "courier.txt", "islandblog.txt")]
AXIOS, SECONDARY = (
    (SAMPLES / "axios.txt").read_text(encoding="utf-8"),
    (SAMPLES / "secondary.txt").read_text(encoding="utf-8"),
)

RUN = "from claimdiff.cli import run; run()"
HOSTILE = [
    "<script>window.__pwned = 1</script> The council approved the budget on Monday.",
    '<img src=x onerror="window.__pwned = 2"> The council approved the budget on Monday.',
    "The mayor | said | the plan would cost 40 jobs.",
    "Critics said `rm -rf` and ```fences``` would cost 45 jobs.",
    "[click here](javascript:alert(1)) and ![pic](https://evil.example/x.png) said the mayor.",
    "# Heading\n- list item\n1. ordered\n> quote at https://evil.example and www.evil.example or x@evil.example.",
    "*bold* _em_ ~~strike~~ \\* and a backslash \\ said the mayor.",
    "Rain \x1b[31mred\x1b[0m and a bell\x07 and a CSI\x9b are expected all week.",
    "The \u202eevil\u202c mayor said the \u2066budget\u2069 passed.",
    "&amp; &lt;script&gt; </td></tr></table> <!-- comment --> ]]> said the mayor.",
    '"Quoted" and \'single\' with <b onmouseover="x">tags</b> said the mayor.',
]


def hostile_texts() -> tuple[str, str]:
    a = " ".join(HOSTILE) + " The council approved the budget on Monday after a debate."
    b = " ".join(reversed(HOSTILE)) + " The council approved the new budget on Monday."
    return a, b


def assert_inert_html(doc: str) -> str:
    errors, shown = html_problems(doc)
    assert errors == []
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#x27;")}">' in doc
    for banned in ("<script", "<img", "<a ", "<link", "<iframe", "<object", "<embed", "<base"):
        assert banned not in doc.lower()
    style = doc[doc.index("<style>") : doc.index("</style>")]
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    return shown


# --- Markdown ---


def test_escape_leaves_no_markup() -> None:
    assert escape("a|b") == "a\\|b"
    assert escape("<b>") == "&lt;b&gt;"
    assert escape("line\nbreak") == "line break"
    assert escape("\x1b[1m") == "\\\\x1b\\[1m"
    assert escape("https://e.x www.e.x") == "https\\://e.x www\\.e.x"


@pytest.mark.parametrize("case", range(len(HOSTILE)))
def test_markdown_of_hostile_input_is_valid_and_inert(case: int) -> None:
    text = HOSTILE[case]
    c = claimdiff.compare(text + " Prices rose.", "Prices rose. " + text, names=(f"a|{text[:20]}", "b"))
    md = render_markdown(c)
    assert markdown_problems(md) == []
    m = matrix([text, text + " Prices rose.", "Prices rose."], names=[f"<{k}>" for k in range(3)])
    assert markdown_problems(render_matrix_markdown(m)) == []
    r = check(text, text.replace("budget", "plan") + ' "Quoted words," he said.')
    assert markdown_problems(render_check_markdown(r)) == []


def test_markdown_of_the_samples_is_one_line_per_row_with_bold_changes() -> None:
    c = claimdiff.compare(AXIOS, SECONDARY, names=("samples/axios.txt", "samples/secondary.txt"))
    md = render_markdown(c)
    assert markdown_problems(md) == []
    lines = md.splitlines()
    assert lines[0].startswith("**claimdiff compare**: 8 shared, 3 paraphrased, 0 conflicting")
    rows = [x for x in lines if x.startswith("| ") and not x.startswith("| A |")]
    assert len(rows) == len(c.a.units) + c.summary.unique_b - sum(len(m.a) - 1 for m in c.matches)
    assert any("**told**" in x and "paraphrased 63" in x for x in rows)
    assert render_markdown(c, show_boilerplate=False).count("boilerplate |") == 0


def test_markdown_of_a_conflict_gives_the_reason_and_bolds_the_figures() -> None:
    c = claimdiff.compare("The bridge is 110 years old, the council said.", "The bridge is 115 years old.")
    md = render_markdown(c)
    assert "conflicting" in md and "figure\\: 110 years vs 115 years" in md
    assert "**110 years**" in md and "**115 years**" in md


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab |`*_[]()!#<>&\\\n\x1b\u202e:/.w@-", max_size=40), min_size=2, max_size=3))
def test_markdown_and_html_of_any_input_are_valid_and_inert(texts: list[str]) -> None:
    c = claimdiff.compare(texts[0], texts[1], names=(texts[0][:10], texts[1][:10]))
    assert markdown_problems(render_markdown(c)) == []
    assert_inert_html(render_html(c))
    m = matrix(texts, names=[t[:10] for t in texts])
    assert markdown_problems(render_matrix_markdown(m)) == []
    assert_inert_html(render_matrix_html(m))


# --- HTML ---


def _luminance(colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[k : k + 2], 16) for k in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_of_every_colour_pair_passes_wcag_aa() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    pairs = [FOREGROUND, MARK, *PALETTE.values()]
    # secondary text and changed words sit on every row's background
    pairs += [(MUTED[0], bg) for _, bg in [FOREGROUND, *PALETTE.values()]]
    for fg, bg in pairs:
        assert contrast(fg, bg) >= 4.5, (fg, bg, contrast(fg, bg))
    assert set(PALETTE) == set(Status)


def test_html_of_the_samples_is_valid_self_contained_and_labels_in_words() -> None:
    c = claimdiff.compare(AXIOS, SECONDARY, names=("samples/axios.txt", "samples/secondary.txt"))
    doc = render_html(c)
    shown = assert_inert_html(doc)
    assert "8 shared, 3 paraphrased, 0 conflicting" in shown
    for word in ("shared", "paraphrased", "only A", "only B", "boilerplate"):
        assert f'<span class="label">{word}</span>' in doc
    assert "@media print" in doc and "<mark>told</mark>" in doc
    assert doc.count('<tr class="') == len(re.findall(r"<tr class=", doc))


def test_html_of_hostile_input_shows_it_as_text() -> None:
    a, b = hostile_texts()
    doc = render_html(claimdiff.compare(a, b, names=("<script>x</script>", '"><img src=x>')))
    shown = assert_inert_html(doc)
    assert "<script>window.__pwned = 1</script>" in shown
    assert '<img src=x onerror="window.__pwned = 2">' in shown
    assert "\\x1b[31mred" in shown and "\\u202eevil" in shown
    shown = assert_inert_html(render_matrix_html(matrix([a, b, a[:200]], names=["<b>", "&", "'"])))
    assert "<script>window.__pwned = 1</script>" in shown and "<b>" in shown
    shown = assert_inert_html(render_check_html(check(a, b.replace("Quoted", "Quote"), names=("<i>", "<u>"))))
    assert "<i>" in shown and "quote-unsourced" in shown


def test_html_of_a_conflict_has_the_reason_and_the_spans_marked() -> None:
    c = claimdiff.compare("The bridge is 110 years old, the council said.", "The bridge is 115 years old.")
    doc = render_html(c)
    assert '<tr class="conflicting">' in doc and "figure: 110 years vs 115 years" in doc
    assert "<mark>110 years</mark>" in doc and "<mark>115 years</mark>" in doc


def test_check_reports_in_markdown_and_html() -> None:
    r = check(AXIOS, SECONDARY, names=("samples/axios.txt", "samples/secondary.txt"))
    md = render_check_markdown(r)
    assert md.startswith("**claimdiff check FAILED**: 2 errors, 1 warning")
    assert "| **error** | quote\\-unsourced |" not in md and "| **error** | quote-unsourced |" in md
    assert markdown_problems(md) == []
    shown = assert_inert_html(render_check_html(r))
    assert "FAILED: 2 errors, 1 warning" in shown
    ok = check("Prices rose.", "Prices rose.")
    assert "No findings." in render_check_markdown(ok) and "No findings." in render_check_html(ok)


def test_matrix_reports_of_three_interviews() -> None:
    m = matrix([Path(p).read_text(encoding="utf-8") for p in INTERVIEW], names=INTERVIEW)
    md = render_matrix_markdown(m)
    assert markdown_problems(md) == []
    assert md.startswith("**claimdiff matrix**: 3 sources, 11 claims: 4 stated by all, 1 by some, 6 by one source")
    assert '| 2 | 3 | "The pier is safe again' in md
    shown = assert_inert_html(render_matrix_html(m))
    assert "A\u2013B shared" in shown and "only C" in shown


# --- the command line ---


def test_cli_compare_markdown_and_html_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    a, b = str(SAMPLES / "axios.txt"), str(SAMPLES / "secondary.txt")
    r = runner.invoke(app, ["compare", a, b, "--format", "markdown"])
    assert r.exit_code == 0 and r.stdout.startswith("**claimdiff compare**")
    out = tmp_path / "report.html"
    r = runner.invoke(app, ["compare", a, b, "-f", "html", "-o", str(out)])
    assert r.exit_code == 0 and r.stdout == ""
    assert_inert_html(out.read_text(encoding="utf-8"))
    p = subprocess.run(
        [sys.executable, "-c", RUN, "compare", a, b, "-f", "html", "-o", str(tmp_path / "no" / "such.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "cannot write" in p.stderr


def test_cli_check_markdown_for_the_step_summary(runner: CliRunner, tmp_path: Path) -> None:
    a, b = str(SAMPLES / "axios.txt"), str(SAMPLES / "secondary.txt")
    r = runner.invoke(app, ["check", a, b, "--format", "markdown"])
    assert r.exit_code == 1 and r.stdout.startswith("**claimdiff check FAILED**")
    r = runner.invoke(app, ["check", a, b, "--format", "html", "-o", str(tmp_path / "c.html")])
    assert r.exit_code == 1 and "FAILED" in (tmp_path / "c.html").read_text(encoding="utf-8")
    r = runner.invoke(app, ["check", a, b, "--format", "pdf"])
    assert r.exit_code == 2 and "text, json, github, markdown, html" in r.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "html"])
def test_cli_matrix_in_every_format(runner: CliRunner, fmt: str) -> None:
    r = runner.invoke(app, ["matrix", *INTERVIEW, "--format", fmt])
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        doc = json.loads(r.stdout)
        assert doc["schema"] == "claimdiff/matrix/1" and len(doc["sources"]) == 3
    elif fmt == "table":
        assert "only C" in r.stdout and "A: 7 claims, 4 shared with all, 1 with some, 2 alone" in r.stdout
    elif fmt == "markdown":
        assert markdown_problems(r.stdout) == []
    else:
        assert_inert_html(r.stdout)


def test_cli_matrix_reads_stdin_once_and_pages(runner: CliRunner) -> None:
    text = Path(INTERVIEW[2]).read_text(encoding="utf-8")
    r = runner.invoke(app, ["matrix", INTERVIEW[0], "-", "--format", "json"], input=text)
    assert r.exit_code == 0 and json.loads(r.stdout)["sources"][1]["name"] == "-"
    r = runner.invoke(app, ["matrix", "-", "-"], input=text)
    assert r.exit_code == 2 and "only one" in r.stderr
    pytest.importorskip("trafilatura")
    pages = [str(SAMPLES / "web" / "herald.html"), str(SAMPLES / "web" / "courier.html")]
    r = runner.invoke(app, ["matrix", *pages, INTERVIEW[0], "--format", "json"])
    assert r.exit_code == 0, r.stderr
    assert [s["kind"] for s in json.loads(r.stdout)["sources"]] == ["html", "html", "text"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["matrix", "only-one.txt"], "two or more"),
        (["matrix", "missing-a.txt", "missing-b.txt"], "missing-a.txt"),
        (["matrix", INTERVIEW[0], INTERVIEW[1], "--threshold", "0"], "threshold"),
        (["matrix", INTERVIEW[0], INTERVIEW[1], "--format", "pdf"], "pdf"),
    ],
)
def test_cli_matrix_errors_are_one_line_and_status_2(args: list[str], message: str) -> None:
    p = subprocess.run(
        [sys.executable, "-c", RUN, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and message in p.stderr, p.stderr


def test_markdown_escapes_dollar_signs() -> None:
    """GitHub reads ``$...$`` as mathematics: a report writes the signs as text."""
    from claimdiff.render.markdown import escape

    assert escape("cost $x^2$ or $5") == "cost \\$x^2\\$ or \\$5"
