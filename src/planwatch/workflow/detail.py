"""Indicator detail (指标详情): series, planned path, projection, revisions and source."""

from __future__ import annotations

from planwatch.evaluate.names import scope_of, similarity
from planwatch.evaluate.progress import units_compatible
from planwatch.model.plan import Plan
from planwatch.storage import Storage, get_actuals, list_revisions, list_targets, list_versions
from planwatch.storage.revisions import TargetRevision
from planwatch.workflow.errors import NotFound
from planwatch.workflow.overview import cached_overview, visible_plan
from planwatch.workflow.principal import Actor
from planwatch.workflow.views import ActualOut, IndicatorDetail, IndicatorStatus, SourceQuote


def target_path(status: IndicatorStatus) -> list[tuple[int, float]]:
    """The planned value each year from the baseline to the target: straight line, or constant
    growth for 年均增速 (compound) indicators; empty when baseline or target is missing."""
    b, t, y0, y1 = status.baseline, status.target, status.baseline_year, status.target_year
    if b is None or t is None or y0 is None or y1 is None or y1 <= y0:
        return []
    out: list[tuple[int, float]] = []
    for year in range(y0, y1 + 1):
        share = (year - y0) / (y1 - y0)
        if status.path == "compound" and b > 0 and t > 0:
            out.append((year, b * (t / b) ** share))
        elif status.path == "rate":
            out.append((year, t))
        else:
            out.append((year, b + (t - b) * share))
    return out


PROSE_THRESHOLD = 0.6


def prose_quotes(plan: Plan, name: str, unit: str | None,
                 threshold: float = PROSE_THRESHOLD) -> list[SourceQuote]:
    """The one rule matching prose targets (正文目标) to an indicator: the subject names it
    (tolerant name match, same sub-area scope, compatible unit); best match first, one per
    distinct sentence."""
    scope = scope_of(name)
    found: dict[tuple[str, int | None], SourceQuote] = {}
    for t in plan.targets:
        score = similarity(name, t.subject)
        if score < threshold or scope_of(t.subject) != scope:
            continue
        if unit and t.unit and not units_compatible(unit, t.unit, counts_interchangeable=True):
            continue
        key = (t.quote, t.line)
        if key not in found or found[key].score < score:
            found[key] = SourceQuote(subject=t.subject, quote=t.quote, line=t.line,
                                     value=t.value, unit=t.unit, year=t.year, score=score)
    return sorted(found.values(), key=lambda q: (-q.score, q.line or 0))


def _revisions(store: Storage, plan_id: int, index: int) -> list[TargetRevision]:
    versions = list_versions(store, plan_id)
    if not versions:
        return []
    target_ids = [t.id for t in list_targets(store, versions[-1].id)
                  if t.origin == "indicator" and t.position == index]
    return [r for tid in target_ids for r in list_revisions(store, target_id=tid)]


def indicator_detail(store: Storage, actor: Actor | None, plan_id: int, index: int,
                     year: int | None = None) -> IndicatorDetail:
    """Detail of the ``index``-th indicator of the plan's main table."""
    plan = visible_plan(store, actor, plan_id)
    if not 0 <= index < len(plan.indicators):
        raise NotFound(f"指标{index}不存在", f"no indicator {index}")
    overview = cached_overview(store, actor, plan_id, year).view
    year, status = overview.year, overview.indicators[index].model_copy()
    ind = plan.indicators[index]
    records = get_actuals(store, plan_id, indicator=ind.name)
    return IndicatorDetail(
        plan_id=plan_id, year=year, status=status, target_path=target_path(status),
        actuals=[ActualOut(year=a.year, value=a.value, unit=a.unit, status=a.status,
                           source=a.source if actor is not None else None) for a in records],
        revisions=_revisions(store, plan_id, index), source_line=ind.line,
        source_quotes=prose_quotes(plan, ind.name, ind.unit), note=ind.note)
