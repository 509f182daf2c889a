"""`policydiff verify` in-process: quotes against source texts, lines, formats, exit codes and
where the source texts are looked for."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from textwrap import dedent

import pytest
from typer.testing import CliRunner, Result

from policydiff.cli.app import app
from policydiff.curation.verify import SOURCES_ENV_VAR, shared_dirs, sources_dir, verify_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = next(iter(shared_dirs(ROOT / "data")), ROOT.parent / "shared")
SEEDS = SHARED / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no source texts at {SEEDS} (shared/ beside the repository)")

SOURCE_TEXT = "2025年主要预期目标：地区生产总值增长8%左右，\n规上工业增加值增长 1 4%以上，\n城镇新增就业1.2万人，居民消费价格涨幅控制在3%以内。\n"
DATA = dedent("""\
    schema_version: 1
    region: 某市
    region_en: Somewhere
    year: 2025
    sources:
    - id: report
      title: 2025年政府工作报告
      kind: work_report
      file: report.txt
    targets:
    - id: gdp-growth
      name: 地区生产总值
      metric: growth
      value: 8
      unit: '%'
      qualifier: about
      evidence:
      - source: report
        quote: 地区生产总值增长8%左右
    - id: industry-growth
      name: 规上工业增加值
      metric: growth
      value: 14
      unit: '%'
      qualifier: at_least
      evidence:
      - {source: report, quote: 规上工业增加值增长14%以上}
    - id: new-jobs
      name: 城镇新增就业
      metric: increment
      value: 12000
      unit: 人
      evidence:
      - {source: report, quote: 城镇新增就业1.2万人}
    - id: cpi
      name: 居民消费价格涨幅
      metric: growth
      value: 3
      unit: '%'
      qualifier: at_most
      evidence:
      - {source: report, quote: 居民消费价格涨幅控制在3%以内}
    """)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, ["verify", *args], env=env, catch_exceptions=False)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.fixture
def dataset(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    sources = tmp_path / "texts"
    data.mkdir()
    sources.mkdir()
    (data / "targets_2025.yaml").write_text(DATA, encoding="utf-8")
    (sources / "report.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    return data / "targets_2025.yaml", sources


def test_all_proven(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    result = run(str(path), "--sources", str(sources))
    assert result.exit_code == 0, result.output
    assert f"{path}: ok" in result.stdout


def test_a_corrupted_quote_and_a_corrupted_value_are_reported_at_their_lines(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    text = DATA.replace("quote: 地区生产总值增长8%左右", "quote: 地区生产总值增长8%左右，稳中求进").replace(
        "  value: 12000\n", "  value: 13000\n")
    path.write_text(text, encoding="utf-8")
    result = run(str(path), "--sources", str(sources), "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert {(p["line"], p["path"]) for p in problems} == {
        (line_of(text, "稳中求进"), "targets[0].evidence[0].quote"),
        (line_of(text, "value: 13000"), "targets[2].value"),
    }
    assert all(p["severity"] == "error" for p in problems)


def test_a_qualifier_the_quote_contradicts_is_reported_at_the_qualifier_line(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    text = DATA.replace("  qualifier: about\n", "  qualifier: at_least\n")
    path.write_text(text, encoding="utf-8")
    result = run(str(path), "--sources", str(sources))
    assert result.exit_code == 1
    assert f"{path}:{line_of(text, 'qualifier: at_least')}:1: error: [targets[0].qualifier]" in result.stderr
    assert "左右" in result.stderr


def test_a_missing_source_text_is_one_message(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    (sources / "report.txt").unlink()
    result = run(str(path), "--sources", str(sources), "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert len(problems) == 1
    assert "report.txt" in problems[0]["message"] and problems[0]["line"] == line_of(DATA, "file: report.txt")


def test_a_source_without_file_is_a_warning(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    path.write_text(DATA.replace("  file: report.txt\n", ""), encoding="utf-8")
    report = verify_file(path, sources)
    assert report.errors == 0 and report.warnings == 1


def test_github_annotations(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    path.write_text(DATA.replace("  value: 12000\n", "  value: 13000\n"), encoding="utf-8")
    result = run(str(path), "--sources", str(sources), "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"::error file={path},line={line_of(DATA, 'value: 12000')},col=1,")


def test_sources_from_the_environment(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    assert run(str(path), env={SOURCES_ENV_VAR: str(sources)}).exit_code == 0


def test_sources_beside_the_data(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    shutil.copytree(sources, path.parent / "sources")
    assert sources_dir(None, path.parent, "somewhere") == path.parent / "sources"
    assert run(str(path), env={SOURCES_ENV_VAR: ""}).exit_code == 0


def test_a_directory_argument_means_its_files(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    result = run(str(path.parent), "--sources", str(sources))
    assert result.exit_code == 0 and f"{path}: ok" in result.stdout


@pytest.mark.parametrize("args", [
    pytest.param(["--sources", "{missing}"], id="sources-not-a-directory"),
    pytest.param(["--format", "xml"], id="unknown-format"),
])
def test_usage_errors_exit_2(dataset: tuple[Path, Path], args: list[str]) -> None:
    path, _ = dataset
    result = run(str(path), *[arg.replace("{missing}", str(path.parent / "nowhere")) for arg in args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_an_unreadable_file_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "targets_2025.yaml"), "--sources", str(tmp_path))
    assert result.exit_code == 2


def test_an_invalid_file_is_not_verified(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    path.write_text(DATA.replace("  unit: 人\n", "  unit: 人们\n"), encoding="utf-8")
    result = run(str(path), "--sources", str(sources))
    assert result.exit_code == 1
    assert "not verified" in result.stderr


def test_control_characters_of_a_quote_are_shown_escaped(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    path.write_text(DATA.replace("quote: 城镇新增就业1.2万人", 'quote: "城镇新增就业1.2万人\\e[2J"'), encoding="utf-8")
    result = run(str(path), "--sources", str(sources))
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "U+001B" in result.output


# -- the bundled data --------------------------------------------------------------------------


@needs_seeds
def test_the_bundled_baotou_data_is_proven() -> None:
    result = run("--data-dir", str(ROOT / "data"), "--sources", str(SEEDS))
    assert result.exit_code == 0, result.output


@needs_seeds
def test_the_sources_are_found_without_being_named() -> None:
    assert sources_dir(None, ROOT / "data", "baotou") == SEEDS
    assert run("--data-dir", str(ROOT / "data"), env={SOURCES_ENV_VAR: ""}).exit_code == 0


@needs_seeds
def test_a_corrupted_copy_of_the_bundled_data_fails_at_both_lines(tmp_path: Path) -> None:
    original = (ROOT / "data" / "targets_2025.yaml").read_text(encoding="utf-8")
    quote = "quote: 推动经济总量达到5000亿元左右"
    value = "  value: 8\n  unit: '%'\n  qualifier: about\n  evidence:\n  - {source: work-report-2025, quote: 地区生产总值增长8%左右}"
    assert quote in original and value in original
    text = original.replace(quote, "quote: 推动经济总量达到6000亿元左右").replace(value, value.replace("value: 8", "value: 9"))
    (tmp_path / "targets_2025.yaml").write_text(text, encoding="utf-8")
    result = run(str(tmp_path / "targets_2025.yaml"), "--sources", str(SEEDS), "--format", "json")
    assert result.exit_code == 1
    errors = [p for p in json.loads(result.stdout)["files"][0]["problems"] if p["severity"] == "error"]
    quote_line = line_of(text, "推动经济总量达到6000亿元左右")
    value_line = text.splitlines().index("  value: 9") + 1
    # the changed quote is not in the source, and no longer states 5000; the changed value is not stated
    assert {(p["line"], p["path"].rsplit(".", 1)[-1]) for p in errors} == {
        (quote_line, "quote"), (line_of(text, "id: economic-aggregate") + 5, "value"), (value_line, "value")}


def test_an_evidence_value_overrides_the_items(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    (sources / "plan.txt").write_text("城镇新增就业1.3万人以上", encoding="utf-8")
    text = DATA.replace("targets:\n", "- {id: plan, title: 规划, kind: policy, file: plan.txt}\ntargets:\n", 1)
    text = text.replace("  - {source: report, quote: 城镇新增就业1.2万人}\n",
                        "  - {source: report, quote: 城镇新增就业1.2万人}\n"
                        "  - {source: plan, quote: 城镇新增就业1.3万人以上, value: 13000}\n")
    assert "value: 13000" in text
    path.write_text(text, encoding="utf-8")
    report = verify_file(path, sources)
    assert report.errors == 0, [str(p) for p in report.problems]
    assert report.warnings == 1  # the plan says 以上, the report none: the sources disagree on the qualifier
    path.write_text(text.replace("value: 13000}", "value: 14000}"), encoding="utf-8")
    [problem] = verify_file(path, sources).problems[:1]
    assert problem.is_error and problem.path == "targets[2].evidence[1].value"
    assert problem.line == line_of(text, "value: 13000}")


def test_a_decline_recorded_positive_is_a_warning(dataset: tuple[Path, Path]) -> None:
    path, sources = dataset
    (sources / "report.txt").write_text(SOURCE_TEXT + "单位国内生产总值能耗降低3%左右。", encoding="utf-8")
    item = ("- id: energy-intensity\n  name: 单位国内生产总值能耗\n  metric: growth\n  value: {value}\n  unit: '%'\n"
            "  qualifier: about\n  direction: down\n  evidence:\n  - {{source: report, quote: 单位国内生产总值能耗降低3%左右}}\n")
    path.write_text(DATA + item.format(value=3), encoding="utf-8")
    report = verify_file(path, sources)
    assert (report.errors, report.warnings) == (0, 1)
    path.write_text(DATA + item.format(value=-3), encoding="utf-8")
    assert verify_file(path, sources).problems == ()
