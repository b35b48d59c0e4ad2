"""Writes are scoped by ids: a progress report keeps its department's id, submissions and audit
rows the acting account's id; four-eyes and "own account" checks compare account ids, not
names (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planwatch import actions
from planwatch.storage import import_plan
from planwatch.storage.audit_log import query_audit
from planwatch.storage.schema_web import task_progress
from planwatch.storage.submissions import indicator_owners_of
from planwatch.storage.task_progress import list_progress
from planwatch.storage.users import get_user
from planwatch.workflow.plausibility import ReviewPolicy
from tests.web_fixtures import DEPT_A, DEPT_YT, Web, dept, pg_database_url, sample_plan, web

__all__ = ["pg_database_url", "web"]

YANTAI = "yantai-2024-opinion.txt"
WEIHAI = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"


def test_progress_keeps_the_department_id(web: Web) -> None:
    plan_id = import_plan(web.store, sample_plan(YANTAI), YANTAI, None, "test").plan_id
    task = next(t for t in sample_plan(YANTAI).tasks if t.lead == ["市科技局"])
    mine = dept(web.store, "dept_yt")
    actions.report_progress(web.store, mine, plan_id, task.number, report="进展", percent=20)
    actions.report_progress(web.store, actions.SYSTEM, plan_id, task.number, report="督办",
                            status="blocked")
    rows = list_progress(web.store, plan_id, task.number)
    assert [(r.department_id, r.department) for r in rows] == [
        (mine.department_id, DEPT_YT), (mine.department_id, DEPT_YT)]  # the lead, by id
    assert rows[0].reported_by == "dept_yt"
    with web.store.reading() as conn:
        ids = conn.execute(select(task_progress.c.department_id)).scalars().all()
    assert ids == [mine.department_id] * 2


def test_submissions_and_audit_rows_carry_the_account_id(web: Web) -> None:
    plan_id = import_plan(web.store, sample_plan(WEIHAI), WEIHAI, None, "test").plan_id
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, DEPT_A)
    owner = indicator_owners_of(web.store, plan_id)[RD]
    actor = dept(web.store, "dept_a")
    assert owner == (DEPT_A, actor.department_id)
    sub = actions.submit_actual(web.store, actor, plan_id, RD, 2023, 2.5)
    assert (sub.submitted_by_id, sub.submitted_by) == (actor.user_id, "dept_a")
    assert (sub.department_id, sub.department) == (actor.department_id, DEPT_A)
    entries = query_audit(web.store, entity="submission", entity_id=sub.id)
    assert [(e.user_id, e.user) for e in entries] == [(actor.user_id, "dept_a")]
    assert query_audit(web.store, user_id=actor.user_id)[-1].entity_id == sub.id
    system = query_audit(web.store, entity="plan", entity_id=plan_id)
    assert {e.user_id for e in system} == {None}  # the CLI / system has no account


def test_four_eyes_compares_account_ids(web: Web) -> None:
    plan_id = import_plan(web.store, sample_plan(WEIHAI), WEIHAI, None, "test").plan_id
    reviewer = dept(web.store, "reviewer")
    four_eyes = ReviewPolicy(four_eyes=True)
    own = actions.submit_actual(web.store, reviewer, plan_id, RD, 2023, 2.5)
    with pytest.raises(actions.Forbidden):
        actions.approve_submission(web.store, reviewer, own.id, policy=four_eyes)
    # another account that happens to carry the same name in a stale actor is not the author
    other = dept(web.store, "admin")
    approved = actions.approve_submission(web.store, other, own.id, policy=four_eyes)
    assert approved.status == "approved"
    by_system = actions.submit_actual(web.store, actions.SYSTEM, plan_id, RD, 2024, 2.6)
    with pytest.raises(actions.Forbidden):
        actions.approve_submission(web.store, actions.SYSTEM, by_system.id, policy=four_eyes)


def test_own_account_is_told_by_id(web: Web) -> None:
    user = get_user(web.store, username="dept_a")
    assert user is not None
    impostor = actions.Actor("dept_a", "department", DEPT_A, user_id=None)
    with pytest.raises(actions.Forbidden):  # same name, no account id: not the owner
        actions.list_tokens(web.store, impostor, "dept_a")
    assert actions.list_tokens(web.store, dept(web.store, "dept_a"), "dept_a") == []
