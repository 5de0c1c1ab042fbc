"""Validity and inertness checks for the Markdown and HTML reports, shared by the report tests."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "p", "ul", "li", "b", "span", "br", "table", "thead",
    "tbody", "tr", "th", "td", "mark", "footer",
}  # fmt: skip
VOID = {"meta", "br"}
ALLOWED_ATTRS = {"class", "scope", "lang", "charset", "http-equiv", "content", "name", "aria-label"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class StrictHTML(HTMLParser):
    """Collects every problem: an unknown tag or attribute, a tag closed out of order, a control character."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.doctype = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def unknown_decl(self, data: str) -> None:
        self.errors.append(f"declaration {data!r}")

    def handle_pi(self, data: str) -> None:
        self.errors.append(f"processing instruction {data!r}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"tag <{tag}>")
        for name, _ in attrs:
            if name not in ALLOWED_ATTRS:
                self.errors.append(f"attribute {name} on <{tag}>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if _CONTROL.search(data):
            self.errors.append(f"control character in {data!r}")
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.errors.append(f"comment {data!r}")


def html_problems(doc: str) -> tuple[list[str], str]:
    """Problems of an HTML report (empty when valid and inert) and its text."""
    p = StrictHTML()
    p.feed(doc)
    p.close()
    errors = list(p.errors)
    if p.stack:
        errors.append(f"unclosed {p.stack}")
    if not p.doctype:
        errors.append("no doctype")
    return errors, "".join(p.text)


_SPECIAL = set("`*_[]!#|~<>{}@\\")
"""What Markdown reads anywhere in a line: code, emphasis, links and images, headings, tables, strikethrough,
HTML and autolinks. ``(``, ``)``, ``:``, ``+``, ``-``, ``=`` and ``.`` only matter after a ``]``, in an autolink
(checked separately) or at the start of a line (every row starts with ``|``)."""
_AUTOLINK = re.compile(r"(?<!\\)(://|www\.)", re.I)


def markdown_problems(doc: str) -> list[str]:
    """Problems of a Markdown report: a table row with another cell count than its header, or a character
    Markdown reads that is not escaped (the renderer's own ``**`` bold and ``|`` cell borders aside)."""
    errors: list[str] = []
    cells: int | None = None
    for n, line in enumerate(doc.split("\n"), 1):
        if not line.startswith("|"):
            cells = None
        k = 0
        count = 0
        while k < len(line):
            ch = line[k]
            if ch == "\\":
                k += 2
                continue
            if ch == "*" and line[k : k + 2] == "**":
                k += 2
                continue
            if ch == "&":
                m = re.match(r"&(amp|lt|gt);", line[k:])
                if not m:
                    errors.append(f"line {n}: bare & at {k}")
                k += len(m.group()) if m else 1
                continue
            if ch == "|" and line.startswith("|"):
                count += 1
            elif ch in _SPECIAL:
                errors.append(f"line {n}: unescaped {ch!r} at {k}: {line[:80]!r}")
            k += 1
        if _AUTOLINK.search(line):
            errors.append(f"line {n}: an autolink: {line[:80]!r}")
        if line.startswith("|"):
            if cells is None:
                cells = count
            elif count != cells:
                errors.append(f"line {n}: {count - 1} cells, the header has {cells - 1}")
    return errors
