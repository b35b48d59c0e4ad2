"""Target cascade: additive sums and ratio bounds against the parent's target, by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from planwatch import actions
from planwatch.cli import main
from planwatch.evaluate.cascade import (
    CascadeKind,
    CascadeTarget,
    CascadeVerdict,
    cascade,
    kind_of,
)
from planwatch.model.finding_codes import FINDING_CODES
from planwatch.model.plan import Indicator, Meta, Plan
from planwatch.settings import Settings
from planwatch.storage import Storage, import_plan, open_storage
from planwatch.web import create_app

HTE, RD = "high_tech_enterprises", "rd_intensity"


def t(region: str, code: str, value: float, year: int = 2025) -> CascadeTarget:
    return CascadeTarget(region, code, year, value)


def one(parent: list[CascadeTarget], children: list[CascadeTarget],
        regions: tuple[str, ...] = ("A", "B", "C")) -> object:
    rows = cascade(parent, children, regions, parent_name="某市", child_word="县（市、区）")
    assert len(rows) == 1
    return rows[0]


def test_kinds_come_from_the_catalogue_unit_group() -> None:
    assert kind_of(HTE) is CascadeKind.ADDITIVE
    assert kind_of("tech_contract_turnover") is CascadeKind.ADDITIVE
    assert kind_of(RD) is CascadeKind.RATIO
    assert kind_of("high_value_invention_patents_per_10k") is CascadeKind.RATIO


def test_additive_consistent_shortfall_overshoot_incomplete() -> None:
    kids = [t("A", HTE, 500), t("B", HTE, 300), t("C", HTE, 250)]
    row = one([t("P", HTE, 1000)], kids)
    assert row.verdict is CascadeVerdict.CONSISTENT and row.total == 1050  # type: ignore[attr-defined]
    assert row.gap == -50 and row.findings == []  # type: ignore[attr-defined]
    row = one([t("P", HTE, 1200)], kids)
    assert row.verdict is CascadeVerdict.SHORTFALL  # type: ignore[attr-defined]
    (f,) = row.findings  # type: ignore[attr-defined]
    assert f.code == "cascade-shortfall" and "目标合计1050" in f.message and "1200" in f.message
    row = one([t("P", HTE, 800)], kids)        # 1050 > 1.2 × 800 = 960
    assert row.verdict is CascadeVerdict.OVERSHOOT  # type: ignore[attr-defined]
    assert row.findings[0].code == "cascade-overshoot"  # type: ignore[attr-defined]
    # C has no target: a sum below the parent's proves nothing …
    row = one([t("P", HTE, 1200)], kids[:2])
    assert row.verdict is CascadeVerdict.INCOMPLETE and row.missing == ("C",)  # type: ignore[attr-defined]
    # … but a partial sum already far above it does
    row = one([t("P", HTE, 600)], kids[:2])
    assert row.verdict is CascadeVerdict.OVERSHOOT  # type: ignore[attr-defined]


def test_rounding_slack_of_one_percent() -> None:
    kids = [t("A", HTE, 500), t("B", HTE, 300), t("C", HTE, 195)]   # 995 vs 1000
    assert one([t("P", HTE, 1000)], kids).verdict is CascadeVerdict.CONSISTENT  # type: ignore[attr-defined]


def test_ratio_parent_must_lie_between_lowest_and_highest() -> None:
    kids = [t("A", RD, 2.0), t("B", RD, 3.5), t("C", RD, 2.8)]
    row = one([t("P", RD, 3.0)], kids)
    assert row.verdict is CascadeVerdict.CONSISTENT  # type: ignore[attr-defined]
    assert (row.low, row.high, row.total) == (2.0, 3.5, None)  # type: ignore[attr-defined]
    row = one([t("P", RD, 3.8)], kids)       # above every sub-region: no weights reach it
    assert row.verdict is CascadeVerdict.SHORTFALL  # type: ignore[attr-defined]
    assert "介于2与3.5之间" in row.findings[0].message  # type: ignore[attr-defined]
    row = one([t("P", RD, 1.5)], kids)
    assert row.verdict is CascadeVerdict.OVERSHOOT  # type: ignore[attr-defined]
    row = one([t("P", RD, 3.8)], kids[:2])
    assert row.verdict is CascadeVerdict.INCOMPLETE  # type: ignore[attr-defined]


def test_years_must_match_and_parent_rows_without_children_are_left_out() -> None:
    rows = cascade([t("P", HTE, 1000, 2025), t("P", RD, 3.0, 2025)],
                   [t("A", HTE, 1200, 2030), t("B", HTE, 100, 2025)], ["A", "B"])
    assert [(r.code, r.year, r.verdict) for r in rows] == [
        (HTE, 2025, CascadeVerdict.INCOMPLETE)]
    assert rows[0].children == {"B": 100}


def test_targets_of_regions_outside_the_list_are_ignored() -> None:
    row = one([t("P", HTE, 100)], [t("A", HTE, 40), t("B", HTE, 30), t("C", HTE, 30),
                                   t("Z", HTE, 999)])
    assert row.total == 100 and row.verdict is CascadeVerdict.CONSISTENT  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", ["cascade-shortfall", "cascade-overshoot"])
def test_codes_registered(code: str) -> None:
    assert code in FINDING_CODES


# ------------------------------------------------------------------ stored plans, CLI, page, API
def _plan(region: str, level: str, parent: str | None,
          rows: list[tuple[str, str, float]]) -> Plan:
    return Plan(meta=Meta(title=f"{region}“十四五”科技创新规划", region=region,
                          region_level=level, parent_region=parent, province="甲省"
                          if level != "province" else None, doc_type="plan",
                          period_start=2021, period_end=2025),
                indicators=[Indicator(name=n, unit=u, baseline_year=2020, baseline=1.0,
                                      target_year=2025, target=v) for n, u, v in rows])


@pytest.fixture()
def tree(tmp_path: Path) -> Iterator[tuple[Storage, str]]:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = open_storage(url)
    plans = [
        _plan("甲省", "province", None, [("高新技术企业数", "家", 1000.0),
                                          ("研发经费投入强度", "%", 3.8)]),
        _plan("乙市", "city", "甲省", [("高新技术企业数", "家", 500.0),
                                        ("研发经费投入强度", "%", 3.5)]),
        _plan("丙市", "city", "甲省", [("高新技术企业数", "家", 300.0),
                                        ("研发经费投入强度", "%", 2.0)]),
    ]
    for i, plan in enumerate(plans):
        import_plan(store, plan, f"p{i}.json", None, "test")
    try:
        yield store, url
    finally:
        store.close()


def test_stored_plans_cascade_through_cli_page_and_api(tree: tuple[Storage, str]) -> None:
    store, url = tree
    province = actions.find_region(store, "甲省")
    view = actions.region_cascade(store, actions.SYSTEM, province)
    verdicts = {(r.code, r.verdict) for r in view.rows}
    assert verdicts == {(HTE, CascadeVerdict.SHORTFALL), (RD, CascadeVerdict.SHORTFALL)}
    result = CliRunner().invoke(main, ["--db", url, "cascade", "甲省"])
    assert result.exit_code == 0, result.output
    assert "下级合计不足" in result.output and "目标合计800" in result.output
    assert "介于2与3.5之间" in result.output and "high_tech_enterprises" not in result.output
    actions.add_user(store, actions.SYSTEM, "cascadeviewer", "correct-horse-1", "viewer", None)
    with TestClient(create_app(Settings(database_url="sqlite://"), store)) as client:
        assert client.get(f"/api/v1/regions/{province.id}/cascade").status_code == 401
        client.post("/api/v1/auth/login", json={"username": "cascadeviewer",
                                                 "password": "correct-horse-1"})
        api = client.get(f"/api/v1/regions/{province.id}/cascade").json()
        html = client.get(f"/regions/{province.id}/cascade").text
    hte = next(r for r in api["rows"] if r["code"] == HTE)
    assert (hte["parent_target"], hte["total"], hte["gap"]) == (1000, 800, 200)
    assert hte["verdict_code"] == "shortfall" and hte["missing"] == []
    assert {c["name"] for c in hte["children"]} == {"乙市", "丙市"}
    assert "目标合计800" in html and "下级合计不足" in html


def test_cli_cascade_without_comparable_targets_says_so(tree: tuple[Storage, str]) -> None:
    _, url = tree
    result = CliRunner().invoke(main, ["--db", url, "cascade", "乙市"])
    assert result.exit_code == 0 and "没有可对照的同年目标" in result.output
    result = CliRunner().invoke(main, ["--db", url, "cascade", "丁省"])
    assert result.exit_code == 1 and "没有名为“丁省”的地区" in result.output


def test_cli_cascade_in_english(tree: tuple[Storage, str]) -> None:
    import re

    from planwatch.reports.cascade_report import HEADERS, HEADERS_EN
    from planwatch.web.i18n import CATALOGUE

    _, url = tree
    result = CliRunner().invoke(main, ["--db", url, "cascade", "甲省", "--lang", "en"])
    assert result.exit_code == 0, result.output
    table = [ln for ln in result.output.splitlines() if not ln.startswith(("⚠", "ℹ"))]
    assert table[0].split("\t") == HEADERS_EN and "Sub-regions fall short" in result.output
    leftover = [re.sub("乙市|丙市", "", ln) for ln in table]
    assert not any(re.search(r"[\u3400-\u9fff]", ln) for ln in leftover), table
    assert [CATALOGUE[h] for h in HEADERS] == HEADERS_EN  # the page's English
