"""Rules learnt from sealed sets 2 and 3 once released (issue 7): synthetic sentences and
documents, one rule each (never a copy of a corpus text), with the guards they need."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.indicators import extract_indicator_tables
from planwatch.extract.targets_parse import parse_sentence
from planwatch.parse import read_document


def _cands(sentence: str) -> list[tuple[object, ...]]:
    cands, _ = parse_sentence(sentence)
    return [(c.subject, c.value, c.value_max, c.unit, c.comparator) for c in cands]


def _targets(tmp_path: Path, text: str) -> list[tuple[object, ...]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    plan = extract_file(path)
    return [(t.subject, t.value, t.unit, t.year, t.period) for t in plan.targets]


ONE_YEAR = """某省关于稳住经济运行的若干措施
某府〔2022〕9号
某省人民政府
2022年5月20日
一、加快交通建设
1.继续加快农村公路提档升级，全年新改建农村公路3000公里、改造危桥200座，实施安全生命防护工程。
2.加快充电设施建设，今年新增建成公共充电桩超过1万个，基本实现高速公路服务区全覆盖。
3.推广知识产权混合质押和集成电路布图设计、数据知识产权等新领域质押融资，年内融资300亿元以上，降低企业融资成本。
"""


def test_a_one_year_document_dates_its_goals_to_its_year(tmp_path: Path) -> None:
    """A document whose period is its issue year: 今年/年内 goals and the undated ones alike
    are that year's."""
    rows = _targets(tmp_path, ONE_YEAR)
    assert ("今年新增建成公共充电桩", 10000, "个", 2022, "by_year") not in rows
    assert {r[0]: r[3:] for r in rows} == {
        "新改建农村公路": (2022, "by_year"), "改造危桥": (2022, "by_year"),
        "新增建成公共充电桩": (2022, "by_year"), "融资": (2022, "by_year")}


def test_this_year_in_a_longer_document_is_the_issue_year(tmp_path: Path) -> None:
    text = ("某市关于加快科技创新的实施意见\n某市人民政府\n2023年3月1日\n"
            "到2025年，全市高新技术企业达到2000家。今年新增科技型中小企业500家。\n")
    years = {r[0]: r[3] for r in _targets(tmp_path, text)}
    assert years == {"高新技术企业": 2025, "新增科技型中小企业": 2023}


def test_today_looking_back_is_no_goal_year(tmp_path: Path) -> None:
    """今年以来 reports what happened: it dates nothing to come."""
    text = ("某市关于加快科技创新的实施意见\n某市人民政府\n2023年3月1日\n"
            "今年以来新增科技型中小企业300家。到2025年，全市高新技术企业达到2000家。\n")
    assert all(r[0] != "新增科技型中小企业" or r[3] != 2023 for r in _targets(tmp_path, text))


def test_a_verb_or_preposition_and_its_object() -> None:
    assert _cands("构建不少于30位专家的学术传承平台。")[0][:2] == ("构建学术传承平台", 30)
    assert _cands("对1500余种地方文献，进行系统整理。") == [("地方文献", 1500, None, "种", ">=")]


def test_a_subject_with_its_own_noun_keeps_it() -> None:
    assert _cands("人口达到100万人。") == [("人口", 1000000, None, "人", "=")]


def test_a_capital_injection_is_a_commitment() -> None:
    assert _cands("完善信贷担保体系，增资省担保机构3亿元，放大支农效应。") == [
        ("增资省担保机构", 3, None, "亿元", "=")]


def test_ten_thousand_kilowatts_and_tonnes_stay_as_printed() -> None:
    assert _cands("今年新增电源装机1500万千瓦。")[0][1:4] == (1500, None, "万千瓦")
    assert _cands("万元工业增加值能耗降至0.2吨标准煤。") == [
        ("万元工业增加值能耗", 0.2, None, "吨标准煤", "=")]


def test_a_time_cut_down_to_is_a_goal_a_time_limit_is_not() -> None:
    assert _cands("将企业开办时间压缩至3个工作日以内。") == [
        ("企业开办时间", 3, None, "个工作日", "<=")]  # (将 only puts the object first)
    assert _cands("申请人应在20个工作日内提交材料。") == []


def test_a_class_threshold_does_not_stop_the_verb_running_on() -> None:
    rows = _cands("培育营收超百亿的企业2家，超五十亿元的企业10家，做大产业规模。")
    assert [r[:2] for r in rows] == [("培育营收超百亿的企业", 2), ("培育超五十亿元的企业", 10)]


def test_a_large_count_of_indicators_is_no_document_count(tmp_path: Path) -> None:
    """形成10个指标 counts the document's own indicators; 增加1万个购车指标 is a quota to add."""
    text = ("某省关于促进消费的若干措施\n某省人民政府\n2022年5月20日\n"
            "在原有基础上，甲市增加2万个购车指标、乙市增加5000个购车指标。\n")
    assert sorted(r[1] for r in _targets(tmp_path, text)) == [5000, 20000]


def test_a_place_name_before_each_period_header(tmp_path: Path) -> None:
    """A header one cell per paragraph where a place name opens both value columns
    (``某区`` ‖ ``“十四五”`` ‖ ``现状`` ‖ ``某区`` ‖ ``“十五五”`` ‖ ``指标``), and a row without
    a unit."""
    cells = ["序号", "指标名称", "单位", "属性", "某区", "“十四五”", "现状", "某区", "“十五五”",
             "指标", "1", "人均绿地面积", "平方米", "约束性", "7.1", "8.0",
             "2", "绿道长度", "公里", "预期性", "120", "150",
             "3", "生物多样性指数", "预期性", "－", "0.5",
             "4", "垃圾回收利用率", "%", "约束性", "45", "50"]
    path = tmp_path / "plan.md"
    head = "# 某区“十五五”绿化规划\n\n某区“十五五”主要指标\n\n"
    path.write_text(head + "\n\n".join(cells) + "\n", encoding="utf-8")
    rows = extract_indicator_tables(read_document(path)).indicators
    assert [(r.name, r.unit, r.baseline, r.target) for r in rows] == [
        ("人均绿地面积", "平方米", 7.1, 8.0), ("绿道长度", "公里", 120, 150),
        ("生物多样性指数", None, None, 0.5), ("垃圾回收利用率", "%", 45, 50)]


def test_a_government_suffix_printed_once_for_a_list_of_cities() -> None:
    """'甲、乙、丙市政府' names three city governments; bare words that are no place stay out."""
    from planwatch.extract.departments import parse_note
    note = parse_note("广州、深圳、珠海市政府，省市场监管局等有关部门按职责分工负责")
    assert note.lead == ["广州", "深圳", "珠海市政府", "省市场监管局"]
    other = parse_note("科技、财政市政府，省科技厅等按职责分工负责")
    assert other.lead == ["财政市政府", "省科技厅"]


def test_a_bracketed_span_in_an_explained_title_is_the_period(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("政策解读：《某省培育新材料产业集群行动计划（2021-2025）》政策解读\n"
                    "一、编制背景\n为加快培育新材料产业集群，制定本行动计划。\n", encoding="utf-8")
    meta = extract_file(path).meta
    assert (meta.period_start, meta.period_end) == (2021, 2025)


def test_a_noun_that_runs_on_past_a_comma() -> None:
    """50个安全性好的，疗效确切的品种: the 的 before the comma leaves the noun open."""
    assert _cands("系统开展30个安全性好的，疗效确切的药品品种的二次开发。")[0][0] == \
        "开展安全性好的，疗效确切的药品品种的二次开发"
    assert _cands("建成30个产业园区，带动就业。")[0][0] == "建成产业园区"


def test_a_number_naming_the_cases_a_rule_applies_to_is_a_condition(tmp_path: Path) -> None:
    """超过10%的，按照…: what follows applies to the cases above the number; no commitment."""
    text = ("某部关于优化科研经费管理的通知\n"
            "会议费、差旅费预算超过10%的，按照会议、差旅分类提供必要的测算依据，无需单独说明。"
            "到2025年，项目承担单位达到300家，评审专家库达到5000人以上。\n")
    assert [r[1] for r in _targets(tmp_path, text)] == [300, 5000]


def test_a_clause_opening_with_a_later_year_dates_its_goal(tmp_path: Path) -> None:
    """2025年我省…达到约3000亿元 in a document of 2023: the goal is 2025's; a year of the
    document's own or earlier is not read so (what stood then)."""
    text = ("某省仪器设备产业集群行动计划解读\n某省工业和信息化厅\n2023年3月1日\n一、主要目标\n"
            "2025年我省仪器设备产业规模达到约3000亿元，培育一批骨干企业，形成具有国际竞争力的"
            "产业集群。\n")
    assert _targets(tmp_path, text) == [("仪器设备产业规模", 3000, "亿元", 2025, "by_year")]


def test_a_dated_clause_commits_a_floor(tmp_path: Path) -> None:
    """2023年支持…不低于1000亿美元 in a 2023 set of measures: a goal, not a rule's floor."""
    text = ("2023年某省推动经济运行整体好转若干措施\n某省人民政府\n2023年1月20日\n"
            "（三十五）优化出口信用保险服务和保单融资业务，2023年支持承保规模不低于1000亿美元。"
            "支持有意愿、经备案的保险公司依法开展短期出口保险业务。\n")
    assert [r[1:4] for r in _targets(tmp_path, text)] == [(1000, "亿美元", 2023)]


def test_who_is_supported_to_do_what_stays_in_the_subject() -> None:
    """支持企业培训万名新工匠: the support is for firms' training, not for the craftsmen."""
    assert _cands("支持企业培训万名制造业新工匠。")[0][:2] == ("支持企业培训制造业新工匠", 10000)
    assert _cands("支持企业建设50个研发中心。")[0][:2] == ("支持企业建设研发中心", 50)
    assert _cands("培育引进100名高层次人才。")[0][:2] == ("培育引进高层次人才", 100)
    assert _cands("支持各地集中资源建强1-2个新闻客户端。")[0][:3] == (
        "支持各地集中资源建强新闻客户端", 1, 2)


def test_a_share_of_the_whole_province_keeps_the_section_zone(tmp_path: Path) -> None:
    """占全省比例 compares with the province; the row is still about the section's zone."""
    text = ("某省关于促进高新区高质量发展的意见\n某省人民政府\n2019年5月1日\n"
            "一、全面提升高新区创新引领作用\n"
            "到2022年，营业收入超6万亿元，高新技术企业数量占全省比例超50%，全省研发投入超过"
            "3000亿元，推动高新区成为创新高地。\n")
    subjects = [r[0] for r in _targets(tmp_path, text)]
    assert subjects == ["营业收入（高新区）", "高新技术企业数量占全省比例（高新区）", "研发投入"]


def test_kinds_of_breakthroughs_outputs_and_ratios_per_head() -> None:
    """突破 runs on to the next item; outputs formed are a flow; a ratio per head is a level."""
    rows = _cands("突破1-3项原始创新技术，10-20项前沿关键技术，形成核心专利300项以上。")
    assert [r[0] for r in rows] == ["突破原始创新技术", "突破前沿关键技术", "形成核心专利"]
    cands, _ = parse_sentence("突破1-3项原始创新技术，10-20项前沿关键技术，形成核心专利300项以上。")
    assert [c.kind for c in cands] == ["increment", "increment", "increment"]
    per_head, _ = parse_sentence("万人新增发明专利授权数超90件。")
    assert [c.kind for c in per_head] == ["level"]
    stock, _ = parse_sentence("建成科技企业孵化器超600家。")
    assert [c.kind for c in stock] == ["level"]


def test_a_share_after_a_flow_is_a_level() -> None:
    """The verb carried from 新增建成 does not make a coverage share a flow."""
    cands, _ = parse_sentence("今年新增建成公共充电桩超过2万个，基本实现服务区充电设施100%全覆盖。")
    assert [(c.unit, c.kind) for c in cands] == [("个", "increment"), ("%", "level")]


def test_the_title_line_of_an_explanation_page() -> None:
    """The page's own title without the site's column label: a 文号 in brackets and
    解读材料 stay; an unquoted explained 实施方案 types the page."""
    from planwatch.extract.meta import find_title, interpreted_type
    assert find_title(["权威解读：《关于促进某区高质量发展的意见》解读材料", "一、背景"]) == \
        "《关于促进某区高质量发展的意见》解读材料"
    own = "《某厅关于加强专业镇工作的指导意见》（某科字〔2016〕54号）政策解读"
    assert find_title(["政策解读：" + own, "一、背景"]) == own
    assert interpreted_type(["政策解读：某示范区建设实施方案（2016-2020年）解读"]) == \
        (True, "implementation_opinion")
    assert interpreted_type(["政策解读：关于做好某项工作的几点解读"]) == (True, None)


def test_what_the_year_brings_before_a_task_is_no_goal(tmp_path: Path) -> None:
    """今年高校毕业生达874万人，要促进…: the given the task answers; 今年新增…以上 stays a goal."""
    text = ("某省政府工作报告\n某省人民政府\n2020年5月22日\n"
            "今年高校毕业生达874万人，要促进市场化社会化就业，高校和属地政府都要提供就业服务。"
            "今年新增城镇就业900万人以上，要稳住就业基本盘。\n")
    assert [r[1] for r in _targets(tmp_path, text)] == [9000000]
