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


def finding_table(findings: Sequence[Finding]) -> Markup:
    head = "".join(f"<th>{escape(h)}</th>" for h in text.FINDING_HEADERS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in text.finding_cells(i, f)) + "</tr>"
        for i, f in enumerate(findings, start=1))
    return Markup(f"<table {TABLE_ATTRS}><thead><tr>{head}</tr></thead>"
                  f"<tbody>{rows}</tbody></table>")


def cell_html(content: str) -> Markup:
    """A table cell: escaped, a value's year or method on its own line."""
    head, _, tail = text.wrap_cell(content, "\0").partition("\0")
    if not tail:
        return escape(content)
    return Markup("{}<br><span class=\"sub\">{}</span>").format(head, tail)


def _charts(d: ReportDocument) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for row in d.report.indicators:
        png = chart_image(row, compact=True)
        if png is not None:
            out.append((row.name, base64.b64encode(png).decode("ascii")))
    return out


def led(content: str) -> Markup:
    """“（一）小标题。正文” with the lead-in in 楷体."""
    m = text.LEAD_IN.match(content)
    if m is None:
        return escape(content)
    return Markup('<span class="lead-in">{}</span>{}').format(m.group(1), m.group(2))


def render_html(d: ReportDocument, *, charts: bool = True) -> str:
    """The report as one HTML string."""
    template = _environment().get_template("report.html.j2")
    r = d.report
    status = r.tasks_as_of is not None
    return template.render(
        d=d, table_attrs=Markup(TABLE_ATTRS),
        compact_headers=text.COMPACT_HEADERS,
        indicator_rows=[(text.compact_cells(i, row), row)
                        for i, row in enumerate(r.indicators, start=1)],
        numeric_cols=NUMERIC_COLS, verdict_col=text.COMPACT_HEADERS.index("评价"),
        verdict_class=lambda v: VERDICT_CLASS.get(v, ""), table_note=text.TABLE_NOTE,
        charts=_charts(d) if charts else [],
        task_headers=text.TASK_STATUS_HEADERS if status else text.TASK_PLAIN_HEADERS,
        task_cells=text.task_status_cells if status else text.task_plain_cells,
        led=led, annex_names=text.annex_names(r),
        detail_headers=text.DETAIL_HEADERS,
        detail_rows=[text.detail_cells(i, row) for i, row in enumerate(r.indicators, start=1)],
        alerts=r.monitoring_alerts, findings=r.findings, finding_table=finding_table,
        no_alerts=text.NO_ALERTS, no_findings=text.NO_FINDINGS,
        prior_headers=text.PRIOR_HEADERS,
        prior_rows=[text.prior_cells(i, row) for i, row in enumerate(r.prior, start=1)],
        numeral=text.numeral, cell=cell_html,
    )


def write_html(d: ReportDocument, path: Path) -> None:
    path.write_text(render_html(d), encoding="utf-8")
