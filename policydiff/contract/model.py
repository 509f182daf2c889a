"""The data model: one region's targets for one year, as loaded from a YAML file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Metric(StrEnum):
    LEVEL = "level"
    GROWTH = "growth"
    SHARE = "share"
    INCREMENT = "increment"


class Qualifier(StrEnum):
    AT_LEAST = "at_least"
    ABOUT = "about"
    AT_MOST = "at_most"
    EXACT = "exact"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class SourceKind(StrEnum):
    WORK_REPORT = "work_report"
    PARTY_PLAN = "party_plan"
    POLICY = "policy"
    OTHER = "other"


Number = int | float


@dataclass(frozen=True)
class Value:
    """A stated number, or a stated range such as 3~5家 (low == high for a single number)."""

    low: Number
    high: Number

    @classmethod
    def of(cls, number: Number) -> Value:
        return cls(number, number)

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def midpoint(self) -> float:
        return (self.low + self.high) / 2

    def to_json(self) -> Number | list[Number]:
        return [self.low, self.high] if self.is_range else self.low

    def __str__(self) -> str:
        if self.is_range:
            return f"{format_number(self.low)}~{format_number(self.high)}"
        return format_number(self.low)


def format_number(number: float) -> str:
    """Shortest faithful text for a number, in plain decimal: 1200, 1.3, 0.25, 12345678901.5,
    0.00001 (never 1200.0, 1e3 or 1.23456789e+10); a float's shortest repr is the number as the
    data states it (at most 15 significant digits), so nothing is rounded away."""
    if isinstance(number, float):
        if number != number or number in (float("inf"), float("-inf")):
            return repr(number)
        if number.is_integer() and abs(number) < 1e16:
            return str(int(number))
        from decimal import Decimal

        text = format(Decimal(repr(number)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(number)


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Evidence:
    source: str
    quote: str
    value: Value | None = None


@dataclass(frozen=True)
class DeclaredUnit:
    """A unit a data file defines because the built-in table lacks it (contract version 2)."""

    symbol: str
    dimension: str
    factor: float
    english: str

    def to_json(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "dimension": self.dimension, "factor": self.factor, "english": self.english}


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: SourceKind
    title_en: str | None = None
    date: str | None = None
    doc_number: str | None = None
    url: str | None = None
    file: str | None = None
    covers: tuple[str, ...] = ()  # sectors the document sets targets for; empty: all of them

    def covers_sector(self, sector: str | None) -> bool:
        return not self.covers or sector in self.covers

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.title_en is not None:
            data["title_en"] = self.title_en
        data["kind"] = self.kind.value
        for key in ("date", "doc_number", "url", "file"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.covers:
            data["covers"] = list(self.covers)
        return data


@dataclass(frozen=True)
class Target:
    """A target (or, with `year` set, an actual outcome) for one indicator."""

    id: str
    name: str
    value: Value
    unit: str
    name_en: str | None = None
    sector: str | None = None
    metric: Metric = Metric.LEVEL
    qualifier: Qualifier = Qualifier.EXACT
    strive: bool = False
    direction: Direction = Direction.UP
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None
    year: int | None = None
    estimate: bool = False  # an outcome the document gives as an estimate (预计)
    location: Location | None = field(default=None, compare=False)

    @property
    def source_ids(self) -> frozenset[str]:
        return frozenset(item.source for item in self.evidence)

    @property
    def stated_values(self) -> frozenset[Value]:
        """The values its evidence states (the target's own where an item names none)."""
        return frozenset(item.value or self.value for item in self.evidence)

    def to_json(self) -> dict[str, Any]:
        """The target's fields named as in the data contract (defaults included)."""
        data: dict[str, Any] = {"id": self.id}
        if self.year is not None:
            data["year"] = self.year
        data["name"] = self.name
        data["name_en"] = self.name_en
        data["sector"] = self.sector
        data["metric"] = self.metric.value
        data["value"] = self.value.to_json()
        data["unit"] = self.unit
        data["qualifier"] = self.qualifier.value
        data["strive"] = self.strive
        data["direction"] = self.direction.value
        data["evidence"] = [_evidence_json(item) for item in self.evidence]
        if self.estimate:
            data["estimate"] = True
        if self.note is not None:
            data["note"] = self.note
        return data


def _evidence_json(item: Evidence) -> dict[str, Any]:
    data: dict[str, Any] = {"source": item.source, "quote": item.quote}
    if item.value is not None:
        data["value"] = item.value.to_json()
    return data


@dataclass(frozen=True)
class TargetSet:
    """One data file: a region's targets for `year`, with the sources they cite."""

    region: str
    year: int
    sources: tuple[Source, ...]
    targets: tuple[Target, ...]
    actuals: tuple[Target, ...] = ()
    region_en: str | None = None
    path: str | None = field(default=None, compare=False)
    declared_units: tuple[DeclaredUnit, ...] = ()

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    @property
    def source_kinds(self) -> frozenset[SourceKind]:
        return frozenset(s.kind for s in self.sources)

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "region": self.region,
            "region_en": self.region_en,
            "sources": [s.to_json() for s in self.sources],
            "targets": [t.to_json() for t in self.targets],
            "actuals": [a.to_json() for a in self.actuals],
            **({"units": [u.to_json() for u in self.declared_units]} if self.declared_units else {}),
        }
