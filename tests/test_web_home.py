"""首页 by role (workflow.home.home_summary, ``/`` and ``GET /api/v1/home``): a department sees
what it must report by the deadline, what was returned (with the comment) and its tasks due; a
reviewer the review queue, the overdue departments and the plans with 预警; an admin also the
accounts; the public the published plans. Every count equals what the linked page lists (the
review queue's total, the task page filtered by department and 逾期, the overview's 预警).
SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from lxml import html as lxml_html

from planwatch import actions
from planwatch.model.actual import Actual
from planwatch.model.labels import CODES
from planwatch.storage import import_plan, record_actuals
from planwatch.workflow.home import HomeSummary
from planwatch.workflow.settings import REPORTING_DEADLINE_ENV
from tests.paging_helpers import pager_total
from tests.web_fixtures import (
    DEPT_A,
    DEPT_B,
    Web,
    dept,
    pg_database_url,
    sample_plan,
    sqlite_web,
    web,
)

__all__ = ["pg_database_url", "sqlite_web", "web"]  # fixtures used by name

YEAR = 2025
RD = "全社会R&D经费支出占GDP比重"  # dept_a, submitted: waiting for review, not to fill
PATENTS = "万人高价值发明专利拥有量"  # dept_a, nothing entered
FIRMS = "规模以上工业企业有研发活动的比例"  # dept_a, returned with a comment
STAFF = "万名就业人员中研发人员数"  # dept_b, nothing entered
COMMENT = "口径与统计公报不一致，请核实"
CODES_SHOWN = {*CODES["task_state"], *CODES["submission_status"], "public", "internal",
               "archived"}
"""Codes the home page prints as labels (the state of a task or a submission, a plan's status;
the test accounts are named after their roles, so roles are left out)."""


def _weihai(web: Web) -> int:
    plan_id = web.store_plan("weihai-2022-plan.txt")
    for name, department in ((RD, DEPT_A), (PATENTS, DEPT_A), (FIRMS, DEPT_A), (STAFF, DEPT_B)):
        actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, name, department)
    a = dept(web.store, "dept_a")
    actions.submit_actual(web.store, a, plan_id, RD, YEAR, 2.9)
    returned = actions.submit_actual(web.store, a, plan_id, FIRMS, YEAR, 40.0)
    actions.return_submission(web.store, actions.SYSTEM, returned.id, COMMENT)
    # far behind its path in 2023: a 预警 on the overview
    record_actuals(web.store, plan_id, [Actual(indicator=PATENTS, year=2023, value=1.0)],
                   user=actions.SYSTEM.author)
    return plan_id


def _yantai(web: Web) -> int:
    """The 烟台 plan with deadlines: tasks 1–3 overdue (3 led by 发展改革委 too), 4 overdue but
    done, 5 due within a month, the rest without a deadline."""
    plan = sample_plan("yantai-2024-opinion.txt")
    soon = (date.today() + timedelta(days=30)).isoformat()
    for task in plan.tasks[:4]:
        task.deadline = "2024年底前"
    plan.tasks[4].deadline = soon
    plan_id = import_plan(web.store, plan, "yantai.txt", None, "test").plan_id
    number = plan.tasks[3].number
    actions.report_progress(web.store, actions.SYSTEM, plan_id, number, report="已完成",
                            percent=100, status="done")
    return plan_id


def _cards(html: str) -> dict[str, int]:
    return {k: int(n) for k, n in re.findall(r'id="card-([a-z-]+)" data-count="(\d+)"', html)}


def _api(web: Web, headers: dict[str, str]) -> HomeSummary:
    r = web.client.get("/api/v1/home", params={"year": YEAR}, headers=headers)
    assert r.status_code == 200, r.text
    return HomeSummary.model_validate(r.json())


def test_department_home(web: Web) -> None:
    weihai, yantai = _weihai(web), _yantai(web)
    home = actions.home_summary(web.store, dept(web.store, "dept_a"), YEAR)
    assert home.role == "department" and home.deadline == date(YEAR + 1, 6, 30)
    assert {(f.plan_id, f.indicator, f.submission_status) for f in home.to_fill} == {
        (weihai, PATENTS, None), (weihai, FIRMS, "returned")}
    assert all(f.overdue == (date.today() > home.deadline) for f in home.to_fill)
    assert [(r.indicator, r.comment) for r in home.returned] == [(FIRMS, COMMENT)]
    assert home.tasks_due == [] and home.review_pending is None  # no 烟台 task is dept_a's
    headers = web.bearer("dept_a")
    assert _api(web, headers) == home
    page = web.client.get("/", params={"year": YEAR}, headers=headers)
    assert page.status_code == 200
    assert _cards(page.text) == {"to-fill": 2, "returned": 1, "tasks-due": 0}
    assert COMMENT in page.text and PATENTS in page.text and f"{YEAR + 1}-06-30" in page.text
    assert page.text.count('class="to-fill"') == 2
    other = actions.home_summary(web.store, dept(web.store, "dept_b"), YEAR)
    assert [f.indicator for f in other.to_fill] == [STAFF] and other.returned == []
    yt = actions.home_summary(web.store, dept(web.store, "dept_yt"), YEAR)
    due = [(t.plan_id, t.number, t.state) for t in yt.tasks_due]
    assert due == [(yantai, 1, "overdue"), (yantai, 2, "overdue"), (yantai, 3, "overdue"),
                   (yantai, 5, "not_reported")]
    yt_page = web.client.get("/", params={"year": YEAR}, headers=web.bearer("dept_yt"))
    assert _cards(yt_page.text)["tasks-due"] == 4
    assert f"/plans/{yantai}/tasks#task-5" in yt_page.text


def test_reviewer_and_admin_home_counts_match_the_linked_pages(web: Web) -> None:
    weihai, yantai = _weihai(web), _yantai(web)
    headers = web.bearer("reviewer")
    home = _api(web, headers)
    reviewer = actions.home_summary(web.store, dept(web.store, "reviewer"), YEAR)
    assert home == reviewer and home.accounts is None and home.to_fill == []
    page = web.client.get("/", params={"year": YEAR}, headers=headers).text
    cards = _cards(page)
    # 待审核: the review queue's total
    queue = web.client.get("/review", headers=headers).text
    assert home.review_pending == cards["review"] == pager_total(queue) == 1
    # 逾期: each count is the task page filtered by the department and 逾期
    rows = {(d.department, p.plan_id): p for d in home.overdue_departments for p in d.plans}
    assert cards["overdue"] == len(home.overdue_departments)
    assert {k: (p.tasks, p.indicators) for k, p in rows.items()} == {
        ("烟台市科技局", yantai): (3, 0), ("烟台市发展改革委", yantai): (1, 0),
        (DEPT_A, weihai): (0, 2), (DEPT_B, weihai): (0, 1)}
    for (_, plan_id), p in rows.items():
        if p.tasks:
            tasks = web.client.get(f"/plans/{plan_id}/tasks",
                                   params={"department": p.lead, "status": "overdue"},
                                   headers=headers).text
            shown = re.search(r'data-count="tasks">(\d+)<', tasks)
            assert shown and int(shown.group(1)) == p.tasks == tasks.count('class="overdue"')
            assert f'data-n="{p.tasks}"' in page
    # 预警: the overview's count, and only plans that have one
    assert {w.plan_id for w in home.warning_plans} == {weihai, yantai}  # 烟台: overdue tasks
    assert cards["warnings"] == 2
    for plan in actions.plan_items(web.store, actions.SYSTEM):
        overview = web.client.get(f"/plans/{plan.id}", headers=headers).text
        shown = re.search(r"预警 <b>(?:<a href=\"#alerts\">)?(\d+)(?:</a>)?</b>", overview)
        listed = [w.warnings for w in home.warning_plans if w.plan_id == plan.id]
        assert shown and int(shown.group(1)) == (listed[0] if listed else 0)
    # an admin: also the accounts
    actions.set_active(web.store, actions.SYSTEM, "viewer", False)
    admin = _api(web, web.bearer("admin"))
    assert admin.accounts is not None and admin.review_pending == 1
    users = actions.list_users(web.store, actions.SYSTEM)
    assert (admin.accounts.total, admin.accounts.inactive) == (len(users), 1)
    assert _cards(web.client.get("/", headers=web.bearer("admin")).text)["inactive"] == 1


def test_public_home_lists_the_published_plans(web: Web) -> None:
    weihai, yantai = _weihai(web), _yantai(web)
    actions.set_plan_public(web.store, actions.SYSTEM, yantai, True)
    web.client.cookies.clear()
    home = _api(web, {})
    assert home.role == "public" and [p.id for p in home.public_plans] == [yantai]
    assert home.review_pending is None and home.to_fill == [] and home.overdue_departments == []
    page = web.client.get("/").text
    assert f"/public/plans/{yantai}" in page and f"/plans/{weihai}" not in page
    assert _cards(page) == {} and "公开的科技创新规划及其监测结果（1个）" in page


def test_viewer_sees_warnings_only(web: Web) -> None:
    _weihai(web)
    home = _api(web, web.bearer("viewer"))
    assert home.role == "viewer" and home.review_pending is None
    assert home.overdue_departments == [] and len(home.warning_plans) == 1
    assert set(_cards(web.client.get("/", headers=web.bearer("viewer")).text)) == {"warnings"}


def test_deadline_is_the_reporting_setting(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deadline is the evaluation's one setting (PLANWATCH_REPORTING_DEADLINE): before it
    the year's values are due, not overdue; after it they are overdue (待填报 and 逾期)."""
    _weihai(web)
    reviewer, a = dept(web.store, "reviewer"), dept(web.store, "dept_a")
    monkeypatch.setenv(REPORTING_DEADLINE_ENV, "03-31")
    early = actions.home_summary(web.store, a, YEAR, today=date(YEAR + 1, 3, 31))
    assert early.deadline == date(YEAR + 1, 3, 31) and not early.overdue
    assert early.to_fill and not any(f.overdue for f in early.to_fill)
    assert actions.home_summary(web.store, reviewer, YEAR,
                                today=date(YEAR + 1, 3, 31)).overdue_departments == []
    late = actions.home_summary(web.store, a, YEAR, today=date(YEAR + 1, 4, 1))
    assert late.overdue and all(f.overdue for f in late.to_fill)
    assert actions.home_summary(web.store, reviewer, YEAR,
                                today=date(YEAR + 1, 4, 1)).overdue_departments
    api = web.client.get("/api/v1/home", params={"year": YEAR}, headers=web.bearer("dept_a"))
    assert api.json()["deadline"] == f"{YEAR + 1}-03-31"


def test_home_refuses_a_bad_year(web: Web) -> None:
    r = web.client.get("/", params={"year": "20x5"}, headers=web.bearer("reviewer"))
    assert r.status_code == 400 and "筛选条件无效" in r.text
    assert web.client.get("/api/v1/home", params={"year": 1800}).status_code == 422


def test_home_shows_labels_not_codes(sqlite_web: Web) -> None:
    web = sqlite_web
    _weihai(web), _yantai(web)
    for username in ("dept_a", "dept_yt", "reviewer", "admin"):
        headers = web.bearer(username)
        for lang in ("zh", "en"):
            page = web.client.get("/", params={"year": YEAR, "lang": lang}, headers=headers)
            assert page.status_code == 200
            doc = lxml_html.fromstring(page.text)
            visible = doc.text_content() + " ".join(doc.xpath("//option/text()"))
            words = set(re.findall(r"[A-Za-z_]+", visible)) & CODES_SHOWN
            if lang == "en":  # English prose says "approved"; a code there has a "_"
                words = {w for w in words if "_" in w}
            assert not words, (username, lang, words)
    english = web.client.get("/", params={"lang": "en"}, headers=web.bearer("dept_a")).text
    assert "To report" in english and "待填报" not in english
