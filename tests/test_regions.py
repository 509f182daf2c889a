"""Regions: bundled baotou (default) and china, --region everywhere, gaps named, the user's own folder found."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policydiff.cli.app import main
from policydiff.load import datadir

CASE = Path(__file__).parent / "cases" / "raised-lowered"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYDIFF_NO_CACHE", "1")
    monkeypatch.delenv("POLICYDIFF_DATA", raising=False)
    monkeypatch.delenv("POLICYDIFF_REGION", raising=False)


def test_the_bundled_data_has_both_regions() -> None:
    found = {d.name: d for d in datadir.regions(datadir.bundled_data_dir())}
    assert list(found) == ["baotou", "china"]
    assert found["china"].years == [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025]


def test_regions_lists_years_counts_and_the_gap(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regions", "--json", "--data-dir", str(datadir.bundled_data_dir()))
    rows = {row["region"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["china"]["missing_years"] == [2020]
    assert rows["china"]["targets"] > 100 and rows["china"]["actuals"] > 100
    assert len(rows["china"]["sources"]) == 12


@pytest.mark.parametrize("how", [pytest.param("option", id="--region"), pytest.param("env", id="POLICYDIFF_REGION")])
def test_region_selects_the_data(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    argv = ["show", "2025", "--format", "json", "--data-dir", str(datadir.bundled_data_dir())]
    if how == "env":
        monkeypatch.setenv("POLICYDIFF_REGION", "china")
    else:
        argv += ["--region", "china"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert json.loads(out)["region"] == "中国"


def test_comparing_across_a_missing_year_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compare", "2019", "2021", "--region", "china", "-f", "json",
                       "--data-dir", str(datadir.bundled_data_dir()))
    assert code == 0
    assert "2020" in err and "missing" in err


def test_a_year_without_a_file_names_the_years_there_are(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "2020", "--region", "china", "--data-dir", str(datadir.bundled_data_dir()))
    assert code == 2
    assert "2019" in err and "2021" in err and "Traceback" not in err


def test_an_unknown_region_is_a_usage_error_listing_the_regions(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "2025", "--region", "mars", "--data-dir", str(datadir.bundled_data_dir()))
    assert code == 2
    assert "baotou" in err and "china" in err


def test_a_folder_of_the_users_own_files_is_used(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(CASE / "from.yaml", tmp_path / "targets_2030.yaml")
    shutil.copy(CASE / "to.yaml", tmp_path / "targets_2031.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "compare", "2030", "2031", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["from_year"] == 2030
    assert "bundled" not in err


def test_the_bundled_data_is_announced_on_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(datadir, "bundled_data_dir", lambda: Path(__file__).parents[1] / "data")
    code, out, err = run(capsys, "show", "2025", "-f", "json")
    assert code == 0
    assert "bundled" in err and err.count("\n") == 1


def test_the_python_api_takes_a_region() -> None:
    import policydiff

    assert policydiff.load_year(2025, region="china").region == "中国"
    assert policydiff.load_year(2025, data_dir=datadir.bundled_data_dir()).region == "包头市"
