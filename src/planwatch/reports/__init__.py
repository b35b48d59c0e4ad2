"""Evaluation reports (监测评估报告): report model → docx / xlsx / html / md.

>>> report = build_report(plan, actuals, 2023)
>>> render_report(report, "docx", Path("report.docx"), ReportOptions(issuer="淄博市科技局"))
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from planwatch.errors import PlanwatchError
from planwatch.reports.build import Report, build_report
from planwatch.reports.document import ReportDocument, ReportOptions, compose

ReportFormat = Literal["docx", "xlsx", "html", "md"]
FORMATS: tuple[ReportFormat, ...] = ("docx", "xlsx", "html", "md")


def _writer(fmt: str) -> Callable[[ReportDocument, Path], None]:
    # Imported on demand: python-docx, openpyxl and matplotlib are only loaded when used.
    if fmt == "docx":
        from planwatch.reports.docx import write_docx
        return write_docx
    if fmt == "xlsx":
        from planwatch.reports.xlsx import write_xlsx
        return write_xlsx
    if fmt == "html":
        from planwatch.reports.html import write_html
        return write_html
    if fmt == "md":
        from planwatch.reports.md import write_md
        return write_md
    raise PlanwatchError(f"不支持的报告格式：{fmt!r}（可选 {'、'.join(FORMATS)}）",
                         f"unsupported report format: {fmt!r} (choose {', '.join(FORMATS)})")


def render_report(report: Report, fmt: ReportFormat | str, path: Path | str,
                  options: ReportOptions | None = None) -> Path:
    """Write ``report`` as ``fmt`` to ``path`` with the user's ``options`` (kind, issuing body,
    date, suggestions); returns the path written."""
    return render_document(compose(report, options), fmt, path)


def render_document(doc: ReportDocument, fmt: ReportFormat | str, path: Path | str) -> Path:
    """Write a composed report document as ``fmt`` to ``path``; returns the path written."""
    out = Path(path)
    _writer(fmt)(doc, out)
    return out


__all__ = ["FORMATS", "Report", "ReportDocument", "ReportFormat", "ReportOptions",
           "build_report", "compose", "render_document", "render_report"]
