"""A line-per-target view of a data file, so `git diff` shows what changed, not YAML churn."""

from __future__ import annotations

from pathlib import Path

from .errors import UnreadableFileError
from .load import check_text
from .model import Target
from .yamlnodes import read_text


def _line(target: Target) -> str:
    parts = [f"{target.id}:", target.name]
    if target.name_en:
        parts.append(f"({target.name_en})")
    qualifier = "" if target.qualifier.value == "exact" else f" {target.qualifier.value}"
    parts.append(f"= {target.value} {target.unit}{qualifier} [{target.metric.value}]")
    if target.strive:
        parts.append("strive")
    if target.direction.value == "down":
        parts.append("direction=down")
    if target.sector:
        parts.append(f"sector={target.sector}")
    return " ".join(parts)


def _evidence_lines(target: Target) -> list[str]:
    return [f"    {item.source}{'' if item.value is None else f' ({item.value})'}: {item.quote}"
            for item in target.evidence] + ([f"    note: {target.note}"] if target.note else [])


def textconv_text(path: Path) -> str:
    try:
        text = read_text(path)
    except UnreadableFileError as error:
        return f"(unreadable: {error})\n"
    result = check_text(text, path)
    if result.target_set is None:
        return text
    target_set = result.target_set
    lines = [f"region: {target_set.region}", f"year: {target_set.year}", "sources:"]
    lines += [f"  {s.id}: {s.kind.value} {s.title}" + (f" {s.date}" if s.date else "") for s in target_set.sources]
    for heading, items in (("targets:", target_set.targets), ("actuals:", target_set.actuals)):
        lines.append(heading)
        for target in sorted(items, key=lambda t: t.id):
            year = f" (year {target.year})" if target.year is not None else ""
            lines.append("  " + _line(target) + year)
            lines += _evidence_lines(target)
    return "\n".join(lines) + "\n"
