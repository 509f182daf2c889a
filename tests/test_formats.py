"""Formats where analysts work: -o FILE picks the format, CSV for Excel, a workbook, records."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import policydiff
from policydiff.cli.app import app
from policydiff.comparison.report import RECORD_FIELDS

CASES = Path(__file__).parent / "cases"
RAISED = CASES / "raised-lowered"


def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(RAISED)
    result = CliRunner().invoke(app, ["compare", "from.yaml", "to.yaml", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize(("name", "check"), [
    pytest.param("r.csv", lambda b: b.decode().startswith("status,sector,"), id="csv"),
    pytest.param("r.md", lambda b: b.decode().startswith("# 测试市: targets"), id="markdown"),
    pytest.param("r.json", lambda b: json.loads(b)["summary"]["raised"] == 1, id="json"),
    pytest.param("r.txt", lambda b: "┏" in b.decode(), id="text"),
    pytest.param("r.xlsx", lambda b: zipfile.is_zipfile(io.BytesIO(b)), id="xlsx"),
    pytest.param("r.CSV", lambda b: b.decode().startswith("status,"), id="upper-case-extension"),
])
def test_output_extension_chooses_the_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, check: object) -> None:
    code, _ = run(tmp_path, monkeypatch, "-o", str(tmp_path / name))
    assert code == 0
    assert check((tmp_path / name).read_bytes())  # type: ignore[operator]


def test_explicit_format_wins_over_the_extension(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _ = run(tmp_path, monkeypatch, "-o", str(tmp_path / "r.csv"), "--format", "json")
    assert code == 0 and json.loads((tmp_path / "r.csv").read_text(encoding="utf-8"))


def test_csv_has_years_ranges_strive_and_outcome_columns_and_a_bom_on_request(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES / "metric-and-range")
    out = CliRunner().invoke(app, ["compare", "from.yaml", "to.yaml", "--format", "csv", "--bom"]).stdout
    assert out.startswith("\ufeffstatus,")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    ranged = next(r for r in rows if r["from_low"] != r["from_high"] and r["from_low"])
    assert (ranged["from_low"], ranged["from_high"], ranged["from_strive"]) == ("3", "5", "true")
    assert {r["from_year"] for r in rows} == {"2030"} and {r["to_year"] for r in rows} == {"2031"}
    assert "outcome" in rows[0]


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("from", "to"):
        text = (RAISED / f"{name}.yaml").read_text(encoding="utf-8").replace("name: 稀土产业产值", "name: '=1+2'")
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["compare", "from.yaml", "to.yaml", "--format", "csv"]).stdout
    assert "'=1+2" in out and ",=1+2" not in out


def test_workbook_has_a_sheet_of_changes_with_numbers_frozen_header_and_filters(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    code, _ = run(tmp_path, monkeypatch, "-o", str(tmp_path / "r.xlsx"))
    assert code == 0
    with zipfile.ZipFile(tmp_path / "r.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert 'name="changes"' in workbook
    assert 'ySplit="1"' in sheet and 'state="frozen"' in sheet
    assert "<autoFilter" in sheet
    rows = re.findall(r"<row ", sheet)
    assert len(rows) == 1 + 8  # header and one row per change
    assert re.search(r'<c r="[A-Z]+\d+"( s="\d+")?><v>1300</v></c>', sheet)  # a number, not text


def test_workbook_to_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.chdir(RAISED)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    from policydiff.cli.app import main

    assert main(["compare", "from.yaml", "to.yaml", "--format", "xlsx"]) == 2


def test_records_repr_and_pandas() -> None:
    report = policydiff.compare(RAISED / "from.yaml", RAISED / "to.yaml")
    records = report.to_records()
    assert len(records) == len(report.changes)
    assert all(list(r) == list(RECORD_FIELDS) for r in records)
    raised = next(r for r in records if r["status"] == "raised")
    assert (raised["from_low"], raised["to_low"], raised["delta"]) == (1000, 1300, 300)
    assert repr(report) == "<Report 测试市 2030 → 2031: 1 raised, 4 lowered, 1 unchanged, 2 new>"
    pandas = pytest.importorskip("pandas", reason="pip install pandas to test Report.to_pandas()")
    frame = report.to_pandas()
    assert isinstance(frame, pandas.DataFrame) and list(frame.columns) == list(RECORD_FIELDS)


def test_to_pandas_says_how_to_install_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    report = policydiff.compare(RAISED / "from.yaml", RAISED / "to.yaml")
    with pytest.raises(ImportError, match="pip install pandas"):
        report.to_pandas()
