"""Shared test setup: results are never memoised in the user's cache directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    directory = tmp_path_factory.mktemp("policydiff-cache")
    patcher = pytest.MonkeyPatch()
    patcher.setenv("POLICYDIFF_CACHE_DIR", str(directory))
    patcher.delenv("POLICYDIFF_NO_CACHE", raising=False)
    yield directory
    patcher.undo()
