"""Web pages as inputs (issue 11): saved pages, sniffed HTML, and the command line on pages and URLs.

No test touches the network: every URL is on 127.0.0.1, served by the local server of ``tests/webserver.py``
from the fixtures in ``tests/fixtures/web/`` (written for these tests, not copied pages).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimdiff
from claimdiff.cli import app
from claimdiff.inputs import Document, InputError, looks_like_html, read_input
from claimdiff.model import Meta, SourceKind

from .conftest import ROOT
from .webserver import (
    ARTICLE,
    FURNITURE,
    NEWS,
    TITLE,
    WEB,
    Server,
    assert_article,
    serving,
    validate,
    without_proxies,
)

pytest.importorskip("trafilatura", reason="the web extra is not installed: pip install '.[web]'")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    yield from serving()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    without_proxies(monkeypatch)


# --------------------------------------------------------------------------------------------------
# extraction


def test_saved_page_keeps_the_article_in_order_and_drops_the_furniture() -> None:
    doc = read_input(str(WEB / "news.html"))
    assert doc.kind is SourceKind.HTML
    assert_article(doc.text)
    positions = [doc.text.index(p) for p in ARTICLE]
    assert positions == sorted(positions)
    # paragraphs are separated by a blank line, so that the segmenter sees paragraphs
    assert doc.text.count("\n\n") == len(ARTICLE) - 1 and "\n\n\n" not in doc.text
    assert doc.meta == Meta(
        title=TITLE,
        author="Priya Nandakumar",
        date="2024-03-14",
        sitename="The Harbour Gazette",
        url="https://gazette.example/news/eastgate-bridge-repair",
    )


def test_no_furniture_becomes_a_claim_and_the_title_is_no_unit() -> None:
    doc = read_input(str(WEB / "news.html"))
    units = claimdiff.segment(doc.text)
    joined = "\n".join(u.text for u in units)
    assert_article(joined)
    assert all(doc.text[u.start : u.end] == u.text for u in units)


def test_html_is_sniffed_from_content_and_standard_input() -> None:
    assert looks_like_html(NEWS) and looks_like_html(b"\xef\xbb\xbf  <!-- x -->\n<HTML lang=en>")
    assert looks_like_html("<?xml version='1.0'?><html xmlns='x'>") and looks_like_html("<body><p>x")
    assert not looks_like_html("A report that mentions <html> later.") and not looks_like_html(b"<htmlx>")
    import io

    doc = read_input("-", stdin=io.BytesIO(NEWS))
    assert doc.kind is SourceKind.HTML and doc.name == "-"
    assert_article(doc.text)


def test_a_text_file_stays_text(tmp_path: Path) -> None:
    p = tmp_path / "report.txt"
    p.write_text("The <b>council</b> met. It voted.\n", encoding="utf-8")
    doc = read_input(str(p))
    assert doc == Document(str(p), "The <b>council</b> met. It voted.\n")
    assert doc.origin == (SourceKind.TEXT, None)


def test_html_named_file_in_utf16_and_an_htm_suffix(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_bytes(NEWS.decode("utf-8").encode("utf-16"))
    assert_article(read_input(str(page)).text)
    sniffed = tmp_path / "saved-page"  # no suffix: UTF-16 content sniffed after decoding
    sniffed.write_bytes(NEWS.decode("utf-8").encode("utf-16"))
    assert read_input(str(sniffed)).kind is SourceKind.HTML


def test_the_headline_is_never_a_unit_even_when_the_title_differs(tmp_path: Path) -> None:
    page = NEWS.decode("utf-8")
    other = page.replace(
        '<meta property="og:title" content="Council approves £48m repair of Eastgate Bridge">',
        '<meta property="og:title" content="Eastgate Bridge: the vote">',
    ).replace(f"<title>{TITLE} | The Harbour Gazette</title>", "<title>Eastgate Bridge: the vote</title>")
    assert other.count("Eastgate Bridge: the vote") == 2
    (tmp_path / "a.html").write_text(other, encoding="utf-8")
    doc = read_input(str(tmp_path / "a.html"))
    assert doc.meta is not None and doc.meta.title == "Eastgate Bridge: the vote"
    assert TITLE not in doc.text and doc.text.startswith("Harbour City Council has approved")
    # no title at all: the headline becomes the title
    bare = other.replace('<meta property="og:title" content="Eastgate Bridge: the vote">', "")
    bare = bare.replace("<title>Eastgate Bridge: the vote</title>", "")
    (tmp_path / "b.html").write_text(bare, encoding="utf-8")
    doc = read_input(str(tmp_path / "b.html"))
    assert doc.meta is not None and doc.meta.title == TITLE and TITLE not in doc.text


def test_a_page_without_article_text_is_an_error() -> None:
    with pytest.raises(InputError, match=r"empty\.html: no article text found"):
        read_input(str(WEB / "empty.html"))


# --------------------------------------------------------------------------------------------------
# the command line


def test_compare_url_with_a_text_report_json(runner: CliRunner, server: Server) -> None:
    result = runner.invoke(app, ["compare", server.url("/news"), str(WEB / "report.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    validate(doc, "compare-2.schema.json")
    a, b = doc["sources"]
    assert a["kind"] == "url" and b["kind"] == "text" and "meta" not in b and "text" not in b
    assert a["meta"] == {
        "title": TITLE,
        "author": "Priya Nandakumar",
        "date": "2024-03-14",
        "sitename": "The Harbour Gazette",
        "url": server.url("/news"),
    }
    for unit in a["units"]:
        assert a["text"][unit["start"] : unit["end"]] == unit["text"]
    assert_article(a["text"])
    claims = "\n".join(u["text"] for u in a["units"] if u["status"] != "boilerplate")
    for phrase in FURNITURE:
        assert phrase not in claims


def test_same_story_claims_align_as_they_do_for_pasted_text(server: Server) -> None:
    """The target of the issue: a page served over HTTP against a plain report of the same story aligns the
    same claims as the article's text pasted by hand (its title, a heading, is a claim only when pasted)."""
    page = read_input(server.url("/news"))
    report = (WEB / "report.txt").read_text(encoding="utf-8")
    pasted = (WEB / "pasted.txt").read_text(encoding="utf-8")

    def pairs(a: str) -> set[tuple[str, str, str]]:
        c = claimdiff.compare(a, report)
        return {
            (" ".join(c.a.units[i].text for i in m.a), " ".join(c.b.units[j].text for j in m.b), m.label.value)
            for m in c.matches
        }

    from_page, from_paste = pairs(page.text), pairs(pasted)
    assert from_page == {p for p in from_paste if p[0] != TITLE}
    assert len(from_page) >= 4


def test_table_heading_shows_title_and_site(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["compare", str(WEB / "news.html"), str(WEB / "report.txt"), "--color", "never", "--width", "300"]
    )
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first == f"A: {WEB / 'news.html'} — {TITLE} (The Harbour Gazette, 2024-03-14)"
    assert result.stdout.splitlines()[1] == f"B: {WEB / 'report.txt'}"
    assert "cookies" not in result.stdout and "newsletter" not in result.stdout


def test_check_takes_pages_too(runner: CliRunner, server: Server) -> None:
    result = runner.invoke(app, ["check", server.url("/news"), str(WEB / "report.txt"), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    validate(doc, "check-2.schema.json")
    assert doc["source"]["kind"] == "url" and doc["source"]["meta"]["title"] == TITLE
    assert doc["derived"] == {"name": str(WEB / "report.txt"), "sha256": doc["derived"]["sha256"], "kind": "text"}
    text = runner.invoke(
        app, ["check", str(WEB / "news.html"), str(WEB / "report.txt"), "--color", "never", "--width", "300"]
    )
    assert f"— {TITLE} (The Harbour Gazette, 2024-03-14)" in text.stdout.splitlines()[0]


def test_github_annotations_put_no_file_or_line_on_a_page(runner: CliRunner, tmp_path: Path) -> None:
    """A page's lines are the extracted article's: an annotation must not point into the HTML file."""
    result = runner.invoke(app, ["check", str(WEB / "report.txt"), str(WEB / "news.html"), "--format", "github"])
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert commands == ["::error title=claimdiff quote-unsourced::the quoted words are nowhere in SOURCE"]
    rewrite = tmp_path / "rewrite.txt"
    rewrite.write_text('The council leader said: "We will build a tunnel instead."\n', encoding="utf-8")
    text = runner.invoke(app, ["check", str(WEB / "news.html"), str(rewrite), "--format", "github"])
    assert any(f"file={rewrite}".replace(":", "%3A") in c for c in text.stdout.splitlines() if c.startswith("::"))


def test_extract_prints_the_text_and_json(runner: CliRunner, server: Server) -> None:
    result = runner.invoke(app, ["extract", server.url("/news")])
    assert result.exit_code == 0, result.output
    assert result.stdout == read_input(server.url("/news")).text + "\n"
    result = runner.invoke(app, ["extract", str(WEB / "news.html"), "--format", "json"])
    doc = json.loads(result.stdout)
    validate(doc, "extract-1.schema.json")
    assert doc["kind"] == "html" and doc["meta"]["title"] == TITLE and doc["schema"] == "claimdiff/extract/1"
    assert_article(doc["text"])
    plain = runner.invoke(app, ["extract", str(WEB / "report.txt"), "--format", "json"])
    validate(json.loads(plain.stdout), "extract-1.schema.json")
    assert json.loads(plain.stdout)["meta"] is None


def test_html_on_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", "-", str(WEB / "report.txt"), "--format", "json"], input=NEWS)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["kind"] == "html"


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/missing", "HTTP 404 Not Found"), ("/pdf", "not an HTML page"), ("/empty", "no article text found")],
)
def test_cli_errors_are_one_line_and_status_2(runner: CliRunner, server: Server, path: str, reason: str) -> None:
    url = server.url(path)
    for args in (["compare", url, str(WEB / "report.txt")], ["check", url, str(WEB / "report.txt")], ["extract", url]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.startswith(f"claimdiff: error: {url}: {reason}")
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_cli_timeout_option(runner: CliRunner, server: Server) -> None:
    url = server.url("/slow")
    result = runner.invoke(app, ["extract", url, "--timeout", "0.2"])
    assert result.exit_code == 2 and result.stderr == f"claimdiff: error: {url}: timed out after 0.2 s\n"


def test_hostile_page_never_reaches_the_terminal_as_markup_or_escapes(runner: CliRunner) -> None:
    hostile = str(WEB / "hostile.html")
    outputs = [
        runner.invoke(app, ["compare", hostile, str(WEB / "report.txt"), "--color", "always"]).stdout,
        runner.invoke(app, ["check", hostile, str(WEB / "report.txt"), "--color", "always"]).stdout,
        runner.invoke(app, ["extract", hostile]).stdout,
        runner.invoke(app, ["extract", hostile, "--format", "json"]).stdout,
        runner.invoke(app, ["compare", hostile, str(WEB / "report.txt"), "--format", "json"]).stdout,
    ]
    for out in outputs:
        plain = out.replace("\x1b[0m", "")
        # rich's own styles are CSI sequences; nothing of the page's may be one
        for bad in ("\x1b]", "\x1b[2J", "\x1b[31m", "\x9b", "\u202e", "\x07"):
            assert bad not in plain, (bad, out)
    assert "[bold]markup[/bold]" in outputs[2] and "\\u202e" in outputs[2]
    assert "[bold red]Markup[/bold red] in a title" in outputs[0].splitlines()[0]


def test_meta_fields_go_through_the_safe_paths() -> None:
    """Metadata a page declares (escape sequences, markup, line breaks) is shown inert in the heading."""
    import io

    from claimdiff.render.table import console_for, print_table

    meta = Meta(title="T\x1b[2J\nline", sitename="[bold]S\u202e", date="2024-01-02")
    c = claimdiff.compare("One claim here.", "One claim here.").described(
        (SourceKind.URL, meta), (SourceKind.TEXT, None)
    )
    out = io.StringIO()
    print_table(c, console_for(out, color="never", width=120))
    first = out.getvalue().splitlines()[0]
    assert first == "A: a — T\\x1b[2J\\nline ([bold]S\\u202e, 2024-01-02)"
    assert c.to_dict()["sources"][0]["meta"]["title"] == "T\x1b[2J\nline"


def test_the_benchmark_page_is_of_typical_size_and_its_article_is_kept(tmp_path: Path) -> None:
    """``benchmarks/speed.py --web`` measures a page like the ones people compare: check that it is one."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from webcost import page

    html, paragraphs = page()
    assert 95_000 <= len(html.encode("utf-8")) <= 110_000
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    text = read_input(str(tmp_path / "page.html")).text
    assert text.split("\n\n") == paragraphs
    for furniture in ("Accept all", "People are also reading", "Get the briefing", "reader1", "A generated story"):
        assert furniture not in text
