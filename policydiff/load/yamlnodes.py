"""Safe, bounded YAML reading that keeps every value's line and column.

Only the YAML node graph is built (never Python objects), so `!!python/...` tags are
never executed; aliases are followed with a budget so an alias bomb fails fast. The graph
is built here from the parser's events, without recursion: libyaml's own composer recurses
once per nesting level and a file of 100 000 `[` overflows the C stack (a crash, not an
exception), so nesting is capped at MAX_DEPTH instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from yaml.composer import ComposerError

from policydiff.contract.errors import Problem, Severity

# Without aliases a document has fewer nodes than characters, so expansion past
# max(MAX_NODES, characters) can only come from aliases: an alias bomb.
MAX_NODES = 200_000
MAX_DEPTH = 100  # data files nest 5 levels deep

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER: Any = yaml.resolver.Resolver()  # PyYAML's stubs leave resolve() untyped


@lru_cache(maxsize=8192)
def _resolve(kind: type, value: str | None, implicit: Any) -> str:
    return str(_RESOLVER.resolve(kind, value, implicit))


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, with YAML's implicit tag resolution memoised: a data file repeats the
    same keys and short values thousands of times, and the resolver's regular expressions run
    in Python for every scalar even under the C parser. Safe: no path resolvers are defined."""

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        if isinstance(value, str) and len(value) > 200:
            return str(_RESOLVER.resolve(kind, value, implicit))
        return _resolve(kind, value, tuple(implicit) if isinstance(implicit, list) else implicit)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


# PyYAML 6.0.4 bundles a libyaml that stops at 1000 nesting levels, so its C composer can no
# longer overflow the stack: it builds the node graph about three times faster than the event
# loop below, which remains for older releases and for PyYAML without libyaml.
_C_COMPOSER = hasattr(yaml, "CSafeLoader") and _version(yaml.__version__) >= (6, 0, 4)


def compose(text: str, file: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The document's root node, or the problem that prevents reading it."""
    document = read(text, file)
    return document.root, document.problems


@dataclass(frozen=True)
class Document:
    """A composed document and what one walk over its nodes found."""

    root: yaml.Node | None
    problems: list[Problem]
    over_budget: bool = False  # expands past node_budget(text) through aliases
    odd_tags: tuple[yaml.Node, ...] = ()  # nodes whose tag is outside `allowed`, in walk order


_MAYBE_ANCHOR = re.compile(r"(?<!\w)&")


def read(text: str, file: str, allowed: frozenset[str] | None = None) -> Document:
    """The document's root node, or the problem that prevents reading it; with `allowed`, also
    whether it stays within the node budget and which nodes carry another tag. Depth, budget
    and tags are checked in ONE walk over the nodes (three walks cost a third of loading)."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node() if _C_COMPOSER else _single_node(loader)
        finally:
            loader.dispose()
        if root is None:
            return Document(None, [])
        # Without an anchor there is no alias: the graph is a tree, each node is reached once,
        # and no set of seen nodes is needed. An anchor's `&` never follows a letter or digit
        # (it opens a node: after a space, `[`, `{`, `,` or `:`), so `R&D` is not one.
        shared = _MAYBE_ANCHOR.search(text) is not None
        odd, count = _walk(root, allowed, shared)
        if shared:
            if allowed is None:
                return Document(root, [])
            over = count_nodes(root, node_budget(text)) is None
        else:
            over = count > node_budget(text)
        return Document(root, [], over, tuple(odd))
    except _TooDeep as error:
        return Document(None, [_too_deep(file, error.mark)])
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "nesting depth" in str(error.problem):  # libyaml ≥ 0.2.6 has its own limit (1000)
            return Document(None, [_too_deep(file, mark)])
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        return Document(None, [Problem(Severity.ERROR, f"YAML syntax error: {message}", file, line, column,
                                       hint="fix the YAML syntax at this position")])
    except yaml.YAMLError as error:
        return Document(None, [_unreadable(text, file, error)])


def _too_deep(file: str, mark: Any) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(Severity.ERROR, f"the YAML nests more than {MAX_DEPTH} levels deep", file, line, column,
                   hint="data files nest a few levels; remove the extra brackets or dashes")


# Characters YAML 1.1 allows in a stream; libyaml rejects the rest without a line number.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _unreadable(text: str, file: str, error: yaml.YAMLError) -> Problem:
    """A reader error, pinned to the first character YAML does not allow when there is one."""
    bad = _NOT_YAML.search(text)
    if bad is None:
        return Problem(Severity.ERROR, f"cannot read YAML: {error}", file, hint="save the file as plain UTF-8 YAML")
    line = text.count("\n", 0, bad.start()) + 1
    column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
    return Problem(Severity.ERROR, f"character U+{ord(bad.group()):04X} is not allowed in YAML", file, line, column,
                   hint="delete it; control characters often come from text copied out of a PDF")


def _walk(root: yaml.Node, allowed: frozenset[str] | None, shared: bool) -> tuple[list[yaml.Node], int]:
    """The nodes whose tag is outside `allowed` and the number of distinct nodes; _TooDeep at
    the first collection nested deeper than MAX_DEPTH. Iterative (no recursion), depth first
    with the last child first. With `shared`, a node reached again through an alias is walked
    once: its depth was checked where it first stands."""
    odd: list[yaml.Node] = []
    count = 0
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    pop, push, scalar, sequence = stack.pop, stack.extend, yaml.ScalarNode, yaml.SequenceNode
    while stack:
        node, depth = pop()
        if shared:
            if id(node) in seen:
                continue
            seen.add(id(node))
        count += 1
        if allowed is not None and node.tag not in allowed:
            odd.append(node)
        if isinstance(node, scalar):
            continue
        if depth > MAX_DEPTH:
            raise _TooDeep(node.start_mark)
        depth += 1
        if isinstance(node, sequence):
            push([(child, depth) for child in node.value])
        else:
            push([(item, depth) for pair in node.value for item in pair])
    return odd, count


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__("nested too deeply")
        self.mark = mark


def _single_node(loader: Any) -> yaml.Node | None:
    """The stream's only document as a node graph, like yaml's get_single_node."""
    loader.get_event()  # StreamStartEvent
    root: yaml.Node | None = None
    if not loader.check_event(yaml.StreamEndEvent):
        loader.get_event()  # DocumentStartEvent
        root = _document(loader)
        loader.get_event()  # DocumentEndEvent
    if not loader.check_event(yaml.StreamEndEvent):
        second: Any = loader.get_event().start_mark
        raise ComposerError("expected a single document in the stream", root.start_mark if root else None,
                            "but found another document", second)
    loader.get_event()  # StreamEndEvent
    return root


def _document(loader: Any) -> yaml.Node | None:
    """One document's nodes, built from parser events with an explicit stack of open collections."""
    anchors: dict[str, yaml.Node] = {}
    open_nodes: list[yaml.CollectionNode] = []
    keys: list[yaml.Node | None] = []  # per open collection: a mapping key still waiting for its value
    root: yaml.Node | None = None
    while not loader.check_event(yaml.DocumentEndEvent):
        event = loader.get_event()
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            open_nodes.pop().end_mark = event.end_mark
            keys.pop()
            continue
        node = _node(loader, event, anchors)
        if not open_nodes:
            root = node
        elif isinstance(open_nodes[-1], yaml.SequenceNode):
            open_nodes[-1].value.append(node)
        elif keys[-1] is None:
            keys[-1] = node
        else:
            open_nodes[-1].value.append((keys[-1], node))
            keys[-1] = None
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(open_nodes) >= MAX_DEPTH:
                raise _TooDeep(event.start_mark)
            open_nodes.append(node)  # type: ignore[arg-type]
            keys.append(None)
    return root


def _node(loader: Any, event: Any, anchors: dict[str, yaml.Node]) -> yaml.Node:
    """The node an event starts (or, for an alias, the anchored node it names)."""
    start: Any = event.start_mark
    if isinstance(event, yaml.AliasEvent):
        if event.anchor not in anchors:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", start)
        return anchors[event.anchor]
    if event.anchor in anchors:
        raise ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence",
                            anchors[event.anchor].start_mark, "second occurrence", start)
    node: yaml.Node
    if isinstance(event, yaml.ScalarEvent):
        end: Any = event.end_mark
        node = yaml.ScalarNode(_tag(loader, yaml.ScalarNode, event, event.value), event.value, start, end,
                               style=event.style)
    elif isinstance(event, yaml.SequenceStartEvent):
        node = yaml.SequenceNode(_tag(loader, yaml.SequenceNode, event, None), [], start, None,
                                 flow_style=event.flow_style)
    else:
        node = yaml.MappingNode(_tag(loader, yaml.MappingNode, event, None), [], start, None,
                                flow_style=event.flow_style)
    if event.anchor is not None:
        anchors[event.anchor] = node
    return node


def _tag(loader: Any, kind: type, event: Any, value: str | None) -> str:
    """The event's explicit tag, or the one YAML's implicit resolution gives it."""
    if event.tag is not None and event.tag != "!":
        return str(event.tag)
    return str(loader.resolve(kind, value, event.implicit))


def node_budget(text: str) -> int:
    return max(MAX_NODES, len(text))


def count_nodes(root: yaml.Node, budget: int = MAX_NODES) -> int | None:
    """Number of nodes with aliases expanded, or None once past `budget`."""
    total = 0
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        total += 1
        if total > budget:
            return None
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return total
