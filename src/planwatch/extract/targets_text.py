"""Layout context for prose targets: paragraphs re-joined across broken lines, heading levels,
section kinds (past results / goals), the plan period and year context of each sentence."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from planwatch.extract.meta_dates import five_year_span
from planwatch.extract.numbers import parse_number
from planwatch.parse.cell_tasks import DUTY_COLUMN, names_units
from planwatch.parse.document import Block, Document
from planwatch.parse.layout import is_formal_line

_HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^第[一二三四五六七八九十百]+[章节篇部]"), 0),
    (re.compile(r"^[一二三四五六七八九十]+[、．.]"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 2),
    (re.compile(r"^\d{1,2}[.．、](?!\d)"), 3),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 4),
    (re.compile(r"^专栏\s*\d*"), 5),
)
_HEADING_FIRST = frozenset("第一二三四五六七八九十（(0123456789专")
_LABEL = re.compile(r"^([^，。：:]{2,20})[：:]")
_PAST_HEADING = re.compile(
    r"发展基础|(?:工作|现实|已有)基础$|发展成就|发展回顾|工作回顾|主要成就|取得成效|现状|成绩|十[一二三四]五.{0,4}(?:回顾|成就|成效)"
    r"|评估结果|实施成效|进展情况|完成情况|执行情况|总体评价|过去五年|(?:编制|规划|发展|制定|出台)背景")
_GOAL_HEADING = re.compile(r"目标")
_SENTENCE_END = "。；！？!?;"
_SENTENCE = re.compile(rf"[^{_SENTENCE_END}]*[{_SENTENCE_END}]|[^{_SENTENCE_END}]+\Z")
_JOIN_STOP = "。；！？!?;：:）)”】"
YEAR_BY = re.compile(
    r"(?:到|至|截至|(?:力争|争取|确保)(?:到|在)?|展望|目标(?:是|为)?[：:])"  # 主要目标是：2030 年…
    r"\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年")
_PLAN_LABEL = re.compile(r"十([一二三四五六七八九])五")
_AS_OF = re.compile(r"截[至止]")


@dataclass
class Para:
    """A paragraph (possibly re-joined from broken lines) with its layout context."""

    text: str
    lines: list[tuple[int, int]]  # (offset in text, source line)
    past: bool = False
    goal: bool = False
    lead_year: int | None = None
    scope: str | None = None
    column_year: int | None = None  # a task table's cell under 2025年工作计划: that year's work
    every_year: bool = False  # the same work under every year's column of a schedule

    def line_at(self, offset: int) -> int | None:
        line: int | None = None
        for start, no in self.lines:
            if start <= offset:
                line = no
        return line


@dataclass
class Period:
    start: int | None = None
    end: int | None = None


@dataclass
class _Section:
    level: int
    past: bool
    goal: bool
    lead_year: int | None = None
    scope: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def heading_level(block: Block) -> int | None:
    """Level of a heading-like block (0 = chapter … 5 = 专栏), None for body paragraphs."""
    text = block.text.strip()
    for pattern, level in _HEADING_PATTERNS if text[:1] in _HEADING_FIRST else ():
        if pattern.match(text):
            body = text.rstrip("。. ")
            if len(body) <= 40 and "。" not in body and "；" not in body:
                return level
            return None
    if block.kind == "heading":
        return block.level if block.level is not None else 1
    return None


def _joinable(prev: str, nxt: Block) -> bool:
    return (bool(prev) and prev[-1] not in _JOIN_STOP and heading_level(nxt) is None
            and not is_formal_line(prev) and not is_formal_line(nxt.text.strip()))


def join_paragraphs(doc: Document) -> list[tuple[Block, list[tuple[int, int]], str, bool]]:
    """(first block, line offsets, text, is_heading) with broken paragraphs joined back."""
    out: list[tuple[Block, list[tuple[int, int]], str, bool]] = []
    for block in doc.blocks:
        if block.kind == "table":
            out.append((block, [], "", True))
            continue
        text = block.text.strip()
        is_head = heading_level(block) is not None
        if out and not is_head and not out[-1][3] and _joinable(out[-1][2], block):
            first, lines, prev, _ = out[-1]
            lines.append((len(prev), block.line or 0))
            out[-1] = (first, lines, prev + text, False)
            continue
        out.append((block, [(0, block.line or 0)], text, is_head))
    return out


_SCOPE_SUFFIX = re.compile(r"(?:中心|科技园|产业园|园区|高新区|开发区|实验室|研究院|基地|科学城)$")
_NUMBER_PREFIX = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]|专栏\s*[\d一二三四五六七八九十]*[:：]?)\s*")
_SCOPE_VERBS = re.compile(r"^(?:加快|推进|推动|建设|打造|高标准|高水平|全力|积极|大力|加速)+")


def scope_of(label: str) -> str | None:
    """An institution or zone named by a heading or label (…区域创新中心, …科技园)."""
    core = _NUMBER_PREFIX.sub("", label.strip())
    core = core.rstrip("。：: ").removesuffix("建设")
    core = _SCOPE_VERBS.sub("", core)
    if 2 <= len(core) <= 20 and _SCOPE_SUFFIX.search(core):
        return core
    return None


_ZONE = re.compile(r"高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|自贸区|产业园区|产业园"
                   r"|科技园|园区")
_SEVERAL = re.compile(r"[、和及与]|各|一批|若干|等")


def zone_of(heading: str) -> str | None:
    """The one zone a section heading or 专栏 title is about (（一）全面提升高新区创新引领带动作用 →
    高新区); None when it names none or several (推进创新型产业园区在各区市、开发区的…)."""
    core = _NUMBER_PREFIX.sub("", heading.strip())
    if _SEVERAL.search(core):
        return None
    found = {m.group() for m in _ZONE.finditer(core)}
    if len(found) != 1:
        return None
    zone = found.pop()
    return {"高新技术产业开发区": "高新区", "经济技术开发区": "经开区"}.get(zone, zone)


# a paragraph that opens with its own goal heading (（二）工作目标。…), and the year it sets its
# goals for when the next sentence says so (2019年全市…工作明确三大目标)
_INLINE_GOALS = re.compile(r"^[（(][一二三四五六七八九十]{1,2}[)）]\s*"
                           r"(?:工作|主要|总体|发展)?目标(?:任务)?[。：:]\s*(?:((?:19|20)\d{2})年[^。；]{0,30}?目标)?")


def _lead_year(text: str) -> int | None:
    """The 到20xx年 (or 到“十二五”期末) that opens the paragraph, or its last sentence when that
    one leads in to the goal bullets ('2024年，…达到3160亿元。到2027年，…体系更加完善。')."""
    sentences = [s for _, s in split_sentences(text)]
    for sentence in sentences[:1] + sentences[-1:]:
        m = YEAR_BY.match(sentence.lstrip("—- "))
        if m:
            return _year(m.group(1))
        end = plan_end_year(sentence.lstrip("—- "), opening=True)
        if end is not None:
            return end
    return None


# 到“十二五”期末 / 至十四五末: the last year of that five-year plan
_PLAN_END = re.compile(
    r"(?:(?:到|至)\s*)?[“\"]?十([一二三四五六七八九])五[”\"]?(?:规划)?(?:期末|末期|末)(?!以来)")


def plan_end_year(sentence: str, opening: bool = False) -> int | None:
    """The year a 到“十X五”期末 in the sentence (at its start when ``opening``) names."""
    m = _PLAN_END.match(sentence) if opening else _PLAN_END.search(sentence)
    return five_year_span(m.group(1))[1] if m else None


def _year(raw: str) -> int | None:
    value = parse_number(raw)
    return int(value) if value is not None else None


def _earlier_plan(heading: str, period: Period | None) -> bool:
    """The heading names a five-year plan that ended before this plan began (a 十五五 plan's
    “十四五”时期…迈出坚实步伐 review)."""
    if period is None or period.start is None:
        return False
    return any(five_year_span(o)[1] < period.start for o in _PLAN_LABEL.findall(heading))


# the caption of an annex sharing the targets out among districts or towns: each paragraph
# after it is one place's share, not a target of the document's own
_ALLOTMENT = re.compile(r"^(?:附件[\d一二三四五六七八九十]*[:：]?)?[^。；]{0,60}?"
                        r"(?:街镇|区县|各区|各地|园区|镇)[^。；]{0,24}(?:目标|任务|指标)[^。；]{0,6}"
                        r"(?:分解|分配)表")
_ANNEX_OPEN = re.compile(r"\s*附\s*件")
_CONTENT_COLUMN = re.compile(r"内容|举措|措施|目标|要求|任务|工作计划")
_COLUMN_YEAR = re.compile(r"^((?:19|20)\d{2})年")  # 2024年工作任务: the work of that year
_TEXT_CELL = 12  # characters: a shorter cell is a title or a name, not a sentence


@dataclass
class TaskCell:
    """A sentence of a task table's row: its text, line, the year its column names, and whether
    the row states it for every year of the schedule."""

    text: str
    line: int
    year: int | None
    every_year: bool = False


def task_cells(block: Block) -> list[TaskCell]:
    """The sentences of a task table (重点内容, 工作举措 …: the columns a 分工表 states its work
    in), with their rows' lines and the year a column names (2024年工作任务); what they commit
    to is read like prose. Other tables give none."""
    if not block.rows or not any(DUTY_COLUMN.search(c) for c in block.rows[0]):
        return []
    cols = [j for j, c in enumerate(block.rows[0])
            if _CONTENT_COLUMN.search(c) and not DUTY_COLUMN.search(c)]
    years = {j: _year_of_column(block.rows[0][j]) for j in cols}
    lines = list(getattr(block, "row_lines", None) or [])  # recorded by the text readers
    out: list[TaskCell] = []
    width = len(block.rows[0])
    duty = next(j for j, c in enumerate(block.rows[0]) if DUTY_COLUMN.search(c))
    for r, raw in enumerate(block.rows[1:], start=1):
        line = lines[r] if r < len(lines) else (block.line or 0)
        row = _right_aligned(list(raw), duty)
        if len(row) < width and len(row) >= 2:
            # | 2 | 新建10家绿色工厂… | 市工信局 |: the group cell (领域) merged down is left out
            # of the row, so its work is the row's longest cell, not the one under the header
            # (| 落实…方案。 | 年底前 | 区城管委 |: the task's number and name too)
            work = max(row[1:] if len(cols) == 1 else row, key=len).strip()
            if len(work) >= _TEXT_CELL:
                out.append(TaskCell(work, line, years[cols[0]]))
            continue
        cells = [(row[j].strip(), years[j]) for j in cols
                 if j < len(row) and _work_cell(row[j].strip(), years[j])]
        out.extend(_every_year(cells, line, sorted(y for y in years.values() if y is not None)))
    return out


def _work_cell(text: str, year: int | None) -> bool:
    """A cell stating work: a sentence, or under a year's column any count (更新电梯50台)."""
    return len(text) >= _TEXT_CELL or (year is not None and len(text) >= 4
                                       and any(c.isdigit() for c in text))


def _right_aligned(row: list[str], duty: int) -> list[str]:
    """| 全区…更新公务用车27辆 | …24辆 | …12辆 | …11辆 | 区机关事务服务中心 | | |: a row whose
    first cells were merged into the row above, padded at its end by the reader, put back
    under its columns (the units it names under the duty column)."""
    pad = len(row) - len(list(itertools.dropwhile(lambda c: not c.strip(), reversed(row))))
    if pad == 0 or duty >= len(row) or row[duty].strip() or duty - pad < 0 \
            or not names_units(row[duty - pad]):
        return row
    return [""] * pad + row[:len(row) - pad]


def _every_year(cells: list[tuple[str, int | None]], line: int, years: list[int]
                ) -> list[TaskCell]:
    """A row of a yearly schedule that states the same work in every year's column (培育…高新技术
    企业20家以上 under 2024年目标 … 2027年目标) commits to it each year: one cell, read as 每年. A
    row whose only dated cell is the first year's, the later years' cells empty, holds one cell
    merged across the years (打造1家家电回收企业…): it is not that year's alone."""
    undated = [TaskCell(text, line, None) for text, year in cells if year is None]
    dated = [(text, year) for text, year in cells if year is not None]
    if len(years) >= 2 and len(dated) == len(years) and len({t for t, _ in dated}) == 1:
        return [*undated, TaskCell(dated[0][0], line, None, every_year=True)]
    if len(years) >= 3 and len(dated) == 1 and dated[0][1] == years[0]:
        return [*undated, TaskCell(dated[0][0], line, None)]
    return [TaskCell(text, line, year) for text, year in cells]


def _year_of_column(header: str) -> int | None:
    m = _COLUMN_YEAR.match(re.sub(r"\s+", "", header))
    return int(m.group(1)) if m else None


def build_paras(doc: Document, period: Period | None = None) -> list[Para]:
    """Paragraphs with section context: past-results sections and goal sections marked.
    With the plan ``period``, a section about an earlier five-year plan is a past section."""
    stack: list[_Section] = []
    paras: list[Para] = []
    allotted = False  # inside an annex that shares the goals out among places (…任务分解表)
    for block, lines, text, is_head in join_paragraphs(doc):
        if is_head or _ANNEX_OPEN.match(text):
            allotted = False
        if block.kind != "table" and "表" in text \
                and _ALLOTMENT.match(re.sub(r"\s+", "", text)[:120]):
            allotted = True  # 2019年街镇（园区）生活垃圾分类目标任务分解表: each place's share
            continue
        if allotted and block.kind != "table":
            continue
        if block.kind == "table":
            sec = stack[-1] if stack else None
            paras.extend(Para(c.text, [(0, c.line)], bool(sec and sec.past), False,
                              c.year or (None if c.every_year or sec is None else sec.lead_year),
                              sec.scope if sec else None, c.year, c.every_year)
                         for c in task_cells(block))
            continue
        if is_head:
            level = heading_level(block) or 0
            while stack and stack[-1].level >= level:
                stack.pop()
            inherited = stack[-1] if stack else None
            earlier = _earlier_plan(text, period)
            stage = _stage_year(text, period)
            stack.append(_Section(
                level,
                bool(_PAST_HEADING.search(text)) or earlier
                or (inherited.past if inherited else False),
                (bool(_GOAL_HEADING.search(text)) and not earlier) or stage is not None
                or (inherited.goal if inherited else False),
                stage or (inherited.lead_year if inherited else None),
                scope_of(text) or zone_of(text) or (inherited.scope if inherited else None),
            ))
            continue
        sec = stack[-1] if stack else None
        if sec and sec.goal and sec.lead_year is None:
            sec.lead_year = _lead_year(text)
        label = _LABEL.match(text)
        scope = (scope_of(label.group(1)) if label else None) or (sec.scope if sec else None)
        inline = _INLINE_GOALS.match(text)  # （二）工作目标。2019年全市…明确三大目标。…
        lead = (int(inline.group(1)) if inline and inline.group(1) else None) \
            or (sec.lead_year if sec else None)
        paras.append(Para(text, lines, bool(sec and sec.past),
                          bool(sec and sec.goal) or inline is not None, lead, scope))
    return paras


# （二）建设及试运行阶段（2025年年底前） / 到2027年: a stage of the plan, dated by its heading
_STAGE = re.compile(
    r"(?:到|至)((?:19|20)\d{2})年|((?:19|20)\d{2})年(?:年?底|末|\d{1,2}月底?)?(?:前|以前)")


def _stage_year(heading: str, period: Period | None) -> int | None:
    """The year a heading sets for what its section is to achieve, when not before the plan."""
    m = _STAGE.search(heading)
    if m is None:
        return None
    year = int(m.group(1) or m.group(2))
    start = period.start if period is not None else None
    return year if start is None or year >= start else None


def infer_period(doc: Document, start: int | None, end: int | None) -> Period:
    """The plan period: from meta when known, else from the “十X五” label, else the 到20xx years."""
    if start and end:
        return Period(start, end)
    head = " ".join(b.text for b in doc.blocks[:40])
    m = _PLAN_LABEL.search(head)
    if m:
        first, last = five_year_span(m.group(1))
        return Period(start or first, end or last)
    text = doc.full_text()
    years = Counter(y for y in (_year(m.group(1)) for m in YEAR_BY.finditer(text)
                                if not _AS_OF.search(text, max(0, m.start() - 3), m.end()))
                    if y and 1990 < y < 2100)  # 截至2013年底 is where things stood
    if years:
        last = years.most_common(1)[0][0]
        return Period(start or last - 4, end or last)
    return Period(start, end)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces ending at 。；！？ (the end mark kept)."""
    return list(_split_sentences(text))


@lru_cache(maxsize=4096)
def _split_sentences(text: str) -> tuple[tuple[int, str], ...]:
    return tuple([(m.start(), s) for m in _SENTENCE.finditer(text) if (s := m.group()).strip()])
