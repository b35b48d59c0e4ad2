"""`planwatch index`: the composite index of a region's sub-regions from the stored plans'
values, on the demo database; the .md and .xlsx show the numbers the evaluator computed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from planwatch import actions
from planwatch.catalog.indicators import map_indicator
from planwatch.cli import main
from planwatch.model.actual import Actual
from planwatch.model.labels import label
from planwatch.settings import Settings
from planwatch.storage import Storage, open_storage, record_actuals
from planwatch.storage.plans import latest_plan, list_plans
from planwatch.web import create_app
from planwatch.workflow.demo import build_demo
from planwatch.workflow.principal import SYSTEM
from planwatch.workflow.region_index import find_region, index_values, region_index


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Storage, str]]:
    path = tmp_path_factory.mktemp("index") / "demo.db"
    url = f"sqlite:///{path}"
    store = open_storage(url)
    build_demo(store)
    weihai = next(p for p in list_plans(store) if "威海" in p.title)
    plan = latest_plan(store, weihai.id)
    assert plan is not None
    rd = next(i for i in plan.indicators if map_indicator(i.name, i.unit) == "rd_intensity")
    record_actuals(store, weihai.id, [Actual(indicator=rd.name, year=2021, value=2.9, unit="%",
                                             source="模拟数据（演示用）")], "test")
    try:
        yield store, url
    finally:
        store.close()


def test_sub_regions_with_values_are_scored_and_ranked(demo: tuple[Storage, str]) -> None:
    store, _ = demo
    report = region_index(store, SYSTEM, find_region(store, "山东省"), 2020, draws=200)
    names = {report.names[s.region]: s for s in report.result.scores}
    # the two city plans whose tables hold 2020 values of the framework's indicators
    scored = {n for n, s in names.items() if s.score is not None}
    assert scored == {"淄博市", "威海市"}
    assert sorted(s.rank for s in names.values() if s.rank) == [1, 2]
    assert names["潍坊市"].coverage == 0 and names["潍坊市"].group is None
    assert report.uncertainty is not None and report.uncertainty.draws == 200
    latest = region_index(store, SYSTEM, find_region(store, "山东省"), uncertainty=False)
    assert latest.result.year == 2020     # the latest year two sub-regions have values for


def test_simulated_values_mark_their_region(demo: tuple[Storage, str]) -> None:
    store, _ = demo
    weihai = find_region(store, "威海市")
    _, simulated = index_values(store, SYSTEM, {weihai.id}, {"rd_intensity"})
    assert simulated == {(str(weihai.id), 2021)}
    shandong = find_region(store, "山东省")
    assert region_index(store, SYSTEM, shandong, 2020, uncertainty=False).simulated == frozenset()
    marked = region_index(store, SYSTEM, shandong, 2021, base_year=2020, uncertainty=False)
    assert marked.simulated == {str(weihai.id)}


def test_cli_md_and_xlsx_show_the_computed_numbers(demo: tuple[Storage, str],
                                                   tmp_path: Path) -> None:
    store, url = demo
    report = region_index(store, SYSTEM, find_region(store, "山东省"), 2020, draws=100)
    runner = CliRunner()
    md, xlsx, docx = tmp_path / "i.md", tmp_path / "i.xlsx", tmp_path / "i.docx"
    for out, fmt in ((md, "md"), (xlsx, "xlsx"), (docx, "docx")):
        result = runner.invoke(main, ["--db", url, "index", "山东省", "--year", "2020",
                                      "--format", fmt, "-o", str(out), "--draws", "100"])
        assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    ws = load_workbook(xlsx).worksheets[0]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    word = Document(str(docx))
    word_rows = [[c.text for c in r.cells] for r in word.tables[0].rows[1:]]
    for s in report.result.scores:
        if s.score is None:
            continue
        name = report.names[s.region]
        group = label("performance_group", s.group or "")
        assert f"| {s.rank} | {name} | {round(s.score, 1):g} |" in text
        row = next(r for r in rows if r[1] == name)
        assert row[0] == s.rank and row[2] == round(s.score, 1) and row[4] == group
        assert [str(s.rank), name, f"{round(s.score, 1):g}"] == next(
            r for r in word_rows if r[1] == name)[:3]
    assert "docs/index-method.md" in text and "rd_intensity" not in text


def test_cli_errors_are_one_bilingual_line(demo: tuple[Storage, str], tmp_path: Path) -> None:
    _, url = demo
    runner = CliRunner()
    cases = [
        (["index", "北京市", "--year", "2020"], "没有名为“北京市”的地区"),
        (["index", "山东省", "--year", "2031"], "2031年没有任何地区的指标数据"),
        (["index", "烟台市", "--year", "2020"], "下级地区不足两个"),
    ]
    bad = tmp_path / "f.yaml"
    bad.write_text("name_zh: x\nname_en: x\n", encoding="utf-8")
    cases.append((["index", "山东省", "--year", "2020", "--framework", str(bad)],
                  "指数框架文件有误"))
    for args, message in cases:
        result = runner.invoke(main, ["--db", url, *args, "-o", str(tmp_path / "x.md")])
        assert result.exit_code == 1, result.output
        assert message in result.output and "Traceback" not in result.output
        assert not (tmp_path / "x.md").exists()


def test_page_and_api_show_the_report_numbers(demo: tuple[Storage, str]) -> None:
    store, _ = demo
    actions.add_user(store, SYSTEM, "indexviewer", "correct-horse-1", "viewer", None)
    shandong = find_region(store, "山东省")
    report = region_index(store, SYSTEM, shandong, 2020, draws=100)
    with TestClient(create_app(Settings(database_url="sqlite://"), store)) as client:
        assert client.get(f"/api/v1/regions/{shandong.id}/index").status_code == 401
        page = client.get(f"/regions/{shandong.id}/index", follow_redirects=False)
        assert page.status_code in (302, 303) and "/login" in page.headers["location"]
        r = client.post("/api/v1/auth/login", json={"username": "indexviewer",
                                                      "password": "correct-horse-1"})
        assert r.status_code == 200, r.text
        api = client.get(f"/api/v1/regions/{shandong.id}/index",
                         params={"year": 2020, "draws": 100}).json()
        html = client.get(f"/regions/{shandong.id}/index", params={"year": 2020}).text
        later = client.get(f"/regions/{shandong.id}/index",
                           params={"year": 2021, "base_year": 2020}).text
        assert client.get("/regions/99999/index").status_code == 404
        assert client.get(f"/api/v1/regions/{shandong.id}/index",
                          params={"draws": 5}).status_code in (400, 422)
        home = client.get("/").text
    assert f'href="/regions/{shandong.id}/index"' in home
    by_name = {s["name"]: s for s in api["scores"]}
    for s in report.result.scores:
        got = by_name[report.names[s.region]]
        assert got["rank"] == s.rank and got["score"] == s.score
        assert got["group"] == (label("performance_group", s.group) if s.group else None)
        if s.score is not None:
            assert f"<td>{round(s.score, 1):g}</td>" in html
    assert api["year"] == 2020 and api["base_year"] is None and api["draws"] == 100
    assert by_name["威海市"]["simulated"] is False and "威海市（含模拟数据）" in later
    assert "较2020年变化" in later
    assert {e["factor"] for e in api["effects"]} == {"weights", "normalisation", "aggregation"}
    assert 'id="index-chart-data"' in html and "rd_intensity" not in html


def test_english_index_report_holds_no_chinese_except_region_names(
        demo: tuple[Storage, str], tmp_path: Path) -> None:
    import re

    from planwatch.reports.index_report import INDEX_EN
    from planwatch.web.i18n import CATALOGUE

    store, url = demo
    report = region_index(store, SYSTEM, find_region(store, "山东省"), 2020, draws=100)
    names = sorted({report.region_name, *report.names.values()}, key=len, reverse=True)
    runner = CliRunner()
    found: dict[str, list[str]] = {}
    for fmt in ("md", "xlsx", "docx"):
        out = tmp_path / f"en.{fmt}"
        result = runner.invoke(main, ["--db", url, "index", "山东省", "--year", "2020",
                                      "--format", fmt, "-o", str(out), "--draws", "100",
                                      "--lang", "en"])
        assert result.exit_code == 0, result.output
        if fmt == "md":
            texts = out.read_text(encoding="utf-8").splitlines()
        elif fmt == "xlsx":
            wb = load_workbook(out)
            texts = [*wb.sheetnames, *(str(v) for ws in wb.worksheets
                                       for r in ws.iter_rows(values_only=True)
                                       for v in r if v is not None)]
        else:
            word = Document(str(out))
            texts = [p.text for p in word.paragraphs] + [
                c.text for t in word.tables for r in t.rows for c in r.cells]
        left = []
        for text in texts:
            for name in names:
                text = text.replace(name, " ")
            if re.search(r"[\u3400-\u9fff]", text):
                left.append(text)
        found[fmt] = left
    assert found == {"md": [], "xlsx": [], "docx": []}
    md = (tmp_path / "en.md").read_text(encoding="utf-8")
    assert "## Scores and ranks" in md and "| Rank | Region | Score |" in md
    # the report's English is the web pages' English
    assert {k: CATALOGUE[k] for k in INDEX_EN if k in CATALOGUE} == {
        k: v for k, v in INDEX_EN.items() if k in CATALOGUE}
