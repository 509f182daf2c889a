"""A line-per-target view of a data file, so `git diff` shows what changed, not YAML churn."""

from __future__ import annotations

from pathlib import Path

from policydiff.contract.errors import UnreadableFileError
from policydiff.contract.model import Source, Target, TargetSet
from policydiff.load.files import decode, read_bytes
from policydiff.load.loader import check_text
from policydiff.render.text import one_line


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


def _source_line(source: Source) -> str:
    """Every field of a source, so that no edit to it is hidden from `git diff`."""
    parts = [f"{source.id}:", source.kind.value, source.title]
    if source.title_en:
        parts.append(f"({source.title_en})")
    if source.date:
        parts.append(source.date)
    parts += [f"{name}={getattr(source, name)}" for name in ("doc_number", "url", "file") if getattr(source, name)]
    return " ".join(parts)


def textconv_text(path: Path) -> str:
    """One line per target (sorted by id) with its evidence below; a file that is not valid data,
    as it is (not UTF-8: decoded with replacement characters), so `git diff` still shows it. Only
    a regular file is read, bounded: never a pipe or a device. The caller makes controls visible."""
    try:
        raw = read_bytes(path)
    except UnreadableFileError as error:
        return f"(unreadable: {error})\n"
    try:
        text = decode(raw, path)
    except UnreadableFileError:
        return raw.decode("utf-8", errors="replace")
    result = check_text(text, path)
    if result.target_set is None:
        return text
    return _lines(result.target_set)


def _lines(target_set: TargetSet) -> str:
    region = target_set.region + (f" ({target_set.region_en})" if target_set.region_en else "")
    lines = [one_line(f"region: {region}"), f"year: {target_set.year}", "sources:"]
    lines += [f"  {one_line(_source_line(s))}" for s in target_set.sources]
    for heading, items in (("targets:", target_set.targets), ("actuals:", target_set.actuals)):
        lines.append(heading)
        for target in sorted(items, key=lambda t: t.id):
            year = f" (year {target.year})" if target.year is not None else ""
            lines.append("  " + one_line(_line(target) + year))
            lines += [one_line(line) for line in _evidence_lines(target)]
    return "\n".join(lines) + "\n"
