"""One page of a list and how many rows there are in all, counted and cut in SQL (``COUNT``,
``LIMIT``/``OFFSET``): submissions newest first, API tokens, accounts and archived plans — the
lists of the HTML pages that grow with use."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Table, func, select

from planwatch.storage.engine import Storage
from planwatch.storage.plan_archive import ArchiveRecord
from planwatch.storage.schema import plans
from planwatch.storage.schema_web import api_tokens, plan_archive, submissions, users
from planwatch.storage.submissions import SubmissionRecord
from planwatch.storage.users import TokenRecord, UserRecord


class ArchivedPlan(BaseModel):
    """An archived plan's title with who archived it, when and why."""

    title: str
    archive: ArchiveRecord


def _page(storage: Storage, table: Table, order: list[ColumnElement[Any]],
          conds: list[ColumnElement[bool]], *, offset: int,
          limit: int) -> tuple[list[dict[str, Any]], int]:
    """The rows of ``table`` matching ``conds`` in ``order`` from ``offset``, at most
    ``limit``, and how many match in all."""
    query = select(table).order_by(*order)
    count = select(func.count()).select_from(table).where(*conds)
    with storage.reading() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = conn.execute(query.where(*conds).offset(offset).limit(limit)).mappings().all()
    return [dict(r) for r in rows], total


def page_submissions_newest(storage: Storage, plan_id: int, *, department_id: int | None = None,
                            indicator: str | None = None, offset: int = 0,
                            limit: int = 50) -> tuple[list[SubmissionRecord], int]:
    """Submissions of a plan (of one department and indicator), newest first, and the total."""
    conds = [submissions.c.plan_id == plan_id]
    if department_id is not None:
        conds.append(submissions.c.department_id == department_id)
    if indicator is not None:
        conds.append(submissions.c.indicator == indicator)
    rows, total = _page(storage, submissions, [submissions.c.id.desc()], conds, offset=offset,
                        limit=limit)
    return [SubmissionRecord.model_validate(r) for r in rows], total


def page_tokens(storage: Storage, user_id: int, *, offset: int = 0,
                limit: int = 50) -> tuple[list[TokenRecord], int]:
    """API tokens of an account, newest first, and the total."""
    rows, total = _page(storage, api_tokens, [api_tokens.c.id.desc()],
                        [api_tokens.c.user_id == user_id], offset=offset, limit=limit)
    return [TokenRecord.model_validate(r) for r in rows], total


def page_users(storage: Storage, *, offset: int = 0,
               limit: int = 50) -> tuple[list[UserRecord], int]:
    """Accounts by id, and the total."""
    rows, total = _page(storage, users, [users.c.id], [], offset=offset, limit=limit)
    return [UserRecord.model_validate(r) for r in rows], total


def page_archived_plans(storage: Storage, *, offset: int = 0,
                        limit: int = 50) -> tuple[list[ArchivedPlan], int]:
    """Archived plans, most recently archived first, and the total."""
    query = (select(plan_archive, plans.c.title.label("title"))
             .select_from(plan_archive.join(plans, plans.c.id == plan_archive.c.plan_id))
             .order_by(plan_archive.c.archived_at.desc(), plan_archive.c.plan_id.desc()))
    with storage.reading() as conn:
        total = int(conn.execute(select(func.count()).select_from(plan_archive)).scalar_one())
        rows = conn.execute(query.offset(offset).limit(limit)).mappings().all()
    out = []
    for r in rows:
        row = dict(r)
        title = str(row.pop("title"))
        out.append(ArchivedPlan(title=title, archive=ArchiveRecord.model_validate(row)))
    return out, total
