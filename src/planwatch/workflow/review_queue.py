"""The reviewer's queue (待审核填报): submitted values across plans, one page at a time, each
with what a reviewer needs beside it — computed here once, shown alike by the page and the API:
the indicator's baseline and target (with its comparator), last year's value and the change
against it, the plausibility flags, and for a resubmission the value and comment it was
returned with."""

from __future__ import annotations

from pydantic import BaseModel

from planwatch.model.plan import Comparator, Indicator, Plan
from planwatch.storage import Storage, best_actuals, latest_plan, list_plans, submissions as subs
from planwatch.storage.submission_rounds import ReturnedRound, last_returns
from planwatch.storage.submissions import SubmissionRecord
from planwatch.workflow.plausibility import (
    DEFAULT_POLICY,
    Flag,
    LastYear,
    ReviewPolicy,
    change_pct,
    last_year,
    plausibility_flags,
)
from planwatch.workflow.principal import Actor, require_reviewer

PAGE_SIZE = 100
MAX_PAGE_SIZE = 500


class ReviewContext(BaseModel):
    """The indicator as the plan states it (targets as revised by 动态调整) and last year's
    value, beside one submitted value."""

    unit: str | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    target: float | None = None
    target_max: float | None = None
    target_comparator: Comparator | None = None
    target_year: int | None = None
    growth_pct: float | None = None
    """A rate target (年均增长 X %) where the plan gives no target level."""
    growth_comparator: Comparator | None = None
    last_year: LastYear | None = None
    change_pct: float | None = None
    """The submitted value's change (%) against ``last_year``."""


class QueueItem(BaseModel):
    plan_title: str
    submission: SubmissionRecord
    flags: list[Flag] = []
    context: ReviewContext = ReviewContext()
    returned: ReturnedRound | None = None
    """For a resubmission: the value and comment it was last returned with."""


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

    def item(self, sub: SubmissionRecord, returned: ReturnedRound | None = None) -> QueueItem:
        if sub.plan_id not in self._plans:
            stored = {(a.indicator, a.year): a.value for a in best_actuals(self.store,
                                                                           sub.plan_id)}
            self._plans[sub.plan_id] = (latest_plan(self.store, sub.plan_id), stored)
        plan, stored = self._plans[sub.plan_id]
        flags = [] if plan is None else plausibility_flags(
            plan, sub.indicator, sub.year, sub.value, stored, self.policy)
        context = ReviewContext() if plan is None else _context(plan, sub, stored)
        return QueueItem(plan_title=self.titles.get(sub.plan_id, f"规划{sub.plan_id}"),
                         submission=sub, flags=flags, context=context, returned=returned)

    def items(self, rows: list[SubmissionRecord]) -> list[QueueItem]:
        returns = last_returns(self.store, [s.id for s in rows])
        return [self.item(s, returns.get(s.id)) for s in rows]


def _indicator(plan: Plan, name: str) -> Indicator | None:
    return next((i for i in plan.indicators if i.name == name), None)


def _context(plan: Plan, sub: SubmissionRecord,
             stored: dict[tuple[str, int], float]) -> ReviewContext:
    last = last_year(plan, sub.indicator, sub.year, stored)
    ind = _indicator(plan, sub.indicator)
    change = change_pct(sub.value, last)
    if ind is None:
        return ReviewContext(last_year=last, change_pct=change)
    level = ind.target is not None
    return ReviewContext(
        unit=ind.unit, baseline=ind.baseline, baseline_year=ind.baseline_year,
        target=ind.target, target_max=ind.target_max, target_year=ind.target_year,
        target_comparator=ind.target_comparator if level else None,
        growth_pct=None if level else ind.annual_growth_pct,
        growth_comparator=None if level else ind.growth_comparator,
        last_year=last, change_pct=change)


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
    return QueuePage(items=_Context(store, policy).items(rows), total=total, offset=offset,
                     limit=limit)


def submission_for_review(store: Storage, actor: Actor, submission_id: int,
                          policy: ReviewPolicy = DEFAULT_POLICY) -> QueueItem:
    """One submission as a queue row (reviewer / admin), after approving or returning it."""
    require_reviewer(actor)
    return _Context(store, policy).items([subs.get_submission(store, submission_id)])[0]
