"""Self-contained HTML report: inline CSS, charts as base64 PNG, no CDN; autoescaped."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from planwatch.model.findings import Finding
from planwatch.reports import text
from planwatch.reports.build import VERDICT_CLASS, Report
from planwatch.reports.charts import chart_image

TABLE_ATTRS = 'border="1" cellspacing="0" cellpadding="3"'  # for viewers that ignore CSS
NUMERIC_COLS = frozenset({3, 4, 5, 6, 7, 8})


class _Counter:
    """Section numbers 一、二、… as sections are emitted (optional sections shift them)."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return text.numeral(self.n)


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


def _charts(report: Report) -> list[str | None]:
    out: list[str | None] = []
    for row in report.indicators:
        png = chart_image(row)
        out.append(None if png is None else base64.b64encode(png).decode("ascii"))
    return out


def render_html(report: Report, *, charts: bool = True) -> str:
    """The report as one HTML string."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report, table_attrs=Markup(TABLE_ATTRS), n=_Counter(),
        summary=text.summary_sentences(report),
        indicator_headers=text.INDICATOR_HEADERS,
        indicator_rows=[(text.indicator_cells(i, r), r)
                        for i, r in enumerate(report.indicators, start=1)],
        numeric_cols=NUMERIC_COLS, verdict_col=text.INDICATOR_HEADERS.index("评价"),
        verdict_class=lambda v: VERDICT_CLASS.get(v, ""), table_note=text.TABLE_NOTE,
        sentence=text.indicator_sentence,
        charts=_charts(report) if charts else [None] * len(report.indicators),
        alerts=report.monitoring_alerts, findings=report.findings, finding_table=finding_table,
        prior_headers=text.PRIOR_HEADERS,
        prior_rows=[text.prior_cells(i, r) for i, r in enumerate(report.prior, start=1)],
        numeral=text.numeral, cell=cell_html,
    )


def write_html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")
