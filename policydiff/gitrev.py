"""The few git operations `policydiff review` needs, run with the git command-line tool."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError


@dataclass(frozen=True)
class Repository:
    root: Path

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True,
                                encoding="utf-8", errors="replace")
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

    def changed_files(self, revision: str, paths: list[str]) -> list[str]:
        """Paths (relative to the root) that differ between `revision` and the work tree, or are new."""
        diff = self.git("diff", "--name-only", "--no-renames", revision, "--", *paths).stdout.splitlines()
        untracked = self.git("ls-files", "--others", "--exclude-standard", "--", *paths).stdout.splitlines()
        return sorted(set(diff) | set(untracked))

    def show(self, revision: str, relative: str) -> str | None:
        """The file's text at `revision`, or None when it did not exist there."""
        result = self.git("show", f"{revision}:{relative}", check=False)
        return result.stdout if result.returncode == 0 else None


def repository_of(path: Path) -> Repository:
    """The git repository holding `path`; UsageError (exit 2) outside one."""
    directory = path if path.is_dir() else path.parent
    try:
        result = subprocess.run(["git", "-C", str(directory), "rev-parse", "--show-toplevel"],
                                capture_output=True, text=True)
    except FileNotFoundError:
        raise UsageError("git is not installed; `policydiff review` needs it") from None
    if result.returncode != 0:
        raise UsageError(f"{directory} is not inside a git repository; `policydiff review` compares "
                         "a data file with a git revision (use `policydiff compare OLD.yaml NEW.yaml` outside git)")
    return Repository(Path(result.stdout.strip()))
