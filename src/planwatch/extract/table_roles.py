"""Column roles corrected by what the columns hold and by the plan's own period.

A header alone is sometimes ambiguous: ``类型`` holds 预期性/约束性 in one plan and a category
in the next; ``完成情况`` holds numbers (the achieved values) or words (超额完成); a 十五五 table's
``“十四五”完成值`` is the baseline, while in a 十四五 results table it is the actual; of
``一级指标`` ‖ ``二级指标`` only the second names the row; and a table with ``2020年`` ‖
``2025年`` ‖ ``2030年`` in a 十五五 plan has its baseline in 2025 and its target in 2030.
"""

from __future__ import annotations

import re

from planwatch.extract.numbers import parse_cell
from planwatch.extract.tables import Column, Header, Role, plan_period, squash
from planwatch.parse.cellgrid import is_unit

_ATTR = re.compile(r"^(?:预期|约束)性?$")
_FULL_NAME = re.compile(r"第十([一二三四五六七八九])个五年")  # 第十五个五年规划纲要 = 十五五


def document_period(texts: list[str]) -> tuple[int, int] | None:
    """The five-year plan a document's opening lines name (十五五 → 2026–2030)."""
    for text in texts:
        period = plan_period(_FULL_NAME.sub(r"十\1五", text))
        if period is not None:
            return period
    return None


def refine(header: Header, rows: list[tuple[str, ...]],
           period: tuple[int, int] | None) -> Header:
    """The header with roles corrected by the data rows and the document's period."""
    columns = list(header.columns)
    columns = _spanned_name(columns, rows)
    columns = _names(columns)
    columns = [_by_content(c, rows) for c in columns]
    columns = _by_years(columns, period)
    return Header(columns=columns, rows=header.rows)


def _with(col: Column, role: Role, year: int | None = None) -> Column:
    return Column(col.index, role, col.header, col.year if year is None else year)


def _names(columns: list[Column]) -> list[Column]:
    """一级指标 ‖ 二级指标: the last name column names the row, earlier ones group rows."""
    names = [c for c in columns if c.role == "name"]
    if len(names) < 2:
        return columns
    last = names[-1].index
    return [_with(c, "category") if c.role == "name" and c.index != last else c
            for c in columns]


def _spanned_name(columns: list[Column], rows: list[tuple[str, ...]]) -> list[Column]:
    """``指标`` spanning two columns, printed as ``指标`` ‖ (empty) where the merged cell lost
    its span (a Markdown table): the unnamed column right of a name column names the rows when
    it holds words in every row the name column does and more, and the named one groups
    them (类别 merged down its group)."""
    out = list(columns)
    for k in range(len(columns) - 1):
        col, nxt = columns[k], columns[k + 1]
        if col.role != "name" or nxt.role != "other" or squash(nxt.header) \
                or nxt.year is not None:
            continue
        names = _cells(rows, nxt.index)
        groups = _cells(rows, col.index)
        if len(names) < 2 or len(groups) > len(names) \
                or sum(1 for c in names if _is_words(c)) * 10 < len(names) * 8:
            continue
        out[k] = _with(col, "category")
        out[k + 1] = Column(nxt.index, "name", col.header, None)
    return out


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _is_words(cell: str) -> bool:
    """A cell that names something: Chinese words, not a number, a unit or 预期性/约束性."""
    return _CJK.search(cell) is not None and parse_cell(cell).value is None \
        and not _ATTR.match(cell) and not is_unit(cell)


def _cells(rows: list[tuple[str, ...]], index: int) -> list[str]:
    return [squash(r[index]) for r in rows if index < len(r) and r[index].strip()]


def _by_content(col: Column, rows: list[tuple[str, ...]]) -> Column:
    if col.role not in ("category", "other", "status", "note"):
        return col
    data = _cells(rows, col.index)
    if len(data) < 2:
        return col
    attr = sum(1 for c in data if _ATTR.match(c))
    if attr * 10 >= len(data) * 6:
        return _with(col, "attribute")
    if col.role == "status" and sum(1 for c in data if parse_cell(c).value is not None) * 2 > len(
            data):
        return _with(col, "actual")
    return col


def _by_years(columns: list[Column], period: tuple[int, int] | None) -> list[Column]:
    """Baseline/actual/target roles made consistent with their years."""
    columns = _latest_target(columns, period)
    target = next((c for c in columns if c.role == "target"), None)
    target_year = target.year if target is not None else None
    out = []
    for c in columns:
        year = c.year
        if target_year is not None and year is not None:
            if c.role == "actual" and year < target_year:
                c = _with(c, "baseline")  # “十四五”完成值 beside “十五五”目标值
            elif c.role == "baseline" and year >= target_year:
                c = _with(c, "actual")  # 现状值(2025年) beside 目标值(2025年): achieved
        out.append(c)
    if period is None:
        return out
    return _plan_years(out, period)


def _latest_target(columns: list[Column], period: tuple[int, int] | None) -> list[Column]:
    """“十四五”目标 ‖ “十四五”完成 ‖ “十五五”目标: the latest dated target is the table's target;
    an earlier one is the previous plan's and is not read as a target. In a plan whose period
    is known, a target for the plan's last year wins over a later one (2030年目标 ‖ 2035年目标
    in a 十五五 plan: the 2035 column is the long-range vision)."""
    dated = [c for c in columns if c.role == "target" and c.year is not None]
    if len(dated) < 2:
        return columns
    years = {c.year for c in dated}
    chosen = period[1] if period is not None and period[1] in years else max(
        c.year or 0 for c in dated)
    return [_with(c, "other") if c in dated and c.year != chosen else c for c in columns]


def _plan_years(columns: list[Column], period: tuple[int, int]) -> list[Column]:
    """2020年 ‖ 2025年 ‖ 2030年 in a 2026–2030 plan: baseline 2025, target 2030; a lone
    2030年 column is the target."""
    base_year, end_year = period[0] - 1, period[1]
    dated = [c for c in columns if c.role in ("baseline", "target", "other") and c.year]
    if not any(c.role == "target" for c in columns):
        ends = [c for c in dated if c.year == end_year and c.role == "baseline"]
        if len(ends) == 1 and not any(c.year == base_year for c in dated):
            # 序号 ‖ 指标 ‖ 单位 ‖ 2030年 ‖ 属性: the plan's last year alone is its target
            return [_with(c, "target") if c is ends[0] else c for c in columns]
    if not any(c.year == end_year for c in dated) or not any(c.year == base_year for c in dated):
        return columns
    target = next((c for c in dated if c.year == end_year and c.role == "target"),
                  next(c for c in dated if c.year == end_year))
    base = next((c for c in dated if c.year == base_year and c.role == "baseline"),
                next(c for c in dated if c.year == base_year))
    out = []
    for c in columns:
        if c.index == target.index:
            c = _with(c, "target")
        elif c.index == base.index:
            c = _with(c, "baseline")
        elif c in dated and c.role in ("baseline", "target"):
            c = _with(c, "other")
        out.append(c)
    return out
