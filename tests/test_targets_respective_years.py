"""Values listed for years listed (released set 12): ``2021年至2024年…分别达到30%、60%、80%、100%``
gives one target per year with the subject named before 分别; counts of 万辆/万头/尾 are read.
Synthetic text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file

PLAN = """某县“十四五”应急管理工作方案

一、工作目标

2022年至2025年，全县村级应急服务站建成率分别达到40%、60%、80%、100%，\
网格员持证上岗率分别达到50%、70%、90%和100%。

到2023年、2025年，全县规模以上工业企业分别达到320家、450家。

2024年、2025年全县新能源公交车保有量分别达到0.3万辆和0.5万辆，增殖放流鱼苗200万尾。
"""


def _targets(tmp_path: Path) -> list[tuple[str, float, str | None, int | None]]:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return [(t.subject, t.value, t.unit, t.year) for t in extract_file(path).targets]


def test_a_span_of_years_dates_each_value_of_the_list(tmp_path: Path) -> None:
    got = _targets(tmp_path)
    assert [(v, y) for s, v, _, y in got if s == "村级应急服务站建成率"] == [
        (40, 2022), (60, 2023), (80, 2024), (100, 2025)]
    assert [(v, y) for s, v, _, y in got if s == "网格员持证上岗率"] == [
        (50, 2022), (70, 2023), (90, 2024), (100, 2025)]


def test_a_list_of_years_dates_each_value_of_the_list(tmp_path: Path) -> None:
    got = _targets(tmp_path)
    assert [(v, y) for s, v, _, y in got if s.endswith("规模以上工业企业")] == [
        (320, 2023), (450, 2025)]
    assert [(v, u, y) for s, v, u, y in got if s.endswith("新能源公交车保有量")] == [
        (3000, "辆", 2024), (5000, "辆", 2025)]


def test_counts_of_animals_are_read(tmp_path: Path) -> None:
    assert [(v, u) for _, v, u, _ in _targets(tmp_path) if u == "尾"] == [(2_000_000, "尾")]


def test_one_year_for_two_values_dates_nothing_apart(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某县工作方案\n\n到2025年，全县高新技术企业和科技型中小企业分别达到80家、200家。\n",
                    encoding="utf-8")
    got = [(t.value, t.year) for t in extract_file(path).targets]
    assert got == [(80, 2025), (200, 2025)]
