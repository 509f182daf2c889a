"""The checker behind the load stage: YAML nodes → a TargetSet, with every problem found in one pass."""

from __future__ import annotations

import datetime
import difflib
import math
import re
from pathlib import Path
from typing import Any

import yaml

from policydiff.contract.characters import HIDDEN, HIDDEN_OR_NEWLINE
from policydiff.contract.errors import Problem, Severity
from policydiff.contract.model import (
    DeclaredUnit,
    Direction,
    Evidence,
    Location,
    Metric,
    Qualifier,
    Source,
    SourceKind,
    Target,
    TargetSet,
    Value,
)
from policydiff.contract.sectors import SECTORS
from policydiff.contract.spec import RECORDS, SCHEMA_VERSION, SLUG_PATTERN, SUPPORTED_VERSIONS, TARGET_FILE, FieldSpec, FieldType
from policydiff.contract.units import UNITS, Dimension, Unit, closest, declare, lookup
from policydiff.load import yamlnodes
from policydiff.load.files import MAX_FILE_BYTES
from policydiff.load.result import LoadResult

_TAG = "tag:yaml.org,2002:"
_SLUG = re.compile(SLUG_PATTERN)
# Builds plain ints, floats and booleans from scalar nodes, with YAML's own rules (1_000, .inf, yes).
_SCALARS = yaml.constructor.SafeConstructor()
# YAML 1.1 also reads 010 as octal 8, 0x1F and 0b101 in their bases and 1:30 as 90 (base 60):
# never the number a document states, and other YAML tools read them differently.
_OTHER_BASE = re.compile(r"[-+]?0[0-9_]*[0-9xXbBoO]|.*:")
_DECIMAL_HINT = "write the number in decimal as the document states it"
_MULTILINE_FIELDS = frozenset({"note", "quote"})
# Resource bounds (docs/untrusted-data.md): alignment cost grows with the square of a name's
# length, so names are capped well above any real one (the longest bundled name is 30 characters).
MAX_TEXT = 500
MAX_LONG_TEXT = 2000
_LONG_FIELDS = frozenset({"note", "quote"})
# A stated value: at most 15 significant digits (what a float holds exactly, so that every
# comparison is exact) and a magnitude of at most 1e15 (no sum, midpoint or unit conversion overflows).
MAX_MAGNITUDE = 1e15
MAX_DIGITS = 15
# A year (`year`, an actual's `year`): four digits, as in the file name.
_YEARS = range(1000, 10000)
# YAML 1.1 reads 1e308 (no dot, unsigned exponent) as text, 1.0e+308 as a number.
_EXPONENT_TEXT = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$")


class _Checker:
    """Walks the YAML node tree against the field tables, collecting problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.version = SCHEMA_VERSION
        self.units: set[str] = set()  # units the file declares

    def report(self, node: yaml.Node | None, path: str, message: str, hint: str = "",
               severity: Severity = Severity.ERROR) -> None:
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (0, 0)
        self.problems.append(Problem(severity, message, self.file, line, column, path, hint))

    def location(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    # -- records --------------------------------------------------------------------

    def record(self, node: yaml.Node, kind: str, path: str) -> dict[str, tuple[Any, yaml.Node]] | None:
        """The record's checked fields as {name: (value, node)}; None if not a mapping."""
        if not isinstance(node, yaml.MappingNode):
            self.report(node, path, f"expected a mapping of {kind} fields, found {_describe(node)}",
                        hint=f"write the {kind} as `field: value` lines")
            return None
        specs = {spec.name: spec for spec in RECORDS[kind]}
        fields: dict[str, tuple[Any, yaml.Node]] = {}
        suggested: set[str] = set()  # a misspelt required field is one mistake, not also a missing one
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            field_path = f"{path}.{key}" if path else str(key)
            if not isinstance(key, str) or key not in specs:
                suggested.update(self._unknown_field(key_node, key, path, list(specs)))
                continue
            if key in fields:
                self.report(key_node, field_path, f"duplicate field `{key}`",
                            hint="keep one; YAML would silently use the last")
                continue
            if specs[key].since > self.version:
                self.report(key_node, field_path, f"field `{key}` needs schema_version: {specs[key].since}",
                            hint=f"set `schema_version: {specs[key].since}` at the top of the file")
                continue
            value = self.field(value_node, specs[key], field_path)
            if value is not None:
                fields[key] = (value, value_node)
        for spec in RECORDS[kind]:
            if (spec.required and spec.name not in fields and spec.name not in suggested
                    and not self._reported_under(path, spec.name)):
                self.report(node, path, f"missing required field `{spec.name}`",
                            hint=f"add `{spec.name}:` ({spec.description})")
        return fields

    def _reported_under(self, path: str, name: str) -> bool:
        prefix = f"{path}.{name}" if path else name
        return any(p.path == prefix or p.path.startswith(prefix + "[") or p.path.startswith(prefix + ".")
                   for p in self.problems)

    def _unknown_field(self, key_node: yaml.Node, key: object, path: str, known: list[str]) -> list[str]:
        """Report an unknown field; the known field it was probably meant as, if any."""
        name = str(key)
        matches = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean `{matches[0]}`?" if matches else f"known fields: {', '.join(known)}"
        self.report(key_node, f"{path}.{name}" if path else name, f"unknown field `{name}`", hint)
        return matches

    # -- fields -----------------------------------------------------------------------

    def field(self, node: yaml.Node, spec: FieldSpec, path: str) -> Any:
        if spec.type is FieldType.RECORDS:
            return self.records(node, spec.record, path)
        if spec.type is FieldType.SECTORS:
            return self.sectors(node, spec, path)
        if spec.type is FieldType.QUANTITY:
            return self.quantity(node, path)
        if not isinstance(node, yaml.ScalarNode):
            self.report(node, path, f"`{spec.name}` must be a single value, found {_describe(node)}",
                        hint=spec.description)
            return None
        match spec.type:
            case FieldType.INTEGER | FieldType.VERSION:
                return self.integer(node, spec, path)
            case FieldType.BOOLEAN:
                if node.tag != _TAG + "bool":
                    self.report(node, path, f"`{spec.name}` must be true or false, found {_describe(node)}")
                    return None
                return bool(_SCALARS.construct_yaml_bool(node))
            case FieldType.DATE:
                return self.date(node, path)
            case FieldType.NUMBER:
                number = self.number(node, path)
                if number is not None and number <= 0:
                    self.report(node, path, f"`{spec.name}` must be greater than 0")
                    return None
                return number
        text = self.string(node, spec, path)
        if text is None:
            return None
        return self.text_field(node, spec, path, text)

    def text_field(self, node: yaml.Node, spec: FieldSpec, path: str, text: str) -> Any:
        if spec.type in (FieldType.SLUG, FieldType.SOURCE_REF) and not _SLUG.match(text):
            self.report(node, path, f"`{text}` is not a valid id",
                        hint="use lowercase ASCII letters, digits and - (e.g. pv-output-value)")
            return None
        if spec.type is FieldType.CHOICE and text not in spec.choices:
            guess = difflib.get_close_matches(text, spec.choices, n=1, cutoff=0.5)
            hint = f"did you mean `{guess[0]}`?" if guess else f"use one of: {', '.join(spec.choices)}"
            self.report(node, path, f"`{text}` is not a valid {spec.name}", hint)
            return None
        if spec.type is FieldType.UNIT and text not in UNITS and text not in self.units:
            known = lookup(text)
            near = [known.symbol] if known else closest(text)
            hint = ((f"did you mean {' or '.join(f'`{u}`' for u in near)}? " if near else "")
                    + "`policydiff units` lists the known units; declare others under `units:` (schema_version: 2)")
            self.report(node, path, f"unknown unit `{text}`", hint)
            return None
        if spec.type is FieldType.SECTOR and text not in SECTORS:
            guess = difflib.get_close_matches(text, list(SECTORS), n=1, cutoff=0.5)
            hint = f"did you mean `{guess[0]}`?" if guess else "see the sector vocabulary in data/README.md"
            self.report(node, path, f"sector `{text}` is not in the vocabulary", hint, Severity.WARNING)
        return text

    def string(self, node: yaml.ScalarNode, spec: FieldSpec, path: str) -> str | None:
        if node.tag != _TAG + "str":
            self.report(node, path, f"`{spec.name}` must be text, found {_describe(node)}",
                        hint="quote it if it is meant as text")
            return None
        text = str(node.value).strip()
        if not text:
            self.report(node, path, f"`{spec.name}` is empty", hint=spec.description)
            return None
        limit = MAX_LONG_TEXT if spec.name in _LONG_FIELDS else MAX_TEXT
        if len(text) > limit:
            self.report(node, path, f"`{spec.name}` is {len(text)} characters long, over the limit of {limit}",
                        hint="shorten it; put long remarks in `note`" if spec.name != "note" else "shorten it")
            return None
        # newline only in the free-text fields (a block scalar `note: |`)
        bad = (HIDDEN if spec.name in _MULTILINE_FIELDS else HIDDEN_OR_NEWLINE).search(text)
        if bad is not None:
            code = ord(bad.group())
            kind = ("a line break" if code == 10 else "a bidirectional-text control" if 0x202a <= code <= 0x202e
                    or 0x2066 <= code <= 0x2069 else "an invisible character" if code >= 0x200b
                    else "a control character")
            self.report(node, path, f"`{spec.name}` contains {kind} (U+{code:04X}) at character {bad.start() + 1}",
                        hint="delete it: data text is printed in terminals, spreadsheets and CI logs"
                        + ("; newlines are allowed only in `note` and `quote`" if code == 10 else ""))
            return None
        return text

    def integer(self, node: yaml.ScalarNode, spec: FieldSpec, path: str) -> int | None:
        if node.tag != _TAG + "int":
            self.report(node, path, f"`{spec.name}` must be a whole number, found {_describe(node)}")
            return None
        read = self.read_number(node, f"`{spec.name}`", path)
        if read is None:
            return None
        number = int(read)
        if spec.type is FieldType.INTEGER and spec.name == "year" and number not in _YEARS:
            self.report(node, path, f"year `{number}` is not a four-digit year", hint="write the year, e.g. 2025")
            return None
        if spec.type is FieldType.VERSION:
            if number not in SUPPORTED_VERSIONS:
                self.report(node, path, f"schema_version {number} is not supported",
                            hint=f"this policydiff reads versions {', '.join(map(str, SUPPORTED_VERSIONS))}; "
                                 "upgrade policydiff")
                return None
            self.version = number
        return number

    def sectors(self, node: yaml.Node, spec: FieldSpec, path: str) -> tuple[str, ...] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, path, f"`{spec.name}` must be a list of sectors, found {_describe(node)}",
                        hint="e.g. `covers: [science-tech, talent]`")
            return None
        sector_spec = FieldSpec(spec.name, FieldType.SECTOR, spec.description)
        found = []
        for index, item in enumerate(node.value):
            if not isinstance(item, yaml.ScalarNode):
                self.report(item, f"{path}[{index}]", "a sector must be a single value")
                continue
            text = self.string(item, sector_spec, f"{path}[{index}]")
            if text is not None:
                found.append(self.text_field(item, sector_spec, f"{path}[{index}]", text))
        return tuple(found)

    def date(self, node: yaml.ScalarNode, path: str) -> str | None:
        text = str(node.value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.report(node, path, f"`{text}` is not a date", hint="write dates as YYYY-MM-DD")
            return None
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            self.report(node, path, f"`{text}` is not a date in the calendar", hint="check the month and day")
            return None
        return text

    def number(self, node: yaml.Node, path: str) -> int | float | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_TAG + "int", _TAG + "float"):
            if isinstance(node, yaml.ScalarNode) and not node.style and _EXPONENT_TEXT.match(node.value):
                self.report(node, path, f"value `{_shown(node.value)}` is read as text: YAML 1.1 reads an exponent "
                            "only after a decimal point and with a sign (1.0e+3)", hint=_DECIMAL_HINT)
                return None
            self.report(node, path, f"value must be a number, found {_describe(node)}",
                        hint="write it unquoted, e.g. 1200 or 1.3, and put the unit in `unit`")
            return None
        number = self.read_number(node, "value", path)
        if number is None:
            return None
        if abs(number) > MAX_MAGNITUDE:
            self.report(node, path, f"value `{_shown(node.value)}` is beyond the limit of ±10^15",
                        hint="state it in a larger unit (万亿元 rather than 元)")
            return None
        if _significant_digits(number) > MAX_DIGITS:
            self.report(node, path, f"value `{_shown(node.value)}` has more than {MAX_DIGITS} significant digits",
                        hint=_DECIMAL_HINT)
            return None
        return number

    def read_number(self, node: yaml.ScalarNode, name: str, path: str) -> int | float | None:
        """An int or float scalar's number by YAML's rules; None, once reported, when it is not one."""
        shown = _shown(node.value)
        if _OTHER_BASE.match(node.value):
            self.report(node, path, f"{name} `{shown}` is not a decimal number", hint=_DECIMAL_HINT)
            return None
        try:
            if node.tag == _TAG + "int":
                return int(_SCALARS.construct_yaml_int(node))
            number = float(_SCALARS.construct_yaml_float(node))
        except ValueError:  # more digits than Python reads (4300)
            number = math.inf
        if not math.isfinite(number):
            self.report(node, path, f"{name} `{shown}` is not a finite number", hint="write the stated number")
            return None
        return number

    def quantity(self, node: yaml.Node, path: str) -> Value | None:
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) != 2:
                self.report(node, path, f"a range must be [low, high], found {len(node.value)} items")
                return None
            low, high = (self.number(item, f"{path}[{i}]") for i, item in enumerate(node.value))
            if low is None or high is None:
                return None
            if low > high:
                self.report(node, path, f"range [{low}, {high}] has low > high", hint="write [low, high]")
                return None
            return Value(low, high)
        number = self.number(node, path)
        return None if number is None else Value.of(number)

    def records(self, node: yaml.Node, kind: str, path: str) -> list[tuple[dict[str, tuple[Any, yaml.Node]], yaml.Node]] | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, path, f"expected a list of {kind}s, found {_describe(node)}",
                        hint=f"start each {kind} with `- `")
            return None
        items = []
        for index, item in enumerate(node.value):
            fields = self.record(item, kind, f"{path}[{index}]")
            if fields is not None:
                items.append((fields, item))
        return items


def _shown(text: str) -> str:
    return text if len(text) <= 20 else text[:17] + "..."


def _significant_digits(number: int | float) -> int:
    """Digits of the number as written, without leading or trailing zeros (1200 → 2, 1.25 → 3);
    a float's shortest repr has at most 15 digits exactly when it was written with at most 15."""
    from decimal import Decimal

    digits = Decimal(repr(number) if isinstance(number, float) else str(number)).normalize().as_tuple().digits
    return len(digits)


def _describe(node: yaml.Node | None) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node is None:
        return "nothing"
    kind = node.tag.removeprefix(_TAG)
    shown = node.value if len(str(node.value)) <= 40 else str(node.value)[:37] + "..."
    names = {"str": "text", "int": "a whole number", "float": "a number", "bool": "a boolean",
             "null": "an empty value", "timestamp": "a date"}
    return f"{names.get(kind, 'tag ' + node.tag)} `{shown}`"


def check_text(text: str, file_path: Path) -> LoadResult:
    """Check a data file's text (e.g. an old revision from git) as if read from `file_path`."""
    name = str(file_path)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return LoadResult(name, None, (Problem(Severity.ERROR, "file is over the size limit for a data file",
                                               name, hint="split it by year"),))
    document = yamlnodes.read(text, name, _ALLOWED_TAGS)
    root, problems = document.root, document.problems
    if root is None:
        if not problems:
            problems = [Problem(Severity.ERROR, "the file is empty", name, 1, 1,
                                hint="a data file starts with `schema_version: 1`; see docs/data-format.md")]
        return LoadResult(name, None, tuple(problems))
    if document.over_budget:
        return LoadResult(name, None, (Problem(
            Severity.ERROR, f"the YAML expands to more than {yamlnodes.node_budget(text)} values through aliases (alias bomb?)",
            name, root.start_mark.line + 1, root.start_mark.column + 1,
            hint="remove the anchors and aliases (&name / *name)"),))
    checker = _Checker(name)
    for node in document.odd_tags:  # the rare nodes outside _ALLOWED_TAGS
        if node.tag == _TAG + "merge":
            checker.report(node, "", "YAML merge keys (`<<:`) are not allowed",
                           hint="write each field out in full; data files hold plain values only")
            continue
        if not node.tag.startswith(_TAG) or node.tag.removeprefix(_TAG) not in _SAFE_TAGS:
            checker.report(node, "", f"YAML tag `{node.tag}` is not allowed",
                           hint="data files hold plain values only; remove the tag")
    if checker.problems:
        return LoadResult(name, None, tuple(checker.problems))
    _read_header(checker, root)
    top = checker.record(root, "file", "")
    target_set = _build(top, checker, file_path) if top is not None else None
    return LoadResult(name, target_set, tuple(checker.problems))


_SAFE_TAGS = {"str", "int", "float", "bool", "null", "map", "seq", "timestamp"}
_ALLOWED_TAGS = frozenset(_TAG + tag for tag in _SAFE_TAGS)


def _read_header(checker: _Checker, root: yaml.Node) -> None:
    """The contract version and the declared unit symbols, which the other fields depend on."""
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value == "schema_version" and isinstance(value, yaml.ScalarNode) and value.value in ("1", "2"):
            checker.version = int(value.value)
        if key.value == "units" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if isinstance(item, yaml.MappingNode):
                    checker.units.update(v.value for k, v in item.value if isinstance(k, yaml.ScalarNode)
                                         and k.value == "symbol" and isinstance(v, yaml.ScalarNode))


# -- building the model ---------------------------------------------------------------

Fields = dict[str, tuple[Any, yaml.Node]]


def _get(fields: Fields, name: str, default: Any = None) -> Any:
    return fields[name][0] if name in fields else default


def _build(top: Fields, checker: _Checker, path: Path) -> TargetSet | None:
    year = _get(top, "year")
    match = TARGET_FILE.match(path.name)
    if match and year is not None and int(match.group(1)) != year:
        checker.report(top["year"][1], "year", f"year {year} disagrees with the file name {path.name}",
                       hint=f"set `year: {match.group(1)}` or rename the file to targets_{year}.yaml")
    declared_units = _declared_units(checker, _get(top, "units", []))
    sources = tuple(_source(f) for f, _ in _get(top, "sources", []) if _complete(f, "source"))
    _check_unique(checker, _get(top, "sources", []), "sources", "source")
    # every source with an id counts as declared, so one mistake in a source is not also
    # reported as an undeclared source on every evidence item that cites it
    declared = {f["id"][0] for f, _ in _get(top, "sources", []) if "id" in f}
    targets = _targets(checker, _get(top, "targets", []), "targets", declared)
    actuals = _targets(checker, _get(top, "actuals", []), "actuals", declared)
    if any(p.is_error for p in checker.problems) or year is None or _get(top, "region") is None:
        return None
    return TargetSet(region=_get(top, "region"), region_en=_get(top, "region_en"), year=year,
                     sources=sources, targets=targets, actuals=actuals, path=str(path),
                     declared_units=declared_units)


def _declared_units(checker: _Checker, items: list[tuple[Fields, yaml.Node]]) -> tuple[DeclaredUnit, ...]:
    found = []
    for index, (fields, node) in enumerate(items):
        if not _complete(fields, "unit"):
            continue
        unit = DeclaredUnit(_get(fields, "symbol"), _get(fields, "dimension"), float(_get(fields, "factor")),
                            _get(fields, "english"))
        conflict = declare(Unit(unit.symbol, Dimension(unit.dimension), unit.factor, unit.english))
        if conflict is not None:
            checker.report(node, f"units[{index}]", f"unit `{unit.symbol}` is already defined as "
                           f"{conflict.dimension.value} ×{conflict.factor:g}",
                           hint="remove the declaration, or give the unit another symbol")
            continue
        found.append(unit)
    return tuple(found)


def _complete(fields: Fields, kind: str) -> bool:
    return all(spec.name in fields for spec in RECORDS[kind] if spec.required)


def _source(fields: Fields) -> Source:
    return Source(id=_get(fields, "id"), title=_get(fields, "title"), kind=SourceKind(_get(fields, "kind")),
                  title_en=_get(fields, "title_en"), date=_get(fields, "date"),
                  doc_number=_get(fields, "doc_number"), url=_get(fields, "url"), file=_get(fields, "file"),
                  covers=_get(fields, "covers", ()))


def _check_unique(checker: _Checker, items: list[tuple[Fields, yaml.Node]], path: str, kind: str) -> None:
    first_line: dict[str, int] = {}
    for index, (fields, _) in enumerate(items):
        if "id" not in fields:
            continue
        ident, node = fields["id"]
        if ident in first_line:
            checker.report(node, f"{path}[{index}].id", f"duplicate {kind} id `{ident}` (first used on line {first_line[ident]})",
                           hint="give each entry its own id")
        else:
            first_line[ident] = node.start_mark.line + 1


def _targets(checker: _Checker, items: list[tuple[Fields, yaml.Node]], path: str,
             declared: set[str]) -> tuple[Target, ...]:
    _check_unique(checker, items, path, "target" if path == "targets" else "actual")
    kind = "target" if path == "targets" else "actual"
    built: list[Target] = []
    names: list[tuple[str, yaml.Node]] = []  # per built target: its path and its name's node
    for index, (fields, node) in enumerate(items):
        evidence = _evidence(checker, fields, f"{path}[{index}]", declared)
        if not _complete(fields, kind):
            continue
        target = Target(
            id=_get(fields, "id"), name=_get(fields, "name"), value=_get(fields, "value"),
            unit=_get(fields, "unit"), name_en=_get(fields, "name_en"), sector=_get(fields, "sector"),
            metric=Metric(_get(fields, "metric", "level")),
            qualifier=Qualifier(_get(fields, "qualifier", "exact")), strive=_get(fields, "strive", False),
            direction=Direction(_get(fields, "direction", "up")), evidence=evidence,
            note=_get(fields, "note"), year=_get(fields, "year"), estimate=_get(fields, "estimate", False),
            location=checker.location(node))
        _check_evidence_values(checker, target, fields, f"{path}[{index}]")
        built.append(target)
        names.append((f"{path}[{index}].name", fields["name"][1]))
    _check_duplicate_names(checker, built, names)
    return tuple(built)


def _evidence(checker: _Checker, fields: Fields, path: str, declared: set[str]) -> tuple[Evidence, ...]:
    items: list[Evidence] = []
    for index, (item, _) in enumerate(_get(fields, "evidence", [])):
        if "source" in item and item["source"][0] not in declared:
            source, node = item["source"]
            guess = difflib.get_close_matches(source, sorted(declared), n=1, cutoff=0.5)
            hint = f"did you mean `{guess[0]}`?" if guess else "declare it under `sources:`"
            checker.report(node, f"{path}.evidence[{index}].source", f"evidence names undeclared source `{source}`", hint)
        if _complete(item, "evidence"):
            items.append(Evidence(_get(item, "source"), _get(item, "quote"), _get(item, "value")))
    return tuple(items)


def _check_evidence_values(checker: _Checker, target: Target, fields: Fields, path: str) -> None:
    stated = target.stated_values
    if len(stated) > 1:
        shown = ", ".join(sorted(f"{v} {target.unit}" for v in stated))
        checker.report(fields["evidence"][1], f"{path}.evidence",
                       f"evidence disagrees on the value of `{target.name}`: {shown}",
                       hint="keep both; `value` should be the later document's, and say why in `note`",
                       severity=Severity.WARNING)


def _check_duplicate_names(checker: _Checker, targets: list[Target], names: list[tuple[str, yaml.Node]]) -> None:
    from policydiff.comparison.normalise import normalise_name

    seen: dict[tuple[str, Metric, int | None], tuple[Target, yaml.Node]] = {}
    for target, (path, node) in zip(targets, names, strict=False):
        key = (normalise_name(target.name), target.metric, target.year)
        if key in seen:
            first, first_node = seen[key]
            checker.report(node, path,
                           f"`{target.name}` ({target.metric.value}) has the same normalised name as "
                           f"`{first.name}` on line {first_node.start_mark.line + 1}",
                           "merge them into one entry, or make the names say how they differ", Severity.WARNING)
        else:
            seen[key] = (target, node)
