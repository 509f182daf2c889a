"""Diff stage: turn aligned pairs into a Report of raised / lowered / unchanged / … changes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Context, Decimal

from policydiff.comparison.align import Alignment, Pair
from policydiff.comparison.normalise import normalise_name
from policydiff.comparison.report import Ambition, Change, Coverage, Outcome, Report, Status
from policydiff.contract.model import Direction, Number, Qualifier, Target, TargetSet, Value
from policydiff.contract.units import comparable, lookup

_PERCENT_UNITS = {"%", "‰"}
# Values are compared exactly, in decimal: a stated value has at most 15 significant digits and a
# unit factor is a power of ten or a short decimal (斤 = 0.0005 吨), so a product or quotient at
# 60 digits is exact. 12345678901.5 → 12345678901.7 元 is raised by 0.2 元, never "unchanged"
# because floats agree to 1e-9 (docs/untrusted-data.md).
_EXACT = Context(prec=60)


def _exact(number: Number) -> Decimal:
    """The number as the data states it: a float's shortest repr is its stated digits."""
    return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)


def _midpoint(value: Value) -> Decimal:
    return _EXACT.divide(_EXACT.add(_exact(value.low), _exact(value.high)), Decimal(2))


def _in_unit(amount: Decimal, from_symbol: str, to_symbol: str) -> Decimal:
    """`amount` in `from_symbol` expressed in `to_symbol` (the units are comparable)."""
    source, target = lookup(from_symbol), lookup(to_symbol)
    assert source is not None and target is not None
    return _EXACT.divide(_EXACT.multiply(amount, _exact(source.factor)), _exact(target.factor))


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


def _firmness(target: Target) -> int:
    """How firmly the wording commits to the number: the bound on the good side (以上 for a
    higher-is-better target, 以内 for a lower-is-better one) over a plain number over 左右 over a
    bound on the wrong side."""
    good = Qualifier.AT_LEAST if target.direction is Direction.UP else Qualifier.AT_MOST
    if target.qualifier is good:
        return 2
    return {Qualifier.EXACT: 1, Qualifier.ABOUT: 0}.get(target.qualifier, -1)


def wording(before: Target, after: Target) -> Status:
    """For an equal number: SOFTENED or FIRMED when the wording moved one way (the qualifier, or
    力争, which marks a stretch the document commits to strive for), UNCHANGED when it did not
    move or moved both ways at once."""
    steps = {_firmness(after) - _firmness(before), int(after.strive) - int(before.strive)} - {0}
    if steps and all(step < 0 for step in steps):
        return Status.SOFTENED
    if steps and all(step > 0 for step in steps):
        return Status.FIRMED
    return Status.UNCHANGED


def _ambition(before: Target, after: Target, status: Status) -> Ambition | None:
    if status is Status.UNCHANGED:
        return Ambition.SAME
    if status in (Status.SOFTENED, Status.FIRMED):
        return Ambition.LESS if status is Status.SOFTENED else Ambition.MORE
    if status not in (Status.RAISED, Status.LOWERED):
        return None
    higher_is_better = after.direction is Direction.UP
    return Ambition.MORE if (status is Status.RAISED) == higher_is_better else Ambition.LESS


def pair_change(pair: Pair) -> Change:
    before, after = pair.before, pair.after
    common = dict(before=before, after=after, score=pair.score, signals=pair.signals, link=pair.link,
                  review=pair.review, renamed=normalise_name(before.name) != normalise_name(after.name))
    reasons = _comparable(before, after)
    if reasons:
        return Change(Status.CHANGED, notes=tuple(reasons + _notes(before, after)), **common)  # type: ignore[arg-type]
    old = _midpoint(before.value)
    new = _in_unit(_midpoint(after.value), after.unit, before.unit)
    delta = _EXACT.subtract(new, old)
    status = Status.UNCHANGED if delta == 0 else (Status.RAISED if delta > 0 else Status.LOWERED)
    if status is Status.UNCHANGED:
        status = wording(before, after)
    percent = before.unit in _PERCENT_UNITS
    delta_pct = None if old == 0 else float(_EXACT.divide(_EXACT.multiply(delta, Decimal(100)), abs(old)))
    return Change(status, delta=float(delta), delta_unit="个百分点" if percent else before.unit, delta_pct=delta_pct,
                  ambition=_ambition(before, after, status), notes=tuple(_notes(before, after)),
                  **common)  # type: ignore[arg-type]


def not_covered_note(target: Target, before: TargetSet, after: TargetSet) -> str | None:
    """Why no source of `after` covers `target` (None when one does, so silence means dropped).

    A source that declares `covers` covers exactly those sectors. One that declares nothing
    covers what its kind of document covers: a target is covered when `after` has a document of
    a kind that set it in `before` (the rule before sources could declare sectors)."""
    kinds = {s.kind for s in before.sources if s.id in target.source_ids}
    undeclared = [s for s in after.sources if not s.covers]
    if any(target.sector in s.covers for s in after.sources):
        return None
    if undeclared and (not kinds or any(s.kind in kinds for s in undeclared)):
        return None
    if not after.sources and not kinds:
        return None  # nothing is known about either side's documents
    declared = sorted({sector for s in after.sources for sector in s.covers})
    if declared:
        return f"no {after.year} source covers {target.sector or 'its sector'} (they cover: {', '.join(declared)})"
    return f"{after.year} has no {', '.join(sorted(k.value for k in kinds))} among its sources"


def _declared(target_set: TargetSet) -> frozenset[str] | None:
    """The sectors the set's sources cover together, None when one of them covers everything."""
    if not target_set.sources or any(not s.covers for s in target_set.sources):
        return None
    return frozenset(sector for s in target_set.sources for sector in s.covers)


def build_report(before: TargetSet, after: TargetSet, alignment: Alignment,
                 outcomes: dict[str, Outcome] | None = None) -> Report:
    """The report of what changed from `before` to `after`, in `before`'s order, new ones last."""
    outcomes = outcomes or {}
    changes: list[Change] = []
    paired = {pair.before.id: pair for pair in alignment.pairs}
    for target in before.targets:
        if target.id in paired:
            change = pair_change(paired[target.id])
        elif (note := not_covered_note(target, before, after)) is not None:
            change = Change(Status.NOT_COVERED, target, None, notes=(note,))
        else:
            change = Change(Status.DROPPED, target, None)
        if target.id in outcomes:
            change = replace(change, outcome=outcomes[target.id])
        changes.append(change)
    changes.extend(Change(Status.NEW, None, target) for target in alignment.unpaired_after)
    label_before = before.path or str(before.year)
    label_after = after.path or str(after.year)
    return Report(before.year, after.year, after.region, tuple(changes),
                  Coverage(before.source_kinds, after.source_kinds, _declared(after)), label_before, label_after,
                  after.region_en,
                  from_sources=before.sources, to_sources=after.sources)


