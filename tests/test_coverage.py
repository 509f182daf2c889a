"""Honest coverage: a target is not_covered when no source of the later year covers its
sector, dropped only when a covering source is silent (issue: the 2026 一号文件 is about
science and technology, yet its year's industry targets were reported as dropped)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from policydiff.comparison.pipeline import compare_sets
from policydiff.comparison.report import Status
from policydiff.contract.model import Evidence, Source, SourceKind, Target, TargetSet, Value


@dataclass(frozen=True)
class CoveringSource(Source):
    """A source as contract v2 gives it (`covers`), until the contract lands on this branch."""

    covers: tuple[str, ...] = ()


def _target(ident: str, name: str, sector: str, value: float, source: str) -> Target:
    return Target(ident, name, Value.of(value), "亿元", sector=sector, evidence=(Evidence(source, name),))


BEFORE = TargetSet("测试市", 2025, (Source("wr", "2025年政府工作报告", SourceKind.WORK_REPORT),
                                    Source("pp", "2025年一号文件", SourceKind.PARTY_PLAN)), (
    _target("re", "稀土产业产值", "rare-earths", 1300, "pp"),
    _target("rd", "全社会研发投入", "science-tech", 100, "pp"),
    _target("gdp", "经济总量", "macro", 5000, "wr"),
))


def _after(*sources: Source) -> TargetSet:
    return TargetSet("测试市", 2026, sources, (_target("lab", "重点实验室建设投资", "science-tech", 5, sources[0].id),))


def _statuses(after: TargetSet) -> dict[str, Status]:
    return {c.before.id: c.status for c in compare_sets(BEFORE, after).changes if c.before is not None}


@pytest.mark.parametrize(("sources", "expected"), [
    pytest.param((CoveringSource("pp", "2026年一号文件", SourceKind.PARTY_PLAN, covers=("science-tech",)),),
                 {"re": Status.NOT_COVERED, "rd": Status.DROPPED, "gdp": Status.NOT_COVERED},
                 id="declared-sectors"),
    pytest.param((Source("pp", "2026年一号文件", SourceKind.PARTY_PLAN),),
                 {"re": Status.DROPPED, "rd": Status.DROPPED, "gdp": Status.NOT_COVERED},
                 id="kind-fallback"),
    pytest.param((CoveringSource("pp", "2026年一号文件", SourceKind.PARTY_PLAN, covers=("science-tech",)),
                  Source("wr", "2026年政府工作报告", SourceKind.WORK_REPORT)),
                 {"re": Status.NOT_COVERED, "rd": Status.DROPPED, "gdp": Status.DROPPED},
                 id="declared-and-undeclared"),
    pytest.param((CoveringSource("pp", "2026年一号文件", SourceKind.PARTY_PLAN, covers=("science-tech", "rare-earths")),),
                 {"re": Status.DROPPED, "rd": Status.DROPPED, "gdp": Status.NOT_COVERED},
                 id="covering-source-silent"),
])
def test_not_covered_only_without_a_covering_source(sources: tuple[Source, ...], expected: dict[str, Status]) -> None:
    assert _statuses(_after(*sources)) == expected


def test_declared_coverage_is_a_caveat_in_the_summary() -> None:
    report = compare_sets(BEFORE, _after(CoveringSource("pp", "2026年一号文件", SourceKind.PARTY_PLAN,
                                                        covers=("science-tech",))))
    assert not report.coverage.complete
    assert report.coverage.to_json("2025", "2026")["to_sectors"] == ["science-tech"]
    assert any("cover only science-tech" in line for line in report.coverage.messages("2025", "2026"))
    note = next(c for c in report.changes if c.before and c.before.id == "re").notes
    assert note == ("no 2026 source covers rare-earths (they cover: science-tech)",)
