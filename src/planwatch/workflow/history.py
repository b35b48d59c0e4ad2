"""A plan's history (变更记录) for people: every recorded change of the plan — new versions,
content changes between versions, extraction corrections, 动态调整, actual values, submissions
and reviews, task reports, responsibility, publication and archive — newest first, filtered
and paged, each entry described in Chinese (what changed, old → new, on what basis) with no
code or field name. The web page, the API and ``planwatch history`` show these entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel

from planwatch.model.codes import HistoryKind
from planwatch.model.labels import label
from planwatch.storage import Storage
from planwatch.storage.plan_history import (
    SYSTEM_WHO,
    HistoryFilter,
    HistoryRow,
    history_kind,
    history_people,
    page_history,
)
from planwatch.workflow.errors import Invalid
from planwatch.workflow.plans import load_plan
from planwatch.workflow.principal import Actor, require_reviewer
from planwatch.workflow.validation import check_text

MAX_PAGE = 500
SYSTEM_NAME = "系统（无账号）"
"""How the changes made without an account (CLI, demo, batch imports) are named."""

META_LABELS = {"title": "标题", "region": "地区", "doc_type": "文件类型",
               "period_start": "规划期起始年", "period_end": "规划期终止年",
               "issued": "印发日期", "doc_number": "文号", "parent_region": "上级地区",
               "province": "省份", "region_level": "地区层级", "draft": "征求意见稿"}
INDICATOR_LABELS = {"name": "指标名称", "unit": "单位", "category": "类别",
                    "baseline_year": "基期年份", "baseline": "基期值",
                    "baseline_max": "基期值上限", "baseline_comparator": "基期比较关系",
                    "target_year": "目标年份", "target": "目标值", "target_max": "目标值上限",
                    "target_comparator": "目标比较关系", "target_text": "目标表述",
                    "annual_growth_pct": "年均增速", "growth_comparator": "增速比较关系",
                    "cumulative_change": "累计变化", "cumulative_change_max": "累计变化上限",
                    "attribute": "属性", "note": "注释", "actual_year": "实际值年份",
                    "actual": "实际值"}
TASK_LABELS = {"number": "序号", "title": "任务名称", "lead": "牵头单位", "support": "配合单位",
               "deadline": "完成时限", "deadline_year": "完成年份", "section": "所在章节",
               "shared_responsibility": "共同牵头"}
TARGET_LABELS = {"subject": "目标对象", "value": "目标值", "value_max": "目标值上限",
                 "unit": "单位", "year": "目标年份", "comparator": "比较关系", "quote": "原文"}
PART_LABELS = {"meta": "基本信息", "indicators": "指标", "tasks": "任务", "targets": "正文目标",
               "prior_results": "上期指标"}
ACTUAL_LABELS = {"value": "数值", "unit": "单位", "source": "来源", "reported_on": "报告日期"}
SUBMISSION_LABELS = {"value": "数值", "unit": "单位", "source": "来源", "status": "状态",
                     "comment": "审核意见", "reviewer": "审核人", "actual_status": "口径",
                     "department": "填报部门", "department_id": "填报部门",
                     "reason": "理由", "year": "年份", "kind": "类型"}
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "~": "约", "=": "=", ">": ">", "<": "<"}
CODED = {"doc_type": "doc_type", "status": "submission_status",
         "actual_status": "actual_status", "region_level": "region_level",
         "kind": "submission_kind"}
"""Fields whose values are codes, printed as their labels (catalogue by field)."""


class HistoryEntry(BaseModel):
    """One change as people read it: ``what`` (a Chinese label) changed from ``old`` to
    ``new`` (display texts), on ``basis`` (authorising document or source) for ``reason``."""

    id: int
    at: datetime
    user: str
    user_id: int | None
    kind: HistoryKind | None
    subject: str | None
    """The indicator, task or target the change is about (None: the plan itself)."""
    what: str
    old: str | None
    new: str | None
    basis: str | None
    reason: str | None
    old_en: str | None = None
    new_en: str | None = None
    """``old`` / ``new`` in English where the text is written here (a version number, a new
    submission); None where it is data or a label the pages translate themselves."""


class HistoryPage(BaseModel):
    """One page of a plan's history and how many entries match in all."""

    plan_id: int
    total: int
    offset: int
    limit: int
    entries: list[HistoryEntry]


class HistoryPerson(BaseModel):
    """Someone who changed the plan: ``who`` is the filter value (account id or ``system``)."""

    who: str
    name: str


def _num(value: float) -> str:
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def show(value: Any, field: str | None = None) -> str | None:
    """A stored value as text (numbers without a trailing .0, codes as labels)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return str(value) if field and field.endswith("year") else _num(float(value))
    if isinstance(value, list):
        return "、".join(s for s in (show(v) for v in value) if s) or "—"
    if isinstance(value, dict):
        return "；".join(s for s in (show(v) for v in value.values()) if s)
    text = str(value)
    if field in CODED:
        return label(CODED[field], text)
    if field and field.endswith("comparator"):
        return COMPARATOR_SIGNS.get(text, text)
    return text


def _bracket(field: str, prefix: str) -> tuple[str, str]:
    """``indicator[名称].target`` → (名称, target)."""
    inner, _, rest = field[len(prefix) + 1:].rpartition("]")
    return inner, rest.lstrip(".")


def _correction_path(path: str) -> tuple[str, str]:
    """``indicators.3.target`` → (指标第4项, 目标值)."""
    parts = path.split(".")
    part = PART_LABELS.get(parts[0], "规划")
    labels = {"meta": META_LABELS, "indicators": INDICATOR_LABELS, "tasks": TASK_LABELS,
              "targets": TARGET_LABELS, "prior_results": INDICATOR_LABELS}.get(parts[0], {})
    numbers = [int(p) for p in parts[1:] if p.isdigit()]
    names = [p for p in parts[1:] if not p.isdigit()]
    subject = f"{part}第{numbers[0] + 1}项" if numbers else part
    return subject, "提取更正：" + (labels.get(names[0], "内容") if names else "内容")


def _plan_change(row: HistoryRow) -> tuple[str | None, str, str | None, str | None]:
    f = row.field or ""
    fixed: dict[str, tuple[str, str | None, str | None]] = {
        "created": ("创建规划", None, show(row.new)),
        "version": ("导入新版本", None if row.old is None else f"第{row.old}版", f"第{row.new}版"),
        "public": ("公开页", "公开" if row.old else "未公开", "公开" if row.new else "未公开"),
        "archived": ("归档规划", None, None),
        "unarchived": ("取消归档", None, None),
        "targets.count": ("正文目标数", show(row.old), show(row.new)),
    }
    if f in fixed:
        what, old, new = fixed[f]
        return None, what, old, new
    if f.startswith("meta."):
        name = f[5:]
        return None, META_LABELS.get(name, "基本信息"), show(row.old, name), show(row.new, name)
    if f.startswith("owner["):
        subject, _ = _bracket(f, "owner")
        return subject, "责任部门", show(row.old), show(row.new)
    if f.startswith("indicator["):
        subject, name = _bracket(f, "indicator")
        if not name:
            what = "新增指标" if row.old is None else "删除指标"
            return subject, what, _indicator_brief(row.old), _indicator_brief(row.new)
        return subject, INDICATOR_LABELS.get(name, "指标内容"), show(row.old, name), show(
            row.new, name)
    if f.startswith("correction:"):
        place, what = _correction_path(f[len("correction:"):])
        return place, what, show(row.old), show(row.new)
    return None, "其他变化", show(row.old), show(row.new)


def _indicator_brief(value: Any) -> str | None:
    """An indicator row (as stored in the audit) in one line: 目标 ≥3.2%（2025年）."""
    if not isinstance(value, dict):
        return show(value)
    target = value.get("target")
    if target is None:
        return "无量化目标"
    sign = COMPARATOR_SIGNS.get(str(value.get("target_comparator") or "="), "")
    year = value.get("target_year")
    unit = value.get("unit") or ""
    return (f"目标{'' if sign == '=' else sign}{_num(float(target))}{unit}"
            + (f"（{year}年）" if year else ""))


def _submission_change(row: HistoryRow) -> tuple[str, str | None, str | None]:
    f = row.field or ""
    if f == "created" and isinstance(row.new, dict):
        new = row.new
        text = f"{new.get('year')}年 {show(new.get('value'))}"
        status = new.get("status")
        return "新建填报", None, text + (f"（{label('submission_status', status)}）"
                                        if status else "")
    return SUBMISSION_LABELS.get(f, "填报内容"), show(row.old, f), show(row.new, f)


def _task_change(row: HistoryRow) -> tuple[str, str | None, str | None]:
    new = row.new if isinstance(row.new, dict) else {}
    state = new.get("status")
    percent = new.get("percent")
    parts = [label("task_state", str(state)) if state else None,
             None if percent is None else f"{_num(float(percent))}%", new.get("report")]
    return "进展报告", None, "，".join(str(p) for p in parts if p)


def describe(row: HistoryRow) -> HistoryEntry:
    """One history row as people read it."""
    subject: str | None = row.indicator
    basis, reason = row.source, None
    if row.entity == "plan":
        subject, what, old, new = _plan_change(row)
        if row.field in ("archived", "unarchived"):
            basis, reason = None, show(row.new)
    elif row.entity == "target":
        what = {"value": "目标值", "year": "目标年份"}.get(row.field or "", "目标")
        old, new = show(row.old, row.field), show(row.new, row.field)
        basis, reason = row.document or row.source, row.reason
    elif row.entity == "actual":
        what = ACTUAL_LABELS.get(row.field or "", "实际值")
        old, new = show(row.old, row.field), show(row.new, row.field)
    elif row.entity == "submission":
        what, old, new = _submission_change(row)
    elif row.entity == "task_progress":
        subject = None if row.task_number is None else f"任务（{row.task_number}）"
        what, old, new = _task_change(row)
    else:
        what, old, new = "其他变化", show(row.old), show(row.new)
    old_en, new_en = _english(row)
    return HistoryEntry(id=row.id, at=row.at, user=row.user, user_id=row.user_id,
                        kind=history_kind(row.entity, row.field), subject=subject, what=what,
                        old=old, new=new, basis=basis, reason=reason, old_en=old_en,
                        new_en=new_en)


def _english(row: HistoryRow) -> tuple[str | None, str | None]:
    """The English of the texts :func:`describe` writes itself (see HistoryEntry.old_en)."""
    if row.entity == "plan" and row.field == "version":
        return (None if row.old is None else f"version {row.old}"), f"version {row.new}"
    if row.entity == "submission" and row.field == "created" and isinstance(row.new, dict):
        new = row.new
        status = new.get("status")
        text = f"{new.get('year')}: {show(new.get('value'))}"
        return None, text + (f" ({label('submission_status', status, 'en')})" if status else "")
    return None, None


def history_filter(*, indicator: str | None = None, kind: str | None = None,
                   since: date | None = None, until: date | None = None,
                   who: str | None = None) -> HistoryFilter:
    """The filter of a history request, checked (Invalid for an unknown kind, a reversed date
    range or an unknown ``who``); dates are whole days (UTC), ``until`` included."""
    check_text(indicator, "indicator")
    if kind and kind not in set(HistoryKind):
        raise Invalid(f"变更类型无效：{kind}", f"unknown kind of change: {kind}")
    if since and until and until < since:
        raise Invalid("结束日期早于开始日期", "the end date is before the start date",
                      ["until: 早于开始日期 / before the start date"])
    if who and who != SYSTEM_WHO and not (who.isascii() and who.isdigit()):
        raise Invalid(f"操作人无效：{who}", f"unknown account: {who}")

    def start(day: date | None) -> datetime | None:
        return None if day is None else datetime.combine(day, time(), UTC)

    return HistoryFilter(indicator=(indicator or "").strip() or None,
                         kind=HistoryKind(kind) if kind else None, since=start(since),
                         until=start(until + timedelta(days=1)) if until else None,
                         who=who or None)


def plan_history(store: Storage, actor: Actor, plan_id: int,
                 where: HistoryFilter | None = None, *, offset: int = 0,
                 limit: int = 50) -> HistoryPage:
    """One page of the plan's history, newest first (reviewer / admin)."""
    require_reviewer(actor)
    load_plan(store, plan_id)
    limit = max(1, min(limit, MAX_PAGE))
    rows, total = page_history(store, plan_id, where, offset=max(0, offset), limit=limit)
    return HistoryPage(plan_id=plan_id, total=total, offset=offset, limit=limit,
                       entries=[describe(r) for r in rows])


def history_authors(store: Storage, actor: Actor, plan_id: int) -> list[HistoryPerson]:
    """Who changed the plan (the choices of the history's 操作人 filter; reviewer / admin)."""
    require_reviewer(actor)
    return [HistoryPerson(who=SYSTEM_WHO if uid is None else str(uid),
                          name=name if uid is not None else SYSTEM_NAME)
            for uid, name in history_people(store, plan_id)]
