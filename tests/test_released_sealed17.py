"""Shapes met in sealed set 17 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

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
