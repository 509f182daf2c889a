"""Curator decisions about pairs across years: `links.yaml` in the data directory.

    pin:
      - from: 2024/rd-spending-growth
        to: 2025/rd-growth
        note: same indicator, renamed
    forbid:
      - from: 2024/rare-earth-output
        to: 2025/rare-earth-new-materials-output
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from policydiff.load.files import read_text

if TYPE_CHECKING:
    import yaml
from policydiff.contract.errors import DataError, Problem, Severity
from policydiff.contract.spec import SLUG

LINKS_FILE = "links.yaml"
_REF = re.compile(rf"^(\d{{4}})/({SLUG})$")


@dataclass(frozen=True)
class TargetRef:
    year: int
    id: str

    def __str__(self) -> str:
        return f"{self.year}/{self.id}"


@dataclass(frozen=True)
class Link:
    first: TargetRef
    second: TargetRef
    note: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Links:
    pins: tuple[Link, ...] = ()
    forbids: tuple[Link, ...] = ()

    @cached_property
    def _pinned_to(self) -> dict[TargetRef, list[Link]]:
        index: dict[TargetRef, list[Link]] = {}
        for link in self.pins:
            index.setdefault(link.first, []).append(link)
            index.setdefault(link.second, []).append(link)
        return index

    @cached_property
    def _forbidden_pairs(self) -> dict[frozenset[TargetRef], Link]:
        return {frozenset((link.first, link.second)): link for link in self.forbids}

    def pins_of(self, ref: TargetRef) -> list[tuple[TargetRef, Link]]:
        """The targets `ref` is pinned to, with the pin."""
        return [(link.second if link.first == ref else link.first, link) for link in self._pinned_to.get(ref, [])]

    def forbidden(self, a: TargetRef, b: TargetRef) -> Link | None:
        return self._forbidden_pairs.get(frozenset((a, b)))


NO_LINKS = Links()


def _problem(file: str, node: yaml.Node | None, message: str) -> Problem:
    line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (0, 0)
    return Problem(Severity.ERROR, message, file, line, column,
                   hint="entries look like `- from: 2024/some-id` / `  to: 2025/other-id`")


def _scalar(mapping: yaml.MappingNode, key: str) -> tuple[str | None, yaml.Node | None]:
    import yaml

    for key_node, value_node in mapping.value:
        if key_node.value == key:
            return (value_node.value if isinstance(value_node, yaml.ScalarNode) else None), value_node
    return None, None


def _link(node: yaml.Node, file: str, problems: list[Problem]) -> Link | None:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        problems.append(_problem(file, node, "each link must be a mapping with `from` and `to`"))
        return None
    unknown = [k.value for k, _ in node.value if k.value not in ("from", "to", "note")]
    if unknown:
        problems.append(_problem(file, node, f"unknown field `{unknown[0]}` in a link (fields: from, to, note)"))
    refs = []
    for key in ("from", "to"):
        text, value_node = _scalar(node, key)
        match = _REF.match(str(text or ""))
        if match is None:
            problems.append(_problem(file, value_node or node, f"`{key}` must be YEAR/target-id, found `{text}`"))
            return None
        refs.append(TargetRef(int(match.group(1)), match.group(2)))
    note, _ = _scalar(node, "note")
    return Link(refs[0], refs[1], note or "", node.start_mark.line + 1)


def load_links(directory: Path | None) -> Links:
    """The links of a data directory (none when it has no links.yaml); DataError when malformed."""
    if directory is None or not (directory / LINKS_FILE).is_file():
        return NO_LINKS
    import yaml

    from policydiff.load import yamlnodes

    path = directory / LINKS_FILE
    root, problems = yamlnodes.compose(read_text(path), str(path))
    if root is None:
        if problems:
            raise DataError(tuple(problems))
        return NO_LINKS
    if not isinstance(root, yaml.MappingNode):
        raise DataError((_problem(str(path), root, "links.yaml must be a mapping with `pin` and/or `forbid`"),))
    found: dict[str, list[Link]] = {"pin": [], "forbid": []}
    for key_node, value_node in root.value:
        if key_node.value not in found:
            problems.append(_problem(str(path), key_node, f"unknown section `{key_node.value}` (use pin or forbid)"))
        elif not isinstance(value_node, yaml.SequenceNode):
            if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null")):
                problems.append(_problem(str(path), value_node, f"`{key_node.value}` must be a list of links"))
        else:
            for item in value_node.value:
                link = _link(item, str(path), problems)
                if link is not None:
                    found[key_node.value].append(link)
    if problems:
        raise DataError(tuple(problems))
    return Links(tuple(found["pin"]), tuple(found["forbid"]))
