"""Findings: problems as a catalogue with stable codes, never loose strings."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Finding(BaseModel):
    """One thing the extractor or an audit could not interpret or found inconsistent."""

    code: str
    severity: Severity = Severity.WARNING
    message: str
    line: int | None = None
    page: int | None = None
    context: str | None = None
