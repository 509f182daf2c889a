"""links.yaml: pins and forbidden pairs, and their validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policydiff.cli.app import app
from policydiff.comparison.links import load_links
from policydiff.contract.errors import DataError

CASE = Path(__file__).parent / "cases" / "pinned-and-forbidden"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copy(CASE / "from.yaml", tmp_path / "targets_2030.yaml")
    shutil.copy(CASE / "to.yaml", tmp_path / "targets_2031.yaml")
    return tmp_path


def test_links_are_loaded_from_the_data_directory(data_dir: Path) -> None:
    shutil.copy(CASE / "links.yaml", data_dir / "links.yaml")
    links = load_links(data_dir)
    assert [str(link.before) for link in links.pins] == ["2030/funds-growth"]
    result = CliRunner().invoke(app, ["compare", "2030", "2031", "--data-dir", str(data_dir), "--format", "json"])
    assert '"link": "pinned"' in result.stdout


@pytest.mark.parametrize(("text", "message", "line"), [
    pytest.param("pin:\n  - from: 2030/funds-growth\n    to: 2031/nope\n", "has no target `nope`", 2, id="unknown-id"),
    pytest.param("pin:\n  - from: 2029/funds-growth\n    to: 2031/parks\n", "no targets_2029.yaml", 2, id="unknown-year"),
    pytest.param("pin:\n  - from: funds-growth\n    to: 2031/parks\n", "must be YEAR/target-id", 2, id="bad-reference"),
    pytest.param("pins:\n  - from: 2030/parks\n    to: 2031/parks\n", "unknown section `pins`", 1, id="unknown-section"),
    pytest.param("pin:\n  - from: 2030/parks\n    too: 2031/parks\n", "unknown field `too`", 2, id="unknown-field"),
])
def test_validate_reports_bad_links_with_their_line(data_dir: Path, text: str, message: str, line: int) -> None:
    (data_dir / "links.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--data-dir", str(data_dir)])
    assert result.exit_code == 1
    assert f"links.yaml:{line}:" in result.stderr and message in result.stderr


def test_malformed_links_stop_compare_with_a_message(data_dir: Path) -> None:
    (data_dir / "links.yaml").write_text("pin: [\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_links(data_dir)
    result = CliRunner().invoke(app, ["compare", "2030", "2031", "--data-dir", str(data_dir)])
    assert result.exit_code == 2
    assert "links.yaml" in result.stderr and "Traceback" not in result.output
