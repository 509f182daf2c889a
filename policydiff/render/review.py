"""Renderers of `policydiff review`: one section per edited data file."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..review import FileReview
from .options import OutputFormat, RenderOptions
from .report import render_csv, render_markdown, render_table, summary_line


def _edits_line(review: FileReview) -> str:
    counts = review.report.summary()
    parts = [f"{n} {status.replace('_', ' ')}" for status, n in counts.items() if n]
    return ", ".join(parts) if parts else "no target edited"


def render_table(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    if not reviews:
        return f"no data file differs from {base}\n"
    from .report import render_table as table

    parts = []
    for review in reviews:
        parts.append(f"{review.path} ({review.status.value}; {_edits_line(review)})\n")
        parts += [f"  {note}\n" for note in review.notes]
        if review.report.changes:
            parts.append(table(review.report, options).replace(summary_line(review.report) + "\n", ""))
    return "".join(parts)


def render_markdown(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    lines = [f"# Data changes against `{base}`", ""]
    if not reviews:
        return "\n".join(lines + ["No data file changed."]) + "\n"
    for review in reviews:
        lines += [f"## `{review.path}` ({review.status.value})", "", f"**Edits:** {_edits_line(review)}.", ""]
        lines += [f"- {note}" for note in review.notes]
        body = render_markdown(review.report, options).split("\n", 4)
        lines.append(body[-1] if len(body) == 5 else "")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    return json.dumps({"base": base, "files": [r.to_json() for r in reviews]}, ensure_ascii=False, indent=2) + "\n"


def render_csv_all(reviews: list[FileReview], base: str, options: RenderOptions) -> str:
    out = []
    for index, review in enumerate(reviews):
        rows = render_csv(review.report, options).splitlines()
        header, body = rows[0], rows[1:]
        if index == 0:
            out.append("path," + header)
        out += [f"{review.path},{row}" for row in body]
    return "\n".join(out) + ("\n" if out else "")


RENDERERS: dict[OutputFormat, Callable[[list[FileReview], str, RenderOptions], str]] = {
    OutputFormat.TABLE: render_table, OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.JSON: render_json, OutputFormat.CSV: render_csv_all,
}
