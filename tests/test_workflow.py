"""The data workflow (.github/workflows/data.yml) only calls policydiff commands and options that exist."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from policydiff.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "data.yml"
FIXTURE = Path(__file__).parent / "fixtures" / "targets_2025.yaml"
_SHELL_OPERATORS = {">", ">>", "<", "|", "||", "&&", ";", "2>", "2>&1"}


def load_workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    return [step for job in load_workflow()["jobs"].values() for step in job["steps"]]


def shell_commands(script: str) -> list[list[str]]:
    """The simple commands of a `run:` script, as tokens, up to the first redirection or pipe."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        tokens = shlex.split(line, comments=True)
        if tokens:
            end = next((i for i, t in enumerate(tokens) if t in _SHELL_OPERATORS), len(tokens))
            commands.append(tokens[:end])
    return commands


def policydiff_commands() -> list[list[str]]:
    return [tokens for step in steps() if "run" in step for tokens in shell_commands(step["run"])
            if tokens[0] == "policydiff"]


def help_text(command: str) -> str:
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0, f"`policydiff {command}` is not a command: {result.output}"
    return result.output


def test_triggers_on_data_edits() -> None:
    # PyYAML reads the bare key `on` as the boolean true (YAML 1.1)
    workflow = load_workflow()
    triggers = workflow["on"] if "on" in workflow else workflow[True]
    assert set(triggers) == {"pull_request", "push"}
    for event in ("pull_request", "push"):
        assert "data/**" in triggers[event]["paths"]


def test_checkout_has_full_history_and_python_is_311() -> None:
    uses = {step["uses"].split("@")[0]: step for step in steps() if "uses" in step}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert any(step.get("run") == "pip install ." for step in steps())


def test_runs_validate_and_review() -> None:
    commands = [" ".join(tokens[:2]) for tokens in policydiff_commands()]
    assert commands == ["policydiff validate", "policydiff validate", "policydiff review"]
    validate, validate_china, review = policydiff_commands()
    assert validate == ["policydiff", "validate", "--strict", "--format", "github"]
    # regression: without paths validate checks only the default region, so China's files went unchecked
    assert validate_china == [*validate, "--region", "china"]
    assert review[2:4] == ["--base", "origin/$BASE_REF"] and review[4:] == ["--format", "markdown"]


def test_review_writes_the_step_summary_with_a_base_on_push_too() -> None:
    (step,) = [step for step in steps() if "policydiff review" in step.get("run", "")]
    assert '>> "$GITHUB_STEP_SUMMARY"' in step["run"]
    # github.base_ref is empty on push events: the base must not become `origin/`
    assert step["env"]["BASE_REF"] == "${{ github.base_ref || 'main' }}"


@pytest.mark.parametrize("tokens", policydiff_commands(), ids=lambda tokens: " ".join(tokens[:2]))
def test_commands_and_options_exist(tokens: list[str]) -> None:
    command = tokens[1]
    text = help_text(command)
    for token in tokens[2:]:
        if token.startswith("--"):
            name = token.split("=", 1)[0]
            assert name in text, f"`policydiff {command}` has no option {name}"


def test_validate_runs_as_in_the_workflow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The exact validate command, in a checkout-like directory: silent when the data is valid,
    GitHub annotations (`::error file=…,line=…`) on the offending line when it is not."""
    validate = next(tokens for tokens in policydiff_commands() if tokens[1] == "validate")
    (tmp_path / "data").mkdir()
    data = tmp_path / "data" / "targets_2025.yaml"
    data.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POLICYDIFF_DATA", raising=False)

    ok = CliRunner().invoke(app, validate[1:])
    assert (ok.exit_code, ok.output) == (0, "")

    data.write_text(FIXTURE.read_text(encoding="utf-8").replace("unit: 万人", "unit: wan"), encoding="utf-8")
    bad = CliRunner().invoke(app, validate[1:])
    assert bad.exit_code == 1
    line = next(n for n, text in enumerate(data.read_text(encoding="utf-8").splitlines(), 1) if "unit: wan" in text)
    assert bad.stdout.startswith(f"::error file=data/targets_2025.yaml,line={line},col=11,title=policydiff::")


def test_review_runs_as_in_the_workflow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, git_env: None) -> None:
    """The exact review command in a clone-like repository where origin/main is the base branch."""
    (review,) = [tokens for tokens in policydiff_commands() if tokens[1] == "review"]
    (tmp_path / "data").mkdir()
    data = tmp_path / "data" / "targets_2025.yaml"
    data.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    for args in (["-c", "init.defaultBranch=main", "init", "-q"], ["add", "-A"], ["commit", "-q", "--no-verify", "-m", "data"],
                 ["update-ref", "refs/remotes/origin/main", "HEAD"], ["checkout", "-q", "-b", "edit-data"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)
    data.write_text(FIXTURE.read_text(encoding="utf-8").replace("value: 1200", "value: 1000"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BASE_REF", "main")  # the step's env on a pull request to main, and on a push

    result = CliRunner().invoke(app, [os.path.expandvars(token) for token in review[1:]])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Data changes against `origin/main`\n")
    assert "## `data/targets_2025.yaml` (modified)" in result.stdout
    assert "Changed values (1)" in result.stdout and "▼ lowered" in result.stdout
