"""Stable English codes and their labels (标签目录): the one zh/en catalogue for every code
that reaches a user — verdicts, trend statuses, task states, row display states, completion
bases, roles, submission statuses and kinds, 口径 of actual values, document types, region
levels and finding severities. The JSON/API and the database carry the codes; the pages and
reports print the labels, taken from here and nowhere else."""

from __future__ import annotations

from enum import StrEnum
from typing import get_args

from planwatch.model.codes import (
    ActualKind,
    CascadeKind,
    CascadeVerdict,
    HistoryKind,
    IndexExclusion,
    IndexFactor,
    PerformanceGroup,
    ReportKind,
    Role,
    SubmissionKind,
    SubmissionStatus,
)
from planwatch.model.evaluation import ScheduleStatus, TaskState, TrendStatus
from planwatch.model.findings import Severity
from planwatch.model.plan import DocType, RegionLevel


class VerdictCode(StrEnum):
    """进度判断 of an indicator row, as an English code (``verdict_code`` in the API)."""

    ACHIEVED_EARLY = "achieved_early"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    REGRESSING = "regressing"
    ACHIEVED = "achieved"
    MISSED = "missed"
    NO_DATA = "no_data"
    NOT_EVALUABLE = "not_evaluable"


VERDICT_OF_SCHEDULE: dict[ScheduleStatus, VerdictCode] = {
    s: VerdictCode(s.value) for s in ScheduleStatus
}
"""A schedule status and its verdict share the code."""

VERDICT_LABELS: dict[VerdictCode, tuple[str, str]] = {
    VerdictCode.ACHIEVED_EARLY: ("提前实现", "Achieved early"),
    VerdictCode.AHEAD: ("快于预期", "Ahead of schedule"),
    VerdictCode.ON_TRACK: ("基本符合预期", "On track"),
    VerdictCode.BEHIND: ("滞后", "Behind"),
    VerdictCode.REGRESSING: ("倒退", "Regressing"),
    VerdictCode.ACHIEVED: ("已实现", "Achieved"),
    VerdictCode.MISSED: ("未实现", "Missed"),
    VerdictCode.NO_DATA: ("暂无数据", "No data"),
    VerdictCode.NOT_EVALUABLE: ("无法判断", "Undetermined"),
}

TREND_LABELS: dict[TrendStatus, tuple[str, str]] = {
    TrendStatus.ACHIEVED: ("已实现目标", "Target achieved"),
    TrendStatus.ON_TRACK: ("进展显著", "Substantial progress"),
    TrendStatus.NEEDS_ACCELERATION: ("需加快进度", "Moderate progress"),
    TrendStatus.LIMITED_PROGRESS: ("进展有限", "Limited progress"),
    TrendStatus.DETERIORATION: ("趋于恶化", "Deterioration"),
}

TASK_STATE_LABELS: dict[str, tuple[str, str]] = {
    TaskState.DONE: ("已完成", "Done"),
    TaskState.OVERDUE: ("已逾期", "Overdue"),
    TaskState.STALLED: ("进展停滞", "Stalled"),
    TaskState.IN_PROGRESS: ("推进中", "In progress"),
    TaskState.NOT_REPORTED: ("未报进展", "Not reported"),
    TaskState.BLOCKED: ("受阻", "Blocked"),
}

DISPLAY_STATE_LABELS: dict[str, tuple[str, str]] = {
    "evaluated": ("已评价", "Evaluated"),
    "base_only": ("仅有基期值", "Baseline only"),
    "no_data": ("暂无数据", "No data"),
    "not_evaluable": ("无法判断", "Undetermined"),
}

BASIS_LABELS: dict[str, tuple[str, str]] = {
    "linear": ("线性口径", "linear basis"),
    "compound": ("复合增长口径", "compound basis"),
}

PERFORMANCE_GROUP_LABELS: dict[str, tuple[str, str]] = {
    "leader": ("领先", "Leader"),
    "strong": ("较强", "Strong"),
    "moderate": ("中等", "Moderate"),
    "emerging": ("追赶", "Emerging"),
}

INDEX_FACTOR_LABELS: dict[str, tuple[str, str]] = {
    "weights": ("指标权重", "Weights"),
    "normalisation": ("标准化方法", "Normalisation"),
    "aggregation": ("加总方法", "Aggregation"),
}

INDEX_EXCLUSION_LABELS: dict[str, tuple[str, str]] = {
    "no_data": ("无任何地区数据", "no region has data"),
    "single_region": ("仅一个地区有数据，无法比较", "only one region has data"),
    "constant": ("各地区取值相同", "the same value everywhere"),
}

CASCADE_VERDICT_LABELS: dict[str, tuple[str, str]] = {
    "consistent": ("衔接一致", "Consistent"),
    "shortfall": ("下级合计不足", "Sub-regions fall short"),
    "overshoot": ("层层加码", "Sub-regions overshoot"),
    "incomplete": ("下级目标不全", "Sub-region targets incomplete"),
}

CASCADE_KIND_LABELS: dict[str, tuple[str, str]] = {
    "additive": ("可加总", "additive"),
    "ratio": ("比率类", "ratio"),
}

ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("管理员", "Administrator"),
    Role.REVIEWER: ("审核人（科技局）", "Reviewer (S&T bureau)"),
    Role.DEPARTMENT: ("责任部门", "Responsible department"),
    Role.VIEWER: ("只读用户", "Read-only user"),
}

SUBMISSION_STATUS_LABELS: dict[SubmissionStatus, tuple[str, str]] = {
    SubmissionStatus.DRAFT: ("草稿", "Draft"),
    SubmissionStatus.SUBMITTED: ("待审核", "Pending review"),
    SubmissionStatus.APPROVED: ("已通过（锁定）", "Approved (locked)"),
    SubmissionStatus.RETURNED: ("已退回", "Returned"),
}

SUBMISSION_KIND_LABELS: dict[SubmissionKind, tuple[str, str]] = {
    SubmissionKind.VALUE: ("数值填报", "Value"),
    SubmissionKind.CORRECTION: ("更正申请", "Correction request"),
}

ACTUAL_KIND_LABELS: dict[ActualKind, tuple[str, str]] = {
    ActualKind.PROVISIONAL: ("初步数", "Provisional"),
    ActualKind.FINAL: ("最终数", "Final"),
}

DOC_TYPE_LABELS: dict[str, tuple[str, str]] = {
    "plan": ("规划", "Plan"),
    "implementation_opinion": ("实施意见（方案）", "Implementation opinion"),
    "evaluation_report": ("评估报告", "Evaluation report"),
    "regulation": ("规章制度", "Regulation"),
}

REGION_LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "national": ("全国", "National"),
    "province": ("省", "Province"),
    "city": ("市", "City"),
    "county": ("县（市）", "County"),
    "district": ("区", "District"),
}

REPORT_KIND_LABELS: dict[ReportKind, tuple[str, str]] = {
    ReportKind.ANNUAL: ("年度监测报告", "Annual monitoring report"),
    ReportKind.MIDTERM: ("中期评估报告", "Mid-term evaluation report"),
    ReportKind.FINAL: ("总结评估报告", "Final evaluation report"),
}

SEVERITY_LABELS: dict[Severity, tuple[str, str]] = {
    Severity.ERROR: ("错误", "Error"),
    Severity.WARNING: ("警示", "Warning"),
    Severity.INFO: ("提示", "Note"),
}

HISTORY_KIND_LABELS: dict[HistoryKind, tuple[str, str]] = {
    HistoryKind.PLAN_VERSION: ("导入版本", "New version"),
    HistoryKind.PLAN_CONTENT: ("规划内容变化", "Plan content"),
    HistoryKind.EXTRACTION_CORRECTION: ("提取更正", "Extraction correction"),
    HistoryKind.TARGET_REVISION: ("目标动态调整", "Target revision"),
    HistoryKind.ACTUAL_VALUE: ("实际值记录", "Actual value"),
    HistoryKind.SUBMISSION_REVIEW: ("填报与审核", "Submission and review"),
    HistoryKind.TASK_PROGRESS: ("任务进展", "Task progress"),
    HistoryKind.INDICATOR_OWNER: ("责任部门变更", "Responsible department"),
    HistoryKind.PLAN_VISIBILITY: ("公开设置", "Publication"),
    HistoryKind.PLAN_ARCHIVE: ("归档", "Archive"),
}

CATALOGUES: dict[str, dict[str, tuple[str, str]]] = {
    "verdict": {str(k): v for k, v in VERDICT_LABELS.items()},
    "trend": {str(k): v for k, v in TREND_LABELS.items()},
    "task_state": {str(k): v for k, v in TASK_STATE_LABELS.items()},
    "display_state": DISPLAY_STATE_LABELS,
    "basis": BASIS_LABELS,
    "performance_group": PERFORMANCE_GROUP_LABELS,
    "index_factor": INDEX_FACTOR_LABELS,
    "index_exclusion": INDEX_EXCLUSION_LABELS,
    "cascade_verdict": CASCADE_VERDICT_LABELS,
    "cascade_kind": CASCADE_KIND_LABELS,
    "role": {str(k): v for k, v in ROLE_LABELS.items()},
    "submission_status": {str(k): v for k, v in SUBMISSION_STATUS_LABELS.items()},
    "submission_kind": {str(k): v for k, v in SUBMISSION_KIND_LABELS.items()},
    "actual_status": {str(k): v for k, v in ACTUAL_KIND_LABELS.items()},
    "doc_type": DOC_TYPE_LABELS,
    "region_level": REGION_LEVEL_LABELS,
    "severity": {str(k): v for k, v in SEVERITY_LABELS.items()},
    "history_kind": {str(k): v for k, v in HISTORY_KIND_LABELS.items()},
    "report_kind": {str(k): v for k, v in REPORT_KIND_LABELS.items()},
}

CODES: dict[str, tuple[str, ...]] = {
    "verdict": tuple(VerdictCode),
    "trend": tuple(TrendStatus),
    "task_state": tuple(TaskState),
    "display_state": ("evaluated", "base_only", "no_data", "not_evaluable"),
    "basis": ("linear", "compound"),
    "role": tuple(Role),
    "submission_status": tuple(SubmissionStatus),
    "submission_kind": tuple(SubmissionKind),
    "actual_status": tuple(ActualKind),
    "doc_type": get_args(DocType),
    "region_level": get_args(RegionLevel),
    "severity": tuple(Severity),
    "report_kind": tuple(ReportKind),
    "performance_group": tuple(PerformanceGroup),
    "index_factor": tuple(IndexFactor),
    "index_exclusion": tuple(IndexExclusion),
    "cascade_verdict": tuple(CascadeVerdict),
    "cascade_kind": tuple(CascadeKind),
    "history_kind": tuple(HistoryKind),
}
"""Every member of every enum that reaches a user, by catalogue (a test checks each has both
labels)."""


def verdict_code(status: ScheduleStatus | None, *, has_actual: bool,
                 base_only: bool) -> VerdictCode:
    """The code of a row's verdict: the schedule status, else no_data / not_evaluable."""
    if status is not None:
        return VERDICT_OF_SCHEDULE[status]
    return VerdictCode.NO_DATA if base_only or not has_actual else VerdictCode.NOT_EVALUABLE


def label(kind: str, code: str, lang: str = "zh") -> str:
    """The zh or en label of ``code`` in catalogue ``kind`` (the code itself if unknown)."""
    zh_en = CATALOGUES[kind].get(str(code))
    if zh_en is None:
        return str(code)
    return zh_en[1] if lang == "en" else zh_en[0]


def labels(kind: str, lang: str = "zh") -> dict[str, str]:
    """Code → label of catalogue ``kind`` in ``lang``."""
    return {code: zh_en[1] if lang == "en" else zh_en[0]
            for code, zh_en in CATALOGUES[kind].items()}


def translations() -> dict[str, str]:
    """Chinese label → English label over every catalogue (for the web pages' t())."""
    return {zh: en for cat in CATALOGUES.values() for zh, en in cat.values()}
