"""The reviewer's queue (待审核填报): submitted values across plans, with plan titles."""

from __future__ import annotations

from pydantic import BaseModel

from planwatch.storage import Storage, list_plans
from planwatch.storage import submissions as subs
from planwatch.storage.submissions import SubmissionRecord
from planwatch.workflow.principal import Actor, require_reviewer


class QueueItem(BaseModel):
    plan_title: str
    submission: SubmissionRecord


def review_queue(store: Storage, actor: Actor, plan_id: int | None = None,
                 status: str = "submitted") -> list[QueueItem]:
    """Submissions waiting for review (reviewer / admin), oldest first."""
    require_reviewer(actor)
    titles = {p.id: p.title for p in list_plans(store)}
    return [QueueItem(plan_title=titles.get(s.plan_id, f"规划{s.plan_id}"), submission=s)
            for s in subs.list_submissions(store, plan_id, status=status)]


def submission_for_review(store: Storage, actor: Actor, submission_id: int) -> QueueItem:
    """One submission as a queue row (reviewer / admin), after approving or returning it."""
    require_reviewer(actor)
    sub = subs.get_submission(store, submission_id)
    titles = {p.id: p.title for p in list_plans(store)}
    return QueueItem(plan_title=titles.get(sub.plan_id, f"规划{sub.plan_id}"), submission=sub)
