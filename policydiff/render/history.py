"""Renderers of a History (`policydiff history`): table with sparklines, Markdown, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from policydiff.comparison.history import History, Point, Series
from policydiff.contract.model import format_number
from policydiff.render.options import OutputFormat, RenderOptions, display_name, target_value_text
from policydiff.render.scorecard import COLOUR, SYMBOL, label
from policydiff.render.text import console, markdown, one_line, spreadsheet_cell

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = " "  # a year without a value: visibly empty, never a low bar


def sparkline(values: Sequence[float | None], low: float | None = None, high: float | None = None) -> str:
    """One block character per value, scaled from `low` to `high` (default: the values' range)."""
    present = [v for v in values if v is not None]
    if not present:
        return GAP * len(values)
    low = min(present) if low is None else low
    high = max(present) if high is None else high
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append(GAP)
        elif span <= 0:
            out.append(BLOCKS[len(BLOCKS) // 2])
        else:
            out.append(BLOCKS[min(len(BLOCKS) - 1, max(0, int((value - low) / span * (len(BLOCKS) - 1) + 0.5)))])
    return "".join(out)


def sparklines(series: Series) -> tuple[str, str]:
    """Targets and outcomes on one shared scale, so the two lines can be compared."""
    targets, actuals = series.values("target"), series.values("actual")
    present = [v for v in targets + actuals if v is not None]
    low, high = (min(present), max(present)) if present else (None, None)
    return sparkline(targets, low, high), sparkline(actuals, low, high)


def _target_text(point: Point) -> str:
    if point.target is None:
        return "(no document)" if not point.document else "—"
    return target_value_text(point.target)


def _actual_text(point: Point) -> str:
    return target_value_text(point.actual) if point.actual else "—"


def _others(history: History) -> list[str]:
    return [f"{one_line(s.ref)}  {one_line(s.indicator.name)}" + (f" / {one_line(s.indicator.name_en)}"
            if s.indicator.name_en else "") + f"  ({s.score:.2f})" for s in history.series[1:]]


def render_table(history: History, options: RenderOptions) -> str:
    from rich.table import Table
    from rich.text import Text

    out = console(options.width, options.colour)
    if not history.series:
        out.print(f"no indicator matches {one_line(history.query)}")
        return str(out.file.getvalue())
    best = history.series[0]
    title = f"{history.region}: {display_name(best.indicator, options.lang)} ({best.ref}), {history.years[0]}–{history.years[-1]}"
    table = Table(title=one_line(title), expand=False)
    for column in ("year", "target", "outcome", "verdict"):
        table.add_column(column, no_wrap=column in ("year", "verdict"))
    for point in best.points:
        status = point.assessment.status if point.assessment else None
        verdict = Text(f"{SYMBOL[status]} {label(status)}", style=COLOUR[status]) if status else Text("")
        style = "dim" if not point.document else ""
        table.add_row(Text(str(point.year), style=style), Text(one_line(_target_text(point)), style=style),
                      one_line(_actual_text(point)), verdict)
    out.print(table)
    targets, actuals = sparklines(best)
    years = f"{history.years[0]}…{history.years[-1]}"
    out.print(f"targets   {targets}   {years}")
    out.print(f"outcomes  {actuals}   (one character a year; a blank is a year without a value)")
    if history.missing_years:
        out.print(f"no document for: {', '.join(map(str, history.missing_years))}", style="yellow")
    others = _others(history)
    if others:
        out.print("also matching (pass YEAR:id to choose):")
        for line in others:
            out.print(f"  {line}")
    return str(out.file.getvalue())


def render_markdown(history: History, options: RenderOptions) -> str:
    if not history.series:
        return f"No indicator matches {markdown(history.query)}.\n"
    best = history.series[0]
    targets, actuals = sparklines(best)
    lines = [f"# {markdown(history.region)}: {markdown(display_name(best.indicator, options.lang))}", "",
             f"`{markdown(best.ref)}`, {history.years[0]}–{history.years[-1]}. Targets `{targets}`, outcomes "
             f"`{actuals}`.", "", "| year | target | outcome | verdict |", "| --- | --- | --- | --- |"]
    for point in best.points:
        verdict = label(point.assessment.status) if point.assessment else ""
        lines.append(f"| {point.year} | {markdown(_target_text(point))} | {markdown(_actual_text(point))} | {verdict} |")
    if history.missing_years:
        lines += ["", f"No document for {', '.join(map(str, history.missing_years))}."]
    others = _others(history)
    if others:
        lines += ["", "Also matching:", ""] + [f"- {markdown(line)}" for line in others]
    return "\n".join(lines) + "\n"


def render_json(history: History, options: RenderOptions) -> str:
    return json.dumps(history.to_json(), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("series", "indicator_id", "indicator_name", "year", "document", "target_id", "target_low",
               "target_high", "target_unit", "target_qualifier", "actual_id", "actual_low", "actual_high",
               "actual_unit", "actual_qualifier", "reported_in", "status")


def render_csv(history: History, options: RenderOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rank, series in enumerate(history.series, start=1):
        for p in series.points:
            t, a = p.target, p.actual
            row = [rank, series.indicator.id, series.indicator.name, p.year, str(p.document).lower(),
                   t.id if t else "", format_number(t.value.low) if t else "", format_number(t.value.high) if t else "",
                   t.unit if t else "", t.qualifier.value if t else "", a.id if a else "",
                   format_number(a.value.low) if a else "", format_number(a.value.high) if a else "",
                   a.unit if a else "", a.qualifier.value if a else "", p.reported_in or "",
                   p.assessment.status.value if p.assessment else ""]
            writer.writerow([spreadsheet_cell(v) for v in row])
    return buffer.getvalue()


RENDERERS: dict[OutputFormat, Callable[[History, RenderOptions], str]] = {
    OutputFormat.TABLE: render_table, OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.JSON: render_json, OutputFormat.CSV: render_csv,
}
