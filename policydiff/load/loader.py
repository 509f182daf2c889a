"""Load stage: a targets_YYYY.yaml file → a TargetSet, with every problem found in one pass.

The YAML checking itself lives in `check`; this module only reads files and memoises
results (`cache`), so a repeated command never imports the YAML machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policydiff.load.cache import memoised
from policydiff.contract.errors import DataError, Problem
from policydiff.load.files import read_text
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


def load_result(path: str | Path) -> LoadResult:
    """Read and check one data file; raises UnreadableFileError only when it cannot be read."""
    text = read_text(Path(path))
    return memoised("load", (str(path), text), lambda: check_text(text, Path(path)))


def check_text(text: str, file_path: Path) -> LoadResult:
    """Check a data file's text (e.g. an old revision from git) as if read from `file_path`."""
    from policydiff.load.check import check_text as check
    from policydiff.load.gcpause import gc_paused

    with gc_paused():
        return check(text, file_path)


def load_file(path: str | Path) -> TargetSet:
    """The file's TargetSet; DataError listing every error when it breaks the contract."""
    result = load_result(path)
    if not result.ok or result.target_set is None:
        raise DataError(result.problems)
    return result.target_set
