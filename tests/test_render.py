"""The table renderer with a pinned console: row order, labels and highlighting."""

from __future__ import annotations

import io

from rich.console import Console

import claimdiff
from claimdiff.render.rows import rows as _rows
from claimdiff.render.table import ComparisonTable, print_table, safe

A = "The bridge will close on Monday. Repairs cost $4 million. The mayor resigned."
B = "Officials met on Sunday. The bridge will close on Monday. A detour is planned. Repairs cost $4 million."


def render(c: claimdiff.Comparison, *, color: bool = False, width: int = 100) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        legacy_windows=False,
        _environ={},
    )
    print_table(c, console)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def test_rows_follow_a_with_b_only_units_where_they_occur_in_b() -> None:
    c = claimdiff.compare(A, B)
    order = [(r.a, r.b) for r in _rows(c)]
    assert order == [((), (0,)), ((0,), (1,)), ((), (2,)), ((1,), (3,)), ((2,), ())]


def test_table_text_pinned_console() -> None:
    out = render(claimdiff.compare(A, B))
    lines = out.splitlines()
    assert lines[:2] == ["A: a", "B: b"]
    assert lines[2].split() == ["A", "status", "B"]
    assert out.index("Officials met") < out.index("The bridge will close") < out.index("A detour")
    assert "only A" in out and "only B" in out
    assert "2 shared, 0 paraphrased, 0 conflicting; only in A: 1, only in B: 2" in out
    assert "\x1b" not in out


def test_changed_words_are_highlighted_in_colour() -> None:
    c = claimdiff.compare("The plant will cut 550 jobs in March.", "The plant will cut 500 jobs in March.")
    out = render(c, color=True)
    assert "\x1b[7m550" in out and "\x1b[7m500" in out  # reverse video on the changed figure only
    assert "\x1b[7mplant" not in out


def test_control_characters_are_made_visible() -> None:
    assert safe("a\x1b[31mb\u202ec") == "a\\x1b[31mb\\u202ec"
    table = ComparisonTable(claimdiff.compare("Evil \x1b]0;title\x07 text here.", "Other words entirely."))
    out = render(table.c)
    assert "\\x1b]0;title\\x07" in out and "\x07" not in out
