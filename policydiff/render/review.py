"""Renderers of `policydiff review`: one section per edited data file."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace

from policydiff.curation.review import FileReview
from policydiff.render.options import OutputFormat, RenderOptions, Section
from policydiff.render.report import CSV_COLUMNS, csv_rows
from policydiff.render.report import render_markdown as report_markdown
from policydiff.render.report import render_table as report_table
from policydiff.render.text import json_text, markdown, markdown_code, one_line, spreadsheet_cell


def _edits_line(review: FileReview) -> str:
    counts = review.report.summary()
    parts = [f"{n} {status.replace('_', ' ')}" for status, n in counts.items() if n]
    return ", ".join(parts) if parts else "no target edited"


def render_table(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    if not reviews:
        return f"no data file differs from {base}\n"
    parts = []
    for review in reviews:
        parts.append(one_line(f"{review.path} ({review.status.value}; {_edits_line(review)})") + "\n")
        parts += [f"  {one_line(note)}\n" for note in review.notes]
        if review.report.changes:
            # the file line above is this report's title and summary: ask for the rest only
            parts.append(report_table(review.report, _embedded(options)).lstrip("\n"))
    return "".join(parts)


def _embedded(options: RenderOptions) -> RenderOptions:
    return replace(options, title=False, sections=options.sections - {Section.SUMMARY})


def _markdown_body(review: FileReview, index: int, options: RenderOptions) -> str:
    """The comparison's Markdown without its title and summary, headings one level down, and
    citation labels made unique across files."""
    return report_markdown(review.report, replace(_embedded(options), heading_level=2, label_prefix=f"{index}-"))


def render_markdown(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    lines = [f"# Data changes against {markdown_code(base)}", ""]
    if not reviews:
        return "\n".join(lines + ["No data file changed."]) + "\n"
    for index, review in enumerate(reviews, start=1):
        lines += [f"## {markdown_code(review.path)} ({review.status.value})", "", f"**Edits:** {_edits_line(review)}.", ""]
        lines += [f"- {markdown(note)}" for note in review.notes]
        lines += [""] if review.notes else []
        lines.append(_markdown_body(review, index, options))
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    return json_text({"base": base, "files": [r.to_json() for r in reviews]}, indent=2) + "\n"


def render_csv_all(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    """One CSV for every file: the comparison's columns after a `path` column (header even when empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["path", *CSV_COLUMNS])
    for review in reviews:
        writer.writerows([spreadsheet_cell(review.path), *row] for row in csv_rows(review.report))
    return buffer.getvalue()


RENDERERS: dict[OutputFormat, Callable[[list[FileReview], str, RenderOptions], str]] = {
    OutputFormat.TABLE: render_table, OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.JSON: render_json, OutputFormat.CSV: render_csv_all,
}
