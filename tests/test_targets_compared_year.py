"""A comparison with an earlier year that opens a sentence (released set 17):
``与2021年相比，2025年工业锅炉…分别提高5个百分点以上，…占比分别达到40%、60%`` — 2021 is the
base the change is measured from (the sentence is no past result) and 2025 dates all of it.
Synthetic text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file

PLAN = """某市2024—2025年节能降碳行动方案

二、重点任务

（一）推进设备更新。与2020年相比，2025年全市工业窑炉、民用锅炉平均热效率分别提高4个百分点以上、\
1个百分点以上，在运节能水泵、节能风机中的高效产品占比分别达到35%、45%。

（二）加强管理。2025年全市节能监察企业、节能诊断企业分别达到120家、80家。

（三）回顾。2023年全市完成节能改造项目56个。
"""


def _targets(tmp_path: Path) -> list[tuple[str, float, str | None, int | None]]:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return [(t.subject, t.value, t.unit, t.year) for t in extract_file(path).targets]


def test_a_comparison_year_is_a_base_and_the_year_after_it_dates_the_sentence(
        tmp_path: Path) -> None:
    got = _targets(tmp_path)
    assert [(v, u, y) for _, v, u, y in got if u in ("百分点", "%")] == [
        (4, "百分点", 2025), (1, "百分点", 2025), (35, "%", 2025), (45, "%", 2025)]


def test_a_year_opening_a_clause_dates_a_list_of_subjects(tmp_path: Path) -> None:
    """``2025年A、B分别达到…``: the 、 between the subjects does not cut the year off."""
    got = _targets(tmp_path)
    assert [(v, y) for _, v, u, y in got if u == "家"] == [(120, 2025), (80, 2025)]


def test_a_past_year_without_a_comparison_stays_past(tmp_path: Path) -> None:
    assert not [t for t in _targets(tmp_path) if t[1] == 56]
