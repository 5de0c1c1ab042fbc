"""Corpus mode's outputs: a block of text per story, and JSON Lines (one story per line).

The table: for each story (largest first) a heading, its articles, the claims several articles state (with
how many), then one line per article with how many claims it alone states and the first of them. Input text
is shown through :func:`~claimdiff.render.controls.safe`, and the console prints no markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimdiff.render import page_label
from claimdiff.render.controls import safe

if TYPE_CHECKING:
    from rich.console import Console

    from claimdiff.corpus.model import Article, Story

SHOWN = 8
"""Shared claims shown per story in the table (the JSON has them all)."""


def _clip(prefix: str, text: str, width: int) -> str:
    """``prefix`` then ``text`` on one line of at most ``width`` characters (cut with an ellipsis)."""
    line = prefix + " ".join(safe(text, one_line=True).split())
    return line if len(line) <= width else line[: max(len(prefix) + 1, width - 1)] + "…"


def story_lines(story: Story, articles: dict[str, Article], width: int) -> list[str]:
    """The lines of one story's block."""
    n = len(story.articles)
    lines = [f"Story {story.id}: {n} article{'s' if n != 1 else ''}"]
    for a in story.articles:
        art = articles[a]
        lines.append(_clip(f"  {a}  ", f"{art.name}{page_label(art.meta)}", width))
    if n == 1:
        return lines
    shared = story.shared
    lines.append(f"  claims stated by several articles: {len(shared)}")
    for c in shared[:SHOWN]:
        lines.append(_clip(f"    [{len(c.units)}/{n}] ", c.text, width))
    if len(shared) > SHOWN:
        lines.append(f"    ... and {len(shared) - SHOWN} more (--format json lists them all)")
    for a in story.articles:
        alone = story.alone(a)
        lines.append(
            _clip(f"  only {a} ({len(alone)})" + (": " if alone else ""), alone[0].text if alone else "", width)
        )
    return lines


def print_corpus(articles: tuple[Article, ...], stories: Any, console: Console) -> None:
    """Print each story's block as the stories come (``stories`` may be an iterator)."""
    by_id = {a.id: a for a in articles}
    width = console.width
    for k, story in enumerate(stories):
        if k:
            console.print()
        for line in story_lines(story, by_id, width):
            console.print(line, soft_wrap=True)


def story_record(story: Story, articles: dict[str, Article]) -> dict[str, Any]:
    """One line of ``--format jsonl``: the story with its articles written out (not only their ids)."""
    doc = story.to_dict()
    doc["articles"] = [articles[a].to_dict() for a in story.articles]
    return doc
