"""Render an extracted plan as Markdown for a person to check."""

from __future__ import annotations

from planwatch.model.plan import Plan


def _num(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:g}"


def _cell(s: object) -> str:
    return "" if s is None else str(s).replace("|", "\\|").replace("\n", " ")


def plan_to_markdown(plan: Plan) -> str:
    m = plan.meta
    out = [f"# {_cell(m.title) or '(无标题)'}", ""]
    out += [
        f"- 地区 region: {_cell(m.region)} ({_cell(m.region_level)}), 上级 parent: "
        f"{_cell(m.parent_region)}",
        f"- 类型 type: {_cell(m.doc_type)}; 期限 period: {_cell(m.period_start)}–"
        f"{_cell(m.period_end)}",
        f"- 印发 issued: {_cell(m.issued)}; 文号 number: {_cell(m.doc_number)}; "
        f"征求意见稿 draft: {m.draft}",
        "",
    ]
    out += _section("主要指标 Indicators", ["指标", "单位", "基期", "基期值", "目标年", "目标值",
                    "年均增速%", "累计", "属性"], [
        [i.name, i.unit, i.baseline_year, _num(i.baseline), i.target_year,
         f"{i.target_comparator if i.target_comparator not in (None, '=') else ''}{_num(i.target)}",
         _num(i.annual_growth_pct), _num(i.cumulative_change), i.attribute]
        for i in plan.indicators])
    out += _section("上期完成情况 Prior results", ["指标", "单位", "基础值", "目标值", "完成值"], [
        [r.name, r.unit, _num(r.baseline), _num(r.target), _num(r.actual)]
        for r in plan.prior_results])
    out += _section("文字目标 Prose targets",
                    ["对象", "数值", "单位", "年份", "类型", "基期", "原文"], [
        [t.subject, f"{t.comparator if t.comparator != '=' else ''}{_num(t.value)}"
         + (f"–{_num(t.value_max)}" if t.value_max is not None else ""), t.unit,
         t.year or t.period, t.kind,
         f"{t.baseline.year}: {_num(t.baseline.value)}" if t.baseline else "", t.quote]
        for t in plan.targets])
    out += _section("任务 Tasks", ["序号", "任务", "牵头", "配合", "共同负责"], [
        [t.number, t.title, "、".join(t.lead), "、".join(t.support),
         "是" if t.shared_responsibility else ""] for t in plan.tasks])
    out += _section("项目 Projects", ["领域", "项目名称", "承担单位", "所在地", "受损"], [
        [p.domain, p.name, p.undertaker, p.location, "是" if p.damaged else ""]
        for p in plan.projects])
    out += _section("发现 Findings", ["代码", "级别", "位置", "说明"], [
        [f.code, f.severity.value, f.line or (f"p.{f.page}" if f.page else ""), f.message]
        for f in plan.findings])
    return "\n".join(out) + "\n"


def _section(title: str, header: list[str], rows: list[list[object]]) -> list[str]:
    lines = [f"## {title} ({len(rows)})", ""]
    if not rows:
        return [*lines, "（无）", ""]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]
