"""The rows of a side-by-side view, shared by the terminal table, Markdown and HTML (no rich here).

Rows follow the reading order of source A; a unit found only in B is placed just before the row of the next B
unit that is matched, so it appears where it occurs in B. A matched row's cells carry the changed words (or,
for a conflicting match, the words that disagree) as spans into the cell's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimdiff.model import Comparison, Match, Status, Unit
from claimdiff.worddiff import changed_words

__all__ = ["Marks", "Row", "cell", "local", "merge_marks", "row_marks", "rows"]

Marks = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Row:
    """Unit indexes of side A and of side B shown on one row, and the match that joins them (if any)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    match: Match | None

    def status(self, c: Comparison) -> Status:
        """The row's status: the match's label, else the status of its one unit."""
        if self.match is not None:
            return Status(self.match.label.value)
        return c.statuses("a")[self.a[0]] if self.a else c.statuses("b")[self.b[0]]


def rows(c: Comparison) -> list[Row]:
    """The rows of ``c`` in display order (see the module documentation)."""
    by_a = c.partners("a")
    by_b = c.partners("b")
    # Each B-only unit hangs before the next matched B unit (or at the end).
    pending: dict[int | None, list[int]] = {}
    waiting: list[int] = []
    for j in range(len(c.b.units)):
        if j in by_b:
            if waiting:
                pending[j] = waiting
                waiting = []
        else:
            waiting.append(j)
    if waiting:
        pending[None] = waiting

    out: list[Row] = []
    done: set[int] = set()
    for i in range(len(c.a.units)):
        m = by_a.get(i)
        if m is None:
            out.append(Row((i,), (), None))
            continue
        if id(m) in done:
            continue
        done.add(id(m))
        for j in m.b:
            out.extend(Row((), (k,), None) for k in pending.pop(j, []))
        out.append(Row(m.a, m.b, m))
    for key in sorted(pending, key=lambda k: -1 if k is None else k):
        out.extend(Row((), (k,), None) for k in pending[key])
    return out


def cell(units: tuple[Unit, ...], idx: tuple[int, ...]) -> str:
    """The text of a cell: the units ``idx`` joined by spaces."""
    return " ".join(units[k].text for k in idx)


def local(units: tuple[Unit, ...], idx: tuple[int, ...], spans: Marks) -> Marks:
    """Spans of the source text as offsets into the units ``idx`` joined by spaces (a row's cell)."""
    out: Marks = []
    base = 0
    for k in idx:
        u = units[k]
        out.extend(
            (max(a, u.start) - u.start + base, min(b, u.end) - u.start + base)
            for a, b in spans
            if a < u.end and b > u.start
        )
        base += len(u.text) + 1
    return out


def row_marks(c: Comparison, row: Row) -> tuple[Marks, Marks]:
    """The spans to mark in a matched row's cells: the words that disagree for a conflicting match, else
    the changed words."""
    assert row.match is not None
    if row.match.conflicts:
        return (
            local(c.a.units, row.a, [(x.a.start, x.a.end) for x in row.match.conflicts]),
            local(c.b.units, row.b, [(x.b.start, x.b.end) for x in row.match.conflicts]),
        )
    return changed_words(cell(c.a.units, row.a), cell(c.b.units, row.b))


def merge_marks(raw: str, marks: Marks) -> Marks:
    """Sorted, non-overlapping marks, a run of marked words separated by blanks only made one mark.

    >>> merge_marks("a bb cc d", [(5, 7), (2, 4)])
    [(2, 7)]
    """
    merged: list[list[int]] = []
    for start, end in sorted(marks):
        if merged and (start <= merged[-1][1] or not raw[merged[-1][1] : start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]
