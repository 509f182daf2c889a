"""The few git operations `policydiff review` needs, run with the git command-line tool."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from policydiff.contract.errors import UsageError


def _run_git(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`git -C directory args…`, its output decoded as UTF-8; UsageError when git is missing."""
    try:
        return subprocess.run(["git", "-C", str(directory), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise UsageError("git is not installed; `policydiff review` needs it") from None


def _paths(output: str) -> list[str]:
    """The paths of a `git … -z` listing: NUL-separated and never quoted (unlike core.quotePath output)."""
    return [name for name in output.split("\0") if name]


@dataclass(frozen=True)
class Repository:
    root: Path

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = _run_git(self.root, *args)
        if check and result.returncode != 0:
            message = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed"
            raise UsageError(f"git {' '.join(args)}: {message}")
        return result

    def default_base(self) -> str:
        """The merge-base with origin/main when there is one, else HEAD."""
        if self.git("rev-parse", "--verify", "-q", "origin/main", check=False).returncode == 0:
            merge_base = self.git("merge-base", "HEAD", "origin/main", check=False)
            if merge_base.returncode == 0 and merge_base.stdout.strip():
                return merge_base.stdout.strip()
        return "HEAD"

    def verify(self, revision: str) -> None:
        if self.git("rev-parse", "--verify", "-q", f"{revision}^{{commit}}", check=False).returncode != 0:
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

    def changed_files(self, revision: str, paths: list[str]) -> list[str]:
        """Paths (relative to the root) that differ between `revision` and the work tree, or are new."""
        diff = _paths(self.git("diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", revision,
                               "--", *paths).stdout)
        untracked = _paths(self.git("ls-files", "-z", "--others", "--exclude-standard", "--", *paths).stdout)
        return sorted(set(diff) | set(untracked))

    def show(self, revision: str, relative: str) -> str | None:
        """The file's text at `revision` (never converted by a textconv driver), or None when absent."""
        result = self.git("cat-file", "blob", f"{revision}:{relative}", check=False)
        return result.stdout if result.returncode == 0 else None


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
    return Repository(Path(result.stdout.rstrip("\n")).resolve())
