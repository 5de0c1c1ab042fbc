"""The local HTTP server and fixtures of the web tests: pages written for claimdiff's tests (``tests/fixtures/web/``,
not copied pages) and bytes built here, served on 127.0.0.1 only."""

from __future__ import annotations

import gzip
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

import jsonschema
import pytest

from .conftest import PINNED_ENV, ROOT

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
        # the header promises 100,000 bytes; the connection closes after the page's few thousand
        "/truncated": (200, {**html, "Content-Length": "100000"}, NEWS, 0.0),
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
                    if "Content-Length" not in headers:  # a route may promise more than it sends
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


def serving() -> Iterator[Server]:
    """A running :class:`Server`, shut down when the generator is closed (for a module-scoped fixture)."""
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def without_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
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


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update({k: v for k, v in PINNED_ENV.items() if v is not None})
    return env
