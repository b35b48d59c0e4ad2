"""Markdown report: headings and pipe tables (charts are left to the richer formats)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planwatch.model.findings import Finding
from planwatch.reports import text
from planwatch.reports.document import ReportDocument


def _cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in headers) + " |",
           "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _findings_section(title: str, findings: Sequence[Finding], empty: str) -> list[str]:
    rows = [text.finding_cells(i, f) for i, f in enumerate(findings, start=1)]
    return [title, "", *(md_table(text.FINDING_HEADERS, rows) if findings else [empty, ""])]


def _tasks(d: ReportDocument) -> list[str]:
    out = [*(f"{p}\n" for p in d.task_intro)]
    status = d.report.tasks_as_of is not None
    for i, g in enumerate(d.task_groups, start=1):
        out += [f"### （{text.numeral(i)}）{_cell(g.department)}（牵头{len(g.tasks)}项）", ""]
        if status:
            out += md_table(text.TASK_STATUS_HEADERS,
                            [text.task_status_cells(t, g.department) for t in g.tasks])
        else:
            out += md_table(text.TASK_PLAIN_HEADERS,
                            [text.task_plain_cells(t, g.department) for t in g.tasks])
    return out


def _annexes(d: ReportDocument, names: Sequence[str]) -> list[str]:
    r = d.report
    out: list[str] = []
    k = 0
    if r.indicators:
        k += 1
        out += ["---", "", f"## 附件{k}　{names[k - 1]}", ""]
        out += md_table(text.DETAIL_HEADERS, [text.detail_cells(i, row)
                                              for i, row in enumerate(r.indicators, start=1)])
    k += 1
    out += ["---", "", f"## 附件{k}　{names[k - 1]}", ""]
    out += _findings_section("### （一）监测预警", r.monitoring_alerts, text.NO_ALERTS)
    out += _findings_section("### （二）规划文本审查发现", r.findings, text.NO_FINDINGS)
    if r.prior:
        k += 1
        out += ["---", "", f"## 附件{k}　{names[k - 1]}", ""]
        out += md_table(text.PRIOR_HEADERS, [text.prior_cells(i, row)
                                             for i, row in enumerate(r.prior, start=1)])
    return out


def render_md(d: ReportDocument) -> str:
    """The report as a Markdown string."""
    r = d.report
    heads = [f"## {text.numeral(i)}、{t}" for i, t in enumerate(d.section_titles, start=1)]
    out = [f"# {_cell(d.title)}", "", heads[0], ""]
    out += [f"{s}\n" for s in d.overview]
    out += [heads[1], "", *(f"{s}\n" for s in d.indicator_intro)]
    if r.indicators:
        out += ["表1  主要指标完成情况", ""]
        out += md_table(text.COMPACT_HEADERS, [text.compact_cells(i, row)
                                               for i, row in enumerate(r.indicators, start=1)])
        out += [f"注：{text.TABLE_NOTE}", ""]
    out += [heads[2], "", *_tasks(d)]
    out += [heads[3], "", *(f"{p}\n" for p in d.problem_text)]
    out += [heads[4], "", *(f"{p}\n" for p in d.suggestions)]
    names = text.annex_names(r)
    out += ["附件：" + "；".join(f"{k}. {n}" for k, n in enumerate(names, start=1)), ""]
    out += [_cell(d.issuer), "", d.date_text, ""]
    out += _annexes(d, names)
    return "\n".join(out).rstrip() + "\n"


def write_md(d: ReportDocument, path: Path) -> None:
    path.write_text(render_md(d), encoding="utf-8")
