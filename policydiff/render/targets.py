"""Renderers for one year's targets (`policydiff show`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from itertools import groupby

from policydiff.contract.model import Target, TargetSet, format_number
from policydiff.contract.sectors import SECTORS
from policydiff.render.options import OutputFormat, RenderOptions, display_name, target_value_text
from policydiff.render.text import console as make_console
from policydiff.render.text import json_text, markdown, one_line, spreadsheet_cell

_NO_SECTOR = "(no sector)"


def _by_sector(targets: tuple[Target, ...]) -> list[tuple[str, list[Target]]]:
    ordered = sorted(targets, key=lambda t: (t.sector is None, list(SECTORS).index(t.sector) if t.sector in SECTORS else 99, t.sector or ""))
    return [(sector or _NO_SECTOR, list(items)) for sector, items in groupby(ordered, key=lambda t: t.sector)]


def _sources_text(target: Target) -> str:
    return ", ".join(sorted(target.source_ids))


def render_json(target_set: TargetSet, options: RenderOptions) -> str:
    return json_text(target_set.to_json(), indent=2) + "\n"


def render_csv(target_set: TargetSet, options: RenderOptions) -> str:
    buffer = io.StringIO()
    columns = ["kind", "year", "id", "sector", "name", "name_en", "metric", "value_low", "value_high",
               "unit", "qualifier", "strive", "direction", "sources", "note"]
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for kind, items in (("target", target_set.targets), ("actual", target_set.actuals)):
        for t in items:
            # text cells neutralised for spreadsheets; year and values stay numbers
            text = [t.id, t.sector or "", t.name, t.name_en or "", t.metric.value]
            rest = [t.unit, t.qualifier.value, str(t.strive).lower(), t.direction.value,
                    " ".join(sorted(t.source_ids)), t.note or ""]
            writer.writerow([kind, t.year or target_set.year, *map(spreadsheet_cell, text),
                             format_number(t.value.low), format_number(t.value.high), *map(spreadsheet_cell, rest)])
    return buffer.getvalue()


def _markdown_cell(text: str) -> str:
    return markdown(text)


def render_markdown(target_set: TargetSet, options: RenderOptions) -> str:
    region = target_set.region + (f" ({target_set.region_en})" if target_set.region_en else "")
    lines = [f"# {markdown(region)}: targets for {target_set.year}", ""]
    lines.append(f"{len(target_set.targets)} targets, {len(target_set.actuals)} reported outcomes, "
                 f"from {len(target_set.sources)} sources.")
    for title, items in (("Targets", target_set.targets), ("Reported outcomes", target_set.actuals)):
        if not items:
            continue
        lines += ["", f"## {title}"]
        for sector, group in _by_sector(items):
            lines += ["", f"### {markdown(SECTORS.get(sector, sector))}", "", "| indicator | value | source |", "| --- | --- | --- |"]
            for t in group:
                year = f" ({t.year})" if t.year is not None else ""
                lines.append(f"| {_markdown_cell(display_name(t, options.lang))}{year} | "
                             f"{_markdown_cell(target_value_text(t))} | {_markdown_cell(_sources_text(t))} |")
    lines += ["", "## Sources", ""]
    lines += [f"- `{s.id}`: {markdown(s.title)}" + (f", {markdown(s.doc_number)}" if s.doc_number else "")
              + (f" ({s.date})" if s.date else "") for s in target_set.sources]
    return "\n".join(lines) + "\n"


def render_table(target_set: TargetSet, options: RenderOptions) -> str:
    from rich.table import Table
    from rich.text import Text

    console = make_console(options.width, options.colour)
    if not target_set.targets and not target_set.actuals:
        console.print(Text(one_line(f"{target_set.path or target_set.year}: no targets and no reported outcomes")))
    for title, items in (("targets", target_set.targets), ("reported outcomes", target_set.actuals)):
        if not items:
            continue
        table = Table(title=Text(one_line(f"{target_set.region} {target_set.year}: {title}")), show_lines=False,
                      expand=False)
        # names fold onto more lines, never cut with "…": the data is the point of the table
        table.add_column("sector", style="cyan", overflow="fold")
        if options.lang.value in ("zh", "both"):
            table.add_column("name", overflow="fold")
        if options.lang.value in ("en", "both"):
            table.add_column("English name", overflow="fold")
        table.add_column("value", justify="right", overflow="fold")
        table.add_column("source", overflow="fold")
        for sector, group in _by_sector(items):
            for index, t in enumerate(group):
                cells = [sector if index == 0 else ""]
                if options.lang.value in ("zh", "both"):
                    cells.append(t.name + (f" ({t.year})" if t.year is not None else ""))
                if options.lang.value in ("en", "both"):
                    cells.append(t.name_en or "")
                cells += [target_value_text(t), _sources_text(t)]
                table.add_row(*(Text(one_line(cell)) for cell in cells), end_section=index == len(group) - 1)
        console.print(table)
    output = console.file.getvalue()
    return str(output)


RENDERERS: dict[OutputFormat, Callable[[TargetSet, RenderOptions], str]] = {
    OutputFormat.TABLE: render_table, OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.JSON: render_json, OutputFormat.CSV: render_csv,
}
