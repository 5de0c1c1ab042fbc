"""The readable report of ``claimdiff check`` for terminals and CI logs (rich).

Findings are grouped by kind; each shows its severity, its message and both places as ``path:line``
with the text found there, the differing words or figures marked. Input text always goes through
:class:`rich.text.Text` (never markup) with control characters made visible, so a report can neither
style the output nor send escape sequences to the terminal; file names are shown on one line (a newline in a
name as ``\\n``), so a name cannot start a line of its own.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from claimdiff.check import CheckReport, Finding, Location, Severity
from claimdiff.policy import FindingKind
from claimdiff.render import page_label
from claimdiff.render.controls import safe
from claimdiff.render.table import PLAIN_MARKS, append_changed, line_ends

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
_EXCERPT = 400


def _marked(raw: str, base: int, marks: tuple[tuple[int, int], ...], plain: tuple[str, str] | None = None) -> Text:
    """``raw`` (the input from offset ``base``) with the spans ``marks`` (absolute offsets) marked: in
    reverse video, or bracketed with ``plain`` (opening, closing) when there is no colour."""
    raw = line_ends(raw)
    out = Text()
    pos = 0
    for start, end in marks:
        s, e = max(start - base, pos), min(end - base, len(raw))
        if s >= e:
            continue
        out.append(safe(raw[pos:s]))
        append_changed(out, raw[s:e], plain)
        pos = e
    out.append(safe(raw[pos:]))
    if len(out) > _EXCERPT:
        out.truncate(_EXCERPT)
        out.append("\u2026", style="dim")
    return out


def _indent(item: Text, cells: int) -> Padding:
    return Padding(item, (0, 0, 0, cells), expand=False)


def _place(role: str, name: str, loc: Location, colour: bool) -> list[RenderableType]:
    label = Text.assemble((f"{role} ", "dim"), (f"{safe(name, one_line=True)}:{loc.line}", "cyan"))
    plain = None if colour else PLAIN_MARKS["b" if role == "DERIVED" else "a"]
    return [_indent(label, 2), _indent(_marked(loc.text, loc.start, loc.highlights, plain), 4)]


def _finding(report: CheckReport, f: Finding, colour: bool = True) -> RenderableType:
    head = Text.assemble((f.severity.value, SEVERITY_STYLE[f.severity]), ": ", safe(line_ends(f.message)))
    body: list[RenderableType] = [head]
    if f.derived is not None:
        body += _place("DERIVED", report.derived.name, f.derived, colour)
    if f.source is not None:
        body += _place("SOURCE", report.source.name, f.source, colour)
    return Group(*body)


class CheckView:
    """A renderable of a :class:`~claimdiff.check.CheckReport`."""

    def __init__(self, report: CheckReport) -> None:
        self.report = report

    def header(self) -> Text:
        r = self.report
        return Text.assemble(
            ("claimdiff check", "bold"),
            "  SOURCE ",
            (safe(r.source.name, one_line=True), "cyan"),
            safe(page_label(r.source.meta), one_line=True),
            "  \u2192  DERIVED ",
            (safe(r.derived.name, one_line=True), "cyan"),
            safe(page_label(r.derived.meta), one_line=True),
        )

    def footer(self) -> Text:
        r = self.report
        errors, warnings = len(r.errors), len(r.warnings)
        verdict = ("PASSED", "bold green") if r.passed else ("FAILED", "bold red")
        floor = "" if r.policy.min_coverage is None else f" (minimum {r.policy.min_coverage:.0%})"
        return Text.assemble(
            verdict,
            f": {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}; "
            f"{r.quotes_checked} quotation{'s' if r.quotes_checked != 1 else ''} and "
            f"{r.pairs_checked} aligned pair{'s' if r.pairs_checked != 1 else ''} checked; "
            f"{r.coverage:.0%} of SOURCE's claims carried{floor}",
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.render(colour=console.color_system is not None and not console.no_color)

    def render(self, *, colour: bool = True) -> RenderableType:
        """The report; without ``colour``, changed words are bracketed: ``[-SOURCE's-]``, ``{+DERIVED's+}``."""
        parts: list[RenderableType] = [self.header(), Text()]
        for kind in FindingKind:
            group = [f for f in self.report.findings if f.kind is kind]
            if not group:
                continue
            parts.append(Text(f"{kind.value} ({len(group)})", style="bold underline"))
            for f in group:
                parts.append(_finding(self.report, f, colour))
            parts.append(Text())
        if not self.report.findings:
            parts.append(Text("No findings.", style="green"))
        parts.append(self.footer())
        return Group(*parts)


def print_check(report: CheckReport, console: Console) -> None:
    """Print the report to ``console`` (see :func:`claimdiff.render.table.console_for`)."""
    console.print(CheckView(report))
