"""The data contract, version 1, as field tables: the loader checks them and the JSON
Schema is generated from them, so the two cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, StrEnum

from policydiff.contract.model import Direction, Metric, Qualifier, SourceKind
from policydiff.contract.units import Dimension

SCHEMA_VERSION = 2  # what this policydiff writes
SUPPORTED_VERSIONS = (1, 2)
SLUG = r"[a-z0-9]+(?:[-_.][a-z0-9]+)*"
SLUG_PATTERN = f"^{SLUG}$"
# A data file's name: targets_YYYY.yaml, group 1 the plan year the file must declare.
TARGET_FILE = re.compile(r"^targets_(\d{4})\.ya?ml$")


class FieldType(StrEnum):
    STRING = "string"
    SLUG = "slug"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    QUANTITY = "quantity"  # a number or [low, high]
    DATE = "date"
    CHOICE = "choice"
    UNIT = "unit"
    SECTOR = "sector"
    SOURCE_REF = "source_ref"
    SECTORS = "sectors"  # a list of sector slugs
    NUMBER = "number"  # a positive finite number
    RECORDS = "records"  # a list of records of another kind
    VERSION = "version"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    record: str = ""
    since: int = 1  # the contract version that introduced the field


def _choices(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


_EVIDENCE = (
    FieldSpec("source", FieldType.SOURCE_REF, "id of a source declared in `sources`", True),
    FieldSpec("quote", FieldType.STRING, "sentence fragment copied from the source, showing indicator and number", True),
    FieldSpec("value", FieldType.QUANTITY, "only where this source states a different number"),
)

_TARGET = (
    FieldSpec("id", FieldType.SLUG, "slug, unique among the file's targets", True),
    FieldSpec("name", FieldType.STRING, "the document's own wording of the indicator", True),
    FieldSpec("name_en", FieldType.STRING, "precise English name of the indicator"),
    FieldSpec("sector", FieldType.SECTOR, "sector from the documented vocabulary"),
    FieldSpec("metric", FieldType.CHOICE, "level (default), growth rate, share, or in-year increment",
              choices=_choices(Metric)),
    FieldSpec("value", FieldType.QUANTITY, "number as stated, or [low, high] for a range", True),
    FieldSpec("unit", FieldType.UNIT, "unit as stated (亿元, 万吨, %, 家 …)", True),
    FieldSpec("qualifier", FieldType.CHOICE, "以上/突破 at_least, 左右 about, 以内/控制在 at_most, else exact",
              choices=_choices(Qualifier)),
    FieldSpec("strive", FieldType.BOOLEAN, "true for 力争/争取"),
    FieldSpec("direction", FieldType.CHOICE, "whether a higher value is more ambitious (default up)",
              choices=_choices(Direction)),
    FieldSpec("evidence", FieldType.RECORDS, "where the sources state it", record="evidence"),
    FieldSpec("note", FieldType.STRING, "curator's remark"),
)

_ACTUAL = (
    *_TARGET[:1],
    FieldSpec("year", FieldType.INTEGER, "the year the outcome refers to", True),
    *_TARGET[1:-1],
    FieldSpec("estimate", FieldType.BOOLEAN, "true for an estimate (预计) rather than a final figure", since=2),
    *_TARGET[-1:],
)

_SOURCE = (
    FieldSpec("id", FieldType.SLUG, "slug, unique among the file's sources", True),
    FieldSpec("title", FieldType.STRING, "the document's title", True),
    FieldSpec("title_en", FieldType.STRING, "English title"),
    FieldSpec("kind", FieldType.CHOICE, "kind of document", True, choices=_choices(SourceKind)),
    FieldSpec("date", FieldType.DATE, "date of issue or delivery, YYYY-MM-DD"),
    FieldSpec("doc_number", FieldType.STRING, "document number, e.g. 包党发〔2025〕1号"),
    FieldSpec("url", FieldType.STRING, "where it was published"),
    FieldSpec("file", FieldType.STRING, "file name of the source's plain text"),
    FieldSpec("covers", FieldType.SECTORS, "sectors the document sets targets for (default: all)", since=2),
)

_UNIT = (
    FieldSpec("symbol", FieldType.STRING, "the unit as the documents write it (微克/立方米)", True),
    FieldSpec("dimension", FieldType.CHOICE, "what it measures; units of one dimension convert", True,
              choices=_choices(Dimension)),
    FieldSpec("factor", FieldType.NUMBER, "how many of the dimension's base unit one of it is", True),
    FieldSpec("english", FieldType.STRING, "English name", True),
)

_FILE = (
    FieldSpec("schema_version", FieldType.VERSION, "version of the data contract (1 or 2)", True),
    FieldSpec("region", FieldType.STRING, "region name as the documents write it", True),
    FieldSpec("region_en", FieldType.STRING, "English name of the region"),
    FieldSpec("year", FieldType.INTEGER, "the plan year; equals YYYY of targets_YYYY.yaml", True),
    FieldSpec("sources", FieldType.RECORDS, "documents cited", True, record="source"),
    FieldSpec("targets", FieldType.RECORDS, "targets set for the year", True, record="target"),
    FieldSpec("actuals", FieldType.RECORDS, "outcomes reported in this year's documents", record="actual"),
    FieldSpec("units", FieldType.RECORDS, "units the file uses that the built-in table lacks", record="unit",
              since=2),
)

RECORDS: dict[str, tuple[FieldSpec, ...]] = {
    "file": _FILE, "source": _SOURCE, "target": _TARGET, "actual": _ACTUAL, "evidence": _EVIDENCE, "unit": _UNIT,
}
