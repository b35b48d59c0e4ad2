"""Shared table reading: header cells → column roles, header-row detection, captions,
continuation tables and the five-year-plan period named in a caption (十三五 → 2016–2020).

Both the indicator extractor (主要指标 / 完成情况) and the project extractor (重大项目) use this
module, so a header such as ``年均增速(%)/〔累计〕`` or ``所属镇街区`` is understood in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from planwatch.extract.numbers import parse_cell
from planwatch.parse.document import Block, Document

Role = Literal[
    "seq", "category", "name", "unit", "baseline", "target", "actual", "year", "growth",
    "attribute", "status", "note", "project", "undertaker", "location", "investment",
    "content", "period", "other",
]
TableKind = Literal["indicator", "prior", "project"]

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_SPACE = re.compile(r"\s+")
_UNIT_NOTE = re.compile(r"[（(](?:计量)?单位[）)]$")
_ATTR_VALUE = re.compile(r"^(?:预期|约束)性(?:\[\d{1,2}\]|［\d{1,2}］|\*)?$")

# Ordered: the first rule whose keyword occurs in the header cell decides the role.
_ROLE_RULES: tuple[tuple[Role, tuple[str, ...]], ...] = (
    ("attribute", ("属性", "性质")),
    ("seq", ("序号", "编号")),
    ("name", ("指标名称", "指标内容", "指标项", "二级指标", "目标内容", "目标名称")),
    ("category", ("一级指标",)),
    ("note", ("备注", "说明")),
    ("status", ("完成情况", "完成状态", "进展情况", "是否完成")),
    ("actual", ("完成值", "完成数", "实际值", "实现值", "完成", "实际")),
    ("investment", ("投资",)),
    ("content", ("建设内容", "主要内容", "研究内容", "内容", "规模")),
    ("period", ("建设期限", "起止年限", "建设年限", "实施期限", "期限", "年限")),
    ("undertaker", ("项目单位", "项目承担单位", "项目建设单位", "项目实施单位", "项目业主",
                    "业主单位", "项目法人")),
    ("project", ("项目名称", "项目")),
    ("undertaker", ("承担单位", "实施单位", "建设单位", "责任单位", "牵头单位", "申报单位",
                    "企业名称", "单位名称", "承担主体", "实施主体", "建设主体")),
    ("location", ("镇街", "所在地", "地点", "位置", "所属区", "区县", "县市区", "园区", "区域",
                  "乡镇", "所在")),
    ("unit", ("计量单位", "单位")),
    ("category", ("类别", "分类", "类目")),  # 目标类别: the group, not a target
    ("growth", ("增速", "增长", "增幅", "累计", "变化")),
    ("target", ("目标值", "目标", "规划值", "预期值", "规划水平", "目标水平", "计划值", "计划数")),
    ("baseline", ("基础值", "基期值", "基数", "基期", "基准", "现状值", "现状", "基础", "现有",
                  "当前", "起始", "基线")),
    ("category", ("类别", "分类", "领域", "维度", "方面", "类型", "产业", "板块", "类目")),
    ("name", ("指标名称", "具体指标", "核心指标", "主要指标", "指标", "名称")),
)


# each rule's words as one pattern: "does any of them occur in the cell" in one scan
_ROLE_PATTERNS: tuple[tuple[Role, re.Pattern[str]], ...] = tuple(
    (role, re.compile("|".join(map(re.escape, words)))) for role, words in _ROLE_RULES)

_GENERIC_VALUE = frozenset({"指标值", "数值", "指标数值", "值", "年份", "年度", "预计", "预计值",
                            "预计数", "预估值"})


@dataclass(frozen=True)
class Column:
    """One column of a table: its position, what it holds and the year its header names."""

    index: int
    role: Role
    header: str
    year: int | None = None


@dataclass
class Header:
    """The header of a table: the columns and how many rows the header takes."""

    columns: list[Column]
    rows: int = 1

    def first(self, role: Role) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def all(self, role: Role) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    @property
    def roles(self) -> set[Role]:
        return {c.role for c in self.columns}


@dataclass
class TableGroup:
    """A table, possibly continued over several blocks (page break, blank line)."""

    index: int
    blocks: list[Block] = field(default_factory=list)
    caption: str = ""

    @property
    def rows(self) -> list[tuple[str, ...]]:
        return [r for b in self.blocks for r in b.rows]

    @property
    def line(self) -> int | None:
        return self.blocks[0].line if self.blocks else None

    def row_line(self, row_index: int) -> int | None:
        """Source line of a row: the reader's ``row_lines`` where it records them, else
        counted from the block's first line (text formats: one row per line)."""
        offset = row_index
        for block in self.blocks:
            if offset < len(block.rows):
                row_lines = getattr(block, "row_lines", None)
                if row_lines and offset < len(row_lines):
                    return int(row_lines[offset])
                return None if block.line is None else block.line + offset
            offset -= len(block.rows)
        return self.line


def squash(text: str) -> str:
    """Remove all whitespace (headers like ``指 标``, names like ``R&D 经费``)."""
    return _SPACE.sub("", text)


@lru_cache(maxsize=4096)
def classify_header(cell: str) -> Column:
    """Role and year of one header cell (index filled by the caller)."""
    text = squash(cell)
    m = _YEAR.search(text)
    year = int(m.group(1)) if m else None
    rest = _YEAR.sub("", text) if m else text
    bare = _UNIT_NOTE.sub("", rest)
    if bare and bare != rest:  # 指标名称（单位）: the bracket only says where the unit is
        rest = bare
    if year is None and (period := plan_period(text)) is not None:
        return _period_column(cell, rest, period)
    if year is not None and rest.strip("()（）") in _GENERIC_VALUE:
        return Column(0, "year", cell, year)  # 指标值2020年: dated by the year alone
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(rest):
            return Column(0, role, cell, year)
    if year is not None and len(rest.strip("()（）%")) <= 2:
        return Column(0, "year", cell, year)
    return Column(0, "other", cell, year)


_PERIOD_MARK = re.compile(r"[“”\"]?十[一二三四五六七八九]五[“”\"]?(?:时期|期间|末)?")


def _period_column(cell: str, rest: str, period: tuple[int, int]) -> Column:
    """``“十五五”目标`` → target 2030, ``“十四五”现状`` → baseline 2025, ``“十四五”完成值`` →
    actual 2025: a five-year plan named in a header dates the column to the plan's last year."""
    core = _PERIOD_MARK.sub("", rest)
    year = period[1]
    if core in ("期末", "期末值", "末期", "末"):
        return Column(0, "year", cell, year)  # “十四五”期末 ‖ “十五五”期末: like 2025年 ‖ 2030年
    for role, pattern in _ROLE_PATTERNS:
        if role in ("name", "category") and core.endswith(("指标", "规划")):
            return Column(0, "target", cell, year)
        if pattern.search(core):
            return Column(0, role, cell, year)
    if core in ("", "规划", "指标"):
        return Column(0, "target", cell, year)
    return Column(0, "other", cell, year)


@lru_cache(maxsize=4096)
def _is_header_row(row: tuple[str, ...]) -> bool:
    cells = [c for c in row if c.strip()]
    if len(set(cells)) < 2 or any(_ATTR_VALUE.match(squash(c)) for c in cells):
        return False  # a row that says 预期性/约束性 is data, whatever words its cells hold
    known = [classify_header(c) for c in cells]
    numeric = [c for c, k in zip(cells, known, strict=True) if k.year is None and _is_number(c)]
    return not numeric and sum(k.role != "other" for k in known) >= 2


def _is_number(cell: str) -> bool:
    c = parse_cell(cell)
    return c.value is not None and not c.missing


def _merge_header_rows(top: tuple[str, ...], sub: tuple[str, ...]) -> tuple[str, ...]:
    width = max(len(top), len(sub))
    cells = []
    for i in range(width):
        a = top[i] if i < len(top) else ""
        b = sub[i] if i < len(sub) else ""
        cells.append(a if a == b else f"{a}{b}")
    return tuple(cells)


def detect_header(rows: list[tuple[str, ...]], max_skip: int = 2) -> Header | None:
    """Find the header row (within the first rows) and map each column to a role.

    Up to two more header rows directly below (no numbers, known roles) are merged into the
    first, so header groups read as one cell per column: ``指标值`` spanning ``2020年`` and
    ``2025年`` gives ``指标值2020年`` and ``指标值2025年``; ``2025年`` over ``目标值`` gives
    ``2025年目标值``.
    """
    for start in range(min(max_skip + 1, len(rows))):
        if not _is_header_row(tuple(rows[start])):
            continue
        cells, used = rows[start], 1
        while used < 3 and start + used < len(rows):
            nxt = rows[start + used]
            if not _is_header_row(tuple(nxt)) or len(set(nxt) - {""}) <= 1:
                break
            cells, used = _merge_header_rows(cells, nxt), used + 1
        columns = [_with_index(classify_header(c), i) for i, c in enumerate(cells)]
        return Header(columns=_resolve_years(columns), rows=start + used)
    return None


def _with_index(col: Column, index: int) -> Column:
    return Column(index, col.role, col.header, col.year)


def _resolve_years(columns: list[Column]) -> list[Column]:
    """Bare year columns (``2020 年``, ``2025 年``): earliest is the baseline, latest the target."""
    bare = [c for c in columns if c.role == "year"]
    if not bare:
        return columns
    years = sorted(c.year for c in bare if c.year is not None)
    has_base = any(c.role == "baseline" for c in columns)
    has_target = any(c.role == "target" for c in columns)
    out = []
    for c in columns:
        role: Role = c.role
        if c.role == "year":
            if c.year == years[-1] and not has_target and (len(years) > 1 or has_base):
                role = "target"
            elif c.year == years[0] and not has_base:
                role = "baseline"
            else:
                role = "other"
        out.append(Column(c.index, role, c.header, c.year))
    return out


def table_kind(header: Header) -> TableKind | None:
    """Indicator table, previous-period results table, project table — by header semantics."""
    roles = header.roles
    if "project" in roles and roles & {"undertaker", "location", "category", "investment"}:
        return "project"
    if "name" not in roles and "category" not in roles:
        return None
    if "actual" in roles or ("status" in roles and "target" in roles):
        return "prior"
    if roles & {"target", "growth"}:
        return "indicator"
    return None


_CAPTION = re.compile(r"^(?:表|附表)\s*[\d一二三四五六七八九十]+(?:\s*[-－—.．]\s*\d+)?")


def table_label(caption: str) -> str | None:
    """``表2-1 “十四五”期间…`` → ``表2-1``."""
    m = _CAPTION.match(caption.strip())
    return squash(m.group(0)).replace("－", "-").replace("—", "-") if m else None


def caption_before(doc: Document, index: int, lookback: int = 2) -> str:
    """The caption right before a table: a short paragraph/heading naming the table."""
    candidates: list[str] = []
    for block in reversed(doc.blocks[max(0, index - lookback):index]):
        if block.kind == "table":
            break
        text = block.text.strip()
        if len(text) <= 60:
            candidates.append(text)
    for text in candidates:
        if table_label(text) or "指标" in text or "项目" in text or "表" in text:
            return text
    return candidates[0] if candidates else ""


def note_after(doc: Document, index: int, lookahead: int = 2) -> str:
    """Footnote paragraphs right after a table (``注：*代表 2019 年完成数``)."""
    notes = []
    for block in doc.blocks[index + 1:index + 1 + lookahead]:
        if block.kind == "table":
            break
        if block.text.lstrip().startswith(("注", "备注", "说明")):
            notes.append(block.text)
    return "\n".join(notes)


def group_tables(doc: Document) -> list[TableGroup]:
    """Tables in reading order. A header-less table of the same width that follows a table
    directly, or after only short category lines (``二、科学普及`` read as a paragraph),
    continues it (tables split by blank lines, page breaks or section rows)."""
    groups: list[TableGroup] = []
    last_end = -2
    for i, block in doc.tables():
        last = groups[-1] if groups else None
        between = doc.blocks[last_end + 1:i]
        if (last is not None and _only_category_lines(between) and not _starts_with_header(block)
                and _width(block) == _width(last.blocks[0])):
            last.blocks.extend(_as_row(b, _width(block)) for b in between)
            last.blocks.append(block)
        else:
            caption = caption_before(doc, i) or _caption_row(block)
            groups.append(TableGroup(index=i, blocks=[block], caption=caption))
        last_end = i
    return groups


def _caption_row(block: Block) -> str:
    """A title row inside the table itself (one text merged across the first row)."""
    first = {c.strip() for c in block.rows[0] if c.strip()} if block.rows else set()
    if len(first) == 1:
        text = first.pop()
        if table_label(text) or "指标" in text or "项目" in text:
            return text
    return ""


def _only_category_lines(blocks: list[Block]) -> bool:
    return len(blocks) <= 3 and all(
        b.kind != "table" and len(b.text) <= 20 and not b.text.rstrip().endswith(("。", "；"))
        and not b.text.lstrip().startswith(("注", "表", "说明"))
        for b in blocks
    )


def _as_row(block: Block, width: int) -> Block:
    row = (block.text.strip(), *([""] * (width - 1)))
    return Block(kind="table", text=block.text, rows=(row,), line=block.line, page=block.page)


def _starts_with_header(block: Block) -> bool:
    return detect_header(list(block.rows[:3])) is not None


def _width(block: Block) -> int:
    return max((len(r) for r in block.rows), default=0)


_PLAN_NO = re.compile(r"十([一二三四五六七八九])五")
_CN_SMALL = "一二三四五六七八九"


def plan_period(text: str) -> tuple[int, int] | None:
    """Years of the five-year plan a caption names: 十三五 → (2016, 2020), 十五五 → (2026, 2030)."""
    m = _PLAN_NO.search(text)
    if not m:
        return None
    number = 10 + _CN_SMALL.index(m.group(1)) + 1
    end = 2010 + 5 * (number - 11)
    return end - 4, end
