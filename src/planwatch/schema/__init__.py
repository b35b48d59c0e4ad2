"""The JSON Schema of plan JSON, shipped with the package and generated from the model."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from planwatch.model.plan import Plan

SCHEMA_FILE = "plan.schema.json"


def generate_schema() -> dict[str, Any]:
    """The schema as the model defines it now (what `plan.schema.json` must equal)."""
    schema = Plan.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://planwatch.invalid/schema/plan.schema.json"
    return schema


def load_schema() -> dict[str, Any]:
    """The shipped schema file."""
    text = resources.files("planwatch.schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate_plan_json(data: Any) -> None:
    """Raise jsonschema.ValidationError when data is not valid plan JSON."""
    import jsonschema

    jsonschema.validate(data, load_schema())


def write_schema(path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(generate_schema(), fh, ensure_ascii=False, indent=1)
        fh.write("\n")


