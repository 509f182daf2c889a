"""Every evidence quote in data/ is copied from its source's text and states the recorded value.

The source texts live outside the repository (../shared/seeds from the repository root);
without them these tests skip.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from policydiff.comparison.normalise import to_simplified
from policydiff.contract.model import Target, Value, format_number
from policydiff.load.loader import load_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DATA_FILES = sorted((ROOT / "data").glob("targets_*.yaml"))

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no source texts at {SEEDS}")


def squash(text: str) -> str:
    """Whitespace removed (PDF text breaks lines and numbers), traditional → simplified."""
    return to_simplified(re.sub(r"\s+", "", text))


@cache
def source_text(file_name: str) -> str:
    return squash((SEEDS / file_name).read_text(encoding="utf-8"))


# -- numbers as the documents write them -----------------------------------------------------------

_DIGITS = "零一二三四五六七八九"
_NUMERAL = "零一二两三四五六七八九十百千"  # 万 and 亿 may begin the unit: 一千万吨 is 1000 万吨


def _chinese_below_10000(number: int) -> str:
    """The standard reading: 1005 → 一千零五, 15 → 一十五 (variants are added by chinese_numerals)."""
    parts: list[str] = []
    skipped = False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // place % 10
        if digit == 0:
            skipped = True
            continue
        if skipped and parts:
            parts.append("零")
        parts.append(_DIGITS[digit] + name)
        skipped = False
    return "".join(parts)


def chinese_numerals(number: float) -> set[str]:
    """Ways a document writes a whole number in Chinese numerals: 2 → 二/两, 1000 → 一千/千, 200 → 二百/两百."""
    if not float(number).is_integer() or not 0 < number < 100_000_000:
        return set()
    high, low = divmod(int(number), 10_000)
    text = _chinese_below_10000(low)
    if high:
        text = _chinese_below_10000(high) + "万" + ("零" if 0 < low < 1000 else "") + text
    forms = {text}
    if number == 2:
        forms.add("两")
    forms |= {form.replace("二千", "两千").replace("二百", "两百").replace("二万", "两万") for form in forms}
    forms |= {form[1:] for form in forms if form[:2] in ("一十", "一百", "一千", "一万")}  # 十五, 百亿, 千户
    return forms


def states(quote: str, number: float) -> bool:
    """Whether the quote writes `number`: in digits (1200, 1,200, 1.3) or in Chinese numerals."""
    text = re.sub(r"(?<=[0-9]),(?=[0-9]{3})", "", quote)
    if re.search(rf"(?<![0-9.]){re.escape(format_number(number))}(?!\.?[0-9])", text):
        return True
    return any(re.search(rf"(?<![{_NUMERAL}万]){form}(?![{_NUMERAL}])", text) for form in chinese_numerals(number))


@pytest.mark.parametrize(("number", "forms"), [pytest.param(number, forms, id=str(number)) for number, forms in [
    (2, {"二", "两"}), (10, {"一十", "十"}), (15, {"一十五", "十五"}), (100, {"一百", "百"}),
    (200, {"二百", "两百"}), (1000, {"一千", "千"}), (1005, {"一千零五", "千零五"}),
    (30000, {"三万"}), (20500, {"二万零五百", "两万零五百"}), (1.5, set()),
]])
def test_chinese_numerals(number: float, forms: set[str]) -> None:
    assert chinese_numerals(number) == forms


@pytest.mark.parametrize(("quote", "number", "expected"), [
    pytest.param("晶硅光伏产业产值力争达到1200亿元以上", 1200, True, id="digits"),
    pytest.param("产值达到1,200亿元", 1200, True, id="thousands-separator"),
    pytest.param("产值达到12000亿元", 1200, False, id="digits-inside-a-larger-number"),
    pytest.param("增长2.5%", 2.5, True, id="decimal"),
    pytest.param("增长12.5%", 2.5, False, id="decimal-inside-a-larger-number"),
    pytest.param("增长2.5%", 2, False, id="whole-part-of-a-decimal"),
    pytest.param("突破一千亿元", 1000, True, id="chinese-numerals"),
    pytest.param("并肩站上千亿元台阶", 1000, True, id="chinese-numeral-without-one"),
    pytest.param("满都拉口岸过货量突破一千万吨", 1000, True, id="chinese-numeral-before-wan-unit"),
    pytest.param("装机达到两千万千瓦", 2000, True, id="liang-for-two"),
    pytest.param("三千万千瓦", 1000, False, id="chinese-numeral-inside-a-larger-one"),
    pytest.param("一千五百家", 1000, False, id="chinese-numeral-prefix-of-a-larger-one"),
])
def test_states(quote: str, number: float, expected: bool) -> None:
    assert states(quote, number) is expected


# -- the data ------------------------------------------------------------------------------------


def _sources(path: Path) -> list[tuple[str, str | None]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(source["id"], source.get("file")) for source in raw.get("sources") or []]


CASES = [pytest.param(path, source_id, file_name, id=f"{path.name}:{source_id}")
         for path in DATA_FILES for source_id, file_name in _sources(path)]


def stated_values(target: Target, own: Value | None) -> list[float]:
    value = own if own is not None else target.value
    return [value.low, value.high] if value.is_range else [value.low]


@pytest.mark.parametrize(("path", "source_id", "file_name"), CASES)
def test_every_quote_is_in_its_source_and_states_the_value(path: Path, source_id: str,
                                                           file_name: str | None) -> None:
    if file_name is None:
        pytest.skip(f"source {source_id} names no `file` to check against")
    assert (SEEDS / file_name).is_file(), f"{path.name}: source {source_id} names {file_name}, not in {SEEDS}"
    document = source_text(file_name)
    target_set = load_file(path)
    problems: list[str] = []
    checked = 0
    for item in (*target_set.targets, *target_set.actuals):
        for evidence in item.evidence:
            if evidence.source != source_id:
                continue
            checked += 1
            quote = squash(evidence.quote)
            where = f"{path.name}:{item.location.line if item.location else '?'} {item.id}"
            if quote not in document:
                problems.append(f"{where}: quote not found in {file_name}: {evidence.quote}")
            for number in stated_values(item, evidence.value):
                if not states(quote, number):
                    problems.append(f"{where}: quote does not state {format_number(number)}: {evidence.quote}")
    assert checked, f"no evidence cites {source_id}"
    assert not problems, "\n".join(problems)
