"""动态调整, a plan's history and version diff (reviewers and admins): revise an indicator's
target, read the history (filtered, paged; total in ``X-Total-Count``), list the versions and
compare two of them. The same verbs as the pages and ``planwatch revise`` / ``history``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from planwatch import actions
from planwatch.web.api.types import Comment, Number, Year
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor
from planwatch.workflow.review_queue import MAX_PAGE_SIZE
from planwatch.workflow.version_diff import VersionBrief

router = APIRouter(tags=["revisions"])


class ReviseIn(BaseModel):
    value: Number
    """The new target value."""
    reason: Comment
    """Why (调整理由; required)."""
    document: Comment
    """The authorising document: 批准文号 or file name (required)."""
    year: Year | None = None
    """A new target year (default: unchanged)."""
    expected_value: Number | None = None
    """The target value the client last saw: 409 when it has been revised since."""


@router.post("/plans/{plan_id}/indicators/{index}/revise",
             response_model=actions.RevisionResult, status_code=201)
def revise(plan_id: int, index: int, body: ReviseIn, store: StoreDep,
           actor: WritingActor) -> actions.RevisionResult:
    """动态调整 of the ``index``-th indicator's target (reviewer / admin): the original is kept,
    the revision (who, when, reason, document, old → new) recorded and audited."""
    return actions.revise_indicator_target(store, actor, plan_id, index, value=body.value,
                                           reason=body.reason, document=body.document,
                                           year=body.year, expected=body.expected_value)


@router.get("/plans/{plan_id}/history", response_model=actions.HistoryPage)
def history(plan_id: int, store: StoreDep, actor: CurrentActor, response: Response,
            indicator: Annotated[str | None, Query(max_length=300)] = None,
            kind: Annotated[str | None, Query(max_length=40)] = None,
            since: Annotated[date | None, Query(alias="from")] = None,
            until: Annotated[date | None, Query(alias="to")] = None,
            who: Annotated[str | None, Query(max_length=20,
                                             description="账号 id 或 system")] = None,
            offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
            ) -> actions.HistoryPage:
    """The plan's history, newest first, each entry described (what, old → new, basis,
    reason) with its ``kind`` code; filters: indicator, kind, from/to (dates, inclusive),
    who (account id or ``system``)."""
    actions.plan_versions(store, actor, plan_id)  # reviewer / admin, the plan exists
    where = actions.history_filter(indicator=indicator, kind=kind, since=since, until=until,
                                   who=who)
    page = actions.plan_history(store, actor, plan_id, where, offset=offset, limit=limit)
    response.headers["X-Total-Count"] = str(page.total)
    return page


@router.get("/plans/{plan_id}/versions", response_model=list[VersionBrief])
def versions(plan_id: int, store: StoreDep, actor: CurrentActor) -> list[VersionBrief]:
    """The plan's stored versions, oldest first (reviewer / admin)."""
    return actions.plan_versions(store, actor, plan_id)


@router.get("/plans/{plan_id}/diff", response_model=actions.PlanDiff)
def diff(plan_id: int, store: StoreDep, actor: CurrentActor,
         older: Annotated[int, Query(alias="from", ge=1, le=1_000_000)],
         newer: Annotated[int, Query(alias="to", ge=1, le=1_000_000)]) -> actions.PlanDiff:
    """What changed from version ``from`` to version ``to`` (Chinese labels)."""
    return actions.plan_diff(store, actor, plan_id, older, newer)
