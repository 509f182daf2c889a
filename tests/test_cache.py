"""The on-disk memo: hits return the same result, any input edit is a miss, it can be off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import policydiff
from policydiff.load import cache
from policydiff.load.loader import load_result

CASE = Path(__file__).parent / "cases" / "raised-lowered"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICYDIFF_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(CASE / "from.yaml", tmp_path / "targets_2030.yaml")
    shutil.copy(CASE / "to.yaml", tmp_path / "targets_2031.yaml")
    return tmp_path


def test_a_repeated_comparison_is_served_from_the_cache(files: Path) -> None:
    first = policydiff.compare(2030, 2031, data_dir=files)
    entries = sorted(p.name for p in (files / "cache").iterdir())
    assert any(name.startswith("compare-") for name in entries)
    second = policydiff.compare(2030, 2031, data_dir=files)
    assert second == first
    assert sorted(p.name for p in (files / "cache").iterdir()) == entries


def test_editing_a_file_is_never_served_stale(files: Path) -> None:
    before = policydiff.compare(2030, 2031, data_dir=files).summary()
    later = files / "targets_2031.yaml"
    later.write_text(later.read_text(encoding="utf-8").replace("value: 1300", "value: 900"), encoding="utf-8")
    after = policydiff.compare(2030, 2031, data_dir=files).summary()
    assert (before["raised"], after["raised"]) == (1, 0)


def test_the_cache_can_be_switched_off(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYDIFF_NO_CACHE", "1")
    load_result(files / "targets_2030.yaml")
    assert not (files / "cache").exists()


def test_an_unwritable_or_corrupt_cache_is_ignored(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = files / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("POLICYDIFF_CACHE_DIR", str(blocker))
    assert load_result(files / "targets_2030.yaml").ok
    monkeypatch.setenv("POLICYDIFF_CACHE_DIR", str(files / "cache"))
    load_result(files / "targets_2030.yaml")
    for entry in (files / "cache").iterdir():
        entry.write_bytes(b"not a pickle")
    assert load_result(files / "targets_2030.yaml").ok


def test_the_code_key_changes_with_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    key = cache._code_key()
    cache._code_key.cache_clear()
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    assert cache._code_key() != key
    cache._code_key.cache_clear()
