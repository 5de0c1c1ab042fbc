"""GitHub Actions workflow commands for ``claimdiff check --format github``.

Each finding becomes one ``::error`` (a failing finding) or ``::warning`` line, so that it shows as an
annotation on the file and line of a pull request. The annotation sits on DERIVED when the finding has
a place there, else on SOURCE; a place on standard input (``-``) gets no ``file``, and a place in a web
page (a URL or a saved page, whose lines are those of the extracted article) neither ``file`` nor line.

Escaping follows the runner's parser (github.com/actions/runner, ``src/Runner.Common/ActionCommand.cs``:
``TryParseV2``, ``_escapeDataMappings``, ``_escapePropertyMappings``): a line is a command when it starts,
after leading spaces, with ``::``; the command and its properties end at the next ``::``; properties are
split at ``,`` and each at its first ``=``; the runner then decodes ``%0D``, ``%0A`` (in properties also
``%3A``, ``%2C``) and ``%25`` last. So message data escapes ``%``, CR and LF as ``%25``, ``%0D``, ``%0A``,
and property values also ``:`` and ``,`` as ``%3A`` and ``%2C``. No input text can then end the line, start
another command, add a property or end the property list early. Every other control character (ESC, BEL,
DEL, C1, tab) and every bidi control is written visibly by :func:`claimdiff.render.controls.safe`
(``\\x1b``, ``\\u202e``), so nothing in the log can move the cursor, recolour it or reorder how a line reads.

>>> escape_property("a:b,c%")
'a%3Ab%2Cc%25'
>>> escape_data("50%\\r\\n\\x1b[31m\\u202e")
'50%25%0D%0A\\\\x1b[31m\\\\u202e'
"""

from __future__ import annotations

from claimdiff.check import CheckReport, Finding, Location, Severity
from claimdiff.model import SourceKind
from claimdiff.render.controls import safe

__all__ = ["escape_data", "escape_property", "render_github"]

_EXCERPT = 120


def escape_data(value: str) -> str:
    """Escape a workflow command's message: ``%``, CR, LF percent-encoded, other controls made visible."""
    # `%` first, so that the `%` of the escapes added next is not escaped again. The output of
    # `safe` holds no `%`, CR, LF, `:` or `,`, so it can go last.
    return safe(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"), one_line=True)


def escape_property(value: str) -> str:
    """Escape a workflow command's property value: as :func:`escape_data`, and ``:``, ``,`` too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _excerpt(loc: Location) -> str:
    text = " ".join(loc.text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "\u2026"


def _command(report: CheckReport, f: Finding) -> str:
    level = "error" if f.severity is Severity.ERROR else "warning"
    props: list[tuple[str, str]] = []
    anchor, side = (f.derived, report.derived) if f.derived is not None else (f.source, report.source)
    # a web page's lines are those of the extracted article, not of any file in the repository
    page = side.kind is not SourceKind.TEXT
    if side.name != "-" and not page and (anchor is not None or f.derived is None):
        props.append(("file", side.name))
    if anchor is not None and not page:
        props += [
            ("line", str(anchor.line)),
            ("endLine", str(anchor.end_line)),
            ("col", str(anchor.column)),
            ("endColumn", str(anchor.end_column)),
        ]
    props.append(("title", f"claimdiff {f.kind.value}"))
    message = f.message
    if f.derived is not None and f.source is not None:
        message += f" [SOURCE {report.source.name}:{f.source.line}: {_excerpt(f.source)}]"
    elif f.derived is None and f.source is not None:
        message += f": {_excerpt(f.source)}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{level} {head}::{escape_data(message)}"


def render_github(report: CheckReport) -> str:
    """One workflow command per finding, then a plain summary line."""
    lines = [_command(report, f) for f in report.findings]
    verdict = "passed" if report.passed else "failed"
    lines.append(f"claimdiff check {verdict}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return "\n".join(lines) + "\n"
