"""Indicator tables (主要指标) and prior-period result tables (完成情况).

Which table is which is decided by its header (see ``tables.table_kind``): a 完成值/完成情况
column makes a previous-period results table, base/target/growth columns an indicator table.
Years come from the header cells (``2020 年``, ``2020年目标值``); a header without a year
(``基础值``) takes it from the five-year plan the caption names (十三五 → 2015 base, 2020 target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from planwatch.extract.numbers import Cell, parse_cell
from planwatch.extract.tables import (
    Column,
    Header,
    TableGroup,
    detect_header,
    group_tables,
    note_after,
    plan_period,
    squash,
    table_kind,
)
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Comparator, Indicator, PriorResult
from planwatch.parse.document import Document


@dataclass
class TableResult:
    indicators: list[Indicator] = field(default_factory=list)
    prior_results: list[PriorResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _Context:
    """What a table says about all of its rows."""

    group: TableGroup
    header: Header
    base_year: int | None
    target_year: int | None
    actual_year: int | None
    star_year: int | None
    findings: list[Finding]


@dataclass
class _Row:
    """One data row split into the parts every table kind shares."""

    index: int
    cells: tuple[str, ...]
    name: str
    unit: str | None
    category: str | None
    line: int | None


def extract_indicator_tables(doc: Document) -> TableResult:
    """Read every indicator and prior-results table in the document."""
    result = TableResult()
    found = False
    for group in group_tables(doc):
        header = detect_header(group.rows)
        if header is None:
            continue
        kind = table_kind(header)
        if kind == "indicator":
            found = True
            ctx = _context(doc, group, header, result.findings)
            result.indicators.extend(_indicator(ctx, row) for row in _rows(ctx))
        elif kind == "prior":
            ctx = _context(doc, group, header, result.findings)
            result.prior_results.extend(_prior(ctx, row) for row in _rows(ctx))
    if not found:
        result.findings.append(Finding(
            code="indicator-table-not-found", severity=Severity.INFO,
            message="未找到主要指标表", context="no indicator table (主要指标) in the document"))
    return result


# --- table context -------------------------------------------------------------------------

_STAR_NOTE = re.compile(r"\*\s*(?:号)?\s*(?:代表|为|表示|系|是)?\s*((?:19|20)\d{2})\s*年")


def _context(doc: Document, group: TableGroup, header: Header, findings: list[Finding]) -> _Context:
    period = plan_period(group.caption)
    base = _column_year(header, "baseline")
    target = _column_year(header, "target")
    if period is not None:
        base = base if base is not None else period[0] - 1
        target = target if target is not None else period[1]
    actual = _column_year(header, "actual")
    actual = actual if actual is not None else target
    notes = note_after(doc, group.index + len(group.blocks) - 1)
    notes += "\n".join(r[0] for r in group.rows if r and _is_note(r))
    m = _STAR_NOTE.search(notes)
    star = int(m.group(1)) if m else None
    missing_base = header.first("baseline") is not None and base is None
    if missing_base or (header.first("target") is not None and target is None):
        findings.append(Finding(
            code="table-year-unknown", severity=Severity.WARNING, line=group.line,
            message="指标表的基期或目标年份无法确定", context=group.caption or None))
    return _Context(group, header, base, target, actual, star, findings)


def _column_year(header: Header, role: str) -> int | None:
    col = next((c for c in header.columns if c.role == role and c.year is not None), None)
    return col.year if col else None


def _is_note(row: tuple[str, ...]) -> bool:
    first = next((c for c in row if c.strip()), "")
    return first.lstrip().startswith(("注：", "注:", "备注", "说明："))


# --- rows ----------------------------------------------------------------------------------

def _rows(ctx: _Context) -> list[_Row]:
    """Data rows with name, unit and category resolved; category rows and notes consumed."""
    rows: list[_Row] = []
    category: str | None = None
    all_rows = ctx.group.rows
    for i in range(ctx.header.rows, len(all_rows)):
        cells = all_rows[i]
        line = ctx.group.row_line(i)
        if _is_note(cells):
            continue
        heading = _category_row(cells)
        if heading is not None:
            category = heading
            continue
        category = _cell(cells, ctx.header.first("category")) or category
        raw_name = _cell(cells, ctx.header.first("name"))
        if not raw_name:
            _damaged(ctx, line, cells, "指标表中的行缺少指标名称")
            continue
        name, unit = split_name_unit(raw_name)
        unit = _cell(cells, ctx.header.first("unit")) or unit
        if len(cells) < len(ctx.header.columns):
            _damaged(ctx, line, cells, "指标表中的行缺少单元格")
        rows.append(_Row(i, cells, name, normalize_unit(unit, name), category, line))
    return rows


def _category_row(cells: tuple[str, ...]) -> str | None:
    """A row that only names a group (``一、创新投入`` alone or merged across the row)."""
    values = {c.strip() for c in cells if c.strip()}
    if len(values) != 1 or len(cells) < 3:
        return None
    value = values.pop()
    if parse_cell(value).value is not None:
        return None
    return _ENUMERATOR.sub("", value)


_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*|^[（(][一二三四五六七八九十]+[)）]")


def _cell(cells: tuple[str, ...], col: Column | None) -> str | None:
    if col is None or col.index >= len(cells):
        return None
    text = cells[col.index].strip()
    return text or None


def _damaged(ctx: _Context, line: int | None, cells: tuple[str, ...], message: str) -> None:
    ctx.findings.append(Finding(
        code="table-row-damaged", severity=Severity.WARNING, line=line, message=message,
        context=" | ".join(cells)))


_UNIT_PAREN = re.compile(r"[(（]([^()（）]{1,12})[)）]$")
_NOT_UNIT = ("含", "包括", "其中", "不", "以", "按", "口径")


def split_name_unit(raw: str) -> tuple[str, str | None]:
    """``R&D 经费支出占 GDP 的比重(%)`` → (``R&D经费支出占GDP的比重``, ``%``)."""
    text = squash(raw).rstrip("*＊")
    m = _UNIT_PAREN.search(text)
    if m and not any(w in m.group(1) for w in _NOT_UNIT):
        return text[: m.start()], m.group(1)
    return text, None


_MONEY_WORDS = (
    "额", "产值", "收入", "投入", "经费", "资金", "支出", "规模", "营收", "投资", "效益",
)


def normalize_unit(unit: str | None, name: str) -> str | None:
    """Units as printed, except a bare ``亿``/``万`` after a money quantity means 亿元/万元."""
    if unit is None:
        return None
    unit = squash(unit).replace("％", "%")
    if unit in ("亿", "万") and any(w in name for w in _MONEY_WORDS):
        return unit + "元"
    return unit or None


# --- values --------------------------------------------------------------------------------

def _value(ctx: _Context, row: _Row, col: Column | None) -> Cell | None:
    """The parsed cell of a column; an unreadable number becomes an ``unparsed-number`` finding."""
    raw = _cell(row.cells, col)
    if raw is None:
        return None
    cell = parse_cell(raw)
    if not cell.ok:
        ctx.findings.append(Finding(
            code="unparsed-number", severity=Severity.WARNING, line=row.line,
            message=f"无法识别表格中的数值“{raw}”", context=f"{row.name}: {raw}"))
        return None
    return None if cell.missing else cell


def _indicator(ctx: _Context, row: _Row) -> Indicator:
    base = _value(ctx, row, ctx.header.first("baseline"))
    target = _value(ctx, row, ctx.header.first("target"))
    base_year = ctx.base_year if base is not None else None
    if base is not None and base.starred and ctx.star_year is not None:
        base_year = ctx.star_year
    ind = Indicator(
        name=row.name, unit=row.unit, category=row.category, line=row.line,
        baseline_year=base_year, baseline=base.value if base else None,
        baseline_comparator=base.comparator if base and base.comparator != "=" else None,
        target_year=ctx.target_year if target is not None else None,
        target=target.value if target else None,
        target_comparator=_comparator(target.comparator) if target else None,
        attribute=_attribute(_cell(row.cells, ctx.header.first("attribute"))),
    )
    for col in ctx.header.all("growth"):
        _apply_growth(ind, col, _value(ctx, row, col))
    return ind


def _apply_growth(ind: Indicator, col: Column, cell: Cell | None) -> None:
    """A bracketed value (〔0.21〕) or a 累计-only column is cumulative, else an annual rate."""
    if cell is None or cell.value is None:
        return
    header = squash(col.header)
    rate_header = any(w in header for w in ("年均", "增速", "增长率", "每年"))
    if cell.cumulative or ("累计" in header and not rate_header):
        ind.cumulative_change = cell.value
    else:
        ind.annual_growth_pct = cell.value
        ind.growth_comparator = _comparator(cell.comparator)


def _comparator(comp: str) -> Comparator:
    for known in _COMPARATORS:
        if comp == known:
            return known
    return "="


_COMPARATORS: tuple[Comparator, ...] = ("=", ">=", "<=", "~")


def _attribute(text: str | None) -> Literal["预期性", "约束性"] | None:
    value = squash(text or "")
    if value.startswith("约束"):
        return "约束性"
    if value.startswith("预期"):
        return "预期性"
    return None


def _prior(ctx: _Context, row: _Row) -> PriorResult:
    base = _value(ctx, row, ctx.header.first("baseline"))
    target = _value(ctx, row, ctx.header.first("target"))
    actual = _value(ctx, row, ctx.header.first("actual"))
    return PriorResult(
        name=row.name, unit=row.unit, line=row.line,
        baseline_year=ctx.base_year if base is not None else None,
        baseline=base.value if base else None,
        target_year=ctx.target_year if target is not None else None,
        target=target.value if target else None,
        actual_year=ctx.actual_year if actual is not None else None,
        actual=actual.value if actual else None,
    )
