"""The units and names modules at their call sites: the actuals import, storage and the
evaluator agree on what is one unit and one indicator.

Storage tests run on in-memory SQLite and on the local PostgreSQL (see tests/storage_fixtures.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.actuals import read_actuals
from planwatch.evaluate.progress import normalize_unit, units_compatible
from planwatch.evaluate.status import assess_plan
from planwatch.model.actual import Actual
from planwatch.model.plan import Indicator, Plan
from planwatch.storage import RowsRejected, Storage, get_actuals, import_plan, record_actuals
from tests.actuals_helpers import write_csv
from tests.helpers import GOLD
from tests.storage_fixtures import db_url, pg_database_url, storage

__all__ = ["db_url", "pg_database_url", "storage"]  # fixtures used by name

FUND = "首期基金规模"  # no catalogue code: conversions come from the units module alone
STAFF = "每万名就业人员中研发人员数"


def _plan() -> Plan:
    plan = Plan.model_validate(json.loads((GOLD / "zibo-2022-plan.json").read_text("utf-8")))
    plan.indicators += [
        Indicator(name=FUND, unit="亿元", baseline_year=2020, baseline=1, target_year=2025,
                  target=2),
        Indicator(name=STAFF, unit="人·年/万人", baseline_year=2020, baseline=60, target_year=2025,
                  target=80),
    ]  # fmt: skip
    return plan


def test_import_accepts_a_spelling_of_the_plans_unit(tmp_path: Path) -> None:
    rows = [
        [f"{STAFF}（人年/万人）", "人年/万人", 2021, 64, "最终数"],  # 人年 = 人·年, unit in name
        ["R&D 经费支出占 GDP 的比重", "％", 2021, 2.9, "最终数"],
    ]
    result = read_actuals(write_csv(tmp_path / "a.csv", rows), _plan())
    assert result.errors == []
    assert [(a.indicator, a.value) for a in result.rows] == [
        (STAFF, 64), ("R&D经费支出占GDP的比重", 2.9)]  # fmt: skip


def test_storage_converts_between_scales_and_refuses_other_units(storage: Storage) -> None:
    plan_id = import_plan(storage, _plan(), "zibo.txt", None, "alice").plan_id
    record_actuals(storage, plan_id, [
        Actual(indicator=f"{FUND}（万元）", year=2021, value=15_000, unit="万元"),
        Actual(indicator="年登记技术合同成交额", year=2021, value=1_700_000, unit="万元"),
    ], "bob")  # fmt: skip
    stored = {(a.indicator, a.unit): a.value for a in get_actuals(storage, plan_id)}
    assert stored == {(FUND, "亿元"): pytest.approx(1.5), ("年登记技术合同成交额", "亿元"): 170}
    with pytest.raises(RowsRejected) as err:
        record_actuals(storage, plan_id, [Actual(indicator=FUND, year=2022, value=3, unit="%")],
                       "bob")  # fmt: skip
    assert [p.code for p in err.value.problems] == ["unit-mismatch"]


def test_evaluator_matches_an_actual_by_identity() -> None:
    plan = _plan()
    actual = Actual(indicator=f" {STAFF} (人·年/万人)", year=2022, value=70, unit="人年/万人")
    assessment = assess_plan(plan, [actual], 2022)
    ev = next(e for e in assessment.indicators if e.indicator == STAFF)
    assert ev.inputs.actual == 70


def test_evaluator_units_are_compared_as_printed() -> None:
    assert normalize_unit("亿") == "亿" and normalize_unit(None) is None
    assert units_compatible("亿", "亿元") and units_compatible("人年", "人·年")
    assert not units_compatible("万元", "亿元")  # convertible, never compared unconverted
    assert not units_compatible("%", "百分点")
    assert units_compatible("家", "个", counts_interchangeable=True)
    assert not units_compatible("家", "个")


def test_revise_finds_a_target_by_identity(storage: Storage) -> None:
    from planwatch.actions import revise_plan_target
    from planwatch.storage import list_targets, list_versions
    from planwatch.workflow.principal import Actor

    plan_id = import_plan(storage, _plan(), "zibo.txt", None, "alice").plan_id
    carol = Actor("carol", "reviewer")
    revise_plan_target(storage, carol, plan_id, f" {FUND}（亿元）", 3.0, reason="调增",
                       document="科字〔2023〕1号")
    rows = list_targets(storage, list_versions(storage, plan_id)[-1].id)
    assert [t.value for t in rows if t.subject == FUND] == [3.0]


@pytest.mark.parametrize(
    ("name", "unit", "kind"),
    [
        ("高新技术企业", "家", "count"),
        ("常住人口", "万人", "count"),  # a scaled count is a count
        ("技术交易", "万人次", "count"),
        ("研发经费投入强度", "％", "share"),
        ("研发经费投入强度提高", "个百分点", "rate"),
        ("技术合同成交额", "亿元", "other"),
    ],
)
def test_value_kind_reads_units_through_the_module(name: str, unit: str, kind: str) -> None:
    from planwatch.actuals.spec import value_kind

    assert value_kind(name, unit) == kind


@pytest.mark.parametrize(("unit", "flagged"), [("％", True), ("（%）", True), ("‰", False),
                                               ("百分点", False), ("亿元", False)])
def test_share_over_100_only_for_percent(unit: str, flagged: bool) -> None:
    from planwatch.workflow.plausibility import plausibility_flags

    plan = Plan(indicators=[Indicator(name="某指标", unit=unit)])
    codes = [f.code for f in plausibility_flags(plan, "某指标", 2022, 150.0, {})]
    assert ("share-over-100" in codes) is flagged
