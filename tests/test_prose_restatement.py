"""A prose target that restates an indicator-table row is linked to the row (its quote shows on
the row's indicator page), not listed as an extra indicator — also when the prose counts the
enterprises in 家 and the table in 个."""

from __future__ import annotations

from planwatch.evaluate.targets import prose_indicators
from planwatch.model.plan import Baseline, Indicator, Meta, Plan, Target
from planwatch.workflow.detail import prose_quotes


def _plan() -> Plan:
    meta = Meta(title="某市“十四五”科技创新规划", period_start=2021, period_end=2025)
    rows = [Indicator(name="科技型中小企业数量", unit="个", baseline_year=2020, baseline=1136,
                      target_year=2025, target=2500),
            Indicator(name="研发经费投入强度", unit="%", baseline_year=2020, baseline=2.36,
                      target_year=2025, target=2.8)]
    prose = [
        Target(subject="国家科技型中小企业入库企业", value=2500, unit="家", year=2025,
               comparator=">=", baseline=Baseline(year=2020, value=1136), line=40,
               quote="国家科技型中小企业入库企业由1136家增加到2500家以上"),
        Target(subject="有研发活动的规上工业企业占比", value=55, unit="%", year=2025,
               comparator=">=", baseline=Baseline(year=2020, value=41.41), line=41,
               quote="有研发活动的规上工业企业占比由41.41%提高到55%以上"),
        # same baseline number, but a share is not a count: not a restatement of the 个 row
        Target(subject="企业研发机构覆盖率", value=60, unit="%", year=2025,
               baseline=Baseline(year=2020, value=1136), line=42,
               quote="企业研发机构覆盖率达到60%"),
    ]
    return Plan(meta=meta, indicators=rows, targets=prose)


def test_restated_count_is_not_an_extra_row() -> None:
    names = [i.name for i in prose_indicators(_plan())]
    assert names == ["有研发活动的规上工业企业占比", "企业研发机构覆盖率"]


def test_restatement_is_quoted_on_the_row() -> None:
    plan = _plan()
    [hit] = prose_quotes(plan, "科技型中小企业数量", "个")
    assert (hit.line, hit.value, hit.unit) == (40, 2500, "家")
    assert prose_quotes(plan, "科技型中小企业数量", "%") == []
