"""Commands that read one region's data: show, validate, regions, schema, units."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from policydiff.cli.app import command
from policydiff.cli.exit import ExitCode
from policydiff.cli.options import DataOptions, ViewOptions, data_options, emit, finish, render_options, view_options
from policydiff.render.options import OutputFormat

if TYPE_CHECKING:
    from policydiff.load.datadir import Dataset


def open_dataset(data: DataOptions) -> "Dataset":
    """The region the options name; one line on stderr when it is the bundled data."""
    from policydiff.load.datadir import dataset

    chosen = dataset(data.data_dir, data.region)
    if chosen.fallback:
        sys.stderr.write(f"policydiff: using the bundled {chosen.name} data "
                         "(--data-dir or $POLICYDIFF_DATA for your own)\n")
    return chosen


@command()
@data_options
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or directories to check (default: every targets_*.yaml of the region).")] = None,
    style: Annotated[str, typer.Option("--format", help="human, github (Actions annotations) or json.")] = "human",
    strict: Annotated[bool, typer.Option("--strict", help="Also require evidence and name_en on every target.")] = False,
    *, data: DataOptions,
) -> None:
    """Check data files against the data contract; report every problem with file:line:column.

    Exit 0 valid, 1 invalid data, 2 usage error or unreadable file.
    """
    from policydiff.curation.validate import ProblemFormat, ValidationReport, format_report, validate_links, validate_paths
    from policydiff.render.text import one_line

    try:
        problem_format = ProblemFormat(style)
    except ValueError:
        raise typer.BadParameter("use human, github or json", param_hint="--format") from None
    directory = None if paths else open_dataset(data).directory
    files = [f for path in paths for f in (open_dataset_files(path) if _is_folder(path) else [path])] if paths \
        else open_dataset_files(directory)
    if not files:
        where = ", ".join(str(p) for p in paths) if paths else str(directory)
        sys.stderr.write(f"policydiff: no targets_*.yaml files to validate in {one_line(where)}\n")
        finish(ExitCode.USAGE)
    report = validate_paths(files, strict=strict)
    links_report = validate_links(directory) if directory is not None else None
    if links_report is not None:
        report = ValidationReport(report.files + (links_report,))
    text = format_report(report, problem_format)
    stream = sys.stderr if problem_format is ProblemFormat.HUMAN and report.exit_code != 0 else sys.stdout
    stream.write(text)
    finish(ExitCode(report.exit_code))


def _is_folder(path: Path) -> bool:
    """A directory argument means its data files; one named like a data file is an error to report."""
    from policydiff.contract.spec import TARGET_FILE

    return path.is_dir() and not TARGET_FILE.match(path.name)


def open_dataset_files(directory: Optional[Path]) -> list[Path]:
    from policydiff.load.datadir import target_files

    return target_files(directory) if directory is not None else []


@command()
@data_options
@view_options
def show(
    year: Annotated[str, typer.Argument(help="A year (2025) or a path to a targets file.", metavar="YEAR|PATH")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TABLE,
    *, data: DataOptions, view: ViewOptions,
) -> None:
    """Show one year's targets and reported outcomes, grouped by sector."""
    from policydiff.load import datadir
    from policydiff.load.loader import load_file
    from policydiff.render.targets import RENDERERS

    path = datadir.resolve(year, open_dataset(data).directory if datadir.is_year(year) else None)
    target_set = load_file(path)
    emit(RENDERERS[output_format](target_set, render_options(view)), view.output, protected=(path,))


@command()
@data_options
def regions(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    *, data: DataOptions,
) -> None:
    """List the regions of the data directory with their years, target and result counts and sources."""
    from policydiff.load import datadir
    from policydiff.load.loader import load_file
    from policydiff.render.text import json_text, one_line

    rows: list[dict[str, Any]] = []
    for found in datadir.regions(datadir.data_dir(data.data_dir)):
        sets = [load_file(path) for path in found.files()]
        rows.append({
            "region": found.name, "name": sets[-1].region if sets else "", "directory": str(found.directory),
            "bundled": found.bundled, "years": found.years,
            "missing_years": [y for y in range(found.years[0], found.years[-1] + 1) if y not in found.years]
            if found.years else [],
            "targets": sum(len(s.targets) for s in sets), "actuals": sum(len(s.actuals) for s in sets),
            "sources": sorted({source.file or source.title for s in sets for source in s.sources}),
        })
    if as_json:
        sys.stdout.write(json_text(rows, indent=2) + "\n")
        return
    for row in rows:
        years = f"{row['years'][0]}–{row['years'][-1]}" if row["years"] else "no years"
        gaps = f" (missing: {', '.join(map(str, row['missing_years']))})" if row["missing_years"] else ""
        sys.stdout.write(one_line(f"{row['region']}\t{row['name']}\t{years}{gaps}\t{row['targets']} targets\t"
                                  f"{row['actuals']} results\t{len(row['sources'])} source documents") + "\n")


@command()
def schema() -> None:
    """Print the JSON Schema of the data format (for editors and other tools)."""
    from policydiff.contract.schema import json_schema_text

    sys.stdout.write(json_schema_text())


@command()
def units(
    parse: Annotated[Optional[str], typer.Option("--parse", help="Parse a stated quantity, e.g. '1.3万亿元以上'.")] = None,
) -> None:
    """List the known units with their dimension and factor, or parse a stated quantity."""
    from policydiff.contract.units import UNITS, lookup
    from policydiff.render.text import one_line

    if parse is None:
        for unit in UNITS.values():
            sys.stdout.write(f"{unit.symbol}\t{unit.dimension.value}\t{unit.factor:g}\t{unit.english}\n")
        return
    from policydiff.contract.quantity import parse_quantity

    try:
        quantity = parse_quantity(parse)
    except ValueError as error:
        sys.stderr.write(f"policydiff: {one_line(str(error))}\n")
        finish(ExitCode.USAGE)
    known = lookup(quantity.unit)
    assert known is not None
    sys.stdout.write(f"value: {quantity.value}\nunit: {quantity.unit} ({known.dimension.value}, ×{known.factor:g})\n"
                     f"qualifier: {quantity.qualifier.value}\nstrive: {str(quantity.strive).lower()}\n")
