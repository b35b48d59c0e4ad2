"""Findings: problems as a catalogue with stable codes, never loose strings."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


ParamValue = str | int | float | None
"""A value a finding's message is built from (a name, a quote, a number, a year)."""


class Finding(BaseModel):
    """One thing the extractor or an audit could not interpret or found inconsistent."""

    code: str
    severity: Severity = Severity.WARNING
    message: str
    line: int | None = None
    page: int | None = None
    context: str | None = None
    params: dict[str, ParamValue] = Field(default_factory=dict)
    """The values its message is built from (model/finding_messages.py renders them in
    Chinese or English); empty in findings stored before they existed."""
    variant: str = ""
    """Which message template of the code the params fill (finding_messages.MESSAGES)."""
