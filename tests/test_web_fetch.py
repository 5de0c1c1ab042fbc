"""Fetching web pages (issue 11): redirects, errors, timeouts, size caps, gzip and charsets against a local
server; a real process; an install without the web extra.

No test touches the network: every URL is on 127.0.0.1 (``tests/webserver.py``).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

import claimdiff
from claimdiff.inputs import InputError, read_input
from claimdiff.inputs.web import USER_AGENT
from claimdiff.model import SourceKind

from .webserver import (
    NEWS,
    TITLE,
    WEB,
    Server,
    assert_article,
    clean_env,
    closed_port,
    serving,
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
        ("/truncated", "the connection closed before the page was complete"),
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
# a real process, and an install without the extra


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
