"""Corpus mode: group a day of coverage into stories and compare the articles of each story.

>>> import claimdiff.corpus as cc
>>> result = cc.corpus(["tests/eval/outlets_bayer_monsanto/a.txt", "tests/eval/outlets_bayer_monsanto/b.txt",
...                     "tests/eval/outlets_crew8_launch/a.txt"])
>>> [s.articles for s in result.stories]
[('a1', 'a2'), ('a3',)]

:func:`corpus` returns a :class:`Corpus`; :func:`start` returns a :class:`Run` whose stories are computed as
they are read (for streaming). Needs the ``dask`` extra (``pip install '.[dask]'``: dask, distributed and
datasketch); without it both raise :class:`CorpusUnavailable`. Grouping: :mod:`.grouping`; the task plan and
where it runs: :mod:`.plan`.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimdiff.corpus.model import SCHEMA, Article, Corpus, Grouping, Skipped, Story, StoryClaim

__all__ = [
    "INSTALL_HINT",
    "SCHEMA",
    "Article",
    "Corpus",
    "CorpusUnavailable",
    "Grouping",
    "Run",
    "Skipped",
    "Story",
    "StoryClaim",
    "corpus",
    "expand",
    "start",
]

INSTALL_HINT = "pip install '.[dask]'"
SUFFIXES = (".txt",)
WEB_SUFFIXES = (".html", ".htm")
_NEEDS = ("dask", "distributed", "datasketch")


class CorpusUnavailable(Exception):
    """Corpus mode needs the ``dask`` extra; the message is one line naming the install command."""


def require() -> None:
    """Raise :class:`CorpusUnavailable` unless dask, distributed and datasketch can be imported."""
    missing = [m for m in _NEEDS if importlib.util.find_spec(m) is None]
    if missing:
        raise CorpusUnavailable(f"corpus mode needs {', '.join(missing)} (the dask extra): {INSTALL_HINT}")


def web_available() -> bool:
    return importlib.util.find_spec("trafilatura") is not None


def expand(inputs: Sequence[str | os.PathLike[str]], *, web: bool | None = None) -> list[str]:
    """The files of a run, sorted and without duplicates: each directory's ``.txt`` files (and ``.html``/``.htm``
    ones when the web extra is installed), recursively, and every named file as it is."""
    suffixes = SUFFIXES + (WEB_SUFFIXES if (web_available() if web is None else web) else ())
    found: set[str] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.update(str(p) for p in path.rglob("*") if p.suffix.lower() in suffixes and not p.is_dir())
        else:
            found.add(str(item))
    return sorted(found)


@dataclass
class Run:
    """A corpus run after grouping: the articles, what was skipped, and the stories as an iterator that
    compares them as it is read (one story at a time, in story order)."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    grouping: Grouping
    stories: Iterator[Story]
    options: dict[str, Any] = field(default_factory=dict)

    def collect(self) -> Corpus:
        return Corpus(self.articles, tuple(self.stories), self.skipped, self.grouping, options=self.options)


def _quiet(*_: Any) -> None:
    """No progress display."""


def start(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    scheduler: Any = None,
    workers: int | None = None,
    encoding: str | None = None,
    threshold: float | None = None,
    boilerplate: bool = True,
    progress: Callable[[int, int], None] | None = None,
    stage: Callable[[str], None] | None = None,
) -> Run:
    """Read and group ``inputs`` (files and directories); the stories are compared as :attr:`Run.stories`
    is read. ``scheduler``: ``None`` for a local run, a ``tcp://host:port`` address or a
    ``distributed.Client``. ``workers``: local processes (default: the CPUs).
    ``progress(done, total)`` and ``stage(name)`` drive a progress display.

    Raises :class:`CorpusUnavailable` without the ``dask`` extra.
    """
    require()
    from claimdiff.corpus import grouping, plan

    step, tick = stage or _quiet, progress or _quiet
    names = expand(inputs)
    options = {"boilerplate": boilerplate}
    run_options: dict[str, Any] = {"threshold": threshold if threshold is not None else grouping.THRESHOLD}
    runner = plan.runner(scheduler, workers, len(names))
    step("Reading articles")
    works: list[plan.ArticleWork] = []
    try:
        for batch in runner.map(
            plan.read_batch,
            plan.batches(names, plan.READ_BATCH),
            encoding,
            boilerplate,
            progress=lambda d, t: tick(min(d * plan.READ_BATCH, len(names)), len(names)),
        ):
            works.extend(batch)
    except BaseException:
        runner.close()
        raise
    read = [w for w in works if w.error is None]
    skipped = tuple(Skipped(w.name, w.error) for w in works if w.error is not None)
    articles = tuple(Article(f"a{k}", w.name, w.chars, w.claims, w.kind, w.meta) for k, w in enumerate(read, 1))
    step("Grouping into stories")
    groups, candidates, links = grouping.group(
        [dict(w.terms) for w in read], [w.signature for w in read], threshold=run_options["threshold"]
    )
    groups.sort(key=lambda g: (-len(g), g[0]))
    story_ids = [f"s{k}" for k in range(1, len(groups) + 1)]
    specs = [
        (sid, tuple((articles[i].id, articles[i].name) for i in g)) for sid, g in zip(story_ids, groups, strict=True)
    ]

    def stories() -> Iterator[Story]:
        try:
            several = [s for s in specs if len(s[1]) > 1]
            step("Comparing stories")
            compared = runner.map(
                plan.compare_batch,
                plan.batches(several, plan.STORY_BATCH),
                encoding,
                options,
                progress=lambda d, t: tick(min(d * plan.STORY_BATCH, len(several)), len(several)),
            )
            pending: list[Story] = []
            for sid, members in specs:
                if len(members) == 1:
                    yield Story(sid, (members[0][0],))
                    continue
                if not pending:
                    pending = list(next(compared))
                yield pending.pop(0)
        finally:
            runner.close()

    return Run(articles, skipped, Grouping(len(articles), candidates, links), stories(), {**options, **run_options})


def corpus(inputs: Sequence[str | os.PathLike[str]], **kwargs: Any) -> Corpus:
    """Read ``inputs`` (files, and directories of ``.txt`` files), group the articles into stories and
    compare each story of two or more articles. Keywords as :func:`start`."""
    return start(inputs, **kwargs).collect()
