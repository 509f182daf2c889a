"""Problems found in data files, and the typed exceptions the CLI turns into exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, pinned to a place in it."""

    severity: Severity
    message: str
    file: str
    line: int = 0
    column: int = 0
    path: str = ""
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def __str__(self) -> str:
        field = f" [{self.path}]" if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.where}: {self.severity.value}:{field} {self.message}{hint}"

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value, "file": self.file, "line": self.line,
            "column": self.column, "path": self.path, "message": self.message,
            "hint": self.hint,
        }


class PolicydiffError(Exception):
    """Base of every error policydiff reports to a user (never a traceback)."""

    exit_code = 2


class UsageError(PolicydiffError):
    """The command was asked for something that cannot be done as asked (exit 2)."""


class UnreadableFileError(PolicydiffError):
    """A file could not be read at all: missing, a directory, not UTF-8 text (exit 2)."""


class DataError(PolicydiffError):
    """A data file was read but breaks the data contract (exit 1 from validate)."""

    exit_code = 1

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        first = str(errors[0]) if errors else "invalid data"
        more = f" (and {len(errors) - 1} more; run `policydiff validate` to see all)" if len(errors) > 1 else ""
        super().__init__(first + more)
