"""A rate target (年均增长 N%) is charted as rates against the required rate, never as a level
with a base point; an indicator with nothing to draw says so instead of an empty box."""

from __future__ import annotations

import json
import re

from planwatch.model.actual import Actual
from planwatch.model.plan import Indicator, Meta, Plan
from planwatch.storage import import_plan, record_actuals
from tests.web_fixtures import Web, sqlite_web

__all__ = ["sqlite_web"]


def _chart(page: str) -> dict[str, object]:
    block = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', page,
                      re.S)
    assert block is not None
    main: dict[str, object] = json.loads(block.group(1))["main"]
    return main


def test_rate_target_is_charted_against_the_required_rate(sqlite_web: Web) -> None:
    web = sqlite_web
    plan = Plan(meta=Meta(title="增速测试", period_start=2021, period_end=2025), indicators=[
        Indicator(name="研发经费投入年均增长率", unit="%", target_year=2025, target=9.5,
                  annual_growth_pct=9.5),
        Indicator(name="高新技术企业数", unit="家", target_year=2025, target=200)])
    plan_id = import_plan(web.store, plan, "t.txt", None, "test").plan_id
    record_actuals(web.store, plan_id, [
        Actual(indicator="研发经费投入年均增长率", year=y, value=v, unit="%", source="t")
        for y, v in ((2022, 8.1), (2023, 10.2))], "test")
    web.login("viewer")
    spec = _chart(web.client.get(f"/plans/{plan_id}/indicators/0").text)
    assert spec["actual"] == [[2022, 8.1], [2023, 10.2]]
    assert spec["required"] == [[2022, 9.5], [2025, 9.5]]
    assert "baseline" not in spec and "target" not in spec and "path" not in spec
    # no values and no planned path: the element carries the empty-state text
    page = web.client.get(f"/plans/{plan_id}/indicators/1").text
    assert _chart(page)["actual"] == [] and "path" not in _chart(page)
    assert 'data-empty="暂无实际值，无法绘制走势"' in page
