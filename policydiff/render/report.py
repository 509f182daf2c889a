"""Renderers of a comparison Report: table, Markdown, JSON, CSV — one signature for all."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

from policydiff.comparison.normalise import normalise_name
from policydiff.comparison.report import STATUS_ORDER, SYMBOL, Ambition, Change, Report, Status
from policydiff.contract.model import Target, format_number
from policydiff.contract.sectors import SECTORS
from policydiff.render.options import Lang, OutputFormat, RenderOptions, display_name, signed, target_value_text
from policydiff.render.text import console as make_console
from policydiff.render.text import json_text, markdown, one_line, spreadsheet_cell

_COLOUR = {Status.RAISED: "green", Status.LOWERED: "red", Status.UNCHANGED: "dim", Status.CHANGED: "yellow",
           Status.DROPPED: "magenta", Status.NEW: "cyan", Status.NOT_COVERED: "blue"}


def summary_line(report: Report) -> str:
    counts = report.summary()
    parts = [f"{counts[s.value]} {s.value.replace('_', ' ')}" for s in STATUS_ORDER if counts[s.value]]
    return f"{report.from_year} → {report.to_year}: " + (", ".join(parts) if parts else "no targets")


def _name(change: Change, lang: Lang) -> str:
    """The later name (in the chosen language); the earlier one too when the documents reworded it."""
    current = change.after or change.before
    assert current is not None
    text = display_name(current, lang)
    before = change.before
    if before is not None and change.after is not None and normalise_name(before.name) != normalise_name(current.name):
        earlier = before.name if lang is not Lang.EN else (before.name_en or before.name)
        text += f" (was {earlier})"
    return text


def _values(change: Change) -> str:
    before = target_value_text(change.before) if change.before else "—"
    after = target_value_text(change.after) if change.after else "—"
    return f"{before} → {after}"


def delta_text(change: Change) -> str:
    if change.delta is None or change.status is Status.UNCHANGED:
        return ""
    unit = change.delta_unit or ""
    absolute = signed(change.delta, " pp" if unit == "个百分点" else f" {unit}")
    relative = "" if change.delta_pct is None else f" ({signed(change.delta_pct, '%', digits=1)})"
    return absolute + relative


def _flags(change: Change) -> str:
    flags = []
    if change.ambition is Ambition.MORE:
        flags.append("more ambitious")
    elif change.ambition is Ambition.LESS:
        flags.append("less ambitious")
    if change.link is not None and change.link.value == "pinned":
        flags.append("pinned")
    if change.review:
        flags.append("review pairing")
    if change.outcome is not None:
        actual = change.outcome.actual
        flags.append(f"outcome {target_value_text(actual)}: {change.outcome.verdict.value}")
    return "; ".join(flags + list(change.notes))


def _sector_key(change: Change) -> tuple[int, str]:
    sector = change.sector or ""
    order = list(SECTORS)
    return (order.index(sector) if sector in order else len(order), sector)


def _visible(report: Report, options: RenderOptions) -> list[Change]:
    return [c for c in report.changes if options.show_unchanged or c.status is not Status.UNCHANGED]


# Below this width six columns leave a few characters each: the changes are listed one field a
# line instead, so a narrow terminal (or COLUMNS=25) still shows every word.
NARROW = 72


def _print_narrow(console: Any, status: Any, cells: tuple[str, ...]) -> None:
    from rich.text import Text

    sector, name, values, delta, flags = cells
    console.print(Text.assemble(status, "  ", one_line(sector)) if sector else status)
    for field in (name, f"{values}  {delta}".rstrip(), flags):
        if field:
            console.print(Text("  " + one_line(field)))


def render_table(report: Report, options: RenderOptions) -> str:
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = make_console(options.width, options.colour, buffer)
    title = Text(one_line(f"{report.region} {report.from_year} → {report.to_year}"))
    table = Table(title=title, expand=True, show_lines=False)
    for column, kwargs in (("sector", {"no_wrap": True, "style": "cyan"}), ("", {"no_wrap": True}),
                           ("indicator", {"ratio": 3, "overflow": "fold"}), ("from → to", {"ratio": 2, "overflow": "fold"}),
                           ("change", {"ratio": 2, "overflow": "fold"}), ("notes", {"ratio": 3, "overflow": "fold"})):
        table.add_column(column, **kwargs)
    changes = sorted(_visible(report, options), key=_sector_key)
    if changes and options.width < NARROW:
        console.print(title)
    previous = None
    for change in changes:
        sector = change.sector or "—"
        status = Text(f"{SYMBOL[change.status]} {change.status.value}", style=_COLOUR[change.status])
        # every cell is Text (never markup) with control characters made visible
        cells = (sector if sector != previous else "", _name(change, options.lang), _values(change),
                 delta_text(change), _flags(change))
        if options.width < NARROW:
            _print_narrow(console, status, cells)
        else:
            table.add_row(Text(one_line(cells[0])), status, *(Text(one_line(cell)) for cell in cells[1:]))
        previous = sector
    if changes and options.width >= NARROW:
        console.print(table)
    for line in report.coverage.messages(str(report.from_year), str(report.to_year)):
        console.print(Text(one_line(f"note: {line}"), style="yellow"))
    for described in report.filters:
        console.print(Text(one_line(f"filter: {described}"), style="dim"))
    hidden = sum(c.status is Status.UNCHANGED for c in report.changes) if not options.show_unchanged else 0
    console.print(summary_line(report) + (f" ({hidden} unchanged hidden; --show-unchanged)" if hidden else ""))
    return buffer.getvalue()


def _md(text: str) -> str:
    """A data-derived field inside Markdown: no heading, table cell, link or HTML can be forged."""
    return markdown(text)


def _footnote(target: Target, sources: dict[str, str]) -> str:
    quotes = "; ".join(f"{sources.get(item.source, item.source)}: “{item.quote}”" for item in target.evidence)
    return quotes or "no evidence recorded"


def render_markdown(report: Report, options: RenderOptions) -> str:
    lines = [f"# {_md(report.region)}: targets {report.from_year} → {report.to_year}", "",
             f"**Summary:** {summary_line(report)}.", ""]
    lines += [f"> **Note:** {_md(line)}" for line in report.coverage.messages(str(report.from_year), str(report.to_year))]
    if report.filters:
        lines += ["", "Filtered by " + _md("; ".join(report.filters)) + "."]
    footnotes: list[str] = []
    sources: dict[str, str] = {}
    for status in STATUS_ORDER:
        group = [c for c in report.changes if c.status is status]
        if not group or (status is Status.UNCHANGED and not options.show_unchanged):
            continue
        lines += ["", f"## {status.value.replace('_', ' ').capitalize()} ({len(group)})", "",
                  "| sector | indicator | from → to | change | notes |", "| --- | --- | --- | --- | --- |"]
        for change in sorted(group, key=_sector_key):
            marks = []
            for target in (change.before, change.after):
                if target is not None:
                    footnotes.append(_footnote(target, sources))
                    marks.append(f"[^{len(footnotes)}]")
            lines.append(f"| {_md(change.sector or '')} | {_md(_name(change, options.lang))}{''.join(marks)} | "
                         f"{_md(_values(change))} | {_md(delta_text(change))} | {_md(_flags(change))} |")
    if footnotes:
        lines.append("")
        lines += [f"[^{index}]: {_md(text)}" for index, text in enumerate(footnotes, start=1)]
    return "\n".join(lines) + "\n"


def render_json(report: Report, options: RenderOptions) -> str:
    """Pretty at the top level, one change per line: readable, greppable, and encoded by
    json's C encoder (indent= would switch to the pure-Python one, 4× slower). Changes are
    encoded one at a time, so a large report never exists twice as a dict tree."""
    head = json_text(report.to_json(with_changes=False), indent=2)
    lines = ",\n".join("    " + json_text(change.to_json()) for change in report.changes)
    body = f'  "changes": [\n{lines}\n  ]' if report.changes else '  "changes": []'
    return head[:-2] + ",\n" + body + "\n}\n"


CSV_COLUMNS = ("status", "sector", "from_id", "from_name", "from_name_en", "from_value", "from_unit",
                "from_qualifier", "to_id", "to_name", "to_name_en", "to_value", "to_unit", "to_qualifier",
                "metric", "score", "review", "delta", "delta_unit", "delta_pct", "ambition", "notes")


def _csv_side(target: Target | None) -> list[str]:
    if target is None:
        return ["", "", "", "", "", ""]
    return [target.id, target.name, target.name_en or "", str(target.value), target.unit, target.qualifier.value]


# Columns that hold numbers: left as they are; every other cell is text a spreadsheet must
# not run as a formula (render.text.spreadsheet_cell).
_NUMERIC = frozenset({"from_value", "to_value", "score", "delta", "delta_pct"})
_TEXT_COLUMN = tuple(name not in _NUMERIC for name in CSV_COLUMNS)


def csv_rows(report: Report) -> Iterator[list[str]]:
    """One row per change, in the order of CSV_COLUMNS; text cells neutralised for spreadsheets."""
    for row in _raw_rows(report):
        yield [spreadsheet_cell(cell) if text else cell for cell, text in zip(row, _TEXT_COLUMN, strict=True)]


def _raw_rows(report: Report) -> Iterator[list[str]]:
    for change in report.changes:
        target = change.after or change.before
        yield [
            change.status.value, change.sector or "", *_csv_side(change.before), *_csv_side(change.after),
            target.metric.value if target else "",
            "" if change.score is None else f"{change.score:.3f}", str(change.review).lower(),
            "" if change.delta is None else format_number(round(change.delta, 6)), change.delta_unit or "",
            "" if change.delta_pct is None else f"{change.delta_pct:.2f}",
            change.ambition.value if change.ambition else "", " | ".join(change.notes),
        ]


def render_csv(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(report))
    return buffer.getvalue()


RENDERERS: dict[OutputFormat, Callable[[Report, RenderOptions], str]] = {
    OutputFormat.TABLE: render_table, OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.JSON: render_json, OutputFormat.CSV: render_csv,
}
