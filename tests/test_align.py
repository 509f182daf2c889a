"""Alignment: which indicator names pair across years, and which must never pair."""

from __future__ import annotations

import pytest

from policydiff.comparison.align import AlignSettings, align, features, score
from policydiff.comparison.links import Link, Links, TargetRef
from policydiff.contract.model import Metric, Target, Value


def target(name: str, unit: str = "亿元", metric: str = "level", name_en: str | None = None,
           sector: str | None = None, ident: str | None = None, value: float = 1) -> Target:
    return Target(id=ident or f"t{abs(hash((name, unit, metric))) % 10**8}", name=name, name_en=name_en,
                  value=Value.of(value), unit=unit, metric=Metric(metric), sector=sector)


SAME_INDICATOR = [
    pytest.param("新型储能装机规模", "新型储能装机容量", "GW", id="capacity-synonym"),
    pytest.param("规模以上工业增加值", "规上工业增加值", "%", id="guishang-abbreviation"),
    pytest.param("全社会研发投入", "全社会研究与试验发展经费", "%", id="rd-long-form"),
    pytest.param("地区生产总值增速", "地区生产总值增长", "%", id="growth-wording"),
    pytest.param("全市城镇新增就业", "城镇新增就业", "万人", id="boilerplate-quanshi"),
    pytest.param("多晶矽產能", "多晶硅产能", "万吨", id="traditional-script"),
    pytest.param("ＧＤＰ", "GDP", "%", id="full-width"),
]

DIFFERENT_INDICATOR = [
    pytest.param("多晶硅产能", "单晶硅产能", "万吨", id="poly-vs-mono"),
    pytest.param("稀土产业产值", "稀土新材料产值", "亿元", id="whole-vs-segment"),
    pytest.param("稀土新材料产值", "稀土应用产值", "亿元", id="segment-vs-segment"),
    pytest.param("磁材产能", "磁材产量", "万吨", id="capacity-vs-output"),
    pytest.param("城镇登记失业率", "城镇调查失业率", "%", id="registered-vs-surveyed"),
    pytest.param("专技人才", "高技能人才", "人", id="talent-kinds"),
    pytest.param("独角兽企业", "瞪羚企业", "家", id="unicorn-vs-gazelle"),
    pytest.param("物流产业产值", "钢铁产业产值", "亿元", id="different-industry"),
]


@pytest.mark.parametrize(("first", "second", "unit"), SAME_INDICATOR)
def test_same_indicator_pairs(first: str, second: str, unit: str) -> None:
    value, _, veto = score(features(target(first, unit)), features(target(second, unit)))
    assert not veto
    assert value >= AlignSettings().accept


@pytest.mark.parametrize(("first", "second", "unit"), DIFFERENT_INDICATOR)
def test_different_indicator_never_pairs(first: str, second: str, unit: str) -> None:
    value, _, veto = score(features(target(first, unit)), features(target(second, unit)))
    assert veto or value < AlignSettings().accept


def test_incompatible_units_are_vetoed() -> None:
    value, signals, veto = score(features(target("稀土产业产值", "亿元")), features(target("稀土产业产值", "万吨")))
    assert veto and value == 0
    assert signals[0].name == "unit"


def test_metric_mismatch_loses_to_same_metric_candidate() -> None:
    before = (target("研发投入", "%", "growth", ident="rd-growth"),)
    after = (target("研发投入", "%", "share", ident="rd-share"), target("研发投入增速", "%", "growth", ident="rd-g"))
    result = align(before, after, 2024, 2025)
    assert [(p.before.id, p.after.id) for p in result.pairs] == [("rd-growth", "rd-g")]


def test_assignment_is_global_not_greedy_per_row() -> None:
    # The first target's best candidate is better used by the second target (an exact match).
    before = (target("稀土产业产值", ident="a"), target("稀土产业总产值", ident="b"))
    after = (target("稀土产业总产值", ident="x"),)
    result = align(before, after, 2024, 2025)
    assert [(p.before.id, p.after.id) for p in result.pairs] == [("b", "x")]
    assert [t.id for t in result.unpaired_before] == ["a"]


def test_ties_break_by_file_order() -> None:
    before = (target("绿色工厂", "家", ident="first"), target("绿色工厂", "家", ident="second"))
    after = (target("绿色工厂", "家", ident="only"),)
    assert align(before, after, 2024, 2025).pairs[0].before.id == "first"


def test_english_names_support_a_weak_chinese_match() -> None:
    first = target("引进国内到位资金", "%", "growth", "domestic funds in place growth")
    second = target("招商引资到位资金量", "%", "growth", "investment funds in place growth")
    without = score(features(target(first.name, "%", "growth")), features(target(second.name, "%", "growth")))[0]
    with_english = score(features(first), features(second))[0]
    assert with_english > without


def test_pin_and_forbid_are_honoured() -> None:
    before = (target("甲指标", ident="a"), target("绿色工厂", "家", ident="b"))
    after = (target("完全不同的名字", ident="x"), target("绿色工厂", "家", ident="y"))
    links = Links(pins=(Link(TargetRef(2024, "a"), TargetRef(2025, "x"), "renamed"),),
                  forbids=(Link(TargetRef(2024, "b"), TargetRef(2025, "y")),))
    result = align(before, after, 2024, 2025, links)
    assert [(p.before.id, p.after.id, p.link.value) for p in result.pairs] == [("a", "x", "pinned")]
    assert {t.id for t in result.unpaired_after} == {"y"}


def test_low_scores_are_marked_for_review() -> None:
    settings = AlignSettings(accept=0.3, confident=0.99)
    result = align((target("绿色工厂", "家"),), (target("绿色工厂名单", "家"),), 2024, 2025, settings=settings)
    assert result.pairs and result.pairs[0].review


def test_large_blocks_use_the_shortlist_and_find_the_same_pairs() -> None:
    names = [f"指标{chr(0x4e00 + i)}{chr(0x4e50 + i)}产值" for i in range(60)]
    before = tuple(target(n, ident=f"b{i}") for i, n in enumerate(names))
    after = tuple(target(n, ident=f"a{i}") for i, n in enumerate(reversed(names)))
    exhaustive = align(before, after, 2024, 2025, settings=AlignSettings(exhaustive_limit=10**9))
    shortlisted = align(before, after, 2024, 2025, settings=AlignSettings(exhaustive_limit=10))
    pairs = lambda r: {(p.before.id, p.after.id) for p in r.pairs}  # noqa: E731
    assert pairs(exhaustive) == pairs(shortlisted)
    assert len(pairs(exhaustive)) == 60


@pytest.mark.parametrize(("first", "second"), [
    pytest.param("电化学储能高技能人才", "九原工业园区电化学储能高技能人才", id="park"),
    pytest.param("规上工业企业", "昆都仑区规上工业企业", id="district"),
    pytest.param("稀土产业产值", "稀土高新区稀土产业产值", id="high-tech-zone"),
])
def test_a_district_target_is_not_the_city_target(first: str, second: str) -> None:
    value, signals, _ = score(features(target(first, "人")), features(target(second, "人")))
    assert any(s.name == "scope" for s in signals)
    assert value < AlignSettings().confident


def test_a_place_word_inside_the_name_is_not_a_scope() -> None:
    _, signals, _ = score(features(target("城镇老旧小区改造面积", "万平方米")),
                          features(target("老旧小区改造面积", "万平方米")))
    assert not any(s.name == "scope" for s in signals)
