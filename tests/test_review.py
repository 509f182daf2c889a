"""`policydiff review` in a real, temporary git repository: what an edit to a data file changed.

Every test builds its own repository under tmp_path from tests/fixtures/targets_2025.yaml,
commits it, edits the working tree and runs `review` through typer's CliRunner.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from policydiff.cli.app import app

FIXTURE = Path(__file__).parent / "fixtures" / "targets_2025.yaml"
DATA = "data/targets_2025.yaml"


@dataclass(frozen=True)
class Repo:
    """A throwaway git repository holding one committed data file."""

    root: Path

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True,
                                encoding="utf-8", check=False)
        assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
        return result.stdout

    def commit(self, message: str = "data") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--no-verify", "-m", message)

    def load(self, relative: str = DATA) -> dict[str, Any]:
        data = yaml.safe_load((self.root / relative).read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        return data

    def dump(self, data: dict[str, Any], relative: str = DATA) -> None:
        """Rewrite the file with PyYAML: sorted keys, flow style, folded lines, no comments."""
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, default_flow_style=True, width=60)
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, git_env: None, monkeypatch: pytest.MonkeyPatch) -> Repo:
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", str(root)], check=True)
    (root / "data").mkdir()
    shutil.copyfile(FIXTURE, root / DATA)
    created = Repo(root)
    created.commit("add 2025 data")
    monkeypatch.chdir(root)
    return created


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def review_json(*args: str) -> dict[str, Any]:
    result = run("review", "--base", "HEAD", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def edits(report: dict[str, Any]) -> set[tuple[str, str, str]]:
    """(path, change status, target id) of every change; the id is the edited version's."""
    return {(file["path"], change["status"], (change["to"] or change["from"])["id"])
            for file in report["files"] for change in file["changes"]}


def notes_of(report: dict[str, Any], target_id: str) -> list[str]:
    return [note for file in report["files"] for change in file["changes"]
            if (change["to"] or change["from"])["id"] == target_id for note in change["notes"]]


def target(data: dict[str, Any], target_id: str) -> dict[str, Any]:
    found = next(t for t in data["targets"] if t["id"] == target_id)
    assert isinstance(found, dict)
    return found


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


# -- edits, each a function of the repository -------------------------------------------


def no_edit(repo: Repo) -> None:
    pass


def reformat(repo: Repo) -> None:
    repo.dump(repo.load())


def reorder(repo: Repo) -> None:
    data = repo.load()
    data["targets"].reverse()
    data["sources"].reverse()
    repo.dump(data)


def lower_value(repo: Repo) -> None:
    data = repo.load()
    target(data, "gdp-growth")["value"] = 5.5
    repo.dump(data)


def rename_id(repo: Repo) -> None:
    data = repo.load()
    target(data, "forest-coverage")["id"] = "forest-coverage-rate"
    repo.dump(data)


def edit_qualifier(repo: Repo) -> None:
    data = repo.load()
    target(data, "retail-sales-growth")["qualifier"] = "about"
    repo.dump(data)


def edit_evidence(repo: Repo) -> None:
    data = repo.load()
    target(data, "new-urban-jobs")["evidence"][0]["quote"] = "全年城镇新增就业4万人"
    repo.dump(data)


def edit_source(repo: Repo) -> None:
    data = repo.load()
    data["sources"][1]["date"] = "2025-01-03"
    repo.dump(data)


def add_untracked_file(repo: Repo) -> None:
    data = repo.load()
    data["year"] = 2026
    repo.dump(data, "data/targets_2026.yaml")


def delete_file(repo: Repo) -> None:
    (repo.root / DATA).unlink()


def edit_actual(repo: Repo) -> None:
    data = repo.load()
    data["actuals"][0]["value"] = 5.9
    repo.dump(data)


TARGET_IDS = ("gdp-growth", "retail-sales-growth", "new-urban-jobs", "pv-output-value", "forest-coverage")
ACTUAL_IDS = ("gdp-growth-2024",)


# -- the scenario ---------------------------------------------------------------


def test_reports_exactly_three_edits_in_a_file_rewritten_by_pyyaml(repo: Repo) -> None:
    data = repo.load()
    target(data, "pv-output-value")["value"] = 1000
    data["targets"] = [t for t in data["targets"] if t["id"] != "new-urban-jobs"]
    data["targets"].append({
        "id": "green-hydrogen-capacity", "name": "绿氢产能", "name_en": "green hydrogen capacity",
        "sector": "hydrogen", "value": 10, "unit": "万吨",
        "evidence": [{"source": "party-plan-2025", "quote": "绿氢产能达到10万吨"}],
    })
    repo.dump(data)
    rewritten = (repo.root / DATA).read_text(encoding="utf-8")
    assert "targets:\n" not in rewritten and rewritten.startswith("{actuals:")  # really reformatted

    report = review_json()

    assert report["base"] == "HEAD"
    assert [(f["path"], f["status"], f["notes"]) for f in report["files"]] == [(DATA, "modified", [])]
    assert edits(report) == {(DATA, "lowered", "pv-output-value"), (DATA, "dropped", "new-urban-jobs"),
                             (DATA, "new", "green-hydrogen-capacity")}
    summary = report["files"][0]["summary"]
    assert {k: v for k, v in summary.items() if v} == {"lowered": 1, "dropped": 1, "new": 1}
    assert notes_of(report, "pv-output-value")[0] == "target fields edited: value"


# -- one case per kind of edit ------------------------------------------------------------

Edit = Callable[[Repo], None]


@pytest.mark.parametrize(("edit", "files", "changes", "field_notes", "arguments"), [
    pytest.param(no_edit, [], set(), {}, [], id="no-edits"),
    pytest.param(reformat, [], set(), {}, [], id="only-reformatted"),
    pytest.param(reorder, [], set(), {}, [], id="targets-and-sources-reordered"),
    pytest.param(lower_value, [(DATA, "modified")], {(DATA, "lowered", "gdp-growth")},
                 {"gdp-growth": "target fields edited: value"}, [], id="value-lowered"),
    pytest.param(rename_id, [(DATA, "modified")], {(DATA, "changed", "forest-coverage-rate")},
                 {"forest-coverage-rate": "target fields edited: id"}, [], id="id-renamed-same-name"),
    pytest.param(edit_qualifier, [(DATA, "modified")], {(DATA, "softened", "retail-sales-growth")},
                 {"retail-sales-growth": "target fields edited: qualifier"}, [], id="qualifier-edited"),
    pytest.param(edit_evidence, [(DATA, "modified")], {(DATA, "changed", "new-urban-jobs")},
                 {"new-urban-jobs": "target fields edited: evidence"}, [], id="evidence-edited"),
    pytest.param(edit_actual, [(DATA, "modified")], {(DATA, "raised", "gdp-growth-2024")},
                 {"gdp-growth-2024": "actual fields edited: value"}, [], id="actual-edited"),
    pytest.param(edit_source, [(DATA, "modified")], set(), {}, [], id="source-edited"),
    pytest.param(add_untracked_file, [("data/targets_2026.yaml", "added")],
                 {("data/targets_2026.yaml", "new", i) for i in TARGET_IDS + ACTUAL_IDS}, {},
                 [], id="untracked-file-added"),
    # `data` is named: with no target file left in ./data, the CLI's default is the bundled data
    # (see test_deleting_the_last_file_with_the_default_data_directory)
    pytest.param(delete_file, [(DATA, "deleted")], {(DATA, "dropped", i) for i in TARGET_IDS + ACTUAL_IDS}, {},
                 ["data"], id="file-deleted"),
])
def test_review_reports_each_kind_of_edit(repo: Repo, edit: Edit, files: list[tuple[str, str]],
                                          changes: set[tuple[str, str, str]], field_notes: dict[str, str],
                                          arguments: list[str]) -> None:
    edit(repo)
    report = review_json(*arguments)
    assert [(f["path"], f["status"]) for f in report["files"]] == files
    assert edits(report) == changes
    for target_id, note in field_notes.items():
        assert note in notes_of(report, target_id)


def test_renamed_id_pairs_old_and_new_versions(repo: Repo) -> None:
    rename_id(repo)
    (change,) = review_json()["files"][0]["changes"]
    assert (change["from"]["id"], change["to"]["id"]) == ("forest-coverage", "forest-coverage-rate")


def test_qualifier_edit_says_from_what_to_what(repo: Repo) -> None:
    edit_qualifier(repo)
    report = review_json()
    assert "qualifier changed: at_least → about" in notes_of(report, "retail-sales-growth")
    (change,) = report["files"][0]["changes"]
    # the same number, wording softened (以上 → 左右): its own status, less ambitious, no "±0"
    assert (change["status"], change["delta"], change["ambition"]) == ("softened", 0, "less")
    table = run("review", "--base", "HEAD", "--width", "120", "--no-color").stdout
    assert "softened" in table and "±0" not in table


def test_source_edit_is_a_file_note_naming_the_source_and_field(repo: Repo) -> None:
    edit_source(repo)
    (file,) = review_json()["files"]
    assert file["notes"] == ["source edited: party-plan-2025 (date)"]


@pytest.mark.parametrize(("edit", "expected"), [
    pytest.param(lower_value, 1, id="edited"),
    pytest.param(edit_source, 1, id="source-edited"),
    pytest.param(no_edit, 0, id="not-edited"),
    pytest.param(reformat, 0, id="only-reformatted"),
])
def test_exit_code_option(repo: Repo, edit: Edit, expected: int) -> None:
    edit(repo)
    result = run("review", "--base", "HEAD", "--exit-code")
    assert result.exit_code == expected, result.output
    assert run("review", "--base", "HEAD").exit_code == 0  # without --exit-code, edits are not a failure


# -- where the data is -----------------------------------------------------------------------


@pytest.mark.parametrize("cwd", ["", "docs", "regions/test/data", "regions"], ids=["root", "sibling", "data-dir", "parent"])
def test_data_directory_in_a_subfolder(repo: Repo, monkeypatch: pytest.MonkeyPatch, cwd: str) -> None:
    nested = "regions/test/data"
    (repo.root / nested).parent.mkdir(parents=True)
    repo.git("mv", "data", nested)
    (repo.root / "docs").mkdir()
    (repo.root / "docs" / "README.md").write_text("docs\n", encoding="utf-8")
    repo.commit("move the data")
    lower_value_at(repo, f"{nested}/targets_2025.yaml")
    monkeypatch.chdir(repo.root / cwd)
    argument = os.path.relpath(repo.root / nested)

    report = review_json(argument)

    assert edits(report) == {(f"{nested}/targets_2025.yaml", "lowered", "gdp-growth")}


def lower_value_at(repo: Repo, relative: str) -> None:
    data = repo.load(relative)
    target(data, "gdp-growth")["value"] = 5.5
    repo.dump(data, relative)


def test_one_file_argument_reviews_only_that_file(repo: Repo) -> None:
    lower_value(repo)
    add_untracked_file(repo)
    report = review_json("data/targets_2026.yaml")
    assert [f["path"] for f in report["files"]] == ["data/targets_2026.yaml"]


def test_non_ascii_directory_names(repo: Repo) -> None:
    """git quotes such paths in its plain output (core.quotePath); review must read them anyway."""
    repo.git("mv", "data", "数据")
    repo.commit("rename the data directory")
    lower_value_at(repo, "数据/targets_2025.yaml")
    (repo.root / "数据" / "targets_2024.yaml").write_text(
        FIXTURE.read_text(encoding="utf-8").replace("year: 2025", "year: 2024"), encoding="utf-8")

    report = review_json("数据")

    assert [(f["path"], f["status"]) for f in report["files"]] == [
        ("数据/targets_2024.yaml", "added"), ("数据/targets_2025.yaml", "modified")]
    assert ("数据/targets_2025.yaml", "lowered", "gdp-growth") in edits(report)


def test_a_configured_textconv_diff_driver_does_not_change_what_is_read(repo: Repo) -> None:
    (repo.root / ".gitattributes").write_text("data/targets_*.yaml diff=policydiff\n", encoding="utf-8")
    repo.git("config", "diff.policydiff.textconv", "sed s/^/converted:/")
    repo.commit("diff driver")
    lower_value(repo)
    assert edits(review_json()) == {(DATA, "lowered", "gdp-growth")}


def test_a_path_that_exists_neither_now_nor_at_base_is_a_usage_error(repo: Repo) -> None:
    result = run("review", "--base", "HEAD", "dta")
    assert result.exit_code == 2
    assert "dta: no such file or directory" in result.stderr
    assert_no_traceback(result)


def test_a_deleted_file_can_be_named(repo: Repo) -> None:
    delete_file(repo)
    assert [f["status"] for f in review_json(DATA)["files"]] == ["deleted"]


def test_deleting_the_last_file_with_the_default_data_directory(repo: Repo) -> None:
    delete_file(repo)
    assert [(f["path"], f["status"]) for f in review_json()["files"]] == [(DATA, "deleted")]


# -- failures ------------------------------------------------------------------------------


@pytest.mark.parametrize("arguments", [["data"], []], ids=["path-given", "default-data-dir"])
def test_outside_a_git_repository(tmp_path: Path, git_env: None, monkeypatch: pytest.MonkeyPatch,
                                  arguments: list[str]) -> None:
    (tmp_path / "data").mkdir()
    shutil.copyfile(FIXTURE, tmp_path / DATA)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # in case tmp is inside a repository

    result = run("review", "--base", "HEAD", *arguments)

    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


def test_unknown_base_revision(repo: Repo) -> None:
    result = run("review", "--base", "no-such-branch")
    assert result.exit_code == 2
    assert "--base no-such-branch: no such revision" in result.stderr
    assert_no_traceback(result)


@pytest.mark.parametrize("broken", [
    pytest.param(b"schema_version: 1\nregion: [unclosed\n", id="yaml-syntax-error"),
    pytest.param(FIXTURE.read_bytes().replace(b"unit: \xe4\xb8\x87\xe4\xba\xba", b"unit: wan"), id="unknown-unit"),
    pytest.param(b"\xff\xfe not utf-8", id="not-utf-8"),
    pytest.param(b"", id="empty"),
])
def test_broken_working_tree_file(repo: Repo, broken: bytes) -> None:
    (repo.root / DATA).write_bytes(broken)
    result = run("review", "--base", "HEAD")
    assert result.exit_code in (1, 2)
    assert DATA in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


def test_broken_file_at_the_base_revision_is_named_with_the_revision(repo: Repo) -> None:
    (repo.root / DATA).write_text("schema_version: 1\nregion: [unclosed\n", encoding="utf-8")
    repo.commit("broken")
    shutil.copyfile(FIXTURE, repo.root / DATA)
    result = run("review", "--base", "HEAD")
    assert result.exit_code == 2
    assert f"HEAD:{DATA}:" in result.stderr
    assert_no_traceback(result)


# -- output formats -------------------------------------------------------------------------


def test_markdown_has_a_heading_per_file_and_unique_footnotes(repo: Repo) -> None:
    lower_value(repo)
    add_untracked_file(repo)
    result = run("review", "--base", "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Data changes against `HEAD`\n")
    headings = re.findall(r"^## (.*)$", text, flags=re.MULTILINE)
    assert headings == ["`data/targets_2025.yaml` (modified)", "`data/targets_2026.yaml` (added)"]
    # each file lists its sources under labels unique in the whole document
    definitions = re.findall(r"^- \\\[([^\]\\]+)\\\] ", text, flags=re.MULTILINE)
    assert definitions and len(definitions) == len(set(definitions))
    assert {label.split("-")[0] for label in definitions} == {"1", "2"}
    assert "**Summary:**" not in text  # the file line is each report's summary


def test_markdown_without_edits(repo: Repo) -> None:
    result = run("review", "--base", "HEAD", "--format", "markdown")
    assert result.stdout == "# Data changes against `HEAD`\n\nNo data file changed.\n"


@pytest.mark.parametrize("output_format", ["table", "csv"])
def test_other_formats_name_the_file(repo: Repo, output_format: str) -> None:
    lower_value(repo)
    result = run("review", "--base", "HEAD", "--format", output_format, "--width", "120")
    assert result.exit_code == 0, result.output
    assert DATA in result.stdout
    assert "lowered" in result.stdout


def test_csv_without_edits_still_has_its_header(repo: Repo) -> None:
    result = run("review", "--base", "HEAD", "--format", "csv")
    assert result.stdout.startswith("path,status,")
    assert result.stdout.count("\n") == 1


def test_table_without_edits(repo: Repo) -> None:
    result = run("review", "--base", "HEAD")
    assert result.stdout == "no data file differs from HEAD\n"


def test_narrow_table_prints_no_summary_of_the_embedded_report(repo: Repo) -> None:
    """Regression: the summary was cut out of the finished table with str.replace, and a
    summary wrapped at --width 40 leaked through."""
    lower_value(repo)
    result = run("review", "--base", "HEAD", "--width", "40", "--no-color")
    assert result.exit_code == 0, result.output
    assert "lowered" in result.stdout
    assert "2025 → 2025" not in result.stdout and "2025 →" not in result.stdout.replace("\n", " ")
