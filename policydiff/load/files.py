"""Reading a data file's text, with a clear error for anything that is not UTF-8 text.

Kept apart from the YAML code so that a command served from the cache never imports it.
"""

from __future__ import annotations

from pathlib import Path

from policydiff.contract.errors import UnreadableFileError

MAX_FILE_BYTES = 64_000_000  # about 170 000 targets


def read_text(path: Path) -> str:
    """The file's text; UnreadableFileError with what to do when that is impossible."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableFileError(f"{path}: no such file (check the path, or pass a year such as 2025)") from None
    except OSError as error:
        raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
    if path.is_dir():
        raise UnreadableFileError(f"{path}: is a directory, expected a targets_YYYY.yaml file")
    if size > MAX_FILE_BYTES:
        raise UnreadableFileError(
            f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit for a data file; split it by year"
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
    if b"\x00" in raw:
        raise UnreadableFileError(f"{path}: binary file (contains NUL bytes), expected YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{path}: not UTF-8 text (byte {error.start}); save the file as UTF-8"
        ) from None
