"""What an input is, and its text: :func:`read_input` turns a command-line argument into a :class:`Document`.

An input is read as

* a **URL** when it starts with a scheme (``https://...``): fetched, then its article extracted (only
  ``http`` and ``https`` are read);
* an **HTML page** when it is a file named ``*.html`` or ``*.htm``, or a file or standard input whose content
  starts (after white space and comments) with ``<!DOCTYPE html``, ``<html``, ``<head`` or ``<body``: its
  article extracted;
* **text** otherwise, decoded by the rule of :mod:`claimdiff.inputs.text` and kept exactly.

Pages need the ``web`` extra (``pip install '.[web]'``); without it, a page is refused with one line that names
the command. A page's characters are decoded by, in order: ``--encoding``; a byte-order mark; the
``charset`` of the HTTP ``Content-Type``; a ``<meta charset>`` (or ``http-equiv``) in the first 4 KB; then the
text rule (UTF-8, else Windows-1252). As browsers do, ``iso-8859-1`` and ``ascii`` are read as Windows-1252.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from claimdiff.inputs.text import MAX_BYTES, InputError, decode, read_bytes, read_stream_bytes
from claimdiff.model import Meta, SourceKind

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for a web server to connect or send the next bytes (``--timeout``)."""
MAX_PAGE_BYTES = 10_000_000
"""An HTML page larger than this (10 MB, after decompression) is refused."""
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_SNIFF_BYTES = 1024
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I)
_SKIP = re.compile(r"\s+|<!--.*?-->|<\?xml[^>]*>", re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii", "iso8859-1", "l1"}


@dataclass(frozen=True, slots=True)
class Document:
    """An input as claimdiff reads it: the text the pipeline segments (for a page, the extracted article),
    where it came from, and what a page says about itself (``None`` for text)."""

    name: str
    text: str
    kind: SourceKind = SourceKind.TEXT
    meta: Meta | None = None

    @property
    def origin(self) -> tuple[SourceKind, Meta | None]:
        """``(kind, meta)``, as :meth:`claimdiff.model.Comparison.described` takes them."""
        return (self.kind, self.meta)


def is_url(spec: str) -> bool:
    """Whether ``spec`` is written as a URL (``scheme://...``), whatever the scheme.

    >>> is_url("https://example.com/a"), is_url("ftp://x/y"), is_url("a.txt"), is_url("C:/a.txt")
    (True, True, False, False)
    """
    return _SCHEME.match(spec) is not None


def looks_like_html(start: str | bytes) -> bool:
    """Whether a text (or its first bytes) starts, after white space, comments and an XML declaration,
    with ``<!DOCTYPE html``, ``<html``, ``<head`` or ``<body``.

    >>> looks_like_html("  <!-- saved --><!DOCTYPE html><p>x"), looks_like_html("The <html> tag")
    (True, False)
    """
    if isinstance(start, bytes):
        start = start[: _SNIFF_BYTES * 4].removeprefix(codecs.BOM_UTF8).decode("latin-1")
    head = start[: _SNIFF_BYTES * 4].removeprefix("\ufeff")
    pos = 0
    while (m := _SKIP.match(head, pos)) is not None and m.end() > pos:
        pos = m.end()
    return _HTML_START.match(head, pos) is not None


def read_input(
    spec: str,
    *,
    encoding: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
    max_page_bytes: int = MAX_PAGE_BYTES,
) -> Document:
    """Read one input: a file path, ``-`` for ``stdin`` (standard input by default), or an ``http(s)://`` URL.

    Raises :class:`InputError` (one line naming the input) for anything that cannot be read, and its subclass
    ``WebUnavailable`` for a page without the ``web`` extra.
    """
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _from_bytes(
            read_stream_bytes(stream, max_bytes=max_bytes), spec, "standard input", encoding, False, max_page_bytes
        )
    if is_url(spec):
        return _from_url(spec, encoding=encoding, timeout=timeout, max_bytes=max_page_bytes)
    data = read_bytes(spec, max_bytes=max_bytes)
    named_html = PurePath(spec).suffix.lower() in HTML_SUFFIXES
    return _from_bytes(data, spec, spec, encoding, named_html, max_page_bytes)


def _from_bytes(
    data: bytes, spec: str, name: str, encoding: str | None, named_html: bool, max_page_bytes: int
) -> Document:
    if named_html or looks_like_html(data):
        return _page(data, spec, name, encoding, None, None, max_page_bytes)
    text = decode(data, name, encoding)
    if looks_like_html(text):  # HTML in UTF-16, say
        return _page(data, spec, name, encoding, None, None, max_page_bytes)
    return Document(spec, text)


def _from_url(url: str, *, encoding: str | None, timeout: float, max_bytes: int) -> Document:
    from claimdiff.inputs import web

    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{url}: only http:// and https:// addresses are read")
    web.require(url)  # before any network access
    page = web.fetch(url, timeout=timeout, max_bytes=max_bytes)
    if not page.typed and not looks_like_html(page.body):
        raise InputError(f"{url}: not an HTML page (no content type, and the body does not look like HTML)")
    return _page(page.body, url, url, encoding, page.charset, page.url, max_bytes)


def _page(
    data: bytes,
    spec: str,
    name: str,
    encoding: str | None,
    declared: str | None,
    url: str | None,
    max_page_bytes: int,
) -> Document:
    from claimdiff.inputs import web

    web.require(name)
    if len(data) > max_page_bytes:
        raise InputError(f"{name}: too large for an HTML page ({len(data):,} bytes; the limit is {max_page_bytes:,})")
    html = decode_html(data, name, encoding=encoding, declared=declared)
    text, meta = web.extract(html, name=name, url=url)
    return Document(spec, text, SourceKind.URL if url is not None else SourceKind.HTML, meta)


def decode_html(data: bytes, name: str, *, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode an HTML page by the order of this module's documentation."""
    if encoding is not None or any(data.startswith(bom) for bom in _BOMS):
        return decode(data, name, encoding)
    charset = _codec(declared) or _codec(_meta_charset(data))
    if charset is not None:
        try:
            return decode(data, name, charset)
        except InputError:
            pass  # the page says one thing and is another: the text rule reads it as a browser would, mostly
    return decode(data, name)


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[: _SNIFF_BYTES * 4])
    return m.group(1).decode("ascii") if m else None


def _codec(label: str | None) -> str | None:
    """A Python codec for a charset label, or ``None`` when unknown or not meant for an ASCII-compatible page."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # a page that declares UTF-16 in ASCII bytes is UTF-8 (the HTML standard says so); with a BOM it never gets here
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name
