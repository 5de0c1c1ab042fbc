"""What ``claimdiff extract`` prints: the text claimdiff reads from an input, or that text with the page's
metadata as JSON (``claimdiff/extract/1``, schema ``claimdiff/schemas/extract-1.schema.json``).

The text goes through :func:`~claimdiff.render.controls.safe` like every other output, so a page cannot send
escape sequences to the terminal; the JSON through :func:`~claimdiff.render.json.dumps`.

>>> from claimdiff.inputs import Document
>>> render_extract(Document("a.txt", "One.\\x1b[2J\\n\\nTwo."), ExtractFormat.TEXT)
'One.\\\\x1b[2J\\n\\nTwo.\\n'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimdiff._version import __version__
from claimdiff.render import ExtractFormat
from claimdiff.render.controls import safe
from claimdiff.render.json import dumps

if TYPE_CHECKING:
    from claimdiff.inputs import Document

EXTRACT_SCHEMA = "claimdiff/extract/1"


def extract_document(document: Document) -> dict[str, Any]:
    """The JSON contract ``claimdiff/extract/1``: the input's name, kind, metadata (``null`` for text) and text."""
    return {
        "schema": EXTRACT_SCHEMA,
        "version": __version__,
        "name": document.name,
        "kind": document.kind.value,
        "meta": None if document.meta is None else document.meta.to_dict(),
        "text": document.text,
    }


def render_extract(document: Document, output_format: ExtractFormat) -> str:
    """The text (control characters made visible; one line feed at the end) or the JSON document."""
    if output_format is ExtractFormat.JSON:
        return dumps(extract_document(document))
    return safe(document.text.rstrip("\n")) + "\n"
