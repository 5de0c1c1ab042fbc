"""GitHub-flavoured Markdown for ``compare --format markdown`` and ``check --format markdown``.

Meant for a pull-request comment or a job summary (``>> "$GITHUB_STEP_SUMMARY"``): a summary line of counts
first, then a table, one row per claim (or finding), each row one line.

Every piece of input text goes through :func:`escape`, so that a report can add no markup: control and bidi
characters are shown as ``\\x1b`` / ``\\u202e`` (:func:`~claimdiff.render.controls.safe`); ``&``, ``<`` and
``>`` become entities (no HTML tag, no autolink in angle brackets); every ASCII punctuation character that
Markdown reads (`````, ``*``, ``_``, ``[``, ``]``, ``(``, ``)``, ``!``, ``#``, ``|``, ``~``, ``\\``, ``{``,
``}``, ``+``, ``-``, ``=``, ``@``, ``:``, ``.`` when it could start an autolink or a list) is backslash-escaped;
line breaks become spaces, so a row stays one line. Changed words are the only emphasis: ``**words**``.

>>> escape("# Hi | <b>x</b> [a](http://e.x) *y*")
'\\\\# Hi \\\\| &lt;b&gt;x&lt;/b&gt; \\\\[a\\\\]\\\\(http\\\\://e.x\\\\) \\\\*y\\\\*'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claimdiff.check import CheckReport, Finding, Location, Severity
from claimdiff.matrix import Claim, Matrix
from claimdiff.model import Comparison, Status
from claimdiff.render import page_label
from claimdiff.render.controls import safe
from claimdiff.render.rows import Marks, cell, merge_marks, row_marks, rows

__all__ = [
    "escape",
    "link_text",
    "marked",
    "render_check_markdown",
    "render_markdown",
    "render_matrix_markdown",
    "table",
]

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCT = re.compile(r"[\\`*_\[\]()!#|~{}+=@:&<>$-]|(?<=www)\.")
_BREAKS = re.compile(r"[\r\n\u2028\u2029\t\f\v]+")


def _one(m: re.Match[str]) -> str:
    ch = m.group()
    return _ENTITIES.get(ch) or "\\" + ch


def escape(text: str) -> str:
    """``text`` as inert inline Markdown on one line (see the module documentation)."""
    text = _BREAKS.sub(" ", text)
    # safe() writes controls as \\xNN: its backslash is escaped below like any other, so it shows as typed
    return _PUNCT.sub(_one, safe(text, one_line=True))


def marked(raw: str, marks: Marks) -> str:
    """``raw`` escaped, with the spans ``marks`` (offsets into ``raw``) in bold."""
    out: list[str] = []
    pos = 0
    for start, end in merge_marks(raw, marks):
        words = raw[start:end].strip()
        if not words:
            continue
        out.append(escape(raw[pos:start]))
        out.append(f"**{escape(words)}**")
        pos = end
    out.append(escape(raw[pos:]))
    return "".join(out)


def table(header: Sequence[str], body: Iterable[Sequence[str]]) -> str:
    """A GitHub table; cells must already be escaped (no ``|`` of their own, no line break)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in body:
        assert len(row) == len(header)
        lines.append("| " + " | ".join(c if c else " " for c in row) + " |")
    return "\n".join(lines) + "\n"


def _name(name: str, label: str) -> str:
    return f"**{escape(name)}**{escape(label)}" if name else ""


def render_markdown(c: Comparison, *, show_boilerplate: bool = True) -> str:
    """The side-by-side view of a comparison as Markdown: summary, sources, table, key."""
    s = c.summary
    lines = [
        f"**claimdiff compare**: {s.shared} shared, {s.paraphrased} paraphrased, {s.conflicting} conflicting; "
        f"only in A: {s.unique_a}, only in B: {s.unique_b}; {s.coverage_a:.0%} of A's claims found in B, "
        f"{s.coverage_b:.0%} of B's found in A",
        "",
        f"A: {_name(c.a.name, page_label(c.a.meta))} \u00b7 B: {_name(c.b.name, page_label(c.b.meta))}",
        "",
    ]
    body: list[tuple[str, str, str]] = []
    for row in rows(c):
        status = row.status(c)
        if status is Status.BOILERPLATE and not show_boilerplate:
            continue
        raw_a, raw_b = cell(c.a.units, row.a), cell(c.b.units, row.b)
        if row.match is None:
            word = status.value if status is not Status.UNIQUE else ("only A" if row.a else "only B")
            body.append((escape(raw_a), word, escape(raw_b)))
            continue
        marks_a, marks_b = row_marks(c, row)
        label = f"{status.value} {row.match.score:.0f}"
        reasons = "; ".join(escape(x.reason(c.a.text, c.b.text)) for x in row.match.conflicts)
        body.append((marked(raw_a, marks_a), f"{label} \u2014 {reasons}" if reasons else label, marked(raw_b, marks_b)))
    lines.append(table(["A", "status", "B"], body))
    lines.append(
        "Status: shared (same words), paraphrased (same claim, other words), conflicting (same claim, a different "
        "figure, negation, modality or source), only A / only B, boilerplate; the number is the similarity "
        "(0-100); **bold**: changed words (in a conflicting row, the words that disagree)."
    )
    return "\n".join(lines) + "\n"


def _place(name: str, loc: Location | None) -> str:
    if loc is None:
        return ""
    return escape(f"{name}:{loc.line}: ") + marked(
        loc.text, [(s - loc.start, e - loc.start) for s, e in loc.highlights]
    )


def _finding(r: CheckReport, f: Finding) -> tuple[str, ...]:
    severity = "**error**" if f.severity is Severity.ERROR else "warning"
    return (
        severity,
        f.kind.value,
        escape(f.message),
        _place(r.derived.name, f.derived),
        _place(r.source.name, f.source),
    )


def render_check_markdown(r: CheckReport) -> str:
    """A check report as Markdown, ready to append to ``$GITHUB_STEP_SUMMARY``."""
    errors, warnings = len(r.errors), len(r.warnings)
    verdict = "passed" if r.passed else "FAILED"
    floor = "" if r.policy.min_coverage is None else f" (minimum {r.policy.min_coverage:.0%})"
    lines = [
        f"**claimdiff check {verdict}**: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}; {r.quotes_checked} quotation"
        f"{'s' if r.quotes_checked != 1 else ''} and {r.pairs_checked} aligned pair"
        f"{'s' if r.pairs_checked != 1 else ''} checked; {r.coverage:.0%} of SOURCE's claims carried{floor}",
        "",
        f"SOURCE: {_name(r.source.name, page_label(r.source.meta))} \u2192 "
        f"DERIVED: {_name(r.derived.name, page_label(r.derived.meta))}",
        "",
    ]
    if r.findings:
        header = ["severity", "kind", "finding", "in DERIVED", "in SOURCE"]
        lines.append(table(header, (_finding(r, f) for f in r.findings)))
        lines.append("**Bold** in a place: the words that differ.")
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


def link_text(m: Matrix, c: Claim) -> list[str]:
    """The pair labels of a claim, ``A\u2013B shared 98`` (an en dash), with the reasons of a conflict (not
    yet escaped)."""
    out: list[str] = []
    for x in c.links:
        a, b = m.sources[x.first], m.sources[x.second]
        reasons = "; ".join(y.reason(a.text, b.text) for y in x.conflicts)
        out.append(
            f"{a.id.upper()}\u2013{b.id.upper()} {x.label.value} {x.score:.0f}" + (f" ({reasons})" if reasons else "")
        )
    return out


def render_matrix_markdown(m: Matrix) -> str:
    """The claim matrix as Markdown: summary line, sources with their counts, one row per claim."""
    n = len(m.sources)
    counts = [c.sources_count for c in m.claims]
    lines = [
        f"**claimdiff matrix**: {n} sources, {len(m.claims)} claims: {counts.count(n)} stated by all, "
        f"{sum(1 for x in counts if 1 < x < n)} by some, {counts.count(1)} by one source only",
        "",
        table(
            ["source", "name", "claims", "shared with all", "with some", "alone"],
            (
                (s.id.upper(), _name(s.name, page_label(s.meta)), str(x.claims), str(x.all), str(x.some), str(x.alone))
                for s, x in zip(m.sources, m.summary, strict=True)
            ),
        ),
    ]
    body = []
    for r, c in enumerate(m.claims, 1):
        cells = [escape(cell(s.units, idx)) for s, idx in zip(m.sources, c.units, strict=True)]
        body.append([str(r), str(c.sources_count), *cells, escape("; ".join(link_text(m, c)))])
    lines.append(table(["row", "sources", *(s.id.upper() for s in m.sources), "pairs"], body))
    lines.append(
        "One row per claim, one column per source; pairs: the label of each pair of sources a pairwise match "
        "joined (shared, paraphrased, conflicting) and its similarity (0-100)."
    )
    return "\n".join(lines) + "\n"
