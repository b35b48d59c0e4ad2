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


def _meta(tmp_path: Path, title: str, body: str) -> tuple[str | None, int | None, int | None]:
    path = tmp_path / "doc.md"
    path.write_text(f"---\n标题: {title}\n文号: 某府办发〔2020〕9号\n发布单位: 某区人民政府办公室\n"
                    f"发布日期: 2020-12-31\n---\n\n# {title}\n\n{body}", encoding="utf-8")
    meta = extract_file(path).meta
    return meta.title, meta.period_start, meta.period_end


def test_an_opinion_runs_from_its_issue_not_from_the_day_it_takes_force(tmp_path: Path) -> None:
    title = "关于加强耕地保护的若干意见"
    body = ("一、工作目标\n\n到2035年，全区耕地保有量不低于20万亩。\n\n"
            "本意见自2021年2月1日起施行。\n\n某区人民政府办公室\n\n2020年12月31日\n")
    assert _meta(tmp_path, title, body)[1:] == (2020, 2035)


def test_paragraphs_opening_with_their_years_are_stages(tmp_path: Path) -> None:
    """No goal states a number: the stages set the period (with numbered goals, the last goal
    year does, and a vision year after it does not: tests/test_meta.py)."""
    title = "某区农村公路管理养护体制改革实施方案"
    body = ("三、工作目标\n\n到2022年，基本建立权责明晰的管理养护体制。\n\n"
            "到2035年，全面建成体系完备、运转高效的管理养护体制机制。\n\n某区人民政府办公室\n\n"
            "2020年12月31日\n")
    assert _meta(tmp_path, title, body)[1:] == (2020, 2035)


def test_a_notice_of_several_documents_is_titled_by_the_one_it_carries(tmp_path: Path) -> None:
    title = ("关于印发《某市土方空间图则指引》《某市土方空间规划指引》"
             "《关于加强土方综合利用的指导意见》的通知")
    body = ("各区：\n\n现将三个文件印发给你们。\n\n关于加强土方综合利用的指导意见\n\n"
            "一、总体要求\n\n坚持节约集约。\n")
    assert _meta(tmp_path, title, body)[0] == "关于加强土方综合利用的指导意见"


def test_verbs_left_on_names_inside_a_note_are_not_part_of_them() -> None:
    from planwatch.extract.departments import parse_note

    shared = parse_note("甲局、乙委、丙局按职责分工负责落实、各区政府组织落实")
    assert (shared.lead, shared.support, shared.shared) == (
        ["甲局", "乙委", "丙局"], ["各区政府"], True)
    each = parse_note("各部门按职责分工牵头负责、各区政府组织落实")
    assert (each.lead, each.support) == (["各部门"], ["各区政府"])
    listed = parse_note("市住建委牵头负责，市发展改革委、市国资委负责、市市场监管局、"
                        "各区政府组织落实")
    assert listed.support == ["市发展改革委", "市国资委", "市市场监管局", "各区政府"]
    assert parse_note("市住建委牵头负责，市民政局按职责组织配合").support == ["市民政局"]
    assert parse_note("市住建委牵头负责，市司法局、市民政局按职责组织落实").support == [
        "市司法局", "市民政局"]


def test_a_floor_on_an_area_of_work_is_a_commitment(tmp_path: Path) -> None:
    plan = _page(tmp_path, "二、主要任务\n\n（三）提升慢行交通品质。开展人行道品质提升工作，"
                 "人行道整治面积不低于300万平方米。\n")
    assert [(t.subject, t.value, t.unit, t.comparator) for t in plan.targets] == [
        ("人行道整治面积", 300, "万平方米", ">=")]


def test_a_floor_on_an_area_a_rule_requires_is_not() -> None:
    from planwatch.extract.commitment import Statement, classify

    sentence = "申报单位办公面积不低于500平方米。"
    at = sentence.index("500")
    verdict = classify(Statement(sentence, at, at + 6, "平方米", ">="))
    assert verdict.label == "condition"


def test_counts_of_plots_of_one_place_and_of_hundred_million_square_metres() -> None:
    assert _subjects("各镇挑选不少于1宗整治难度较大的地块。")[0][1:] == (1, "宗")
    assert _subjects("各区设置不少于一处土方暂存中转空间。")[0][1:] == (1, "处")
    assert _subjects("纳入市级平台监测的公共建筑面积达到1亿平方米以上。") == [
        ("纳入市级平台监测的公共建筑面积", 1, "亿平方米")]
    assert _subjects("建立一个工作专班，形成一套机制。") == []


def test_vehicles_renewed_and_put_into_service_are_counted() -> None:
    assert _subjects("更新投运无障碍低地板公交车1200辆，保障特殊人群乘坐体验。") == [
        ("更新投运无障碍低地板公交车", 1200, "辆")]


def test_a_clause_of_only_verbs_takes_what_the_clause_before_names() -> None:
    assert _subjects("既有运营车站出入口增加电扶梯，三年累计新增19台，提升出行品质。") == [
        ("既有运营车站出入口增加电扶梯", 19, "台")]


def test_what_each_household_and_village_must_be_equipped_with_is_a_standard(
        tmp_path: Path) -> None:
    plan = _page(tmp_path, "二、主要任务\n\n（一）推进农村生活垃圾分类。要求每户配置1组"
                 "干湿垃圾投放桶，每村配置1辆专用收集车，并设置干湿垃圾储存点1处。\n")
    assert plan.targets == []


def test_each_spreads_a_count_it_does_not_mete_out_a_grant(tmp_path: Path) -> None:
    plan = _page(tmp_path, "二、主要任务\n\n（三）加强基层消防力量。编制建设任务目标，"
                 "确保每个街道至少建成1个专职消防队。\n\n（四）强化资金保障。"
                 "每个项目补助不超过200万元。\n")
    assert [(t.value, t.unit, t.comparator) for t in plan.targets] == [(1, "个", ">=")]


def test_a_floor_on_what_is_chosen_or_set_up_is_a_commitment(tmp_path: Path) -> None:
    plan = _page(tmp_path, "二、主要任务\n\n（一）推进违法用地整治。各镇应从整治计划中挑选"
                 "不少于1宗整治难度较大的地块。\n\n（二）完善土方管理。各区设置不少于一处"
                 "土方暂存中转空间。\n")
    assert [(t.value, t.unit) for t in plan.targets] == [(1, "宗"), (1, "处")]


def test_one_person_for_every_stretch_of_road_is_a_staffing_ratio(tmp_path: Path) -> None:
    plan = _page(tmp_path, "二、主要任务\n\n（一）强化农村公路管理。每25—30公里乡道配备"
                 "不少于一名农村公路专管员，做到管理养护全覆盖。\n")
    assert plan.targets == []
