"""A progress bar on standard error for long comparisons.

:func:`progress_bar` is a context manager yielding a display for :func:`claimdiff.compare`: call it as
``progress(done, total)``, and pass its :meth:`stage` as ``stage``. The bar is drawn only when the stream
is a terminal and the work is large (the inputs over ``large`` characters, or ``total`` above
``min_total`` units); a large run shows its bar from the first step, each step named ("Splitting into
claims", "Finding candidate pairs", "Aligning", ...), with a count while candidates are scored.
Otherwise nothing is drawn, so short runs, pipes and tests print nothing. The only module that imports
:mod:`rich.progress`, and only when a bar is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

MIN_TOTAL = 2000
"""Runs over at most this many units get no bar: they finish in a second or two."""
LARGE = 300_000
"""Inputs of more characters than this (about 2,000 sentences) show the bar from the first step."""
STAGES = {
    "segment": "Splitting into claims",
    "profile": "Reading words and figures",
    "candidates": "Finding candidate pairs",
    "align": "Aligning",
    "label": "Labelling",
}


class _Quiet:
    """A display that shows nothing."""

    def __call__(self, done: int, total: int) -> None:
        """Nothing to show."""

    def stage(self, name: str) -> None:
        """Nothing to show."""


class _Bar:
    """A rich progress bar, started at the first step of a large run or the first large update."""

    def __init__(self, stream: TextIO, min_total: int, description: str, large: bool = False) -> None:
        self.stream = stream
        self.min_total = min_total
        self.description = description
        self.large = large
        self.bar: Any = None
        self.task: Any = None

    def stage(self, name: str) -> None:
        """A step begins: name it, with no count until ``progress`` reports one."""
        self.description = STAGES.get(name, name)
        if self.bar is None and self.large:
            self._start(None)
        elif self.bar is not None:
            self.bar.update(self.task, description=self.description, completed=0, total=None)
            self.bar.refresh()  # a new step shows at once, not at the next tick

    def __call__(self, done: int, total: int) -> None:
        if total <= self.min_total and not self.large:
            return
        if self.bar is None:
            self._start(total)
        self.bar.update(self.task, completed=done, total=total, description=self.description)

    def _start(self, total: int | None) -> None:
        if self.bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=total)
            self.bar.refresh()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextmanager
def progress_bar(
    stream: TextIO | None = None,
    *,
    min_total: int = MIN_TOTAL,
    description: str = "Aligning claims",
    size: int = 0,
) -> Iterator[_Bar | _Quiet]:
    """Yield a display drawing a bar on ``stream`` (default: stderr): call it as ``progress(done, total)``
    and call its ``stage(name)`` as each step starts (see :func:`claimdiff.compare`).

    Nothing is drawn unless ``stream`` is a terminal and the run is large: ``size`` (the characters of
    the inputs) over ``LARGE``, or a ``total`` over ``min_total``.

    >>> import io
    >>> with progress_bar(io.StringIO(), size=10**7) as progress:
    ...     progress.stage("segment")
    ...     progress(1, 10_000)
    """
    out = sys.stderr if stream is None else stream
    isatty = getattr(out, "isatty", None)
    if out is None or isatty is None or not isatty():
        yield _Quiet()
        return
    bar = _Bar(out, min_total, description, large=size > LARGE)
    try:
        yield bar
    finally:
        bar.stop()
