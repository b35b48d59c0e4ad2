"""Shapes met in sealed set 16 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.files import extract_file
from planwatch.model.plan import Plan


def _plan(tmp_path: Path, body: str, name: str = "plan.txt") -> Plan:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return extract_file(path)


def _targets(tmp_path: Path, body: str, heading: str = "二、主要任务"
             ) -> list[tuple[str, float, str | None, str]]:
    plan = _plan(tmp_path, f"某省推进能源发展实施方案（2023-2025年）\n{heading}\n{body}\n")
    return [(t.subject, t.value, t.unit, t.comparator) for t in plan.targets]


def test_item_numbers_a_pdf_set_apart_from_their_titles_are_put_back() -> None:
    from planwatch.parse.text import rejoin_numbers

    assert rejoin_numbers(["1", ".", "加强", "油气供应保障。", "正文。"]) == [
        "1.加强油气供应保障。", "", "", "", "正文。"]
    assert rejoin_numbers(["4.", "促进", "新型储能", "发展。", "正文。"]) == [
        "4.促进新型储能发展。", "", "", "", "正文。"]
    assert rejoin_numbers(["3. 加快建设抽水蓄能电站", "。", "正文。"]) == [
        "3. 加快建设抽水蓄能电站。", "", "正文。"]
    assert rejoin_numbers(["2025", "年", "5", "个"]) == ["2025", "年", "5", "个"]
    # indented by spaces or a full-width space: the same pieces (the cheap test of a line's
    # first character skips the indent as the patterns do)
    assert rejoin_numbers(["\u3000 3 ", " ．", "加强", "供应保障。", "正文。"]) == [
        "3．加强供应保障。", "", "", "", "正文。"]
    assert rejoin_numbers(["  12、 ", "加强", "供应保障。"]) == ["12、加强供应保障。", "", ""]
    assert rejoin_numbers(["\u30002. 加快建设电站", " 。 ", "正文。"]) == [
        "2. 加快建设电站。", "", "正文。"]


_PDF_MEASURES = """某省推进能源发展实施方案
一、主要任务
（一）确保能源供应安全。
1
.
加强
油气供应保障。
加大油气勘探开发力度。（省能源局、各市能源主管部门，有关油气企业）
2
.
做好煤炭供应保障
。
加强煤炭衔接合作。（省能源局，有关煤炭储运企业、有关电厂）
3.提升电力运行调节能力。
持续优化电力运行调度。
完善电力供需监测预警机制。（省能源局、各市能源主管部门，省电网公司）
提升需求侧响应能力。
加快负荷管理系统建设。（省能源局，南方电网、省电力交易中心）
专栏1 能源供应保障项目
1.油气勘探：重点建设某油气田群开发项目。
2.电网：建设投产某500千伏线路工程。
二、保障措施
（一）加强组织实施。各地要抓好落实。
"""


def test_measures_of_a_pdf_text_with_bare_notes_closing_each_paragraph(tmp_path: Path) -> None:
    tasks = _plan(tmp_path, _PDF_MEASURES).tasks
    assert [(t.number, t.title, t.lead) for t in tasks] == [
        (1, "加强油气供应保障", ["省能源局", "各市能源主管部门", "有关油气企业"]),
        (2, "做好煤炭供应保障", ["省能源局", "有关煤炭储运企业", "有关电厂"]),
        (3, "提升电力运行调节能力",
         ["省能源局", "各市能源主管部门", "省电网公司", "南方电网", "省电力交易中心"])]


def test_units_of_energy_plans(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2025年，原油产量超过1500万吨/年、天然气产量达到90亿立方米/年"
                               "左右，电力装机容量达到2.4亿千瓦，审查时间压缩至4周以内，庆祝建校100周年。")
    assert [(v, u, c) for _, v, u, c in found] == [
        (1500, "万吨/年", ">="), (90, "亿立方米/年", "~"), (2.4, "亿千瓦", "="), (4, "周", "<=")]


def test_which_stations_an_upgrade_reaches_is_no_past_result(tmp_path: Path) -> None:
    found = _targets(tmp_path,
                     "改造升级一批已配置储能但未有效利用的电站，新能源置信出力提升至 12%以上。")
    assert [(v, u) for _, v, u, _ in found] == [(12, "%")]


def test_demand_side_response_is_no_eligibility(tmp_path: Path) -> None:
    found = _targets(tmp_path, "实现典型地区需求侧响应能力达到最大用电负荷的 6%或以上。")
    assert [(v, u) for _, v, u, _ in found] == [(6, "%")]


def test_the_size_of_named_projects_is_not_a_target(tmp_path: Path) -> None:
    found = _targets(tmp_path, "新增投产甲电厂二期、乙热电、丙电厂扩建等约900万千瓦气电项目；"
                               "到2025年新增投产光伏发电项目约800万千瓦。")
    assert [(v, u) for _, v, u, _ in found] == [(800, "万千瓦")]


def test_the_size_of_what_is_counted_is_a_class(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2025年，打造规模面积300亩以上的蔬菜示范园6-8个。")
    assert [(v, u) for _, v, u, _ in found] == [(6, "个")]


def test_places_a_verb_takes_counted_after_them_are_a_reference(tmp_path: Path) -> None:
    found = _targets(tmp_path, "市、区协同共建东城区、西城区、南城区三个示范区，为期两年，"
                               "分别为准备部署、组织实施、试点总结三个阶段，建成示范项目20个。")
    assert [(v, u) for _, v, u, _ in found] == [(20, "个")]
