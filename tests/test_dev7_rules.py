"""Rules learnt from dev set 7 (Shanghai policy pages, `tests/fixtures/devset/repo`), issue 7:
synthetic documents, one rule each (never a copy of a corpus text), with their guards."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.model.plan import Plan

FRONT = """---
标题: 关于印发《某区某某发展行动方案》的通知
文号: 某府办发〔2024〕3号
发布单位: 上海市某区人民政府办公室
发布日期: 2024-04-02
---

某区某某发展行动方案

"""


def _plan(tmp_path: Path, body: str) -> Plan:
    path = tmp_path / "doc.md"
    path.write_text(FRONT + body, encoding="utf-8")
    return extract_file(path)


def _targets(plan: Plan) -> list[tuple[str, float, int | None, str, str]]:
    return [(t.subject, t.value, t.year, t.comparator, t.kind) for t in plan.targets]


def test_a_window_opening_the_sentence_dates_it(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "一、发展目标\n\n2024-2025年，新建屋顶光伏规模超过10万千瓦。"
                 "2026-2030年，推动光伏建筑一体化示范应用，新建屋顶光伏规模超过50万千瓦。\n")
    assert _targets(plan) == [("新建屋顶光伏规模", 10, 2025, ">=", "increment"),
                              ("新建屋顶光伏规模", 50, 2030, ">=", "increment")]


def test_a_window_does_not_make_a_rule_a_commitment(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "二、支持措施\n\n2024-2025年，对年实际外资金额超过5000万美元的新项目，"
                 "区财政按其实际外资金额不低于2%的比例予以奖励。\n")
    assert plan.targets == []


def test_a_stage_heading_dates_and_commits_its_section(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "三、实施步骤\n\n（一）建设阶段（2025年年底前）\n\n"
                 "完成基础建设，累计划设服务网点不少于150个，初步形成服务能力。\n\n"
                 "（二）提升阶段（2026年年底前）\n\n累计划设服务网点不少于400个。\n")
    assert [(v, y, c) for _, v, y, c, _ in _targets(plan)] == [(150, 2025, ">="), (400, 2026, ">=")]


def test_a_floor_in_an_undated_section_stays_a_condition(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "三、实施步骤\n\n（一）建设阶段\n\n服务网点面积不少于150平方米。\n")
    assert plan.targets == []


def test_items_under_a_group_heading_take_it_as_their_section(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "二、工作任务\n\n（一）加强体系建设\n\n"
                 "1．建立工作机制。定期听取工作汇报。（责任单位：区政府办公室、区应急局）\n\n"
                 "2．完善考评办法。纳入年度考核。（责任单位：区应急局）\n\n"
                 "（二）夯实公共基础\n\n"
                 "1．推进站点建设。鼓励企业设置站点。（责任单位：区应急局、各街镇，配合单位：区财政局）\n")
    assert [(t.section, t.number, t.lead, t.support, t.shared_responsibility)
            for t in plan.tasks] == [
        ("加强体系建设", 1, ["区政府办公室", "区应急局"], [], True),
        ("加强体系建设", 2, ["区应急局"], [], False),
        ("夯实公共基础", 1, ["区应急局", "各街镇"], ["区财政局"], True)]


def test_measures_numbered_by_group_keep_the_chapter(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "二、主要任务\n\n"
                 "（一）建立保护清单。定期更新。（区农业农村委牵头，各街镇配合实施）\n\n"
                 "（二）提升耕地质量。推行轮作休耕。（区农业农村委）\n")
    assert [(t.section, t.number, t.support) for t in plan.tasks] == [
        ("主要任务", 1, ["各街镇"]), ("主要任务", 2, [])]


def _meta_of(tmp_path: Path, text: str) -> tuple[str | None, str | None, str | None, str | None]:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    meta = extract_file(path).meta
    return meta.title, meta.doc_type, meta.issued, meta.region


def _front(title: str, issuer: str, posted: str) -> str:
    return (f"---\n标题: {title}\n文号: -\n发布单位: {issuer}\n发布日期: {posted}\n"
            f"层级: 区级\n---\n\n# {title}\n\n各有关单位：\n\n")


def test_a_forwarded_document_is_titled_by_its_own_name(tmp_path: Path) -> None:
    title = ("上海市静安区人民政府办公室关于转发区消防支队"
             "《静安区消防工作三年行动计划（2019—2021）》的通知")
    meta = _meta_of(tmp_path, _front(title, "上海市静安区人民政府办公室", "2019-08-21")
                    + "现转发给你们，请认真按照执行。\n\n静安区消防工作三年行动计划\n\n"
                    "一、工作任务\n")
    # the body prints no date: the page's posting date stands in
    assert meta == ("静安区消防工作三年行动计划（2019—2021）", "implementation_opinion",
                    "2019-08-21", "静安区")


def test_a_notice_issuing_several_plans_is_titled_by_the_first(tmp_path: Path) -> None:
    title = "关于印发《某区耕地土壤环境保护工作方案》等三个方案的通知"
    meta = _meta_of(tmp_path, _front(title, "上海市奉贤区人民政府办公室", "2020-05-06")
                    + "现将三个方案印发给你们。\n\n上海市奉贤区人民政府办公室\n\n2020年4月30日\n")
    assert meta[:3] == ("某区耕地土壤环境保护工作方案", "implementation_opinion", "2020-04-30")


def test_the_issuing_body_of_the_front_matter_gives_the_region(tmp_path: Path) -> None:
    title = "关于印发《关于促进新建建筑光伏发展的若干意见》的通知"
    meta = _meta_of(tmp_path, _front(title, "上海市发展和改革委员会", "2023-11-29")
                    + "现将意见印发给你们。\n\n一、总体要求\n")
    assert meta[3] == "上海市"


def _parsed(sentence: str) -> list[tuple[str, float, str, str]]:
    from planwatch.extract.targets_parse import parse_sentence

    return [(c.subject, c.value, c.unit, c.comparator)
            for c in parse_sentence(sentence, framed=True)[0]]


def test_more_units_and_building_verbs() -> None:
    assert _parsed("到2021年，补建市政消火栓169具，新增滨水空间320公顷。") == [
        ("补建市政消火栓", 169, "具", "="), ("新增滨水空间", 320, "公顷", "=")]


def test_a_count_of_places_is_where_the_count_is_made() -> None:
    found = _parsed("到2021年，增建6个街镇（甲街道、乙街道）天然水源消防取水设施24处。")
    assert [(v, u) for _, v, u, _ in found] == [(24, "处")]
    # places counted as the goal itself stay a target
    assert [v for _, v, _, _ in _parsed("到2025年，创建示范街镇6个，建成服务站24处。")] == [6, 24]


def test_not_to_exceed_is_a_ceiling() -> None:
    assert _parsed("到2030年，建设用地总规模不突破3200平方公里。") == [
        ("建设用地总规模", 3200, "平方公里", "<=")]


def test_steps_of_a_schedule_are_dated_by_their_deadline(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "四、计划安排\n\n（二）实施阶段\n\n"
                 "1.2025年6月底前，实施重点区域绿化应用，新增观赏点位30个、特色道路10条。\n\n"
                 "2.2025年7月至2025年12月，实施社会绿地应用，新增观赏点位30个，总计达60个。\n\n"
                 "3.2026年11月底前，全面实施绿化应用，新增观赏点位40个，总计达100个。\n")
    assert [(s, v, y, k) for s, v, y, _, k in _targets(plan)] == [
        ("新增观赏点位", 30, 2025, "increment"), ("新增特色道路", 10, 2025, "increment"),
        ("观赏点位总计", 60, 2025, "level"),  # its 30 is the same as step 1's
        ("新增观赏点位", 40, 2026, "increment"), ("观赏点位总计", 100, 2026, "level")]


def test_the_nth_year_of_a_three_year_plan(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    head = FRONT.replace("某区某某发展行动方案\n", "某区违法用地整治三年行动方案（2024-2026）\n")
    path.write_text(head + "二、整治要求\n\n到2026年，完成2300亩存量违法用地整治。原则上第一年全区"
                    "应完成的任务量不少于700亩；第二年全区应完成的任务量不少于900亩。\n",
                    encoding="utf-8")
    found = _targets(extract_file(path))
    assert [(v, y, k) for _, v, y, _, k in found] == [
        (2300, 2026, "increment"), (700, 2024, "increment"), (900, 2025, "increment")]


def test_a_goal_for_the_current_five_year_plan_is_not_a_past_result(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "一、主要任务\n\n1．完善站点布局。“十四五”期间，全市消防救援站数量"
                 "增长18%以上，提高响应效率。\n")
    assert [(v, k) for _, v, _, _, k in _targets(plan)] == [(18, "growth_rate")]


def test_a_goal_spelled_out_with_is_zhi_is_still_a_goal(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "二、工作目标\n\n至2026年底，完成“20+30”的任务。其中，“20”是指新建"
                 "特色园20座，“30”是指新增特色道路30条。\n")
    assert [v for _, v, _, _, _ in _targets(plan)] == [20, 30]


def test_a_bare_note_naming_state_firms(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "二、主要任务\n\n（一）推动收购升级\n\n"
                 "4.开展资源收购。鼓励区属国企对低效用地进行整体收购。（各街镇、区属国企）\n\n"
                 "5.发挥国企领军作用。积极参与存量土地开发建设。（区属国企）\n")
    assert [(t.number, t.lead) for t in plan.tasks] == [(4, ["各街镇", "区属国企"]),
                                                       (5, ["区属国企"])]


def test_an_annex_task_table_takes_its_caption_as_section(tmp_path: Path) -> None:
    cells = ["序号", "任务类型", "重点内容", "责任单位",
             "1", "海绵城市建设管理", "统筹推进海绵城市建设。", "区建设管理委、区水务局",
             "2", "海绵城市系统方案", "编制系统方案。", "区建设管理委",
             "序号", "任务类型", "重点内容", "责任单位",  # the header again after a page break
             "3", "海绵型公园", "推进海绵型公园建设。", "区绿化市容局"]
    # the caption run into the paragraph before it, as some page conversions print it
    plan = _plan(tmp_path, "三、保障措施\n\n（一）加强组织领导。强化统筹协调。"
                 "（责任单位：区建设管理委）附件：某区推进海绵城市建设重点任务分解表\n\n"
                 + "\n\n".join(cells) + "\n")
    assert [(t.section, t.number, t.title) for t in plan.tasks if t.section != "保障措施"] == [
        ("某区推进海绵城市建设重点任务分解表", 1, "海绵城市建设管理"),
        ("某区推进海绵城市建设重点任务分解表", 2, "海绵城市系统方案"),
        ("某区推进海绵城市建设重点任务分解表", 3, "海绵型公园")]


def test_the_work_a_task_table_states_is_read_for_targets(tmp_path: Path) -> None:
    cells = ["序号", "任务类型", "重点内容", "责任单位",
             "1", "海绵型公园", "打造一批海绵型公园，建设目标包括：（1）公园绿地建设项目面积"
             "达50公顷；（2）街心花园建设改造项目10个。", "区绿化市容局",
             "2", "城镇雨水排水系统", "持续开展雨污混接排摸改造。到2025年底，城镇污水处理率"
             "达到99%。", "区水务局"]
    plan = _plan(tmp_path, "附件：某区海绵城市建设重点任务分解表\n\n" + "\n\n".join(cells) + "\n")
    assert [(t.subject, t.value, t.unit) for t in plan.targets] == [
        ("公园绿地建设项目面积", 50, "公顷"), ("街心花园建设改造项目", 10, "个"),
        ("城镇污水处理率", 99, "%")]
    assert [t.year for t in plan.targets][-1] == 2025
    assert len(plan.tasks) == 2


def test_a_return_period_and_what_meets_a_requirement() -> None:
    assert _parsed("至2035年，全区排水系统基本达到3-5年一遇排水能力。") == [
        ("排水系统", 3, "年一遇", "=")]
    from planwatch.extract.targets_parse import parse_sentence

    cand = parse_sentence("到2025年底，50平方公里以上建设用地面积达到海绵城市建设目标要求。",
                          framed=True)[0][0]
    assert (cand.value, cand.comparator, cand.kind) == (50, ">=", "level")
