"""Safe, bounded YAML reading that keeps every value's line and column.

Only the YAML node graph is built (never Python objects), so `!!python/...` tags are
never executed; aliases are followed with a budget so an alias bomb fails fast.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem, Severity, UnreadableFileError

MAX_FILE_BYTES = 5_000_000
MAX_NODES = 200_000

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path) -> str:
    """The file's text; UnreadableFileError with what to do when that is impossible."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableFileError(f"{path}: no such file (check the path, or pass a year such as 2025)") from None
    except OSError as error:
        raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
    if path.is_dir():
        raise UnreadableFileError(f"{path}: is a directory, expected a targets_YYYY.yaml file")
    if size > MAX_FILE_BYTES:
        raise UnreadableFileError(
            f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit for a data file; split it by year"
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
    if b"\x00" in raw:
        raise UnreadableFileError(f"{path}: binary file (contains NUL bytes), expected YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{path}: not UTF-8 text (byte {error.start}); save the file as UTF-8"
        ) from None


def compose(text: str, file: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The document's root node, or the problem that prevents reading it."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        return None, [Problem(Severity.ERROR, f"YAML syntax error: {message}", file, line, column,
                              hint="fix the YAML syntax at this position")]
    except yaml.YAMLError as error:
        return None, [Problem(Severity.ERROR, f"cannot read YAML: {error}", file,
                              hint="save the file as plain UTF-8 YAML")]
    return root, []


def count_nodes(root: yaml.Node) -> int | None:
    """Number of nodes with aliases expanded, or None once past MAX_NODES."""
    total = 0
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        total += 1
        if total > MAX_NODES:
            return None
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return total
