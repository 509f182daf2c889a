"""Data-derived text made safe for where it goes, written once for every renderer.

Data files arrive in pull requests: a name may hold terminal control sequences, rich markup,
Markdown or HTML, or a spreadsheet formula. Nothing from a file is printed without passing
through one of these functions.
"""

from __future__ import annotations

import re
from typing import Any

from policydiff.contract.characters import HIDDEN as _CONTROL
from policydiff.contract.characters import HIDDEN_OR_NEWLINE as _CONTROL_OR_NEWLINE


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, newlines: bool = True) -> str:
    """`text` with every control character shown as an escape (ESC → \\x1b); tab kept, and
    newline kept when `newlines`."""
    return (_CONTROL if newlines else _CONTROL_OR_NEWLINE).sub(_escape, text)


def one_line(text: str) -> str:
    """For a table cell or a message: controls and newlines made visible."""
    return visible(text, newlines=False)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#!|<>~&])")


def markdown(text: str) -> str:
    """Inline Markdown text: every character CommonMark or GitHub could read as markup is
    backslash-escaped, so no heading, link, table cell, HTML tag or entity can be forged
    (newlines are made visible first, so nothing starts a line)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def markdown_code(text: str) -> str:
    """A Markdown code span (nothing inside is markup): fenced by more backticks than the text
    holds in a row, so a backtick in a path cannot close it; newlines made visible."""
    shown = one_line(text)
    longest = max((len(run) for run in re.findall("`+", shown)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{padding}{shown}{padding}{fence}"


def html(text: str) -> str:
    import html as html_module

    return html_module.escape(one_line(text), quote=True)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "｜", "＝", "＋", "－", "＠")


def spreadsheet_cell(value: Any) -> Any:
    """A CSV or workbook cell: text that a spreadsheet would run as a formula gets a leading
    apostrophe (OWASP's advice); numbers stay numbers."""
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def console(width: int, colour: bool, file: Any = None) -> Any:
    """The one rich Console every table renderer uses: no markup, emoji or highlighting is read
    from data, and the width is what the caller asked for."""
    import io

    from rich.console import Console

    return Console(file=file if file is not None else io.StringIO(), width=width,
                   color_system="standard" if colour else None, force_terminal=colour, highlight=False,
                   emoji=False, markup=False, soft_wrap=False, legacy_windows=False)


def json_text(data: Any, indent: int | None = None) -> str:
    """Strict JSON (no NaN or Infinity, which strict parsers reject) with non-ASCII text kept
    readable, except the characters `visible` escapes: json leaves C1 controls and bidi
    overrides raw, so they become \\u escapes here (still the same JSON string)."""
    import json

    text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
