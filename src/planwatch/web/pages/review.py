"""填报审核 (reviewer queue): approve or return submitted values; HTMX swaps the row."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.web.deps import CurrentActor, PolicyDep, StoreDep, WritingActor
from planwatch.web.pages import filters
from planwatch.web.pages.common import page_router, render, said, said_problems
from planwatch.web.pages.paging import PageRequest, page_request, pager
from planwatch.workflow.review_queue import PAGE_SIZE, review_queue, submission_for_review
from planwatch.workflow.submission_steps import MAX_BATCH

router = page_router()
STATUSES = ("submitted", "returned", "approved")
ReviewPaging = Annotated[PageRequest, Depends(page_request(PAGE_SIZE))]


@router.get("/review")
def queue(request: Request, store: StoreDep, actor: CurrentActor, policy: PolicyDep,
          paging: ReviewPaging, plan: Annotated[str | None, Query()] = None,
          status: Annotated[str, Query(pattern="^(submitted|returned|approved)$")] = "submitted",
          approved: Annotated[int | None, Query(ge=0, le=MAX_BATCH)] = None,
          department: Annotated[str | None, Query()] = None,
          q: Annotated[str | None, Query()] = None) -> Response:
    """The reviewer's queue, one page at a time (403 for departments and viewers); narrowed
    to a plan, a department (id) and indicator names containing ``q``."""
    plan_id = filters.whole(plan, "plan")
    department_id = filters.whole(department, "department")
    search = filters.search_text(q)
    page = review_queue(store, actor, plan_id, status, offset=paging.offset, limit=paging.size,
                        policy=policy, department_id=department_id, search=search)
    return render(request, "review.html", {
        "items": page.items, "pages": pager(request, paging, page.total, len(page.items)),
        "status": status, "plan": plan_id, "statuses": STATUSES, "approved": approved,
        "filter": _filter_choices(store, actor, department_id, search)})


def _filter_choices(store: StoreDep, actor: actions.Actor, department_id: int | None,
                    search: str | None) -> dict[str, Any]:
    return {"department": department_id, "q": search,
            "plans": actions.plan_items(store, actor),
            "departments": actions.list_departments(store, actor)}


@router.post("/review/approve")
def approve_many(request: Request, store: StoreDep, actor: WritingActor, policy: PolicyDep,
                 ids: Annotated[list[int], Form(max_length=MAX_BATCH)] = [],  # noqa: B006
                 ) -> Response:
    """Approve the ticked submissions at once: all or none; when any one cannot be approved
    the queue is shown again with every refusal and its reason (409)."""
    try:
        done = actions.approve_submissions(store, actor, ids, policy=policy)
    except (actions.Conflict, actions.Invalid) as exc:
        page = review_queue(store, actor, policy=policy)
        paging = PageRequest(1, PAGE_SIZE)
        return render(request, "review.html", {
            "items": page.items, "pages": pager(request, paging, page.total, len(page.items),
                                                path="/review"),
            "status": "submitted", "plan": None, "statuses": STATUSES,
            "refusal": {"message": said(request, exc), "problems": said_problems(request, exc)},
            "picked": set(ids), "filter": _filter_choices(store, actor, None, None)},
            status_code=exc.status)
    return RedirectResponse(f"/review?approved={len(done)}", status_code=303)


def _done(request: Request, store: StoreDep, actor: actions.Actor, submission_id: int,
          policy: PolicyDep) -> Response:
    if request.headers.get("hx-request"):
        item = submission_for_review(store, actor, submission_id, policy)
        return render(request, "_review_row.html", {"item": item})
    return RedirectResponse("/review", status_code=303)


@router.post("/review/{submission_id}/approve")
def approve(request: Request, submission_id: int, store: StoreDep, actor: WritingActor,
            policy: PolicyDep, comment: Annotated[str, Form()] = "") -> Response:
    """Approve: the value becomes a stored (locked) actual."""
    actions.approve_submission(store, actor, submission_id, comment.strip() or None,
                               policy=policy)
    return _done(request, store, actor, submission_id, policy)


@router.post("/review/{submission_id}/return")
def return_(request: Request, submission_id: int, store: StoreDep, actor: WritingActor,
            policy: PolicyDep, comment: Annotated[str, Form()] = "") -> Response:
    """Return to the department with a comment (required)."""
    actions.return_submission(store, actor, submission_id, comment, policy=policy)
    return _done(request, store, actor, submission_id, policy)
