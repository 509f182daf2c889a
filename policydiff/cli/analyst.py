"""Commands for analysts: scorecard (were last year's targets met?), history (one indicator
across the years) and report (one document with charts for colleagues)."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from policydiff.cli.app import command
from policydiff.cli.data import open_dataset
from policydiff.cli.options import DataOptions, ViewOptions, data_options, emit, render_options, view_options
from policydiff.render.options import Lang, OutputFormat, ScorecardFormat


def _year(text: str, name: str = "YEAR") -> int:
    from policydiff.load import datadir

    if not datadir.is_year(text):
        raise typer.BadParameter(f"give a four-digit year such as 2024, not {text!r}", param_hint=name)
    return int(text)


def _write_bytes(data: bytes, output: Optional[Path], protected: tuple[Path, ...]) -> None:
    from policydiff.contract.errors import UsageError
    from policydiff.load.files import write_atomic

    if output is None:
        if sys.stdout.isatty():
            raise UsageError("xlsx is a binary format: write it to a file with -o FILE")
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data, protected)
    sys.stderr.write(f"wrote {output}\n")


@command()
@data_options
@view_options
def scorecard(
    year: Annotated[str, typer.Argument(help="The year whose targets are scored (2024).", metavar="YEAR")],
    output_format: Annotated[ScorecardFormat, typer.Option("--format", "-f", help="Output format.")] = ScorecardFormat.TABLE,
    show_no_data: Annotated[bool, typer.Option("--show-no-data", help=(
        "List targets without a reported outcome in table and Markdown (JSON, CSV and xlsx always do)."))] = False,
    *, data: DataOptions, view: ViewOptions,
) -> None:
    """Were YEAR's targets met? Each target against the outcome a later file reports for YEAR.

    Statuses: exceeded, met, partial, missed, no_data, not_comparable (rules: docs/outcomes.md).
    """
    from policydiff.comparison.scorecard import scorecard as build_scorecard
    from policydiff.load.datadir import target_files

    chosen = open_dataset(data)
    card = build_scorecard(_year(year), chosen.directory)
    protected = tuple(target_files(chosen.directory))
    if output_format is ScorecardFormat.XLSX:
        from policydiff.render.scorecard import xlsx_bytes

        _write_bytes(xlsx_bytes(card), view.output, protected)
        return
    from policydiff.render.scorecard import TEXT_RENDERERS

    text = TEXT_RENDERERS[output_format](card, render_options(view), show_no_data)
    emit(text, view.output, protected)


@command()
@data_options
@view_options
def history(
    query: Annotated[str, typer.Argument(help=(
        "An indicator's name (Chinese or English, fuzzy, traditional script accepted) or YEAR:id."), metavar="QUERY")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TABLE,
    *, data: DataOptions, view: ViewOptions,
) -> None:
    """One indicator across every year of the region: targets, outcomes and verdicts, with a sparkline.

    Several matches: the best is shown, the others listed with their YEAR:id.
    """
    from policydiff.comparison.history import region_history
    from policydiff.load.datadir import target_files
    from policydiff.render.history import RENDERERS

    chosen = open_dataset(data)
    found = region_history(query, chosen.directory)
    emit(RENDERERS[output_format](found, render_options(view)), view.output, tuple(target_files(chosen.directory)))


class ReportFormat(StrEnum):
    HTML = "html"
    MARKDOWN = "markdown"


@command()
@data_options
def report(
    before: Annotated[str, typer.Argument(help="Earlier year (2024).", metavar="A")],
    after: Annotated[str, typer.Argument(help="Later year (2025).", metavar="B")],
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="html or markdown.")] = ReportFormat.HTML,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=(
        "Write the document to FILE (atomically); default stdout."))] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Indicator names in Chinese, English or both.")] = Lang.BOTH,
    *, data: DataOptions,
) -> None:
    """One document for colleagues, with charts: what changed from A to B (HTML or Markdown).

    The summary, a chart of the changes by sector, the change table with evidence, year A's
    scorecard and the headline indicators' history, in one self-contained file."""
    from policydiff.load.datadir import target_files
    from policydiff.render import html_report  # the report code is imported only here

    chosen = open_dataset(data)
    found = html_report.collect(_year(before, "A"), _year(after, "B"), chosen.directory, lang)
    text = html_report.render_html(found) if output_format is ReportFormat.HTML else html_report.render_markdown(found)
    emit(text, output, tuple(target_files(chosen.directory)))
