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

from planwatch.catalog.units import complete_unit
from planwatch.extract.numbers import Cell, parse_cell
from planwatch.extract.table_pairs import pair_cells, pair_names, pair_unit
from planwatch.extract.table_roles import document_period, refine
from planwatch.extract.table_transpose import transpose_years
from planwatch.extract.table_values import TableValue, read_value
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
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, ParamValue, Severity
from planwatch.model.plan import Comparator, Indicator, PriorResult
from planwatch.parse.cellgrid import NO_MEASURE, is_unit
from planwatch.parse.document import Document, table_block


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
    unit: str | None = None
    paren_year: int | None = None


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
    period = document_period([b.text for b in doc.blocks[:12] if b.kind != "table"])
    for group in map(_turned, group_tables(doc)):
        header = detect_header(group.rows)
        if header is None:
            continue
        header = refine(header, group.rows[header.rows:], period)
        kind = table_kind(header)
        if kind == "indicator":
            found = True
            ctx = _context(doc, group, header, result.findings, period)
            rows = [_indicator(ctx, row) for row in _rows(ctx)]
            _check_values(ctx, rows, result.findings)
            _unknown_columns(ctx, result.findings)
            result.indicators.extend(rows)
        elif kind == "prior":
            ctx = _context(doc, group, header, result.findings)
            result.prior_results.extend(_prior(ctx, row) for row in _rows(ctx))
        else:
            _unmapped(group, header, result.findings)
    if not found:
        result.findings.append(_not_found(doc))
    return result


_INDICATOR_CAPTION = re.compile(r"^(?:附?表\s*[\d一二三四五六七八九十-]*|专栏\s*\d*).{0,40}指标"
                                r"|指标(?:一览)?表$")


# 专栏1“十四五”…主要指标类别序号指标名称单位2021年…: caption and header run together, so the
# cells of the rows below run together too (6.36.36.3…): no value can be read safely
_GLUED_TABLE = re.compile(
    r"((?:附?表\s*[\d一二三四五六七八九十]*|专栏\s*\d*)?[^。；：:，,]{0,40}?指标)\s*"
    r"(?:(?:类别|序号|指\s*标(?:名称|内容)?|领域)\s*){1,3}"
    r"(?:单位|\d{4}\s*年|规划目标|目标值|属性)")


def _not_found(doc: Document) -> Finding:
    """No indicator table: a warning naming the caption when the document announces one (its
    table could not be read), else an info."""
    caption = next((b for b in doc.blocks if b.kind != "table" and len(b.text) <= 50
                    and _INDICATOR_CAPTION.search(b.text.strip()) and "完成" not in b.text),
                   None)
    if caption is not None:
        return make_finding(
            "indicator-table-unreadable", {"caption": caption.text.strip()}, line=caption.line,
            context="an indicator table is announced but its rows could not be read")
    glued = next(((b, m) for b in doc.blocks if b.kind != "table"
                  for m in [_GLUED_TABLE.search(b.text)] if m is not None), None)
    if glued is not None:  # a page that ran the table's cells together: its values are not read
        return make_finding(
            "indicator-table-unreadable", {"caption": glued[1].group(1)}, line=glued[0].line,
            context="an indicator table whose cells run together (a flattened page)")
    return make_finding("indicator-table-not-found", severity=Severity.INFO,
                        context="no indicator table (主要指标) in the document")


def _turned(group: TableGroup) -> TableGroup:
    """A table with years as rows and indicators as columns, turned round (see
    :mod:`planwatch.extract.table_transpose`)."""
    rows = transpose_years(group.rows)
    if rows is None:
        return group
    block = table_block([list(r) for r in rows], line=group.line)
    return TableGroup(index=group.index, blocks=[block], caption=group.caption)


# --- table context -------------------------------------------------------------------------

_STAR_NOTE = re.compile(r"\*\s*(?:号)?\s*(?:代表|为|表示|系|是)?\s*((?:19|20)\d{2})\s*年")
# 注：括号内数据为2019年平均值: a base value printed in brackets is of that year
_PAREN_NOTE = re.compile(r"(?:括号|（）|\(\))(?:内|中)的?(?:数据|数值|数字|值)?\s*"
                         r"(?:代表|为|表示|系|是)\s*((?:19|20)\d{2})\s*年")
_WRAPPED = re.compile(r"^[(（][^()（）]+[)）]$")


def _context(doc: Document, group: TableGroup, header: Header, findings: list[Finding],
             doc_period: tuple[int, int] | None = None) -> _Context:
    period = plan_period(group.caption) or doc_period
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
    m = _PAREN_NOTE.search(notes)
    paren = int(m.group(1)) if m else None
    missing_base = header.first("baseline") is not None and base is None
    if missing_base or (header.first("target") is not None and target is None):
        findings.append(make_finding("table-year-unknown", line=group.line,
                                     context=group.caption or None))
    return _Context(group, header, base, target, actual, star, findings, _table_unit(doc, group),
                    paren)


_UNIT_WORD = r"(?:计量)?单位\s*[:：]\s*([^\s，,。；;、）)]{1,10})"
_UNIT_LINE = re.compile(rf"^[（(]?\s*{_UNIT_WORD}\s*[)）]?$")
_UNIT_IN_CAPTION = re.compile(rf"[（(]\s*{_UNIT_WORD}\s*[)）]$")


def _table_unit(doc: Document, group: TableGroup) -> str | None:
    """One unit for the whole table, printed above it (``单位：%``, ``（单位：亿元）``) or at the
    end of its caption (``表1 主要指标（单位：%）``); a list (``单位：亿元、%``) is no unit."""
    before = [b.text.strip() for b in doc.blocks[max(0, group.index - 2):group.index]
              if b.kind != "table"]
    candidates = [m.group(1) for t in before if (m := _UNIT_LINE.match(t))]
    m = _UNIT_IN_CAPTION.search(group.caption.strip())
    if m:
        candidates.append(m.group(1))
    return next((u for u in reversed(candidates) if is_unit(u)), None)


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
            _damaged(ctx, line, cells, "nameless")
            continue
        if rows and _SUB_ROW.match(raw_name):
            cells = _inherit(ctx, cells, rows[-1].cells)
        elif rows and rows[-1].category == category:
            cells = _merged_attribute(ctx, cells, rows[-1].cells)
            cells = _merged_unit(ctx, cells, rows[-1].cells, raw_name)
        name, unit = split_name_unit(raw_name)
        unit = _cell(cells, ctx.header.first("unit")) or unit
        if len(all_rows[i]) < len(ctx.header.columns):
            _damaged(ctx, line, all_rows[i], "short")
        row = _Row(i, cells, name, normalize_unit(unit, name), category, line)
        rows.extend(_pair(ctx, row, unit) or [row])
    return rows


_VALUE_ROLES = ("baseline", "target", "actual", "growth")


def _pair(ctx: _Context, row: _Row, unit: str | None) -> list[_Row] | None:
    """``A/B`` ‖ ``x/y``: two indicators printed in one row, read as two rows (see
    :mod:`planwatch.extract.table_pairs`); None when the row holds one indicator."""
    names = pair_names(row.name)
    if names is None:
        return None
    values = [c.index for c in ctx.header.columns if c.role in _VALUE_ROLES]
    split = pair_cells(row.cells, values)
    if split is None:
        if any("/" in row.cells[i] for i in values if i < len(row.cells)):
            _damaged(ctx, row.line, row.cells, "unsplit", row.name)
        return None
    unit_col = ctx.header.first("unit")
    out = []
    for name, cells, part_unit in zip(names, split, pair_unit(unit, names), strict=True):
        if unit_col is not None and unit_col.index < len(cells):
            cells = (*cells[:unit_col.index], part_unit or "", *cells[unit_col.index + 1:])
        out.append(_Row(row.index, cells, name, normalize_unit(part_unit, name), row.category,
                        row.line))
    return out


def _merged_unit(ctx: _Context, cells: tuple[str, ...], above: tuple[str, ...],
                 raw_name: str) -> tuple[str, ...]:
    """A 单位 cell merged down a group prints once, on the group's first row, like the 类别
    cell beside it: a row whose own 类别 and 单位 cells are both empty, and whose name gives
    no unit, takes the unit of the row above."""
    unit_col, group_col = ctx.header.first("unit"), ctx.header.first("category")
    if unit_col is None or group_col is None or _cell(cells, group_col) is not None \
            or _cell(cells, unit_col) is not None or split_name_unit(raw_name)[1] is not None:
        return cells
    unit = _cell(above, unit_col)
    if unit is None:
        return cells
    padded = list(cells) + [""] * (unit_col.index + 1 - len(cells))
    padded[unit_col.index] = unit
    return tuple(padded)


def _merged_attribute(ctx: _Context, cells: tuple[str, ...],
                      above: tuple[str, ...]) -> tuple[str, ...]:
    """A 属性 cell merged down a group (``约束性`` printed once for several rows) is printed only
    on the group's first row: a row of the same group with an empty 属性 cell takes the one
    above. A printed ``—`` is not empty and is kept."""
    col = ctx.header.first("attribute")
    if col is None or col.index >= len(above) or not _attribute(above[col.index]):
        return cells
    if col.index < len(cells) and cells[col.index].strip():
        return cells
    padded = list(cells) + [""] * (col.index + 1 - len(cells))
    padded[col.index] = above[col.index]
    return tuple(padded)


def _inherit(ctx: _Context, cells: tuple[str, ...], parent: tuple[str, ...]) -> tuple[str, ...]:
    """A sub-row (``其中 公园绿地``) shares its parent's merged unit and 属性 cells."""
    shared = {c.index for c in (ctx.header.first("unit"), ctx.header.first("attribute")) if c}
    return tuple(parent[i] if i in shared and not c.strip() and i < len(parent) else c
                 for i, c in enumerate(cells))


def _category_row(cells: tuple[str, ...]) -> str | None:
    """A row that only names a group (``一、创新投入`` alone or merged across the row)."""
    values = {c.strip() for c in cells if c.strip()}
    if len(values) != 1 or len(cells) < 3:
        return None
    value = _ENUMERATOR.sub("", values.pop())  # (1. 总量目标: the group, not the number 1)
    if parse_cell(value).value is not None:
        return None
    return value


_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*|^[（(][一二三四五六七八九十]+[)）]"
                         r"|^\d{1,2}[、.．]\s*(?=[\u4e00-\u9fff])")


def _cell(cells: tuple[str, ...], col: Column | None) -> str | None:
    if col is None or col.index >= len(cells):
        return None
    text = cells[col.index].strip()
    return text or None


def _damaged(ctx: _Context, line: int | None, cells: tuple[str, ...], variant: str,
             name: str | None = None) -> None:
    params: dict[str, ParamValue] = {} if name is None else {"name": name}
    ctx.findings.append(make_finding("table-row-damaged", params, variant=variant, line=line,
                                     context=" | ".join(cells)))


_NAME_MARK = re.compile(r"(?:[*＊]+|[①-⑳]|\[\d{1,2}\]|［\d{1,2}］|[¹²³⁴-⁹]+)+$")
_SUB_ROW = re.compile(r"^其中")
_UNIT_PAREN = re.compile(r"[(（]((?:[^()（）]|[(（][^()（）]{1,3}[)）]){1,12})[)）]$")
_NOT_UNIT = ("含", "包括", "其中", "不", "以", "按", "口径")


def split_name_unit(raw: str) -> tuple[str, str | None]:
    """``R&D 经费支出占 GDP 的比重(%)`` → (``R&D经费支出占GDP的比重``, ``%``)."""
    text = _NAME_MARK.sub("", squash(raw))
    m = _UNIT_PAREN.search(text)
    if m and not any(w in m.group(1) for w in _NOT_UNIT) and _unit_like(m.group(1)):
        return _NAME_MARK.sub("", text[: m.start()]), m.group(1)
    return text, None


def _unit_like(text: str) -> bool:
    """``(%)``, ``（亿元）``, ``(人·年/万人)`` are units; ``（鸟类）``, ``(MQI)`` belong to the
    name."""
    return is_unit(text) or any(ch in text for ch in "%％‰/") or (not re.search(
        r"[\u4e00-\u9fff]", text) and text.islower())


def normalize_unit(unit: str | None, name: str) -> str | None:
    """Units as printed, except a bare ``亿``/``万`` after a money quantity means 亿元/万元."""
    if unit is None:
        return None
    unit = squash(unit).replace("％", "%")
    if parse_cell(unit).missing or unit in NO_MEASURE:
        return None  # — or / in the unit column: no unit; 定性: words, not a measure
    return complete_unit(unit, name) or None


# --- values --------------------------------------------------------------------------------

def _value(ctx: _Context, row: _Row, col: Column | None) -> Cell | None:
    """The parsed cell of a column; an unreadable number becomes an ``unparsed-number`` finding."""
    read = _read(ctx, row, col)
    return read.cell if read is not None else None


def _read(ctx: _Context, row: _Row, col: Column | None) -> TableValue | None:
    """A value cell read with its notes; a cell with digits that cannot be read becomes an
    ``unparsed-number`` finding (a qualitative text target does not)."""
    raw = _cell(row.cells, col)
    if raw is None:
        return None
    value = read_value(raw)
    if value.cell is not None and _SECOND_NUMBER.fullmatch(value.unit or ""):
        value = TableValue(None)  # 8/3: two values of a row that holds one name, not 8 in "/3"
    if value.cell is None and value.text is None and any(ch.isdigit() for ch in raw):
        ctx.findings.append(make_finding("unparsed-number", {"raw": raw}, variant="table",
                                         line=row.line, context=f"{row.name}: {raw}"))
    return None if value.missing else value


_SECOND_NUMBER = re.compile(r"[/／]\d+(?:\.\d+)?%?")


def _lone_value(ctx: _Context, row: _Row) -> _Row:
    """A row that prints one value beside a target column and a 年均［累计］ column, and
    nothing at all (not even ``—``) in the target column: a number with a comparator
    (``≥30（初中）``) that is neither bracketed nor said to be yearly or cumulative, in a row
    whose name is not a growth rate, is the target. Where the cell lands between the two
    columns is only the layout's guess."""
    target = ctx.header.first("target")
    growth = ctx.header.all("growth")
    if target is None or len(growth) != 1 or _cell(row.cells, target) is not None:
        return row
    raw = _cell(row.cells, growth[0])
    if raw is None or raw[:1] in _BRACKETS or any(w in raw for w in _GROWTH_CELL_WORDS) \
            or any(w in row.name for w in _RATE_NAME_WORDS):
        return row
    cells = list(row.cells)
    cells[target.index], cells[growth[0].index] = raw, ""
    return _Row(row.index, tuple(cells), row.name, row.unit, row.category, row.line)


_BRACKETS = "〔[［【(（"
_GROWTH_CELL_WORDS = ("年均", "每年", "累计", "增长", "增速", "下降", "提高", "新增")
_RATE_NAME_WORDS = ("年均", "增长率", "增速", "增幅", "每年", "累计")


def _indicator(ctx: _Context, row: _Row) -> Indicator:
    row = _lone_value(ctx, row)
    base = _read(ctx, row, ctx.header.first("baseline"))
    target = _read(ctx, row, ctx.header.first("target"))
    bcell = base.cell if base else None
    base_year = ctx.base_year if bcell is not None else None
    if bcell is not None and bcell.starred and ctx.star_year is not None:
        base_year = ctx.star_year
    if base is not None and base.year is not None and bcell is not None:
        base_year = base.year
    if bcell is not None and ctx.paren_year is not None and _WRAPPED.match(squash(bcell.raw)):
        base_year = ctx.paren_year
    unit = row.unit or next((v.unit for v in (target, base) if v is not None and v.unit),
                            None) or _header_unit(ctx.header) or ctx.unit
    ind = Indicator(
        name=row.name, unit=normalize_unit(unit, row.name), category=row.category,
        line=row.line, baseline_year=base_year, baseline=bcell.value if bcell else None,
        baseline_max=base.value_max if base is not None and bcell is not None else None,
        baseline_comparator=bcell.comparator if bcell and bcell.comparator != "=" else None,
        target_comparator=None,
        attribute=_attribute(_cell(row.cells, ctx.header.first("attribute"))),
    )
    _set_target(ctx, row, ind, target)
    _period_value(ctx, row, ind)
    for col in ctx.header.all("growth"):
        growth = _read(ctx, row, col)
        _apply_growth(ind, col, growth)
        if growth is not None and growth.text and growth.cell is None and ind.target is None:
            ind.target_text = ind.target_text or growth.text  # text in a 年均［累计］ column
    return ind


_CHANGE_NAME = re.compile(r"(?:下降|降低|减少|增长|提高|提升|增加|增速|增幅)率?$|节能量$|减排量$")
_FALL_NAME = re.compile(r"(?:下降|降低|减少)$")


def _period_value(ctx: _Context, row: _Row, ind: Indicator) -> None:
    """A row that names a change (``单位发电量碳排放下降``, ``…年均增长``, ``重点行业节能量``) and
    prints one value for the period, in the target column alone or in one cell merged across the
    base-year and target-year columns (a grid repeats it in both): the change over the plan
    period (``>10`` is −10 for a fall) or its yearly rate, not a target level (nor a baseline
    equal to it)."""
    raw_base = _cell(row.cells, ctx.header.first("baseline"))
    raw_target = _cell(row.cells, ctx.header.first("target"))
    if ind.target is None or raw_target is None or raw_base not in (None, raw_target) \
            or (raw_base is not None and ind.baseline != ind.target) \
            or ctx.header.first("baseline") is None:
        return
    name = squash(ind.name)
    if not _CHANGE_NAME.search(name):
        return
    value, comparator = ind.target, ind.target_comparator
    if "年均" in name or "每年" in name:
        ind.annual_growth_pct, ind.growth_comparator = value, comparator
    else:
        ind.cumulative_change = -value if _FALL_NAME.search(name) and value > 0 else value
    ind.target_text = raw_target
    ind.baseline = ind.baseline_year = ind.baseline_comparator = ind.baseline_max = None
    ind.target = ind.target_year = ind.target_comparator = ind.target_max = None


def _header_unit(header: Header) -> str | None:
    """A unit printed once in the value columns' header (``2025年目标值（亿元）``)."""
    for col in (header.first("target"), header.first("baseline")):
        m = _UNIT_PAREN.search(squash(col.header)) if col is not None else None
        if m and not re.search(r"\d{4}", m.group(1)) and _unit_like(m.group(1)):
            return m.group(1)
    return None


def _set_target(ctx: _Context, row: _Row, ind: Indicator, target: TableValue | None) -> None:
    """Target, its year and comparator; a 〔…〕 or 累计/增加 value is the five-year cumulative
    change; a text cell is a qualitative target dated by its column."""
    if target is None:
        return
    cell = target.cell
    if cell is None:
        if target.text:
            ind.target_text, ind.target_year = target.text, target.year or ctx.target_year
        elif target.unit:
            _damaged(ctx, row.line, row.cells, "numberless")
        return
    if target.increase or cell.cumulative:
        ind.cumulative_change, ind.cumulative_change_max = cell.value, target.value_max
        return
    ind.target, ind.target_max, ind.target_text = cell.value, target.value_max, target.text
    ind.note = ind.note or target.note
    ind.target_year = target.year or ctx.target_year
    ind.target_comparator = _comparator(cell.comparator)


def _check_values(ctx: _Context, rows: list[Indicator], findings: list[Finding]) -> None:
    """A table whose rows give no value at all was not understood: say so, never leave silent
    null baselines and targets."""
    if not rows or any(r.baseline is not None or r.target is not None or r.target_text
                       or r.annual_growth_pct is not None or r.cumulative_change is not None
                       for r in rows):
        return
    findings.append(make_finding(
        "indicator-table-no-values", {"table": _table_name(ctx.group)}, line=ctx.group.line,
        context="indicator table rows carry no baseline or target values: "
                + " | ".join(c.header for c in ctx.header.columns)))


def _unknown_columns(ctx: _Context, findings: list[Finding]) -> None:
    """A column of an indicator table whose header names nothing planwatch reads (no role and
    no year) but whose cells hold numbers: its values would be dropped without a word, so say
    which column was not read. Columns set aside on purpose (a year between base and target, the
    previous plan's target) have a year or a role and are not reported."""
    rows = ctx.group.rows[ctx.header.rows:]
    for col in ctx.header.columns:
        if col.role != "other" or col.year is not None:
            continue
        cells = [r[col.index] for r in rows if col.index < len(r) and r[col.index].strip()]
        numbers = sum(1 for c in cells if read_value(c).cell is not None)
        if numbers and numbers * 2 >= len(cells):
            # a header cell that lost its span leaves its column unnamed: say which one
            header = squash(col.header)
            findings.append(make_finding(
                "indicator-column-unmapped",
                {"table": _table_name(ctx.group), "column": header or col.index + 1},
                variant="named" if header else "unnamed", line=ctx.group.line,
                context="indicator table column not understood: "
                        + (col.header or f"column {col.index + 1} (no header)")))


def _unmapped(group: TableGroup, header: Header, findings: list[Finding]) -> None:
    """A table that looks like an indicator table (its caption or header says 指标) whose
    columns could not be mapped to baseline/target roles."""
    roles = header.roles
    if "project" in roles or "undertaker" in roles or not (
            "指标" in group.caption or ("name" in roles and roles & {"unit", "attribute"})):
        return
    findings.append(make_finding(
        "indicator-table-unmapped", {"table": _table_name(group)}, line=group.line,
        context="indicator table header not understood: "
                + " | ".join(c.header for c in header.columns)))


def _table_name(group: TableGroup) -> str:
    return group.caption or (group.rows[0][0] if group.rows and group.rows[0] else "") or "?"


def _apply_growth(ind: Indicator, col: Column, value: TableValue | None) -> None:
    """A bracketed value (〔0.21〕, ［25—27］) or a 累计-only column is cumulative, else an
    annual rate."""
    cell = value.cell if value is not None else None
    if value is None or cell is None or cell.value is None:
        return
    header = squash(col.header)
    rate_header = any(w in header for w in ("年均", "增速", "增长率", "每年"))
    if cell.cumulative or ("累计" in header and not rate_header):
        ind.cumulative_change, ind.cumulative_change_max = cell.value, value.value_max
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
    reads = [_read(ctx, row, ctx.header.first(role)) for role in ("baseline", "target", "actual")]
    base, target, actual = (r.cell if r is not None else None for r in reads)
    unit = row.unit or next((r.unit for r in reads if r is not None and r.unit), None)
    return PriorResult(
        name=row.name, unit=normalize_unit(unit, row.name), line=row.line,
        baseline_year=ctx.base_year if base is not None else None,
        baseline=base.value if base else None,
        target_year=ctx.target_year if target is not None else None,
        target=target.value if target else None,
        actual_year=ctx.actual_year if actual is not None else None,
        actual=actual.value if actual else None,
    )
