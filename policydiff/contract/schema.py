"""JSON Schema (draft 2020-12) of the data contract, generated from `spec.RECORDS`."""

from __future__ import annotations

import json
from typing import Any

from policydiff.contract.sectors import SECTORS
from policydiff.contract.spec import RECORDS, SCHEMA_VERSION, SLUG_PATTERN, SUPPORTED_VERSIONS, FieldSpec, FieldType
from policydiff.contract.units import UNITS

SCHEMA_ID = "https://policydiff.example/schema/targets.schema.json"

_NUMBER: dict[str, Any] = {"type": "number"}


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    schema: dict[str, Any]
    match spec.type:
        case FieldType.STRING:
            schema = {"type": "string", "minLength": 1}
        case FieldType.SLUG | FieldType.SOURCE_REF:
            schema = {"type": "string", "pattern": SLUG_PATTERN}
        case FieldType.INTEGER:
            schema = {"type": "integer"}
        case FieldType.VERSION:
            schema = {"enum": list(SUPPORTED_VERSIONS)}
        case FieldType.NUMBER:
            schema = {"type": "number", "exclusiveMinimum": 0}
        case FieldType.SECTORS:
            schema = {"type": "array", "items": {"type": "string", "examples": list(SECTORS)}}
        case FieldType.BOOLEAN:
            schema = {"type": "boolean"}
        case FieldType.QUANTITY:
            schema = {"oneOf": [_NUMBER, {"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2}]}
        case FieldType.DATE:
            schema = {"type": "string", "format": "date"}
        case FieldType.CHOICE:
            schema = {"enum": list(spec.choices)}
        case FieldType.UNIT:
            schema = {"type": "string", "minLength": 1, "examples": sorted(UNITS)}  # a file may declare more
        case FieldType.SECTOR:
            schema = {"type": "string", "examples": list(SECTORS)}
        case FieldType.RECORDS:
            schema = {"type": "array", "items": {"$ref": f"#/$defs/{spec.record}"}}
    return {"description": spec.description, **schema}


def _record_schema(fields: tuple[FieldSpec, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _field_schema(f) for f in fields},
    }


def json_schema() -> dict[str, Any]:
    """The contract as a JSON Schema document, for editors and other tools."""
    top = _record_schema(RECORDS["file"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"policydiff targets file, format version {SCHEMA_VERSION}",
        **top,
        "$defs": {name: _record_schema(fields) for name, fields in RECORDS.items() if name != "file"},
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
