"""The ``claimdiff`` command line: parse, read, call the library, render, map errors to exit codes.

Exit status: 0 ok, 1 a check found problems, 2 usage or input error (one line on stderr).
"""

# No `from __future__ import annotations` here: typer reads each command's signature several times at
# start-up, and string annotations would be evaluated again each time (about 5 ms).

import sys
from typing import Annotated

import typer

from claimdiff._version import __version__
from claimdiff.cli_support import (
    _EITHER,
    INTERRUPTED,
    BoilerOpt,
    CannotWrite,
    Color,
    ColorOpt,
    EncodingOpt,
    ExhaustiveOpt,
    ExitStatus,
    MergeOpt,
    OutputOpt,
    ReaderLeft,
    ReportA,
    ReportB,
    SharedOpt,
    SimilarityOpt,
    ThresholdOpt,
    TimeoutOpt,
    WidthOpt,
    _error_line,
    _silence_stdout,
    _similarity,
    fail,
    output,
    read_inputs,
    writing,
)
from claimdiff.render import MAX_WIDTH, MIN_WIDTH, ExtractFormat, Format

__all__ = ["ExitStatus", "app", "fail", "run", "writing"]

app = typer.Typer(
    name="claimdiff",
    help="Compare what two reports claim: shared, paraphrased and unique claims, side by side.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    # plain help: rich's help panels cut long option names at 80 columns ("--shared-thresho…")
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        with writing():
            sys.stdout.write(f"claimdiff {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Compare what two reports claim: shared, paraphrased and unique claims, side by side."""


@app.command()
def compare(
    a: ReportA,
    b: ReportB,
    output_format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="Output: a side-by-side table, JSON (schema claimdiff/compare/2), Markdown or a self-contained"
            " HTML page.",
        ),
    ] = Format.TABLE,
    out: OutputOpt = None,
    threshold: ThresholdOpt = 52.0,
    shared_threshold: SharedOpt = 80.0,
    merge_threshold: MergeOpt = 40.0,
    exhaustive: ExhaustiveOpt = False,
    similarity: SimilarityOpt = None,
    boilerplate: BoilerOpt = True,
    hide_boilerplate: Annotated[
        bool, typer.Option("--hide-boilerplate", help="Leave boilerplate rows out of the table.")
    ] = False,
    encoding: EncodingOpt = None,
    timeout: TimeoutOpt = 20.0,
    color: ColorOpt = Color.AUTO,
    width: WidthOpt = None,
) -> None:
    """Align the claims of two reports and show which are shared, paraphrased or unique.

    Example: claimdiff compare samples/axios.txt samples/secondary.txt --format json | jq .summary
    """
    import claimdiff
    from claimdiff.render.progress import progress_bar
    from claimdiff.similarity import SemanticUnavailable

    similarity = _similarity(similarity)
    doc_a, doc_b = read_inputs([a, b], encoding, timeout)
    try:
        with progress_bar(size=len(doc_a.text) + len(doc_b.text)) as progress:
            result = claimdiff.compare(
                doc_a.text,
                doc_b.text,
                names=(a, b),
                threshold=threshold,
                shared_threshold=shared_threshold,
                merge_threshold=merge_threshold,
                exhaustive=exhaustive,
                boilerplate=boilerplate,
                similarity=similarity,
                progress=progress,
                stage=progress.stage,
            )
    except (claimdiff.OptionsError, SemanticUnavailable) as e:
        fail(str(e))
    result = result.described(doc_a.origin, doc_b.origin)
    with output(out) as stream:
        if output_format is Format.JSON:
            from claimdiff.render.json import dumps

            stream.write(dumps(result.to_dict()))
        elif output_format is Format.MARKDOWN:
            from claimdiff.render.markdown import render_markdown

            stream.write(render_markdown(result, show_boilerplate=not hide_boilerplate))
        elif output_format is Format.HTML:
            from claimdiff.render.html import render_html

            stream.write(render_html(result, show_boilerplate=not hide_boilerplate))
        else:
            from claimdiff.render.table import console_for, print_table

            console = console_for(stream, color=color.value, width=width)
            print_table(result, console, show_boilerplate=not hide_boilerplate)


@app.command()
def check(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help=f"The original report: {_EITHER}.")],
    derived: Annotated[str, typer.Argument(metavar="DERIVED", help=f"The rewrite to check: {_EITHER}.")],
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="[text|json|github|markdown|html]",
            help="Output: a readable report, JSON (schema claimdiff/check/2), GitHub workflow commands, Markdown"
            " (for $GITHUB_STEP_SUMMARY) or a self-contained HTML page.",
        ),
    ] = None,
    out: OutputOpt = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="KINDS",
            help="Comma-separated finding kinds that fail the check (quote-altered, quote-cut, quote-unsourced, "
            "number-mismatch, negation-flipped, modality-changed, attribution-changed, claim-dropped; or all, "
            "none). Default: all but modality-changed, attribution-changed and quote-cut, which are warnings.",
        ),
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option(
            "--ignore",
            metavar="KINDS",
            help="Comma-separated finding kinds not to report at all (or none). Default: quote-cut (a quotation "
            "cut at an ellipsis, its other words verbatim); --ignore none reports cuts as warnings.",
        ),
    ] = None,
    min_coverage: Annotated[
        str | None,
        typer.Option(
            "--min-coverage",
            metavar="SHARE",
            help="Share of SOURCE's claims DERIVED must carry, as 0-1 or a percentage like 80%; lists dropped claims.",
        ),
    ] = None,
    quote_threshold: Annotated[
        float | None,
        typer.Option(
            "--quote-threshold",
            min=0.01,
            max=100,
            help="Resemblance (0-100) at which a DERIVED quotation is checked against a SOURCE quotation. Default 60.",
        ),
    ] = None,
    short_quote_words: Annotated[
        int | None,
        typer.Option(
            "--short-quote-words",
            min=0,
            help="Quotations of at most this many words are unsourced warnings at most, never errors. Default 2.",
        ),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0.01,
            max=100,
            help="Similarity (0-100) at which two claims count as the same claim. Default: as for compare.",
        ),
    ] = None,
    similarity: SimilarityOpt = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Read [tool.claimdiff.check] from this TOML file instead of the nearest pyproject.toml.",
        ),
    ] = None,
    encoding: EncodingOpt = None,
    timeout: TimeoutOpt = 20.0,
    color: Annotated[
        Color, typer.Option("--color", help="Colour the text report: auto (when a terminal), always, never.")
    ] = Color.AUTO,
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            min=MIN_WIDTH,
            max=MAX_WIDTH,
            help=f"Report width in columns, {MIN_WIDTH} to {MAX_WIDTH} (default: the terminal's, or 80 when piped).",
        ),
    ] = None,
) -> None:
    """Check that DERIVED keeps the quotations, figures and claims of SOURCE; exit 1 on a failing finding.

    Example: claimdiff check samples/axios.txt samples/secondary.txt --format github
    """
    from claimdiff.check import check as run_check
    from claimdiff.compare import OptionsError
    from claimdiff.formats import OutputFormat
    from claimdiff.policy import PolicyError, resolve_policy
    from claimdiff.similarity import SemanticUnavailable

    try:
        policy = resolve_policy(
            None,
            config=config,
            fail_on=fail_on,
            ignore=ignore,
            min_coverage=min_coverage,
            quote_threshold=quote_threshold,
            short_quote_words=short_quote_words,
            threshold=threshold,
            similarity=similarity.value if similarity is not None else None,
            output_format=output_format,
        )
    except PolicyError as e:
        fail(str(e))
    doc_source, doc_derived = read_inputs([source, derived], encoding, timeout)
    try:
        report = run_check(doc_source.text, doc_derived.text, names=(source, derived), policy=policy)
    except (OptionsError, SemanticUnavailable) as e:
        fail(str(e))
    report = report.described(doc_source.origin, doc_derived.origin)
    with output(out) as stream:
        if policy.format is OutputFormat.JSON:
            from claimdiff.render.json import dumps

            stream.write(dumps(report.to_dict()))
        elif policy.format is OutputFormat.GITHUB:
            from claimdiff.render.github import render_github

            stream.write(render_github(report))
        elif policy.format is OutputFormat.MARKDOWN:
            from claimdiff.render.markdown import render_check_markdown

            stream.write(render_check_markdown(report))
        elif policy.format is OutputFormat.HTML:
            from claimdiff.render.html import render_check_html

            stream.write(render_check_html(report))
        else:
            from claimdiff.render.check_text import print_check
            from claimdiff.render.table import console_for

            print_check(report, console_for(stream, color=color.value, width=width))
    if not report.passed:
        raise typer.Exit(ExitStatus.PROBLEMS)


@app.command()
def matrix(
    sources: Annotated[
        list[str],
        typer.Argument(metavar="SOURCE...", help=f"Two or more reports, one column each: {_EITHER} (once)."),
    ],
    output_format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="Output: a table, JSON (schema claimdiff/matrix/1), Markdown or a self-contained HTML page.",
        ),
    ] = Format.TABLE,
    out: OutputOpt = None,
    threshold: ThresholdOpt = 52.0,
    shared_threshold: SharedOpt = 80.0,
    merge_threshold: MergeOpt = 40.0,
    exhaustive: ExhaustiveOpt = False,
    similarity: SimilarityOpt = None,
    boilerplate: BoilerOpt = True,
    encoding: EncodingOpt = None,
    timeout: TimeoutOpt = 20.0,
    color: ColorOpt = Color.AUTO,
    width: WidthOpt = None,
) -> None:
    """Which of several reports state which claim: one row per claim, one column per report.

    Every pair of reports is compared as by 'claimdiff compare'; the matches are joined into rows.

    Example: claimdiff matrix samples/interview/*.txt --format html -o matrix.html
    """
    from claimdiff.compare import Options, OptionsError
    from claimdiff.matrix import matrix as build_matrix
    from claimdiff.similarity import SemanticUnavailable

    if len(sources) < 2:
        fail("matrix needs two or more sources")
    try:
        options = Options(
            threshold=threshold,
            shared_threshold=shared_threshold,
            merge_threshold=merge_threshold,
            exhaustive=exhaustive,
            boilerplate=boilerplate,
            similarity=_similarity(similarity),
        )
    except OptionsError as e:
        fail(str(e))
    docs = read_inputs(sources, encoding, timeout)
    try:
        result = build_matrix([d.text for d in docs], names=sources, options=options)
    except (OptionsError, SemanticUnavailable) as e:
        fail(str(e))
    result = result.described([d.origin for d in docs])
    with output(out) as stream:
        if output_format is Format.JSON:
            from claimdiff.render.json import dumps

            stream.write(dumps(result.to_dict()))
        elif output_format is Format.MARKDOWN:
            from claimdiff.render.markdown import render_matrix_markdown

            stream.write(render_matrix_markdown(result))
        elif output_format is Format.HTML:
            from claimdiff.render.html import render_matrix_html

            stream.write(render_matrix_html(result))
        else:
            from claimdiff.render.matrix_table import print_matrix
            from claimdiff.render.table import console_for

            print_matrix(result, console_for(stream, color=color.value, width=width))


@app.command()
def extract(
    page: Annotated[str, typer.Argument(metavar="PAGE", help=f"The input: {_EITHER}.")],
    output_format: Annotated[
        ExtractFormat,
        typer.Option(
            "--format", "-f", help="Output: the text, or JSON with the page's metadata (claimdiff/extract/1)."
        ),
    ] = ExtractFormat.TEXT,
    encoding: EncodingOpt = None,
    timeout: TimeoutOpt = 20.0,
) -> None:
    """Print the text claimdiff reads from an input: for a web page, the article without the page's furniture.

    Example: claimdiff extract samples/web/herald.html --format json | jq .meta
    """
    from claimdiff.render.extract import render_extract

    (document,) = read_inputs([page], encoding, timeout)
    with writing():
        sys.stdout.write(render_extract(document, output_format))


def run() -> None:
    """Console-script entry point: usage errors become one line on stderr with exit status 2; output that
    cannot be written is one line and status 2 (a reader that left, ``| head``, is not an error: status
    0, quietly); Ctrl-C is status 130 without a traceback; anything unforeseen is one line and status 2."""
    try:
        code = app(standalone_mode=False)
        with writing():  # flushes what no command flushed (--version, --help)
            pass
    except ReaderLeft:
        # `claimdiff compare ... | head`: the reader left; nothing more to say.
        _silence_stdout()
        sys.exit(ExitStatus.OK)
    except CannotWrite as e:
        _silence_stdout()
        sys.stderr.write(_error_line(str(e)))
        sys.exit(ExitStatus.ERROR)
    except typer.TyperException as e:
        message = e.format_message()
        if type(e).__name__ == "NoArgsIsHelpError":  # `claimdiff compare` alone: its help, not an error
            sys.stdout.write(message.rstrip("\n") + "\n")
        elif message:
            ctx = getattr(e, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            sys.stderr.write(_error_line(f"{message}{hint}"))
        sys.exit(getattr(e, "exit_code", ExitStatus.ERROR))
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("claimdiff: interrupted\n")
        sys.exit(INTERRUPTED)
    except BrokenPipeError:  # the help or the version, written by typer itself, to a reader that left
        _silence_stdout()
        sys.exit(ExitStatus.OK)
    except OSError as e:  # ... or to a full disk: inputs are read inside the commands, which map their errors
        _silence_stdout()
        sys.stderr.write(_error_line(f"cannot write the output: {e.strerror or e}"))
        sys.exit(ExitStatus.ERROR)
    except Exception as e:
        sys.stderr.write(_error_line(f"internal error ({type(e).__name__}: {e}); please report it"))
        sys.exit(ExitStatus.ERROR)
    if code == INTERRUPTED:  # typer turns Ctrl-C into this status, silently
        sys.stderr.write("claimdiff: interrupted\n")
    sys.exit(code if isinstance(code, int) else ExitStatus.OK)


# `claimdiff corpus` lives in its own module (this one stays short); importing it registers the command.
from claimdiff import cli_corpus as _cli_corpus  # noqa: E402, F401

if __name__ == "__main__":
    run()
