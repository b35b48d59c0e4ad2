"""Prior-period table (淄博 表1 “十三五”主要指标完成情况) judged from the gold plan."""

from __future__ import annotations

import json

import pytest

from planwatch.evaluate.prior import evaluate_prior, evaluate_prior_results
from planwatch.model.evaluation import Direction, Reason
from planwatch.model.plan import Plan, PriorResult
from tests.helpers import GOLD


def _zibo() -> Plan:
    return Plan.model_validate(json.loads((GOLD / "zibo-2022-plan.json").read_text("utf-8")))


def test_zibo_table1() -> None:
    rows = evaluate_prior_results(_zibo().prior_results)
    assert [(r.name, r.met) for r in rows] == [
        ("R&D经费支出占GDP比重", True),
        ("万人有效发明专利拥有量", True),
        ("PCT国际专利申请量", False),
        ("年登记技术合同成交额", True),
        ("高新技术产业产值占规模以上工业总产值比重", True),
        ("高新技术企业数", True),
    ]
    pct = rows[2]
    assert (pct.baseline, pct.target, pct.actual) == (57, 80, 71)
    assert round(pct.ratio_to_target * 100, 2) == 88.75
    assert round(pct.completion_of_change * 100, 2) == 60.87
    assert rows[5].ratio_to_target == pytest.approx(703 / 380)


def test_prior_missing_values_and_direction() -> None:
    row = PriorResult(name="单位GDP能耗下降", baseline=1.0, target=0.8, actual=0.85)
    assert evaluate_prior(row, direction=Direction.LOWER).met is False
    assert evaluate_prior(row.model_copy(update={"actual": 0.75}), direction=Direction.LOWER).met
    empty = evaluate_prior(PriorResult(name="x", target=5))
    assert empty.met is None and Reason.NO_ACTUAL in empty.reasons
