"""Archiving plans (归档): an admin sets a plan aside with a reason, never deleting it. Archived
plans leave the plan list, the region tree and the public page; reviewers still read them by
id; unarchiving brings them back. Both are audited."""

from __future__ import annotations

from planwatch.storage import Storage
from planwatch.storage.plan_archive import (
    ArchiveRecord,
    archive_plan as store_archive,
    archive_record,
    unarchive_plan as store_unarchive,
)
from planwatch.workflow.errors import NotFound
from planwatch.workflow.plans import load_plan
from planwatch.workflow.principal import Actor, require_admin, require_reviewer
from planwatch.workflow.validation import check_text


def archive_plan(store: Storage, actor: Actor, plan_id: int, reason: str) -> ArchiveRecord:
    """Archive a plan (admin; a reason is required); 409 when it already is archived."""
    require_admin(actor)
    check_text(reason, "reason", required=True)
    load_plan(store, plan_id)  # 404 for an unknown plan
    return store_archive(store, plan_id, by=actor.author, reason=reason.strip())


def unarchive_plan(store: Storage, actor: Actor, plan_id: int, reason: str) -> None:
    """Bring an archived plan back (admin; a reason is required); 409 when it is not archived."""
    require_admin(actor)
    check_text(reason, "reason", required=True)
    load_plan(store, plan_id)
    store_unarchive(store, plan_id, by=actor.author, reason=reason.strip())


def archive_confirmation(store: Storage, actor: Actor, plan_id: int) -> ArchiveRecord | None:
    """What the page confirming an archive or unarchive shows (admins only, like the verbs
    themselves): the plan's archive record, None when it is not archived; 404 for no plan."""
    require_admin(actor)
    load_plan(store, plan_id)
    return archive_record(store, plan_id)


def plan_archive_state(store: Storage, actor: Actor, plan_id: int) -> ArchiveRecord | None:
    """Who archived the plan, when and why (None when it is not archived); reviewers."""
    require_reviewer(actor)
    return archive_record(store, plan_id)


def require_not_archived(store: Storage, actor: Actor | None, plan_id: int) -> None:
    """An archived plan is read by id by reviewers only (404 for everyone else)."""
    if (actor is None or not actor.is_reviewer) and archive_record(store, plan_id) is not None:
        raise NotFound(f"规划{plan_id}已归档", f"plan {plan_id} is archived")
