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


class ReportFormat(StrEnum):
    """The formats of `compare`: the text ones, and a workbook (bytes, written with -o)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class ScorecardFormat(StrEnum):
    """The formats of `scorecard` (here, not with its renderers, so the CLI starts without them)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class Section(StrEnum):
    """The parts of a comparison report, in the order tables and Markdown print them."""

    SUMMARY = "summary"  # counts by status, coverage caveats, filters
    CHANGED = "changed"  # raised, lowered, changed (and reworded) pairs, largest move first
    UNCHANGED = "unchanged"
    NEW = "new"
    DROPPED = "dropped"
    NOT_COVERED = "not_covered"
    SOURCES = "sources"  # Markdown: the documents cited


DEFAULT_SECTIONS = frozenset(Section) - {Section.UNCHANGED}


@dataclass(frozen=True)
class RenderOptions:
    width: int = 120
    colour: bool = False
    lang: Lang = Lang.BOTH
    show_unchanged: bool = False  # tables and Markdown hide unchanged pairs unless asked
    explain: bool = False  # show each pair's score signals
    sections: frozenset[Section] = DEFAULT_SECTIONS  # which parts tables and Markdown print
    limit: int | None = None  # at most this many rows per section (the largest moves first)
    title: bool = True  # the report's title line (a caller embedding the report prints its own)
    heading_level: int = 1  # Markdown: the title's level; sections one below
    label_prefix: str = ""  # Markdown: prefix of citation labels, unique across embedded reports
    bom: bool = False  # CSV: start with a byte-order mark, so that Excel reads UTF-8

    @property
    def shown(self) -> frozenset[Section]:
        return self.sections | {Section.UNCHANGED} if self.show_unchanged else self.sections


QUALIFIER_SIGN = {Qualifier.AT_LEAST: "≥", Qualifier.ABOUT: "≈", Qualifier.AT_MOST: "≤", Qualifier.EXACT: ""}
MINUS = "−"  # U+2212: a minus sign that no reader takes for a hyphen


def unit_text(unit: str, lang: Lang = Lang.BOTH) -> str:
    """The unit as written (亿元), or its English name (100m yuan) with --lang en."""
    if lang is Lang.EN:
        from policydiff.contract.units import lookup

        known = lookup(unit)
        if known is not None:
            return known.english
    return unit


def _number(number: float) -> str:
    return (MINUS if number < 0 else "") + format_number(abs(number))


def _magnitude(value: Value) -> str:
    if value.is_range:
        return f"{format_number(abs(value.low))}~{format_number(abs(value.high))}"
    return format_number(abs(value.low))


def value_text(value: Value, unit: str, qualifier: Qualifier = Qualifier.EXACT, lang: Lang = Lang.BOTH) -> str:
    """1200 亿元 with its qualifier sign: ≥1200 亿元, ≈8%, 3~5 家, −3%."""
    unit = unit_text(unit, lang)
    joiner = "" if unit in ("%", "‰") else " "
    number = str(value) if value.low >= 0 and value.high >= 0 else (
        MINUS + _magnitude(value) if value.low < 0 and value.high < 0 else f"{_number(value.low)}~{_number(value.high)}")
    return f"{QUALIFIER_SIGN[qualifier]}{number}{joiner}{unit}"


def target_value_text(target: Target, lang: Lang = Lang.BOTH) -> str:
    """A target's value as nobody misreads it: an increment is `+10 家` (新增10家), a decline
    `−3%` (下降3%, `下降3%` with --lang zh), a growth `≈8% growth` (`增长≈8%` with --lang zh)."""
    value, unit, sign = target.value, unit_text(target.unit, lang), QUALIFIER_SIGN[target.qualifier]
    joiner = "" if unit in ("%", "‰") else " "
    declining = value.low < 0 and value.high < 0
    if target.metric is Metric.INCREMENT:
        text = f"{sign}{MINUS if declining else '+'}{_magnitude(value) if declining else value}{joiner}{unit}"
    elif target.metric is Metric.GROWTH and lang is Lang.ZH:
        text = f"{'下降' if declining else '增长'}{sign}{_magnitude(value) if declining else value}{joiner}{unit}"
    elif target.metric is Metric.GROWTH:
        text = value_text(value, target.unit, target.qualifier, lang) + ("" if declining else " growth")
    else:
        text = value_text(value, target.unit, target.qualifier, lang)
    if target.strive:
        text += " (力争)" if lang is Lang.ZH else " (strive)"
    return text


def display_name(target: Target, lang: Lang) -> str:
    if lang is Lang.ZH or not target.name_en:
        return target.name
    if lang is Lang.EN:
        return target.name_en
    return f"{target.name} / {target.name_en}"


def signed(number: float, suffix: str = "", digits: int = 4) -> str:
    sign = "+" if number > 0 else ("−" if number < 0 else "±")
    return f"{sign}{format_number(round(abs(number), digits))}{suffix}"
