"""`policydiff textconv` and the git diff driver it makes (diff.policydiff.textconv + .gitattributes)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from policydiff.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "targets_2025.yaml"
DATA = "data/targets_2025.yaml"
TARGET_IDS = ["forest-coverage", "gdp-growth", "new-urban-jobs", "pv-output-value", "retail-sales-growth"]


def textconv(path: Path) -> str:
    result = CliRunner().invoke(app, ["textconv", str(path)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


def section(text: str, heading: str) -> list[str]:
    """The lines of one section (`targets:`, `actuals:` …) of textconv's output."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return lines[start:end]


def test_one_line_per_target_sorted_by_id() -> None:
    targets = section(textconv(FIXTURE), "targets:")
    heads = [line for line in targets if line.startswith("  ") and not line.startswith("    ")]
    assert [line.split(":")[0].strip() for line in heads] == TARGET_IDS
    assert "  pv-output-value: 晶硅光伏产业产值 (crystalline-silicon PV industry output value) = 1200 亿元 " \
           "at_least [level] strive sector=photovoltaics" in heads
    # each target's evidence follows it, indented further
    assert all(line.startswith("    ") for line in targets if line not in heads)


def test_actuals_and_sources_are_listed() -> None:
    text = textconv(FIXTURE)
    assert text.startswith("region: 测试市 (Testville)\nyear: 2025\nsources:\n")
    assert [line.split(":")[0].strip() for line in section(text, "sources:")] == ["work-report-2025", "party-plan-2025"]
    assert section(text, "actuals:")[0].startswith("  gdp-growth-2024: 地区生产总值")
    assert "(year 2024)" in section(text, "actuals:")[0]


def test_every_source_field_is_shown() -> None:
    """An edit to any field must show in `git diff`; the driver must not hide it."""
    line = section(textconv(FIXTURE), "sources:")[0]
    for text in ("work_report", "2025年测试市人民政府工作报告", "Testville Municipal Government Work Report 2025",
                 "2025-01-05"):
        assert text in line


def test_reformatting_does_not_change_the_output(tmp_path: Path) -> None:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["targets"].reverse()
    rewritten = tmp_path / "targets_2025.yaml"
    rewritten.write_text(yaml.safe_dump(data, allow_unicode=True, default_flow_style=True), encoding="utf-8")
    assert textconv(rewritten) == textconv(FIXTURE)


@pytest.mark.parametrize("text", [
    pytest.param("schema_version: 1\nregion: [unclosed\n", id="yaml-syntax-error"),
    pytest.param("just: some\nother: yaml\n", id="not-a-data-file"),
    pytest.param(FIXTURE.read_text(encoding="utf-8").replace("unit: 万人", "unit: wan"), id="invalid-data"),
    pytest.param("", id="empty"),
])
def test_an_unparsable_file_is_printed_as_it_is(tmp_path: Path, text: str) -> None:
    path = tmp_path / "targets_2025.yaml"
    path.write_text(text, encoding="utf-8")
    assert textconv(path) == text


def test_a_file_that_is_not_utf8_is_printed_without_crashing(tmp_path: Path) -> None:
    path = tmp_path / "targets_2025.yaml"
    path.write_bytes("region: 测试市\n".encode("gb18030"))
    assert textconv(path).endswith("\n")


# -- as a git diff driver --------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, git_env: None) -> Path:
    """A repository with the diff driver configured in its own .git/config (nobody's global config)."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "-c", "init.defaultBranch=main", "init", "-q")
    git(root, "config", "diff.policydiff.textconv", f"{shlex.quote(sys.executable)} -m policydiff textconv")
    shutil.copyfile(ROOT / ".gitattributes", root / ".gitattributes")
    (root / "data").mkdir()
    shutil.copyfile(FIXTURE, root / DATA)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "data")
    return root


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8",
                            check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    lines = diff.splitlines()
    removed = [line for line in lines if line.startswith("-") and not line.startswith("---")]
    added = [line for line in lines if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def diff(root: Path) -> str:
    return git(root, "--no-pager", "diff", "--no-color", "--no-ext-diff")


@pytest.mark.parametrize("path", [pytest.param("data/targets_2025.yaml", id="default-region"),
                                  pytest.param("data/china/targets_2025.yaml", id="region-subdirectory")])
def test_the_repository_attributes_select_the_driver(path: str) -> None:
    """Regression: `data/targets_*.yaml` left the files of the regions in subdirectories out."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git (apt-get install git) and a git checkout of policydiff")
    out = subprocess.run(["git", "-C", str(ROOT), "check-attr", "diff", "--", path],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == f"{path}: diff: policydiff"


def test_git_diff_of_one_value_is_one_line(repo: Path) -> None:
    path = repo / DATA
    path.write_text(path.read_text(encoding="utf-8").replace("value: 1200", "value: 1000"), encoding="utf-8")
    removed, added = changed_lines(diff(repo))
    assert len(removed) == 1 and len(added) == 1
    assert removed[0].startswith("-  pv-output-value: ") and "= 1200 亿元" in removed[0]
    assert added[0].startswith("+  pv-output-value: ") and "= 1000 亿元" in added[0]


def test_git_diff_of_pure_reformatting_is_empty(repo: Path) -> None:
    path = repo / DATA
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["targets"].reverse()
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True, default_flow_style=True),
                    encoding="utf-8")
    assert git(repo, "status", "--porcelain") == f" M {DATA}\n"  # the file did change
    assert changed_lines(diff(repo)) == ([], [])


def test_git_diff_of_a_broken_file_shows_its_text(repo: Path) -> None:
    (repo / DATA).write_text("schema_version: 1\nregion: [unclosed\n", encoding="utf-8")
    removed, added = changed_lines(diff(repo))
    assert added == ["+schema_version: 1", "+region: [unclosed"]
    assert any(line.startswith("-  pv-output-value: ") for line in removed)


def test_without_the_driver_git_diffs_the_yaml(repo: Path) -> None:
    git(repo, "config", "--unset", "diff.policydiff.textconv")
    path = repo / DATA
    path.write_text(path.read_text(encoding="utf-8").replace("value: 1200", "value: 1000"), encoding="utf-8")
    assert changed_lines(diff(repo)) == (["-    value: 1200"], ["+    value: 1000"])
