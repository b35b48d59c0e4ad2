"""Markdown report: headings and pipe tables (charts are left to the richer formats)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planwatch.reports import text
from planwatch.reports.build import Report


def _cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in headers) + " |",
           "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _findings_section(title: str, findings: Sequence[object], empty: str,
                      rows: list[list[str]]) -> list[str]:
    out = [title, ""]
    return out + (md_table(text.FINDING_HEADERS, rows) if findings else [empty, ""])


def render_md(report: Report) -> str:
    """The report as a Markdown string."""
    n = iter(range(1, 100))
    out = [f"# {_cell(report.title)}", ""]
    out += [f"## {text.numeral(next(n))}、总体情况", ""]
    out += [*(f"{s}\n" for s in text.summary_sentences(report))]
    out += [f"## {text.numeral(next(n))}、主要指标完成情况", "", "### （一）指标监测总表", ""]
    out += md_table(text.INDICATOR_HEADERS, [text.indicator_cells(i, r)
                                             for i, r in enumerate(report.indicators, start=1)])
    out += [f"注：{text.TABLE_NOTE}", "", "### （二）分指标情况", ""]
    for row in report.indicators:
        out += [text.indicator_sentence(row), ""]
        out += [f"> 数据提示：{w}" for w in row.warnings] + ([""] if row.warnings else [])
    monitoring = report.monitoring_alerts
    alerts = [text.finding_cells(i, f) for i, f in enumerate(monitoring, start=1)]
    out += _findings_section(f"## {text.numeral(next(n))}、监测预警", monitoring,
                             "本期无监测预警事项。", alerts)
    found = [text.finding_cells(i, f) for i, f in enumerate(report.findings, start=1)]
    out += _findings_section(f"## {text.numeral(next(n))}、规划文本审查发现", report.findings,
                             "规划文本审查未发现问题。", found)
    if report.prior:
        out += [f"## {text.numeral(next(n))}、上期规划完成情况", ""]
        out += md_table(text.PRIOR_HEADERS, [text.prior_cells(i, r)
                                             for i, r in enumerate(report.prior, start=1)])
    if report.departments:
        out += [f"## {text.numeral(next(n))}、重点任务分工", ""]
        out += md_table(text.TASK_HEADERS, text.task_rows(report))
    return "\n".join(out).rstrip() + "\n"


def write_md(report: Report, path: Path) -> None:
    path.write_text(render_md(report), encoding="utf-8")
