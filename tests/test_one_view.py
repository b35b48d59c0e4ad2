"""One evaluation view: every front end shows the same evaluation.

Over every plan × year of the demo database (``planwatch demo``: the five bundled sample plans
with the values they state) plus synthetic yearly actuals and a district plan audited against
its city's, the plan page, the overview API, the public API, the public page and the report in
each format (docx, xlsx, html, md) must show the same verdicts, completion figures, warnings,
alerts and findings. Anonymous views must reach nothing internal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from openpyxl import load_workbook

from planwatch import actions
from planwatch.model.actual import Actual
from planwatch.model.labels import VerdictCode, label
from planwatch.model.plan import Plan, Task
from planwatch.reports.text import FINDING_LABELS, pct
from planwatch.settings import Settings
from planwatch.storage import (
    Storage,
    import_plan,
    latest_plan,
    list_plans,
    open_storage,
    record_actuals,
)
from planwatch.web import create_app
from planwatch.workflow.demo import build_demo, main_department

PASSWORD = "correct-horse-1"
Row = tuple[str, str, str, str, str, bool, tuple[str, ...]]
Found = tuple[str, str]


def _synthetic(plan: Plan) -> list[Actual]:
    """Actuals for the years after the base year at different paces (ahead, behind, falling)."""
    out: list[Actual] = []
    for k, ind in enumerate(plan.indicators):
        b, t, y0, y1 = ind.baseline, ind.target, ind.baseline_year, ind.target_year
        if b is None or t is None or y0 is None or y1 is None or y1 <= y0 or b <= 0:
            continue
        pace = (1.3, 0.6, 1.0, -0.4)[k % 4]
        for year in range(y0 + 1, min(y0 + 4, y1 + 1)):
            share = (year - y0) / (y1 - y0) * pace
            out.append(Actual(indicator=ind.name, year=year, value=round(b + (t - b) * share, 3),
                              unit=ind.unit, source="synthetic"))
    return out


def _district(store: Storage) -> None:
    """A district plan of 淄博市 whose 高新技术企业 target exceeds the city's own."""
    city = next(latest_plan(store, p.id) for p in list_plans(store) if "淄博" in p.title)
    district = city.model_copy(deep=True)
    district.meta.title, district.meta.region = "张店区“十四五”科技创新规划", "张店区"
    district.meta.region_level, district.meta.parent_region = "district", "淄博市"
    for ind in district.indicators:
        if ind.name == "高新技术企业":
            ind.target, ind.annual_growth_pct = 2500.0, None
    district.tasks = [Task(number=1, title="建设概念验证中心", lead=["区科技局"],
                           deadline="2023年底前")]  # overdue from 2024 on: a task alert
    plan_id = import_plan(store, district, "district.txt", None, "test").plan_id
    actions.set_plan_public(store, actions.SYSTEM, plan_id, True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Storage, TestClient]]:
    store = open_storage(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    build_demo(store)
    _district(store)
    for p in list_plans(store):
        plan = latest_plan(store, p.id)
        rows = _synthetic(plan)
        if rows:
            record_actuals(store, p.id, rows, "test")
    actions.add_user(store, actions.SYSTEM, "diffviewer", PASSWORD, "viewer", None)
    client = TestClient(create_app(Settings(database_url="sqlite://"), store))
    try:
        yield store, client
    finally:
        client.close()
        store.close()


def _login(client: TestClient) -> None:
    client.cookies.clear()
    r = client.post("/api/v1/auth/login", json={"username": "diffviewer", "password": PASSWORD})
    assert r.status_code == 200, r.text


def _norm(text: str) -> str:
    """Layout aside: whitespace, line breaks and （ ） around a basis label."""
    return re.sub(r"[\s（）()]", "", unescape(text))


# ------------------------------------------------------------------------ expected: the API
def _json_rows(o: dict[str, Any]) -> list[Row]:
    out = []
    codes = [s["verdict_code"] for s in o["indicators"]]
    assert o["verdict_counts"] == {c: codes.count(c) for c in set(codes)}
    for s in o["indicators"]:
        assert s["verdict"] == label("verdict", VerdictCode(s["verdict_code"]))
        progress = pct(s["completion_progress"])
        if s["progress_basis"] == "compound":
            progress += "复合增长口径"
        out.append((s["name"], pct(s["completion_plain"]), _norm(progress),
                    pct(s["time_progress"]), s["verdict"], s["display_state"] == "base_only",
                    tuple(s["warnings"])))
    return out


def _json_found(items: list[dict[str, Any]]) -> list[Found]:
    return [(f["code"], f["message"]) for f in items]


def _labelled(found: list[Found]) -> list[Found]:
    return [(FINDING_LABELS.get(c, c), m) for c, m in found]


# ------------------------------------------------------------------------- the web pages
def _page_rows(doc: Any, public: bool) -> list[Row]:
    out = []
    table = doc.xpath("//section[.//h2][.//table[contains(@class,'data')]]//table")[0]
    for tr in table.xpath("./tbody/tr[td[2]]"):
        td = tr.xpath("./td")
        name_td = td[1]
        link = name_td.xpath("./a")
        name = (link[0].text if link else name_td.text or "").strip()
        warnings = tuple(li.text_content().strip() for li in name_td.xpath(".//li"))
        first = 4 if public else 5  # the 最新实际值 column (public: no 属性 column)
        plain, progress, time = (td[first + k + 1].text_content() for k in range(3))
        verdict_td = td[first + 4]
        verdict = verdict_td.xpath(".//span[contains(@class,'badge')]")[0].text_content()
        base_only = bool(verdict_td.xpath(".//span[@class='note']"))
        out.append((name, _norm(plain), _norm(progress), _norm(time), verdict.strip(),
                    base_only, warnings))
    return out


def _page_found(doc: Any, section: str) -> list[Found]:
    items = doc.xpath(f"//section[@id='{section}']//li")
    return [(li.get("data-code"), li.xpath(".//span[@class='msg']")[0].text_content())
            for li in items]


# ------------------------------------------------------------------------------ reports
def _split_verdict(text: str) -> tuple[str, bool]:
    text = text.strip()
    return (text.removesuffix("（仅有基期值）"), text.endswith("（仅有基期值）"))


SECTIONS = ["一、总体情况", "二、主要指标完成情况", "三、重点任务推进情况", "四、存在的主要问题",
            "五、下一步工作建议"]


def _warns(cell: str) -> tuple[str, ...]:
    """附件1's 数据说明 cell → the row's warnings."""
    return () if cell == "—" else tuple(cell.split("；"))


def _docx(data: bytes) -> tuple[list[Row], list[Found], list[Found]]:
    doc = Document(io.BytesIO(data))
    heads = [p.text for p in doc.paragraphs if re.match(r"^[一二三四五六七八九十]、", p.text)]
    assert heads == SECTIONS
    tables = {t.cell(0, len(t.columns) - 1).text: t for t in doc.tables if len(t.columns) > 3}
    rows = []
    if "评价" in tables:
        details = [[c.text for c in tr.cells] for tr in tables["数据说明"].rows[1:]]
        for tr, d in zip(tables["评价"].rows[1:], details, strict=True):
            c = [cell.text for cell in tr.cells]
            verdict, base_only = _split_verdict(c[9])
            rows.append((c[1], _norm(c[6]), _norm(c[7]), _norm(c[8]), verdict, base_only,
                         _warns(d[3])))
    found = [[(t.cell(r, 1).text, t.cell(r, 3).text) for r in range(1, len(t.rows))]
             for t in doc.tables if t.cell(0, 1).text == "类型"]
    body = [p.text for p in doc.paragraphs]
    alerts = [] if "本期无监测预警事项。" in body else found.pop(0)
    findings = [] if "规划文本审查未发现问题。" in body else found.pop(0)
    return rows, alerts, findings


def _xlsx(data: bytes) -> tuple[list[Row], list[Found], list[Found]]:
    wb = load_workbook(io.BytesIO(data))
    ws = wb["指标监测"]
    head = [c.value for c in ws[1]]
    rows = []
    for cells in ws.iter_rows(min_row=2, values_only=True):
        r = dict(zip(head, cells, strict=True))
        basis = "复合增长口径" if r["进度口径"] == "复合增长口径" else ""
        progress = pct(r["进度完成率"]) + basis
        warns = tuple(str(r["数据提示"]).split("；")) if r["数据提示"] else ()
        rows.append((r["指标"], pct(r["目标完成率(A/T)"]), progress, pct(r["时间进度"]),
                     r["评价"], r["评价说明"] == "仅有基期值", warns))

    def sheet(name: str) -> list[Found]:
        return [(str(kind), str(msg)) for _, kind, _, msg in
                wb[name].iter_rows(min_row=2, values_only=True)]

    return rows, sheet("监测预警"), sheet("审查发现")


def _between(lines: list[str], start: str, stop: str) -> list[str]:
    i = lines.index(start)
    j = next((k for k in range(i + 1, len(lines)) if lines[k].startswith(stop)), len(lines))
    return lines[i + 1:j]


def _md_table(lines: list[str]) -> list[list[str]]:
    rows = [ln for ln in lines if ln.startswith("| ")]
    return [[c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", r)[1:-1]]
            for r in rows[1:]]


def _md(data: bytes) -> tuple[list[Row], list[Found], list[Found]]:
    lines = data.decode("utf-8").splitlines()
    assert [ln.removeprefix("## ") for ln in lines if re.match(r"^## .、", ln)] == SECTIONS
    rows = []
    if "表1  主要指标完成情况" in lines:
        table = _md_table(_between(lines, "表1  主要指标完成情况", "注："))
        details = _md_table(_between(lines, "## 附件1　主要指标监测明细", "---"))
        for c, d in zip(table, details, strict=True):
            verdict, base_only = _split_verdict(c[9])
            rows.append((c[1], _norm(c[6]), _norm(c[7]), _norm(c[8]), verdict, base_only,
                         _warns(d[3])))
    alerts = [(c[1], c[3]) for c in _md_table(_between(lines, "### （一）监测预警", "### "))]
    findings = [(c[1], c[3]) for c in _md_table(_between(lines, "### （二）规划文本审查发现",
                                                         "---"))]
    return rows, alerts, findings


def _html_report(data: bytes) -> tuple[list[Row], list[Found], list[Found]]:
    doc = lxml_html.fromstring(data.decode("utf-8"))
    assert [h.text_content() for h in doc.xpath("//h2[@class='section']")] == SECTIONS
    details = [[td.text_content() for td in tr.xpath("./td")]
               for tr in doc.xpath("//table[contains(@class,'details')]/tbody/tr")]
    rows = []
    for tr, d in zip(doc.xpath("//table[contains(@class,'indicators')]/tbody/tr"), details,
                     strict=True):
        c = [td.text_content() for td in tr.xpath("./td")]
        verdict, base_only = _split_verdict(c[9])
        rows.append((c[1], _norm(c[6]), _norm(c[7]), _norm(c[8]), verdict, base_only,
                     _warns(d[3])))

    def section(anchor: str) -> list[Found]:
        table = doc.xpath(f"//h3[@id='{anchor}']")[0].getnext()
        if table.tag != "table":
            return []
        return [(tr[1].text_content(), tr[3].text_content()) for tr in table.xpath("./tbody/tr")]

    return rows, section("alerts"), section("findings")


def _md_sections_agree(data: bytes, o: dict[str, Any]) -> int:
    """Sections 一, 三 and 四 of the .md report against the overview: the counts by verdict,
    every task's state, the number of lagging indicators. Returns the tasks compared."""
    md = data.decode("utf-8")
    lines = md.splitlines()
    overview = "".join(_between(lines, "## 一、总体情况", "## "))
    if o["indicator_count"]:
        counts = "，".join(f"{label('verdict', VerdictCode(c))}{n}项"
                          for c, n in o["verdict_counts"].items())
        assert f"规划设置主要指标{o['indicator_count']}项" in overview
        assert f"有实际监测数据的{o['with_actual']}项，其中{counts}。" in overview
    else:
        assert "规划未设置量化指标" in overview and "0项主要指标" not in md
    states = {t["number"]: label("task_state", t["state"])
              for g in o["departments"] for t in g["tasks"]}
    rows = _md_table(_between(lines, "## 三、重点任务推进情况", "## "))
    shown = {int(c[0]): c[2] for c in rows if len(c) == 6 and c[0] != "序号"}
    assert shown == states
    late = sum(n for c, n in o["verdict_counts"].items() if c in ("behind", "missed"))
    problems = "".join(_between(lines, "## 四、存在的主要问题", "## "))
    assert (f"{late}项指标" in problems) == (late > 0), (late, problems[:200])
    return len(states)


PARSERS = {"docx": _docx, "xlsx": _xlsx, "md": _md, "html": _html_report}


def _years(store: Storage, plan_id: int) -> list[int | None]:
    p = next(p for p in list_plans(store) if p.id == plan_id)
    start, end = p.period_start or 2021, p.period_end or 2025
    return [None, *range(start - 1, min(end, 2026) + 1)]


def _cases(store: Storage) -> list[tuple[int, int | None]]:
    return [(p.id, y) for p in list_plans(store) for y in _years(store, p.id)]


def _check(client: TestClient, plan_id: int, year: int | None,
           formats: tuple[str, ...]) -> dict[str, int]:
    """Every view of one plan × year against the overview API; returns what was seen."""
    q = "" if year is None else f"?year={year}"
    client.cookies.clear()
    public = client.get(f"/api/v1/public/plans/{plan_id}{q}").json()
    public_page = lxml_html.fromstring(client.get(f"/public/plans/{plan_id}{q}").text)
    _login(client)
    o = client.get(f"/api/v1/plans/{plan_id}/overview{q}").json()
    page = lxml_html.fromstring(client.get(f"/plans/{plan_id}{q}").text)
    rows = _json_rows(o)
    alerts = _json_found(o["alerts"]) + _json_found(o["task_alerts"])
    findings = _json_found(o["audit_findings"])
    assert public["year"] == o["year"]  # the default year is chosen once
    assert _page_rows(page, public=False) == rows
    assert _page_found(page, "alerts") == alerts
    assert _page_found(page, "audit-findings") == findings
    assert _json_rows(public) == rows
    assert _json_found(public["alerts"]) == _json_found(o["alerts"])
    assert _json_found(public["audit_findings"]) == findings
    assert _page_rows(public_page, public=True) == rows
    assert _page_found(public_page, "alerts") == _json_found(o["alerts"])
    assert _page_found(public_page, "audit-findings") == findings
    tasks_seen = 0
    for fmt in formats:
        r = client.get(f"/api/v1/plans/{plan_id}/report?year={o['year']}&format={fmt}")
        assert r.status_code == 200, r.text
        got = PARSERS[fmt](r.content)
        expect = (_labelled(alerts), _labelled(findings))
        assert got == (rows, *expect), (plan_id, year, fmt)
        if fmt == "md":
            tasks_seen += _md_sections_agree(r.content, o)
    return {"verdicts": sum(1 for row in rows if row[4] not in ("暂无数据", "无法判断")),
            "compound": sum(1 for row in rows if row[2].endswith("复合增长口径")),
            "base_only": sum(1 for row in rows if row[5]),
            "parent_checks": sum(1 for c, _ in findings if c.startswith("district-")),
            "task_alerts": len(o["task_alerts"]), "indicator_alerts": len(o["alerts"]),
            "tasks": tasks_seen}


def _run(demo: tuple[Storage, TestClient], rich: set[int] | None) -> dict[str, int]:
    """Every plan × year: pages, APIs, md and xlsx always; docx and html (with charts, the
    slow formats) for every case when ``rich`` is None, else for the default year of the plans
    in ``rich``."""
    store, client = demo
    seen: dict[str, int] = {"cases": 0}
    for plan_id, year in _cases(store):
        slow = rich is None or (year is None and plan_id in rich)
        formats = ("md", "xlsx", "docx", "html") if slow else ("md", "xlsx")
        for key, n in _check(client, plan_id, year, formats).items():
            seen[key] = seen.get(key, 0) + n
        seen["cases"] += 1
    client.cookies.clear()
    return seen


def _assert_exercised(seen: dict[str, int]) -> None:
    assert seen["cases"] >= 40
    assert seen["verdicts"] >= 100 and seen["compound"] >= 5 and seen["base_only"] >= 20
    assert seen["parent_checks"] >= 1 and seen["task_alerts"] >= 1
    assert seen["indicator_alerts"] >= 1 and seen["tasks"] >= 20


def test_every_view_shows_the_same_evaluation(demo: tuple[Storage, TestClient]) -> None:
    store, _ = demo
    rich = {p.id for p in list_plans(store) if "淄博" in p.title or "张店" in p.title}
    _assert_exercised(_run(demo, rich))


@pytest.mark.slow
def test_every_view_every_format_every_year(demo: tuple[Storage, TestClient]) -> None:
    _assert_exercised(_run(demo, None))


INTERNAL_KEYS = frozenset({"owner", "departments", "tasks", "state", "percent", "last_report",
                           "task_alerts", "pending_submissions", "reviewer", "submitted_by",
                           "comment", "source", "username", "email"})


def _internal(value: Any, path: str = "") -> list[str]:
    """Keys of internal fields carrying a value anywhere in a JSON document."""
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k in INTERNAL_KEYS and v not in (None, [], {}, ""):
                out.append(f"{path}/{k}")
            out += _internal(v, f"{path}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _internal(v, f"{path}/{i}")
    return out


def test_public_is_what_is_published(demo: tuple[Storage, TestClient]) -> None:
    store, client = demo
    client.cookies.clear()
    for p in list_plans(store):
        data = client.get(f"/api/v1/public/plans/{p.id}").json()
        assert _internal(data) == []
        assert data["departments"] == [] and data["task_alerts"] == []
        page = client.get(f"/public/plans/{p.id}").text
        plan = latest_plan(store, p.id)
        assert main_department(plan) not in page  # the indicator owner
        assert 'class="badge st-' not in page and "责任部门" not in page
        for task in plan.tasks[:5]:
            assert task.title not in page
        for url in (f"/api/v1/plans/{p.id}/overview", f"/api/v1/plans/{p.id}/indicators/0",
                    f"/api/v1/plans/{p.id}/tasks", f"/api/v1/plans/{p.id}/submissions",
                    f"/api/v1/plans/{p.id}/report?year=2023", f"/api/v1/plans/{p.id}/audit"):
            assert client.get(url).status_code == 401, url
    for url in ("/api/v1/plans", "/api/v1/regions"):
        assert _internal(client.get(url).json()) == []
    _login(client)
    signed_in = client.get(f"/api/v1/plans/{list_plans(store)[0].id}/overview").json()
    assert _internal(signed_in)  # the same walk finds them where they belong
    client.cookies.clear()
