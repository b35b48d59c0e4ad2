"""Rules learnt from sealed set 8 once it was scored and released (issue 7): synthetic sentences
and documents, one rule each, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.targets_parse import parse_sentence
from planwatch.model.plan import Plan


def _page(tmp_path: Path, front: str, body: str) -> Plan:
    path = tmp_path / "doc.md"
    path.write_text(front + body, encoding="utf-8")
    return extract_file(path)


OPINION = """---
标题: 关于印发《某区养老服务设施提升工作方案》的通知
发布日期: 2023-04-02
---

某区养老服务设施提升工作方案

"""


def _subjects(sentence: str) -> list[tuple[str, str, float, str]]:
    return [(c.subject, c.comparator, c.value, c.unit) for c in parse_sentence(sentence)[0]]


def test_a_slogan_counting_rates_gives_each_rate_its_value() -> None:
    found = _subjects("力争实现老旧电梯排查率、加装电梯竣工验收率和适老化改造"
                      "入户评估率“三个100%”，切实保障安全")
    assert found == [("老旧电梯排查率", "=", 100.0, "%"), ("加装电梯竣工验收率", "=", 100.0, "%"),
                     ("适老化改造入户评估率", "=", 100.0, "%")]


def test_a_slogan_whose_list_is_not_only_rates_gives_nothing() -> None:
    assert _subjects("做到“三个100%”，即全面排查、全面登记和全面整改") == []


def test_a_rate_item_may_join_two_places_with_he() -> None:
    found = _subjects("实现甲类场所和乙类场所检查率、隐患整改率“两个100%”")
    assert [s for s, *_ in found] == ["甲类场所和乙类场所检查率", "隐患整改率"]


def test_a_share_of_a_named_base_keeps_its_floor_and_its_base() -> None:
    found = _subjects("到2024年底，达标养老机构比例不低于全区养老机构数量的20%")
    assert found == [("达标养老机构比例（占全区养老机构数量）", ">=", 20.0, "%")]


def test_a_floor_and_a_stretch_goal_of_one_subject_are_named_apart() -> None:
    found = _subjects("到2025年，全区新增储能装机容量确保达到40MW，力争达到60MW")
    assert found == [("新增储能装机容量（确保）", "=", 40.0, "MW"),
                     ("新增储能装机容量（力争）", "=", 60.0, "MW")]


def test_tonnes_and_megawatts_are_units() -> None:
    found = _subjects("蔬菜播种面积稳定在30万亩以上，年产量稳定在60万吨以上，光伏装机达到25兆瓦")
    assert [(s, v, u) for s, _, v, u in found] == [
        ("蔬菜播种面积", 30.0, "万亩"), ("年产量", 60.0, "万吨"), ("光伏装机", 25.0, "兆瓦")]


def test_a_protected_floor_is_a_floor() -> None:
    found = _subjects("确保至2035年全区35万亩耕地、20万亩永久基本农田保护底线")
    assert [(c, v) for _, c, v, _ in found] == [(">=", 35.0), (">=", 20.0)]


def test_a_goal_list_under_the_end_of_a_five_year_plan_takes_its_year(tmp_path: Path) -> None:
    front = OPINION.replace("某区养老服务设施提升工作方案", "某区消防“十二五”规划")
    plan = _page(tmp_path, front, "一、工作目标\n\n到“十二五”期末，消防工作与经济社会同步发展。"
                 "具体是：\n\n——群众素质提高。重点人员消防培训率达到100%。\n")
    assert [(t.value, t.year) for t in plan.targets] == [(100, 2015)]


def test_the_end_of_a_five_year_plan_is_not_part_of_the_subject() -> None:
    assert _subjects("到“十五五”期末接入容量达到30万千瓦")[0][0] == "接入容量"


def test_an_opinion_runs_to_its_last_stage_heading(tmp_path: Path) -> None:
    plan = _page(tmp_path, OPINION, "一、工作目标\n\n（一）到2025年，新建养老床位500张。\n\n"
                 "（二）到2035年，全面建成体系完备的养老服务体系。\n")
    assert (plan.meta.period_start, plan.meta.period_end) == (2023, 2035)


def test_a_work_window_from_now_sets_the_end(tmp_path: Path) -> None:
    plan = _page(tmp_path, OPINION, "一、工作目标\n\n从现在起至2023年12月底，在全区开展养老机构"
                 "安全隐患排查整治。\n")
    assert (plan.meta.period_start, plan.meta.period_end) == (2023, 2023)


def test_a_rule_in_force_until_a_date_ends_then(tmp_path: Path) -> None:
    front = OPINION.replace("某区养老服务设施提升工作方案", "某区养老机构管理暂行规定")
    plan = _page(tmp_path, front, "第一条 为规范管理，制定本规定。\n\n第二条 本规定自2023年5月1日"
                 "起施行，有效期至2024年4月30日。\n")
    assert (plan.meta.period_start, plan.meta.period_end) == (2023, 2024)
