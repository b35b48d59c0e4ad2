"""Schedule status, completion ratios and Open SDG trend status of single indicators."""

from __future__ import annotations

import json

import pytest

from planwatch.evaluate.progress import completion_log, completion_of_change, time_progress
from planwatch.evaluate.status import assess_plan, evaluate_indicator
from planwatch.model.actual import Actual
from planwatch.model.evaluation import (
    Direction,
    EvaluationParams,
    Reason,
    ScheduleStatus,
    TrendStatus,
)
from planwatch.model.plan import Indicator, Plan
from tests.helpers import FIXTURES, GOLD


def _ind(**kw: object) -> Indicator:
    base: dict[str, object] = {
        "name": "高新技术企业数",
        "unit": "家",
        "baseline_year": 2020,
        "baseline": 100.0,
        "target_year": 2025,
        "target": 200.0,
    }
    base.update(kw)
    return Indicator.model_validate(base)


def _act(value: float, year: int = 2023, unit: str | None = "家") -> Actual:
    return Actual(indicator="高新技术企业数", year=year, value=value, unit=unit)


def test_formulas() -> None:
    assert time_progress(2023, 2020, 2025) == pytest.approx(0.6)
    assert completion_of_change(160, 100, 200) == pytest.approx(0.6)
    assert completion_log(200, 100, 400) == pytest.approx(0.5)
    assert completion_of_change(5, 5, 5) is None


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (210, ScheduleStatus.ACHIEVED_EARLY),
        (175, ScheduleStatus.AHEAD),  # p = 0.75 > 0.6 + 0.05
        (162, ScheduleStatus.ON_TRACK),  # p = 0.62
        (140, ScheduleStatus.BEHIND),  # p = 0.40
        (95, ScheduleStatus.REGRESSING),
    ],
)
def test_level_verdicts(value: float, status: ScheduleStatus) -> None:
    ev = evaluate_indicator(_ind(), [_act(value)], 2023)
    assert ev.schedule_status is status
    assert ev.time_progress == pytest.approx(0.6)
    assert ev.params.schedule_band == 0.05


def test_both_completion_ratios_are_labelled() -> None:
    ev = evaluate_indicator(_ind(), [_act(140)], 2023)
    assert ev.completion_of_change == pytest.approx(0.4)
    assert ev.ratio_to_target == pytest.approx(0.7)
    assert ev.expected_value == pytest.approx(160)


def test_band_is_a_parameter() -> None:
    params = EvaluationParams(schedule_band=0.25)
    ev = evaluate_indicator(_ind(), [_act(140)], 2023, params=params)
    assert ev.schedule_status is ScheduleStatus.ON_TRACK
    assert ev.params.schedule_band == 0.25


def test_final_year_verdicts() -> None:
    assert evaluate_indicator(_ind(), [_act(200, 2025)], 2025).schedule_status is (
        ScheduleStatus.ACHIEVED
    )
    assert evaluate_indicator(_ind(), [_act(190, 2025)], 2025).schedule_status is (
        ScheduleStatus.MISSED
    )


def test_compound_path_uses_log_completion() -> None:
    # 科技型中小企业 900 → 2700 at 24.57 %: 2023 actual 1800 is ln2/ln3 = 63 % of the way
    ind = _ind(baseline=900.0, target=2700.0, annual_growth_pct=24.57)
    ev = evaluate_indicator(ind, [_act(1800)], 2023)
    assert ev.inputs.path == "compound"
    assert ev.completion_log == pytest.approx(0.6309, abs=1e-4)
    assert ev.completion_of_change == pytest.approx(0.5)
    assert ev.expected_value == pytest.approx(900 * 1.2457**3, rel=1e-4)
    assert ev.schedule_status is ScheduleStatus.ON_TRACK
    assert Reason.COMPOUND_PATH in ev.reasons


def test_target_from_cumulative_only() -> None:
    ind = _ind(target=None, cumulative_change=50.0)
    ev = evaluate_indicator(ind, [_act(130)], 2023)
    assert ev.inputs.target == 150
    assert Reason.TARGET_FROM_CUMULATIVE in ev.reasons
    assert ev.schedule_status is ScheduleStatus.ON_TRACK


@pytest.mark.parametrize(
    ("comparator", "value", "met"),
    [(">=", 200, True), ("~", 197, True), ("~", 190, False), ("=", 199, False)],
)
def test_comparators(comparator: str, value: float, met: bool) -> None:
    ev = evaluate_indicator(_ind(target_comparator=comparator), [_act(value, 2024)], 2024)
    assert ev.met is met


def test_lower_is_better() -> None:
    ind = _ind(name="单位GDP能耗", unit="吨标准煤/万元", baseline=0.5, target=0.4)
    act = Actual(indicator="单位GDP能耗", year=2023, value=0.52, unit="吨标准煤/万元")
    ev = evaluate_indicator(ind, [act], 2023, direction=Direction.LOWER)
    assert ev.schedule_status is ScheduleStatus.REGRESSING
    act = act.model_copy(update={"value": 0.39})
    ev = evaluate_indicator(ind, [act], 2023, direction=Direction.LOWER)
    assert ev.schedule_status is ScheduleStatus.ACHIEVED_EARLY
    assert ev.trend_status is TrendStatus.ACHIEVED


@pytest.mark.parametrize(
    ("value", "trend"),
    [
        (160, TrendStatus.ON_TRACK),  # CAGR_o 16.9 % / CAGR_r 14.9 %
        (135, TrendStatus.NEEDS_ACCELERATION),  # 10.5 % / 14.9 % = 0.71
        (110, TrendStatus.LIMITED_PROGRESS),
        (90, TrendStatus.DETERIORATION),
    ],
)
def test_open_sdg_trend(value: float, trend: TrendStatus) -> None:
    ev = evaluate_indicator(_ind(), [_act(value)], 2023)
    assert ev.trend_status is trend
    assert ev.cagr_required == pytest.approx(2**0.2 - 1)


def test_zero_baseline_is_not_replaced() -> None:
    ind = _ind(baseline=0.0, target=1.0, unit="个")
    ev = evaluate_indicator(ind, [_act(0.0, unit="个")], 2023)
    assert Reason.ZERO_BASELINE in ev.reasons
    assert ev.cagr_observed is None and ev.trend_status is None
    assert ev.schedule_status is ScheduleStatus.BEHIND  # linear p = 0 < 0.6


@pytest.mark.parametrize(
    ("ind", "actuals", "reason"),
    [
        (_ind(), [], Reason.NO_ACTUAL),
        (_ind(baseline=None, baseline_year=None), [_act(150)], Reason.NO_BASELINE),
        (_ind(target=None), [_act(150)], Reason.NO_NUMERIC_TARGET),
        (_ind(), [_act(150, unit="个/万人")], Reason.UNIT_MISMATCH),
    ],
)
def test_reason_codes(ind: Indicator, actuals: list[Actual], reason: Reason) -> None:
    ev = evaluate_indicator(ind, actuals, 2023)
    assert reason in ev.reasons


def test_no_target_trend_uses_cagr_thresholds() -> None:
    ev = evaluate_indicator(_ind(target=None), [_act(110)], 2023)
    assert ev.schedule_status is None
    assert ev.trend_status is TrendStatus.ON_TRACK  # 3.2 %/yr ≥ 1.5 %


def test_rate_row() -> None:
    ind = Indicator(name="研发经费投入增长", unit="%", annual_growth_pct=9.5, growth_comparator="~")
    act = Actual(indicator="研发经费投入增长", year=2022, value=7.0, unit="%")
    ev = evaluate_indicator(ind, [act], 2022)
    assert Reason.RATE_TARGET in ev.reasons
    assert ev.schedule_status is ScheduleStatus.BEHIND


def test_binding_indicator_at_risk_warns() -> None:
    plan = Plan(indicators=[_ind(attribute="约束性", line=12), _ind(name="科技型中小企业")])
    actuals = [_act(120), Actual(indicator="科技型中小企业", year=2023, value=120, unit="家")]
    result = assess_plan(plan, actuals, 2023)
    assert [(f.code, f.severity.value, f.line) for f in result.findings] == [
        ("binding-target-at-risk", "warning", 12),
        ("behind-schedule", "info", None),
    ]
    assert result.findings[0].message.startswith("预警：约束性指标“高新技术企业数”滞后")


def test_gold_zibo_with_actuals() -> None:
    plan = Plan.model_validate(json.loads((GOLD / "zibo-2022-plan.json").read_text("utf-8")))
    actuals = [
        Actual(indicator="R&D经费支出占GDP的比重", year=2023, value=2.95, unit="%"),
        Actual(indicator="高新技术企业", year=2023, value=1100, unit="家"),
    ]
    result = assess_plan(plan, actuals, 2023)
    by_name = {e.indicator: e for e in result.indicators}
    assert by_name["R&D经费支出占GDP的比重"].schedule_status is ScheduleStatus.AHEAD
    hte = by_name["高新技术企业"]  # ln(1100/703)/ln(1800/703) = 47.6 % vs τ 60 %
    assert hte.completion_log == pytest.approx(0.4759, abs=1e-3)
    assert hte.schedule_status is ScheduleStatus.BEHIND
    assert Reason.NO_ACTUAL in by_name["科技型中小企业"].reasons


def test_fixture_plan_with_other_engineers_actuals_shape() -> None:
    data = json.loads((FIXTURES / "actuals_plan_15th.json").read_text("utf-8"))
    plan = Plan.model_validate({k: v for k, v in data.items() if k in Plan.model_fields})
    result = assess_plan(plan, [], 2027)
    assert len(result.indicators) == len(plan.indicators)
    assert all(Reason.NO_ACTUAL in e.reasons for e in result.indicators)
