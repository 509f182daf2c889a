"""The one reader of numerals (policydiff.contract.numerals): the scanner verify reads sentences with
(`read_numeral`, `read_fraction`) and `parse_number`, which the extractor parses its runs with."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.contract.numerals import parse_number, read_fraction, read_numeral, to_chinese
from policydiff.curation.wording import read_numbers, reading, states

# Where the two former readers (curation/wording.read_chinese and contract/numerals.parse_number)
# disagreed, the reading kept; `by` says which reader was right.
DISAGREEMENTS = [
    pytest.param("三千五", 3500, id="shorthand-qian-by-parse_number"),  # read_chinese: 3005
    pytest.param("一百五", 150, id="shorthand-bai-by-parse_number"),  # read_chinese: 105
    pytest.param("两万三", 23_000, id="shorthand-wan-by-parse_number"),  # read_chinese: 20003
    pytest.param("一亿五", 150_000_000, id="shorthand-yi-by-parse_number"),  # read_chinese: 100000005
    pytest.param("十点五", 10.5, id="decimal-after-a-unit-by-parse_number"),  # read_chinese: 10, then 5
    pytest.param("一千零十", 1010, id="ling-shi-by-parse_number"),  # read_chinese: 1000
    pytest.param("1亿5000万", 150_000_000, id="arabic-yi-then-wan-by-parse_number"),  # wording: 1亿, 5000万
    pytest.param("5千亿", 5e11, id="arabic-qian-yi-by-wording"),  # parse_number: ValueError
    pytest.param("3百万", 3e6, id="arabic-bai-wan-by-wording"),  # parse_number: ValueError
]


@pytest.mark.parametrize(("text", "value"), DISAGREEMENTS)
def test_disagreements_read_one_way(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)
    assert read_numeral(text) == (pytest.approx(value), len(text))
    assert [n.value for n in read_numbers(reading(f"达到{text}家"))] == [pytest.approx(value)]


@pytest.mark.parametrize("text", [
    pytest.param("五零", id="digit-then-zero"),  # parse_number read 0
    pytest.param("1234,567", id="thousands-groups-of-three-only"),  # parse_number read 1234567; wording 1234, 567
    pytest.param("万", id="bare-magnitude"),  # parse_number read 10000; verify reads 近万 as 10000 itself
    pytest.param("点五", id="decimal-without-whole"),
    pytest.param("一万十五", id="bare-ten-after-wan"),  # not a standard form (一万零一十五)
    pytest.param("二〇二五", id="digit-by-digit-is-no-quantity"),
])
def test_not_a_whole_numeral(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("text", "start", "expected"), [
    pytest.param("达到2025年", 2, (2025, 6), id="arabic"),
    pytest.param("3万2025年", 0, (30_000, 2), id="year-after-wan"),
    pytest.param("三千万千瓦", 0, (30_000_000, 3), id="stops-before-qian-wa"),
    pytest.param("三千瓦", 0, (3, 1), id="qian-wa-is-the-unit"),  # as the extractor reads it; read_chinese: 3000 瓦
    pytest.param("十四五规划", 0, (14, 2), id="fourteenth-five"),
    pytest.param("二〇二五年", 0, (2025, 4), id="digit-by-digit"),
    pytest.param("1.3万亿元", 0, (pytest.approx(1.3e12), 5), id="wan-yi"),
    pytest.param("一万三千亿", 0, (1.3e12, 5), id="wan-inside-yi"),
    pytest.param("亿元", 0, None, id="magnitude-alone"),
    pytest.param("千百", 0, (1000, 1), id="unit-without-digit"),
])
def test_read_numeral_at(text: str, start: int, expected: tuple[float, int] | None) -> None:
    assert read_numeral(text, start) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("百分之八", (100, 8, 4), id="percent"), pytest.param("三分之一", (3, 1, 4), id="third"),
    pytest.param("3分之1", (3, 1, 4), id="arabic"),  # read_chinese read no denominator here
    pytest.param("零分之一", None, id="zero-denominator"), pytest.param("三分", None, id="no-zhi"),
])
def test_read_fraction(text: str, expected: tuple[float, float, int] | None) -> None:
    assert read_fraction(text) == expected


@pytest.mark.parametrize(("sentence", "number", "unit"), [
    pytest.param("新增装机三千瓦", 3, "千瓦", id="qian-wa"),
    pytest.param("新增就业两万三人", 23_000, "人", id="wan-shorthand"),
    pytest.param("增长十点五%", 10.5, "%", id="decimal-after-shi"),
    pytest.param("投资1亿5000万元", 1.5, "亿元", id="yi-then-wan"),
])
def test_verify_reads_what_the_extractor_reads(sentence: str, number: float, unit: str) -> None:
    assert states(sentence, number, unit)


@given(st.integers(min_value=0, max_value=10**12), st.booleans(), st.sampled_from(["达到", "增长", "约"]))
def test_scanner_reads_every_standard_form_in_a_sentence(number: int, liang: bool, before: str) -> None:
    written = to_chinese(number, liang)
    text = f"{before}{written}家"
    assert read_numeral(text, len(before)) == (number, len(before) + len(written))


@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_parse_and_scan_agree(number: int, liang: bool) -> None:
    written = to_chinese(number, liang)
    assert read_numeral(written, digit_by_digit=False) == (parse_number(written), len(written))
