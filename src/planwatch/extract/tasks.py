"""Tasks: numbered measures carrying a responsibility note (牵头/配合/按职责分工负责).

Two layouts are read:

* prose measures ``（二）推动产业创新平台提质升级。……（市科技局牵头，市发展改革委配合）`` — the
  note may close the measure's paragraph or stand on its own line after it, and a paragraph
  broken mid-word is joined back before the note is read;
* 任务分工 tables with columns like 序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwatch.extract import departments
from planwatch.extract.departments import Responsibility
from planwatch.extract.numbers import parse_number
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Task
from planwatch.parse.document import Block, Document

_CN = "一二三四五六七八九十百零〇两"
_MEASURE = re.compile(rf"^[（(]\s*([{_CN}]+)\s*[)）]\s*(.*)$", re.S)
_ITEM = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?!\d)(.*)$", re.S)
_TOP_HEADING = re.compile(rf"^(?:第[{_CN}\d]+[章节部分篇]|[{_CN}]+、)")
_NOTE = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]{0,12}[)）]){2,300}?)[)）]")
_NOTE_SHAPE = re.compile(
    r"(?:牵头|配合|参与|协同|协助|负责|落实)[。.]?$|^(?:责任|牵头|配合|负责|主责)(?:单位|部门)[：:]"
)
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

    @property
    def text(self) -> str:
        return "".join("".join(p.split()) for p in self.parts)


def extract_tasks(doc: Document) -> TaskResult:
    result = TaskResult()
    for measure in _measures(doc.blocks):
        _add_measure(measure, result)
    for _, block in doc.tables():
        result.tasks.extend(tasks_from_table(block, result.findings))
    return result


def _measures(blocks: list[Block]) -> list[_Measure]:
    """Numbered measures with the paragraphs that continue them (until the next number)."""
    out: list[_Measure] = []
    current: _Measure | None = None
    section: str | None = None
    for block in blocks:
        text = block.text.strip()
        started = _start(text, block.line)
        if started is not None:
            started.section = section
            current = started
            out.append(current)
        elif block.kind == "table" or _TOP_HEADING.match(text) or block.kind == "heading":
            current = None
            section = _section_title(text) if block.kind != "table" else section
        elif current is not None:
            current.parts.append(text)
    return out


def _section_title(text: str) -> str:
    return re.sub(rf"^(?:第[{_CN}\d]+[章节部分篇]|[{_CN}]+、)\s*", "", text)


def _start(text: str, line: int | None) -> _Measure | None:
    m = _MEASURE.match(text) or _ITEM.match(text)
    if not m:
        return None
    value = parse_number(m.group(1))
    if value is None or value != int(value) or value < 1:
        return None
    return _Measure(int(value), m.group(2), [m.group(2)], line)


def _title(head: str) -> str:
    head = re.sub(r"\s+", "", head)
    title = re.split(r"[。；;：:]", head, maxsplit=1)[0]
    return _NOTE.sub("", title) if len(title) <= 60 else title[:60]


def find_note(text: str) -> str | None:
    """The last bracketed responsibility note in a measure's text, or a 责任单位： line."""
    notes = [m.group(1) for m in _NOTE.finditer(text)
             if _NOTE_SHAPE.search(m.group(1)) and _names_dept(m.group(1))]
    if notes:
        return notes[-1]
    m = _LABELLED.search(text)
    return m.group(0).rstrip("。；;") if m else None


def _names_dept(note: str) -> bool:
    res = departments.parse_note(note)
    return any(departments.looks_like_department(n) for n in res.lead + res.support)


def _add_measure(measure: _Measure, result: TaskResult) -> None:
    note = find_note(measure.text)
    if note is None:
        return
    res = departments.parse_note(note)
    if res.empty:
        result.findings.append(Finding(
            code="task-note-unparsed", severity=Severity.WARNING, line=measure.line,
            message=f"无法识别任务（{measure.number}）的责任分工：{note}"))
        return
    result.tasks.append(_task(measure.number, _title(measure.head), res,
                              line=measure.line, section=measure.section))


def _task(number: int, title: str, res: Responsibility, **extra: object) -> Task:
    return Task(number=number, title=title, lead=res.lead, support=res.support,
                shared_responsibility=res.shared, **extra)


# ---- 任务分工 tables -------------------------------------------------------------------------

_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("lead", re.compile(r"牵头")),
    ("support", re.compile(r"配合|参与|协同|协办")),
    ("responsible", re.compile(r"责任|负责|承办|实施(?:单位|主体)")),
    ("deadline", re.compile(r"时限|时间|进度|期限|节点")),
    ("title", re.compile(r"任务|措施|举措|事项|工作|内容")),
)
# indicator and project tables may carry a 责任单位 column too; they are not task lists
_NOT_TASK_TABLE = re.compile(r"指标|项目名称|项目$")


def table_columns(header: tuple[str, ...]) -> dict[str, int]:
    """Map roles (number/title/lead/support/responsible/deadline) to column indexes."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = re.sub(r"\s+", "", cell)
        for role, pattern in _ROLES:
            if pattern.search(name) and role not in cols:
                cols[role] = i
                break
    return cols


def tasks_from_table(block: Block, findings: list[Finding]) -> list[Task]:
    """Tasks from a 任务分工 table; other tables give nothing."""
    for h, header in enumerate(block.rows[:3]):
        cols = table_columns(header)
        if any(_NOT_TASK_TABLE.search(re.sub(r"\s+", "", c)) for c in header):
            return []
        if "title" in cols and ("lead" in cols or "responsible" in cols):
            return _table_rows(block, block.rows[h + 1:], cols, findings)
    return []


def _cell(row: tuple[str, ...], cols: dict[str, int], role: str) -> str:
    i = cols.get(role)
    return row[i].strip() if i is not None and i < len(row) else ""


def _table_rows(block: Block, rows: tuple[tuple[str, ...], ...], cols: dict[str, int],
                findings: list[Finding]) -> list[Task]:
    out: list[Task] = []
    for row in rows:
        title = re.sub(r"\s+", "", _cell(row, cols, "title"))
        if not title:
            continue
        res = departments.read_columns(_cell(row, cols, "lead"), _cell(row, cols, "support"),
                                       _cell(row, cols, "responsible"))
        if res.empty:
            findings.append(Finding(code="task-row-no-owner", severity=Severity.WARNING,
                                    line=block.line, message=f"任务分工表中“{title}”没有责任单位"))
            continue
        value = parse_number(_cell(row, cols, "number"))
        number = int(value) if value is not None and value == int(value) else len(out) + 1
        out.append(_task(number, title, res, deadline=_cell(row, cols, "deadline") or None,
                         line=block.line))
    return out
