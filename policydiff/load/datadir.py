"""Finding data: which directory holds the target files, and which file a YEAR means."""

from __future__ import annotations

import os
import re
from pathlib import Path

from policydiff.contract.errors import UsageError

ENV_VAR = "POLICYDIFF_DATA"
_YEAR = re.compile(r"^\d{4}$")
TARGET_FILE = re.compile(r"^targets_(\d{4})\.ya?ml$")  # a file name; group 1 is the year


def bundled_data_dir() -> Path:
    """The Baotou data shipped in the wheel (or the repository's data/ in a checkout)."""
    installed = Path(__file__).resolve().parent.parent / "_bundled_data"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "data"


def holds_targets(directory: Path) -> bool:
    return directory.is_dir() and any(TARGET_FILE.match(p.name) for p in directory.iterdir())


def data_dir(explicit: str | Path | None = None) -> Path:
    """--data-dir, else $POLICYDIFF_DATA, else ./data when it holds target files, else bundled."""
    if explicit is not None:
        chosen = Path(explicit)
        if not chosen.is_dir():
            raise UsageError(f"--data-dir {chosen}: not a directory")
        return chosen
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        chosen = Path(from_env)
        if not chosen.is_dir():
            raise UsageError(f"${ENV_VAR}={from_env}: not a directory (unset it to use the bundled data)")
        return chosen
    local = Path("data")
    if holds_targets(local):
        return local
    return bundled_data_dir()


def target_files(directory: Path) -> list[Path]:
    """Every targets_YYYY.yaml in the directory, oldest year first."""
    return sorted((p for p in directory.iterdir() if TARGET_FILE.match(p.name)), key=lambda p: p.name)


def available_years(directory: Path) -> list[int]:
    return [int(m.group(1)) for p in target_files(directory) if (m := TARGET_FILE.match(p.name))]


def resolve(argument: str, directory: Path | None = None) -> Path:
    """A YEAR (2025 → targets_2025.yaml in the data directory) or a path to a file."""
    if _YEAR.match(argument):
        base = directory if directory is not None else data_dir()
        for suffix in (".yaml", ".yml"):
            candidate = base / f"targets_{argument}{suffix}"
            if candidate.is_file():
                return candidate
        years = ", ".join(str(y) for y in available_years(base)) or "none"
        raise UsageError(f"no data for {argument} in {base} (years available: {years}); "
                         f"pass a file path or --data-dir")
    path = Path(argument)
    if not path.exists():
        raise UsageError(f"{argument}: no such file; pass a year such as 2025 or a path to a targets_YYYY.yaml file")
    return path
