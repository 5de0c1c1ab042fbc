"""Where a finding of ``claimdiff check`` sits: :class:`Location` (a span of one input with its lines,
columns, unit and highlighted words), and the helpers the checks share to build them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimdiff.model import Source, line_at, line_starts
from claimdiff.policy import FindingKind

__all__ = ["Location", "RawFinding", "Spans", "TextIndex"]


@dataclass(frozen=True, slots=True)
class Location:
    """A span of one input: a quotation, a claim or a group of aligned claims.

    ``text == input[start:end]``; lines and columns are 1-based (columns count code points);
    ``highlights`` are the spans (absolute offsets) of the words or figures that differ.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    unit: str | None = None
    highlights: tuple[tuple[int, int], ...] = ()

    def to_dict(self, full_text: str) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "highlights": [{"start": s, "end": e, "text": full_text[s:e]} for s, e in self.highlights],
        }


class TextIndex:
    """A text with its line starts and units, to build :class:`Location` values."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = source.text
        self.starts = line_starts(source.text)
        self.unit_starts = [u.start for u in source.units]

    def unit_at(self, offset: int) -> str | None:
        # units are in text order and do not overlap: the candidate is the last one starting at or before
        i = bisect.bisect_right(self.unit_starts, offset) - 1
        if i >= 0:
            u = self.source.units[i]
            if offset < max(u.end, u.start + 1):
                return self.source.unit_id(i)
        return None

    def location(
        self, start: int, end: int, highlights: Sequence[tuple[int, int]] = (), unit: str | None = None
    ) -> Location:
        line = line_at(self.starts, start)
        last = max(start, end - 1)
        end_line = line_at(self.starts, last)
        return Location(
            start=start,
            end=end,
            line=line,
            column=start - self.starts[line - 1] + 1,
            end_line=end_line,
            end_column=last - self.starts[end_line - 1] + 1,
            text=self.text[start:end],
            unit=unit if unit is not None else self.unit_at(start),
            highlights=tuple(sorted(set(highlights))),
        )


class Spans:
    """Spans of a text in order, none overlapping another: which hold or meet a stretch, by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]

    def holds(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.spans[k][1]

    def meets(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start) - 1
        if k >= 0 and start < self.spans[k][1]:
            return True
        return k + 1 < len(self.starts) and self.starts[k + 1] < end


@dataclass
class RawFinding:
    """A finding before the policy gives it a severity: ``blocking`` findings can fail the check."""

    kind: FindingKind
    blocking: bool
    source: Location | None
    derived: Location | None
    message: str
    order: tuple[int, int] = (0, 0)
