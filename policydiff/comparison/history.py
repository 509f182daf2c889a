"""History: one indicator followed across every year of a region.

The region's files are linked year to year (each to the next file there is): the same id
first, then pins from links.yaml, then the alignment engine. The links make chains, one target
per year at most; a query picks chains by name (Chinese or English, fuzzy, traditional script
folded) or names one target as `YEAR:id`. Every year from the region's first file to its last
is a point: a year without a document is a visible gap, and still shows an outcome when a later
file reports one for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policydiff.comparison.outcomes import Assessment, OutcomeStatus, assess
from policydiff.comparison.scorecard import Match, Reported, ScoreItem, build, collect, match
from policydiff.contract.errors import UsageError
from policydiff.contract.model import Metric, Target, TargetSet
from policydiff.contract.units import comparable, convert

MIN_QUERY_SCORE = 0.6  # names less similar than this are not offered as matches
MAX_SERIES = 5
_YEAR_ID = re.compile(r"^(\d{4}):(\S+)$")
_GROWTH_QUERY = re.compile(r"(增长|增速|增幅|增长率|growth|rate of increase)$", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    year: int
    target: Target | None
    actual: Target | None
    document: bool  # the region has a file for this year
    assessment: Assessment | None = None
    reported_in: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "target": self.target.to_json() if self.target else None,
                "actual": self.actual.to_json() if self.actual else None, "document": self.document,
                "status": self.assessment.status.value if self.assessment else None,
                "reported_in": self.reported_in}


@dataclass(frozen=True)
class Series:
    indicator: Target  # the chain's latest target: its id, names and unit label the series
    points: tuple[Point, ...]
    score: float  # how well the query matched

    @property
    def ref(self) -> str:
        year = next(p.year for p in reversed(self.points) if p.target is self.indicator)
        return f"{year}:{self.indicator.id}"

    def values(self, side: str) -> list[float | None]:
        """Each point's target (side="target") or outcome midpoint in the indicator's unit."""
        found: list[float | None] = []
        for point in self.points:
            item = point.target if side == "target" else point.actual
            if item is None or not comparable(item.unit, self.indicator.unit) or item.metric is not self.indicator.metric:
                found.append(None)
            else:
                found.append(convert(item.value.midpoint, item.unit, self.indicator.unit))
        return found

    def to_json(self) -> dict[str, Any]:
        ind = self.indicator
        return {"indicator": {"id": ind.id, "name": ind.name, "name_en": ind.name_en, "unit": ind.unit,
                              "metric": ind.metric.value, "ref": self.ref},
                "score": round(self.score, 4), "points": [p.to_json() for p in self.points]}


@dataclass(frozen=True)
class History:
    query: str
    region: str
    years: tuple[int, ...]  # first to last, every year
    series: tuple[Series, ...]  # best match first
    region_en: str | None = None

    @property
    def missing_years(self) -> tuple[int, ...]:
        if not self.series:
            return ()
        return tuple(p.year for p in self.series[0].points if not p.document)

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "region": self.region, "region_en": self.region_en,
                "years": list(self.years), "missing_years": list(self.missing_years),
                "series": [s.to_json() for s in self.series]}


Chain = dict[int, Target]  # year → that year's target


def _link(before: TargetSet, after: TargetSet, directory: Path | None) -> dict[str, Target]:
    """before's target id → its target in `after`: same id first, then pins and the aligner."""
    from policydiff.comparison.align import align
    from policydiff.comparison.links import NO_LINKS
    from policydiff.comparison.pipeline import links_for

    by_id = {t.id: t for t in after.targets}
    found = {t.id: by_id[t.id] for t in before.targets
             if t.id in by_id and t.metric is by_id[t.id].metric and comparable(t.unit, by_id[t.id].unit)}
    taken = {t.id for t in found.values()}
    rest_before = tuple(t for t in before.targets if t.id not in found)
    rest_after = tuple(t for t in after.targets if t.id not in taken)
    if rest_before and rest_after:
        links = links_for(after, directory) if directory is not None else NO_LINKS
        for pair in align(rest_before, rest_after, before.year, after.year, links).pairs:
            found[pair.before.id] = pair.after
    return found


def chains(sets: list[TargetSet], directory: Path | None = None) -> list[Chain]:
    """Every indicator's chain of targets across the files (oldest first).

    A chain the next file does not continue stays open for a later file that sets a target
    under the same id (an indicator skipped for a year or two, e.g. China's energy intensity in
    2022 and 2023)."""
    ordered = sorted(sets, key=lambda s: s.year)
    open_chains: dict[str, Chain] = {}  # the previous file's target id → its chain
    dormant: dict[str, Chain] = {}  # id of a chain's last target → the chain, not continued since
    finished: list[Chain] = []
    for index, target_set in enumerate(ordered):
        current: dict[str, Chain] = {}
        links = _link(ordered[index - 1], target_set, directory) if index else {}
        continued = {nxt.id: open_chains[prev] for prev, nxt in links.items() if prev in open_chains}
        for prev, stopped in open_chains.items():
            if prev not in links:
                if prev in dormant:
                    finished.append(dormant.pop(prev))
                dormant[prev] = stopped
        for target in target_set.targets:
            chain: Chain | None = continued.get(target.id)
            if chain is None:
                resumed = dormant.get(target.id)
                last = resumed[max(resumed)] if resumed else None
                resumable = last is not None and last.metric is target.metric and comparable(last.unit, target.unit)
                chain = dormant.pop(target.id) if resumable else {}
            chain[target_set.year] = target
            current[target.id] = chain
        open_chains = current
    return finished + list(dormant.values()) + list(open_chains.values())


def _query_score(query: str, chain: Chain) -> float:
    from rapidfuzz import fuzz

    from policydiff.comparison.normalise import fold, normalise_english, normalise_name

    wanted_zh, wanted_en = normalise_name(query), normalise_english(query)
    growth = bool(_GROWTH_QUERY.search(fold(query)))
    best = 0.0
    for target in chain.values():
        zh = fuzz.ratio(wanted_zh, normalise_name(target.name)) / 100
        en = 0.0
        if query.isascii() and target.name_en:
            name_en = normalise_english(target.name_en)
            en = (fuzz.token_set_ratio(wanted_en, name_en) + fuzz.token_sort_ratio(wanted_en, name_en)) / 200
        score = max(zh, en)
        if target.metric is Metric.GROWTH:
            score += 0.1 if growth else -0.05
        best = max(best, score)
    return best


def _pick(query: str, found: list[Chain]) -> list[tuple[Chain, float]]:
    """The chains the query names, best first (ties: the longer chain, then the later one)."""
    named = _YEAR_ID.match(query.strip())
    if named:
        year, target_id = int(named.group(1)), named.group(2)
        hits = [c for c in found if year in c and c[year].id == target_id]
        if not hits:
            raise UsageError(f"no target `{target_id}` in {year}; `policydiff show {year}` lists the ids")
        return [(hits[0], 1.0)]
    scored = [(chain, _query_score(query, chain)) for chain in found]
    scored = [(c, s) for c, s in scored if s >= MIN_QUERY_SCORE]
    scored.sort(key=lambda cs: (-round(cs[1], 6), -len(cs[0]), -max(cs[0])))
    if not scored:
        raise UsageError(f"no indicator's name is close to {query!r}; try another wording, English, or YEAR:id")
    return scored[:MAX_SERIES]


def _series(chain: Chain, score: float, years: range, documents: dict[int, TargetSet],
            cards: dict[int, dict[str, ScoreItem]], reported: dict[int, list[Reported]]) -> Series:
    points = []
    latest = chain[max(chain)]
    for year in years:
        target = chain.get(year)
        item = cards.get(year, {}).get(target.id) if target is not None else None
        found: Match | None = item.match if item is not None else None
        if target is None:
            # no target this year (or no document): is an outcome for the year reported anyway?
            nearest = chain[min(chain, key=lambda y: (abs(y - year), -y))]
            used = {id(i.match.reported) for i in cards.get(year, {}).values() if i.match}
            free = [r for r in reported.get(year, []) if id(r) not in used]
            found = match((nearest,), free, year).get(nearest.id) if free else None
        actual = found.reported.actual if found else None
        assessment = assess(target, actual) if target is not None and actual is not None else None
        if assessment is not None and assessment.status is OutcomeStatus.NO_DATA:
            assessment = None
        points.append(Point(year, target, actual, year in documents, assessment,
                            found.reported.file_year if found else None))
    return Series(latest, tuple(points), score)


def _build(picked: list[tuple[Chain, float]], sets: list[TargetSet]) -> tuple[range, tuple[Series, ...]]:
    documents = {s.year: s for s in sets}
    years = range(min(documents), max(documents) + 1)
    later = sorted(sets, key=lambda s: s.year)
    reported = {year: collect(later, year) for year in years}
    cards: dict[int, dict[str, ScoreItem]] = {}
    for year in sorted({year for chain, _ in picked for year in chain}):
        card = build(documents[year], [s for s in later if s.year > year])
        cards[year] = {item.target.id: item for item in card.items}
    return years, tuple(_series(chain, score, years, documents, cards, reported) for chain, score in picked)


def history(query: str, sets: list[TargetSet], directory: Path | None = None) -> History:
    """The indicators `query` names, each followed across every year of `sets` (one region)."""
    if not sets:
        raise UsageError("the region has no target files")
    years, series = _build(_pick(query, chains(sets, directory)), sets)
    newest = max(sets, key=lambda s: s.year)
    return History(query, newest.region, tuple(years), series, newest.region_en)


def series_of(refs: list[tuple[int, str]], sets: list[TargetSet], directory: Path | None = None) -> tuple[Series, ...]:
    """The series of each (year, target id), in order; the chains are linked once for all."""
    if not sets or not refs:
        return ()
    found = chains(sets, directory)
    picked = [next((c, 1.0) for c in found if year in c and c[year].id == target_id) for year, target_id in refs
              if any(year in c and c[year].id == target_id for c in found)]
    return _build(picked, sets)[1]


def region_history(query: str, directory: Path) -> History:
    from policydiff.comparison.scorecard import region_sets

    return history(query, region_sets(directory), directory)
