"""The bundled Baotou data: the pairs a careful analyst makes (the issue's quality bar)."""

from __future__ import annotations

from functools import cache

import pytest

import policydiff
from policydiff.comparison.report import Change, Report, Status
from policydiff.load.datadir import bundled_data_dir


@cache
def report(before: int, after: int) -> Report:
    return policydiff.compare(before, after, data_dir=bundled_data_dir())


def find(rep: Report, name: str, side: str, value: float | None = None) -> Change:
    for change in rep.changes:
        target = change.before if side == "from" else change.after
        if target is not None and target.name == name and (value is None or target.value.low == value):
            return change
    raise AssertionError(f"no change with {side} name {name}")


@pytest.mark.parametrize(("years", "name", "status", "values"), [
    pytest.param((2024, 2025), "晶硅光伏产业产值", Status.LOWERED, (2000, 1200), id="pv-output-lowered"),
    pytest.param((2024, 2025), "稀土产业产值", Status.RAISED, (1000, 1300), id="rare-earth-output-raised"),
    pytest.param((2024, 2025), "地区生产总值", Status.LOWERED, (9, 8), id="gdp-growth-lowered"),
    pytest.param((2024, 2025), "全社会研发投入", Status.LOWERED, (20, 10), id="rd-growth-lowered"),
])
def test_expected_pairs(years: tuple[int, int], name: str, status: Status, values: tuple[float, float]) -> None:
    change = find(report(*years), name, "from", values[0])
    assert change.status is status
    assert change.before and change.after
    assert (change.before.value.low, change.after.value.low) == values


def test_rare_earth_output_never_pairs_with_segments() -> None:
    change = find(report(2024, 2025), "稀土产业产值", "from", 1000)
    assert change.after is not None and change.after.name == "稀土产业产值"
    for segment in ("稀土新材料产值", "稀土应用产值"):
        for c in report(2024, 2025).changes:
            if c.before and c.before.name == segment:
                assert c.after is None or "新材料" in c.after.name or "应用" in c.after.name


@pytest.mark.parametrize(("name", "unit"), [
    pytest.param("经济总量", "亿元", id="economy-size-new"),
    pytest.param("全社会研发投入", "亿元", id="rd-total-new"),
])
def test_new_level_targets_in_2025(name: str, unit: str) -> None:
    change = next(c for c in report(2024, 2025).changes if c.after and c.after.name == name and c.after.unit == unit)
    assert change.status is Status.NEW


def test_rd_growth_2025_pairs_with_rd_expenditure_2026_unchanged() -> None:
    change = find(report(2025, 2026), "全社会研究与试验发展经费", "to")
    assert change.before is not None and change.before.name == "全社会研发投入"
    assert change.status is Status.UNCHANGED


def test_2026_has_no_work_report_so_its_targets_are_not_covered() -> None:
    rep = report(2025, 2026)
    assert not rep.coverage.complete
    assert find(rep, "经济总量", "from").status is Status.NOT_COVERED
    # also set by the 2025 一号文件, but the 2026 一号文件 covers science and technology only
    # (its `covers`): not a drop, whatever the kind of document
    for name in ("晶硅光伏产业产值", "稀土产业产值", "风电装备制造产业产值"):
        assert find(rep, name, "from").status is Status.NOT_COVERED, name


def test_a_target_of_a_sector_the_later_documents_cover_is_dropped() -> None:
    dropped = [c for c in report(2025, 2026).changes if c.status is Status.DROPPED]
    assert dropped
    covered = {"science-tech", "talent", "enterprises", "digital", "industry"}
    assert all(c.before is not None and c.before.sector in covered for c in dropped)


def test_outcomes_say_whether_2024_targets_were_met() -> None:
    change = find(report(2024, 2025), "规上工业企业", "from")
    assert change.outcome is not None
    assert change.outcome.verdict.value == "exceeded"  # 100 planned, 145 reported: 45% over, beyond the 5% tolerance


def test_no_change_is_both_raised_and_incomparable() -> None:
    for rep in (report(2024, 2025), report(2025, 2026), report(2024, 2026)):
        for change in rep.changes:
            if change.status in (Status.RAISED, Status.LOWERED):
                assert change.before and change.after
                assert change.before.metric is change.after.metric
