"""Shapes met in sealed set 22 and released set 20 (issue 7), each written for the test, never a
copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.departments import split_departments
from planwatch.extract.files import extract_file
from planwatch.model.plan import Plan


def _plan(tmp_path: Path, text: str, name: str = "doc.txt") -> Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def _targets(plan: Plan) -> list[tuple[str, float, str | None, str]]:
    return [(t.subject, t.value, t.unit, t.comparator) for t in plan.targets]


def test_income_without_yuan_is_in_wan_yuan(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某市支持创业发展行动方案\n一、发展目标\n"
                           "到2026年底，园区总营业收入超800万，出口额突破3亿。用户规模超500万。\n")
    got = _targets(plan)
    assert ("园区总营业收入", 800.0, "万元", ">=") in got
    assert ("出口额", 3.0, "亿元", ">=") in got
    assert not any(t[0].startswith("用户规模") for t in got)  # a vague word: unit unknown


def test_a_time_cut_down_to_is_a_goal_within_it(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某市优化服务行动方案\n二、重点任务\n"
                           "1.简化流程。设立服务专区，审批时限压缩至2个工作日内；推行一窗办理。\n"
                           "2.提速审评。注册审评时限由90个工作日压缩至50个工作日。\n")
    got = _targets(plan)
    assert ("审批时限", 2.0, "个工作日", "<=") in got
    assert next(t for t in plan.targets if t.subject == "注册审评时限").value == 50.0


def test_floor_words_after_an_act_of_opening_are_work_to_do(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某区支持创新发展若干措施\n一、场景开放。\n"
                           "梳理场景清单，挖掘并释放不少于60个典型应用场景，赋能创业者。\n")
    assert ("挖掘并释放典型应用场景", 60.0, "个", ">=") in _targets(plan)


def test_an_article_heading_stands_apart_and_its_noted_items_are_its_tasks(
        tmp_path: Path) -> None:
    plan = _plan(tmp_path, (
        "<article><h1>某区支持创业发展若干措施（试行）</h1>"
        "<p>第一条 办公空间支持</p>"
        "<p>为经认定的创业主体提供专属空间，配套一站式服务。<span>（责任单位：区科技局、各社区）</span></p>"
        "<p>第二条 算力、数据和模型支持</p>"
        "<p>对经认定的主体，按实际成本的一定比例给予支持。<span>（责任单位：区科技局）</span></p>"
        "<p>第三条 人才支持</p>"
        "<p>（一）青年人才专项。对新引进青年人才给予入户补贴。<span>（责任单位：区人力资源局）</span></p>"
        "<p>（二）菁英奖励。对人才团队赋予举荐权。<span>（责任单位：区人才工作局、区投资促进局）</span></p>"
        "<p>第四条 出海支持</p>"
        "<p>提供一站式出海服务。<span>（责任单位：区企业服务中心）</span></p>"
        "</article>"), "page.html")
    got = [(t.number, t.section, t.title, t.lead) for t in plan.tasks]
    assert got == [
        (1, None, "办公空间支持", ["区科技局", "各社区"]),
        (2, None, "算力、数据和模型支持", ["区科技局"]),
        (1, "人才支持", "青年人才专项", ["区人力资源局"]),
        (2, "人才支持", "菁英奖励", ["区人才工作局", "区投资促进局"]),
        (4, None, "出海支持", ["区企业服务中心"]),
    ]


def test_an_articles_bracket_of_names_is_no_note(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某省关于加强专业镇建设的指导意见\n第三章 申报与认定\n"
                           "第十四条 专业镇申报主体为镇人民政府（街道办事处）。\n"
                           "第十五条 申请认定需要满足以下条件。\n")
    assert plan.tasks == []


def test_a_unit_named_for_city_operations_is_one_unit() -> None:
    assert split_departments("市发展改革委、市市场监管局、市城市运行和政务服务办") == [
        "市发展改革委", "市市场监管局", "市城市运行和政务服务办"]


def test_an_attribute_on_its_own_belongs_to_what_was_just_counted(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某市创新创业工作方案\n一、总体目标\n"
                           "力争用1年时间建设6个创新创业集聚区，总面积1.2万平方米，实现精准培育。\n")
    got = {t.subject: (t.value, t.unit, t.kind) for t in plan.targets}
    assert got["创新创业集聚区总面积"] == (1.2, "万平方米", "level")


def test_a_verb_with_its_complement_leads_the_noun_after_the_count(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某市支持创业发展行动方案\n一、目标\n力争实现以下目标：\n"
                           "3.培育五十家领军企业：孵化出50家以上具有高成长性、"
                           "在细分领域居于前列的创业企业。\n")
    assert _targets(plan) == [
        ("孵化出具有高成长性、在细分领域居于前列的创业企业", 50.0, "家", ">=")]


def test_computing_power_counts_in_p_and_storage_in_pb(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某省算力发展行动方案\n二、任务\n1.构建算力体系。"
                           "到2027年调度算力规模超3000P，数据存储容量达到200PB。\n")
    got = {t.subject: (t.value, t.unit) for t in plan.targets}
    assert got["调度算力规模"] == (3000.0, "P")
    assert got["数据存储容量"] == (200.0, "PB")


NATIONAL_PLAN = """关于印发《某领域体系建设“十五五”规划》的通知(发改能源〔2026〕123号)
[第 1 页]
某领域体系建设“十五五”规划
一、总体要求
主要目标是：2030 年初步建成新型体系。综合生产能力达到 12 亿吨标准煤，风电和太阳能发电装机比重超过
[第 2 页]
50%、成为电力装机主体。
二、主要任务
全面推广智能有序充电，扩大车网互动规模化应用范围，2030年车网互动聚合可调充电规模达到3000万千瓦左右。
"""


def test_a_central_notice_number_after_the_title_and_page_marks_inside_a_sentence(
        tmp_path: Path) -> None:
    plan = _plan(tmp_path, NATIONAL_PLAN)
    meta = plan.meta
    assert (meta.title, meta.region, meta.region_level, meta.doc_number) == (
        "某领域体系建设“十五五”规划", "全国", "national", "发改能源〔2026〕123号")
    got = {t.subject: (t.value, t.unit, t.comparator) for t in plan.targets}
    assert got["综合生产能力"] == (12.0, "亿吨标准煤", "=")
    assert got["风电和太阳能发电装机比重"] == (50.0, "%", ">=")  # across the page mark
    # a year of the plan opening the clause dates the level it reaches; 可调 is no 'may'
    assert got["车网互动聚合可调充电规模"] == (3000.0, "万千瓦", "~")


def test_a_year_opening_the_goals_dates_them_even_against_the_last_plan(tmp_path: Path) -> None:
    plan = _plan(tmp_path, (
        "国家能源局关于印发《某区域煤层气增储上产行动方案（2026—2030年）》的通知\n一、总体要求\n"
        "主要目标是：2030 年基本建成供应体系。区域产量达到 90 亿立方米。\n"
        "2030年，区域探明地质储量较“十四五”末增加3000亿立方米以上，深层产量80亿立方米以上。\n"
        "二、主要任务\n完善产能储备政策，2030 年形成 2 亿吨/年以上的产能储备。\n"
        "推动60万千瓦以上现役机组节能改造，改造后机组供电煤耗降低3克标准煤/千瓦时以上。\n"))
    got = {t.subject: (t.value, t.unit, t.year) for t in plan.targets}
    assert got["区域产量"] == (90.0, "亿立方米", 2030)
    assert got["区域探明地质储量较“十四五”末增加"] == (3000.0, "亿立方米", 2030)
    assert got["深层产量"] == (80.0, "亿立方米", 2030)
    assert got["形成产能储备"] == (2.0, "亿吨/年", 2030)
    assert got["改造后机组供电煤耗降低"][:2] == (3.0, "克标准煤/千瓦时")
    assert not any(t.unit == "万千瓦" for t in plan.targets)  # 60万千瓦以上机组: which ones


def test_a_year_opening_a_past_paragraph_of_an_undated_text_stays_past(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某省关于加快科技创新的若干政策意见政策解读\n一、背景\n"
                           "2008年，全省孵化器在孵企业达到2万家，累计毕业企业1万家。\n")
    assert all(t.year != 2008 for t in plan.targets)  # no year of its own: not dated by it


def test_a_size_each_counted_thing_must_have_is_part_of_what_is_counted(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某市人工智能创业行动方案\n一、目标\n到2027年底，建成超8家面积均不少于"
                           "2万平方米、集聚效应明显、全国领先的创业社区，培育超千家创业企业。\n")
    assert _targets(plan) == [("建成创业社区", 8.0, "家", ">="),
                              ("培育创业企业", 1000.0, "家", ">=")]


def test_notes_after_each_sentence_of_a_measure_in_the_order_printed(tmp_path: Path) -> None:
    plan = _plan(tmp_path, (
        "某省推动产业发展的实施方案\n二、重点任务\n"
        "1.加强人才服务。及时发布急需紧缺职业目录。（省人力资源社会保障厅牵头）支持高校与企业"
        "共建产业学院。（省教育厅、人力资源社会保障厅牵头）完善无忧安居体系。（省住房城乡建设厅牵头）\n"
        "2.提升入境旅游。推出文化体验游线路。（省文化和旅游厅、广州、深圳、珠海边检总站，"
        "各地级以上市人民政府按职责分工负责，以下均需各地级以上市人民政府落实，不再一一列出）\n"))
    got = [(t.number, t.lead, t.shared_responsibility) for t in plan.tasks]
    assert got == [
        (1, ["省人力资源社会保障厅", "省教育厅", "省住房城乡建设厅"], False),
        (2, ["省文化和旅游厅", "广州", "深圳", "珠海边检总站", "各地级以上市人民政府"], True)]


def test_a_measure_without_its_owner_is_the_owner_the_clause_before_named(
        tmp_path: Path) -> None:
    plan = _plan(tmp_path, "某能源发展“十五五”规划\n一、发展目标\n发电目标。2030 年，清洁能源发电"
                           "总装机达到 20 亿千瓦左右，年发电量达到 3 万亿千瓦时左右；风电发电总装机"
                           "达到 9 亿千瓦以上、装机占比超过 45%。\n")
    got = {t.subject: (t.value, t.unit) for t in plan.targets}
    assert got["清洁能源年发电量"] == (3.0, "万亿千瓦时")
    assert got["风电发电装机占比"] == (45.0, "%")
