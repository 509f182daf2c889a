"""Parse a stated quantity such as 1200亿元以上, 3~5家, 20% 左右, 控制在5.5%以内 (the number, its unit and
qualifier; the verb before it, such as 增长 or 达到, is not part of the quantity)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from policydiff.contract.model import Qualifier, Value
from policydiff.contract.units import lookup

_PREFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("不低于", Qualifier.AT_LEAST), ("超过", Qualifier.AT_LEAST), ("突破", Qualifier.AT_LEAST),
    ("控制在", Qualifier.AT_MOST), ("不超过", Qualifier.AT_MOST), ("低于", Qualifier.AT_MOST),
)
_SUFFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("以上", Qualifier.AT_LEAST), ("左右", Qualifier.ABOUT), ("以内", Qualifier.AT_MOST),
    ("以下", Qualifier.AT_MOST),
)
_NUMBER = r"[0-9][0-9,]*(?:\.[0-9]+)?"
_QUANTITY = re.compile(
    rf"^(?P<low>{_NUMBER})(?:(?:~|-|—|–|至|到)(?P<high>{_NUMBER}))?(?P<unit>.+?)?$"
)


@dataclass(frozen=True)
class Quantity:
    value: Value
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    strive: bool = False


def _number(text: str) -> int | float:
    digits = text.replace(",", "")
    return float(digits) if "." in digits else int(digits)


def parse_quantity(text: str) -> Quantity:
    """The value, unit, qualifier and 力争 of a stated quantity; ValueError if it is not one."""
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    strive = compact.startswith(("力争", "争取"))
    if strive:
        compact = compact[2:]
    qualifier = Qualifier.EXACT
    for word, meaning in _PREFIX_QUALIFIERS:
        if compact.startswith(word):
            qualifier, compact = meaning, compact[len(word):]
            break
    for word, meaning in _SUFFIX_QUALIFIERS:
        if compact.endswith(word):
            qualifier, compact = meaning, compact[: -len(word)]
            break
    match = _QUANTITY.match(compact)
    if match is None:
        raise ValueError(f"not a quantity: {text!r} (expected e.g. 1200亿元以上 or 3~5家)")
    unit_text = match.group("unit") or ""
    unit = lookup(unit_text)
    if unit is None:
        raise ValueError(f"unknown unit {unit_text!r} in {text!r}")
    low = _number(match.group("low"))
    high = _number(match.group("high")) if match.group("high") else low
    if low > high:
        raise ValueError(f"range {low}~{high} in {text!r} has low > high")
    return Quantity(Value(low, high), unit.symbol, qualifier, strive)
