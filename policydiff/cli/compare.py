"""Commands that compare two years: compare, align."""

import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from policydiff.cli.app import command
from policydiff.cli.data import open_dataset
from policydiff.cli.exit import ExitCode
from policydiff.cli.options import DataOptions, ViewOptions, data_options, emit, finish, names, render_options, view_options
from policydiff.render.options import OutputFormat, ReportFormat

if TYPE_CHECKING:
    from pathlib import Path

    from policydiff.comparison.report import Report, Status
    from policydiff.load.datadir import Dataset
    from policydiff.render.options import Section


def _statuses(values: Optional[list[str]], option: str = "--status") -> "frozenset[Status] | None":
    if not names(values):
        return None  # and the report model is not imported on a cached run
    from policydiff.cli.choices import choose
    from policydiff.comparison.report import Status

    chosen = choose(option, names(values), [s.value for s in Status])
    return frozenset(Status(name) for name in chosen) or None


def _sectors(values: Optional[list[str]]) -> "frozenset[str] | None":
    from policydiff.cli.choices import choose
    from policydiff.contract.sectors import SECTORS

    return frozenset(choose("--sector", names(values), list(SECTORS))) or None


def _sections(values: Optional[list[str]]) -> "frozenset[Section] | None":
    from policydiff.cli.choices import choose
    from policydiff.render.options import Section

    return frozenset(Section(n) for n in choose("--show", names(values), [s.value for s in Section])) or None


_EXTENSIONS = {".csv": ReportFormat.CSV, ".md": ReportFormat.MARKDOWN, ".markdown": ReportFormat.MARKDOWN,
               ".json": ReportFormat.JSON, ".txt": ReportFormat.TABLE, ".xlsx": ReportFormat.XLSX}


def output_format_for(explicit: Optional[ReportFormat], output: "Path | None") -> ReportFormat:
    """--format when given, else the format -o FILE's extension names, else the table."""
    if explicit is not None:
        return explicit
    if output is not None:
        return _EXTENSIONS.get(output.suffix.lower(), ReportFormat.TABLE)
    return ReportFormat.TABLE


def _write_workbook(data: bytes, output: "Path | None", protected: tuple["Path", ...]) -> None:
    from policydiff.contract.errors import UsageError

    if output is None:
        if sys.stdout.isatty():
            raise UsageError("--format xlsx writes a workbook: give -o FILE.xlsx (or redirect stdout to a file)")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    from policydiff.load.files import write_atomic

    write_atomic(output, data, protected)
    sys.stderr.write(f"wrote {output}\n")


def _exit_code(report: "Report", exit_code: bool, failing: "frozenset[Status] | None") -> ExitCode:
    """1 when a change has a --fail-on status, or (--exit-code alone) when anything differs."""
    if failing is not None:
        found = any(change.status in failing for change in report.changes)
    else:
        found = exit_code and report.differs
    return ExitCode.DIFFERENCES if found else ExitCode.OK


@command()
@data_options
@view_options
def compare(
    before: Annotated[str, typer.Argument(help="Earlier year (2024) or targets file.", metavar="A")],
    after: Annotated[str, typer.Argument(help="Later year (2025) or targets file.", metavar="B")],
    output_format: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help=(
        "Output format (default: from the -o FILE extension: .csv .md .json .xlsx .txt; else table)."))] = None,
    bom: Annotated[bool, typer.Option("--bom", help="CSV: start with a byte-order mark, so that Excel reads Chinese.")] = False,
    status: Annotated[Optional[list[str]], typer.Option("--status", help=(
        "Only these statuses (raised, lowered, softened, firmed, unchanged, changed, dropped, new, "
        "not_covered); "
        "repeat or comma-separate."))] = None,
    sector: Annotated[Optional[list[str]], typer.Option("--sector", help="Only these sectors; repeat or comma-separate.")] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", min=0.0, max=1.0, help=(
        "Only pairs scoring at least this (0-1); unpaired targets are kept."))] = None,
    show: Annotated[Optional[list[str]], typer.Option("--show", help=(
        "Sections of the table and Markdown: summary, changed, unchanged, new, dropped, not_covered, sources "
        "(default: all but unchanged); repeat or comma-separate."))] = None,
    show_unchanged: Annotated[bool, typer.Option("--show-unchanged", help=(
        "List unchanged targets in table and Markdown (JSON and CSV always do)."))] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help=(
        "At most N rows per section: the N largest moves, the first N one-sided targets."))] = None,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when anything differs, like git diff --exit-code.")] = False,
    fail_on: Annotated[Optional[list[str]], typer.Option("--fail-on", help=(
        "Exit 1 only when a change has one of these statuses (lowered,dropped,softened, say); implies "
        "--exit-code."))] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=(
        "No notes, progress or 'wrote FILE' on stderr (errors still go there)."))] = False,
    pager: Annotated[Optional[bool], typer.Option("--pager/--no-pager", help=(
        "Page long output to a terminal with $PAGER or less -FRX (default: when stdout is a terminal)."))] = None,
    *, data: DataOptions, view: ViewOptions,
) -> None:
    """Compare two years' targets: raised, lowered, unchanged, changed, dropped, new, not covered.

    Exit 0 (or 1 with --exit-code when anything differs); 2 on a usage or input error.
    """
    import contextlib
    import io

    with contextlib.redirect_stderr(io.StringIO()) if quiet else contextlib.nullcontext():
        _compare(before, after, output_format, bom, status, sector, min_score, show, show_unchanged, limit,
                 exit_code, fail_on, pager, quiet, data, view)


def _compare(before: str, after: str, output_format: Optional[ReportFormat], bom: bool, status: Optional[list[str]],
             sector: Optional[list[str]], min_score: Optional[float], show: Optional[list[str]],
             show_unchanged: bool, limit: Optional[int], exit_code: bool, fail_on: Optional[list[str]],
             pager: Optional[bool], quiet: bool, data: DataOptions, view: ViewOptions) -> None:
    """The body of `compare`; with --quiet it runs with informational stderr discarded (an
    error propagates out of it and is printed by the command's guard)."""
    from dataclasses import replace

    from policydiff.cli import outputcache
    from policydiff.cli.progress import Progress
    from policydiff.load import datadir
    from policydiff.render.text import one_line

    progress = f"comparing {one_line(before)} → {one_line(after)}"
    if min_score is not None and min_score != min_score:
        raise typer.BadParameter("give a number from 0 to 1", param_hint="--min-score")
    statuses = _statuses(status)
    failing = _statuses(fail_on, "--fail-on")
    sectors = _sectors(sector)
    sections = _sections(show)
    fmt = output_format_for(output_format, view.output)
    by_year = datadir.is_year(before) or datadir.is_year(after)
    chosen = open_dataset(data) if by_year else None
    directory = chosen.directory if chosen is not None else datadir.data_dir(data.data_dir)
    before_path, after_path = datadir.resolve(before, directory), datadir.resolve(after, directory)
    gap = _gap_note(chosen, before, after)
    links = datadir.links_file(after_path, directory)
    options = render_options(view, show_unchanged=show_unchanged, limit=limit, bom=bom)
    if sections is not None:
        options = replace(options, sections=sections)
    protected = tuple(p for p in (before_path, after_path, links) if p is not None)
    if fmt is ReportFormat.XLSX:  # bytes: never cached
        from policydiff.comparison.pipeline import compare as run_compare
        from policydiff.render.xlsx import render_xlsx

        with Progress(progress, enabled=not quiet):
            report = run_compare(before_path, after_path, data_dir=directory).where(statuses, sectors, min_score)
        _write_workbook(render_xlsx(report, options), view.output, protected)
        finish(_exit_code(report, exit_code, failing))
    # sets sorted: a frozenset's repr follows string hashing, which changes from run to run
    stable_options = repr(replace(options, sections=frozenset())) + repr(sorted(s.value for s in options.sections))
    key = outputcache.key("compare", (stable_options, fmt.value, repr(sorted(statuses or ())),
                                      repr(sorted(sectors or ())), repr(min_score), str(exit_code),
                                      repr(sorted(failing or ()))),
                          (before_path, after_path, links))
    cached = outputcache.fetch(key)
    if cached is None:
        from policydiff.comparison.pipeline import compare as run_compare
        from policydiff.render.report import RENDERERS

        with Progress(progress, enabled=not quiet):
            report = run_compare(before_path, after_path, data_dir=directory).where(statuses, sectors, min_score)
            rendered = RENDERERS[OutputFormat(fmt.value)](report, options)
        code = _exit_code(report, exit_code, failing)
        cached = outputcache.CachedRun(rendered, gap, int(code))
        outputcache.store(key, cached)
    sys.stderr.write(cached.notes)
    from policydiff.cli.pager import page, wants_pager

    if not (view.output is None and wants_pager(cached.output, pager) and page(cached.output)):
        emit(cached.output, view.output, protected=protected)
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
    before_set = load_file(datadir.resolve(before, directory))
    after_set = load_file(datadir.resolve(after, directory))
    settings = AlignSettings(explain=explain or as_json)
    alignment = align_sets(before_set, after_set, links_for(after_set, directory), settings)
    sys.stdout.write(explain_json(before_set.targets, after_set.targets, alignment) if as_json
                     else explain_text(before_set.targets, after_set.targets, alignment, explain))
