"""The names of the output formats, shared by the policy (``format = "github"`` in ``pyproject.toml``) and
the command line. How each looks is :mod:`claimdiff.render`'s business; this module knows only the names,
so that the library's lower layers never import a renderer."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["CorpusFormat", "ExtractFormat", "Format", "OutputFormat"]


class Format(StrEnum):
    """Output formats of ``claimdiff compare`` and ``claimdiff matrix``."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


class OutputFormat(StrEnum):
    """How ``claimdiff check`` prints its report."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    MARKDOWN = "markdown"
    HTML = "html"


class ExtractFormat(StrEnum):
    """How ``claimdiff extract`` prints what it read."""

    TEXT = "text"
    JSON = "json"


class CorpusFormat(StrEnum):
    """How ``claimdiff corpus`` prints its result."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
