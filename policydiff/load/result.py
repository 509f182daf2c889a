"""What loading one file produced."""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.contract.errors import Problem
from policydiff.contract.model import TargetSet


@dataclass(frozen=True)
class LoadResult:
    """What loading one file produced: the data (None when unusable) and all problems."""

    path: str
    target_set: TargetSet | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.target_set is not None and not any(p.is_error for p in self.problems)
