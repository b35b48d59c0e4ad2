"""Upload → review → confirm (上传、校对、确认入库).

:func:`preview_upload` extracts a document and keeps the result, with the document's text for
the source pane, as a pending upload (not yet a plan); :func:`upload_review` reopens it;
:func:`list_uploads` lists the actor's pending uploads and :func:`discard_upload` drops one;
:func:`confirm_upload` applies the reviewer's corrections (see
:mod:`planwatch.workflow.upload_fixes`), stores the plan as a new version and records every
correction (who, when, field, old, new) in the audit log — all in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel

from planwatch.evaluate import audit_plan
from planwatch.model.findings import Finding
from planwatch.model.plan import Plan
from planwatch.storage import Storage, import_plan
from planwatch.storage.plan_access import (
    PendingSummary,
    PendingUpload,
    add_correction,
    add_pending,
    claim_pending,
    discard_pending,
    get_pending,
    list_pending,
)
from planwatch.storage.types import utcnow
from planwatch.workflow.errors import Conflict, Invalid, NotFound
from planwatch.workflow.principal import Actor, require_reviewer
from planwatch.workflow.upload_fixes import (
    Correction,
    CorrectionsInvalid,
    FieldProblem,
    corrected_plan,
)
from planwatch.workflow.upload_source import SourceRow, anchors, source_rows
from planwatch.workflow.validation import check_text

__all__ = ["ConfirmedPlan", "Correction", "CorrectionsInvalid", "FieldProblem",
           "PendingSummary", "UploadPreview", "UploadReview", "confirm_upload",
           "corrected_plan", "discard_upload", "list_uploads", "preview_upload",
           "upload_review"]

_ENVELOPE = "planwatch_upload"
"""Marks a pending upload's stored JSON as {plan, source} (older rows hold the plan alone)."""


class UploadPreview(BaseModel):
    upload_id: str
    source_name: str
    plan: Plan
    findings: list[Finding]


class UploadReview(UploadPreview):
    """A pending upload reopened for review: the extracted plan, the document as rows and,
    per extracted row (``indicators.3``), the key of the source row it came from."""

    created_at: datetime
    source: list[SourceRow]
    anchors: dict[str, str]


class ConfirmedPlan(BaseModel):
    plan_id: int
    version_id: int
    created: bool
    corrections: int
    title: str | None = None


def _pack(plan: Plan, rows: list[SourceRow]) -> str:
    return json.dumps({_ENVELOPE: 1, "plan": plan.model_dump(mode="json"),
                       "source": [r.model_dump(mode="json") for r in rows]},
                      ensure_ascii=False)


def _unpack(text: str) -> tuple[str, list[SourceRow]]:
    """(plan JSON, source rows) of a stored pending upload."""
    data = json.loads(text)
    if isinstance(data, dict) and _ENVELOPE in data:
        rows = [SourceRow.model_validate(r) for r in data.get("source") or []]
        return json.dumps(data["plan"], ensure_ascii=False), rows
    return text, []


def preview_upload(store: Storage, actor: Actor, path: Path, source_name: str) -> UploadPreview:
    """Extract an uploaded document; keep it pending until confirmed (reviewer / admin)."""
    from planwatch.extract.files import extract_file, has_plan_content

    require_reviewer(actor)
    check_text(source_name, "source")
    plan = extract_file(path)
    if not has_plan_content(plan):
        raise Invalid(f"未识别到规划内容（无标题、指标、目标、任务或项目），未导入：{source_name}",
                      "no plan content found (no title, indicators, targets, tasks or "
                      f"projects); nothing stored: {source_name}")
    plan.doc = source_name
    pending = PendingUpload(
        id=secrets.token_hex(16), user_name=actor.username, source_name=source_name,
        source_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        plan_json=_pack(plan, source_rows(path)), created_at=utcnow())
    add_pending(store, pending)
    return UploadPreview(upload_id=pending.id, source_name=source_name, plan=plan,
                         findings=[*plan.findings, *audit_plan(plan)])


def _own_pending(store: Storage, actor: Actor, upload_id: str) -> PendingUpload:
    """The actor's unconfirmed upload (an admin may open anyone's); NotFound otherwise."""
    require_reviewer(actor)
    pending = get_pending(store, upload_id)
    if pending is None or (pending.user_name != actor.username and not actor.is_admin):
        raise NotFound("上传记录不存在或已过期（未确认的上传保留一天）",
                       f"no pending upload {upload_id} (unconfirmed uploads are kept a day)")
    if pending.confirmed_at is not None:
        raise Conflict(f"该上传已由{pending.confirmed_by}确认入库",
                       f"upload already confirmed by {pending.confirmed_by}")
    return pending


def upload_review(store: Storage, actor: Actor, upload_id: str) -> UploadReview:
    """A pending upload of the actor, reopened for review (resume after leaving the page)."""
    pending = _own_pending(store, actor, upload_id)
    plan_json, rows = _unpack(pending.plan_json)
    plan = Plan.model_validate_json(plan_json)
    return UploadReview(upload_id=pending.id, source_name=pending.source_name, plan=plan,
                        findings=[*plan.findings, *audit_plan(plan)],
                        created_at=pending.created_at, source=rows,
                        anchors=anchors(plan, rows))


def list_uploads(store: Storage, actor: Actor) -> list[PendingSummary]:
    """The actor's uploads not yet confirmed or discarded (kept a day), newest first."""
    require_reviewer(actor)
    return list_pending(store, actor.username)


def discard_upload(store: Storage, actor: Actor, upload_id: str) -> None:
    """Drop a pending upload of the actor (nothing was stored from it)."""
    _own_pending(store, actor, upload_id)
    if not discard_pending(store, upload_id):
        raise Conflict("该上传已确认入库，不能放弃", "upload already confirmed; cannot discard")


def confirm_upload(store: Storage, actor: Actor, upload_id: str,
                   corrections: list[Correction] | None = None) -> ConfirmedPlan:
    """Store a pending upload (with corrections) as a new version of its plan. Corrections
    that cannot be applied raise :class:`CorrectionsInvalid`; then nothing is stored and the
    upload stays pending."""
    require_reviewer(actor)
    with store.atomic() as conn:
        pending = claim_pending(conn, upload_id, actor.author)
        if pending is None:
            raise NotFound("上传记录不存在或已过期", f"no pending upload {upload_id}")
        plan, changes = corrected_plan(_unpack(pending.plan_json)[0], corrections or [])
        result = import_plan(store, plan, pending.source_name, pending.source_sha256,
                             actor.author)
        for field, old, new in changes:
            add_correction(conn, plan_id=result.plan_id, version_id=result.version_id,
                           field=field, old=old, new=new, by=actor.author,
                           source=pending.source_name)
    return ConfirmedPlan(plan_id=result.plan_id, version_id=result.version_id,
                         created=result.created, corrections=len(changes),
                         title=plan.meta.title)
