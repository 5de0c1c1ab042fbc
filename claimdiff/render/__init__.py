"""Output formats. The only package that knows how results look; only :mod:`.table` imports rich.

Each renderer is a function of a result and returns text or writes to a console it is given; none
reads the environment itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdiff.formats import ExtractFormat, Format, OutputFormat

if TYPE_CHECKING:
    from claimdiff.model import Meta

__all__ = ["MAX_WIDTH", "MIN_WIDTH", "ExtractFormat", "Format", "OutputFormat", "page_label"]

MIN_WIDTH, MAX_WIDTH = 40, 1000
"""Bounds of a table's width in columns (``--width``, and ``COLUMNS`` when it is set): a narrower table cannot
hold two columns, a wider one only costs memory."""


def page_label(meta: Meta | None) -> str:
    """What a heading line shows of a page after its name: ``" — Title (Site, 2024-03-14)"``, the parts the page
    has; empty for text. Not yet made safe: callers pass it through :func:`~claimdiff.render.controls.safe`.

    >>> from claimdiff.model import Meta
    >>> page_label(Meta(title="Bridge repair approved", sitename="The Gazette")), page_label(None)
    (' — Bridge repair approved (The Gazette)', '')
    """
    if meta is None:
        return ""
    about = ", ".join(p for p in (meta.sitename, meta.date) if p)
    parts = [p for p in (meta.title, f"({about})" if about else "") if p]
    return " \u2014 " + " ".join(parts) if parts else ""
