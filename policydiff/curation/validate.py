"""`policydiff validate`: check data files against the contract and report every problem."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from policydiff.contract.errors import Problem, Severity, UnreadableFileError
from policydiff.contract.model import Target, TargetSet
from policydiff.load.loader import load_result
from policydiff.load.result import LoadResult


class ProblemFormat(StrEnum):
    HUMAN = "human"
    GITHUB = "github"
    JSON = "json"


@dataclass(frozen=True)
class FileReport:
    path: str
    problems: tuple[Problem, ...]
    unreadable: bool = False

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(not p.is_error for p in self.problems)


@dataclass(frozen=True)
class ValidationReport:
    files: tuple[FileReport, ...]

    @property
    def exit_code(self) -> int:
        if any(f.unreadable for f in self.files):
            return 2
        return 1 if any(f.errors for f in self.files) else 0


def _strict_problems(target_set: TargetSet, path: str) -> list[Problem]:
    problems: list[Problem] = []

    def require(item: Target, kind: str, index: int) -> None:
        line, column = (item.location.line, item.location.column) if item.location else (0, 0)
        for field, present in (("evidence", bool(item.evidence)), ("name_en", bool(item.name_en))):
            if not present:
                problems.append(Problem(Severity.ERROR, f"`{item.id}` has no `{field}` (required by --strict)",
                                        path, line, column, f"{kind}[{index}].{field}",
                                        "add it; see docs/data-format.md"))

    for index, target in enumerate(target_set.targets):
        require(target, "targets", index)
    for index, actual in enumerate(target_set.actuals):
        require(actual, "actuals", index)
    return problems


def validate_file(path: Path, strict: bool = False) -> FileReport:
    try:
        result: LoadResult = load_result(path)
    except UnreadableFileError as error:
        return FileReport(str(path), (Problem(Severity.ERROR, str(error).removeprefix(f"{path}: "), str(path)),), True)
    problems = list(result.problems)
    if strict and result.target_set is not None:
        problems.extend(_strict_problems(result.target_set, str(path)))
    problems.sort(key=lambda p: (p.line, p.column, not p.is_error))
    return FileReport(str(path), tuple(problems))


def validate_paths(paths: list[Path], strict: bool = False) -> ValidationReport:
    return ValidationReport(tuple(validate_file(path, strict) for path in paths))


def validate_links(directory: Path) -> FileReport | None:
    """links.yaml of a data directory: well-formed, and naming targets that exist."""
    from policydiff.comparison.links import LINKS_FILE, load_links
    from policydiff.contract.errors import DataError

    path = directory / LINKS_FILE
    if not os.path.lexists(path):
        return None
    try:
        links = load_links(directory)
    except DataError as error:
        return FileReport(str(path), error.problems)
    except UnreadableFileError as error:
        return FileReport(str(path), (Problem(Severity.ERROR, str(error).removeprefix(f"{path}: "), str(path)),), True)
    known: dict[int, set[str] | None] = {}
    problems: list[Problem] = []
    for kind, group in (("pin", links.pins), ("forbid", links.forbids)):
        for link in group:
            for ref in (link.before, link.after):
                if ref.year not in known:
                    known[ref.year] = _target_ids(directory, ref.year)
                ids = known[ref.year]
                if ids is None:
                    problems.append(Problem(Severity.ERROR, f"{kind} names {ref}, but there is no targets_{ref.year}.yaml",
                                            str(path), link.line, 1, hint="fix the year or remove the link"))
                elif ref.id not in ids:
                    problems.append(Problem(Severity.ERROR, f"{kind} names {ref}, but targets_{ref.year}.yaml has no target `{ref.id}`",
                                            str(path), link.line, 1, hint="use a target id from that file"))
    return FileReport(str(path), tuple(problems))


def _target_ids(directory: Path, year: int) -> set[str] | None:
    path = directory / f"targets_{year}.yaml"
    if not path.is_file():
        return None
    try:
        result = load_result(path)
    except UnreadableFileError:
        return None
    return {t.id for t in result.target_set.targets} if result.target_set else set()


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow-command property value: `,` and `:` would end it early (a path like C:\\data)."""
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


def format_report(report: ValidationReport, style: ProblemFormat) -> str:
    """The report as text for a person, GitHub Actions annotations, or JSON."""
    from policydiff.render.text import json_text, one_line

    if style is ProblemFormat.JSON:
        return json_text({
            "valid": report.exit_code == 0,
            "files": [{"path": f.path, "errors": f.errors, "warnings": f.warnings,
                       "problems": [p.to_json() for p in f.problems]} for f in report.files],
        }, indent=2) + "\n"
    lines: list[str] = []
    for file in report.files:
        for problem in file.problems:
            if style is ProblemFormat.GITHUB:
                level = "error" if problem.is_error else "warning"
                place = f"file={_github_property(one_line(problem.file))}" + (f",line={problem.line},col={problem.column}" if problem.line else "")
                field = f"{problem.path}: " if problem.path else ""
                hint = f" ({problem.hint})" if problem.hint else ""
                lines.append(f"::{level} {place},title=policydiff::"
                             f"{_github_escape(one_line(field + problem.message + hint))}")
            else:
                lines.append(one_line(str(problem)))
        if style is ProblemFormat.HUMAN:
            verdict = "ok" if not file.errors else f"{file.errors} error(s)"
            warned = f", {file.warnings} warning(s)" if file.warnings else ""
            lines.append(one_line(f"{file.path}: {verdict}{warned}"))
    return "\n".join(lines) + ("\n" if lines else "")
