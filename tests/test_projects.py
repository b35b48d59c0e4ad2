"""Project tables: the seeds against the gold, plus a table with extra columns and damage."""

from __future__ import annotations

import json

import pytest

from planwatch.extract.projects import extract_projects
from planwatch.parse.document import Block, Document, table_block
from planwatch.parse.registry import read_document
from tests.helpers import FIXTURES, GOLD, SEEDS

FIELDS = ("domain", "name", "undertaker", "location", "table")
STEMS = sorted(p.stem for p in GOLD.glob("*.json"))


@pytest.mark.parametrize("stem", STEMS)
def test_seed_projects_match_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text())
    result = extract_projects(read_document(SEEDS / f"{stem}.txt"))
    got = [{f: getattr(p, f) for f in FIELDS} | {"damaged": p.damaged} for p in result.projects]
    want = [{f: g.get(f) for f in FIELDS} | {"damaged": g.get("damaged", False)}
            for g in gold["projects"]]
    assert got == want
    assert len([f for f in result.findings if f.code == "table-row-damaged"]) == len(
        [g for g in gold["projects"] if g.get("damaged")])


def test_project_table_with_extra_columns_broken_cell_and_damage() -> None:
    result = extract_projects(read_document(FIXTURES / "tables_projects.txt"))
    got = [(p.table, p.domain, p.name, p.undertaker, p.location, p.damaged, p.line)
           for p in result.projects]
    assert got == [
        ("表3-2", "新能源", "固态锂电池中试线", "华东储能科技有限公司", "高新区", False, 6),
        ("表3-2", "新能源", "氢燃料电池电堆研发", None, "经开区", True, 7),
        ("表3-2", "新材料", "高性能碳纤维复合材料产业化", "临川新材料科技股份有限公司", "滨海镇",
         False, 8),
        ("表3-2", "新材料", None, "临川特种陶瓷有限公司", "城南街道", True, 10),
        ("表3-2", "生物医药", "创新药物研发公共服务平台", "临川药谷生物科技有限公司", "高新区",
         False, 11),
    ]
    assert [(f.code, f.line) for f in result.findings] == [
        ("table-row-damaged", 7), ("table-row-damaged", 10)]


def test_section_rows_set_the_domain_when_there_is_no_domain_column() -> None:
    caption = Block("paragraph", "表5 重点建设项目", line=1)
    table = table_block([
        ["序号", "项目名称", "建设单位", "建设地点", "建设期限"],
        ["一、人工智能", "一、人工智能", "一、人工智能", "一、人工智能", "一、人工智能"],
        ["1", "智能视觉检测平台", "某某智能科技有限公司", "高新区", "2026-2028"],
        ["二、海洋经济", "", "", "", ""],
        ["2", "海洋牧场监测系统", "某某海洋研究院", "滨海镇", "2026-2027"],
    ], line=2)
    result = extract_projects(Document(blocks=[caption, table]))
    assert [(p.table, p.domain, p.name, p.undertaker, p.location, p.damaged)
            for p in result.projects] == [
        ("表5", "人工智能", "智能视觉检测平台", "某某智能科技有限公司", "高新区", False),
        ("表5", "海洋经济", "海洋牧场监测系统", "某某海洋研究院", "滨海镇", False),
    ]
    assert result.findings == []


def test_indicator_table_is_not_a_project_table() -> None:
    table = table_block([["指标", "2025年", "2030年"], ["高新技术企业数(家)", "1", "2"]], line=1)
    assert extract_projects(Document(blocks=[table])).projects == []
