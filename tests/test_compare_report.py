"""The compare report an analyst reads: headline first, labels that cannot be misread,
checked filters, sections and limits, the pager."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from policydiff.cli.app import app
from policydiff.contract.model import Metric, Qualifier, Target, Value
from policydiff.render.layout import cell_width, wrap_items
from policydiff.render.options import Lang, target_value_text

CASES = Path(__file__).parent / "cases"
RAISED = CASES / "raised-lowered"


def run(*args: str, cwd: Path = RAISED) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def compare(*args: str) -> str:
    code, out, err = run("compare", "from.yaml", "to.yaml", "--no-color", "--width", "120", *args)
    assert code == 0, err
    return out


def test_summary_comes_first_then_the_moved_pairs() -> None:
    lines = compare().splitlines()
    assert lines[0] == "测试市 2030 → 2031"
    assert lines[1].startswith("2030 → 2031: 1 raised, 4 lowered")
    headings = [line for line in lines if re.match(r"^[A-Z][a-z ]+ \(\d+\)", line)]
    assert [h.split(" (")[0] for h in headings] == ["Changed values", "New"]
    first_row = next(line for line in lines if line.startswith("│"))
    assert "lowered" in first_row or "raised" in first_row


def test_pairs_are_ordered_by_how_much_they_moved_within_a_sector(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_year(2030, [("a", "甲产业产值", 100), ("b", "乙产业产值", 100),
                                                  ("c", "丙产业产值", 100)]), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(_year(2031, [("a", "甲产业产值", 110), ("b", "乙产业产值", 50),
                                                  ("c", "丙产业产值", 130)]), encoding="utf-8")
    code, out, err = run("compare", "a.yaml", "b.yaml", "--no-color", "--width", "120", "--lang", "zh", cwd=tmp_path)
    assert code == 0, err
    order = [name for line in out.splitlines() for name in ("乙", "丙", "甲") if f"│ {name}" in line or f" {name}产业" in line]
    assert order == ["乙", "丙", "甲"]  # −50%, +30%, +10%


def _year(year: int, targets: list[tuple[str, str, float]]) -> str:
    rows = "\n".join(f"  - {{id: {ident}, name: {name}, sector: industry, value: {value}, unit: 亿元}}"
                     for ident, name, value in targets)
    return (f"schema_version: 1\nregion: 测试市\nyear: {year}\nsources:\n"
            f"  - {{id: wr, title: {year}年政府工作报告, kind: work_report}}\ntargets:\n{rows}\n")


@pytest.mark.parametrize(("show", "present", "absent"), [
    pytest.param("new", ["New (2)"], ["Changed values", "2030 → 2031:"], id="only-new"),
    pytest.param("summary,changed", ["2030 → 2031:", "Changed values (5)"], ["New (2)"], id="summary-and-changed"),
    pytest.param("unchanged", ["Unchanged (1)"], ["Changed values"], id="unchanged-on-request"),
])
def test_show_chooses_the_sections(show: str, present: list[str], absent: list[str]) -> None:
    out = compare("--show", show)
    for text in present:
        assert text in out
    for text in absent:
        assert text not in out


def test_limit_keeps_the_largest_moves_and_says_how_many_were_left_out() -> None:
    out = compare("--limit", "2", "--show", "changed")
    assert "稀土产业产值" not in out  # +30% is the third largest move (−50%, −40%, +30%)
    assert "全社会研发投入" in out and "晶硅光伏产业产值" in out
    assert "… and 3 more" in out


def test_markdown_has_the_same_order_and_cites_sources() -> None:
    out = compare("--format", "markdown")
    assert out.index("**Summary:**") < out.index("## Changed values") < out.index("## New")
    assert "[^" not in out  # no footnote extension syntax: plain CommonMark
    assert "## Sources\n\n1. 2030年政府工作报告 (2030; work report)\n2. 2030年一号文件 (2030; party plan)" in out
    cited = compare_case(CASES / "not-covered", "--format", "markdown")
    match = re.search(r"自治区重点实验室 \+5 家 \\\[(\d+)\\\]", cited)
    assert match and f"\n{match.group(1)}. 2030年一号文件 (2030; party plan)" in cited


def compare_case(case: Path, *args: str) -> str:
    code, out, err = run("compare", "from.yaml", "to.yaml", *args, cwd=case)
    assert code == 0, err
    return out


@pytest.mark.parametrize(("metric", "value", "qualifier", "lang", "expected"), [
    pytest.param(Metric.INCREMENT, Value.of(10), Qualifier.EXACT, Lang.BOTH, "+10 家", id="increment"),
    pytest.param(Metric.INCREMENT, Value.of(10), Qualifier.AT_LEAST, Lang.BOTH, "≥+10 家", id="increment-at-least"),
    pytest.param(Metric.GROWTH, Value.of(-3), Qualifier.EXACT, Lang.BOTH, "−3%", id="decline"),
    pytest.param(Metric.GROWTH, Value.of(-3), Qualifier.ABOUT, Lang.ZH, "下降≈3%", id="decline-zh"),
    pytest.param(Metric.GROWTH, Value.of(8), Qualifier.ABOUT, Lang.BOTH, "≈8% growth", id="growth"),
    pytest.param(Metric.LEVEL, Value.of(1200), Qualifier.AT_LEAST, Lang.EN, "≥1200 100m yuan", id="english-unit"),
])
def test_value_labels_cannot_be_misread(metric: Metric, value: Value, qualifier: Qualifier, lang: Lang,
                                        expected: str) -> None:
    unit = {Metric.INCREMENT: "家", Metric.GROWTH: "%", Metric.LEVEL: "亿元"}[metric]
    target = Target("t", "指标", value, unit, metric=metric, qualifier=qualifier)
    text = target_value_text(target, lang)
    assert text == expected
    assert " new" not in text and not re.search(r"\d% growth", text) or value.low > 0


def test_status_column_has_a_header_and_lang_en_translates_title_and_units() -> None:
    out = compare("--lang", "en")
    assert "┃ status" in out
    assert out.startswith("Testville 2030 → 2031")
    assert "100m yuan" in out and "亿元" not in out
    assert "力争" not in out


@pytest.mark.parametrize(("args", "hint"), [
    pytest.param(["--sector", "rare-earth"], "did you mean rare-earths?", id="sector"),
    pytest.param(["--status", "lowerd"], "did you mean lowered?", id="status"),
    pytest.param(["--show", "dropd"], "did you mean dropped?", id="show"),
])
def test_unknown_filter_values_are_usage_errors(args: list[str], hint: str) -> None:
    code, out, err = run("compare", "from.yaml", "to.yaml", "--exit-code", *args)
    assert code == 2
    assert hint in err and "use one or more of:" in err
    assert out == ""


def test_min_score_nan_is_rejected() -> None:
    code, _, _ = run("compare", "from.yaml", "to.yaml", "--min-score", "nan")
    assert code == 2


@given(st.lists(st.text(alphabet="ab 稀土产值≥+", min_size=1, max_size=30), max_size=12),
       st.integers(min_value=4, max_value=60))
def test_wrapped_lines_never_exceed_the_width(items: list[str], width: int) -> None:
    lines = wrap_items(items, width)
    assert all(cell_width(line) <= width for line in lines)
    assert "".join(lines).replace(" · ", "").replace(" ", "") == "".join(items).replace(" ", "")


def test_pager_runs_only_for_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from policydiff.cli import pager

    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not pager.wants_pager("x\n" * 500, None)
    assert not pager.wants_pager("x\n" * 500, True)
    captured = tmp_path / "paged.txt"
    monkeypatch.setenv("POLICYDIFF_PAGER", f"sh -c 'cat > {captured}'")
    monkeypatch.delenv("LESS", raising=False)
    assert pager.page("稀土\n")
    assert captured.read_text(encoding="utf-8") == "稀土\n"
    monkeypatch.setenv("POLICYDIFF_PAGER", "cat")
    assert not pager.page("x")


AMBITION = CASES / "ambition"


@pytest.mark.parametrize(("target_id", "status", "ambition"), [
    pytest.param("gdp", "softened", "less", id="floor-to-about"),
    pytest.param("re-output", "softened", "less", id="strive-removed"),
    pytest.param("retail", "firmed", "more", id="about-to-floor"),
    pytest.param("energy", "lowered", "more", id="decline-tightened"),
    pytest.param("pv", "unchanged", "same", id="firmer-and-softer-at-once"),
])
def test_ambition_and_wording(target_id: str, status: str, ambition: str) -> None:
    import json

    code, out, _ = run("compare", "from.yaml", "to.yaml", "--format", "json", cwd=AMBITION)
    change = next(c for c in json.loads(out)["changes"] if c["from"]["id"] == target_id)
    assert (change["status"], change["ambition"]) == (status, ambition)


@pytest.mark.parametrize(("args", "code"), [
    pytest.param(["--fail-on", "dropped"], 0, id="nothing-dropped"),
    pytest.param(["--fail-on", "lowered,dropped"], 1, id="one-lowered"),
    pytest.param(["--fail-on", "softened"], 1, id="softened"),
    pytest.param(["--fail-on", "softened", "--sector", "environment"], 0, id="after-filters"),
    pytest.param(["--exit-code"], 1, id="exit-code-any"),
    pytest.param(["--fail-on", "lowerd"], 2, id="unknown-status"),
])
def test_fail_on_scopes_the_exit_code(args: list[str], code: int) -> None:
    assert run("compare", "from.yaml", "to.yaml", *args, cwd=AMBITION)[0] == code


ANSI = "\x1b["


@pytest.mark.parametrize(("args", "env", "coloured"), [
    pytest.param(["--color"], {}, True, id="flag-forces-colour-into-a-pipe"),
    pytest.param(["--color"], {"NO_COLOR": "1", "TERM": "dumb"}, True, id="flag-beats-environment"),
    pytest.param([], {"FORCE_COLOR": "1"}, True, id="force-color"),
    pytest.param([], {"FORCE_COLOR": "0"}, False, id="force-color-zero"),
    pytest.param([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, id="no-color-wins"),
    pytest.param([], {"NO_COLOR": ""}, False, id="empty-no-color-is-unset-pipe-stays-plain"),
    pytest.param(["--no-color"], {"FORCE_COLOR": "1"}, False, id="no-color-flag"),
])
def test_colour_conventions(monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str], coloured: bool) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, _ = run("compare", "from.yaml", "to.yaml", "--width", "120", *args)
    assert code == 0
    assert (ANSI in out) is coloured


@pytest.mark.parametrize(("env", "to_terminal", "expected"), [
    pytest.param({"TERM": "dumb"}, True, False, id="dumb-terminal"),
    pytest.param({"TERM": "xterm"}, True, True, id="terminal"),
    pytest.param({"TERM": "xterm", "NO_COLOR": "x"}, True, False, id="no-color"),
])
def test_colour_wanted_on_a_terminal(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], to_terminal: bool,
                                     expected: bool) -> None:
    from policydiff.cli.options import colour_wanted

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert colour_wanted(to_terminal) is expected


def test_quiet_silences_notes_but_not_errors(tmp_path: Path) -> None:
    code, _, err = run("compare", "from.yaml", "to.yaml", "-o", str(tmp_path / "r.md"), "--quiet")
    assert code == 0 and err == "" and (tmp_path / "r.md").is_file()
    code, _, err = run("compare", "from.yaml", "to.yaml", "-o", str(tmp_path / "r.md"))
    assert "wrote" in err
    code, _, err = run("compare", "from.yaml", "missing.yaml", "--quiet")
    assert code == 2 and "missing.yaml" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("work", "shown"), [
    pytest.param(0.3, True, id="slow"),
    pytest.param(0.0, False, id="fast"),
])
def test_progress_line_only_for_slow_work(work: float, shown: bool) -> None:
    import time

    from policydiff.cli.progress import Progress

    stream = _Terminal()
    with Progress("comparing 2024 → 2025", stream=stream, delay=0.1):
        time.sleep(work)
    assert ("comparing 2024 → 2025" in stream.getvalue()) is shown
    assert stream.getvalue().endswith("\r\x1b[K") is shown
    quiet = _Terminal()
    with Progress("x", stream=quiet, delay=0.0, enabled=False):
        time.sleep(0.05)
    assert quiet.getvalue() == ""


def test_a_repeated_compare_hits_the_cache_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Regression: the key held repr(frozenset of sections), whose order follows string
    hashing: every run missed the cache."""
    import subprocess

    env = {**os.environ, "POLICYDIFF_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(Path(__file__).parents[1])}
    env.pop("POLICYDIFF_NO_CACHE", None)
    outputs = []
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-m", "policydiff", "compare", "from.yaml", "to.yaml", "--width", "100"],
                              cwd=RAISED, env={**env, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True)
        outputs.append(done.stdout)
    assert len(set(outputs)) == 1
    assert len(list((tmp_path / "cache").glob("report-*.json"))) == 1
