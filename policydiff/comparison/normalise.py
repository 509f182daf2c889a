"""Normalise stage: indicator names reduced to a comparable form.

Traditional → simplified (OpenCC `t2s`, never `tw2sp`, which rewrites 新增 → 添加),
full-width → half-width, boilerplate stripped and synonyms mapped to one spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Words that frame a target without naming the indicator.
BOILERPLATE: tuple[str, ...] = (
    "全市", "全区", "全社会", "全年", "年内", "今年", "当年", "我市", "力争", "争取", "达到", "实现", "突破",
    "以上", "左右", "以内", "确保", "持续", "保持", "稳定在", "控制在", "完成", "总体", "全面",
    "新增",  # the metric (increment) says it; names keep or drop it inconsistently
)

# (variant, canonical): applied in order, longest variants first where they overlap.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("研究与试验发展经费", "研发投入"), ("研究与试验发展", "研发"), ("r&d", "研发"),
    ("研发经费投入", "研发投入"), ("研发经费", "研发投入"),
    ("规模以上", "规上"), ("战略性新兴产业", "战新产业"), ("战略性新兴", "战新"),
    ("增速", "增长"), ("增长率", "增长"), ("增幅", "增长"),
    ("地区生产总值", "gdp"), ("生产总值", "gdp"),
    ("绿色电力", "绿电"), ("晶硅光伏", "晶硅"), ("光伏晶硅", "晶硅"), ("装机容量", "装机"), ("装机规模", "装机"),
    ("营业收入", "营收"), ("主营业务收入", "营收"),
    ("国家高新技术企业", "高企"), ("高新技术企业", "高企"),
    ("专业技术人才", "专技人才"), ("技术合同成交额", "技术合同交易额"),
    ("社会消费品零售总额", "社零"), ("固定资产投资", "固投"),
    ("一般公共预算收入", "一般公共预算收入"), ("城镇新增就业", "城镇就业"),
    ("城镇调查失业率", "调查失业率"),
    ("万元gdp", "单位gdp"), ("外贸进出口", "进出口"), ("进出口总值", "进出口"), ("进出口总额", "进出口"),
    ("居民消费价格", "cpi"), ("实际利用外资", "实际使用外资"), ("比率", "比例"),
    ("数量", ""), ("总量", ""), ("总额", ""), ("规模", ""), ("总数", ""),
)

# Whole names that mean another indicator's name (经济总量 is GDP, 经济增长 is GDP growth).
WHOLE_NAMES: dict[str, str] = {"经济": "gdp", "经济增速": "gdp", "国内生产总值": "gdp"}

_TRAILING_GROWTH = re.compile(r"(?<=.)(增长|提高|提升)$")
_PUNCTUATION = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】、,，.。:：;；!！?？·/\\_-]+")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # imported lazily: only names need it, and it costs ~15 ms

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional → simplified; 矽 (traditional for silicon) → 硅."""
    if text.isascii():
        return text
    return str(_converter().convert(text)).replace("矽", "硅")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Width-folded, simplified, lower-case text with whitespace removed."""
    return re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", text)).lower())


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The comparable form of an indicator name (全市规模以上工业增加值增速 → 规上工业增加值增长)."""
    text = _PUNCTUATION.sub("", fold(name))
    for variant, canonical in SYNONYMS:
        text = text.replace(variant, canonical)
    for word in BOILERPLATE:
        text = text.replace(word, "")
    text = _TRAILING_GROWTH.sub("", text)  # 增长 is the metric, not the indicator
    text = WHOLE_NAMES.get(text, text)
    return text or _PUNCTUATION.sub("", fold(name))


def normalise_english(name: str | None) -> str:
    """Lower-case English name with punctuation folded to single spaces."""
    if not name:
        return ""
    return " ".join(re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKC", name).lower()))
