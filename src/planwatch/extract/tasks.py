"""Tasks: numbered measures carrying a responsibility note (牵头/配合/按职责分工负责).

Two layouts are read:

* prose measures ``（二）推动产业创新平台提质升级。……（市科技局牵头，市发展改革委配合）`` — the
  note may close the measure's paragraph or stand on its own line after it, and a paragraph
  broken mid-word is joined back before the note is read;
* 任务分工 tables with columns like 序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限.

Notes are read in the document's convention (see :mod:`planwatch.extract.departments`): a remark
``列第一位的为牵头单位，下同`` makes the first department named lead in that note and, with 下同
(or 以下), in every note and table after it. A task's ``deadline`` is the 时限 as printed — from
the note (``2025年底前完成``, ``持续推进``), the table's 时限 column, or the measure's own
``…年底前`` when it names exactly one — and ``deadline_year`` its year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from planwatch.extract import departments
from planwatch.extract.departments import Responsibility
from planwatch.extract.numbers import parse_number
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding
from planwatch.model.plan import Task
from planwatch.parse.cell_tasks import names_units
from planwatch.parse.document import Block, Document
from planwatch.parse.normalize import is_placeholder

_CN = "一二三四五六七八九十百零〇两"
_MEASURE = re.compile(rf"^[（(]\s*([{_CN}]+)\s*[)）]\s*(.*)$", re.S)
_ITEM = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?!\d)(.*)$", re.S)
_ARTICLE = re.compile(rf"^第([{_CN}\d]+)条\s*(.*)$", re.S)  # 第三条 人才支持: a 若干措施 article
_SUB_POINT = re.compile(r"^[（(]\d{1,2}[)）]")
_TOP_HEADING = re.compile(rf"^(?:第[{_CN}\d]+[章节部分篇]|[{_CN}]+、)")
_NOTE = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]{0,24}[)）]){2,300}?)[)）]")
_NOTE_SHAPE = re.compile(
    r"(?:牵头|(?:配合|参与|协同|协助)(?:实施|落实|推进)?|负责(?:指导|实施|推进|组织实施)?|落实"
    r"|(?:部门|单位|局|办)(?:分工)?组织实施)[。.]?$"
    r"|^(?:责任|牵头(?:指导)?|配合|负责|主责)(?:单位|部门|处室)[：:]"
)
_NOTE_HINT = re.compile(r"牵头|配合|参与|协同|协助|负责|落实|单位|部门")
_LABELLED = re.compile(r"(?:责任单位|责任部门|牵头单位|牵头部门)[：:].*$")


@dataclass
class TaskResult:
    tasks: list[Task] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _Measure:
    number: int
    head: str
    parts: list[str]
    line: int | None
    section: str | None = None
    first_leads: bool = False
    group: bool = False  # numbered （一）, which may hold items 1. 2. …
    article: bool = False  # 第N条, which may hold items （一）（二）…
    comma_leads: bool = False  # 第一个逗号前为牵头单位 said for the notes after (下同)

    @property
    def text(self) -> str:
        return "".join("".join(p.split()) for p in self.parts)


def extract_tasks(doc: Document) -> TaskResult:
    result = TaskResult()
    carry = _convention_carried(doc.blocks)
    commas = _comma_carried(doc.blocks)
    for measure in _measures(doc.blocks, carry, commas):
        for each in _noted_points(measure):
            _add_measure(each, result)
    result.tasks = _filed_by_document(result.tasks, doc.blocks)
    body = {t.section for t in result.tasks if t.section} | {t.title for t in result.tasks}
    for i, block in doc.tables():
        first_leads = carry[i] or any(departments.FIRST_LEADS.search(c)
                                      for row in block.rows for c in row)
        caption = _caption(doc.blocks, i)
        rows = tasks_from_table(block, result.findings, first_leads, caption)
        rows = _not_restated(rows, result.tasks)
        result.tasks.extend(_apart_from_body(rows, body, caption))
    return result


def _same_measure(row: Task, task: Task) -> bool:
    if row.number != task.number:
        return False
    if row.title == task.title:
        return True
    a, b = set(row.title), set(task.title)
    return 2 * len(a & b) / (len(a) + len(b)) >= 0.8


def _not_restated(rows: list[Task], body: list[Task]) -> list[Task]:
    """A table that restates the body's numbered measures (an annex schedule, 13 ‖
    推动农业农村装备设备更新 ‖ 2024年… for the body's 13.推动农业装备设备更新): its rows for those
    measures are the same measures, listed once; rows the body lacks stay. A table repeating
    fewer than half of its rows is a list of its own."""
    same = [any(_same_measure(r, t) for t in body) for r in rows]
    if not rows or 2 * sum(same) < len(rows):
        return rows
    return [r for r, dup in zip(rows, same, strict=True) if not dup]


# 奉贤区受污染耕地安全利用工作方案: the title of one of several documents a notice carries
_CARRIED_TITLE = re.compile(r"^[^。，；：:、（）()《》]{6,60}"
                            r"(?:工作方案|实施方案|行动方案|行动计划|实施意见|实施细则|工作要点)$")


_CARRIED_ENDS = ("方案", "计划", "意见", "细则", "要点")


def _carried_documents(blocks: list[Block]) -> list[tuple[int, str]]:
    """(line, title) of the documents a notice carries one after another (附件1 …方案, 附件2 …),
    each a title standing alone before its own preamble and 一、 chapter; none when the notice
    carries fewer than two."""
    titles: list[tuple[int, str]] = []
    for i, block in enumerate(blocks):
        if not block.text.rstrip().endswith(_CARRIED_ENDS) or len(block.text) > 90:
            continue
        text = _WS.sub("", block.text)
        if block.line is not None and _CARRIED_TITLE.match(text) \
                and any(_TOP_HEADING.match(b.text.strip()) for b in blocks[i + 1:i + 4]):
            titles.append((block.line, text))
    return titles if len({t for _, t in titles}) >= 2 else []


def _filed_by_document(tasks: list[Task], blocks: list[Block]) -> list[Task]:
    """Tasks of a notice that carries several 方案, each numbering its 主要任务 afresh: filed
    under the 方案 they belong to (its title as their section), so that 主要任务 1 of the second
    方案 is not 主要任务 1 of the first."""
    titles = _carried_documents(blocks)
    if not titles:
        return tasks
    out: list[Task] = []
    for t in tasks:
        owner = [title for line, title in titles if t.line is not None and line <= t.line]
        out.append(t.model_copy(update={"section": owner[-1]}) if owner else t)
    return out


def _apart_from_body(rows: list[Task], body: set[str], caption: str | None) -> list[Task]:
    """A 任务分工表 whose groups repeat the document's own measures or their headings (附表1
    任务分工表: 推进实施…示范工程 ‖ “光伏+地铁”工程 ‖ 1…4, the body's 1.“光伏+地铁”工程): its
    rows are filed under its caption, apart from the body's measures of the same name."""
    if caption is None or not any(t.section in body for t in rows):
        return rows
    return [t.model_copy(update={"section": caption}) for t in rows]


_ANNEX_CAPTION = re.compile(r"(?:附件\s*[\d一二三四五六七八九十]*[:：]?\s*)?"
                            r"([^。；，,：:）)]{2,60}?(?:分工|分解|任务|清单|责任)[^。；]{0,6}表)$")


def _caption(blocks: list[Block], i: int) -> str | None:
    """The caption printed right above a task table (…重点任务分解表), also where a reader ran
    it into the paragraph before: the section of the table's rows."""
    for block in reversed(blocks[max(0, i - 3):i]):
        if block.kind == "table":
            return None
        tail = _WS.sub("", block.text[-160:])
        m = _ANNEX_CAPTION.search(tail) if tail.endswith("表") else None  # a caption ends it
        if m:
            return m.group(1)
    return None


def _convention_carried(blocks: list[Block]) -> list[bool]:
    """Per block: has the document said, for the notes after, that the first department named
    leads? '…（列第一位的为牵头单位，下同）', '以下…列第一位的为牵头单位', or a remark standing
    on its own ('注：责任单位中列第一位的为牵头单位') rather than after one note's list."""
    out, on = [], False
    for block in blocks:
        m = departments.FIRST_LEADS.search(block.text) if "牵头" in block.text else None
        if m:
            before = re.sub(r"[\s（(，,：:]+$", "", block.text[:m.start()])
            last = re.split(r"[、，,：:；;（(]", before)[-1]
            if m.group(1) or "以下" in before[-12:] or not departments.looks_like_department(last):
                on = True
        out.append(on)
    return out


def _comma_carried(blocks: list[Block]) -> list[bool]:
    """Per block: has a note said, for the notes after it, that the units before the first comma
    lead (…；第一个逗号前为牵头单位，…，下同)?"""
    out, on = [], False
    for block in blocks:
        m = departments.COMMA_LEADS.search(block.text) if "逗号" in block.text else None
        on = on or (m is not None and m.group(1) is not None)
        out.append(on)
    return out


def _measures(blocks: list[Block], carry: list[bool] | None = None,
              commas: list[bool] | None = None) -> list[_Measure]:
    """Numbered measures with the paragraphs that continue them (until the next number)."""
    out: list[_Measure] = []
    current: _Measure | None = None
    group: _Measure | None = None  # the （一） whose items 1. 2. … follow
    article: _Measure | None = None  # the 第N条 whose items （一）（二）… follow
    chapter: _Measure | None = None  # a chapter heading, a measure while no measure opens in it
    section: str | None = None
    for i, block in enumerate(blocks):
        text = block.text.strip()
        started = _start(text, block.line) or _chapter_measure(block, text)
        if started is not None:
            # items 1. 2. under a （一） heading number afresh in every group: the group is their
            # section; a measure of its own (（一）, or a chapter's) has the chapter
            started.section = _title(group.head) if group is not None and not started.group \
                and find_note(group.text) is None else section
            if started.article:
                article, group = started, None
            elif started.group and article is not None and find_note(article.text) is None:
                started.section = _title(article.head)  # 第三条 人才支持 ‖ （一）…（责任单位：A）
            started.first_leads = bool(carry and i > 0 and carry[i - 1])
            started.comma_leads = bool(commas and i > 0 and commas[i - 1])
            current = started
            out.append(current)
            group = started if started.group else group
        elif _BOX.match(text):
            current = None  # 专栏2 能源供应保障项目 ‖ 1.油气勘探：…: a box, not the measure's text
        elif current is not None and not current.group and _SUB_POINT.match(text):
            current.parts.append(text)  # (1)…(2)… under a measure 2.: its points, not headings
        elif block.kind == "table" or _TOP_HEADING.match(text) or block.kind == "heading":
            if current is not None and current is chapter and len(current.parts) > 1:
                out.append(current)  # a chapter with no measures of its own but a note
            current = group = chapter = article = None
            # the document's own title (its first block, unnumbered) names no section
            titled = i == 0 and not _TOP_HEADING.match(text)
            section = _section_title(text) if block.kind != "table" and not titled else section
            head = _CHAPTER_NUMBER.match(text) if block.kind != "table" else None
            value = parse_number(head.group(1)) if head else None
            if head and value is not None and value == int(value) and value >= 1:
                # 五、大力发展循环经济 ‖ its text …（牵头单位：…）: numbered by its chapter
                current = chapter = _Measure(int(value), head.group(2), [head.group(2)],
                                             block.line, section=section)
        elif current is not None and group is not None and _closes_group(text, group, out):
            group.parts.append(text)  # （责任单位：…） after the last item: the group's note
            current = group = None
        elif current is not None:
            current.parts.append(text)
    if current is not None and current is chapter and len(current.parts) > 1:
        out.append(current)
    return _groups_closed_by_a_label(out)


def _groups_closed_by_a_label(measures: list[_Measure]) -> list[_Measure]:
    """（一）…应对措施：1.… 2.… 3.…。完成期限：…牵头单位：A责任单位：B — a labelled note run on
    after the last of two or more items, none of which has a note of its own: it names who
    answers for the whole group (as a note standing after them does), the items are its text."""
    out = list(measures)
    for group in [m for m in measures if m.group]:
        at, head = out.index(group), _title(group.head)
        items: list[_Measure] = []
        for m in out[at + 1:]:
            if m.group or m.article or m.section != head:
                break
            items.append(m)
        if len(items) < 2 or _LABELLED.search(items[-1].text) is None \
                or find_note(group.text) is not None \
                or any(find_note(m.text) is not None for m in items[:-1]):
            continue
        group.parts.extend(p for m in items for p in m.parts)
        del out[at + 1:at + 1 + len(items)]
    return out


_BOX = re.compile(r"^专栏\s*[\d一二三四五六七八九十]{1,3}")
_POINT = re.compile(r"^[（(](\d{1,2})[)）]\s*(.*)$", re.S)


def _noted_points(measure: _Measure) -> list[_Measure]:
    """``1.加强产地环境保护`` ‖ ``（1）做好…。（责任单位：A）`` ‖ ``（2）开展…。（责任单位：B）``: a
    measure whose points each carry a note of their own is a group; its points are the tasks
    (numbered (1), (2) …, the measure their section). Otherwise the measure itself."""
    points = [(m, part) for part in measure.parts[1:] if part.lstrip()[:1] in "（("
              and (m := _POINT.match("".join(part.split()))) is not None]
    if len(points) < 2 or any(find_note(part) is None for _, part in points):
        return [measure]
    section = _title(measure.head)
    return [_Measure(int(m.group(1)), m.group(2), [m.group(2)], measure.line, section,
                     measure.first_leads, comma_leads=measure.comma_leads) for m, _ in points]


def _closes_group(text: str, group: _Measure, measures: list[_Measure]) -> bool:
    """A note standing as a paragraph of its own after two or more items of a （一） group, none
    of which carries a note of its own: it names who is responsible for the whole group."""
    if not (text[:1] in "（(" and text[-1:] in "）)" and find_note(text) is not None):
        return False
    items = measures[measures.index(group) + 1:]
    return len(items) >= 2 and find_note(group.text) is None \
        and all(find_note(item.text) is None for item in items)


_CHAPTER_PREFIX = re.compile(rf"^(?:第[{_CN}\d]+[章节部分篇]|[{_CN}]+、)\s*")


def _section_title(text: str) -> str:
    return _CHAPTER_PREFIX.sub("", text)


def _start(text: str, line: int | None) -> _Measure | None:
    first = text[:1]  # (each form has its own first character: a cheap test first)
    m = (_MEASURE.match(text) if first in ("（", "(") else
         _ITEM.match(text) if first.isdigit() else
         _ARTICLE.match(text) if first == "第" else None)
    if not m:
        return None
    value = parse_number(m.group(1))
    if value is None or value != int(value) or value < 1:
        return None
    return _Measure(int(value), m.group(2), [m.group(2)], line, group=m.re is _MEASURE,
                    article=m.re is _ARTICLE)


_CHAPTER_NUMBER = re.compile(rf"^([{_CN}]+)、\s*(.*)$", re.S)


def _chapter_measure(block: Block, text: str) -> _Measure | None:
    """'一、创建…示范区。打造…。（省科技厅…按职责分工负责）': a chapter-numbered paragraph that
    carries its own responsibility note is a measure (实施意见 whose measures are its chapters)."""
    m = _CHAPTER_NUMBER.match(text)
    if m is None or block.kind == "heading" or len(text) < 40 or find_note(text) is None:
        return None
    value = parse_number(m.group(1))
    if value is None or value != int(value) or value < 1:
        return None
    return _Measure(int(value), m.group(2), [m.group(2)], block.line)


def _title(head: str) -> str:
    head = re.sub(r"\s+", "", head)
    title = re.split(r"[。；;：:]", head, maxsplit=1)[0]
    return _NOTE.sub("", title)[:200]  # a headless measure: its whole first sentence


def find_note(text: str) -> str | None:
    """The last bracketed responsibility note in a measure's text, or a 责任单位： line."""
    note = _last_bracket_note(text)
    if note is not None:
        return note
    m = _LABELLED.search(text)
    if m:
        return m.group(0).rstrip("。；;")
    return _bare_note(text)


@lru_cache(maxsize=1024)
def _last_bracket_note(text: str) -> str | None:
    """The last bracket of the text that reads as a responsibility note (the texts of a
    document's measures are asked about more than once: cached)."""
    if "（" not in text and "(" not in text:
        return None
    notes = [m.group(1) for m in _NOTE.finditer(text) if _is_note(m.group(1))]
    return notes[-1] if notes else None


_LAST_BRACKET = re.compile(r"[（(]([^（）()]{2,120})[)）][。；;]?$")


def _bare_note(text: str) -> str | None:
    """'…不断提升产品性能和质量安全水平。（工业和信息化部、质检总局）': a bracket closing the
    measure that only names units (every name a department) is its responsibility note."""
    m = _LAST_BRACKET.search(text)
    return m.group(1) if m is not None and _only_departments(m.group(1)) else None


def _only_departments(text: str) -> bool:
    names = departments.split_departments(text)
    return bool(names) and all(departments.looks_like_department(n) for n in names)


def _is_note(text: str) -> bool:
    """A bracket's text that reads as a responsibility note (who is responsible, how)."""
    return bool(_NOTE_HINT.search(text)) and bool(_NOTE_SHAPE.search(departments.note_core(text))) \
        and _names_dept(text)


def _names_dept(note: str) -> bool:
    res = departments.parse_note(note)
    return any(departments.looks_like_department(n) for n in res.lead + res.support)


def _last_note(measure: _Measure) -> str | None:
    """The measure's note, read paragraph by paragraph from the last: a 责任单位： note ends with
    its paragraph (the paragraph after it is not part of the note). A bracket of bare unit
    names counts only where it closes the whole measure."""
    text = measure.text
    note = _last_bracket_note(text)
    if note is not None:
        return note
    if _LABELLED.search(text):
        for part in reversed(measure.parts):
            m = _LABELLED.search("".join(part.split()))
            if m:
                return m.group(0).rstrip("。；;")
    # 第十四条 …为镇人民政府（街道办事处）。: an article's bracket of names is part of its rule
    return None if measure.article else _bare_note(text)


def _add_measure(measure: _Measure, result: TaskResult) -> None:
    text = measure.text
    note = _last_note(measure)
    if note is None:
        return
    first_leads = measure.first_leads or bool(departments.FIRST_LEADS.search(text))
    commas = measure.comma_leads
    res = departments.parse_note(note, first_leads, commas)
    notes = _paragraph_notes(measure, note)
    earlier = [departments.parse_note(e, first_leads, commas) for e in notes]
    if earlier:  # a note closing each paragraph: all share, each unit named once, in text order
        lead: list[str] = []
        support: list[str] = []
        for part in [*earlier, res]:
            lead, support = _union(lead, part.lead), _union(support, part.support)
        # units that each lead a part (（A牵头）…（B牵头）) lead; units only named share the work
        led = all("牵头" in n for n in [*notes, note])
        res.shared = res.shared or any(p.shared for p in earlier) or (len(lead) > 1 and not led)
        res.lead = lead
        res.support = [n for n in support if _key(n) not in {_key(x) for x in lead}]
    if res.deadline is None:
        res.deadline = _own_deadline(text.replace(note, ""))
    if res.empty:
        result.findings.append(make_finding(
            "task-note-unparsed", {"number": measure.number, "note": note}, line=measure.line))
        return
    result.tasks.append(_task(measure.number, _title(measure.head), res,
                              line=measure.line, section=measure.section))


def _key(name: str) -> str:
    """A name without the 省/市 prefix that a list prints once for all (省教育厅、科技厅)."""
    return name[1:] if name[:1] in "省市县区" and len(name) > 3 else name


def _union(first: list[str], then: list[str]) -> list[str]:
    """The names of two notes of one measure, each once (科技厅 = 省科技厅)."""
    out: list[str] = []
    for name in [*first, *then]:
        if _key(name) not in {_key(n) for n in out}:
            out.append(name)
    return out


def _paragraph_notes(measure: _Measure, last: str) -> list[str]:
    """The notes that close earlier paragraphs of a measure whose last paragraph closes with
    ``last`` (（七）… first paragraph。（A、B负责）second paragraph。（C负责）), in order."""
    text = measure.text
    bare = not _is_note(last)  # notes that only name units (（省能源局，广东电网公司）) close each
    out: list[str] = []
    for m in _NOTE.finditer(text):
        note = m.group(1)
        closes = text[:m.start()].endswith(("。", "；")) and m.end() < len(text.rstrip("。；;"))
        if closes and note != last and note not in out \
                and (_is_note(note) or (bare and _only_departments(note))):
            out.append(note)
    return out


# '2025年底前完成…', '2024年6月底前出台…': a date followed by the act it is the deadline of
_OWN_DEADLINE = re.compile(
    r"(20\d{2}年(?:年底|底|年末|上半年|下半年|第?[一二三四]季度末?|\d{1,2}月(?:底|末|\d{1,2}日)?)?"
    r"(?:前|以前))[，,]?(?:全面|基本|全部|率先)?"
    r"(?:完成|建成|出台|制定|制订|印发|建立|实现|形成|上线|启动|修订|发布|落地|覆盖|组建|编制)")


def _own_deadline(text: str) -> str | None:
    """The measure's own '…年底前' when it names exactly one such date."""
    found = set(_OWN_DEADLINE.findall(text))
    return found.pop() if len(found) == 1 else None


def _task(number: int, title: str, res: Responsibility, **extra: object) -> Task:
    return Task(number=number, title=title, lead=res.lead, support=res.support,
                shared_responsibility=res.shared, deadline=res.deadline,
                deadline_year=res.deadline_year, **extra)


# ---- 任务分工 tables -------------------------------------------------------------------------

_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("lead", re.compile(r"牵头")),
    ("main", re.compile(r"主责|主办")),  # 牵头部门 ‖ 主责单位 ‖ 协办单位: 主责 under the lead
    ("support", re.compile(r"配合|参与|协同|协办")),
    ("responsible", re.compile(r"责任|负责|承办|实施(?:单位|主体)|推进(?:单位|部门)")),
    ("deadline", re.compile(r"时限|时间|进度|期限|节点")),
    ("title", re.compile(r"任务|措施|举措|事项|工作|内容|^项目$")),
)
# indicator and project tables may carry a 责任单位 column too; they are not task lists
_NOT_TASK_TABLE = re.compile(r"指标|项目名称|项目$")


_WS = re.compile(r"\s+")


def table_columns(header: tuple[str, ...]) -> dict[str, int]:
    """Map roles (number/title/lead/support/responsible/deadline) to column indexes."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = _WS.sub("", cell)
        for role, pattern in _ROLES:
            if pattern.search(name) and role not in cols:
                cols[role] = i
                break
    return cols


def tasks_from_table(block: Block, findings: list[Finding], first_leads: bool = False,
                     caption: str | None = None) -> list[Task]:
    """Tasks from a 任务分工 table; other tables give nothing. ``caption``: the table's own
    title, the section of rows that no group row inside the table places."""
    for h, header in enumerate(block.rows[:3]):
        cols = table_columns(header)
        if any(_NOT_TASK_TABLE.search(_WS.sub("", c)) for c in header) \
                and not ("lead" in cols and "support" in cols):
            return []  # a project or indicator list (its 牵头 and 配合 columns make it tasks)
        if "title" in cols and ("lead" in cols or "responsible" in cols):
            rows = tuple(r for r in block.rows[h + 1:] if _WS.sub("", _cell(r, cols, "title"))
                         != _WS.sub("", header[cols["title"]]))  # the header again, page 2
            return _table_rows(block, rows, _grouped(header, rows, cols), findings,
                               first_leads, caption)
    return []


_CONTENT = re.compile(r"内容|举措|措施")


def _grouped(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...],
             cols: dict[str, int]) -> dict[str, int]:
    """Where the task column is merged down over several numbered rows (任务名称 ‖ 任务内容, one
    name for rows 1–4) it names a group: the rows' own 内容 column is their title, the merged
    name their section."""
    content = next((j for j, c in enumerate(header) if j != cols["title"]
                    and _CONTENT.search(_WS.sub("", c)) and j not in cols.values()), None)
    if content is None:
        return cols
    numbered = [_WS.sub("", _cell(r, cols, "title")) for r in rows
                if _row_number(_cell(r, cols, "number")) is not None]
    if len(numbered) < 3 or len(set(numbered)) * 2 > len(numbered):
        return cols
    return {**cols, "group": cols["title"], "title": content}


def _row_number(mark: str) -> float | None:
    """The number of a 序号 cell printed as ``3``, ``3.``, ``（三）`` or ``三、``."""
    return parse_number(mark.strip("（）()、.．"))


def _cell(row: tuple[str, ...], cols: dict[str, int], role: str) -> str:
    i = cols.get(role)
    return row[i].strip() if i is not None and i < len(row) else ""


def _table_rows(block: Block, rows: tuple[tuple[str, ...], ...], cols: dict[str, int],
                findings: list[Finding], first_leads: bool,
                caption: str | None = None) -> list[Task]:
    out: list[Task] = []
    section: str | None = caption
    breaks = _with_breaks(block)
    width, duties = _duty_tail(block.rows[0] if block.rows else (), cols)
    for raw in rows:
        row = _realigned(raw, width, duties)
        title = re.sub(r"\s+", "", _cell(row, cols, "title"))
        if "group" in cols:  # the rows' own work, under the merged task name
            title = _title(title)
            section = re.sub(r"\s+", "", _cell(row, cols, "group")) or section
        title = title.lstrip("*＊※")  # 打*的为具体项目: the mark is not part of the title
        units = _realigned(breaks.get(raw, raw), width, duties)  # 区生态环境局 ‖ 各街镇: one
        # unit per line of a cell
        if not title:
            if out and row != raw and not _cell(row, cols, "number"):
                _joined_units(out[-1], units, cols, first_leads)  # a row of the task above
            continue
        res = _row_responsibility(units, cols, first_leads)
        mark = re.sub(r"\s+", "", _cell(row, cols, "number"))
        if res.empty and _GROUP_MARK.match(mark) and _only_title(row, cols):
            section = title  # 二 ‖ 构建全链条全过程闭环管理体系: the group the rows below belong to
            continue
        if res.empty:
            findings.append(make_finding("task-row-no-owner", {"title": title},
                                         line=block.line))
            continue
        value = _row_number(mark)
        number = int(value) if value is not None and value == int(value) else len(out) + 1
        res.deadline = re.sub(r"\s+", "", _cell(row, cols, "deadline")) or res.deadline
        if out and out[-1].number == number and out[-1].title == title \
                and out[-1].section == section:
            _joined_units(out[-1], units, cols, first_leads)  # the task's next row
            continue
        out.append(_task(number, title, res, line=block.line, section=section))
    return out


_DUTY_ROLES = ("lead", "main", "support", "responsible")


def _duty_tail(header: tuple[str, ...], cols: dict[str, int]) -> tuple[int, int]:
    """The header's named width and how many duty columns (牵头 / 主责 / 协办 …) close it: 0 when
    the duty columns are not its last ones."""
    width = len(header)
    while width and not header[width - 1].strip():
        width -= 1
    duty = sorted(cols[r] for r in _DUTY_ROLES if r in cols)
    if not duty or duty[-1] != width - 1 or duty != list(range(duty[0], width)):
        return width, 0
    return width, len(duty)


def _realigned(row: tuple[str, ...], width: int, duties: int) -> tuple[str, ...]:
    """A row shorter than the header because a converter dropped its merged cells (the 牵头部门
    merged down a task's rows, its 序号 and 重点任务 too): the units it ends with go under the
    last duty columns, the cells before them end just before the duty columns (or keep their
    place when the row opens with its number)."""
    if not duties or len(row) >= width:  # (a cell left empty is printed: | 区司法局 |  |)
        return row
    cells = list(row)
    while cells and not cells[-1].strip():
        cells.pop()
    if len(cells) < 2:
        return row
    units = 0
    while units < min(duties, len(cells) - 1) and _unit_cell(cells[len(cells) - 1 - units]):
        units += 1
    rest, first = cells[:len(cells) - units], width - duties
    if not units or len(rest) > first:
        return row
    gap = [""] * (first - len(rest))
    rest = rest + gap if _row_number(rest[0]) is not None else gap + rest
    return (*rest, *[""] * (duties - units), *cells[len(cells) - units:])


def _unit_cell(text: str) -> bool:
    text = _ETC_UNITS.sub("", _WS.sub("", text))
    return bool(text) and (is_placeholder(text) or names_units(text))


_ETC_UNITS = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")


def _row_responsibility(units: tuple[str, ...], cols: dict[str, int],
                        first_leads: bool) -> Responsibility:
    """Who answers for a row, read from its duty columns."""
    return departments.read_columns(_cell(units, cols, "lead"), _cell(units, cols, "support"),
                                    _cell(units, cols, "responsible"), first_leads,
                                    main=_cell(units, cols, "main"))


def _joined_units(task: Task, units: tuple[str, ...], cols: dict[str, int],
                  first_leads: bool) -> None:
    """Units of a row that continues the task above (its number and title merged away)."""
    res = _row_responsibility(units, cols, first_leads)
    task.lead.extend(n for n in res.lead if n not in task.lead)
    task.support.extend(n for n in res.support if n not in task.support and n not in task.lead)


def _with_breaks(block: Block) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each row's cells with their line breaks, where the reader kept them (the first of equal
    rows)."""
    broken: tuple[tuple[str, ...], ...] = getattr(block, "broken_rows", ())
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row, cells in zip(block.rows, broken, strict=False):
        out.setdefault(row, cells)
    return out


def _only_title(row: tuple[str, ...], cols: dict[str, int]) -> bool:
    """A row with nothing but its title (and a group mark): a group heading inside the table."""
    return not any(c.strip() for j, c in enumerate(row) if j not in (cols.get("number"),
                                                                     cols["title"]))


_GROUP_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、?|[—–])?$")
