"""Pure evaluation functions: progress, status, projection, prior-period results, audit, tasks.

No I/O and no database: every function takes models (or numpy arrays) and returns typed results
with reason codes (see docs/methodology.md).
"""

from planwatch.evaluate.audit import AuditParams, audit_plan
from planwatch.evaluate.batch import evaluate_batch
from planwatch.evaluate.prior import evaluate_prior, evaluate_prior_results
from planwatch.evaluate.projection import project
from planwatch.evaluate.status import assess_plan, evaluate_indicator
from planwatch.evaluate.tasks import evaluate_tasks

__all__ = [
    "AuditParams",
    "assess_plan",
    "audit_plan",
    "evaluate_batch",
    "evaluate_indicator",
    "evaluate_prior",
    "evaluate_prior_results",
    "evaluate_tasks",
    "project",
]
