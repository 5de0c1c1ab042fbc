"""Reading reports: text files, standard input, saved HTML pages and ``http(s)://`` URLs.

:mod:`.text` turns bytes into text by one documented decoding rule; :mod:`.document` decides what an input
is (a URL, an HTML page, plain text) and returns a :class:`Document`; :mod:`.web` fetches pages and extracts
their article text (the ``web`` extra; the only module that imports trafilatura or lxml, and only when a page
is read).
"""

from __future__ import annotations

from claimdiff.inputs.document import DEFAULT_TIMEOUT, MAX_PAGE_BYTES, Document, is_url, looks_like_html, read_input
from claimdiff.inputs.text import MAX_BYTES, InputError, decode, read_path, read_stream

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "MAX_PAGE_BYTES",
    "Document",
    "InputError",
    "decode",
    "is_url",
    "looks_like_html",
    "read_input",
    "read_path",
    "read_stream",
]
