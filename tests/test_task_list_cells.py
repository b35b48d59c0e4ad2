"""A 任务清单 laid out one cell per paragraph whose tasks carry their numbers inside their cells
(released set 10): header words broken over two paragraphs, group and direction rows, units merged
down from the task above or across the units columns. Synthetic text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.departments import read_columns, split_departments
from planwatch.model.plan import Plan
from planwatch.parse import read_document

HEAD = """---
标题: 关于印发《某市交通领域精细化管理工作方案（2024-2026年）》的通知
文号: 某交〔2024〕9号
发布日期: 2024-12-31
---

某市交通领域精细化管理工作方案（2024-2026年）

一、提升设施环境品质

（一）改善道路环境。完成精品路建设。

附件：任务清单

"""

CELLS = [
    "任务", "分类", "主要方向", "重点任务（2024-2026）", "2024年工作项目", "2025年计划",
    "2026年计划", "牵头", "部门", "配合", "部门", "实施", "主体",
    "（一）", "提升设施环境品质", "1、改善道路环境",
    "（1）建设精品道路300条。", "完成出入口新增电扶梯2台。", "完成出入口新增电扶梯7台。",
    "完成出入口新增电扶梯10台。",
    "设施处", "各相关部门和单位", "各区",
    "（2）建设慢行精品区域50个。", "建设精品区17个。", "建设精品区17个。", "建设精品区16个。",
    "（二）提升出行服务体验", "2、提升公交服务水平",
    "（3）推进公交站台适老化改造。", "改造100个。", "改造100个。", "改造100个。",
    "客运处", "运行处", "各相关部门和单位", "各区",
    "（4）建设出行即服务系统。", "持续推进系统建设。", "拓展服务场景。", "提升服务能级。",
    "出行公司",
]


def _plan(tmp_path: Path) -> Plan:
    path = tmp_path / "doc.md"
    path.write_text(HEAD + "\n\n".join(CELLS) + "\n", encoding="utf-8")
    return extract_file(path)


def test_tasks_numbered_inside_their_cells_are_read_with_their_units(tmp_path: Path) -> None:
    tasks = {t.number: t for t in _plan(tmp_path).tasks}
    assert sorted(tasks) == [1, 2, 3, 4]
    assert tasks[1].title == "建设精品道路300条"
    assert (tasks[1].lead, tasks[1].support) == (["设施处"], ["各相关部门和单位", "各区"])
    # units merged down from the task above
    assert (tasks[2].lead, tasks[2].support) == (["设施处"], ["各相关部门和单位", "各区"])
    # a lead cell printed in two paragraphs
    assert (tasks[3].lead, tasks[3].support) == (["客运处", "运行处"], ["各相关部门和单位", "各区"])
    # one unit merged across the units columns leads alone
    assert (tasks[4].lead, tasks[4].support) == (["出行公司"], [])


def test_the_yearly_work_of_a_task_list_stays_in_its_table(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(HEAD + "\n\n".join(CELLS) + "\n", encoding="utf-8")
    blocks = read_document(path).blocks
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    assert not any("电扶梯" in p for p in paragraphs)
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows[0][:2] == ("序号", "重点任务（2024-2026）")
    assert table.rows[0][-3:] == ("牵头部门", "配合部门", "实施主体")


def test_a_class_of_units_joined_by_he_stays_one_name() -> None:
    assert split_departments("各相关部门和单位") == ["各相关部门和单位"]
    assert split_departments("省政府办公厅和省市场监管局") == ["省政府办公厅", "省市场监管局"]


def test_who_carries_a_led_task_out_supports_it() -> None:
    res = read_columns("设施处", "市道运中心", "市道运中心、各区")
    assert (res.lead, res.support) == (["设施处"], ["市道运中心", "各区"])


def test_a_task_list_on_a_web_page_one_paragraph_per_cell(tmp_path: Path) -> None:
    body = "".join(f"<p>{c}</p>" for c in CELLS)
    path = tmp_path / "doc.html"
    path.write_text(f"<html><body><h1>某市交通领域精细化管理工作方案</h1>{body}</body></html>",
                    encoding="utf-8")
    tasks = {t.number: t for t in extract_file(path).tasks}
    assert sorted(tasks) == [1, 2, 3, 4]
    assert (tasks[3].lead, tasks[3].support) == (["客运处", "运行处"], ["各相关部门和单位", "各区"])
