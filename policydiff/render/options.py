"""Settings shared by every renderer, and small formatting helpers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from policydiff.contract.model import Metric, Qualifier, Target, Value, format_number


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"
    BOTH = "both"


class OutputFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


@dataclass(frozen=True)
class RenderOptions:
    width: int = 120
    colour: bool = False
    lang: Lang = Lang.BOTH
    show_unchanged: bool = False  # tables and Markdown hide unchanged pairs unless asked
    explain: bool = False  # show each pair's score signals


QUALIFIER_SIGN = {Qualifier.AT_LEAST: "≥", Qualifier.ABOUT: "≈", Qualifier.AT_MOST: "≤", Qualifier.EXACT: ""}
METRIC_SUFFIX = {Metric.LEVEL: "", Metric.GROWTH: " growth", Metric.SHARE: "", Metric.INCREMENT: " new"}


def value_text(value: Value, unit: str, qualifier: Qualifier = Qualifier.EXACT) -> str:
    """1200 亿元 with its qualifier sign: ≥1200 亿元, ≈8%, 3~5 家."""
    joiner = "" if unit in ("%", "‰") else " "
    return f"{QUALIFIER_SIGN[qualifier]}{value}{joiner}{unit}"


def target_value_text(target: Target) -> str:
    text = value_text(target.value, target.unit, target.qualifier) + METRIC_SUFFIX[target.metric]
    return text + (" (strive)" if target.strive else "")


def display_name(target: Target, lang: Lang) -> str:
    if lang is Lang.ZH or not target.name_en:
        return target.name
    if lang is Lang.EN:
        return target.name_en
    return f"{target.name} / {target.name_en}"


def signed(number: float, suffix: str = "", digits: int = 4) -> str:
    sign = "+" if number > 0 else ("−" if number < 0 else "±")
    return f"{sign}{format_number(round(abs(number), digits))}{suffix}"
