"""The few git operations `policydiff review` needs, run with the git command-line tool.

The repository under review is untrusted (a pull request's checkout, a downloaded archive):
git runs with its command-running settings switched off (fsmonitor, hooks, pagers, external
diff and textconv drivers), and only reads the object database: which files a revision holds
(`ls-tree`, `ls-files`) and a blob's bytes (`cat-file`). The work tree is read by policydiff
itself, so no clean or smudge filter runs, and blobs are size-checked before they are read.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from policydiff.contract.errors import UnreadableFileError, UsageError
from policydiff.load.files import MAX_FILE_BYTES, decode

# Settings from the repository's own config that would run a command or write to it.
_HARDENING = (
    "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat",
    "-c", "core.untrackedCache=false", "-c", "diff.external=", "-c", "core.sshCommand=false",
    "-c", "protocol.allow=never", "-c", "credential.helper=", "-c", "core.askPass=",
)


def _environment() -> dict[str, str]:
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_DIR", "GIT_WORK_TREE")}
    environment.update(GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0", GIT_PAGER="cat", LC_ALL="C")
    return environment


def _run_git(directory: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`git -C directory args…` with the hardening above; UsageError when git is missing."""
    try:
        return subprocess.run(["git", "--no-pager", *_HARDENING, "-C", str(directory), *args],
                              capture_output=True, stdin=subprocess.DEVNULL, env=_environment(), timeout=120)
    except FileNotFoundError:
        raise UsageError("git is not installed; `policydiff review` needs it") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {' '.join(args[:2])} took over 120 s in {directory}; is the repository on a "
                         "network drive?") from None


def _text(output: bytes) -> str:
    return output.decode("utf-8", errors="replace")


def _paths(output: bytes) -> list[str]:
    """The paths of a `git … -z` listing: NUL-separated and never quoted (unlike core.quotePath output)."""
    return [name for name in _text(output).split("\0") if name]


def blob_id(data: bytes, length: int) -> str:
    """The id git gives a blob of these bytes (SHA-1, or SHA-256 in a repository of 64-digit ids)."""
    digest = hashlib.sha256() if length == 64 else hashlib.sha1()
    digest.update(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class Repository:
    root: Path

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        result = _run_git(self.root, *args)
        if check and result.returncode != 0:
            stderr = _text(result.stderr).strip()
            message = stderr.splitlines()[-1] if stderr else "git failed"
            raise UsageError(f"git {' '.join(args)}: {message}")
        return result

    def default_base(self) -> str:
        """The merge-base with origin/main when there is one, else HEAD."""
        if self.git("rev-parse", "--verify", "-q", "origin/main", check=False).returncode == 0:
            merge_base = self.git("merge-base", "HEAD", "origin/main", check=False)
            if merge_base.returncode == 0 and merge_base.stdout.strip():
                return _text(merge_base.stdout).strip()
        return "HEAD"

    def verify(self, revision: str) -> None:
        if revision.startswith("-") or self.git("rev-parse", "--verify", "-q", "--end-of-options",
                                                f"{revision}^{{commit}}", check=False).returncode != 0:
            raise UsageError(f"--base {revision}: no such revision in {self.root} (try HEAD or a branch name)")

    def relative(self, path: Path) -> str:
        """`path` relative to the root, as git names it ("." for the root); UsageError outside it."""
        resolved = path.resolve()
        try:
            relative = resolved.relative_to(self.root)
        except ValueError:
            raise UsageError(f"{path} is not inside the git repository {self.root}; "
                             "review paths of one repository at a time") from None
        return relative.as_posix() if relative.parts else "."

    def exists_at(self, revision: str, relative: str) -> bool:
        """Whether `revision` has a file or directory at `relative`."""
        spec = f"{revision}:" if relative == "." else f"{revision}:{relative}"
        return self.git("cat-file", "-e", spec, check=False).returncode == 0

    def blobs(self, revision: str, paths: list[str]) -> dict[str, str]:
        """{path: blob id} of every file under `paths` at `revision` (paths relative to the root)."""
        listing = self.git("ls-tree", "-r", "-z", "--full-tree", revision, "--", *paths).stdout
        found = {}
        for entry in _text(listing).split("\0"):
            head, _, name = entry.partition("\t")
            parts = head.split()
            if name and len(parts) == 3 and parts[1] == "blob":
                found[name] = parts[2]
        return found

    def work_tree_files(self, paths: list[str]) -> list[str]:
        """Files under `paths` in the work tree that git tracks or would track (not ignored)."""
        return _paths(self.git("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *paths).stdout)

    def changed_files(self, revision: str, paths: list[str]) -> list[str]:
        """Paths (relative to the root) whose bytes differ between `revision` and the work tree,
        or that exist on one side only. Compared by blob id, computed here from the work tree's
        bytes: `git diff` would run the repository's clean filters on them."""
        old = self.blobs(revision, paths)
        names = set(old) | set(self.work_tree_files(paths))
        changed = []
        for name in names:
            path = self.root / name
            if not path.is_file() or path.is_symlink():
                if name in old or os.path.lexists(path):
                    changed.append(name)
                continue
            if name not in old:
                changed.append(name)
                continue
            try:
                size = path.stat().st_size
                same = size <= MAX_FILE_BYTES and blob_id(path.read_bytes(), len(old[name])) == old[name]
            except OSError:
                same = False
            if not same:
                changed.append(name)
        return sorted(changed)

    def show(self, revision: str, relative: str) -> str | None:
        """The file's text at `revision` (never converted by a textconv driver), or None when absent.
        UnreadableFileError when it is over the size limit, or not UTF-8 text."""
        spec = f"{revision}:{relative}"
        label = f"{revision}:{relative}"
        size = self.git("cat-file", "-s", spec, check=False)
        if size.returncode != 0:
            return None
        if self.git("cat-file", "-t", spec, check=False).stdout.strip() != b"blob":
            raise UnreadableFileError(f"{label}: not a file at that revision")
        if int(size.stdout.strip() or 0) > MAX_FILE_BYTES:
            raise UnreadableFileError(f"{label}: over the {MAX_FILE_BYTES}-byte limit for a data file")
        result = self.git("cat-file", "blob", spec, check=False)
        if result.returncode != 0:
            return None
        return decode(result.stdout, label)


def _existing_directory(path: Path) -> Path:
    """The nearest directory at or above `path` that exists (a deleted data file's folder may be gone)."""
    directory = path if path.is_dir() else path.parent
    while not directory.is_dir() and directory != directory.parent:
        directory = directory.parent
    return directory


def repository_of(path: Path) -> Repository:
    """The git repository holding `path`; UsageError (exit 2) outside one."""
    directory = _existing_directory(path)
    result = _run_git(directory, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise UsageError(f"{directory} is not inside a git repository; `policydiff review` compares "
                         "a data file with a git revision (use `policydiff compare OLD.yaml NEW.yaml` outside git)")
    return Repository(Path(_text(result.stdout).rstrip("\n")).resolve())
