"""The section tree from printed numbering."""

from __future__ import annotations

from planwatch.extract.outline import outline, section_path, walk
from planwatch.parse.document import Block, Document
from planwatch.parse.registry import read_document
from tests.helpers import FIXTURES, SEEDS


def _flat(doc: Document) -> list[tuple[int, str, str]]:
    return [(s.level, s.number_text, s.title) for s in walk(outline(doc))]


def test_nested_styles_in_fixture() -> None:
    doc = read_document(FIXTURES / "tasks_responsibility_notes.txt")
    assert _flat(doc) == [
        (1, "一、", "发展基础"), (1, "二、", "重点任务"),
        (2, "（一）", "壮大创新主体"),
        (3, "1.", "实施高新技术企业倍增计划"), (3, "2.", "支持企业建设研发机构"),
        (2, "（二）", "集聚创新人才"),
        (3, "1.", "引进高层次人才团队"), (3, "2.", "优化人才服务环境"), (3, "3.", "加强科学普及"),
        (1, "三、", "保障措施"), (2, "（一）", "加强组织领导"),
    ]


def test_seed_opinion_has_ten_parts_and_29_measures() -> None:
    roots = outline(read_document(SEEDS / "yantai-2024-opinion.txt"))
    assert [s.number_text for s in roots] == [f"{n}、" for n in "一二三四五六七八九十"]
    measures = [c for s in roots for c in s.children]
    assert len(measures) == 29
    assert (measures[22].number_text, measures[22].title) == ("（二十三）", "创新科技金融模式")


def test_chapters_sections_boxes_and_toc() -> None:
    doc = Document(blocks=[
        Block("paragraph", "第一章 发展基础 ……3"),
        Block("heading", "第一章 发展基础", level=1),
        Block("paragraph", "第一节 主要成就"),
        Block("paragraph", "一、创新能力显著增强"),
        Block("paragraph", "专栏1 重大平台建设"),
        Block("paragraph", "（1）国家重点实验室。建设 3 家。"),
        Block("paragraph", "第二章 总体要求"),
    ])
    assert _flat(doc) == [
        (1, "第一章", "发展基础"), (2, "第一节", "主要成就"), (3, "一、", "创新能力显著增强"),
        (4, "专栏1", "重大平台建设"), (4, "（1）", "国家重点实验室"), (1, "第二章", "总体要求"),
    ]


def test_section_path_per_block() -> None:
    doc = Document(blocks=[
        Block("paragraph", "一、发展基础"),
        Block("paragraph", "“十三五”期间，高新技术企业达到 110 家。"),
        Block("paragraph", "二、重点任务"),
        Block("paragraph", "（一）培育企业"),
        Block("paragraph", "到 2025 年，高新技术企业达到 170 家。"),
    ])
    assert section_path(doc) == [
        ("发展基础",), ("发展基础",), ("重点任务",), ("重点任务", "培育企业"),
        ("重点任务", "培育企业"),
    ]


def test_long_numbered_sentence_is_not_a_heading() -> None:
    text = ("1. 全社会研发经费投入强度达到 2.8%，高新技术企业数量达到 3000 家，"
            "科技型中小企业达到 5000 家以上。")
    assert outline(Document(blocks=[Block("paragraph", text)])) == []
