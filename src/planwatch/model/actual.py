"""Observed values (实际值 / 完成值) and task progress reports (督办 / 调度)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel

ActualStatus = Literal["provisional", "final"]


class Actual(BaseModel):
    """One observed value of a plan indicator in one year."""

    indicator: str
    year: int
    value: float
    unit: str | None = None
    status: ActualStatus = "final"
    source: str | None = None
    reported_on: date | None = None


class TaskProgress(BaseModel):
    """One progress report on a plan task (a 调度 return)."""

    task_number: int
    reported_on: date
    done: bool = False
    blocked: bool = False
    """The lead department reports the task blocked (受阻): an obstacle it cannot clear alone."""
    percent: float | None = None
    note: str | None = None
