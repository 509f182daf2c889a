"""A cache of finished reports, so that a repeated `compare` prints without recomputing.

Entries are JSON text (never pickles: no cached byte can run code). The key covers every input
file's bytes, the command's settings, the environment that shapes the output, the installed
policydiff code, the Python version and every dependency's version; an entry whose text does
not parse, or whose recorded key differs, is ignored and rebuilt. The cache holds at most
`MAX_ENTRIES` entries and `MAX_BYTES` bytes, oldest evicted first. Library calls never use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policydiff._version import __version__

FORMAT = 2
MAX_ENTRIES = 200
MAX_BYTES = 50_000_000
_DEPENDENCIES = ("typer", "click", "rich", "rapidfuzz", "pyyaml", "opencc", "numpy", "xlsxwriter")
_ENVIRONMENT = ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TERM", "POLICYDIFF_DATA", "POLICYDIFF_REGION")


@dataclass(frozen=True)
class CachedRun:
    output: str
    notes: str  # what the command wrote to stderr besides progress
    exit_code: int


def cache_dir() -> Path | None:
    """$POLICYDIFF_CACHE_DIR, else $XDG_CACHE_HOME/policydiff or ~/.cache/policydiff; None when
    POLICYDIFF_NO_CACHE is set."""
    if os.environ.get("POLICYDIFF_NO_CACHE"):
        return None
    explicit = os.environ.get("POLICYDIFF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policydiff"


@lru_cache(maxsize=1)
def _installed_versions() -> str:
    """Versions of Python and of every dependency, read from the installed distributions' names
    (a directory listing, far cheaper than importlib.metadata)."""
    seen: list[str] = [sys.version, sys.executable]
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        seen += sorted(n for n in names if n.endswith((".dist-info", ".egg-info"))
                       and n.split("-")[0].lower().replace("_", "") in _DEPENDENCIES)
    return "|".join(seen)


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """policydiff's own code, by content: an edit in a checkout is never served stale."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=16)
    digest.update(__version__.encode())
    for module in sorted(package.rglob("*.py")):
        digest.update(str(module.relative_to(package)).encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()


def key(command: str, settings: tuple[str, ...], inputs: tuple[Path | None, ...]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    parts = [str(FORMAT), _code_digest(), _installed_versions(), command, *settings,
             *(f"{name}={os.environ.get(name, '')}" for name in _ENVIRONMENT),
             str(sys.stdout.isatty())]
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    for path in inputs:
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\x00")
        if path is not None:
            from policydiff.load.files import read_bytes

            digest.update(read_bytes(path))
        digest.update(b"\x00")
    return digest.hexdigest()


def _entry(directory: Path, entry_key: str) -> Path:
    return directory / f"{command_prefix(entry_key)}.json"


def command_prefix(entry_key: str) -> str:
    return f"report-{entry_key}"


def fetch(entry_key: str) -> CachedRun | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        raw = _read_entry(_entry(directory, entry_key))
        if raw is None:
            return None
        record = json.loads(raw)
        if (record.get("format") != FORMAT or record.get("key") != entry_key
                or not isinstance(record.get("output"), str) or not isinstance(record.get("notes"), str)
                or type(record.get("exit_code")) is not int):
            return None
        return CachedRun(record["output"], record["notes"], record["exit_code"])
    except (OSError, ValueError, AttributeError, TypeError):  # missing, unreadable or not ours: a miss
        return None


def _read_entry(path: Path) -> bytes | None:
    """An entry's bytes: a regular file only, opened without following a link and without
    blocking (a FIFO named like an entry would hang the command), at most MAX_BYTES."""
    import stat

    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        raw = handle.read(MAX_BYTES + 1)
    return raw if len(raw) <= MAX_BYTES else None


def store(entry_key: str, run: CachedRun) -> None:
    directory = cache_dir()
    if directory is None:
        return
    record = {"format": FORMAT, "key": entry_key, "output": run.output, "notes": run.notes,
              "exit_code": run.exit_code}
    try:
        import tempfile

        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile("w", dir=directory, delete=False, suffix=".tmp", encoding="utf-8") as handle:
            json.dump(record, handle, ensure_ascii=False)
        os.replace(handle.name, _entry(directory, entry_key))
        _evict(directory)
    except OSError:
        pass  # a cache that cannot be written only costs speed


def entries(directory: Path) -> list[Path]:
    try:
        return [p for p in directory.iterdir() if p.name.startswith("report-") or p.suffix in (".tmp", ".pickle")]
    except OSError:
        return []


def _evict(directory: Path) -> None:
    found = []
    for path in entries(directory):
        try:
            info = path.stat()
        except OSError:
            continue
        found.append((info.st_mtime, info.st_size, path))
    found.sort(reverse=True)
    total = 0
    for index, (_, size, path) in enumerate(found):
        total += size
        if index >= MAX_ENTRIES or total > MAX_BYTES:
            path.unlink(missing_ok=True)


def clear() -> int:
    """Remove every entry; the number removed."""
    directory = cache_dir()
    removed = 0
    for path in entries(directory) if directory is not None else []:
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed
