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
            record_actuals(store, plan_id, rows, user=SYSTEM.username, source=DEMO_SOURCE)
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


def _accounts(store: Storage, departments: list[str]) -> list[DemoAccount]:
    wanted = [DemoAccount("admin", new_password(), "admin"),
              DemoAccount("reviewer", new_password(), "reviewer", "科技局"),
              *(DemoAccount(f"dept{i:02d}", new_password(), "department", dept)
                for i, dept in enumerate(departments, start=1))]
    for acc in wanted:
        add_user(store, SYSTEM, acc.username, acc.password, acc.role, acc.department)
    return wanted


def build_demo(store: Storage) -> DemoResult:
    """Fill an empty database with the demo content; returns what was created."""
    result = DemoResult()
    samples = sample_plans()
    owners: dict[str, None] = {}
    assign: list[tuple[int, Plan, str]] = []
    for name, plan in samples:
        stored = import_plan(store, plan, name, None, SYSTEM.username)
        result.plans.append((stored.plan_id, plan.meta.title or name))
        recorded, skipped = record_stated(store, stored.plan_id, stated_values(plan))
        result.actuals += recorded
        result.skipped += skipped
        owner = main_department(plan)
        assign.append((stored.plan_id, plan, owner))
        if plan.indicators:
            owners.setdefault(owner, None)
        set_plan_public(store, SYSTEM, stored.plan_id, True)
    departments = lead_departments([p for _, p in samples])
    result.accounts = _accounts(store, [*owners, *(d for d in departments if d not in owners)])
    for plan_id, plan, owner in assign:  # owners are existing departments: accounts first
        for ind in plan.indicators:
            set_indicator_owner(store, SYSTEM, plan_id, ind.name, owner)
    return result
