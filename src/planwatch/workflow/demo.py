"""The demo database (演示库): the bundled sample plans, the values they state as actuals, an
admin, a reviewer and one account per lead department."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.storage import RowsRejected, Storage, import_plan, record_actuals
from planwatch.storage.departments import (
    ensure_department,
    get_department,
    plan_region_id,
    resolve_plan_departments,
)
from planwatch.storage.users import list_users
from planwatch.workflow.accounts import add_user, new_password
from planwatch.workflow.overview import set_plan_public
from planwatch.workflow.principal import SYSTEM
from planwatch.workflow.submissions import set_indicator_owner

DEMO_SOURCE = "规划文本所载数值（演示）"


@dataclass
class DemoAccount:
    username: str
    password: str
    role: str
    department: str | None = None


@dataclass
class DemoResult:
    plans: list[tuple[int, str]] = field(default_factory=list)
    actuals: int = 0
    skipped: int = 0
    accounts: list[DemoAccount] = field(default_factory=list)


def sample_plans() -> list[tuple[str, Plan]]:
    """The bundled sample plans (package data), extracted."""
    from planwatch.extract.files import extract_file

    out = []
    folder = resources.files("planwatch") / "data" / "samples"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            with resources.as_file(entry) as path:
                out.append((entry.name, extract_file(Path(path))))
    return out


def stated_values(plan: Plan) -> list[Actual]:
    """Values the plan itself states: baseline-year values of its indicator table and the
    actual values of its previous-period table, as final actuals (one per name and year)."""
    rows: dict[tuple[str, int], Actual] = {}
    for ind in plan.indicators:
        if ind.baseline is not None and ind.baseline_year is not None:
            rows.setdefault((ind.name, ind.baseline_year), Actual(
                indicator=ind.name, year=ind.baseline_year, value=ind.baseline, unit=ind.unit,
                source=DEMO_SOURCE))
    for prior in plan.prior_results:
        if prior.actual is not None and prior.actual_year is not None:
            rows.setdefault((prior.name, prior.actual_year), Actual(
                indicator=prior.name, year=prior.actual_year, value=prior.actual,
                unit=prior.unit, source=DEMO_SOURCE))
    return list(rows.values())


def record_stated(store: Storage, plan_id: int, rows: list[Actual]) -> tuple[int, int]:
    """Record the rows; rows the storage refuses are dropped (returns recorded, skipped)."""
    skipped = 0
    while rows:
        try:
            record_actuals(store, plan_id, rows, user=SYSTEM.author, source=DEMO_SOURCE)
            return len(rows), skipped
        except RowsRejected as exc:
            bad = {p.line for p in exc.problems if p.line is not None}
            if not bad:
                return 0, skipped + len(rows)
            skipped += len(bad)
            rows = [r for pos, r in enumerate(rows, start=1) if pos not in bad]
    return 0, skipped


def lead_departments(plans: list[Plan]) -> list[str]:
    """Every lead department (牵头单位) named in the plans' tasks, in order of appearance."""
    seen: dict[str, None] = {}
    for plan in plans:
        for task in plan.tasks:
            for dept in task.lead:
                seen.setdefault(dept, None)
    return list(seen)


def main_department(plan: Plan) -> str:
    """The demo's default indicator owner: the department leading the most tasks of the plan,
    else the region's science and technology bureau (e.g. 淄博市科技局)."""
    counts = Counter(d for t in plan.tasks for d in t.lead)
    if counts:
        return counts.most_common(1)[0][0]
    return f"{plan.meta.region or ''}科技局"


def has_accounts(store: Storage) -> bool:
    return bool(list_users(store))


def _accounts(store: Storage, departments: list[int]) -> list[DemoAccount]:
    """An admin, a reviewer and one account per department (by id)."""
    wanted: list[tuple[DemoAccount, int | None]] = [
              (DemoAccount("admin", new_password(), "admin"), None),
              (DemoAccount("reviewer", new_password(), "reviewer", "科技局"), None)]
    for i, dept_id in enumerate(departments, start=1):
        record = get_department(store, dept_id)
        assert record is not None
        wanted.append((DemoAccount(f"dept{i:02d}", new_password(), "department", record.name),
                       dept_id))
    for acc, dept in wanted:
        add_user(store, SYSTEM, acc.username, acc.password, acc.role,
                 dept if dept is not None else acc.department)
    return [acc for acc, _ in wanted]


def build_demo(store: Storage) -> DemoResult:
    """Fill an empty database with the demo content; returns what was created. Departments
    are those of each plan's region (市科技局 of a 日照 plan is 日照市科技局): one account
    each, indicator owners chosen by department id."""
    result = DemoResult()
    owners: dict[int, None] = {}
    leads: dict[int, None] = {}
    assign: list[tuple[int, Plan, int]] = []
    for name, plan in sample_plans():
        stored = import_plan(store, plan, name, None, SYSTEM.author)
        result.plans.append((stored.plan_id, plan.meta.title or name))
        recorded, skipped = record_stated(store, stored.plan_id, stated_values(plan))
        result.actuals += recorded
        result.skipped += skipped
        with store.atomic() as conn:
            region_id = plan_region_id(conn, stored.plan_id)
            owner = ensure_department(conn, region_id, main_department(plan))
        ids = resolve_plan_departments(store, stored.plan_id, lead_departments([plan]))
        assign.append((stored.plan_id, plan, owner))
        if plan.indicators:
            owners.setdefault(owner, None)
        for dept_id in ids.values():
            leads.setdefault(dept_id, None)
        set_plan_public(store, SYSTEM, stored.plan_id, True)
    result.accounts = _accounts(store, [*owners, *(d for d in leads if d not in owners)])
    for plan_id, plan, owner in assign:
        for ind in plan.indicators:
            set_indicator_owner(store, SYSTEM, plan_id, ind.name, owner)
    return result
