"""The exit-code contract and the report cache: one enum, and no cached byte that can run code."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import policydiff
from policydiff.cli import outputcache
from policydiff.cli.app import main
from policydiff.cli.exit import ExitCode

CASE = Path(__file__).parent / "cases" / "raised-lowered"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLICYDIFF_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(CASE / "from.yaml", tmp_path / "targets_2030.yaml")
    shutil.copy(CASE / "to.yaml", tmp_path / "targets_2031.yaml")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_malformed_input_is_an_input_error_even_with_exit_code(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = files / "bad.yaml"
    bad.write_text("region: [\n", encoding="utf-8")
    code, _, err = run(capsys, "compare", str(files / "targets_2030.yaml"), str(bad), "--exit-code")
    assert code == ExitCode.USAGE
    assert str(bad) in err and err.count("\n") == 1


@pytest.mark.parametrize(("argv", "expected"), [
    pytest.param(["--exit-code"], ExitCode.DIFFERENCES, id="differences-with-exit-code"),
    pytest.param([], ExitCode.OK, id="differences-without-exit-code"),
])
def test_differences_exit_1_only_when_asked(files: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                            expected: ExitCode) -> None:
    code, _, _ = run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json", *argv)
    assert code == expected


def _explode(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("a planted bug")


@pytest.mark.parametrize("debug", [pytest.param(False, id="plain"), pytest.param(True, id="debug")])
def test_a_bug_exits_3_with_one_line_or_its_traceback(files: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch, debug: bool) -> None:
    monkeypatch.setenv("POLICYDIFF_NO_CACHE", "1")
    monkeypatch.setattr("policydiff.comparison.pipeline.compare", _explode)
    code, _, err = run(capsys, *(["--debug"] if debug else []), "compare", "2030", "2031", "--data-dir", str(files))
    assert code == ExitCode.INTERNAL
    assert ("Traceback" in err) is debug
    assert "ZeroDivisionError" in err
    if not debug:
        assert "--debug" in err and err.count("\n") == 2


def test_a_repeated_compare_is_served_from_the_cache(files: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    first = run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json")
    assert len(list((files / "cache").iterdir())) == 1
    monkeypatch.setattr("policydiff.comparison.pipeline.compare", _explode)  # a hit never computes
    assert run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json") == first


def test_every_cache_entry_replaced_by_a_hostile_pickle_is_neither_run_nor_fatal(
        files: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first = run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json")
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            import os
            return (os.system, (f"touch {marker}",))

    entries = list((files / "cache").iterdir())
    for entry in entries:
        entry.write_bytes(pickle.dumps(Payload()))
    assert run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json") == first
    assert not marker.exists()


def test_editing_an_input_is_never_served_stale(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, before, _ = run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json")
    later = files / "targets_2031.yaml"
    later.write_text(later.read_text(encoding="utf-8").replace("value: 1300", "value: 900"), encoding="utf-8")
    _, after, _ = run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json")
    assert before != after


@pytest.mark.parametrize("argv", [
    pytest.param(["--lang", "en"], id="lang"), pytest.param(["--width", "80"], id="width"),
    pytest.param(["--status", "raised"], id="status"), pytest.param(["--exit-code"], id="exit-code"),
    pytest.param(["--show-unchanged"], id="show-unchanged"), pytest.param(["-f", "csv"], id="format"),
])
def test_the_cache_key_changes_with_the_settings(files: Path, argv: list[str]) -> None:
    inputs = (files / "targets_2030.yaml", files / "targets_2031.yaml", None)
    plain = outputcache.key("compare", ("table",), inputs)
    assert outputcache.key("compare", ("table", *argv), inputs) != plain


def test_the_cache_key_changes_with_the_code_and_the_dependencies(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = (files / "targets_2030.yaml", None)
    before = outputcache.key("compare", (), inputs)
    monkeypatch.setattr(outputcache, "_code_digest", lambda: "other code")
    assert outputcache.key("compare", (), inputs) != before
    monkeypatch.undo()
    monkeypatch.setattr(outputcache, "_installed_versions", lambda: "rapidfuzz-99.0.dist-info")
    assert outputcache.key("compare", (), inputs) != before


def test_library_calls_never_write_a_cache(files: Path) -> None:
    policydiff.compare(2030, 2031, data_dir=files)
    assert not (files / "cache").exists()


def test_the_cache_is_bounded(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outputcache, "MAX_ENTRIES", 3)
    for index in range(6):
        outputcache.store(f"k{index}", outputcache.CachedRun("x", "", 0))
    assert len(outputcache.entries(files / "cache")) == 3


def test_cache_info_and_clear(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "compare", "2030", "2031", "--data-dir", str(files), "-f", "json")
    code, out, _ = run(capsys, "cache", "info")
    assert code == 0 and "entries: 1" in out
    code, out, _ = run(capsys, "cache", "clear")
    assert code == 0 and "removed 1" in out
    assert outputcache.entries(files / "cache") == []
