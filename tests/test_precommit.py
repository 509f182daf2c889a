"""The pre-commit hook this repository provides (.pre-commit-hooks.yaml), run as pre-commit would."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "targets_2025.yaml"


@pytest.fixture(scope="module")
def hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (found,) = [h for h in hooks if h.get("id") == "policydiff-validate"]
    assert isinstance(found, dict)
    return found


def test_hook_definition(hook: dict[str, Any]) -> None:
    assert hook["language"] == "python"
    assert hook["entry"] == "policydiff validate --strict"
    assert hook["name"]
    assert hook.get("pass_filenames", True) is True  # pre-commit passes the staged files


@pytest.mark.parametrize(("path", "matches"), [
    ("targets_2025.yaml", True),
    ("data/targets_2025.yaml", True),
    ("regions/baotou/data/targets_2026.yml", True),
    ("other.yaml", False),
    ("data/links.yaml", False),
    ("data/my_targets_2025.yaml", False),
    ("data/targets_2025.yaml.bak", False),
    ("data/targets_25.yaml", False),
])
def test_files_pattern(hook: dict[str, Any], path: str, matches: bool) -> None:
    # pre-commit selects files with re.search on the path relative to the repository root
    assert bool(re.search(hook["files"], path)) is matches


def run_entry(hook: dict[str, Any], *files: Path) -> subprocess.CompletedProcess[str]:
    """The hook's entry with the files appended, `policydiff` run from this interpreter."""
    command = shlex.split(hook["entry"])
    assert command[0] == "policydiff"
    return subprocess.run([sys.executable, "-m", "policydiff", *command[1:], *map(str, files)],
                          capture_output=True, text=True, encoding="utf-8", check=False)


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = FIXTURE.read_text(encoding="utf-8")
BAD = {
    "unknown-unit": GOOD.replace("unit: 万人", "unit: wan"),
    "no-evidence-strict-only": GOOD.replace(
        "    evidence:\n      - source: work-report-2025\n        quote: 森林覆盖率达到18.5%\n", ""),
    "yaml-syntax-error": "schema_version: 1\nregion: [unclosed\n",
    "year-disagrees-with-name": GOOD.replace("year: 2025", "year: 2024"),
}


def test_good_file_passes(hook: dict[str, Any], tmp_path: Path) -> None:
    assert GOOD.startswith("# yaml-language-server: $schema=")  # the editor comment is accepted
    result = run_entry(hook, write(tmp_path, "data/targets_2025.yaml", GOOD))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("problem", list(BAD))
def test_bad_file_fails(hook: dict[str, Any], tmp_path: Path, problem: str) -> None:
    bad = write(tmp_path, "data/targets_2025.yaml", BAD[problem])
    result = run_entry(hook, bad)
    assert result.returncode == 1, result.stdout + result.stderr
    assert str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_one_bad_file_among_several_fails_and_is_named(hook: dict[str, Any], tmp_path: Path) -> None:
    good = write(tmp_path, "a/targets_2025.yaml", GOOD)
    bad = write(tmp_path, "b/targets_2025.yaml", BAD["unknown-unit"])
    result = run_entry(hook, good, bad)
    assert result.returncode == 1
    assert f"{bad}:" in result.stderr
    assert f"{good}: ok" in result.stderr


def test_the_hook_is_strict(hook: dict[str, Any], tmp_path: Path) -> None:
    """A target without evidence is valid data, but the hook (--strict) rejects it."""
    path = write(tmp_path, "data/targets_2025.yaml", BAD["no-evidence-strict-only"])
    lenient = subprocess.run([sys.executable, "-m", "policydiff", "validate", str(path)],
                             capture_output=True, text=True, encoding="utf-8", check=False)
    assert lenient.returncode == 0, lenient.stderr
    strict = run_entry(hook, path)
    assert strict.returncode == 1
    assert "`forest-coverage` has no `evidence` (required by --strict)" in strict.stderr
