"""Renderers of `policydiff review`: one section per edited data file."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from policydiff.curation.review import FileReview
from policydiff.render.options import OutputFormat, RenderOptions
from policydiff.render.report import CSV_COLUMNS, csv_rows, summary_line
from policydiff.render.report import render_markdown as report_markdown
from policydiff.render.report import render_table as report_table
from policydiff.render.text import json_text, markdown, markdown_code, one_line, spreadsheet_cell

_FOOTNOTE = re.compile(r"\[\^(\d+)\]")


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
            parts.append(report_table(review.report, options).replace(summary_line(review.report) + "\n", ""))
    return "".join(parts)


def _markdown_body(review: FileReview, index: int, options: RenderOptions) -> str:
    """The comparison's Markdown without its title and summary, headings one level down, and
    footnote labels made unique across files (GitHub links every `[^1]` to the first one)."""
    body = report_markdown(review.report, options).split("\n", 4)
    text = body[-1].lstrip("\n") if len(body) == 5 else ""
    text = re.sub(r"^## ", "### ", text, flags=re.MULTILINE)
    return _FOOTNOTE.sub(lambda m: f"[^{index}-{m.group(1)}]", text)


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
