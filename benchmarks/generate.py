"""Synthetic but realistic policydiff year files for benchmarks.

    python benchmarks/generate.py --size 10000 --out DIR [--seed 2030] [--year 2030]

writes DIR/targets_2030.yaml and DIR/targets_2031.yaml in the data format of
docs/data-format.md (schema_version 1). Indicator names are built combinatorially from
parts the way the Baotou documents write them: an optional district or park
(昆都仑区, 稀土高新区 …), an industry chain (稀土, 晶硅光伏, 风电, 氢能 …), a segment of it
(新材料, 多晶硅, 整机 …) and a measure (产值, 产能, 规模以上…企业, 本地配套率 …) whose unit
is drawn from policydiff.contract.units.UNITS and agrees with the measure (产值 → 亿元/万元,
产能 → 万吨 or GW depending on the segment, 企业 → 家 …).

The second year is derived from the first: most targets are kept with their value raised,
lowered or left unchanged, some of those are reworded (规模以上↔规上, 增速↔增长,
traditional script, 产业 inserted or dropped, 营业收入→营收 …), some are dropped and some
are new. Kept targets keep their id, so the id is the ground truth of the alignment.

Everything is derived from --seed through one random.Random: the same seed and size give
byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from policydiff.contract.units import UNITS

REGION = ("包头市", "Baotou")

# (zh, en, slug); the empty area is the city as a whole and is drawn more often.
AREAS: tuple[tuple[str, str, str], ...] = (
    ("", "", "city"),
    ("昆都仑区", "Kundulun District", "kdl"), ("青山区", "Qingshan District", "qs"),
    ("东河区", "Donghe District", "dh"), ("九原区", "Jiuyuan District", "jy"),
    ("石拐区", "Shiguai District", "sg"), ("白云鄂博矿区", "Bayan Obo Mining District", "byeb"),
    ("土默特右旗", "Tumed Right Banner", "tmtyq"), ("固阳县", "Guyang County", "gy"),
    ("达茂旗", "Darhan Muminggan Banner", "dmq"), ("稀土高新区", "Rare Earth Hi-Tech Zone", "xtgx"),
    ("金山工业园区", "Jinshan Industrial Park", "jsyq"), ("九原工业园区", "Jiuyuan Industrial Park", "jyyq"),
    ("装备制造产业园区", "Equipment Manufacturing Park", "zbyq"), ("铝业产业园区", "Aluminium Industrial Park", "lyyq"),
    ("达茂巴润工业园区", "Darhan Barun Industrial Park", "brqy"), ("石拐工业园区", "Shiguai Industrial Park", "sgyq"),
    ("土右新型工业园区", "Tumed Right New Industrial Park", "tyyq"), ("北方兵器城", "Northern Ordnance City", "bqc"),
    ("滨河新区", "Binhe New District", "bhxq"), ("希望工业园区", "Xiwang Industrial Park", "xwyq"),
    ("稀土应用产业园", "Rare Earth Application Park", "xtyyy"), ("金属深加工园区", "Metal Deep-Processing Park", "jsjg"),
    ("萨拉齐镇", "Salaqi Town", "slq"), ("百灵庙镇", "Bailingmiao Town", "blm"),
    ("美岱召镇", "Meidaizhao Town", "mdz"), ("金山镇", "Jinshan Town", "jsz"), ("满都拉镇", "Mandula Town", "mdl"),
    ("下湿壕镇", "Xiashihao Town", "xsh"), ("沙尔沁镇", "Shaerqin Town", "seq"),
    ("哈林格尔镇", "Halinggeer Town", "hlge"), ("兴胜镇", "Xingsheng Town", "xs"),
)

# Physical units of a segment's product: (level units with weights) for 产能/产量.
MASS = (("万吨", 6), ("吨", 2))
POWER = (("GW", 5), ("万千瓦", 3), ("MW", 1))
UNITS_OF = (("台", 4), ("套", 3))
VEHICLES = (("辆", 5), ("万辆", 1))


@dataclass(frozen=True)
class Segment:
    zh: str
    en: str
    slug: str
    product: tuple[tuple[str, int], ...] | None  # unit of 产能/产量; None: no physical output


@dataclass(frozen=True)
class Industry:
    zh: str
    en: str
    slug: str
    sector: str
    segments: tuple[Segment, ...]
    energy: bool = False  # has 装机 / 发电量


def _segments(*items: tuple[str, str, str, Any]) -> tuple[Segment, ...]:
    return tuple(Segment(*item) for item in items)


INDUSTRIES: tuple[Industry, ...] = (
    Industry("稀土", "rare-earth", "re", "rare-earths", _segments(
        ("新材料", "new materials", "nm", MASS), ("应用", "applications", "app", None),
        ("冶炼分离", "smelting and separation", "smelt", MASS), ("磁材", "magnetic materials", "mag", MASS),
        ("永磁电机", "permanent-magnet motors", "pmm", UNITS_OF), ("储氢材料", "hydrogen-storage materials", "hsm", MASS),
        ("抛光材料", "polishing materials", "pol", MASS), ("催化材料", "catalytic materials", "cat", MASS),
        ("功能材料", "functional materials", "fm", MASS), ("废料回收", "scrap recycling", "rec", MASS))),
    Industry("晶硅光伏", "crystalline-silicon PV", "pv", "photovoltaics", _segments(
        ("多晶硅", "polysilicon", "poly", MASS), ("单晶硅", "monocrystalline silicon", "mono", POWER),
        ("硅片", "wafers", "wafer", POWER), ("电池片", "cells", "cell", POWER), ("组件", "modules", "mod", POWER),
        ("工业硅", "industrial silicon", "isi", MASS), ("有机硅", "organosilicon", "osi", MASS)), energy=True),
    Industry("风电", "wind-power", "wind", "wind-power", _segments(
        ("整机", "turbines", "turb", UNITS_OF), ("叶片", "blades", "blade", UNITS_OF), ("塔筒", "towers", "tower", UNITS_OF),
        ("齿轮箱", "gearboxes", "gear", UNITS_OF), ("零部件", "components", "comp", UNITS_OF),
        ("装备制造", "equipment manufacturing", "equip", None)), energy=True),
    Industry("氢能", "hydrogen", "h2", "hydrogen", _segments(
        ("制氢", "hydrogen production", "prod", MASS), ("储运", "storage and transport", "st", MASS),
        ("燃料电池", "fuel cells", "fc", UNITS_OF), ("氢能重卡", "hydrogen heavy trucks", "truck", VEHICLES),
        ("装备", "equipment", "equip", UNITS_OF))),
    Industry("储能", "energy-storage", "es", "energy-storage", _segments(
        ("新型储能", "new-type storage", "new", POWER), ("电化学储能", "electrochemical storage", "ec", POWER),
        ("储能电池", "storage batteries", "bat", (("GWh", 5), ("万千瓦时", 2))),
        ("压缩空气储能", "compressed-air storage", "caes", POWER)), energy=True),
    Industry("钢铁", "steel", "steel", "metals", _segments(
        ("特钢", "special steel", "spec", MASS), ("稀土钢", "rare-earth steel", "rest", MASS),
        ("钢材", "rolled steel", "roll", MASS), ("无缝钢管", "seamless pipes", "pipe", MASS))),
    Industry("铝", "aluminium", "al", "metals", _segments(
        ("电解铝", "primary aluminium", "prim", MASS), ("铝合金", "aluminium alloys", "alloy", MASS),
        ("铝材", "aluminium products", "prod", MASS), ("铝箔", "aluminium foil", "foil", MASS))),
    Industry("铜", "copper", "cu", "metals", _segments(
        ("精炼铜", "refined copper", "ref", MASS), ("铜箔", "copper foil", "foil", MASS),
        ("铜材", "copper products", "prod", MASS))),
    Industry("装备制造", "equipment manufacturing", "eq", "equipment", _segments(
        ("重型机械", "heavy machinery", "heavy", UNITS_OF), ("工程机械", "construction machinery", "cons", UNITS_OF),
        ("新能源重卡", "new-energy heavy trucks", "nev", VEHICLES), ("轨道交通装备", "rail transit equipment", "rail", UNITS_OF),
        ("特种车辆", "special vehicles", "spv", VEHICLES))),
    Industry("煤化工", "coal chemical", "cc", "chemicals", _segments(
        ("煤制烯烃", "coal-to-olefins", "olef", MASS), ("煤制气", "coal-to-gas", "gas", (("亿立方米", 3), ("万立方米", 1))),
        ("精细化工", "fine chemicals", "fine", MASS), ("化工新材料", "chemical new materials", "nm", MASS))),
    Industry("数字经济", "digital economy", "dig", "digital", _segments(
        ("算力", "computing power", "comp", (("PFlops", 1),)), ("数据中心", "data centre", "dc", None),
        ("软件和信息服务", "software and IT services", "sw", None), ("大数据", "big data", "bd", None))),
    Industry("现代物流", "modern logistics", "log", "services", _segments(
        ("冷链物流", "cold-chain logistics", "cold", MASS), ("多式联运", "multimodal transport", "multi", MASS),
        ("快递", "express delivery", "exp", (("万件", 3), ("件", 1))))),
    Industry("农畜产品加工", "agricultural and livestock processing", "agri", "agriculture", _segments(
        ("乳制品", "dairy products", "dairy", MASS), ("肉类", "meat", "meat", MASS),
        ("马铃薯", "potatoes", "potato", MASS), ("饲草", "forage", "forage", MASS))),
    Industry("生物医药", "biomedicine", "bio", "industry", _segments(
        ("原料药", "active pharmaceutical ingredients", "api", MASS), ("中蒙药", "Chinese and Mongolian medicine", "tcm", None),
        ("医疗器械", "medical devices", "dev", UNITS_OF))),
    Industry("文化旅游", "culture and tourism", "tour", "services", _segments(
        ("乡村旅游", "rural tourism", "rural", None), ("工业旅游", "industrial tourism", "ind", None),
        ("文化创意", "cultural and creative", "cc", None))),
)


@dataclass(frozen=True)
class Measure:
    key: str
    template: str  # {x} is the industry (+ 产业) + segment
    en: str  # {x} is the English industry + segment
    metric: str
    units: tuple[tuple[str, int], ...] | None  # None: the segment's product unit
    sector: str | None = None  # overrides the industry's sector
    direction: str = "up"
    needs_product: bool = False
    needs_energy: bool = False
    industry_word: bool = True  # may write 产业 after the industry (稀土新材料产业产值)


MONEY = (("亿元", 8), ("万元", 2))
PCT = (("%", 1),)

MEASURES: tuple[Measure, ...] = (
    Measure("ov", "{x}产值", "{x} output value", "level", MONEY),
    Measure("ov", "{x}产值", "{x} output value", "growth", PCT),
    Measure("va", "{x}增加值", "{x} value added", "level", MONEY),
    Measure("va", "{x}增加值", "{x} value added", "growth", PCT),
    Measure("rev", "{x}营业收入", "{x} operating revenue", "level", MONEY),
    Measure("rev", "{x}营业收入", "{x} operating revenue", "growth", PCT),
    Measure("inv", "{x}固定资产投资", "{x} fixed-asset investment", "level", MONEY, sector="investment"),
    Measure("inv", "{x}固定资产投资", "{x} fixed-asset investment", "growth", PCT, sector="investment"),
    Measure("tax", "{x}税收", "{x} tax revenue", "level", MONEY),
    Measure("exp", "{x}出口额", "{x} exports", "level", (("亿美元", 2), ("万美元", 2), ("亿元", 3)), sector="trade"),
    Measure("rd", "{x}研发投入", "{x} R&D spending", "level", MONEY, sector="science-tech"),
    Measure("rdi", "{x}研发投入强度", "{x} R&D intensity", "share", PCT, sector="science-tech"),
    Measure("cap", "{x}产能", "{x} production capacity", "level", None, needs_product=True, industry_word=False),
    Measure("cap", "{x}产能", "{x} production capacity", "increment", None, needs_product=True, industry_word=False),
    Measure("out", "{x}产量", "{x} output", "level", None, needs_product=True, industry_word=False),
    Measure("loc", "{x}本地配套率", "{x} local supply rate", "share", PCT),
    Measure("mkt", "{x}产品国内市场占有率", "{x} domestic market share", "share", PCT, industry_word=False),
    Measure("ent", "规模以上{x}企业", "{x} enterprises above designated size", "level", (("家", 4), ("户", 1)),
            sector="enterprises", industry_word=False),
    Measure("ent", "规模以上{x}企业", "{x} enterprises above designated size", "increment", (("家", 4), ("户", 1)),
            sector="enterprises", industry_word=False),
    Measure("hte", "{x}高新技术企业", "{x} high-tech enterprises", "increment", (("家", 1),),
            sector="science-tech", industry_word=False),
    Measure("srdi", "{x}专精特新企业", "{x} specialised and innovative SMEs", "increment", (("家", 1),),
            sector="enterprises", industry_word=False),
    Measure("proj", "{x}重点项目", "{x} key projects", "increment", (("个", 4), ("项", 1)), sector="investment"),
    Measure("bigp", "新开工{x}亿元以上项目", "{x} projects over 100m yuan started", "increment", (("个", 1),),
            sector="investment"),
    Measure("plat", "{x}创新平台", "{x} innovation platforms", "increment", (("个", 3), ("家", 1)), sector="science-tech"),
    Measure("pat", "{x}专利授权", "{x} patents granted", "increment", (("件", 1),), sector="science-tech"),
    Measure("tal", "{x}高层次人才", "{x} high-level talent", "increment", (("人", 3), ("名", 1)), sector="talent"),
    Measure("skill", "{x}高技能人才", "{x} highly skilled workers", "increment", (("人", 3), ("万人", 1)), sector="talent"),
    Measure("emp", "{x}从业人员", "{x} employees", "level", (("万人", 2), ("人", 1)), sector="social"),
    Measure("fac", "{x}标准厂房", "{x} standard factory floor space", "increment", (("万平方米", 1),), sector="urban"),
    Measure("land", "{x}项目用地", "{x} project land", "increment", (("亩", 3), ("公顷", 1)), sector="urban"),
    Measure("eint", "{x}单位增加值能耗", "{x} energy intensity per unit of value added", "growth", PCT,
            sector="environment", direction="down", industry_word=False),
    Measure("ecns", "{x}综合能耗", "{x} total energy consumption", "level", (("万吨标准煤", 1),),
            sector="environment", direction="down"),
    Measure("inst", "{x}装机", "{x} installed capacity", "level", (("万千瓦", 3), ("GW", 2)), sector="energy",
            needs_energy=True, industry_word=False),
    Measure("gen", "{x}发电量", "{x} electricity generation", "level", (("亿千瓦时", 1),), sector="energy",
            needs_energy=True, industry_word=False),
)

# Typical magnitude (low, high) of a stated value by unit; metric overrides for percent.
MAGNITUDE: dict[str, tuple[float, float]] = {
    "亿元": (5, 1500), "万元": (500, 90000), "亿美元": (1, 60), "万美元": (200, 50000),
    "万吨": (1, 300), "吨": (200, 80000), "GW": (1, 300), "万千瓦": (10, 1500), "MW": (50, 5000),
    "GWh": (1, 100), "万千瓦时": (10, 2000), "亿千瓦时": (1, 600), "台": (10, 5000), "套": (10, 3000),
    "辆": (100, 20000), "万辆": (0.5, 10), "亿立方米": (1, 40), "万立方米": (100, 50000),
    "PFlops": (100, 20000), "万件": (10, 5000), "件": (10, 3000), "家": (2, 300), "户": (2, 300),
    "个": (2, 120), "项": (2, 80), "人": (10, 3000), "名": (10, 1500), "万人": (0.1, 8),
    "万平方米": (2, 150), "亩": (100, 8000), "公顷": (10, 800), "万吨标准煤": (1, 300),
}
PERCENT_RANGE = {"growth": (3, 25), "share": (20, 95), "down": (2, 8)}
# Units stated as whole numbers, and those a document may give as a range (3~5家). Kept
# here rather than derived from policydiff's dimensions, so the files stay the same when
# policydiff's unit table changes.
WHOLE_UNITS = frozenset({"台", "套", "辆", "件", "家", "户", "个", "项", "人", "名", "PFlops"})
RANGE_UNITS = frozenset({"台", "套", "辆", "件", "家", "户", "个", "项"})

for _symbol in MAGNITUDE:
    assert _symbol in UNITS, f"{_symbol} is not a policydiff unit"
for _measure in MEASURES:
    for _symbol, _ in _measure.units or ():
        assert _symbol in UNITS, f"{_symbol} is not a policydiff unit"
for _industry in INDUSTRIES:
    for _segment in _industry.segments:
        for _symbol, _ in _segment.product or ():
            assert _symbol in UNITS and _symbol in MAGNITUDE, f"{_symbol}: unknown unit or magnitude"

# Synonym rewordings of year 2 (normalise_name maps each pair to one spelling).
SYNONYM_SWAPS: tuple[tuple[str, str], ...] = (
    ("规模以上", "规上"), ("营业收入", "营收"), ("研发投入", "研发经费投入"), ("增速", "增长"),
    ("高新技术企业", "高企"), ("固定资产投资", "固投"),
)
QUALIFIERS = (("at_least", 45), ("about", 25), ("exact", 20), ("at_most", 10))


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([item for item, _ in weighted], weights=[weight for _, weight in weighted])[0]


@dataclass
class Spec:
    """One indicator before it becomes a target: which parts it is built from and how it is worded."""

    area: int
    industry: int
    segment: int
    measure: int
    industry_word: bool  # 稀土新材料产业产值 vs 稀土新材料产值
    growth_word: bool  # …产值增速 for a growth target


@dataclass
class Item:
    """One target as written to a file."""

    id: str
    name: str
    name_en: str
    sector: str
    metric: str
    value: float | int | list[float | int]
    unit: str
    qualifier: str
    strive: bool
    direction: str
    sources: list[str]
    spec: Spec = field(repr=False)


def _name(spec: Spec) -> tuple[str, str]:
    """The Chinese and English names the spec's parts make."""
    area_zh, area_en, _ = AREAS[spec.area]
    industry = INDUSTRIES[spec.industry]
    segment = industry.segments[spec.segment]
    measure = MEASURES[spec.measure]
    head = _head(industry, segment)
    x = head + segment.zh + ("产业" if spec.industry_word and measure.industry_word else "")
    zh = area_zh + measure.template.format(x=x)
    if measure.metric == "growth":
        zh += "下降" if measure.direction == "down" else ("增速" if spec.growth_word else "")
    en_x = f"{'PV' if head == '光伏' else industry.en} {segment.en}" if head else segment.en
    en = measure.en.format(x=en_x)
    if measure.metric == "growth":
        en += " growth" if measure.direction == "up" else " reduction"
    elif measure.metric == "increment" and measure.key in ("cap", "ent"):
        en = "new " + en
    if area_en:
        en += f" ({area_en})"
    return zh, en


def _head(industry: Industry, segment: Segment) -> str:
    """How the industry is written before the segment: 稀土新材料, 光伏硅片, but 多晶硅, 电解铝, 新型储能."""
    if industry.slug == "pv":
        return "" if segment.slug in ("poly", "mono", "isi", "osi") else "光伏"
    return "" if industry.zh in segment.zh else industry.zh


def _round(number: float, unit: str) -> float | int:
    count_like = unit in WHOLE_UNITS
    if count_like or number >= 100:
        return max(1, int(round(number)))
    if number >= 10:
        return round(number, 1)
    return max(0.1, round(number, 2))


def _value(rng: random.Random, unit: str, metric: str, direction: str, area: int) -> float | int:
    if unit == "%":
        low, high = PERCENT_RANGE["down" if direction == "down" else ("growth" if metric == "growth" else "share")]
        return rng.choice([int, lambda v: round(v * 2) / 2])(rng.uniform(low, high))  # type: ignore[operator]
    low, high = MAGNITUDE[unit]
    if area:  # a district or park states smaller numbers than the city
        high = max(low * 2, high / 4)
    if metric == "increment":
        high = max(low * 2, high / 3)
    number = low * (high / low) ** rng.random()  # log-uniform
    return _round(number, unit)


def _applicable(spec: Spec) -> bool:
    industry = INDUSTRIES[spec.industry]
    segment = industry.segments[spec.segment]
    measure = MEASURES[spec.measure]
    if measure.needs_product and segment.product is None:
        return False
    if measure.needs_energy and (not industry.energy or segment.product is not POWER):
        return False
    return True


def _unit(rng: random.Random, spec: Spec) -> str:
    measure = MEASURES[spec.measure]
    units = measure.units
    if units is None:
        units = INDUSTRIES[spec.industry].segments[spec.segment].product
    assert units is not None
    return _pick(rng, units)


def _space() -> list[tuple[int, int, int, int]]:
    """Every (area, industry, segment, measure) that makes a sensible indicator, in a fixed order."""
    combos = []
    for area in range(len(AREAS)):
        for industry_index, industry in enumerate(INDUSTRIES):
            for segment in range(len(industry.segments)):
                for measure in range(len(MEASURES)):
                    spec = Spec(area, industry_index, segment, measure, False, False)
                    if _applicable(spec):
                        combos.append((area, industry_index, segment, measure))
    return combos


def _make_item(rng: random.Random, combo: tuple[int, int, int, int], serial: int) -> Item:
    area, industry_index, segment_index, measure_index = combo
    spec = Spec(area, industry_index, segment_index, measure_index,
                industry_word=rng.random() < 0.5, growth_word=rng.random() < 0.3)
    industry = INDUSTRIES[industry_index]
    measure = MEASURES[measure_index]
    zh, en = _name(spec)
    unit = _unit(rng, spec)
    value: float | int | list[float | int] = _value(rng, unit, measure.metric, measure.direction, area)
    # the draw is made for every target, so the stream never depends on the unit table
    if rng.random() < 0.04 and unit in RANGE_UNITS and isinstance(value, int):
        value = [value, value + max(1, value // 3)]  # 3~5家
    qualifier = "at_most" if measure.direction == "down" and measure.metric == "level" else _pick(rng, QUALIFIERS)
    if measure.direction == "up" and qualifier == "at_most":
        qualifier = "at_least"
    sources = ["work-report"] if rng.random() < 0.7 else ["party-plan"]
    if rng.random() < 0.1:
        sources = ["work-report", "party-plan"]
    ident = f"{AREAS[area][2]}-{industry.slug}-{industry.segments[segment_index].slug}-{measure.key}-{measure.metric[:3]}-{serial}"
    return Item(ident, zh, en, measure.sector or industry.sector, measure.metric, value, unit, qualifier,
                strive=rng.random() < 0.15, direction=measure.direction, sources=sources, spec=spec)


def _scale(value: Any, factor: float, unit: str) -> Any:
    if isinstance(value, list):
        low, high = (_round(v * factor, unit) for v in value)
        return [low, max(low, high)] if low != high else low
    if unit == "%":
        return round(value * factor * 2) / 2 or 0.5
    return _round(value * factor, unit)


def _reword(rng: random.Random, item: Item, traditional: Any) -> str | None:
    """A new wording of the name for year 2, or None when no rewording applies."""
    name = item.name
    spec = item.spec
    measure = MEASURES[spec.measure]
    choices: list[Callable[[str], str]] = []
    for first, second in SYNONYM_SWAPS:
        if first in name:
            choices.append(lambda n, a=first, b=second: n.replace(a, b, 1))
        elif second in name and second != "增长":
            choices.append(lambda n, a=first, b=second: n.replace(b, a, 1))
    if measure.industry_word:  # 稀土新材料产业产值 ↔ 稀土新材料产值
        choices.append(lambda n: _name(replace(spec, industry_word=not spec.industry_word))[0])
    if measure.metric == "growth" and measure.direction == "up" and not spec.growth_word:
        choices.append(lambda n: n + "增长")
    if not AREAS[spec.area][0]:
        choices.append(lambda n: "全市" + n)
    if rng.random() < 0.1:
        choices = [lambda n: str(traditional.convert(n))]
    if not choices:
        return None
    reworded = rng.choice(choices)(name)
    return reworded if reworded != name else None


def _derive(rng: random.Random, year1: list[Item], space: list[tuple[int, int, int, int]], used: int,
            traditional: Any) -> list[Item]:
    """Year 2: kept (raised / lowered / unchanged, some reworded), dropped, and new targets."""
    year2: list[Item] = []
    for item in year1:
        roll = rng.random()
        if roll < 0.12:
            continue  # dropped
        new = replace(item, sources=list(item.sources))
        change = rng.random()
        if change < 0.45:
            new.value = _scale(item.value, rng.uniform(1.03, 1.4), item.unit)
        elif change < 0.65:
            new.value = _scale(item.value, rng.uniform(0.6, 0.97), item.unit)
        if rng.random() < 0.12:
            reworded = _reword(rng, item, traditional)
            if reworded:
                new.name = reworded
                if rng.random() < 0.5:
                    new.name_en = new.name_en.replace("output value", "gross output value").replace(
                        "enterprises above designated size", "large-scale enterprises")
        if rng.random() < 0.05:
            new.qualifier = _pick(rng, QUALIFIERS) if item.direction == "up" else item.qualifier
            if item.direction == "up" and new.qualifier == "at_most":
                new.qualifier = "about"
        if rng.random() < 0.05:
            new.strive = not item.strive
        if item.unit == "亿元" and not isinstance(item.value, list) and rng.random() < 0.03:
            new.unit, new.value = "万元", _round(float(new.value) * 10000, "万元")  # type: ignore[arg-type]
        year2.append(new)
    fresh = round(len(year1) * 0.12)
    for offset in range(fresh):
        item = _make_item(rng, space[used + offset], serial=used + offset)
        year2.insert(rng.randrange(len(year2) + 1), item)
    return year2


def generate(size: int, seed: int = 2030) -> tuple[list[Item], list[Item]]:
    """Year 1 with `size` targets and year 2 derived from it."""
    import opencc

    rng = random.Random(seed)
    space = _space()
    needed = size + round(size * 0.12)
    if needed > len(space):
        raise SystemExit(f"generate: at most {len(space) * 100 // 112} targets per file (asked {size})")
    rng.shuffle(space)
    year1 = [_make_item(rng, space[index], serial=index) for index in range(size)]
    year2 = _derive(rng, year1, space, size, opencc.OpenCC("s2t"))
    return year1, year2


# -- writing YAML ---------------------------------------------------------------------------

_PLAIN = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbfA-Za-z(][^:#{}\[\],&*!|>'\"%@`]*$")
_RESERVED = re.compile(r"^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?[\d.][\d._eE+-]*)$", re.IGNORECASE)


def _scalar(text: str) -> str:
    if _PLAIN.match(text) and not _RESERVED.match(text) and text == text.strip() and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return f"[{_number(value[0])}, {_number(value[1])}]"
    return _number(value)


_VERB = {"at_least": ("达到", "以上"), "about": ("达到", "左右"), "at_most": ("控制在", "以内"), "exact": ("达到", "")}


def _quote(item: Item) -> str:
    value = _value_text(item.value).strip("[]").replace(", ", "~")
    verb, tail = _VERB[item.qualifier]
    if item.name.endswith(("增速", "增长", "下降")):
        verb = "达到" if item.direction == "up" else ""
    elif item.metric == "growth":
        verb = "下降" if item.direction == "down" else "增长"
    elif item.metric == "increment":
        verb = "新增"
    strive = "力争" if item.strive else ""
    return f"{item.name}{strive}{verb}{value}{item.unit}{tail}"


def render(items: list[Item], year: int) -> str:
    region, region_en = REGION
    out = [
        "# Synthetic benchmark data generated by benchmarks/generate.py; not real targets.",
        "schema_version: 1",
        f"region: {region}",
        f"region_en: {region_en}",
        f"year: {year}",
        "sources:",
        f"- {{id: work-report, title: {year}年{region}人民政府工作报告, title_en: {region_en} Municipal Government "
        f"Work Report {year}, kind: work_report, date: {year}-01-05}}",
        f"- {{id: party-plan, title: 中共{region}委员会关于{year}年高质量发展的实施意见, title_en: Implementation "
        f"opinions on high-quality development in {year}, kind: party_plan, date: {year}-01-01, "
        f"doc_number: 包党发〔{year}〕1号}}",
        "targets:",
    ]
    for item in items:
        quote = _scalar(_quote(item))
        out += [
            f"- id: {item.id}",
            f"  name: {_scalar(item.name)}",
            f"  name_en: {_scalar(item.name_en)}",
            f"  sector: {item.sector}",
            f"  metric: {item.metric}",
            f"  value: {_value_text(item.value)}",
            f"  unit: {_scalar(item.unit)}",
            f"  qualifier: {item.qualifier}",
        ]
        if item.strive:
            out.append("  strive: true")
        if item.direction != "up":
            out.append(f"  direction: {item.direction}")
        out.append("  evidence:")
        out += [f"  - {{source: {source}, quote: {quote}}}" for source in item.sources]
    return "\n".join(out) + "\n"


def write(size: int, out: Path, seed: int = 2030, year: int = 2030) -> tuple[Path, Path]:
    year1, year2 = generate(size, seed)
    out.mkdir(parents=True, exist_ok=True)
    first, second = out / f"targets_{year}.yaml", out / f"targets_{year + 1}.yaml"
    first.write_text(render(year1, year), encoding="utf-8")
    second.write_text(render(year2, year + 1), encoding="utf-8")
    return first, second


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000, help="targets in the first year (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the two files into")
    parser.add_argument("--seed", type=int, default=2030, help="random seed (default 2030)")
    parser.add_argument("--year", type=int, default=2030, help="first year (default 2030)")
    args = parser.parse_args(argv)
    if args.size < 1:
        parser.error("--size must be at least 1")
    first, second = write(args.size, args.out, args.seed, args.year)
    for path in (first, second):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
