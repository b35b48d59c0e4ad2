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


def _findings_section(title: str, findings: Sequence[Finding], empty: str,
                      lang: str = "zh") -> list[str]:
    rows = [text.finding_cells(i, f, lang) for i, f in enumerate(findings, start=1)]
    table = md_table(text.trs(text.FINDING_HEADERS, lang), rows)
    return [title, "", *(table if findings else [text.tr(empty, lang), ""])]


def _tasks(d: ReportDocument) -> list[str]:
    lang = d.lang
    out = [*(f"{p}\n" for p in d.task_intro)]
    status = d.report.tasks_as_of is not None
    for i, g in enumerate(d.task_groups, start=1):
        head = text.department_heading(_cell(g.department), len(g.tasks), lang)
        out += [f"### {text.sub_heading(i, head, lang)}", ""]
        if status:
            out += md_table(text.trs(text.TASK_STATUS_HEADERS, lang),
                            [text.task_status_cells(t, g.department, lang) for t in g.tasks])
        else:
            out += md_table(text.trs(text.TASK_PLAIN_HEADERS, lang),
                            [text.task_plain_cells(t, g.department, lang) for t in g.tasks])
    return out


def _annex_title(k: int, name: str, lang: str) -> str:
    """## 附件1　名称 / ## Annex 1 Name."""
    return f"## {text.annex_label(k, lang)}{' ' if lang == 'en' else '　'}{name}"


def _annexes(d: ReportDocument, names: Sequence[str]) -> list[str]:
    r = d.report
    lang = d.lang
    out: list[str] = []
    k = 0
    if r.indicators:
        k += 1
        out += ["---", "", _annex_title(k, names[k - 1], lang), ""]
        out += md_table(text.trs(text.DETAIL_HEADERS, lang),
                        [text.detail_cells(i, row, lang)
                         for i, row in enumerate(r.indicators, start=1)])
    k += 1
    out += ["---", "", _annex_title(k, names[k - 1], lang), ""]
    out += _findings_section(f"### {text.sub_heading(1, text.tr('监测预警', lang), lang)}",
                             r.monitoring_alerts, text.NO_ALERTS, lang)
    out += _findings_section(f"### {text.sub_heading(2, text.tr('规划文本审查发现', lang), lang)}",
                             r.findings, text.NO_FINDINGS, lang)
    if r.prior:
        k += 1
        out += ["---", "", _annex_title(k, names[k - 1], lang), ""]
        out += md_table(text.trs(text.PRIOR_HEADERS, lang),
                        [text.prior_cells(i, row, lang) for i, row in enumerate(r.prior, start=1)])
    return out


def render_md(d: ReportDocument) -> str:
    """The report as a Markdown string."""
    r = d.report
    lang = d.lang
    heads = [f"## {text.section_heading(i, t, lang)}"
             for i, t in enumerate(d.section_titles, start=1)]
    out = [f"# {_cell(d.title)}", "", heads[0], ""]
    out += [f"{s}\n" for s in d.overview]
    out += [heads[1], "", *(f"{s}\n" for s in d.indicator_intro)]
    if r.indicators:
        out += [text.table_caption(lang), ""]
        out += md_table(text.trs(text.COMPACT_HEADERS, lang),
                        [text.compact_cells(i, row, lang)
                         for i, row in enumerate(r.indicators, start=1)])
        out += [f"{text.tr('注：', lang)}{text.tr(text.TABLE_NOTE, lang)}", ""]
    out += [heads[2], "", *_tasks(d)]
    out += [heads[3], "", *(f"{p}\n" for p in d.problem_text)]
    out += [heads[4], "", *(f"{p}\n" for p in d.suggestions)]
    names = text.annex_names(r, lang)
    joined = ("; " if lang == "en" else "；").join(
        f"{k}. {n}" for k, n in enumerate(names, start=1))
    out += [text.annex_intro(lang) + joined, ""]
    out += [_cell(d.issuer), "", d.date_text, ""]
    out += _annexes(d, names)
    return "\n".join(out).rstrip() + "\n"


def write_md(d: ReportDocument, path: Path) -> None:
    path.write_text(render_md(d), encoding="utf-8")
