"""Expected pairs across the national reports: the same id follows an indicator from year to
year, and every pin or forbid in data/china/links.yaml is a case the aligner alone gets wrong."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
import yaml

import policydiff
from policydiff.comparison.pipeline import align_sets
from policydiff.comparison.report import Report
from policydiff.load.loader import load_file

CHINA = Path(__file__).resolve().parents[1] / "data" / "china"
YEARS = sorted(int(p.stem.split("_")[1]) for p in CHINA.glob("targets_*.yaml"))
LINKS = yaml.safe_load((CHINA / "links.yaml").read_text(encoding="utf-8"))


@cache
def report(before: int, after: int) -> Report:
    return policydiff.compare(before, after, data_dir=CHINA)


def _ref(text: str) -> tuple[int, str]:
    year, ident = text.split("/")
    return int(year), ident


@pytest.mark.parametrize(("before", "after"), [pytest.param(a, b, id=f"{a}-{b}") for a, b in itertools.pairwise(YEARS)])
def test_no_pair_joins_two_different_ids(before: int, after: int) -> None:
    wrong = [(c.before.id, c.after.id) for c in report(before, after).changes
             if c.before is not None and c.after is not None and c.before.id != c.after.id]
    assert wrong == []


@pytest.mark.parametrize("indicator", ["gdp-growth", "cpi-growth", "urban-new-jobs", "deficit-ratio"])
def test_headline_indicators_pair_with_themselves_every_year(indicator: str) -> None:
    for before, after in itertools.pairwise(YEARS):
        (change,) = [c for c in report(before, after).changes if c.before is not None and c.before.id == indicator]
        assert change.after is not None and change.after.id == indicator, (before, after)


def _raw_pairs(before: int, after: int) -> set[tuple[str, str]]:
    """The aligner's own pairs, with no links.yaml."""
    first, second = load_file(CHINA / f"targets_{before}.yaml"), load_file(CHINA / f"targets_{after}.yaml")
    return {(pair.before.id, pair.after.id) for pair in align_sets(first, second).pairs}


@pytest.mark.parametrize("link", [pytest.param(link, id=f"pin {link['from']}") for link in LINKS["pin"]])
def test_each_pin_holds_and_is_one_the_aligner_misses(link: dict[str, str]) -> None:
    (before, first_id), (after, second_id) = _ref(link["from"]), _ref(link["to"])
    paired = {(c.before.id, c.after.id) for c in report(before, after).changes if c.before and c.after}
    assert (first_id, second_id) in paired
    # when the aligner learns this rewording, the pin can go: this line says so
    assert (first_id, second_id) not in _raw_pairs(before, after), "the aligner pairs it now: remove the pin"


@pytest.mark.parametrize("link", [pytest.param(link, id=f"forbid {link['from']}") for link in LINKS["forbid"]])
def test_each_forbid_holds_and_is_one_the_aligner_makes(link: dict[str, str]) -> None:
    (before, first_id), (after, second_id) = _ref(link["from"]), _ref(link["to"])
    paired = {(c.before.id, c.after.id) for c in report(before, after).changes if c.before and c.after}
    assert (first_id, second_id) not in paired
    assert (first_id, second_id) in _raw_pairs(before, after), "the aligner no longer makes it: remove the forbid"
