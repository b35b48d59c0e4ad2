"""Tasks with responsibility notes: the seed opinion against gold, notes and 任务分工 tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.extract.departments import parse_note, split_departments
from planwatch.extract.tasks import extract_tasks
from planwatch.parse.document import Block, Document, table_block
from planwatch.parse.registry import read_document
from tests.helpers import FIXTURES, GOLD, SEEDS

FIELDS = {"number", "title", "lead", "support", "shared_responsibility"}


def _tasks(path_name: str, folder: str = "fixtures") -> list[dict[str, object]]:
    path = (FIXTURES if folder == "fixtures" else SEEDS) / path_name
    result = extract_tasks(read_document(path))
    return [t.model_dump(include=FIELDS | {"deadline"}) for t in result.tasks]


@pytest.mark.parametrize("stem", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_seed_tasks_match_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text("utf-8"))["tasks"]
    tasks = extract_tasks(read_document(SEEDS / f"{stem}.txt")).tasks
    got = [t.model_dump(include=FIELDS) for t in tasks]
    assert got == gold


def test_seed_task_sections_and_lines() -> None:
    tasks = extract_tasks(read_document(SEEDS / "yantai-2024-opinion.txt")).tasks
    first = tasks[0]
    assert first.section == "强化高水平创新平台建设，加快培育战略科技力量"
    assert first.line is not None and first.line > 10


def test_task_division_table() -> None:
    assert _tasks("tasks_fangan_table.txt") == [
        {"number": 1, "title": "建设概念验证中心", "lead": ["市科技局"],
         "support": ["市财政局", "市发改委"], "shared_responsibility": False,
         "deadline": "2023年底前"},
        {"number": 2, "title": "培育技术经理人队伍", "lead": ["市科技局"], "support": ["市人社局"],
         "shared_responsibility": False, "deadline": "2024年6月"},
        {"number": 3, "title": "完善成果转化基金", "lead": ["市财政局"],
         "support": ["市科技局", "市金融监管局"], "shared_responsibility": False,
         "deadline": "长期坚持"},
        {"number": 4, "title": "推进专利开放许可", "lead": ["市市场监管局"], "support": [],
         "shared_responsibility": False, "deadline": "2025年底前"},
    ]


def test_responsibility_note_forms() -> None:
    assert _tasks("tasks_responsibility_notes.txt") == [
        {"number": 1, "title": "实施高新技术企业倍增计划", "lead": ["县科技局", "县财政局"],
         "support": [], "shared_responsibility": True, "deadline": None},
        {"number": 2, "title": "支持企业建设研发机构", "lead": ["县经信局"],
         "support": ["县科技局", "县发改委"], "shared_responsibility": False, "deadline": None},
        {"number": 1, "title": "引进高层次人才团队", "lead": ["县委组织部"],
         "support": ["县人社局", "县科技局"], "shared_responsibility": False, "deadline": None},
        {"number": 2, "title": "优化人才服务环境", "lead": ["县人社局"], "support": [],
         "shared_responsibility": False, "deadline": None},
        {"number": 3, "title": "加强科学普及", "lead": ["县科协", "县教体局"], "support": [],
         "shared_responsibility": True, "deadline": None},
    ]


def test_note_broken_mid_name_is_joined() -> None:
    doc = Document(blocks=[
        Block("paragraph", "三、强化保护"),
        Block("paragraph", "（二十四）强化知识产权保护运用。引导企业开展专利导航。（市市", line=3),
        Block("paragraph", "场监管局牵头)", line=5),
    ])
    [task] = extract_tasks(doc).tasks
    assert (task.number, task.title, task.lead, task.support) == (
        24, "强化知识产权保护运用", ["市市场监管局"], [])


def test_measure_without_note_is_not_a_task() -> None:
    doc = Document(blocks=[Block("paragraph", "（一）发展基础"),
                           Block("paragraph", "“十三五”以来，链主企业牵头建设公共服务平台。")])
    result = extract_tasks(doc)
    assert (result.tasks, result.findings) == ([], [])


@pytest.mark.parametrize(("note", "lead", "support", "shared"), [
    ("市科技局牵头，市发展改革委、市工业和信息化局配合", ["市科技局"],
     ["市发展改革委", "市工业和信息化局"], False),
    ("市科技局、市国资委按职责分工负责", ["市科技局", "市国资委"], [], True),
    ("市委组织部牵头，各人才工程责任部门按职责分工负责", ["市委组织部"],
     ["各人才工程责任部门"], False),
    ("责任单位：市科技局、市财政局", ["市科技局", "市财政局"], [], True),
    ("责任单位：市科技局", ["市科技局"], [], False),
    ("牵头单位：市科技局；配合单位：市财政局等部门", ["市科技局"], ["市财政局"], False),
    ("责任单位：市科技局（牵头）、市财政局", ["市科技局"], ["市财政局"], False),
])
def test_parse_note(note: str, lead: list[str], support: list[str], shared: bool) -> None:
    res = parse_note(note)
    assert (res.lead, res.support, res.shared) == (lead, support, shared)


def test_split_departments_keeps_names_with_he() -> None:
    assert split_departments("市人力资源和社会保障局、市财政局及市国资委") == [
        "市人力资源和社会保障局", "市财政局", "市国资委"]


def test_indicator_and_project_tables_with_owner_column_give_no_tasks() -> None:
    indicator = table_block([["序号", "指标名称", "单位", "2025年", "责任单位"],
                             ["1", "研发经费投入强度", "%", "2.8", "市科技局"]], line=1)
    project = table_block([["序号", "项目名称", "建设内容", "责任单位"],
                           ["1", "中试基地", "建设中试平台", "市科技局"]], line=5)
    result = extract_tasks(Document(blocks=[indicator, project]))
    assert (result.tasks, result.findings) == ([], [])


def test_task_table_row_without_owner_is_a_finding() -> None:
    table = table_block([["序号", "工作任务", "责任单位", "完成时间"],
                         ["1", "出台配套政策", "", "2024年底"]], line=7)
    result = extract_tasks(Document(blocks=[table]))
    assert result.tasks == []
    assert [(f.code, f.line) for f in result.findings] == [("task-row-no-owner", 7)]


def test_bracket_mentioning_fuze_is_not_a_note() -> None:
    doc = Document(blocks=[Block("paragraph", "（一）加强平台建设。支持重点实验室建设"
                                              "（含省级以上重点实验室、工程技术研究中心负责人）。")])
    assert extract_tasks(doc).tasks == []


def test_classes_of_bodies_and_places_named_before_an_etc() -> None:
    """相关委、办、局 names one class of units; 浦东新区等相关区政府 names 浦东新区 (the
    governments 等 adds are no unit of their own)."""
    assert split_departments("各街道、相关委、办、局") == ["各街道", "相关委、办、局"]
    assert split_departments("市科委、浦东新区等相关区政府") == ["市科委", "浦东新区"]
    assert split_departments("市财政局、各区政府") == ["市财政局", "各区政府"]


def test_units_acting_together_with_others() -> None:
    """`A、B会同有关部门负责落实`: A and B lead, the units they act together with support; under
    a lead named with 牵头, the units of a 会同 clause all support it."""
    res = parse_note("省科技厅、财政厅会同有关部门负责落实")
    assert (res.lead, res.support, res.shared) == (["省科技厅", "财政厅"], ["有关部门"], True)
    res = parse_note("省财政厅会同省科技厅")
    assert (res.lead, res.support) == (["省财政厅"], ["省科技厅"])
    res = parse_note("市科技局牵头，市财政局会同各区政府负责落实")
    assert (res.lead, res.support) == (["市科技局"], ["市财政局", "各区政府"])


def test_a_labelled_note_after_a_groups_last_item_names_the_groups_owner(
        tmp_path: Path) -> None:
    """（一）…应对措施：1.… 2.… 3.…。完成期限：…牵头单位：A责任单位：B — the group is the task."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "某区行政区划调整实施方案\n三、风险点应对\n"
        "（一）群众反映办事不方便引发的风险应对措施：\n1.建设和完善三级政务服务体系。\n"
        "2.过渡期内，有条件的镇街保留办事处。\n"
        "3.完善公交线路布局。完成期限：持续推进牵头单位：区行政审批局责任单位：区交通建设局\n"
        "（二）新设街道群众对教育资源诉求的风险应对措施：持续优化教育资源布局。"
        "完成期限：持续推进牵头单位：区社会事业局责任单位：区财政金融局\n", encoding="utf-8")
    tasks = [(t.number, t.lead, t.support)
             for t in extract_tasks(read_document(path)).tasks]
    assert tasks == [(1, ["区行政审批局"], ["区交通建设局"]),
                     (2, ["区社会事业局"], ["区财政金融局"])]
