"""policydiff extract: sentences in, targets and results out (curation.extract), by rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.cli.app import main
from policydiff.contract.errors import UnreadableFileError
from policydiff.contract.numerals import parse_number, to_chinese
from policydiff.curation.extract import extract_text
from policydiff.curation.extract.decode import decode_text
from policydiff.curation.extract.frames import plan_year
from policydiff.curation.extract.quantities import mentions
from policydiff.curation.extract.text import fold, paragraphs, parts, squeeze
from policydiff.load.loader import check_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "seeds").is_dir()), None)

Row = tuple[str, str, object, str, str, str, bool, str]


def drafted(text: str, year: int = 2025) -> list[Row]:
    """(t|a, name, value, unit, metric, qualifier, strive, direction) of every drafted item."""
    target_set = extract_text(text, year=year).target_set
    return [("t" if item.year is None else "a", item.name, item.value.to_json(), item.unit, item.metric.value,
             item.qualifier.value, item.strive, item.direction.value)
            for item in (*target_set.targets, *target_set.actuals)]


CASES = [
    pytest.param("今年主要预期目标是：地区生产总值增长8%左右，规上工业增加值增长14%以上。",
                 [("t", "地区生产总值", 8, "%", "growth", "about", False, "up"),
                  ("t", "规上工业增加值", 14, "%", "growth", "at_least", False, "up")], id="main-targets"),
    pytest.param("2025年，全市稀土产业产值达到1300亿元以上。",
                 [("t", "稀土产业产值", 1300, "亿元", "level", "at_least", False, "up")], id="plan-year-named"),
    pytest.param("年内多晶硅、单晶硅产能分别达到87万吨、253GW,均占全国产能40%以上。",
                 [("t", "多晶硅产能", 87, "万吨", "level", "exact", False, "up"),
                  ("t", "单晶硅产能", 253, "GW", "level", "exact", False, "up"),
                  ("t", "多晶硅产能占全国产能", 40, "%", "share", "at_least", False, "up"),
                  ("t", "单晶硅产能占全国产能", 40, "%", "share", "at_least", False, "up")], id="respectively-and-jun"),
    pytest.param("年内切片、电池片产能分别达到88GW、60GW,占全国产能分别达到15%以上、10%以上。",
                 [("t", "切片产能", 88, "GW", "level", "exact", False, "up"),
                  ("t", "电池片产能", 60, "GW", "level", "exact", False, "up"),
                  ("t", "切片产能占全国产能", 15, "%", "share", "at_least", False, "up"),
                  ("t", "电池片产能占全国产能", 10, "%", "share", "at_least", False, "up")], id="respectively-twice"),
    pytest.param("力争新开工亿元以上产业类项目200个以上、到位资金量突破1200亿元、增长20%以上。",
                 [("t", "新开工亿元以上产业类项目", 200, "个", "increment", "at_least", True, "up"),
                  ("t", "到位资金量", 1200, "亿元", "increment", "at_least", True, "up"),
                  ("t", "到位资金量", 20, "%", "growth", "at_least", True, "up")], id="strive-governs-the-list"),
    pytest.param("年内力争引进培育独角兽、瞪羚企业3~5家。",
                 [("t", "独角兽、瞪羚企业", [3, 5], "家", "increment", "exact", True, "up")], id="range-tilde"),
    pytest.param("国内生产总值预期增长6.5%－7%。",
                 [("t", "国内生产总值", [6.5, 7], "%", "growth", "exact", False, "up")], id="range-full-width-dash"),
    pytest.param("居民消费价格涨幅4.5%至5%。",
                 [("t", "居民消费价格涨幅", [4.5, 5], "%", "growth", "exact", False, "down")], id="range-zhi"),
    pytest.param("城镇调查失业率5.0%—5.5%。",
                 [("t", "城镇调查失业率", [5, 5.5], "%", "share", "exact", False, "down")], id="range-em-dash"),
    pytest.param("单位国内生产总值能耗降低2.5%左右。",
                 [("t", "单位国内生产总值能耗", -2.5, "%", "growth", "about", False, "down")], id="decline"),
    pytest.param("二氧化硫、氮氧化物排放量要下降3%。",
                 [("t", "二氧化硫排放量", -3, "%", "growth", "exact", False, "down"),
                  ("t", "氮氧化物排放量", -3, "%", "growth", "exact", False, "down")], id="one-rate-for-a-list"),
    pytest.param("新增专技人才1.2万人、高技能人才3000人。",
                 [("t", "专技人才", 1.2, "万人", "increment", "exact", False, "up"),
                  ("t", "高技能人才", 3000, "人", "increment", "exact", False, "up")], id="list-sharing-the-verb"),
    pytest.param("年内新增10家以上绿色工厂。",
                 [("t", "绿色工厂", 10, "家", "increment", "at_least", False, "up")], id="count-before-noun"),
    pytest.param("年内建成储能电站200万千瓦时以上。",
                 [("t", "储能电站", 200, "万千瓦时", "increment", "at_least", False, "up")], id="longest-unit"),
    pytest.param("今年拟安排地方政府专项债券两千亿元。",
                 [("t", "地方政府专项债券", 2000, "亿元", "level", "exact", False, "up")], id="liang-qian"),
    pytest.param("整体通关时间再压缩三分之一。",
                 [("t", "整体通关时间", -33.3, "%", "growth", "exact", False, "down")], id="one-third"),
    pytest.param("工程建设项目审批时间再压减一半。",
                 [("t", "工程建设项目审批时间", -50, "%", "growth", "exact", False, "down")], id="one-half"),
    pytest.param("今年举办各类招聘活动近百场。",
                 [("t", "各类招聘活动", 100, "场", "level", "about", False, "up")], id="jin-bai"),
    pytest.param("今年城镇新增就业十五点八万人。",
                 [("t", "城镇新增就业", 15.8, "万人", "increment", "exact", False, "up")], id="chinese-decimal"),
    pytest.param("年内引进人才3万4000人。",
                 [("t", "人才", 34000, "人", "increment", "exact", False, "up")], id="mixed-wan"),
    pytest.param("今年城镇调查失业率控制在百分之五点五以内。",
                 [("t", "城镇调查失业率", 5.5, "%", "share", "at_most", False, "down")], id="percent-in-words"),
    pytest.param("过去一年，地区生产总值增长5.2%，城镇新增就业4.2万人。",
                 [("a", "地区生产总值", 5.2, "%", "growth", "exact", False, "up"),
                  ("a", "城镇新增就业", 4.2, "万人", "increment", "exact", False, "up")], id="review"),
    pytest.param("国内生产总值达到134.9万亿元、增长5%。",
                 [("t", "国内生产总值", 134.9, "万亿元", "level", "exact", False, "up"),
                  ("t", "国内生产总值", 5, "%", "growth", "exact", False, "up")], id="name-carried-to-the-next-number"),
    pytest.param("城镇化率由45.9%提高到52.6%。",
                 [("t", "城镇化率", 52.6, "%", "share", "exact", False, "up")], id="from-to-keeps-the-end"),
    pytest.param("今年中央预算内投资安排5376亿元，比去年增加300亿元。",
                 [("t", "中央预算内投资", 5376, "亿元", "level", "exact", False, "up")], id="comparison-left-out"),
    pytest.param("主攻650个重大项目,继续按季度组织开展观摩测评,力保投产300个以上。",
                 [("t", "重大项目", 650, "个", "increment", "exact", False, "up"),
                  ("t", "重大项目投产", 300, "个", "increment", "at_least", False, "up")], id="verb-only-takes-the-name-before"),
    pytest.param("年內新增專技人才1.3萬人。",
                 [("t", "專技人才", 1.3, "万人", "increment", "exact", False, "up")], id="traditional-script"),
    pytest.param("地区生产总值增长２.３％。",
                 [("t", "地区生产总值", 2.3, "%", "growth", "exact", False, "up")], id="full-width-digits"),
    pytest.param("年内注册上线企业达到 850 家,交易规模达到 200 亿元。",
                 [("t", "注册上线企业", 850, "家", "level", "exact", False, "up"),
                  ("t", "交易规模", 200, "亿元", "level", "exact", False, "up")], id="pdf-spaces"),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_sentence(sentence: str, expected: list[Row]) -> None:
    assert drafted(sentence) == expected


NOTHING = [
    pytest.param("对新认定的瞪羚企业给予最高30万元奖励。", id="subsidy-cap"),
    pytest.param("上年度营业收入在1000万元至5000万元之间的企业可申报。", id="eligibility-threshold"),
    pytest.param("办好第十五届全国运动会。", id="ordinal"),
    pytest.param("2025年1月5日在包头市第十六届人民代表大会第三次会议上。", id="date"),
    pytest.param("推动华电明阳明拓50万千瓦风光制氢项目建设。", id="single-named-project"),
    pytest.param("加快圣泉科利源新材料年产10万吨多元稀土合金等项目建设。", id="project-capacity"),
    pytest.param("到2027年，战新产业产值达到5000亿元。", id="horizon-year"),
    pytest.param("五年来，城镇新增就业累计6600万人。", id="five-years"),
    pytest.param("今年国内生产总值年均增长6%。", id="annual-average"),
    pytest.param("在全国百强城市中排名第30位。", id="ranking"),
    pytest.param("出台稳经济80条等政策措施。", id="number-in-a-name"),
    pytest.param("今年要坚持一个中国原则，做到两个维护。", id="small-numerals-in-prose"),
    pytest.param("加强PM2.5和臭氧协同控制，推进5G网络建设。", id="numbers-inside-words"),
    pytest.param("淘汰关停不达标的30万千瓦以下煤电机组。", id="class-of-things"),
    pytest.param("从经济基本面看，6.5%左右的增速可以实现比较充分的就业。", id="share-describing-a-noun"),
    pytest.param("21个月攻坚战全面展开。", id="not-a-unit-before-a-word"),
]


@pytest.mark.parametrize("sentence", NOTHING)
def test_no_target(sentence: str) -> None:
    assert drafted(sentence) == []


def test_horizon_goals_are_listed_not_drafted() -> None:
    extraction = extract_text("到2027年，战新产业产值达到5000亿元。今年地区生产总值增长8%左右。", year=2025)
    assert [t.name for t in extraction.target_set.targets] == ["地区生产总值"]
    assert [d.quote for d in extraction.horizon] == ["战新产业产值达到5000亿元"]
    assert "战新产业产值达到5000亿元" in extraction.to_yaml().split("targets:")[1]  # in the footer comment


def test_estimate_is_marked() -> None:
    actual = extract_text("预计全年全社会研发投入增长20%以上。", year=2025).target_set.actuals[0]
    assert actual.year == 2024
    assert getattr(actual, "estimate", False) or "预计" in (actual.note or "")


def test_a_magnitude_of_a_known_unit_is_declared_in_the_draft() -> None:
    extraction = extract_text("过去一年，新能源汽车产量达到1.3亿辆。", year=2025)
    (actual,) = extraction.target_set.actuals
    assert (actual.value.low, actual.unit) == (1.3, "亿辆")
    (declared,) = extraction.target_set.declared_units
    assert (declared.symbol, declared.dimension, declared.factor) == ("亿辆", "count", 1e8)
    assert not extraction.unknown_units


def test_quote_is_verbatim_after_whitespace_normalisation() -> None:
    text = "年内形成先进金属材料产能 800 万吨,产值达到 600 亿\n元。"
    for target in extract_text(text, year=2025).target_set.targets:
        for evidence in target.evidence:
            assert evidence.quote in re.sub(r"\s+", "", text)


# -- plan year -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "year"), [
    pytest.param("2025年包头市人民政府工作报告", 2025, id="title"),
    pytest.param("一、2024年工作回顾\n过去一年……", 2025, id="review-heading"),
    pytest.param("做好2024年科技创新工作", 2024, id="zuo-hao"),
    pytest.param("——2024年1月17日在包头市第十六届人民代表大会第三次会议上", 2024, id="delivery-date"),
    pytest.param("没有年份", None, id="none"),
])
def test_plan_year(text: str, year: int | None) -> None:
    assert plan_year(text) == year


# -- numerals ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    pytest.param("1,200", 1200, id="thousands-separator"), pytest.param("一千二百", 1200, id="chinese"),
    pytest.param("两千", 2000, id="liang"), pytest.param("十五点八万", 158000, id="decimal-wan"),
    pytest.param("3万4000", 34000, id="mixed"), pytest.param("1.3万亿", 1.3e12, id="wan-yi"),
    pytest.param("百分之八", 8, id="percent"), pytest.param("三分之一", 1 / 3, id="fraction"),
    pytest.param("一半", 0.5, id="half"), pytest.param("百", 100, id="bai"),
    pytest.param("三千五", 3500, id="shorthand"), pytest.param("一亿零五", 100000005, id="zero-sections"),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "十四五", "二十届", "一二", "千百"])
def test_not_a_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_chinese_numerals_round_trip(number: int, liang: bool) -> None:
    assert parse_number(to_chinese(number, liang)) == number


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9999))
def test_mixed_wan_forms(high: int, low: int) -> None:
    assert parse_number(f"{high}万{low}" if low >= 1000 else f"{high}万") == high * 10_000 + (low if low >= 1000 else 0)


@given(st.integers(min_value=1, max_value=10**9))
def test_arabic_with_separators(number: int) -> None:
    assert parse_number(f"{number:,}") == number


@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["万元", "亿元", "万吨", "家", "%", "万千瓦时"]))
def test_stated_quantity_in_a_clause(number: int, unit: str) -> None:
    found = mentions(fold(f"产值达到{number}{unit}以上"))
    assert [(m.value.low, m.unit) for m in found] == [(number, unit)]


# -- units and quantities ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("200万千瓦时", [(200, "万千瓦时")], id="longest-unit-not-multiplier"),
    pytest.param("新增并网300万千瓦", [(300, "万千瓦")], id="wan-kw"),
    pytest.param("1.3万亿元", [(1.3, "万亿元")], id="wan-yi-yuan"),
    pytest.param("惠及1100多万人", [(1100, "万人")], id="duo-before-wan"),
    pytest.param("3.7亿千瓦", [(3.7, "亿千瓦")], id="magnitude-and-unit-not-in-table"),
    pytest.param("21个月", [], id="ge-yue"), pytest.param("C919大飞机", [], id="letters"),
])
def test_units(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(m.value.low, m.unit) for m in mentions(fold(text))] == expected


# -- text normalisation and decoding ---------------------------------------------------------------


def test_pdf_lines_rejoined_and_spaces_removed() -> None:
    body = "年内形成先进金属材料产能 800 万吨,产值达到 600 亿元。(牵头单位:市工信局;责任单位:市发改委)" * 2
    broken = body[:70] + "\n" + body[70:]
    assert paragraphs("一、加快发展\n" + broken) == ["一、加快发展", squeeze(body)]
    assert squeeze("统 筹推进 1000 亿元, Report on") == "统筹推进1000亿元,Report on"


def test_bundle_split_at_bullets() -> None:
    found = parts("• 第一个文件\n今年产值达到10亿元。\n  • 第二个文件\n今年新增企业5家。\n")
    assert [p.title for p in found] == ["第一个文件", "第二个文件"]


def test_fold_keeps_length() -> None:
    text = "增长２.３％，６.５％－７％，年內"
    assert fold(text) == "增长2.3%,6.5%-7%,年内" and len(fold(text)) == len(text)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_decodings(encoding: str) -> None:
    text = "今年地区生产总值增长8%左右，城镇新增就业3.5万人以上。" * 3
    assert decode_text(text.encode(encoding), "x.txt") == text


@pytest.mark.parametrize("raw", [pytest.param(b"\x00\x01\x02\xff" * 50, id="binary"),
                                 pytest.param(bytes(range(128, 256)) * 4, id="not-text")])
def test_undecodable(raw: bytes) -> None:
    with pytest.raises(UnreadableFileError):
        decode_text(raw, "x.txt")


# -- the command ---------------------------------------------------------------------------------------

REPORT = """2025年某市人民政府工作报告
一、2024年工作回顾
过去一年，地区生产总值增长5.2%，城镇新增就业4.2万人。
二、2025年工作安排
今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业3.5万人以上，单位地区生产总值能耗下降2.5%。
到2027年，战新产业产值达到5000亿元。
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_draft_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="gb18030")
    code, out, err = run(capsys, "extract", str(source))
    assert code == 0, err
    result = check_text(out, tmp_path / "targets_2025.yaml")
    assert result.ok and result.target_set is not None, [str(p) for p in result.problems]
    assert [t.name for t in result.target_set.targets] == ["地区生产总值", "城镇新增就业", "单位地区生产总值能耗"]
    assert [(a.name, a.year) for a in result.target_set.actuals] == [("地区生产总值", 2024), ("城镇新增就业", 2024)]
    assert result.target_set.region == "某市" and result.target_set.sources[0].kind.value == "work_report"
    assert "战新产业产值达到5000亿元" in out and err == ""
    drafted_file = tmp_path / "targets_2025.yaml"
    code, _, _ = run(capsys, "extract", str(source), "-o", str(drafted_file))
    assert code == 0 and main(["validate", str(drafted_file)]) == 0


def test_cli_json_is_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(source), "--format", "json", "--region", "某市", "--source-id", "gwr")
    assert code == 0
    data = json.loads(out)
    assert data["year"] == 2025 and data["sources"][0]["id"] == "gwr"
    assert check_text(out, tmp_path / "targets_2025.yaml").ok


@pytest.mark.parametrize("text", [
    pytest.param(REPORT, id="version-1"),
    pytest.param("2025年某市人民政府工作报告\n2025年主要预期目标是：新建道路0.3亿千米。\n", id="declared-unit"),
])
def test_cli_json_draft_is_the_yaml_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    """Regression: the JSON draft said schema_version 2 where the YAML said 1, and left out
    the declared `units`, so a JSON draft with a declared unit failed to load."""
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    _, yaml_out, _ = run(capsys, "extract", str(source))
    code, json_out, _ = run(capsys, "extract", str(source), "--format", "json")
    assert code == 0
    from_yaml = check_text(yaml_out, tmp_path / "targets_2025.yaml").target_set
    result = check_text(json_out, tmp_path / "targets_2025.yaml")
    assert result.ok, [str(p) for p in result.problems]
    assert result.target_set is not None and from_yaml is not None
    assert result.target_set.declared_units == from_yaml.declared_units  # review remarks differ: notes vs comments
    assert [t.id for t in result.target_set.targets] == [t.id for t in from_yaml.targets]
    assert f"schema_version: {json.loads(json_out)['schema_version']}" in yaml_out


def test_cli_against(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(source))
    held = out.replace("3.5", "3.6")  # the data has a different figure for one target
    held_file = tmp_path / "targets_2025.yaml"
    held_file.write_text(held.replace("  name: 单位地区生产总值能耗", "  name: 规上工业增加值"), encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(source), "--against", str(held_file))
    assert code == 0
    left = check_text(out, tmp_path / "targets_2025.yaml").target_set
    assert left is not None
    assert sorted(t.name for t in left.targets) == ["单位地区生产总值能耗", "城镇新增就业"]
    assert left.actuals == ()
    assert "but not stated in the text" in out and "规上工业增加值" in out.split("not stated in the text")[1]


def test_cli_undecodable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes(b"\x00\xff\x00\xfe" * 100)
    code, out, err = run(capsys, "extract", str(source))
    assert code == 2 and out == "" and "report.txt" in err and "Traceback" not in err


def test_cli_year_from_option_and_several_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("年内新增院士工作站2家以上。", encoding="utf-8")
    second.write_text("年内引进紧缺急需人才8000人以上。", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(first), str(second), "--year", "2026", "--region", "包头市")
    assert code == 0 and err == ""  # no progress when stderr is not a terminal
    target_set = check_text(out, tmp_path / "targets_2026.yaml").target_set
    assert target_set is not None and [s.file for s in target_set.sources] == ["a.txt", "b.txt"]
    assert [t.evidence[0].source for t in target_set.targets] == [s.id for s in target_set.sources]


# -- the source documents, when present ----------------------------------------------------------------

DOCUMENTS = sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("sources/*/*.txt")]) if SHARED else []


@pytest.mark.skipif(not DOCUMENTS, reason="no source texts in ../shared (seeds, sources)")
@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_every_document_drafts_a_valid_file_of_verbatim_quotes(document: Path) -> None:
    from policydiff.curation.extract import extract_file

    extraction = extract_file(document)
    result = check_text(extraction.to_yaml(), Path(f"targets_{extraction.target_set.year}.yaml"))
    assert result.ok, [str(p) for p in result.problems if p.is_error][:5]
    source = re.sub(r"\s+", "", document.read_text(encoding="utf-8"))
    for item in (*extraction.target_set.targets, *extraction.target_set.actuals):
        for evidence in item.evidence:
            assert re.sub(r"\s+", "", evidence.quote) in source, evidence.quote


@pytest.mark.parametrize(("symbol", "expected"), [
    pytest.param("亿千瓦", ("power", 1e8, "100m kW"), id="yi-kw"),
    pytest.param("万公里", ("length", 1e7, "10k km"), id="wan-km"),
    pytest.param("万千伏安", None, id="unknown-base"),
    pytest.param("万万元", None, id="magnitude-twice"),
])
def test_derived_unit(symbol: str, expected: tuple[str, float, str] | None) -> None:
    from policydiff.curation.extract.build import derived_unit

    assert derived_unit(symbol) == expected


# -- the language of other governments' reports (provinces, cities, counties) ---------------------
# Each case is a sentence in the style of a report the bundled documents do not include; each
# stands for one rule that failed on such a report (benchmarks/README.md, "Held-out texts").

HELD_OUT_DOCUMENTS = [
    pytest.param("各位代表：\n过去的一年，成绩殊为不易。\n（一）经济实力实现新跃升。地区生产总值完成4704.3亿元、增长6.1%。",
                 [("a", "地区生产总值", 4704.3, "亿元", "level", "exact", False, "up"),
                  ("a", "地区生产总值", 6.1, "%", "growth", "exact", False, "up")], id="review-opened-without-heading"),
    pytest.param("2024年，全县规模以上工业增加值完成6.24亿元，同比下降34.9%。",
                 [("a", "规模以上工业增加值", 6.24, "亿元", "level", "exact", False, "up"),
                  ("a", "规模以上工业增加值", -34.9, "%", "growth", "exact", False, "down")], id="total-completed-is-a-level"),
    pytest.param("2024年工作回顾\n全县经济运行保持总体平稳。固定资产投资增长19%。\n2025年工作安排\n固定资产投资增长10%。",
                 [("t", "固定资产投资", 10, "%", "growth", "exact", False, "up"),
                  ("a", "固定资产投资", 19, "%", "growth", "exact", False, "up")], id="unnumbered-headings"),
    pytest.param("建议今年全市经济社会发展的主要预期目标是：全市生产总值增长6%左右，地方一般公共预算收入与上年基本持平，"
                 "居民消费价格涨幅3%左右。",
                 [("t", "生产总值", 6, "%", "growth", "about", False, "up"),
                  ("t", "居民消费价格涨幅", 3, "%", "growth", "about", False, "down")], id="level-with-last-year-is-no-time"),
]


HELD_OUT_SENTENCES = [
    pytest.param("预计全市地区生产总值增长4%左右，城乡居民人均可支配收入分别增长5%和7.5%左右。",
                 [("a", "地区生产总值", 4, "%", "growth", "about", False, "up"),
                  ("a", "城镇居民人均可支配收入", 5, "%", "growth", "about", False, "up"),
                  ("a", "农村居民人均可支配收入", 7.5, "%", "growth", "about", False, "up")],
                 id="urban-and-rural-respectively-qualifier-after-he"),
    pytest.param("2024年，港口航空旅客和货邮吞吐量分别达到1.2亿人次、300万吨，分别增长6.1%、4.2%。",
                 [("a", "港口航空旅客吞吐量", 1.2, "亿人次", "level", "exact", False, "up"),
                  ("a", "货邮吞吐量", 300, "万吨", "level", "exact", False, "up"),
                  ("a", "港口航空旅客吞吐量", 6.1, "%", "growth", "exact", False, "up"),
                  ("a", "货邮吞吐量", 4.2, "%", "growth", "exact", False, "up")], id="second-respectively-list"),
    pytest.param("2024年，地方一般公共预算收入5.2亿元，自然增幅3%，同口径完成5.5亿元，增幅7.2%。",
                 [("a", "地方一般公共预算收入", 5.2, "亿元", "level", "exact", False, "up"),
                  ("a", "地方一般公共预算收入自然增幅", 3, "%", "growth", "exact", False, "up"),
                  ("a", "地方一般公共预算收入同口径", 5.5, "亿元", "level", "exact", False, "up"),
                  ("a", "地方一般公共预算收入同口径增幅", 7.2, "%", "growth", "exact", False, "up")],
                 id="same-basis-and-natural-growth"),
    pytest.param("——预计规上工业增加值增长12%；", [("a", "规上工业增加值", 12, "%", "growth", "exact", False, "up")],
                 id="dash-bullet-not-in-name"),
    pytest.param("2024年，PM2.5平均浓度28μg/m3。",
                 [("a", "PM2.5平均浓度", 28, "微克/立方米", "level", "exact", False, "down")], id="micrograms-spelt-in-latin"),
    pytest.param("2024年，工业经济总量成为全区第三个突破1500亿元大关的地区。",
                 [("a", "工业经济总量", 1500, "亿元", "level", "at_least", False, "up")], id="milestone-daguan"),
    pytest.param("2024年，60家市级以上农业龙头企业年销售收入25.6亿元。",
                 [("a", "市级以上农业龙头企业年销售收入", 25.6, "亿元", "level", "exact", False, "up")],
                 id="count-describing-the-subject"),
]


@pytest.mark.parametrize(("text", "expected"), HELD_OUT_SENTENCES)
def test_held_out_sentence(text: str, expected: list[Row]) -> None:
    assert drafted(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("2024年，时速250公里的城际铁路建成通车。", id="property-of-a-named-thing"),
    pytest.param("2024年，成为全省首个200亿元园区。", id="first-of-a-class"),
    pytest.param("年初下达的38项经济和社会发展指标中，绝大多数完成。", id="count-of-plan-indicators"),
    pytest.param("2024年，出台降低企业成本28条措施。", id="numbered-measures"),
])
def test_held_out_not_a_figure(text: str) -> None:
    assert drafted(text) == []


@pytest.mark.parametrize(("text", "expected"), HELD_OUT_DOCUMENTS)
def test_held_out_document(text: str, expected: list[Row]) -> None:
    assert drafted(text) == expected


@pytest.mark.parametrize(("text", "year"), [
    pytest.param("各位代表：\n过去的一年，我们坚定信心。2024年全市地区生产总值增长6.1%，2024年新增就业5万人。", 2025,
                 id="review-opening-names-the-year-under-review"),
    pytest.param("报告显示，2025年，上海港集装箱吞吐量达到5506.3万标准箱。", 2025, id="no-review-words-no-shift"),
])
def test_plan_year_of_a_report_opening_with_its_review(text: str, year: int) -> None:
    assert plan_year(text) == year
