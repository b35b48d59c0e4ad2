"""The reviewer's queue (待审核填报): submitted values across plans, with plan titles and the
plausibility flags of each value, one page at a time."""

from __future__ import annotations

from pydantic import BaseModel

from planwatch.model.plan import Plan
from planwatch.storage import Storage, best_actuals, latest_plan, list_plans, submissions as subs
from planwatch.storage.submissions import SubmissionRecord
from planwatch.workflow.plausibility import DEFAULT_POLICY, Flag, ReviewPolicy, plausibility_flags
from planwatch.workflow.principal import Actor, require_reviewer

PAGE_SIZE = 100
MAX_PAGE_SIZE = 500


class QueueItem(BaseModel):
    plan_title: str
    submission: SubmissionRecord
    flags: list[Flag] = []


class QueuePage(BaseModel):
    items: list[QueueItem]
    total: int
    offset: int
    limit: int


class _Context:
    """Plans and their live values, loaded once per plan for one page of the queue."""

    def __init__(self, store: Storage, policy: ReviewPolicy) -> None:
        self.store, self.policy = store, policy
        self.titles = {p.id: p.title for p in list_plans(store)}
        self._plans: dict[int, tuple[Plan | None, dict[tuple[str, int], float]]] = {}

    def item(self, sub: SubmissionRecord) -> QueueItem:
        if sub.plan_id not in self._plans:
            stored = {(a.indicator, a.year): a.value for a in best_actuals(self.store,
                                                                           sub.plan_id)}
            self._plans[sub.plan_id] = (latest_plan(self.store, sub.plan_id), stored)
        plan, stored = self._plans[sub.plan_id]
        flags = [] if plan is None else plausibility_flags(
            plan, sub.indicator, sub.year, sub.value, stored, self.policy)
        return QueueItem(plan_title=self.titles.get(sub.plan_id, f"规划{sub.plan_id}"),
                         submission=sub, flags=flags)


def review_queue(store: Storage, actor: Actor, plan_id: int | None = None,
                 status: str = "submitted", *, offset: int = 0, limit: int = PAGE_SIZE,
                 policy: ReviewPolicy = DEFAULT_POLICY, department_id: int | None = None,
                 search: str | None = None) -> QueuePage:
    """One page of submissions in ``status`` (reviewer / admin), oldest first; narrowed to one
    plan, one department (by id) and indicators whose name contains ``search``."""
    require_reviewer(actor)
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    offset = max(0, offset)
    rows, total = subs.page_submissions(store, plan_id, status=status,
                                        department_id=department_id, search=search or None,
                                        offset=offset, limit=limit)
    context = _Context(store, policy)
    return QueuePage(items=[context.item(s) for s in rows], total=total, offset=offset,
                     limit=limit)


def submission_for_review(store: Storage, actor: Actor, submission_id: int,
                          policy: ReviewPolicy = DEFAULT_POLICY) -> QueueItem:
    """One submission as a queue row (reviewer / admin), after approving or returning it."""
    require_reviewer(actor)
    return _Context(store, policy).item(subs.get_submission(store, submission_id))
