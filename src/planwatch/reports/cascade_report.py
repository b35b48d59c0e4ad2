"""The target cascade laid out (目标分解衔接表): one table the CLI, the page and the API's
``rows`` share; numbers from :func:`planwatch.evaluate.cascade.cascade` unchanged."""

from __future__ import annotations

from planwatch.evaluate.cascade import CascadeRow
from planwatch.model.finding_messages import finding_text
from planwatch.model.labels import label
from planwatch.reports.index_report import Cell, Table, indicator_name
from planwatch.reports.text import figure

HEADERS = ["指标", "类型", "目标年", "上级目标", "下级目标合计或区间", "上级减下级合计",
           "有目标的下级地区", "缺目标的下级地区", "判断"]
HEADERS_EN = ["Indicator", "Kind", "Target year", "Parent target", "Sub-regions: sum or range",
              "Parent minus sum", "Sub-regions with a target", "Sub-regions without a target",
              "Verdict"]
"""HEADERS in English (the web catalogue holds the same)."""


def _children(row: CascadeRow, names: dict[str, str], sep: str = "、") -> str:
    return sep.join(f"{names.get(r, r)} {figure(v)}" for r, v in row.children.items())


def cascade_table(rows: list[CascadeRow], names: dict[str, str], lang: str = "zh") -> Table:
    """The cascade table in ``lang`` (region names are data)."""
    en = lang == "en"
    sep = ", " if en else "、"
    out: list[list[Cell]] = []
    for row in rows:
        spread = (figure(row.total) if row.total is not None
                  else f"{figure(row.low or 0)}{'–' if en else '～'}{figure(row.high or 0)}")
        out.append([indicator_name(row.code, lang), label("cascade_kind", row.kind, lang),
                    row.year, figure(row.parent), spread,
                    None if row.gap is None else figure(row.gap), _children(row, names, sep),
                    sep.join(names.get(r, r) for r in row.missing) or None,
                    label("cascade_verdict", row.verdict, lang)])
    if en:
        return Table("Target cascade", HEADERS_EN, out)
    return Table("目标分解衔接", HEADERS, out)


def cascade_json(rows: list[CascadeRow], names: dict[str, str],
                 ids: dict[str, int]) -> list[dict[str, object]]:
    return [{
        "code": row.code, "indicator": indicator_name(row.code), "kind": row.kind.value,
        "year": row.year, "parent_target": row.parent, "total": row.total, "low": row.low,
        "high": row.high, "gap": row.gap,
        "children": [{"region_id": ids.get(r), "name": names.get(r), "target": v}
                     for r, v in row.children.items()],
        "missing": [{"region_id": ids.get(r), "name": names.get(r)} for r in row.missing],
        "verdict_code": row.verdict.value, "verdict": label("cascade_verdict", row.verdict),
        "findings": [{"code": f.code, "severity": f.severity.value, "message": f.message,
                      "message_en": finding_text(f, "en"), "params": f.params,
                      "variant": f.variant} for f in row.findings],
    } for row in rows]
