"""No page or report shows a raw code: every enum value that reaches a user is printed as its
zh/en label from the one catalogue (model.labels), in both page languages and every report
format. Codes may appear in attributes (CSS classes, links), never in the visible text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from docx import Document
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from openpyxl import load_workbook

from planwatch import actions
from planwatch.model.finding_codes import FINDING_CODES
from planwatch.model.labels import CATALOGUES, CODES
from planwatch.settings import Settings
from planwatch.storage import Storage, open_storage
from planwatch.web import create_app
from tests.page_fixtures import filled_demo

PASSWORD = "correct-horse-1"
ALL_CODES = frozenset(code for codes in CODES.values() for code in codes)
ZH_LABELS = frozenset(zh for cat in CATALOGUES.values() for zh, _ in cat.values())
WORD = re.compile(r"[A-Za-z_]+")
FILE_NAME = re.compile(r"[\w.-]+\.(?:txt|md|html?|docx|pdf|xlsx|csv|json)\b")
"""A stored file name (``weihai-2022-plan.txt`` in the history) is data, not a code."""
Site = tuple[Storage, TestClient, int, int]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    store = open_storage(f"sqlite:///{tmp_path_factory.mktemp('codes') / 'codes.db'}")
    filled = filled_demo(store, "进展")
    plan_id, task_plan = filled.plan_id, filled.task_plan
    actions.add_user(store, actions.SYSTEM, "codeadmin", PASSWORD, "admin", None)
    actions.set_plan_public(store, actions.SYSTEM, plan_id, True)
    client = TestClient(create_app(Settings(database_url="sqlite://"), store))
    r = client.post("/api/v1/auth/login", json={"username": "codeadmin", "password": PASSWORD})
    assert r.status_code == 200, r.text
    try:
        yield store, client, plan_id, task_plan
    finally:
        client.close()
        store.close()


def _raw_codes(text: str, *, english: bool = False) -> set[str]:
    """Codes in ``text``; in English text only those no English sentence uses (``on_track``;
    “plans by province → city” is prose)."""
    return {w for w in WORD.findall(FILE_NAME.sub(" ", text))
            if w in ALL_CODES and (not english or "_" in w)}


def _labelled(page: str) -> list[str]:
    """Texts of the elements that print a code's label: badges, tags, levels, roles, counts."""
    doc = lxml_html.fromstring(page)
    path = ("//*[contains(concat(' ', @class, ' '), ' badge ') or @class='tag' or "
            "@class='level' or @class='role' or @class='l']")
    return [el.text_content().strip() for el in doc.xpath(path)]


def _visible(page: str) -> str:
    doc = lxml_html.fromstring(page)
    for el in doc.xpath("//script|//style"):
        el.drop_tree()
    options = " ".join(doc.xpath("//option/text()"))
    return doc.text_content() + options


def _pages(plan_id: int, *, indicators: bool = True) -> list[str]:
    review = [f"/review?status={s}" for s in CODES["submission_status"] if s != "draft"]
    indicator = [f"/plans/{plan_id}/indicators/0"] if indicators else []
    return ["/", f"/plans/{plan_id}", f"/plans/{plan_id}/tasks", f"/plans/{plan_id}/tasks?all=1",
            f"/plans/{plan_id}/actuals", *indicator, f"/plans/{plan_id}/reports",
            f"/plans/{plan_id}/history", f"/plans/{plan_id}/diff",
            f"/public/plans/{plan_id}", "/account", "/plans", "/plans?status=archived",
            f"/plans/{plan_id}/tasks?status=overdue", *review]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_show_labels_not_codes(site: Site, lang: str) -> None:
    _, client, plan_id, task_plan = site
    for path in [*_pages(plan_id), *_pages(task_plan, indicators=False)]:
        sep = "&" if "?" in path else "?"
        r = client.get(f"{path}{sep}lang={lang}")
        assert r.status_code == 200, (path, r.status_code)
        assert _raw_codes(_visible(r.text), english=lang == "en") == set(), (path, lang)
        shown = _labelled(r.text)
        assert not [t for t in shown if t in ALL_CODES], (path, lang)
        if lang == "en":  # the English page prints the English labels
            assert not [t for t in shown if t in ZH_LABELS], path
        visible = _visible(r.text)
        assert not [c for c in FINDING_CODES if re.search(rf"\b{c}\b", visible)], path
        for item in lxml_html.fromstring(r.text).xpath("//ul[@class='findings']/li[@data-code]"):
            kind = item.xpath(".//span[@class='kind']")[0].text_content().strip()
            assert kind and not re.search(r"第\d+行|\bline \d+", item.text_content()), path


def test_pages_show_the_catalogue_labels(site: Site) -> None:
    _, client, plan_id, task_plan = site
    tasks = _visible(client.get(f"/plans/{task_plan}/tasks?lang=zh").text)
    assert "受阻" in tasks and "已完成" in tasks
    actuals = _visible(client.get(f"/plans/{plan_id}/actuals?lang=zh").text)
    assert "已退回" in actuals and "待审核" in actuals and "最终数" in actuals
    english = _visible(client.get(f"/plans/{task_plan}/tasks?lang=en").text)
    assert "Blocked" in english and "Administrator" in english


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx"])
def test_reports_show_labels_not_codes(site: Site, fmt: str) -> None:
    store, _, plan_id, _ = site
    for year in (2021, 2023, 2025):
        data = actions.report_bytes(store, actions.SYSTEM, plan_id, year, fmt)
        assert _raw_codes(_report_text(data, fmt)) == set(), (fmt, year)


def _report_text(data: bytes, fmt: str) -> str:
    if fmt == "md":
        return data.decode("utf-8")
    if fmt == "html":
        return _visible(data.decode("utf-8"))
    if fmt == "docx":
        doc = Document(io.BytesIO(data))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    wb = load_workbook(io.BytesIO(data))
    skip = {"审查发现", "监测预警"}  # their 代码 column carries the finding code on purpose
    return "\n".join(str(v) for ws in wb.worksheets if ws.title not in skip
                     for row in ws.iter_rows(values_only=True) for v in row if v is not None)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_region_pages_show_labels_not_codes(site: Site, lang: str) -> None:
    store, client, _, _ = site
    province = actions.find_region(store, "山东省").id
    cities = [actions.find_region(store, n).id for n in ("淄博市", "威海市")]
    paths = [f"/regions/{province}/dashboard?year=2020", f"/regions/{province}/index?year=2020",
             f"/regions/{province}/cascade", f"/compare?regions={cities[0]}"
             f"&regions={cities[1]}&year=2020"]
    for path in paths:
        r = client.get(f"{path}&lang={lang}" if "?" in path else f"{path}?lang={lang}")
        assert r.status_code == 200, (path, r.status_code)
        assert _raw_codes(_visible(r.text), english=lang == "en") == set(), (path, lang)
        shown = _labelled(r.text)
        assert not [t for t in shown if t in ALL_CODES], (path, lang)
        if lang == "en":
            assert not [t for t in shown if t in ZH_LABELS], path
