"""Golden-file tests: tests/cases/<case>/from.yaml + to.yaml → expected.{txt,md,json}.

Regenerate after an intended change with POLICYDIFF_UPDATE_GOLDEN=1 pytest tests/test_golden.py,
then read the diff of the expected files before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policydiff.cli.app import app

CASES = Path(__file__).parent / "cases"
FORMATS = {
    "expected.txt": ["--format", "table", "--width", "110", "--no-color", "--show-unchanged"],
    "expected.md": ["--format", "markdown", "--show-unchanged"],
    "expected.json": ["--format", "json"],
}
UPDATE = os.environ.get("POLICYDIFF_UPDATE_GOLDEN") == "1"


def _cases() -> list[pytest.ParameterSet]:
    return [pytest.param(case, name, args, id=f"{case.name}-{name.split('.')[1]}")
            for case in sorted(p for p in CASES.iterdir() if (p / "from.yaml").is_file())
            for name, args in FORMATS.items()]


@pytest.mark.parametrize(("case", "expected_name", "args"), _cases())
def test_golden(case: Path, expected_name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    monkeypatch.delenv("POLICYDIFF_DATA", raising=False)
    result = CliRunner().invoke(app, ["compare", "from.yaml", "to.yaml", *args])
    assert result.exit_code == 0, result.output
    expected = case / expected_name
    if UPDATE or not expected.exists():
        expected.write_text(result.stdout, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected} did not exist; written now, check it and commit it")
    assert result.stdout == expected.read_text(encoding="utf-8")
