"""The met/missed verdict (comparison.outcomes): one case per rule, qualifier and direction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from policydiff.comparison.outcomes import OutcomeSettings, OutcomeStatus, assess, verdict
from policydiff.contract.model import Direction, Metric, Qualifier, Target, Value

S = OutcomeStatus
DATA = Path(__file__).resolve().parents[1] / "data"


def target(value: float | tuple[float, float], unit: str = "%", qualifier: Qualifier = Qualifier.AT_LEAST,
           direction: Direction = Direction.UP, metric: Metric = Metric.GROWTH, note: str | None = None,
           name: str = "指标", year: int | None = None) -> Target:
    low, high = value if isinstance(value, tuple) else (value, value)
    return Target("x", name, Value(low, high), unit, metric=metric, qualifier=qualifier, direction=direction,
                  note=note, year=year)


def actual(value: float | tuple[float, float], unit: str = "%", qualifier: Qualifier = Qualifier.EXACT,
           **kwargs: object) -> Target:
    return target(value, unit, qualifier, year=2024, **kwargs)  # type: ignore[arg-type]


LEVEL = {"unit": "亿元", "metric": Metric.LEVEL}
A, E, M, C = Qualifier.AT_LEAST, Qualifier.EXACT, Qualifier.AT_MOST, Qualifier.ABOUT
DOWN = Direction.DOWN


@pytest.mark.parametrize(("goal", "outcome", "expected"), [
    # the examples
    pytest.param(target(8, qualifier=A), actual(4.5, qualifier=A), S.MISSED, id="4.5%以上-vs-8%以上-missed"),
    pytest.param(target(1000, qualifier=A, **LEVEL), actual(1000, qualifier=A, **LEVEL), S.MET,
                 id="突破千亿元-vs-1000亿元以上-met"),
    pytest.param(target(5.5, qualifier=C, direction=DOWN, metric=Metric.SHARE),
                 actual(5.1, metric=Metric.SHARE, direction=DOWN), S.MET, id="unemployment-5.1-vs-5.5左右-down-met"),
    # floor
    pytest.param(target(8, qualifier=A), actual(8), S.MET, id="floor-met-at-the-floor"),
    pytest.param(target(8, qualifier=A), actual(7.99), S.MISSED, id="floor-missed-just-below"),
    pytest.param(target(8, qualifier=A), actual(8.5), S.MET, id="floor-met-within-tolerance-above"),
    pytest.param(target(8, qualifier=A), actual(8.51), S.EXCEEDED, id="floor-exceeded-beyond-tolerance"),
    pytest.param(target(8, qualifier=E), actual(8.2), S.MET, id="exact-is-a-floor"),
    # ceiling
    pytest.param(target(3, qualifier=M), actual(3), S.MET, id="ceiling-met-at-the-ceiling"),
    pytest.param(target(3, qualifier=M), actual(3.1), S.MISSED, id="ceiling-missed-above"),
    pytest.param(target(3, qualifier=M), actual(2.4), S.MET, id="ceiling-well-below-is-met-never-exceeded"),
    pytest.param(target(3, qualifier=C, direction=DOWN), actual(0.2), S.MET, id="price-ceiling-far-below-is-met"),
    pytest.param(target(-3, qualifier=C, direction=DOWN), actual(-3.8), S.EXCEEDED, id="a-decline-goal-can-be-exceeded"),
    pytest.param(target(3, qualifier=E, direction=DOWN), actual(3.2), S.MISSED, id="direction-down-is-a-ceiling"),
    # range: met at its less ambitious end, exceeded beyond the other one
    pytest.param(target((6, 6.5), qualifier=E), actual(6.1), S.MET, id="range-6.1-vs-6-6.5-met"),
    pytest.param(target((6, 6.5), qualifier=E), actual(5.9), S.MISSED, id="range-below-lower-bound-missed"),
    pytest.param(target((6, 6.5), qualifier=E), actual(7.1), S.EXCEEDED, id="range-exceeded-above-upper-bound"),
    pytest.param(target((6, 6.5), qualifier=E), actual(7.0), S.MET, id="range-within-tolerance-of-upper-bound"),
    pytest.param(target((2, 3), qualifier=E, direction=DOWN), actual(2.9), S.MET, id="range-down-met-at-upper-bound"),
    pytest.param(target((2, 3), qualifier=E, direction=DOWN), actual(3.1), S.MISSED, id="range-down-missed-above"),
    # 左右: within the tolerance on the worse side
    pytest.param(target(7, qualifier=C), actual(6.9), S.MET, id="about-6.9-vs-7左右-met"),
    pytest.param(target(7, qualifier=C), actual(6.5), S.MET, id="about-met-at-the-tolerance"),
    pytest.param(target(7, qualifier=C), actual(6.49), S.MISSED, id="about-missed-beyond-tolerance"),
    pytest.param(target(5.5, qualifier=C), actual(3.0), S.MISSED, id="about-3.0-vs-5.5左右-missed"),
    pytest.param(target(5, qualifier=C), actual(5.6), S.EXCEEDED, id="about-exceeded"),
    pytest.param(target(5.5, qualifier=C, direction=DOWN), actual(5.9), S.MET, id="about-down-met-within-tolerance"),
    pytest.param(target(5.5, qualifier=C, direction=DOWN), actual(6.1), S.MISSED, id="about-down-missed"),
    pytest.param(target(5.5, qualifier=C, direction=DOWN), actual(4.9), S.MET, id="about-down-far-below-is-met"),
    pytest.param(target(1.4, "万亿斤", C, metric=Metric.LEVEL), actual(1.34, "万亿斤", metric=Metric.LEVEL), S.MET,
                 id="about-level-within-5-percent"),
    pytest.param(target(1.4, "万亿斤", C, metric=Metric.LEVEL), actual(1.32, "万亿斤", metric=Metric.LEVEL),
                 S.PARTIAL, id="about-level-beyond-tolerance-is-a-completion-band"),
    # declines: negative growth with direction down
    pytest.param(target(-3, qualifier=C, direction=DOWN), actual(-3.2, direction=DOWN), S.MET,
                 id="decline-3-about-achieved-3.2"),
    pytest.param(target(-3, qualifier=C, direction=DOWN), actual(-2.4, direction=DOWN), S.MISSED,
                 id="decline-3-about-achieved-only-2.4"),
    pytest.param(target(-3, qualifier=E, direction=DOWN), actual(-3.6, direction=DOWN), S.EXCEEDED,
                 id="decline-exceeded"),
    pytest.param(target(-3, qualifier=A, direction=DOWN), actual(-3.1, direction=DOWN), S.MET,
                 id="decline-at-least-3-achieved-3.1"),
    pytest.param(target(-3, qualifier=A, direction=DOWN), actual(-2.8, direction=DOWN), S.MISSED,
                 id="decline-at-least-3-achieved-only-2.8"),
    pytest.param(target(-3, qualifier=A, direction=DOWN), actual(-2.8, qualifier=A, direction=DOWN), S.PARTIAL,
                 id="decline-outcome-at-least-2.8-may-reach-3"),
    pytest.param(target(-3, qualifier=A, direction=DOWN), actual(-2.0, qualifier=A, direction=DOWN), S.MISSED,
                 id="decline-outcome-at-least-2-cannot-reach-3"),
    pytest.param(target(-3, qualifier=A, direction=DOWN), actual(-3.0, qualifier=A, direction=DOWN), S.MET,
                 id="decline-outcome-at-least-3-met-not-partial"),
    # units: rates in percentage points, levels converted
    pytest.param(target(1.3, "万亿元", A, **{"metric": Metric.LEVEL}), actual(13100, **LEVEL), S.MET,
                 id="levels-converted-万亿元-to-亿元"),
    pytest.param(target(50, "‰", A, metric=Metric.SHARE), actual(5.2, metric=Metric.SHARE), S.MET,
                 id="per-mille-against-percent"),
    # completion bands for levels and counts below their target (Open SDG's cut-offs)
    pytest.param(target(280, "个", E, metric=Metric.INCREMENT), actual(270, "个", metric=Metric.INCREMENT),
                 S.PARTIAL, id="ratio-0.96-nearly-there-partial"),
    pytest.param(target(280, "个", E, metric=Metric.INCREMENT), actual(168, "个", metric=Metric.INCREMENT),
                 S.PARTIAL, id="ratio-0.6-partial"),
    pytest.param(target(280, "个", E, metric=Metric.INCREMENT), actual(167, "个", metric=Metric.INCREMENT),
                 S.MISSED, id="ratio-below-0.6-missed"),
    pytest.param(target(2000, qualifier=A, **LEVEL), actual(1000, qualifier=A, **LEVEL), S.MISSED,
                 id="ratio-0.5-at-least-missed"),
    pytest.param(target(8, qualifier=A), actual(7.9), S.MISSED, id="rates-have-no-completion-band"),
    # an outcome a qualifier leaves uncertain
    pytest.param(target(8, qualifier=A), actual(7.8, qualifier=A), S.PARTIAL, id="at-least-just-below-partial"),
    pytest.param(target(8, qualifier=A), actual(8.0, qualifier=C), S.PARTIAL, id="about-outcome-at-the-floor-partial"),
    pytest.param(target(8, qualifier=A), actual(9.0, qualifier=C), S.MET, id="about-outcome-well-above-met"),
    pytest.param(target(3, qualifier=M), actual(3.2, qualifier=M), S.PARTIAL, id="at-most-just-above-ceiling-partial"),
    pytest.param(target(3, qualifier=M), actual(4, qualifier=M), S.MISSED, id="at-most-far-above-ceiling-missed"),
    pytest.param(target(8, qualifier=A), actual(9.6, qualifier=A), S.EXCEEDED, id="at-least-beyond-exceeded"),
    pytest.param(target(8, qualifier=A), actual((7, 9)), S.PARTIAL, id="range-outcome-straddling-partial"),
    # not comparable, no data
    pytest.param(target(8, qualifier=A), actual(8, metric=Metric.LEVEL), S.NOT_COMPARABLE, id="metric-differs"),
    pytest.param(target(8, qualifier=A, **LEVEL), actual(8, "万吨", metric=Metric.LEVEL), S.NOT_COMPARABLE,
                 id="unit-dimension-differs"),
    pytest.param(target(8, qualifier=A), actual(9, note="统计口径调整"), S.NOT_COMPARABLE, id="definition-change"),
    pytest.param(target(8, qualifier=A, note="口径变化"), actual(9), S.NOT_COMPARABLE, id="definition-change-on-target"),
    pytest.param(target(8, qualifier=A), actual(8.3, note="按同口径计算"), S.MET, id="same-basis-is-comparable"),
    pytest.param(target(8, qualifier=A), actual(9, name="前三季度地区生产总值"), S.NOT_COMPARABLE,
                 id="part-of-the-year"),
    pytest.param(target(8, qualifier=A), None, S.NO_DATA, id="no-outcome-is-no-data-not-missed"),
])
def test_verdict(goal: Target, outcome: Target | None, expected: OutcomeStatus) -> None:
    assert assess(goal, outcome).status is expected


@pytest.mark.parametrize(("settings", "goal", "outcome", "expected"), [
    pytest.param(OutcomeSettings(rate_tolerance_pp=0.3), target(5.5, qualifier=C, direction=DOWN),
                 actual(5.9), S.MISSED, id="narrower-rate-tolerance"),
    pytest.param(OutcomeSettings(rate_tolerance_pp=1.0), target(7, qualifier=C), actual(6.2), S.MET,
                 id="wider-rate-tolerance"),
    pytest.param(OutcomeSettings(level_tolerance=0.01), target(1.4, "万亿斤", C, metric=Metric.LEVEL),
                 actual(1.37, "万亿斤", metric=Metric.LEVEL), S.PARTIAL, id="narrower-level-tolerance"),
    pytest.param(OutcomeSettings(partial_from=0.7), target(280, "个", E, metric=Metric.INCREMENT),
                 actual(179, "个", metric=Metric.INCREMENT), S.MISSED, id="higher-partial-band"),
])
def test_settings_change_the_verdict(settings: OutcomeSettings, goal: Target, outcome: Target,
                                     expected: OutcomeStatus) -> None:
    assert assess(goal, outcome).status is not expected
    assert assess(goal, outcome, settings).status is expected


def test_rates_are_compared_in_percentage_points() -> None:
    result = assess(target(8, qualifier=A), actual(4.5, qualifier=A))
    assert result.margin == pytest.approx(-3.5)
    assert result.margin_unit == "个百分点"
    assert result.ratio is None  # never a % of a %


def test_levels_have_a_margin_in_the_target_unit_and_a_ratio() -> None:
    result = assess(target(1.3, "万亿元", A, metric=Metric.LEVEL), actual(12000, **LEVEL))
    assert result.margin == pytest.approx(-0.1)
    assert result.margin_unit == "万亿元"
    assert result.ratio == pytest.approx(12000 / 13000)
    assert result.status is S.PARTIAL


def test_nearly_there_is_noted() -> None:
    result = assess(target(280, "个", E, metric=Metric.INCREMENT), actual(270, "个", metric=Metric.INCREMENT))
    assert any("nearly there" in note for note in result.notes)
    result = assess(target(280, "个", E, metric=Metric.INCREMENT), actual(179, "个", metric=Metric.INCREMENT))
    assert not any("nearly there" in note for note in result.notes)


def test_a_decline_has_no_ratio() -> None:
    assert assess(target(-3, qualifier=E, direction=DOWN), actual(-2, direction=DOWN)).ratio is None


@pytest.mark.parametrize(("value", "expected"), [
    pytest.param(8.2, S.PARTIAL, id="estimate-just-above-the-floor-is-uncertain"),
    pytest.param(7.8, S.PARTIAL, id="estimate-just-below-the-floor-is-uncertain"),
    pytest.param(8.9, S.MET, id="estimate-above-but-maybe-not-exceeded-is-met"),
    pytest.param(9.6, S.EXCEEDED, id="estimate-far-above-is-exceeded"),
    pytest.param(6.0, S.MISSED, id="estimate-far-below-is-missed"),
])
def test_an_estimate_near_the_target_is_partial(value: float, expected: OutcomeStatus) -> None:
    result = assess(target(8, qualifier=A), replace(actual(value), estimate=True))
    assert result.status is expected
    assert "the outcome is an estimate (预计)" in result.notes


def test_verdict_is_the_status_of_assess() -> None:
    goal, outcome = target(8, qualifier=A), actual(4.5, qualifier=A)
    assert verdict(goal, outcome) is assess(goal, outcome).status is S.MISSED


def test_compare_outcome_notes_use_the_same_verdict() -> None:
    """One rule, two views: compare 2024 2025 shows the misses the scorecard counts."""
    from policydiff.comparison.pipeline import compare

    report = compare(2024, 2025, data_dir=DATA)
    verdicts = {c.before.id: c.outcome.verdict for c in report.changes if c.before and c.outcome}
    assert verdicts["retail-sales-growth"] is S.MISSED  # 4.5%以上 against 8%以上
    assert verdicts["pv-output-value"] is S.MISSED  # 1000亿元以上 against 2000亿元以上
    assert verdicts["rare-earth-output-value"] is S.MET  # 1000亿元以上 against 1000亿元以上
    assert "unknown" not in {v.value for v in verdicts.values()}
