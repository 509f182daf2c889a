"""`policydiff compare` and `align` in-process: exit codes, filters, formats, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import policydiff
from policydiff.cli.app import app

CASES = Path(__file__).parent / "cases"
RAISED = CASES / "raised-lowered"
SAME = CASES / "no-change"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("case", "flag", "expected"), [
    pytest.param(RAISED, [], 0, id="differences-without-flag"),
    pytest.param(RAISED, ["--exit-code"], 1, id="differences-with-exit-code"),
    pytest.param(SAME, ["--exit-code"], 0, id="no-differences-with-exit-code"),
])
def test_exit_code_contract(case: Path, flag: list[str], expected: int) -> None:
    code, _, _ = run("compare", str(case / "from.yaml"), str(case / "to.yaml"), "--format", "json", *flag)
    assert code == expected


def test_json_contract_has_every_summary_key_and_unchanged_pairs() -> None:
    code, out, _ = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert list(data["summary"]) == ["raised", "lowered", "unchanged", "changed", "dropped", "new", "not_covered",
                                     "softened", "firmed"]  # new keys only ever appended
    assert {"from_year", "to_year", "summary", "changes"} <= set(data)
    statuses = [c["status"] for c in data["changes"]]
    assert "unchanged" in statuses
    lowered = next(c for c in data["changes"] if c["from"] and c["from"]["id"] == "pv-output")
    assert lowered["status"] == "lowered"
    assert lowered["delta"] == -800 and lowered["delta_pct"] == -40
    assert {"id", "name", "name_en", "value", "unit", "qualifier", "metric", "sector"} <= set(lowered["to"])
    assert "力争 (strive) removed" in lowered["notes"]


def test_percent_values_report_percentage_points() -> None:
    code, out, _ = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--format", "json")
    gdp = next(c for c in json.loads(out)["changes"] if c["from"] and c["from"]["id"] == "gdp-growth")
    assert (gdp["status"], gdp["delta"], gdp["delta_unit"]) == ("lowered", -1, "个百分点")


def test_direction_down_makes_a_lower_value_more_ambitious() -> None:
    _, out, _ = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--format", "json")
    rate = next(c for c in json.loads(out)["changes"] if c["from"] and c["from"]["id"] == "unemployment")
    assert (rate["status"], rate["ambition"]) == ("lowered", "more")


@pytest.mark.parametrize(("args", "statuses"), [
    pytest.param(["--status", "raised"], {"raised"}, id="one-status"),
    pytest.param(["--status", "raised,lowered"], {"raised", "lowered"}, id="comma-separated"),
    pytest.param(["--status", "new", "--status", "lowered"], {"new", "lowered"}, id="repeated"),
    pytest.param(["--sector", "macro"], {"lowered", "new"}, id="sector"),
])
def test_filters_return_only_matching_changes(args: list[str], statuses: set[str]) -> None:
    _, out, _ = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--format", "json", *args)
    data = json.loads(out)
    assert {c["status"] for c in data["changes"]} == statuses
    assert sum(data["summary"].values()) == len(data["changes"])


def test_min_score_keeps_unpaired_targets() -> None:
    _, out, _ = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--format", "json",
                    "--min-score", "0.99")
    changes = json.loads(out)["changes"]
    assert all(c["score"] is None or c["score"] >= 0.99 for c in changes)
    assert any(c["status"] == "new" for c in changes)


def test_bad_status_is_a_usage_error() -> None:
    code, _, err = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--status", "bigger")
    assert code == 2
    assert "raised" in err


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    code, out, err = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"),
                         "--format", "markdown", "--output", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# 测试市")
    assert "wrote" in err


def test_csv_has_one_row_per_change() -> None:
    _, out, _ = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 8
    assert {r["status"] for r in rows} >= {"raised", "lowered", "new", "unchanged"}


@pytest.mark.parametrize("lang,present,absent", [
    pytest.param("zh", "稀土产业产值", "rare-earth industry", id="zh"),
    pytest.param("en", "rare-earth industry", "稀土产业产值", id="en"),
])
def test_lang_chooses_the_names(lang: str, present: str, absent: str) -> None:
    _, out, _ = run("compare", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--lang", lang,
                    "--width", "200", "--no-color")
    assert present in out and absent not in out


@pytest.mark.parametrize("args", [
    pytest.param(["compare", "1999", "2025"], id="unknown-year"),
    pytest.param(["compare", "missing.yaml", "2025"], id="missing-file"),
    pytest.param(["align", "1999", "2025"], id="align-unknown-year"),
])
def test_input_errors_exit_2_with_one_message(args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert "Traceback" not in out + err
    assert err.startswith("policydiff:")


def test_invalid_data_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "targets_2031.yaml"
    bad.write_text((RAISED / "to.yaml").read_text(encoding="utf-8").replace("value: 1300", "value: '1300'"),
                   encoding="utf-8")
    code, _, err = run("compare", str(RAISED / "from.yaml"), str(bad))
    assert code == 2  # malformed input, never "differences found"
    assert f"{bad}:" in err and "must be a number" in err


def test_align_explain_lists_vetoed_candidates() -> None:
    case = CASES / "key-term-contrast"
    code, out, _ = run("align", str(case / "from.yaml"), str(case / "to.yaml"), "--explain")
    assert code == 0
    assert "vetoed: key terms differ: 产能≠产量" in out


def test_align_json_names_pairs() -> None:
    code, out, _ = run("align", str(RAISED / "from.yaml"), str(RAISED / "to.yaml"), "--json")
    pairs = {p["from"]: p["to"] for p in json.loads(out)["pairs"]}
    assert pairs["re-output"] == "re-output"


def test_python_api_compare_returns_the_report_model() -> None:
    report = policydiff.compare(RAISED / "from.yaml", RAISED / "to.yaml")
    assert isinstance(report, policydiff.Report)
    assert report.summary()["raised"] == 1
    only_new = report.where(statuses=frozenset({policydiff.Status.NEW}))
    assert {c.after.id for c in only_new.changes if c.after} == {"economy-size", "rd-total"}
    assert report.summary()["new"] == 2  # filtering returned a new report
