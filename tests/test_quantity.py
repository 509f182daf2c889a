"""Stated quantities (policydiff.contract.quantity) and unit conversion (policydiff.contract.units), by property."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from policydiff.contract.model import Qualifier, Value
from policydiff.contract.quantity import Quantity, parse_quantity
from policydiff.contract.units import UNITS, Dimension, closest, comparable, convert, lookup

SYMBOLS = sorted(UNITS)
BY_DIMENSION: dict[Dimension, list[str]] = defaultdict(list)
for _symbol, _unit in UNITS.items():
    BY_DIMENSION[_unit.dimension].append(_symbol)

FULL_WIDTH = str.maketrans("0123456789.,~", "０１２３４５６７８９．，～")

# (word, where it stands, what it means)
QUALIFIERS = [
    ("", "suffix", Qualifier.EXACT),
    ("以上", "suffix", Qualifier.AT_LEAST),
    ("左右", "suffix", Qualifier.ABOUT),
    ("以内", "suffix", Qualifier.AT_MOST),
    ("突破", "prefix", Qualifier.AT_LEAST),
    ("控制在", "prefix", Qualifier.AT_MOST),
]


@dataclass(frozen=True)
class Stated:
    text: str
    expected: Quantity


@st.composite
def number_texts(draw: st.DrawFn) -> tuple[str, int | float]:
    """A number as a document writes it (1200, 1,200, 1.3, 0.25) and the value it states."""
    whole = draw(st.integers(min_value=0, max_value=10**9))
    if draw(st.booleans()):
        fraction = draw(st.text(alphabet="0123456789", min_size=1, max_size=4))
        text = f"{whole}.{fraction}"
        return text, float(text)
    return (f"{whole:,}" if draw(st.booleans()) else str(whole)), whole


def gap() -> st.SearchStrategy[str]:
    return st.sampled_from(["", "", " ", "  ", "\u3000", "\t"])


@st.composite
def stated_quantities(draw: st.DrawFn) -> Stated:
    low_text, low = draw(number_texts())
    if draw(st.booleans()):
        high_text, high = draw(number_texts())
        if high < low:
            (low_text, low), (high_text, high) = (high_text, high), (low_text, low)
        separator = draw(st.sampled_from(["~", "-", "—", "–", "至", "到"]))
        number = f"{low_text}{draw(gap())}{separator}{draw(gap())}{high_text}"
    else:
        high, number = low, low_text
    if draw(st.booleans()):
        number = number.translate(FULL_WIDTH)
    unit = draw(st.sampled_from(SYMBOLS))
    word, place, qualifier = draw(st.sampled_from(QUALIFIERS))
    strive = draw(st.booleans())
    parts = [number, unit] if not word else ([word, number, unit] if place == "prefix" else [number, unit, word])
    if strive:
        parts.insert(0, "力争")
    text = "".join(part + draw(gap()) for part in parts)
    return Stated(draw(gap()) + text, Quantity(Value(low, high), unit, qualifier, strive))


@given(stated_quantities())
@example(Stated("1200亿元以上", Quantity(Value(1200, 1200), "亿元", Qualifier.AT_LEAST, False)))
@example(Stated("力争 3～5 家", Quantity(Value(3, 5), "家", Qualifier.EXACT, True)))
@example(Stated("控制在５.５%以内", Quantity(Value(5.5, 5.5), "%", Qualifier.AT_MOST, False)))
def test_a_stated_quantity_parses_back_to_what_was_stated(stated: Stated) -> None:
    parsed = parse_quantity(stated.text)
    assert parsed == stated.expected
    assert type(parsed.value.low) is type(stated.expected.value.low)  # 1200 stays an int, 1.0 a float


TOKENS = ["1", "2", "0", ".", ",", "~", "-", "至", "力争", "争取", "突破", "控制在", "以上", "左右", "以内", "以下",
          "亿元", "万", "元", "%", "％", "个百分点", "家", " ", "１", "．", "e", "∞", "NaN", "\u3000"]


@given(st.one_of(st.text(), st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)))
@example("9" * 5000 + "亿元")
@example("")
@example("力争")
def test_any_text_either_parses_or_raises_value_error(text: str) -> None:
    try:
        parsed = parse_quantity(text)
    except ValueError:
        return
    assert parsed.unit in UNITS
    assert parsed.value.low <= parsed.value.high


@pytest.mark.parametrize(("text", "fragment"), [
    pytest.param("5~3家", "low > high", id="range-reversed"),
    pytest.param("1200亿圆", "unknown unit '亿圆'", id="unknown-unit"),
    pytest.param("1200", "unknown unit ''", id="no-unit"),
    pytest.param("增长20%", "not a quantity", id="verb-first"),
    pytest.param("约百亿元", "not a quantity", id="no-digits"),
])
def test_what_is_not_a_quantity_says_why(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_quantity(text)


# -- units ---------------------------------------------------------------------------------------

@st.composite
def same_dimension_pairs(draw: st.DrawFn) -> tuple[str, str]:
    dimension = draw(st.sampled_from(sorted(BY_DIMENSION, key=lambda d: d.value)))
    return draw(st.sampled_from(BY_DIMENSION[dimension])), draw(st.sampled_from(BY_DIMENSION[dimension]))


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), same_dimension_pairs())
def test_converting_there_and_back_is_identity(amount: float, pair: tuple[str, str]) -> None:
    first, second = pair
    assert comparable(first, second)
    there = convert(amount, first, second)
    assert math.isfinite(there)
    assert convert(there, second, first) == pytest.approx(amount, rel=1e-12, abs=1e-12)


@given(st.sampled_from(SYMBOLS), st.sampled_from(SYMBOLS))
def test_converting_across_dimensions_raises_value_error(first: str, second: str) -> None:
    assume(UNITS[first].dimension is not UNITS[second].dimension)
    assert not comparable(first, second)
    with pytest.raises(ValueError, match="cannot convert"):
        convert(1, first, second)


@pytest.mark.parametrize(("first", "second"), [("亿圆", "亿元"), ("亿元", "亿圆")])
def test_converting_an_unknown_unit_raises_value_error(first: str, second: str) -> None:
    with pytest.raises(ValueError, match="unknown unit: 亿圆"):
        convert(1, first, second)


@pytest.mark.parametrize(("text", "unit", "amount"), [
    pytest.param("1.3万亿元", "亿元", 13000, id="trillion-yuan-in-100m-yuan"),
    pytest.param("200万千瓦时", "吉瓦时", 2, id="10MWh-in-GWh"),
    pytest.param("253GW", "万千瓦", 25300, id="GW-in-10kW"),
    pytest.param("15万亩", "公顷", 10000, id="mu-in-hectares"),
    pytest.param("5‰", "%", 0.5, id="per-mille-in-percent"),
    pytest.param("87万吨", "吨", 870000, id="10k-tonnes-in-tonnes"),
])
def test_known_conversions(text: str, unit: str, amount: float) -> None:
    quantity = parse_quantity(text)
    assert convert(quantity.value.low, quantity.unit, unit) == pytest.approx(amount, rel=1e-12)


@pytest.mark.parametrize(("spelling", "symbol"), [
    ("％", "%"), ("pct", "%"), ("GWH", "GWh"), ("kwh", "kWh"), ("平方千米", "平方公里"), ("㎡", "平方米"),
    (" 亿元 ", "亿元"), ("百分点", "百分点"),
])
def test_lookup_knows_the_spellings_curators_type(spelling: str, symbol: str) -> None:
    unit = lookup(spelling)
    assert unit is not None and unit.symbol == symbol


def test_the_closest_units_come_first_in_a_suggestion() -> None:
    assert closest("亿圆")[0] == "亿元"
    assert "万千瓦时" in closest("万千瓦小时")
    assert closest("xyzzy-unit") == []
