"""The review pages and API with context, typed numbers on every entry path, withdraw and
batch approve (SQLite and PostgreSQL)."""

from __future__ import annotations

import html
import re

from planwatch import actions
from planwatch.storage import get_actuals
from planwatch.storage.submissions import get_submission
from tests.web_fixtures import DEPT_A, Web, dept as dept_actor, pg_database_url, web

__all__ = ["pg_database_url", "web"]

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"  # indicators[1]: %, 2.36 in 2020, target 2.8 by 2025
PLATFORMS = "省级以上各类技术创新平台"  # indicators[5]: 个, 370 in 2020, target 400
RD_ROW, PLATFORMS_ROW = 1, 5


def _plan(web: Web) -> int:
    plan_id = web.store_plan(SEED)
    for name in (RD, PLATFORMS):
        actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, name, DEPT_A)
    return plan_id


def _csrf(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', html)
    assert found
    return found.group(1)


def _statuses(web: Web, plan_id: int) -> list[tuple[str, int, float, str]]:
    return [(s.indicator, s.year, s.value, s.status)
            for s in actions.list_submissions(web.store, actions.SYSTEM, plan_id)]


def test_form_reads_typed_numbers_and_shows_context(web: Web) -> None:
    plan_id = _plan(web)
    web.login("dept_a")
    page = web.client.get(f"/plans/{plan_id}/actuals").text
    assert "基期 2.36（2020）" in page and "目标 2.8（2025）" in page
    r = web.client.post(f"/plans/{plan_id}/actuals", data={
        "csrf_token": _csrf(page), f"v-{RD_ROW}-2021": "2.95%", f"v-{RD_ROW}-2022": "３．０１",
        f"v-{PLATFORMS_ROW}-2021": "1,500", f"v-{PLATFORMS_ROW}-2022": " 1 600 "},
        follow_redirects=False)
    assert r.status_code == 303, r.text
    assert sorted(_statuses(web, plan_id)) == [
        (RD, 2021, 2.95, "submitted"), (RD, 2022, 3.01, "submitted"),
        (PLATFORMS, 2021, 1500.0, "submitted"), (PLATFORMS, 2022, 1600.0, "submitted")]


def test_form_refuses_a_percent_on_a_count_inline(web: Web) -> None:
    plan_id = _plan(web)
    web.login("dept_a")
    page = web.client.get(f"/plans/{plan_id}/actuals").text
    r = web.client.post(f"/plans/{plan_id}/actuals", data={
        "csrf_token": _csrf(page), f"v-{RD_ROW}-2021": "2.95%",
        f"v-{PLATFORMS_ROW}-2021": "15%"})
    assert r.status_code == 422
    assert "带百分号" in r.text and 'value="15%"' in r.text
    assert _statuses(web, plan_id) == []


def test_api_and_excel_read_typed_numbers(web: Web) -> None:
    plan_id = _plan(web)
    headers = web.bearer("dept_a")
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=headers,
                        json={"indicator": RD, "year": 2021, "value": "2.95%"})
    assert r.status_code == 201 and r.json()["value"] == 2.95
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=headers,
                        json={"indicator": RD, "year": 2022, "value": "两点九"})
    assert r.status_code == 422 and "不是数字" in r.json()["detail"]
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=headers,
                        json={"indicator": PLATFORMS, "year": 2021, "value": 380})
    assert r.status_code == 201 and r.json()["value"] == 380
    sheet = (f"指标名称,单位,年份,数值,数据状态\n{RD},%,2023,３．１%,最终数\n"
             f'{PLATFORMS},个,2023,"1,500",最终数\n')
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions/file", headers=headers,
                        files={"file": ("a.csv", sheet.encode(), "text/csv")})
    assert r.status_code == 201, r.text
    assert sorted((s["indicator"], s["value"]) for s in r.json()) == sorted(
        [(PLATFORMS, 1500.0), (RD, 3.1)])


def test_queue_shows_context_and_returned_value(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    reviewer = actions.Actor("reviewer", "reviewer")
    first = actions.submit_actual(web.store, dept, plan_id, RD, 2021, 2.5)
    actions.approve_submission(web.store, reviewer, first.id)
    sub = actions.submit_actual(web.store, dept, plan_id, RD, 2022, 25.5, source="统计公报")
    actions.return_submission(web.store, reviewer, sub.id, "单位应为%，请核对")
    actions.edit_submission(web.store, dept, sub.id, submit=True, value="2.75%")
    headers = web.bearer("reviewer")
    page = web.client.get("/review", headers=headers).text
    row = page[page.index(f'<tr id="sub-{sub.id}">'):]
    row = row[:row.index("</tr>")]
    for shown in ("2.75", "基期 2.36（2020）", "目标 2.8（2025）", "上年 2.5（2021）",
                  "变动 +10.0%", "上次退回", "原值 25.5", "单位应为%，请核对", "统计公报"):
        assert shown in row, shown
    assert f'name="ids" value="{sub.id}" form="batch-approve"' in row
    api = web.client.get("/api/v1/review", headers=headers).json()
    [item] = api["items"]
    assert item["context"]["target"] == 2.8 and item["context"]["last_year"]["value"] == 2.5
    assert round(item["context"]["change_pct"], 6) == 10.0
    assert item["returned"]["value"] == 25.5 and item["returned"]["comment"] == "单位应为%，请核对"
    english = web.client.get("/review?lang=en", headers=headers).text
    assert "Last returned" in english and "Baseline / target / last year" in english


def test_withdraw_from_the_department_page_and_api(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    one = actions.submit_actual(web.store, dept, plan_id, RD, 2021, 2.5)
    two = actions.submit_actual(web.store, dept, plan_id, RD, 2022, 2.6)
    web.login("dept_a")
    page = web.client.get(f"/plans/{plan_id}/actuals").text
    assert f'action="/submissions/{one.id}/withdraw"' in page
    r = web.client.post(f"/submissions/{one.id}/withdraw", data={"csrf_token": _csrf(page)},
                        follow_redirects=False)
    assert r.status_code == 303
    after = web.client.get(r.headers["location"]).text
    assert "已撤回" in after and f'action="/submissions/{one.id}/resubmit"' in after
    assert get_submission(web.store, one.id).status == "draft"
    other = web.client.post(f"/api/v1/submissions/{two.id}/withdraw",
                            headers=web.bearer("dept_b"))
    assert other.status_code == 403
    r = web.client.post(f"/api/v1/submissions/{two.id}/withdraw", headers=web.bearer("dept_a"))
    assert r.status_code == 200 and r.json()["status"] == "draft"
    again = web.client.post(f"/api/v1/submissions/{two.id}/withdraw",
                            headers=web.bearer("dept_a"))
    assert again.status_code == 409


def test_batch_approve_page_all_or_nothing(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    subs = [actions.submit_actual(web.store, dept, plan_id, RD, y, 2.4) for y in (2021, 2022)]
    twin = actions.submit_actual(web.store, dept, plan_id, RD, 2021, 2.45)
    web.login("reviewer")
    page = web.client.get("/review").text
    assert 'id="batch-approve"' in page
    token = _csrf(page)
    r = web.client.post("/review/approve", data={
        "csrf_token": token, "ids": [str(s.id) for s in (*subs, twin)]})
    assert r.status_code == 409
    assert html.escape(f"#{twin.id}（{RD} 2021年）") in r.text and "锁定" in r.text
    assert get_actuals(web.store, plan_id) == []
    assert re.search(rf'value="{twin.id}" form="batch-approve" checked', r.text)
    en = web.client.post("/review/approve?lang=en", data={
        "csrf_token": token, "ids": [str(s.id) for s in (*subs, twin)]})
    assert en.status_code == 409 and "nothing approved: 1 of 3" in en.text
    assert html.escape(f"#{twin.id} ({RD}, 2021): ") in en.text and "锁定" not in en.text
    web.client.get("/review?lang=zh")
    r = web.client.post("/review/approve", data={"csrf_token": token},
                        follow_redirects=False)
    assert r.status_code == 422 and "未选择任何填报" in r.text
    r = web.client.post("/review/approve", data={
        "csrf_token": token, "ids": [str(s.id) for s in subs]}, follow_redirects=False)
    assert r.status_code == 303
    assert "已批量通过2条填报" in web.client.get(r.headers["location"]).text
    assert sorted(a.year for a in get_actuals(web.store, plan_id)) == [2021, 2022]


def test_batch_approve_api(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    ids = [actions.submit_actual(web.store, dept, plan_id, RD, y, 2.4).id for y in (2021, 2022)]
    refused = web.client.post("/api/v1/review/approve", headers=web.bearer("dept_a"),
                              json={"ids": ids})
    assert refused.status_code == 403
    gone = web.client.post("/api/v1/review/approve", headers=web.bearer("reviewer"),
                           json={"ids": [*ids, 999999]})
    assert gone.status_code == 409 and any("999999" in p for p in gone.json()["problems"])
    assert any(p.startswith("#999999: ") for p in gone.json()["problems_en"])
    assert {get_submission(web.store, i).status for i in ids} == {"submitted"}
    r = web.client.post("/api/v1/review/approve", headers=web.bearer("reviewer"),
                        json={"ids": ids, "comment": "核对无误"})
    assert r.status_code == 200 and [s["status"] for s in r.json()] == ["approved"] * 2
