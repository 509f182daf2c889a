"""`policydiff show YEAR` in every format, choosing the data directory, and `policydiff.load_year`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from textwrap import dedent

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner, Result

import policydiff
from policydiff.cli.app import app
from policydiff.contract.spec import RECORDS
from policydiff.load.datadir import ENV_VAR, available_years, bundled_data_dir

TINY = dedent("""\
    schema_version: 1
    region: 测试市
    region_en: Testville
    year: 2030
    sources:
    - id: work-report-2030
      title: 2030年测试市人民政府工作报告
      kind: work_report
    targets:
    - id: widget-output
      name: 小部件产值
      name_en: widget output value
      sector: industry
      value: [10, 12]
      unit: 亿元
      evidence:
      - source: work-report-2030
        quote: 小部件产值达到10~12亿元
    actuals:
    - id: widget-output-2029
      year: 2029
      name: 小部件产值
      value: 9.5
      unit: 亿元
    """)


@pytest.fixture(autouse=True)
def bundled_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty directory with $POLICYDIFF_DATA unset, so the bundled data is the default."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    (tmp_path / "targets_2030.yaml").write_text(TINY, encoding="utf-8")
    return tmp_path


def show(*args: str) -> Result:
    result = CliRunner().invoke(app, ["show", *args])
    assert "Traceback" not in result.output
    return result


def field_names(kind: str) -> set[str]:
    return {spec.name for spec in RECORDS[kind]}


def test_json_has_the_contract_field_names() -> None:
    result = show("2025", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"year", "region", "region_en", "sources", "targets", "actuals"}
    assert (data["year"], data["region"]) == (2025, "包头市")
    for source in data["sources"]:
        assert {"id", "title", "kind"} <= set(source) <= field_names("source")
    for kind, key in (("target", "targets"), ("actual", "actuals")):
        assert data[key], key
        for item in data[key]:
            required = {spec.name for spec in RECORDS[kind] if spec.required}
            assert required <= set(item) <= field_names(kind), item["id"]
            for evidence in item["evidence"]:
                assert {"source", "quote"} <= set(evidence) <= field_names("evidence")


def test_json_holds_what_the_api_loads() -> None:
    data = json.loads(show("2025", "--format", "json").stdout)
    target_set = policydiff.load_year(2025)
    assert data == json.loads(json.dumps(target_set.to_json(), ensure_ascii=False))
    assert [t["id"] for t in data["targets"]] == [t.id for t in target_set.targets]


def test_csv_has_a_header_and_a_row_per_target_and_actual() -> None:
    result = show("2025", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    target_set = policydiff.load_year(2025)
    assert len(rows) == len(target_set.targets) + len(target_set.actuals)
    assert [r["kind"] for r in rows].count("target") == len(target_set.targets)
    assert {"id", "name", "unit", "value_low", "value_high"} <= set(rows[0])
    assert [r["id"] for r in rows if r["kind"] == "target"] == [t.id for t in target_set.targets]


def test_csv_writes_a_range_as_low_and_high(tiny_dir: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(show("2030", "--data-dir", str(tiny_dir), "--format", "csv").stdout)))
    assert [(r["kind"], r["year"], r["value_low"], r["value_high"]) for r in rows] == [
        ("target", "2030", "10", "12"), ("actual", "2029", "9.5", "9.5")]


def test_markdown_has_a_heading() -> None:
    result = show("2025", "--format", "markdown")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("# ") and "包头市" in first and "2025" in first


def test_table_fits_the_width_and_names_a_known_target() -> None:
    result = show("2025", "--width", "100", "--no-color")
    assert result.exit_code == 0, result.output
    assert "经济总量" in result.stdout
    assert "\x1b[" not in result.stdout
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 100


def test_data_dir_option_selects_another_directory(tiny_dir: Path) -> None:
    result = show("2030", "--data-dir", str(tiny_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["region"], data["year"], data["targets"][0]["value"]) == ("测试市", 2030, [10, 12])


def test_the_environment_variable_selects_another_directory(tiny_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tiny_dir))
    result = show("2030", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["region_en"] == "Testville"


def test_a_path_can_be_shown_instead_of_a_year(tiny_dir: Path) -> None:
    result = show(str(tiny_dir / "targets_2030.yaml"), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "小部件产值" in result.stdout


def test_a_year_without_data_exits_2_and_lists_the_years_there_are() -> None:
    result = show("1999")
    assert result.exit_code == 2
    years = ", ".join(str(year) for year in available_years(bundled_data_dir()))
    assert years
    assert f"years available: {years}" in result.stderr


def test_a_year_missing_from_another_directory_lists_its_years(tiny_dir: Path) -> None:
    result = show("2031", "--data-dir", str(tiny_dir))
    assert result.exit_code == 2
    assert "years available: 2030" in result.stderr


def test_invalid_data_exits_2_with_the_first_problem(tiny_dir: Path) -> None:
    path = tiny_dir / "targets_2030.yaml"
    path.write_text(TINY.replace("unit: 亿元", "unit: 亿圆", 1), encoding="utf-8")
    result = show("2030", "--data-dir", str(tiny_dir))
    assert result.exit_code == 2
    assert f"{path}:15:9: error: [targets[0].unit] unknown unit `亿圆`" in result.stderr


def test_load_year_returns_a_target_set(tiny_dir: Path) -> None:
    target_set = policydiff.load_year(2025)
    assert isinstance(target_set, policydiff.TargetSet)
    assert target_set.year == 2025 and target_set.targets
    tiny = policydiff.load_year("2030", data_dir=tiny_dir)
    assert tiny.targets[0].value == policydiff.Value(10, 12)
    assert tiny.actuals[0].year == 2029
