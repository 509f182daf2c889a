"""TargetSet → data-file YAML text, in the style of the bundled files (data/targets_2025.yaml):
items in block style, sources and evidence one flow mapping a line, and optional `# review: …`
comment lines above an item. The text loads back (policydiff.load.loader) to an equal TargetSet.

Scalars are written by PyYAML's own emitter, so quoting is always right (`'%'`, `'2025'`,
`'yes'`, text with `: ` or `#`); only the layout is ours.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from policydiff.contract.characters import HIDDEN
from policydiff.contract.model import Direction, Qualifier, Source, Target, TargetSet, Value
from policydiff.contract.spec import SCHEMA_VERSION

_LINE_BREAK = re.compile("[\\r\\n\\x85\\u2028\\u2029]")
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/targets.schema.json"


def scalar(value: Any) -> str:
    """One YAML scalar as a flow-context token (plain where YAML reads it back the same)."""
    import yaml

    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, (int, float)):
        return number(value)
    # dumped as the item of a flow list, so the emitter quotes what a flow mapping would
    # misread (`,` `[` `{` …); text with a line break is double-quoted, so it stays one line
    hidden = HIDDEN.search(value)
    style = '"' if _LINE_BREAK.search(value) or hidden else None
    text = str(yaml.safe_dump([value], default_flow_style=True, default_style=style, allow_unicode=True,
                              width=math.inf))
    if hidden:  # PyYAML writes bidi and C1 characters raw, even double-quoted: escape them (same string)
        text = HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.strip()[1:-1]


def number(value: float) -> str:
    """A number as YAML reads it back: 1200, 1.3, 0.0001, -3 (never 1e3, .inf or 1200.0)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:  # YAML 1.1 needs a dot in the mantissa: 1.0e-05
            mantissa, _, exponent = text.lower().partition("e")
            if "." not in mantissa:
                mantissa += ".0"
            text = f"{mantissa}e{exponent if exponent.startswith('-') else '+' + exponent.lstrip('+')}"
        return text
    return str(value)


def _value(value: Value) -> str:
    if value.is_range:
        return f"[{number(value.low)}, {number(value.high)}]"
    return number(value.low)


def _flow(fields: Iterable[tuple[str, Any]]) -> str:
    return "{" + ", ".join(f"{key}: {_date_or_scalar(key, item)}" for key, item in fields) + "}"


def _date_or_scalar(key: str, item: Any) -> str:
    if isinstance(item, list):  # a source's `covers`: a flow list of sector slugs
        return "[" + ", ".join(scalar(part) for part in item) + "]"
    # a date is written plain, as the bundled files do (the loader reads it as a date or text)
    if key == "date" and isinstance(item, str) and len(item) == 10 and item[4] == "-" and item[7] == "-":
        return item
    return scalar(item)


def _source(source: Source) -> str:
    return "- " + _flow(source.to_json().items())


# characters a YAML stream may not hold, even in a comment (YAML 1.1 "printable" set)
_NOT_PRINTABLE = re.compile("[^\\x09\\x0a\\x0d\\x20-\\x7e\\x85\\xa0-\\ud7ff\\ue000-\\ufffd\\U00010000-\\U0010ffff]")


def _comment(text: str) -> str:
    """One comment line, whatever `text` holds: line breaks folded, controls escaped."""
    line = " ".join(text.split())
    line = HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", line)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def _item(target: Target, actual: bool, comments: Sequence[str]) -> list[str]:
    lines = [f"# review: {_comment(text)}" for text in comments]
    lines.append(f"- id: {scalar(target.id)}")
    fields: list[tuple[str, str]] = []
    if actual and target.year is not None:
        fields.append(("year", scalar(target.year)))
    fields.append(("name", scalar(target.name)))
    if target.name_en is not None:
        fields.append(("name_en", scalar(target.name_en)))
    if target.sector is not None:
        fields.append(("sector", scalar(target.sector)))
    fields.append(("metric", target.metric.value))
    fields.append(("value", _value(target.value)))
    fields.append(("unit", scalar(target.unit)))
    if target.qualifier is not Qualifier.EXACT:
        fields.append(("qualifier", target.qualifier.value))
    if target.strive:
        fields.append(("strive", "true"))
    if target.direction is not Direction.UP:
        fields.append(("direction", target.direction.value))
    if target.estimate:
        fields.append(("estimate", "true"))
    if target.note is not None:
        fields.append(("note", scalar(target.note)))
    lines.extend(f"  {key}: {text}" for key, text in fields)
    if target.evidence:
        lines.append("  evidence:")
        for evidence in target.evidence:
            items: list[tuple[str, Any]] = [("source", evidence.source), ("quote", evidence.quote)]
            entry = _flow(items)
            if evidence.value is not None:
                entry = entry[:-1] + f", value: {_value(evidence.value)}}}"
            lines.append(f"  - {entry}")
    return lines


def _declared_units(target_set: TargetSet) -> list[str]:
    """`units:` at the top level: the units the file declares (contract version 2)."""
    lines: list[str] = []
    for unit in target_set.declared_units:
        fields: list[tuple[str, Any]] = [("symbol", unit.symbol), ("dimension", unit.dimension),
                                         ("factor", unit.factor), ("english", unit.english)]
        lines.append("- " + _flow(fields))
    return ["units:", *lines] if lines else []


def contract_version(target_set: TargetSet) -> int:
    """The oldest contract version that holds everything in `target_set`: a file that needs no
    version 2 field stays readable by tools that know version 1."""
    uses_v2 = (bool(target_set.declared_units) or any(s.covers for s in target_set.sources)
               or any(a.estimate for a in target_set.actuals))
    return SCHEMA_VERSION if uses_v2 else 1


def write_target_set(target_set: TargetSet, comments: Mapping[str, Sequence[str]] | None = None,
                     header: Sequence[str] = (), footer: Sequence[str] = (),
                     schema_comment: str | None = SCHEMA_COMMENT) -> str:
    """The data file for `target_set`.

    `comments` maps an item id to `# review: …` lines written above it (an actual's id is
    looked up as `actuals/<id>` first, so a target and an actual may share an id); `header`
    and `footer` are further comment lines (written with `# `) at the top and the end."""
    notes = comments or {}
    lines: list[str] = []
    if schema_comment:
        lines.append(schema_comment)
    lines.extend(f"# {_comment(text)}" if text else "#" for text in header)
    lines.append(f"schema_version: {contract_version(target_set)}")
    lines.append(f"region: {scalar(target_set.region)}")
    if target_set.region_en is not None:
        lines.append(f"region_en: {scalar(target_set.region_en)}")
    lines.append(f"year: {target_set.year}")
    lines.extend(_declared_units(target_set))
    lines.append("sources:" if target_set.sources else "sources: []")
    lines.extend(_source(source) for source in target_set.sources)
    lines.append("targets:" if target_set.targets else "targets: []")
    for target in target_set.targets:
        lines.extend(_item(target, False, notes.get(target.id, ())))
    if target_set.actuals:
        lines.append("actuals:")
        for actual in target_set.actuals:
            lines.extend(_item(actual, True, notes.get(f"actuals/{actual.id}", notes.get(actual.id, ()))))
    lines.extend(f"# {_comment(text)}" if text else "#" for text in footer)
    return "\n".join(lines) + "\n"


__all__ = ["write_target_set", "scalar", "number"]
