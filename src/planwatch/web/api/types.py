"""Field types of the JSON API's request bodies: validation at the door (finite numbers, sane
years, bounded texts without NUL bytes). The verbs check the same rules again (forms, CLI)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from planwatch.workflow.validation import MAX_YEAR, MIN_YEAR


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("含有NUL字符 / contains a NUL byte")
    return text


Number = Annotated[float, Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
TypedNumber = Annotated[str, Field(min_length=1, max_length=50), AfterValidator(_no_nul)]
"""A value as typed (``2.95%``, ``1,500``, ``１２３．４``): the verb reads it against the
indicator's unit (:func:`planwatch.workflow.validation.check_value`)."""
Percent = Annotated[float, Field(allow_inf_nan=False, ge=0, le=100)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
Name = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_no_nul)]
Short = Annotated[str, Field(max_length=50), AfterValidator(_no_nul)]
Source = Annotated[str, Field(max_length=500), AfterValidator(_no_nul)]
Comment = Annotated[str, Field(max_length=2000), AfterValidator(_no_nul)]
Report = Annotated[str, Field(min_length=1, max_length=5000), AfterValidator(_no_nul)]
Account = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_no_nul)]
Department = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_no_nul)]
Password = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_no_nul)]
