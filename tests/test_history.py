"""`policydiff history`: one indicator across the years, gaps visible, queries in any script."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from policydiff.cli.app import main
from policydiff.comparison.history import region_history
from policydiff.render.history import BLOCKS, GAP, sparkline

CASE = Path(__file__).parent / "cases" / "analyst"
BAOTOU = Path(__file__).resolve().parents[1] / "data"
UPDATE = os.environ.get("POLICYDIFF_UPDATE_GOLDEN") == "1"


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = main(["history", *args, "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    result: dict[str, Any] = json.loads(out)
    return result


@pytest.mark.parametrize("query", [
    pytest.param("地区生产总值增长", id="chinese"),
    pytest.param("地區生產總值增長", id="traditional"),
    pytest.param("GDP growth", id="english"),
    pytest.param("地区生产总值增速", id="synonym"),
    pytest.param("2031:gdp-growth", id="year-and-id"),
])
def test_queries_find_the_same_series(query: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json([query, "--data-dir", str(CASE)], capsys)
    assert data["query"] == query and data["region"] == "测试市"
    best = data["series"][0]
    assert best["indicator"]["id"] == "gdp-growth" and best["indicator"]["unit"] == "%"
    assert set(best["indicator"]) >= {"id", "name", "name_en", "unit"}


def test_every_year_is_a_point_and_a_missing_document_is_a_gap(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["地区生产总值增长", "--data-dir", str(CASE)], capsys)
    points = data["series"][0]["points"]
    assert [p["year"] for p in points] == [2030, 2031, 2032, 2033, 2034]
    gap = points[3]
    assert gap["target"] is None and gap["document"] is False
    assert gap["actual"]["value"] == 6.4 and gap["reported_in"] == 2034  # the 2034 file reviews 2033
    assert [p["target"]["value"] if p["target"] else None for p in points] == [9, 8, 7, None, 6]
    assert [p["status"] for p in points] == ["met", "met", None, None, None]
    assert data["missing_years"] == [2033]


def test_outcome_paired_by_name_when_ids_differ(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["城镇新增就业", "--data-dir", str(CASE)], capsys)
    first = data["series"][0]["points"][0]
    assert first["target"]["id"] == "jobs" and first["actual"]["id"] == "new-urban-jobs"
    assert first["status"] == "exceeded"


def test_several_matches_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["地区生产总值增长", "--data-dir", str(CASE)], capsys)
    ids = [s["indicator"]["id"] for s in data["series"]]
    assert ids[0] == "gdp-growth" and "energy-intensity" in ids
    assert data["series"][0]["score"] >= data["series"][1]["score"]


def test_table_lists_the_other_matches_with_their_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "地区生产总值增长", "--data-dir", str(CASE), "--no-color", "--width", "100"]) == 0
    out = capsys.readouterr().out
    expected = CASE / "history.txt"
    if UPDATE or not expected.exists():
        expected.write_text(out, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected} did not exist; written now, check it and commit it")
    assert out == expected.read_text(encoding="utf-8")
    assert "2034:energy-intensity" in out and "(no document)" in out


def test_baotou_follows_a_renamed_indicator(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["稀土产业产值", "--data-dir", str(BAOTOU)], capsys)
    points = data["series"][0]["points"]
    assert [p["year"] for p in points] == [2024, 2025, 2026]
    assert points[0]["target"]["value"] == 1000 and points[0]["status"] == "met"
    assert points[1]["target"]["value"] == 1300


@pytest.mark.parametrize(("query", "message"), [
    pytest.param("2031:no-such-id", "no target", id="unknown-id"),
    pytest.param("量子纠缠通信卫星发射次数", "no indicator", id="no-match"),
])
def test_no_match_is_a_usage_error(query: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", query, "--data-dir", str(CASE)]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("values", "expected"), [
    pytest.param([1, 2, 3], BLOCKS[0] + BLOCKS[4] + BLOCKS[-1], id="rising"),
    pytest.param([5, None, 5], BLOCKS[4] + GAP + BLOCKS[4], id="flat-with-a-gap"),
    pytest.param([None, None], GAP * 2, id="empty"),
    pytest.param([-3, -1], BLOCKS[0] + BLOCKS[-1], id="negative"),
])
def test_sparkline(values: list[float | None], expected: str) -> None:
    assert sparkline(values) == expected


def test_history_core_api() -> None:
    found = region_history("GDP growth", CASE)
    assert found.years == (2030, 2031, 2032, 2033, 2034)
    assert found.series[0].values("target") == [9, 8, 7, None, 6]


def test_an_indicator_skipped_for_years_resumes_under_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["2031:energy-intensity", "--data-dir", str(CASE)], capsys)
    assert len(data["series"]) == 1
    values = [p["target"]["value"] if p["target"] else None for p in data["series"][0]["points"]]
    assert values == [-3, -2.5, None, None, -2]  # not set in 2032, no document in 2033
