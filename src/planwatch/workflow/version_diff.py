"""What changed between two stored versions of a plan (版本对比): basic facts, indicators added,
removed and changed field by field, prose targets, tasks, and the 动态调整 recorded on either
version. Each version is compared as it stands (its targets with their revisions applied);
every label is Chinese, no field name or code is shown."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from planwatch.model.plan import Indicator, Plan, Target, Task
from planwatch.storage import Storage, get_version_plan, list_revisions, list_targets, list_versions
from planwatch.storage.plans import PlanVersionInfo
from planwatch.workflow.errors import Invalid, NotFound
from planwatch.workflow.history import INDICATOR_LABELS, META_LABELS, TASK_LABELS, show
from planwatch.workflow.plans import load_plan
from planwatch.workflow.principal import Actor, require_reviewer

META_COMPARED = ("title", "region", "doc_type", "period_start", "period_end", "issued",
                 "doc_number")
INDICATOR_COMPARED = ("unit", "baseline_year", "baseline", "target_year", "target",
                      "target_max", "target_comparator", "annual_growth_pct", "attribute",
                      "target_text")
TASK_COMPARED = ("number", "lead", "support", "deadline")


class FieldChange(BaseModel):
    """``what`` (a Chinese label) was ``old`` and is ``new`` (display texts)."""

    what: str
    old: str | None
    new: str | None


class ItemChange(BaseModel):
    """An indicator or task: a one-line summary, and its changed fields when it is in both."""

    subject: str
    summary: str | None = None
    changes: list[FieldChange] = []


class VersionBrief(BaseModel):
    number: int
    imported_at: datetime
    imported_by: str
    source_name: str | None


class RevisionLine(BaseModel):
    """A 动态调整 recorded on a target of one of the two versions."""

    version: int
    subject: str
    old: str
    new: str
    reason: str
    document: str | None
    by: str
    at: datetime


class PlanDiff(BaseModel):
    plan_id: int
    older: VersionBrief
    newer: VersionBrief
    meta: list[FieldChange]
    indicators_added: list[ItemChange]
    indicators_removed: list[ItemChange]
    indicators_changed: list[ItemChange]
    targets_added: list[str]
    targets_removed: list[str]
    tasks_added: list[ItemChange]
    tasks_removed: list[ItemChange]
    tasks_changed: list[ItemChange]
    revisions: list[RevisionLine]
    same: bool
    """Nothing differs (revisions aside)."""


def _changes(old: Any, new: Any, fields: tuple[str, ...],
             labels: dict[str, str]) -> list[FieldChange]:
    out = []
    for name in fields:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            out.append(FieldChange(what=labels[name], old=show(before, name),
                                   new=show(after, name)))
    return out


def _target_text(value: float | None, year: int | None, unit: str | None = None,
                 comparator: str | None = None) -> str:
    if value is None:
        return "无量化目标"
    sign = show(comparator, "comparator") if comparator not in (None, "=") else ""
    return f"{sign}{show(value)}{unit or ''}" + (f"（{year}年）" if year else "")


def _indicator_summary(ind: Indicator) -> str:
    return "目标" + _target_text(ind.target, ind.target_year, ind.unit, ind.target_comparator)


def _prose(t: Target) -> str:
    return f"{t.subject}：" + _target_text(t.value, t.year, t.unit, t.comparator)


def _task_key(task: Task) -> str:
    return "".join(task.title.split())


def _task_summary(task: Task) -> str:
    lead = "、".join(task.lead) or "未明确牵头单位"
    return f"牵头：{lead}" + (f"；时限：{task.deadline}" if task.deadline else "")


def _indicators(old: Plan, new: Plan) -> tuple[list[ItemChange], ...]:
    before = {i.name: i for i in old.indicators}
    after = {i.name: i for i in new.indicators}
    added = [ItemChange(subject=n, summary=_indicator_summary(i)) for n, i in after.items()
             if n not in before]
    removed = [ItemChange(subject=n, summary=_indicator_summary(i)) for n, i in before.items()
               if n not in after]
    changed = [ItemChange(subject=n, changes=c) for n, i in after.items() if n in before
               if (c := _changes(before[n], i, INDICATOR_COMPARED, INDICATOR_LABELS))]
    return added, removed, changed


def _tasks(old: Plan, new: Plan) -> tuple[list[ItemChange], ...]:
    before = {_task_key(t): t for t in old.tasks}
    after = {_task_key(t): t for t in new.tasks}
    added = [ItemChange(subject=t.title, summary=_task_summary(t)) for k, t in after.items()
             if k not in before]
    removed = [ItemChange(subject=t.title, summary=_task_summary(t)) for k, t in before.items()
               if k not in after]
    changed = [ItemChange(subject=t.title, changes=c) for k, t in after.items() if k in before
               if (c := _changes(before[k], t, TASK_COMPARED, TASK_LABELS))]
    return added, removed, changed


def _revision_lines(store: Storage, version: PlanVersionInfo) -> list[RevisionLine]:
    subjects = {t.id: t.subject for t in list_targets(store, version.id)}
    return [RevisionLine(version=version.version_no, subject=subjects.get(r.target_id, ""),
                         old=_target_text(r.old_value, r.old_year),
                         new=_target_text(r.new_value, r.new_year), reason=r.reason,
                         document=r.document, by=r.revised_by, at=r.revised_at)
            for r in list_revisions(store, version_id=version.id)]


def _version(versions: list[PlanVersionInfo], number: int) -> PlanVersionInfo:
    for v in versions:
        if v.version_no == number:
            return v
    raise NotFound(f"版本{number}不存在（共{len(versions)}个版本）", f"no version {number}")


def _brief(v: PlanVersionInfo) -> VersionBrief:
    return VersionBrief(number=v.version_no, imported_at=v.imported_at,
                        imported_by=v.imported_by, source_name=v.source_name)


def plan_versions(store: Storage, actor: Actor, plan_id: int) -> list[VersionBrief]:
    """The stored versions of a plan, oldest first (reviewer / admin)."""
    require_reviewer(actor)
    load_plan(store, plan_id)
    return [_brief(v) for v in list_versions(store, plan_id)]


def plan_diff(store: Storage, actor: Actor, plan_id: int, older: int, newer: int) -> PlanDiff:
    """What changed from version ``older`` to version ``newer`` (numbers, 1 = first import;
    reviewer / admin)."""
    require_reviewer(actor)
    load_plan(store, plan_id)
    if older == newer:
        raise Invalid("请选择两个不同的版本", "choose two different versions",
                      ["to: 与起始版本相同 / same as from"])
    versions = list_versions(store, plan_id)
    a, b = _version(versions, older), _version(versions, newer)
    old = get_version_plan(store, a.id, apply_revisions=True)
    new = get_version_plan(store, b.id, apply_revisions=True)
    assert old is not None and new is not None
    meta = _changes(old.meta, new.meta, META_COMPARED, META_LABELS)
    ind_added, ind_removed, ind_changed = _indicators(old, new)
    task_added, task_removed, task_changed = _tasks(old, new)
    prose_old, prose_new = Counter(map(_prose, old.targets)), Counter(map(_prose, new.targets))
    targets_added = sorted((prose_new - prose_old).elements())
    targets_removed = sorted((prose_old - prose_new).elements())
    parts = (meta, ind_added, ind_removed, ind_changed, task_added, task_removed, task_changed,
             targets_added, targets_removed)
    return PlanDiff(plan_id=plan_id, older=_brief(a), newer=_brief(b), meta=meta,
                    indicators_added=ind_added, indicators_removed=ind_removed,
                    indicators_changed=ind_changed, targets_added=targets_added,
                    targets_removed=targets_removed, tasks_added=task_added,
                    tasks_removed=task_removed, tasks_changed=task_changed,
                    revisions=[*_revision_lines(store, a), *_revision_lines(store, b)],
                    same=not any(parts))
