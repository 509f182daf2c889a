"""Finding data: which directory holds a region's target files, and which file a YEAR means.

A data directory holds one region's `targets_YYYY.yaml` files at its top level (the default
region) and further regions in subdirectories named after them (`china/targets_2025.yaml`).
The bundled data holds Baotou at the top level and China in `china/`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from policydiff.contract.errors import UsageError
from policydiff.contract.spec import TARGET_FILE

ENV_VAR = "POLICYDIFF_DATA"
REGION_ENV_VAR = "POLICYDIFF_REGION"
_YEAR = re.compile(r"^\d{4}$")
_REGION_EN = re.compile(r"^region_en:[ \t]*['\"]?([^'\"\n#]+)", re.MULTILINE)


@dataclass(frozen=True)
class Dataset:
    """One region's files: `name` as --region spells it, `bundled` when shipped with policydiff."""

    name: str
    directory: Path
    bundled: bool = False
    fallback: bool = False  # chosen because no other data was found: worth telling the user

    @property
    def years(self) -> list[int]:
        return available_years(self.directory)

    def files(self) -> list[Path]:
        return target_files(self.directory)


def bundled_data_dir() -> Path:
    """The data shipped in the wheel (or the repository's data/ in a checkout)."""
    installed = Path(__file__).resolve().parent.parent / "_bundled_data"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "data"


def holds_targets(directory: Path) -> bool:
    try:
        return directory.is_dir() and any(TARGET_FILE.match(p.name) for p in directory.iterdir())
    except OSError:
        return False


def data_dir(explicit: str | Path | None = None) -> Path:
    """--data-dir, else $POLICYDIFF_DATA, else the current directory or ./data when they hold
    target files (or regions), else the bundled data."""
    return _located(explicit)[0]


def _located(explicit: str | Path | None) -> tuple[Path, bool]:
    """The data directory, and whether it is the bundled data taken for want of any other."""
    if explicit is not None:
        chosen = Path(explicit)
        if not chosen.is_dir():
            raise UsageError(f"--data-dir {chosen}: not a directory")
        return chosen, False
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        chosen = Path(from_env)
        if not chosen.is_dir():
            raise UsageError(f"${ENV_VAR}={from_env}: not a directory (unset it to use the bundled data)")
        return chosen, False
    for local in (Path("."), Path("data")):
        if holds_targets(local) or (local.name == "data" and _subregions(local)):
            return local, False
    return bundled_data_dir(), True


def is_bundled(directory: Path) -> bool:
    return directory.resolve() == bundled_data_dir().resolve()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")


def _subregions(root: Path) -> list[Path]:
    try:
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and holds_targets(p))
    except OSError:
        return []


def top_region_name(root: Path) -> str:
    """The top-level region's name: the slug of its files' `region_en`, else the folder's name."""
    from policydiff.load.files import read_head

    for path in reversed(target_files(root)):
        head = read_head(path, 4096)  # a regular file only: a FIFO or /dev/zero link is skipped
        found = _REGION_EN.search(head)
        if found and _slug(found.group(1)):
            return _slug(found.group(1))
    return _slug(root.resolve().name) or "default"


def regions(root: Path, fallback: bool = False) -> list[Dataset]:
    """Every region of a data directory: the top-level one first, then its subdirectories."""
    bundled = is_bundled(root)
    found = [Dataset(top_region_name(root), root, bundled, fallback)] if holds_targets(root) else []
    found += [Dataset(p.name, p, bundled, fallback) for p in _subregions(root)]
    return found


def dataset(data_dir_option: str | Path | None = None, region: str | None = None) -> Dataset:
    """The region asked for (--region, $POLICYDIFF_REGION), else the directory's top-level one."""
    root, fallback = _located(data_dir_option)
    region = region if region is not None else (os.environ.get(REGION_ENV_VAR) or None)
    available = regions(root, fallback)
    if region is None:
        if available and available[0].directory == root:
            return available[0]
        if available:
            raise UsageError(f"{root} holds several regions; choose one with --region "
                             f"({', '.join(d.name for d in available)})")
        return Dataset(top_region_name(root), root, is_bundled(root), fallback)
    wanted = _slug(region)
    for candidate in available:
        if candidate.name == wanted:
            return candidate
    names = ", ".join(d.name for d in available) or "none"
    raise UsageError(f"--region {region}: no such region in {root} (regions: {names}); "
                     f"run `policydiff regions` to list them")


LINKS_FILE = "links.yaml"


def links_file(later: Path | None, directory: Path) -> Path | None:
    """links.yaml beside the later file when it has one, else the data directory's, if any."""
    folders = ([later.parent] if later is not None else []) + [directory]
    # lexists: a links.yaml that is a pipe or a bad link is reported when read, never skipped
    return next((folder / LINKS_FILE for folder in folders if os.path.lexists(folder / LINKS_FILE)), None)


def target_files(directory: Path) -> list[Path]:
    """Every targets_YYYY.yaml in the directory, oldest year first."""
    try:
        return sorted((p for p in directory.iterdir() if TARGET_FILE.match(p.name)), key=lambda p: p.name)
    except OSError:
        return []


def available_years(directory: Path) -> list[int]:
    return [int(m.group(1)) for p in target_files(directory) if (m := TARGET_FILE.match(p.name))]


def is_year(argument: str) -> bool:
    return bool(_YEAR.match(argument))


def resolve(argument: str, directory: Path | None = None) -> Path:
    """A YEAR (2025 → targets_2025.yaml in the data directory) or a path to a file."""
    if _YEAR.match(argument):
        base = directory if directory is not None else data_dir()
        for suffix in (".yaml", ".yml"):
            candidate = base / f"targets_{argument}{suffix}"
            if os.path.lexists(candidate):  # a pipe or a bad link too: reading it says what is wrong
                return candidate
        years = ", ".join(str(y) for y in available_years(base)) or "none"
        raise UsageError(f"no data for {argument} in {base} (years available: {years}); "
                         f"pass a file path, --region or --data-dir")
    path = Path(argument)
    if not os.path.lexists(path):
        raise UsageError(f"{argument}: no such file; pass a year such as 2025 or a path to a targets_YYYY.yaml file")
    return path
