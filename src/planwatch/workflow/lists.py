"""Lists that grow with use, one page at a time (the rows and how many there are in all,
counted in SQL): a plan's submissions newest first, one's API tokens, the accounts and the
archived plans. Permissions as in the unpaged verbs."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.storage import Storage, list_regions, paged, users as store_users
from planwatch.storage.paged import ArchivedPlan, PlanFilter
from planwatch.storage.plan_access import public_plan_ids
from planwatch.storage.submissions import SubmissionRecord
from planwatch.storage.users import TokenRecord, UserRecord
from planwatch.workflow.errors import NotFound
from planwatch.workflow.overview import plan_summary_item
from planwatch.workflow.principal import Actor, require_admin, require_reviewer
from planwatch.workflow.review_queue import MAX_PAGE_SIZE
from planwatch.workflow.views import PlanItem


def _window(offset: int, limit: int) -> tuple[int, int]:
    return max(0, offset), max(1, min(limit, MAX_PAGE_SIZE))


def submission_page(store: Storage, actor: Actor, plan_id: int, *, indicator: str | None = None,
                    offset: int = 0, limit: int = 50) -> tuple[list[SubmissionRecord], int]:
    """A plan's submissions (of one indicator), newest first: departments see their own (by
    department id), everyone else all."""
    offset, limit = _window(offset, limit)
    department_id = (actor.department_id or 0) if actor.is_department else None
    return paged.page_submissions_newest(store, plan_id, department_id=department_id,
                                         indicator=indicator, offset=offset, limit=limit)


def token_page(store: Storage, actor: Actor, username: str, *, offset: int = 0,
               limit: int = 50) -> tuple[list[TokenRecord], int]:
    """The API tokens of an account, newest first (admins for anyone, users for themselves)."""
    if actor.username != username:
        require_admin(actor)
    user = store_users.get_user(store, username=username)
    if user is None:
        raise NotFound(f"用户不存在：{username}", f"no user {username}")
    offset, limit = _window(offset, limit)
    return paged.page_tokens(store, user.id, offset=offset, limit=limit)


def user_page(store: Storage, actor: Actor, *, offset: int = 0,
              limit: int = 50) -> tuple[list[UserRecord], int]:
    """The accounts by id (admins)."""
    require_admin(actor)
    offset, limit = _window(offset, limit)
    return paged.page_users(store, offset=offset, limit=limit)


def archived_plan_page(store: Storage, actor: Actor, *, offset: int = 0,
                       limit: int = 50) -> tuple[list[ArchivedPlan], int]:
    """The archived plans, most recently archived first (reviewers)."""
    require_reviewer(actor)
    offset, limit = _window(offset, limit)
    return paged.page_archived_plans(store, offset=offset, limit=limit)


@dataclass(frozen=True)
class PlanQuery:
    """The plan list's search and filters (None: any): words of the title, a region (with the
    regions below it), a period (start, end) and ``public`` / ``internal`` / ``archived``."""

    search: str | None = None
    region_id: int | None = None
    period: tuple[int, int] | None = None
    status: str | None = None


PLAN_STATUSES = ("public", "internal", "archived")


def plan_page(store: Storage, actor: Actor | None, query: PlanQuery, *, offset: int = 0,
              limit: int = 50) -> tuple[list[PlanItem], int]:
    """The plans matching ``query`` the actor may see (anonymous: public ones; archived ones
    only for reviewers), by id, filtered and counted in SQL."""
    if query.status is not None and query.status not in PLAN_STATUSES:
        raise NotFound(f"未知的状态：{query.status}", f"unknown status {query.status}")
    if query.status == "archived":
        if actor is None:
            return [], 0
        require_reviewer(actor)
    regions = None if query.region_id is None else region_and_below(store, query.region_id)
    offset, limit = _window(offset, limit)
    rows, total = paged.page_plans(
        store, PlanFilter(search=query.search or None, region_ids=regions, period=query.period,
                          status=query.status),
        public_only=actor is None, offset=offset, limit=limit)
    public = public_plan_ids(store)
    return [plan_summary_item(store, p, public) for p in rows], total


def region_and_below(store: Storage, region_id: int) -> list[int]:
    """The region's id and the ids of every region below it."""
    out = [region_id]
    for child in list_regions(store, region_id):
        out += region_and_below(store, child.id)
    return out


def region_options(store: Storage, parent: int | None = None,
                   depth: int = 0) -> list[tuple[int, str, int]]:
    """Every region as (id, name, depth), each followed by the regions below it."""
    out: list[tuple[int, str, int]] = []
    for r in list_regions(store, parent):
        out.append((r.id, r.name, depth))
        out += region_options(store, r.id, depth + 1)
    return out


def plan_periods(store: Storage, actor: Actor | None) -> list[tuple[int, int]]:
    """The periods of the plans on the list (newest first), for the period filter."""
    return paged.plan_periods(store, public_only=actor is None)
