"""What the ``claimdiff`` commands share: exit statuses, writing the output (to stdout or ``-o FILE``), one-line
errors, reading the inputs, and the options several commands take. Only this module and :mod:`claimdiff.cli`
import typer.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from claimdiff.render import MAX_WIDTH, MIN_WIDTH
from claimdiff.similarity import INSTALL_HINT, Similarity

if TYPE_CHECKING:
    from claimdiff.inputs import Document


class ExitStatus(IntEnum):
    OK = 0
    PROBLEMS = 1
    ERROR = 2


INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT, as shells report it)."""


class Color(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class ReaderLeft(Exception):
    """The reader of standard output went away (``| head``): not an error."""


class CannotWrite(Exception):
    """Standard output cannot be written (a full disk, a closed descriptor); the message is one line."""


@contextmanager
def writing() -> Iterator[None]:
    """Turn failures to write the output into :class:`ReaderLeft` and :class:`CannotWrite`, which
    :func:`run` maps to exit statuses (typer would turn a broken pipe into status 1, which reads as
    "check found problems"). The output is flushed inside, so that a late failure is caught too."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise ReaderLeft from None
    except OSError as e:
        raise CannotWrite(f"cannot write the output: {e.strerror or e}") from None


def _error_line(message: str) -> str:
    """``claimdiff: error: ...`` on one line, with any control character of a file name or of input
    text made visible (a name may hold ESC or a line break)."""
    from claimdiff.render.controls import safe

    return f"claimdiff: error: {safe(message, one_line=True)}\n"


def fail(message: str) -> NoReturn:
    """Print a one-line error on stderr and exit with status 2."""
    sys.stderr.write(_error_line(message))
    raise typer.Exit(ExitStatus.ERROR)


def read_inputs(paths: list[str], encoding: str | None, timeout: float) -> list[Document]:
    """Read each input (a file, ``-``, a saved page or a URL); an input error is one line and status 2."""
    from claimdiff.inputs import InputError, read_input

    if paths.count("-") > 1:
        fail("standard input ('-') can stand for only one of the inputs")
    try:
        return [read_input(p, encoding=encoding, timeout=timeout) for p in paths]
    except InputError as e:
        fail(str(e))


_EITHER = "a text file, a saved HTML page, an http(s):// URL, or - for stdin"
ReportA = Annotated[str, typer.Argument(metavar="A", help=f"The first report (left column): {_EITHER}.")]
ReportB = Annotated[str, typer.Argument(metavar="B", help=f"The second report (right column): {_EITHER}.")]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout", min=0.1, max=600, help="Seconds to wait for a web server to connect or send more. Default 20."
    ),
]
ThresholdOpt = Annotated[
    float,
    typer.Option(
        "--threshold",
        min=0.01,
        max=100,
        help="Similarity (0-100) at which two claims count as the same claim. Default 52.",
    ),
]
SharedOpt = Annotated[
    float,
    typer.Option(
        "--shared-threshold",
        min=0,
        max=100,
        help="Wording agreement (0-100) at which an aligned pair is 'shared' rather than 'paraphrased'. Default 80.",
    ),
]
MergeOpt = Annotated[
    float,
    typer.Option(
        "--merge-threshold",
        min=0,
        max=100,
        help=(
            "Share (0-100) of a leftover claim's words that another claim must carry"
            " for a merged or split match. Default 40."
        ),
    ),
]
ExhaustiveOpt = Annotated[
    bool,
    typer.Option("--exhaustive", help="Score every pair of claims instead of candidates only (slow on long texts)."),
]
BoilerOpt = Annotated[
    bool,
    typer.Option(
        "--boilerplate/--no-boilerplate",
        help="Mark photo credits, datelines, bylines, wire notices and the like as boilerplate, left out of alignment.",
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Decode inputs with this codec instead of the automatic rule (see README)."),
]
SimilarityOpt = Annotated[
    Similarity | None,
    typer.Option(
        "--similarity",
        help="How claims are compared: lexical (words; default) or semantic (words and sentence embeddings;"
        f" needs {INSTALL_HINT}). Default: [tool.claimdiff] similarity, else lexical.",
    ),
]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colour the table: auto (when a terminal), always, never.")]
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        min=MIN_WIDTH,
        max=MAX_WIDTH,
        help=f"Table width in columns, {MIN_WIDTH} to {MAX_WIDTH} (default: the terminal's, or 80 when piped).",
    ),
]


@contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """Where a command writes: standard output, or the file ``path`` (``-o FILE``; ``-`` is standard output),
    written as UTF-8 and replaced only once the output is complete. Failures to write become
    :class:`ReaderLeft` and :class:`CannotWrite`, as :func:`writing` does."""
    if path is None or path == "-":
        with writing():
            yield sys.stdout
        return
    import io

    buffer = io.StringIO()
    yield buffer
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(buffer.getvalue())
    except OSError as e:
        raise CannotWrite(f"cannot write {path}: {e.strerror or e}") from None


OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write the output to FILE instead of standard output."),
]


def _similarity(similarity: Similarity | None) -> Similarity:
    """The similarity asked for, else the project's ([tool.claimdiff] similarity), else lexical."""
    if similarity is not None:
        return similarity
    from claimdiff.project import PolicyError, project_similarity

    try:
        return project_similarity()
    except PolicyError as e:
        fail(str(e))


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
