"""Responsibility notes read in the document's own convention, and deadlines (issue 7, item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.extract.departments import deadline_year, note_core, parse_note
from planwatch.extract.tasks import extract_tasks
from planwatch.model.plan import Task
from planwatch.parse.document import Block, Document, table_block
from planwatch.parse.registry import read_document


def _read(tmp_path: Path, text: str) -> list[Task]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_tasks(read_document(path)).tasks


def _roles(tasks: list[Task]) -> list[tuple[int, list[str], list[str], bool]]:
    return [(t.number, t.lead, t.support, t.shared_responsibility) for t in tasks]


@pytest.mark.parametrize(("note", "lead", "support", "shared"), [
    # 责任单位 label, then verbs: the label does not turn 'A牵头' into a plain name
    ("责任单位：市科技局牵头，市发展改革委、市财政局等按职责分工负责",
     ["市科技局"], ["市发展改革委", "市财政局"], False),
    # the listed units answer for it; the labelled 配合单位 after a comma support it
    ("责任单位：区应急局、区消防支队、各街镇，配合单位：区财政局",
     ["区应急局", "区消防支队", "各街镇"], ["区财政局"], True),
    ("责任单位：区应急局，配合单位：区财政局", ["区应急局"], ["区财政局"], False),
    # 配合实施: the support verb with its object
    ("区农业农村委、区规划资源局牵头，各街镇、开发区、某某集团配合实施",
     ["区农业农村委", "区规划资源局"], ["各街镇", "开发区", "某某集团"], False),
    # a lead label runs on over the commas of its part; its own office word (处室)
    ("牵头单位：市绿化市容局，甲区、乙区政府。配合单位：市发展改革委、市水务局",
     ["市绿化市容局", "甲区", "乙区政府"], ["市发展改革委", "市水务局"], False),
    ("牵头指导处室：市局产品质量安全监督管理处，各区市场监管局、机场分局为实施单位，下同",
     ["市局产品质量安全监督管理处"], ["各区市场监管局", "机场分局"], False),
    # a rider after ；
    ("责任单位：市科技局牵头，市发展改革委、市财政局等按职责分工负责；各县区均需落实，下同",
     ["市科技局"], ["市发展改革委", "市财政局"], False),
    # the first named leads
    ("责任单位：市科技局、市财政局、市教育局（列第一位的为牵头单位，下同）",
     ["市科技局"], ["市财政局", "市教育局"], False),
    # a ， inside the support list does not cut it; order as printed
    ("省科技厅牵头，省委组织部，省教育厅、人力资源社会保障厅、农业厅，华南农业大学负责",
     ["省科技厅"], ["省委组织部", "省教育厅", "人力资源社会保障厅", "农业厅", "华南农业大学"],
     False),
    # groups separated by ， and no lead: everyone shares
    ("省财政厅，省税务局、深圳市税务局负责", ["省财政厅", "省税务局", "深圳市税务局"], [], True),
    # governments as a party; 和 between two departments splits, 和 inside a name does not
    ("省政府办公厅和省市场监管局牵头，省有关部门及各地级以上市按职责分工负责",
     ["省政府办公厅", "省市场监管局"], ["省有关部门", "各地级以上市"], False),
    ("市人力资源和社会保障局牵头，市工业和信息化局、各地级以上市政府配合",
     ["市人力资源和社会保障局"], ["市工业和信息化局", "各地级以上市政府"], False),
    ("县科技局牵头，各县（市、区）政府配合", ["县科技局"], ["各县（市、区）政府"], False),
    ("市科技局牵头，各县（市、区）按职责分工负责", ["市科技局"], ["各县（市、区）"], False),
    ("市科技局牵头，市财政局，各县（市、区）配合", ["市科技局"],
     ["市财政局", "各县（市、区）"], False),
    ("市科技局，各县（市、区）", ["市科技局", "各县（市、区）"], [], True),
    # 'A等省有关部门' names A
    ("省市场监管局、公安厅等省有关部门按职责分工负责，广州、珠海、汕头市配合",
     ["省市场监管局", "公安厅"], ["广州", "珠海", "汕头市"], True),
    ("市科技局、市财政局（排名第一的为牵头单位）", ["市科技局"], ["市财政局"], False),
    ("省科技厅、财政厅负责指导", ["省科技厅", "财政厅"], [], True),
    # the conventions that worked before still do
    ("市科技局牵头，市发展改革委、市工业和信息化局配合", ["市科技局"],
     ["市发展改革委", "市工业和信息化局"], False),
    ("市科技局、市国资委按职责分工负责", ["市科技局", "市国资委"], [], True),
    ("责任单位：市科技局、市财政局", ["市科技局", "市财政局"], [], True),
    ("责任单位：市科技局（牵头）、市财政局", ["市科技局"], ["市财政局"], False),
])
def test_note_conventions(note: str, lead: list[str], support: list[str], shared: bool) -> None:
    res = parse_note(note)
    assert (res.lead, res.support, res.shared) == (lead, support, shared)
    assert not any("牵头" in n for n in res.lead + res.support)


@pytest.mark.parametrize(("note", "deadline", "year"), [
    ("省卫生健康委、药监局负责，2024年年底前完成", "2024年年底前", 2024),
    ("省科协及相关行业主管部门按职责分工负责，持续推进", "持续推进", None),
    ("市科技局牵头；完成时限：2024年6月底前", "2024年6月底前", 2024),
    ("市科技局牵头，市财政局配合，长期坚持", "长期坚持", None),
    ("市科技局牵头，2023年起持续推进", "2023年起持续推进", None),  # 2023: a start
    ("市科技局牵头", None, None),
])
def test_note_deadline(note: str, deadline: str | None, year: int | None) -> None:
    res = parse_note(note)
    assert (res.deadline, res.deadline_year) == (deadline, year)
    assert res.lead and not any("20" in n or "推进" in n or "坚持" in n for n in res.lead)
    assert "完成" not in note_core(note) and "持续推进" not in note_core(note)


def test_nested_government_note_in_a_measure(tmp_path: Path) -> None:
    tasks = _read(tmp_path, "二、重点任务\n\n（一）建设创新平台。支持企业建设研发中心。"
                  "（市科技局牵头，各县（市、区）政府配合，2025年底前完成）\n")
    assert _roles(tasks) == [(1, ["市科技局"], ["各县（市、区）政府"], False)]
    assert tasks[0].deadline_year == 2025


def test_deadline_year_of_a_range() -> None:
    assert deadline_year("2023—2025年") == 2025
    assert deadline_year("持续推进") is None


def test_rider_note_is_found_in_a_measure(tmp_path: Path) -> None:
    tasks = _read(tmp_path, "二、重点任务\n\n"
                  "（一）建设创新平台。支持企业建设研发中心。（责任单位：市科技局牵头，市发展改革委、"
                  "市财政局等按职责分工负责；各县区均需落实，下同）\n\n"
                  "（二）培育创新主体。实施科技型企业梯次培育。（市科技局负责，2025年底前完成）\n")
    assert _roles(tasks) == [(1, ["市科技局"], ["市发展改革委", "市财政局"], False),
                             (2, ["市科技局"], [], False)]
    assert [(t.deadline, t.deadline_year) for t in tasks] == [(None, None), ("2025年底前", 2025)]


def test_first_named_leads_carries_on_with_xiatong(tmp_path: Path) -> None:
    tasks = _read(tmp_path, "二、重点任务\n\n"
                  "1.建设创新平台。支持企业建设研发中心。\n"
                  "责任单位：市科技局、市发展改革委、市财政局（列第一位的为牵头单位，下同）\n\n"
                  "2.培育创新主体。实施科技型企业梯次培育。\n"
                  "责任单位：市工业和信息化局、市科技局\n\n"
                  "3.优化人才服务。\n责任单位：市人社局\n")
    assert _roles(tasks) == [(1, ["市科技局"], ["市发展改革委", "市财政局"], False),
                             (2, ["市工业和信息化局"], ["市科技局"], False),
                             (3, ["市人社局"], [], False)]


def test_remark_standing_alone_applies_to_the_notes_after(tmp_path: Path) -> None:
    text = ("二、重点任务\n\n（注：责任单位中列第一位的为牵头单位）\n\n"
            "1.建设创新平台。\n责任单位：市科技局、市发展改革委\n\n"
            "2.培育创新主体。\n责任单位：市工业和信息化局、市科技局\n")
    assert _roles(_read(tmp_path, text)) == [(1, ["市科技局"], ["市发展改革委"], False),
                                             (2, ["市工业和信息化局"], ["市科技局"], False)]


def test_remark_after_one_list_without_xiatong_stays_with_that_note(tmp_path: Path) -> None:
    text = ("二、重点任务\n\n1.建设创新平台。\n"
            "责任单位：市科技局、市发展改革委（列第一位的为牵头单位）\n\n"
            "2.培育创新主体。\n责任单位：市工业和信息化局、市科技局\n")
    assert _roles(_read(tmp_path, text)) == [
        (1, ["市科技局"], ["市发展改革委"], False),
        (2, ["市工业和信息化局", "市科技局"], [], True)]


def test_without_the_remark_a_plain_list_is_shared(tmp_path: Path) -> None:
    tasks = _read(tmp_path, "二、重点任务\n\n1.培育创新主体。实施梯次培育。\n"
                  "责任单位：市工业和信息化局、市科技局\n")
    assert _roles(tasks) == [(1, ["市工业和信息化局", "市科技局"], [], True)]


def test_table_deadline_year_and_first_named_lead() -> None:
    caption = Block("paragraph", "重点任务分工表（责任单位中列第一位的为牵头单位，下同）", line=1)
    table = table_block([["序号", "重点任务", "责任单位", "完成时限"],
                         ["1", "建设概念验证中心", "市科技局、市财政局", "2025年底前"],
                         ["2", "培育技术经理人", "市人社局", "持续推进"]], line=2)
    tasks = extract_tasks(Document(blocks=[caption, table])).tasks
    assert _roles(tasks) == [(1, ["市科技局"], ["市财政局"], False), (2, ["市人社局"], [], False)]
    assert [(t.deadline, t.deadline_year) for t in tasks] == [("2025年底前", 2025),
                                                              ("持续推进", None)]


def test_measure_text_deadline_only_when_it_is_the_tasks_own(tmp_path: Path) -> None:
    tasks = _read(tmp_path, "二、重点任务\n\n"
                  "（一）完善政策体系。2024年6月底前出台科技成果转化若干措施。（市科技局牵头）\n\n"
                  "（二）缓缴社保。允许企业在2023年底前采取分期方式补缴。（市人社局牵头）\n")
    assert [(t.deadline, t.deadline_year) for t in tasks] == [("2024年6月底前", 2024),
                                                              (None, None)]


def test_note_closing_a_group_of_items_belongs_to_the_group(tmp_path: Path) -> None:
    """（一） heading, items 1. 2. without notes, then （责任单位：…） on its own: one task per
    group, the note's units all lead when they 按职责分工实施 (等有关单位 dropped)."""
    text = ("二、重点工作任务\n（一）加大对小微企业的金融支持。\n"
            "1.加大信贷投放。引导银行扩大信用贷款。\n2.降低融资成本。推动贷款利率下行。\n"
            "（责任单位：省财政厅、地方金融监管局，人民银行某分行，各地级以上市政府等有关单位"
            "按职责分工实施）\n"
            "（二）强化科技金融服务。\n1.发展科技信贷。扩大科技贷款。\n2.发展科技保险。扩大保额。\n"
            "（责任单位：省科技厅、地方金融监管局）\n")
    tasks = _read(tmp_path, text)
    assert [(t.number, t.title, t.section) for t in tasks] == [
        (1, "加大对小微企业的金融支持", "重点工作任务"), (2, "强化科技金融服务", "重点工作任务")]
    assert _roles(tasks) == [
        (1, ["省财政厅", "地方金融监管局", "人民银行某分行", "各地级以上市政府"], [], True),
        (2, ["省科技厅", "地方金融监管局"], [], True)]


def test_items_with_notes_of_their_own_stay_tasks(tmp_path: Path) -> None:
    text = ("（一）加大对小微企业的金融支持。\n"
            "1.加大信贷投放。引导银行扩大信用贷款。（省财政厅负责）\n"
            "2.降低融资成本。推动贷款利率下行。\n（人民银行某分行负责）\n")
    assert [(t.number, t.lead) for t in _read(tmp_path, text)] == [
        (1, ["省财政厅"]), (2, ["人民银行某分行"])]


def test_a_note_after_a_single_item_stays_with_the_item(tmp_path: Path) -> None:
    text = ("（一）强化科技金融服务。\n1.发展科技信贷。扩大科技贷款。\n"
            "（责任单位：省科技厅、地方金融监管局）\n")
    assert [(t.number, t.title) for t in _read(tmp_path, text)] == [(1, "发展科技信贷")]
