"""Commands that compare two years: compare, align."""

import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from policydiff.cli.app import command
from policydiff.cli.data import open_dataset
from policydiff.cli.exit import ExitCode
from policydiff.cli.options import DataOptions, ViewOptions, data_options, emit, finish, names, render_options, view_options
from policydiff.render.options import OutputFormat

if TYPE_CHECKING:
    from policydiff.comparison.report import Status
    from policydiff.load.datadir import Dataset


def _statuses(values: Optional[list[str]]) -> "frozenset[Status] | None":
    from policydiff.comparison.report import Status

    chosen = names(values)
    if not chosen:
        return None
    try:
        return frozenset(Status(name.replace("-", "_")) for name in chosen)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise typer.BadParameter(f"use one or more of: {choices}", param_hint="--status") from None


@command()
@data_options
@view_options
def compare(
    before: Annotated[str, typer.Argument(help="Earlier year (2024) or targets file.", metavar="A")],
    after: Annotated[str, typer.Argument(help="Later year (2025) or targets file.", metavar="B")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TABLE,
    status: Annotated[Optional[list[str]], typer.Option("--status", help=(
        "Only these statuses (raised, lowered, unchanged, changed, dropped, new, not_covered); "
        "repeat or comma-separate."))] = None,
    sector: Annotated[Optional[list[str]], typer.Option("--sector", help="Only these sectors; repeat or comma-separate.")] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", min=0.0, max=1.0, help=(
        "Only pairs scoring at least this (0-1); unpaired targets are kept."))] = None,
    show_unchanged: Annotated[bool, typer.Option("--show-unchanged", help=(
        "List unchanged targets in table and Markdown (JSON and CSV always do)."))] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when anything differs, like git diff --exit-code.")] = False,
    *, data: DataOptions, view: ViewOptions,
) -> None:
    """Compare two years' targets: raised, lowered, unchanged, changed, dropped, new, not covered.

    Exit 0 (or 1 with --exit-code when anything differs); 2 on a usage or input error.
    """
    from policydiff.cli import outputcache
    from policydiff.comparison.pipeline import links_file
    from policydiff.load import datadir

    if min_score is not None and min_score != min_score:
        raise typer.BadParameter("give a number from 0 to 1", param_hint="--min-score")
    statuses = _statuses(status)
    sectors = frozenset(names(sector)) or None
    by_year = datadir.is_year(before) or datadir.is_year(after)
    chosen = open_dataset(data) if by_year else None
    directory = chosen.directory if chosen is not None else datadir.data_dir(data.data_dir)
    first, second = datadir.resolve(before, directory), datadir.resolve(after, directory)
    gap = _gap_note(chosen, before, after)
    links = links_file(second, directory)
    options = render_options(view, show_unchanged=show_unchanged)
    key = outputcache.key("compare", (repr(options), output_format.value, repr(sorted(statuses or ())),
                                      repr(sorted(sectors or ())), repr(min_score), str(exit_code)),
                          (first, second, links))
    cached = outputcache.fetch(key)
    if cached is None:
        from policydiff.comparison.pipeline import compare as run_compare
        from policydiff.render.report import RENDERERS

        report = run_compare(first, second, data_dir=directory).where(statuses, sectors, min_score)
        code = ExitCode.DIFFERENCES if exit_code and report.differs else ExitCode.OK
        cached = outputcache.CachedRun(RENDERERS[output_format](report, options), gap, int(code))
        outputcache.store(key, cached)
    sys.stderr.write(cached.notes)
    emit(cached.output, view.output, protected=tuple(p for p in (first, second, links) if p is not None))
    finish(ExitCode(cached.exit_code))


def _gap_note(chosen: "Dataset | None", before: str, after: str) -> str:
    """A line saying which years between A and B the region has no document for."""
    if chosen is None or not (before.isdigit() and after.isdigit()):
        return ""
    low, high = sorted((int(before), int(after)))
    missing = [year for year in range(low + 1, high) if year not in chosen.years]
    if not missing:
        return ""
    years = ", ".join(map(str, missing))
    return (f"note: {years} {'is' if len(missing) == 1 else 'are'} missing from the {chosen.name} series: "
            f"this comparison skips {'that year' if len(missing) == 1 else 'those years'}\n")


@command()
@data_options
def align(
    before: Annotated[str, typer.Argument(help="Earlier year or targets file.", metavar="A")],
    after: Annotated[str, typer.Argument(help="Later year or targets file.", metavar="B")],
    explain: Annotated[bool, typer.Option("--explain", help="List every target's candidates with scores and signals.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    *, data: DataOptions,
) -> None:
    """Show how targets were paired across two years, and why (--explain)."""
    from policydiff.comparison.align import AlignSettings
    from policydiff.comparison.pipeline import align_sets, links_for
    from policydiff.load import datadir
    from policydiff.load.loader import load_file
    from policydiff.render.explain import explain_json, explain_text

    directory = open_dataset(data).directory
    first = load_file(datadir.resolve(before, directory))
    second = load_file(datadir.resolve(after, directory))
    settings = AlignSettings(explain=explain or as_json)
    alignment = align_sets(first, second, links_for(second, directory), settings)
    sys.stdout.write(explain_json(first.targets, second.targets, alignment) if as_json
                     else explain_text(first.targets, second.targets, alignment, explain))
