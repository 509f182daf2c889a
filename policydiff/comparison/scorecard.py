"""Scorecard: a year's targets against the outcomes later documents report for that year.

Outcomes are `actuals` with `year: YEAR` in any later file of the region (the 2025 work report
reviews 2024). Each target is paired with at most one outcome: the same id first (curators
reuse an id for the same indicator, the strongest evidence there is), then the alignment
engine at a confident score; the verdict is `outcomes.assess`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from policydiff.comparison.outcomes import DEFAULT_SETTINGS, REACHED, STATUS_ORDER, WITH_DATA, Assessment, OutcomeSettings, OutcomeStatus, assess
from policydiff.comparison.settings import AlignSettings
from policydiff.contract.model import Source, Target, TargetSet
from policydiff.contract.units import lookup

# An outcome is attached only to a confident pair: a wrong "met" is worse than none.
OUTCOME_ALIGN = AlignSettings(accept=0.75)
SAME_ID_SCORE = 1.0


@dataclass(frozen=True)
class Reported:
    """An outcome and the year of the file that reported it."""

    actual: Target
    file_year: int


@dataclass(frozen=True)
class Match:
    reported: Reported
    score: float
    by_id: bool


def collect(later: list[TargetSet], year: int) -> list[Reported]:
    """Outcomes for `year` from files of later years, one per id: a final figure beats an
    estimate (预计), and a later file beats an earlier one (figures get revised)."""
    chosen: dict[str, Reported] = {}
    for target_set in sorted(later, key=lambda s: s.year):
        if target_set.year <= year:
            continue
        for actual in target_set.actuals:
            if actual.year != year:
                continue
            held = chosen.get(actual.id)
            if held is None or held.actual.estimate or not actual.estimate:  # a final figure wins over an estimate
                chosen[actual.id] = Reported(actual, target_set.year)
    return list(chosen.values())


def _same_dimension(a: Target, b: Target) -> bool:
    first, second = lookup(a.unit), lookup(b.unit)
    return first is not None and second is not None and first.dimension is second.dimension


def match(targets: tuple[Target, ...], reported: list[Reported], year: int,
          settings: AlignSettings = OUTCOME_ALIGN) -> dict[str, Match]:
    """Target id → its outcome: same id (in the same unit dimension) first, then the aligner."""
    from policydiff.comparison.align import align
    from policydiff.comparison.links import NO_LINKS

    by_id = {item.actual.id: item for item in reported}
    found: dict[str, Match] = {}
    for target in targets:
        item = by_id.get(target.id)
        if item is not None and _same_dimension(target, item.actual):
            found[target.id] = Match(item, SAME_ID_SCORE, True)
    used = {m.reported.actual.id for m in found.values()}
    rest_targets = tuple(t for t in targets if t.id not in found)
    rest = [item for item in reported if item.actual.id not in used]
    if rest_targets and rest:
        alignment = align(rest_targets, tuple(item.actual for item in rest), year, year, NO_LINKS, settings)
        index = {id(item.actual): item for item in rest}
        for pair in alignment.pairs:
            found[pair.before.id] = Match(index[id(pair.after)], pair.score, False)
    return found


@dataclass(frozen=True)
class ScoreItem:
    target: Target
    assessment: Assessment
    match: Match | None = None

    @property
    def status(self) -> OutcomeStatus:
        return self.assessment.status

    @property
    def actual(self) -> Target | None:
        return self.match.reported.actual if self.match else None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status.value, "target": self.target.to_json(),
                                "actual": self.actual.to_json() if self.actual else None}
        assessment = self.assessment.to_json()
        data.update(margin=assessment["margin"], margin_unit=assessment["margin_unit"], ratio=assessment["ratio"],
                    notes=assessment["notes"])
        if self.match is not None:
            data.update(reported_in=self.match.reported.file_year, score=round(self.match.score, 4),
                        paired_by="id" if self.match.by_id else "alignment")
        return data


def summarise(items: tuple[ScoreItem, ...] | list[ScoreItem]) -> dict[str, Any]:
    """Counts per status, and the share reached (exceeded or met) among those with data, i.e.
    exceeded, met, partial or missed: no_data and not_comparable say nothing about success."""
    counts: dict[str, Any] = {status.value: 0 for status in STATUS_ORDER}
    for item in items:
        counts[item.status.value] += 1
    with_data = sum(counts[s.value] for s in WITH_DATA)
    reached = sum(counts[s.value] for s in REACHED)
    counts["with_data"] = with_data
    counts["share_met"] = round(reached / with_data, 4) if with_data else None
    return counts


@dataclass(frozen=True)
class Scorecard:
    year: int
    region: str
    items: tuple[ScoreItem, ...]
    sources: dict[int, tuple[Source, ...]] = field(default_factory=dict)  # by file year
    reported_in: tuple[int, ...] = ()  # later years whose files report outcomes for `year`
    unmatched: tuple[Reported, ...] = ()  # outcomes no target was paired with
    region_en: str | None = None
    missing_report: int | None = None  # the next year, when its document (which reviews `year`) is missing

    def summary(self) -> dict[str, Any]:
        return summarise(self.items)

    def source_title(self, file_year: int, source_id: str) -> str:
        found = next((s for s in self.sources.get(file_year, ()) if s.id == source_id), None)
        return found.title if found else source_id

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "region": self.region, "region_en": self.region_en,
                "reported_in": list(self.reported_in), "missing_report": self.missing_report,
                "summary": self.summary(), "items": [item.to_json() for item in self.items],
                "unmatched_actuals": [{"reported_in": r.file_year, **r.actual.to_json()} for r in self.unmatched]}


def build(target_set: TargetSet, later: list[TargetSet],
          settings: OutcomeSettings = DEFAULT_SETTINGS) -> Scorecard:
    """The scorecard of `target_set`'s year from the outcomes in the `later` files."""
    year = target_set.year
    reported = collect(later, year)
    matches = match(target_set.targets, reported, year)
    items = tuple(ScoreItem(t, assess(t, matches[t.id].reported.actual if t.id in matches else None, settings),
                            matches.get(t.id)) for t in target_set.targets)
    used = {id(m.reported) for m in matches.values()}
    sources = {s.year: s.sources for s in [target_set, *later]}
    return Scorecard(year, target_set.region, items, sources,
                     tuple(sorted({r.file_year for r in reported})),
                     tuple(r for r in reported if id(r) not in used), target_set.region_en)


def region_sets(directory: Path, after: int | None = None) -> list[TargetSet]:
    """The files of a region's directory (only those of years after `after`), loaded, oldest first."""
    from policydiff.contract.spec import TARGET_FILE
    from policydiff.load.datadir import target_files
    from policydiff.load.loader import load_file

    paths = [p for p in target_files(directory)
             if after is None or ((m := TARGET_FILE.match(p.name)) is not None and int(m.group(1)) > after)]
    return [load_file(path) for path in paths]


def scorecard(year: int, directory: Path, settings: OutcomeSettings = DEFAULT_SETTINGS) -> Scorecard:
    """`year`'s scorecard from the region in `directory` (UsageError when `year` has no file)."""
    from policydiff.load import datadir
    from policydiff.load.loader import load_file

    target_set = load_file(datadir.resolve(str(year), directory))
    later = [s for s in region_sets(directory, after=year) if s.year > year]
    card = build(target_set, later, settings)
    if later and all(s.year != year + 1 for s in later):  # a gap in the series, like China's 2020
        card = replace(card, missing_report=year + 1)
    return card
