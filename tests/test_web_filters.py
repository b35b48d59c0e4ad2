"""Search and filters, done in SQL or the workflow list functions and checked at the door: the
plan list (``/plans``: title, region with the regions below it, period, status), a plan's tasks
(title, lead department, state, 逾期) and the review queue (indicator, plan, department). A value
the list does not accept → a Chinese 400 page, never a 500. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from planwatch import actions
from planwatch.storage import import_plan
from tests.paging_helpers import pager_total, row_ids
from tests.web_fixtures import (
    DEPT_A,
    DEPT_B,
    Web,
    dept,
    pg_database_url,
    sample_plan,
    web,
)

__all__ = ["pg_database_url", "web"]  # fixtures used by name

RD = "全社会R&D经费支出占GDP比重"
STAFF = "万名就业人员中研发人员数"


def _plans(web: Web) -> dict[str, int]:
    ids = {name: web.store_plan(f"{name}.txt") for name in
           ("weihai-2022-plan", "zibo-2022-plan", "yantai-2024-opinion")}
    actions.set_plan_public(web.store, actions.SYSTEM, ids["weihai-2022-plan"], True)
    actions.archive_plan(web.store, actions.SYSTEM, ids["zibo-2022-plan"], "旧稿")
    return ids


def _listed(web: Web, headers: dict[str, str], **params: str) -> list[int]:
    r = web.client.get("/plans", params=params, headers=headers)
    assert r.status_code == 200, r.text[-800:]
    ids = row_ids(r.text, 'data-plan="')
    assert pager_total(r.text) == len(ids)
    return ids


def _refused(web: Web, url: str, headers: dict[str, str], **params: str) -> None:
    r = web.client.get(url, params=params, headers=headers)
    assert r.status_code == 400, (params, r.status_code)
    assert "筛选条件无效" in r.text and "<html" in r.text


def test_plan_list_search_and_filters(web: Web) -> None:
    ids = _plans(web)
    weihai, zibo, yantai = ids["weihai-2022-plan"], ids["zibo-2022-plan"], ids[
        "yantai-2024-opinion"]
    reviewer = web.bearer("reviewer")
    assert _listed(web, reviewer) == [weihai, yantai]  # archived plans left out
    assert _listed(web, reviewer, q="威海") == [weihai]
    assert _listed(web, reviewer, q=" 科技强市 ") == [yantai]
    assert _listed(web, reviewer, q="%") == []  # a literal %, not a wildcard
    assert _listed(web, reviewer, period="2024-2027") == [yantai]
    assert _listed(web, reviewer, period="2021-2025") == [weihai]
    assert _listed(web, reviewer, status="public") == [weihai]
    assert _listed(web, reviewer, status="internal") == [yantai]
    assert _listed(web, reviewer, status="archived") == [zibo]
    city = actions.plan_item(web.store, actions.SYSTEM, weihai).region_id
    assert city is not None
    assert _listed(web, reviewer, region=str(city)) == [weihai]
    province = actions.find_region(web.store, "山东省").id
    assert _listed(web, reviewer, region=str(province)) == [weihai, yantai]
    assert _listed(web, reviewer, region=str(province), q="烟台", status="internal") == [yantai]
    assert _listed(web, reviewer, q="", region="", period="", status="") == [weihai, yantai]
    page = web.client.get("/plans", params={"q": "威海", "size": 1}, headers=reviewer).text
    assert 'value="威海"' in page  # the form keeps what was asked
    web.client.cookies.clear()
    assert _listed(web, {}) == [weihai]  # the public: published plans only
    assert _listed(web, {}, q="烟台") == []
    viewer = web.bearer("viewer")
    assert _listed(web, viewer, status="internal") == [yantai]
    for bad in ({"status": "archived"}, {"status": "deleted"}):
        _refused(web, "/plans", viewer, **bad)
    _refused(web, "/plans", {}, status="public")  # no status filter for the public
    for bad in ({"q": "x" * 101}, {"q": "a\x01b"}, {"region": "abc"}, {"region": "999999"},
                {"period": "2025"}, {"period": "2025-2021"}, {"period": "２０２１-2025"}):
        _refused(web, "/plans", reviewer, **bad)


def _yantai_with_deadlines(web: Web) -> int:
    plan = sample_plan("yantai-2024-opinion.txt")
    for task in plan.tasks[:4]:
        task.deadline = "2024年底前"
    plan_id = import_plan(web.store, plan, "yantai.txt", None, "test").plan_id
    actions.report_progress(web.store, actions.SYSTEM, plan_id, plan.tasks[3].number,
                            report="已完成", percent=100, status="done")
    return plan_id


def _tasks(web: Web, plan_id: int, headers: dict[str, str], **params: str) -> list[int]:
    r = web.client.get(f"/plans/{plan_id}/tasks", params=params, headers=headers)
    assert r.status_code == 200, r.text[-800:]
    return sorted(row_ids(r.text, 'id="task-'))


def test_task_filters(web: Web) -> None:
    plan_id = _yantai_with_deadlines(web)
    tasks = sample_plan("yantai-2024-opinion.txt").tasks
    reviewer = web.bearer("reviewer")
    everything = _tasks(web, plan_id, reviewer)
    assert everything == sorted(t.number for t in tasks)
    assert _tasks(web, plan_id, reviewer, overdue="1") == [1, 2, 3]
    assert _tasks(web, plan_id, reviewer, status="overdue") == [1, 2, 3]
    assert _tasks(web, plan_id, reviewer, status="done") == [4]
    assert _tasks(web, plan_id, reviewer, status="done", overdue="1") == []
    assert _tasks(web, plan_id, reviewer, overdue="0") == everything
    reform = sorted(t.number for t in tasks if "市发展改革委" in t.lead)
    assert reform and _tasks(web, plan_id, reviewer, department="市发展改革委") == reform
    assert _tasks(web, plan_id, reviewer, department="市发展改革委", overdue="1") == [3]
    word = tasks[6].title[2:6]
    expected = sorted(t.number for t in tasks if word in t.title)
    assert _tasks(web, plan_id, reviewer, q=word) == expected and 7 in expected
    # a department: its own tasks, or with all=1 every task, filtered the same way
    own = web.bearer("dept_ytb")
    assert _tasks(web, plan_id, own) == reform
    assert _tasks(web, plan_id, own, all="1", status="overdue") == [1, 2, 3]
    assert _tasks(web, plan_id, own, status="overdue") == [3]
    for bad in ({"status": "late"}, {"overdue": "yes"}, {"department": "市气象局"},
                {"q": "x" * 101}):
        _refused(web, f"/plans/{plan_id}/tasks", reviewer, **bad)


def test_review_queue_filters(web: Web) -> None:
    weihai = web.store_plan("weihai-2022-plan.txt")
    yantai = _yantai_with_deadlines(web)
    for name, department in ((RD, DEPT_A), (STAFF, DEPT_B)):
        actions.set_indicator_owner(web.store, actions.SYSTEM, weihai, name, department)
    rd = actions.submit_actual(web.store, dept(web.store, "dept_a"), weihai, RD, 2024, 2.9)
    staff = actions.submit_actual(web.store, dept(web.store, "dept_b"), weihai, STAFF, 2024, 99)
    reviewer = web.bearer("reviewer")

    def queue(**params: str) -> list[int]:
        r = web.client.get("/review", params=params, headers=reviewer)
        assert r.status_code == 200, r.text[-800:]
        found = row_ids(r.text, 'id="sub-')
        assert pager_total(r.text) == len(found)
        return found

    assert queue() == [rd.id, staff.id]
    assert queue(department=str(staff.department_id)) == [staff.id]
    assert queue(q="r&d") == [rd.id]  # case-insensitive
    assert queue(q="研发人员", plan=str(weihai)) == [staff.id]
    assert queue(plan=str(yantai)) == []
    assert queue(plan="", department="", q="") == [rd.id, staff.id]
    assert queue(status="approved", q="R&D") == []
    api = web.client.get("/api/v1/review", params={"department": rd.department_id,
                                                   "q": "R&D"}, headers=reviewer)
    assert [i["submission"]["id"] for i in api.json()["items"]] == [rd.id]
    for bad in ({"department": "x"}, {"department": "0"}, {"plan": "abc"}, {"q": "y" * 101}):
        _refused(web, "/review", reviewer, **bad)


@pytest.mark.parametrize("path", ["/plans", "/plans?q=%E5%A8%81", "/review?q=R"])
def test_filter_pages_render_in_english(web: Web, path: str) -> None:
    web.store_plan("weihai-2022-plan.txt")
    r = web.client.get(path + "&lang=en" if "?" in path else path + "?lang=en",
                       headers=web.bearer("reviewer"))
    assert r.status_code == 200
    assert "Clear filters" in r.text and "清除条件" not in r.text
