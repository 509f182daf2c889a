"""`policydiff scorecard`: pairing, summary, and every output format (golden files for text)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from policydiff.cli.app import main
from policydiff.comparison.scorecard import scorecard

CASE = Path(__file__).parent / "cases" / "analyst"
BAOTOU = Path(__file__).resolve().parents[1] / "data"
UPDATE = os.environ.get("POLICYDIFF_UPDATE_GOLDEN") == "1"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def statuses(card_json: dict[str, Any]) -> dict[str, str]:
    return {item["target"]["id"]: item["status"] for item in card_json["items"]}


def test_each_rule_on_the_fixture() -> None:
    card = scorecard(2030, CASE).to_json()
    assert statuses(card) == {
        "gdp-growth": "met",  # 8.7% against 9%左右: within 0.5 pp
        "re-output": "met",  # 1000亿元以上 against 突破千亿元
        "pv-output": "missed",  # 1000 against 2000: ratio 0.5
        "jobs": "exceeded",  # paired by name: the outcome's id differs
        "unemployment": "met",  # 5.1% against 5.5%左右, lower is better
        "retail-growth": "missed",  # 4.5%以上 against 8%以上
        "projects": "partial",  # 179 of 280: 0.64
        "energy-intensity": "met",  # −3.2% against −3%左右, a decline
        "rd-growth": "not_comparable",  # 口径 changed
        "parks": "no_data",  # nothing reported: never missed
    }


def test_summary_counts_and_share_met_among_those_with_data() -> None:
    summary = scorecard(2030, CASE).summary()
    assert summary == {"exceeded": 1, "met": 4, "partial": 1, "missed": 2, "no_data": 1, "not_comparable": 1,
                       "with_data": 8, "share_met": 0.625}


def test_same_id_beats_a_later_file_under_another_id() -> None:
    item = next(i for i in scorecard(2030, CASE).items if i.target.id == "gdp-growth")
    assert item.match is not None and item.match.by_id and item.match.reported.file_year == 2031
    assert item.actual is not None and item.actual.value.low == 8.7


def test_part_of_year_outcome_and_revision_are_left_unmatched() -> None:
    card = scorecard(2030, CASE)
    assert {r.actual.id for r in card.unmatched} == {"gdp-growth-q1-q3", "gdp-growth-2030"}
    assert card.reported_in == (2031, 2032)


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["scorecard", "2030", "--data-dir", str(CASE), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert {"year", "region", "summary", "items"} <= set(data)
    assert data["year"] == 2030 and data["region"] == "测试市"
    item = next(i for i in data["items"] if i["target"]["id"] == "retail-growth")
    assert {"status", "target", "actual", "margin", "ratio", "notes"} <= set(item)
    assert item["margin"] == -3.5 and item["margin_unit"] == "个百分点" and item["ratio"] is None
    assert item["target"]["qualifier"] == "at_least" and item["actual"]["year"] == 2030  # Target.to_json fields
    parks = next(i for i in data["items"] if i["target"]["id"] == "parks")
    assert parks["actual"] is None and parks["status"] == "no_data"


def test_baotou_2024(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["scorecard", "2024", "--data-dir", str(BAOTOU), "--format", "json"], capsys)
    assert code == 0
    found = statuses(json.loads(out))
    # the year's five big shortfalls: none unknown any more
    assert found["retail-sales-growth"] == "missed"
    assert found["industrial-value-added-growth"] == "missed"
    assert found["general-budget-revenue-growth"] == "missed"
    assert found["pv-output-value"] == "missed"
    assert found["industrial-projects-started-100m"] == "partial"  # 179 of 280 (0.64)
    assert found["rare-earth-output-value"] == "met"
    assert found["gdp-growth"] == "no_data"  # only the first three quarters were reported


@pytest.mark.parametrize(("name", "args"), [
    pytest.param("scorecard.txt", ["--format", "table", "--width", "120", "--no-color", "--show-no-data"], id="table"),
    pytest.param("scorecard.md", ["--format", "markdown"], id="markdown"),
    pytest.param("scorecard.csv", ["--format", "csv"], id="csv"),
])
def test_golden(name: str, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["scorecard", "2030", "--data-dir", str(CASE), *args], capsys)
    assert code == 0
    expected = CASE / name
    if UPDATE or not expected.exists():
        expected.write_text(out, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected} did not exist; written now, check it and commit it")
    assert out == expected.read_text(encoding="utf-8")


def hostile_dir(tmp_path: Path) -> Path:
    for year in (2030, 2031):
        text = (CASE / f"targets_{year}.yaml").read_text(encoding="utf-8")
        text = text.replace("name: 城市公园", "name: '=HYPERLINK(\"http://x\")|城市公园'")
        (tmp_path / f"targets_{year}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["scorecard", "2030", "--data-dir", str(hostile_dir(tmp_path)), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    parks = next(r for r in rows if r["target_id"] == "parks")
    assert parks["target_name"].startswith("'=")
    assert next(r for r in rows if r["target_id"] == "projects")["target_low"] == "280"


def _sheet(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read("xl/worksheets/sheet1.xml").decode("utf-8")


def _strings(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read("xl/sharedStrings.xml").decode("utf-8")


def test_xlsx_numbers_header_filter_and_no_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("xlsxwriter", reason="pip install xlsxwriter (a policydiff dependency)")
    output = tmp_path / "card.xlsx"
    code, _, err = run(["scorecard", "2030", "--data-dir", str(hostile_dir(tmp_path)), "--format", "xlsx",
                        "-o", str(output)], capsys)
    assert code == 0, err
    sheet = _sheet(output)
    assert '<pane ySplit="1"' in sheet and 'state="frozen"' in sheet  # frozen header row
    assert "<autoFilter ref=" in sheet
    assert "<f>" not in sheet  # no cell is a formula
    assert re.search(r'<c r="F\d+"[^>]*><v>280</v></c>', sheet)  # target_low as a number, not a string
    assert "&apos;=HYPERLINK" in _strings(output) or "'=HYPERLINK" in _strings(output)


def test_xlsx_refuses_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, _, err = run(["scorecard", "2030", "--data-dir", str(CASE), "--format", "xlsx"], capsys)
    assert code == 2 and "-o FILE" in err


@pytest.mark.parametrize("argument", [pytest.param("24", id="short"), pytest.param("next", id="word")])
def test_year_must_be_a_year(argument: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["scorecard", argument, "--data-dir", str(CASE)], capsys)
    assert code == 2


def test_unknown_year_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["scorecard", "2029", "--data-dir", str(CASE)], capsys)
    assert code == 2 and "2029" in err


def test_no_later_file_is_all_no_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["scorecard", "2034", "--data-dir", str(CASE), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert set(statuses(data).values()) == {"no_data"}
    assert data["summary"]["share_met"] is None


def test_a_year_whose_reviewing_document_is_missing_says_so() -> None:
    from policydiff.comparison.scorecard import scorecard
    from policydiff.load.datadir import bundled_data_dir

    china = bundled_data_dir() / "china"
    card = scorecard(2019, china)
    assert card.missing_report == 2020 and not card.reported_in
    assert card.to_json()["missing_report"] == 2020
    assert scorecard(2024, china).missing_report is None
