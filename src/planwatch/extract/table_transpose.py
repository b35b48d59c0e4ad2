"""Indicator tables printed the other way round: indicators as columns, years as rows.

::

    年份      研发经费投入强度   高新技术企业数
    单位      %                  家
    2020年    2.1                500
    2025年    2.8                1000

The first column names years (``2020年``, ``2025年目标``), the header row names indicators and an
optional row right below it gives their units. Turned round, it is an ordinary indicator table
(指标 ‖ 单位 ‖ 2020年 ‖ 2025年) and is read like one.
"""

from __future__ import annotations

import re

from planwatch.extract.tables import squash

_YEAR_ROW = re.compile(r"^(?:19|20)\d{2}年?(?:底|末)?(?:目标值?|基期值?|现状值?|实际值?|规划值?)?$")
_CORNER = ("年份", "年度", "时间", "指标", "项目", "指标名称", "")
_UNIT_ROW = ("单位", "计量单位", "指标单位")


def transpose_years(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]] | None:
    """The table turned round when its first column lists years, else None."""
    if len(rows) < 3 or len(rows[0]) < 2:
        return None
    header = rows[0]
    corner = squash(header[0])
    if not (corner in _CORNER or "年份" in corner or "/" in corner or "\\" in corner):
        return None
    body = list(rows[1:])
    units: tuple[str, ...] | None = None
    if body and squash(body[0][0]) in _UNIT_ROW:
        units, body = body[0], body[1:]
    if len(body) < 2 or not all(_YEAR_ROW.match(squash(r[0])) for r in body):
        return None
    width = len(header)
    out: list[tuple[str, ...]] = [("指标", "单位", *(squash(r[0]) for r in body))]
    for j in range(1, width):
        name = header[j].strip()
        if not name:
            continue
        unit = units[j] if units is not None and j < len(units) else ""
        out.append((name, unit, *(r[j] if j < len(r) else "" for r in body)))
    return out if len(out) > 1 else None
