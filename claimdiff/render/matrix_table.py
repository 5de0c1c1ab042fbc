"""The claim matrix for terminals (rich): one row per claim, one column per source, and the pair labels.

Input text goes through :class:`rich.text.Text` (never markup) with control characters made visible, as in
:mod:`claimdiff.render.table`. A row stated by one source only is marked ``only A`` (``only B``, ...).
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from claimdiff.matrix import Matrix
from claimdiff.model import Status
from claimdiff.render import page_label
from claimdiff.render.controls import safe
from claimdiff.render.rows import cell
from claimdiff.render.table import STYLES, line_ends

__all__ = ["MatrixTable", "print_matrix"]


class MatrixTable:
    """A renderable of a :class:`~claimdiff.matrix.Matrix`."""

    def __init__(self, m: Matrix) -> None:
        self.m = m

    def heading(self) -> Text:
        out = Text(overflow="fold")
        for k, s in enumerate(self.m.sources):
            if k:
                out.append("\n")
            out.append(f"{s.id.upper()}: ")
            out.append(safe(s.name, one_line=True), style="bold")
            out.append(safe(page_label(s.meta), one_line=True))
        return out

    def table(self) -> Table:
        m = self.m
        t = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True, show_edge=False, padding=(0, 1))
        t.add_column(Text("n"), justify="right", no_wrap=True, width=2)
        for s in m.sources:
            t.add_column(Text(s.id.upper()), ratio=1, overflow="fold")
        rows: list[tuple[str, list[Text], Text]] = []
        for c in m.claims:
            cells = [Text(safe(line_ends(cell(s.units, idx)))) for s, idx in zip(m.sources, c.units, strict=True)]
            pairs = Text()
            if c.sources_count == 1:
                pairs.append(f"only {m.sources[c.sources[0]].id.upper()}", style=STYLES[Status.UNIQUE])
            for k, x in enumerate(c.links):
                if k:
                    pairs.append("\n")
                name = f"{m.sources[x.first].id.upper()}-{m.sources[x.second].id.upper()}"
                pairs.append(f"{name} {x.label.value} {x.score:.0f}", style=STYLES[Status(x.label.value)])
                for y in x.conflicts:
                    reason = y.reason(m.sources[x.first].text, m.sources[x.second].text)
                    pairs.append("\n\u26a0 " + safe(reason), style=STYLES[Status.CONFLICTING])
            rows.append((str(c.sources_count), cells, pairs))
        longest = max((len(line) for r in rows for line in r[2].plain.split("\n")), default=6)
        t.add_column(Text("pairs"), overflow="fold", width=min(max(longest, 6), 40))
        for count, cells, pairs in rows:
            t.add_row(count, *cells, pairs)
        return t

    def summary(self) -> Text:
        out = Text()
        for k, (s, x) in enumerate(zip(self.m.sources, self.m.summary, strict=True)):
            if k:
                out.append("\n")
            out.append(
                f"{s.id.upper()}: {x.claims} claims, {x.all} shared with all, {x.some} with some, {x.alone} alone"
            )
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.heading()
        yield self.table()
        yield Text(
            "n: how many sources state the claim; pairs: the label and similarity (0-100) of each pair of sources"
            " a pairwise match joined",
            style="dim",
        )
        yield self.summary()


def print_matrix(m: Matrix, console: Console) -> None:
    """Print the matrix to ``console`` (see :func:`claimdiff.render.table.console_for`)."""
    console.print(MatrixTable(m))
