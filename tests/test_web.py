"""Web pages as inputs (issue 11): saved pages, sniffed HTML and URLs served by a local server the tests start.

No test touches the network: every URL is on 127.0.0.1, served by :class:`http.server.ThreadingHTTPServer` from
the fixtures in ``tests/fixtures/web/`` (written for these tests, not copied pages) or from bytes built here.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

import claimdiff
from claimdiff.cli import app
from claimdiff.inputs import Document, InputError, looks_like_html, read_input
from claimdiff.inputs.web import USER_AGENT
from claimdiff.model import Meta, SourceKind

from .conftest import PINNED_ENV, ROOT

pytest.importorskip("trafilatura", reason="the web extra is not installed: pip install '.[web]'")

WEB = ROOT / "tests" / "fixtures" / "web"
NEWS = (WEB / "news.html").read_bytes()
ARTICLE = [
    "Harbour City Council has approved a £48 million plan to repair Eastgate Bridge",
    "Councillors voted 31 to 9 on Wednesday night",
    "This bridge carries 40,000 journeys a day",
    "Work is due to begin in June",
    "Opposition to the cost",
    "Opposition councillors said the cost had doubled",
    "inflation in steel and concrete prices",
    "The Eastgate Traders' Association said lorries diverted",
]
FURNITURE = [
    "cookies",
    "Accept all",
    "newsletter",
    "morning briefing",
    "People are also reading",
    "Ferry timetable",
    "Harbour wall collapse",
    "rowing club",
    "Scaffolding",
    "Photo: Tom Okafor",
    "Share on",
    "Copy link",
    "4 Min Read",
    "Comments (3)",
    "About time",
    "scandal",
    "footpath",
    "All rights reserved",
    "Privacy policy",
    "Sport",
    "Transport Correspondent",
]
TITLE = "Council approves £48m repair of Eastgate Bridge"


def article_page(body_text: str, charset_meta: str | None = None) -> str:
    """A small page whose article is long enough for the extractor (over 250 characters)."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>Encoding test</title></head><body><article>"
        f"<p>{body_text} The rest of this paragraph is ordinary text that makes the article long enough.</p>"
        "<p>A second paragraph says that the council voted 31 to 9 for the repair of the bridge, and that the work "
        "will last about two years with one lane open in each direction for cars and buses.</p>"
        "</article></body></html>"
    )


Route = tuple[int, dict[str, str], bytes, float]
"""status, headers, body, seconds to wait before answering."""


def routes() -> dict[str, Route]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    big = b"<!DOCTYPE html><html><body><p>" + b"a" * 10_000_001 + b"</p></body></html>"
    bomb = gzip.compress(b"<!DOCTYPE html><html><body><p>" + b" " * 30_000_000, compresslevel=9)
    cafe = "Le café de la gare a rouvert, a déclaré la maire."
    return {
        "/news": (200, html, NEWS, 0.0),
        "/gzip": (200, {**html, "Content-Encoding": "gzip"}, gzip.compress(NEWS), 0.0),
        "/notype": (200, {}, NEWS, 0.0),
        "/redirect": (302, {"Location": "/redirect2"}, b"", 0.0),
        "/redirect2": (301, {"Location": "news"}, b"", 0.0),
        **{f"/loop{k}": (302, {"Location": f"/loop{k + 1}"}, b"", 0.0) for k in range(10)},
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/news.html"}, b"", 0.0),
        "/to-file": (307, {"Location": "file:///etc/passwd"}, b"", 0.0),
        "/missing": (404, {"Content-Type": "text/html"}, b"<html><body>Not here</body></html>", 0.0),
        "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7", 0.0),
        "/plain": (200, {"Content-Type": "text/plain"}, b"Just text.", 0.0),
        "/slow": (200, html, NEWS, 3.0),
        "/big": (200, {"Content-Type": "text/html"}, big, 0.0),
        "/bomb": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb, 0.0),
        "/empty": (200, html, (WEB / "empty.html").read_bytes(), 0.0),
        # the header says windows-1252, the page says utf-8: the header wins
        "/charset-header": (
            200,
            {"Content-Type": "text/html; charset=windows-1252"},
            article_page(cafe, "utf-8").encode("cp1252"),
            0.0,
        ),
        # no charset in the header: the <meta charset> decides (iso-8859-1, read as windows-1252)
        "/charset-meta": (200, {"Content-Type": "text/html"}, article_page(cafe, "iso-8859-1").encode("latin-1"), 0.0),
    }


class Server:
    """A local HTTP server in a thread; records each request's path and User-Agent."""

    def __init__(self) -> None:
        table = routes()
        seen: list[tuple[str, str]] = []
        self.seen = seen

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append((self.path, self.headers.get("User-Agent", "")))
                status, headers, body, wait = table.get(self.path, (404, {}, b"", 0.0))
                if wait:
                    time.sleep(wait)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout, a page over the limit): expected

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server is reached directly, whatever proxy the machine sets."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


def schema(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(resources.files("claimdiff").joinpath(f"schemas/{name}").read_text("utf-8"))
    return doc


def validate(doc: dict[str, Any], name: str) -> None:
    jsonschema.Draft202012Validator(schema(name)).validate(doc)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def assert_article(text: str) -> None:
    for phrase in ARTICLE:
        assert phrase in text, phrase
    for phrase in FURNITURE:
        assert phrase not in text, phrase
    assert TITLE not in text


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
# fetching


def test_url_is_fetched_with_a_user_agent_and_its_article_extracted(server: Server) -> None:
    doc = read_input(server.url("/news"))
    assert doc.kind is SourceKind.URL
    assert_article(doc.text)
    assert doc.meta is not None and doc.meta.title == TITLE and doc.meta.url == server.url("/news")
    assert ("/news", USER_AGENT) in server.seen
    assert USER_AGENT.startswith(f"claimdiff/{claimdiff.__version__} (+")


def test_redirects_are_followed_and_the_final_url_is_the_meta_url(server: Server) -> None:
    doc = read_input(server.url("/redirect"))
    assert doc.meta is not None and doc.meta.url == server.url("/news")
    assert doc.text == read_input(server.url("/news")).text


def test_gzip_and_a_missing_content_type(server: Server) -> None:
    assert read_input(server.url("/gzip")).text == read_input(server.url("/news")).text
    assert read_input(server.url("/notype")).kind is SourceKind.URL


@pytest.mark.parametrize("path", ["/charset-header", "/charset-meta"])
def test_charset_from_the_header_before_the_meta_element(server: Server, path: str) -> None:
    assert "Le café de la gare a rouvert, a déclaré la maire." in read_input(server.url(path)).text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/pdf", "not an HTML page (content type application/pdf)"),
        ("/plain", "not an HTML page (content type text/plain)"),
        ("/loop0", "too many redirects (more than 5)"),
        ("/to-ftp", "redirected to ftp://127.0.0.1/news.html, not an http:// or https:// address"),
        ("/to-file", "redirected to file:///etc/passwd, not an http:// or https:// address"),
        ("/big", "too large (10,000,049 bytes; the limit is 10,000,000)"),
        ("/bomb", "too large (over 10,000,000 bytes)"),
        ("/empty", "no article text found in the page"),
    ],
)
def test_fetch_errors_name_the_url_and_the_reason(server: Server, path: str, reason: str) -> None:
    url = server.url(path)
    with pytest.raises(InputError) as e:
        read_input(url)
    assert str(e.value) == f"{url}: {reason}"


def test_a_slow_server_hits_the_timeout(server: Server) -> None:
    url = server.url("/slow")
    started = time.monotonic()
    with pytest.raises(InputError) as e:
        read_input(url, timeout=0.3)
    assert str(e.value) == f"{url}: timed out after 0.3 s"
    assert time.monotonic() - started < 2.5


def test_refused_connection_and_other_schemes() -> None:
    url = f"http://127.0.0.1:{closed_port()}/news"
    with pytest.raises(InputError, match=r"^http://127\.0\.0\.1:\d+/news: connection refused$"):
        read_input(url)
    for other in ("ftp://example.com/a.html", "file:///etc/passwd", "javascript://x"):
        with pytest.raises(InputError, match="only http:// and https:// addresses are read"):
            read_input(other)


def test_dns_failure_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(InputError) as e:
        read_input("https://no-such-host.invalid/story")
    assert str(e.value) == "https://no-such-host.invalid/story: cannot resolve the host name (DNS lookup failed)"


def test_a_smaller_page_limit(server: Server) -> None:
    with pytest.raises(InputError, match="too large"):
        read_input(server.url("/news"), max_page_bytes=1000)
    with pytest.raises(InputError, match="too large"):
        read_input(server.url("/gzip"), max_page_bytes=1000)


# --------------------------------------------------------------------------------------------------
# the command line


Invoke = Callable[..., Any]


def test_compare_url_with_a_text_report_json(runner: CliRunner, server: Server) -> None:
    result = runner.invoke(app, ["compare", server.url("/news"), str(WEB / "report.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    validate(doc, "compare-1.schema.json")
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
    validate(doc, "check-1.schema.json")
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


# --------------------------------------------------------------------------------------------------
# a real process, and an install without the extra


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update({k: v for k, v in PINNED_ENV.items() if v is not None})
    return env


def test_real_subprocess_compares_a_url(server: Server) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimdiff",
            "compare",
            server.url("/gzip"),
            str(WEB / "report.txt"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(),
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["sources"][0]["kind"] == "url" and doc["summary"]["shared"] + doc["summary"]["paraphrased"] >= 4


WITHOUT_EXTRA = """
import sys
sys.modules["trafilatura"] = None  # as if the web extra were not installed
from claimdiff.cli import run
sys.argv = ["claimdiff", *sys.argv[1:]]
run()
"""


@pytest.mark.parametrize("which", ["url", "html", "stdin"])
def test_without_the_extra_a_page_is_one_line_naming_the_install(server: Server, which: str) -> None:
    before = len(server.seen)
    arg = {"url": server.url("/news"), "html": str(WEB / "news.html"), "stdin": "-"}[which]
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRA, "compare", arg, str(WEB / "report.txt")],
        input=NEWS,
        capture_output=True,
        timeout=120,
        env=clean_env(),
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert err.count("\n") == 1 and "pip install '.[web]'" in err and err.startswith("claimdiff: error: ")
    assert len(server.seen) == before  # nothing fetched without the extra


def test_text_inputs_import_nothing_of_the_extra() -> None:
    code = (
        "import sys\nfrom claimdiff.cli import run\n"
        f"sys.argv = ['claimdiff', 'compare', {str(WEB / 'report.txt')!r}, {str(WEB / 'pasted.txt')!r}, '-f', 'json']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'lxml') or m == 'urllib.request'))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=clean_env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"


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
