"""Upload → review → confirm (上传、校对、确认入库).

:func:`preview_upload` extracts a document and keeps the result as a pending upload (not yet a
plan); :func:`confirm_upload` applies the reviewer's corrections, stores the plan as a new
version and records every correction (who, when, field, old, new) in the audit log.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from planwatch.errors import PlanwatchError
from planwatch.evaluate import audit_plan
from planwatch.model.findings import Finding
from planwatch.model.plan import Plan
from planwatch.storage import Storage, import_plan
from planwatch.storage.plan_access import PendingUpload, add_correction, add_pending, claim_pending
from planwatch.storage.types import utcnow
from planwatch.workflow.errors import Invalid, NotFound
from planwatch.workflow.principal import Actor, require_reviewer
from planwatch.workflow.validation import check_number, check_text


class Correction(BaseModel):
    """Set one field of the extracted plan: ``field`` is a dotted path such as ``meta.title``
    or ``indicators.3.target``; ``value`` is the new JSON value."""

    field: str
    value: Any


class UploadPreview(BaseModel):
    upload_id: str
    source_name: str
    plan: Plan
    findings: list[Finding]


class ConfirmedPlan(BaseModel):
    plan_id: int
    version_id: int
    created: bool
    corrections: int


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
        plan_json=plan.model_dump_json(), created_at=utcnow())
    add_pending(store, pending)
    return UploadPreview(upload_id=pending.id, source_name=source_name, plan=plan,
                         findings=[*plan.findings, *audit_plan(plan)])


def _segments(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in path.split(".") if p]


def apply_correction(data: dict[str, Any], fix: Correction) -> tuple[Any, Any]:
    """Set ``fix.field`` in a plan dump; returns (old, new). Unknown paths are refused."""
    parts = _segments(fix.field)
    node: Any = data
    try:
        for part in parts[:-1]:
            node = node[part]
        old = node[parts[-1]]
    except (KeyError, IndexError, TypeError) as exc:
        raise PlanwatchError(f"无法更正字段：{fix.field}", f"no such field: {fix.field}") from exc
    if isinstance(old, dict | list):
        raise PlanwatchError(f"只能更正单个值：{fix.field}", f"not a single value: {fix.field}")
    node[parts[-1]] = fix.value
    return old, fix.value


def _check_correction(fix: Correction) -> None:
    """A correction's path and value: bounded text without NUL bytes, finite numbers."""
    check_text(fix.field, "field", required=True)
    if isinstance(fix.value, str):
        check_text(fix.value, "value_text")
    elif isinstance(fix.value, bool) or fix.value is None:
        return
    elif isinstance(fix.value, int | float):
        check_number(fix.value)
    else:
        raise Invalid("更正值须为单个数值或文字", "a correction value must be a number or a text")


def corrected_plan(plan_json: str, corrections: list[Correction]) -> tuple[Plan, list[tuple[
        str, Any, Any]]]:
    """The plan with every correction applied and the list of (field, old, new) changes."""
    data = json.loads(plan_json)
    changes = []
    for fix in corrections:
        _check_correction(fix)
        old, new = apply_correction(data, fix)
        if old != new:
            changes.append((fix.field, old, new))
    try:
        return Plan.model_validate(data), changes
    except ValidationError as exc:
        raise PlanwatchError("更正后的规划数据无效", f"corrected plan is invalid: {exc}") from exc


def confirm_upload(store: Storage, actor: Actor, upload_id: str,
                   corrections: list[Correction] | None = None) -> ConfirmedPlan:
    """Store a pending upload (with corrections) as a new version of its plan."""
    require_reviewer(actor)
    with store.atomic() as conn:
        pending = claim_pending(conn, upload_id, actor.author)
        if pending is None:
            raise NotFound("上传记录不存在或已过期", f"no pending upload {upload_id}")
        plan, changes = corrected_plan(pending.plan_json, corrections or [])
        result = import_plan(store, plan, pending.source_name, pending.source_sha256,
                             actor.author)
        for field, old, new in changes:
            add_correction(conn, plan_id=result.plan_id, version_id=result.version_id,
                           field=field, old=old, new=new, by=actor.author,
                           source=pending.source_name)
    return ConfirmedPlan(plan_id=result.plan_id, version_id=result.version_id,
                         created=result.created, corrections=len(changes))
