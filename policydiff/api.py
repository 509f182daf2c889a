"""The public comparison API: `compare(2024, 2025)` → Report (re-exported by policydiff)."""

from __future__ import annotations

from pathlib import Path

from . import datadir
from .align import AlignSettings, Alignment, align
from .diff import build_report, verdict
from .links import Links, load_links
from .load import load_file
from .model import TargetSet
from .report import Change, Outcome, Report, Status

__all__ = ["compare", "compare_sets", "align_sets", "Report", "Change", "Status"]

YearOrPath = int | str | Path | TargetSet

# An outcome is attached only to a confident pair: a wrong "met" is worse than none.
_OUTCOME_SETTINGS = AlignSettings(accept=0.75)


def _load(item: YearOrPath, directory: Path) -> TargetSet:
    if isinstance(item, TargetSet):
        return item
    return load_file(datadir.resolve(str(item), directory))


def align_sets(before: TargetSet, after: TargetSet, links: Links | None = None,
               settings: AlignSettings = AlignSettings()) -> Alignment:
    return align(before.targets, after.targets, before.year, after.year, links or Links(), settings)


def outcomes(before: TargetSet, after: TargetSet) -> dict[str, Outcome]:
    """Actuals that `after` reports for `before`'s year, matched to `before`'s targets."""
    actuals = tuple(a for a in after.actuals if a.year == before.year)
    if not actuals:
        return {}
    matched = align(before.targets, actuals, before.year, before.year, Links(), _OUTCOME_SETTINGS)
    return {pair.before.id: Outcome(pair.after, verdict(pair.before, pair.after), pair.score)
            for pair in matched.pairs}


def compare_sets(before: TargetSet, after: TargetSet, links: Links | None = None,
                 settings: AlignSettings = AlignSettings()) -> Report:
    alignment = align_sets(before, after, links, settings)
    return build_report(before, after, alignment, outcomes(before, after))


def compare(before: YearOrPath, after: YearOrPath, data_dir: str | Path | None = None,
            settings: AlignSettings = AlignSettings()) -> Report:
    """Compare two years (2024, 2025), two files, or two loaded TargetSets.

    Pins and forbidden pairs come from `links.yaml` in the data directory.
    """
    directory = datadir.data_dir(data_dir)
    first, second = _load(before, directory), _load(after, directory)
    return compare_sets(first, second, links_for(second, directory), settings)


def links_for(target_set: TargetSet, directory: Path) -> Links:
    """links.yaml beside the later file when it has one, else the data directory's."""
    if target_set.path is not None:
        beside = Path(target_set.path).parent
        if (beside / "links.yaml").is_file():
            return load_links(beside)
    return load_links(directory)


