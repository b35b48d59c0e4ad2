"""Two more steps of a submission's review: a department withdraws its own submission while it
waits for review (撤回), and a reviewer approves several at once (批量通过) — all or none.

Both are one transaction, checked by ids (the submitting account or department, the status) and
audited like every transition (:func:`planwatch.storage.submissions.transition`)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError

from planwatch.errors import PlanwatchError
from planwatch.storage import Storage, submissions as subs
from planwatch.storage.errors import StorageError
from planwatch.storage.submissions import SubmissionRecord
from planwatch.workflow.errors import Conflict, Forbidden, Invalid
from planwatch.workflow.plausibility import DEFAULT_POLICY, ReviewPolicy
from planwatch.workflow.principal import Actor, require_reviewer, require_writer
from planwatch.workflow.submissions import approve_step
from planwatch.workflow.validation import check_text

MAX_BATCH = 500


def _may_withdraw(actor: Actor, sub: SubmissionRecord) -> bool:
    """The submitting account, or (for a department account) its department — by ids."""
    if actor.user_id is not None and sub.submitted_by_id == actor.user_id:
        return True
    return (actor.is_department and actor.department_id is not None
            and sub.department_id == actor.department_id)


def withdraw_submission(store: Storage, actor: Actor, submission_id: int) -> SubmissionRecord:
    """Take back one's own submission while it waits for review: it becomes a draft again
    (to be corrected and submitted anew). Refused once a reviewer has decided (409) and for
    anybody else's submission (403)."""
    require_writer(actor)
    with store.atomic() as conn:
        sub = subs.lock_submission(conn, submission_id)
        if not _may_withdraw(actor, sub):
            raise Forbidden("只能撤回本人或本部门提交的填报", "you may withdraw only your own "
                            "or your department's submissions")
        if sub.status != "submitted":
            raise Conflict(f"填报{submission_id}已不在待审核状态，不能撤回",
                           f"submission {submission_id} is no longer awaiting review: it "
                           "cannot be withdrawn")
        return subs.transition(conn, submission_id, expected=("submitted",), by=actor.author,
                               status="draft", submitted_at=None)


def _unique(ids: Sequence[int]) -> list[int]:
    found = list(dict.fromkeys(int(i) for i in ids))
    if not found:
        raise Invalid("未选择任何填报", "no submission selected")
    if len(found) > MAX_BATCH:
        raise Invalid(f"一次最多批量通过{MAX_BATCH}条", f"at most {MAX_BATCH} at once")
    return found


def _refusal(store: Storage, submission_id: int, exc: PlanwatchError) -> tuple[str, str]:
    """Why one submission of a batch cannot pass, in Chinese and English."""
    try:
        sub = subs.get_submission(store, submission_id)
    except StorageError:
        return f"#{submission_id}：{exc.zh}", f"#{submission_id}: {exc.en}"
    return (f"#{submission_id}（{sub.indicator} {sub.year}年）：{exc.zh}",
            f"#{submission_id} ({sub.indicator}, {sub.year}): {exc.en}")


def approve_submissions(store: Storage, actor: Actor, submission_ids: Sequence[int],
                        comment: str | None = None, *,
                        policy: ReviewPolicy = DEFAULT_POLICY) -> list[SubmissionRecord]:
    """Approve several submissions in one transaction, each checked as a single approval is
    (status, four-eyes, locked cells — two of one cell cannot both pass): when any one fails,
    none is approved and the Conflict lists every one that failed and why."""
    require_reviewer(actor)
    check_text(comment, "comment")
    ids = _unique(submission_ids)
    done: list[SubmissionRecord] = []
    refused: list[tuple[str, str]] = []
    try:
        with store.atomic():
            for sid in ids:
                try:
                    done.append(approve_step(store, actor, sid, comment, policy))
                except PlanwatchError as exc:  # refused (locked, four-eyes, unknown …)
                    refused.append(_refusal(store, sid, exc))
            if refused:
                raise Conflict(f"未通过任何填报：{len(refused)}条不能通过（见下）",
                               f"nothing approved: {len(refused)} of {len(ids)} cannot be "
                               "approved (listed)", [zh for zh, _ in refused],
                               [en for _, en in refused])
    except IntegrityError as exc:  # PostgreSQL: a concurrent approval stored a cell first
        raise Conflict("未通过任何填报：有的数值刚由他人审核锁定，请刷新后重试",
                       "nothing approved: a value was locked meanwhile by another approval; "
                       "reload and try again") from exc
    return done
