"""The import review form (核对抽取结果): every editable field of the extracted plan as text,
the submitted text parsed back into values, and the corrections it amounts to.

Form names: ``f:<row>.<field>`` holds a field's text and ``o:<row>.<field>`` the text as
extracted; ``del:<row>`` deletes an extracted row; rows added on the page are named
``<list>.n<k>`` (``f:indicators.n3.name``). A value is printed as in the plan: ``≥3.2``,
``约5``, ``35–40``; departments joined by ``、``. An emptied field means "no value" (null).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from planwatch import actions
from planwatch.model.plan import Plan
from planwatch.web.pages.common import comparator_sign, fmt_plain

Message = tuple[str, str]  # (zh, en)


@dataclass(frozen=True)
class Spec:
    """One editable field. ``kind``: text, wide, full, year, bound (a value printed with its
    comparator and range: ``comparator`` and ``upper`` name those fields), list, choice."""

    name: str
    label: str
    kind: str = "text"
    comparator: str | None = None
    upper: str | None = None
    default: str | None = None  # the comparator a bare number means


ATTRIBUTES = ("预期性", "约束性")
META = (Spec("title", "标题", "full"), Spec("region", "地区"),
        Spec("period_start", "规划期起", "year"), Spec("period_end", "规划期止", "year"))
SECTIONS: dict[str, tuple[Spec, ...]] = {
    "indicators": (
        Spec("name", "指标", "wide"), Spec("unit", "单位"),
        Spec("baseline_year", "基期年", "year"),
        Spec("baseline", "基期值", "bound", "baseline_comparator", "baseline_max"),
        Spec("target_year", "目标年", "year"),
        Spec("target", "目标值", "bound", "target_comparator", "target_max", "="),
        Spec("annual_growth_pct", "年均增速(%)", "bound", "growth_comparator"),
        Spec("attribute", "属性", "choice")),
    "targets": (
        Spec("subject", "对象", "wide"),
        Spec("value", "目标值", "bound", "comparator", "value_max", "="),
        Spec("unit", "单位"), Spec("year", "年份", "year")),
    "tasks": (
        Spec("title", "任务", "wide"), Spec("lead", "牵头单位", "list"),
        Spec("support", "配合单位", "list"), Spec("deadline", "时限")),
}
SIGNS = (("不低于", ">="), ("不少于", ">="), ("不高于", "<="), ("不超过", "<="),
         ("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), ("约", "~"), ("~", "~"),
         ("=", "="))
_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_BOUND = re.compile(rf"^({_NUMBER})(?:(?:-|–|—|~|至|到)({_NUMBER}))?%?$")
_SPLIT = re.compile(r"[、,，;；/\s]+")
_SPEC_OF: dict[str, str] = {"deadline_year": "deadline"}
for _specs in (*SECTIONS.values(), META):
    for _s in _specs:
        _SPEC_OF.update({n: _s.name for n in (_s.name, _s.comparator, _s.upper) if n})


class FieldError(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.message = (zh, en)


def one_line(text: str) -> str:
    """A text box's value on one line (line breaks typed into a name are dropped)."""
    return "".join(str(text).splitlines()).strip()


def _normal(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", one_line(text)).split()).replace(",", "")


def parse_number(text: str) -> float:
    """``1,500`` / ``２.９５`` / ``2.95%`` → a finite number; FieldError otherwise."""
    plain = _normal(text).removesuffix("%")
    try:
        number = float(plain)
    except ValueError:
        raise FieldError("须为数字，如 3.2", "must be a number, e.g. 3.2") from None
    if not math.isfinite(number):
        raise FieldError("须为有限数值", "must be a finite number")
    return number


def parse_year(text: str) -> int | None:
    plain = _normal(text).removesuffix("年")
    if not plain:
        return None
    if not re.fullmatch(r"\d{4}", plain):
        raise FieldError("须为四位年份，如 2025", "must be a four-digit year, e.g. 2025")
    return int(plain)


def parse_bound(text: str, default: str | None = None, ranged: bool = True
                ) -> tuple[str | None, float | None, float | None]:
    """``≥3.2`` → (">=", 3.2, None); ``35–40`` → (default, 35, 40); ``""`` → (None, None,
    None). A bare number takes the ``default`` comparator."""
    plain = _normal(text).strip("〔〕[]()（）")
    if not plain:
        return None, None, None
    comparator = default
    for prefix, code in SIGNS:
        if plain.startswith(prefix):
            comparator, plain = code, plain[len(prefix):]
            break
    m = _BOUND.match(plain)
    if m is None or (m.group(2) is not None and not ranged):
        example = "≥3.2、≤10、约5、35–40" if ranged else "≥3.2、≤10、约5"
        raise FieldError(f"须为数值，可带≥、≤、约或区间，如 {example}",
                         f"must be a number, optionally with ≥, ≤, 约 or a range: {example}")
    low = parse_number(m.group(1))
    high = parse_number(m.group(2)) if m.group(2) is not None else None
    return comparator, low, high


def show(spec: Spec, row: Mapping[str, Any]) -> str:
    """A field's text in the form."""
    value = row.get(spec.name)
    if spec.kind == "bound":
        if value is None:
            return ""
        upper = row.get(spec.upper) if spec.upper else None
        text = comparator_sign(row.get(spec.comparator or "")) + fmt_plain(value)
        return text + ("–" + fmt_plain(upper) if upper is not None else "")
    if spec.kind == "list":
        return "、".join(value or [])
    return fmt_plain(value)


def parse(spec: Spec, text: str, original: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The plan fields a field's text sets (empty → null)."""
    if spec.kind == "year":
        return {spec.name: parse_year(text)}
    if spec.kind == "bound":
        old = (original or {}).get(spec.comparator or "")
        bare = old if original is not None and old in (None, "=") else spec.default
        comparator, low, high = parse_bound(text, bare, spec.upper is not None)
        out: dict[str, Any] = {spec.name: low}
        if spec.comparator:
            out[spec.comparator] = comparator if low is not None else (
                spec.default if spec.default else None)
        if spec.upper:
            out[spec.upper] = high
        return out
    if spec.kind == "list":
        return {spec.name: [p for p in _SPLIT.split(one_line(text)) if p]}
    if spec.kind == "choice":
        value = one_line(text)
        if value and value not in ATTRIBUTES:
            raise FieldError("须为预期性或约束性", "must be 预期性 (expected) or 约束性 (binding)")
        return {spec.name: value or None}
    return {spec.name: one_line(text) or None}


@dataclass
class Cell:
    """One field on the page: its form name, text, text as extracted and any error."""

    name: str
    spec: Spec
    value: str
    orig: str | None
    error: Message | None = None


@dataclass
class Row:
    key: str  # indicators.3 / indicators.n2
    cells: list[Cell]
    number: str = ""
    anchor: str | None = None
    deleted: bool = False

    @property
    def new(self) -> bool:
        return ".n" in self.key


@dataclass
class ReviewForm:
    meta: list[Cell]
    sections: dict[str, list[Row]]
    errors: list[Message] = field(default_factory=list)

    def cells(self) -> list[Cell]:
        return [*self.meta, *(c for rows in self.sections.values() for r in rows
                              for c in r.cells)]

    def problems(self) -> int:
        return len(self.errors) + sum(1 for c in self.cells() if c.error)


def _dump(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json")


def initial_form(plan: Plan, anchors: Mapping[str, str]) -> ReviewForm:
    """The form as extracted."""
    data = _dump(plan)
    meta = [Cell(f"meta.{s.name}", s, show(s, data["meta"]), show(s, data["meta"]))
            for s in META]
    sections = {}
    for name, specs in SECTIONS.items():
        rows = []
        for i, row in enumerate(data[name]):
            key = f"{name}.{i}"
            cells = [Cell(f"{key}.{s.name}", s, show(s, row), show(s, row)) for s in specs]
            rows.append(Row(key, cells, str(row.get("number", "")) if name == "tasks" else "",
                            anchors.get(key)))
        sections[name] = rows
    return ReviewForm(meta, sections)


def _new_keys(form: Mapping[str, Any], name: str) -> list[str]:
    found = {m.group(1) for k in form
             if (m := re.match(rf"f:{name}\.(n\d+)\.", str(k)))}
    return [f"{name}.{k}" for k in sorted(found, key=lambda k: int(k[1:]))]


def submitted_form(plan: Plan, anchors: Mapping[str, str], form: Mapping[str, Any]
                   ) -> ReviewForm:
    """The form as submitted (for showing it again with its errors)."""
    review = initial_form(plan, anchors)
    for cell in review.cells():
        cell.value = str(form.get("f:" + cell.name, cell.value))
    for name, specs in SECTIONS.items():
        for row in review.sections[name]:
            row.deleted = bool(form.get(f"del:{row.key}"))
        for key in _new_keys(form, name):
            cells = [Cell(f"{key}.{s.name}", s, str(form.get(f"f:{key}.{s.name}", "")), None)
                     for s in specs]
            if any(one_line(c.value) for c in cells):
                review.sections[name].append(Row(key, cells))
    return review


def corrections(review: ReviewForm, plan: Plan
                ) -> tuple[list[actions.Correction], dict[int, str]]:
    """The corrections the submitted form amounts to, and for each ``add`` correction the key
    of its row; parse errors are set on the cells."""
    data = _dump(plan)
    fixes: list[actions.Correction] = []
    added: dict[int, str] = {}
    for cell in review.meta:
        _changed(cell, data["meta"], fixes, "meta")
    for name, rows in review.sections.items():
        for row in rows:
            if row.new:
                value = _new_row(row)
                if value is not None:
                    added[len(fixes)] = row.key
                    fixes.append(actions.Correction(op="add", field=name, value=value))
            elif row.deleted:
                fixes.append(actions.Correction(op="delete", field=row.key))
            else:
                original = data[name][int(row.key.rsplit(".", 1)[1])]
                for cell in row.cells:
                    _changed(cell, original, fixes, row.key)
    return fixes, added


def _changed(cell: Cell, original: Mapping[str, Any], fixes: list[actions.Correction],
             prefix: str) -> None:
    if one_line(cell.value) == one_line(cell.orig or ""):
        return
    try:
        values = parse(cell.spec, cell.value, original)
    except FieldError as exc:
        cell.error = exc.message
        return
    fixes.extend(actions.Correction(field=f"{prefix}.{k}", value=v) for k, v in values.items())


def _new_row(row: Row) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for cell in row.cells:
        try:
            out.update(parse(cell.spec, cell.value))
        except FieldError as exc:
            cell.error = exc.message
            return None
    return {k: v for k, v in out.items() if v not in (None, [])}


def place_problems(review: ReviewForm, problems: list[actions.FieldProblem],
                   added: Mapping[int, str]) -> None:
    """Put the workflow's field problems next to their fields (else above the form)."""
    by_name = {c.name: c for c in review.cells()}
    for problem in problems:
        name = _form_name(problem, added)
        cell = by_name.get(name) if name else None
        if cell is not None:
            cell.error = cell.error or (problem.zh, problem.en)
        else:
            zh, en = _where(problem.field)
            review.errors.append((f"{zh}{problem.zh}", f"{en}{problem.en}"))


SECTION_ZH = {"indicators": ("指标表", "indicator table"), "targets": ("正文目标", "targets"),
              "tasks": ("任务分工", "tasks"), "meta": ("基本信息", "plan facts")}


def _where(path: str) -> Message:
    """Where a problem is, in words: 指标表第4行：."""
    parts = path.split(".")
    zh, en = SECTION_ZH.get(parts[0], ("", ""))
    if len(parts) > 1 and parts[1].isdigit():
        return f"{zh}第{int(parts[1]) + 1}行：", f"{en} row {int(parts[1]) + 1}: "
    return (f"{zh}：", f"{en}: ") if zh else ("", "")


def _form_name(problem: actions.FieldProblem, added: Mapping[int, str]) -> str | None:
    parts = problem.field.split(".")
    if len(parts) < 2:
        return None
    if parts[0] == "meta":
        return f"meta.{_SPEC_OF.get(parts[1], parts[1])}"
    if len(parts) < 3:
        return None
    row = f"{parts[0]}.{parts[1]}"
    if parts[1].startswith("new") and problem.correction is not None:
        row = added.get(problem.correction, row)
    return f"{row}.{_SPEC_OF.get(parts[2], parts[2])}"
