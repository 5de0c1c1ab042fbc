"""``claimdiff corpus``: the command line of corpus mode, registered on :data:`claimdiff.cli.app`.

Exit status: 0 when every file was read; 3 when some files were skipped (each named once on stderr, then a
summary line; the output covers the rest); 2 on a usage error, without the ``dask`` extra, or when no file
could be read.
"""

# No `from __future__ import annotations` here: typer reads each command's signature several times at
# start-up, and string annotations would be evaluated again each time (about 5 ms).

import os
import sys
from typing import Annotated

import typer

from claimdiff.cli import app
from claimdiff.cli_support import Color, WidthOpt, fail, writing
from claimdiff.formats import CorpusFormat

PARTIAL = 3
"""Exit status when some inputs were skipped (unreadable, binary, empty): the output covers the others."""


@app.command()
def corpus(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="DIR|FILES...",
            help="Directories (their .txt files, and .html with the web extra, recursively) and files.",
        ),
    ],
    output_format: Annotated[
        CorpusFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output: a block per story, JSON (schema claimdiff/corpus/1), or JSON Lines (one story a line).",
        ),
    ] = CorpusFormat.TABLE,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Run on this Dask cluster (default: DASK_SCHEDULER_ADDRESS if set, else a local run).",
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, max=512, help="Local processes (default: the CPUs).")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--story-threshold",
            min=0.01,
            max=1,
            help="Article similarity (0-1, cosine of informative terms) at which two articles link. Default 0.22.",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Decode inputs with this codec instead of the automatic rule (see README)."),
    ] = None,
    color: Annotated[
        Color, typer.Option("--color", help="Colour: auto (when a terminal), always, never.")
    ] = Color.AUTO,
    width: WidthOpt = None,
) -> None:
    """Group a day of coverage into stories and show what the articles of each story share and what each says alone.

    Example: claimdiff corpus tests/eval --format json | jq '.stories[0]'
    """
    from claimdiff.corpus import CorpusUnavailable, start
    from claimdiff.render.json import dumps
    from claimdiff.render.progress import progress_bar

    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    try:
        with progress_bar(min_total=0, description="Reading articles") as progress:
            run = start(
                inputs,
                scheduler=address,
                workers=workers,
                encoding=encoding,
                threshold=threshold,
                progress=progress,
                stage=progress.stage,
            )
            for s in run.skipped:
                sys.stderr.write(f"claimdiff: skipped {_one_line(s.reason)}\n")
            if not run.articles:
                fail("no file could be read" if run.skipped else "no .txt file found in the inputs")
            with writing():
                if output_format is CorpusFormat.JSON:
                    sys.stdout.write(dumps(run.collect().to_dict()))
                elif output_format is CorpusFormat.JSONL:
                    from claimdiff.render.corpus import story_record

                    by_id = {a.id: a for a in run.articles}
                    for story in run.stories:
                        sys.stdout.write(dumps(story_record(story, by_id), indent=None))
                        sys.stdout.flush()
                else:
                    from claimdiff.render.corpus import print_corpus
                    from claimdiff.render.table import console_for

                    print_corpus(run.articles, run.stories, console_for(sys.stdout, color=color.value, width=width))
    except CorpusUnavailable as e:
        fail(str(e))
    except OSError as e:  # a scheduler that cannot be reached
        fail(f"cannot reach the Dask scheduler {address}: {e}")
    if run.skipped:
        total = len(run.skipped) + len(run.articles)
        sys.stderr.write(f"claimdiff: {len(run.skipped)} of {total} files skipped; the output covers the others\n")
        raise typer.Exit(PARTIAL)


def _one_line(text: str) -> str:
    from claimdiff.render.controls import safe

    return safe(text, one_line=True)
