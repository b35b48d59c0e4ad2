"""Organisations are data: departments are rows of a region, accounts belong to a department,
a plan's responsibility names resolve to the departments of the plan's region, and access checks
compare department ids — the 烟台 account "市科技局" is refused on another city's plan whose tasks
say （市科技局牵头）, and still works on its own plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch import actions
from planwatch.cli import main
from planwatch.model.plan import Plan
from planwatch.storage import import_plan, open_storage
from planwatch.storage.departments import list_departments, qualify
from planwatch.storage.submissions import indicator_owners_of
from tests.web_fixtures import DEPT_YT, Web, dept as dept_actor, pg_database_url, sample_plan, web

__all__ = ["pg_database_url", "web"]

YANTAI = "yantai-2024-opinion.txt"
WEIHAI = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"


def _moved(plan: Plan, region: str) -> Plan:
    """The same plan text issued by another city (its tasks keep saying 市科技局牵头)."""
    meta = plan.meta.model_copy(update={"region": region, "title": f"{region}{plan.meta.title}"})
    return plan.model_copy(update={"meta": meta})


def _plans(web: Web) -> tuple[int, int]:
    own = import_plan(web.store, sample_plan(YANTAI), YANTAI, None, "test").plan_id
    other = import_plan(web.store, _moved(sample_plan(YANTAI), "日照市"), "rizhao", None,
                        "test").plan_id
    return own, other


def test_qualify_names_a_department_of_the_region() -> None:
    assert qualify("市科技局", "日照市") == "日照市科技局"
    assert qualify("日照市科技局", "日照市") == "日照市科技局"
    assert qualify("市 科技局", "日照市") == "日照市科技局"
    assert qualify("区科技局", "芝罘区") == "芝罘区科技局"
    assert qualify("省科技厅", "日照市") == "省科技厅"  # not the city's: kept as written
    assert qualify("市科技局", None) == "市科技局"


def test_import_creates_the_departments_of_the_plans_region(web: Web) -> None:
    _plans(web)
    names = {(d.region, d.name) for d in list_departments(web.store)}
    assert ("烟台市", "烟台市科技局") in names and ("日照市", "日照市科技局") in names
    assert ("日照市", "烟台市科技局") not in names


def test_another_citys_department_of_the_same_name_is_refused(web: Web) -> None:
    own, other = _plans(web)
    headers = web.bearer("dept_yt")
    task = next(t for t in sample_plan(YANTAI).tasks if t.lead == ["市科技局"]).number
    body = {"report": "已完成年度任务的60%", "percent": 60}
    refused = web.client.post(f"/api/v1/plans/{other}/tasks/{task}/progress", headers=headers,
                              json=body)
    assert refused.status_code == 403, refused.text
    mine = web.client.get(f"/api/v1/plans/{other}/tasks", headers=headers).json()
    assert mine == []  # none of 日照's tasks are 烟台市科技局's
    ok = web.client.post(f"/api/v1/plans/{own}/tasks/{task}/progress", headers=headers, json=body)
    assert ok.status_code == 201, ok.text
    assert ok.json()["department"] == DEPT_YT
    listed = web.client.get(f"/api/v1/plans/{own}/tasks", headers=headers).json()
    assert listed and all(t["editable"] for t in listed)


def test_values_only_for_the_department_of_the_plans_region(web: Web) -> None:
    weihai = import_plan(web.store, sample_plan(WEIHAI), WEIHAI, None, "test").plan_id
    yantai = import_plan(web.store, _moved(sample_plan(WEIHAI), "烟台市"), "yt", None,
                         "test").plan_id
    reviewer = web.bearer("reviewer")
    for plan_id in (weihai, yantai):  # 市科技局 of each plan's own region
        r = web.client.put(f"/api/v1/plans/{plan_id}/indicators/1/owner", headers=reviewer,
                           json={"department": "市科技局"})
        assert r.status_code == 204, r.text
    owners = {p: indicator_owners_of(web.store, p)[RD] for p in (weihai, yantai)}
    assert owners[weihai].name == "威海市科技局" and owners[yantai].name == DEPT_YT
    assert owners[weihai].department_id != owners[yantai].department_id
    headers = web.bearer("dept_yt")
    body = {"indicator": RD, "year": 2022, "value": 2.5}
    refused = web.client.post(f"/api/v1/plans/{weihai}/submissions", headers=headers, json=body)
    assert refused.status_code == 403, refused.text
    ok = web.client.post(f"/api/v1/plans/{yantai}/submissions", headers=headers, json=body)
    assert ok.status_code == 201, ok.text
    with pytest.raises(actions.Forbidden):
        actions.submit_actual(web.store, dept_actor(web.store, "dept_yt"), weihai, RD, 2023, 2.6)


def test_owner_by_id_must_be_a_department_of_the_plans_region(web: Web) -> None:
    own, other = _plans(web)
    weihai = import_plan(web.store, sample_plan(WEIHAI), WEIHAI, None, "test").plan_id
    yantai_dept = dept_actor(web.store, "dept_yt").department_id
    reviewer = web.bearer("reviewer")
    r = web.client.put(f"/api/v1/plans/{weihai}/indicators/1/owner", headers=reviewer,
                       json={"department_id": yantai_dept})
    assert r.status_code == 422, r.text
    listed = web.client.get("/api/v1/departments", headers=reviewer).json()
    assert {"id": yantai_dept, "name": DEPT_YT} in [
        {"id": d["id"], "name": d["name"]} for d in listed]
    assert own != other


def test_an_ambiguous_department_name_needs_its_region(web: Web) -> None:
    _plans(web)
    with pytest.raises(actions.Invalid):
        actions.add_user(web.store, actions.SYSTEM, "who", "correct-horse-1", "department",
                         "市科技局")
    user = actions.add_user(web.store, actions.SYSTEM, "rz", "correct-horse-1", "department",
                            "市科技局", region="日照市")
    assert user.department == "日照市科技局" and user.department_id is not None


def test_an_account_moves_to_another_department(web: Web) -> None:
    own, other = _plans(web)
    actions.set_department(web.store, actions.SYSTEM, "dept_yt", "市科技局", region="日照市")
    headers = web.bearer("dept_yt")
    task = next(t for t in sample_plan(YANTAI).tasks if t.lead == ["市科技局"]).number
    body = {"report": "进展顺利", "percent": 10}
    moved = web.client.post(f"/api/v1/plans/{other}/tasks/{task}/progress", headers=headers,
                            json=body)
    assert moved.status_code == 201, moved.text
    assert moved.json()["department"] == "日照市科技局"
    left = web.client.post(f"/api/v1/plans/{own}/tasks/{task}/progress", headers=headers,
                           json=body)
    assert left.status_code == 403
    with pytest.raises(actions.Invalid):
        actions.set_department(web.store, actions.SYSTEM, "reviewer", "市科技局",
                               region="日照市")


def test_cli_user_add_and_department(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    store = open_storage(url)
    import_plan(store, sample_plan(YANTAI), YANTAI, None, "test")
    import_plan(store, _moved(sample_plan(YANTAI), "日照市"), "rizhao", None, "test")
    store.close()
    runner = CliRunner()
    base = ["--db", url, "user", "add", "--role", "department", "--password", "correct-horse-9"]
    ambiguous = runner.invoke(main, [*base, "kj", "--department", "市科技局"])
    assert ambiguous.exit_code != 0 and "日照市科技局" in ambiguous.output
    ok = runner.invoke(main, [*base, "kj", "--department", "市科技局", "--region", "烟台市"])
    assert ok.exit_code == 0 and "烟台市科技局" in ok.output, ok.output
    store = open_storage(url)
    rizhao = next(d.id for d in list_departments(store) if d.name == "日照市科技局")
    store.close()
    moved = runner.invoke(main, ["--db", url, "user", "department", "kj", "--department",
                                 f"#{rizhao}"])
    assert moved.exit_code == 0 and "日照市科技局" in moved.output, moved.output


def test_indicator_page_offers_the_regions_departments(web: Web) -> None:
    weihai = import_plan(web.store, sample_plan(WEIHAI), WEIHAI, None, "test").plan_id
    _plans(web)
    web.login("reviewer")
    page = web.client.get(f"/plans/{weihai}/indicators/1").text
    assert '<option value="威海市科技局">' in page
    assert '<option value="烟台市科技局">' not in page  # another region's


def test_same_name_in_two_regions_sees_only_its_own_submissions(web: Web) -> None:
    weihai = import_plan(web.store, sample_plan(WEIHAI), WEIHAI, None, "test").plan_id
    yantai = import_plan(web.store, _moved(sample_plan(WEIHAI), "烟台市"), "yt", None,
                         "test").plan_id
    for username, region, plan_id in (("k1", "威海市", weihai), ("k2", "烟台市", yantai)):
        actions.add_user(web.store, actions.SYSTEM, username, "correct-horse-1", "department",
                         "科技局", region=region)  # no place in the name: 科技局 in both
        actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD,
                                    dept_actor(web.store, username).department_id)
    k1, k2 = dept_actor(web.store, "k1"), dept_actor(web.store, "k2")
    assert k1.department == k2.department and k1.department_id != k2.department_id
    sub = actions.submit_actual(web.store, k1, weihai, RD, 2023, 2.6)
    assert [s.id for s in actions.list_submissions(web.store, k1)] == [sub.id]
    assert actions.list_submissions(web.store, k2) == []
    r = web.client.get(f"/api/v1/plans/{weihai}/submissions", headers=web.bearer("k2"))
    assert r.status_code == 200 and r.json() == []
    with pytest.raises(actions.Forbidden):
        actions.submit_actual(web.store, k2, weihai, RD, 2024, 2.7)
