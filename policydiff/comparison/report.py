"""The report model every output format renders: Report → Change → (pair, signals, notes).

Filters return a new Report; nothing here is mutated after construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from policydiff.comparison.outcomes import OutcomeStatus
from policydiff.contract.model import Source, SourceKind, Target


class Status(StrEnum):
    RAISED = "raised"
    LOWERED = "lowered"
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # paired, but not comparable (metric or unit dimension differs)
    DROPPED = "dropped"
    NEW = "new"
    NOT_COVERED = "not_covered"  # no source of the other year covers it
    # the same number in weaker or firmer wording: 以上 → 左右, 力争 removed, a floor turned
    # into "about" (and back). Added after the others so that existing JSON keys keep their order.
    SOFTENED = "softened"
    FIRMED = "firmed"


STATUS_ORDER: tuple[Status, ...] = (Status.RAISED, Status.LOWERED, Status.SOFTENED, Status.FIRMED, Status.UNCHANGED,
                                    Status.CHANGED, Status.DROPPED, Status.NEW, Status.NOT_COVERED)
SYMBOL = {Status.RAISED: "▲", Status.LOWERED: "▼", Status.UNCHANGED: "=", Status.CHANGED: "≠",
          Status.DROPPED: "−", Status.NEW: "+", Status.NOT_COVERED: "?", Status.SOFTENED: "◁", Status.FIRMED: "▷"}


class Ambition(StrEnum):
    MORE = "more"
    LESS = "less"
    SAME = "same"


class LinkKind(StrEnum):
    MATCHED = "matched"  # paired by the engine
    PINNED = "pinned"  # paired because a curator pinned the pair


# The outcome verdict is the scorecard's status (comparison.outcomes): one rule, two views.
Verdict = OutcomeStatus


@dataclass(frozen=True)
class Signal:
    """One reason behind a pairing score: name, contribution, and what was seen."""

    name: str
    value: float
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "value": round(self.value, 4), "detail": self.detail}


@dataclass(frozen=True)
class Outcome:
    """The actual reported for a target's year, and whether the target was met."""

    actual: Target
    verdict: Verdict
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"actual": self.actual.to_json(), "verdict": self.verdict.value, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Change:
    status: Status
    before: Target | None
    after: Target | None
    score: float | None = None
    signals: tuple[Signal, ...] = ()
    link: LinkKind | None = None
    review: bool = False
    delta: float | None = None
    delta_unit: str | None = None
    delta_pct: float | None = None
    ambition: Ambition | None = None
    notes: tuple[str, ...] = ()
    outcome: Outcome | None = None
    # the documents reworded the indicator (names differ after normalisation): set by the
    # engine, so that no renderer has to decide it again
    renamed: bool = False

    @property
    def sector(self) -> str | None:
        return (self.after or self.before).sector if (self.after or self.before) else None  # type: ignore[union-attr]

    @property
    def differs(self) -> bool:
        return self.status is not Status.UNCHANGED

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "from": self.before.to_json() if self.before else None,
            "to": self.after.to_json() if self.after else None,
            "score": None if self.score is None else round(self.score, 4),
            "link": self.link.value if self.link else None,
            "review": self.review,
            "delta": None if self.delta is None else round(self.delta, 6),
            "delta_unit": self.delta_unit,
            "delta_pct": None if self.delta_pct is None else round(self.delta_pct, 4),
            "ambition": self.ambition.value if self.ambition else None,
            "notes": list(self.notes),
            "signals": [s.to_json() for s in self.signals],
            "outcome": self.outcome.to_json() if self.outcome else None,
            "renamed": self.renamed,
        }


@dataclass(frozen=True)
class Coverage:
    """Which kinds of source document each year has, and what that means for the report."""

    from_kinds: frozenset[SourceKind]
    to_kinds: frozenset[SourceKind]
    to_sectors: frozenset[str] | None = None  # what the later year's sources cover (None: everything)

    @property
    def only_in_from(self) -> frozenset[SourceKind]:
        return self.from_kinds - self.to_kinds

    @property
    def only_in_to(self) -> frozenset[SourceKind]:
        return self.to_kinds - self.from_kinds

    @property
    def complete(self) -> bool:
        return self.from_kinds == self.to_kinds and self.to_sectors is None

    def messages(self, from_label: str, to_label: str) -> list[str]:
        lines = []
        if self.to_sectors is not None:
            lines.append(f"{to_label}'s sources cover only {', '.join(sorted(self.to_sectors)) or 'no sector'}: "
                         f"targets of other sectors are reported as not_covered, not dropped.")
        if self.only_in_from:
            kinds = ", ".join(sorted(k.value for k in self.only_in_from))
            lines.append(f"{to_label} has no {kinds} among its sources: targets that only such documents "
                         f"set in {from_label} are reported as not_covered, not dropped.")
        if self.only_in_to:
            kinds = ", ".join(sorted(k.value for k in self.only_in_to))
            lines.append(f"{from_label} has no {kinds} among its sources: some new targets in {to_label} "
                         f"may only be new to the document set.")
        return lines

    def to_json(self, from_label: str, to_label: str) -> dict[str, Any]:
        return {
            "from_kinds": sorted(k.value for k in self.from_kinds),
            "to_kinds": sorted(k.value for k in self.to_kinds),
            "complete": self.complete,
            "notes": self.messages(from_label, to_label),
            "to_sectors": None if self.to_sectors is None else sorted(self.to_sectors),
        }


RECORD_FIELDS: tuple[str, ...] = (
    "status", "sector", "from_year", "to_year",
    *(f"{side}_{name}" for side in ("from", "to") for name in (
        "id", "name", "name_en", "metric", "low", "high", "unit", "qualifier", "strive", "direction")),
    "score", "link", "review", "renamed", "delta", "delta_unit", "delta_pct", "ambition",
    "outcome", "outcome_low", "outcome_high", "outcome_unit", "notes",
)


def _side(prefix: str, target: Target | None) -> dict[str, Any]:
    if target is None:
        return {f"{prefix}_{name}": None for name in ("id", "name", "name_en", "metric", "low", "high", "unit",
                                                       "qualifier", "strive", "direction")}
    return {f"{prefix}_id": target.id, f"{prefix}_name": target.name, f"{prefix}_name_en": target.name_en,
            f"{prefix}_metric": target.metric.value, f"{prefix}_low": target.value.low,
            f"{prefix}_high": target.value.high, f"{prefix}_unit": target.unit,
            f"{prefix}_qualifier": target.qualifier.value, f"{prefix}_strive": target.strive,
            f"{prefix}_direction": target.direction.value}


@dataclass(frozen=True, repr=False)
class Report:
    from_year: int
    to_year: int
    region: str
    changes: tuple[Change, ...]
    coverage: Coverage
    from_label: str = ""
    to_label: str = ""
    region_en: str | None = None
    filters: tuple[str, ...] = field(default=())
    # the documents each side cites, for renderers that name them (not part of the JSON contract)
    from_sources: tuple[Source, ...] = field(default=(), repr=False)
    to_sources: tuple[Source, ...] = field(default=(), repr=False)

    def summary(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for change in self.changes:
            counts[change.status.value] += 1
        return counts

    @property
    def differs(self) -> bool:
        return any(change.differs for change in self.changes)

    def where(self, statuses: frozenset[Status] | None = None, sectors: frozenset[str] | None = None,
              min_score: float | None = None) -> Report:
        """A new report keeping only the changes that pass every given filter."""
        def keep(change: Change) -> bool:
            if statuses is not None and change.status not in statuses:
                return False
            if sectors is not None and change.sector not in sectors:
                return False
            return min_score is None or change.score is None or change.score >= min_score

        described = []
        if statuses is not None:
            described.append("status: " + ", ".join(s.value for s in STATUS_ORDER if s in statuses))
        if sectors is not None:
            described.append("sector: " + ", ".join(sorted(sectors)))
        if min_score is not None:
            described.append(f"score ≥ {min_score:g}")
        return replace(self, changes=tuple(c for c in self.changes if keep(c)),
                       filters=self.filters + tuple(described))

    def __repr__(self) -> str:
        """Short, so that a report displayed in a notebook is one line, not the whole data."""
        counts = self.summary()
        parts = ", ".join(f"{counts[s.value]} {s.value}" for s in STATUS_ORDER if counts[s.value]) or "no targets"
        return f"<Report {self.region} {self.from_year} → {self.to_year}: {parts}>"

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per change (the keys of RECORD_FIELDS): numbers stay numbers, a range is
        its low and high, a missing side is None."""
        rows = []
        for change in self.changes:
            outcome = change.outcome
            rows.append({
                "status": change.status.value, "sector": change.sector,
                "from_year": self.from_year, "to_year": self.to_year,
                **_side("from", change.before), **_side("to", change.after),
                "score": change.score, "link": change.link.value if change.link else None,
                "review": change.review, "renamed": change.renamed, "delta": change.delta,
                "delta_unit": change.delta_unit, "delta_pct": change.delta_pct,
                "ambition": change.ambition.value if change.ambition else None,
                "outcome": outcome.verdict.value if outcome else None,
                "outcome_low": outcome.actual.value.low if outcome else None,
                "outcome_high": outcome.actual.value.high if outcome else None,
                "outcome_unit": outcome.actual.unit if outcome else None,
                "notes": " | ".join(change.notes),
            })
        return rows

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame (pandas is not a dependency: install it to use this)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Report.to_pandas() needs pandas: pip install pandas") from None
        return pandas.DataFrame.from_records(self.to_records(), columns=list(RECORD_FIELDS))

    def to_json(self, with_changes: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "from_year": self.from_year,
            "to_year": self.to_year,
            "region": self.region,
            "from": self.from_label,
            "to": self.to_label,
            "coverage": self.coverage.to_json(self.from_label, self.to_label),
            "summary": self.summary(),
        }
        if with_changes:
            data["changes"] = [change.to_json() for change in self.changes]
        return data
