"""What the pages show beyond the shared views: Chinese labels of codes, the overview rows as
people should read them (a base-year value alone is 暂无数据, not a verdict) and the prose
targets (正文目标) that state an indicator's target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planwatch.evaluate.names import scope_of, similarity
from planwatch.evaluate.progress import units_compatible
from planwatch.model.plan import Plan
from planwatch.workflow.views import IndicatorStatus, PlanItem, PlanOverview

DOC_TYPE_ZH = {"plan": "规划", "implementation_opinion": "实施意见（方案）",
               "evaluation_report": "评估报告"}
LEVEL_ZH = {"province": "省", "city": "市", "county": "县（市）", "district": "区"}
NO_DATA = "暂无数据"
UNKNOWN = "无法判断"
BASE_ONLY_NOTE = "仅有基期值"
PROSE_THRESHOLD = 0.6
PROSE_TARGET = "文字目标"
"""The attribute of report rows that are prose targets (reports.build), not table rows."""


def doc_type_zh(code: str | None) -> str:
    """plan → 规划; unknown codes are shown as they are, None as ''."""
    return DOC_TYPE_ZH.get(code or "", code or "")


def level_zh(code: str | None) -> str:
    return LEVEL_ZH.get(code or "", code or "")


def base_only(s: IndicatorStatus) -> bool:
    """The only value is the baseline itself (reported for the base year): nothing to judge."""
    return (s.actual is not None and s.actual_year is not None
            and s.actual_year == s.baseline_year)


def year_progress(s: IndicatorStatus, year: int) -> float | None:
    """Share of the plan period elapsed in ``year`` (2023 in 2020→2025 → 0.6), clipped 0…1."""
    y0, y1 = s.baseline_year, s.target_year
    if y0 is None or y1 is None or y1 <= y0:
        return None
    return min(max((year - y0) / (y1 - y0), 0.0), 1.0)


def is_prose(s: IndicatorStatus) -> bool:
    """A prose target evaluated like an indicator (no indicator page of its own)."""
    return s.attribute == PROSE_TARGET


def _base_only_row(s: IndicatorStatus, year: int) -> IndicatorStatus:
    """The verdict note 仅有基期值 says it all: the 采用基期年数据 warning is dropped."""
    stale = f"采用{s.actual_year}年数据"
    warnings = [w for w in s.warnings if stale not in w]
    return s.model_copy(update={"verdict": NO_DATA, "completion": None,
                                "time_progress": year_progress(s, year),
                                "warnings": warnings})


def display_row(s: IndicatorStatus, year: int) -> IndicatorStatus:
    """The row as shown: base-year-only → 暂无数据 with the evaluation year's time progress;
    no actual at all → no time progress (—)."""
    if base_only(s):
        return _base_only_row(s, year)
    if s.actual is None:
        return s.model_copy(update={"time_progress": None})
    return s


def period_year(plan: PlanItem, year: int, today: date | None = None) -> int:
    """``year`` if inside or after the plan period; a year before it (the default when only
    base-year values exist) → the latest elapsed year of the period."""
    start, end = plan.period_start, plan.period_end
    if start is None or year >= start:
        return year
    last = (today or date.today()).year - 1
    return max(start, min(last, end if end is not None else last))


def verdict_counts(rows: list[IndicatorStatus]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in rows:
        counts[s.verdict] = counts.get(s.verdict, 0) + 1
    return counts


def display_overview(view: PlanOverview) -> PlanOverview:
    """A copy of ``view`` whose rows, counts and 有实际值 count follow :func:`display_row`."""
    rows = [display_row(s, view.year) for s in view.indicators]
    with_actual = sum(1 for s in rows if s.actual is not None and not base_only(s))
    return view.model_copy(update={"indicators": rows, "verdict_counts": verdict_counts(rows),
                                   "with_actual": with_actual,
                                   "warning_count": sum(len(s.warnings) for s in rows)})


@dataclass(frozen=True)
class ProseQuote:
    """A prose target (正文目标) stating the indicator: its sentence and source line."""

    subject: str
    quote: str
    line: int | None
    value: float
    unit: str | None
    year: int | None
    score: float


def prose_quotes(plan: Plan, name: str, unit: str | None,
                 threshold: float = PROSE_THRESHOLD) -> list[ProseQuote]:
    """Prose targets whose subject names the indicator (tolerant name match, same sub-area
    scope, compatible unit), best match first, one per distinct sentence."""
    scope = scope_of(name)
    found: dict[tuple[str, int | None], ProseQuote] = {}
    for t in plan.targets:
        score = similarity(name, t.subject)
        if score < threshold or scope_of(t.subject) != scope:
            continue
        if unit and t.unit and not units_compatible(unit, t.unit):
            continue
        key = (t.quote, t.line)
        if key not in found or found[key].score < score:
            found[key] = ProseQuote(t.subject, t.quote, t.line, t.value, t.unit, t.year, score)
    return sorted(found.values(), key=lambda q: (-q.score, q.line or 0))
