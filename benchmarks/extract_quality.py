"""Quality and speed of `policydiff extract` on the source documents, against the curated data.

    python benchmarks/extract_quality.py [--shared DIR] [--data DIR] [--write-readme] [--details]
    python benchmarks/extract_quality.py --inventory INVENTORY.json [--inventory …] [--details]

For every document in SHARED/seeds (Baotou) and SHARED/sources/china (national reports), when
present, extract runs on the text; its targets and results are matched one-to-one with the
curated items that cite that document (data/targets_*.yaml, data/china/targets_*.yaml): a match
needs the same kind (target or result), the same value after unit conversion (a decline's sign
and a range's ends aside, see `same_value`) and similar names (normalised-name similarity ≥ 0.5,
or one name containing the other). Recall is matched curated / curated, precision matched
extracted / extracted. Speed is one `policydiff extract` subprocess on the longest report,
start-up included.

With --inventory, only the given hand inventories are scored instead: a JSON file
`{"file": "report.txt", "year": 2025, "targets": [...], "actuals": [...]}` whose items have
`name`, `value` (a number or `[low, high]`), `unit` and `quote`; `file` is read relative to the
JSON file. This is how documents of other governments are checked without bundling them.

With --write-readme, the table replaces the block between the markers in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydiff.comparison.normalise import normalise_name  # noqa: E402
from policydiff.contract.model import Evidence, Target, Value  # noqa: E402
from policydiff.contract.units import convert  # noqa: E402
from policydiff.curation.extract import extract_file  # noqa: E402

BEGIN, END = "<!-- extract-quality:begin -->", "<!-- extract-quality:end -->"


def find_shared() -> Path | None:
    for base in (ROOT, *ROOT.parents):
        candidate = base / "shared"
        if (candidate / "seeds").is_dir() or (candidate / "sources").is_dir():
            return candidate
    return None


def same_value(a: Target, b: Target) -> bool:
    """Equal after unit conversion; a decline recorded with or without its sign, and a range
    against either end, count as the same statement."""
    try:
        low = convert(a.value.low, a.unit, b.unit)
        high = convert(a.value.high, a.unit, b.unit)
    except ValueError:
        if a.unit != b.unit:
            return False
        low, high = a.value.low, a.value.high
    ours = {round(low, 6), round(high, 6), round(abs(low), 6), round(abs(high), 6)}
    theirs = {round(b.value.low, 6), round(b.value.high, 6), round(abs(b.value.low), 6), round(abs(b.value.high), 6)}
    if a.value.is_range and b.value.is_range:
        return (round(abs(low), 6), round(abs(high), 6)) in {(round(abs(b.value.low), 6), round(abs(b.value.high), 6)),
                                                             (round(abs(b.value.high), 6), round(abs(b.value.low), 6))}
    return bool(ours & theirs)


def name_score(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return 0.0
    if x in y or y in x:
        return 1.0
    return fuzz.ratio(x, y) / 100


@dataclass
class Score:
    curated: int = 0
    extracted: int = 0
    matched_curated: int = 0
    matched_extracted: int = 0

    @property
    def recall(self) -> float | None:
        return self.matched_curated / self.curated if self.curated else None

    @property
    def precision(self) -> float | None:
        return self.matched_extracted / self.extracted if self.extracted else None

    def add(self, other: Score) -> None:
        """Pool another document's counts into this total."""
        self.curated += other.curated
        self.extracted += other.extracted
        self.matched_curated += other.matched_curated
        self.matched_extracted += other.matched_extracted


def match(extracted: tuple[Target, ...], curated: list[Target], details: list[str], label: str) -> Score:
    pairs = []
    for i, ours in enumerate(extracted):
        for j, theirs in enumerate(curated):
            if same_value(ours, theirs):
                similarity = name_score(ours.name, theirs.name)
                if similarity >= 0.5:
                    pairs.append((similarity, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_ours: set[int] = set()
    used_theirs: set[int] = set()
    for _, i, j in pairs:
        if i not in used_ours and j not in used_theirs:
            used_ours.add(i)
            used_theirs.add(j)
    for j, theirs in enumerate(curated):
        if j not in used_theirs:
            details.append(f"  missed {label}: {theirs.name} {theirs.value} {theirs.unit} | "
                           f"{theirs.evidence[0].quote if theirs.evidence else ''}")
    for i, ours in enumerate(extracted):
        if i not in used_ours:
            details.append(f"  extra  {label}: {ours.name} {ours.value} {ours.unit} | {ours.evidence[0].quote}")
    return Score(len(curated), len(extracted), len(used_theirs), len(used_ours))


def _raw_items(records: list[dict[str, Any]] | None) -> list[Target]:
    """Items read straight from the YAML, so any contract version (and units this checkout's table
    lacks) can be scored."""
    items = []
    for record in records or []:
        value = record.get("value")
        low, high = (value if isinstance(value, list) else [value, value])
        items.append(Target(id=str(record.get("id")), name=str(record.get("name")), value=Value(low, high),
                            unit=str(record.get("unit")), year=record.get("year"),
                            evidence=tuple(Evidence(e.get("source", ""), e.get("quote", ""))
                                           for e in record.get("evidence") or [])))
    return items


def inventory_items(path: Path) -> tuple[Path, list[Target], list[Target], int | None, bool]:
    """A hand inventory (see the module docstring): the text it describes, its targets and results,
    its plan year, and whether extract is given that year (`give_year`, for a text that cannot tell
    it) or must find it."""
    import json

    raw = json.loads(path.read_text(encoding="utf-8"))
    for record in (raw.get("targets") or []) + (raw.get("actuals") or []):
        record.setdefault("evidence", [{"source": "", "quote": record.get("quote", "")}])
    return (path.parent / raw["file"], _raw_items(raw.get("targets")), _raw_items(raw.get("actuals")),
            raw.get("year"), bool(raw.get("give_year")))


def curated_for(file_name: str, data_files: list[Path]) -> tuple[list[Target], list[Target], int | None]:
    import yaml

    targets: list[Target] = []
    actuals: list[Target] = []
    year = None
    for path in data_files:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        cited = {s.get("id") for s in raw.get("sources") or [] if s.get("file") == file_name}
        if not cited:
            continue
        year = raw.get("year")
        targets += [t for t in _raw_items(raw.get("targets")) if any(e.source in cited for e in t.evidence)]
        actuals += [a for a in _raw_items(raw.get("actuals")) if any(e.source in cited for e in a.evidence)]
    return targets, actuals, year


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def speed(document: Path) -> float:
    """Seconds for one `policydiff extract` run, start-up included (best of three)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "policydiff", "extract", str(document)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def score_inventories(paths: list[Path], show_details: bool) -> int:
    """Per-document recall and precision against hand inventories of other governments' texts."""
    lines = ["| document | plan year found | target recall | target precision | result recall | result precision |",
             "| --- | --- | --- | --- | --- | --- |"]
    details: list[str] = []
    totals = {"targets": Score(), "results": Score()}
    for path in paths:
        document, targets, actuals, year, give_year = inventory_items(path)
        found = (extract_file(document, year=year) if give_year and year else extract_file(document)).target_set
        details.append(f"{document.name} (plan year {found.year}, inventory {year})")
        scores = (match(found.targets, targets, details, "target"), match(found.actuals, actuals, details, "result"))
        for key, score in zip(("targets", "results"), scores, strict=True):
            totals[key].add(score)
        t, r = scores
        told = " (given)" if give_year else "" if found.year == year else f" (≠ {year})"
        lines.append(f"| {document.name} | {found.year}{told} | {fmt(t.recall)} ({t.matched_curated}/{t.curated}) | "
                     f"{fmt(t.precision)} ({t.matched_extracted}/{t.extracted}) | "
                     f"{fmt(r.recall)} ({r.matched_curated}/{r.curated}) | "
                     f"{fmt(r.precision)} ({r.matched_extracted}/{r.extracted}) |")
    t, r = totals["targets"], totals["results"]
    lines.append(f"| **all** | | **{fmt(t.recall)}** | **{fmt(t.precision)}** | **{fmt(r.recall)}** | "
                 f"**{fmt(r.precision)}** |")
    print("\n".join(lines))
    if show_details:
        print("\n".join(details))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=None, help="directory holding seeds/ and sources/")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data directory (with china/)")
    parser.add_argument("--write-readme", action="store_true", help="write the table into benchmarks/README.md")
    parser.add_argument("--details", action="store_true", help="list every missed and extra item")
    parser.add_argument("--inventory", type=Path, action="append", default=[],
                        help="score this hand inventory (JSON naming its text) instead of the shared documents")
    args = parser.parse_args()
    if args.inventory:
        return score_inventories(args.inventory, args.details)
    shared = args.shared or find_shared()
    if shared is None:
        print("no shared/ directory with the source documents found; pass --shared DIR", file=sys.stderr)
        return 2
    collections = [(shared / "seeds", sorted((args.data).glob("targets_*.yaml"))),
                   (shared / "sources" / "china", sorted((args.data / "china").glob("targets_*.yaml")))]
    rows = []
    details: list[str] = []
    totals = {"targets": Score(), "results": Score()}
    longest: tuple[int, Path] | None = None
    for directory, data_files in collections:
        if not directory.is_dir():
            continue
        for document in sorted(directory.glob("*.txt")):
            size = len(document.read_text(encoding="utf-8"))
            if directory.name == "china" and (longest is None or abs(size - 18000) < abs(longest[0] - 18000)):
                longest = (size, document)
            curated_targets, curated_actuals, year = curated_for(document.name, data_files)
            started = time.perf_counter()
            extraction = extract_file(document, year=year) if year else extract_file(document)
            elapsed = time.perf_counter() - started
            found = extraction.target_set
            details.append(f"{document.name} (plan year {found.year})")
            if not curated_targets and not curated_actuals:
                rows.append((document.name, found.year, len(found.targets), len(found.actuals), None, None, elapsed))
                continue
            scores = (match(found.targets, curated_targets, details, "target"),
                      match(found.actuals, curated_actuals, details, "result"))
            for key, score in zip(("targets", "results"), scores, strict=True):
                totals[key].add(score)
            rows.append((document.name, found.year, len(found.targets), len(found.actuals), scores[0], scores[1], elapsed))
    lines = ["| document | year | targets found / curated | target recall | target precision | "
             "results found / curated | result recall | result precision | time |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, year, n_targets, n_actuals, target_score, result_score, elapsed in rows:
        if target_score is None or result_score is None:
            lines.append(f"| {name} | {year} | {n_targets} / – | – | – | {n_actuals} / – | – | – | {elapsed * 1000:.0f} ms |")
            continue
        lines.append(f"| {name} | {year} | {target_score.extracted} / {target_score.curated} | {fmt(target_score.recall)} | "
                     f"{fmt(target_score.precision)} | {result_score.extracted} / {result_score.curated} | "
                     f"{fmt(result_score.recall)} | {fmt(result_score.precision)} | {elapsed * 1000:.0f} ms |")
    t, r = totals["targets"], totals["results"]
    lines.append(f"| **all** | | {t.extracted} / {t.curated} | **{fmt(t.recall)}** | **{fmt(t.precision)}** | "
                 f"{r.extracted} / {r.curated} | **{fmt(r.recall)}** | **{fmt(r.precision)}** | |")
    if longest is not None:
        seconds = speed(longest[1])
        lines += ["", f"`policydiff extract {longest[1].name}` ({longest[0]} characters), start-up included: "
                      f"{seconds * 1000:.0f} ms (best of 3)."]
    table = "\n".join(lines)
    print(table)
    if args.details:
        print("\n".join(details))
    if args.write_readme:
        readme = ROOT / "benchmarks" / "README.md"
        text = readme.read_text(encoding="utf-8")
        block = f"{BEGIN}\n{table}\n{END}"
        if BEGIN in text and END in text:
            text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n## Extraction quality\n\n" + block + "\n"
        readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
