"""The hand-written box table against rich itself: the same characters for any cells and width."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.render import boxtable, text

COLUMNS = [boxtable.Column("sector", None, True), boxtable.Column("status", None, True),
           boxtable.Column("indicator", 3), boxtable.Column("from → to", 2), boxtable.Column("change", 2),
           boxtable.Column("ambition", None, True), boxtable.Column("notes", 3)]
NARROW = [boxtable.Column("sector"), boxtable.Column("status"), boxtable.Column("indicator", 3),
          boxtable.Column("from → to", 2), boxtable.Column("change", 2), boxtable.Column("notes", 3)]


def by_rich(columns: list[boxtable.Column], rows: list[list[str]], width: int) -> str:
    from rich.table import Table
    from rich.text import Text

    console = text.console(width, False)
    table = Table(expand=True, show_lines=False)
    for column in columns:
        table.add_column(column.header, ratio=column.ratio, no_wrap=column.no_wrap, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)
    return console.file.getvalue()  # type: ignore[no-any-return]


WORDS = st.sampled_from(["稀土", "新材料产业产值", "1300 亿元", "→", "+12.5%", "(was 晶硅光伏)", "raised", "▲", "more",
                         "review pairing", "outcome 1.2 万吨: met", "a", "", " ", "ｗｉｄｅ", "é", "x" * 40,
                         "九原工业园区电化学储能产业高技能人才", "\\x1b[31m", "e\u0301", "🙂"])
CELL = st.lists(WORDS, max_size=6).map(" ".join) | st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.lists(CELL, min_size=7, max_size=7), min_size=1, max_size=5),
       width=st.sampled_from([40, 60, 72, 80, 99, 100, 120, 200]))
def test_the_box_table_is_rich_byte_for_byte(rows: list[list[str]], width: int) -> None:
    rows = [[text.one_line(cell).replace("\t", " ") for cell in row] for row in rows]
    drawn = boxtable.render(COLUMNS, rows, width)
    assert drawn is None or drawn == by_rich(COLUMNS, rows, width)
    narrow = [row[:5] + row[6:] for row in rows]
    assert boxtable.render(NARROW, narrow, width) == by_rich(NARROW, narrow, width)  # every column wraps


def test_a_table_wider_than_the_console_is_left_to_rich() -> None:
    assert boxtable.render(COLUMNS, [["x" * 40, "稀土 稀土 稀土 稀土", "", "", "", "", ""]], 40) is None


@pytest.mark.parametrize("width", [pytest.param(w, id=str(w)) for w in (40, 72, 100, 120, 200)])
def test_the_bundled_report_table_is_rich_byte_for_byte(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from policydiff import compare
    from policydiff.render import report
    from policydiff.render.options import RenderOptions

    found = compare(2024, 2025)
    options = RenderOptions(width=width)
    fast = report.render_table(found, options)
    monkeypatch.setattr(boxtable, "render", by_rich)
    assert fast == report.render_table(found, options)
