"""JSON API end to end on SQLite and PostgreSQL: upload → confirm with a correction →
department submits → reviewer approves → the overview verdict changes → report download."""

from __future__ import annotations

import io
import zipfile

from planwatch.storage import get_actuals, latest_plan
from planwatch.storage.plan_access import list_corrections
from tests.web_fixtures import (
    DEPT_A,
    DEPT_YT,
    SAMPLES,
    Web,
    pg_database_url,
    sample_plan,
    web,
)

__all__ = ["pg_database_url", "web"]  # fixtures used by name

SEED = "weihai-2022-plan.txt"
RD_SHARE = 1  # indicators[1]: 全社会R&D经费支出占GDP比重 2.36 (2020) → 2.8 (2025)


def _upload_and_confirm(web: Web, csrf: dict[str, str]) -> int:
    with (SAMPLES / SEED).open("rb") as fh:
        r = web.client.post("/api/v1/uploads", files={"file": (SEED, fh, "text/plain")},
                            headers=csrf)
    assert r.status_code == 201, r.text
    preview = r.json()
    ind = preview["plan"]["indicators"][RD_SHARE]
    expected = ("全社会R&D经费支出占GDP比重", 2.36, 2.8)
    assert (ind["name"], ind["baseline"], ind["target"]) == expected
    assert web.client.get("/api/v1/plans").json() == []  # nothing stored before confirming
    fix = {"field": f"indicators.{RD_SHARE}.target", "value": 2.9}
    r = web.client.post(f"/api/v1/uploads/{preview['upload_id']}/confirm",
                        json={"corrections": [fix]}, headers=csrf)
    assert r.status_code == 201, r.text
    assert r.json()["corrections"] == 1
    return int(r.json()["plan_id"])


def test_upload_confirm_submit_approve_report(web: Web) -> None:
    reviewer = web.login("reviewer")
    plan_id = _upload_and_confirm(web, reviewer)
    plan = latest_plan(web.store, plan_id)
    assert plan is not None and plan.indicators[RD_SHARE].target == 2.9
    fixes = list_corrections(web.store, plan_id)
    assert [(c.field, c.old_value, c.new_value, c.corrected_by) for c in fixes] == [
        (f"indicators.{RD_SHARE}.target", "2.8", "2.9", "reviewer")]
    r = web.client.put(f"/api/v1/plans/{plan_id}/indicators/{RD_SHARE}/owner",
                       json={"department": DEPT_A}, headers=reviewer)
    assert r.status_code == 204, r.text
    before = web.client.get(f"/api/v1/plans/{plan_id}/overview?year=2023").json()
    assert before["indicators"][RD_SHARE]["verdict"] == "暂无数据"
    assert before["indicators"][RD_SHARE]["owner"] == DEPT_A

    dept = web.bearer("dept_a")
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=dept,
                        json={"indicator": "全社会R&D经费支出占GDP比重", "year": 2023,
                              "value": 2.62, "unit": "%"})
    assert r.status_code == 201, r.text
    sub = r.json()
    assert (sub["status"], sub["department"], sub["submitted_by"]) == ("submitted", DEPT_A,
                                                                      "dept_a")
    assert get_actuals(web.store, plan_id) == []  # not before approval

    reviewer = web.login("reviewer")
    r = web.client.post(f"/api/v1/submissions/{sub['id']}/approve", json={"comment": "核实"},
                        headers=reviewer)
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["reviewer"]) == ("approved", "reviewer")
    stored = get_actuals(web.store, plan_id)
    assert [(a.indicator, a.year, a.value, a.status) for a in stored] == [
        ("全社会R&D经费支出占GDP比重", 2023, 2.62, "final")]

    after = web.client.get(f"/api/v1/plans/{plan_id}/overview?year=2023").json()
    row = after["indicators"][RD_SHARE]
    assert row["verdict"] not in ("暂无数据", "无法判断")
    assert (row["actual_year"], row["actual"], row["target"]) == (2023, 2.62, 2.9)
    assert row["series"] == [[2020, 2.36], [2023, 2.62]]
    assert after["verdict_counts"] != before["verdict_counts"]
    assert after["with_actual"] == before["with_actual"] + 1

    r = web.client.get(f"/api/v1/plans/{plan_id}/report?year=2023&format=docx")
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(r.content)) as docx:
        assert "word/document.xml" in docx.namelist()
    r = web.client.get(f"/api/v1/plans/{plan_id}/report?year=2023&format=xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_indicator_detail_and_audit_trail(web: Web) -> None:
    reviewer = web.login("reviewer")
    plan_id = _upload_and_confirm(web, reviewer)
    r = web.client.get(f"/api/v1/plans/{plan_id}/indicators/{RD_SHARE}?year=2023")
    assert r.status_code == 200, r.text
    detail = r.json()
    assert detail["status"]["name"] == "全社会R&D经费支出占GDP比重"
    assert detail["target_path"][0] == [2020, 2.36]
    assert detail["target_path"][-1] == [2025, 2.9]
    assert len(detail["target_path"]) == 6
    assert detail["source_line"] == sample_plan(SEED).indicators[RD_SHARE].line
    audit = web.client.get(f"/api/v1/plans/{plan_id}/audit").json()["entries"]
    fields = [(e["user"], e["field"]) for e in audit]
    assert ("reviewer", f"correction:indicators.{RD_SHARE}.target") in fields
    assert ("reviewer", "created") in fields
    assert web.client.get(f"/api/v1/plans/{plan_id}/indicators/99").status_code == 404


def test_return_with_comment_and_department_lists_only_its_own(web: Web) -> None:
    plan_id = web.store_plan(SEED)
    reviewer = web.login("reviewer")
    for index, dept in ((1, "市科技局"), (2, "市发展改革委")):
        r = web.client.put(f"/api/v1/plans/{plan_id}/indicators/{index}/owner",
                           json={"department": dept}, headers=reviewer)
        assert r.status_code == 204
    a = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=web.bearer("dept_a"),
                        json={"indicator": "全社会R&D经费支出占GDP比重", "year": 2022,
                              "value": 2.5}).json()
    b_headers = web.bearer("dept_b")
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=b_headers,
                        json={"indicator": "万人高价值发明专利拥有量", "year": 2022, "value": 6})
    assert r.status_code == 201, r.text
    mine = web.client.get(f"/api/v1/plans/{plan_id}/submissions", headers=b_headers).json()
    assert [s["indicator"] for s in mine] == ["万人高价值发明专利拥有量"]

    reviewer = web.login("reviewer")
    assert len(web.client.get(f"/api/v1/plans/{plan_id}/submissions").json()) == 2
    r = web.client.post(f"/api/v1/submissions/{a['id']}/return", headers=reviewer,
                        json={"comment": "请核对统计口径"})
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["comment"]) == ("returned", "请核对统计口径")
    a_headers = web.bearer("dept_a")
    r = web.client.patch(f"/api/v1/submissions/{a['id']}", headers=a_headers,
                         json={"value": 2.45, "submit": True})
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["value"]) == ("submitted", 2.45)


def test_tasks_for_my_department_and_progress(web: Web) -> None:
    plan_id = web.store_plan("yantai-2024-opinion.txt")
    dept = web.bearer("dept_yt")  # 烟台市科技局: the plan's 市科技局
    mine = web.client.get(f"/api/v1/plans/{plan_id}/tasks", headers=dept).json()
    assert mine and all("市科技局" in t["lead"] and t["editable"] for t in mine)
    number = mine[0]["number"]
    r = web.client.post(f"/api/v1/plans/{plan_id}/tasks/{number}/progress", headers=dept,
                        json={"report": "已完成年度任务的60%", "percent": 60})
    assert r.status_code == 201, r.text
    assert (r.json()["department"], r.json()["reported_by"]) == (DEPT_YT, "dept_yt")
    again = web.client.get(f"/api/v1/plans/{plan_id}/tasks", headers=dept).json()
    task = next(t for t in again if t["number"] == number)
    assert (task["state"], task["percent"]) == ("in_progress", 60.0)
    assert [p["report"] for p in task["reports"]] == ["已完成年度任务的60%"]
    web.login("reviewer")
    everything = web.client.get(f"/api/v1/plans/{plan_id}/tasks").json()
    assert len(everything) == len(sample_plan("yantai-2024-opinion.txt").tasks) > len(mine)


def test_public_plan_and_region_tree(web: Web) -> None:
    plan_id = web.store_plan(SEED)
    web.client.cookies.clear()
    assert web.client.get(f"/api/v1/public/plans/{plan_id}").status_code == 404
    assert web.client.get("/api/v1/plans").json() == []
    assert web.client.get(f"/api/v1/plans/{plan_id}/overview").status_code == 401
    reviewer = web.login("reviewer")
    r = web.client.put(f"/api/v1/plans/{plan_id}/public", json={"public": True},
                       headers=reviewer)
    assert r.status_code == 204
    web.client.cookies.clear()
    public = web.client.get(f"/api/v1/public/plans/{plan_id}").json()
    assert public["plan"]["is_public"] is True
    assert public["pending_submissions"] is None
    assert all(i["owner"] is None for i in public["indicators"])
    tree = web.client.get("/api/v1/regions").json()
    assert [(n["name"], n["plans"]) for n in tree] == [("山东省", [])]
    cities = [(c["name"], [p["id"] for p in c["plans"]]) for c in tree[0]["children"]]
    assert cities == [("威海市", [plan_id])]  # the anonymous caller sees the public plan only


def test_openapi_document_lists_the_api(web: Web) -> None:
    doc = web.client.get("/api/v1/openapi.json").json()
    paths = set(doc["paths"])
    assert {"/api/v1/plans", "/api/v1/plans/{plan_id}/overview", "/api/v1/uploads",
            "/api/v1/submissions/{submission_id}/approve", "/api/v1/auth/login",
            "/api/v1/public/plans/{plan_id}", "/api/v1/plans/{plan_id}/report"} <= paths
    assert "/login" not in paths
