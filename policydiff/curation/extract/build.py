"""Drafts → a data file: sources for the parts that yield figures, ids, merged repeats, review
comments, and the figures left out (multi-year goals, units the table lacks) as a comment."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from policydiff.contract.model import DeclaredUnit, Evidence, Source, SourceKind, Target, TargetSet, format_number
from policydiff.curation.extract.rules import Draft, Kind


@dataclass(frozen=True)
class Extraction:
    """A drafted data file and what a curator should check in it."""

    target_set: TargetSet
    reviews: dict[str, tuple[str, ...]]  # item id (actuals: "actuals/<id>") → what to check
    horizon: tuple[Draft, ...]  # multi-year and later goals, left out
    unknown_units: tuple[Draft, ...]  # figures in units the unit table lacks, left out
    notes: tuple[str, ...] = ()  # further footer lines (e.g. from --against)
    drafts: tuple[Draft, ...] = ()  # what it was assembled from, for combining several files
    part_sources: tuple[Source, ...] = ()  # one source per part of the document, by part index

    def footer(self) -> list[str]:
        lines: list[str] = []
        if self.unknown_units:
            lines += ["", "Not drafted: units the unit table lacks (declare the unit, then add the item):"]
            lines += [f"  {d.value} {d.unit}: {d.quote}" for d in self.unknown_units]
        if self.horizon:
            lines += ["", "Not drafted: multi-year or later goals and cumulative figures (not this year's):"]
            lines += [f"  {d.value} {d.unit}: {d.quote}" for d in self.horizon]
        lines += list(self.notes)
        return lines

    def to_yaml(self) -> str:
        from policydiff.contract.writer import write_target_set

        counts = f"{len(self.target_set.targets)} targets, {len(self.target_set.actuals)} results"
        header = [f"Draft by `policydiff extract`: {counts}. Check every item against its quote;",
                  "`# review:` lines say what the rules were unsure of."]
        return write_target_set(self.target_set, self.reviews, header=header, footer=self.footer())

    def to_json(self) -> dict[str, Any]:
        """The data file as JSON (JSON is YAML: `policydiff validate` reads it); review remarks go
        into each item's `note`, as JSON has no comments."""
        from policydiff.contract.writer import contract_version

        def item(target: Target, key: str) -> dict[str, Any]:
            data = {k: v for k, v in target.to_json().items() if v is not None}
            remarks = self.reviews.get(key, ())
            if remarks:
                data["note"] = "; ".join(filter(None, [target.note, *("review: " + r for r in remarks)]))
            return data

        # The same version and fields as the YAML draft: a JSON draft must load as that data file.
        result: dict[str, Any] = {"schema_version": contract_version(self.target_set),
                                  "region": self.target_set.region}
        if self.target_set.region_en:
            result["region_en"] = self.target_set.region_en
        result["year"] = self.target_set.year
        if self.target_set.declared_units:
            result["units"] = [unit.to_json() for unit in self.target_set.declared_units]
        result["sources"] = [s.to_json() for s in self.target_set.sources]
        result["targets"] = [item(t, t.id) for t in self.target_set.targets]
        result["actuals"] = [item(a, f"actuals/{a.id}") for a in self.target_set.actuals]
        return result


_KIND_PATTERNS: tuple[tuple[str, SourceKind], ...] = (
    (r"政府工作报告|报告政府工作|向大会报告工作", SourceKind.WORK_REPORT),
    (r"党发|中共.{0,12}委员会|市委|省委|区委|县委|党委", SourceKind.PARTY_PLAN),
    (r"通知|办法|措施|意见|方案|规划|细则|规定|政策", SourceKind.POLICY),
)
_SLUG_OF_KIND = {SourceKind.WORK_REPORT: "work-report", SourceKind.PARTY_PLAN: "party-plan",
                 SourceKind.POLICY: "policy", SourceKind.OTHER: "document"}


def guess_kind(title: str, text: str) -> SourceKind:
    for pattern, kind in _KIND_PATTERNS:
        if re.search(pattern, title):
            return kind
    head = text[:1500]
    for pattern, kind in _KIND_PATTERNS:
        if re.search(pattern, head):
            return kind
    return SourceKind.OTHER


_REGION = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:自治区|特别行政区|市|省|县|自治州|州|盟|旗|区))(?:人民政府|委员会|人民代表大会)")


def guess_region(text: str) -> str:
    """The region a document is of: 包头市 from 包头市人民政府; 中国 for the State Council's report."""
    head = text[:3000]
    match = _REGION.search(head)
    if match:  # 2025年某市人民政府 → 某市
        return match.group(1).split("年")[-1].removeprefix("中共") or "未知地区"
    if "国务院" in head or "全国人民代表大会" in head or "我代表国务院" in text[:5000]:
        return "中国"
    return "未知地区"




def _merge_key(draft: Draft) -> tuple[Any, ...]:
    from policydiff.comparison.normalise import normalise_name

    return (draft.kind, normalise_name(draft.name), draft.value, draft.unit, draft.metric, draft.year)


def _same_statement(first: Draft, second: Draft) -> bool:
    """Two documents' wordings of one target (产业本地配套率 / 本地配套率, both 65% 以上)."""
    from rapidfuzz import fuzz

    from policydiff.comparison.normalise import normalise_name

    if (first.kind, first.value, first.unit, first.metric, first.year, first.qualifier) != (
            second.kind, second.value, second.unit, second.metric, second.year, second.qualifier) or first.part == second.part:
        return False
    a, b = normalise_name(first.name), normalise_name(second.name)
    return bool(a and b) and (a in b or b in a or fuzz.ratio(a, b) >= 60)


_MAGNITUDE = {"万亿": (1e12, "trillion"), "亿": (1e8, "100m"), "万": (1e4, "10k")}


def derived_unit(symbol: str) -> tuple[str, float, str] | None:
    """(dimension, factor, English) of a magnitude and a known unit (亿千瓦 = 10^8 kW), else None."""
    from policydiff.contract.units import lookup

    for prefix, (size, english) in _MAGNITUDE.items():
        if symbol.startswith(prefix):
            base = lookup(symbol[len(prefix):])
            if base is not None and not base.symbol.startswith(("万", "亿")):
                return base.dimension.value, size * base.factor, f"{english} {base.english}"
    return None


def _declare_units(drafts: Sequence[Draft]) -> tuple[list[Draft], list[DeclaredUnit]]:
    """Contract v2: a figure in a unit the table lacks but that is a magnitude of one it has
    (亿千瓦, 万公里) is drafted with the unit declared in the file; without v2 it stays a comment."""
    result: list[Draft] = []
    units: dict[str, DeclaredUnit] = {}
    for draft in drafts:
        derived = derived_unit(draft.unit) if draft.kind is Kind.UNKNOWN_UNIT and draft.intended else None
        if derived is None or draft.intended is None:
            result.append(draft)
            continue
        dimension, factor, english = derived
        units.setdefault(draft.unit, DeclaredUnit(symbol=draft.unit, dimension=dimension, factor=factor, english=english))
        result.append(dataclasses.replace(draft, kind=draft.intended,
                                          reviews=(*draft.reviews, f"unit {draft.unit} declared in this file")))
    return result, list(units.values())


def assemble(drafts: Sequence[Draft], *, year: int, region: str, sources: Sequence[Source],
             notes: Sequence[str] = ()) -> Extraction:
    """The data file for the drafts of one document (its parts' sources given in part order)."""
    drafts, declared = _declare_units(drafts)
    used_parts = sorted({d.part for d in drafts if d.kind in (Kind.TARGET, Kind.ACTUAL)})
    used_sources = {part: sources[part] for part in used_parts}
    merged: dict[tuple[Any, ...], tuple[Draft, list[Evidence]]] = {}
    for draft in drafts:
        if draft.kind not in (Kind.TARGET, Kind.ACTUAL):
            continue
        cited = Evidence(used_sources[draft.part].id, draft.quote)
        key = _merge_key(draft)
        if key not in merged:
            key = next((k for k, (d, items) in merged.items() if _same_statement(d, draft)
                        and all(e.source != cited.source for e in items)), key)
        if key in merged:
            items = merged[key][1]
            if all(e.source != cited.source for e in items):
                items.append(cited)  # two documents state it: one entry, two evidence items
            continue
        merged[key] = (draft, [cited])
    targets: list[Target] = []
    actuals: list[Target] = []
    reviews: dict[str, tuple[str, ...]] = {}
    taken: dict[str, int] = {}
    for draft, evidence in merged.values():
        base = f"{draft.sector or 'item'}-{draft.metric.value}"
        kind_key = "a" if draft.kind is Kind.ACTUAL else "t"
        count = taken.get(kind_key + base, 0) + 1
        taken[kind_key + base] = count
        ident = base if count == 1 else f"{base}-{count}"
        target = Target(id=ident, name=draft.name, value=draft.value, unit=draft.unit, sector=draft.sector,
                        metric=draft.metric, qualifier=draft.qualifier, strive=draft.strive,
                        direction=draft.direction, evidence=tuple(evidence),
                        year=draft.year if draft.kind is Kind.ACTUAL else None, estimate=draft.estimate)
        (actuals if draft.kind is Kind.ACTUAL else targets).append(target)
        if draft.reviews:
            reviews[("actuals/" if draft.kind is Kind.ACTUAL else "") + ident] = draft.reviews
    chosen = tuple(used_sources[p] for p in used_parts) or tuple(sources[:1])
    target_set = TargetSet(region=region, year=year, sources=chosen, targets=tuple(targets), actuals=tuple(actuals),
                           declared_units=tuple(declared))
    return Extraction(target_set, reviews,
                      horizon=tuple(d for d in drafts if d.kind is Kind.HORIZON),
                      unknown_units=tuple(d for d in drafts if d.kind is Kind.UNKNOWN_UNIT),
                      notes=tuple(notes), drafts=tuple(drafts), part_sources=tuple(sources))


def describe(target: Target) -> str:
    qualifier = {"at_least": "≥", "at_most": "≤", "about": "~"}.get(target.qualifier.value, "")
    return f"{target.id}: {target.name} {qualifier}{target.value} {target.unit}"


__all__ = ["Extraction", "assemble", "guess_kind", "guess_region", "describe", "format_number"]
