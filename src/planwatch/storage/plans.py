"""Plans and their versions (规划及其版本).

Re-importing a plan never overwrites: it adds a version, unless the content is identical to the
latest version (then nothing changes). A plan is identified by its region and title.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from typing import NamedTuple

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping, func, select

from planwatch.model.plan import Meta, Plan
from planwatch.storage.audit_log import write_audit
from planwatch.storage.departments import ensure_plan_departments
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.plan_details import (
    apply_revisions as _apply_revisions,
    audit_changes,
    insert_details,
)
from planwatch.storage.regions import RANK, ensure_region_in, guess_level
from planwatch.storage.revisions import carry_revisions
from planwatch.storage.schema import plan_versions, plans, targets
from planwatch.storage.types import Author, as_author, utcnow


class ImportResult(NamedTuple):
    plan_id: int
    version_id: int
    created: bool
    """True when a new version was stored (False: identical to the latest version)."""


class PlanSummary(BaseModel):
    id: int
    region_id: int | None
    title: str
    doc_type: str | None
    period_start: int | None
    period_end: int | None
    latest_version: int | None


class PlanVersionInfo(BaseModel):
    id: int
    plan_id: int
    version_no: int
    content_sha256: str
    source_name: str | None
    source_sha256: str | None
    imported_at: datetime
    imported_by: str


def canonical_json(plan: Plan) -> str:
    """The plan as canonical JSON (sorted keys): the stored form and the base of its digest."""
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def _plan_region(conn: Connection, meta: Meta) -> int | None:
    if not meta.region:
        return None
    level = meta.region_level or guess_level(meta.region)
    province_id = None
    if meta.province and meta.province != meta.region and level != "province":
        province_id = ensure_region_in(conn, meta.province, "province")
    parent_id = province_id
    parent = meta.parent_region
    if parent and parent not in (meta.region, meta.province):
        parent_level = "province" if guess_level(parent) == "province" else "city"
        if RANK[parent_level] < RANK[level]:
            grand = province_id if parent_level == "city" else None
            parent_id = ensure_region_in(conn, parent, parent_level, grand)
    return ensure_region_in(conn, meta.region, level, parent_id)


def _plan_title(plan: Plan, source_name: str | None) -> str:
    title = re.sub(r"\s+", "", plan.meta.title or "")
    return title or source_name or "untitled"


def _ensure_plan(
    conn: Connection, plan: Plan, region_id: int | None, title: str, user: Author
) -> tuple[int, bool]:
    region_cond = (
        plans.c.region_id.is_(None) if region_id is None else (plans.c.region_id == region_id)
    )
    found = conn.execute(
        select(plans.c.id).where(region_cond, plans.c.title == title)
    ).scalar_one_or_none()
    if found is not None:
        return int(found), False
    result = conn.execute(
        plans.insert().values(
            region_id=region_id,
            title=title,
            doc_type=plan.meta.doc_type,
            period_start=plan.meta.period_start,
            period_end=plan.meta.period_end,
            created_at=utcnow(),
            created_by=user.name,
        )
    )
    return inserted_id(result), True


def _latest_version(conn: Connection, plan_id: int) -> RowMapping | None:
    query = (
        select(plan_versions)
        .where(plan_versions.c.plan_id == plan_id)
        .order_by(plan_versions.c.version_no.desc())
        .limit(1)
    )
    return conn.execute(query).mappings().first()


def _sync_plan_row(conn: Connection, plan_id: int, plan: Plan) -> None:
    conn.execute(
        plans.update()
        .where(plans.c.id == plan_id)
        .values(
            doc_type=plan.meta.doc_type,
            period_start=plan.meta.period_start,
            period_end=plan.meta.period_end,
        )
    )


def responsible_names(plan: Plan) -> list[str]:
    """Every department the plan's tasks name (lead, then support), once each."""
    seen: dict[str, None] = {}
    for task in plan.tasks:
        for name in (*task.lead, *task.support):
            seen.setdefault(name, None)
    return list(seen)


def import_plan(
    storage: Storage, plan: Plan, source_name: str | None, sha256: str | None,
    user: Author | str,
) -> ImportResult:
    """Store ``plan`` as a new version of its plan (creating region and plan when new);
    ``user``: the acting account (a bare name: the system under that label)."""
    user = as_author(user)
    content = canonical_json(plan)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    with storage.atomic() as conn:
        region_id = _plan_region(conn, plan.meta)
        title = _plan_title(plan, source_name)
        plan_id, plan_created = _ensure_plan(conn, plan, region_id, title, user)
        latest = _latest_version(conn, plan_id)
        if latest is not None and latest["content_sha256"] == digest:
            return ImportResult(plan_id, int(latest["id"]), False)
        version_no = 1 if latest is None else int(latest["version_no"]) + 1
        version_id = inserted_id(conn.execute(plan_versions.insert().values(
            plan_id=plan_id, version_no=version_no, plan_json=content, content_sha256=digest,
            source_name=source_name, source_sha256=sha256, imported_at=utcnow(),
            imported_by=user.name,
        )))  # fmt: skip
        insert_details(conn, version_id, plan)
        ensure_plan_departments(conn, region_id, responsible_names(plan))
        if plan_created:
            write_audit(conn, user=user, entity="plan", entity_id=plan_id, field="created",
                        new=title, source=source_name)  # fmt: skip
        else:
            assert latest is not None
            old = Plan.model_validate_json(latest["plan_json"])
            audit_changes(conn, plan_id, old, plan, user, source_name)
            _sync_plan_row(conn, plan_id, plan)
            carry_revisions(conn, int(latest["id"]), version_id, by=user, version_no=version_no)
        write_audit(conn, user=user, entity="plan", entity_id=plan_id, field="version",
                    old=None if latest is None else int(latest["version_no"]), new=version_no,
                    source=source_name)  # fmt: skip
    return ImportResult(plan_id, version_id, True)


def list_plans(storage: Storage) -> list[PlanSummary]:
    """Every plan with its latest version number, by id."""
    latest = (
        select(plan_versions.c.plan_id, func.max(plan_versions.c.version_no).label("latest"))
        .group_by(plan_versions.c.plan_id)
        .subquery()
    )
    query = (
        select(plans, latest.c.latest.label("latest_version"))
        .outerjoin(latest, latest.c.plan_id == plans.c.id)
        .order_by(plans.c.id)
    )
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [PlanSummary.model_validate(dict(row)) for row in rows]


def list_versions(storage: Storage, plan_id: int) -> list[PlanVersionInfo]:
    """All versions of a plan, oldest first."""
    query = (
        select(plan_versions)
        .where(plan_versions.c.plan_id == plan_id)
        .order_by(plan_versions.c.version_no)
    )
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [PlanVersionInfo.model_validate(dict(row)) for row in rows]


def get_version_plan(storage: Storage, version_id: int, *,
                     apply_revisions: bool = False) -> Plan | None:
    """The plan exactly as imported in ``version_id``; with ``apply_revisions`` its targets
    carry the values that version's target rows hold now (动态调整后)."""
    query = select(plan_versions.c.plan_json).where(plan_versions.c.id == version_id)
    with storage.reading() as conn:
        text = conn.execute(query).scalar_one_or_none()
        if text is None:
            return None
        plan = Plan.model_validate_json(text)
        if apply_revisions:
            rows = conn.execute(select(targets).where(targets.c.version_id == version_id))
            _apply_revisions(plan, rows.mappings().all())
    return plan


def latest_plan(storage: Storage, plan_id: int, *, apply_revisions: bool = True) -> Plan | None:
    """The latest version of a plan as a Plan; with ``apply_revisions`` the indicator and prose
    targets carry their current (动态调整后) values and years."""
    with storage.reading() as conn:
        latest = _latest_version(conn, plan_id)
        if latest is None:
            return None
        plan = Plan.model_validate_json(latest["plan_json"])
        if apply_revisions:
            rows = (
                conn.execute(select(targets).where(targets.c.version_id == latest["id"]))
                .mappings()
                .all()
            )
            _apply_revisions(plan, rows)
    return plan

