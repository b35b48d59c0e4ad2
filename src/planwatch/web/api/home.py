"""The home summary by role (首页): what the caller has to do next — the same object the home
page shows (:func:`planwatch.workflow.home.home_summary`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from planwatch import actions
from planwatch.web.deps import OptionalActor, StoreDep

router = APIRouter(tags=["home"])


@router.get("/home", response_model=actions.HomeSummary)
def home(store: StoreDep, actor: OptionalActor,
         year: Annotated[int | None, Query(ge=1949, le=2100,
                                           description="报送年度 (default: last year)")] = None,
         ) -> actions.HomeSummary:
    """A department: its 待填报 (with the deadline), returned submissions and tasks due; a
    reviewer: the review queue count, overdue departments and plans with 预警 (an admin also
    the accounts); anonymous callers: the published plans."""
    return actions.home_summary(store, actor, year)
