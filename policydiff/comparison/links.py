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

import os
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
from policydiff.load.datadir import LINKS_FILE as LINKS_FILE  # the name is the data layout's

_REF = re.compile(rf"^(\d{{4}})/({SLUG})$")


@dataclass(frozen=True)
class TargetRef:
    year: int
    id: str

    def __str__(self) -> str:
        return f"{self.year}/{self.id}"


@dataclass(frozen=True)
class Link:
    before: TargetRef  # the `from:` side
    after: TargetRef  # the `to:` side
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
            index.setdefault(link.before, []).append(link)
            index.setdefault(link.after, []).append(link)
        return index

    @cached_property
    def _forbidden_pairs(self) -> dict[frozenset[TargetRef], Link]:
        return {frozenset((link.before, link.after)): link for link in self.forbids}

    def pins_of(self, ref: TargetRef) -> list[tuple[TargetRef, Link]]:
        """The targets `ref` is pinned to, with the pin."""
        return [(link.after if link.before == ref else link.before, link) for link in self._pinned_to.get(ref, [])]

    def forbidden(self, a: TargetRef, b: TargetRef) -> Link | None:
        return self._forbidden_pairs.get(frozenset((a, b)))


NO_LINKS = Links()


def _problem(file: str, node: yaml.Node | None, message: str) -> Problem:
    line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (0, 0)
    return Problem(Severity.ERROR, message, file, line, column,
                   hint="entries look like `- from: 2024/some-id` / `  to: 2025/other-id`")


def _key(node: yaml.Node) -> str | None:
    """A mapping key's text; None for a complex key (`? [a]`), which links.yaml never has."""
    import yaml

    return node.value if isinstance(node, yaml.ScalarNode) else None


def _fields(mapping: yaml.MappingNode, file: str, problems: list[Problem]) -> dict[str, yaml.Node]:
    """A link's fields by name; unknown, complex and repeated keys reported."""
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in mapping.value:
        key = _key(key_node)
        if key is None:
            problems.append(_problem(file, key_node, "a link's field names are plain words (from, to, note)"))
        elif key not in ("from", "to", "note"):
            problems.append(_problem(file, key_node, f"unknown field `{key}` in a link (fields: from, to, note)"))
        elif key in fields:
            problems.append(_problem(file, key_node, f"duplicate field `{key}` in a link (YAML would keep the last)"))
        else:
            fields[key] = value_node
    return fields


def _text(node: yaml.Node | None) -> str | None:
    import yaml

    return node.value if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") else None


def _link(node: yaml.Node, file: str, problems: list[Problem]) -> Link | None:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        problems.append(_problem(file, node, "each link must be a mapping with `from` and `to`"))
        return None
    fields = _fields(node, file, problems)
    refs = []
    for key in ("from", "to"):
        value_node = fields.get(key)
        text = _text(value_node)
        match = _REF.match(text or "")
        if match is None:
            shown = text if text is not None else "(nothing)" if value_node is None else "(not text)"
            problems.append(_problem(file, value_node or node, f"`{key}` must be YEAR/target-id, found `{shown[:60]}`"))
            return None
        refs.append(TargetRef(int(match.group(1)), match.group(2)))
    note_node = fields.get("note")
    note = _text(note_node)
    if note_node is not None and note is None:
        problems.append(_problem(file, note_node, "`note` must be text"))
    return Link(refs[0], refs[1], note or "", node.start_mark.line + 1)


def _conflicts(file: str, pins: list[Link], forbids: list[Link]) -> list[Problem]:
    """Curator decisions that contradict each other: a pair both pinned and forbidden, and two pins
    sharing a target (a target has one partner; the aligner would silently keep one)."""
    problems: list[Problem] = []
    forbidden = {frozenset((link.before, link.after)): link for link in forbids}
    seen: dict[TargetRef, Link] = {}
    for link in pins:
        clash = forbidden.get(frozenset((link.before, link.after)))
        if clash is not None:
            problems.append(Problem(Severity.ERROR, f"{link.before} → {link.after} is both pinned (line {link.line}) "
                                    f"and forbidden (line {clash.line})", file, link.line, 1,
                                    hint="keep the one decision that is right and remove the other"))
        for ref in (link.before, link.after):
            if ref in seen:
                problems.append(Problem(Severity.ERROR, f"{ref} is pinned twice (lines {seen[ref].line} and {link.line})",
                                        file, link.line, 1, hint="a target pairs with one target: keep one pin"))
            else:
                seen[ref] = link
    return problems


def load_links(directory: Path | None) -> Links:
    """The links of a data directory (none when it has no links.yaml); DataError when malformed,
    UnreadableFileError when it is not a readable regular file (a pipe, a device, a link out)."""
    if directory is None or not os.path.lexists(directory / LINKS_FILE):
        return NO_LINKS
    import yaml

    from policydiff.load import yamlnodes

    path = directory / LINKS_FILE
    text = read_text(path)
    root, problems = yamlnodes.compose(text, str(path))
    if root is None:
        if problems:
            raise DataError(tuple(problems))
        return NO_LINKS
    if yamlnodes.count_nodes(root, yamlnodes.node_budget(text)) is None:
        raise DataError((_problem(str(path), root, "the YAML expands through aliases past its size (alias bomb?)"),))
    if not isinstance(root, yaml.MappingNode):
        raise DataError((_problem(str(path), root, "links.yaml must be a mapping with `pin` and/or `forbid`"),))
    found: dict[str, list[Link]] = {"pin": [], "forbid": []}
    sections: set[str] = set()
    for key_node, value_node in root.value:
        key = _key(key_node)
        if key is None or key not in found:
            shown = key[:60] if key is not None else "(a complex key)"
            problems.append(_problem(str(path), key_node, f"unknown section `{shown}` (use pin or forbid)"))
        elif key in sections:
            problems.append(_problem(str(path), key_node, f"`{key}:` appears twice; YAML would keep only the "
                                     "last list: merge them into one"))
        elif not isinstance(value_node, yaml.SequenceNode):
            sections.add(key)
            if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null")):
                problems.append(_problem(str(path), value_node, f"`{key}` must be a list of links"))
        else:
            sections.add(key)
            for item in value_node.value:
                link = _link(item, str(path), problems)
                if link is not None:
                    found[key].append(link)
    problems += _conflicts(str(path), found["pin"], found["forbid"])
    if problems:
        raise DataError(tuple(problems))
    return Links(tuple(found["pin"]), tuple(found["forbid"]))
