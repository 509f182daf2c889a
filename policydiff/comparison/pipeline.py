"""The public comparison API: `compare(2024, 2025)` → Report (re-exported by policydiff)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from policydiff.comparison.links import NO_LINKS, Links, load_links
from policydiff.comparison.report import Change, Outcome, Report, Status
from policydiff.comparison.settings import AlignSettings
from policydiff.contract.model import TargetSet
from policydiff.load import datadir
from policydiff.load.datadir import links_file
from policydiff.load.loader import load_file

if TYPE_CHECKING:
    from policydiff.comparison.align import Alignment

__all__ = ["compare", "compare_sets", "align_sets", "Report", "Change", "Status"]

YearOrPath = int | str | Path | TargetSet


def _load(item: YearOrPath, directory: Path) -> TargetSet:
    if isinstance(item, TargetSet):
        return item
    return load_file(datadir.resolve(str(item), directory))


def align_sets(before: TargetSet, after: TargetSet, links: Links | None = None,
               settings: AlignSettings = AlignSettings()) -> Alignment:
    from policydiff.comparison.align import align

    return align(before.targets, after.targets, before.year, after.year, links or NO_LINKS, settings)


def outcomes(before: TargetSet, after: TargetSet) -> dict[str, Outcome]:
    """Actuals that `after` reports for `before`'s year, matched to `before`'s targets."""
    from policydiff.comparison.outcomes import verdict
    from policydiff.comparison.scorecard import collect, match

    reported = collect([after], before.year)
    if not reported:
        return {}
    targets = {t.id: t for t in before.targets}
    return {target_id: Outcome(found.reported.actual, verdict(targets[target_id], found.reported.actual), found.score)
            for target_id, found in match(before.targets, reported, before.year).items()}


def compare_sets(before: TargetSet, after: TargetSet, links: Links | None = None,
                 settings: AlignSettings = AlignSettings()) -> Report:
    from policydiff.comparison.diff import build_report

    alignment = align_sets(before, after, links, settings)
    return build_report(before, after, alignment, outcomes(before, after))


def compare(before: YearOrPath, after: YearOrPath, data_dir: str | Path | None = None,
            settings: AlignSettings = AlignSettings()) -> Report:
    """Compare two years (2024, 2025), two files, or two loaded TargetSets.

    Pins and forbidden pairs come from `links.yaml` beside the later file, else in the data
    directory.
    """
    directory = datadir.data_dir(data_dir)
    before_set, after_set = _load(before, directory), _load(after, directory)
    return compare_sets(before_set, after_set, links_for(after_set, directory), settings)


def _links_at(found: Path | None) -> Links:
    return load_links(found.parent) if found else NO_LINKS


def links_for(target_set: TargetSet, directory: Path) -> Links:
    """The links that apply when `target_set` is the later side of a comparison."""
    return _links_at(links_file(Path(target_set.path) if target_set.path else None, directory))
