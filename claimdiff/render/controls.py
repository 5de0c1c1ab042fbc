"""Making control characters in input text inert: the one helper every renderer uses.

A report or a file name may hold characters that a terminal or a log viewer acts on instead of showing:
C0 controls such as ESC (``\\x1b[31m`` colours the screen, ``\\x1b]0;...\\x07`` retitles the window), DEL,
C1 controls (U+0080-U+009F; U+009B is a one-character CSI to many terminals) and the bidirectional
controls that reorder how a line reads (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C).
:func:`safe` writes each of them visibly, as ``\\x1b`` or ``\\u202e``. No rich import here, so the
GitHub and JSON renderers can use it without loading rich.

>>> safe("a\\x1b[31mb\\u202ec\\x9b")
'a\\\\x1b[31mb\\\\u202ec\\\\x9b'
>>> safe("two\\nlines\\tand a tab"), safe("two\\nlines\\tand a tab", one_line=True)
('two\\nlines\\tand a tab', 'two\\\\nlines\\\\tand a tab')
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["BIDI_CONTROLS", "safe"]

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""The bidirectional formatting characters, as the body of a regular-expression character class:
ALM, LRM, RLM, the embeddings and overrides LRE..RLO and the isolates LRI..PDI."""

# and lone surrogates: a file name's bytes that are not UTF-8 arrive as U+DC80-U+DCFF, which stdout would
# write back as the raw bytes (0x9B, a CSI, among them)
_SHOWN = "\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\ud800-\udfff"


def _show(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def safe(text: str, *, one_line: bool = False) -> str:
    """Make control characters (ESC, C1, bidi overrides, ...) visible as ``\\xNN`` / ``\\uNNNN``.

    Tab and line feed are kept (a renderer lays them out), unless ``one_line`` is true: then they are
    shown as ``\\t`` and ``\\n`` too, for a file name or another value that must stay on one line.
    """
    shown = _shown().sub(_show, text)
    return shown.replace("\t", "\\t").replace("\n", "\\n") if one_line else shown


@cache
def _shown() -> re.Pattern[str]:
    """The characters :func:`safe` shows (but tab and line feed, which it writes in short), compiled on first use:
    a JSON run imports this module for :data:`BIDI_CONTROLS` alone."""
    return re.compile(f"[{_SHOWN}]")
