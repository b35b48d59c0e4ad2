"""The shipped JSON Schema equals the model's, and extraction output validates against it."""

from __future__ import annotations

import jsonschema
import pytest

from planwatch.actions import extract_file
from planwatch.schema import generate_schema, load_schema, validate_plan_json
from tests.helpers import SEEDS


def test_shipped_schema_is_current() -> None:
    assert load_schema() == generate_schema(), "run: python -m planwatch.schema"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_output_validates(seed) -> None:  # type: ignore[no-untyped-def]
    validate_plan_json(extract_file(seed).model_dump(mode="json"))


def test_schema_rejects_string_numbers() -> None:
    data = extract_file(SEEDS / "zibo-2022-plan.txt").model_dump(mode="json")
    data["indicators"] = [{"name": "x", "baseline": "2.79"}]
    with pytest.raises(jsonschema.ValidationError):
        validate_plan_json(data)
