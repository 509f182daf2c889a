"""The JSON Schema of the data contract: committed copy, `policydiff schema`, and the data against it."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from policydiff.cli.app import app
from policydiff.contract.schema import json_schema, json_schema_text

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schema" / "targets.schema.json"
DATA_FILES = sorted((ROOT / "data").glob("targets_*.yaml"))


def test_the_committed_schema_is_the_generated_one() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/targets.schema.json is stale; regenerate it with "
        "`policydiff schema > schema/targets.schema.json` and commit the result")


def test_policydiff_schema_prints_it() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == json_schema_text()
    assert json.loads(result.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# -- a small checker for the keywords this schema uses ---------------------------------------

_KNOWN = {"$schema", "$id", "title", "description", "examples", "$defs", "$ref", "type", "enum", "const",
          "pattern", "minLength", "minItems", "maxItems", "required", "properties", "additionalProperties",
          "items", "oneOf", "format"}
_TYPES = {
    "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """Why `value` fails `schema` (empty when it passes); fails loudly on a keyword it does not know."""
    unknown = set(schema) - _KNOWN
    assert not unknown, f"the hand checker does not know {unknown}: extend it, or install jsonschema"
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return schema_errors(value, root["$defs"][name], root, where)
    errors: list[str] = []
    if "type" in schema and not _TYPES[schema["type"]](value):
        return [f"{where}: {value!r} is not of type {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is not one of the {len(schema['enum'])} allowed values")
    if "const" in schema and (value != schema["const"] or isinstance(value, bool)):
        errors.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if "minLength" in schema and isinstance(value, str) and len(value) < schema["minLength"]:
        errors.append(f"{where}: {value!r} is too short")
    if schema.get("format") == "date" and isinstance(value, str):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            errors.append(f"{where}: {value!r} is not a date")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
            errors.append(f"{where}: {len(value)} items")
        if "items" in schema:
            for index, item in enumerate(value):
                errors += schema_errors(item, schema["items"], root, f"{where}[{index}]")
    if isinstance(value, dict):
        errors += [f"{where}: missing {name}" for name in schema.get("required", []) if name not in value]
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            errors += [f"{where}: unexpected {name}" for name in value if name not in properties]
        for name, item in value.items():
            if name in properties:
                errors += schema_errors(item, properties[name], root, f"{where}.{name}")
    if "oneOf" in schema:
        passing = [option for option in schema["oneOf"] if not schema_errors(value, option, root, where)]
        if len(passing) != 1:
            errors.append(f"{where}: {value!r} matches {len(passing)} of oneOf")
    return errors


def as_json(data: Any) -> Any:
    """The YAML data as a JSON document would hold it (a YAML date is a YYYY-MM-DD string)."""
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else v))


def load_json(path: Path) -> Any:
    return as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_there_is_data_to_check() -> None:
    assert len(DATA_FILES) >= 2


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in DATA_FILES])
def test_every_data_file_satisfies_the_schema(path: Path) -> None:
    schema = json_schema()
    errors = schema_errors(load_json(path), schema, schema)
    assert errors == [], "\n".join(errors[:20])


@pytest.mark.parametrize(("change", "fragment"), [
    pytest.param(lambda d: d["targets"][0].update(value="12"), "oneOf", id="value-as-text"),
    pytest.param(lambda d: d["targets"][0].update(value=[1, 2, 3]), "oneOf", id="range-of-three"),
    pytest.param(lambda d: d["targets"][0].update(unit=""), "too short", id="empty-unit"),
    pytest.param(lambda d: d["targets"][0].update(nmae="x"), "unexpected nmae", id="unknown-field"),
    pytest.param(lambda d: d["targets"][0].pop("unit"), "missing unit", id="missing-field"),
    pytest.param(lambda d: d.update(schema_version=3), "allowed values", id="schema-version-3"),
    pytest.param(lambda d: d["sources"][0].update(id="Work Report"), "does not match", id="bad-slug"),
    pytest.param(lambda d: d["sources"][0].update(date="2025-02-30"), "not a date", id="bad-date"),
    pytest.param(lambda d: d["targets"][0].update(strive="yes"), "not of type boolean", id="strive-as-text"),
])
def test_the_checker_rejects_what_the_loader_rejects(change: Any, fragment: str) -> None:
    schema = json_schema()
    document = load_json(DATA_FILES[-1])
    change(document)
    errors = schema_errors(document, schema, schema)
    assert any(fragment in error for error in errors), errors


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in DATA_FILES])
def test_every_data_file_satisfies_the_schema_by_jsonschema(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(load_json(path), json_schema())
