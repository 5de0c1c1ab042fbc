"""Output formats. The only package that knows how results look; only :mod:`.table` imports rich.

Each renderer is a function of a result and returns text or writes to a console it is given; none
reads the environment itself.
"""

from __future__ import annotations

from claimdiff.formats import Format, OutputFormat

__all__ = ["MAX_WIDTH", "MIN_WIDTH", "Format", "OutputFormat"]

MIN_WIDTH, MAX_WIDTH = 40, 1000
"""Bounds of a table's width in columns (``--width``, and ``COLUMNS`` when it is set): a narrower table cannot
hold two columns, a wider one only costs memory."""
