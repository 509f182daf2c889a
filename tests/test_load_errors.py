"""Every rule the loader enforces: a bad input, the message it gives and the line it points at.

Inputs are small YAML documents written to tmp_path. Most extend HEADER (lines 1-8), so a
target block starts on line 9; the comment beside a case names the line it is about.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from textwrap import dedent

import pytest

from policydiff.contract.errors import UnreadableFileError
from policydiff.curation.validate import validate_paths
from policydiff.load import files, yamlnodes
from policydiff.load.loader import LoadResult, load_result

HEADER = dedent("""\
    schema_version: 1
    region: 包头市
    year: 2025
    sources:
    - id: work-report-2025
      title: 2025年包头市人民政府工作报告
      kind: work_report
    targets:
    """)


def targets(block: str) -> str:
    """HEADER followed by a targets block (whose first line is line 9)."""
    return HEADER + dedent(block)


def document(text: str) -> str:
    return dedent(text)


def load(tmp_path: Path, text: str | bytes, name: str = "targets_2025.yaml") -> LoadResult:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_result(path)


def shown(result: LoadResult) -> str:
    return "\n".join(str(problem) for problem in result.problems) or "(no problems)"


def test_the_base_document_is_valid(tmp_path: Path) -> None:
    result = load(tmp_path, targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          evidence:
          - source: work-report-2025
            quote: 晶硅光伏产业产值力争达到1200亿元以上
        """))
    assert result.ok, shown(result)
    assert result.problems == ()


ERROR_CASES = [
    # -- unknown fields, with a suggestion --------------------------------------------
    pytest.param(document("""\
        schema_version: 1
        regoin: 包头市
        year: 2025
        sources: []
        targets: []
        """), "unknown field `regoin` (did you mean `region`?)", 2, 1, id="unknown-top-level-field"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources:
        - id: work-report-2025
          titel: 2025年包头市人民政府工作报告
          kind: work_report
        targets:
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          evidence:
          - source: work-report-2025
            quote: 晶硅光伏产业产值力争达到1200亿元以上
        """), "unknown field `titel` (did you mean `title`?)", 6, 3, id="unknown-source-field"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          qualifer: at_least
        """), "unknown field `qualifer` (did you mean `qualifier`?)", 13, 3, id="unknown-target-field"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          evidence:
          - source: work-report-2025
            qoute: 晶硅光伏产业产值力争达到1200亿元以上
        """), "unknown field `qoute` (did you mean `quote`?)", 15, 5, id="unknown-evidence-field"),
    # -- required fields and types ----------------------------------------------------
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
        """), "missing required field `unit`", 9, 3, id="missing-required-field"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: "12"
          unit: 亿元
        """), "value must be a number, found text `12`", 11, 10, id="value-quoted-string"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: yes
          unit: 亿元
        """), "value must be a number, found a boolean `yes`", 11, 10, id="value-yes"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: .nan
          unit: 亿元
        """), "not a finite number", 11, 10, id="value-nan"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: .inf
          unit: 亿元
        """), "not a finite number", 11, 10, id="value-inf"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 010
          unit: 亿元
        """), "`010` is not a decimal number", 11, 10, id="value-octal-looking"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1:30
          unit: 亿元
        """), "`1:30` is not a decimal number", 11, 10, id="value-base-60"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 0x_
          unit: 亿元
        """), "`0x_` is not a decimal number", 11, 10, id="value-empty-hex"),
    pytest.param(targets(f"""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: {"9" * 5000}
          unit: 亿元
        """), "value `99999999999999999...` is not a finite number", 11, 10, id="value-too-many-digits"),
    pytest.param(targets("""\
        - id: rare-earth-firms
          name: 稀土企业
          value: [5, 3]
          unit: 家
        """), "range [5, 3] has low > high", 11, 10, id="range-low-above-high"),
    pytest.param(targets("""\
        - id: rare-earth-firms
          name: 稀土企业
          value: [3, 4, 5]
          unit: 家
        """), "a range must be [low, high], found 3 items", 11, 10, id="range-of-three"),
    pytest.param(targets("""\
        - id: rare-earth-firms
          name: 稀土企业
          value: [3, "5"]
          unit: 家
        """), "value must be a number, found text `5`", 11, 14, id="range-with-text-end"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: ""
          value: 1200
          unit: 亿元
        """), "`name` is empty", 10, 9, id="empty-name"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: "   "
          value: 1200
          unit: 亿元
        """), "`name` is empty", 10, 9, id="blank-name"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          strive: 1
        """), "`strive` must be true or false", 13, 11, id="strive-not-boolean"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: "2025"
        sources: []
        targets: []
        """), "`year` must be a whole number, found text `2025`", 3, 7, id="year-quoted"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources:
        - id: work-report-2025
          title: 2025年包头市人民政府工作报告
          kind: work_report
          date: 2025-02-30
        targets: []
        """), "`2025-02-30` is not a date in the calendar", 8, 9, id="date-not-in-calendar"),
    # -- vocabularies -------------------------------------------------------------------
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿圆
        """), "unknown unit `亿圆` (did you mean `亿元`", 12, 9, id="unknown-unit"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: GWH
        """), "unknown unit `GWH` (did you mean `GWh`?", 12, 9, id="unit-alias-spelling"),
    pytest.param(targets("""\
        - id: gdp-growth
          name: 地区生产总值
          metric: grwoth
          value: 8
          unit: '%'
        """), "`grwoth` is not a valid metric (did you mean `growth`?)", 11, 11, id="invalid-metric"),
    pytest.param(targets("""\
        - id: gdp-growth
          name: 地区生产总值
          metric: growth
          value: 8
          unit: '%'
          qualifier: at-least
        """), "`at-least` is not a valid qualifier (did you mean `at_least`?)", 14, 14, id="invalid-qualifier"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources:
        - id: work-report-2025
          title: 2025年包头市人民政府工作报告
          kind: report
        targets:
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          evidence:
          - source: work-report-2025
            quote: 晶硅光伏产业产值力争达到1200亿元以上
        """), "`report` is not a valid kind (did you mean `work_report`?)", 7, 9, id="invalid-source-kind"),
    pytest.param(targets("""\
        - id: PV Output
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
        """), "`PV Output` is not a valid id", 9, 7, id="bad-id-slug"),
    # -- ids and references -----------------------------------------------------------
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
        - id: pv-output-value
          name: 多晶硅产能
          value: 87
          unit: 万吨
        """), "duplicate target id `pv-output-value` (first used on line 9)", 13, 7, id="duplicate-target-id"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources:
        - id: work-report-2025
          title: 2025年包头市人民政府工作报告
          kind: work_report
        - id: work-report-2025
          title: 关于深入实施创新驱动发展战略的实施意见
          kind: party_plan
        targets: []
        """), "duplicate source id `work-report-2025` (first used on line 5)", 8, 7, id="duplicate-source-id"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          evidence:
          - source: work-report-2024
            quote: 晶硅光伏产业产值力争达到1200亿元以上
        """), "evidence names undeclared source `work-report-2024` (did you mean `work-report-2025`?)", 14, 13,
        id="evidence-undeclared-source"),
    # -- the file as a whole ------------------------------------------------------------
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: 2024
        sources: []
        targets: []
        """), "year 2024 disagrees with the file name targets_2025.yaml", 3, 7, id="year-disagrees-with-file-name"),
    pytest.param(document("""\
        schema_version: 3
        region: 包头市
        year: 2025
        sources: []
        targets: []
        """), "schema_version 3 is not supported", 1, 17, id="schema-version-3"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          unit: 万元
        """), "duplicate field `unit`", 13, 3, id="duplicate-mapping-key"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
          year: 2025
        """), "YAML syntax error: mapping values are not allowed", 3, 7, id="syntax-error"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources: []
        targets: []
        ---
        targets: []
        """), "expected a single document", 6, 1, id="two-documents"),
    pytest.param(document("""\
        schema_version: 1
        region: &r 包头市
        region_en: *nowhere
        """), "found undefined alias", 3, 12, id="undefined-alias"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头\x07市
        """), "character U+0007 is not allowed", 2, 11, id="control-character"),
    pytest.param("", "the file is empty", 1, 1, id="empty-file"),
    pytest.param("# yaml-language-server: $schema=../schema/targets.schema.json\n", "the file is empty", 1, 1,
                 id="only-a-comment"),
    pytest.param(document("""\
        - schema_version: 1
        - region: 包头市
        """), "expected a mapping of file fields, found a list", 1, 1, id="list-at-top-level"),
    pytest.param("包头市 2025\n", "expected a mapping of file fields, found text", 1, 1, id="text-at-top-level"),
    pytest.param(document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources: []
        targets: []
        extra: !!python/name:os.system
        """), "YAML tag `tag:yaml.org,2002:python/name:os.system` is not allowed", 6, 8, id="python-tag"),
    pytest.param(document("""\
        schema_version: 1
        region: !!binary 5YyF5aS05biC
        year: 2025
        sources: []
        targets: []
        """), "YAML tag `tag:yaml.org,2002:binary` is not allowed", 2, 9, id="binary-tag"),
]


@pytest.mark.parametrize(("text", "fragment", "line", "column"), ERROR_CASES)
def test_a_mistake_is_reported_once_at_its_line(tmp_path: Path, text: str, fragment: str, line: int,
                                                  column: int) -> None:
    result = load(tmp_path, text)
    errors = [problem for problem in result.problems if problem.is_error]
    assert len(errors) == 1, shown(result)
    error = errors[0]
    assert fragment in f"{error.message} ({error.hint})", shown(result)
    assert (error.line, error.column) == (line, column), shown(result)
    assert not result.ok
    assert result.target_set is None


def test_a_typo_in_a_source_is_not_reported_again_on_the_evidence_citing_it(tmp_path: Path) -> None:
    result = load(tmp_path, document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources:
        - id: work-report-2025
          title: 2025年包头市人民政府工作报告
          kind: work-report
        targets:
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          evidence:
          - source: work-report-2025
            quote: 晶硅光伏产业产值力争达到1200亿元以上
        """))
    assert [(p.line, p.path) for p in result.problems] == [(7, "sources[0].kind")], shown(result)


def test_every_mistake_in_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    result = load(tmp_path, document("""\
        schema_version: 1
        region: 包头市
        year: 2025
        sources:
        - id: work-report-2025
          title: 2025年包头市人民政府工作报告
          kind: work_report
          dated: 2025-01-05
        targets:
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: "1200"
          unit: 亿元
        - id: gdp-growth
          name: 地区生产总值
          metric: growth
          value: 8
          unit: 个百分比
        - id: rare-earth-firms
          name: 稀土企业
          value: [30, 20]
          unit: 家
          evidence:
          - source: party-plan-2025
            quote: 稀土企业达到20~30家
        """))
    errors = sorted((p.line, p.path) for p in result.problems if p.is_error)
    assert errors == [
        (8, "sources[0].dated"),
        (12, "targets[0].value"),
        (18, "targets[1].unit"),
        (21, "targets[2].value"),
        (24, "targets[2].evidence[0].source"),
    ], shown(result)
    assert result.target_set is None


# -- warnings: reported, but the file loads ------------------------------------------------

WARNING_CASES = [
    pytest.param(targets("""\
        - id: industrial-value-added-growth
          name: 规模以上工业增加值
          metric: growth
          value: 14
          unit: '%'
        - id: industrial-value-added-growth-2
          name: 规上工业增加值
          metric: growth
          value: 12
          unit: '%'
        """), "`规上工业增加值` (growth) has the same normalised name as `规模以上工业增加值` on line 10", 15,
        id="same-normalised-name-and-metric"),
    pytest.param(targets("""\
        - id: magnet-capacity
          name: 稀土永磁材料产能
          value: 18
          unit: 万吨
          evidence:
          - source: work-report-2025
            quote: 稀土永磁材料产能达到18万吨
          - source: work-report-2025
            quote: 稀土永磁材料产能达到15万吨
            value: 15
        """), "evidence disagrees on the value of `稀土永磁材料产能`: 15 万吨, 18 万吨", 14, id="evidence-disagrees"),
    pytest.param(targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          sector: photovoltaic
          value: 1200
          unit: 亿元
        """), "sector `photovoltaic` is not in the vocabulary (did you mean `photovoltaics`?)", 11,
        id="unknown-sector"),
]


@pytest.mark.parametrize(("text", "fragment", "line"), WARNING_CASES)
def test_a_doubtful_entry_is_a_warning_and_the_file_still_loads(tmp_path: Path, text: str, fragment: str,
                                                                 line: int) -> None:
    result = load(tmp_path, text)
    assert result.ok, shown(result)
    assert [p.is_error for p in result.problems] == [False], shown(result)
    warning = result.problems[0]
    assert fragment in f"{warning.message} ({warning.hint})", shown(result)
    assert warning.line == line, shown(result)


def test_the_same_name_with_another_metric_is_no_warning(tmp_path: Path) -> None:
    result = load(tmp_path, targets("""\
        - id: industrial-value-added
          name: 规模以上工业增加值
          value: 3000
          unit: 亿元
        - id: industrial-value-added-growth
          name: 规上工业增加值
          metric: growth
          value: 12
          unit: '%'
        """))
    assert result.ok and result.problems == (), shown(result)


def test_yaml_booleans_are_read_by_yaml_rules(tmp_path: Path) -> None:
    result = load(tmp_path, targets("""\
        - id: pv-output-value
          name: 晶硅光伏产业产值
          value: 1200
          unit: 亿元
          strive: yes
        - id: pv-capacity
          name: 光伏组件产能
          value: 40
          unit: GW
          strive: false
        """))
    assert result.target_set is not None, shown(result)
    assert [t.strive for t in result.target_set.targets] == [True, False]


# -- hostile files ---------------------------------------------------------------------------

def test_a_python_tag_is_rejected_and_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    result = load(tmp_path, HEADER + dedent(f"""\
        - id: pv-output-value
          name: !!python/object/apply:os.system ["touch {marker}"]
          value: 1200
          unit: 亿元
        """))
    assert not marker.exists()
    assert [(p.line, p.column) for p in result.problems] == [(10, 9)], shown(result)
    assert "python/object/apply:os.system" in result.problems[0].message
    assert result.target_set is None


def billion_laughs(levels: int = 9) -> str:
    lines = ["schema_version: 1", "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        aliases = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_fails_fast(tmp_path: Path) -> None:
    start = time.perf_counter()
    result = load(tmp_path, billion_laughs())  # 10**9 values once expanded
    elapsed = time.perf_counter() - start
    assert [p.message for p in result.problems] == [
        f"the YAML expands to more than {yamlnodes.MAX_NODES} values through aliases (alias bomb?)"], shown(result)
    assert result.problems[0].line == 1
    assert elapsed < 2.0


def test_a_large_file_without_aliases_is_not_an_alias_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Regression: the node budget once counted every node, so a 10k-target file was "an alias bomb".
    monkeypatch.setattr(yamlnodes, "MAX_NODES", 100)
    targets = "".join(f"  - {{id: t{i}, name: 指标{i}, value: {i}, unit: 亿元}}\n" for i in range(200))
    text = "schema_version: 1\nregion: x\nyear: 2025\nsources: []\ntargets:\n" + targets
    result = load(tmp_path, text)
    assert result.ok, shown(result)
    assert len(result.target_set.targets) == 200  # type: ignore[union-attr]


def test_a_recursive_alias_fails_fast(tmp_path: Path) -> None:
    result = load(tmp_path, "schema_version: 1\nregion: &loop [*loop]\n")
    assert ["alias bomb" in p.message for p in result.problems] == [True], shown(result)


@pytest.mark.parametrize("text", [
    pytest.param("region: " + "[" * 100_000 + "]" * 100_000 + "\n", id="flow"),
    pytest.param("region:\n" + "- " * 100_000 + "x\n", id="block"),
])
def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path, text: str) -> None:
    path = tmp_path / "targets_2025.yaml"
    path.write_text(text, encoding="utf-8")
    # In a child process: before the fix this overflowed the C stack and killed the interpreter.
    run = subprocess.run([sys.executable, "-m", "policydiff", "validate", "--format", "json", str(path)],
                         capture_output=True, text=True, timeout=60)
    # The property, not the wording: PyYAML >= 6.0.4's scanner may stop a flow first with its own message.
    assert run.returncode == 1, run.stderr
    (file,) = json.loads(run.stdout)["files"]
    (error,) = [p for p in file["problems"] if p["severity"] == "error"]
    assert error["line"] >= 1 and error["message"]
    assert run.stderr == ""


UNREADABLE_CASES = [
    pytest.param(b"schema_version: 1\nregion: \x00\x01\x02\xff\n", "binary file", id="binary"),
    pytest.param("schema_version: 1\nregion: 包头市\n".encode("gbk"), "not UTF-8 text", id="not-utf-8"),
]


@pytest.mark.parametrize(("content", "fragment"), UNREADABLE_CASES)
def test_a_file_that_is_not_yaml_text_is_unreadable(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "targets_2025.yaml"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=fragment):
        load_result(path)
    report = validate_paths([path])
    assert report.exit_code == 2
    assert fragment in report.files[0].problems[0].message


def test_a_file_over_the_size_limit_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    path = tmp_path / "targets_2025.yaml"
    path.write_text(HEADER + "# padding\n" * 20, encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="over the 100-byte limit"):
        load_result(path)
    assert validate_paths([path]).exit_code == 2


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    result = load(tmp_path, "\ufeff" + HEADER)
    assert result.ok, shown(result)


@pytest.mark.parametrize("depth", [pytest.param(100, id="at-the-limit"), pytest.param(101, id="past-the-limit")])
@pytest.mark.parametrize("c_composer", [pytest.param(True, id="libyaml-composer"), pytest.param(False, id="event-composer")])
def test_both_composers_cap_nesting_alike(monkeypatch: pytest.MonkeyPatch, depth: int, c_composer: bool) -> None:
    monkeypatch.setattr(yamlnodes, "_C_COMPOSER", c_composer and yamlnodes._C_COMPOSER)
    root, problems = yamlnodes.compose("[" * depth + "]" * depth, "deep.yaml")
    assert (root is None) is (depth > yamlnodes.MAX_DEPTH)
    assert bool(problems) is (depth > yamlnodes.MAX_DEPTH)


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in sorted((Path(__file__).parents[1] / "data").rglob("targets_*.yaml"))])
def test_both_composers_build_the_same_nodes(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast, _ = yamlnodes.compose(text, str(path))
    monkeypatch.setattr(yamlnodes, "_C_COMPOSER", False)
    slow, _ = yamlnodes.compose(text, str(path))
    assert _shape(fast) == _shape(slow)


def _shape(node: object) -> object:
    import yaml

    assert isinstance(node, yaml.Node)
    where = (node.tag, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (*where, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*where, [_shape(child) for child in node.value])
    return (*where, [(_shape(key), _shape(value)) for key, value in node.value])


@pytest.mark.parametrize("text", [
    pytest.param("a: &x [1, 2]\nb: *x\n", id="block-anchor"),
    pytest.param("a: [&x [1, 2], *x]\n", id="after-bracket"),
    pytest.param("a: [1,&x [1, 2], *x]\n", id="after-comma"),
    pytest.param('{"a":&x [1, 2], b: *x}\n', id="after-json-colon"),
    pytest.param("&x [1, [2]]\n", id="at-the-start"),
])
def test_the_single_node_walk_finds_every_anchor(text: str) -> None:
    # Regression guard for the one-walk check: a text that may hold an anchor is walked with a
    # set of seen nodes and counted with aliases expanded, so a shared node is never missed.
    assert yamlnodes._MAYBE_ANCHOR.search(text) is not None
    assert yamlnodes.count_nodes(yamlnodes.read(text, "f.yaml").root) is not None  # type: ignore[arg-type]


def test_an_ampersand_inside_a_word_is_not_an_anchor(tmp_path: Path) -> None:
    assert yamlnodes._MAYBE_ANCHOR.search("name_en: R&D spending\nnote: 研发&创新\n") is None
    document = yamlnodes.read("a: R&D\nb: [x, y]\n", "f.yaml", frozenset({"tag:yaml.org,2002:str",
                                                                        "tag:yaml.org,2002:map"}))
    assert document.root is not None and not document.over_budget
    assert [node.tag for node in document.odd_tags] == ["tag:yaml.org,2002:seq"]


def test_a_tagged_node_under_an_alias_is_reported_once(tmp_path: Path) -> None:
    document = yamlnodes.read("a: &x !custom 1\nb: *x\nc: [*x, *x]\n", "f.yaml", frozenset({
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}))
    assert [node.tag for node in document.odd_tags] == ["!custom"]
