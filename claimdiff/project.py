"""The project's settings: the nearest ``pyproject.toml`` and the ``similarity`` of its ``[tool.claimdiff]`` table.

Every command reads the project's similarity at start-up; this module imports nothing heavy (the TOML parser only
for a file that mentions claimdiff), so the command line need not import the check policy
(:mod:`claimdiff.policy`, which builds on it) to read it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimdiff.similarity import Similarity

__all__ = [
    "PolicyError",
    "current_directory",
    "find_pyproject",
    "parse_similarity",
    "project_similarity",
    "similarity_of",
    "tool_table",
]


class PolicyError(ValueError):
    """A policy value is invalid; the message is one line."""


def current_directory() -> Path | None:
    """The current directory, or None when it is gone (deleted while a shell stood in it)."""
    try:
        return Path.cwd()
    except OSError:
        return None


def find_pyproject(start: Path | None) -> Path | None:
    """The first ``pyproject.toml`` in ``start`` or one of its parents (None for no ``start``)."""
    if start is None:
        return None
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def parse_similarity(value: object, what: str = "similarity") -> Similarity:
    """``"lexical"`` or ``"semantic"``.

    >>> parse_similarity("semantic")
    <Similarity.SEMANTIC: 'semantic'>
    """
    if isinstance(value, str) and value in {s.value for s in Similarity}:
        return Similarity(value)
    raise PolicyError(f"{what} must be one of lexical, semantic, got {value!r}")


def tool_table(path: Path) -> dict[str, Any]:
    """The ``[tool.claimdiff]`` table of a TOML file (empty when it has none)."""
    import tomllib

    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise PolicyError(f"{path}: no such file") from None
    except OSError as e:
        raise PolicyError(f"{path}: cannot read ({e.strerror or e})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise PolicyError(f"{path}: invalid TOML: {str(e).splitlines()[0]}") from None
    tool = data.get("tool", {})
    claimdiff = tool.get("claimdiff", {}) if isinstance(tool, dict) else {}
    if not isinstance(claimdiff, dict):
        raise PolicyError(f"{path}: [tool.claimdiff] must be a table")
    return claimdiff


def similarity_of(claimdiff: dict[str, Any], path: Path) -> Similarity:
    value = claimdiff.get("similarity")
    return Similarity.LEXICAL if value is None else parse_similarity(value, f"{path} [tool.claimdiff] similarity")


def project_similarity(cwd: Path | None = None) -> Similarity:
    """The ``similarity`` of ``[tool.claimdiff]`` in the nearest ``pyproject.toml``, else lexical."""
    path = find_pyproject(current_directory() if cwd is None else cwd)
    if path is None:
        return Similarity.LEXICAL
    try:
        if b"claimdiff" not in path.read_bytes():  # no table of ours: skip parsing TOML at every start
            return Similarity.LEXICAL
    except OSError as e:
        raise PolicyError(f"{path}: cannot read ({e.strerror or e})") from None
    return similarity_of(tool_table(path), path)
