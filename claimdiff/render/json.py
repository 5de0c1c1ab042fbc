"""The JSON renderer: the ``claimdiff/compare/1`` contract, documented in ``docs/json.md`` and
described by the JSON Schema shipped as ``claimdiff/schemas/compare-1.schema.json``."""

from __future__ import annotations

import json
from typing import Any


def dumps(document: dict[str, Any]) -> str:
    """Serialise a result document: UTF-8 text kept as is, two-space indent, keys in contract order."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
