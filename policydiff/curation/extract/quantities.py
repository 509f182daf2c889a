"""Stated quantities in a clause: a number in any written form, its unit (longest match from the
unit table, so 200万千瓦时 is 200 万千瓦时, never 200万 千瓦), a range (3~5家, 6.5%-7%, 4.5%至5%),
and the qualifier words around it (突破, 控制在, 约, 近 … 以上, 左右, 以内, 多)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policydiff.contract.model import Qualifier, Value
from policydiff.contract.numerals import BIG_UNITS, DIGITS, SMALL_UNITS, parse_number
from policydiff.contract.units import UNITS

_CN = "零〇两一二三四五六七八九十百千"
# 千 of 千瓦, 千米, 千克 begins the unit, not a numeral (200万千瓦时 is 200 万千瓦时)
_CN_CHAR = r"(?:[零〇两一二三四五六七八九十百]|千(?![瓦米克]))"
_CORE = rf"(?:[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|{_CN_CHAR}(?:{_CN_CHAR}|点(?=[零〇一二三四五六七八九]))*)"
_RUN = re.compile(rf"(?<![A-Za-z0-9.]){_CORE}(?:[万亿]+{_CORE}?)*")
_PERCENT_WORD = re.compile(rf"百分之([{_CN}点]+)|([一二两三四五六七八九十]+)分之([一二两三四五六七八九十]+)|(?<![{_CN}])(一半|减半)")
_RANGE = re.compile(r"(?:~|-{1,2}|—{1,2}|–|至|到)")

_PEOPLE_BEFORE = re.compile(r"(?:人口|人员|群众|劳动力|毕业生|农民工|职工|居民|学生)[\u4e00-\u9fff]{0,1}$")
_PEOPLE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:人口|人员|群众|劳动力|毕业生|农民工|职工|学生)")

# magnitudes that may also start a unit (万吨, 亿元, 万亿元): given to the unit when the table has it
_MAGNITUDES = ("万亿", "万", "亿")

# unit + next character that make another word (个月, 家庭, 名单 …): not a unit there
_NOT_UNIT_BEFORE: dict[str, str] = {
    "个": "月人体性别案工", "人": "民员口均工士才们生", "家": "庭园居电具乡属长族政", "户": "籍口外型",
    "名": "单牌录称额次义", "场": "景所馆地次", "次": "年日要级生性", "处": "理置罚于室长级",
    "部": "门署分长件队位", "条": "例件款", "支": "持撑付出柱", "套": "餐利", "批": "准发复次",
    "件": "事", "只": "有要能是", "种": "植子业养类", "头": "部条号", "口": "岸径号罩", "间": "隔接歇",
    "类": "型别似", "项": "目", "天": "然气津下空地", "年": "度级代均底初末内前后来份", "台": "阶账湾风州",
    "座": "谈位", "所": "有在需以属得长", "班": "子组", "列": "入为", "床": "位", "位": "置于列数",
    "倍": "增数", "度": "假过", "张": "家",
}

_PREFIXES: tuple[tuple[str, Qualifier], ...] = (
    ("不低于", Qualifier.AT_LEAST), ("不少于", Qualifier.AT_LEAST), ("超过", Qualifier.AT_LEAST),
    ("突破", Qualifier.AT_LEAST), ("至少", Qualifier.AT_LEAST), ("高于", Qualifier.AT_LEAST),
    ("多于", Qualifier.AT_LEAST), ("大于", Qualifier.AT_LEAST), ("超", Qualifier.AT_LEAST),
    ("逾", Qualifier.AT_LEAST), ("破", Qualifier.AT_LEAST),
    ("控制在", Qualifier.AT_MOST), ("不超过", Qualifier.AT_MOST), ("不高于", Qualifier.AT_MOST),
    ("低于", Qualifier.AT_MOST), ("少于", Qualifier.AT_MOST), ("最多", Qualifier.AT_MOST),
    ("小于", Qualifier.AT_MOST),
    ("大约", Qualifier.ABOUT), ("约", Qualifier.ABOUT), ("接近", Qualifier.ABOUT), ("近", Qualifier.ABOUT),
)
_SUFFIXES: tuple[tuple[str, Qualifier], ...] = (
    ("以上", Qualifier.AT_LEAST), ("之上", Qualifier.AT_LEAST), ("左右", Qualifier.ABOUT),
    ("上下", Qualifier.ABOUT), ("以内", Qualifier.AT_MOST), ("之内", Qualifier.AT_MOST),
    ("以下", Qualifier.AT_MOST),
)


@dataclass(frozen=True)
class Mention:
    """One stated quantity: `start`..`end` covers prefix word, number, unit and suffix word."""

    start: int
    end: int
    number_start: int
    number_end: int  # where the unit starts
    value: Value
    unit: str  # a symbol of the unit table, or a magnitude + unit (亿千瓦) when `known` is False
    known: bool
    qualifier: Qualifier
    prefix: str  # the qualifier word before the number, if any (突破, 最高 …)
    chinese: bool  # written in Chinese numerals (一千, 两千亿, 近百)
    small_chinese: bool  # 一 to 十 without a magnitude: prose (一个, 两项, 三批), not a figure
    fraction: bool  # 一半, 三分之一, 百分之八: a share written in words


# other spellings of a unit of the table (PM2.5平均浓度32μg/m3): read as that unit
UNIT_SPELLINGS: dict[str, str] = {
    "μg/m3": "微克/立方米", "μg/m³": "微克/立方米", "µg/m3": "微克/立方米", "µg/m³": "微克/立方米",
    "ug/m3": "微克/立方米", "ug/m³": "微克/立方米", "微克每立方米": "微克/立方米", "毫克/立方米": "毫克/立方米",
    "TEU": "标准箱", "万TEU": "万标准箱",
}


@lru_cache(maxsize=1)
def _units_by_first() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for symbol in (*UNITS, *(s for s, canonical in UNIT_SPELLINGS.items() if canonical in UNITS)):
        table.setdefault(symbol[0], []).append(symbol)
    return {first: tuple(sorted(symbols, key=len, reverse=True)) for first, symbols in table.items()}


def unit_at(text: str, position: int) -> str | None:
    """The longest unit of the table that starts at `position` and is not the start of another word."""
    for symbol in _units_by_first().get(text[position: position + 1], ()):
        if text.startswith(symbol, position):
            following = text[position + len(symbol): position + len(symbol) + 1]
            if following and following in _NOT_UNIT_BEFORE.get(symbol[-1], "") and len(symbol) <= 2:
                continue
            if symbol.isascii() and symbol[-1].isalpha() and following.isascii() and following.isalpha():
                continue  # 5GWh is not 5 GW + h; kW inside a word
            return symbol
    return None


def _value(text: str) -> float | int | None:
    try:
        return parse_number(text)
    except ValueError:
        return None


def _prefix(text: str, start: int) -> tuple[str, Qualifier]:
    for word, meaning in _PREFIXES:
        if text.endswith(word, 0, start):
            return word, meaning
    for word in ("最高", "最低"):
        if text.endswith(word, 0, start):
            return word, Qualifier.AT_MOST if word == "最高" else Qualifier.AT_LEAST
    return "", Qualifier.EXACT


def _suffix(text: str, end: int) -> tuple[str, Qualifier]:
    for word, meaning in _SUFFIXES:
        if text.startswith(word, end):
            return word, meaning
    return "", Qualifier.EXACT


@dataclass(frozen=True)
class _Number:
    start: int
    end: int  # after the number and any 多/余, before the unit
    value: float | int
    unit: str
    known: bool
    unit_end: int
    many: bool  # 多/余 after the number: "1100多万人", "4000多亩"
    chinese: bool
    small: bool
    fraction: bool


def _read(text: str, match: re.Match[str]) -> _Number | None:
    """A numeral run and the unit after it; None when no unit follows (a bare number is not a figure)."""
    run = match.group()
    start, end = match.start(), match.end()
    # 万/亿 at the end of the run begins the unit (1.2万人, 1.3万亿元), as stated; where the table
    # lacks the whole (3.7亿千瓦) it is a magnitude + a known unit, reported as not in the table
    for magnitude in _MAGNITUDES:
        if run.endswith(magnitude) and len(run) > len(magnitude):
            head, cut = run[: -len(magnitude)], end - len(magnitude)
            unit = unit_at(text, cut)
            if unit is not None and unit.startswith(magnitude):
                return _finish(text, start, cut, head, unit, True, cut + len(unit), False)
            rest = unit_at(text, end)
            if rest is not None and not rest.startswith(("万", "亿")):
                symbol = magnitude + rest
                return _finish(text, start, cut, head, symbol, symbol in UNITS, end + len(rest), False)
            break
    many = text[end: end + 1] in ("多", "余")
    after = end + (1 if many else 0)
    unit = unit_at(text, after)
    if unit is not None:
        return _finish(text, start, end, run, unit, True, after + len(unit), many)
    # 减少农村贫困人口1000万以上, 解决6000万农村人口…: a count of people written without 人
    for magnitude in ("万", "亿"):
        if run.endswith(magnitude) and len(run) > 1 and (_PEOPLE_BEFORE.search(text, 0, start) or _PEOPLE_AFTER.match(text, after)):
            symbol = magnitude + "人"
            return _finish(text, start, end - 1, run[:-1], symbol, symbol in UNITS, after, many)
    # a magnitude after 多 (1100多万人) or a magnitude with a unit the table lacks (3.7亿千瓦)
    for magnitude in _MAGNITUDES:
        if text.startswith(magnitude, after):
            unit = unit_at(text, after)
            rest = unit_at(text, after + len(magnitude))
            if rest is not None and not rest.startswith(("万", "亿")):
                symbol = magnitude + rest
                return _finish(text, start, end, run, symbol, symbol in UNITS, after + len(symbol), many)
    return None


def _finish(text: str, start: int, end: int, run: str, unit: str, known: bool, unit_end: int,
            many: bool) -> _Number | None:
    value = _value(run)
    if value is None:
        return None
    if unit in UNIT_SPELLINGS:  # the span keeps the stated spelling's length (unit_end)
        unit = UNIT_SPELLINGS[unit]
        known = unit in UNITS
    chinese = any(c in DIGITS or c in SMALL_UNITS for c in run)
    small = chinese and not any(c in SMALL_UNITS or c in BIG_UNITS for c in run) or run in ("十",)
    return _Number(start, end, value, unit, known, unit_end, many, chinese, small, False)


def _words(text: str) -> list[_Number]:
    """Shares written in words: 百分之八, 三分之一, 一半 (as percentages)."""
    found: list[_Number] = []
    for match in _PERCENT_WORD.finditer(text):
        if match.group(1):
            value = _value(match.group(1))
        elif match.group(2):
            value = _value(f"{match.group(2)}分之{match.group(3)}")
            value = None if value is None else round(value * 100, 1)
        else:
            value = 50
        if value is not None:  # 百分之八 is a percentage as stated; 三分之一 and 一半 are fractions of a change
            found.append(_Number(match.start(), match.end(), value, "%", True, match.end(), False, True, False,
                                 not match.group(1)))
    return found


def mentions(text: str) -> list[Mention]:
    """Every stated quantity in a folded clause, left to right."""
    words = _words(text)
    runs = [m for m in _RUN.finditer(text) if not any(w.start <= m.start() < w.end for w in words)]
    found: list[tuple[_Number, _Number | None]] = []
    index = 0
    while index < len(runs):
        number = _read(text, runs[index])
        # a range: "3~5家", "6.5%-7%", "4.5%至5%", "5.0%—5.5%": the first unit may be left out
        if index + 1 < len(runs):
            after = number.unit_end if number is not None else runs[index].end()
            separator = _RANGE.match(text, after, runs[index + 1].start())
            if separator is not None and separator.end() == runs[index + 1].start():
                high = _read(text, runs[index + 1])
                low = number or _bare(text, runs[index], high)
                if high is not None and low is not None and (number is None or number.unit == high.unit) \
                        and high.value > low.value:
                    found.append((low, high))
                    index += 2
                    continue
        if number is not None:
            found.append((number, None))
        index += 1
    found.extend((w, None) for w in words)
    found.sort(key=lambda pair: pair[0].start)
    result: list[Mention] = []
    for low, high in found:
        last = high or low
        value = Value(low.value, high.value) if high is not None else Value.of(low.value)
        word, qualifier = _prefix(text, low.start)
        suffix, after_word = _suffix(text, last.unit_end)
        if after_word is not Qualifier.EXACT:
            qualifier = after_word
        elif last.many:
            qualifier = Qualifier.AT_LEAST
        result.append(Mention(
            start=low.start - len(word), end=last.unit_end + len(suffix), number_start=low.start,
            number_end=last.end, value=value, unit=last.unit, known=last.known, qualifier=qualifier,
            prefix=word, chinese=low.chinese, small_chinese=low.small and high is None, fraction=low.fraction))
    return result


def _bare(text: str, match: re.Match[str], high: _Number | None) -> _Number | None:
    """The low end of a range written without its unit (the 3 of 3~5家)."""
    if high is None:
        return None
    value = _value(match.group())
    if value is None:
        return None
    chinese = any(c in DIGITS or c in SMALL_UNITS for c in match.group())
    return _Number(match.start(), match.end(), value, high.unit, high.known, match.end(), False, chinese, False, False)
