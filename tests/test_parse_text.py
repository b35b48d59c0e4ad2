"""Plain text / Markdown reader: encodings, markup, debris, broken lines, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.errors import DocumentError
from planwatch.parse import Block, read_document
from planwatch.parse.layout import heading_level, is_formal_line, is_furniture, should_join
from planwatch.parse.normalize import decode_bytes, normalize_line
from tests.helpers import SEEDS

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
SAMPLE = "一、总体要求\n\n到2025年，全市高新技术企业达到1500家，研发投入强度达到3%。\n"


def _texts(path: Path) -> list[str]:
    return [b.text for b in read_document(path).blocks]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""), ("gb18030", b""),
     ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + SAMPLE.encode(encoding))
    doc = read_document(path)
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
        ("heading", "一、总体要求", 1),
        ("paragraph", "到2025年，全市高新技术企业达到1500家，研发投入强度达到3%。", None),
    ]


def test_gbk_long_document_detected(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes((SAMPLE * 50).encode("gbk"))
    assert decode_bytes(path.read_bytes()).startswith("一、总体要求")


def test_normalize_line_contract() -> None:
    got = normalize_line("研发投入达到２．５％，企业１２０家（ＡＢＣ）。")
    assert got == "研发投入达到2.5%，企业120家（ABC）。"
    assert normalize_line("[bookmark: _Toc123]（一）发展基础") == "（一）发展基础"
    assert normalize_line("到 2 0 2 5 年") == "到 2025 年"
    assert normalize_line("增长 1 2 个百分点") == "增长 1 2 个百分点"
    assert normalize_line("a\t\tb　c") == "a b c"


def test_layout_rules() -> None:
    assert heading_level("一、总体要求") == 1
    assert heading_level("（三）发展目标。") == 2
    assert heading_level("(二) 指导思想") == 2
    assert heading_level("1. 强化企业主体") == 3
    assert heading_level("（2） 短板弱项") == 4
    assert heading_level("第三章 保障措施") == 1
    assert heading_level("（一）建立健全实验室体系。深入实施实验室体系重塑攻坚行动。") is None
    assert heading_level("10.45 亿元") is None
    for furniture in ("— 12 —", "- 3 -", "第 3 页", "12", "第3页 共20页", "3/20"):
        assert is_furniture(furniture), furniture
    assert not is_furniture("2025年")
    broken = Block("paragraph", "坚持以习近平新时代中国特色社会主义思想为指导，认真落实习")
    assert should_join(broken, Block("paragraph", "近平总书记重要指示要求。"))
    signature = Block("paragraph", "烟台市人民政府")
    assert not should_join(signature, Block("paragraph", "2024年7月25日"))
    assert not should_join(broken, Block("paragraph", "（二）基本原则"))


def test_markdown_fixture() -> None:
    doc = read_document(FIXTURES / "md-plan.md")
    got = [(b.kind, b.level, b.text) for b in doc.blocks if b.kind != "table"]
    assert got == [
        ("heading", 1, "某某县“十五五”科技创新规划"),
        ("heading", 1, "一、发展基础"),
        ("paragraph", None, "“十四五”期间，全县高新技术企业达到 120 家，研发投入强度达到2.5%。"),
        ("paragraph", None,
         "到 2030 年，全县科技型中小企业达到 500 家以上，技术合同成交额突破20 亿元。"),
        ("heading", 2, "（一）主要指标"),
        ("paragraph", None, "表1 主要指标"),
        ("paragraph", None, "1. 强化企业主体。支持企业建设研发机构。（县科技局牵头）"),
    ]
    [(_, table)] = list(doc.tables())
    assert table.rows == (("指标", "2025年", "2030年"), ("高新技术企业数（家）", "120", "200"),
                          ("研发投入强度（%）", "2.5", "3.0"))
    assert table.line == 19
    assert doc.format == "md"


def test_flattened_table_and_text_box() -> None:
    doc = read_document(FIXTURES / "flat-table.txt")
    kinds = [(b.kind, b.text, b.line) for b in doc.blocks if b.kind != "table"]
    assert kinds == [
        ("paragraph", "十五五规划", 1),
        ("paragraph", "专栏1：重点工程", 3),
        ("paragraph", "工程甲：建设实验室。", 4),
        ("paragraph", "工程乙：建设中试基地。", 5),
        ("paragraph", "表2 重点项目", 8),
        ("heading", "（二）保障措施", 23),
    ]
    [(_, table)] = list(doc.tables())
    assert table.rows == (("领域", "项目名称", "单位"), ("新能源", "储能电池项目", "某某有限公司"),
                          ("新材料", "", "甲公司"))
    assert table.line == 9


def test_qingzhou_flattened_tables() -> None:
    doc = read_document(SEEDS / "qingzhou-2021-plan.txt")
    tables = [b for _, b in doc.tables()]
    assert len(tables) == 8
    assert tables[0].rows[0] == ("序号", "指标名称", "2020年", "2025年")
    assert tables[0].rows[1] == ("1", "全社会R&D支出占GDP比重(%)", "0.82", "2.85")
    assert len(tables[0].rows) == 10
    assert all(len(r) == 4 for t in tables for r in t.rows)
    agri = next(t for t in tables if any("凯欣" in c for r in t.rows for c in r))
    assert ("现代农业", "高端果品罐头智能化加工关键技术研究及示范",
            "山东凯欣绿色农业发展股份有限公司", "弥河镇") in agri.rows
    assert tables[-1].rows[-2:] == (
        ("生物医药", "生物基药品保健品项目", "", "弥河镇"),
        ("生物医药", "", "山东丰本生物科技股份有限公司", "王母宫发展区"),
    )
    texts = [b.text for b in doc.paragraphs()]
    assert "（2） 短板弱项" in texts
    assert not any("bookmark" in t for t in texts)
    assert "专栏1：先进制造业发展格局" in texts
    assert any(t.startswith("海洋装备：重点推进海洋核动力冷源产业园") for t in texts)


def test_zibo_broken_lines_joined() -> None:
    doc = read_document(SEEDS / "zibo-2022-plan.txt")
    texts = [b.text for b in doc.blocks]
    assert any("将增强自主创新能力作为科技发展的战略基点" in t for t in texts)
    assert any("认真落实习近平总书记对山东工作的重要指示要求" in t for t in texts)
    assert not any(t.startswith(("为科技发展的战略基点", "近平总书记")) for t in texts)
    assert not any("**" in t for t in texts)
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert (1, "二、总体思路和发展目标") in headings
    assert (2, "（二）发展形势") in headings
    assert (1, "三、优化科技创新空间布局") in headings


def test_weihai_table_with_blank_line_inside() -> None:
    doc = read_document(SEEDS / "weihai-2022-plan.txt")
    [(_, table)] = list(doc.tables())
    assert table.rows[0] == ("指 标", "2020 年", "2025 年", "年均增速 [累计]")
    assert len(table.rows) == 14
    assert table.rows[-1] == ("年登记技术合同成交额 (亿)", "109", "130", "[21]")
    texts = [b.text for b in doc.blocks]
    joined = "大力实施科技型企业梯次培育工程，国家科技型中小企业入库企业 1136 家"
    assert any(joined in t for t in texts)


def test_zhifu_table_of_contents_dropped() -> None:
    doc = read_document(SEEDS / "zhifu-2021-plan.txt")
    tables = [b for _, b in doc.tables()]
    assert len(tables) == 1
    assert tables[0].rows[0][:2] == ("序号", "核心指标")
    first_heading = next(b for b in doc.blocks if b.kind == "heading")
    assert (first_heading.text, first_heading.line) == ("一、全面深化创新型城区建设", 49)


def test_yantai_responsibility_notes_joined() -> None:
    doc = read_document(SEEDS / "yantai-2024-opinion.txt")
    texts = [b.text for b in doc.blocks]
    assert any(t.endswith("（市委组织部牵头，各人才工程责任部门按职责分工负责）") for t in texts)
    assert "烟政字〔2024〕40号" in texts
    assert "烟台市人民政府" in texts


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_block_has_a_line(seed: str) -> None:
    doc = read_document(SEEDS / seed)
    assert doc.blocks
    assert all(b.line is not None and b.line >= 1 for b in doc.blocks)
    lines = [b.line or 0 for b in doc.blocks]
    assert lines == sorted(lines)
    assert not any("\t" in b.text for b in doc.blocks if b.kind != "table")


def test_empty_and_unsupported(tmp_path: Path) -> None:
    empty = tmp_path / "a.txt"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError) as err:
        read_document(empty)
    assert err.value.code == "empty"
    blank = tmp_path / "b.txt"
    blank.write_text("\n \n— 3 —\n", encoding="utf-8")
    with pytest.raises(DocumentError):
        read_document(blank)
    other = tmp_path / "c.xyz"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError) as err2:
        read_document(other)
    assert err2.value.code == "unsupported-format"


def test_tab_indented_prose_is_not_a_table() -> None:
    doc = read_document(FIXTURES / "tab-indented.txt")
    assert [(b.kind, b.text, b.line) for b in doc.blocks] == [
        ("heading", "一、总体要求", 1),
        ("paragraph", "到2030年，全市高新技术企业达到2000家，研发投入强度达到3.5%。", 2),
        ("heading", "二、重点任务", 4),
        ("paragraph", "支持企业建设研发机构。", 5),
    ]


def test_running_header_next_to_page_numbers_is_dropped() -> None:
    """A title repeated as a running header inside a broken sentence is removed before joining;
    the title itself and the same words inside a sentence stay."""
    texts = _texts(FIXTURES / "running-header.txt")
    assert texts == [
        "鹤壁市“十五五”科技创新发展规划",
        "一、发展目标",
        "到2030年，全市研发经费投入强度达到2.8%，高新技术企业达到600家，科技型中小企业达到1200家。",
        "创新平台体系更加完善，省级以上研发平台达到300个。",
        "二、重点任务",
        "鹤壁市“十五五”科技创新发展规划是全市科技工作的总纲。",
    ]


def test_notice_frame_lines_are_never_joined() -> None:
    """Notice title, document number, addressee, signature and date stay separate lines, also
    after a measure ending in its responsibility note."""
    texts = _texts(FIXTURES / "notice-frame.txt")
    assert texts == [
        "河南省人民政府办公厅关于印发河南省加快科技成果转化若干措施的通知",
        "豫政办〔2026〕7号",
        "各市、县人民政府，省人民政府各部门：",
        "现将《河南省加快科技成果转化若干措施》印发给你们，请认真贯彻执行。",
        "（一）建设概念验证中心。到2028年建设概念验证中心30家（省科技厅牵头，省财政厅配合）",
        "河南省人民政府办公厅",
        "二〇二六年一月二十日",
        "（此件公开发布）",
    ]


@pytest.mark.parametrize(("text", "formal"), [
    ("浙政办发〔2025〕21号", True),
    ("烟台市科学技术局", True),
    ("2024年3月5日", True),
    ("各区（市）人民政府，市直各部门：", True),
    ("着力构建创新发展新格局", False),
    ("到2025年，高新技术企业达到", False),
])
def test_is_formal_line(text: str, formal: bool) -> None:
    assert is_formal_line(text) is formal


def test_pipe_table_rows_keep_their_own_source_lines(tmp_path: Path) -> None:
    """The rule line under a Markdown header and a blank line inside the table are skipped: each
    row (and so each indicator and finding) points at its own line, not the one above."""
    from planwatch.actions import extract_file
    path = tmp_path / "plan.md"
    path.write_text("# 某市“十四五”科技创新规划\n\n## 主要指标\n\n"
                    "| 序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性 |\n"
                    "|---|---|---|---|---|---|\n"
                    "| 1 | 研发经费投入强度 | % | 2.5 | 3.0 | 预期性 |\n\n"
                    "| 2 | 高新技术企业数 | 家 | 100 | 200 | 预期性 |\n"
                    "|  | | 家 | 1 | 2 | 预期性 |\n", encoding="utf-8")
    plan = extract_file(path)
    assert [(i.name, i.line) for i in plan.indicators] == [("研发经费投入强度", 7),
                                                          ("高新技术企业数", 9)]
    assert [f.line for f in plan.findings if f.code == "table-row-damaged"] == [10]
