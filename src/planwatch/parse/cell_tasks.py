"""A 重点任务分工表 laid out one cell per paragraph, rebuilt by its 序号 cells.

Task tables are not aligned like indicator tables (:mod:`planwatch.parse.cellgrid`): their cells
are text of any length, and merged cells are common. A group row (``二`` ‖ ``构建…体系``) names
the tasks below it; a task row starts at its number (``（一）`` or ``1``) and fills every column;
a task whose lead differs by work item prints further rows without number and title (the merged
cells): those rows are folded into the task, their departments added in printed order. A header
repeated after a page break is skipped. When the cells do not fall into such rows the table is
left to the general alignment.
"""

from __future__ import annotations

import re

from planwatch.parse.cellgrid import Fragment, Grid, squash
from planwatch.parse.normalize import is_placeholder

_SEQ = re.compile(
    r"^(?:\d{1,3}[.．、]?|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}|[—–])$")
_GROUP_SEQ = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|[—–])$")  # 二 / — (一 as a dash)
_DEPT_JOIN = "、"
# a column naming who answers for a task (牵头单位, 配合部门 …)
DUTY_COLUMN = re.compile(r"(?:牵头|责任|配合|协同|参与|协办|推进)(?:单位|部门)")
# a column before 序号 whose merged cells name the group of the rows (任务类型: 旧区改造)
GROUP_COLUMN = re.compile(r"^(?:任务类型|类型|类别|分类|领域|板块|方面)$")


def _cells(frags: list[Fragment]) -> list[tuple[str, int]]:
    """Paragraphs as cells (lines of one paragraph are one cell: ``区土方工作`` ‖ ``专班``)."""
    cells: list[tuple[str, int]] = []
    for f in frags:
        if f.para or not cells:
            cells.append((f.text.strip(), f.line))
        else:
            cells[-1] = (cells[-1][0] + f.text.strip(), cells[-1][1])
    return cells


def _without_headers(cells: list[tuple[str, int]], header: list[str]) -> list[tuple[str, int]]:
    """The cells without the header printed again after a page break."""
    width, out, i = len(header), [], 0
    keys = [squash(h) for h in header]
    while i < len(cells):
        if [squash(c) for c, _ in cells[i:i + width]] == keys:
            i += width
            continue
        out.append(cells[i])
        i += 1
    return out


def _segments(cells: list[tuple[str, int]]) -> list[list[tuple[str, int]]] | None:
    """Cells cut at every 序号 cell; None when the first cell is not one."""
    if not cells or not _SEQ.match(squash(cells[0][0])):
        return None
    out: list[list[tuple[str, int]]] = []
    for cell in cells:
        text = squash(cell[0])
        dash = is_placeholder(text)  # 综合规划处 ‖ — : no 配合 unit, not a group
        if _SEQ.match(text) and not (dash and out and names_units(out[-1][-1][0])):
            out.append([cell])
        else:
            out[-1].append(cell)
    return out


def _fold(row: list[str], extra: list[str], dept_cols: set[int]) -> None:
    """A merged-cell row (the columns after number and title) folded into its task's row."""
    for j, text in enumerate(extra, start=2):
        if is_placeholder(text):
            continue
        if not row[j] or is_placeholder(row[j]):
            row[j] = text
        elif j in dept_cols:
            known = row[j].split(_DEPT_JOIN)
            row[j] = _DEPT_JOIN.join(known + [n for n in text.split(_DEPT_JOIN) if n not in known])
        else:
            row[j] = f"{row[j]}；{text}"


_GROUP_HEAD = re.compile(r"^(?:类别|分类|领域|板块|方面)$")
_NUMBERED_CELL = re.compile(
    r"^(?:([一二三四五六七八九十]{1,3})、|(\d{1,3})[.．、])\s*(\S.*)$", re.S)


def numbered_cells(header: list[str], frags: list[Fragment]) -> tuple[list[str], list[Fragment]]:
    """A task table without a 序号 column whose group column (类别: ``一、做好政策保障``) and task
    column (项目: ``1.做好规划配套``) carry the numbers: read as a 序号 column and the names."""
    if len(header) < 4 or not _GROUP_HEAD.match(header[0]) or not frags \
            or not _NUMBERED_CELL.match(frags[0].text.strip()):
        return header, frags
    out: list[Fragment] = []
    for f in frags:
        m = _NUMBERED_CELL.match(f.text.strip()) if f.para else None
        if m is None:
            out.append(f)
            continue
        out.append(Fragment(m.group(1) or m.group(2), True, f.line))
        out.append(Fragment(m.group(3), True, f.line))
    return ["序号", *header[1:]], out


def _whole_row(n: int, width: int) -> int:
    """The longest count of cells up to ``n`` that makes a group row or a task row with its
    merged-cell rows."""
    if n < width:
        return n
    return width + (n - width) // (width - 2) * (width - 2)


# 区绿化市容局、‖ 区农业农村委: one cell broken over two paragraphs
_CONTINUED = re.compile(r"[、，,和及]$")
_UNIT_END = re.compile(r"(?:局|委|办|部|厅|院|中心|政府|街镇|街道|镇|机关|机构|公司|单位|集团|专班|"
                       r"队|站|所|处|室|组|馆|社|校|委员会|协会|银行|企业|高校|大学|学院|"
                       r"主体|[)）])$")


def _continuations_joined(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Cells broken over paragraphs joined again: a unit list cut after ``、``, and the items of
    one cell (``1.继续完善…`` ‖ ``2.编制…`` ‖ ``3.…``: item 2 follows item 1 of the cell before)."""
    out: list[tuple[str, int]] = []
    for text, line in cells:
        if out and not _SEQ.match(squash(text)) and (_CONTINUED.search(out[-1][0])
                                                     or _next_item(out[-1][0], text)):
            out[-1] = (out[-1][0] + text, out[-1][1])
        else:
            out.append((text, line))
    return out


_ITEM = re.compile(r"^(\d{1,2})[.．、]\s*\S")


def _next_item(before: str, text: str) -> bool:
    """``text`` opens item k of a list whose item k-1 is in ``before`` (as the cell's start
    or after a sentence's end)."""
    m = _ITEM.match(text.strip())
    if m is None or int(m.group(1)) < 2:
        return False
    prev = int(m.group(1)) - 1
    return re.search(rf"(?:^|[。；;])\s*{prev}[.．、]", before.strip()) is not None


# 一、科学编制并实施城市综合交通体系规划: a group row printed as one cell, its number inside
_GROUP_CELL = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*([^。；;]{2,40})$")


def _group_cells(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for text, line in cells:
        m = _GROUP_CELL.match(squash(text))
        if m:
            out.extend([(m.group(1), line), (m.group(2), line)])
        else:
            out.append((text, line))
    return out


def names_units(text: str) -> bool:
    """A cell that only names units (区绿化市容局、区农业农村委)."""
    names = [n for n in re.split(r"[、，,]", squash(text)) if n]
    return bool(names) and all(_UNIT_END.search(n) for n in names)


def _merged_title(texts: list[str], width: int, title: str | None) -> list[str] | None:
    """A row without its own title cell (the 任务名称 merged down from a row above): the row with
    that title put back; a support list broken into two cells is joined again."""
    if title is None:
        return None
    if len(texts) == width - 1 and (width >= 4 or names_units(texts[-1])):
        return [texts[0], title, *texts[1:]]  # (序号 ‖ 任务 ‖ 单位: a 2-cell row is its task)
    if len(texts) == width and len(squash(texts[1])) >= 15 and names_units(texts[2]) \
            and names_units(texts[-2]) and names_units(texts[-3]):
        return [texts[0], title, *texts[1:-3], f"{texts[-3]}、{texts[-2]}", texts[-1]]
    return None


def _group_title(text: str) -> bool:
    """A cell standing alone between task rows, without a number: the heading of the group of
    rows after it (推进实施“光伏+”示范工程), not a task's work or its units."""
    text = squash(text)
    if not 4 <= len(text) <= 40 or re.search(r"[、。；;，,]", text) \
            or (_NOT_A_GROUP.search(text) and _GROUP_LABEL.match(text) is None):
        return False
    return _GROUP_LABEL.match(text) is not None or (len(text) <= 24 and not names_units(text))


# 2019年6月, 持续推进: a deadline cell, not a group's name
_NOT_A_GROUP = re.compile(r"\d|持续|长期|常态|年底|年内|每年|逐年|完成")
# 行动一：再造发展新极行动（…）: a numbered group label may run long
_GROUP_LABEL = re.compile(r"^(?:行动|任务|专项|工程|第)?[一二三四五六七八九十]{1,3}[：:、]")


def _leading_group(cells: list[tuple[str, int]]) -> tuple[list[tuple[str, int]],
                                                          tuple[str, int] | None]:
    """A group heading printed before the table's first numbered row, split off the cells."""
    k = 0
    while k + 1 < len(cells) and not _SEQ.match(squash(cells[k][0])) \
            and _group_title(cells[k][0]):
        k += 1
    if 0 < k < len(cells) and _SEQ.match(squash(cells[k][0])):
        return cells[k:], cells[k - 1]  # 行动二：… ‖ 旧区改造 ‖ 4: the innermost group
    return cells, None


def _trailing_group(texts: list[str], width: int, dept_cols: set[int]) -> tuple[int, str] | None:
    """``29`` ‖ its work ‖ ``建立健全…机制``: a row followed by the heading of the next group of
    rows (or by two: 行动二：… ‖ 旧区改造, of which the last names the group). Returns how many
    cells the row keeps and the group's name."""
    if len(texts) == width and (width - 1 not in dept_cols or names_units(texts[-1])):
        return None  # a whole row (its last cell, units or a deadline, is its own)
    k = len(texts)
    while k > 2 and _group_title(texts[k - 1]) and not _SEQ.match(squash(texts[k - 1])):
        k -= 1
    if k == len(texts):
        return None
    whole = k == width or (k == width - 1 and names_units(texts[k - 1]))
    merged = k == 2 and (width == 3 or len(squash(texts[1])) >= 15)
    return (k, texts[-1]) if whole or merged else None


def _units_joined(texts: list[str], width: int, dept_cols: set[int]) -> list[str]:
    """交通建设处 ‖ 设施养护处 ‖ 轨道交通处 in the last units column, one paragraph each: joined
    again (、), since the column after it (work, remarks) never holds units alone."""
    if not dept_cols or max(dept_cols) + 1 >= width:
        return texts
    out, j = list(texts), max(dept_cols)
    while j + 1 < len(out) and names_units(out[j]) and names_units(out[j + 1]):
        out[j:j + 2] = [f"{out[j]}{_DEPT_JOIN}{out[j + 1]}"]
    return out


def _merged_down(texts: list[str], above: tuple[str, ...], dept_cols: set[int]) -> list[str]:
    """``2`` ‖ its work: a row printing only its number and its work; every other cell (the 事项
    and the units) is merged down from the row above. The work is the last column that does not
    name units."""
    work = max(j for j in range(1, len(above)) if j not in dept_cols)
    row = list(above)
    row[0], row[work] = texts[0], texts[1]
    return row


def _task_row(row: tuple[str, ...]) -> bool:
    """A row with a number of its own (not a group row, whose mark is empty, 二 or —)."""
    return bool(row[0]) and not _GROUP_SEQ.match(squash(row[0]))


def task_grid(header: list[str], frags: list[Fragment], dept_cols: set[int]) -> Grid | None:
    """The rows of a task table whose first column is 序号 and second the task; None when the
    cells do not fall into group rows, task rows, merged-cell rows and rows whose title (or
    title and units) is merged down from the row above."""
    width = len(header)
    if width < 3:
        return None
    cells, group = _leading_group(
        _continuations_joined(_group_cells(_without_headers(_cells(frags), header))))
    remarks = header[-1] == "备注"  # a column often left empty, and then not printed at all
    segments = _segments(cells)
    if segments is None:
        return None
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    if group is not None:
        rows.append(("", group[0], *[""] * (width - 2)))
        lines.append(group[1])
    for n, seg in enumerate(segments):
        texts = _units_joined([t for t, _ in seg], width, dept_cols)
        if n == len(segments) - 1:
            texts = texts[:_whole_row(len(texts), width)]  # what follows the table's last row
        trail = _trailing_group(texts, width, dept_cols)
        after = trail[1] if trail else None
        if trail is not None:
            texts = texts[:trail[0]]
        if remarks and 3 <= len(texts) < width and not _GROUP_SEQ.match(squash(texts[0])):
            texts = [*texts, ""]
        rest = len(texts) - width
        last = rows[-1] if rows and _task_row(rows[-1]) else None
        title = last[1] if last else None
        # units merged down run on past a group row: the last task row's
        above = next((r for r in reversed(rows) if _task_row(r)), None)
        merged = _merged_title(texts, width, title) if rows else None
        if len(texts) == 2 and _GROUP_SEQ.match(squash(texts[0])):
            rows.append((texts[0], texts[1], *[""] * (width - 2)))  # a group row
        elif merged is not None:
            rows.append(tuple("" if is_placeholder(r) else r for r in merged))
        elif len(texts) == 2 and above is not None and (width >= 4 or last is None
                                                         or dept_cols):
            rows.append(tuple(_merged_down(texts, above, dept_cols)))
        elif rest >= 0 and rest % (width - 2) == 0:
            row = list(texts[:width])
            for k in range(width, len(texts), width - 2):
                _fold(row, texts[k:k + width - 2], dept_cols)
            rows.append(tuple("" if is_placeholder(r) else r for r in row))
        else:
            return None
        lines.append(seg[0][1])
        if after is not None:
            rows.append(("", after, *[""] * (width - 2)))
            lines.append(seg[-1][1])
    if len(rows) < 2:
        return None
    return Grid(tuple(header), tuple(rows), tuple(lines), float(len(rows)))
