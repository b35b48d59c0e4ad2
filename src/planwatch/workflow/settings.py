"""Settings read from the environment, in one place.

``PLANWATCH_REPORTING_DEADLINE`` (``MM-DD``, default ``06-30``): the day of the following year by
which a year's actual values are due (see ``evaluate.reporting``). Before it, pages and reports do
not call the year's values missing.
"""

from __future__ import annotations

import os

from planwatch.model.evaluation import EvaluationParams
from planwatch.workflow.errors import Invalid

REPORTING_DEADLINE_ENV = "PLANWATCH_REPORTING_DEADLINE"


def evaluation_params() -> EvaluationParams:
    """The evaluation parameters in force (defaults, with the environment's settings)."""
    deadline = os.environ.get(REPORTING_DEADLINE_ENV, "").strip()
    if not deadline:
        return EvaluationParams()
    try:
        return EvaluationParams(reporting_deadline=deadline)
    except ValueError as exc:
        raise Invalid(f"{REPORTING_DEADLINE_ENV} 设置有误，应写作 月-日（如 06-30）",
                      f"{REPORTING_DEADLINE_ENV} must be MM-DD (e.g. 06-30)") from exc
