"""Reporting calendar (报送期限): when a year's actual values are due.

A year's statistics are published during the following year, so a plan page must not say that
the value of the current year is missing before it can exist. The deadline is a month and day of
the following year, ``EvaluationParams.reporting_deadline`` (default ``06-30``: 30 June); the
setting ``PLANWATCH_REPORTING_DEADLINE`` changes it (read in ``workflow.settings``).
"""

from __future__ import annotations

from datetime import date

from planwatch.model.evaluation import EvaluationParams, parse_month_day


def reporting_deadline(year: int, params: EvaluationParams | None = None) -> date:
    """The last day on which the actual values of ``year`` may still be reported."""
    month, day = parse_month_day((params or EvaluationParams()).reporting_deadline)
    return date(year + 1, month, day)


def data_due(year: int, as_of: date, params: EvaluationParams | None = None) -> bool:
    """Whether ``year``'s values are overdue on ``as_of`` (its reporting deadline has passed)."""
    return as_of > reporting_deadline(year, params)
