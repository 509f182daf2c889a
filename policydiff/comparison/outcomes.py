"""Was a target met? The one verdict rule, shared by `scorecard`, `history`, `report` and the
outcome notes of `compare` (one rule, several views).

The rules follow the practice of the trackers that do this for a living (the State Council's
own review of the previous year, Open SDG's completion bands); docs/outcomes.md states them
for readers. In short, with "better" meaning higher unless the target's direction is `down`
or it is a ceiling (`at_most`):

- floor (以上, 不低于, 突破; also a plain 达到X): met when the outcome is at least as good;
- ceiling (以内, 控制在, 不超过) or direction `down`: met at or below it;
- range (6%－6.5%): met at or beyond its less ambitious end (6.1% against 6%－6.5% is met);
- 左右 (`about`): met within the tolerance on the worse side;
- exceeded: better than the target's ambitious end by more than the tolerance;
- rates (%, ‰, 个百分点) are compared in percentage points, never as a % of a %; the
  completion ratio (actual ÷ target) is computed only for levels and counts where higher is
  better: below the target, ≥ 0.6 of it is `partial` (≥ 0.95 noted "nearly there"), less is
  `missed`;
- an outcome stated as "at least" / "at most" / 左右 or marked as an estimate (预计) is an
  interval one tolerance wide on its open side(s) (for a decline, 下降3%以上 = -3 at_least,
  "at least" is of its size, so the interval opens downwards): when the target is reached at one end of
  it and not at the other, the verdict is `partial`;
- another metric, another unit dimension, a note on a change of definition (口径), or an
  outcome for part of the year (前三季度) is `not_comparable`; no outcome is `no_data`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from policydiff.contract.model import Direction, Qualifier, Target
from policydiff.contract.units import Dimension, convert, lookup


class OutcomeStatus(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    PARTIAL = "partial"
    MISSED = "missed"
    NO_DATA = "no_data"  # no outcome reported: never counted as missed
    NOT_COMPARABLE = "not_comparable"


STATUS_ORDER: tuple[OutcomeStatus, ...] = tuple(OutcomeStatus)
# Statuses that say the target was reached, and those that say anything about it at all.
REACHED = frozenset({OutcomeStatus.EXCEEDED, OutcomeStatus.MET})
WITH_DATA = frozenset({OutcomeStatus.EXCEEDED, OutcomeStatus.MET, OutcomeStatus.PARTIAL, OutcomeStatus.MISSED})


@dataclass(frozen=True)
class OutcomeSettings:
    """The tolerances of the verdict; the defaults are documented in docs/outcomes.md."""

    # 左右 and "exceeded" for rates: the State Council counted 6.9% against 7%左右 as met,
    # and every GDP outcome it called met was within half a point of the target.
    rate_tolerance_pp: float = 0.5
    # the same for levels and counts, as a fraction of the target (5% of 1.4万亿斤 = 700亿斤)
    level_tolerance: float = 0.05
    # Open SDG's completion bands, for levels and counts below their target
    nearly_there: float = 0.95
    partial_from: float = 0.6


DEFAULT_SETTINGS = OutcomeSettings()

_RATE_DIMENSIONS = frozenset({Dimension.PERCENT, Dimension.PERCENTAGE_POINT})
_EPSILON = 1e-9
# A note saying the definition changed; 同口径 / 可比口径 say the opposite (same basis).
_DEFINITION_CHANGE = re.compile(r"(?<!同)(?<!可比)口径")
_PART_OF_YEAR = re.compile(r"前三季度|上半年|一季度|第一季度|前两季度|[1-9一二三四五六七八九十]+\s*[-－—~至到]\s*"
                           r"[1-9一二三四五六七八九十]+\s*月|first (?:three|two) quarters|first half")


@dataclass(frozen=True)
class Assessment:
    """The verdict on one target, with the numbers behind it.

    `margin` is actual − target in the target's unit (`margin_unit`, 个百分点 for rates), measured
    from the target's less ambitious end (the bound that decides met); positive is above it.
    `ratio` is actual ÷ target where that means something (levels and counts, higher is better)."""

    status: OutcomeStatus
    margin: float | None = None
    margin_unit: str | None = None
    ratio: float | None = None
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "status": self.status.value,
            "margin": None if self.margin is None else round(self.margin, 6),
            "margin_unit": self.margin_unit,
            "ratio": None if self.ratio is None else round(self.ratio, 4),
            "notes": list(self.notes),
        }


def lower_is_better(target: Target) -> bool:
    return target.direction is Direction.DOWN or target.qualifier is Qualifier.AT_MOST


def is_rate(unit: str) -> bool:
    found = lookup(unit)
    return found is not None and found.dimension in _RATE_DIMENSIONS


def not_comparable_reasons(target: Target, actual: Target) -> list[str]:
    """Why an outcome cannot be measured against the target (empty when it can)."""
    reasons = []
    if target.metric is not actual.metric:
        reasons.append(f"metric differs: target {target.metric.value}, outcome {actual.metric.value}")
    first, second = lookup(target.unit), lookup(actual.unit)
    if first is None or second is None:
        reasons.append(f"unknown unit: {target.unit if first is None else actual.unit}")
    elif first.dimension is not second.dimension:
        reasons.append(f"units not comparable: {target.unit} ({first.dimension.value}) vs "
                       f"{actual.unit} ({second.dimension.value})")
    for side, item in (("target", target), ("outcome", actual)):
        if item.note and _DEFINITION_CHANGE.search(item.note):
            reasons.append(f"definition changed (口径), see the {side}'s note")
    if _PART_OF_YEAR.search(actual.name) or (actual.note and _PART_OF_YEAR.search(actual.note)):
        reasons.append("the outcome covers part of the year only")
    return reasons


def _estimate(actual: Target) -> bool:
    return actual.estimate


@dataclass(frozen=True)
class _Frame:
    """The target seen from its better side: `sign` turns "lower is better" into "higher"."""

    sign: int
    threshold: float  # oriented: the least good value that is met
    ambitious: float  # oriented: the target's ambitious end
    tolerance: float
    goal: float  # the deciding bound in the target's unit (not oriented)
    ratio_defined: bool
    bound: bool = False  # a ceiling on something bad (prices, unemployment, deficit): kept, never exceeded


def _frame(target: Target, settings: OutcomeSettings) -> _Frame:
    down = lower_is_better(target)
    sign = -1 if down else 1
    goal = float(target.value.high if down else target.value.low)
    ambitious = float(target.value.low if down else target.value.high)
    if is_rate(target.unit):
        unit = lookup(target.unit)
        assert unit is not None
        tolerance = (settings.rate_tolerance_pp if unit.dimension is Dimension.PERCENTAGE_POINT
                     else convert(settings.rate_tolerance_pp, "%", target.unit))
    else:
        tolerance = settings.level_tolerance * abs(goal)
    threshold = sign * goal - (tolerance if target.qualifier is Qualifier.ABOUT else 0.0)
    ratio_defined = not down and not is_rate(target.unit) and goal > 0
    # A lower-is-better target with a positive value bounds a quantity nobody wants more of
    # (CPI 3%左右, unemployment 5.5%): staying under it is met, and 0.2% inflation does not
    # "exceed" it. A decline (negative growth, 能耗下降3%) is a goal, and can be exceeded.
    bound = down and target.value.low >= 0
    return _Frame(sign, threshold, sign * ambitious, tolerance, goal, ratio_defined, bound)


def _at(value: float, frame: _Frame, settings: OutcomeSettings) -> OutcomeStatus:
    """The status of an outcome of exactly `value` (in the target's unit)."""
    oriented = frame.sign * value
    slack = _EPSILON * max(1.0, abs(oriented), abs(frame.threshold))
    if oriented > frame.ambitious + frame.tolerance + slack and not frame.bound:
        return OutcomeStatus.EXCEEDED
    if oriented >= frame.threshold - slack:
        return OutcomeStatus.MET
    if frame.ratio_defined and value / frame.goal >= settings.partial_from - _EPSILON:
        return OutcomeStatus.PARTIAL
    return OutcomeStatus.MISSED


def _stated_point(actual: Target, low: float, high: float) -> float:
    """The number an outcome states: the bound its qualifier starts from (the smaller decline
    of 下降3%~4%以上), else a range's midpoint."""
    at_least, at_most = (Qualifier.AT_LEAST, Qualifier.AT_MOST) if high >= 0 else (Qualifier.AT_MOST, Qualifier.AT_LEAST)
    if actual.qualifier is at_least:
        return low
    if actual.qualifier is at_most:
        return high
    return (low + high) / 2


def assess(target: Target, actual: Target | None, settings: OutcomeSettings = DEFAULT_SETTINGS) -> Assessment:
    """The verdict on `target` given the outcome reported for its year (None: none reported)."""
    if actual is None:
        return Assessment(OutcomeStatus.NO_DATA, notes=("no outcome reported",))
    reasons = not_comparable_reasons(target, actual)
    if reasons:
        return Assessment(OutcomeStatus.NOT_COMPARABLE, notes=tuple(reasons))
    frame = _frame(target, settings)
    low = convert(actual.value.low, actual.unit, target.unit)
    high = convert(actual.value.high, actual.unit, target.unit)
    point = _stated_point(actual, low, high)
    notes: list[str] = []
    # The stated outcome is an interval when a qualifier or an estimate leaves it open.
    estimate = _estimate(actual)
    if estimate:
        notes.append("the outcome is an estimate (预计)")
    # 下降3%以上 (-3, at_least) is a decline of at least 3%: for a negative number the
    # qualifier speaks of its size, so "at least" opens the interval downwards.
    upward, downward = Qualifier.AT_LEAST, Qualifier.AT_MOST
    if actual.value.high < 0:
        upward, downward = downward, upward
    if actual.qualifier in (downward, Qualifier.ABOUT) or estimate:
        low -= frame.tolerance
    if actual.qualifier in (upward, Qualifier.ABOUT) or estimate:
        high += frame.tolerance
    ends = {_at(low, frame, settings), _at(high, frame, settings)}
    if len(ends) == 1:
        status = ends.pop()
    elif ends <= REACHED:
        status = OutcomeStatus.MET  # reached either way; exceeded only if certain
    elif ends & REACHED:
        status = OutcomeStatus.PARTIAL
        notes.append("the outcome as stated may or may not reach the target")
    else:
        status = _at(point, frame, settings)
    rate = is_rate(target.unit)
    margin = point - frame.goal
    ratio = point / frame.goal if frame.ratio_defined else None
    if status is OutcomeStatus.PARTIAL and ratio is not None and ratio >= settings.nearly_there:
        notes.append(f"nearly there ({ratio:.0%} of the target)")
    return Assessment(status, margin, "个百分点" if rate and target.unit == "%" else target.unit, ratio, tuple(notes))


def verdict(target: Target, actual: Target, settings: OutcomeSettings = DEFAULT_SETTINGS) -> OutcomeStatus:
    """Just the status of `assess` (what `compare` shows beside a paired target)."""
    return assess(target, actual, settings).status
