"""Per-version detail rows (indicators, targets, the rows the evaluation judges) and the audit of
what changed between versions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, RowMapping, select

from planwatch.catalog import map_indicator
from planwatch.evaluate.rows import dump_rows, evaluation_rows as derive_rows
from planwatch.model.plan import Indicator, Plan, PriorResult, Target
from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import inserted_id
from planwatch.storage.schema import evaluation_rows, indicators, plan_versions, targets
from planwatch.storage.types import Author

META_FIELDS = ("title", "region", "doc_type", "period_start", "period_end", "issued", "doc_number")
INDICATOR_FIELDS = ("unit", "baseline_year", "baseline", "target_year", "target",
                    "target_comparator", "annual_growth_pct", "attribute")  # fmt: skip


def _indicator_values(pos: int, row: Indicator | PriorResult, role: str) -> dict[str, Any]:
    values: dict[str, Any] = {
        "position": pos,
        "role": role,
        "name": row.name,
        "unit": row.unit,
        "catalog_code": map_indicator(row.name, row.unit),
        "baseline_year": row.baseline_year,
        "baseline": row.baseline,
        "target_year": row.target_year,
        "target": row.target,
    }
    if isinstance(row, Indicator):
        values |= {
            "target_comparator": row.target_comparator,
            "annual_growth_pct": row.annual_growth_pct,
            "attribute": row.attribute,
        }
    else:
        values |= {"actual_year": row.actual_year, "actual": row.actual}
    return values


def _indicator_target(version_id: int, ind_id: int, pos: int, row: Indicator) -> dict[str, Any]:
    assert row.target is not None
    return {
        "version_id": version_id,
        "indicator_id": ind_id,
        "origin": "indicator",
        "position": pos,
        "subject": row.name,
        "catalog_code": map_indicator(row.name, row.unit),
        "unit": row.unit,
        "comparator": row.target_comparator,
        "kind": "level",
        "period": "by_year",
        "year": row.target_year,
        "value": row.target,
        "value_max": row.target_max,
        "original_year": row.target_year,
        "original_value": row.target,
    }


def _prose_target(version_id: int, pos: int, row: Target) -> dict[str, Any]:
    return {
        "version_id": version_id,
        "indicator_id": None,
        "origin": "prose",
        "position": pos,
        "subject": row.subject,
        "catalog_code": map_indicator(row.subject, row.unit),
        "unit": row.unit,
        "comparator": row.comparator,
        "kind": row.kind,
        "period": row.period,
        "year": row.year,
        "value": row.value,
        "value_max": row.value_max,
        "original_year": row.year,
        "original_value": row.value,
        "quote": row.quote,
    }


def insert_details(conn: Connection, version_id: int, plan: Plan) -> None:
    """Store the plan's indicator rows, prior results and targets for one version."""
    for pos, ind in enumerate(plan.indicators):
        values = _indicator_values(pos, ind, "indicator") | {"version_id": version_id}
        ind_id = inserted_id(conn.execute(indicators.insert().values(**values)))
        if ind.target is not None:
            conn.execute(targets.insert().values(**_indicator_target(version_id, ind_id, pos, ind)))
    for pos, prior in enumerate(plan.prior_results):
        values = _indicator_values(pos, prior, "prior_result") | {"version_id": version_id}
        conn.execute(indicators.insert().values(**values))
    for pos, target in enumerate(plan.targets):
        conn.execute(targets.insert().values(**_prose_target(version_id, pos, target)))
    write_evaluation_rows(conn, version_id, plan)


def write_evaluation_rows(conn: Connection, version_id: int, plan: Plan) -> None:
    """Store (replace) the rows the evaluation judges of version ``version_id`` whose document,
    with the targets it holds now, is ``plan`` — :func:`planwatch.evaluate.rows.evaluation_rows`
    of it, in the caller's transaction."""
    conn.execute(evaluation_rows.delete().where(evaluation_rows.c.version_id == version_id))
    conn.execute(evaluation_rows.insert().values(version_id=version_id,
                                                 rows_json=dump_rows(derive_rows(plan))))


def refresh_evaluation_rows(conn: Connection, version_id: int) -> None:
    """Re-derive the version's evaluation rows from its document with the targets its target
    rows hold now (after a 动态调整), in the caller's transaction."""
    doc = conn.execute(select(plan_versions.c.plan_json)
                       .where(plan_versions.c.id == version_id)).scalar_one()
    plan = Plan.model_validate_json(doc)
    apply_revisions(plan, conn.execute(select(targets).where(
        targets.c.version_id == version_id)).mappings().all())
    write_evaluation_rows(conn, version_id, plan)


def apply_revisions(plan: Plan, rows: Sequence[RowMapping]) -> None:
    """Give ``plan``'s indicator and prose targets the values and years of their target rows
    ``rows`` where those were revised (动态调整; the others keep the document's)."""
    for row in rows:
        if row["value"] == row["original_value"] and row["year"] == row["original_year"]:
            continue
        if row["origin"] == "indicator" and row["position"] < len(plan.indicators):
            ind = plan.indicators[row["position"]]
            ind.target, ind.target_year = row["value"], row["year"]
        elif row["origin"] == "prose" and row["position"] < len(plan.targets):
            target = plan.targets[row["position"]]
            target.value, target.year = row["value"], row["year"]


def audit_changes(
    conn: Connection, plan_id: int, old: Plan, new: Plan, user: Author, source: str | None
) -> int:
    """Write one audit row per changed meta field / indicator field between two versions.

    Returns the number of rows written.
    """
    count = 0

    def log(entity: str, field: str, before: Any, after: Any) -> None:
        nonlocal count
        write_audit(conn, user=user, entity=entity, entity_id=plan_id, field=field,
                    old=before, new=after, source=source)  # fmt: skip
        count += 1

    for name in META_FIELDS:
        before, after = getattr(old.meta, name), getattr(new.meta, name)
        if before != after:
            log("plan", f"meta.{name}", before, after)
    old_rows = {row.name: row for row in old.indicators}
    new_rows = {row.name: row for row in new.indicators}
    for name in sorted(old_rows.keys() - new_rows.keys()):
        log("plan", f"indicator[{name}]", old_rows[name].model_dump(mode="json"), None)
    for name in sorted(new_rows.keys() - old_rows.keys()):
        log("plan", f"indicator[{name}]", None, new_rows[name].model_dump(mode="json"))
    for name in sorted(old_rows.keys() & new_rows.keys()):
        for field in INDICATOR_FIELDS:
            before, after = getattr(old_rows[name], field), getattr(new_rows[name], field)
            if before != after:
                log("plan", f"indicator[{name}].{field}", before, after)
    if len(old.targets) != len(new.targets):
        log("plan", "targets.count", len(old.targets), len(new.targets))
    return count
