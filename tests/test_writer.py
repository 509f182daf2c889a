"""The data-file writer: what it writes loads back to the same TargetSet, in the bundled style."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.contract.model import Direction, Evidence, Metric, Qualifier, Source, SourceKind, Target, TargetSet, Value
from policydiff.contract.sectors import SECTORS
from policydiff.contract.units import UNITS
from policydiff.contract.writer import number, scalar, write_target_set
from policydiff.load.loader import check_text, load_file

DATA = Path(__file__).resolve().parent.parent / "data"


def load_back(text: str) -> TargetSet:
    result = check_text(text, Path("draft.yaml"))
    errors = [str(p) for p in result.problems if p.is_error]
    assert not errors, "\n".join(errors) + "\n---\n" + text
    assert result.target_set is not None
    return result.target_set


# -- strategies --------------------------------------------------------------------------------

texts = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=30).filter(
    lambda t: t == t.strip() and bool(t))
chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF) | st.sampled_from("0123456789.%,:#'\"、，（）-"),
                  min_size=1, max_size=30).filter(lambda t: t == t.strip() and bool(t))
slugs = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z")
# within the contract's bounds: |value| <= 10^15, at most 15 significant digits
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12).map(lambda x: float(f"{x:.12g}"))
numbers = st.one_of(st.integers(min_value=-10**12, max_value=10**12), finite)


@st.composite
def values(draw: st.DrawFn) -> Value:
    low, high = sorted((draw(numbers), draw(numbers)))
    return Value(low, high) if draw(st.booleans()) else Value.of(low)


dates = st.dates().filter(lambda d: d.year >= 1000).map(lambda d: d.isoformat())


@st.composite
def sources(draw: st.DrawFn, ident: str) -> Source:
    return Source(id=ident, title=draw(texts | chinese), kind=draw(st.sampled_from(SourceKind)),
                  title_en=draw(st.none() | texts), date=draw(st.none() | dates),
                  doc_number=draw(st.none() | chinese), url=draw(st.none() | texts), file=draw(st.none() | texts))


@st.composite
def items(draw: st.DrawFn, ident: str, source_ids: list[str], actual: bool) -> Target:
    evidence: tuple[Evidence, ...] = ()
    if source_ids:
        evidence = tuple(Evidence(draw(st.sampled_from(source_ids)), draw(chinese | texts), draw(st.none() | values()))
                         for _ in range(draw(st.integers(0, 2))))
    return Target(id=ident, name=draw(chinese | texts), value=draw(values()), unit=draw(st.sampled_from(sorted(UNITS))),
                  name_en=draw(st.none() | texts), sector=draw(st.none() | st.sampled_from(sorted(SECTORS))),
                  metric=draw(st.sampled_from(Metric)), qualifier=draw(st.sampled_from(Qualifier)),
                  strive=draw(st.booleans()), direction=draw(st.sampled_from(Direction)), evidence=evidence,
                  note=draw(st.none() | texts), year=draw(st.integers(1900, 2100)) if actual else None)


@st.composite
def target_sets(draw: st.DrawFn) -> TargetSet:
    source_ids = draw(st.lists(slugs, max_size=3, unique=True))
    target_ids = draw(st.lists(slugs, max_size=4, unique=True))
    actual_ids = draw(st.lists(slugs, max_size=3, unique=True))
    return TargetSet(region=draw(chinese | texts), region_en=draw(st.none() | texts), year=draw(st.integers(1900, 2100)),
                     sources=tuple(draw(sources(i)) for i in source_ids),
                     targets=tuple(draw(items(i, source_ids, False)) for i in target_ids),
                     actuals=tuple(draw(items(i, source_ids, True)) for i in actual_ids))


# -- properties ------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(target_sets())
def test_round_trip(target_set: TargetSet) -> None:
    assert load_back(write_target_set(target_set)) == target_set


@settings(max_examples=60, deadline=None)
@given(target_sets(), st.lists(texts, min_size=1, max_size=2))
def test_review_comments_do_not_change_the_data(target_set: TargetSet, notes: list[str]) -> None:
    comments = {t.id: notes for t in target_set.targets} | {f"actuals/{a.id}": notes for a in target_set.actuals}
    text = write_target_set(target_set, comments, header=notes, footer=notes)
    assert load_back(text) == target_set
    review_lines = [line for line in text.splitlines() if line.startswith("# review: ")]
    assert len(review_lines) == len(notes) * (len(target_set.targets) + len(target_set.actuals))


@given(finite)
def test_number_reads_back(value: float) -> None:
    import yaml

    assert yaml.safe_load(number(value)) == value


@pytest.mark.parametrize(("value", "expected"), [
    pytest.param("%", "'%'", id="percent-quoted"),
    pytest.param("2025", "'2025'", id="digits-quoted"),
    pytest.param("yes", "'yes'", id="boolean-word-quoted"),
    pytest.param("主攻650个重大项目,继续", "'主攻650个重大项目,继续'", id="flow-comma-quoted"),
    pytest.param("新增专技人才1.3万人", "新增专技人才1.3万人", id="plain"),
    pytest.param("a\nb", '"a\\nb"', id="line-break-escaped"),
])
def test_scalar(value: str, expected: str) -> None:
    assert scalar(value) == expected


@pytest.mark.parametrize("name", ["targets_2024.yaml", "targets_2025.yaml", "targets_2026.yaml"])
def test_bundled_files_round_trip(name: str) -> None:
    original = load_file(DATA / name)
    assert load_back(write_target_set(original)) == original


def test_a_file_without_version_2_fields_is_written_as_version_1() -> None:
    original = load_file(DATA / "targets_2024.yaml")
    assert write_target_set(original).splitlines()[1] == "schema_version: 1"


def test_layout_follows_the_bundled_style() -> None:
    original = load_file(DATA / "targets_2025.yaml")
    text = write_target_set(original, {original.targets[0].id: ["check the qualifier"]})
    lines = text.splitlines()
    assert lines[1] == "schema_version: 2"  # the file marks estimates, a version 2 field
    assert any(line.startswith("- {id: work-report-2025, title: ") for line in lines)
    index = lines.index(f"- id: {original.targets[0].id}")
    assert lines[index - 1] == "# review: check the qualifier"
    assert "  - {source: work-report-2025, quote: 推动经济总量达到5000亿元左右}" in lines
    assert "  unit: '%'" in lines
