"""Indicator owners are existing departments (of an account or named in the plan's tasks);
spaces in a department name neither create a new department nor hide its submissions."""

from __future__ import annotations

import pytest

from planwatch import actions
from planwatch.storage.submissions import indicator_owner_map
from tests.web_fixtures import DEPT_A, Web, dept as dept_actor, pg_database_url, web

__all__ = ["pg_database_url", "web"]

RD = "全社会R&D经费支出占GDP比重"


def test_owner_must_be_an_existing_department(web: Web) -> None:
    plan_id = web.store_plan("weihai-2022-plan.txt")
    with pytest.raises(actions.Invalid):
        actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, "不存在的局")
    r = web.client.put(f"/api/v1/plans/{plan_id}/indicators/0/owner",
                       headers=web.bearer("reviewer"), json={"department": "不存在的局"})
    assert r.status_code == 422, r.text
    assert "不存在" in r.json()["detail_zh"]
    assert indicator_owner_map(web.store, plan_id) == {}


def test_a_stray_space_does_not_hide_a_departments_submissions(web: Web) -> None:
    plan_id = web.store_plan("weihai-2022-plan.txt")
    spaced = DEPT_A[:1] + " " + DEPT_A[1:] + " "
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, spaced)
    assert indicator_owner_map(web.store, plan_id) == {RD: DEPT_A}
    dept = dept_actor(web.store)
    sub = actions.submit_actual(web.store, dept, plan_id, RD, 2022, 2.5)
    assert [s.id for s in actions.list_submissions(web.store, dept, plan_id)] == [sub.id]
    added = actions.add_user(web.store, actions.SYSTEM, "dept_c", "correct-horse-1",
                             "department", " 市 统计局 ")
    assert added.department == "市统计局"
