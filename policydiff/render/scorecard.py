"""Renderers of a Scorecard (`policydiff scorecard`): table, Markdown, JSON, CSV, xlsx."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from policydiff.comparison.outcomes import OutcomeStatus
from policydiff.comparison.scorecard import Scorecard, ScoreItem
from policydiff.contract.model import Target, format_number
from policydiff.contract.sectors import SECTORS
from policydiff.render.options import RenderOptions, ScorecardFormat, display_name, signed, target_value_text
from policydiff.render.text import console, markdown, one_line, spreadsheet_cell

SYMBOL = {OutcomeStatus.EXCEEDED: "▲", OutcomeStatus.MET: "✓", OutcomeStatus.PARTIAL: "◐",
          OutcomeStatus.MISSED: "✗", OutcomeStatus.NO_DATA: "·", OutcomeStatus.NOT_COMPARABLE: "≠"}
COLOUR = {OutcomeStatus.EXCEEDED: "bright_green", OutcomeStatus.MET: "green", OutcomeStatus.PARTIAL: "yellow",
          OutcomeStatus.MISSED: "red", OutcomeStatus.NO_DATA: "dim", OutcomeStatus.NOT_COMPARABLE: "magenta"}


# Display order: verdicts first, then the items that have none.
DISPLAY_ORDER: tuple[OutcomeStatus, ...] = (
    OutcomeStatus.EXCEEDED, OutcomeStatus.MET, OutcomeStatus.PARTIAL, OutcomeStatus.MISSED,
    OutcomeStatus.NOT_COMPARABLE, OutcomeStatus.NO_DATA)


def label(status: OutcomeStatus) -> str:
    return status.value.replace("_", " ")


def summary_line(card: Scorecard) -> str:
    counts = card.summary()
    parts = [f"{counts[s.value]} {label(s)}" for s in DISPLAY_ORDER if counts[s.value]]
    text = f"{card.year}: " + (", ".join(parts) if parts else "no targets")
    if counts["with_data"]:
        reached = counts["exceeded"] + counts["met"]
        text += f"; met or exceeded: {reached} of {counts['with_data']} with data ({counts['share_met']:.0%})"
    return text


def margin_text(item: ScoreItem) -> str:
    margin, unit = item.assessment.margin, item.assessment.margin_unit
    if margin is None:
        return ""
    text = signed(margin, " pp" if unit == "个百分点" else f" {unit}")
    if item.assessment.ratio is not None:
        text += f" ({item.assessment.ratio:.0%})"
    return text


def _sector_index(item: ScoreItem) -> int:
    order = list(SECTORS)
    return order.index(item.target.sector) if item.target.sector in order else len(order)


def ordered(card: Scorecard, show_no_data: bool = True) -> list[ScoreItem]:
    """Items by status (exceeded first, no data last), then sector, then file order."""
    rank = {status: index for index, status in enumerate(DISPLAY_ORDER)}
    position = {id(item): index for index, item in enumerate(card.items)}
    kept = [item for item in card.items if show_no_data or item.status is not OutcomeStatus.NO_DATA]
    return sorted(kept, key=lambda item: (rank[item.status], _sector_index(item), position[id(item)]))


def _notes(item: ScoreItem) -> str:
    notes = list(item.assessment.notes)
    if item.match is not None and not item.match.by_id and item.match.score < 0.9:
        notes.append(f"paired by name (score {item.match.score:.2f})")
    if item.status is OutcomeStatus.NO_DATA:
        return ""
    return "; ".join(notes)


def _footer(card: Scorecard, shown_no_data: bool) -> list[str]:
    lines = []
    if card.missing_report is not None:
        lines.append(f"the {card.missing_report} document, which would report {card.year}'s outcomes, "
                     "is missing from the region")
    if not card.reported_in:
        lines.append(f"no later file of the region reports outcomes for {card.year}")
    else:
        lines.append(f"outcomes reported in: {', '.join(map(str, card.reported_in))}")
    hidden = sum(item.status is OutcomeStatus.NO_DATA for item in card.items)
    if hidden and not shown_no_data:
        lines.append(f"{hidden} {'target has' if hidden == 1 else 'targets have'} no reported outcome "
                     "(--show-no-data lists them)")
    if card.unmatched:
        count = len(card.unmatched)
        lines.append(f"{count} reported {'outcome matches' if count == 1 else 'outcomes match'} no {card.year} "
                     "target (listed in JSON)")
    return lines


def render_table(card: Scorecard, options: RenderOptions, show_no_data: bool = False) -> str:
    from rich.table import Table
    from rich.text import Text

    out = console(options.width, options.colour)
    table = Table(title=one_line(f"{card.region} {card.year}: targets against outcomes"), expand=True)
    for column, settings in (("", {"no_wrap": True}), ("sector", {"no_wrap": True, "style": "cyan"}),
                             ("indicator", {"ratio": 3, "overflow": "fold"}),
                             ("target", {"ratio": 2, "overflow": "fold"}), ("outcome", {"ratio": 2, "overflow": "fold"}),
                             ("margin (of target)", {"ratio": 2, "overflow": "fold"}), ("notes", {"ratio": 3, "overflow": "fold"})):
        table.add_column(column, **settings)
    items = ordered(card, show_no_data)
    for item in items:
        actual = item.actual
        table.add_row(Text(f"{SYMBOL[item.status]} {label(item.status)}", style=COLOUR[item.status]),
                      one_line(item.target.sector or "—"), one_line(display_name(item.target, options.lang)),
                      one_line(target_value_text(item.target)), one_line(target_value_text(actual)) if actual else "—",
                      margin_text(item), one_line(_notes(item)))
    if items:
        out.print(table)
    for line in _footer(card, show_no_data):
        out.print(f"note: {line}", style="dim")
    out.print(one_line(summary_line(card)))
    return str(out.file.getvalue())


def _quotes(card: Scorecard, target: Target, file_year: int) -> str:
    return "; ".join(f"{card.source_title(file_year, e.source)}: “{e.quote}”" for e in target.evidence)


def evidence(card: Scorecard, item: ScoreItem) -> tuple[str, str]:
    """The target's and the outcome's evidence, each as `source title: “quote”`."""
    target_text = _quotes(card, item.target, card.year)
    actual_text = _quotes(card, item.actual, item.match.reported.file_year) if item.match and item.actual else ""
    return target_text, actual_text


def render_markdown(card: Scorecard, options: RenderOptions, show_no_data: bool = False) -> str:
    lines = [f"# {markdown(card.region)}: {card.year} targets against outcomes", "",
             f"**Summary:** {markdown(summary_line(card))}.", ""]
    lines += [f"> {markdown(line)}" for line in _footer(card, show_no_data)]
    footnotes: list[str] = []
    for status in DISPLAY_ORDER:
        group = [item for item in ordered(card, show_no_data) if item.status is status]
        if not group:
            continue
        lines += ["", f"## {label(status).capitalize()} ({len(group)})", "",
                  "| sector | indicator | target | outcome | margin | notes |", "| --- | --- | --- | --- | --- | --- |"]
        for item in group:
            target_quote, actual_quote = evidence(card, item)
            marks = ""
            for quote in (target_quote, actual_quote):
                if quote:
                    footnotes.append(quote)
                    marks += f"[^{len(footnotes)}]"
            outcome = markdown(target_value_text(item.actual)) if item.actual else "—"
            lines.append(f"| {markdown(item.target.sector or '')} | {markdown(display_name(item.target, options.lang))}"
                         f"{marks} | {markdown(target_value_text(item.target))} | {outcome} | "
                         f"{markdown(margin_text(item))} | {markdown(_notes(item))} |")
    if footnotes:
        lines.append("")
        lines += [f"[^{index}]: {markdown(text)}" for index, text in enumerate(footnotes, start=1)]
    return "\n".join(lines) + "\n"


def render_json(card: Scorecard, options: RenderOptions, show_no_data: bool = True) -> str:
    return json.dumps(card.to_json(), ensure_ascii=False, indent=2) + "\n"


COLUMNS = ("status", "sector", "target_id", "target_name", "target_name_en", "target_low", "target_high",
           "target_unit", "target_qualifier", "direction", "actual_id", "actual_name", "actual_low", "actual_high",
           "actual_unit", "actual_qualifier", "reported_in", "margin", "margin_unit", "ratio", "pair_score",
           "notes", "target_evidence", "actual_evidence")


def rows(card: Scorecard) -> Iterator[list[Any]]:
    """One row per target, in the order of COLUMNS, numbers as numbers (None when empty)."""
    for item in ordered(card):
        target, actual = item.target, item.actual
        target_quote, actual_quote = evidence(card, item)
        yield [item.status.value, target.sector, target.id, target.name, target.name_en,
               target.value.low, target.value.high, target.unit, target.qualifier.value, target.direction.value,
               actual.id if actual else None, actual.name if actual else None,
               actual.value.low if actual else None, actual.value.high if actual else None,
               actual.unit if actual else None, actual.qualifier.value if actual else None,
               item.match.reported.file_year if item.match else None,
               None if item.assessment.margin is None else round(item.assessment.margin, 6),
               item.assessment.margin_unit,
               None if item.assessment.ratio is None else round(item.assessment.ratio, 4),
               round(item.match.score, 4) if item.match else None,
               " | ".join(item.assessment.notes), target_quote, actual_quote]


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return spreadsheet_cell(value)


def render_csv(card: Scorecard, options: RenderOptions, show_no_data: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(card):
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue()


def xlsx_bytes(card: Scorecard) -> bytes:
    """The scorecard as an xlsx workbook (bytes): numbers as numbers, a frozen header row, an
    autofilter, and every text cell through `spreadsheet_cell` (no formula runs on opening)."""
    import xlsxwriter  # imported only for this format: ~40 ms

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False, "strings_to_numbers": False})
    sheet = workbook.add_worksheet(f"scorecard {card.year}")
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, COLUMNS, bold)
    count = 0
    for count, row in enumerate(rows(card), start=1):
        for column, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(count, column, value)
            else:
                sheet.write_string(count, column, spreadsheet_cell(str(value)))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(count, 1), len(COLUMNS) - 1)
    summary = workbook.add_worksheet("summary")
    summary.write_row(0, 0, ("status", "count"), bold)
    for index, (key, value) in enumerate(card.summary().items(), start=1):
        summary.write_string(index, 0, key)
        if value is not None:
            summary.write_number(index, 1, value)
    workbook.close()
    return buffer.getvalue()


TEXT_RENDERERS = {ScorecardFormat.TABLE: render_table, ScorecardFormat.MARKDOWN: render_markdown,
                  ScorecardFormat.JSON: render_json, ScorecardFormat.CSV: render_csv}
