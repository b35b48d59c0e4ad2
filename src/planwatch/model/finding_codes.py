"""The catalogue of finding codes (问题代码): every :class:`~planwatch.model.findings.Finding`
planwatch emits has its code here, with its severities, a Chinese and an English label and a
description. ``docs/findings.md`` is generated from it (``python -m
planwatch.model.finding_codes``); a test checks that every emitted code is registered and the
page is current."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.model.findings import Severity

INFO, WARN = Severity.INFO, Severity.WARNING


@dataclass(frozen=True)
class FindingSpec:
    code: str
    severities: tuple[Severity, ...]
    label_zh: str
    label_en: str
    description: str
    source: str
    """Where it comes from: extraction, audit, parent audit, assessment or tasks."""


def _spec(code: str, sev: tuple[Severity, ...], zh: str, en: str, source: str,
          description: str) -> FindingSpec:
    return FindingSpec(code, sev, zh, en, description, source)


_SPECS = (
    # extraction (planwatch extract)
    _spec("title-inferred", (INFO,), "标题由前言推断", "Title inferred", "extraction",
          "No printed title: the title was inferred from the preamble."),
    _spec("meta-missing", (WARN,), "元数据缺失", "Metadata missing", "extraction",
          "A metadata field (title, region, document type, period start) was not recognised."),
    _spec("indicator-table-not-found", (INFO,), "未找到指标表", "No indicator table",
          "extraction", "The document has no main indicator table (主要指标)."),
    _spec("indicator-table-unmapped", (WARN,), "指标表表头无法识别", "Indicator table header not "
          "understood", "extraction", "A table that looks like an indicator table (its caption "
          "or header says 指标) has no column planwatch reads as baseline or target."),
    _spec("indicator-column-unmapped", (WARN,), "指标表列无法识别", "Indicator table column not "
          "understood", "extraction", "A column of an indicator table holds numbers but its "
          "header names no role planwatch reads (base, target, rate, unit …) and no year; its "
          "values are not read."),
    _spec("indicator-table-no-values", (WARN,), "指标表无数值", "Indicator table without values",
          "extraction", "An indicator table was read but none of its rows gives a baseline, "
          "target, rate or cumulative value."),
    _spec("indicator-table-unreadable", (WARN,), "指标表无法读取", "Indicator table unreadable",
          "extraction", "The document announces an indicator table (表N …指标) whose rows could "
          "not be rebuilt."),
    _spec("table-year-unknown", (WARN,), "指标表年份不明", "Table years unknown", "extraction",
          "The base or target year of an indicator table cannot be determined."),
    _spec("table-row-damaged", (WARN,), "表格行损坏", "Damaged table row", "extraction",
          "A row of an indicator or project table has too few or shifted cells."),
    _spec("unparsed-number", (INFO, WARN), "数字无法识别", "Number not understood", "extraction",
          "A value cell or a prose target holds text that is not a number planwatch reads."),
    _spec("task-note-unparsed", (WARN,), "任务分工无法识别", "Responsibility not understood",
          "extraction", "The responsibility note of a task (（…牵头）) cannot be read."),
    _spec("task-row-no-owner", (WARN,), "任务无责任单位", "Task without owner", "extraction",
          "A row of a task table names no responsible unit."),
    _spec("indicator-unmapped", (INFO,), "指标未对应标准目录", "Indicator not in catalogue",
          "extraction", "An indicator matches no entry of the canonical indicator catalogue."),
    # plan audit (planwatch audit)
    _spec("table-cagr-mismatch", (WARN,), "年均增速与目标不符", "Growth column mismatch", "audit",
          "The printed 年均增速 differs from the rate implied by baseline and target."),
    _spec("table-cumulative-mismatch", (WARN,), "累计变化与目标不符", "Cumulative column mismatch",
          "audit", "The printed 〔累计〕 differs from target minus baseline."),
    _spec("target-equals-baseline", (INFO,), "目标值等于基期值", "Target equals baseline", "audit",
          "No change planned over the period."),
    _spec("target-below-baseline", (INFO,), "目标值低于基期值", "Target below baseline", "audit",
          "The target is below the baseline; check the direction if higher is better."),
    _spec("ambition-beyond-history", (INFO,), "目标增速远超历史", "Ambition beyond history",
          "audit", "The required growth is far above the indicator's historical growth."),
    _spec("ambitious-target", (INFO,), "目标增速过高", "Very ambitious target", "audit",
          "The required growth exceeds the extreme-growth threshold and no history is known."),
    _spec("prose-table-conflict", (WARN,), "正文与指标表不一致", "Prose and table disagree",
          "audit", "A prose target or base value differs from the indicator table row."),
    _spec("per-year-rule-mismatch", (WARN,), "逐年要求与目标不符", "Per-year rule mismatch",
          "audit", "A per-year rule (每年提高…) does not add up to the table's target."),
    _spec("prose-table-name-mismatch", (INFO,), "正文与表格名称不一致", "Prose names differ",
          "audit", "A prose target names the indicator differently from the table."),
    _spec("fact-baseline-conflict", (WARN,), "正文基数与表格不一致", "Stated base differs",
          "audit", "A value stated in the text for the base year differs from the table."),
    _spec("fact-prior-table-conflict", (WARN,), "正文与上期完成表不一致",
          "Stated value differs from prior table", "audit",
          "A value stated in the text differs from the previous-period results table."),
    _spec("stated-change-mismatch", (WARN,), "所述增幅与数值不符", "Stated change mismatch",
          "audit", "A stated increase (净增 / 增幅 / 倍) does not connect the levels it names."),
    _spec("percent-points-confusion", (WARN,), "百分比与百分点混用", "Percent vs points",
          "audit", "A change in percentage points is stated as a percent change or vice versa."),
    _spec("growth-multiple-wording", (WARN,), "倍数表述有误", "Multiple wording", "audit",
          "增长N倍 and 是原来的N倍 confused."),
    _spec("table-note-unused-marker", (INFO, WARN), "表注标记未使用", "Unused table-note marker",
          "audit", "A table note defines a marker no cell carries."),
    # against the parent region's plan
    _spec("district-exceeds-city", (WARN,), "下级目标高于上级", "Target above parent's",
          "parent audit", "An additive target of the plan exceeds the parent region's own."),
    _spec("district-growth-divergence", (INFO,), "下级增速与上级不协调", "Growth diverges",
          "parent audit", "The plan's required growth differs widely from the parent's."),
    # target cascade down the region tree (evaluate/cascade.py)
    _spec("cascade-shortfall", (WARN,), "下级目标合计不足", "Sub-regions fall short",
          "cascade", "Even if every sub-region meets its own target, the parent's cannot be "
          "reached (additive: their sum is below it; ratio: it lies beyond all of them)."),
    _spec("cascade-overshoot", (INFO,), "下级目标层层加码", "Sub-regions overshoot",
          "cascade", "The sub-regions' targets go well beyond what the parent's needs "
          "(additive: sum above 1.2 × the parent's; ratio: all of them beyond it)."),
    # assessment against actuals
    _spec("behind-schedule", (INFO, WARN), "进度滞后", "Behind schedule", "assessment",
          "An indicator is 滞后 (info), 倒退 or 未实现 (warning)."),
    _spec("binding-target-at-risk", (WARN,), "约束性指标预警", "Binding target at risk",
          "assessment", "A 约束性 indicator is behind, regressing, missed or projected to miss."),
    _spec("unit-mismatch", (WARN,), "单位不一致", "Unit mismatch", "assessment",
          "The actual's unit differs from the plan's; the indicator is not judged."),
    # tasks (督办)
    _spec("task-overdue", (WARN,), "任务逾期", "Task overdue", "tasks",
          "The deadline has passed and the task is not reported done."),
    _spec("task-blocked", (WARN,), "任务受阻", "Task blocked", "tasks",
          "The latest progress report says the task is blocked (受阻)."),
    _spec("task-stalled", (INFO,), "任务停滞", "Task stalled", "tasks",
          "The last progress report is older than the stall limit."),
    _spec("unparsed-deadline", (INFO,), "时限无法识别", "Deadline not understood", "tasks",
          "The deadline text cannot be read; the task is still evaluated."),
)

FINDING_CODES: dict[str, FindingSpec] = {s.code: s for s in _SPECS}


def label_zh(code: str) -> str:
    """The Chinese label of a code (the code itself when unregistered)."""
    spec = FINDING_CODES.get(code)
    return spec.label_zh if spec else code


def findings_markdown() -> str:
    """docs/findings.md."""
    lines = [
        "# Finding codes (问题代码)", "",
        "Generated from `planwatch.model.finding_codes` by "
        "`python -m planwatch.model.finding_codes > docs/findings.md`; do not edit by hand.",
        "Every finding planwatch emits carries one of these codes "
        "(`tests/test_finding_codes.py` checks it).", "",
        "| code | severity | 中文 | English | source | description |",
        "|---|---|---|---|---|---|",
    ]
    for s in _SPECS:
        sev = " / ".join(v.value for v in s.severities)
        lines.append(f"| `{s.code}` | {sev} | {s.label_zh} | {s.label_en} | {s.source} | "
                     f"{s.description} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(findings_markdown(), end="")
