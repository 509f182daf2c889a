"""Units of the source documents: each with a dimension and a factor to that dimension's base.

A hand-written table: it imports in about a millisecond, while a general units library
adds a tenth of a second to every start and knows none of these units.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum


class Dimension(StrEnum):
    MONEY = "money"  # base: 元
    MONEY_USD = "money_usd"  # base: 美元; exchange rates are not unit conversions
    MASS = "mass"  # base: 吨
    COAL_EQUIVALENT = "coal_equivalent"  # base: 吨标准煤
    POWER = "power"  # base: 千瓦
    ENERGY = "energy"  # base: 千瓦时
    PERCENT = "percent"
    PERCENTAGE_POINT = "percentage_point"
    COUNT = "count"  # units, enterprises, projects, households …: one kind of countable thing
    PEOPLE = "people"
    PERSON_TIMES = "person_times"
    AREA = "area"  # base: 平方米
    LENGTH = "length"  # base: 米
    VOLUME = "volume"  # base: 立方米
    WAGE = "wage"  # base: 元/人·月
    MULTIPLE = "multiple"
    DURATION = "duration"  # base: 天
    RANK = "rank"
    DATA = "data"  # base: GB
    COMPUTING = "computing"  # base: PFlops
    CONCENTRATION = "concentration"  # base: 微克/立方米
    CONTAINERS = "containers"  # base: 标准箱 (TEU)
    AGE = "age"  # base: 岁


@dataclass(frozen=True)
class Unit:
    symbol: str
    dimension: Dimension
    factor: float
    english: str


_WAN = 1e4
_YI = 1e8

_TABLE: tuple[Unit, ...] = (
    Unit("元", Dimension.MONEY, 1, "yuan"),
    Unit("万元", Dimension.MONEY, _WAN, "10k yuan"),
    Unit("亿元", Dimension.MONEY, _YI, "100m yuan"),
    Unit("万亿元", Dimension.MONEY, _WAN * _YI, "trillion yuan"),
    Unit("美元", Dimension.MONEY_USD, 1, "US dollars"),
    Unit("万美元", Dimension.MONEY_USD, _WAN, "10k US dollars"),
    Unit("亿美元", Dimension.MONEY_USD, _YI, "100m US dollars"),
    Unit("万亿美元", Dimension.MONEY_USD, _WAN * _YI, "trillion US dollars"),
    Unit("吨", Dimension.MASS, 1, "tonnes"),
    Unit("万吨", Dimension.MASS, _WAN, "10k tonnes"),
    Unit("亿吨", Dimension.MASS, _YI, "100m tonnes"),
    Unit("公斤", Dimension.MASS, 1e-3, "kg"),
    Unit("斤", Dimension.MASS, 5e-4, "jin"),
    Unit("万斤", Dimension.MASS, 5e-4 * _WAN, "10k jin"),
    Unit("亿斤", Dimension.MASS, 5e-4 * _YI, "100m jin"),
    Unit("万亿斤", Dimension.MASS, 5e-4 * _WAN * _YI, "trillion jin"),
    Unit("吨标准煤", Dimension.COAL_EQUIVALENT, 1, "tce"),
    Unit("万吨标准煤", Dimension.COAL_EQUIVALENT, _WAN, "10k tce"),
    Unit("亿吨标准煤", Dimension.COAL_EQUIVALENT, _YI, "100m tce"),
    Unit("千瓦", Dimension.POWER, 1, "kW"),
    Unit("kW", Dimension.POWER, 1, "kW"),
    Unit("万千瓦", Dimension.POWER, _WAN, "10 MW"),
    Unit("亿千瓦", Dimension.POWER, _YI, "100 GW"),
    Unit("MW", Dimension.POWER, 1e3, "MW"),
    Unit("兆瓦", Dimension.POWER, 1e3, "MW"),
    Unit("GW", Dimension.POWER, 1e6, "GW"),
    Unit("吉瓦", Dimension.POWER, 1e6, "GW"),
    Unit("千瓦时", Dimension.ENERGY, 1, "kWh"),
    Unit("度", Dimension.ENERGY, 1, "kWh"),
    Unit("kWh", Dimension.ENERGY, 1, "kWh"),
    Unit("万千瓦时", Dimension.ENERGY, _WAN, "10 MWh"),
    Unit("亿千瓦时", Dimension.ENERGY, _YI, "100 GWh"),
    Unit("亿度", Dimension.ENERGY, _YI, "100 GWh"),
    Unit("MWh", Dimension.ENERGY, 1e3, "MWh"),
    Unit("兆瓦时", Dimension.ENERGY, 1e3, "MWh"),
    Unit("GWh", Dimension.ENERGY, 1e6, "GWh"),
    Unit("吉瓦时", Dimension.ENERGY, 1e6, "GWh"),
    Unit("%", Dimension.PERCENT, 1, "%"),
    Unit("‰", Dimension.PERCENT, 0.1, "per mille"),
    Unit("个百分点", Dimension.PERCENTAGE_POINT, 1, "percentage points"),
    Unit("百分点", Dimension.PERCENTAGE_POINT, 1, "percentage points"),
    Unit("倍", Dimension.MULTIPLE, 1, "times"),
    Unit("人", Dimension.PEOPLE, 1, "people"),
    Unit("名", Dimension.PEOPLE, 1, "people"),
    Unit("万人", Dimension.PEOPLE, _WAN, "10k people"),
    Unit("亿人", Dimension.PEOPLE, _YI, "100m people"),
    Unit("人次", Dimension.PERSON_TIMES, 1, "person-times"),
    Unit("万人次", Dimension.PERSON_TIMES, _WAN, "10k person-times"),
    Unit("亿人次", Dimension.PERSON_TIMES, _YI, "100m person-times"),
    Unit("平方米", Dimension.AREA, 1, "m²"),
    Unit("万平方米", Dimension.AREA, _WAN, "10k m²"),
    Unit("平方公里", Dimension.AREA, 1e6, "km²"),
    Unit("公顷", Dimension.AREA, 1e4, "hectares"),
    Unit("万公顷", Dimension.AREA, 1e4 * _WAN, "10k hectares"),
    Unit("亩", Dimension.AREA, 10000 / 15, "mu"),
    Unit("万亩", Dimension.AREA, 10000 / 15 * _WAN, "10k mu"),
    Unit("亿亩", Dimension.AREA, 10000 / 15 * _YI, "100m mu"),
    Unit("米", Dimension.LENGTH, 1, "m"),
    Unit("公里", Dimension.LENGTH, 1e3, "km"),
    Unit("千米", Dimension.LENGTH, 1e3, "km"),
    Unit("万公里", Dimension.LENGTH, 1e7, "10k km"),
    Unit("标准箱", Dimension.CONTAINERS, 1, "TEU"),
    Unit("万标准箱", Dimension.CONTAINERS, _WAN, "10k TEU"),
    Unit("微克/立方米", Dimension.CONCENTRATION, 1, "µg/m³"),
    Unit("岁", Dimension.AGE, 1, "years of age"),
    Unit("立方米", Dimension.VOLUME, 1, "m³"),
    Unit("万立方米", Dimension.VOLUME, _WAN, "10k m³"),
    Unit("亿立方米", Dimension.VOLUME, _YI, "100m m³"),
    Unit("元/人·月", Dimension.WAGE, 1, "yuan per person-month"),
    Unit("天", Dimension.DURATION, 1, "days"),
    Unit("小时", Dimension.DURATION, 1 / 24, "hours"),
    Unit("年", Dimension.DURATION, 365, "years"),
    Unit("位", Dimension.RANK, 1, "places"),
    Unit("GB", Dimension.DATA, 1, "GB"),
    Unit("PFlops", Dimension.COMPUTING, 1, "PFlops"),
    Unit("EFlops", Dimension.COMPUTING, 1000, "EFlops"),
    *(
        Unit(symbol, Dimension.COUNT, 1, english)
        for symbol, english in (
            ("个", "units"), ("家", "firms"), ("户", "households/firms"), ("项", "items"),
            ("件", "items"), ("台", "units"), ("台套", "sets"), ("套", "sets"), ("座", "sites"),
            ("条", "lines"), ("场", "events"), ("所", "institutions"), ("处", "sites"),
            ("辆", "vehicles"), ("张", "sheets"), ("部", "units"), ("批", "batches"),
            ("支", "teams"), ("只", "units"), ("头", "head"), ("架", "aircraft"), ("口", "wells"),
            ("间", "rooms"), ("栋", "buildings"), ("次", "times"), ("篇", "papers"),
            ("款", "products"), ("种", "kinds"), ("类", "categories"), ("颗", "units"), ("列", "trains"),
            ("班", "runs"), ("床", "beds"), ("张床", "beds"), ("人", "people"), ("档", "bands"),
        )
        if symbol != "人"
    ),
    Unit("万户", Dimension.COUNT, _WAN, "10k households"),
    Unit("万头", Dimension.COUNT, _WAN, "10k head"),
    Unit("万只", Dimension.COUNT, _WAN, "10k units"),
    Unit("万个", Dimension.COUNT, _WAN, "10k units"),
    Unit("万件", Dimension.COUNT, _WAN, "10k items"),
    Unit("万辆", Dimension.COUNT, _WAN, "10k vehicles"),
    Unit("万台", Dimension.COUNT, _WAN, "10k units"),
    Unit("万套", Dimension.COUNT, _WAN, "10k sets"),
    Unit("万张", Dimension.COUNT, _WAN, "10k sheets"),
    Unit("万家", Dimension.COUNT, _WAN, "10k firms"),
    Unit("亿户", Dimension.COUNT, _YI, "100m households/firms"),
    Unit("万座", Dimension.COUNT, _WAN, "10k sites"),
    Unit("万条", Dimension.COUNT, _WAN, "10k lines"),
    Unit("万项", Dimension.COUNT, _WAN, "10k items"),
    Unit("万所", Dimension.COUNT, _WAN, "10k institutions"),
)

UNITS: dict[str, Unit] = {unit.symbol: unit for unit in _TABLE}

# Spellings curators may type for a known unit.
_ALIASES: dict[str, str] = {
    "％": "%", "pct": "%", "percent": "%", "百分点": "个百分点", "pp": "个百分点",
    "gw": "GW", "mw": "MW", "kw": "kW", "gwh": "GWh", "mwh": "MWh", "kwh": "kWh",
    "元/人月": "元/人·月", "元／人·月": "元/人·月", "平方千米": "平方公里", "km": "公里",
    "㎡": "平方米", "m2": "平方米", "万㎡": "万平方米", "万m2": "万平方米", "m3": "立方米",
}


# Units that loaded data files declared (contract version 2); they extend the table for the
# process, so that two files declaring the same unit compare. A file that declares a symbol
# differently from the table, or from another file, is reported by the checker.
DECLARED: dict[str, Unit] = {}


def declare(unit: Unit) -> Unit | None:
    """Add a file's unit; the conflicting definition already known, if any."""
    known = UNITS.get(unit.symbol) or DECLARED.get(unit.symbol)
    if known is not None and (known.dimension, known.factor) != (unit.dimension, unit.factor):
        return known
    if known is None:
        DECLARED[unit.symbol] = unit
    return None


def lookup(symbol: str) -> Unit | None:
    """The unit for a symbol or a known alias of it; None when unknown."""
    text = symbol.strip()
    unit = UNITS.get(text) or DECLARED.get(text)
    if unit is None:
        alias = _ALIASES.get(text) or _ALIASES.get(text.lower())
        unit = UNITS.get(alias) if alias else None
    return unit


def closest(symbol: str, limit: int = 3) -> list[str]:
    """Known units whose spelling is nearest to an unknown one, for "did you mean"."""
    text = symbol.strip()

    def similarity(candidate: str) -> float:
        ratio = difflib.SequenceMatcher(None, text, candidate).ratio()
        return ratio + (0.2 if text and (text in candidate or candidate in text) else 0.0)

    order = {symbol: index for index, symbol in enumerate(UNITS)}  # the table lists common units first
    ranked = sorted(UNITS, key=lambda candidate: (-similarity(candidate), order[candidate]))
    return [candidate for candidate in ranked[:limit] if similarity(candidate) > 0.3]


def comparable(first: str, second: str) -> bool:
    a, b = lookup(first), lookup(second)
    return a is not None and b is not None and a.dimension is b.dimension


def convert(amount: float, from_symbol: str, to_symbol: str) -> float:
    """`amount` in `from_symbol` expressed in `to_symbol`; ValueError across dimensions."""
    source, target = lookup(from_symbol), lookup(to_symbol)
    if source is None or target is None:
        raise ValueError(f"unknown unit: {from_symbol if source is None else to_symbol}")
    if source.dimension is not target.dimension:
        raise ValueError(f"cannot convert {from_symbol} ({source.dimension.value}) "
                         f"to {to_symbol} ({target.dimension.value})")
    return amount * source.factor / target.factor
