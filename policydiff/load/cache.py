"""An on-disk memo of parsed files and comparisons, so a repeated command skips the work.

Entries are keyed by a hash of everything the result depends on: the input texts, the
options, and the policydiff code itself (version plus each module's size and mtime), so an
edit to the data or to policydiff never serves a stale result. The cache is an
optimisation only: any problem reading or writing it is ignored.
Set POLICYDIFF_CACHE_DIR to move it, POLICYDIFF_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from policydiff._version import __version__

T = TypeVar("T")
_FORMAT = 1


def cache_dir() -> Path | None:
    if os.environ.get("POLICYDIFF_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("POLICYDIFF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policydiff"


@lru_cache(maxsize=1)
def _code_key() -> str:
    package = Path(__file__).parent
    parts = [__version__, str(_FORMAT)]
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        parts.append(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _key(kind: str, parts: tuple[str, ...]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for part in (_code_key(), kind, *parts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return f"{kind}-{digest.hexdigest()}"


def memoised(kind: str, parts: tuple[str, ...], compute: Callable[[], T]) -> T:
    """`compute()`, or its earlier result for the same kind and parts."""
    directory = cache_dir()
    if directory is None:
        return compute()
    entry = directory / f"{_key(kind, parts)}.pickle"
    try:
        with entry.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - a missing or unreadable entry is just a miss
        pass
    result = compute()
    try:
        import tempfile  # only on a miss: it costs several ms to import

        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False, suffix=".tmp") as temporary:
            pickle.dump(result, temporary, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary.name, entry)
    except OSError:
        pass
    return result
