"""Web pages: fetching them over http(s) with the standard library, and extracting their article text.

The only module that imports trafilatura (and, through it, lxml): the ``web`` extra, imported when a page is
read, never at import time. Fetching needs nothing beyond the standard library (``urllib``), and behaves as a
polite client should:

* a User-Agent that names claimdiff and its version (:data:`USER_AGENT`);
* no single wait for the network (connecting, or the next bytes) longer than ``timeout`` seconds;
* at most :data:`MAX_REDIRECTS` redirects, each to an ``http`` or ``https`` address;
* ``gzip`` accepted, and the body refused once it (decompressed) passes ``max_bytes``;
* only HTML (``text/html``, ``application/xhtml+xml``, or no content type and a body that looks like HTML).

Every failure is an :class:`~claimdiff.inputs.text.InputError` whose one-line message names the URL and the
reason (``HTTP 404 Not Found``, ``connection refused``, ``timed out after 20 s``).

Extraction (:func:`extract`) keeps the article's paragraphs, headings, list items and block quotations in
reading order, one block per paragraph, separated by a blank line; it drops navigation, comments, consent and
newsletter boxes, related-story lists, captions, share buttons, tables and images (trafilatura's precision
mode). The page's title goes to :class:`~claimdiff.model.Meta`, never into the text.
"""

from __future__ import annotations

import http.client
import logging
import re
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, replace
from typing import Any

from claimdiff._version import __version__
from claimdiff.inputs.text import InputError
from claimdiff.model import Meta

INSTALL_HINT = "pip install '.[web]'"
"""The install command named when the ``web`` extra is missing."""
PROJECT_URL = "https://pypi.org/project/claimdiff/"
USER_AGENT = f"claimdiff/{__version__} (+{PROJECT_URL})"
MAX_REDIRECTS = 5
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# loggers of the extractor and its helpers: without a handler of their own, Python would print their
# warnings on stderr, where claimdiff promises one line per error
_QUIET = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


class WebUnavailable(InputError):
    """A page was given, and the ``web`` extra (trafilatura) is not installed."""


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: the final URL (after redirects), the body (decompressed) and what the headers said."""

    url: str
    body: bytes
    charset: str | None = None
    """The ``charset`` of the ``Content-Type`` header, if any."""
    typed: bool = True
    """Whether the response had a content type (then an HTML one); without, the body must look like HTML."""


def require(name: str) -> None:
    """Raise :class:`WebUnavailable` (naming ``name``, the input) unless the extractor can be imported."""
    _extractor(name)


def _extractor(name: str) -> Any:
    try:
        import trafilatura
    except ImportError:
        raise WebUnavailable(
            f"{name}: reading web pages needs the web extra: {INSTALL_HINT} (trafilatura is not installed)"
        ) from None
    for logger in _QUIET:
        log = logging.getLogger(logger)
        if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
            log.addHandler(logging.NullHandler())
    return trafilatura


# --------------------------------------------------------------------------------------------------
# fetching


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses, so that :func:`fetch` counts them and checks each address."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _web_address(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def fetch(url: str, *, timeout: float, max_bytes: int) -> Page:
    """Fetch ``url`` (see the module documentation for the rules); raises :class:`InputError`."""
    if not _web_address(url):
        raise InputError(f"{url}: not an http:// or https:// address")
    opener = urllib.request.build_opener(_NoRedirect)
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "gzip",
            },
        )
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as e:
            location = e.headers.get("Location") if e.code in _REDIRECTS else None
            e.close()
            if e.code not in _REDIRECTS:
                raise InputError(f"{url}: HTTP {e.code} {e.reason}".rstrip()) from None
            if not location:
                raise InputError(f"{url}: HTTP {e.code} redirect without a Location") from None
            current = urllib.parse.urljoin(current, location)
            if not _web_address(current):
                raise InputError(f"{url}: redirected to {current}, not an http:// or https:// address") from None
            continue
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as e:
            raise InputError(f"{url}: {_reason(e, timeout)}") from None
        with response:
            return _read(url, response, timeout=timeout, max_bytes=max_bytes)
    raise InputError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")


def _reason(error: BaseException, timeout: float) -> str:
    """A short, human reason for a failure to fetch."""
    cause = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(cause, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(cause, socket.gaierror):
        return "cannot resolve the host name (DNS lookup failed)"
    if isinstance(cause, ConnectionRefusedError):
        return "connection refused"
    if isinstance(cause, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(cause, ssl.SSLError):
        return f"TLS error ({cause.reason or cause})"
    if isinstance(cause, http.client.IncompleteRead):
        return "the connection closed before the page was complete"
    if isinstance(cause, http.client.HTTPException):
        return f"bad HTTP response ({type(cause).__name__})"
    if isinstance(cause, OSError):
        return f"cannot fetch ({cause.strerror or cause})"
    return f"cannot fetch ({cause})"


def _read(url: str, response: Any, *, timeout: float, max_bytes: int) -> Page:
    headers = response.headers
    raw_type = headers.get("Content-Type")
    content_type = headers.get_content_type() if raw_type else None
    if content_type is not None and content_type not in HTML_TYPES:
        raise InputError(f"{url}: not an HTML page (content type {content_type})")
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip"):
        raise InputError(f"{url}: unsupported content encoding {encoding!r}")
    length = headers.get("Content-Length")
    if encoding == "identity" and length and length.isdigit() and int(length) > max_bytes:
        raise InputError(f"{url}: too large ({int(length):,} bytes; the limit is {max_bytes:,})")
    body = bytearray()
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding != "identity" else None
    try:
        while chunk := response.read(_CHUNK):
            if inflate is None:
                body += chunk
            else:
                while chunk and not inflate.eof and len(body) <= max_bytes:
                    # at most what still fits, plus one byte to notice a page over the limit
                    body += inflate.decompress(chunk, max_bytes + 1 - len(body))
                    chunk = inflate.unconsumed_tail
            if len(body) > max_bytes:
                raise InputError(f"{url}: too large (over {max_bytes:,} bytes)")
    except zlib.error:
        raise InputError(f"{url}: the gzip-compressed page is corrupt") from None
    except (OSError, http.client.HTTPException) as e:
        raise InputError(f"{url}: {_reason(e, timeout)}") from None
    if inflate is None and length and length.isdigit() and len(body) < int(length):
        # http.client returns what arrived when the connection closes early, without an error
        raise InputError(f"{url}: the connection closed before the page was complete")
    final = response.geturl() or url
    return Page(url=final, body=bytes(body), charset=headers.get_content_charset(), typed=content_type is not None)


# --------------------------------------------------------------------------------------------------
# extraction


_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "list", "div", "row", "cell"})
"""Tags of trafilatura's output tree that hold text of their own; containers are walked into."""
_CONTAINERS = frozenset({"list", "quote", "div", "table", "row"})


def extract(html: str, *, name: str, url: str | None = None) -> tuple[str, Meta]:
    """The article text of ``html`` (paragraphs separated by a blank line) and what the page says about itself.

    ``name`` names the input in errors; ``url`` is the page's address, when known. Raises
    :class:`WebUnavailable` without the extra, :class:`InputError` when the page holds no article text.
    """
    trafilatura = _extractor(name)
    try:
        found: Any = trafilatura.bare_extraction(
            _CONTROL_REF.sub(_inert, html),
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            with_metadata=True,
            deduplicate=False,
            # the date the page declares (markup, metadata), not a year guessed from the article's words
            date_extraction_params=trafilatura.settings.set_date_params(False),
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as e:  # a page the parser cannot take
        raise InputError(f"{name}: cannot read the page ({type(e).__name__})") from None
    body = None if found is None else found.body
    meta = _meta(found, url)
    blocks = [] if body is None else [b for b in _blocks(body) if b[0]]
    # The title is a heading, kept in the metadata: the headline (a first-level heading) or a copy of the
    # title at the top of the article is dropped; a page without a title of its own is given the headline.
    while blocks and (blocks[0][1] == "h1" or _fold(blocks[0][0]) == _fold(meta.title or "\0")):
        if meta.title is None:
            meta = replace(meta, title=" ".join(blocks[0][0].split()))
        blocks.pop(0)
    text = "\n\n".join(b[0] for b in blocks)
    if not text.strip():
        raise InputError(f"{name}: no article text found in the page")
    return text, meta


_CONTROL_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


def _inert(m: re.Match[str]) -> str:
    """A character reference to a C0 control (``&#x1b;``) as U+FFFD: the parser refuses the whole page
    otherwise (raw control characters it drops itself); any other reference is left as it is."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return "\ufffd" if (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code == 0x7F else m.group()


def _meta(found: Any, url: str | None) -> Meta:
    def value(field: str) -> str | None:
        v = getattr(found, field, None) if found is not None else None
        v = " ".join(str(v).split()) if v else ""
        return v or None

    return Meta(
        title=value("title"),
        author=value("author"),
        date=value("date"),
        sitename=value("sitename"),
        url=url or value("url"),
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _blocks(element: Any) -> list[tuple[str, str]]:
    """The text blocks under ``element`` in document order, one per paragraph, heading or list item, each with
    ``"h1"`` for a first-level heading and ``""`` otherwise."""
    out: list[tuple[str, str]] = []
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _CONTAINERS and any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in child):
            if child.text and child.text.strip():
                out.append((_inline(child, shallow=True), ""))
            out.extend(_blocks(child))
        elif tag and tag not in ("lb", "graphic"):
            h1 = tag == "head" and child.get("rend") == "h1"
            out.append((_inline(child), "h1" if h1 else ""))
        if child.tail and child.tail.strip():
            out.append((_tidy(child.tail), ""))
    return out


def _inline(element: Any, *, shallow: bool = False) -> str:
    """The text of one block, with its line breaks (``<lb/>``) kept and other white space collapsed."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        if e.tag == "lb":
            parts.append("\n")
        elif e.text and isinstance(e.tag, str):
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)

    if shallow:
        parts.append(element.text or "")
    else:
        walk(element)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
