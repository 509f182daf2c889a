"""Renderers of a comparison Report: table, Markdown, JSON, CSV — one signature for all."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from policydiff.comparison.report import STATUS_ORDER, SYMBOL, Ambition, Change, LinkKind, Report, Status
from policydiff.contract.model import Source, Target, format_number
from policydiff.render import text
from policydiff.render.layout import Part, by_sector, cell_width, pad, parts, wrap_items
from policydiff.render.options import Lang, OutputFormat, RenderOptions, Section, display_name, signed, target_value_text, unit_text

_COLOUR = {Status.RAISED: "green", Status.LOWERED: "red", Status.UNCHANGED: "dim", Status.CHANGED: "yellow",
           Status.DROPPED: "magenta", Status.NEW: "cyan", Status.NOT_COVERED: "blue", Status.SOFTENED: "red",
           Status.FIRMED: "green"}
_AMBITION_COLOUR = {Ambition.MORE: "green", Ambition.LESS: "red"}
_HEADING = {Section.CHANGED: "Changed values", Section.UNCHANGED: "Unchanged", Section.NEW: "New",
            Section.DROPPED: "Dropped", Section.NOT_COVERED: "Not covered"}


def summary_line(report: Report) -> str:
    counts = report.summary()
    parts = [f"{counts[s.value]} {s.value.replace('_', ' ')}" for s in STATUS_ORDER if counts[s.value]]
    return f"{report.from_year} → {report.to_year}: " + (", ".join(parts) if parts else "no targets")


def _title(report: Report, lang: Lang) -> str:
    region = report.region_en if lang is Lang.EN and report.region_en else report.region
    return f"{region} {report.from_year} → {report.to_year}"


def _heading(part: Part, report: Report) -> str:
    if report.from_year == report.to_year:  # two versions of one year's file (review)
        where = {Section.NEW: " — added by the edit", Section.DROPPED: " — removed by the edit"}.get(part.section, "")
    else:
        where = {Section.NEW: f" — only in {report.to_year}", Section.DROPPED: f" — only in {report.from_year}",
                 Section.NOT_COVERED: f" — no {report.to_year} source covers them"}.get(part.section, "")
    return f"{_HEADING[part.section]} ({part.total}){where}"


def _name(change: Change, lang: Lang) -> str:
    """The later name (in the chosen language); the earlier one too when the documents reworded it."""
    current = change.after or change.before
    assert current is not None
    text = display_name(current, lang)
    if change.renamed and change.before is not None:
        before = change.before
        earlier = before.name if lang is not Lang.EN else (before.name_en or before.name)
        text += f" (was {earlier})"
    return text


def _short_name(target: Target, lang: Lang) -> str:
    """The name in a dense list: one language only (English with --lang en)."""
    return (target.name_en or target.name) if lang is Lang.EN else target.name


def _values(change: Change, lang: Lang) -> str:
    before = target_value_text(change.before, lang) if change.before else "—"
    after = target_value_text(change.after, lang) if change.after else "—"
    return f"{before} → {after}"


def delta_text(change: Change, lang: Lang = Lang.BOTH) -> str:
    if change.delta is None or change.status is Status.UNCHANGED or change.delta == 0:
        return ""
    unit = change.delta_unit or ""
    absolute = signed(change.delta, " pp" if unit == "个百分点" else f" {unit_text(unit, lang)}")
    relative = "" if change.delta_pct is None else f" ({signed(change.delta_pct, '%', digits=1)})"
    return absolute + relative


def ambition_text(change: Change) -> str:
    return {Ambition.MORE: "more", Ambition.LESS: "less"}.get(change.ambition, "") if change.ambition else ""


_UNIT_NOTE = re.compile(r"^(unit changed|units not comparable): (.+) → (.+)$")


def note_text(note: str, lang: Lang) -> str:
    """An engine note in the chosen language (the engine writes English with Chinese terms)."""
    if lang is not Lang.EN:
        return note
    match = _UNIT_NOTE.match(note)
    if match:
        return f"{match.group(1)}: {unit_text(match.group(2), lang)} → {unit_text(match.group(3), lang)}"
    return note.replace("力争 (strive)", "strive")


def _flags(change: Change, lang: Lang) -> str:
    flags = []
    if change.link is LinkKind.PINNED:
        flags.append("pinned")
    if change.review:
        flags.append("review pairing")
    if change.outcome is not None:
        actual = change.outcome.actual
        flags.append(f"outcome {target_value_text(actual, lang)}: {change.outcome.verdict.value}")
    return "; ".join(flags + [note_text(note, lang) for note in change.notes])


def _compact_item(change: Change, lang: Lang) -> str:
    target = change.after or change.before
    assert target is not None
    return f"{_short_name(target, lang)} {target_value_text(target, lang)}"


def _summary_lines(report: Report, options: RenderOptions) -> list[str]:
    hidden = sum(c.status is Status.UNCHANGED for c in report.changes) if Section.UNCHANGED not in options.shown else 0
    lines = [summary_line(report) + (f" ({hidden} unchanged hidden; --show unchanged)" if hidden else "")]
    lines += [f"note: {line}" for line in report.coverage.messages(str(report.from_year), str(report.to_year))]
    lines += [f"filter: {described}" for described in report.filters]
    return lines


_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35",
         "cyan": "36"}


def _styled(line: str, style: str | None, colour: bool) -> str:
    """`line` in a colour, as rich would print it; the lines around the table are written
    directly, because rich lays out each printed line at about a millisecond apiece."""
    if not colour or not style or style not in _ANSI:
        return line
    return f"\x1b[{_ANSI[style]}m{line}\x1b[0m"


def render_table(report: Report, options: RenderOptions) -> str:
    """The headline first: title, summary and caveats; the moved pairs as a table; then the
    one-sided targets as dense per-sector lists."""
    lang, colour = options.lang, options.colour
    out: list[str] = []
    if options.title:
        out.append(_styled(text.one_line(_title(report, lang)), "bold", colour))
    if Section.SUMMARY in options.shown:
        for line in _summary_lines(report, options):
            style = "yellow" if line.startswith("note:") else ("dim" if line.startswith("filter:") else None)
            out += [_styled(wrapped, style, colour) for wrapped in wrap_items([text.one_line(line)], options.width)]
    for part in parts(report, options.shown, options.limit):
        out += ["", _styled(_heading(part, report), "bold", colour)]
        if part.section in (Section.CHANGED, Section.UNCHANGED) and options.width < _TABLE_MIN_WIDTH:
            out += _pair_list(part, options)
        elif part.section in (Section.CHANGED, Section.UNCHANGED):
            out.append(_pair_table(part, options).rstrip("\n"))
        else:
            groups = by_sector(part.changes)
            label_width = min(max(cell_width(text.one_line(sector)) for sector, _ in groups), 16)
            room = max(20, options.width - label_width - 4)
            for sector, group in groups:
                label = text.one_line(sector)
                lines = wrap_items([text.one_line(_compact_item(c, lang)) for c in group], room)
                if cell_width(label) > label_width:  # a long sector name gets a line of its own
                    out.append("  " + _styled(label, "cyan", colour))
                    label = ""
                for index, line in enumerate(lines):
                    head = pad(label if index == 0 else "", label_width)
                    out.append(f"  {_styled(head, 'cyan', colour) if head.strip() else head}  {line}")
        if part.hidden:
            out.append(_styled(f"  … and {part.hidden} more (--limit)", "dim", colour))
    return "".join(line + "\n" for line in out)


def _pair_table(part: Part, options: RenderOptions) -> str:
    lang = options.lang
    narrow = options.width < 100  # no room for an ambition column: it leads the notes
    columns: list[tuple[str, dict[str, Any]]] = [
        ("sector", {"no_wrap": not narrow, "overflow": "fold", "style": "cyan"}),
        ("status", {"no_wrap": not narrow, "overflow": "fold"}),
        ("indicator", {"ratio": 3, "overflow": "fold"}), ("from → to", {"ratio": 2, "overflow": "fold"}),
        ("change", {"ratio": 2, "overflow": "fold"})]
    columns += [] if narrow else [("ambition", {"no_wrap": True})]
    columns += [("notes", {"ratio": 3, "overflow": "fold"})]
    rows: list[tuple[Change, list[str]]] = []
    for sector, group in by_sector(part.changes):
        for index, change in enumerate(group):
            flags = _flags(change, lang)
            if narrow and ambition_text(change):
                flags = "; ".join(x for x in (f"{ambition_text(change)} ambitious", flags) if x)
            # every cell made safe: control characters visible, never read as markup
            cells = [text.one_line(sector) if index == 0 else "", f"{SYMBOL[change.status]} {change.status.value}",
                     text.one_line(_name(change, lang)), text.one_line(_values(change, lang)),
                     text.one_line(delta_text(change, lang))]
            cells += [] if narrow else [ambition_text(change)]
            rows.append((change, cells + [text.one_line(flags)]))
    if not options.colour and not any("\t" in cell for _, cells in rows for cell in cells):
        from policydiff.render import boxtable

        # rich's layout, byte for byte, without building rich renderables (tests/test_boxtable.py)
        drawn = boxtable.render([boxtable.Column(name, kwargs.get("ratio"), kwargs.get("no_wrap", False))
                                 for name, kwargs in columns], [cells for _, cells in rows], options.width)
        if drawn is not None:
            return drawn
    return _rich_pair_table(columns, rows, options)


def _rich_pair_table(columns: list[tuple[str, dict[str, Any]]], rows: list[tuple[Change, list[str]]],
                     options: RenderOptions) -> str:
    """The changed-values table through rich: with colour, or when a cell holds a tab."""
    from rich.table import Table
    from rich.text import Text

    console = text.console(options.width, options.colour)
    table = Table(expand=True, show_lines=False)
    for column, kwargs in columns:
        table.add_column(column, **kwargs)
    ambition_at = [name for name, _ in columns].index("ambition") if any(n == "ambition" for n, _ in columns) else -1
    for change, cells in rows:
        styled = [Text(cell) for cell in cells]  # Text, never markup
        styled[1] = Text(cells[1], style=_COLOUR.get(change.status, ""))
        if ambition_at >= 0:
            styled[ambition_at] = Text(cells[ambition_at], style=_AMBITION_COLOUR.get(change.ambition, "")
                                       if change.ambition else "")
        table.add_row(*styled)
    console.print(table)
    return console.file.getvalue()  # type: ignore[no-any-return]


_TABLE_MIN_WIDTH = 72  # below this a seven-column table is unreadable: one block per pair


def _pair_list(part: Part, options: RenderOptions) -> list[str]:
    lang, colour, room = options.lang, options.colour, max(20, options.width - 4)
    out: list[str] = []
    for sector, group in by_sector(part.changes):
        out.append(_styled(text.one_line(sector), "cyan", colour))
        for change in group:
            head = f"{SYMBOL[change.status]} {change.status.value} "
            first, *rest = wrap_items([text.one_line(_name(change, lang))], room - cell_width(head)) or [""]
            out.append("  " + _styled(head, _COLOUR.get(change.status), colour) + first)
            out += [f"  {' ' * cell_width(head)}{line}" for line in rest]
            ambition = f"{ambition_text(change)} ambitious" if ambition_text(change) else ""
            for line in (f"{_values(change, lang)}  {delta_text(change, lang)}".rstrip(),
                         "; ".join(x for x in (ambition, _flags(change, lang)) if x)):
                out += [f"    {wrapped}" for wrapped in (wrap_items([text.one_line(line)], room) if line else [])]
    return out


@dataclass
class _Citations:
    """Sources cited in a Markdown report, numbered in order of first citation."""

    report: Report
    prefix: str
    numbers: dict[tuple[int, str], int] = field(default_factory=dict)

    def cite(self, target: Target | None, side: int) -> str:
        if target is None:
            return ""
        marks = []
        for source_id in sorted(target.source_ids):
            number = self.numbers.setdefault((side, source_id), len(self.numbers) + 1)
            marks.append(f"\\[{self.prefix}{number}\\]")
        return "".join(marks)

    def source(self, side: int, source_id: str) -> Source | None:
        sources = self.report.from_sources if side == 0 else self.report.to_sources
        return next((s for s in sources if s.id == source_id), None)


def _source_line(citations: _Citations, side: int, source_id: str, lang: Lang) -> str:
    year = citations.report.from_year if side == 0 else citations.report.to_year
    found = citations.source(side, source_id)
    if found is None:
        return f"{text.markdown(source_id)} ({year})"
    title = (found.title_en or found.title) if lang is Lang.EN else found.title
    details = [str(year), found.kind.value.replace("_", " ")]
    details += [item for item in (found.date, found.doc_number) if item]
    line = f"{text.markdown(title)} ({text.markdown('; '.join(details))})"
    if found.url:
        line += f" <{text.markdown(found.url)}>" if found.url.startswith(("https://", "http://")) else ""
    return line


def render_markdown(report: Report, options: RenderOptions) -> str:
    """The same order as the table; citations are bracketed numbers into a numbered source
    list, which renders in plain CommonMark (footnote syntax needs an extension)."""
    lang, level = options.lang, options.heading_level
    blocks: list[list[str]] = []  # joined by blank lines
    if options.title:
        blocks.append([f"{'#' * level} {text.markdown(_title(report, lang).replace(' ', ': targets ', 1))}"])
    if Section.SUMMARY in options.shown:
        summary, *rest = _summary_lines(report, options)
        blocks.append([f"**Summary:** {text.markdown(summary)}."])
        notes = [line.removeprefix("note: ") for line in rest if line.startswith("note: ")]
        if notes:
            blocks.append([f"> **Note:** {text.markdown(line)}" for line in notes])
        if report.filters:
            blocks.append(["Filtered by " + text.markdown("; ".join(report.filters)) + "."])
    citations = _Citations(report, options.label_prefix)
    evidence: list[str] = []
    section_heading = "#" * (level + 1)
    for part in parts(report, options.shown, options.limit):
        blocks.append([f"{section_heading} {text.markdown(_heading(part, report))}"])
        rows: list[str] = []
        if part.section in (Section.CHANGED, Section.UNCHANGED):
            rows += ["| sector | status | indicator | from → to | change | ambition | notes |",
                     "| --- | --- | --- | --- | --- | --- | --- |"]
            for change in part.changes:
                marks = citations.cite(change.before, 0) + citations.cite(change.after, 1)
                rows.append(f"| {text.markdown(change.sector or '')} | {SYMBOL[change.status]} {change.status.value} | "
                            f"{text.markdown(_name(change, lang))}{' ' + marks if marks else ''} | "
                            f"{text.markdown(_values(change, lang))} | "
                            f"{text.markdown(delta_text(change, lang))} | {ambition_text(change)} | "
                            f"{text.markdown(_flags(change, lang))} |")
                evidence += _evidence(change, citations, lang)
        else:
            for sector, group in by_sector(part.changes):
                items = []
                for change in group:
                    marks = citations.cite(change.after or change.before, 1 if change.after else 0)
                    items.append(text.markdown(_compact_item(change, lang)) + (" " + marks if marks else ""))
                rows.append(f"- **{text.markdown(sector)}**: " + "; ".join(items))
        blocks.append(rows)
        if part.hidden:
            blocks.append([f"… and {part.hidden} more (--limit)."])
    for side, sources in ((0, report.from_sources), (1, report.to_sources)):  # uncited ones too, after
        for found in sources:
            citations.numbers.setdefault((side, found.id), len(citations.numbers) + 1)
    if Section.SOURCES in options.shown and citations.numbers:
        blocks.append([f"{section_heading} Sources"])
        if options.label_prefix:  # an ordered list would number from 1 again: label each item
            blocks.append([f"- \\[{options.label_prefix}{number}\\] {_source_line(citations, side, source_id, lang)}"
                           for (side, source_id), number in citations.numbers.items()])
        else:
            blocks.append([f"{number}. {_source_line(citations, side, source_id, lang)}"
                           for (side, source_id), number in citations.numbers.items()])
        if evidence:
            blocks += [[f"{section_heading} Evidence"], evidence]
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


def _evidence(change: Change, citations: _Citations, lang: Lang) -> list[str]:
    quotes = []
    for side, target in ((0, change.before), (1, change.after)):
        if target is None:
            continue
        for item in target.evidence:
            number = citations.numbers.get((side, item.source))
            mark = f" \\[{citations.prefix}{number}\\]" if number else ""
            quotes.append(f"“{text.markdown(item.quote)}”{mark}")
    if not quotes:
        return []
    return [f"- {text.markdown(_name(change, lang))}: " + "; ".join(quotes)]


def render_json(report: Report, options: RenderOptions) -> str:
    """Pretty at the top level, one change per line: readable, greppable, and encoded by
    json's C encoder (indent= would switch to the pure-Python one, 4× slower). Changes are
    encoded one at a time, so a large report never exists twice as a dict tree."""
    head = text.json_text(report.to_json(with_changes=False), indent=2)
    lines = ",\n".join("    " + text.json_text(change.to_json()) for change in report.changes)
    body = f'  "changes": [\n{lines}\n  ]' if report.changes else '  "changes": []'
    return head[:-2] + ",\n" + body + "\n}\n"


CSV_COLUMNS = ("status", "sector", "from_id", "from_name", "from_name_en", "from_value", "from_unit",
               "from_qualifier", "to_id", "to_name", "to_name_en", "to_value", "to_unit", "to_qualifier",
               "metric", "score", "review", "delta", "delta_unit", "delta_pct", "ambition", "notes",
               # added later, so appended: a range as two numbers, 力争, the years, the outcome
               "from_year", "to_year", "from_low", "from_high", "to_low", "to_high", "from_strive", "to_strive",
               "outcome", "outcome_value")


def _csv_side(target: Target | None) -> list[str]:
    if target is None:
        return ["", "", "", "", "", ""]
    return [target.id, target.name, target.name_en or "", str(target.value), target.unit, target.qualifier.value]


def _number(number: float | None) -> str:
    return "" if number is None else format_number(number)


# Columns that hold numbers are left as they are; every other cell is text a spreadsheet must not
# run as a formula (render.text.spreadsheet_cell): a negative value stays a number.
_NUMERIC = frozenset({"from_value", "to_value", "score", "delta", "delta_pct", "from_year", "to_year",
                      "from_low", "from_high", "to_low", "to_high"})
_TEXT_COLUMN = tuple(name not in _NUMERIC for name in CSV_COLUMNS)


def csv_rows(report: Report) -> Iterator[list[str]]:
    """One row per change, in the order of CSV_COLUMNS; text cells neutralised for spreadsheets."""
    for row in _raw_rows(report):
        yield [text.spreadsheet_cell(cell) if is_text else cell for cell, is_text in zip(row, _TEXT_COLUMN, strict=True)]


def _raw_rows(report: Report) -> Iterator[list[str]]:
    for change in report.changes:
        target = change.after or change.before
        before, after, outcome = change.before, change.after, change.outcome
        yield [
            change.status.value, change.sector or "", *_csv_side(before), *_csv_side(after),
            target.metric.value if target else "",
            "" if change.score is None else f"{change.score:.3f}", str(change.review).lower(),
            "" if change.delta is None else format_number(round(change.delta, 6)), change.delta_unit or "",
            "" if change.delta_pct is None else f"{change.delta_pct:.2f}",
            change.ambition.value if change.ambition else "", " | ".join(change.notes),
            str(report.from_year), str(report.to_year),
            _number(before.value.low if before else None), _number(before.value.high if before else None),
            _number(after.value.low if after else None), _number(after.value.high if after else None),
            "" if before is None else str(before.strive).lower(), "" if after is None else str(after.strive).lower(),
            outcome.verdict.value if outcome else "", target_value_text(outcome.actual) if outcome else "",
        ]


def render_csv(report: Report, options: RenderOptions) -> str:
    """CSV with every text cell neutralised for spreadsheets (a name starting with = is not run
    as a formula); with `options.bom`, a byte-order mark so that Excel reads it as UTF-8."""
    buffer = io.StringIO()
    if options.bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(report))
    return buffer.getvalue()


RENDERERS: dict[OutputFormat, Callable[[Report, RenderOptions], str]] = {
    OutputFormat.TABLE: render_table, OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.JSON: render_json, OutputFormat.CSV: render_csv,
}
