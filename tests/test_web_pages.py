"""HTML pages end to end (TestClient, real SQLite): who sees which page, CSRF on every form,
department submits → reviewer approves, escaping, no external URLs, import with a correction."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

import pytest

from planwatch import actions
from planwatch.model.plan import Meta, Plan
from planwatch.storage import get_actuals, import_plan, open_storage
from planwatch.storage.plan_access import list_corrections
from planwatch.storage.submissions import list_submissions
from tests.web_fixtures import DEPT_A, SAMPLES, Web, make_web

SEED = "weihai-2022-plan.txt"
TASKS_SEED = "yantai-2024-opinion.txt"
RD = 1  # indicators[1] of SEED: 全社会R&D经费支出占GDP比重


@pytest.fixture
def site() -> Iterator[Web]:
    """The app on in-memory SQLite with SEED stored and indicator RD owned by DEPT_A."""
    store = open_storage("sqlite://")
    w = make_web(store)
    plan_id = w.store_plan(SEED)
    name = actions.plan_overview(store, actions.SYSTEM, plan_id).indicators[RD].name
    actions.set_indicator_owner(store, actions.SYSTEM, plan_id, name, DEPT_A)
    try:
        yield w
    finally:
        w.client.close()
        store.close()


def sign_in(web: Web, username: str | None) -> None:
    web.client.cookies.clear()
    if username is not None:
        web.login(username)


def meta_csrf(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', html)
    assert found, "page carries no CSRF meta tag"
    return found.group(1)


PAGES = ["/", "/plans/1", f"/plans/1/indicators/{RD}", "/plans/1/actuals", "/plans/1/tasks",
         "/plans/1/reports", "/review", "/import"]
EXPECTED = {  # user → status of each page in PAGES
    None: [200, 303, 303, 303, 303, 303, 303, 303],
    "viewer": [200, 200, 200, 200, 200, 200, 403, 403],
    "dept_a": [200, 200, 200, 200, 200, 200, 403, 403],
    "reviewer": [200] * 8,
    "admin": [200] * 8,
}


@pytest.mark.parametrize("user", list(EXPECTED))
def test_pages_by_role(site: Web, user: str | None) -> None:
    sign_in(site, user)
    got = [site.client.get(p, follow_redirects=False).status_code for p in PAGES]
    assert got == EXPECTED[user]


def test_anonymous_is_sent_to_login_with_next(site: Web) -> None:
    sign_in(site, None)
    r = site.client.get("/plans/1/actuals?x=1", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=/plans/1/actuals%3Fx%3D1"


def test_forbidden_page_is_html_with_the_reason(site: Web) -> None:
    sign_in(site, "dept_a")
    r = site.client.get("/review")
    assert r.status_code == 403 and r.headers["content-type"].startswith("text/html")
    assert "仅审核人或管理员可执行此操作" in r.text
    assert "dept_a" in r.text  # header still shows who is signed in


def test_public_page_needs_publishing_and_hides_owners(site: Web) -> None:
    sign_in(site, None)
    assert site.client.get("/public/plans/1").status_code == 404
    actions.set_plan_public(site.store, actions.SYSTEM, 1, True)
    page = site.client.get("/public/plans/1")
    assert page.status_code == 200
    assert "全社会R&amp;D经费支出占GDP比重" in page.text
    assert DEPT_A not in page.text  # responsible departments are internal
    assert 'id="chart-data"' in page.text and "/static/vendor/echarts.min.js" in page.text
    assert "/public/plans/1" in site.client.get("/").text  # listed on the region tree


def test_header_shows_user_and_role(site: Web) -> None:
    sign_in(site, "dept_a")
    page = site.client.get("/plans/1").text
    assert "dept_a" in page and "责任部门" in page and DEPT_A in page
    assert 'action="/logout"' in page


def _forms(html: str) -> list[str]:
    return re.findall(r"<form\b[^>]*method=\"post\"[^>]*>.*?</form>", html, flags=re.S)


@pytest.mark.parametrize("user", ["reviewer", "dept_a"])
def test_every_post_form_carries_the_session_csrf_token(site: Web, user: str) -> None:
    sign_in(site, user)
    actions.submit_actual(site.store, actions.SYSTEM, 1, "全社会R&D经费支出占GDP比重", 2022, 2.5)
    seen = 0
    for path in PAGES:
        page = site.client.get(path)
        if page.status_code != 200:
            continue
        token = meta_csrf(page.text)
        for form in _forms(page.text):
            assert f'name="csrf_token" value="{token}"' in form, (path, form[:200])
            seen += 1
    assert seen >= (6 if user == "reviewer" else 3)


def test_login_form_token_matches_its_cookie(site: Web) -> None:
    sign_in(site, None)
    page = site.client.get("/login")
    field = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert field and field.group(1) == site.client.cookies.get("pw_login_csrf")
    r = site.client.post("/login", data={"username": "viewer", "password": "correct-horse-1",
                                         "csrf_token": field.group(1), "next": "/plans/1"},
                         follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/plans/1"


def _submit(site: Web, cells: dict[str, str], csrf: bool = True) -> int:
    page = site.client.get("/plans/1/actuals")
    data = dict(cells, source="2022年统计公报")
    if csrf:
        data["csrf_token"] = meta_csrf(page.text)
    return site.client.post("/plans/1/actuals", data=data,
                            follow_redirects=False).status_code


def test_department_form_posts_a_submission(site: Web) -> None:
    sign_in(site, "dept_a")
    page = site.client.get("/plans/1/actuals").text
    assert f'name="v-{RD}-2022"' in page
    assert 'name="v-0-2022"' not in page  # another department's (unassigned) indicator
    assert _submit(site, {f"v-{RD}-2022": "2.55"}, csrf=False) == 403
    assert list_submissions(site.store, 1) == []
    assert _submit(site, {f"v-{RD}-2022": "2.55"}) == 303
    [sub] = list_submissions(site.store, 1)
    assert (sub.year, sub.value, sub.status, sub.department) == (2022, 2.55, "submitted", DEPT_A)
    assert sub.source == "2022年统计公报"
    assert "待审核 2.55" in site.client.get("/plans/1/actuals").text


def test_bad_cell_is_shown_inline_and_nothing_is_submitted(site: Web) -> None:
    sign_in(site, "dept_a")
    page = site.client.get("/plans/1/actuals")
    r = site.client.post("/plans/1/actuals", data={
        "csrf_token": meta_csrf(page.text), f"v-{RD}-2022": "2.5", f"v-{RD}-2023": "两点六"})
    assert r.status_code == 422
    assert "不是数字" in r.text and 'value="两点六"' in r.text
    assert list_submissions(site.store, 1) == []


def test_reviewer_approve_button_locks_the_value(site: Web) -> None:
    sign_in(site, "dept_a")
    assert _submit(site, {f"v-{RD}-2022": "2.55"}) == 303
    [sub] = list_submissions(site.store, 1)
    sign_in(site, "reviewer")
    queue = site.client.get("/review")
    assert f'hx-post="/review/{sub.id}/approve"' in queue.text
    token = meta_csrf(queue.text)
    r = site.client.post(f"/review/{sub.id}/approve", headers={"HX-Request": "true",
                                                                "X-CSRF-Token": token})
    assert r.status_code == 200 and r.text.lstrip().startswith(f'<tr id="sub-{sub.id}">')
    assert "已通过" in r.text
    stored = [a for a in get_actuals(site.store, 1) if a.year == 2022]
    assert [(a.indicator, a.value) for a in stored] == [("全社会R&D经费支出占GDP比重", 2.55)]
    again = site.client.post(f"/review/{sub.id}/approve", data={"csrf_token": token})
    assert again.status_code == 409  # locked: a second review is a conflict
    sign_in(site, "dept_a")
    page = site.client.get("/plans/1/actuals").text
    r = site.client.post(f"/submissions/{sub.id}/resubmit",
                         data={"csrf_token": meta_csrf(page), "value": "9", "plan_id": "1"})
    assert r.status_code == 403
    assert list_submissions(site.store, 1)[0].value == 2.55


def test_return_with_comment_then_resubmit(site: Web) -> None:
    sign_in(site, "dept_a")
    _submit(site, {f"v-{RD}-2022": "25.5"})
    [sub] = list_submissions(site.store, 1)
    sign_in(site, "reviewer")
    token = meta_csrf(site.client.get("/review").text)
    empty = site.client.post(f"/review/{sub.id}/return", data={"csrf_token": token,
                                                               "comment": " "})
    assert empty.status_code == 409
    r = site.client.post(f"/review/{sub.id}/return",
                         data={"csrf_token": token, "comment": "单位应为%，请核对"},
                         follow_redirects=False)
    assert r.status_code == 303
    sign_in(site, "dept_a")
    page = site.client.get("/plans/1/actuals").text
    assert "单位应为%，请核对" in page and f'action="/submissions/{sub.id}/resubmit"' in page
    r = site.client.post(f"/submissions/{sub.id}/resubmit",
                         data={"csrf_token": meta_csrf(page), "value": "2.55", "plan_id": "1"},
                         follow_redirects=False)
    assert r.status_code == 303
    [again] = list_submissions(site.store, 1)
    assert (again.value, again.status) == (2.55, "submitted")


def test_template_download_and_file_errors_listed(site: Web) -> None:
    sign_in(site, "dept_a")
    r = site.client.get("/plans/1/actuals/template.xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    token = meta_csrf(site.client.get("/plans/1/actuals").text)
    bad = "指标,年份,数值\n没有这个指标,2022,1\n"
    r = site.client.post("/plans/1/actuals/file", data={"csrf_token": token},
                         files={"file": ("a.csv", bad.encode(), "text/csv")})
    assert r.status_code == 422 and "数据未提交" in r.text and "第" in r.text
    assert list_submissions(site.store, 1) == []


def test_plan_title_with_script_is_escaped(site: Web) -> None:
    evil = "<script>alert(1)</script>规划"
    result = import_plan(site.store, Plan(meta=Meta(title=evil)), "evil.txt", None, "test")
    actions.set_plan_public(site.store, actions.SYSTEM, result.plan_id, True)
    sign_in(site, "reviewer")
    for path in ("/", f"/plans/{result.plan_id}", f"/plans/{result.plan_id}/tasks",
                 f"/plans/{result.plan_id}/reports", f"/public/plans/{result.plan_id}"):
        page = site.client.get(path)
        assert page.status_code == 200, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;规划" in page.text, path
        assert "<script>alert" not in page.text, path


URL_ATTR = re.compile(r"""\b(?:src|href|action)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]*)""", re.I)


def test_no_external_urls_in_served_html(site: Web) -> None:
    actions.set_plan_public(site.store, actions.SYSTEM, 1, True)
    pages = []
    for user in (None, "reviewer", "dept_a"):
        sign_in(site, user)
        paths = [*PAGES, "/public/plans/1", "/login"] if user else ["/", "/public/plans/1",
                                                                     "/login"]
        pages += [site.client.get(p).text for p in paths]
    assert len(pages) == 23
    for html in pages:
        assert URL_ATTR.findall(html) == []
        assert "http://" not in html and "https://" not in html


def test_static_assets_are_vendored(site: Web) -> None:
    for path in ("/static/vendor/htmx.min.js", "/static/vendor/echarts.min.js",
                 "/static/js/app.js", "/static/js/charts.js", "/static/css/planwatch.css"):
        r = site.client.get(path)
        assert r.status_code == 200 and len(r.content) > 1000, path
    assert "default-src 'self'" in site.client.get("/").headers["content-security-policy"]


def test_no_inline_scripts(site: Web) -> None:
    """CSP allows only same-origin scripts: every <script> has src= or is a JSON data block."""
    actions.set_plan_public(site.store, actions.SYSTEM, 1, True)
    sign_in(site, "reviewer")
    for path in [*PAGES, "/public/plans/1"]:
        html = site.client.get(path).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, (path, tag)


def test_indicator_page_has_chart_history_and_source(site: Web) -> None:
    sign_in(site, "dept_a")
    _submit(site, {f"v-{RD}-2022": "2.55"})
    page = site.client.get(f"/plans/1/indicators/{RD}").text
    data = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', page,
                     re.S)
    assert data and '"path": [[2020, 2.36]' in data.group(1)
    assert "填报与审核记录" in page and "待审核" in page
    assert "指标表位于原文第" in page


def test_import_shows_source_links_and_records_corrections(site: Web) -> None:
    sign_in(site, "reviewer")
    token = meta_csrf(site.client.get("/import").text)
    with (SAMPLES / SEED).open("rb") as fh:
        r = site.client.post("/import", data={"csrf_token": token},
                             files={"file": (SEED, fh, "text/plain")}, follow_redirects=False)
    assert r.status_code == 303
    page = site.client.get(r.headers["location"]).text
    assert re.search(rf'name="f:indicators\.{RD}\.target"', page) and 'id="source"' in page
    row = re.search(rf'<tr id="row-indicators\.{RD}"[^>]*data-src="([^"]+)"', page)
    assert row
    source = re.search(rf'<tr class="ln trow" id="{row.group(1)}">(.*?)</tr>', page, re.S)
    assert source
    cells = re.findall(r"<td>([^<]*)</td>", source.group(1))
    assert "2.36" in cells and "2.8" in cells and any("经费支出占" in c for c in cells)
    upload_id = re.search(r'action="/import/([0-9a-f]+)/confirm"', page)
    assert upload_id
    fields = {k: unescape(v) for k, v in re.findall(r'name="(f:[^"]+)" value="([^"]*)"', page)}
    fields[f"f:indicators.{RD}.target"] = "2.9"
    r = site.client.post(f"/import/{upload_id.group(1)}/confirm",
                         data={**fields, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    plan_id = int(re.search(r"confirmed=(\d+)", r.headers["location"]).group(1))  # type: ignore[union-attr]
    [fix] = list_corrections(site.store, plan_id)
    assert (fix.field, fix.old_value, fix.new_value) == (f"indicators.{RD}.target", "2.8", "2.9")


def test_import_refused_for_department(site: Web) -> None:
    sign_in(site, "dept_a")
    token = meta_csrf(site.client.get("/plans/1").text)
    r = site.client.post("/import", data={"csrf_token": token},
                         files={"file": ("a.txt", b"x", "text/plain")})
    assert r.status_code == 403


def test_tasks_page_and_progress_report(site: Web) -> None:
    plan_id = site.store_plan(TASKS_SEED)
    sign_in(site, "dept_ytb")  # 烟台市发展改革委: the plan's 市发展改革委
    page = site.client.get(f"/plans/{plan_id}/tasks").text
    mine = re.findall(r'action="/plans/\d+/tasks/(\d+)/progress"', page)
    assert mine and "3" in mine and "1" not in mine  # task 3 is co-led by it, task 1 not
    token = meta_csrf(page)
    refused = site.client.post(f"/plans/{plan_id}/tasks/1/progress",
                               data={"csrf_token": token, "report": "x"})
    assert refused.status_code == 403
    r = site.client.post(f"/plans/{plan_id}/tasks/3/progress",
                         data={"csrf_token": token, "report": "已完成调研", "percent": "40"},
                         follow_redirects=False)
    assert r.status_code == 303
    page = site.client.get(f"/plans/{plan_id}/tasks").text
    assert "已完成调研" in page and "40%" in page
    everyone = site.client.get(f"/plans/{plan_id}/tasks?all=1").text
    assert everyone.count("<tr id=\"task-") > page.count("<tr id=\"task-")
    assert "市发展改革委" in site.client.get(f"/plans/{plan_id}").text


def test_overdue_tasks_are_highlighted_first(site: Web) -> None:
    from planwatch.model.plan import Task

    plan = Plan(meta=Meta(title="督办测试", region="威海市", period_start=2021, period_end=2025),
                tasks=[Task(number=1, title="按期任务", lead=["市科技局"], deadline="2099年"),
                       Task(number=2, title="逾期任务", lead=[DEPT_A], deadline="2021年底前")])
    plan_id = import_plan(site.store, plan, "t.txt", None, "test").plan_id
    sign_in(site, "dept_a")
    page = site.client.get(f"/plans/{plan_id}/tasks").text
    rows = re.findall(r'<tr id="task-(\d+)" class="([^"]*)">', page)
    assert rows == [("2", "overdue"), ("1", "")]
    assert "已逾期" in page


def test_helpers() -> None:
    from planwatch.web.pages.common import fmt_num, fmt_plain, plan_years, sparkline
    from planwatch.web.pages.import_form import META, SECTIONS, FieldError, parse

    assert sparkline([(2020, 1.0)]) == ""
    assert sparkline([(2020, 1.0), (2022, 3.0)], 100, 20) == "3.0,17.0 97.0,3.0"
    assert (fmt_num(12.5), fmt_num(None), fmt_num(1234.0)) == ("12.5", "—", "1,234")
    assert (fmt_plain(370.0), fmt_plain(2.36), fmt_plain(None)) == ("370", "2.36", "")
    from datetime import date
    assert plan_years(2021, 2025, date(2023, 5, 1)) == [2021, 2022, 2023]
    assert plan_years(None, None, date(2023, 5, 1)) == [2021, 2022, 2023]
    target, unit = SECTIONS["indicators"][5], SECTIONS["indicators"][1]
    assert parse(target, "2.9", {"target_comparator": "="}) == {
        "target": 2.9, "target_comparator": "=", "target_max": None}
    assert (parse(META[3], "2030"), parse(unit, " ")) == ({"period_end": 2030}, {"unit": None})
    with pytest.raises(FieldError):
        parse(SECTIONS["targets"][1], "很多")


def _store(site: Web, plan: Plan) -> int:
    return import_plan(site.store, plan, "synthetic.txt", None, "test").plan_id


def test_region_tree_shows_chinese_labels(site: Web) -> None:
    from planwatch.web.pages.display import doc_type_zh, level_zh

    plan = Plan(meta=Meta(title="某县科技创新实施方案", region="测试县", region_level="county",
                          parent_region="测试市", province="测试省",
                          doc_type="implementation_opinion", period_start=2026,
                          period_end=2030))
    _store(site, plan)
    sign_in(site, "viewer")
    page = site.client.get("/").text
    assert "实施意见（方案）" in page and "规划</span>" in page
    assert ">county<" not in page and "implementation_opinion" not in page
    assert '<span class="level">县（市）</span>' in page
    assert not re.search(r'<span class="(level|tag)">[a-z_]+</span>', page)
    assert [doc_type_zh(c) for c in ("plan", "evaluation_report", None)] == [
        "规划", "评估报告", ""]
    assert [level_zh(c) for c in ("province", "city", "district")] == ["省", "市", "区"]


def _prose_plan() -> Plan:
    from planwatch.model.plan import Indicator, Target

    quote = "到2025年，全社会研发投入占GDP比重达到3%，高新技术企业达到1800家"
    return Plan(meta=Meta(title="正文匹配测试", period_start=2021, period_end=2025),
                indicators=[Indicator(name="R&D经费支出占GDP的比重", unit="%", baseline_year=2020,
                                      baseline=2.79, target_year=2025, target=3.1, line=120)],
                targets=[Target(subject="全社会研发投入占GDP比重", value=3, unit="%", year=2025,
                                quote=quote, line=39),
                         Target(subject="高新技术企业", value=1800, unit="家", year=2025,
                                quote=quote, line=39),
                         Target(subject="研发投入占GDP比重（高新区）", value=5, unit="%",
                                year=2025, quote="高新区研发投入占GDP比重达到5%", line=77)])


def test_indicator_page_quotes_prose_targets_with_line(site: Web) -> None:
    from planwatch.workflow.detail import prose_quotes

    plan = _prose_plan()
    [hit] = prose_quotes(plan, plan.indicators[0].name, "%")
    assert (hit.line, hit.value, hit.subject) == (39, 3, "全社会研发投入占GDP比重")
    assert prose_quotes(plan, "高新技术企业", "%") == []  # unit 家 vs %
    assert [q.line for q in prose_quotes(plan, "研发投入占GDP比重（高新区）", "%")] == [77]
    plan_id = _store(site, plan)
    sign_in(site, "viewer")
    page = site.client.get(f"/plans/{plan_id}/indicators/0").text
    assert "正文中未找到对应表述" not in page
    assert 'data-line="39"' in page and "全社会研发投入占GDP比重达到3%" in page
    assert "第39行" not in page              # no line number shown to an official
    assert "高新区研发投入" not in page  # another scope is not this indicator


def test_indicator_without_prose_target_says_so(site: Web) -> None:
    plan = _prose_plan()
    plan.targets = plan.targets[1:2]
    plan_id = _store(site, plan)
    sign_in(site, "viewer")
    assert "正文中未找到对应表述" in site.client.get(f"/plans/{plan_id}/indicators/0").text


def _base_year_plan(site: Web) -> int:
    from planwatch.model.actual import Actual
    from planwatch.model.plan import Indicator
    from planwatch.storage import record_actuals

    plan = Plan(meta=Meta(title="基期测试", period_start=2021, period_end=2025), indicators=[
        Indicator(name="高新技术企业", unit="家", baseline_year=2020, baseline=700,
                  target_year=2025, target=1000),
        Indicator(name="技术合同成交额", unit="亿元", baseline_year=2020, baseline=100,
                  target_year=2025, target=200),
        Indicator(name="科技型中小企业", unit="家", baseline_year=2020, baseline=900,
                  target_year=2025, target=2700)])
    plan_id = _store(site, plan)
    record_actuals(site.store, plan_id, [
        Actual(indicator="高新技术企业", year=2020, value=700, unit="家"),
        Actual(indicator="技术合同成交额", year=2020, value=100, unit="亿元"),
        Actual(indicator="技术合同成交额", year=2023, value=160, unit="亿元")], "test")
    return plan_id


def _row(page: str, name: str) -> str:
    rows = [r for r in re.findall(r"<tr>(.*?)</tr>", page, re.S) if name in r]
    assert len(rows) == 1, name
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", rows[0]))


def test_base_year_value_alone_is_no_data_with_note(site: Web) -> None:
    plan_id = _base_year_plan(site)
    sign_in(site, "viewer")
    page = site.client.get(f"/plans/{plan_id}?year=2023").text
    base = _row(page, "高新技术企业")
    assert "暂无数据" in base and "仅有基期值" in base and "60.0%" in base
    assert "基本符合预期" not in base and "无法判断" not in base
    assert not re.search(r"(?<![\d.])0\.0%", base)
    assert "采用2020年数据" not in base
    moving = _row(page, "技术合同成交额")  # 2023 actual: evaluated normally
    assert "仅有基期值" not in moving and "60.0%" in moving and "暂无数据" not in moving
    none = _row(page, "科技型中小企业")  # no actual at all: no time progress
    assert "暂无数据" in none and "%" not in none.replace("（家）", "")
    counts = {label: int(n) for n, label in re.findall(
        r'<span class="n">(\d+)</span><span class="l">([^<]+)</span>', page)}
    assert counts["暂无数据"] == 2 and "无法判断" not in counts
    assert "有实际值 1 项" in page
    public = site.client.get(f"/plans/{plan_id}/indicators/0?year=2023").text
    assert "仅有基期值" in public and "60.0%" in public
    api = site.client.get(f"/api/v1/plans/{plan_id}/overview?year=2023").json()
    first = api["indicators"][0]
    assert (first["display_state"], first["verdict"], first["time_progress"]) == (
        "base_only", "暂无数据", pytest.approx(0.6))
    assert api["with_actual"] == 1 and api["verdict_counts"]["no_data"] == 2


def test_import_review_fields_fit_their_text(site: Web) -> None:
    from planwatch.web.pages.common import field_size

    assert field_size("R&D经费支出占GDP的比重", 14, 40) == 3 + 2 * 5 + 3 + 2 * 3 + 2
    assert (field_size("2.79", 5, 14), field_size(None, 5, 14)) == (6, 5)
    sign_in(site, "reviewer")
    token = meta_csrf(site.client.get("/import").text)
    with (SAMPLES / SEED).open("rb") as fh:
        page = site.client.post("/import", data={"csrf_token": token},
                                files={"file": (SEED, fh, "text/plain")}).text  # → review
    name = re.search(rf'<input name="f:indicators\.{RD}\.name" value="([^"]*)"[^>]*'
                     r'size="(\d+)"', page)
    assert name and int(name.group(2)) >= min(field_size(unescape(name.group(1))), 40)
    assert re.search(r'name="f:meta\.title"[^>]*class="full"', page)


def test_default_year_before_the_period_moves_into_it() -> None:
    from datetime import date

    from planwatch.workflow.overview import period_year

    today = date(2024, 3, 1)
    assert period_year(2021, 2025, 2020, today) == 2023  # only base-year values: last elapsed
    assert period_year(2021, 2025, 2022, today) == 2022  # a year inside the period is kept
    assert period_year(2021, 2025, 2020, date(2030, 1, 1)) == 2025
    assert period_year(2021, 2025, 2020, date(2021, 6, 1)) == 2021


def test_comparator_printed_as_sign() -> None:
    from planwatch.web.pages.common import comparator_sign

    assert [comparator_sign(c) for c in (">=", "<=", "~", "=", None)] == ["≥", "≤", "约", "", ""]
