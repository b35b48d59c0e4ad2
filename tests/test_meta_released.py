"""Metadata shapes met in the released first sealed set (issue 7), each written for the test.

A signature with its date after a contact line, a publication note in brackets, a news headline
followed by the dateline, a 解读 page titled 《X》修订情况解读 or just 《X》, a cited document's
number, an opinion in force from a day whose horizon is its last dated goal, a province known only
from the document numbers it cites.
"""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.meta import extract_meta_result
from planwatch.model.plan import Meta
from planwatch.parse.registry import read_document


def _meta(tmp_path: Path, text: str) -> Meta:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_meta_result(read_document(path)).meta


def test_signature_date_after_a_contact_line_is_the_issue_date(tmp_path: Path) -> None:
    text = (
        "科技部印发《关于改进科技评价的若干措施（试行）》的通知\n国科发监〔2021〕9号\n"
        "各有关单位：\n为改进科技评价，科技部制订了若干措施。现予印发，请遵照执行。\n"
        "联系电话：010-12345678\n科技部2021年3月4日\n（此件主动公开）\n"
        "关于改进科技评价的若干措施（试行）\n为改进科技评价，提出如下措施\n"
    )
    meta = _meta(tmp_path, text)
    assert (meta.title, meta.issued) == ("关于改进科技评价的若干措施（试行）", "2021-03-04")


def test_news_headline_names_the_document(tmp_path: Path) -> None:
    text = (
        "中共中央办公厅 国务院办公厅印发《关于加强科技伦理审查的若干意见》\n"
        "新华社北京6月2日电 近日，中共中央办公厅、国务院办公厅印发了"
        "《关于加强科技伦理审查的若干意见》。\n"
        "一、总体要求\n"
    )
    meta = _meta(tmp_path, text)
    assert (meta.title, meta.doc_type) == (
        "关于加强科技伦理审查的若干意见",
        "implementation_opinion",
    )


def test_interpretation_titles_keep_their_brackets_and_words(tmp_path: Path) -> None:
    text = (
        "政策解读：《省级科技计划项目验收细则》修订情况解读\n一、修订背景\n省科技厅修订了细则。\n"
    )
    assert _meta(tmp_path, text).title == "《省级科技计划项目验收细则》修订情况解读"
    text = "政策解读：《广东省科技服务机构认定管理办法（试行）》\n2019年3月，省科技厅印发了办法。\n"
    assert _meta(tmp_path, text).title == "《广东省科技服务机构认定管理办法（试行）》"


def test_cited_document_number_is_not_the_documents_own(tmp_path: Path) -> None:
    text = (
        "政策解读：《省级科技计划项目验收细则》修订情况解读\n一、修订依据\n"
        "（一）《关于改革科研经费管理的若干意见》（国办发〔2021〕32号）\n"
        "（二）《关于改革省级科研经费管理的实施意见》（粤府办〔2022〕14号）\n"
        "省科技厅对《细则》（粤科规范字〔2021〕3号）进行修订。\n"
    )
    meta = _meta(tmp_path, text)
    assert meta.doc_number is None
    assert (meta.region, meta.region_level) == ("广东省", "province")  # 粤 numbers: its province


def test_number_in_a_publication_note_and_an_opinions_horizon(tmp_path: Path) -> None:
    text = (
        "广东省科学技术厅关于发展众创空间的意见\n"
        "（经省人民政府同意，广东省科学技术厅 广东省人民政府金融工作办公室"
        "2016年5月6日以粤科规财字〔2016〕12号发布 "
        "自2016年5月6日起施行）\n"
        "为促进创新创业，现提出以下意见：\n一、总体要求\n"
        "（一）发展目标。到2018年，基本建成覆盖全省的众创生态系统。\n"
    )
    meta = _meta(tmp_path, text)
    assert (meta.doc_number, meta.issued) == ("粤科规财字〔2016〕12号", "2016-05-06")
    assert (meta.period_start, meta.period_end) == (2016, 2018)


def test_a_rule_in_force_from_a_day_has_no_end(tmp_path: Path) -> None:
    text = (
        "广东省科技计划项目监督规定\n第一条 为规范监督，制定本规定。\n"
        "第二条 本规定自2016年5月6日起施行。到2018年全面推行。\n"
    )
    meta = _meta(tmp_path, text)
    assert (meta.doc_type, meta.period_start, meta.period_end) == ("regulation", 2016, None)


def test_a_rules_interpretation_citing_a_five_year_plan_has_no_period(tmp_path: Path) -> None:
    text = (
        "政策解读：《广东省某中心管理办法》政策解读\n一、制定依据\n"
        "（一）《广东省科技创新“十四五”规划》（粤府〔2021〕62号）\n"
        "二、主要内容\n省科技厅负责中心的认定和管理。\n"
    )
    meta = _meta(tmp_path, text)
    assert (meta.doc_type, meta.doc_number, meta.period_start, meta.period_end) == (
        "regulation",
        None,
        None,
        None,
    )


def test_a_title_line_is_not_joined_to_the_first_sentence(tmp_path: Path) -> None:
    text = (
        "某某领域企业研发费用加计扣除税收优惠政策系列操作指引\n"
        "为深入贯彻落实创新驱动发展战略，税务局和科技厅共同编写本指引，帮助企业用好政策\n"
        "一、适用范围\n"
    )
    assert _meta(tmp_path, text).title == "某某领域企业研发费用加计扣除税收优惠政策系列操作指引"
    text = "国家某某奖励评审工作纪律\n为规范评审过程中有关组织和个人的行为，重申评审工作纪律如下\n"
    assert _meta(tmp_path, text).title == "国家某某奖励评审工作纪律"


def test_a_decree_number_before_the_title_is_not_part_of_it(tmp_path: Path) -> None:
    text = (
        "中华人民共和国科学技术部令第30号 某某资源管理条例实施细则\n"
        "中华人民共和国科学技术部令\n"
        "第 30 号《某某资源管理条例实施细则》已经部务会审议通过，现予公布。\n"
        "第一章 总则\n"
    )
    assert _meta(tmp_path, text).title == "某某资源管理条例实施细则"


def test_publication_note_gives_the_issue_date(tmp_path: Path) -> None:
    text = (
        "广东省科学技术厅关于发展众创空间的意见\n"
        "（经省人民政府同意，广东省科学技术厅2016年5月6日以粤科规财字〔2016〕12号发布 "
        "自2016年5月6日起施行）\n为促进创新创业，现提出以下意见：\n"
    )
    assert _meta(tmp_path, text).issued == "2016-05-06"
