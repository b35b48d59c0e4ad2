"""A fall stated against a base year (比2015年下降4.1%) is a negative growth rate, never a level
of 4.1% (released set 13). Synthetic text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file

PLAN = """某市“十四五”节能减排综合工作方案

到2025年，全市化学需氧量和氨氮排放总量比2020年分别下降5.2%和4.8%，单位工业增加值能耗比2020年降低16%以上，\
全社会研发投入比2020年增长20%，城市黑臭水体比例下降到5%以下。
"""


def _targets(tmp_path: Path, text: str) -> list[tuple[str, str, float, str]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return [(t.subject, t.comparator, t.value, t.kind) for t in extract_file(path).targets]


def test_a_fall_against_a_base_year_is_a_negative_growth_rate(tmp_path: Path) -> None:
    got = _targets(tmp_path, PLAN)
    assert ("单位工业增加值能耗比2020年降低", "<=", -16, "growth_rate") in got
    assert ("全社会研发投入比2020年增长", "=", 20, "growth_rate") in got
    assert not [g for g in got if g[2] in (16, 5.2, 4.8)]


def test_each_item_of_a_respective_fall_keeps_its_own_measure(tmp_path: Path) -> None:
    got = {(s, v) for s, _, v, _ in _targets(tmp_path, PLAN)}
    assert {("化学需氧量排放总量比2020年", -5.2), ("氨氮排放总量比2020年", -4.8)} <= got


def test_falling_to_a_level_stays_a_level(tmp_path: Path) -> None:
    got = _targets(tmp_path, PLAN)
    assert [g for g in got if g[2] == 5] == [("城市黑臭水体比例", "<=", 5, "level")]
