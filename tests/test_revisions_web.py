"""动态调整, a plan's history and version diff in the web app: a reviewer revises a target on the
indicator page (reason and authorising document required, the original kept and shown beside
the revised target, the plan page's verdict follows the new target), refusals change nothing,
the history filters and pages, the version diff names what changed in Chinese; department,
viewer and anonymous callers are refused. SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import html as lxml_html

from planwatch import actions
from planwatch.cli import main
from planwatch.cli_monitor import history_line
from planwatch.model.actual import Actual
from planwatch.model.labels import label
from planwatch.model.plan import Task
from planwatch.storage import (
    import_plan,
    list_targets,
    list_versions,
    open_storage,
    record_actuals,
)
from planwatch.workflow.history import HistoryEntry
from tests.web_fixtures import Web, counts, make_web, pg_database_url, sample_plan, web

__all__ = ["pg_database_url", "web"]  # fixtures used by name

ZIBO = "zibo-2022-plan.txt"
HTE = "高新技术企业"  # row 3 of the 淄博 table: 703 (2020) → 1800 (2025)
ROW = 3
DOC = "淄科字〔2023〕5号"


def _plan_with_actual(web: Web) -> int:
    plan_id = web.store_plan(ZIBO)
    record_actuals(web.store, plan_id, [Actual(indicator=HTE, year=2023, value=1420, unit="家",
                                               status="final")], "统计局")
    return plan_id


def _revise(web: Web, plan_id: int, csrf: dict[str, str], **form: str) -> object:
    data = {"value": "3000", "reason": "省下达任务调增", "document": DOC,
            "csrf_token": csrf["X-CSRF-Token"], **form}
    return web.client.post(f"/plans/{plan_id}/indicators/{ROW}/revise", data=data,
                           follow_redirects=False)


def _row(web: Web, plan_id: int) -> dict[str, object]:
    overview = web.client.get(f"/api/v1/plans/{plan_id}/overview?year=2023").json()
    row: dict[str, object] = overview["indicators"][ROW]
    assert row["name"] == HTE
    return row


def _target_cell(page: str) -> str:
    doc = lxml_html.fromstring(page)
    row = doc.xpath(f"//table[contains(@class,'data')]//tr[td//a[text()='{HTE}']]")[0]
    return " ".join(t.strip() for t in row.xpath("./td[5]")[0].itertext() if t.strip())


def test_revising_on_the_indicator_page_keeps_the_original_and_moves_the_verdict(
        web: Web) -> None:
    plan_id = _plan_with_actual(web)
    csrf = web.login("reviewer")
    before = _row(web, plan_id)
    assert before["target"] == 1800 and before["verdict_code"] in ("ahead", "on_track")
    page = web.client.get(f"/plans/{plan_id}/indicators/{ROW}").text
    assert 'id="revise-form"' in page and "已调整" not in page

    r = _revise(web, plan_id, csrf, value="３,０００", expected="1800")
    assert r.status_code == 303  # type: ignore[attr-defined]
    after = _row(web, plan_id)
    assert after["target"] == 3000 and after["verdict_code"] == "behind"

    page = web.client.get(f"/plans/{plan_id}/indicators/{ROW}?revised=1").text
    target = lxml_html.fromstring(page).get_element_by_id("target").text_content()
    assert "3,000" in target and "已调整" in target and "原目标：1,800（2025年）" in target
    assert "目标已调整，原目标保留" in page and DOC in page
    overview = web.client.get(f"/plans/{plan_id}?year=2023").text
    assert _target_cell(overview) == "3,000 2025 已调整 原目标 1,800"
    verdict = lxml_html.fromstring(overview).xpath(
        f"//tr[td//a[text()='{HTE}']]/td[contains(@class,'verdict')]")[0].text_content()
    assert "滞后" in verdict
    (target_row,) = [t for t in list_targets(web.store, list_versions(web.store, plan_id)[-1].id)
                     if t.position == ROW and t.origin == "indicator"]
    assert (target_row.original_value, target_row.value) == (1800, 3000)


@pytest.mark.parametrize(("form", "status", "says"), [
    ({"reason": ""}, 422, "理由无效：不能为空"),
    ({"document": "  "}, 422, "批准文号或文件名无效：不能为空"),
    ({"value": "三千"}, 422, "新目标值不是数字"),
    ({"value": "1800"}, 422, "新目标与现行目标相同"),
    ({"year": "2019"}, 422, "目标年份须晚于基期（2020年）"),
    ({"expected": "1700"}, 409, "目标已被他人调整为1800"),
])
def test_a_refused_revision_changes_nothing_and_says_why(web: Web, form: dict[str, str],
                                                         status: int, says: str) -> None:
    plan_id = _plan_with_actual(web)
    csrf = web.login("reviewer")
    before = counts(web.store)
    r = _revise(web, plan_id, csrf, **form)
    assert r.status_code == status  # type: ignore[attr-defined]
    assert says in r.text  # type: ignore[attr-defined]
    assert 'id="revise-form"' in r.text  # type: ignore[attr-defined]  # the page again
    assert counts(web.store) == before and _row(web, plan_id)["target"] == 1800


def test_an_archived_plan_is_not_revised(web: Web) -> None:
    plan_id = _plan_with_actual(web)
    actions.archive_plan(web.store, actions.SYSTEM, plan_id, "被新规划替代")
    headers = web.login("reviewer")
    r = web.client.post(f"/api/v1/plans/{plan_id}/indicators/{ROW}/revise", headers=headers,
                        json={"value": 3000, "reason": "调增", "document": DOC})
    assert r.status_code == 409 and "已归档" in r.json()["detail"]


@pytest.mark.parametrize("username", ["dept_a", "viewer"])
def test_departments_and_viewers_are_refused(web: Web, username: str) -> None:
    plan_id = _plan_with_actual(web)
    headers = web.login(username)
    before = counts(web.store)
    page = web.client.get(f"/plans/{plan_id}/indicators/{ROW}").text
    assert 'id="revise-form"' not in page and f"/plans/{plan_id}/history" not in page
    assert _revise(web, plan_id, headers).status_code == 403  # type: ignore[attr-defined]
    api = web.client.post(f"/api/v1/plans/{plan_id}/indicators/{ROW}/revise", headers=headers,
                          json={"value": 3000, "reason": "调增", "document": DOC})
    assert api.status_code == 403
    for path in (f"/plans/{plan_id}/history", f"/plans/{plan_id}/diff",
                 f"/api/v1/plans/{plan_id}/history", f"/api/v1/plans/{plan_id}/diff?from=1&to=1",
                 f"/api/v1/plans/{plan_id}/versions"):
        assert web.client.get(path).status_code == 403, path
    assert counts(web.store) == before


def test_anonymous_callers_are_refused(web: Web) -> None:
    plan_id = _plan_with_actual(web)
    actions.set_plan_public(web.store, actions.SYSTEM, plan_id, True)
    web.client.cookies.clear()
    for path in (f"/api/v1/plans/{plan_id}/history", f"/api/v1/plans/{plan_id}/diff?from=1&to=2"):
        assert web.client.get(path).status_code == 401, path
    page = web.client.get(f"/plans/{plan_id}/history", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    r = web.client.post(f"/api/v1/plans/{plan_id}/indicators/{ROW}/revise",
                        json={"value": 3000, "reason": "调增", "document": DOC})
    assert r.status_code == 401 and _row_public(web, plan_id) == 1800


def _row_public(web: Web, plan_id: int) -> object:
    return web.client.get(f"/api/v1/public/plans/{plan_id}").json()["indicators"][ROW]["target"]


def _entries(page: str) -> list[list[str]]:
    doc = lxml_html.fromstring(page)
    return [[" ".join(td.text_content().split()) for td in tr.xpath("./td")]
            for tr in doc.xpath("//table[@id='history']/tbody/tr[@data-entry]")]


def test_history_filters_and_pages(web: Web) -> None:
    plan_id = _plan_with_actual(web)
    headers = web.login("reviewer")
    reviewer = actions.Actor.from_user(actions.list_users(web.store, actions.SYSTEM)[1])
    assert reviewer.username == "reviewer"
    actions.revise_indicator_target(web.store, reviewer, plan_id, ROW, value=3000,
                                    reason="省下达任务调增", document=DOC)
    actions.set_indicator_owner(web.store, reviewer, plan_id, HTE, None)
    actions.set_plan_public(web.store, reviewer, plan_id, True)
    rows = _entries(web.client.get(f"/plans/{plan_id}/history").text)
    kinds = [r[2] for r in rows]
    assert kinds[0] == "公开设置" and "目标动态调整" in kinds and "实际值记录" in kinds
    assert kinds[-1] == "导入版本"  # newest first
    revision = next(r for r in rows if r[2] == "目标动态调整")
    assert revision[1:] == ["reviewer", "目标动态调整", HTE, "目标值：1,800 → 3,000",
                            f"{DOC}理由：省下达任务调增"]

    def shown(query: str) -> list[list[str]]:
        r = web.client.get(f"/plans/{plan_id}/history?{query}")
        assert r.status_code == 200, r.text
        return _entries(r.text)

    assert [r[2] for r in shown("kind=target_revision")] == ["目标动态调整"]
    assert {r[3] for r in shown(f"indicator={HTE}")} == {HTE}
    assert len(shown(f"indicator={HTE}")) == 2  # the revision and the actual value
    assert {r[1] for r in shown(f"who={reviewer.user_id}")} == {"reviewer"}
    assert {r[1] for r in shown("who=system")} == {"test", "统计局"}
    today, later = date.today(), date.today() + timedelta(days=1)
    assert len(shown(f"from={today}&to={today}")) == len(rows)
    assert shown(f"from={later}") == []
    first = web.client.get(f"/plans/{plan_id}/history?size=2").text
    assert len(_entries(first)) == 2 and f"共{len(rows)}条" in first and 'rel="next"' in first
    assert web.client.get(f"/plans/{plan_id}/history?from=2024-13-01").status_code == 422
    assert web.client.get(f"/plans/{plan_id}/history?kind=nonsense").status_code == 422
    api = web.client.get(f"/api/v1/plans/{plan_id}/history?kind=target_revision&limit=1",
                         headers=headers)
    assert api.status_code == 200 and api.headers["X-Total-Count"] == "1"
    assert api.json()["entries"][0]["reason"] == "省下达任务调增"
    reversed_range = web.client.get(
        f"/api/v1/plans/{plan_id}/history?from={later}&to={today}", headers=headers)
    assert reversed_range.status_code == 422


def test_history_shows_no_field_names_or_codes(web: Web) -> None:
    plan = sample_plan(ZIBO)
    plan_id = import_plan(web.store, plan, ZIBO, None, "test").plan_id
    plan.indicators[0].target = 3.1
    plan.meta.doc_number = "淄政字〔2022〕39号"
    import_plan(web.store, plan, "zibo-v2.txt", None, "test")
    web.login("admin")
    for lang in ("zh", "en"):
        page = web.client.get(f"/plans/{plan_id}/history?lang={lang}").text
        text = " ".join(" ".join(r) for r in _entries(page))
        assert not re.search(r"indicator\[|meta\.|target_|plan_version|\bNone\b", text), text
    zh = " ".join(" ".join(r) for r in _entries(
        web.client.get(f"/plans/{plan_id}/history?lang=zh").text))
    assert "文号：淄政字〔2022〕38号 → 淄政字〔2022〕39号" in zh
    assert "R&D经费支出占GDP的比重 目标值：3 → 3.1" in zh
    assert "导入新版本：第1版 → 第2版" in zh


def _two_versions(web: Web) -> int:
    plan = sample_plan(ZIBO)
    plan_id = import_plan(web.store, plan, ZIBO, None, "test").plan_id
    actions.revise_indicator_target(web.store, actions.SYSTEM, plan_id, ROW, value=2000,
                                    reason="中期调整", document=DOC)
    plan.indicators[0].target = 3.1
    removed = plan.indicators.pop(7).name
    assert removed == "每万人口高价值发明专利拥有量"
    plan.tasks.append(Task(number=1, title="建设概念验证中心", lead=["市科技局"],
                           deadline="2024年底前"))
    plan.meta.doc_number = "淄政字〔2022〕39号"
    import_plan(web.store, plan, "zibo-v2.txt", None, "test")
    return plan_id


def test_version_diff_names_the_changes(web: Web) -> None:
    plan_id = _two_versions(web)
    headers = web.login("reviewer")
    d = web.client.get(f"/api/v1/plans/{plan_id}/diff?from=1&to=2", headers=headers).json()
    assert d["meta"] == [{"what": "文号", "old": "淄政字〔2022〕38号", "new": "淄政字〔2022〕39号"}]
    assert [i["subject"] for i in d["indicators_removed"]] == ["每万人口高价值发明专利拥有量"]
    assert d["indicators_removed"][0]["summary"] == "目标10件（2025年）"
    changed = {i["subject"]: i["changes"] for i in d["indicators_changed"]}
    assert changed["R&D经费支出占GDP的比重"] == [{"what": "目标值", "old": "3", "new": "3.1"}]
    # version 1 stands at its revised 2000; version 2 was imported with the document's 1800
    # again, so it keeps the revision (carried with its reason and document): no change
    assert HTE not in changed
    assert [t["subject"] for t in d["tasks_added"]] == ["建设概念验证中心"]
    assert d["tasks_added"][0]["summary"] == "牵头：市科技局；时限：2024年底前"
    assert [(r["version"], r["subject"], r["old"], r["new"], r["document"])
            for r in d["revisions"]] == [
        (1, HTE, "1,800（2025年）", "2,000（2025年）", DOC),
        (2, HTE, "1,800（2025年）", "2,000（2025年）", DOC)]
    page = web.client.get(f"/plans/{plan_id}/diff?from=1&to=2")
    assert page.status_code == 200
    for part in ("diff-meta", "diff-indicators", "diff-tasks", "diff-revisions"):
        assert f'id="{part}"' in page.text, part
    assert "目标值：3 → 3.1" in " ".join(lxml_html.fromstring(page.text).text_content().split())
    default = web.client.get(f"/plans/{plan_id}/diff").text  # the last two versions
    assert 'id="diff-meta"' in default
    same = web.client.get(f"/api/v1/plans/{plan_id}/diff?from=2&to=2", headers=headers)
    assert same.status_code == 422
    assert web.client.get(f"/api/v1/plans/{plan_id}/diff?from=1&to=9",
                          headers=headers).status_code == 404
    versions = web.client.get(f"/api/v1/plans/{plan_id}/versions", headers=headers).json()
    assert [v["number"] for v in versions] == [1, 2]


def test_the_page_the_api_and_the_cli_show_the_same_history(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    store = open_storage(url)
    site = make_web(store)
    try:
        plan_id = _plan_with_actual(site)

        def cli(*args: str) -> Result:
            return CliRunner().invoke(main, ["--db", url, *args], catch_exceptions=False)

        done = cli("revise", str(plan_id), HTE, "--value", "3000", "--reason", "省下达任务调增",
                   "--document", DOC, "--as", "reviewer")
        assert done.exit_code == 0, done.output
        assert "高新技术企业: 1800（2025年）→ 3000（2025年）" in done.output
        assert cli("revise", str(plan_id), HTE, "--value", "1", "--reason", "x").exit_code == 2
        headers = site.login("reviewer")
        api = site.client.get(f"/api/v1/plans/{plan_id}/history", headers=headers).json()
        entries = [HistoryEntry.model_validate(e) for e in api["entries"]]
        assert [e.kind for e in entries[:1]] == ["target_revision"] and len(entries) == 4
        printed = cli("history", str(plan_id), "--as", "reviewer").output.splitlines()
        assert printed[1:] == [history_line(e) for e in reversed(entries)]
        rows = _entries(site.client.get(f"/plans/{plan_id}/history").text)
        assert rows == [[e.at.strftime("%Y-%m-%d %H:%M"), e.user,
                         label("history_kind", e.kind) if e.kind else "", e.subject or "",
                         f"{e.what}：" + (f"{e.old} → " if e.old is not None else "")
                         + (e.new or "—"),
                         (e.basis or "") + (f"理由：{e.reason}" if e.reason else "")]
                        for e in entries]
    finally:
        site.client.close()
        store.close()
