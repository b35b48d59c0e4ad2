"""Shapes met in sealed set 17 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.extract.files import extract_file
from planwatch.model.plan import Meta


def test_numbers_a_pdf_set_on_lines_of_their_own_go_back_into_their_sentence() -> None:
    from planwatch.parse.text import glue_numbers

    assert [x for x in glue_numbers(
        ["某省能源局", "20", "24", "年", "3", "月", "8", "日", "到", "2027", "年，能耗比",
         "2022", "年下降", "12%", "以上，利用率达到", "55%", "。", "7"]) if x] == [
        "某省能源局", "2024年3月8日", "到", "2027年，能耗比", "2022年下降", "12%以上，利用率达到",
        "55%。", "7"]
    assert [x for x in glue_numbers(["某经信发〔", "2024", "〕", "65", "号"]) if x] == [
        "某经信发〔2024〕65号"]
    assert glue_numbers(["\t9", "\t年登记技术合同成交额（亿元）"]) == [
        "\t9", "\t年登记技术合同成交额（亿元）"]
    # a row number of a table laid out one cell per line stays apart from the row's name
    assert glue_numbers(["保障", "4", "人均住房面积"]) == ["保障", "4", "人均住房面积"]
    assert glue_numbers(["421", "", "10", "人均应急避难面积"]) == [
        "421", "", "10", "人均应急避难面积"]


def test_goals_and_dates_of_such_a_pdf_are_read(tmp_path: Path) -> None:
    text = "\n".join([
        "某省煤炭行业碳达峰实施方案", "某省能源局", "20", "24", "年", "3", "月", "8", "日",
        "一、主要目标", "到", "2027", "年，矿井吨煤能耗比", "2022", "年下降", "12%",
        "以上，瓦斯利用率力争达到", "55%", "。"])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = extract_file(path)
    assert plan.meta.issued == "2024-03-08"
    assert [(t.value, t.unit, t.year) for t in plan.targets] == [(-12, "%", 2027), (55, "%", 2027)]


def test_yinyu_counts_what_it_brings_in_and_a_named_set_of_goals_is_no_count(
        tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某市储能产业发展实施方案（2024—2027年）\n一、发展目标\n"
                    "到2027年，引育4家具有国际影响力的储能龙头企业，实现3个100%目标：配电自动化覆盖率"
                    "达到100%。\n", encoding="utf-8")
    found = [(t.subject, t.value, t.unit) for t in extract_file(path).targets]
    assert found == [("引育储能龙头企业", 4, "家"), ("配电自动化覆盖率", 100, "%")]


def _targets(tmp_path: Path, body: str) -> list[tuple[str, float, str | None, int | None, str]]:
    path = tmp_path / "plan.txt"
    path.write_text("某区推动设备更新行动方案（2024—2027年）\n二、重点任务\n" + body + "\n",
                    encoding="utf-8")
    return [(t.subject, t.value, t.unit, t.year, t.kind) for t in extract_file(path).targets]


def test_a_total_split_by_year_gives_each_year_its_part(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2027年更新老旧设备4000台，其中2024年600台、2025年 900台、"
                               "2026年1100台、2027年1400台。")
    assert [(s, v, y) for s, v, _, y, _ in found] == [
        ("更新老旧设备", 4000, 2027), ("更新老旧设备", 600, 2024), ("更新老旧设备", 900, 2025),
        ("更新老旧设备", 1100, 2026), ("更新老旧设备", 1400, 2027)]


def test_a_fall_without_a_base_year_is_a_negative_rate_but_a_yearly_fall_is_not(
        tmp_path: Path) -> None:
    found = _targets(tmp_path, "2024年，单位地区生产总值能耗和碳排放分别降低2.5%左右、3.5%左右，"
                               "供热管网热损失较2020年降低2个百分点左右，废钢利用量达到2亿吨。"
                               "到2025年，近视率每年降低0.5个百分点以上。")
    assert [(v, u, k) for _, v, u, _, k in found] == [
        (-2.5, "%", "growth_rate"), (-3.5, "%", "growth_rate"), (-2, "百分点", "growth_rate"),
        (2, "亿吨", "level"), (0.5, "百分点", "change_per_year")]


def _meta(tmp_path: Path, text: str) -> Meta:
    from planwatch.extract.meta import extract_meta_result
    from planwatch.parse.registry import read_document

    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return extract_meta_result(read_document(path)).meta


def test_the_imprint_printed_as_a_closing_table_dates_and_places_the_document(
        tmp_path: Path) -> None:
    meta = _meta(tmp_path, "推动设备更新某都行动方案\n\n为推进设备更新，提出以下方案。\n\n"
                           "一、重点任务\n\n到2027年更新设备500台。\n\n* * *\n\n"
                           "| 抄送：区委办公室，区人大常委会办公室。 |  |\n| --- | --- |\n"
                           "| 盐城市盐都区人民政府办公室 | 2024年5月28日印发 |\n")
    assert (meta.region, meta.issued, meta.period_start) == ("盐都区", "2024-05-28", 2024)


def test_an_annex_label_is_no_title_and_the_span_under_the_title_belongs_to_it(
        tmp_path: Path) -> None:
    meta = _meta(tmp_path, "附件 1\n\n某省充电基础设施 发展规划\n\n（2021-2025 年）\n\n目 录\n\n"
                           "一、发展现状\n\n到2025年，建成充电桩10万个。\n")
    assert meta.title == "某省充电基础设施发展规划（2021-2025年）"


def test_later_items_of_a_list_are_measured_per_the_same_unit_of_output(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2025年，单位地区生产总值能耗和二氧化碳排放分别下降13%、18%。")
    assert [(s, v) for s, v, _, _, _ in found] == [
        ("单位地区生产总值能耗", -13), ("单位地区生产总值二氧化碳排放", -18)]


def test_document_numbers_spread_over_lines_run_into_addressees_or_after_dates() -> None:
    from planwatch.extract.meta_dates import find_doc_number

    assert find_doc_number(["[发文字号]", "京经信发", "〔2024〕", "65号", "[有效性]"]) == \
        "京经信发〔2024〕65号"
    run_on = ("渝府办发〔2024〕29 号 各区县（自治县）人民政府，市政府各部门，有关单位："
              "《行动计划》已经市政府同意，现印发给你们，请认真贯彻执行。")
    assert find_doc_number([run_on]) == "渝府办发〔2024〕29号"
    header = ("…重点工作安排》的通知      印发日期：2025-04-22       发布日期：2025-04-23"
              "       沪发改环资〔2025〕61   号         字号：    大")
    assert find_doc_number([header]) == "沪发改环资〔2025〕61号"


def _wrapped_page(paragraphs: list[str], width: int = 52) -> str:
    """A PDF page on one line: every paragraph wrapped at ``width`` (a Chinese character is 2
    wide, a digit 1), wraps and paragraph ends alike turned into spaces."""
    pieces: list[str] = []
    for para in paragraphs:
        line, used = "", 0
        for word in re.findall(r"[0-9.%]+|.", para):  # a number is not broken over lines
            w = len(word) if word.isascii() else 2
            if used + w > width:
                pieces.append(line)
                line, used = "", 0
            line, used = line + word, used + w
        pieces.append(line)
    return " ".join(pieces)


_PAGE_ONE = [
    "某市人民政府办公厅文件",
    "（一）科学布局充电设施",
    "到2025年，中心城区实现充电设施密集布点，建成充电站800座，郊区新城实现充电设施合理布局和场景"
    "全覆盖，建成充电站300座，全市建成充电站1100座。（责任单位：各区县（自治县，以下简称区县）政府，"
    "市经济信息委、市交通运输委，市电力公司）",
    "（二）合理选址布点",
    "在公共停车场、商业聚集区、加油站、轨道交通设施、广场和绿地、公交枢纽站、旅游景区等重点场景，"
    "加快推进充电设施建设，综合考虑各区县发展情况、人口规模和交通强度等因素，科学预测，助力我市"
    "充电设施高质量发展。（责任单位：各区县政府，市经济信息委、市规划",
]
_PAGE_TWO = [
    "某市人民政府办公厅文件",
    "自然资源局、市国资委，市电力公司）",
    "（三）加快先进技术应用",
    "支持充电站建设大功率液冷充电设施，鼓励整车企业将快充功能纳入新能源汽车产品功能范围，推动充储"
    "一体化站建设，提升充电服务保障能力和运营效率。（责任单位：市经济信息委，市电力公司）",
    "（四）强化电网企业支撑保障能力",
    "开展充电站大功率充电负荷特性对区域供电系统影响研究，分层分级评估充电站电网接入能力，适当超前"
    "建设配套电力设施。（责任单位：市发展改革委，市电力公司）",
]


def test_a_pdf_page_whose_wraps_became_spaces_is_read_paragraph_by_paragraph() -> None:
    from planwatch.parse.unwrap import unwrap

    line = _wrapped_page(_PAGE_ONE)
    assert [p.replace(" ", "") for p in unwrap(line) or []] == _PAGE_ONE
    assert unwrap("一、总体要求 二、主要任务 三、保障措施") is None  # no page: no steady width
    assert unwrap("坚持 创新 驱动 发展 服务 民生 改善 环境 保护 生态 共享 成果") is None


def test_measures_of_such_pages_and_their_notes_across_the_page_frame(tmp_path: Path) -> None:
    text = "\n".join([
        "某市新能源汽车充电设施行动计划", "二、重点任务", "- 3 -", "  某市人民政府办公厅发布", "",
        "* * *", "", _wrapped_page(_PAGE_ONE), "", "- 4 -",
        "  某市人民政府办公厅发布", "", "* * *", "", _wrapped_page(_PAGE_TWO), "", "- 5 -",
        "  某市人民政府办公厅发布", "", "* * *", "", "某市人民政府办公厅文件 三、保障措施"])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = extract_file(path)
    assert [(t.number, t.title, t.lead) for t in plan.tasks] == [
        (1, "科学布局充电设施", ["各区县政府", "市经济信息委", "市交通运输委", "市电力公司"]),
        (2, "合理选址布点", ["各区县政府", "市经济信息委", "市规划自然资源局", "市国资委",
                             "市电力公司"]),
        (3, "加快先进技术应用", ["市经济信息委", "市电力公司"]),
        (4, "强化电网企业支撑保障能力", ["市发展改革委", "市电力公司"])]
    assert [(t.value, t.unit) for t in plan.targets] == [(800, "座"), (300, "座"), (1100, "座")]


def test_a_note_in_square_brackets_and_a_name_defined_in_passing() -> None:
    from planwatch.extract.departments import split_departments

    assert split_departments("各区县（自治县，以下简称区县）政府，市经济信息委、市交通集团〕") == [
        "各区县政府", "市经济信息委", "市交通集团"]


def test_the_title_keeps_the_dashes_of_the_documents_own_heading(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "## 某市人民政府关于印发《某市绿色低碳转型行动方案（2024—2027年）》的通知\n\n"
        "各区人民政府，市政府各委、办、局：\n\n"
        "现将《某市绿色低碳转型行动方案（2024-2027年）》印发给你们，请认真按照执行。\n\n"
        "某市人民政府\n\n2024年8月22日\n\n**某市绿色低碳转型行动方案（2024—2027年）**\n\n"
        "一、主要目标\n\n到2027年，绿色低碳产业规模突破8000亿元。\n", encoding="utf-8")
    assert extract_file(path).meta.title == "某市绿色低碳转型行动方案（2024—2027年）"
    # the cover printing ASCII brackets (…方案(2024-2027年)》) is still the heading's name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("方案（2024-2027年）》印发", "方案(2024-2027年)》印发"),
                    encoding="utf-8")
    assert extract_file(path).meta.title == "某市绿色低碳转型行动方案（2024—2027年）"


def test_a_cover_naming_the_document_with_an_extra_stop_takes_its_heading(
        tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某市人民政府办公厅印发《关于制止耕地“非农化”行为、防止耕地“非粮化”稳定粮食生产的"
        "工作方案》的通知\n\n各区人民政府：\n\n经市政府同意，现将《关于制止耕地“非农化”行为、"
        "防止耕地“非粮化”、稳定粮食生产的工作方案》印发给你们，请认真按照执行。\n\n"
        "某市人民政府办公厅\n\n2021年5月31日\n\n"
        "关于制止耕地“非农化”行为、防止耕地“非粮化”稳定粮食生产的工作方案\n\n一、总体要求\n",
        encoding="utf-8")
    assert extract_file(path).meta.title == (
        "关于制止耕地“非农化”行为、防止耕地“非粮化”稳定粮食生产的工作方案")


def test_an_annex_schedule_restating_the_measures_lists_each_measure_once(
        tmp_path: Path) -> None:
    body = "\n\n".join(
        f"{n}. {title}。加快推进相关设备更新改造，提升质量效益。（{dept}牵头负责）"
        for n, title, dept in ((1, "推动工业设备更新", "区工信局"), (2, "推动农业装备更新",
                                                               "区农业农村局"),
                               (3, "推动医疗装备更新", "区卫健委")))
    table = ("附件\n\n重点任务年度安排表\n\n| 序号 | 任务 | 2024年 | 2025年 | 责任单位 |\n"
             "| --- | --- | --- | --- | --- |\n"
             "| 1 | 推动工业设备更新 | 更新设备10台 | 更新设备12台 | 区工信局 |\n"
             "| 2 | 推动农业农村装备更新 | 更新农机40台 | 更新农机50台 | 区农业农村局 |\n"
             "| 3 | 推动医疗装备更新 | 更新装备26台 | 更新装备30台 | 区卫健委 |\n"
             "| 4 | 推动教育设备更新 | 更新一体机40套 | 更新一体机40套 | 区教育局 |\n")
    path = tmp_path / "plan.md"
    path.write_text("# 某区设备更新行动方案\n\n二、重点任务\n\n" + body + "\n\n" + table,
                    encoding="utf-8")
    tasks = extract_file(path).tasks
    assert [(t.number, t.title) for t in tasks] == [
        (1, "推动工业设备更新"), (2, "推动农业装备更新"), (3, "推动医疗装备更新"),
        (4, "推动教育设备更新")]


def test_a_space_inside_a_printed_line_is_no_paragraph_end() -> None:
    from planwatch.parse.unwrap import unwrap

    lead = "创新创业载体建设成绩显著。"
    body = ("高端研发机构实现了从零到有的突破，成立了新旧动能转换研究院，"
            "引进了交通大学新一代信息技术研究院，"
            "建设了全省首批创新创业共同体。科技企业孵化器建设持久发力，全区共新建一批科技企业孵化器和众创空"
            "间。企业研发平台遍地开花，技术创新中心、新型研发机构等省级以上科创平台总量持续增长。")
    first = 54 - 2 * len(lead) - 1  # the lead sentence and the body's start share the first line
    pieces = [lead, body[:first // 2]]
    rest = body[first // 2:]
    pieces += [rest[i:i + 27] for i in range(0, len(rest), 27)]
    assert unwrap(" ".join(pieces)) == [lead + body]


def test_purchases_replacements_and_phase_outs_counted_by_year(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2027年新购置环卫作业车41辆，其中2024年23辆、2025年9辆、"
                               "2026年5辆、2027年4辆；淘汰国三及以下排放标准柴油货车350辆。")
    assert [(v, u, y) for _, v, u, y, _ in found][:5] == [
        (41, "辆", 2027), (23, "辆", 2024), (9, "辆", 2025), (5, "辆", 2026), (4, "辆", 2027)]
    assert (350, "辆") in [(v, u) for _, v, u, _, _ in found]
