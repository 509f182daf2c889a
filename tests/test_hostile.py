"""Hostile input: data files from a pull request, run against every command and format.

One `pytest.param` per defect found in the audit of issue 13. Every run is in-process (typer's
CliRunner) under a 10-second alarm, and every run is checked for the promises of
docs/untrusted-data.md:

- no control character (C0 other than tab and newline, DEL, C1, bidi controls) reaches stdout or
  stderr: data text is printed with its controls made visible;
- no internal error (exit 3) and no hang;
- JSON output parses with a strict parser (no NaN or Infinity);
- no input file changes;
- a file that breaks the contract exits 1 from `validate` and 2 elsewhere, with a message that
  names the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from policydiff.cli.app import app

# -- writing data files ------------------------------------------------------------------


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar; JSON's escapes (\\u001b, \\n) are valid YAML escapes."""
    return json.dumps(text, ensure_ascii=False)


def data_file(directory: Path, year: int, *, value: str = "5", name: str = "产值", region: str = "包头市",
              extra_target: str = "", extra_top: str = "", title: str = "工作报告", quote: str = "产值达到",
              note: str | None = None, sector: str | None = None, name_en: str | None = None,
              actual: int | None = None) -> Path:
    """A minimal valid targets_YEAR.yaml with one target; every text field can be replaced."""
    lines = ["schema_version: 1", f"region: {_quoted(region)}", f"year: {year}", extra_top, "sources:",
             "- id: wr", f"  title: {_quoted(title)}", "  kind: work_report", "targets:",
             "- id: t1", f"  name: {_quoted(name)}", f"  value: {value}", "  unit: 亿元"]
    if name_en is not None:
        lines.append(f"  name_en: {_quoted(name_en)}")
    if sector is not None:
        lines.append(f"  sector: {_quoted(sector)}")
    if note is not None:
        lines.append(f"  note: {_quoted(note)}")
    lines += ["  evidence:", "  - source: wr", f"    quote: {_quoted(quote)}", extra_target]
    if actual is not None:  # the outcome of `actual`'s year, with the same (hostile) text fields
        lines += ["actuals:", "- id: t1", f"  year: {actual}", f"  name: {_quoted(name)}", "  value: 5.5",
                  "  unit: 亿元"]
        lines += [f"  {key}: {_quoted(text)}" for key, text in (("name_en", name_en), ("sector", sector),
                                                                ("note", note)) if text is not None]
        lines += ["  evidence:", "  - source: wr", f"    quote: {_quoted(quote)}"]
    path = directory / f"targets_{year}.yaml"
    path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    return path


# -- running commands --------------------------------------------------------------------

# What must never reach a terminal unescaped (tab and newline are fine).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so no `except Exception` in the CLI swallows it."""


@pytest.fixture(autouse=True)
def _ten_second_alarm() -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hang(signum: int, frame: Any) -> None:
        raise Hang("the command ran for more than 10 s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("POLICYDIFF_DATA", "POLICYDIFF_REGION", "COLUMNS", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")  # so any escape sequence in the output is a leak


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(*args: str, env: dict[str, str] | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), env=env)
    return Run(args, result.exit_code, result.stdout, result.stderr)


def check(result: Run) -> Run:
    """The promises every run keeps, whatever the input."""
    shown = f"policydiff {' '.join(result.args)} → {result.code}\n{result.output[:2000]}"
    assert result.code != 3, shown
    leaked = _CONTROL.search(result.output)
    assert leaked is None, f"U+{ord(leaked.group()):04X} reached the output: {shown}"
    if ("--format" in result.args and result.args[result.args.index("--format") + 1] == "json"
            or "--json" in result.args) and result.code in (0, 1) and result.stdout:
        def strict(constant: str) -> None:
            raise AssertionError(f"{constant} in JSON: {shown}")
        json.loads(result.stdout, parse_constant=strict)
    return result


def snapshot(root: Path) -> dict[str, str]:
    """Every regular file under root, by content (pipes and links are not read)."""
    found = {}
    for directory, _, names in os.walk(root):
        for name in names:
            path = Path(directory) / name
            if path.is_symlink() or not path.is_file() or ".git" in path.parts:
                continue
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


FORMATS = ("table", "markdown", "json", "csv")


def every_command(good: Path, bad: Path) -> list[tuple[str, ...]]:
    """Every command that reads a data file, in every output format, with `bad` as its input."""
    commands: list[tuple[str, ...]] = [("validate", str(bad)), ("validate", "--format", "json", str(bad)),
                                       ("validate", "--format", "github", str(bad))]
    commands += [("show", str(bad), "--format", f) for f in FORMATS]
    commands += [("compare", str(good), str(bad), "--format", f, "--show-unchanged") for f in FORMATS]
    commands += [("compare", str(bad), str(good), "--format", "json")]
    commands += [("align", str(good), str(bad)), ("align", str(good), str(bad), "--json"),
                 ("align", str(bad), str(good), "--explain")]
    return commands


# -- 1. files that break the contract: validate exits 1, every other command 2 -------------

E = "\x1b"
INVALID = [
    # 1. control characters
    pytest.param({"name": f"{E}[2J{E}]52;c;cHduZWQ=\x07产值"}, "control character", id="escape-sequences-in-name"),
    pytest.param({"name": "\x9b2J产值"}, "control character", id="c1-csi-in-name"),
    pytest.param({"name": "产值\u202e值产"}, "bidirectional", id="bidi-override-in-name"),
    pytest.param({"name_en": f"output{E}]0;pwned\x07"}, "control character", id="osc-title-in-name-en"),
    pytest.param({"note": f"ok{E}[31m"}, "control character", id="escape-in-note"),
    pytest.param({"quote": f"产值{E}]8;;file:///etc/passwd{E}\\x"}, "control character", id="osc8-link-in-quote"),
    pytest.param({"title": f"报告{E}[2J"}, "control character", id="escape-in-source-title"),
    pytest.param({"region": "包头市\n# forged heading"}, "line break", id="newline-in-region"),
    pytest.param({"sector": "macro\n| x"}, "line break", id="newline-in-sector"),
    # 5. extreme numbers
    pytest.param({"value": "1.0e+308"}, "10^15", id="value-1e308"),
    pytest.param({"value": "1" * 401}, "10^15", id="value-401-digits"),
    pytest.param({"value": "1" * 5000}, "finite", id="value-5000-digits"),
    pytest.param({"value": "1234567890.1234567"}, "significant digits", id="value-17-significant-digits"),
    pytest.param({"value": "1e308"}, "read as text", id="value-1e308-without-dot-is-text"),
    pytest.param({"value": "[1, 1.0e+300]"}, "10^15", id="range-high-1e300"),
    # 11. resource bounds
    pytest.param({"name": "产" * 80_000}, "over the limit", id="name-80000-characters"),
    pytest.param({"name_en": "x" * 501}, "over the limit", id="name-en-501-characters"),
    pytest.param({"note": "注" * 2001}, "over the limit", id="note-2001-characters"),
    # 12. misleading messages
    pytest.param({"extra_top": "base: &b {x: 1}\nother:\n  <<: *b"}, "merge key", id="yaml-merge-key"),
]


@pytest.mark.parametrize(("fields", "message"), INVALID)
def test_a_file_breaking_the_contract_is_refused_by_every_command(tmp_path: Path, fields: dict[str, str],
                                                                    message: str) -> None:
    good = data_file(tmp_path, 2024)
    bad = data_file(tmp_path, 2025, **fields)
    before = snapshot(tmp_path)
    for args in every_command(good, bad):
        result = check(run(*args))
        expected = 1 if args[0] == "validate" else 2
        assert result.code == expected, f"{args}: {result.code}\n{result.output[:1000]}"
        assert bad.name in result.output, f"{args} does not name the file:\n{result.output[:1000]}"
        if args[0] == "validate" and "--format" not in args:
            assert message in result.output, result.output[:1000]
    check(run("textconv", str(bad)))  # the git diff driver shows it (escaped), exit 0
    assert snapshot(tmp_path) == before


def test_validate_points_at_the_line_and_says_what_to_do(tmp_path: Path) -> None:
    bad = data_file(tmp_path, 2025, name=f"{E}[2J产值")
    result = check(run("validate", "--format", "json", str(bad)))
    problem = json.loads(result.stdout)["files"][0]["problems"][0]
    assert (problem["line"], problem["path"]) == (10, "targets[0].name")
    assert "U+001B" in problem["message"] and problem["hint"]


# -- 3. files that cannot be read: exit 2 everywhere, never a hang or a read of the target ---

def _fifo(directory: Path, outside: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs mkfifo (POSIX)")
    os.mkfifo(directory / "targets_2025.yaml")


def _link(target: str) -> Callable[[Path, Path], None]:
    def make(directory: Path, outside: Path) -> None:
        if target.startswith("/") and not Path(target).exists():
            pytest.skip(f"{target} does not exist on this system")
        os.symlink(target if target.startswith("/") else outside / target, directory / "targets_2025.yaml")
    return make


def _loop(directory: Path, outside: Path) -> None:
    os.symlink("targets_2025.yaml", directory / "targets_2025.yaml")


def _bytes(raw: bytes) -> Callable[[Path, Path], None]:
    def make(directory: Path, outside: Path) -> None:
        (directory / "targets_2025.yaml").write_bytes(raw)
    return make


def _directory(directory: Path, outside: Path) -> None:
    (directory / "targets_2025.yaml").mkdir()


_UTF8 = ("schema_version: 1\nregion: Zürich\nyear: 2025\nsources: []\ntargets: []\n")

UNREADABLE = [
    pytest.param(_fifo, "not a regular file", id="fifo"),
    pytest.param(_link("/dev/zero"), "outside its directory", id="symlink-to-dev-zero"),
    pytest.param(_link("/proc/self/environ"), "outside its directory", id="symlink-to-proc"),
    pytest.param(_link("secret.txt"), "outside its directory", id="symlink-to-a-secret-outside"),
    pytest.param(_loop, "loop of symbolic links", id="symlink-loop"),
    pytest.param(_link("missing.yaml"), "missing file", id="dangling-symlink"),
    pytest.param(_bytes(_UTF8.encode("utf-16-le")), "UTF-16", id="utf-16-without-bom"),
    pytest.param(_bytes(_UTF8.encode("utf-16")), "UTF-16", id="utf-16-with-bom"),
    pytest.param(_bytes(_UTF8.encode("latin-1")), ":2:", id="latin-1-byte-has-a-line-number"),
    pytest.param(_directory, "directory", id="directory-named-like-a-data-file"),
]


@pytest.mark.parametrize(("make", "message"), UNREADABLE)
def test_a_file_that_cannot_be_read_is_refused_by_every_command(tmp_path: Path, make: Callable[[Path, Path], None],
                                                                  message: str) -> None:
    outside, data = tmp_path / "elsewhere", tmp_path / "data"
    outside.mkdir()
    data.mkdir()
    (outside / "secret.txt").write_text("api_key: hunter2\n", encoding="utf-8")
    good = data_file(data, 2024)
    make(data, outside)
    bad = data / "targets_2025.yaml"
    before = snapshot(tmp_path)
    commands = every_command(good, bad) + [("validate", "--data-dir", str(data)), ("show", "2025", "--data-dir", str(data)),
                                           ("compare", "2024", "2025", "--data-dir", str(data)),
                                           ("regions", "--data-dir", str(data))]
    for args in commands:
        result = check(run(*args))
        assert result.code == 2, f"{args}: {result.code}\n{result.output[:1000]}"
        assert bad.name in result.output and message in result.output, f"{args}:\n{result.output[:1000]}"
        assert "hunter2" not in result.output
    assert "hunter2" not in check(run("textconv", str(bad))).output
    assert snapshot(tmp_path) == before


# -- 2, 6, 7. valid data that is markup, a formula or Markdown: printed as text ------------------

VALID_HOSTILE = [
    pytest.param({"name": "产值[/]"}, "[/]", id="rich-closing-tag-in-name"),
    pytest.param({"name": "[link=file:///etc/passwd]产值[/link]"}, "[link=file:///etc/passwd]", id="rich-link-markup"),
    pytest.param({"name": "产值[note]"}, "[note]", id="rich-tag-that-would-vanish"),
    pytest.param({"name": "[bold red]产值"}, "[bold red]", id="rich-style-markup"),
    pytest.param({"name": '=HYPERLINK("http://x.invalid","产值")'}, "HYPERLINK", id="csv-formula-equals"),
    pytest.param({"name": "+1+产值"}, "+1+产值", id="csv-formula-plus"),
    pytest.param({"name": "-2+3产值"}, "-2+3产值", id="csv-formula-minus"),
    pytest.param({"name": "@SUM(1)产值"}, "@SUM(1)产值", id="csv-formula-at"),
    pytest.param({"name": "\t=1产值"}, "=1产值", id="csv-formula-after-tab"),
    pytest.param({"name_en": "=cmd|' /C calc'!A0"}, "calc", id="csv-dde-in-name-en"),
    pytest.param({"name": "<img src=x onerror=alert(1)>产值"}, "onerror", id="markdown-raw-html-in-name"),
    pytest.param({"name": "[产值](javascript:alert(1))"}, "javascript", id="markdown-javascript-link"),
    pytest.param({"note": "<script>alert(1)</script>"}, "script", id="markdown-html-in-note"),
    pytest.param({"quote": "产值 | forged | cells |"}, "forged", id="markdown-pipes-in-quote"),
    pytest.param({"title": "<b>报告</b>"}, "报告", id="markdown-html-in-source-title"),
    pytest.param({"region": "# 包头市"}, "包头市", id="markdown-heading-in-region"),
    pytest.param({"sector": "macro | extra column"}, "extra column", id="markdown-pipe-in-unknown-sector"),
]


def _unescaped(pattern: str, text: str) -> re.Match[str] | None:
    """`pattern` where no backslash escapes its first character: raw HTML, or a link's `](`."""
    return re.search(r"(?<!\\)(?:" + pattern + ")", text)


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_csv_is_safe(text: str) -> None:
    """No text cell a spreadsheet would run as a formula (numbers such as -3 are fine)."""
    for cell in _csv_cells(text):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or re.fullmatch(r"[-+]?[\d.~%-]+", cell), cell


def _assert_markdown_is_safe(text: str) -> None:
    """No raw HTML, link, forged heading or extra table cell from the data."""
    assert _unescaped(r"<(img|script|b>)|\]\(", text) is None, text
    assert re.search(r"^#+ +#", text, re.MULTILINE) is None, text
    columns = None  # every row of a table has its header's columns, no more
    for line in text.splitlines():
        if line.startswith("| ") and "---" not in line:
            count = len(re.findall(r"(?<!\\)\|", line))
            columns = count if columns is None or line.startswith("| sector") or line.startswith("| year") else columns
            assert count == columns, line
        elif not line.startswith("|"):
            columns = None


@pytest.mark.parametrize(("fields", "payload"), VALID_HOSTILE)
def test_valid_hostile_text_is_printed_as_text_in_every_format(tmp_path: Path, fields: dict[str, str],
                                                                 payload: str) -> None:
    before_file = data_file(tmp_path, 2024, **fields)
    after_file = data_file(tmp_path, 2025, **{**fields, "value": "6"})
    before = snapshot(tmp_path)
    assert check(run("validate", str(after_file))).code == 0
    for command in ("show", "compare"):
        inputs = (str(after_file),) if command == "show" else (str(before_file), str(after_file))
        for output_format in FORMATS:
            result = check(run(command, *inputs, "--format", output_format, "--width", "200"))
            assert result.code == 0, f"{command} {output_format}: {result.output[:1000]}"
            if output_format == "table" and "name" in fields:
                assert payload in result.stdout  # markup printed literally, never interpreted or dropped
            if output_format == "csv":
                _assert_csv_is_safe(result.stdout)
            if output_format == "markdown":
                _assert_markdown_is_safe(result.stdout)
    align = check(run("align", str(before_file), str(after_file), "--explain"))
    assert align.code == 0
    assert check(run("textconv", str(after_file))).code == 0
    assert snapshot(tmp_path) == before


# -- 5. numbers: exact, plain, strict JSON ------------------------------------------------------

def test_a_small_change_on_a_large_exact_value_is_raised_and_printed_plainly(tmp_path: Path) -> None:
    first = data_file(tmp_path, 2024, value="12345678901.5")
    second = data_file(tmp_path, 2025, value="12345678901.7")
    change = json.loads(check(run("compare", str(first), str(second), "--format", "json")).stdout)["changes"][0]
    assert (change["status"], change["delta"]) == ("raised", 0.2)
    table = check(run("compare", str(first), str(second), "--width", "200")).stdout
    assert "12345678901.5" in table and "e+" not in table


def _with_unit(path: Path, unit: str) -> Path:
    path.write_text(path.read_text(encoding="utf-8").replace("unit: 亿元", f"unit: {unit}"), encoding="utf-8")
    return path


@pytest.mark.parametrize(("first", "second", "status"), [
    pytest.param(("1.3", "万亿元"), ("13000", "亿元"), "unchanged", id="1.3-trillion-is-13000-hundred-million"),
    pytest.param(("0.3", "亿元"), ("3000", "万元"), "unchanged", id="0.3-is-not-0.30000000000000004"),
    pytest.param(("12345678901.5", "元"), ("1234567.89017", "万元"), "raised", id="0.2-yuan-more-after-conversion"),
])
def test_unit_conversion_is_exact(tmp_path: Path, first: tuple[str, str], second: tuple[str, str], status: str) -> None:
    before = _with_unit(data_file(tmp_path, 2024, value=first[0]), first[1])
    after = _with_unit(data_file(tmp_path, 2025, value=second[0]), second[1])
    change = json.loads(check(run("compare", str(before), str(after), "--format", "json")).stdout)["changes"][0]
    assert change["status"] == status, change


@pytest.mark.parametrize("value", [pytest.param("1000000000000000", id="the-largest-allowed-value"),
                                   pytest.param("-1000000000000000", id="the-smallest-allowed-value"),
                                   pytest.param("0.000000000000001", id="a-tiny-value")])
def test_values_at_the_bounds_compare_to_strict_json(tmp_path: Path, value: str) -> None:
    first = data_file(tmp_path, 2024, value=value)
    second = data_file(tmp_path, 2025, value="5")
    for args in (("compare", str(first), str(second), "--format", "json"),
                 ("compare", str(second), str(first), "--format", "json"),
                 ("show", str(first), "--format", "json")):
        assert check(run(*args)).code == 0


# -- 9. links.yaml: contradictions and odd YAML are problems, not internal errors -----------------

LINKS = [
    pytest.param("pin:\n- {from: 2024/t1, to: 2025/t1}\nforbid:\n- {from: 2024/t1, to: 2025/t1}\n",
                 "both pinned", id="pin-and-forbid-of-one-pair"),
    pytest.param("pin:\n- {from: 2024/t1, to: 2025/t1}\n- {from: 2024/t2, to: 2025/t1}\n",
                 "pinned twice", id="two-pins-to-one-target"),
    pytest.param("pin:\n- {from: 2024/t1, to: 2025/t1}\npin:\n- {from: 2024/t1, to: 2025/t1}\n",
                 "appears twice", id="pin-key-twice"),
    pytest.param("? [a]\n: 1\n", "complex key", id="complex-key"),
    pytest.param("pin:\n- {? [a]: 1, from: 2024/t1, to: 2025/t1}\n", "plain words", id="complex-key-in-a-link"),
    pytest.param("pin:\n- {from: 2024/t1, from: 2024/t1, to: 2025/t1}\n", "duplicate field", id="from-twice"),
    pytest.param("pin:\n- {from: [2024/t1], to: 2025/t1}\n", "YEAR/target-id", id="from-a-list"),
    pytest.param("pin:\n- {from: 2024/t1, to: 2025/t1, note: [x]}\n", "must be text", id="note-a-list"),
    pytest.param(f"pin:\n- {{from: 2024/t1, to: \"2025/t1{E}[2J\"}}\n", "not allowed in YAML", id="raw-escape-in-a-link"),
    pytest.param("pin:\n- {from: 2024/t1, to: \"2025/t1\\e[2J\"}\n", "YEAR/target-id", id="yaml-escape-in-a-link"),
]


@pytest.mark.parametrize(("text", "message"), LINKS)
def test_links_problems(tmp_path: Path, text: str, message: str) -> None:
    data_file(tmp_path, 2024)
    data_file(tmp_path, 2025)
    (tmp_path / "links.yaml").write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    validated = check(run("validate", "--data-dir", str(tmp_path)))
    assert validated.code == 1 and "links.yaml" in validated.output and message in validated.output, validated.output
    for output_format in FORMATS:
        compared = check(run("compare", "2024", "2025", "--data-dir", str(tmp_path), "--format", output_format))
        assert compared.code == 2 and "links.yaml" in compared.stderr, compared.output
    assert check(run("align", "2024", "2025", "--data-dir", str(tmp_path))).code == 2
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("make", [pytest.param("fifo", id="links-yaml-fifo"),
                                  pytest.param("/dev/zero", id="links-yaml-symlink-to-dev-zero")])
def test_links_yaml_that_is_not_a_regular_file(tmp_path: Path, make: str) -> None:
    data_file(tmp_path, 2024)
    data_file(tmp_path, 2025)
    links = tmp_path / "links.yaml"
    if make == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("needs mkfifo (POSIX)")
        os.mkfifo(links)
    else:
        os.symlink(make, links)
    for args in (("validate", "--data-dir", str(tmp_path)), ("compare", "2024", "2025", "--data-dir", str(tmp_path))):
        result = check(run(*args))
        assert result.code == 2 and "links.yaml" in result.output, result.output


# -- 4. --output never overwrites an input or a data file ------------------------------------

@pytest.mark.parametrize("target", [pytest.param("second", id="output-onto-the-later-input"),
                                    pytest.param("first", id="output-onto-the-earlier-input"),
                                    pytest.param("links.yaml", id="output-onto-links-yaml"),
                                    pytest.param("targets_2030.yaml", id="output-onto-a-data-file-name"),
                                    pytest.param("hardlink", id="output-onto-a-hard-link-to-an-input")])
def test_output_refuses_inputs_and_data_files(tmp_path: Path, target: str) -> None:
    first, second = data_file(tmp_path, 2024), data_file(tmp_path, 2025, value="6")
    (tmp_path / "links.yaml").write_text("pin: []\n", encoding="utf-8")
    os.link(second, tmp_path / "report.txt")
    output = {"second": second, "first": first, "hardlink": tmp_path / "report.txt"}.get(target, tmp_path / target)
    before = snapshot(tmp_path)
    for args in (("compare", str(first), str(second), "-o", str(output)), ("show", str(second), "-o", str(output))):
        result = check(run(*args))
        if target == "first" and args[0] == "show":
            continue  # not an input of show, but a data file by name: covered by the next assertion
        assert result.code == 2 and str(output.name) in result.stderr, result.output
    assert snapshot(tmp_path) == before


def test_output_is_written_whole_and_readable(tmp_path: Path) -> None:
    first, second = data_file(tmp_path, 2024), data_file(tmp_path, 2025, value="6")
    report = tmp_path / "report.md"
    result = check(run("compare", str(first), str(second), "-f", "markdown", "-o", str(report)))
    assert result.code == 0 and report.read_text(encoding="utf-8").startswith("# ")
    assert report.stat().st_mode & 0o644 == 0o644 or os.name != "posix"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


# -- 8. widths and the environment --------------------------------------------------------------

@pytest.mark.parametrize(("env", "args"), [
    pytest.param({"COLUMNS": "-20"}, (), id="columns-negative"),
    pytest.param({"COLUMNS": "abc"}, ("--format", "json"), id="columns-not-a-number"),
    pytest.param({"COLUMNS": "abc"}, (), id="columns-not-a-number-table"),
    pytest.param({"COLUMNS": "25"}, (), id="columns-25"),
    pytest.param({"COLUMNS": "99999999999999999999"}, (), id="columns-huge"),
    pytest.param({"NO_COLOR": ""}, (), id="no-color-empty"),
])
def test_hostile_widths_still_print_the_report(tmp_path: Path, env: dict[str, str], args: tuple[str, ...]) -> None:
    first, second = data_file(tmp_path, 2024), data_file(tmp_path, 2025, value="6")
    result = check(run("compare", str(first), str(second), *args, env=env))
    assert result.code == 0 and "产值" in result.stdout and "raised" in result.stdout
    output = tmp_path / "report.txt"
    assert check(run("compare", str(first), str(second), *args, "-o", str(output), env=env)).code == 0
    assert "产值" in output.read_text(encoding="utf-8")
    assert max(map(len, result.stdout.splitlines())) <= 1000


def test_a_huge_width_is_a_usage_error(tmp_path: Path) -> None:
    first, second = data_file(tmp_path, 2024), data_file(tmp_path, 2025)
    for command in (("compare", str(first), str(second)), ("show", str(first))):
        assert check(run(*command, "--width", "1000000000")).code == 2


def test_empty_no_color_does_not_turn_colour_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from policydiff.cli.options import colour_wanted

    monkeypatch.setenv("NO_COLOR", "")
    assert colour_wanted(to_terminal=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_wanted(to_terminal=True)


def test_show_folds_long_names_never_cuts_them(tmp_path: Path) -> None:
    name = "全市规模以上工业企业研究与试验发展经费投入强度达到全国平均水平以上的企业数量占比" * 2
    path = data_file(tmp_path, 2025, name=name, name_en="share of industrial enterprises " * 4)
    table = check(run("show", str(path), "--width", "80", "--lang", "zh")).stdout
    assert "…" not in table
    rows = [line.split("│") for line in table.splitlines() if line.startswith("│")]
    assert "".join(row[2].strip() for row in rows) == name  # the name column, folded over several lines


def test_show_of_a_file_with_no_targets_says_so(tmp_path: Path) -> None:
    path = tmp_path / "targets_2025.yaml"
    path.write_text("schema_version: 1\nregion: 包头市\nyear: 2025\nsources: []\ntargets: []\n", encoding="utf-8")
    result = check(run("show", str(path)))
    assert result.code == 0 and "no targets" in result.stdout


def test_min_score_nan_is_a_usage_error(tmp_path: Path) -> None:
    first, second = data_file(tmp_path, 2024), data_file(tmp_path, 2025)
    assert check(run("compare", str(first), str(second), "--min-score", "nan")).code == 2


# -- 12. a closed pipe and Ctrl-C end quietly -----------------------------------------------------

def test_units_into_a_closed_pipe_ends_quietly() -> None:
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    process = subprocess.Popen([sys.executable, "-m", "policydiff", "units"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environment)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=30) == 0, stderr
    assert "Error" not in stderr and "Traceback" not in stderr


# -- 10. review: hostile repositories and base revisions --------------------------------------

@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("needs git (apt-get install git)")
    for name in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.setenv(f"{name}_NAME", "policydiff tests")
        monkeypatch.setenv(f"{name}_EMAIL", "tests@policydiff.invalid")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(root)
    return root


def _commit(root: Path) -> None:
    for args in (["add", "-A"], ["commit", "-q", "--no-verify", "-m", "data"]):
        subprocess.run(["git", "-C", str(root), "-c", "core.fsmonitor=false", *args], check=True, capture_output=True)


def test_review_of_a_non_utf8_base_is_an_input_error(git_repo: Path) -> None:
    path = data_file(git_repo / "data", 2025, region="Zürich")
    path.write_bytes(path.read_bytes().replace("Zürich".encode(), "Zürich".encode("latin-1")))
    _commit(git_repo)
    data_file(git_repo / "data", 2025, region="Zürich")
    for output_format in FORMATS:
        result = check(run("review", "--base", "HEAD", "--format", output_format))
        assert result.code == 2 and "HEAD:data/targets_2025.yaml:2:" in result.stderr, result.output


def test_review_does_not_run_the_repositorys_fsmonitor(git_repo: Path) -> None:
    data_file(git_repo / "data", 2025)
    _commit(git_repo)
    marker = git_repo.parent / "fsmonitor-ran"
    hook = git_repo.parent / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    subprocess.run(["git", "-C", str(git_repo), "config", "core.fsmonitor", str(hook)], check=True)
    subprocess.run(["git", "-C", str(git_repo), "config", "core.pager", f"{hook} ; cat"], check=True)
    data_file(git_repo / "data", 2025, value="6")
    result = check(run("review", "--base", "HEAD"))
    assert result.code == 0 and "raised" in result.stdout
    assert not marker.exists()


def test_review_does_not_run_the_repositorys_clean_filter(git_repo: Path) -> None:
    data_file(git_repo / "data", 2025)
    (git_repo / ".gitattributes").write_text("*.yaml filter=evil\n", encoding="utf-8")
    _commit(git_repo)
    marker = git_repo.parent / "filter-ran"
    subprocess.run(["git", "-C", str(git_repo), "config", "filter.evil.clean", f"touch '{marker}'; cat"], check=True)
    data_file(git_repo / "data", 2025, value="6")
    assert check(run("review", "--base", "HEAD")).code == 0
    assert not marker.exists()


def test_review_shows_a_moved_file_as_renamed(git_repo: Path) -> None:
    data_file(git_repo / "data", 2025)
    _commit(git_repo)
    (git_repo / "data" / "targets_2025.yaml").unlink()
    (git_repo / "data" / "baotou").mkdir()
    data_file(git_repo / "data" / "baotou", 2025, value="6")
    files = json.loads(check(run("review", "--base", "HEAD", "--format", "json")).stdout)["files"]
    assert [(f["path"], f["status"], f.get("renamed_from")) for f in files] == [
        ("data/baotou/targets_2025.yaml", "renamed", "data/targets_2025.yaml")]
    assert files[0]["summary"]["raised"] == 1


def test_review_markdown_escapes_data(git_repo: Path) -> None:
    data_file(git_repo / "data", 2025, name="<img src=x onerror=alert(1)>产值 | x")
    _commit(git_repo)
    data_file(git_repo / "data", 2025, name="<img src=x onerror=alert(1)>产值 | x", value="6")
    result = check(run("review", "--base", "HEAD", "--format", "markdown"))
    assert result.code == 0 and "\\<img" in result.stdout and _unescaped("<img", result.stdout) is None


def test_review_output_refuses_a_data_file(git_repo: Path) -> None:
    path = data_file(git_repo / "data", 2025)
    _commit(git_repo)
    data_file(git_repo / "data", 2025, value="6")
    before = path.read_bytes()
    result = check(run("review", "--base", "HEAD", "-o", str(path)))
    assert result.code == 2 and path.read_bytes() == before


def test_review_of_a_hostile_work_tree_file_is_an_input_error(git_repo: Path) -> None:
    data_file(git_repo / "data", 2025)
    _commit(git_repo)
    data_file(git_repo / "data", 2025, name=f"{E}]52;c;cHduZWQ={E}\\产值")
    for output_format in FORMATS:
        result = check(run("review", "--base", "HEAD", "--format", output_format))
        assert result.code == 2 and "targets_2025.yaml" in result.stderr and "U+001B" in result.stderr


# -- 4, 12. a failed write and Ctrl-C ---------------------------------------------------------

def test_a_failed_write_leaves_the_old_report_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = data_file(tmp_path, 2024), data_file(tmp_path, 2025, value="6")
    report = tmp_path / "report.md"
    report.write_text("the previous report\n", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = check(run("compare", str(first), str(second), "-f", "markdown", "-o", str(report)))
    assert result.code == 2 and "No space left" in result.stderr and "report.md" in result.stderr
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "targets_2024.yaml", "targets_2025.yaml"]


def test_ctrl_c_at_start_up_prints_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    import policydiff.cli
    import policydiff.cli.app

    def interrupted(argv: Any = None) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(policydiff.cli.app, "main", interrupted)
    monkeypatch.setattr(gc, "disable", lambda: None)  # run() switches the collector off for the CLI
    with pytest.raises(SystemExit) as exit_:
        policydiff.cli.run()
    assert exit_.value.code == 130
    assert capsys.readouterr().err == "policydiff: interrupted\n"


# -- the analyst commands: scorecard (every format, xlsx too), history, report, regions, verify --------

def analyst_data(directory: Path, **fields: str) -> tuple[Path, Path]:
    """targets_2024.yaml and targets_2025.yaml, whose results score 2024, both with `fields`."""
    directory.mkdir(exist_ok=True)
    first = data_file(directory, 2024, **fields)
    second = data_file(directory, 2025, **{"value": "6", **fields}, actual=2024)
    return first, second


def analyst_commands(directory: Path, out: Path) -> list[tuple[str, ...]]:
    """Every command that reads a whole data directory, in every format."""
    where = ("--data-dir", str(directory))
    commands = [("scorecard", "2024", "--format", f, "--show-no-data", *where) for f in FORMATS]
    commands += [("scorecard", "2024", "--format", "xlsx", "-o", str(out / "scorecard.xlsx"), *where)]
    commands += [("history", "2024:t1", "--format", f, *where) for f in FORMATS]
    commands += [("report", "2024", "2025", "--format", f, *where) for f in ("html", "markdown")]
    commands += [("report", "2024", "2025", "-o", str(out / "report.html"), *where)]
    commands += [("regions", *where), ("regions", "--json", *where)]
    commands += [("verify", "--format", f, *where) for f in ("human", "json", "github")]
    return commands


def _assert_html_is_safe(text: str) -> None:
    """Nothing from the data is markup: no tag, event handler or javascript: link it wrote
    survives (as text, escaped, it is harmless)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append(tag)
            for name, value in attrs:
                assert not name.startswith("on"), (tag, name, value)
                if name in ("href", "src", "action", "xlink:href", "formaction"):
                    assert "javascript:" not in (value or "").lower(), (tag, name, value)

        def handle_data(self, data: str) -> None:
            if found and found[-1] == "script":
                assert "alert(" not in data, data

    Tags().feed(text)
    assert "img" not in found and "<b>报告" not in text, sorted(set(found))


def _xlsx_sheets(path: Path) -> dict[str, str]:
    import zipfile

    with zipfile.ZipFile(path) as workbook:
        return {name: workbook.read(name).decode("utf-8") for name in workbook.namelist()
                if name.startswith("xl/") and name.endswith(".xml")}


def _assert_xlsx_is_safe(path: Path) -> None:
    """No formula cell anywhere; numbers are number cells; no text starts like a formula."""
    sheets = _xlsx_sheets(path)
    strings = re.findall(r"<t[^>]*>([^<]*)</t>", sheets.get("xl/sharedStrings.xml", ""))
    for name, xml in sheets.items():
        if name.startswith("xl/worksheets/"):
            assert "<f>" not in xml and "<f " not in xml, f"a formula cell in {name}"
            for cell in re.findall(r'<c r="[A-Z]+\d+"[^>]*t="s"[^>]*><v>(\d+)</v>', xml):
                assert not strings[int(cell)].startswith(("=", "+", "-", "@", "\t", "\r")), strings[int(cell)]
    assert _CONTROL.search("".join(strings)) is None
    numbers = re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")?><v>([^<]*)</v>', sheets["xl/worksheets/sheet1.xml"])
    assert "5" in numbers and "5.5" in numbers, numbers  # the target and the outcome, as numbers


def _expected_code(args: tuple[str, ...]) -> int:
    return 1 if args[0] in ("validate", "verify") else 2


@pytest.mark.parametrize(("fields", "message"), INVALID)
def test_analyst_commands_refuse_a_file_breaking_the_contract(tmp_path: Path, fields: dict[str, str],
                                                              message: str) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    data.mkdir()
    data_file(data, 2024)
    bad = data_file(data, 2025, **{"value": "6", **fields}, actual=2024)
    before = snapshot(data)
    for args in analyst_commands(data, out):
        result = check(run(*args))
        if args[0] == "regions":  # a quick look: lists the region, escaped, whatever the file holds
            assert result.code in (0, 2), result.output
            continue
        assert result.code == _expected_code(args), f"{args}: {result.code}\n{result.output[:1000]}"
        assert bad.name in result.output, f"{args} does not name the file:\n{result.output[:1000]}"
    assert snapshot(data) == before
    assert not (out / "scorecard.xlsx").exists() and not (out / "report.html").exists()


@pytest.mark.parametrize(("make", "message"), UNREADABLE)
def test_analyst_commands_refuse_a_file_that_cannot_be_read(tmp_path: Path, make: Callable[[Path, Path], None],
                                                            message: str) -> None:
    outside, data, out = tmp_path / "elsewhere", tmp_path / "data", tmp_path / "out"
    for directory in (outside, data, out):
        directory.mkdir()
    (outside / "secret.txt").write_text("api_key: hunter2\n", encoding="utf-8")
    data_file(data, 2024)
    make(data, outside)
    bad = data / "targets_2025.yaml"
    before = snapshot(tmp_path)
    for args in analyst_commands(data, out):
        result = check(run(*args))
        assert result.code == 2, f"{args}: {result.code}\n{result.output[:1000]}"
        assert bad.name in result.output and message in result.output, f"{args}:\n{result.output[:1000]}"
        assert "hunter2" not in result.output
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(("fields", "payload"), VALID_HOSTILE)
def test_analyst_commands_print_valid_hostile_text_as_text(tmp_path: Path, fields: dict[str, str],
                                                           payload: str) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    analyst_data(data, **fields)
    before = snapshot(data)
    for args in analyst_commands(data, out):
        result = check(run(*args, *(("--width", "200") if args[0] in ("scorecard", "history") else ())))
        if args[0] == "verify":  # no source texts: every quote is unproven
            assert result.code == 1, result.output
            continue
        assert result.code == 0, f"{args}: {result.output[:1000]}"
        output_format = args[args.index("--format") + 1] if "--format" in args else ""
        if output_format == "table" and "name" in fields and args[0] != "regions":
            assert payload in result.stdout, result.stdout  # markup printed literally
        if output_format == "csv":
            _assert_csv_is_safe(result.stdout)
        if output_format == "markdown":
            _assert_markdown_is_safe(result.stdout)
        if output_format == "html":
            _assert_html_is_safe(result.stdout)
    _assert_xlsx_is_safe(out / "scorecard.xlsx")
    _assert_html_is_safe((out / "report.html").read_text(encoding="utf-8"))
    assert snapshot(data) == before


# -- extract: hostile policy texts -----------------------------------------------------------------

_REPORT = "2025年包头市人民政府工作报告\n今年主要预期目标是：地区生产总值增长{x}8%左右，一般公共预算收入增长5%。\n"


def _text(raw: bytes | str) -> Callable[[Path], Path]:
    def make(directory: Path) -> Path:
        path = directory / "report.txt"
        path.write_bytes(raw.encode("utf-8") if isinstance(raw, str) else raw)
        return path
    return make


def _text_fifo(directory: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs mkfifo (POSIX)")
    os.mkfifo(directory / "report.txt")
    return directory / "report.txt"


def _text_link(target: str) -> Callable[[Path], Path]:
    def make(directory: Path) -> Path:
        if not Path(target).exists():
            pytest.skip(f"{target} does not exist on this system")
        os.symlink(target, directory / "report.txt")
        return directory / "report.txt"
    return make


EXTRACT = [
    pytest.param(_text(_REPORT.replace("{x}", f"{E}]52;c;cHduZWQ=\x07{E}[2J")), 0, id="extract-escape-sequences"),
    pytest.param(_text(_REPORT.replace("{x}", "\u202e\u2066")), 0, id="extract-bidi-override-in-a-quote"),
    pytest.param(_text(_REPORT.replace("{x}", "\x9b2J\x85")), 0, id="extract-c1-controls"),
    pytest.param(_text(_REPORT.replace("包头市", f"包头{E}[31m市").replace("{x}", "")), 0, id="extract-escape-in-title"),
    pytest.param(_text(_REPORT.replace("{x}", "").encode("utf-16")), 0, id="extract-utf-16"),
    pytest.param(_text(_REPORT.replace("{x}", "").encode("utf-16-le")), 0, id="extract-utf-16-without-bom"),
    pytest.param(_text(_REPORT.replace("{x}", "").encode("gb18030")), 0, id="extract-gb18030"),
    pytest.param(_text(bytes(range(256)) * 64), 2, id="extract-binary"),
    pytest.param(_text_fifo, 2, id="extract-fifo"),
    pytest.param(_text_link("/dev/zero"), 2, id="extract-symlink-to-dev-zero"),
    pytest.param(_text("2025年政府工作报告\n今年产值增长" + "1" * 1_000_000 + "%。\n"), 0, id="extract-a-million-digits"),
    pytest.param(_text("2025年政府工作报告\n今年" + "、".join(f"第{i}项产值增长{i % 9}%" for i in range(60_000)) + "。\n"),
                 0, id="extract-endless-enumeration"),
    pytest.param(_text("2025年政府工作报告\n" + "今年“" * 300_000 + "增长5%。\n"), 0, id="extract-unclosed-quotes"),
    pytest.param(_text("2025年政府工作报告\n" + "今年地区生产总值增长8%左右，" * 100_000), 0,
                 id="extract-long-line-of-figures"),
    pytest.param(_text("2025年政府工作报告\n" + "x" * 10_000_001), 2, id="extract-10-mb-single-line"),
]


@pytest.mark.parametrize(("make", "code"), EXTRACT)
def test_extract_of_a_hostile_text_is_bounded_and_escaped(tmp_path: Path, make: Callable[[Path], Path],
                                                          code: int) -> None:
    import time

    path = make(tmp_path)
    before = snapshot(tmp_path)
    for output_format in ("yaml", "json"):
        started = time.monotonic()
        result = check(run("extract", str(path), "--format", output_format))
        assert time.monotonic() - started < 10, "extract took more than 10 s"
        assert result.code == code, result.output[:1000]
        if code == 2:
            assert path.name in result.stderr, result.stderr
        elif output_format == "json" and result.stdout:
            json.loads(result.stdout, parse_constant=lambda constant: pytest.fail(f"{constant} in JSON"))
    assert snapshot(tmp_path) == before


def test_extract_of_a_large_line_stays_bounded_in_a_subprocess(tmp_path: Path) -> None:
    """Time and memory: a 7 MB line of figures (under the 8 MB limit), in a process of its own
    with an address-space cap, so a hang or a blow-up fails the test instead of the machine."""
    path = tmp_path / "report.txt"
    path.write_text("2025年政府工作报告\n" + "今年地区生产总值增长8%左右，" * 160_000, encoding="utf-8")

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))

    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    process = subprocess.run([sys.executable, "-m", "policydiff", "extract", str(path)], capture_output=True,
                             timeout=30, env=environment, preexec_fn=limit if os.name == "posix" else None)
    assert process.returncode == 0, process.stderr[-2000:]
    assert b"Stopped after" in process.stdout


# -- verify: a hostile sources directory -------------------------------------------------------------

def _source(kind: str) -> Callable[[Path, Path], str]:
    """Makes the source text `report.txt` (or returns another `file:` value) of one kind."""
    def make(sources: Path, outside: Path) -> str:
        path = sources / "report.txt"
        if kind == "fifo":
            if not hasattr(os, "mkfifo"):
                pytest.skip("needs mkfifo (POSIX)")
            os.mkfifo(path)
        elif kind in ("/dev/zero", "/proc/self/environ"):
            if not Path(kind).exists():
                pytest.skip(f"{kind} does not exist on this system")
            os.symlink(kind, path)
        elif kind == "secret-link":
            os.symlink(outside / "secret.txt", path)
        elif kind == "huge":
            with path.open("wb") as handle:
                handle.truncate(9_000_000)  # sparse: 9 MB of NULs without writing them
        elif kind == "latin-1":
            path.write_bytes("产值达到 Zürich".encode().replace("ü".encode(), b"\xfc") + b"\xff\xfe\xfd" * 50)
        elif kind == "controls":
            path.write_text(f"产值达到{E}[2J 5亿元", encoding="utf-8")
        elif kind in ("absolute", "dotdot"):
            return str(outside / "secret.txt") if kind == "absolute" else "../elsewhere/secret.txt"
        return "report.txt"
    return make


VERIFY_SOURCES = [
    pytest.param(_source("fifo"), "not a regular file", id="verify-source-fifo"),
    pytest.param(_source("/dev/zero"), "outside its directory", id="verify-source-symlink-to-dev-zero"),
    pytest.param(_source("/proc/self/environ"), "outside its directory", id="verify-source-symlink-to-proc"),
    pytest.param(_source("secret-link"), "outside its directory", id="verify-source-symlink-to-a-secret"),
    pytest.param(_source("huge"), "limit", id="verify-source-huge"),
    pytest.param(_source("latin-1"), "report.txt", id="verify-source-not-utf8"),
    pytest.param(_source("absolute"), "inside the sources directory", id="verify-source-absolute-path"),
    pytest.param(_source("dotdot"), "inside the sources directory", id="verify-source-dotdot-path"),
    pytest.param(_source("controls"), "quote", id="verify-source-with-controls"),
]


@pytest.mark.parametrize(("make", "message"), VERIFY_SOURCES)
def test_verify_with_a_hostile_sources_directory(tmp_path: Path, make: Callable[[Path, Path], str],
                                                 message: str) -> None:
    data, sources, outside = tmp_path / "data", tmp_path / "sources", tmp_path / "elsewhere"
    for directory in (data, sources, outside):
        directory.mkdir()
    (outside / "secret.txt").write_text("产值达到 api_key: hunter2\n", encoding="utf-8")
    name = make(sources, outside)
    path = data_file(data, 2025, quote=f"产值达到{E}[2J" if "controls" in str(make) else "产值达到 5亿元")
    path.write_text(path.read_text(encoding="utf-8").replace("  kind: work_report",
                                                             f"  kind: work_report\n  file: {_quoted(name)}"),
                    encoding="utf-8")
    before = snapshot(tmp_path)
    for output_format in ("human", "json", "github"):
        result = check(run("verify", str(path), "--sources", str(sources), "--format", output_format))
        assert result.code in (1, 2), result.output[:1000]
        assert path.name in result.output and message in result.output, result.output[:1000]
        assert "hunter2" not in result.output
    assert snapshot(tmp_path) == before


# -- regions and cache: hostile directories --------------------------------------------------------------

def _hostile_data_dir(data: Path, outside: Path) -> None:
    data_file(data, 2024)
    if hasattr(os, "mkfifo"):
        os.mkfifo(data / "targets_2025.yaml")
    os.symlink("loop", data / "loop")  # a loop of links
    os.symlink(outside, data / "escape")  # a region directory that is a link out of the data
    data_file(outside, 2024, region=f"外{E}]0;pwned\x07")
    (data / "sub").mkdir()
    os.symlink("targets_2024.yaml", data / "sub" / "targets_2024.yaml")  # a link to itself


def test_regions_of_a_hostile_data_directory(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "elsewhere"
    data.mkdir()
    outside.mkdir()
    _hostile_data_dir(data, outside)
    before = snapshot(tmp_path)
    for args in (("regions", "--data-dir", str(data)), ("regions", "--json", "--data-dir", str(data))):
        result = check(run(*args))
        assert result.code == 2 and "targets_2025.yaml" in result.output, result.output
        assert "pwned" not in result.output  # the linked-out directory is not followed
    (data / "targets_2025.yaml").unlink()
    looped = check(run("regions", "--data-dir", str(data)))  # sub/ holds a loop named like a data file
    assert looped.code == 2 and "targets_2024.yaml" in looped.stderr and "loop" in looped.stderr, looped.output
    (data / "sub" / "targets_2024.yaml").unlink()
    listed = json.loads(check(run("regions", "--json", "--data-dir", str(data))).stdout)
    assert [row["region"] for row in listed] == ["data"]
    assert snapshot(tmp_path) == before


@pytest.fixture
def hostile_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache, outside = tmp_path / "cache", tmp_path / "elsewhere"
    cache.mkdir()
    outside.mkdir()
    (outside / "keep.json").write_text("{}", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(cache / "report-x.json")
    os.symlink(outside / "keep.json", cache / "report-link.json")
    os.symlink("/dev/zero", cache / "report-zero.json")
    os.symlink("report-loop.json", cache / "report-loop.json")
    (cache / "report-dir.json").mkdir()
    (cache / f"report-{E}]0;pwned\x07.json").write_text("not json", encoding="utf-8")
    (cache / "report-nan.json").write_text('{"format": 2, "output": NaN}', encoding="utf-8")
    monkeypatch.setenv("POLICYDIFF_CACHE_DIR", str(cache))
    monkeypatch.delenv("POLICYDIFF_NO_CACHE", raising=False)
    return cache


def test_cache_info_and_clear_with_hostile_entries(hostile_cache: Path, tmp_path: Path) -> None:
    info = check(run("cache", "info"))
    assert info.code == 0 and "entries:" in info.stdout, info.output
    cleared = check(run("cache", "clear"))
    assert cleared.code == 0, cleared.output
    assert (tmp_path / "elsewhere" / "keep.json").read_text(encoding="utf-8") == "{}"  # a link is removed, never followed
    assert Path("/dev/zero").exists()
    assert (hostile_cache / "report-dir.json").is_dir()  # a directory is left alone


def test_compare_with_a_hostile_cache_directory(hostile_cache: Path, tmp_path: Path) -> None:
    first, second = data_file(tmp_path, 2024), data_file(tmp_path, 2025, value="6")
    for _ in range(2):  # the second run reads the entry the first one stored
        result = check(run("compare", str(first), str(second)))
        assert result.code == 0 and "raised" in result.stdout


@pytest.mark.parametrize("kind", [pytest.param("fifo", id="cache-entry-that-is-a-fifo"),
                                  pytest.param("/dev/zero", id="cache-entry-linked-to-dev-zero")])
def test_a_cache_entry_that_is_not_a_regular_file_is_a_miss(hostile_cache: Path, kind: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from policydiff.cli import outputcache

    entry = hostile_cache / "report-x.json" if kind == "fifo" else hostile_cache / "report-zero.json"
    if not os.path.lexists(entry):
        pytest.skip("needs mkfifo (POSIX)")
    monkeypatch.setattr(outputcache, "_entry", lambda directory, key: entry)
    assert outputcache.fetch("x") is None  # never blocks on the pipe, never reads the device
