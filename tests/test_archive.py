"""Plans are archived with an audit entry (who, when, why), never deleted: gone from the plan
list, the region tree and the public page, readable by id for reviewers, unarchived (audited);
API for admins and CLI ``planwatch archive`` / ``unarchive`` with ``--as``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planwatch import actions
from planwatch.cli import main
from planwatch.storage import import_plan, open_storage, query_audit
from tests.web_fixtures import PASSWORD, Web, pg_database_url, sample_plan, web

__all__ = ["pg_database_url", "web"]

SEED = "weihai-2022-plan.txt"


def _listed(web: Web, headers: dict[str, str] | None = None) -> set[int]:
    return {p["id"] for p in web.client.get("/api/v1/plans", headers=headers or {}).json()}


def _in_tree(web: Web) -> set[int]:
    def walk(nodes: list[dict[str, object]]) -> set[int]:
        out: set[int] = set()
        for n in nodes:
            out |= {int(p["id"]) for p in n["plans"]}  # type: ignore[attr-defined]
            out |= walk(n.get("children") or [])  # type: ignore[arg-type]
        return out

    return walk(web.client.get("/api/v1/regions").json())


def test_archive_hides_keeps_and_audits(web: Web) -> None:
    plan_id = web.store_plan(SEED)
    admin, reviewer = web.bearer("admin"), web.bearer("reviewer")
    actions.set_plan_public(web.store, actions.SYSTEM, plan_id, True)
    assert plan_id in _listed(web) and plan_id in _in_tree(web)
    assert web.client.get(f"/api/v1/public/plans/{plan_id}").status_code == 200

    refused = web.client.post(f"/api/v1/plans/{plan_id}/archive", headers=reviewer,
                              json={"reason": "x"})
    assert refused.status_code == 403
    empty = web.client.post(f"/api/v1/plans/{plan_id}/archive", headers=admin,
                            json={"reason": "  "})
    assert empty.status_code == 422
    r = web.client.post(f"/api/v1/plans/{plan_id}/archive", headers=admin,
                        json={"reason": "已被新规划替代"})
    assert r.status_code == 201, r.text
    assert (r.json()["archived_by"], r.json()["reason"]) == ("admin", "已被新规划替代")
    again = web.client.post(f"/api/v1/plans/{plan_id}/archive", headers=admin,
                            json={"reason": "再次"})
    assert again.status_code == 409

    assert plan_id not in _listed(web) and plan_id not in _in_tree(web)  # anonymous
    assert plan_id not in _listed(web, reviewer)
    assert plan_id in {p["id"] for p in web.client.get(
        "/api/v1/plans?archived=true", headers=reviewer).json()}
    assert web.client.get(f"/api/v1/public/plans/{plan_id}").status_code == 404
    assert web.client.get(f"/api/v1/plans/{plan_id}/overview", headers=reviewer).status_code == 200
    dept = web.bearer("dept_a")
    assert web.client.get(f"/api/v1/plans/{plan_id}/overview", headers=dept).status_code == 404
    assert web.client.get(f"/api/v1/plans/{plan_id}/tasks", headers=dept).status_code == 404
    state = web.client.get(f"/api/v1/plans/{plan_id}/archive", headers=reviewer).json()
    assert state["reason"] == "已被新规划替代"

    back = web.client.post(f"/api/v1/plans/{plan_id}/unarchive", headers=admin,
                           json={"reason": "误归档"})
    assert back.status_code == 204, back.text
    assert plan_id in _listed(web) and plan_id in _in_tree(web)
    assert web.client.get(f"/api/v1/plans/{plan_id}/archive", headers=reviewer).json() is None
    entries = [(e.user, e.field, e.new) for e in query_audit(web.store, entity="plan",
                                                              entity_id=plan_id)]
    assert ("admin", "archived", "已被新规划替代") in entries
    assert ("admin", "unarchived", "误归档") in entries
    assert web.client.post(f"/api/v1/plans/{plan_id}/unarchive", headers=admin,
                           json={"reason": "x"}).status_code == 409


def test_archived_plan_pages(web: Web) -> None:
    plan_id = web.store_plan(SEED)
    web.login("reviewer")
    assert f"/plans/{plan_id}\"" in web.client.get("/").text
    actions.archive_plan(web.store, actions.SYSTEM, plan_id, "过期")
    assert web.client.get(f"/plans/{plan_id}").status_code == 200
    assert web.client.get(f"/plans/{plan_id}/tasks").status_code == 200
    assert f"/plans/{plan_id}\"" not in web.client.get("/").text
    web.login("dept_a")
    assert web.client.get(f"/plans/{plan_id}").status_code == 404


def test_cli_archive_and_unarchive(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    store = open_storage(url)
    plan_id = import_plan(store, sample_plan(SEED), SEED, None, "test").plan_id
    actions.add_user(store, actions.SYSTEM, "boss", PASSWORD, "admin")
    actions.add_user(store, actions.SYSTEM, "rev", PASSWORD, "reviewer")
    store.close()
    runner = CliRunner()
    no_actor = runner.invoke(main, ["--db", url, "archive", str(plan_id), "--reason", "旧"])
    assert no_actor.exit_code != 0 and "--as" in no_actor.output
    reviewer = runner.invoke(main, ["--db", url, "archive", str(plan_id), "--reason", "旧",
                                    "--as", "rev"])
    assert reviewer.exit_code != 0
    ok = runner.invoke(main, ["--db", url, "archive", str(plan_id), "--reason", "旧",
                              "--as", "boss"])
    assert ok.exit_code == 0, ok.output
    listed = runner.invoke(main, ["--db", url, "plans"])
    assert f"{plan_id:4d}  " not in listed.output
    archived = runner.invoke(main, ["--db", url, "plans", "--archived"])
    assert f"{plan_id:4d}  " in archived.output
    back = runner.invoke(main, ["--db", url, "unarchive", str(plan_id), "--reason", "恢复",
                                "--as", "boss"])
    assert back.exit_code == 0, back.output
    assert f"{plan_id:4d}  " in runner.invoke(main, ["--db", url, "plans"]).output
    store = open_storage(url)
    fields = [(e.user, e.field) for e in query_audit(store, entity="plan", entity_id=plan_id)]
    store.close()
    assert ("boss", "archived") in fields and ("boss", "unarchived") in fields
