"""Export of one plan with everything recorded about it (规划数据导出).

One JSON document: the current plan (revisions applied) and every stored version, the stored
actuals (every status), target revisions, extraction corrections and the plan's audit trail. It is
what an office hands over when a plan moves to another system or is archived.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from planwatch.storage.actuals import get_actuals
from planwatch.storage.engine import Storage
from planwatch.storage.errors import StorageError
from planwatch.storage.plan_access import list_corrections, plan_audit
from planwatch.storage.plans import get_version_plan, latest_plan, list_versions
from planwatch.storage.revisions import list_revisions

EXPORT_FORMAT = "planwatch-plan-export/1"


def _versions(storage: Storage, plan_id: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for info in list_versions(storage, plan_id):
        plan = get_version_plan(storage, info.id)
        out.append({**info.model_dump(mode="json"),
                    "plan": None if plan is None else plan.model_dump(mode="json")})
    return out


def export_plan(storage: Storage, plan_id: int, *, with_versions: bool = True) -> dict[str, Any]:
    """Everything stored about plan ``plan_id`` as plain JSON-ready data."""
    current = latest_plan(storage, plan_id)
    if current is None:
        raise StorageError("unknown-plan", f"没有编号为 {plan_id} 的规划",
                           f"no plan with id {plan_id}")
    return {
        "format": EXPORT_FORMAT,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "plan_id": plan_id,
        "plan": current.model_dump(mode="json"),
        "versions": _versions(storage, plan_id) if with_versions else [],
        "actuals": [a.model_dump(mode="json") for a in get_actuals(storage, plan_id)],
        "revisions": [r.model_dump(mode="json") for r in list_revisions(storage, plan_id=plan_id)],
        "corrections": [c.model_dump(mode="json") for c in list_corrections(storage, plan_id)],
        "history": [e.model_dump(mode="json") for e in plan_audit(storage, plan_id, limit=100_000)],
    }
