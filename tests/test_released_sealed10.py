"""Rules learnt from sealed set 10 once it was scored and released (issue 7): synthetic sentences
and documents, one rule each, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.targets_parse import parse_sentence
from planwatch.model.plan import Plan

FRONT = """---
标题: 关于印发《某市燃气安全专项整治实施方案》的通知
文号: 某安委〔2023〕9号
发布日期: 2023-08-23
---

某市燃气安全专项整治实施方案（2023—2025年）

"""


def _page(tmp_path: Path, body: str) -> Plan:
    path = tmp_path / "doc.md"
    path.write_text(FRONT + body, encoding="utf-8")
    return extract_file(path)


def _subjects(sentence: str) -> list[tuple[str, float, str]]:
    return [(c.subject, c.value, c.unit) for c in parse_sentence(sentence)[0]]


def test_a_deadline_before_the_numbers_verb_dates_it(tmp_path: Path) -> None:
    plan = _page(tmp_path, "二、主要任务\n\n37. 加快燃气配件的更新替代，2024年底前，完成本市20万户"
                 "居民用户燃气软管更换。\n")
    assert [(t.subject, t.value, t.year) for t in plan.targets] == [
        ("完成居民用户燃气软管更换", 200000, 2024)]


def test_an_item_number_opening_the_sentence_is_not_part_of_the_subject(tmp_path: Path) -> None:
    plan = _page(tmp_path, "二、主要任务\n\n37. 加快燃气配件的更新替代，2024年底前，完成本市20万户"
                 "居民用户燃气软管更换。\n\n38．推进2万户重点用户燃气报警装置的安装工作。引导居民"
                 "用户正确使用燃气器具。\n")
    assert "推进重点用户燃气报警装置的安装工作" in [t.subject for t in plan.targets]


def test_names_listed_before_deng_are_examples_of_what_is_counted() -> None:
    assert _subjects("加快推进甲港出海泵闸等全市近30座外围泵闸建设") == [
        ("外围泵闸建设", 30, "座")]


def test_flow_and_length_units() -> None:
    found = _subjects("新增城镇供水能力约100万立方米/日，开展1.2万公里镇村级河道疏浚，"
                      "完成防撞栏修复240千米，新增雨水泵排能力850立方米/秒")
    assert [(v, u) for _, v, u in found] == [(100, "万立方米/日"), (1.2, "万公里"), (240, "千米"),
                                             (850, "立方米/秒")]


def test_an_areas_share_that_meets_a_standard() -> None:
    found = _subjects("乙新城建设用地面积60%以上达到海绵城市建设目标要求")
    assert found == [("乙新城建设用地面积达到海绵城市建设目标要求的比例", 60, "%")]


def test_places_named_and_counted_before_a_share_are_its_scope() -> None:
    found = _subjects("到2025年底，本市建成区40%以上的面积达到海绵城市建设目标要求，"
                      "甲、乙、丙、丁等4个新城建设用地面积50%以上达到海绵城市建设目标要求")
    assert [(v, u) for _, v, u in found] == [(40, "%"), (50, "%")]
    assert found[1][0].startswith("甲、乙、丙、丁等4个新城")


def test_a_title_line_printed_in_book_brackets_loses_them(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("---\n标题: 《上海市某区国民经济和社会发展第十五个五年规划纲要》\n文号: -\n"
                    "发布单位: 上海市某区发展和改革委员会\n发布日期: -\n---\n\n"
                    "# 《上海市某区国民经济和社会发展第十五个五年规划纲要》\n\n“十五五”时期是关键"
                    "时期。\n\n一、发展基础\n\n全区经济平稳发展。\n", encoding="utf-8")
    assert extract_file(path).meta.title == "上海市某区国民经济和社会发展第十五个五年规划纲要"


def test_megawatts_in_a_unit_column() -> None:
    from planwatch.catalog.units import parse_unit
    from planwatch.parse.cellgrid import is_unit
    assert is_unit("兆瓦") and is_unit("吉瓦")
    assert (parse_unit("兆瓦").base, parse_unit("兆瓦").scale) == ("瓦", 1e6)


def test_public_is_not_a_total() -> None:
    """公共停车位4500个 / 错峰共享停车位: the 共 of 公共 and 共享 does not make a count a
    reference (共有N项 does)."""
    from planwatch.extract.commitment import _REFERENCE_BEFORE
    assert _REFERENCE_BEFORE.search("年内开工建设公共停车位") is None
    assert _REFERENCE_BEFORE.search("新增错峰共享停车位") is None
    assert _REFERENCE_BEFORE.search("本办法共") is not None
