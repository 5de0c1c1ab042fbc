"""The policy of ``claimdiff check``: which findings fail, the coverage floor and the thresholds.

A policy comes from, in increasing precedence: the defaults of :class:`Policy`, the table
``[tool.claimdiff.check]`` of a ``pyproject.toml`` (the file given with ``--config``, else the first
``pyproject.toml`` found from the current directory upward; the search stops at the first file found,
whether or not it has the table), and command-line options. Keys are written with dashes as on the
command line (underscores are accepted too); an unknown key or a bad value is an error, reported in
one line naming the file, the key and the value::

    [tool.claimdiff.check]
    fail-on = ["quote-altered", "quote-unsourced", "number-mismatch"]   # or "quote-altered,number-mismatch"
    ignore = ["attribution-changed"]   # kinds not reported at all (default: ["quote-cut"])
    min-coverage = "80%"          # or 0.8; a bare number above 1 (up to 100) is a percentage
    quote-threshold = 60          # 0-100: how closely a quotation must resemble a SOURCE quotation to be paired
    short-quote-words = 2         # quotations of at most this many words never fail on their own
    threshold = 52                # the compare pipeline's similarity threshold (0-100; default: compare's)
    similarity = "semantic"       # lexical or semantic (default: [tool.claimdiff] similarity, else lexical)
    format = "github"             # text, json, github, markdown or html

``similarity`` may also be set for every command in the ``[tool.claimdiff]`` table itself
(:func:`project_similarity`); ``[tool.claimdiff.check]`` wins for ``check``.

This module reads no terminal and imports nothing heavy, so the command line can import it at start-up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from claimdiff.formats import OutputFormat
from claimdiff.project import (
    PolicyError,
    current_directory,
    find_pyproject,
    parse_similarity,
    project_similarity,
    similarity_of,
    tool_table,
)
from claimdiff.similarity import Similarity

_FORMATS = ", ".join(f.value for f in OutputFormat)

__all__ = [
    "DEFAULT_FAIL_ON",
    "DEFAULT_IGNORE",
    "FindingKind",
    "OutputFormat",
    "Policy",
    "PolicyError",
    "find_pyproject",
    "load_policy",
    "parse_coverage",
    "parse_kinds",
    "parse_similarity",
    "project_similarity",
    "resolve_policy",
]


class FindingKind(StrEnum):
    """What ``claimdiff check`` can find."""

    QUOTE_ALTERED = "quote-altered"
    """A quotation of DERIVED matches one of SOURCE but its words differ."""
    QUOTE_CUT = "quote-cut"
    """A quotation of DERIVED leaves words of SOURCE's out at an ellipsis (``...``, ``[...]``), the words it
    keeps verbatim: an accepted cut, ignored unless the policy asks to see cuts."""
    QUOTE_UNSOURCED = "quote-unsourced"
    """DERIVED quotes words that SOURCE never quotes (it may have them as narration, or not at all)."""
    NUMBER_MISMATCH = "number-mismatch"
    """An aligned pair of claims states different figures (a ``figure`` conflict)."""
    NEGATION_FLIPPED = "negation-flipped"
    """An aligned pair of claims: one asserts what the other denies (a ``negation`` conflict)."""
    MODALITY_CHANGED = "modality-changed"
    """An aligned pair of claims: one states as certain what the other makes possible, planned, expected or
    alleged (a ``modality`` conflict)."""
    ATTRIBUTION_CHANGED = "attribution-changed"
    """An aligned pair of claims credits its words to different speakers or sources (an ``attribution``
    conflict)."""
    CLAIM_DROPPED = "claim-dropped"
    """A claim of SOURCE has no counterpart in DERIVED (only reported with a coverage policy)."""


ALL_KINDS = frozenset(FindingKind)
DEFAULT_FAIL_ON = ALL_KINDS - {FindingKind.MODALITY_CHANGED, FindingKind.ATTRIBUTION_CHANGED, FindingKind.QUOTE_CUT}
"""Kinds that fail the check by default: modality and attribution changes are warnings (a reporter may
credit a claim to another source or hedge it differently for good reason)."""
DEFAULT_IGNORE = frozenset({FindingKind.QUOTE_CUT})
"""Kinds not reported by default: a quotation cut at an ellipsis keeps the speaker's words."""


@dataclass(frozen=True, slots=True)
class Policy:
    """What ``claimdiff check`` reports and what makes it fail."""

    fail_on: frozenset[FindingKind] = DEFAULT_FAIL_ON
    """Kinds whose findings fail the check (severity ``error``); findings of other kinds are warnings."""
    ignore: frozenset[FindingKind] = DEFAULT_IGNORE
    """Kinds that are not reported at all (by default ``quote-cut``); ``ignore`` wins over ``fail_on``, but a
    policy file or command line that names a kind in ``fail-on`` without saying ``ignore`` reports it."""
    min_coverage: float | None = None
    """Share (0-1) of SOURCE's claims that DERIVED must carry. ``None``: coverage is not checked and
    dropped claims are not reported."""
    quote_threshold: float = 60.0
    """How closely (0-100, rapidfuzz ``partial_ratio`` over words, scaled down when DERIVED's quotation
    is the longer) a DERIVED quotation must resemble a SOURCE quotation to be checked against it."""
    short_quote_words: int = 2
    """Quotations of at most this many words (scare quotes, terms) are reported as ``quote-unsourced``
    warnings at most: they never fail the check on their own."""
    threshold: float | None = None
    """Similarity threshold (0-100) of the compare pipeline that aligns claims; ``None``: its default."""
    similarity: Similarity = Similarity.LEXICAL
    """How the compare pipeline compares claims (see :mod:`claimdiff.similarity`)."""
    format: OutputFormat = OutputFormat.TEXT
    """Output format of the command line."""
    origin: str | None = field(default=None, compare=False)
    """The file the policy was read from, if any."""

    def __post_init__(self) -> None:
        if self.min_coverage is not None and not (math.isfinite(self.min_coverage) and 0.0 <= self.min_coverage <= 1.0):
            raise PolicyError(f"min-coverage must be between 0 and 1, got {self.min_coverage:g}")
        if not (math.isfinite(self.quote_threshold) and 0.0 < self.quote_threshold <= 100.0):
            raise PolicyError(f"quote-threshold must be above 0 and at most 100, got {self.quote_threshold:g}")
        if self.threshold is not None and not (math.isfinite(self.threshold) and 0.0 < self.threshold <= 100.0):
            raise PolicyError(f"threshold must be above 0 and at most 100, got {self.threshold:g}")
        if self.short_quote_words < 0:
            raise PolicyError(f"short-quote-words must be 0 or more, got {self.short_quote_words}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "fail_on": sorted(k.value for k in self.fail_on),
            "ignore": sorted(k.value for k in self.ignore),
            "min_coverage": self.min_coverage,
            "quote_threshold": self.quote_threshold,
            "short_quote_words": self.short_quote_words,
            "threshold": self.threshold,
            "similarity": self.similarity.value,
            "origin": self.origin,
        }


def parse_kinds(value: object, what: str = "fail-on") -> frozenset[FindingKind]:
    """Finding kinds from ``"a,b"`` or a list of names; ``"all"`` and ``"none"`` (or empty) too.

    >>> sorted(parse_kinds("number-mismatch, quote-altered"))
    [<FindingKind.NUMBER_MISMATCH: 'number-mismatch'>, <FindingKind.QUOTE_ALTERED: 'quote-altered'>]
    """
    if isinstance(value, str):
        names = [v.strip() for v in value.split(",")]
    elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        names = [str(v).strip() for v in value]
    else:
        raise PolicyError(f"{what} must be a list of finding kinds or a comma-separated string, got {value!r}")
    names = [n for n in names if n]
    if names in ([], ["none"]):
        return frozenset()
    if names == ["all"]:
        return ALL_KINDS
    out = set()
    for n in names:
        try:
            out.add(FindingKind(n))
        except ValueError:
            known = ", ".join(k.value for k in FindingKind)
            raise PolicyError(f"{what}: unknown finding kind {n!r} (known: {known}, all, none)") from None
    return frozenset(out)


def parse_coverage(value: object) -> float:
    """A coverage floor as a share 0-1: ``0.8``, ``"0.8"``, ``"80%"``, or a bare number above 1 up to
    100, read as a percentage (``80`` is 80 %; ``1`` is 100 %).

    >>> parse_coverage("80%"), parse_coverage(0.5), parse_coverage(75)
    (0.8, 0.5, 0.75)
    """
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise PolicyError(f"min-coverage must be a number or a percentage such as '80%', got {value!r}")
    percent = False
    number: float
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            percent, text = True, text[:-1].strip()
        try:
            number = float(text)
        except ValueError:
            raise PolicyError(f"min-coverage must be a number or a percentage such as '80%', got {value!r}") from None
    else:
        number = float(value)
    if not math.isfinite(number) or number < 0:
        raise PolicyError(f"min-coverage must be between 0 and 1 or 0% and 100%, got {value!r}")
    if percent or number > 1.0:
        if number > 100.0:
            raise PolicyError(f"min-coverage must be between 0 and 1 or 0% and 100%, got {value!r}")
        number /= 100.0
    return number


_KEYS = (
    "fail-on",
    "ignore",
    "min-coverage",
    "quote-threshold",
    "short-quote-words",
    "threshold",
    "similarity",
    "format",
)


def _number(where: str, key: str, value: object, *, integer: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or (integer and not isinstance(value, int)):
        kind = "a whole number" if integer else "a number"
        raise PolicyError(f"{where}: {key} must be {kind}, got {value!r}")
    return float(value)


def policy_from_table(table: dict[str, Any], where: str, *, origin: str | None = None) -> Policy:
    """Apply the keys of a ``[tool.claimdiff.check]`` table to ``base`` (or the defaults)."""
    changes: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key not in _KEYS:
            raise PolicyError(f"{where}: unknown key {raw_key!r} (known: {', '.join(_KEYS)})")
        try:
            if key == "fail-on":
                changes["fail_on"] = parse_kinds(value)
            elif key == "ignore":
                changes["ignore"] = parse_kinds(value, "ignore")
            elif key == "min-coverage":
                changes["min_coverage"] = parse_coverage(value)
            elif key == "short-quote-words":
                changes["short_quote_words"] = int(_number(where, key, value, integer=True))
            elif key == "similarity":
                changes["similarity"] = parse_similarity(value)
            elif key == "format":
                if not isinstance(value, str) or value not in {f.value for f in OutputFormat}:
                    raise PolicyError(f"format must be one of {_FORMATS}, got {value!r}")
                changes["format"] = OutputFormat(value)
            else:
                changes[key.replace("-", "_")] = _number(where, key, value)
        except PolicyError as e:
            message = str(e)
            raise PolicyError(message if message.startswith(where) else f"{where}: {message}") from None
    if "fail_on" in changes and "ignore" not in changes:
        # a kind named to fail the check is reported: "fail-on = ['quote-cut']" needs no "ignore = []"
        changes["ignore"] = DEFAULT_IGNORE - changes["fail_on"]
    try:
        return Policy(origin=origin, **changes)
    except PolicyError as e:
        raise PolicyError(f"{where}: {e}") from None


def load_policy(path: Path) -> Policy:
    """The policy of a TOML file's ``[tool.claimdiff.check]`` table (defaults when it has none), with
    the ``similarity`` of ``[tool.claimdiff]`` as the default similarity."""
    claimdiff = tool_table(path)
    similarity = similarity_of(claimdiff, path)
    table = claimdiff.get("check")
    if table is None:
        return Policy(origin=str(path), similarity=similarity)
    if not isinstance(table, dict):
        raise PolicyError(f"{path}: [tool.claimdiff.check] must be a table")
    policy = policy_from_table(table, f"{path} [tool.claimdiff.check]", origin=str(path))
    if "similarity" not in {k.replace("_", "-") for k in table}:
        policy = replace(policy, similarity=similarity)
    return policy


def resolve_policy(
    cwd: Path | None = None,
    *,
    config: str | Path | None = None,
    fail_on: str | None = None,
    ignore: str | None = None,
    min_coverage: str | None = None,
    quote_threshold: float | None = None,
    short_quote_words: int | None = None,
    threshold: float | None = None,
    similarity: str | None = None,
    output_format: str | None = None,
) -> Policy:
    """The effective policy: the file's (``config``, else the nearest ``pyproject.toml`` from ``cwd``)
    with every option that is not ``None`` applied on top. ``cwd`` defaults to the current directory."""
    path = Path(config) if config is not None else find_pyproject(current_directory() if cwd is None else cwd)
    policy = load_policy(path) if path is not None else Policy()
    changes: dict[str, Any] = {}
    if fail_on is not None:
        changes["fail_on"] = parse_kinds(fail_on)
        if ignore is None:
            # a kind named to fail the check is reported (``--fail-on quote-cut`` needs no ``--ignore none``)
            changes["ignore"] = policy.ignore - changes["fail_on"]
    if ignore is not None:
        changes["ignore"] = parse_kinds(ignore, "--ignore")
    if min_coverage is not None:
        changes["min_coverage"] = parse_coverage(min_coverage)
    if quote_threshold is not None:
        changes["quote_threshold"] = quote_threshold
    if short_quote_words is not None:
        changes["short_quote_words"] = short_quote_words
    if threshold is not None:
        changes["threshold"] = threshold
    if similarity is not None:
        changes["similarity"] = parse_similarity(similarity, "--similarity")
    if output_format is not None:
        if output_format not in {f.value for f in OutputFormat}:
            raise PolicyError(f"--format must be one of {_FORMATS}, got {output_format!r}")
        changes["format"] = OutputFormat(output_format)
    return replace(policy, **changes) if changes else policy
