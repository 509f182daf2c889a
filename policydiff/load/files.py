"""Reading and writing files safely: only regular files, bounded, decoded with a clear error;
writes go to a temporary file in the same directory and are renamed into place.

Kept apart from the YAML code so that commands that need no YAML never import it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from policydiff.contract.errors import UnreadableFileError, UsageError

MAX_FILE_BYTES = 64_000_000  # about 170 000 targets


def _regular_file(path: Path, limit: int | None = None, what: str = "a data file",
                  hint: str = "split it by year") -> None:
    limit = MAX_FILE_BYTES if limit is None else limit  # read at call time (tests lower it)
    _contained_link(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableFileError(f"{path}: a symbolic link to a missing file; fix or remove the link") from None
        raise UnreadableFileError(f"{path}: no such file (check the path, or pass a year such as 2025)") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnreadableFileError(f"{path}: a loop of symbolic links; fix or remove the link") from None
        raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(f"{path}: is a directory, expected a targets_YYYY.yaml file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError(f"{path}: not a regular file (a device, pipe or socket); pass a data file")
    if info.st_size > limit:
        raise UnreadableFileError(f"{path}: {info.st_size} bytes is over the {limit}-byte limit for {what}; {hint}")


def _contained_link(path: Path) -> None:
    """A data file may be a symbolic link only to a file in its own directory (or below it): a
    link committed in a pull request must not make policydiff read /dev/zero, /proc or a secret
    elsewhere on the machine and print its lines in a CI log."""
    if not path.is_symlink():
        return
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        raise UnreadableFileError(f"{path}: a symbolic link to a missing file; fix or remove the link") from None
    except (RuntimeError, OSError) as error:  # RuntimeError: a loop, on Python < 3.13
        if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
            raise UnreadableFileError(f"{path}: a loop of symbolic links; fix or remove the link") from None
        raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
    home = path.absolute().parent.resolve()
    if not resolved.is_relative_to(home):
        raise UnreadableFileError(f"{path}: a symbolic link to {resolved}, outside its directory {home}; "
                                  "data files must be real files in the data directory (replace the link by the file)")


def read_bytes(path: Path, limit: int | None = None, what: str = "a data file",
               hint: str = "split it by year") -> bytes:
    """A regular file's bytes, at most `limit` (the file may grow between stat and read); `what`
    and `hint` name the kind of file in the message when it is too large."""
    limit = MAX_FILE_BYTES if limit is None else limit
    _regular_file(path, limit, what, hint)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
    if len(raw) > limit:
        raise UnreadableFileError(f"{path}: over the {limit}-byte limit for {what}; {hint}")
    return raw


def _utf16(raw: bytes) -> bool:
    """A byte-order mark, or ASCII text with a NUL byte beside every character (UTF-16 without a BOM)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = raw[:4096]
    pairs = len(head) // 2
    if pairs < 2:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= 0.6 * pairs and min(even, odd) == 0


def decode(raw: bytes, path: Path | str) -> str:
    """UTF-8 text (a BOM allowed); a UTF-16 or binary file gets its own message."""
    if _utf16(raw):
        raise UnreadableFileError(f"{path}: UTF-16 text; save the file as UTF-8")
    if b"\x00" in raw:
        raise UnreadableFileError(f"{path}: binary file (contains NUL bytes), expected YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise UnreadableFileError(
            f"{path}:{line}:{column}: not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        ) from None


def read_text(path: Path) -> str:
    """The file's text; UnreadableFileError with what to do when that is impossible."""
    return decode(read_bytes(path), path)


def read_head(path: Path, size: int) -> str:
    """The first `size` bytes of a regular file as text (for a quick look: never blocks on a
    pipe, never reads a device); empty when it cannot be read."""
    try:
        _regular_file(path)
        with path.open("rb") as handle:
            return handle.read(size).decode("utf-8", errors="replace")
    except (OSError, UnreadableFileError):
        return ""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def write_atomic(path: Path, text: str | bytes, protected: tuple[Path, ...] = (), draft: bool = False) -> None:
    """Write `text` to `path` through a temporary file and a rename: a failed write leaves the
    old file whole. Refuses to overwrite one of the `protected` paths (the command's inputs, by
    path or by hard link), links.yaml and any targets_YYYY.yaml data file. A `draft` data file
    (extract's output) may take a data file's name, but never overwrites an existing one."""
    import tempfile

    from policydiff.contract.spec import TARGET_FILE

    target = path.resolve()
    if any(_same_file(path, p) for p in protected):
        raise UsageError(f"--output {path}: that is one of the command's input files; choose another file name")
    if draft and TARGET_FILE.match(target.name) and os.path.lexists(target):
        raise UsageError(f"--output {path}: a data file already exists there; write the draft to a new file "
                         "and merge it by hand (or use --against to see what it lacks)")
    if target.name == "links.yaml" or (TARGET_FILE.match(target.name) and not draft):
        raise UsageError(f"--output {path}: a data file name (links.yaml, targets_YYYY.yaml); "
                         "choose another file name for the report")
    if target.is_dir():
        raise UsageError(f"--output {path}: is a directory; give a file name")
    data = text.encode("utf-8") if isinstance(text, str) else text
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
                                         delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600; a report gets the permissions any new file would get
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:  # a write that failed half way leaves no stray file
            temporary.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {error.strerror}; check the directory exists and is writable") from None
