"""One small line chart per indicator: planned path, actuals, projection (matplotlib, Agg canvas).

Chinese labels use Noto Sans CJK SC (Debian ``fonts-noto-cjk``) when installed, found through
matplotlib's font_manager; nothing is downloaded.
"""

from __future__ import annotations

import io
from functools import lru_cache

from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planwatch.reports.build import IndicatorRow

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                "SimHei", "Microsoft YaHei")
DPI = 110
SIZE = (5.2, 2.8)
COMPACT_SIZE = (3.6, 2.3)
"""Inches of a chart printed two to a row (7.6 cm wide on A4)."""


@lru_cache(maxsize=1)
def cjk_family() -> str | None:
    """The first installed CJK sans family, or None."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in CJK_FAMILIES if f in installed), None)


def _fonts() -> list[str]:
    family = cjk_family()
    return [family, "DejaVu Sans"] if family else ["DejaVu Sans"]


def path_value(year: int, start: tuple[int, float], end: tuple[int, float], *,
               compound: bool) -> float:
    """The planned value in ``year`` on a straight (or compound-growth) path start → end."""
    (y0, b), (y1, t) = start, end
    share = (year - y0) / (y1 - y0)
    if compound and b > 0 and t > 0:
        return float(b * (t / b) ** share)
    return b + (t - b) * share


def planned_path(row: IndicatorRow) -> list[tuple[int, float]]:
    """Yearly planned values from baseline to target (compound for growth targets)."""
    b_year, b, t_year, t = row.baseline_year, row.baseline, row.target_year, row.target
    if b_year is None or b is None or t_year is None or t is None or t_year <= b_year:
        return []
    return [(y, path_value(y, (b_year, b), (t_year, t), compound=row.compound))
            for y in range(b_year, t_year + 1)]


def has_chart(row: IndicatorRow) -> bool:
    return bool(planned_path(row)) or len(row.series) >= 2


LEGEND_EN = {"规划路径（复合增长）": "Planned path (compound)", "规划路径（线性）":
             "Planned path (linear)", "实际值": "Actual"}


def _draw(fig: Figure, row: IndicatorRow, small: bool = False, lang: str = "zh") -> None:
    def tr(zh: str) -> str:
        return LEGEND_EN.get(zh, zh) if lang == "en" else zh

    ax = fig.add_subplot()
    path = planned_path(row)
    if path:
        label = tr("规划路径（复合增长）" if row.compound else "规划路径（线性）")
        ax.plot([p[0] for p in path], [p[1] for p in path], "--", color="#7f8c8d",
                lw=1.2, label=label)
    if row.series:
        ax.plot([p[0] for p in row.series], [p[1] for p in row.series], "o-", color="#c0392b",
                lw=1.6, ms=4, label=tr("实际值"))
    if row.projection is not None and row.series:
        last = row.series[-1]
        projected = (f"Projection ({row.projection.method_label(lang)})" if lang == "en"
                     else f"预测（{row.projection.method}）")
        ax.plot([last[0], row.projection.year], [last[1], row.projection.value], ":",
                color="#2471a3", lw=1.4, marker="s", ms=3, label=projected)
    years = sorted({p[0] for p in path} | {p[0] for p in row.series})
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years])
    if years:  # room for the first and last year's label
        ax.set_xlim(years[0] - 0.4, years[-1] + 0.4)
    if lang == "en":
        title = f"{row.name} ({row.unit})" if row.unit else row.name
    else:
        title = f"{row.name}（{row.unit}）" if row.unit else row.name
    if small and len(title) > 22:
        title = title[:21] + "…"
    ax.set_title(title, fontsize=8 if small else 9)
    ax.grid(alpha=0.3, lw=0.5)
    if small and len(years) > 6:
        ax.tick_params(axis="x", labelrotation=45)
    ax.legend(fontsize=6 if small else 7, frameon=False, loc="best")
    fig.tight_layout(pad=0.4)


def chart_image(row: IndicatorRow, fmt: str = "png", *, compact: bool = False,
                lang: str = "zh") -> bytes | None:
    """The chart as PNG (or SVG) bytes; None when there is nothing to plot. ``compact``: the
    size printed two to a row (at a higher resolution, so it stays sharp)."""
    if not has_chart(row):
        return None
    dpi = DPI * 2 if compact else DPI
    with rc_context({"font.family": "sans-serif", "font.sans-serif": _fonts(),
                     "axes.unicode_minus": False, "font.size": 7 if compact else 8}):
        fig = Figure(figsize=COMPACT_SIZE if compact else SIZE, dpi=dpi)
        FigureCanvasAgg(fig)  # the Agg canvas: no GUI backend, no pyplot global state
        _draw(fig, row, compact, lang)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()
