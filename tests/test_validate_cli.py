"""`policydiff validate` run in-process: exit codes, the three report formats, --strict, defaults."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest
from typer.testing import CliRunner, Result

from policydiff.cli.app import app
from policydiff.load.datadir import ENV_VAR, bundled_data_dir

GOOD = dedent("""\
    schema_version: 1
    region: 包头市
    region_en: Baotou
    year: 2025
    sources:
    - id: work-report-2025
      title: 2025年包头市人民政府工作报告
      kind: work_report
    targets:
    - id: pv-output-value
      name: 晶硅光伏产业产值
      name_en: crystalline-silicon PV industry output value
      value: 1200
      unit: 亿元
      qualifier: at_least
      strive: true
      evidence:
      - source: work-report-2025
        quote: 晶硅光伏产业产值力争达到1200亿元以上
    """)

# A warning (line 13: sector) and two errors (line 14: value, line 15: unit).
INVALID = GOOD.replace("  value: 1200\n  unit: 亿元\n", '  value: "1200"\n  unit: 亿圆\n').replace(
    "  name_en: crystalline-silicon PV industry output value\n",
    "  name_en: crystalline-silicon PV industry output value\n  sector: solar\n")

# Loads, but has neither name_en nor evidence: only --strict objects.
LAX = dedent("""\
    schema_version: 1
    region: 包头市
    year: 2025
    sources: []
    targets:
    - id: pv-output-value
      name: 晶硅光伏产业产值
      value: 1200
      unit: 亿元
    """)


def write(directory: Path, text: str | bytes, name: str = "targets_2025.yaml") -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def validate(*args: str) -> Result:
    result = CliRunner().invoke(app, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def test_the_fixtures_say_what_they_claim(tmp_path: Path) -> None:
    assert INVALID.count("\n") == GOOD.count("\n") + 1
    assert 'value: "1200"' in INVALID and "unit: 亿圆" in INVALID and "sector: solar" in INVALID


def test_a_valid_file_exits_0(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    result = validate(str(path))
    assert result.exit_code == 0, result.output
    assert f"{path}: ok" in result.stdout
    assert result.stderr == ""


def test_invalid_data_exits_1_with_every_problem_and_its_place(tmp_path: Path) -> None:
    path = write(tmp_path, INVALID)
    result = validate(str(path))
    assert result.exit_code == 1
    assert f"{path}:14:10: error: [targets[0].value] value must be a number" in result.stderr
    assert f"{path}:15:9: error: [targets[0].unit] unknown unit `亿圆`" in result.stderr
    assert f"{path}:13:11: warning: [targets[0].sector]" in result.stderr
    assert f"{path}: 2 error(s), 1 warning(s)" in result.stderr


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("  value: 1200\n", "  sector: solar\n  value: 1200\n"))
    result = validate(str(path))
    assert result.exit_code == 0, result.output
    assert "warning: [targets[0].sector] sector `solar` is not in the vocabulary" in result.stdout


@pytest.mark.parametrize(("make", "fragment"), [
    pytest.param(lambda d: d / "targets_2099.yaml", "no such file", id="missing"),
    pytest.param(lambda d: write(d, b"\x00\x01binary\x00"), "binary file", id="binary"),
    pytest.param(lambda d: write(d, "region: 包头市\n".encode("utf-16")), "UTF-16", id="utf-16"),
    pytest.param(lambda d: write(d, "region: 包头市\n".encode("gb18030")), "not UTF-8 text", id="gb18030"),
    pytest.param(lambda d: d, "no targets_*.yaml files", id="directory-without-data-files"),
])
def test_an_unreadable_file_exits_2(tmp_path: Path, make: object, fragment: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = validate(str(path))
    assert result.exit_code == 2
    assert fragment in result.output


def test_an_unreadable_file_wins_over_invalid_data(tmp_path: Path) -> None:
    invalid = write(tmp_path, INVALID)
    result = validate(str(invalid), str(tmp_path / "targets_2099.yaml"))
    assert result.exit_code == 2
    assert "unknown unit" in result.output


GITHUB_LINE = re.compile(r"^::(?P<level>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+)"
                         r"(?:,title=[^:,]*)?::(?P<message>.+)$")


def test_github_format_prints_one_annotation_per_problem(tmp_path: Path) -> None:
    path = write(tmp_path, INVALID)
    result = validate("--format", "github", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    matches = [GITHUB_LINE.match(line) for line in lines]
    assert all(matches), lines
    found = sorted((m["level"], m["file"], int(m["line"]), int(m["col"])) for m in matches if m)
    assert found == [("error", str(path), 14, 10), ("error", str(path), 15, 9), ("warning", str(path), 13, 11)]
    assert any("unknown unit `亿圆`" in m["message"] for m in matches if m)


def test_github_format_escapes_commas_and_colons_in_the_file_property(tmp_path: Path) -> None:
    path = write(tmp_path / "a,b:c", INVALID)
    result = validate("--format", "github", str(path))
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error file=" + escaped + ",line=",
                                          "::warning file=" + escaped + ",line=")) for line in lines), lines


def test_json_format_lists_problems_with_lines(tmp_path: Path) -> None:
    good, bad = write(tmp_path / "good", GOOD), write(tmp_path / "bad", INVALID)
    result = validate("--format", "json", str(good), str(bad))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    files = {f["path"]: f for f in report["files"]}
    assert files[str(good)] == {"path": str(good), "errors": 0, "warnings": 0, "problems": []}
    problems = files[str(bad)]["problems"]
    assert [(p["severity"], p["line"], p["column"], p["path"]) for p in problems] == [
        ("warning", 13, 11, "targets[0].sector"),
        ("error", 14, 10, "targets[0].value"),
        ("error", 15, 9, "targets[0].unit"),
    ]
    assert all(p["file"] == str(bad) and p["message"] for p in problems)


def test_json_format_reports_an_unreadable_file(tmp_path: Path) -> None:
    result = validate("--format", "json", str(tmp_path / "targets_2099.yaml"))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert "no such file" in report["files"][0]["problems"][0]["message"]


def test_strict_requires_name_en_and_evidence(tmp_path: Path) -> None:
    path = write(tmp_path, LAX)
    assert validate(str(path)).exit_code == 0
    result = validate("--strict", "--format", "json", str(path))
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert sorted((p["path"], p["line"]) for p in problems) == [
        ("targets[0].evidence", 6), ("targets[0].name_en", 6)]
    assert all("required by --strict" in p["message"] for p in problems)


def test_strict_accepts_a_complete_file(tmp_path: Path) -> None:
    assert validate("--strict", str(write(tmp_path, GOOD))).exit_code == 0


def test_the_yaml_language_server_comment_line_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "# yaml-language-server: $schema=../schema/targets.schema.json\n" + GOOD)
    result = validate("--strict", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"][0]["problems"] == []


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = validate("--format", "xml", str(write(tmp_path, GOOD)))
    assert result.exit_code == 2
    assert "--format" in result.output


def test_without_paths_the_bundled_data_is_validated_strictly(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no ./data here
    monkeypatch.delenv(ENV_VAR, raising=False)
    result = validate("--strict")
    assert result.exit_code == 0, result.output
    bundled = sorted(bundled_data_dir().glob("targets_*.yaml"))
    assert bundled
    for path in bundled:
        assert f"{path}: ok" in result.stdout


def test_without_paths_the_data_directory_option_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    write(tmp_path, INVALID)
    result = validate("--data-dir", str(tmp_path))
    assert result.exit_code == 1
    assert "unknown unit" in result.stderr


HOSTILE: dict[str, str | bytes] = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "not-utf-8": "年份: 2025\n".encode("gbk"),
    "python-tag": "schema_version: 1\nregion: !!python/object/apply:os.system [\"echo pwned\"]\n",
    "python-name": "!!python/name:builtins.exit\n",
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)),
    "syntax": "schema_version: 1\nregion: [包头市\n",
    "tab-indent": "schema_version: 1\nsources:\n\t- id: x\n",
    "control-char": "schema_version: 1\nregion: \x1b[31m包头市\n",
    "empty": "",
    "list": "- 1\n- 2\n",
    "scalar-keys": "? [a, b]\n: c\n",
    "nested-values": "schema_version: {a: 1}\nregion: [x]\nyear: [2025]\nsources: {a: b}\ntargets: 5\n",
    "huge-number": "schema_version: 1\nyear: " + "9" * 5000 + "\n",
}


@pytest.mark.parametrize("fmt", ["human", "github", "json"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_gives_a_message_never_a_traceback(tmp_path: Path, name: str, fmt: str) -> None:
    path = write(tmp_path, HOSTILE[name])
    result = validate("--format", fmt, str(path))
    assert result.exit_code in (1, 2), result.output
    assert "internal error" not in result.output


def test_hostile_files_in_a_real_process_print_no_traceback(tmp_path: Path) -> None:
    paths = [str(write(tmp_path / name, content)) for name, content in HOSTILE.items()]
    run = subprocess.run([sys.executable, "-m", "policydiff", "validate", *paths],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2  # some are unreadable
    assert "Traceback" not in run.stdout + run.stderr
    assert "internal error" not in run.stderr
    assert run.stderr.count(": ok") == 0


def test_a_directory_argument_means_its_data_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    result = validate(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "targets_2025.yaml: ok" in result.output
