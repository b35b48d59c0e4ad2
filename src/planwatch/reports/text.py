"""Shared wording and number formatting for every report format, in Chinese or English.

Every fixed Chinese string of the reports is written once, in Chinese; :func:`tr` gives its
English (``EN``) when the report is made in English. Code labels come from model.labels, data
(titles, names, units, task texts, notes) is printed as stored.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from planwatch.model.finding_codes import FINDING_CODES
from planwatch.model.finding_messages import finding_text
from planwatch.model.findings import Finding
from planwatch.model.labels import label, labels
from planwatch.reports.build import (
    BASIS_ZH,
    NO_LEAD,
    PROSE_TARGET,
    IndicatorRow,
    PriorRow,
    Report,
    TaskLine,
)

Lang = Literal["zh", "en"]
"""The language a report is written in (zh: the 公文 as always; en: every fixed word English)."""
LANGS: tuple[Lang, ...] = ("zh", "en")

DASH = "—"
LEAD_IN = re.compile(r"^(（[一二三四五六七八九十]+）[^。]{1,40}。)(.*)$", re.S)
"""“（一）小标题。正文”: the numbered lead-in of a paragraph (printed in 楷体)."""
LEAD_IN_EN = re.compile(r"^(\(\d+\) [^.]{1,80}\.)(.*)$", re.S)
"""“(1) Heading. Text”: the lead-in of an English paragraph."""


def lead_in(content: str, lang: str = "zh") -> re.Match[str] | None:
    """The numbered lead-in and the rest of a paragraph (None: no lead-in)."""
    return (LEAD_IN_EN if lang == "en" else LEAD_IN).match(content)
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

FINDING_LABELS_EN = {code: spec.label_en for code, spec in FINDING_CODES.items()}
SEVERITY_ZH = labels("severity")
VERDICT_ZH = labels("verdict")
NUMERALS = "一二三四五六七八九十"
COMPARATOR_ZH = {">=": "≥", "<=": "≤", "~": "约"}
COMPARATOR_EN = {">=": "≥", "<=": "≤", "~": "about "}


NO_ALERTS = "本期无监测预警事项。"
NO_FINDINGS = "规划文本审查未发现问题。"
ANNEX_DETAILS = "主要指标监测明细"
ANNEX_FINDINGS = "监测预警和规划文本审查发现"
ANNEX_PRIOR = "上期规划主要指标完成情况"

EN: dict[str, str] = {
    # table headers
    "序号": "No.", "指标": "Indicator", "单位": "Unit", "基期值": "Baseline", "目标值": "Target",
    "实际值": "Actual", LABEL_PLAIN: "Target completion (A/T)",
    LABEL_CHANGE: "Progress ((A−B)/(T−B))", LABEL_PROGRESS: "Progress",
    LABEL_LOG: "Compound progress (ln(A/B)/ln(T/B))", LABEL_TIME: "Time elapsed",
    "评价": "Assessment", "目标年预测": "Projection to target year", "数据说明": "Data notes",
    "重点任务": "Key task", "进展状态": "Status", "完成进度": "Completion",
    "最新进展": "Latest progress", "完成时限": "Deadline", "配合单位": "Supporting units",
    "完成值": "Achieved", "是否完成": "Met", "类型": "Type", "级别": "Level", "说明": "Details",
    "牵头单位": "Lead department", "任务": "Task", "属性": "Attribute", "基期年": "Baseline year",
    "目标年": "Target year", "目标比较": "Target comparison", "实际年": "Actual year",
    "进度口径": "Progress basis", "评价说明": "Assessment note", "预测值": "Projection",
    "预测方法": "Projection method", "数据提示": "Data notes", "最新报送日期": "Last reported",
    "完成年": "Year achieved", "指标数": "Indicators",
    # fixed sentences and names
    TABLE_NOTE: (
        "A is the actual value, B the baseline value, T the target value; target completion = "
        "A/T; progress is the share of the planned change achieved: linear basis = "
        "(A−B)/(T−B), compound basis = ln(A/B)/ln(T/B) for indicators set as an average annual "
        "growth (marked in the table); the assessment compares the progress with the time "
        "elapsed; time elapsed = years passed / plan years; the projection extrapolates the "
        "available data to the target year, for reference."),
    NO_ALERTS: "No monitoring alerts in this period.",
    NO_FINDINGS: "The review of the plan text found no issues.",
    ANNEX_DETAILS: "Main indicators: monitoring details",
    ANNEX_FINDINGS: "Monitoring alerts and plan text review findings",
    ANNEX_PRIOR: "Main indicators of the previous plan",
    "监测预警": "Monitoring alerts", "规划文本审查发现": "Plan text review findings",
    "主要指标完成情况": "Main indicators", "主要指标走势（规划路径与实际值）":
        "Main indicator trends (planned path and actual values)",
    "注：": "Note: ", "预测为按已有数据外推至目标年的参考值。":
        "The projection extrapolates the available data to the target year, for reference.",
    "完成": "Met", "未完成": "Not met", "其他问题": "Other issues",
    NO_LEAD: "No lead department named", PROSE_TARGET: "prose target",
    "仅有基期值": "baseline only",
    # workbook
    "概要": "Summary", "指标监测": "Indicators", "审查发现": "Audit findings",
    "上期完成情况": "Previous plan", "第 &P 页，共 &N 页": "Page &P of &N",
}
"""English of the fixed Chinese strings of the reports (zh key → en)."""
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def tr(zh: str, lang: str = "zh") -> str:
    """``zh`` itself, or its English (EN) when ``lang`` is en."""
    return EN.get(zh, zh) if lang == "en" else zh


def trs(headers: tuple[str, ...] | list[str], lang: str = "zh") -> list[str]:
    """Each header in ``lang``."""
    return [tr(h, lang) for h in headers]


def sep(lang: str = "zh") -> str:
    """The separator of a list of names: 、 or a comma."""
    return ", " if lang == "en" else "、"


def day_text(d: date, lang: str = "zh") -> str:
    """2024年3月1日 / 1 March 2024."""
    if lang == "en":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.year}年{d.month}月{d.day}日"


def month_text(d: date, lang: str = "zh") -> str:
    """2024年3月 / March 2024."""
    return f"{MONTHS[d.month - 1]} {d.year}" if lang == "en" else f"{d.year}年{d.month}月"


def section_heading(number: int, title: str, lang: str = "zh") -> str:
    """一、总体情况 / I. Overview."""
    return f"{ROMAN[number - 1]}. {title}" if lang == "en" else f"{numeral(number)}、{title}"


def sub_heading(number: int, title: str, lang: str = "zh") -> str:
    """（一）… / (1) …."""
    return f"({number}) {title}" if lang == "en" else f"（{numeral(number)}）{title}"


def department_heading(department: str, count: int, lang: str = "zh") -> str:
    """“科技局（牵头3项）” / “科技局 (leads 3 tasks)”."""
    if lang == "en":
        return f"{tr(department, lang)} (leads {count} task{'s' if count != 1 else ''})"
    return f"{department}（牵头{count}项）"


def table_caption(lang: str = "zh", sep_: str = "  ") -> str:
    """表1  主要指标完成情况."""
    return "Table 1  Main indicators" if lang == "en" else f"表1{sep_}主要指标完成情况"


def figure_caption(lang: str = "zh", sep_: str = "  ") -> str:
    """图  主要指标走势（规划路径与实际值）."""
    if lang == "en":
        return "Figure  " + tr("主要指标走势（规划路径与实际值）", lang)
    return "图" + sep_ + "主要指标走势（规划路径与实际值）"


def annex_label(number: int, lang: str = "zh") -> str:
    """附件1 / Annex 1."""
    return f"Annex {number}" if lang == "en" else f"附件{number}"


def annex_intro(lang: str = "zh") -> str:
    """附件： / Annexes: ."""
    return "Annexes: " if lang == "en" else "附件："


def annex_names(report: Report, lang: str = "zh") -> list[str]:
    """The 附件 of the report, in order: details (when there are indicators), alerts and
    findings, the previous plan's results (when stated)."""
    names = [ANNEX_DETAILS] if report.indicators else []
    names.append(ANNEX_FINDINGS)
    names = [*names, ANNEX_PRIOR] if report.prior else names
    return [tr(n, lang) for n in names]


def _finding_message(f: Finding, lang: str = "zh") -> str:
    """The finding's message in ``lang`` (the one catalogue of finding messages)."""
    return finding_text(f, lang)


def finding_type(f: Finding, lang: str = "zh") -> str:
    """The finding's type label in ``lang`` (the code if it has none)."""
    return (FINDING_LABELS_EN if lang == "en" else FINDING_LABELS).get(f.code, f.code)


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


def progress_text(row: IndicatorRow, lang: str = "zh") -> str:
    """进度完成率 with its basis when compound: “68.0%（复合增长口径）” (in English
    “68.0% (compound basis)”)."""
    value = pct(row.completion_progress)
    if row.progress_basis == "compound":
        if lang == "en":
            return f"{value} ({label('basis', 'compound', 'en')})"
        return f"{value}（{BASIS_ZH['compound']}）"
    return value


def verdict_text(row: IndicatorRow, lang: str = "zh") -> str:
    """评价, with the note 仅有基期值 for a base-year value alone."""
    verdict = row.verdict_label(lang)
    if row.display_state != "base_only":
        return verdict
    return f"{verdict} (baseline only)" if lang == "en" else f"{verdict}（仅有基期值）"


def with_year(v: float | None, year: int | None, lang: str = "zh") -> str:
    if v is None:
        return DASH
    if year is None:
        return num(v)
    return f"{num(v)} ({year})" if lang == "en" else f"{num(v)}（{year}年）"


def target_text(row: IndicatorRow, lang: str = "zh") -> str:
    comparators = COMPARATOR_EN if lang == "en" else COMPARATOR_ZH
    prefix = comparators.get(row.comparator or "=", "")
    return DASH if row.target is None else prefix + with_year(row.target, row.target_year, lang)


def projection_text(row: IndicatorRow, lang: str = "zh") -> str:
    p = row.projection
    if p is None:
        return DASH
    if lang == "en":
        outlook = {True: ", achievable", False: ", unlikely to be met", None: ""}[p.meets_target]
        return f"{num(p.value)} ({p.method_label(lang)}{outlook})"
    outlook = {True: "，可实现", False: "，难以实现", None: ""}[p.meets_target]
    return f"{num(p.value)}（{p.method}{outlook}）"


def indicator_cells(index: int, row: IndicatorRow, lang: str = "zh") -> list[str]:
    """The indicator table row as text, aligned with INDICATOR_HEADERS."""
    return [
        str(index), row.name, row.unit or DASH,
        with_year(row.baseline, row.baseline_year, lang), target_text(row, lang),
        with_year(row.actual, row.actual_year, lang),
        pct(row.completion_plain), progress_text(row, lang), pct(row.time_progress),
        verdict_text(row, lang), projection_text(row, lang),
    ]


def compact_cells(index: int, row: IndicatorRow, lang: str = "zh") -> list[str]:
    """A row of 表1 (COMPACT_HEADERS)."""
    return indicator_cells(index, row, lang)[:-1]


def detail_cells(index: int, row: IndicatorRow, lang: str = "zh") -> list[str]:
    """A row of 附件1 (DETAIL_HEADERS): the projection and the data notes joined by ；."""
    notes = ("; " if lang == "en" else "；").join(row.notes(lang))
    return [str(index), row.name, projection_text(row, lang), notes or DASH]


def _task_title(t: TaskLine, department: str, lang: str = "zh") -> str:
    others = [d for d in t.lead if d != department]
    if not others:
        return t.title
    if lang == "en":
        return f"{t.title} (co-lead: {', '.join(others)})"
    return t.title + f"（共同牵头：{'、'.join(others)}）"


def _due(t: TaskLine, lang: str = "zh") -> str:
    if t.due is not None:
        return month_text(t.due, lang)
    return t.deadline or DASH


def task_status_cells(t: TaskLine, department: str, lang: str = "zh") -> list[str]:
    """A row of a department's task table (TASK_STATUS_HEADERS)."""
    state = DASH if t.state is None else label("task_state", t.state, lang)
    latest = t.latest or DASH
    if len(latest) > LATEST_CHARS:
        latest = latest[:LATEST_CHARS] + "…"
    if t.latest and t.last_report is not None:
        when = day_text(t.last_report, lang)
        latest = f"{latest} ({when})" if lang == "en" else f"{latest}（{when}）"
    return [str(t.number), _task_title(t, department, lang), state,
            DASH if t.percent is None else f"{t.percent:g}%", latest, _due(t, lang)]


def task_plain_cells(t: TaskLine, department: str, lang: str = "zh") -> list[str]:
    """A task row without progress data (TASK_PLAIN_HEADERS)."""
    return [str(t.number), _task_title(t, department, lang), sep(lang).join(t.support) or DASH,
            _due(t, lang)]


def prior_cells(index: int, row: PriorRow, lang: str = "zh") -> list[str]:
    met = DASH if row.met is None else tr("完成" if row.met else "未完成", lang)
    return [
        str(index), row.name, row.unit or DASH,
        with_year(row.baseline, row.baseline_year, lang),
        with_year(row.target, row.target_year, lang),
        with_year(row.actual, row.actual_year, lang), pct(row.completion_plain), met,
    ]


def finding_cells(index: int, f: Finding, lang: str = "zh") -> list[str]:
    severity = (labels("severity", "en") if lang == "en" else SEVERITY_ZH).get(
        f.severity, str(f.severity))
    return [str(index), finding_type(f, lang), severity, _finding_message(f, lang)]


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


def wrap_cell(content: str, sep: str = "\n", lang: str = "zh") -> str:
    """“2.79（2020年）” → “2.79” over “2020年”; “3.22（方法）” → value over method (in English
    “2.79 (2020)” → “2.79” over “2020”)."""
    if lang == "en":
        head, paren, tail = content.partition(" (")
        if not paren or not head or head[-1] not in "0123456789%":
            return content
        return f"{head}{sep}{tail.removesuffix(')')}"
    head, paren, tail = content.partition("（")
    if not paren or not head or head[-1] not in "0123456789%":
        return content
    return f"{head}{sep}{tail.removesuffix('）')}"
