"""A progress bar on standard error for long comparisons.

:func:`progress_bar` is a context manager yielding a ``progress(done, total)`` callback for
:func:`claimdiff.compare`. The bar is drawn only when the stream is a terminal and the work is large
(``total`` above ``min_total`` units); otherwise the callback does nothing, so short runs, pipes and
tests print nothing. The only module that imports :mod:`rich.progress`, and only when a bar is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

MIN_TOTAL = 2000
"""Runs over at most this many units get no bar: they finish in a second or two."""

Progress = Callable[[int, int], None]


def _noop(done: int, total: int) -> None:
    """A progress callback that does nothing."""


class _Bar:
    """Starts a rich progress bar on the first large update, and stops it at the end."""

    def __init__(self, stream: TextIO, min_total: int, description: str) -> None:
        self.stream = stream
        self.min_total = min_total
        self.description = description
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total <= self.min_total:
            return
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
        self.bar.update(self.task, completed=done, total=total)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextmanager
def progress_bar(
    stream: TextIO | None = None, *, min_total: int = MIN_TOTAL, description: str = "Aligning claims"
) -> Iterator[Progress]:
    """Yield a ``progress(done, total)`` callback drawing a bar on ``stream`` (default: stderr).

    The callback is a no-op unless ``stream`` is a terminal and ``total`` exceeds ``min_total``.

    >>> import io
    >>> with progress_bar(io.StringIO()) as progress:
    ...     progress(1, 10_000)
    """
    out = sys.stderr if stream is None else stream
    isatty = getattr(out, "isatty", None)
    if out is None or isatty is None or not isatty():
        yield _noop
        return
    bar = _Bar(out, min_total, description)
    try:
        yield bar
    finally:
        bar.stop()
