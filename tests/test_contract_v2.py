"""Contract version 2: sources declare what they cover, actuals mark estimates, files declare units."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.contract import units
from policydiff.load.loader import load_result

HEAD = """\
schema_version: {version}
region: 某市
year: 2030
sources:
- {{id: plan, title: 规划, kind: party_plan{covers}}}
"""
TARGET = """\
targets:
- id: pm25
  name: PM2.5平均浓度
  value: 30
  unit: 微克每立方米
  direction: down
  evidence:
  - {source: plan, quote: PM2.5平均浓度控制在30微克每立方米}
"""
UNITS = """\
units:
- {symbol: 微克每立方米, dimension: concentration, factor: 1, english: µg/m³}
"""
ACTUAL = """\
actuals:
- id: gdp-growth
  year: 2029
  name: 地区生产总值
  metric: growth
  value: 6
  unit: '%'
  estimate: true
"""


def load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "targets_2030.yaml"
    path.write_text(text, encoding="utf-8")
    return load_result(path)


@pytest.fixture(autouse=True)
def _forget_declared_units() -> None:
    units.DECLARED.clear()


def test_a_version_2_file_declares_units_covers_and_estimates(tmp_path: Path) -> None:
    result = load(tmp_path, HEAD.format(version=2, covers=", covers: [environment]") + UNITS + TARGET + ACTUAL)
    assert result.ok, result.problems
    assert result.target_set is not None
    assert result.target_set.sources[0].covers == ("environment",)
    assert result.target_set.sources[0].covers_sector("environment")
    assert not result.target_set.sources[0].covers_sector("macro")
    assert result.target_set.actuals[0].estimate is True
    assert result.target_set.declared_units[0].symbol == "微克每立方米"
    assert units.lookup("微克每立方米") is not None


@pytest.mark.parametrize("extra", [
    pytest.param(UNITS, id="units"),
    pytest.param("", id="covers"),
    pytest.param(ACTUAL.replace("  estimate: true\n", "  estimate: true\n"), id="estimate"),
])
def test_version_2_fields_need_version_2(tmp_path: Path, extra: str) -> None:
    covers = ", covers: [environment]" if extra == "" else ""
    body = TARGET.replace("微克每立方米", "'%'") if extra != UNITS else TARGET
    result = load(tmp_path, HEAD.format(version=1, covers=covers) + extra + body)
    assert any("needs schema_version: 2" in p.message for p in result.problems), result.problems


def test_an_undeclared_unit_is_an_error_naming_the_way_out(tmp_path: Path) -> None:
    result = load(tmp_path, HEAD.format(version=2, covers="") + TARGET)
    (error,) = [p for p in result.problems if p.is_error]
    assert "微克每立方米" in error.message and "units:" in error.hint


def test_a_unit_declared_against_the_table_is_an_error(tmp_path: Path) -> None:
    clash = UNITS.replace("微克每立方米, dimension: concentration", "亿元, dimension: mass")
    result = load(tmp_path, HEAD.format(version=2, covers="") + clash + TARGET.replace("微克每立方米", "亿元"))
    assert any("already defined" in p.message for p in result.problems if p.is_error)


def test_version_1_files_stay_valid() -> None:
    data = Path(__file__).parents[1] / "data"
    for path in sorted(data.glob("targets_*.yaml")):
        assert load_result(path).ok, path
