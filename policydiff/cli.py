"""Command-line adapter: parse options, call the core, turn typed errors into exit codes.

Exit codes: 0 ok / no differences; 1 differences found (with --exit-code) or invalid data;
2 usage or input error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._version import __version__
from .errors import PolicydiffError
from .render.options import Lang, OutputFormat, RenderOptions

app = typer.Typer(
    name="policydiff",
    help="Compare the numeric targets of policy documents year over year.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataDirOption = Annotated[Optional[Path], typer.Option(
    "--data-dir", help="Directory of targets_YYYY.yaml files [default: $POLICYDIFF_DATA, ./data, bundled data].",
    file_okay=False)]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.")]
WidthOption = Annotated[Optional[int], typer.Option("--width", min=40, help="Table width [default: terminal width].")]
ColourOption = Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the table [default: when stdout is a terminal].")]
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
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files to check [default: every targets_*.yaml in the data directory].")] = None,
    style: Annotated[str, typer.Option("--format", help="human, github (Actions annotations) or json.")] = "human",
    strict: Annotated[bool, typer.Option("--strict", help="Also require evidence and name_en on every target.")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Check data files against the data contract; report every problem with file:line:column.

    Exit 0 valid, 1 invalid data, 2 usage error or unreadable file.
    """
    from . import datadir
    from .validate import ProblemFormat, format_report, validate_paths

    with _user_errors():
        try:
            problem_format = ProblemFormat(style)
        except ValueError:
            raise typer.BadParameter("use human, github or json", param_hint="--format") from None
        files = list(paths) if paths else datadir.target_files(datadir.data_dir(data_dir))
        if not files:
            typer.echo("policydiff: no targets_*.yaml files to validate", err=True)
            raise typer.Exit(2)
        report = validate_paths(files, strict=strict)
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
    from . import datadir
    from .load import load_file
    from .render.targets import RENDERERS

    with _user_errors():
        target_set = load_file(datadir.resolve(year, datadir.data_dir(data_dir) if data_dir or year.isdigit() else None))
        _emit(RENDERERS[output_format](target_set, _render_options(width, colour, lang, output)), output)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the data format (for editors and other tools)."""
    from .schema import json_schema_text

    typer.echo(json_schema_text(), nl=False)


@app.command()
def units(
    parse: Annotated[Optional[str], typer.Option("--parse", help="Parse a stated quantity, e.g. '1.3万亿元以上'.")] = None,
) -> None:
    """List the known units with their dimension and factor, or parse a stated quantity."""
    from .units import UNITS, lookup

    with _user_errors():
        if parse is not None:
            from .quantity import parse_quantity

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
    sys.exit(main())


