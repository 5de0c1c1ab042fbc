"""The JSON renderer: the ``claimdiff/compare/2`` contract, documented in ``docs/json.md`` and
described by the JSON Schema shipped as ``claimdiff/schemas/compare-2.schema.json``.

Text is written as UTF-8 (``é`` and ``“`` stay readable), except the characters a terminal or a viewer acts
on: :mod:`json` already escapes the C0 controls; DEL, the C1 controls (U+009B is a one-character CSI), the
bidi controls, the line and paragraph separators U+2028/U+2029 and lone surrogates (the undecodable bytes of a
file name) are written as ``\\uXXXX`` too, so that
``cat result.json`` is safe. The decoded data is the same either way.

>>> dumps({"t": "a\\x1b\\x9b\\u202e\\u2028é"})
'{\\n  "t": "a\\\\u001b\\\\u009b\\\\u202e\\\\u2028é"\\n}\\n'
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimdiff.render.controls import BIDI_CONTROLS

# Only ever found inside a string literal of the serialised document (the structure is ASCII, and a
# backslash in a string is always doubled), where `\uXXXX` stands for the same character.
_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def dumps(document: dict[str, Any], *, indent: int | None = 2) -> str:
    """Serialise a result document: two-space indent (``indent=None``: one line, for JSON Lines), keys in
    contract order, UTF-8 text kept as is but for control, bidi and line-separator characters, written as
    ``\\uXXXX``."""
    return _RAW.sub(_escape, json.dumps(document, ensure_ascii=False, indent=indent)) + "\n"
