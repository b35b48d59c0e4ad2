"""CLI: planwatch demo --no-serve, planwatch user add / token / list."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planwatch import actions
from planwatch.cli import main
from planwatch.storage import best_actuals, list_plans, open_storage
from planwatch.storage.plan_access import public_plan_ids
from planwatch.workflow.demo_life import SIMULATED_TITLE


def test_demo_builds_plans_actuals_and_accounts(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--db-file", str(db), "--no-serve"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    accounts = [line.split("\t") for line in lines if line.startswith("  ") and "\t" in line]
    roles = [a[2] for a in accounts]
    assert roles[:2] == ["admin", "reviewer"] and roles.count("department") >= 2
    store = open_storage(f"sqlite:///{db}")
    plans = list_plans(store)
    samples = [p for p in plans if SIMULATED_TITLE not in p.title]
    assert len(samples) == 5 and len(plans) > 5      # the rest: simulated, and say so
    assert public_plan_ids(store) == {p.id for p in plans}
    by_title = {p.title: p.id for p in plans}
    zibo = next(pid for title, pid in by_title.items() if title.startswith("淄博"))
    years = {a.year for a in best_actuals(store, zibo)}
    assert 2020 in years  # the 十三五 results table (prior_results) as actuals
    admin_name, admin_password = accounts[0][0].strip(), accounts[0][1]
    admin = actions.authenticate(store, admin_name, admin_password)
    assert admin is not None and (admin.username, admin.role) == (admin_name, "admin")
    assert actions.authenticate(store, admin_name, admin_password + "x") is None
    dept = next(a for a in accounts if a[2] == "department")
    actor = actions.authenticate(store, dept[0].strip(), dept[1])
    assert actor is not None and actor.department == dept[3]
    store.close()
    again = CliRunner().invoke(main, ["demo", "--db-file", str(db), "--no-serve"])
    assert again.exit_code == 0 and "--reset" in again.output


def test_user_add_token_and_list(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    runner = CliRunner()
    r = runner.invoke(main, ["--db", url, "user", "add", "li", "--role", "department",
                             "--department", "市科技局"])
    assert r.exit_code == 0, r.output
    password = r.output.rsplit(" ", 1)[-1].strip()
    r = runner.invoke(main, ["--db", url, "user", "add", "zhao", "--role", "department"])
    assert r.exit_code != 0 and "部门" in r.output
    r = runner.invoke(main, ["--db", url, "user", "token", "li", "--name", "ci"])
    assert r.exit_code == 0 and r.output.startswith("pw_")
    store = open_storage(url)
    li = actions.authenticate(store, "li", password)
    assert li is not None and (li.role, li.department) == ("department", "市科技局")
    actor = actions.actor_for_token(store, r.output.strip())
    assert actor is not None and (actor.username, actor.department) == ("li", "市科技局")
    store.close()
    r = runner.invoke(main, ["--db", url, "user", "list"])
    assert r.output.splitlines() == ["li\tdepartment\t市科技局"]
