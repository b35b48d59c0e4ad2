"""Shared wording and number formatting for every report format."""

from __future__ import annotations

import re

from planwatch.model.finding_codes import FINDING_CODES
from planwatch.model.findings import Finding
from planwatch.model.labels import label, labels
from planwatch.reports.build import BASIS_ZH, IndicatorRow, PriorRow, Report, TaskLine

DASH = "—"
LEAD_IN = re.compile(r"^(（[一二三四五六七八九十]+）[^。]{1,40}。)(.*)$", re.S)
"""“（一）小标题。正文”: the numbered lead-in of a paragraph (printed in 楷体)."""
LABEL_PLAIN = "目标完成率(A/T)"
LABEL_CHANGE = "进度完成率((A−B)/(T−B))"
LABEL_PROGRESS = "进度完成率"
LABEL_LOG = "复合增长口径进度(ln(A/B)/ln(T/B))"
LABEL_TIME = "时间进度"

TABLE_NOTE = (
    "A为实际值，B为基期值，T为目标值；目标完成率=A/T；进度完成率为已完成的规划增量占比，"
    "线性口径=(A−B)/(T−B)，按年均增速设定的指标用复合增长口径=ln(A/B)/ln(T/B)（表中注明），"
    "评价即以进度完成率对照时间进度；时间进度=已过年数/规划年数；"
    "预测为按已有数据外推至目标年的参考值。"
)

INDICATOR_HEADERS = (
    "序号", "指标", "单位", "基期值", "目标值", "实际值",
    LABEL_PLAIN, LABEL_PROGRESS, LABEL_TIME, "评价", "目标年预测",
)
COMPACT_HEADERS = INDICATOR_HEADERS[:-1]
"""表1 in section 二: the indicator table without the projection (that is in 附件1)."""
DETAIL_HEADERS = ("序号", "指标", "目标年预测", "数据说明")
"""附件1: per indicator the projection and the data notes."""
TASK_STATUS_HEADERS = ("序号", "重点任务", "进展状态", "完成进度", "最新进展", "完成时限")
TASK_PLAIN_HEADERS = ("序号", "重点任务", "配合单位", "完成时限")
LATEST_CHARS = 80
"""The latest progress text is cut after this many characters (…) in the task table."""
PRIOR_HEADERS = ("序号", "指标", "单位", "基期值", "目标值", "完成值", LABEL_PLAIN, "是否完成")
FINDING_HEADERS = ("序号", "类型", "级别", "说明")
"""No code and no line number: an official reads the type, its level and what was found."""
FINDING_LABELS = {code: spec.label_zh for code, spec in FINDING_CODES.items()}
"""Chinese labels of the finding codes, from the one catalogue (model.finding_codes)."""
TASK_HEADERS = ("牵头单位", "序号", "任务", "配合单位")

SEVERITY_ZH = labels("severity")
VERDICT_ZH = labels("verdict")
NUMERALS = "一二三四五六七八九十"
COMPARATOR_ZH = {">=": "≥", "<=": "≤", "~": "约"}


NO_ALERTS = "本期无监测预警事项。"
NO_FINDINGS = "规划文本审查未发现问题。"
ANNEX_DETAILS = "主要指标监测明细"
ANNEX_FINDINGS = "监测预警和规划文本审查发现"
ANNEX_PRIOR = "上期规划主要指标完成情况"


def annex_names(report: Report) -> list[str]:
    """The 附件 of the report, in order: details (when there are indicators), alerts and
    findings, the previous plan's results (when stated)."""
    names = [ANNEX_DETAILS] if report.indicators else []
    names.append(ANNEX_FINDINGS)
    return [*names, ANNEX_PRIOR] if report.prior else names


def num(v: float | None) -> str:
    """A value as printed in a plan: up to 2 decimals, no trailing zeros."""
    if v is None:
        return DASH
    text = f"{v:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def figure(v: float | None) -> str:
    """A figure to compare across regions: four significant digits below 10,000, whole numbers
    with thousands separators above; — for none."""
    if v is None:
        return DASH
    return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"


def pct(v: float | None) -> str:
    return DASH if v is None else f"{v * 100:.1f}%"


def progress_text(row: IndicatorRow) -> str:
    """进度完成率 with its basis when compound: “68.0%（复合增长口径）”."""
    value = pct(row.completion_progress)
    if row.progress_basis == "compound":
        return f"{value}（{BASIS_ZH['compound']}）"
    return value


def verdict_text(row: IndicatorRow) -> str:
    """评价, with the note 仅有基期值 for a base-year value alone."""
    return f"{row.verdict}（仅有基期值）" if row.display_state == "base_only" else row.verdict


def with_year(v: float | None, year: int | None) -> str:
    if v is None:
        return DASH
    return f"{num(v)}（{year}年）" if year is not None else num(v)


def target_text(row: IndicatorRow) -> str:
    prefix = COMPARATOR_ZH.get(row.comparator or "=", "")
    return DASH if row.target is None else prefix + with_year(row.target, row.target_year)


def projection_text(row: IndicatorRow) -> str:
    p = row.projection
    if p is None:
        return DASH
    outlook = {True: "，可实现", False: "，难以实现", None: ""}[p.meets_target]
    return f"{num(p.value)}（{p.method}{outlook}）"


def indicator_cells(index: int, row: IndicatorRow) -> list[str]:
    """The indicator table row as text, aligned with INDICATOR_HEADERS."""
    return [
        str(index), row.name, row.unit or DASH,
        with_year(row.baseline, row.baseline_year), target_text(row),
        with_year(row.actual, row.actual_year),
        pct(row.completion_plain), progress_text(row), pct(row.time_progress),
        verdict_text(row), projection_text(row),
    ]


def compact_cells(index: int, row: IndicatorRow) -> list[str]:
    """A row of 表1 (COMPACT_HEADERS)."""
    return indicator_cells(index, row)[:-1]


def detail_cells(index: int, row: IndicatorRow) -> list[str]:
    """A row of 附件1 (DETAIL_HEADERS): the projection and the data notes joined by ；."""
    return [str(index), row.name, projection_text(row), "；".join(row.warnings) or DASH]


def _task_title(t: TaskLine, department: str) -> str:
    others = [d for d in t.lead if d != department]
    return t.title + (f"（共同牵头：{'、'.join(others)}）" if others else "")


def _due(t: TaskLine) -> str:
    if t.due is not None:
        return f"{t.due.year}年{t.due.month}月"
    return t.deadline or DASH


def task_status_cells(t: TaskLine, department: str) -> list[str]:
    """A row of a department's task table (TASK_STATUS_HEADERS)."""
    state = DASH if t.state is None else label("task_state", t.state)
    latest = t.latest or DASH
    if len(latest) > LATEST_CHARS:
        latest = latest[:LATEST_CHARS] + "…"
    if t.latest and t.last_report is not None:
        latest = f"{latest}（{t.last_report.year}年{t.last_report.month}月{t.last_report.day}日）"
    return [str(t.number), _task_title(t, department), state,
            DASH if t.percent is None else f"{t.percent:g}%", latest, _due(t)]


def task_plain_cells(t: TaskLine, department: str) -> list[str]:
    """A task row without progress data (TASK_PLAIN_HEADERS)."""
    return [str(t.number), _task_title(t, department), "、".join(t.support) or DASH, _due(t)]


def prior_cells(index: int, row: PriorRow) -> list[str]:
    met = DASH if row.met is None else ("完成" if row.met else "未完成")
    return [
        str(index), row.name, row.unit or DASH,
        with_year(row.baseline, row.baseline_year), with_year(row.target, row.target_year),
        with_year(row.actual, row.actual_year), pct(row.completion_plain), met,
    ]


def finding_cells(index: int, f: Finding) -> list[str]:
    return [str(index), FINDING_LABELS.get(f.code, f.code),
            SEVERITY_ZH.get(f.severity, str(f.severity)), f.message]


def task_rows(report: Report) -> list[list[str]]:
    rows: list[list[str]] = []
    for group in report.departments:
        for t in group.tasks:
            rows.append([group.department, str(t.number), t.title, "、".join(t.support) or DASH])
    return rows


def summary_sentences(report: Report) -> list[str]:
    """总体情况 in plain Chinese sentences."""
    s = report.summary
    out = [
        f"本报告依据《{report.plan_title}》，对规划确定的{s.indicator_count}项主要指标"
        f"截至{report.year}年的实施情况进行监测评估，其中{s.with_actual}项指标有实际监测数据。"
    ]
    if s.verdict_counts:
        parts = "，".join(f"{VERDICT_ZH[v]}{n}项" for v, n in s.verdict_counts.items())
        out.append(f"从评价结果看，{parts}。")
    out.append(f"监测预警{s.alert_count}条，数据提示{s.warning_count}条，"
               f"规划文本审查发现问题{s.finding_count}条。")
    return out


def indicator_sentence(row: IndicatorRow) -> str:
    """One paragraph describing an indicator's progress."""
    unit = row.unit or ""
    if row.actual is None:
        return f"{row.name}：暂无实际监测数据。"
    text = f"{row.name}：{row.actual_year}年为{num(row.actual)}{unit}"
    if row.target is not None:
        text += f"，{row.target_year}年目标为{num(row.target)}{unit}"
    if row.completion_plain is not None:
        text += f"，目标完成率{pct(row.completion_plain)}"
    if row.progress_basis is not None:
        basis = BASIS_ZH[row.progress_basis]
        text += (f"，进度完成率{pct(row.completion_progress)}（{basis}；"
                 f"时间进度{pct(row.time_progress)}）")
    text += f"，评价为“{verdict_text(row)}”"
    if row.projection is not None:
        p = row.projection
        text += f"；按{p.method}，预计{p.year}年可达{num(p.value)}{unit}"
        if p.meets_target is False:
            text += "，按当前趋势难以实现目标"
    return text + "。"


def numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def wrap_cell(content: str, sep: str = "\n") -> str:
    """“2.79（2020年）” → “2.79” over “2020年”; “3.22（方法）” → value over method."""
    head, paren, tail = content.partition("（")
    if not paren or not head or head[-1] not in "0123456789%":
        return content
    return f"{head}{sep}{tail.removesuffix('）')}"
