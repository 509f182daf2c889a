"""policydiff: compare the numeric targets of policy documents year over year.

Public API for notebooks and scripts::

    import policydiff
    targets = policydiff.load_year(2025)
    report = policydiff.compare(2024, 2025)

Names are imported on first use, so `import policydiff` (and the CLI) starts fast.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policydiff._version import __version__

if TYPE_CHECKING:
    from policydiff.comparison.pipeline import compare, compare_sets
    from policydiff.comparison.report import Change, Report, Status
    from policydiff.contract.errors import DataError, PolicydiffError, Problem, Severity, UnreadableFileError, UsageError
    from policydiff.contract.model import Direction, Evidence, Metric, Qualifier, Source, SourceKind, Target, TargetSet, Value
    from policydiff.load.loader import load_file, load_result
    from policydiff.load.result import LoadResult

_EXPORTS: dict[str, str] = {
    **dict.fromkeys(("compare", "compare_sets"), "comparison.pipeline"),
    **dict.fromkeys(("DataError", "PolicydiffError", "Problem", "Severity", "UnreadableFileError", "UsageError"),
                    "contract.errors"),
    **dict.fromkeys(("load_file", "load_result"), "load.loader"),
    "LoadResult": "load.result",
    **dict.fromkeys(("Direction", "Evidence", "Metric", "Qualifier", "Source", "SourceKind", "Target",
                     "TargetSet", "Value"), "contract.model"),
    **dict.fromkeys(("Change", "Report", "Status"), "comparison.report"),
}


def load_year(year: int | str, data_dir: str | Path | None = None, region: str | None = None) -> TargetSet:
    """The targets of `year` (e.g. 2025) of a region (default: the data directory's own), or of a file path."""
    from policydiff.load import datadir
    from policydiff.load.loader import load_file

    return load_file(datadir.resolve(str(year), datadir.dataset(data_dir, region).directory))


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'policydiff' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)


__all__ = ["__version__", "load_year", *_EXPORTS]
