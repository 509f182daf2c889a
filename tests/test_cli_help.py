"""Every command answers --help, and the program its --version, in-process and as `python -m`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

import policydiff
from policydiff.cli.app import app


def command_paths(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of the Typer app as its words on the command line, sub-commands included."""
    subcommands = getattr(command, "commands", None)  # a click group (typer vendors click)
    if subcommands is None:
        return [prefix]
    paths: list[tuple[str, ...]] = []
    for name, command in sorted(subcommands.items()):
        paths += command_paths(command, (*prefix, name))
    return paths


COMMANDS = command_paths(get_command(app))


README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_registered() -> None:
    names = {path[0] for path in COMMANDS}
    assert {"validate", "show", "schema", "units", "compare", "align", "review", "textconv", "regions",
            "cache"} <= names


@pytest.mark.parametrize("words", [pytest.param(path, id=" ".join(path)) for path in COMMANDS])
def test_every_command_is_documented_in_the_readme(words: tuple[str, ...]) -> None:
    assert f"policydiff {' '.join(words)}" in README


@pytest.mark.parametrize("words", [pytest.param(path, id=" ".join(path)) for path in COMMANDS])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help(words: tuple[str, ...], flag: str) -> None:
    result = CliRunner().invoke(app, [*words, flag])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert " ".join(words) in result.stdout
    assert "Traceback" not in result.output


def test_the_program_has_help_listing_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for name in {path[0] for path in COMMANDS}:
        assert name in result.stdout


def test_no_arguments_prints_usage() -> None:
    result = CliRunner().invoke(app, [])
    assert "Usage:" in result.output
    assert result.exit_code == 2  # no command is a usage error, as in click


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["frobnicate"])
    assert result.exit_code == 2
    assert "frobnicate" in result.output


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"policydiff {policydiff.__version__}\n"


def test_version_from_python_dash_m() -> None:
    run = subprocess.run([sys.executable, "-m", "policydiff", "--version"], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"policydiff {policydiff.__version__}\n"
    assert run.stderr == ""
