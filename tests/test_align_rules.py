"""Alignment rules that misfired on real names: one regression case per misfire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policydiff.cli.app import app
from policydiff.comparison.align import SAME_ID_BONUS, AlignSettings, align, features, scope_prefix, score
from policydiff.comparison.normalise import normalise_name
from policydiff.contract.model import Metric, Target, Value


def target(name: str, ident: str, unit: str = "个", metric: Metric = Metric.INCREMENT, value: float = 1) -> Target:
    return Target(ident, name, Value.of(value), unit, metric=metric, sector="investment")


@pytest.mark.parametrize(("first", "second"), [
    pytest.param("自治区重点实验室", "重点实验室", id="autonomous-region-is-above-the-city"),
    pytest.param("城镇老旧小区改造", "改造", id="housing-estate-xiaoqu"),
    pytest.param("农村牧区人居环境整治", "人居环境整治", id="pastoral-areas-muqu"),
    pytest.param("绿色园区工业产值", "工业产值", id="generic-green-parks"),
    pytest.param("三大旗帜型产业产值", "产业产值", id="flagship-qizhi"),
])
def test_words_that_end_like_a_place_are_not_a_scope(first: str, second: str) -> None:
    assert scope_prefix(normalise_name(first), normalise_name(second)) == ""


@pytest.mark.parametrize(("first", "second", "place"), [
    pytest.param("九原区工业产值", "工业产值", "九原区", id="district"),
    pytest.param("达茂旗光伏产业产值", "光伏产业产值", "达茂旗", id="banner"),
    pytest.param("金山工业园区产值", "产值", "金山工业园区", id="named-park"),
    pytest.param("稀土高新区稀土产业产值", "稀土产业产值", "稀土高新区", id="high-tech-zone"),
])
def test_real_places_still_limit_the_scope(first: str, second: str, place: str) -> None:
    assert scope_prefix(normalise_name(first), normalise_name(second)) == place


def test_a_term_inside_a_qualifier_is_not_the_measure() -> None:
    """投资亿元以上重大项目 628 vs 重大项目 650 scored 0.49: 投资 read as the measure."""
    value, signals, veto = score(features(target("投资亿元以上重大项目", "a")), features(target("重大项目", "b")))
    assert not veto
    assert value >= AlignSettings().confident
    assert not any(s.name == "specialised" for s in signals)
    assert any(s.name == "qualifier" for s in signals)


def test_a_real_measure_term_still_counts() -> None:
    value, signals, _ = score(features(target("重大项目投资", "a", "亿元", Metric.LEVEL)),
                              features(target("重大项目", "b", "亿元", Metric.LEVEL)))
    assert any(s.name == "specialised" for s in signals)


def test_the_same_id_in_both_years_is_strong_evidence() -> None:
    before = (target("招商引资到位资金", "investment-funds"),)
    after_same = (target("引进国内区外到位资金", "investment-funds"),)
    after_other = (target("引进国内区外到位资金", "domestic-funds"),)
    settings = AlignSettings(accept=0.45)
    paired = align(before, after_same, 2024, 2025, settings=settings)
    unpaired = align(before, after_other, 2024, 2025, settings=settings)
    assert paired.pairs and any(s.name == "same_id" for s in paired.pairs[0].signals)
    assert not unpaired.pairs
    assert paired.pairs[0].score == pytest.approx(score(features(before[0]), features(after_other[0]))[0] + SAME_ID_BONUS)


def test_same_id_does_not_override_a_veto() -> None:
    value, _, veto = score(features(target("多晶硅产能", "x", "万吨", Metric.LEVEL)),
                           features(target("单晶硅产能", "x", "万吨", Metric.LEVEL)))
    assert veto and value == 0.0


def test_explain_shows_three_decimals_and_the_deciding_signal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    head = "schema_version: 1\nregion: 测试市\nyear: {year}\nsources:\n  - {{id: wr, title: t, kind: work_report}}\ntargets:\n"
    (tmp_path / "a.yaml").write_text(head.format(year=2030) + (
        "  - {id: smes, name: 专精特新中小企业, sector: enterprises, metric: increment, value: 10, unit: 家}\n"),
        encoding="utf-8")
    (tmp_path / "b.yaml").write_text(head.format(year=2031) + (
        "  - {id: giants, name: 国家专精特新小巨人企业, sector: enterprises, metric: increment, value: 10, unit: 家}\n"
        "  - {id: regional, name: 自治区专精特新中小企业, sector: enterprises, metric: increment, value: 30, unit: 家}\n"),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["align", "a.yaml", "b.yaml", "--explain"])
    assert result.exit_code == 0, result.output
    assert "→ regional" in result.stdout  # the scope rule no longer reads 自治区 as a district
    assert re.search(r"score \d\.\d{3}  \(next giants \d\.\d{3}; decided by \w+ [+-]\d\.\d{3}\)", result.stdout)


@pytest.mark.parametrize(("years", "before_id", "after_id"), [
    pytest.param((2024, 2025), "major-projects", "major-projects", id="qualified-major-projects"),
    pytest.param((2024, 2026), "new-specialised-smes", "regional-specialized-smes", id="regional-not-a-district"),
])
def test_bundled_pairs_the_rules_used_to_miss(years: tuple[int, int], before_id: str, after_id: str) -> None:
    import policydiff
    from policydiff.load.datadir import bundled_data_dir

    report = policydiff.compare(*years, data_dir=bundled_data_dir())
    change = next(c for c in report.changes if c.before is not None and c.before.id == before_id)
    assert change.after is not None and change.after.id == after_id
