"""What a comparison report shows, and in which order: written once for the table and Markdown.

The headline comes first: the summary, then the pairs whose values moved (raised, lowered,
changed), grouped by sector and ordered within a sector by how much they moved; then the
targets that are only on one side (new, dropped, not covered) as dense per-sector lists.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from policydiff.comparison.report import STATUS_ORDER, Change, Report, Status
from policydiff.contract.sectors import SECTORS
from policydiff.render.options import Section

_SECTOR_ORDER = {sector: index for index, sector in enumerate(SECTORS)}
NO_SECTOR = "—"


def section_of(status: Status) -> Section:
    """The section a change of `status` is listed in (every paired, differing status is CHANGED)."""
    if status is Status.UNCHANGED:
        return Section.UNCHANGED
    if status in (Status.NEW, Status.DROPPED, Status.NOT_COVERED):
        return Section(status.value)
    return Section.CHANGED


def movement(change: Change) -> float:
    """How far a change moved, comparable across units: the relative change when known, else
    the absolute one; -1 for a change that has no number (metric or unit changed)."""
    if change.delta_pct is not None:
        return abs(change.delta_pct)
    if change.delta is not None and change.delta != 0:
        return abs(change.delta)
    return -1.0


def sector_rank(sector: str | None) -> tuple[int, str]:
    return (_SECTOR_ORDER.get(sector or "", len(_SECTOR_ORDER)), sector or "")


@dataclass(frozen=True)
class Part:
    """One section of the report: the rows it lists and how many were left out by --limit."""

    section: Section
    changes: tuple[Change, ...]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.changes)


def parts(report: Report, shown: frozenset[Section], limit: int | None) -> list[Part]:
    """The sections to print, in report order, each limited to `limit` rows: the largest moves
    of the changed section, the first targets (in sector order) of the others."""
    found: list[Part] = []
    status_rank = {status: index for index, status in enumerate(STATUS_ORDER)}
    for section in (Section.CHANGED, Section.UNCHANGED, Section.NEW, Section.DROPPED, Section.NOT_COVERED):
        if section not in shown:
            continue
        members = [c for c in report.changes if section_of(c.status) is section]
        if not members:
            continue
        if section is Section.CHANGED:
            chosen = sorted(members, key=lambda c: -movement(c))[:limit] if limit is not None else members
            rows = sorted(chosen, key=lambda c: (sector_rank(c.sector), -movement(c), status_rank[c.status]))
        else:
            rows = sorted(members, key=lambda c: sector_rank(c.sector))[:limit]
        found.append(Part(section, tuple(rows), len(members)))
    return found


def by_sector(changes: tuple[Change, ...]) -> list[tuple[str, list[Change]]]:
    """Consecutive changes grouped by sector (the input is already in sector order)."""
    groups: list[tuple[str, list[Change]]] = []
    for change in changes:
        sector = change.sector or NO_SECTOR
        if groups and groups[-1][0] == sector:
            groups[-1][1].append(change)
        else:
            groups.append((sector, [change]))
    return groups


def cell_width(text: str) -> int:
    """Terminal columns `text` takes: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else (0 if unicodedata.combining(ch) else 1)
               for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_width(text))


def wrap_items(items: list[str], width: int, separator: str = " · ") -> list[str]:
    """Items packed into lines of at most `width` columns, joined by `separator`; an item
    longer than a line is broken at its spaces, and a word longer than a line at the width."""
    lines: list[str] = []
    current, used = "", 0
    for item in items:
        size = cell_width(item)
        extra = size if not current else cell_width(separator) + size
        if current and used + extra > width:
            lines.append(current)
            current, used = "", 0
            extra = size
        if not current and size > width and " " in item.strip():
            *full, last = wrap_items(item.split(" "), width, " ")
            lines += full
            current, used = last, cell_width(last)
            continue
        if not current and size > width:
            chunk, chunk_used = "", 0
            for ch in item:
                w = cell_width(ch)
                if chunk_used + w > width:
                    lines.append(chunk)
                    chunk, chunk_used = "", 0
                chunk += ch
                chunk_used += w
            current, used = chunk, chunk_used
            continue
        current = item if not current else current + separator + item
        used += extra
    if current:
        lines.append(current)
    return lines
