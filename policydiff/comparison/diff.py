"""Diff stage: turn aligned pairs into a Report of raised / lowered / unchanged / … changes."""

from __future__ import annotations

from dataclasses import replace

from policydiff.comparison.align import Alignment, Pair
from policydiff.contract.model import Direction, Target, TargetSet
from policydiff.comparison.report import Ambition, Change, Coverage, Outcome, Report, Status
from policydiff.contract.units import comparable, convert, lookup

_RELATIVE_TOLERANCE = 1e-9
_PERCENT_UNITS = {"%", "‰"}


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= _RELATIVE_TOLERANCE * max(1.0, abs(a), abs(b))


def _comparable(before: Target, after: Target) -> list[str]:
    """Why the pair cannot be compared numerically (empty when it can)."""
    reasons = []
    if before.metric is not after.metric:
        reasons.append(f"metric changed: {before.metric.value} → {after.metric.value}")
    if not comparable(before.unit, after.unit):
        reasons.append(f"units not comparable: {before.unit} → {after.unit}")
    return reasons


def _notes(before: Target, after: Target) -> list[str]:
    notes = []
    if before.qualifier is not after.qualifier:
        notes.append(f"qualifier changed: {before.qualifier.value} → {after.qualifier.value}")
    if before.strive != after.strive:
        notes.append("力争 (strive) added" if after.strive else "力争 (strive) removed")
    if before.unit != after.unit and lookup(before.unit) and lookup(after.unit):
        notes.append(f"unit changed: {before.unit} → {after.unit}")
    if before.value.is_range != after.value.is_range:
        notes.append("range compared by its midpoint")
    for side, target in (("from", before), ("to", after)):
        stated = target.stated_values
        if len(stated) > 1:
            notes.append(f"{side}: sources disagree on the value ({', '.join(sorted(str(v) for v in stated))})")
    return notes


def _ambition(before: Target, after: Target, status: Status) -> Ambition | None:
    if status is Status.UNCHANGED:
        return Ambition.SAME
    if status not in (Status.RAISED, Status.LOWERED):
        return None
    higher_is_better = after.direction is Direction.UP
    return Ambition.MORE if (status is Status.RAISED) == higher_is_better else Ambition.LESS


def pair_change(pair: Pair) -> Change:
    before, after = pair.before, pair.after
    common = dict(before=before, after=after, score=pair.score, signals=pair.signals, link=pair.link,
                  review=pair.review)
    reasons = _comparable(before, after)
    if reasons:
        return Change(Status.CHANGED, notes=tuple(reasons + _notes(before, after)), **common)  # type: ignore[arg-type]
    old = before.value.midpoint
    new = convert(after.value.midpoint, after.unit, before.unit)
    delta = new - old
    status = Status.UNCHANGED if _same(old, new) else (Status.RAISED if delta > 0 else Status.LOWERED)
    if status is Status.UNCHANGED:
        delta = 0.0
    percent = before.unit in _PERCENT_UNITS
    delta_pct = None if _same(old, 0.0) else delta / abs(old) * 100
    return Change(status, delta=delta, delta_unit="个百分点" if percent else before.unit, delta_pct=delta_pct,
                  ambition=_ambition(before, after, status), notes=tuple(_notes(before, after)),
                  **common)  # type: ignore[arg-type]


def _only_from_absent_kinds(target: Target, source_set: TargetSet, other: TargetSet) -> bool:
    kinds = {source.kind for source in source_set.sources if source.id in target.source_ids}
    return bool(kinds) and not (kinds & other.source_kinds)


def build_report(before: TargetSet, after: TargetSet, alignment: Alignment,
                 outcomes: dict[str, Outcome] | None = None) -> Report:
    """The report of what changed from `before` to `after`, in `before`'s order, new ones last."""
    outcomes = outcomes or {}
    changes: list[Change] = []
    paired = {pair.before.id: pair for pair in alignment.pairs}
    for target in before.targets:
        if target.id in paired:
            change = pair_change(paired[target.id])
        elif _only_from_absent_kinds(target, before, after):
            kinds = ", ".join(sorted({s.kind.value for s in before.sources if s.id in target.source_ids}))
            change = Change(Status.NOT_COVERED, target, None,
                            notes=(f"{after.year} has no {kinds} among its sources",))
        else:
            change = Change(Status.DROPPED, target, None)
        if target.id in outcomes:
            change = replace(change, outcome=outcomes[target.id])
        changes.append(change)
    changes.extend(Change(Status.NEW, None, target) for target in alignment.unpaired_after)
    label_before = before.path or str(before.year)
    label_after = after.path or str(after.year)
    return Report(before.year, after.year, after.region, tuple(changes),
                  Coverage(before.source_kinds, after.source_kinds), label_before, label_after, after.region_en)


