"""The side-by-side table for terminals: the only module that imports rich.

Rows follow the reading order of source A; a unit found only in B is placed just before the row of
the next B unit that is matched, so it appears where it occurs in B. Input text always goes through
:class:`rich.text.Text` (never markup), with control characters made visible, so an input can neither
style the output nor send escape sequences to the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TextIO

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from claimdiff.model import Comparison, Status
from claimdiff.render import MAX_WIDTH, MIN_WIDTH, page_label
from claimdiff.render.controls import safe
from claimdiff.render.rows import Row, cell, merge_marks, row_marks, rows

__all__ = ["STYLES", "ComparisonTable", "Row", "append_changed", "console_for", "print_table", "rows", "safe"]


STYLES = {
    Status.SHARED: "green",
    Status.PARAPHRASED: "yellow",
    Status.CONFLICTING: "bold magenta",
    Status.UNIQUE: "bold red",
    Status.BOILERPLATE: "dim",
}
CHANGED = "reverse"


PLAIN_MARKS = {"a": ("[-", "-]"), "b": ("{+", "+}")}
"""Without colour, changed words are bracketed as wdiff does: ``[-old-]`` in A, ``{+new+}`` in B."""


def line_ends(text: str) -> str:
    """CR and CRLF line ends as plain line feeds (same length: a CR before LF becomes a space), so that
    a report written on Windows does not show ``\x0d`` and offsets into ``text`` stay valid."""
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


def append_changed(out: Text, words: str, plain: tuple[str, str] | None) -> None:
    """Append changed words to ``out``: in reverse video, or bracketed with ``plain`` (opening, closing)
    when there is no colour to show them."""
    if plain is None:
        out.append(safe(words), style=CHANGED)
    else:
        out.append(f"{plain[0]}{safe(words)}{plain[1]}")


def _text(raw: str, style: str, marks: Iterable[tuple[int, int]] = (), plain: tuple[str, str] | None = None) -> Text:
    """``raw`` as rich text with control characters made visible and the ``marks`` (changed words)
    highlighted, or bracketed with ``plain`` (opening, closing) when there is no colour to show them."""
    # Offsets of the changed words refer to `raw`; make control characters visible piece by piece
    # so that the marks still land on the right words.
    raw = line_ends(raw)
    out = Text(style=style)
    pos = 0
    # one highlight for a run of changed words, not one per word
    for start, end in merge_marks(raw, list(marks)):
        out.append(safe(raw[pos:start]))
        append_changed(out, raw[start:end], plain)
        pos = end
    out.append(safe(raw[pos:]))
    return out


class ComparisonTable:
    """A renderable side-by-side view of a :class:`~claimdiff.model.Comparison`."""

    def __init__(self, comparison: Comparison, *, show_boilerplate: bool = True) -> None:
        self.c = comparison
        self.show_boilerplate = show_boilerplate
        self.colour = True
        """Whether changed words can be shown by colour; otherwise they are bracketed (``PLAIN_MARKS``)."""

    def _cell(self, side: str, idx: tuple[int, ...], status: Status, marks: list[tuple[int, int]]) -> Text:
        source = self.c.a if side == "a" else self.c.b
        raw = " ".join(source.units[k].text for k in idx)
        return _text(raw, STYLES[status] if status is not Status.SHARED else "", marks if marks else ())

    def table(self) -> Table:
        c = self.c
        st_a, st_b = c.statuses("a"), c.statuses("b")
        t = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True, show_edge=False, padding=(0, 1))
        t.add_column(Text("A"), ratio=1, overflow="fold")
        t.add_column(Text("status"), justify="center", no_wrap=True, width=11)
        t.add_column(Text("B"), ratio=1, overflow="fold")
        for row in rows(c):
            if row.match is not None:
                status = Status(row.match.label.value)
                raw_a, raw_b = cell(c.a.units, row.a), cell(c.b.units, row.b)
                # the words that disagree for a conflict, else every changed word
                marks_a, marks_b = row_marks(c, row)
                label = Text(f"{status.value}\n{row.match.score:.0f}", style=STYLES[status])
                plain_a, plain_b = (None, None) if self.colour else (PLAIN_MARKS["a"], PLAIN_MARKS["b"])
                cell_a = _text(raw_a, "", marks_a, plain_a)
                for x in row.match.conflicts:
                    cell_a.append("\n\u26a0 " + safe(x.reason(c.a.text, c.b.text)), style=STYLES[status])
                t.add_row(cell_a, label, _text(raw_b, "", marks_b, plain_b))
            elif row.a:
                status = st_a[row.a[0]]
                if status is Status.BOILERPLATE and not self.show_boilerplate:
                    continue
                word = "only A" if status is Status.UNIQUE else status.value
                t.add_row(self._cell("a", row.a, status, []), Text(word, style=STYLES[status]), "")
            else:
                status = st_b[row.b[0]]
                if status is Status.BOILERPLATE and not self.show_boilerplate:
                    continue
                word = "only B" if status is Status.UNIQUE else status.value
                t.add_row("", Text(word, style=STYLES[status]), self._cell("b", row.b, status, []))
        return t

    def legend(self, *, colour: bool = True) -> Text:
        """The key to the table; without colour, words only (coloured squares would say nothing)."""
        if not colour:
            return Text(
                "status: shared (same words), paraphrased (same claim, other words), conflicting (same claim, "
                "different figure, negation, modality or source), only A / only B, "
                "boilerplate; the number under a status is the similarity (0-100); changed words: "
                "[-in A-] {+in B+}"
            )
        out = Text()
        for label, style in (
            ("shared", STYLES[Status.SHARED]),
            ("paraphrased", STYLES[Status.PARAPHRASED]),
            ("conflicting", STYLES[Status.CONFLICTING]),
            ("only in one report", STYLES[Status.UNIQUE]),
            ("boilerplate", STYLES[Status.BOILERPLATE]),
        ):
            out.append("\u25a0 ", style=style)
            out.append(label + "   ")
        out.append("changed words", style=CHANGED)
        out.append(" (number under a status: similarity, 0-100)", style="dim")
        return out

    def summary_line(self) -> Text:
        s = self.c.summary
        return Text.assemble(
            (f"{s.shared} shared", STYLES[Status.SHARED]),
            ", ",
            (f"{s.paraphrased} paraphrased", STYLES[Status.PARAPHRASED]),
            ", ",
            (f"{s.conflicting} conflicting", STYLES[Status.CONFLICTING]),
            f"; only in A: {s.unique_a}, only in B: {s.unique_b}; ",
            f"{s.coverage_a:.0%} of A's claims found in B, {s.coverage_b:.0%} of B's found in A",
        )

    def heading(self) -> Text:
        """Which report is A and which is B, above the table so that a long path is never squeezed into a
        column: a path wider than the terminal wraps onto the next line, never cut. A page adds its title,
        site and date."""
        a, b = (safe(source.name, one_line=True) for source in self.c.sources)
        pa, pb = (safe(page_label(source.meta), one_line=True) for source in self.c.sources)
        heading = Text.assemble("A: ", (a, "bold"), pa, "\n", "B: ", (b, "bold"), pb)
        heading.overflow = "fold"
        return heading

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.colour = console.color_system is not None and not console.no_color
        yield self.heading()
        yield self.table()
        yield self.legend(colour=self.colour)
        yield self.summary_line()


def print_table(comparison: Comparison, console: Console, *, show_boilerplate: bool = True) -> None:
    """Print the side-by-side view to ``console`` (the caller decides width and colour)."""
    console.print(ComparisonTable(comparison, show_boilerplate=show_boilerplate))


def console_for(file: TextIO, *, color: str = "auto", width: int | None = None) -> Console:
    """A console for ``file``. ``color`` is ``auto`` (colour when ``file`` is a terminal and
    ``NO_COLOR`` is unset), ``always`` or ``never``; ``width`` defaults to ``COLUMNS``, then the
    terminal's width when ``file`` is a terminal, else 80 (a piped table does not follow the
    terminal the command was typed in)."""
    env_width = os.environ.get("COLUMNS", "")
    if width is None and env_width.isdigit():
        # COLUMNS is bounded like --width: a huge value would only cost memory
        width = min(MAX_WIDTH, max(MIN_WIDTH, int(env_width)))
    if width is None:
        isatty = getattr(file, "isatty", None)
        if not (isatty is not None and isatty()):
            width = 80
    return Console(
        file=file,
        force_terminal=True if color == "always" else None,
        no_color={"never": True, "always": False}.get(color),
        color_system={"never": None, "always": "256"}.get(color, "auto"),
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
    )
