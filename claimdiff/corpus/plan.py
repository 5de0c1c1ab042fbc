"""The Dask plan of corpus mode: what runs as tasks, where, and in which order results come back.

Tasks (functions of this module, so a worker needs claimdiff installed, with the ``dask`` extra):

* :func:`read_batch`: read up to ``READ_BATCH`` files by path (workers read from the shared path: the
  driver ships names, never texts), segment them, and return each article's terms and MinHash signature
  (:class:`ArticleWork`); an unreadable file comes back as its one-line reason.
* grouping runs on the driver over the signatures and terms (small: about 1 KB an article).
* :func:`compare_batch`: the claims of up to ``STORY_BATCH`` stories; the workers read the articles again.

On a cluster every task is given ``retries=RETRIES``: a task that raises (a transient error reading the
shared path) is run again. A worker that dies mid-run is handled by the scheduler, not by retries: the tasks
it was running, and the results it held that the driver had not taken yet, run again on the other workers (up
to ``distributed.scheduler.allowed-failures`` deaths per task, 3 by default; then the run fails with
``KilledWorker``), so the death costs a rerun of those tasks, not the result
(``tests/test_corpus.py::test_a_worker_killed_mid_run_loses_nothing``).

Results are taken in submission order and ids come from sorted names, so the result is the same locally, on
a cluster, and for any number of workers.

A local run (no scheduler) uses Dask's local scheduler: a pool of processes when there are at least
``PROCESSES_FROM`` files and more than one CPU, else in-process. With a scheduler address (``tcp://...``)
or a ``distributed.Client``, the same tasks run on that cluster.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from claimdiff.corpus.grouping import signature, terms
from claimdiff.corpus.model import Story
from claimdiff.model import Meta, SourceKind

READ_BATCH = 32
STORY_BATCH = 8
RETRIES = 3
PROCESSES_FROM = 64
"""Files at which a local run starts a process pool (below, starting processes costs more than it saves)."""

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class ArticleWork:
    """What the driver keeps of an article after its read task: no text, only what grouping needs."""

    name: str
    error: str | None = None
    chars: int = 0
    claims: int = 0
    kind: SourceKind = SourceKind.TEXT
    meta: Meta | None = None
    terms: tuple[tuple[str, int], ...] = ()
    signature: bytes = b""


def read_text(name: str, encoding: str | None) -> tuple[str, SourceKind, Meta | None]:
    """Read one file (text, or an HTML page with the web extra); raises ``InputError``."""
    from claimdiff.inputs import read_input

    doc = read_input(name, encoding=encoding)
    return doc.text, doc.kind, doc.meta


def read_article(name: str, encoding: str | None, boilerplate: bool) -> ArticleWork:
    """The per-article task: read, segment, terms and signature; a read error is kept as its reason."""
    from claimdiff.inputs import InputError
    from claimdiff.segment import Segmenter

    try:
        text, kind, meta = read_text(name, encoding)
    except InputError as e:
        return ArticleWork(name, error=str(e))
    claims = [u.text for u in Segmenter(detect_boilerplate=boilerplate).segment(text) if not u.is_boilerplate]
    found = terms(claims)
    return ArticleWork(
        name,
        chars=len(text),
        claims=len(claims),
        kind=kind,
        meta=meta,
        terms=tuple(sorted(found.items())),
        signature=signature(found),
    )


def read_batch(names: Sequence[str], encoding: str | None, boilerplate: bool) -> list[ArticleWork]:
    return [read_article(n, encoding, boilerplate) for n in names]


StorySpec = tuple[str, tuple[tuple[str, str], ...]]
"""A story to compare: its id and its articles as ``(article id, file name)``."""


def compare_story(spec: StorySpec, encoding: str | None, options: dict[str, Any]) -> Story:
    """The per-story task: read the story's articles again and build its claims."""
    from claimdiff.corpus.stories import story_claims

    story_id, members = spec
    ids = [a for a, _ in members]
    texts = [read_text(name, encoding)[0] for _, name in members]
    return Story(story_id, tuple(ids), story_claims(ids, texts, options=options))


def compare_batch(specs: Sequence[StorySpec], encoding: str | None, options: dict[str, Any]) -> list[Story]:
    return [compare_story(s, encoding, options) for s in specs]


class Runner:
    """Runs a function over items as Dask tasks and yields the results in item order.

    ``progress(done, total)`` is called as tasks finish.
    """

    def map(
        self,
        fn: Callable[..., R],
        items: Sequence[T],
        *args: Any,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[R]:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the runner holds (a process pool, a client)."""


class LocalRunner(Runner):
    """Dask's local scheduler: processes (a pool kept for the run) or in-process, in waves of tasks so that
    results stream and progress moves."""

    def __init__(self, workers: int | None, processes: bool) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers or os.cpu_count() or 1
        self.pool = ProcessPoolExecutor(self.workers) if processes and self.workers > 1 else None

    def map(
        self,
        fn: Callable[..., R],
        items: Sequence[T],
        *args: Any,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[R]:
        # dask and distributed are partly typed: reach them through Any, the types are checked at this edge
        dask: Any = importlib.import_module("dask")
        delayed = dask.delayed
        wave = self.workers * 4
        for start in range(0, len(items), wave):
            tasks = [delayed(fn, pure=True)(item, *args) for item in items[start : start + wave]]
            if self.pool is not None:
                results = dask.compute(*tasks, scheduler=self.pool)
            else:
                results = dask.compute(*tasks, scheduler="sync")
            yield from results
            if progress is not None:
                progress(min(start + wave, len(items)), len(items))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


class ClusterRunner(Runner):
    """A Dask cluster through ``distributed``: tasks submitted with retries, results in submission order."""

    def __init__(self, scheduler: Any) -> None:
        distributed: Any = importlib.import_module("distributed")
        Client = distributed.Client
        self.client: Any
        if isinstance(scheduler, Client):
            self.client, self.owned = scheduler, False
        else:
            self.client, self.owned = Client(scheduler, timeout="20s"), True

    def map(
        self,
        fn: Callable[..., R],
        items: Sequence[T],
        *args: Any,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[R]:
        as_completed: Any = importlib.import_module("distributed").as_completed
        futures = [self.client.submit(fn, item, *args, retries=RETRIES, pure=False) for item in items]
        index = {f.key: k for k, f in enumerate(futures)}
        ready: dict[int, R] = {}
        nxt = 0
        for done, future in enumerate(as_completed(futures), 1):
            ready[index[future.key]] = future.result()
            if progress is not None:
                progress(done, len(items))
            while nxt in ready:
                yield ready.pop(nxt)
                futures[nxt].release()
                nxt += 1

    def close(self) -> None:
        if self.owned:
            self.client.close()


def runner(scheduler: Any, workers: int | None, files: int) -> Runner:
    """The runner for a run: a cluster when ``scheduler`` (an address or a ``distributed.Client``) is given,
    else local (processes from ``PROCESSES_FROM`` files)."""
    if scheduler is not None:
        return ClusterRunner(scheduler)
    return LocalRunner(workers, processes=files >= PROCESSES_FROM)


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[k : k + size]) for k in range(0, len(items), size)]
