"""Shared test setup: results are never cached in the user's cache directory; git runs with nobody's config."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: CI machines are shared and a first example pays for lazy imports
# (OpenCC, rapidfuzz), which is not what these properties test.
settings.register_profile("policydiff", deadline=None)
settings.load_profile("policydiff")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    directory = tmp_path_factory.mktemp("policydiff-cache")
    patcher = pytest.MonkeyPatch()
    patcher.setenv("POLICYDIFF_CACHE_DIR", str(directory))
    patcher.delenv("POLICYDIFF_NO_CACHE", raising=False)
    yield directory
    patcher.undo()


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commits need an identity; nobody's own git configuration (global or system) is read or written."""
    for name in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.setenv(f"{name}_NAME", "policydiff tests")
        monkeypatch.setenv(f"{name}_EMAIL", "tests@policydiff.invalid")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "POLICYDIFF_DATA", "POLICYDIFF_REGION"):
        monkeypatch.delenv(name, raising=False)  # e.g. when run from a git hook
