"""Load stage: a targets_YYYY.yaml file → a TargetSet, with every problem found in one pass.

The YAML checking itself lives in `check`; this module only reads files, so that importing
the package API stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from policydiff.contract.errors import DataError
from policydiff.contract.model import TargetSet
from policydiff.load.files import read_text
from policydiff.load.result import LoadResult


def load_result(path: str | Path) -> LoadResult:
    """Read and check one data file; raises UnreadableFileError only when it cannot be read."""
    return check_text(read_text(Path(path)), Path(path))


def check_text(text: str, file_path: Path) -> LoadResult:
    """Check a data file's text (e.g. an old revision from git) as if read from `file_path`."""
    from policydiff.load.check import check_text as check

    return check(text, file_path)


def load_file(path: str | Path) -> TargetSet:
    """The file's TargetSet; DataError listing every error when it breaks the contract."""
    result = load_result(path)
    if not result.ok or result.target_set is None:
        raise DataError(result.problems)
    return result.target_set
