"""Command-line adapter: parse options, call the core, turn typed errors into exit codes.

Exit codes: 0 ok / no differences; 1 differences found (with --exit-code) or invalid data;
2 usage or input error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from policydiff._version import __version__
from policydiff.contract.errors import PolicydiffError
from policydiff.render.options import Lang, OutputFormat, RenderOptions

if TYPE_CHECKING:
    from policydiff.comparison.report import Status

app = typer.Typer(
    name="policydiff",
    help="Compare the numeric targets of policy documents year over year.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataDirOption = Annotated[Optional[Path], typer.Option(
    "--data-dir", help="Directory of targets_YYYY.yaml files (default: $POLICYDIFF_DATA, ./data, bundled data).",
    file_okay=False)]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.")]
WidthOption = Annotated[Optional[int], typer.Option("--width", min=40, help="Table width (default: terminal width).")]
ColourOption = Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the table (default: when stdout is a terminal).")]
LangOption = Annotated[Lang, typer.Option("--lang", help="Indicator names in Chinese, English or both.")]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"policydiff {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """policydiff: which targets were raised, lowered, dropped or added, year over year."""


@contextmanager
def _user_errors() -> Iterator[None]:
    """Typed errors become one message on stderr and their exit code; nothing else escapes."""
    try:
        yield
    except PolicydiffError as error:
        typer.echo(f"policydiff: {error}", err=True)
        raise typer.Exit(error.exit_code) from None
    except (typer.Exit, typer.Abort, typer.BadParameter):
        raise
    except KeyboardInterrupt:
        typer.echo("policydiff: interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
        typer.echo(f"policydiff: internal error: {type(error).__name__}: {error}\n"
                   "Please report this with the command you ran.", err=True)
        raise typer.Exit(2) from None


def _render_options(width: int | None, colour: bool | None, lang: Lang, output: Path | None) -> RenderOptions:
    to_terminal = output is None and sys.stdout.isatty()
    if width is None:
        width = int(os.environ.get("COLUMNS", 0)) or (os.get_terminal_size().columns if to_terminal else 120)
    use_colour = colour if colour is not None else (to_terminal and "NO_COLOR" not in os.environ)
    return RenderOptions(width=width, colour=use_colour, lang=lang)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        typer.echo(f"policydiff: cannot write {output}: {error.strerror}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {output}", err=True)


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files to check (default: every targets_*.yaml in the data directory).")] = None,
    style: Annotated[str, typer.Option("--format", help="human, github (Actions annotations) or json.")] = "human",
    strict: Annotated[bool, typer.Option("--strict", help="Also require evidence and name_en on every target.")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Check data files against the data contract; report every problem with file:line:column.

    Exit 0 valid, 1 invalid data, 2 usage error or unreadable file.
    """
    from policydiff.load import datadir
    from policydiff.curation.validate import ProblemFormat, ValidationReport, format_report, validate_links, validate_paths

    with _user_errors():
        try:
            problem_format = ProblemFormat(style)
        except ValueError:
            raise typer.BadParameter("use human, github or json", param_hint="--format") from None
        directory = None if paths else datadir.data_dir(data_dir)
        files = list(paths) if paths else datadir.target_files(directory)  # type: ignore[arg-type]
        if not files:
            typer.echo("policydiff: no targets_*.yaml files to validate", err=True)
            raise typer.Exit(2)
        report = validate_paths(files, strict=strict)
        links_report = validate_links(directory) if directory is not None else None
        if links_report is not None:
            report = ValidationReport(report.files + (links_report,))
        text = format_report(report, problem_format)
        if problem_format is ProblemFormat.HUMAN:
            typer.echo(text, nl=False, err=report.exit_code != 0)
        else:
            typer.echo(text, nl=False)
        raise typer.Exit(report.exit_code)


@app.command()
def show(
    year: Annotated[str, typer.Argument(help="A year (2025) or a path to a targets file.", metavar="YEAR|PATH")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TABLE,
    lang: LangOption = Lang.BOTH,
    width: WidthOption = None,
    colour: ColourOption = None,
    output: OutputOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Show one year's targets and reported outcomes, grouped by sector."""
    from policydiff.load import datadir
    from policydiff.load.loader import load_file
    from policydiff.render.targets import RENDERERS

    with _user_errors():
        target_set = load_file(datadir.resolve(year, datadir.data_dir(data_dir) if data_dir else None))
        _emit(RENDERERS[output_format](target_set, _render_options(width, colour, lang, output)), output)


def _names(values: list[str] | None) -> list[str]:
    """Values of a repeatable option that also takes comma-separated lists."""
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]


def _statuses(values: list[str] | None) -> frozenset[Status] | None:
    from policydiff.comparison.report import Status

    names = _names(values)
    if not names:
        return None
    try:
        return frozenset(Status(name.replace("-", "_")) for name in names)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise typer.BadParameter(f"use one or more of: {choices}", param_hint="--status") from None


@app.command()
def compare(
    before: Annotated[str, typer.Argument(help="Earlier year (2024) or targets file.", metavar="A")],
    after: Annotated[str, typer.Argument(help="Later year (2025) or targets file.", metavar="B")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TABLE,
    status: Annotated[Optional[list[str]], typer.Option("--status", help="Only these statuses (raised, lowered, unchanged, changed, dropped, new, not_covered); repeat or comma-separate.")] = None,
    sector: Annotated[Optional[list[str]], typer.Option("--sector", help="Only these sectors; repeat or comma-separate.")] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", min=0.0, max=1.0, help="Only pairs scoring at least this (0-1); unpaired targets are kept.")] = None,
    show_unchanged: Annotated[bool, typer.Option("--show-unchanged", help="List unchanged targets in table and Markdown (JSON and CSV always do).")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when anything differs, like git diff --exit-code.")] = False,
    lang: LangOption = Lang.BOTH,
    width: WidthOption = None,
    colour: ColourOption = None,
    output: OutputOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Compare two years' targets: raised, lowered, unchanged, changed, dropped, new, not covered.

    Exit 0 (or 1 with --exit-code when anything differs); 2 on a usage or input error.
    """
    from policydiff.comparison.pipeline import compare as run_compare
    from policydiff.render.report import RENDERERS

    with _user_errors():
        statuses = _statuses(status)
        sectors = frozenset(_names(sector)) or None
        report = run_compare(before, after, data_dir=data_dir).where(statuses, sectors, min_score)
        options = replace(_render_options(width, colour, lang, output), show_unchanged=show_unchanged)
        _emit(RENDERERS[output_format](report, options), output)
        raise typer.Exit(1 if exit_code and report.differs else 0)


@app.command()
def align(
    before: Annotated[str, typer.Argument(help="Earlier year or targets file.", metavar="A")],
    after: Annotated[str, typer.Argument(help="Later year or targets file.", metavar="B")],
    explain: Annotated[bool, typer.Option("--explain", help="List every target's candidates with scores and signals.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Show how targets were paired across two years, and why (--explain)."""
    from policydiff.load import datadir
    from policydiff.comparison.align import AlignSettings
    from policydiff.comparison.pipeline import align_sets, links_for
    from policydiff.load.loader import load_file
    from policydiff.render.explain import explain_json, explain_text

    with _user_errors():
        directory = datadir.data_dir(data_dir)
        first = load_file(datadir.resolve(before, directory))
        second = load_file(datadir.resolve(after, directory))
        settings = AlignSettings(explain=explain or as_json)
        alignment = align_sets(first, second, links_for(second, directory), settings)
        text = (explain_json(first.targets, second.targets, alignment) if as_json
                else explain_text(first.targets, second.targets, alignment, explain))
        typer.echo(text, nl=False)


@app.command()
def review(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Data files or directories (default: the data directory).")] = None,
    base: Annotated[Optional[str], typer.Option("--base", help="Git revision to compare with (default: merge-base with origin/main, else HEAD).")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format (markdown suits $GITHUB_STEP_SUMMARY).")] = OutputFormat.TABLE,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when any target was edited.")] = False,
    lang: LangOption = Lang.BOTH,
    width: WidthOption = None,
    colour: ColourOption = None,
    output: OutputOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Report what edits to targets_*.yaml changed since a git revision: values raised or
    lowered, targets added or removed, qualifier, unit and evidence edits."""
    from policydiff.render.review import RENDERERS as REVIEW_RENDERERS
    from policydiff.curation.review import review as run_review

    with _user_errors():
        chosen = list(paths) if paths else [_review_directory(data_dir)]
        used_base, reviews = run_review(chosen, base)
        options = replace(_render_options(width, colour, lang, output), show_unchanged=True)
        _emit(REVIEW_RENDERERS[output_format](reviews, used_base, options), output)
        edited = any(r.edited for r in reviews)
        raise typer.Exit(1 if exit_code and edited else 0)


def _review_directory(data_dir: Path | None) -> Path:
    """--data-dir, $POLICYDIFF_DATA, ./data, else the current directory: never the bundled
    data, which is not in the repository under review."""
    from policydiff.load import datadir

    if data_dir is not None or os.environ.get(datadir.ENV_VAR):
        return datadir.data_dir(data_dir)
    local = Path("data")
    return local if local.is_dir() else Path(".")


@app.command()
def textconv(
    path: Annotated[Path, typer.Argument(help="A targets file (git passes a temporary copy).")],
) -> None:
    """Print a data file as one line per target, for `git diff` (diff.policydiff.textconv).

    A file that cannot be parsed is printed as it is, so `git diff` always works.
    """
    from policydiff.curation.textconv import textconv_text

    with _user_errors():
        typer.echo(textconv_text(path), nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the data format (for editors and other tools)."""
    from policydiff.contract.schema import json_schema_text

    typer.echo(json_schema_text(), nl=False)


@app.command()
def units(
    parse: Annotated[Optional[str], typer.Option("--parse", help="Parse a stated quantity, e.g. '1.3万亿元以上'.")] = None,
) -> None:
    """List the known units with their dimension and factor, or parse a stated quantity."""
    from policydiff.contract.units import UNITS, lookup

    with _user_errors():
        if parse is not None:
            from policydiff.contract.quantity import parse_quantity

            try:
                quantity = parse_quantity(parse)
            except ValueError as error:
                typer.echo(f"policydiff: {error}", err=True)
                raise typer.Exit(2) from None
            unit = lookup(quantity.unit)
            assert unit is not None
            typer.echo(f"value: {quantity.value}\nunit: {quantity.unit} ({unit.dimension.value}, ×{unit.factor:g})\n"
                       f"qualifier: {quantity.qualifier.value}\nstrive: {str(quantity.strive).lower()}")
            return
        for unit in UNITS.values():
            typer.echo(f"{unit.symbol}\t{unit.dimension.value}\t{unit.factor:g}\t{unit.english}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with `argv` (default: sys.argv[1:]) and return the exit code."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="policydiff", standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0


def run() -> None:
    """Console entry point. The collector is switched off: a short-lived process whose
    large structures (YAML nodes, candidates) form no cycles only pays for its scans."""
    import gc

    gc.disable()
    sys.exit(main())


