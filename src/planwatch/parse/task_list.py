"""A 任务清单 laid out one cell per paragraph whose tasks carry their numbers inside their cells.

Annexes of 工作方案 often print the task list as a Word table that web pages and text
conversions flatten to one paragraph per cell::

    任务 ‖ 分类 ‖ 主要方向 ‖ 重点任务 ‖ 2024年工作项目 ‖ 2025年计划 ‖ 牵头 ‖ 部门 ‖ 配合 ‖ 部门
    （一） ‖ 提升交通设施环境品质 ‖ 1、改善城市道路环境 ‖ （1）建设精品道路300条。 ‖ … ‖ 设施养护处
    （2）推进…。 ‖ … (its units merged down from the task above: not printed)

Header words broken over two paragraphs (``牵头`` ‖ ``部门``) are joined again. A task row starts
at a cell opening with its number (``（1）``); the cells after it are its yearly work, then the
units (cells that only name units). A task that prints no units shares those of the task above
(a merged cell). Group marks (``（一）`` and its name) and directions (``1、…``) above the tasks
become group rows. The grid has a 序号 column first, so the task reader maps it like any other
任务分工 table.
"""

from __future__ import annotations

import re

from planwatch.parse.cell_tasks import DUTY_COLUMN
from planwatch.parse.cellgrid import Grid, squash

# 牵头 ‖ 部门: a header word broken over two paragraphs
_HEAD_PREFIX = re.compile(r"^(?:牵头|配合|责任|协同|参与|实施|协办|推进|完成|任务|工作)$")
_HEAD_SUFFIX = re.compile(r"^(?:部门|单位|主体|处室|分类|类别|时限|时间|内容|名称)$")
_GROUP_MARK = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[)）]$")
# （三）提高交通综合管理效能: the group's mark and name in one cell
_GROUP_CELL = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[)）]\s*([^。；;，,]{2,30})$")
_DIRECTION = re.compile(r"^\d{1,2}[、.．]\s*\S")
_TASK = re.compile(r"^[（(](\d{1,3})[)）]\s*(\S.*)$", re.S)
_TASK_HEAD = re.compile(r"任务|措施|举措|事项")
_DUTY_HEAD = re.compile(DUTY_COLUMN.pattern + r"|(?:实施|责任)主体")
_UNIT_END = re.compile(r"(?:局|委|办|部|厅|院|中心|政府|街镇|街道|镇|机关|机构|公司|单位|集团|专班|"
                       r"队|站|所|处|室|组|馆|社|校|委员会|协会|银行|企业|高校|大学|学院|"
                       r"主体|部门|区|县|市|[)）])$")
_MAX_HEADER = 20
_MAX_HEAD_CELL = 16
_MAX_ROW_CELLS = 40


def _units(text: str) -> bool:
    """A cell that only names units (各行业主管部门、各区)."""
    names = [n for n in re.split(r"[、，,；;]", squash(text)) if n]
    return bool(names) and len(squash(text)) <= 60 and all(_UNIT_END.search(n) for n in names)


def _direction(text: str) -> bool:
    """``1、改善城市道路环境``: a short numbered line naming the tasks below it."""
    return bool(_DIRECTION.match(text)) and len(text) <= 40 and not re.search(r"[。；;]", text)


def _row_start(text: str) -> bool:
    return bool(_GROUP_MARK.match(text) or _GROUP_CELL.match(text) or _direction(text)
                or _TASK.match(text))


def _header(cells: list[str]) -> tuple[list[str], int] | None:
    """The joined header names and how many cells they take, or None."""
    names: list[str] = []
    k = 0
    while k < len(cells) and k < _MAX_HEADER:
        text = cells[k]
        if _row_start(text) or len(text) > _MAX_HEAD_CELL or "。" in text:
            break
        if names and _HEAD_PREFIX.match(names[-1]) and _HEAD_SUFFIX.match(text):
            names[-1] += text
        else:
            names.append(text)
        k += 1
    if len(names) < 4 or not any(_TASK_HEAD.search(n) for n in names) \
            or not any(re.search(r"牵头", n) for n in names):
        return None
    return names, k


def task_list_header(cells: list[str]) -> bool:
    """Cheap test whether the first cells of a run open a task list's header."""
    return _header([squash(c) for c in cells]) is not None


def _columns(names: list[str]) -> tuple[int, int, int] | None:
    """Index of the task column, of the first units column, and the header's width."""
    duty = [j for j, n in enumerate(names) if _DUTY_HEAD.search(n)]
    if not duty or duty != list(range(duty[0], len(names))):
        return None  # the units columns close the table
    task = max((j for j in range(duty[0]) if _TASK_HEAD.search(names[j])), default=None)
    if task is None:
        return None
    return task, duty[0], len(names)


class _Rows:
    """Group rows and task rows as they are read; units merged down are carried over."""

    def __init__(self, values: int, duties: int) -> None:
        self.values, self.duties = values, duties
        self.rows: list[tuple[str, ...]] = []
        self.lines: list[int] = []
        self.units: list[str] = [""] * duties

    def group(self, mark: str, name: str, line: int) -> None:
        self.rows.append((mark, name, *[""] * (self.values + self.duties)))
        self.lines.append(line)

    def task(self, number: str, title: str, cells: list[str], line: int) -> None:
        k = len(cells)
        while k > 0 and _units(cells[k - 1]):
            k -= 1
        work, units = cells[:k], cells[k:]
        if len(units) > self.duties:  # 设施运行处 ‖ 设施养护处: the lead cell in two paragraphs
            extra = len(units) - self.duties + 1
            units = ["、".join(units[:extra]), *units[extra:]]
        if len(units) >= self.duties:
            self.units = units
        elif units:  # 随申行公司 alone: one cell merged across the units columns, it leads
            self.units = ["、".join(units), *[""] * (self.duties - 1)]
        work = (work + [""] * self.values)[:self.values] if len(work) <= self.values \
            else [*work[:self.values - 1], "；".join(work[self.values - 1:])]
        self.rows.append((number, title.rstrip("。；; "), *work, *self.units))
        self.lines.append(line)


def task_list(cells: list[tuple[str, int]]) -> tuple[Grid, int] | None:
    """The grid of a task list starting at ``cells[0]`` (its header) and the number of cells it
    takes, or None when the cells are not such a list."""
    texts = [squash(t) if len(squash(t)) <= _MAX_HEAD_CELL else t.strip() for t, _ in cells]
    found = _header(texts)
    if found is None:
        return None
    names, h = found
    cols = _columns(names)
    if cols is None:
        return None
    task_col, duty_col, width = cols
    values, duties = duty_col - task_col - 1, width - duty_col
    out = _Rows(values, duties)
    i = h
    tasks = 0
    while i < len(texts):
        text, line = texts[i], cells[i][1]
        group, named = _GROUP_MARK.match(text), _GROUP_CELL.match(text)
        task = _TASK.match(text)
        if group and i + 1 < len(texts) and not _row_start(texts[i + 1]):
            out.group(group.group(1), texts[i + 1], line)
            i += 2
        elif named:
            out.group(named.group(1), named.group(2), line)
            i += 1
        elif _direction(text):
            out.group("", re.sub(r"^\d{1,2}[、.．]\s*", "", text), line)
            i += 1
        elif task:
            j = i + 1
            while j < len(texts) and not _row_start(texts[j]) and j - i <= _MAX_ROW_CELLS:
                j += 1  # a cell of work may run over several paragraphs
            out.task(task.group(1), task.group(2), texts[i + 1:j], line)
            tasks += 1
            i = j
        else:
            break
    if tasks < 2:
        return None
    header = ("序号", names[task_col], *names[task_col + 1:])
    return Grid(header, tuple(out.rows), tuple(out.lines), float(tasks)), i
