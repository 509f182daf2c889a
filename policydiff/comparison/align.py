"""Align stage: pair the targets of one year with those of another, one-to-one.

Each possible pair is scored from the Chinese name, the English name, the metric and the
sector; pairs whose units differ in dimension, or whose names differ in a key term
(多晶硅/单晶硅, 产能/产量), are vetoed. Pairs are then taken greedily, best score first,
with ties broken by position in the files, so the result is global and deterministic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from policydiff.comparison.contrast import KeyTerms, contrasts_of, key_terms, specialisations_of
from policydiff.comparison.links import NO_LINKS, Links, TargetRef
from policydiff.comparison.normalise import normalise_english, normalise_name
from policydiff.comparison.report import LinkKind, Signal
from policydiff.comparison.settings import AlignSettings as AlignSettings  # re-exported: callers name it with align
from policydiff.contract.model import Target
from policydiff.contract.units import lookup


@dataclass(frozen=True)
class Features:
    name: str
    english: str
    dimension: str
    metric: str
    sector: str | None
    terms: KeyTerms


@dataclass(frozen=True)
class Candidate:
    before: int
    after: int
    score: float
    signals: tuple[Signal, ...]
    vetoed: str = ""  # why this pair can never be made, if it cannot


@dataclass(frozen=True)
class Pair:
    before: Target
    after: Target
    score: float
    signals: tuple[Signal, ...]
    link: LinkKind
    review: bool


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[Pair, ...]
    unpaired_before: tuple[Target, ...]
    unpaired_after: tuple[Target, ...]
    candidates: tuple[tuple[Candidate, ...], ...]  # per `before` target, best first


def features(target: Target) -> Features:
    unit = lookup(target.unit)
    name = normalise_name(target.name)
    return Features(name, normalise_english(target.name_en), unit.dimension.value if unit else f"?{target.unit}",
                    target.metric.value, target.sector, key_terms(name))


def _best_possible(zh: float, a: Features, b: Features) -> float:
    """An upper bound of the score from the Chinese similarity alone (English at its best)."""
    english = 0.7 * zh + 0.3 if a.english and b.english else zh
    return english + (0.05 if a.sector and a.sector == b.sector else 0.0)


def score(a: Features, b: Features, floor: float | None = None) -> tuple[float, tuple[Signal, ...], str]:
    """The pair's score in [0, 1], the signals behind it, and a veto reason (empty if none).

    With `floor`, a pair that cannot reach it is returned early with an upper bound of its
    score and only the name signal: scoring every signal of every pair is the slow part."""
    if a.dimension != b.dimension:
        return 0.0, (Signal("unit", 0.0, f"{a.dimension} vs {b.dimension}"),), "units of different dimension"
    zh = fuzz.ratio(a.name, b.name) / 100
    signals = [Signal("name_zh", zh, f"{a.name} / {b.name}")]
    if floor is not None and (bound := _best_possible(zh, a, b)) < floor:
        return bound, tuple(signals), ""
    if a.english and b.english:
        # token_set_ratio alone scores any subset 100 ("major projects" ⊂ "major science projects")
        en = (fuzz.token_set_ratio(a.english, b.english) + fuzz.token_sort_ratio(a.english, b.english)) / 200
        signals.append(Signal("name_en", en, f"{a.english} / {b.english}"))
        total = 0.7 * zh + 0.3 * en
    else:
        total = zh
    clashes = contrasts_of(a.terms, b.terms)
    if clashes:
        detail = ", ".join(f"{x}≠{y}" for x, y in clashes)
        signals.append(Signal("contrast", -1.0, detail))
        return 0.0, tuple(signals), f"key terms differ: {detail}"
    penalty, reasons = _wording_penalty(a, b)
    if penalty:
        signals.extend(reasons)
        total -= penalty
    if a.metric != b.metric:
        signals.append(Signal("metric", -0.35, f"{a.metric} vs {b.metric}"))
        total -= 0.35
    if a.sector and b.sector:
        bonus = 0.05 if a.sector == b.sector else -0.1
        signals.append(Signal("sector", bonus, f"{a.sector} vs {b.sector}"))
        total += bonus
    return max(0.0, min(1.0, total)), tuple(signals), ""


def _wording_penalty(a: Features, b: Features) -> tuple[float, list[Signal]]:
    """Penalty for a substituted word or a specialising key term; the larger one counts."""
    signals: list[Signal] = []
    first = a.name
    swapped = substitutions(a.name, b.name)
    # a different subject at the head of the name (物流产值 / 钢铁产值) weighs more than a later word
    swap_penalty = min(0.3, sum(0.06 * max(len(x), len(y)) * (1.5 if first.startswith(x) else 1.0)
                                for x, y in swapped))
    if swapped:
        signals.append(Signal("substituted", -swap_penalty, ", ".join(f"{x}→{y}" for x, y in swapped)))
    extra = specialisations_of(a.terms, b.terms)
    special_penalty = min(0.4, 0.2 * len(extra))
    if extra:
        signals.append(Signal("specialised", -special_penalty, "only one name says " + ", ".join(extra)))
    place = scope_prefix(a.name, b.name)
    scope_penalty = 0.35 if place else 0.0
    if place:
        signals.append(Signal("scope", -scope_penalty, f"only one name is limited to {place}"))
    return max(swap_penalty, special_penalty, scope_penalty), signals


# A name that starts with a place (九原区…, 稀土高新区…, 某某镇…) covers that place only.
_PLACE = re.compile(r"^.{2,12}?(?:开发区|高新区|园区|新区|自治县|街道|区|县|旗|镇|乡|苏木)")


def scope_prefix(first: str, second: str) -> str:
    """The place one name is limited to and the other is not (城市 vs 九原区), or ""."""
    for this, other in ((first, second), (second, first)):
        match = _PLACE.match(this)
        rest = this[match.end():] if match else ""
        if match and rest and match.group() not in other and fuzz.ratio(rest, other) >= 80:
            return match.group()
    return ""


def substitutions(first: str, second: str) -> list[tuple[str, str]]:
    """Spans where one name says something else than the other (物流产值 / 钢铁产值 → 物流→钢铁).

    Insertions (总, 城镇, 项目) are left to the similarity ratio; a substituted word usually
    names a different indicator."""
    return [(first[op.src_start:op.src_end], second[op.dest_start:op.dest_end])
            for op in Levenshtein.opcodes(first, second) if op.tag == "replace"]


def _blocks(items: list[Features]) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        blocks[item.dimension].append(index)
    return blocks


def _shortlist(before: list[Features], after: list[Features], rows: list[int], cols: list[int],
               keep: int) -> dict[int, list[int]]:
    """For large blocks: the `keep` most similar names per row, by rapidfuzz cdist."""
    import numpy as np
    from rapidfuzz import process

    shortlist: dict[int, list[int]] = {}
    choices = [after[c].name for c in cols]
    for start in range(0, len(rows), 2048):
        chunk = rows[start:start + 2048]
        matrix = process.cdist([before[r].name for r in chunk], choices, scorer=fuzz.ratio,
                               dtype=np.uint8, workers=-1)
        width = min(keep, len(cols))
        best = np.argpartition(-matrix.astype(np.int16), width - 1, axis=1)[:, :width]
        for row, picks in zip(chunk, best, strict=False):
            shortlist[row] = [cols[int(p)] for p in picks]
    return shortlist


def candidates(before: list[Features], after: list[Features], settings: AlignSettings,
               floor: float | None = None) -> list[list[Candidate]]:
    """Scored candidates for every `before` target, best first (vetoed ones last).

    Candidates that cannot reach `floor` score 0 and carry only their name signal."""
    result: list[list[Candidate]] = [[] for _ in before]
    after_blocks = _blocks(after)
    for dimension, rows in _blocks(before).items():
        cols = after_blocks.get(dimension, [])
        if not cols:
            continue
        if len(rows) * len(cols) > settings.exhaustive_limit:
            shortlist = _shortlist(before, after, rows, cols, keep=max(settings.candidates, 8))
        else:
            shortlist = {row: cols for row in rows}
        for row in rows:
            for col in shortlist[row]:
                value, signals, veto = score(before[row], after[col], floor)
                result[row].append(Candidate(row, col, value if value >= (floor or 0) else 0.0, signals, veto))
    for found in result:
        found.sort(key=lambda c: (bool(c.vetoed), -c.score, c.after))
    return result


def align(before: tuple[Target, ...], after: tuple[Target, ...], before_year: int, after_year: int,
          links: Links = NO_LINKS, settings: AlignSettings = AlignSettings()) -> Alignment:
    """Pair `before` with `after` one-to-one: pinned pairs first, then best score first."""
    before_features = [features(t) for t in before]
    after_features = [features(t) for t in after]
    scored = candidates(before_features, after_features, settings, floor=None if settings.explain else settings.accept)
    ref_before = [TargetRef(before_year, t.id) for t in before]
    ref_after = [TargetRef(after_year, t.id) for t in after]
    after_index = {t.id: i for i, t in enumerate(after)}
    used_before: set[int] = set()
    used_after: set[int] = set()
    pairs: list[tuple[int, Pair]] = []

    for row, target in enumerate(before):
        for other, link in links.pins_of(ref_before[row]):
            col = after_index.get(other.id) if other.year == after_year else None
            if col is not None and col not in used_after and row not in used_before:
                value, signals, _ = score(before_features[row], after_features[col])
                note = Signal("pinned", 1.0, link.note or "pinned in links.yaml")
                pairs.append((row, Pair(target, after[col], value, signals + (note,), LinkKind.PINNED, False)))
                used_before.add(row)
                used_after.add(col)

    pool = [c for row in scored for c in row if not c.vetoed and c.score >= settings.accept]
    pool.sort(key=lambda c: (-c.score, c.before, c.after))
    for candidate in pool:
        if candidate.before in used_before or candidate.after in used_after:
            continue
        if links.forbidden(ref_before[candidate.before], ref_after[candidate.after]):
            continue
        used_before.add(candidate.before)
        used_after.add(candidate.after)
        pairs.append((candidate.before, Pair(before[candidate.before], after[candidate.after], candidate.score,
                                             candidate.signals, LinkKind.MATCHED,
                                             candidate.score < settings.confident)))
    pairs.sort(key=lambda item: item[0])
    kept = [tuple(row[: settings.candidates]) for row in scored]
    return Alignment(
        pairs=tuple(pair for _, pair in pairs),
        unpaired_before=tuple(t for i, t in enumerate(before) if i not in used_before),
        unpaired_after=tuple(t for i, t in enumerate(after) if i not in used_after),
        candidates=tuple(kept),
    )
