"""A plain-text box table laid out exactly as rich's `Table(expand=True)` with the HEAVY_HEAD
box, colour off: the same column widths, word wrapping and folding, byte for byte.

Why: rich builds a renderable, a style and segments per cell and took about 45 ms (and its
console import more) for the 26-row changed table of `compare 2024 2025`, a third of a first
run. This writes the same characters from plain strings in a few milliseconds. Only rich's
small helpers are used (cell widths, the word splitter, the ratio arithmetic), so a wide
character, a fold or a rounding is decided by the same code as before. Cells must already be
made safe (`render.text.one_line`); a cell holding a tab, or coloured output, is left to rich
(see `render.report._pair_table`), because rich expands tabs and styles padding its own way.
tests/test_boxtable.py checks this against rich itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_GAP = re.compile(r"\s+$")


@dataclass(frozen=True)
class Column:
    header: str
    ratio: int | None = None
    no_wrap: bool = False


def _measure(cells: list[str], limit: int) -> tuple[int, int]:
    """A column's (minimum, maximum) width, padding included, as rich's Measurement gives."""
    from rich.cells import cell_len

    inner_limit = limit - 2
    lowest, highest = [], []
    for cell in cells:
        if inner_limit < 1:
            lowest.append(limit)
            highest.append(limit)
            continue
        longest = cell_len(cell)
        words = cell.split()
        shortest = max(cell_len(word) for word in words) if words else longest
        shortest, longest = _normalise(shortest, longest, inner_limit)
        if longest < 1:
            shortest, longest = 0, 0
        shortest, longest = min(shortest + 2, limit), min(longest + 2, limit)
        lowest.append(shortest)
        highest.append(longest)
    return _normalise(max(lowest) if lowest else 1, max(highest) if highest else limit, limit)


def _normalise(shortest: int, longest: int, limit: int) -> tuple[int, int]:
    shortest = min(max(0, shortest), longest)
    shortest, longest = max(0, shortest), max(0, max(shortest, longest))
    return min(shortest, limit), min(longest, limit)


def _widths(columns: list[Column], rows: list[list[str]], max_width: int) -> list[int]:
    """rich.table.Table._calculate_column_widths for these columns (expand=True)."""
    from rich._ratio import ratio_distribute, ratio_reduce

    def measure(limit: int) -> list[tuple[int, int]]:
        return [_measure([column.header] + [row[i] for row in rows], limit) for i, column in enumerate(columns)]

    ranges = measure(max_width)
    widths = [high or 1 for _, high in ranges]
    ratios = [column.ratio or 0 for column in columns if column.ratio]
    if any(ratios):
        fixed = [0 if column.ratio else high for (_, high), column in zip(ranges, columns, strict=True)]
        flex_minimum = [1 + 2 for column in columns if column.ratio]
        flex_widths = iter(ratio_distribute(max_width - sum(fixed), ratios, flex_minimum))
        widths = [fixed[i] + next(flex_widths) if column.ratio else widths[i] for i, column in enumerate(columns)]
    table_width = sum(widths)
    if table_width > max_width:
        widths = _collapse(widths, [not column.no_wrap for column in columns], max_width)
        table_width = sum(widths)
        if table_width > max_width:
            widths = ratio_reduce(table_width - max_width, [1] * len(widths), widths, widths)
            table_width = sum(widths)
        widths = [_measure([column.header] + [row[i] for row in rows], width)[1] or 0
                  for i, (width, column) in enumerate(zip(widths, columns, strict=True))]
        table_width = sum(widths)
    if table_width < max_width:
        pads = ratio_distribute(max_width - table_width, widths)
        widths = [width + extra for width, extra in zip(widths, pads, strict=True)]
    return widths


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """rich.table.Table._collapse_widths: shrink the widest wrapping columns first."""
    from rich._ratio import ratio_reduce

    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(width for width, wraps in zip(widths, wrapable, strict=True) if wraps)
            second = max(width if wraps and width != widest else 0 for width, wraps in zip(widths, wrapable, strict=True))
            ratios = [1 if (width == widest and wraps) else 0 for width, wraps in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not widest - second:
                break
            widths = ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _lines(cell: str, width: int, no_wrap: bool) -> list[str]:
    """The cell's lines at `width` columns, each padded to it (rich's Text.wrap with fold)."""
    from rich._wrap import divide_line
    from rich.cells import cell_len, set_cell_size

    if width <= 0:
        return [""]
    if no_wrap:
        pieces = [cell]
    else:
        offsets = divide_line(cell, width, fold=True)
        bounds = [0, *offsets, len(cell)]
        pieces = [cell[start:end] for start, end in zip(bounds, bounds[1:], strict=False)]
    out = []
    for piece in pieces:
        if len(piece) > width:  # Text.rstrip_end: trailing spaces beyond the width go
            gap = _WORD_GAP.search(piece)
            if gap is not None:
                piece = piece[:len(piece) - min(len(gap.group()), len(piece) - width)]
        size = cell_len(piece)
        out.append(set_cell_size(piece, width) if size != width else piece)
    return out


def render(columns: list[Column], rows: list[list[str]], width: int) -> str | None:
    """The table as rich prints it to a `width`-column console without colour; None when
    unwrappable cells make it wider than the console (rich then crops it: left to rich)."""
    max_width = width - (len(columns) + 1)
    widths = _widths(columns, rows, max_width)
    if sum(widths) > max_width:
        return None
    out: list[str] = ["┏" + "┳".join("━" * w for w in widths) + "┓"]

    def row_lines(cells: list[str], left: str, middle: str, right: str, bottom: bool = False) -> None:
        rendered = []
        for cell, w, column in zip(cells, widths, columns, strict=True):
            inner = w - 2
            if inner < 1:  # rich's Padding gives up on the padding: the cell is blank
                rendered.append([" " * w])
                continue
            rendered.append([f" {line} " for line in _lines(cell, inner, column.no_wrap)])
        height = max(len(lines) for lines in rendered)
        if bottom:  # rich aligns header cells to the bottom of the header row
            rendered = [[" " * w] * (height - len(lines)) + lines for lines, w in zip(rendered, widths, strict=True)]
        for index in range(height):
            parts = [lines[index] if index < len(lines) else " " * w
                     for lines, w in zip(rendered, widths, strict=True)]
            out.append(left + middle.join(parts) + right)

    row_lines([column.header for column in columns], "┃", "┃", "┃", bottom=True)
    out.append("┡" + "╇".join("━" * w for w in widths) + "┩")
    for row in rows:
        row_lines(row, "│", "│", "│")
    out.append("└" + "┴".join("─" * w for w in widths) + "┘")
    return "".join(line + "\n" for line in out)
