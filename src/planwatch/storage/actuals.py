"""Observed values (实际值/完成值) of plan indicators, recorded all-or-nothing with an audit trail.

A batch is validated first; if any row has a problem nothing is saved and :class:`RowsRejected`
lists every problem. Values are stored in the unit of the plan's indicator (万元 → 亿元 etc. are
converted through the indicator catalogue; incompatible units are refused, never guessed).
Each write keeps ``actuals_latest`` (the latest value per plan and name) in the same transaction.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from pydantic import BaseModel
from sqlalchemy import Connection, func, insert, select, text

from planwatch.catalog.indicators import convert_value, plausible_range, resolve_indicator
from planwatch.model.actual import Actual
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Indicator, Plan
from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.errors import RowsRejected, StorageError
from planwatch.storage.schema import actuals, actuals_latest, indicators, plan_versions, plans
from planwatch.storage.types import Author, as_author, utcnow

AUDITED = ("value", "unit", "source", "reported_on")


class ActualRecord(BaseModel):
    id: int
    plan_id: int
    indicator: str
    catalog_code: str | None
    year: int
    value: float
    unit: str | None
    status: str
    source: str | None
    reported_on: date | None
    recorded_at: datetime
    submitted_by: str | None

    def to_actual(self) -> Actual:
        return Actual.model_validate(self.model_dump(include=set(Actual.model_fields)))


class RecordSummary(NamedTuple):
    inserted: int
    updated: int
    unchanged: int


class _Known(NamedTuple):
    name: str
    unit: str | None
    code: str | None
    role: str


def _known_indicators(conn: Connection, plan_id: int) -> list[_Known]:
    latest = (
        select(plan_versions.c.id)
        .where(plan_versions.c.plan_id == plan_id)
        .order_by(plan_versions.c.version_no.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(indicators.c.name, indicators.c.unit, indicators.c.catalog_code, indicators.c.role)
        .where(indicators.c.version_id == latest)
        .order_by(indicators.c.role, indicators.c.position)  # 'indicator' before 'prior_result'
    )
    seen: dict[str, _Known] = {}
    for row in conn.execute(query):
        seen.setdefault(row.name, _Known(row.name, row.unit, row.catalog_code, row.role))
    for ind in _prose_series(conn, latest):
        seen.setdefault(ind.name, _Known(ind.name, ind.unit, None, "target"))
    return list(seen.values())


def _prose_series(conn: Connection, latest: Any) -> list[Indicator]:
    """Prose targets with a stated baseline: they take actuals like table indicators."""
    from planwatch.evaluate.targets import prose_indicators

    raw = conn.execute(select(plan_versions.c.plan_json).where(plan_versions.c.id == latest))
    text = raw.scalar()
    return prose_indicators(Plan.model_validate_json(text)) if text else []


def _resolve(row: Actual, known: list[_Known]) -> _Known | None:
    """The plan's indicator a row names (the one rule: catalog.indicators.resolve_indicator)."""
    found = resolve_indicator(row.indicator, row.unit,
                              [(k.name, k.code, k.role == "indicator") for k in known])
    return None if found is None else known[found]


def _convert(row: Actual, target: _Known) -> float | None:
    """``row.value`` in the unit of ``target`` (catalog.indicators.convert_value); ``None``
    when the units are incompatible."""
    return convert_value(row.value, row.unit, target.unit, target.code)


def _problem(pos: int, code: str, zh: str) -> Finding:
    return Finding(code=code, severity=Severity.ERROR, message=zh, line=pos)


def _check_row(pos: int, row: Actual, known: list[_Known]) -> tuple[list[Finding], Any]:
    if not math.isfinite(row.value):
        return [_problem(pos, "bad-value", f"第{pos}行：数值无效")], None
    if not 1949 <= row.year <= 2100:
        return [_problem(pos, "bad-year", f"第{pos}行：年份{row.year}不合理")], None
    target = _resolve(row, known)
    if target is None:
        msg = f"第{pos}行：规划中没有指标“{row.indicator}”"
        return [_problem(pos, "unknown-indicator", msg)], None
    value = _convert(row, target)
    if value is None:
        msg = f"第{pos}行：单位“{row.unit}”与指标单位“{target.unit}”不一致"
        return [_problem(pos, "unit-mismatch", msg)], None
    return _check_limits(pos, target, value), (target, value)


def _check_limits(pos: int, target: _Known, value: float) -> list[Finding]:
    outside = plausible_range(target.code, value, target.unit)
    if outside is None:
        return []
    low, high = outside
    msg = f"第{pos}行：{target.name}的数值{value}超出合理范围[{low}, {high}]"
    return [_problem(pos, "out-of-range", msg)]


def _validate(rows: Sequence[Actual], known: list[_Known]) -> list[tuple[Actual, _Known, float]]:
    problems: list[Finding] = []
    checked: list[tuple[Actual, _Known, float]] = []
    keys: set[tuple[str, int, str]] = set()
    for pos, row in enumerate(rows, start=1):
        found, resolved = _check_row(pos, row, known)
        problems += found
        if resolved is None:
            continue
        target, value = resolved
        key = (target.name, row.year, row.status)
        if key in keys:
            problems.append(_problem(pos, "duplicate-row", f"第{pos}行：与前面的行重复"))
        keys.add(key)
        checked.append((row, target, value))
    if problems:
        raise RowsRejected(problems)
    return checked


_Checked = tuple[Actual, _Known, float]


def _upsert(conn: Connection, plan_id: int, item: _Checked, user: Author,
            source: str | None) -> str:
    row, target, value = item
    values: dict[str, Any] = {
        "value": value,
        "unit": target.unit or row.unit,
        "source": row.source or source,
        "reported_on": row.reported_on,
    }
    key = (actuals.c.plan_id == plan_id, actuals.c.indicator == target.name,
           actuals.c.year == row.year, actuals.c.status == row.status)  # fmt: skip
    existing = conn.execute(select(actuals).where(*key)).mappings().first()
    if existing is None:
        new_id = inserted_id(conn.execute(actuals.insert().values(
            plan_id=plan_id, indicator=target.name, catalog_code=target.code, year=row.year,
            status=row.status, recorded_at=utcnow(), submitted_by=user.name,
            **values)))  # fmt: skip
        write_audit(conn, user=user, entity="actual", entity_id=new_id, field="value",
                    new=value, source=values["source"])  # fmt: skip
        refresh_latest(conn, plan_id, target.name)
        return "inserted"
    changed = [f for f in AUDITED if existing[f] != values[f]]
    if not changed:
        return "unchanged"
    conn.execute(actuals.update().where(actuals.c.id == existing["id"]).values(
        recorded_at=utcnow(), submitted_by=user.name, **values))  # fmt: skip
    for field in changed:
        write_audit(conn, user=user, entity="actual", entity_id=int(existing["id"]), field=field,
                    old=existing[field], new=values[field], source=values["source"])  # fmt: skip
    refresh_latest(conn, plan_id, target.name)
    return "updated"


_LATEST_ORDER = (actuals.c.year.desc(), actuals.c.status)  # 'final' < 'provisional'
_LATEST_COLUMNS = (actuals.c.year, actuals.c.value, actuals.c.unit, actuals.c.status)


def refresh_latest(conn: Connection, plan_id: int, indicator: str) -> None:
    """Keep ``actuals_latest`` for one plan and stored name after a write of its actuals, in
    the caller's transaction: its latest year's row, the final before the provisional. The
    writer holds the name's lock (:func:`lock_cells`), so concurrent writers of one name
    refresh one after the other, the last one seeing every committed value."""
    key = (actuals_latest.c.plan_id == plan_id, actuals_latest.c.indicator == indicator)
    best = conn.execute(select(*_LATEST_COLUMNS).where(
        actuals.c.plan_id == plan_id, actuals.c.indicator == indicator)
        .order_by(*_LATEST_ORDER).limit(1)).first()
    conn.execute(actuals_latest.delete().where(*key))
    if best is not None:
        conn.execute(actuals_latest.insert().values(
            plan_id=plan_id, indicator=indicator, year=best.year, value=best.value,
            unit=best.unit, status=best.status))


def rebuild_latest(conn: Connection) -> None:
    """``actuals_latest`` derived again from every stored actual (after a bulk load)."""
    rank = func.row_number().over(partition_by=(actuals.c.plan_id, actuals.c.indicator),
                                  order_by=_LATEST_ORDER).label("rank")
    ranked = select(actuals.c.plan_id, actuals.c.indicator, *_LATEST_COLUMNS, rank).subquery()
    conn.execute(actuals_latest.delete())
    conn.execute(insert(actuals_latest).from_select(
        ["plan_id", "indicator", "year", "value", "unit", "status"],
        select(ranked.c.plan_id, ranked.c.indicator, ranked.c.year, ranked.c.value,
               ranked.c.unit, ranked.c.status).where(ranked.c.rank == 1)))


def _cell_key(plan_id: int, indicator: str, year: int, status: str) -> int:
    digest = hashlib.sha256(f"{plan_id}\x1f{indicator}\x1f{year}\x1f{status}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def lock_cells(conn: Connection, plan_id: int,
               cells: Iterable[tuple[str, int, str]]) -> None:
    """Serialise writers of the same cells (plan, indicator, year, 口径) — and of the same
    indicator name, whose kept latest value (:func:`refresh_latest`) each of them rewrites —
    until the end of the caller's transaction: PostgreSQL advisory transaction locks, taken in
    a fixed order (no deadlocks); SQLite writers already hold the database write lock. A check
    of a cell's live value followed by a write of it is then atomic, and the last writer of a
    name reads every value committed before it."""
    if conn.dialect.name != "postgresql":
        return
    cells = set(cells)
    keys = {_cell_key(plan_id, *cell) for cell in cells}
    keys |= {_cell_key(plan_id, name, 0, "latest") for name, _, _ in cells}
    for key in sorted(keys):
        conn.execute(_ADVISORY, {"k": key})


_ADVISORY = text("SELECT pg_advisory_xact_lock(:k)")


def _locked_problems(conn: Connection, plan_id: int, checked: list[_Checked]) -> list[Finding]:
    problems = []
    for pos, (row, target, value) in enumerate(checked, start=1):
        live = conn.execute(select(actuals.c.value).where(
            actuals.c.plan_id == plan_id, actuals.c.indicator == target.name,
            actuals.c.year == row.year, actuals.c.status == row.status)).scalar()
        if live is not None and float(live) != value:
            problems.append(_problem(pos, "locked-value", f"第{pos}行：{target.name}{row.year}年"
                                     f"已有锁定数值{float(live):g}，更正须说明理由"))
    return problems


def record_actuals(
    storage: Storage, plan_id: int, rows: Sequence[Actual], user: Author | str,
    source: str | None = None, *, keep_locked: bool = False
) -> RecordSummary:
    """Save a batch of observed values for a plan: all rows or none (raises RowsRejected).
    ``user``: the acting account (a bare name: the system under that label). ``keep_locked``:
    a row that would change a stored value is refused (locked-value)."""
    by = as_author(user)
    with storage.atomic() as conn:
        if conn.execute(select(plans.c.id).where(plans.c.id == plan_id)).first() is None:
            raise StorageError("unknown-plan", f"规划{plan_id}不存在", f"no plan {plan_id}")
        checked = _validate(rows, _known_indicators(conn, plan_id))
        lock_cells(conn, plan_id, ((t.name, r.year, r.status) for r, t, _ in checked))
        if keep_locked and (locked := _locked_problems(conn, plan_id, checked)):
            raise RowsRejected(locked)
        outcomes = [_upsert(conn, plan_id, item, by, source) for item in checked]
    return RecordSummary(
        outcomes.count("inserted"), outcomes.count("updated"), outcomes.count("unchanged")
    )


def get_actuals(
    storage: Storage, plan_id: int, indicator: str | None = None, year: int | None = None
) -> list[ActualRecord]:
    """Stored actuals of a plan (optionally one indicator / year), by indicator, year, status."""
    query = select(actuals).where(actuals.c.plan_id == plan_id)
    if indicator is not None:
        query = query.where(actuals.c.indicator == indicator)
    if year is not None:
        query = query.where(actuals.c.year == year)
    query = query.order_by(actuals.c.indicator, actuals.c.year, actuals.c.status)
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [ActualRecord.model_validate(dict(row)) for row in rows]


def latest_actual_year(storage: Storage, plan_ids: list[int], up_to: int) -> int | None:
    """The latest year up to ``up_to`` any of the plans has a stored actual for (one query)."""
    if not plan_ids:
        return None
    query = select(func.max(actuals.c.year)).where(actuals.c.plan_id.in_(plan_ids),
                                                   actuals.c.year <= up_to)
    with storage.reading() as conn:
        found = conn.execute(query).scalar()
    return None if found is None else int(found)


def best_actuals(storage: Storage, plan_id: int) -> list[Actual]:
    """One value per indicator and year: the final one where reported, else the provisional."""
    best: dict[tuple[str, int], ActualRecord] = {}
    for record in get_actuals(storage, plan_id):
        key = (record.indicator, record.year)
        if key not in best or record.status == "final":
            best[key] = record
    return [record.to_actual() for record in best.values()]
