"""The reporting calendar (报送时限): the values of year Y are due by a fixed day of year Y+1
(default 30 June). One definition, configured once (``Settings.reporting_deadline``) and
passed in; the home page's 待填报 / 逾期 use it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class ReportingCalendar:
    """Values of year Y are due on ``month``/``day`` of year Y+1."""

    month: int = 6
    day: int = 30

    def __post_init__(self) -> None:
        date(2001, self.month, self.day)  # raises ValueError for 2-30, 13-01 … (no 02-29)

    @classmethod
    def parse(cls, text: str) -> ReportingCalendar:
        """``"06-30"`` → 30 June of the following year; ValueError for anything else."""
        m = _MONTH_DAY.match(text.strip())
        if m is None:
            raise ValueError(f"reporting deadline must be MM-DD, not {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    def deadline(self, year: int) -> date:
        """The last day for the values of ``year``."""
        return date(year + 1, self.month, self.day)

    def due_year(self, today: date) -> int:
        """The latest year whose values can exist on ``today``: the year before it (values of
        a year are known only after it ends)."""
        return today.year - 1

    def overdue(self, year: int, today: date) -> bool:
        return today > self.deadline(year)


DEFAULT_CALENDAR = ReportingCalendar()
