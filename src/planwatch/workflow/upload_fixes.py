"""Corrections of an extracted plan (更正): set a field, add a row, delete a row.

Every index in a correction names a row of the plan *as extracted*: ``set`` changes a field of
such a row (``indicators.3.target``) or of ``meta``; ``delete`` removes such a row
(``indicators.3``); ``add`` appends a new row to a list (``field`` = ``indicators`` /
``targets`` / ``tasks`` …, ``value`` = the row's fields). Sets are applied first, then the
added rows are appended, then the deleted rows removed, so the order of the corrections does
not matter (of two sets of one field the last wins).

Every touched row is checked before anything is stored; all problems are reported at once by
:class:`CorrectionsInvalid`, each with the field it concerns, in Chinese and English.
"""

from __future__ import annotations

import json
import math
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from planwatch.extract.departments import deadline_year
from planwatch.model.plan import Indicator, Meta, Plan, PriorResult, Project, Target, Task
from planwatch.workflow.errors import Invalid
from planwatch.workflow.validation import MAX_YEAR, MIN_YEAR, check_text

ROW_MODELS: dict[str, type[BaseModel]] = {
    "indicators": Indicator, "targets": Target, "tasks": Task,
    "prior_results": PriorResult, "projects": Project}
"""The lists whose rows can be added and deleted, and the model of their rows."""
YEAR_FIELDS = frozenset({"period_start", "period_end", "baseline_year", "target_year", "year",
                         "deadline_year", "actual_year"})
REQUIRED_TEXT = {"indicators": "name", "targets": "subject", "tasks": "title",
                 "prior_results": "name"}
FIELD_ZH = {
    "title": "标题", "region": "地区", "period_start": "规划期起", "period_end": "规划期止",
    "name": "指标名称", "unit": "单位", "baseline_year": "基期年", "baseline": "基期值",
    "baseline_max": "基期值上限", "baseline_comparator": "基期值比较符",
    "target_year": "目标年", "target": "目标值", "target_max": "目标值上限",
    "target_comparator": "目标值比较符", "annual_growth_pct": "年均增速",
    "growth_comparator": "年均增速比较符", "attribute": "属性", "subject": "对象",
    "value": "目标值", "value_max": "目标值上限", "comparator": "比较符", "year": "年份",
    "lead": "牵头单位", "support": "配合单位", "deadline": "时限", "number": "序号",
    "quote": "原文"}


class Correction(BaseModel):
    """One correction of an extracted plan: ``op`` ``set`` (default; ``field`` a dotted path
    such as ``meta.title`` or ``indicators.3.target``, ``value`` the new JSON value, null
    clears it), ``add`` (``field`` a list such as ``indicators``, ``value`` the new row's
    fields) or ``delete`` (``field`` a row such as ``tasks.2``)."""

    field: str
    value: Any = None
    op: Literal["set", "add", "delete"] = "set"


class FieldProblem(BaseModel):
    """Why one corrected field cannot be stored. ``field`` is the path of the extracted plan
    (``indicators.3.target``) or, for a row being added, ``<list>.new<k>.<field>`` with k
    the position of its ``add`` among the corrections; ``correction`` that position."""

    field: str
    correction: int | None
    zh: str
    en: str


class CorrectionsInvalid(Invalid):
    """Corrections that cannot be stored (HTTP 422); ``fields`` says which and why. Nothing was
    stored."""

    def __init__(self, fields: list[FieldProblem]) -> None:
        super().__init__(
            "更正内容有误，未入库：" + "；".join(f"{_label(p.field)}{p.zh}" for p in fields),
            "the corrections are invalid, nothing was stored: "
            + "; ".join(f"{p.field} {p.en}" for p in fields),
            [f"{p.field}: {p.zh} / {p.en}" for p in fields])
        self.fields = fields


def _label(path: str) -> str:
    return FIELD_ZH.get(path.rsplit(".", 1)[-1], "")


class _Tracked:
    """A plan dump being corrected, with where each touched row came from."""

    def __init__(self, plan_json: str) -> None:
        self.data: dict[str, Any] = json.loads(plan_json)
        self.problems: list[FieldProblem] = []
        self.changes: list[tuple[str, Any, Any]] = []
        self.touched: dict[tuple[str, int], int | None] = {}  # (list, index) → correction
        self.meta_touched: int | None = None
        self.meta_changed = False
        self.added: list[tuple[str, dict[str, Any], int]] = []
        self.deleted: set[tuple[str, int]] = set()

    def refuse(self, field: str, k: int | None, zh: str, en: str) -> None:
        self.problems.append(FieldProblem(field=field, correction=k, zh=zh, en=en))


def _segments(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in path.split(".") if p]


def _leaf_value(value: Any) -> bool:
    """A single value: text, number, bool, null, or a list of texts (departments)."""
    if isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


def _value_problem(value: Any) -> tuple[str, str] | None:
    if isinstance(value, float) and not math.isfinite(value):
        return "须为有限数值", "must be a finite number"
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if isinstance(text, str) and ("\x00" in text or len(text) > 10000):
            return "文字过长或含有无效字符", "text too long or contains a NUL byte"
    if not _leaf_value(value):
        return "须为单个数值或文字", "must be a number or a text"
    return None


def _apply_set(tr: _Tracked, k: int, fix: Correction) -> None:
    parts = _segments(fix.field)
    node: Any = tr.data
    try:
        for part in parts[:-1]:
            node = node[part]
        old = node.get(parts[-1], _MISSING) if isinstance(node, dict) else _MISSING
    except (KeyError, IndexError, TypeError):
        old = _MISSING
    if old is _MISSING or not _leaf_value(old):
        tr.refuse(fix.field, k, "不是可更正的字段", "is not a field that can be corrected")
        return
    problem = _value_problem(fix.value)
    if problem:
        tr.refuse(fix.field, k, *problem)
        return
    node[parts[-1]] = fix.value
    if old != fix.value:
        tr.changes.append((fix.field, old, fix.value))
    if len(parts) == 3 and parts[0] in ROW_MODELS and isinstance(parts[1], int):
        tr.touched[(str(parts[0]), parts[1])] = k
        if parts[2] == "deadline":
            _derive_deadline_year(tr, node, str(parts[0]), parts[1])
    elif parts[0] == "meta":
        tr.meta_touched = k
        tr.meta_changed = True


def _derive_deadline_year(tr: _Tracked, row: dict[str, Any], name: str, index: int) -> None:
    """A corrected task deadline brings its year along (``2025年底前`` → 2025)."""
    text = row.get("deadline")
    year = deadline_year(text) if isinstance(text, str) else None
    if row.get("deadline_year") != year:
        tr.changes.append((f"{name}.{index}.deadline_year", row.get("deadline_year"), year))
        row["deadline_year"] = year


_MISSING = object()


def _row_defaults(name: str, row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """A new row's fields the reviewer does not type: a task's number (next after the last),
    a prose target's quote (empty), a task's deadline year (from its deadline)."""
    row = dict(row)
    if name == "tasks":
        numbers = [t.get("number", 0) for t in data.get("tasks", []) if isinstance(t, dict)]
        row.setdefault("number", max([0, *numbers]) + 1)
        if isinstance(row.get("deadline"), str) and "deadline_year" not in row:
            row["deadline_year"] = deadline_year(row["deadline"])
    if name == "targets":
        row.setdefault("quote", "")
    row.setdefault("line", None)
    return row


def _apply_add(tr: _Tracked, k: int, fix: Correction) -> None:
    name = fix.field
    if name not in ROW_MODELS:
        tr.refuse(name, k, "不能添加行", "rows cannot be added here")
        return
    if not isinstance(fix.value, dict):
        tr.refuse(name, k, "新增行须为字段与值", "a new row must be an object of fields")
        return
    for field, value in fix.value.items():
        problem = _value_problem(value)
        if problem:
            tr.refuse(f"{name}.new{k}.{field}", k, *problem)
            return
    tr.added.append((name, _row_defaults(name, fix.value, tr.data), k))


def _apply_delete(tr: _Tracked, k: int, fix: Correction) -> None:
    parts = _segments(fix.field)
    rows = tr.data.get(str(parts[0])) if parts else None
    ok = (len(parts) == 2 and parts[0] in ROW_MODELS and isinstance(parts[1], int)
          and isinstance(rows, list) and parts[1] < len(rows))
    if not ok:
        tr.refuse(fix.field, k, "没有这一行", "no such row")
        return
    tr.deleted.add((str(parts[0]), int(parts[1])))


def _pydantic_problems(tr: _Tracked, prefix: str, k: int | None, exc: ValidationError) -> None:
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()))
        zh, en = _message(err.get("type", ""), err.get("ctx") or {})
        tr.refuse(".".join(p for p in (prefix, loc) if p), k, zh, en)


def _message(kind: str, ctx: dict[str, Any]) -> tuple[str, str]:
    if kind in ("missing", "float_type", "int_type", "string_type"):
        return "不能为空", "is required"
    if kind in ("float_parsing", "float_type"):
        return "须为数字", "must be a number"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return "须为整数", "must be a whole number"
    if kind == "literal_error":
        allowed = str(ctx.get("expected", ""))
        return f"须为以下之一：{allowed}", f"must be one of {allowed}"
    return "格式不正确", "is not valid"


def _number(row: dict[str, Any], field: str) -> float | None:
    value = row.get(field)
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _row_checks(tr: _Tracked, name: str, row: dict[str, Any], prefix: str,
                k: int | None) -> None:
    """Checks beyond the model's types: the row's name is not blank, years are sane, a
    range's upper bound is not below its value, a base year not after the target year."""
    required = REQUIRED_TEXT.get(name)
    if required and isinstance(row.get(required), str) and not row[required].strip():
        tr.refuse(f"{prefix}.{required}", k, "不能为空", "must not be empty")
    for field in YEAR_FIELDS:
        year = _number(row, field)
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            tr.refuse(f"{prefix}.{field}", k, f"须为{MIN_YEAR}–{MAX_YEAR}之间的年份",
                      f"must be a year within {MIN_YEAR}..{MAX_YEAR}")
    for low, high in (("baseline", "baseline_max"), ("target", "target_max"),
                      ("value", "value_max")):
        a, b = _number(row, low), _number(row, high)
        if a is not None and b is not None and b < a:
            tr.refuse(f"{prefix}.{low}", k, "区间上限小于下限",
                      "the range's upper bound is below its lower bound")
    base, target = _number(row, "baseline_year"), _number(row, "target_year")
    if base is not None and target is not None and base > target:
        tr.refuse(f"{prefix}.baseline_year", k, "晚于目标年",
                  "the base year is after the target year")


def _check_row(tr: _Tracked, name: str, data: dict[str, Any], prefix: str,
               k: int | None) -> None:
    try:
        ROW_MODELS[name].model_validate(data)
    except ValidationError as exc:
        _pydantic_problems(tr, prefix, k, exc)
    _row_checks(tr, name, data, prefix, k)


def _check_meta(tr: _Tracked) -> None:
    if not tr.meta_changed:
        return
    data = tr.data.get("meta") or {}
    try:
        Meta.model_validate(data)
    except ValidationError as exc:
        _pydantic_problems(tr, "meta", tr.meta_touched, exc)
    _row_checks(tr, "meta", data, "meta", tr.meta_touched)
    start, end = _number(data, "period_start"), _number(data, "period_end")
    if start is not None and end is not None and start > end:
        tr.refuse("meta.period_end", tr.meta_touched, "早于规划期起",
                  "the period ends before it starts")


def _check(tr: _Tracked) -> None:
    for (name, index), k in tr.touched.items():
        if (name, index) not in tr.deleted:
            _check_row(tr, name, tr.data[name][index], f"{name}.{index}", k)
    for name, row, k in tr.added:
        _check_row(tr, name, row, f"{name}.new{k}", k)
    _check_meta(tr)


def _finish(tr: _Tracked) -> None:
    """Append the added rows, remove the deleted ones and record both as changes."""
    for name, index in sorted(tr.deleted):
        tr.changes.append((f"delete:{name}.{index}", tr.data[name][index], None))
    for name in ROW_MODELS:
        rows = tr.data.get(name)
        if not isinstance(rows, list):
            continue
        kept = [r for i, r in enumerate(rows) if (name, i) not in tr.deleted]
        for added_name, row, _ in tr.added:
            if added_name == name:
                tr.changes.append((f"add:{name}.{len(kept)}", None, row))
                kept.append(row)
        tr.data[name] = kept


def corrected_plan(plan_json: str, corrections: list[Correction]
                   ) -> tuple[Plan, list[tuple[str, Any, Any]]]:
    """The plan with every correction applied and the list of (field, old, new) changes (a
    deleted row: old = the row, new = null; an added row: old = null, new = the row). Raises
    :class:`CorrectionsInvalid` listing every refused field; nothing is half-applied."""
    tr = _Tracked(plan_json)
    for k, fix in enumerate(corrections):
        check_text(fix.field, "field", required=True)
        {"set": _apply_set, "add": _apply_add, "delete": _apply_delete}[fix.op](tr, k, fix)
    if not tr.problems:
        _check(tr)
    if tr.problems:
        raise CorrectionsInvalid(tr.problems)
    _finish(tr)
    try:
        return Plan.model_validate(tr.data), tr.changes
    except ValidationError as exc:
        _pydantic_problems(tr, "", None, exc)
        raise CorrectionsInvalid(tr.problems) from exc
