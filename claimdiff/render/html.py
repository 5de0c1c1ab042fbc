"""A self-contained HTML report for ``compare``, ``check`` and ``matrix`` (``--format html``).

One file: inline CSS, no JavaScript, no font, image, script, frame or link to fetch, so that it reads the same
when mailed or archived. A Content-Security-Policy meta tag (``default-src 'none'; style-src 'unsafe-inline'``)
forbids the page from loading or running anything, should input ever get through. Every piece of input text is
made visible (:func:`~claimdiff.render.controls.safe`: control and bidi characters as ``\\x1b`` / ``\\u202e``)
and then escaped with :func:`html.escape` (``quote=True``), so that nothing from a report can become markup.

The colours are those of the terminal table (green shared, yellow paraphrased, magenta conflicting, red
unique, grey boilerplate) as tinted backgrounds under dark text; each pair passes WCAG AA (4.5:1, tested), and
every status is also written out, so no meaning rests on colour. Changed words are ``<mark>`` (outlined as
well as tinted, so they show in greyscale print). ``@media print`` keeps the colours and avoids breaking a row.

>>> text("<img src=x onerror=alert(1)>\\x1b")
'&lt;img src=x onerror=alert(1)&gt;\\\\x1b'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from claimdiff._version import __version__
from claimdiff.check import CheckReport, Finding, Location, Severity
from claimdiff.matrix import Matrix
from claimdiff.model import Comparison, Status
from claimdiff.render import page_label
from claimdiff.render.controls import safe
from claimdiff.render.rows import Marks, cell, merge_marks, row_marks, rows

__all__ = [
    "CSP",
    "FOREGROUND",
    "MARK",
    "PALETTE",
    "marked",
    "page",
    "render_check_html",
    "render_html",
    "render_matrix_html",
    "text",
]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"

FOREGROUND = ("#1b1b1b", "#ffffff")
"""Body text and page background."""
PALETTE = {
    Status.SHARED: ("#0b4a1c", "#d8f3de"),
    Status.PARAPHRASED: ("#4d3b00", "#fff1b8"),
    Status.CONFLICTING: ("#6a0f61", "#f9dcf5"),
    Status.UNIQUE: ("#7a1010", "#fde0e0"),
    Status.BOILERPLATE: ("#4a4a4a", "#eeeeee"),
}
"""Per status: (text colour, background). The terminal table's colours, as tints."""
MARK = ("#1b1b1b", "#ffd24d")
"""Changed words: text colour and background (plus an outline)."""
MUTED = ("#555555", "#ffffff")
"""Secondary text (scores, notes)."""

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: %(fg)s;
  background: %(bg)s; margin: 1.5rem; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
.summary { font-weight: 600; margin: .5rem 0 1rem; }
.sources { margin: 0 0 1rem; padding: 0; list-style: none; }
.sources li { margin: .15rem 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%%; table-layout: fixed; }
th, td { border: 1px solid #8c8c8c; padding: .35rem .5rem; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; white-space: pre-wrap; }
th { background: #f2f2f2; }
.status { width: 9rem; text-align: center; }
.count { width: 5.5rem; text-align: center; }
.kind { width: 8rem; }
.pairs { width: 13rem; }
.pairs > span { display: block; margin-bottom: .15rem; }
.label { font-weight: 700; }
.score, .note { color: %(muted)s; }
.reason { display: block; margin-top: .25rem; font-weight: 600; }
mark { color: %(mark_fg)s; background: %(mark_bg)s; outline: 1px solid %(mark_fg)s; border-radius: 2px; }
.legend { margin: 1rem 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
.legend li { padding: .1rem .4rem; }
footer { margin-top: 1.5rem; color: %(muted)s; font-size: .85rem; }
%(statuses)s
@media print {
  body { margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


def _css() -> str:
    statuses = "\n".join(f".{s.value} {{ color: {fg}; background: {bg}; }}" for s, (fg, bg) in PALETTE.items())
    return _CSS % {
        "fg": FOREGROUND[0],
        "bg": FOREGROUND[1],
        "muted": MUTED[0],
        "mark_fg": MARK[0],
        "mark_bg": MARK[1],
        "statuses": statuses,
    }


def text(raw: str) -> str:
    """Input text as inert HTML: controls made visible, then escaped (quotes too)."""
    return html.escape(safe(raw.replace("\r\n", "\n").replace("\r", "\n")), quote=True)


def marked(raw: str, marks: Marks) -> str:
    """``raw`` escaped, with the spans ``marks`` (offsets into ``raw``) in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for start, end in merge_marks(raw, marks):
        out.append(text(raw[pos:start]))
        out.append(f"<mark>{text(raw[start:end])}</mark>")
        pos = end
    out.append(text(raw[pos:]))
    return "".join(out)


def page(title: str, body: Iterable[str]) -> str:
    """A whole document around ``body`` (already HTML); ``title`` is plain text."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(CSP, quote=True)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<footer>Made by claimdiff {html.escape(__version__)}. A single file: no scripts, "
        "nothing loaded from elsewhere.</footer>\n</body>\n</html>\n"
    )


def source_item(label: str, name: str, meta_label: str) -> str:
    return f"<li><b>{text(label)}</b>: <b>{text(name)}</b>{text(meta_label)}</li>"


def table(header: Sequence[tuple[str, str]], body: Iterable[str]) -> str:
    """A table: ``header`` as (class, text) pairs, ``body`` the ``<tr>`` elements."""
    head = "".join(f'<th scope="col" class="{cls}">{text(h)}</th>' for cls, h in header)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def legend() -> str:
    items = [
        ("shared", Status.SHARED, "same words"),
        ("paraphrased", Status.PARAPHRASED, "same claim, other words"),
        ("conflicting", Status.CONFLICTING, "same claim, a different figure, negation, modality or source"),
        ("only in one", Status.UNIQUE, "no counterpart"),
        ("boilerplate", Status.BOILERPLATE, "credits, datelines: not a claim"),
    ]
    lis = [f'<li class="{s.value}"><span class="label">{name}</span>: {note}</li>' for name, s, note in items]
    lis.append("<li><mark>changed words</mark> (in a conflicting row: the words that disagree)</li>")
    return '<ul class="legend" aria-label="legend">' + "".join(lis) + "</ul>"


def render_html(c: Comparison, *, show_boilerplate: bool = True) -> str:
    """The side-by-side view of a comparison as one HTML page."""
    s = c.summary
    summary = (
        f"{s.shared} shared, {s.paraphrased} paraphrased, {s.conflicting} conflicting; only in A: {s.unique_a}, "
        f"only in B: {s.unique_b}; {s.coverage_a:.0%} of A's claims found in B, {s.coverage_b:.0%} of B's found in A"
    )
    body: list[str] = []
    for row in rows(c):
        status = row.status(c)
        if status is Status.BOILERPLATE and not show_boilerplate:
            continue
        raw_a, raw_b = cell(c.a.units, row.a), cell(c.b.units, row.b)
        if row.match is None:
            word = status.value if status is not Status.UNIQUE else ("only A" if row.a else "only B")
            label = f'<span class="label">{word}</span>'
            cells = (text(raw_a), text(raw_b))
        else:
            marks_a, marks_b = row_marks(c, row)
            label = f'<span class="label">{status.value}</span> <span class="score">{row.match.score:.0f}</span>'
            label += "".join(
                f'<span class="reason">{text(x.reason(c.a.text, c.b.text))}</span>' for x in row.match.conflicts
            )
            cells = (marked(raw_a, marks_a), marked(raw_b, marks_b))
        body.append(
            f'<tr class="{status.value}"><td>{cells[0]}</td><td class="status">{label}</td><td>{cells[1]}</td></tr>'
        )
    parts = [
        "<h1>claimdiff compare</h1>",
        f'<p class="summary">{text(summary)}</p>',
        '<ul class="sources">'
        + source_item("A", c.a.name, page_label(c.a.meta))
        + source_item("B", c.b.name, page_label(c.b.meta))
        + "</ul>",
        legend(),
        table([("", "A"), ("status", "status"), ("", "B")], body),
        '<p class="note">The number beside a status is the similarity (0-100).</p>',
    ]
    return page(f"claimdiff: {c.a.name} / {c.b.name}", parts)


def render_matrix_html(m: Matrix) -> str:
    """The claim matrix as one HTML page: summary, sources with their counts, one row per claim."""
    n = len(m.sources)
    counts = [c.sources_count for c in m.claims]
    summary = (
        f"{n} sources, {len(m.claims)} claims: {counts.count(n)} stated by all, "
        f"{sum(1 for x in counts if 1 < x < n)} by some, {counts.count(1)} by one source only"
    )
    sources = [
        f"<tr><td>{s.id.upper()}</td><td>{text(s.name)}{text(page_label(s.meta))}</td><td>{x.claims}</td>"
        f"<td>{x.all}</td><td>{x.some}</td><td>{x.alone}</td></tr>"
        for s, x in zip(m.sources, m.summary, strict=True)
    ]
    body: list[str] = []
    for r, c in enumerate(m.claims, 1):
        cls = Status.UNIQUE.value if c.sources_count == 1 else ""
        cells = "".join(f"<td>{text(cell(s.units, idx))}</td>" for s, idx in zip(m.sources, c.units, strict=True))
        pairs = "".join(
            f'<span class="{x.label.value}"><span class="label">'
            f"{m.sources[x.first].id.upper()}\u2013{m.sources[x.second].id.upper()} {x.label.value}</span> "
            f"{x.score:.0f}"
            + "".join(
                f'<span class="reason">{text(y.reason(m.sources[x.first].text, m.sources[x.second].text))}</span>'
                for y in x.conflicts
            )
            + "</span>"
            for x in c.links
        )
        if c.sources_count == 1:
            pairs = '<span class="label">only ' + m.sources[c.sources[0]].id.upper() + "</span>"
        body.append(
            f'<tr class="{cls}"><td class="count">{r}</td><td class="count">{c.sources_count}</td>{cells}'
            f'<td class="pairs">{pairs}</td></tr>'
        )
    parts = [
        "<h1>claimdiff matrix</h1>",
        f'<p class="summary">{text(summary)}</p>',
        table(
            [
                ("count", "source"),
                ("", "name"),
                *(("count", h) for h in ("claims", "with all", "with some", "alone")),
            ],
            sources,
        ),
        legend(),
        table(
            [("count", "#"), ("count", "sources"), *(("", s.id.upper()) for s in m.sources), ("pairs", "pairs")],
            body,
        ),
        '<p class="note">One row per claim, one column per source; pairs: the label of each pair of sources a '
        "pairwise match joined, and its similarity (0-100).</p>",
    ]
    return page("claimdiff matrix: " + ", ".join(s.name for s in m.sources), parts)


def _place(name: str, loc: Location | None) -> str:
    if loc is None:
        return ""
    marks = [(a - loc.start, b - loc.start) for a, b in loc.highlights]
    return f'<span class="score">{text(name)}:{loc.line}</span><br>{marked(loc.text, marks)}'


def _finding(r: CheckReport, f: Finding) -> str:
    cls = Status.UNIQUE.value if f.severity is Severity.ERROR else Status.PARAPHRASED.value
    return (
        f'<tr class="{cls}"><td class="status"><span class="label">{f.severity.value}</span></td>'
        f'<td class="kind">{f.kind.value}</td><td>{text(f.message)}</td>'
        f"<td>{_place(r.derived.name, f.derived)}</td><td>{_place(r.source.name, f.source)}</td></tr>"
    )


def render_check_html(r: CheckReport) -> str:
    """A check report as one HTML page: verdict and counts, then a row per finding."""
    errors, warnings = len(r.errors), len(r.warnings)
    floor = "" if r.policy.min_coverage is None else f" (minimum {r.policy.min_coverage:.0%})"
    summary = (
        f"{'passed' if r.passed else 'FAILED'}: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}; {r.quotes_checked} quotations and "
        f"{r.pairs_checked} aligned pairs checked; {r.coverage:.0%} of SOURCE's claims carried{floor}"
    )
    parts = [
        "<h1>claimdiff check</h1>",
        f'<p class="summary">{text(summary)}</p>',
        '<ul class="sources">'
        + source_item("SOURCE", r.source.name, page_label(r.source.meta))
        + source_item("DERIVED", r.derived.name, page_label(r.derived.meta))
        + "</ul>",
    ]
    if r.findings:
        header = [("status", "severity"), ("kind", "kind"), ("", "finding"), ("", "in DERIVED"), ("", "in SOURCE")]
        parts.append(table(header, (_finding(r, f) for f in r.findings)))
        parts.append('<p class="note"><mark>Marked</mark>: the words that differ.</p>')
    else:
        parts.append("<p>No findings.</p>")
    return page(f"claimdiff check: {r.source.name} / {r.derived.name}", parts)
