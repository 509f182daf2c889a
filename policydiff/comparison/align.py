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
    name: str  # normalised, without qualifier phrases (投资亿元以上重大项目 → 重大项目)
    english: str
    dimension: str
    metric: str
    sector: str | None
    terms: KeyTerms
    ident: str = ""
    qualified: str = ""  # the qualifier phrase taken out of the name, if any


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


# A phrase that qualifies what is counted (投资亿元以上重大项目: major projects of ≥100m yuan
# investment) rather than naming the measure: its 投资 is not the indicator's measure.
# Names are normalised first, so 以上 is already gone.
_QUALIFIER_PHRASE = re.compile(r"(?:单个|单体)?(?:总?投资)?(?:超|过)?[0-9.]*[十百千万亿]*元(?:及)?(?:级|的)?(?=.)")

SAME_ID_BONUS = 0.2  # the same id in both years: a curator's statement that it is one indicator
QUALIFIER_PENALTY = 0.05  # only one name limits what is counted: close, not the same


def split_qualifier(name: str) -> tuple[str, str]:
    """(name without its qualifier phrase, the phrase): 投资亿元重大项目 → (重大项目, 投资亿元)."""
    match = _QUALIFIER_PHRASE.search(name)
    if not match or match.group() in ("元", ""):
        return name, ""
    rest = name[:match.start()] + name[match.end():]
    return (rest, match.group()) if rest else (name, "")


def features(target: Target) -> Features:
    unit = lookup(target.unit)
    name, qualified = split_qualifier(normalise_name(target.name))
    return Features(name, normalise_english(target.name_en), unit.dimension.value if unit else f"?{target.unit}",
                    target.metric.value, target.sector, key_terms(name), target.id, qualified)


def _best_possible(zh: float, a: Features, b: Features) -> float:
    """An upper bound of the score from the Chinese similarity alone (English at its best)."""
    english = 0.7 * zh + 0.3 if a.english and b.english else zh
    same_id = SAME_ID_BONUS if a.ident and a.ident == b.ident else 0.0
    return english + (0.05 if a.sector and a.sector == b.sector else 0.0) + same_id


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
    if a.qualified != b.qualified:
        signals.append(Signal("qualifier", -QUALIFIER_PENALTY,
                              f"{a.qualified or '—'} vs {b.qualified or '—'}: what is counted is limited"))
        total -= QUALIFIER_PENALTY
    if a.metric != b.metric:
        signals.append(Signal("metric", -0.35, f"{a.metric} vs {b.metric}"))
        total -= 0.35
    if a.ident and a.ident == b.ident:
        signals.append(Signal("same_id", SAME_ID_BONUS, a.ident))
        total += SAME_ID_BONUS
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
# …unless the "place" is a common word ending like one: 小区 (housing estate), 社区, 牧区
# (pastoral areas), 景区, 城区; or a generic kind of park (绿色园区, 化工园区) rather than a named one.
_NOT_PLACES = ("小区", "社区", "牧区", "景区", "城区", "林区", "矿区", "灾区", "库区", "片区", "园区")
_NAMED_PARKS = ("开发区", "高新区", "新区", "工业园区", "产业园区")
_GENERIC_HEADS = ("绿色", "零碳", "低碳", "智慧", "数字", "重点", "示范", "特色", "化工", "物流", "各类", "城镇",
                  "农村", "国家级", "自治区级", "省级", "市级", "老旧", "产业", "工业")
# the character after the match makes it another word: 旗帜, 区域, 区级, 区内, 县域, 镇级
_WORD_CONTINUES = "帜域级内外间"
_COUNT = re.compile(r"^(?:[0-9]|[一二三四五六七八九十两百千几多]+[大个类项级批])")  # 三大旗帜, 500亿级园区: a count


def place_prefix(name: str) -> str:
    """The place a (normalised) name starts with, or ""; 自治区 is the region above the city,
    never a district of it."""
    match = _PLACE.match(name)
    if not match:
        return ""
    place = match.group()
    if name[match.end():match.end() + 1] and name[match.end()] in _WORD_CONTINUES:
        return ""
    if "自治区" in place or _COUNT.match(place):
        return ""
    if place.endswith(_NOT_PLACES) and not place.endswith(_NAMED_PARKS):
        return ""
    if place.endswith(_NAMED_PARKS) and any(place[:-len(s)].endswith(_GENERIC_HEADS) or place[:-len(s)] == ""
                                              for s in _NAMED_PARKS if place.endswith(s)):
        return ""
    return place


def scope_prefix(first: str, second: str) -> str:
    """The place one name is limited to and the other is not (城市 vs 九原区), or ""."""
    for this, other in ((first, second), (second, first)):
        place = place_prefix(this)
        rest = this[len(place):] if place else ""
        if place and rest and place not in other and fuzz.ratio(rest, other) >= 80:
            return place
    return ""


def deciding_signal(winner: Candidate, runner_up: Candidate) -> tuple[str, float]:
    """The signal that most separates two candidates' scores, and by how much it favours the
    winner (name signals weighted as the score weighs them)."""
    def contributions(candidate: Candidate) -> dict[str, float]:
        names = {s.name for s in candidate.signals}
        weight = {"name_zh": 0.7 if "name_en" in names else 1.0, "name_en": 0.3}
        return {s.name: s.value * weight.get(s.name, 1.0) for s in candidate.signals if s.name != "pinned"}

    ours, theirs = contributions(winner), contributions(runner_up)
    margins = {name: ours.get(name, 0.0) - theirs.get(name, 0.0) for name in ours.keys() | theirs.keys()}
    if not margins:
        return "", 0.0
    name = max(sorted(margins), key=lambda n: margins[n])
    return name, margins[name]


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
