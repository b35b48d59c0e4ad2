"""Actuals: submissions by departments, review by the 科技局, and the stored values."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, Response, UploadFile
from pydantic import BaseModel, Field

from planwatch import actions
from planwatch.storage import ActualRecord, get_actuals
from planwatch.storage.submissions import SubmissionRecord
from planwatch.web.api.paging import Page
from planwatch.web.api.types import Comment, Name, Number, Short, Source, TypedNumber, Year
from planwatch.web.api.uploads import saved_upload
from planwatch.web.deps import CurrentActor, PolicyDep, SettingsDep, StoreDep, WritingActor
from planwatch.web.security import ACTUALS_SUFFIXES
from planwatch.workflow.plans import load_plan
from planwatch.workflow.review_queue import MAX_PAGE_SIZE, PAGE_SIZE, QueuePage, review_queue
from planwatch.workflow.submission_steps import MAX_BATCH

router = APIRouter(tags=["actuals"])
Status = Literal["draft", "submitted", "approved", "returned"]


class SubmissionIn(BaseModel):
    indicator: Name
    year: Year
    value: Number | TypedNumber
    unit: Short | None = None
    source: Source | None = None
    actual_status: Literal["final", "provisional"] = "final"
    draft: bool = False


class CorrectionIn(BaseModel):
    indicator: Name
    year: Year
    value: Number | TypedNumber
    reason: Comment
    unit: Short | None = None
    source: Source | None = None
    actual_status: Literal["final", "provisional"] = "final"


class SubmissionEdit(BaseModel):
    value: Number | TypedNumber | None = None
    year: Year | None = None
    unit: Short | None = None
    source: Source | None = None
    actual_status: Literal["final", "provisional"] | None = None
    submit: bool = False


class ReviewIn(BaseModel):
    comment: Comment | None = None


class ReturnIn(BaseModel):
    comment: Comment


class BatchIn(BaseModel):
    ids: Annotated[list[int], Field(min_length=1, max_length=MAX_BATCH)]
    comment: Comment | None = None


@router.get("/plans/{plan_id}/submissions", response_model=list[SubmissionRecord])
def submissions(plan_id: int, store: StoreDep, actor: CurrentActor, response: Response,
                page: Page, status: Annotated[Status | None, Query()] = None,
                ) -> list[SubmissionRecord]:
    """Departments see their own submissions; reviewers all. One page (oldest first); the
    total is in the ``X-Total-Count`` header."""
    rows, total = actions.page_submissions(store, actor, plan_id, status, offset=page.offset,
                                           limit=page.limit)
    response.headers["X-Total-Count"] = str(total)
    return rows


@router.post("/plans/{plan_id}/submissions", response_model=SubmissionRecord, status_code=201)
def submit(plan_id: int, body: SubmissionIn, store: StoreDep,
           actor: WritingActor) -> SubmissionRecord:
    """Report one value of an indicator of the caller's department."""
    return actions.submit_actual(store, actor, plan_id, body.indicator, body.year, body.value,
                                 unit=body.unit, source=body.source,
                                 actual_status=body.actual_status, draft=body.draft)


@router.post("/plans/{plan_id}/corrections", response_model=SubmissionRecord, status_code=201)
def correct(plan_id: int, body: CorrectionIn, store: StoreDep,
            actor: WritingActor) -> SubmissionRecord:
    """Ask to change a locked (approved) value, with a reason; a reviewer approves it."""
    return actions.request_correction(store, actor, plan_id, body.indicator, body.year,
                                      body.value, reason=body.reason, unit=body.unit,
                                      source=body.source, actual_status=body.actual_status)


@router.post("/plans/{plan_id}/submissions/file", response_model=list[SubmissionRecord],
             status_code=201)
def submit_file(plan_id: int, file: Annotated[UploadFile, File()], store: StoreDep,
                settings: SettingsDep, actor: WritingActor) -> list[SubmissionRecord]:
    """Submit a filled actuals template (.xlsx / .csv): every row or none."""
    with saved_upload(file, ACTUALS_SUFFIXES, settings.max_upload_bytes) as path:
        return actions.submit_actuals_file(store, actor, plan_id, path)


@router.patch("/submissions/{submission_id}", response_model=SubmissionRecord)
def edit(submission_id: int, body: SubmissionEdit, store: StoreDep,
         actor: WritingActor) -> SubmissionRecord:
    """Change a draft or returned submission (approved ones are locked: 403)."""
    changes = body.model_dump(exclude={"submit"}, exclude_none=True)
    return actions.edit_submission(store, actor, submission_id, submit=body.submit, **changes)


@router.post("/submissions/{submission_id}/approve", response_model=SubmissionRecord)
def approve(submission_id: int, body: ReviewIn, store: StoreDep, actor: WritingActor,
            policy: PolicyDep) -> SubmissionRecord:
    """Approve (reviewer): the value is stored as an actual and locked (409 when another
    review came first or the cell is locked meanwhile)."""
    return actions.approve_submission(store, actor, submission_id, body.comment, policy=policy)


@router.post("/submissions/{submission_id}/return", response_model=SubmissionRecord)
def return_(submission_id: int, body: ReturnIn, store: StoreDep, actor: WritingActor,
            policy: PolicyDep) -> SubmissionRecord:
    """Return to the department with a comment (reviewer)."""
    return actions.return_submission(store, actor, submission_id, body.comment, policy=policy)


@router.post("/submissions/{submission_id}/withdraw", response_model=SubmissionRecord)
def withdraw(submission_id: int, store: StoreDep, actor: WritingActor) -> SubmissionRecord:
    """Take back one's own (or one's department's) submission while it waits for review: it
    becomes a draft again (409 once reviewed, 403 for anybody else's)."""
    return actions.withdraw_submission(store, actor, submission_id)


@router.post("/review/approve", response_model=list[SubmissionRecord])
def approve_many(body: BatchIn, store: StoreDep, actor: WritingActor,
                 policy: PolicyDep) -> list[SubmissionRecord]:
    """Approve several submissions in one transaction, all or none: when any one cannot be
    approved (reviewed meanwhile, four-eyes, a locked cell) nothing is and the 409 lists
    each refusal with its reason."""
    return actions.approve_submissions(store, actor, body.ids, body.comment, policy=policy)


@router.get("/review", response_model=QueuePage)
def review(store: StoreDep, actor: CurrentActor, policy: PolicyDep,
           plan: Annotated[int | None, Query()] = None, status: Status = "submitted",
           offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
           department: Annotated[int | None, Query(ge=1, description="部门 id")] = None,
           q: Annotated[str | None, Query(max_length=100,
                                          description="指标名称包含 / indicator name contains")
                        ] = None) -> QueuePage:
    """The reviewer's queue, one page at a time, with plausibility flags per value; narrowed
    to a plan, a department and indicator names containing ``q``."""
    return review_queue(store, actor, plan, status, offset=offset, limit=limit, policy=policy,
                        department_id=department, search=q)


@router.get("/plans/{plan_id}/actuals", response_model=list[ActualRecord])
def stored_actuals(plan_id: int, store: StoreDep, actor: CurrentActor, page: Page,
                   response: Response) -> list[ActualRecord]:
    """The stored (approved / imported) actual values of a plan, one page; total in
    ``X-Total-Count``."""
    load_plan(store, plan_id)
    return page.page(get_actuals(store, plan_id), response)
