"""动态调整 (target revision): a reviewer or admin changes a target of the plan's latest version
on a documented basis — a new value (and optionally a new year), the reason and the authorising
document (批准文号/文件名) are required. The original stays (``targets.original_*``), every
revision is kept with who, when, why and old → new, and the change is audited, all in one
transaction. The evaluation then uses the revised target (``storage.latest_plan`` applies it)."""

from __future__ import annotations

from pydantic import BaseModel

from planwatch.catalog.names import name_key
from planwatch.storage import Storage, list_targets, list_versions
from planwatch.storage.plan_access import is_public
from planwatch.storage.revisions import (
    TargetRecord,
    TargetRevision,
    revise_latest_target,
    revised_latest_targets,
)
from planwatch.workflow.archive import require_not_archived
from planwatch.workflow.errors import Invalid, NotFound
from planwatch.workflow.plans import load_plan
from planwatch.workflow.principal import Actor, require_reviewer
from planwatch.workflow.validation import check_number, check_text, check_year


class RevisionResult(BaseModel):
    """A stored revision with the target it changed and that target's original."""

    plan_id: int
    subject: str
    index: int | None
    """The row of the plan's indicator table (None for a prose target)."""
    original_value: float
    original_year: int | None
    revision: TargetRevision


class RevisedTarget(BaseModel):
    """An indicator whose target was revised: the original beside the one in force."""

    index: int
    value: float
    year: int | None
    original_value: float
    original_year: int | None
    revisions: int


def _check(actor: Actor, value: float, year: int | None, reason: str | None,
           document: str | None) -> tuple[float, str, str]:
    require_reviewer(actor)
    number = check_number(value)
    if year is not None:
        check_year(year)
    check_text(reason, "reason", required=True)
    check_text(document, "document", required=True)
    assert reason is not None and document is not None
    return number, reason.strip(), document.strip()


def _unchanged(value: float, year: int | None, current: float | None,
               current_year: int | None) -> None:
    if value == current and (year is None or year == current_year):
        raise Invalid("新目标与现行目标相同，无需调整", "the new target equals the current one",
                      ["value: 与现行目标相同 / equals the current target"])


def _year_after_base(year: int | None, base_year: int | None) -> None:
    if year is not None and base_year is not None and year <= base_year:
        raise Invalid(f"目标年份须晚于基期（{base_year}年）",
                      f"the target year must be after the base year {base_year}",
                      [f"year: 须晚于{base_year} / must be after {base_year}"])


def _stored(store: Storage, plan_id: int, origin: str, position: int, value: float,
            year: int | None, reason: str, document: str, actor: Actor,
            expected: float | None) -> TargetRevision:
    revision = revise_latest_target(store, plan_id, origin=origin, position=position,
                                    new_value=value, new_year=year, reason=reason,
                                    document=document, by=actor.author,
                                    expected_value=expected)
    if revision is None:
        raise NotFound("该目标已不在规划的最新版本中，请刷新后重试",
                       "the target is not in the plan's latest version; reload")
    return revision


def _original(store: Storage, plan_id: int, origin: str, position: int) -> TargetRecord:
    versions = list_versions(store, plan_id)
    return next(t for t in list_targets(store, versions[-1].id)
                if t.origin == origin and t.position == position)


def revise_indicator_target(store: Storage, actor: Actor, plan_id: int, index: int, *,
                            value: float, reason: str | None, document: str | None,
                            year: int | None = None,
                            expected: float | None = None) -> RevisionResult:
    """动态调整 of the ``index``-th indicator of the plan's table (reviewer / admin).
    ``expected``: the target value the form showed (409 when it was changed meanwhile)."""
    number, why, basis = _check(actor, value, year, reason, document)
    plan = load_plan(store, plan_id)
    if not 0 <= index < len(plan.indicators):
        raise NotFound(f"指标{index}不存在", f"no indicator {index}")
    ind = plan.indicators[index]
    if ind.target is None:
        raise Invalid(f"指标“{ind.name}”没有量化目标，不能调整",
                      f"indicator {ind.name} has no numeric target to revise")
    _unchanged(number, year, ind.target, ind.target_year)
    _year_after_base(year, ind.baseline_year)
    revision = _stored(store, plan_id, "indicator", index, number, year, why, basis, actor,
                       expected)
    original = _original(store, plan_id, "indicator", index)
    return RevisionResult(plan_id=plan_id, subject=ind.name, index=index,
                          original_value=original.original_value,
                          original_year=original.original_year, revision=revision)


def _named(store: Storage, plan_id: int, name: str) -> TargetRecord:
    """The one target of the latest version named ``name`` (an indicator name or a prose
    subject; the indicator table's row before prose)."""
    versions = list_versions(store, plan_id)
    rows = list_targets(store, versions[-1].id) if versions else []
    key = name_key(name)
    hits = [t for t in rows if name_key(t.subject) == key]
    tabled = [t for t in hits if t.origin == "indicator"]
    hits = tabled if len(tabled) == 1 else hits
    if len(hits) != 1:
        names = "、".join(t.subject for t in rows[:12])
        zh = "找不到该目标" if not hits else "目标名称不唯一"
        raise NotFound(f"{zh}：{name}（可选：{names}）", f"no single target named {name}")
    return hits[0]


def revise_plan_target(store: Storage, actor: Actor, plan_id: int, name: str, value: float, *,
                       reason: str | None, year: int | None = None,
                       document: str | None = None) -> RevisionResult:
    """动态调整 of the target named ``name`` (an indicator name or a prose subject) — the CLI's
    ``planwatch revise``; the same checks and transaction as :func:`revise_indicator_target`."""
    number, why, basis = _check(actor, value, year, reason, document)
    load_plan(store, plan_id)
    target = _named(store, plan_id, name)
    if target.origin == "indicator":
        return revise_indicator_target(store, actor, plan_id, target.position, value=number,
                                       reason=why, document=basis, year=year)
    _unchanged(number, year, target.value, target.year)
    revision = _stored(store, plan_id, "prose", target.position, number, year, why, basis,
                       actor, None)
    return RevisionResult(plan_id=plan_id, subject=target.subject, index=None,
                          original_value=target.original_value,
                          original_year=target.original_year, revision=revision)


def revised_targets(store: Storage, actor: Actor | None, plan_id: int) -> dict[int, RevisedTarget]:
    """The indicators of the plan's table whose target is revised (已调整), by row, with the
    original beside the target in force (the plan visible to ``actor``; one query)."""
    if actor is None and not is_public(store, plan_id):
        raise NotFound(f"规划{plan_id}不存在或未公开", f"no public plan {plan_id}")
    require_not_archived(store, actor, plan_id)
    return {t.position: RevisedTarget(index=t.position, value=t.value, year=t.year,
                                      original_value=t.original_value,
                                      original_year=t.original_year, revisions=n)
            for t, n in revised_latest_targets(store, plan_id) if t.origin == "indicator"}
