"""Lists that grow with use, one page at a time (the rows and how many there are in all,
counted in SQL): a plan's submissions newest first, one's API tokens, the accounts and the
archived plans. Permissions as in the unpaged verbs."""

from __future__ import annotations

from planwatch.storage import Storage, paged, users as store_users
from planwatch.storage.paged import ArchivedPlan
from planwatch.storage.submissions import SubmissionRecord
from planwatch.storage.users import TokenRecord, UserRecord
from planwatch.workflow.errors import NotFound
from planwatch.workflow.principal import Actor, require_admin, require_reviewer
from planwatch.workflow.review_queue import MAX_PAGE_SIZE


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
