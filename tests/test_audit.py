"""Plan audit: the five seeds' gold plans (every inconsistency a careful reader finds, no more)
and synthetic 十五五 city/district fixtures that trip every check."""

from __future__ import annotations

import json
import math

import pytest

from planwatch.evaluate.audit import AuditParams, audit_plan
from planwatch.evaluate.audit_util import half_unit, required_growth_pct
from planwatch.model.findings import Severity
from planwatch.model.plan import Plan
from tests.helpers import FIXTURES, GOLD


def _gold(stem: str) -> Plan:
    return Plan.model_validate(json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8")))


def _fixture(name: str) -> Plan:
    path = FIXTURES / "audit" / name
    return Plan.model_validate(json.loads(path.read_text(encoding="utf-8")))


def _codes(findings: list) -> list[tuple[str, str | None]]:  # type: ignore[type-arg]
    return [(f.code, f.context) for f in findings]


# Hand check of every 年均增速 row in the seeds: (T/B)^(1/5) − 1 against the printed rate.
CAGR_ROWS = [
    ("zibo-2022-plan", "科技型中小企业", 900, 2700, 24.57, 24.573),
    ("zibo-2022-plan", "高新技术企业", 703, 1800, 20.69, 20.688),
    ("zibo-2022-plan", "省级以上创新平台", 403, 550, 6.42, 6.417),
    ("zibo-2022-plan", "省级以上科技企业孵化器及众创空间", 25, 30, 3.71, 3.714),
    ("zibo-2022-plan", "年登记技术合同成交额", 160.65, 350, 16.85, 16.853),
    ("zibo-2022-plan", "每万人口高价值发明专利拥有量", 5.62, 10, 12.22, 12.215),
    ("zhifu-2021-plan", "每万人高价值发明专利拥有量", 5.805, 10.34, 12.2, 12.238),
    ("zhifu-2021-plan", "年登记技术合同成交额", 10.45, 14, 6, 6.024),
    ("zhifu-2021-plan", "高新技术企业数", 132, 190, 7.6, 7.556),
]


@pytest.mark.parametrize(("stem", "name", "base", "target", "printed", "implied"), CAGR_ROWS)
def test_seed_growth_columns_agree_with_baseline_and_target(
    stem: str, name: str, base: float, target: float, printed: float, implied: float
) -> None:
    ind = next(i for i in _gold(stem).indicators if i.name == name)
    assert (ind.baseline, ind.target, ind.annual_growth_pct) == (base, target, printed)
    computed = required_growth_pct(ind)
    assert computed is not None
    assert computed == pytest.approx(implied, abs=0.001)
    assert abs(computed - printed) <= max(0.1, half_unit(printed))


# Every 〔累计〕 row: T − B against the printed cumulative change.
CUMULATIVE_ROWS = [
    ("weihai-2022-plan", 2.36, 2.8, 0.44),
    ("weihai-2022-plan", 4.7, 10.2, 5.5),
    ("weihai-2022-plan", 83.8, 85, 1.2),
    ("weihai-2022-plan", 46.5, 75, 28.5),
    ("weihai-2022-plan", 370, 400, 30),
    ("weihai-2022-plan", 738, 1500, 762),
    ("weihai-2022-plan", 1136, 2500, 1364),
    ("weihai-2022-plan", 60.13, 64, 3.9),  # 3.87 printed as 3.9: within the printed precision
    ("weihai-2022-plan", 23, 50, 27),
    ("weihai-2022-plan", 58, 100, 42),
    ("weihai-2022-plan", 165, 200, 35),
    ("weihai-2022-plan", 109, 130, 21),
    ("zibo-2022-plan", 2.79, 3, 0.21),
    ("zibo-2022-plan", 42.53, 58, 15.47),
    ("zhifu-2021-plan", 41.55, 45, 3.45),
    ("zhifu-2021-plan", 12.5, 15, 2.5),
]


def test_every_cumulative_row_of_the_seeds_is_checked() -> None:
    rows = [
        (stem, i.baseline, i.target, i.cumulative_change)
        for stem in ("weihai-2022-plan", "zibo-2022-plan", "zhifu-2021-plan")
        for i in _gold(stem).indicators
        if i.cumulative_change is not None
    ]
    assert rows == CUMULATIVE_ROWS
    for _, base, target, cum in rows:
        assert abs((target - base) - cum) <= half_unit(cum) + 1e-9


EXPECTED_GOLD = {
    "qingzhou-2021-plan": [
        # 0.82 % → 2.85 % in five years: ×3.5, 28.3 %/yr; no history in the plan
        ("ambitious-target", "全社会R&D支出占GDP比重"),
        ("ambitious-target", "有研发活动的规上工业企业占比"),
        ("ambitious-target", "全社会每万名就业人员中研发人员数"),
        # 省级科技企业孵化器 1 → 1: no planned change
        ("target-equals-baseline", "省级科技企业孵化器"),
    ],
    # 每年提高1个百分点 from 60.13 % gives 65.13 % in 2025, the table (and prose) says 64 %
    # …and the prose names 科技服务业营业收入 what the table calls 产业产值 (same 200)
    "weihai-2022-plan": [("per-year-rule-mismatch", "高新技术产业产值占规模以上工业产值比重"),
                         ("prose-table-name-mismatch", "全市科技服务业产业产值")],
    "yantai-2024-opinion": [],
    "zhifu-2021-plan": [],
    "zibo-2022-plan": [],
}


@pytest.mark.parametrize("stem", sorted(EXPECTED_GOLD))
def test_audit_finds_exactly_the_seed_inconsistencies(stem: str) -> None:
    assert _codes(audit_plan(_gold(stem))) == EXPECTED_GOLD[stem]


def test_weihai_per_year_rule_message_has_the_numbers() -> None:
    found = next(f for f in audit_plan(_gold("weihai-2022-plan"))
                 if f.code == "per-year-rule-mismatch")
    assert found.severity is Severity.WARNING
    for number in ("60.13", "65.13", "64", "3.87"):
        assert number in found.message


def test_qingzhou_ambition_numbers() -> None:
    found = audit_plan(_gold("qingzhou-2021-plan"))[0]
    assert "28.29%" in found.message and "3.5倍" in found.message
    assert math.isclose((2.85 / 0.82) ** 0.2 - 1, 0.2829, abs_tol=1e-4)


def test_district_against_city_in_the_seeds_is_consistent() -> None:
    # 芝罘区 (2021–2025) against its parent 烟台市's 2024 opinion (to 2027): 190 ≤ 3500 高企,
    # and 研发投入 9.5 % vs 10 % a year are within the margin.
    assert audit_plan(_gold("zhifu-2021-plan"), _gold("yantai-2024-opinion")) == []


def test_zibo_history_does_not_raise_ambition() -> None:
    # 表1 history: 高企 251 → 703 (22.9 %/yr) against the required 20.69 %/yr: not beyond history.
    params = AuditParams(ambition_margin_pp=1.0, ambition_factor=1.0)
    codes = [f.code for f in audit_plan(_gold("zibo-2022-plan"), params=params)]
    # only 高新技术产业 share (6.0 %/yr historic, 6.4 % required) is above history by < 1 pp
    assert "ambition-beyond-history" not in codes


def test_synthetic_city_plan_is_clean() -> None:
    assert audit_plan(_fixture("city_15th.json")) == []


def test_synthetic_district_trips_every_check() -> None:
    found = audit_plan(_fixture("district_15th.json"), _fixture("city_15th.json"))
    assert [(f.code, f.line, f.context) for f in found] == [
        ("table-cumulative-mismatch", 11, "R&D经费支出占地区生产总值比重"),
        ("table-cagr-mismatch", 12, "年登记技术合同成交额"),
        ("ambitious-target", 12, "年登记技术合同成交额"),
        ("ambition-beyond-history", 13, "科技型中小企业"),
        ("target-below-baseline", 14, "新型研发机构"),
        ("prose-table-conflict", 5, "科技型中小企业"),
        ("prose-table-conflict", 6, "高新技术企业数"),
        ("per-year-rule-mismatch", 7, "规上工业企业研发机构覆盖率"),
        ("district-exceeds-city", 10, "高新技术企业数"),
        ("district-growth-divergence", 12, "年登记技术合同成交额"),
    ]
    messages = {f.code: f.message for f in found}
    assert "37.97%" in messages["table-cagr-mismatch"]
    assert "为500家，表中为450家" in found[5].message
    assert "2025年基数1400，表中为1500" in found[6].message
    assert "40+15=55" in messages["per-year-rule-mismatch"]
    assert (
        "3200" in messages["district-exceeds-city"] and "3000" in messages["district-exceeds-city"]
    )


def test_without_parent_no_district_findings() -> None:
    codes = {f.code for f in audit_plan(_fixture("district_15th.json"))}
    assert not codes & {"district-exceeds-city", "district-growth-divergence"}


def test_prior_table_baseline_conflict() -> None:
    plan = _gold("zibo-2022-plan")
    target = plan.targets[0].model_copy(deep=True)
    assert target.baseline is not None
    target.baseline.year, target.baseline.value = 2015, 2.11  # prose 2.11 vs 表1 基础值 2.14
    target.quote = f"{target.subject}由2015年的2.11%提高到{target.value:g}%"  # stated in it
    plan.targets.append(target)
    found = [f for f in audit_plan(plan) if f.code == "prose-table-conflict"]
    assert len(found) == 1
    assert "2.11" in found[0].message and "2.14" in found[0].message


def test_half_unit() -> None:
    assert half_unit(7.6) == pytest.approx(0.05)
    assert half_unit(24.57) == pytest.approx(0.005)
    assert half_unit(6) == pytest.approx(0.5)
