"""Self-contained HTML report: inline CSS, charts as base64 PNG, no CDN; autoescaped."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from planwatch.model.findings import Finding
from planwatch.reports import text
from planwatch.reports.build import VERDICT_CLASS
from planwatch.reports.charts import chart_image
from planwatch.reports.document import ReportDocument

TABLE_ATTRS = 'border="1" cellspacing="0" cellpadding="3"'  # for viewers that ignore CSS
NUMERIC_COLS = frozenset({3, 4, 5, 6, 7, 8})


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("planwatch.reports", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )


def finding_table(findings: Sequence[Finding], lang: str = "zh") -> Markup:
    head = "".join(f"<th>{escape(h)}</th>" for h in text.trs(text.FINDING_HEADERS, lang))
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in text.finding_cells(i, f, lang))
        + "</tr>" for i, f in enumerate(findings, start=1))
    return Markup(f"<table {TABLE_ATTRS}><thead><tr>{head}</tr></thead>"
                  f"<tbody>{rows}</tbody></table>")


def cell_html(content: str, lang: str = "zh") -> Markup:
    """A table cell: escaped, a value's year or method on its own line."""
    head, _, tail = text.wrap_cell(content, "\0", lang).partition("\0")
    if not tail:
        return escape(content)
    return Markup("{}<br><span class=\"sub\">{}</span>").format(head, tail)


def _charts(d: ReportDocument) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for row in d.report.indicators:
        png = chart_image(row, compact=True, lang=d.lang)
        if png is not None:
            out.append((row.name, base64.b64encode(png).decode("ascii")))
    return out


def led(content: str, lang: str = "zh") -> Markup:
    """“（一）小标题。正文” with the lead-in in 楷体."""
    m = text.lead_in(content, lang)
    if m is None:
        return escape(content)
    return Markup('<span class="lead-in">{}</span>{}').format(m.group(1), m.group(2))


def render_html(d: ReportDocument, *, charts: bool = True) -> str:
    """The report as one HTML string."""
    template = _environment().get_template("report.html.j2")
    r = d.report
    lang = d.lang
    status = r.tasks_as_of is not None
    cells = text.task_status_cells if status else text.task_plain_cells
    return template.render(
        d=d, table_attrs=Markup(TABLE_ATTRS), html_lang="en" if lang == "en" else "zh-CN",
        compact_headers=text.trs(text.COMPACT_HEADERS, lang),
        indicator_rows=[(text.compact_cells(i, row, lang), row)
                        for i, row in enumerate(r.indicators, start=1)],
        numeric_cols=NUMERIC_COLS, verdict_col=text.COMPACT_HEADERS.index("评价"),
        verdict_class=lambda v: VERDICT_CLASS.get(v, ""),
        table_note=text.tr(text.TABLE_NOTE, lang), charts=_charts(d) if charts else [],
        task_headers=text.trs(text.TASK_STATUS_HEADERS if status else text.TASK_PLAIN_HEADERS,
                              lang),
        task_cells=lambda t, department: cells(t, department, lang),
        led=lambda content: led(content, lang), annex_names=text.annex_names(r, lang),
        detail_headers=text.trs(text.DETAIL_HEADERS, lang),
        detail_rows=[text.detail_cells(i, row, lang)
                     for i, row in enumerate(r.indicators, start=1)],
        alerts=r.monitoring_alerts, findings=r.findings,
        finding_table=lambda found: finding_table(found, lang),
        no_alerts=text.tr(text.NO_ALERTS, lang), no_findings=text.tr(text.NO_FINDINGS, lang),
        prior_headers=text.trs(text.PRIOR_HEADERS, lang),
        prior_rows=[text.prior_cells(i, row, lang) for i, row in enumerate(r.prior, start=1)],
        cell=lambda content: cell_html(content, lang), tr=lambda zh: text.tr(zh, lang),
        heading=lambda k, title: text.section_heading(k, title, lang),
        sub_heading=lambda k, title: text.sub_heading(k, title, lang),
        department_heading=lambda g: text.department_heading(g.department, len(g.tasks), lang),
        table_caption=text.table_caption(lang, "　"),
        figure_caption=text.figure_caption(lang, "　"),
        annex_intro=text.annex_intro(lang), annex_label=lambda k: text.annex_label(k, lang),
    )


def write_html(d: ReportDocument, path: Path) -> None:
    path.write_text(render_html(d), encoding="utf-8")
