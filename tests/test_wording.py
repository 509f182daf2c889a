"""Reading the numbers, declines and qualifier words of a policy sentence (curation/wording)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.contract.model import Metric, Qualifier, Value
from policydiff.contract.numerals import read_numeral
from policydiff.curation.wording import check_quote, read_numbers, reading, states

_DIGITS = "零一二三四五六七八九"


def chinese(number: int) -> str:
    """The standard reading of a whole number below 10^8 (1005 → 一千零五, 20500 → 二万零五百): an
    oracle written apart from the reader under test."""
    def below_10000(part: int) -> str:
        parts: list[str] = []
        skipped = False
        for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = part // place % 10
            if digit == 0:
                skipped = True
                continue
            if skipped and parts:
                parts.append("零")
            parts.append(_DIGITS[digit] + name)
            skipped = False
        return "".join(parts)

    high, low = divmod(number, 10_000)
    text = below_10000(low)
    if high:
        text = below_10000(high) + "万" + ("零" if 0 < low < 1000 else "") + text
    return text


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("十五", 15, id="bare-ten"), pytest.param("一千零五", 1005, id="zero-placeholder"),
    pytest.param("两千亿", 2e11, id="liang-and-yi"), pytest.param("十五点八万", 158_000, id="decimal-point"),
    pytest.param("一万亿", 1e12, id="wan-yi"), pytest.param("千亿", 1e11, id="bare-thousand"),
    pytest.param("三亿五千万", 3.5e8, id="yi-then-wan"), pytest.param("二〇二五", 2025, id="digit-by-digit"),
    pytest.param("三千万千瓦", 3e7, id="stops-before-the-unit"),
])
def test_read_numeral(text: str, expected: float) -> None:
    read = read_numeral(text)
    assert read is not None and read[0] == expected


@given(st.integers(min_value=1, max_value=99_999_999))
def test_every_standard_chinese_numeral_reads_back(number: int) -> None:
    numbers = read_numbers(reading(f"达到{chinese(number)}家"))
    assert [n.value for n in numbers] == [number]


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_every_decimal_in_digits_reads_back(whole: int, cents: int) -> None:
    text = f"{whole}.{cents:02d}" if cents else str(whole)
    assert [n.value for n in read_numbers(reading(f"增长{text}%"))] == [float(text)]


@given(st.text(max_size=60))
def test_reading_never_fails(text: str) -> None:
    for number in read_numbers(reading(text)):
        assert number.start < number.end


@pytest.mark.parametrize(("quote", "number", "unit", "expected"), [
    pytest.param("晶硅光伏产业产值力争达到1200亿元以上", 1200, "亿元", True, id="digits"),
    pytest.param("产值达到1,200亿元", 1200, "亿元", True, id="thousands-separator"),
    pytest.param("产值达到12000亿元", 1200, "亿元", False, id="digits-inside-a-larger-number"),
    pytest.param("增长2.5%", 2.5, "%", True, id="decimal"),
    pytest.param("增长12.5%", 2.5, "%", False, id="decimal-inside-a-larger-number"),
    pytest.param("增长2.5%", 2, "%", False, id="whole-part-of-a-decimal"),
    pytest.param("新增就业1.2万人", 12000, "人", True, id="wan-written-out"),
    pytest.param("新增就业12000人", 1.2, "万人", True, id="wan-in-the-unit"),
    pytest.param("新增就业1.2万人", 1.2, "人", False, id="wan-dropped"),
    pytest.param("3万4000人", 34000, "人", True, id="wan-and-digits"),
    pytest.param("突破一千亿元", 1000, "亿元", True, id="chinese-numerals"),
    pytest.param("并肩站上千亿元台阶", 1000, "亿元", True, id="chinese-numeral-without-one"),
    pytest.param("满都拉口岸过货量突破一千万吨", 1000, "万吨", True, id="chinese-numeral-before-wan-unit"),
    pytest.param("装机达到两千万千瓦", 2000, "万千瓦", True, id="liang-for-two"),
    pytest.param("三千万千瓦", 1000, "万千瓦", False, id="chinese-numeral-inside-a-larger-one"),
    pytest.param("一千五百家", 1000, "家", False, id="chinese-numeral-prefix-of-a-larger-one"),
    pytest.param("十五点八万人", 15.8, "万人", True, id="chinese-decimal"),
    pytest.param("增长百分之八", 8, "%", True, id="percent-in-words"),
    pytest.param("增长百分之八", 8, "个", False, id="percent-in-words-is-a-percentage"),
    pytest.param("增长8%", 8, "%", True, id="percent-sign"),
    pytest.param("增长２．３％", 2.3, "%", True, id="full-width-digits"),
    pytest.param("专项转移支付项目要减少三分之一", -33.3, "%", True, id="fraction-rounded"),
    pytest.param("专项转移支付项目比上年减少1/3以上", -33.3, "%", True, id="fraction-in-digits"),
    pytest.param("收费项目再减少一半以上", -50, "%", True, id="half"),
    pytest.param("200万千瓦时", 2, "吉瓦时", True, id="another-unit-of-the-table"),
    pytest.param("200万千瓦时", 2, "兆瓦时", False, id="another-unit-wrong-amount"),
    pytest.param("6600多万纳税人受益", 6600, "万人", True, id="duo-before-wan"),
    pytest.param("新增4万多亿元", 4, "万亿元", True, id="duo-between-magnitudes"),
    pytest.param("出境旅游近亿人次", 1, "亿人次", True, id="bare-magnitude"),
    pytest.param("国内生产总值增长6.5%－7%", 6.5, "%", True, id="range-low"),
    pytest.param("国内生产总值增长6.5%－7%", 7, "%", True, id="range-high"),
    pytest.param("1 2 0 0 万 人 以 上", 1200, "万人", True, id="pdf-spacing"),
    pytest.param("國內生產總值增長5%左右", 5, "%", True, id="traditional-script"),
    pytest.param("新增就業1.2萬人", 12000, "人", True, id="traditional-wan"),
    pytest.param("单位国内生产总值能耗下降3%", -3, "%", True, id="decline-xiajiang"),
    pytest.param("单位国内生产总值能耗降低3%左右", -3, "%", True, id="decline-jiangdi"),
    pytest.param("煤炭消费减少3万吨", -3, "万吨", True, id="decline-jianshao"),
    pytest.param("单位国内生产总值能耗降幅超过3%", -3, "%", True, id="decline-past-a-qualifier"),
    pytest.param("二氧化硫、化学需氧量排放量分别下降3.5%、2.9%", -2.9, "%", True, id="decline-over-a-list"),
    pytest.param("二氧化硫、氮氧化物排放要分别减少3%左右和5%左右", -5, "%", True, id="decline-over-a-list-with-he"),
    pytest.param("按不低于5%的幅度压减一般性支出", -5, "%", True, id="decline-after-the-number"),
    pytest.param("增长-3%", -3, "%", True, id="minus-sign"),
    pytest.param("单位国内生产总值能耗3%", -3, "%", False, id="negative-without-a-decline"),
    pytest.param("各地可降至16%", -16, "%", False, id="cut-to-a-level-is-no-decline"),
])
def test_states(quote: str, number: float, unit: str, expected: bool) -> None:
    assert states(quote, number, unit) is expected


def test_a_range_borrows_the_magnitude_of_its_second_number() -> None:
    assert check_quote("引进人才3~5万人", Value(3, 5), "万人").value_ok
    assert not check_quote("引进人才3~5万人", Value(3, 6), "万人").value_ok


@pytest.mark.parametrize(("quote", "value", "unit", "qualifier", "agrees"), [
    pytest.param("规上工业增加值增长14%以上", 14, "%", Qualifier.AT_LEAST, True, id="yishang"),
    pytest.param("突破1000亿元", 1000, "亿元", Qualifier.AT_LEAST, True, id="tupo"),
    pytest.param("超过1000亿元", 1000, "亿元", Qualifier.AT_LEAST, True, id="chaoguo"),
    pytest.param("不低于5%", 5, "%", Qualifier.AT_LEAST, True, id="budiyu"),
    pytest.param("移动网络流量资费年内至少降低30%", -30, "%", Qualifier.AT_LEAST, True, id="zhishao-past-a-decline"),
    pytest.param("1000多家", 1000, "家", Qualifier.AT_LEAST, True, id="duo"),
    pytest.param("地区生产总值增长8%左右", 8, "%", Qualifier.ABOUT, True, id="zuoyou"),
    pytest.param("国内生产总值增长6.5%－7%左右", Value(6.5, 7), "%", Qualifier.ABOUT, True, id="zuoyou-after-a-range"),
    pytest.param("居民消费价格涨幅3%以内", 3, "%", Qualifier.AT_MOST, True, id="yinei"),
    pytest.param("居民消费价格涨幅控制在3%", 3, "%", Qualifier.AT_MOST, True, id="kongzhizai"),
    pytest.param("赤字率不超过3%", 3, "%", Qualifier.AT_MOST, True, id="buchaoguo"),
    pytest.param("赤字率不超过3%", 3, "%", Qualifier.AT_LEAST, False, id="buchaoguo-is-not-chaoguo"),
    pytest.param("分别达到87万吨、253GW以上", 87, "万吨", Qualifier.AT_LEAST, True, id="yishang-ending-a-list"),
    pytest.param("分别达到88%、70%和96%以上", 88, "%", Qualifier.AT_LEAST, True, id="yishang-ending-a-list-with-he"),
    pytest.param("年内新增绿色园区1家", 1, "家", Qualifier.EXACT, True, id="exact"),
    pytest.param("地区生产总值增长8%左右", 8, "%", Qualifier.EXACT, False, id="exact-with-zuoyou"),
    pytest.param("地区生产总值增长8%左右", 8, "%", Qualifier.AT_LEAST, False, id="zuoyou-is-not-at-least"),
    pytest.param("增长14%以上", 14, "%", Qualifier.ABOUT, False, id="yishang-is-not-about"),
    pytest.param("新增规模以上工业企业100家", 100, "家", Qualifier.EXACT, True, id="guimo-yishang-is-a-name"),
    pytest.param("年内注册上线企业达到850家", 850, "家", Qualifier.EXACT, True, id="xianshang-is-no-qualifier"),
    pytest.param("节约5%", 5, "%", Qualifier.EXACT, True, id="jieyue-is-no-yue"),
    pytest.param("增长6%、新增就业1100万人以上", 6, "%", Qualifier.EXACT, True, id="another-items-yishang"),
])
def test_qualifier_words(quote: str, value: float | Value, unit: str, qualifier: Qualifier, agrees: bool) -> None:
    stated = value if isinstance(value, Value) else Value.of(value)
    check = check_quote(quote, stated, unit)
    assert check.value_ok
    assert check.agrees(qualifier) is agrees


def test_kongzhizai_in_a_review_of_the_past_year_is_the_outcome() -> None:
    quote = "居民消费价格涨幅控制在2.6%"
    assert not check_quote(quote, Value.of(2.6), "%").agrees(Qualifier.EXACT)
    assert check_quote(quote, Value.of(2.6), "%", outcome=True).agrees(Qualifier.EXACT)


def test_a_decline_recorded_positive_is_noticed() -> None:
    assert check_quote("安全生产事故数量下降24.7%", Value.of(24.7), "%", Metric.GROWTH).decline_unsigned
    assert not check_quote("安全生产事故数量下降24.7%", Value.of(-24.7), "%", Metric.GROWTH).decline_unsigned
    assert not check_quote("进出口增长5%", Value.of(5), "%", Metric.GROWTH).decline_unsigned
