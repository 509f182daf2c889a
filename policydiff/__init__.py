"""policydiff: compare the numeric targets of policy documents year over year.

Public API for notebooks and scripts::

    import policydiff
    targets = policydiff.load_year(2025)
    report = policydiff.compare(2024, 2025)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._version import __version__
from .errors import DataError, PolicydiffError, Problem, Severity, UnreadableFileError, UsageError
from .load import LoadResult, load_file, load_result
from .model import Direction, Evidence, Metric, Qualifier, Source, SourceKind, Target, TargetSet, Value



def load_year(year: int | str, data_dir: str | Path | None = None) -> TargetSet:
    """The targets of `year` (e.g. 2025) from the data directory, or of a file path."""
    from . import datadir

    directory = datadir.data_dir(data_dir)
    return load_file(datadir.resolve(str(year), directory))


def __getattr__(name: str) -> Any:
    # compare and its report model load rapidfuzz and friends: only on first use.
    if name in {"compare", "compare_sets", "Report", "Change", "Status"}:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'policydiff' has no attribute {name!r}")


__all__ = [
    "__version__", "load_year", "load_file", "load_result", "LoadResult", "compare", "compare_sets",
    "Report", "Change", "Status", "TargetSet", "Target", "Source", "Evidence", "Value", "Metric",
    "Qualifier", "Direction", "SourceKind", "Problem", "Severity", "PolicydiffError", "DataError",
    "UsageError", "UnreadableFileError",
]
