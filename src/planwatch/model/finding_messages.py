"""The messages of the findings (问题说明) in Chinese and English: one template pair per finding
code and variant. A producer builds its finding with :func:`make_finding` (code, variant,
params): the stored ``message`` is the Chinese template filled with the params, so the Chinese
sentence and the params cannot drift apart, and :func:`finding_text` says the same finding in
English from the same params.

Templates use ``str.format`` fields with these additions:

* ``{name}`` — a number prints as the plans print it (``7.60`` → ``7.6``), an ``int`` as is,
  a string as written: strings are data (indicator names, quotes, departments) and are marked
  as such by :func:`finding_parts`;
* ``{name:.2f}``, ``{name:g}`` — a number in that format (the same in both languages);
* ``{name:pct1}`` — a share as a percentage with one decimal (``0.734`` → ``73.4%``);
* ``{name:verdict}`` — a verdict code printed as its label (:mod:`planwatch.model.labels`);
* ``{name:word}`` / ``{name:words}`` — a Chinese word of planwatch's own (not data), or a list
  of them joined by 、, translated by :data:`WORDS` in English;
* ``{name?fallback}`` — the fallback text when the param is missing or empty.

Findings stored before the params existed have none: :func:`finding_text` then gives the
stored Chinese ``message`` in every language."""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

from planwatch.model.findings import Finding, ParamValue, Severity
from planwatch.model.labels import label

Part = tuple[str, bool]
"""A piece of a rendered message and whether it is data (printed as written, never
translated)."""

WORDS: dict[str, str] = {
    # metadata fields (meta-missing)
    "title": "title", "region": "region", "doc_type": "document type",
    "period_start": "start of the plan period",
    # project-table columns (table-row-damaged)
    "所属领域": "field", "项目名称": "project name", "承担单位": "undertaker",
    "所在地": "location",
    # sub-regions of a region level (cascade)
    "市": "cities", "县（市、区）": "counties (county-level cities, districts)",
    "乡镇": "townships", "街道": "subdistricts", "下级地区": "sub-regions",
}
"""English of the Chinese words of planwatch's own that messages carry as params."""

_SAID = "“{quote}”：{base}→{value}"
_SAID_EN = "“{quote}”: {base} → {value}"
_TASK = "任务（{number}）“{title}”"
_TASK_EN = "Task ({number}) “{title}”"
_DETAIL = ("{actual_year}年实际值{actual:g}，目标值{target:g}（{target_year}年），"
           "时间进度{time:pct1}，完成进度{done:pct1}")
_DETAIL_EN = ("{actual_year} actual {actual:g}, target {target:g} ({target_year}); "
              "time elapsed {time:pct1}, progress {done:pct1}")
_CASCADE = "{region?上级地区}{year}年“{what}”目标{parent:g}，"
_CASCADE_EN = "The {year} target of {region?the parent region} for “{what_en}” is {parent:g}; "
_SUM = "{level:word}目标合计{total:g}"
_SUM_EN = "the targets of its {level:word} add up to {total:g}"
_RANGE = "{level:word}目标介于{low:g}与{high:g}之间"
_RANGE_EN = "the targets of its {level:word} lie between {low:g} and {high:g}"
_SHORT = "：即使各{level:word}全部完成自身目标，上级目标仍无法实现"
_SHORT_EN = ": even if all of them meet their own targets, the parent's target cannot be reached"
_OVER = "，明显超出上级目标的要求（层层加码）"
_OVER_EN = ", well beyond what the parent's target needs (targets raised at every level)"

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # --- extraction ---
    "title-inferred": {"": (
        "未找到印刷的标题，按前言推断为：{title}",
        "No printed title; inferred from the preamble: {title}")},
    "meta-missing": {"": (
        "未能识别文档元数据字段：{field:word}",
        "Document metadata not recognised: {field:word}")},
    "indicator-table-not-found": {"": (
        "未找到主要指标表", "No main indicator table found")},
    "indicator-table-unreadable": {"": (
        "文中有指标表“{caption}”，但未能读出其行",
        "The document announces the indicator table “{caption}”, but its rows could not be "
        "read")},
    "indicator-table-unmapped": {"": (
        "指标表“{table}”的表头无法识别基期值或目标值所在的列",
        "The header of the indicator table “{table}” shows no baseline or target column")},
    "indicator-column-unmapped": {
        "named": ("指标表“{table}”的列“{column}”无法识别，其中的数值未读取",
                  "The column “{column}” of the indicator table “{table}” is not understood; "
                  "its values were not read"),
        "unnamed": ("指标表“{table}”的列“第{column}列（无表头）”无法识别，其中的数值未读取",
                    "Column {column} (no header) of the indicator table “{table}” is not "
                    "understood; its values were not read")},
    "indicator-table-no-values": {"": (
        "指标表“{table}”的行中没有读到任何基期值或目标值",
        "No baseline or target value was read from the rows of the indicator table "
        "“{table}”")},
    "table-year-unknown": {"": (
        "指标表的基期或目标年份无法确定",
        "The base or target year of the indicator table cannot be determined")},
    "table-row-damaged": {
        "nameless": ("指标表中的行缺少指标名称",
                    "A row of the indicator table has no indicator name"),
        "short": ("指标表中的行缺少单元格", "A row of the indicator table is missing cells"),
        "unsplit": ("指标表中“{name}”一行的数值无法按两项指标拆分",
                    "The values of the row “{name}” of the indicator table cannot be split "
                    "between its two indicators"),
        "numberless": ("指标表中的目标值只有单位，缺少数值",
                      "A target in the indicator table has a unit but no number"),
        "project": ("项目表中的行缺少单元格（{missing:words}）",
                    "A row of the project table is missing cells ({missing:words})")},
    "unparsed-number": {
        "table": ("无法识别表格中的数值“{raw}”", "The table value “{raw}” cannot be read"),
        "prose": ("目标段落中的数字未能解读为目标：{text}",
                  "A number in a goals paragraph was not read as a target: {text}")},
    "task-note-unparsed": {"": (
        "无法识别任务（{number}）的责任分工：{note}",
        "The responsibilities of task ({number}) cannot be read: {note}")},
    "task-row-no-owner": {"": (
        "任务分工表中“{title}”没有责任单位",
        "The task “{title}” of the responsibility table names no responsible unit")},
    "indicator-unmapped": {"": (
        "指标“{name}”（{unit?无单位}）未对应到标准指标目录，跨地区比较时不参与 / "
        "not in the indicator catalogue",
        "Indicator “{name}” ({unit?no unit}) is not in the standard indicator catalogue; it "
        "is left out of comparisons between regions")},
    "regulation": {"": (
        "规章制度类文件（条例/办法/规定/细则/指引）：不提取目标与任务 / "
        "rules document: no targets or tasks extracted",
        "Rules document (regulations, measures, provisions, rules, guidelines): no targets "
        "or tasks extracted")},
    # --- plan audit ---
    "table-cagr-mismatch": {"": (
        "指标“{name}”年均增速列为{printed}%，但由{base_year}年{baseline}到{target_year}年"
        "{target}推算的年均增速为{implied:.2f}%",
        "Indicator “{name}”: the growth column says {printed}% a year, but {baseline} in "
        "{base_year} to {target} in {target_year} means {implied:.2f}% a year")},
    "table-cumulative-mismatch": {"": (
        "指标“{name}”累计变化列为〔{cumulative}〕，但目标值{target}减基期值{baseline}为"
        "{implied}",
        "Indicator “{name}”: the cumulative column says [{cumulative}], but the target "
        "{target} minus the baseline {baseline} is {implied}")},
    "target-equals-baseline": {"": (
        "指标“{name}”目标值{target}与基期值{baseline}相同，规划期内无增长",
        "Indicator “{name}”: the target {target} equals the baseline {baseline}; no growth "
        "over the plan period")},
    "target-below-baseline": {"": (
        "指标“{name}”{target_year}年目标值{target}低于{base_year}年基期值{baseline}，"
        "若该指标越大越好请核实",
        "Indicator “{name}”: the {target_year} target {target} is below the {base_year} "
        "baseline {baseline}; please check if higher is better")},
    "ambition-beyond-history": {"": (
        "指标“{name}”规划期需年均增长{required:.2f}%，远高于历史年均{past:.2f}%"
        "（{since}—{until}年由{start}到{end}）",
        "Indicator “{name}” needs {required:.2f}% growth a year over the plan period, far "
        "above its historical {past:.2f}% a year ({start} to {end} in {since}–{until})")},
    "ambitious-target": {"": (
        "指标“{name}”由{baseline}到{target}（{factor:.1f}倍），需年均增长{required:.2f}%，"
        "超过{limit}%，且无历史数据可比",
        "Indicator “{name}” goes from {baseline} to {target} ({factor:.1f} times), which "
        "needs {required:.2f}% growth a year, above {limit}%, with no history to compare")},
    "prose-table-conflict": {
        "growth": ("正文“{subject}”为年均增长{value}%，表中为{table:.2f}%（指标“{name}”）",
                   "The text gives “{subject}” a growth of {value}% a year; the table "
                   "{table:.2f}% (indicator “{name}”)"),
        "value": ("正文“{subject}”为{value}{unit}，表中为{table}{table_unit}（指标“{name}”）",
                  "The text gives “{subject}” as {value}{unit}; the table as "
                  "{table}{table_unit} (indicator “{name}”)"),
        "baseline": ("正文“{subject}”为{year}年基数{value}，表中为{table}（指标“{name}”）",
                     "The text gives “{subject}” a {year} base of {value}; the table "
                     "{table} (indicator “{name}”)"),
        "prior": ("正文“{subject}”{year}年基数为{value}，上期完成情况表“{row}”为{table}",
                  "The text gives “{subject}” a {year} base of {value}; the previous "
                  "period's results table (“{row}”) {table}")},
    "per-year-rule-mismatch": {"": (
        "正文要求“{subject}”每年提高{step}{unit}，{years}年后应为{base}+{total}={implied}，"
        "但{target_year}年目标为{target}（累计{change}）",
        "The text asks “{subject}” to rise by {step}{unit} a year: after {years} years "
        "that is {base}+{total}={implied}, but the {target_year} target is {target} "
        "({change} in all)")},
    "fact-prior-table-conflict": {"": (
        "正文“{quote}”称{subject}{year}年为{value}{unit}，上期完成情况表“{row}”{year}年为"
        "{table}",
        "The text “{quote}” gives {subject} in {year} as {value}{unit}; the previous "
        "period's results table (“{row}”) as {table}")},
    "fact-baseline-conflict": {
        "stated": ("正文“{quote}”称{year}年为{value}{unit}，但指标表“{name}”{year}年为"
                   "{base}{table_unit}",
                   "The text “{quote}” gives {value}{unit} for {year}, but the indicator "
                   "table (“{name}”) {base}{table_unit}"),
        "approved": ("正文称{since}年以来“{quote}”，即新增{value}{unit}，但指标表“{name}”"
                     "{year}年为{base}{table_unit}",
                     "The text says “{quote}” since {since}, that is {value}{unit} more, but "
                     "the indicator table (“{name}”) gives {base}{table_unit} for {year}")},
    "stated-change-mismatch": {
        "percent": (_SAID + "增长{growth:.2f}%，正文为{change}%",
                    _SAID_EN + " is a growth of {growth:.2f}%; the text says {change}%"),
        "points": (_SAID + "相差{points}个百分点，正文为{change}个百分点",
                   _SAID_EN + " is a difference of {points} percentage points; the text "
                   "says {change} points"),
        "difference": (_SAID + "增加{points}，正文为{change}",
                       _SAID_EN + " is an increase of {points}; the text says {change}"),
        "multiple": (_SAID + "为原来的{ratio:.2f}倍，正文为{change}倍",
                     _SAID_EN + " is {ratio:.2f} times the earlier value; the text says "
                     "{change} times"),
        "integer": ("“{quote}”：{value}{unit}增幅{change}%，没有整数基数能得出该增幅",
                    "“{quote}”: {value}{unit} up {change}%: no whole-number base gives "
                    "that growth")},
    "percent-points-confusion": {
        "percent": (_SAID + "相差{points}个百分点，正文写作“{change}%”（相对增长为{growth:.2f}%）",
                    _SAID_EN + " is a difference of {points} percentage points, written as "
                    "“{change}%” in the text (the relative growth is {growth:.2f}%)"),
        "points": (_SAID + "相差{points}个百分点，正文为{change}个百分点",
                   _SAID_EN + " is a difference of {points} percentage points; the text "
                   "says {change} points")},
    "growth-multiple-wording": {"": (
        _SAID + "为原来的{ratio:.2f}倍，即增长{grown:.2f}倍；正文“增长{change}倍”"
        "应为“增长到{change}倍”或“增长{grown:.2f}倍”",
        _SAID_EN + " is {ratio:.2f} times the earlier value, a growth of {grown:.2f} times; "
        "the text's “grew {change} times” should read “grew to {change} times” or “grew "
        "{grown:.2f} times”")},
    "table-note-unused-marker": {"": (
        "表注“{quote}”定义了标记“{marker}”，但表中没有单元格带此标记",
        "The table note “{quote}” defines the marker “{marker}”, but no cell of the table "
        "carries it")},
    "prose-table-name-mismatch": {"": (
        "正文“{quote}”与指标表“{name}”同为{value}{unit}（{year}年），但名称不同：“{subject}”",
        "The text “{quote}” and the indicator table (“{name}”) both give {value}{unit} "
        "({year}), under different names: “{subject}”")},
    # --- against the parent region's plan ---
    "district-exceeds-city": {"": (
        "{who?本级}“{child}”{child_year}年目标{child_value}{child_unit}，超过{up?上级}"
        "“{parent}”{parent_year}年目标{parent_value}{parent_unit}",
        "The {child_year} target of {who?this region} for “{child}”, "
        "{child_value}{child_unit}, exceeds the {parent_year} target of {up?the parent "
        "region} for “{parent}”, {parent_value}{parent_unit}")},
    "district-growth-divergence": {
        "above": ("{who?本级}“{child}”年均增速{child_growth:.2f}%，高于{up?上级}“{parent}”"
                  "{parent_growth:.2f}%达{diff:.2f}个百分点",
                  "The growth of {who?this region} for “{child}”, {child_growth:.2f}% a "
                  "year, is {diff:.2f} percentage points above that of {up?the parent "
                  "region} for “{parent}”, {parent_growth:.2f}%"),
        "below": ("{who?本级}“{child}”年均增速{child_growth:.2f}%，低于{up?上级}“{parent}”"
                  "{parent_growth:.2f}%达{diff:.2f}个百分点",
                  "The growth of {who?this region} for “{child}”, {child_growth:.2f}% a "
                  "year, is {diff:.2f} percentage points below that of {up?the parent "
                  "region} for “{parent}”, {parent_growth:.2f}%")},
    # --- target cascade down the region tree ---
    "cascade-shortfall": {
        "sum": (_CASCADE + _SUM + _SHORT, _CASCADE_EN + _SUM_EN + _SHORT_EN),
        "range": (_CASCADE + _RANGE + _SHORT, _CASCADE_EN + _RANGE_EN + _SHORT_EN)},
    "cascade-overshoot": {
        "sum": (_CASCADE + _SUM + _OVER, _CASCADE_EN + _SUM_EN + _OVER_EN),
        "range": (_CASCADE + _RANGE + _OVER, _CASCADE_EN + _RANGE_EN + _OVER_EN)},
    # --- assessment against actuals ---
    "behind-schedule": {
        "status": ("指标“{name}”{status:verdict}。", "Indicator “{name}”: {status:verdict}."),
        "status-detail": ("指标“{name}”{status:verdict}。" + _DETAIL,
                          "Indicator “{name}”: {status:verdict}. " + _DETAIL_EN)},
    "binding-target-at-risk": {
        "status": ("预警：约束性指标“{name}”{status:verdict}。",
                   "Alert: binding indicator “{name}”: {status:verdict}."),
        "status-detail": ("预警：约束性指标“{name}”{status:verdict}。" + _DETAIL,
                          "Alert: binding indicator “{name}”: {status:verdict}. "
                          + _DETAIL_EN),
        "projected": ("预警：约束性指标“{name}”按当前趋势预计难以实现。",
                      "Alert: binding indicator “{name}” is unlikely to be met on the "
                      "current trend."),
        "projected-detail": ("预警：约束性指标“{name}”按当前趋势预计难以实现。" + _DETAIL,
                             "Alert: binding indicator “{name}” is unlikely to be met on "
                             "the current trend. " + _DETAIL_EN)},
    "unit-mismatch": {"": (
        "指标“{name}”实际值单位与规划单位（{unit?无单位}）不一致，未评估",
        "Indicator “{name}”: the unit of the actual value differs from the plan's "
        "({unit?no unit}); not assessed")},
    # --- tasks (督办) ---
    "task-overdue": {"": (
        _TASK + "已超过完成时限{deadline}，尚未报告完成（牵头：{lead}）",
        _TASK_EN + " is past its deadline {deadline} and not reported done (lead: {lead})")},
    "task-blocked": {"": (
        _TASK + "报告受阻（{reported}，牵头：{lead}）",
        _TASK_EN + " is reported blocked ({reported}; lead: {lead})")},
    "task-stalled": {"": (
        _TASK + "已{days}天未报送进展（超过{limit}天，牵头：{lead}）",
        _TASK_EN + " has had no progress report for {days} days (more than {limit} days; "
        "lead: {lead})")},
    "unparsed-deadline": {"": (
        "任务（{number}）的完成时限“{deadline}”无法识别",
        "The deadline “{deadline}” of task ({number}) cannot be read")},
}
"""Finding code → variant → (Chinese template, English template)."""

_FORMATTER = Formatter()


def _number(value: float) -> str:
    """A number as a plan prints it (no trailing zeros; evaluate.audit_util.fmt)."""
    return f"{round(value, 6):g}"


def _field(value: ParamValue, spec: str, fallback: str | None, lang: str) -> Part:
    if value is None or value == "":
        if fallback is not None:
            return fallback, False
        return ("—" if spec == "pct1" else ""), False
    if spec == "verdict":
        return label("verdict", str(value), lang), False
    if spec == "word":
        return (WORDS.get(str(value), str(value)) if lang == "en" else str(value)), False
    if spec == "words":
        words = str(value).split("、")
        return (", ".join(WORDS.get(w, w) for w in words) if lang == "en" else str(value)), False
    if spec == "pct1":
        return f"{float(value) * 100:.1f}%", False
    if isinstance(value, bool | int):
        return (format(value, spec) if spec else str(value)), False
    if isinstance(value, float):
        return (format(value, spec) if spec else _number(value)), False
    return str(value), True


def template(code: str, variant: str, lang: str) -> str:
    """The template of ``code``'s ``variant`` in ``lang`` (KeyError when there is none)."""
    zh, en = MESSAGES[code][variant]
    return en if lang == "en" else zh


def fields(text: str) -> set[str]:
    """The param names a template uses."""
    return {f.partition("?")[0] for _, f, _, _ in _FORMATTER.parse(text) if f}


def render(code: str, variant: str, params: Mapping[str, ParamValue], lang: str) -> list[Part]:
    """The message of ``code``/``variant`` with ``params`` in ``lang``, as pieces."""
    parts: list[Part] = []
    for literal, field, spec, _ in _FORMATTER.parse(template(code, variant, lang)):
        if literal:
            parts.append((literal, False))
        if field is not None:
            name, sep, fallback = field.partition("?")
            parts.append(_field(params.get(name), spec or "", fallback if sep else None, lang))
    return parts


def make_finding(code: str, params: Mapping[str, ParamValue] | None = None, *,
                 variant: str = "", severity: Severity = Severity.WARNING,
                 line: int | None = None, page: int | None = None,
                 context: str | None = None) -> Finding:
    """A finding whose ``message`` is the Chinese template of ``code``/``variant`` filled with
    ``params`` (the one way producers build findings)."""
    values = dict(params or {})
    unknown = set(values) - fields(template(code, variant, "zh")) - fields(
        template(code, variant, "en"))
    if unknown:
        raise KeyError(f"params not in the template of {code}/{variant}: {sorted(unknown)}")
    message = "".join(text for text, _ in render(code, variant, values, "zh"))
    return Finding(code=code, severity=severity, message=message, line=line, page=page,
                   context=context, params=values, variant=variant)


def _renderable(f: Finding) -> bool:
    variants = MESSAGES.get(f.code)
    if variants is None or f.variant not in variants:
        return False
    return bool(f.params) or not fields(variants[f.variant][0])


def finding_parts(f: Finding, lang: str = "zh") -> list[Part]:
    """The message of ``f`` in ``lang`` as pieces, data pieces flagged (to be marked as data on
    a page). Chinese is the stored message; a finding stored without params (before they
    existed) is its stored Chinese message in English too."""
    if lang != "en" or not _renderable(f):
        return [(f.message, False)]
    return render(f.code, f.variant, f.params, lang)


def finding_text(f: Finding, lang: str = "zh") -> str:
    """The message of ``f`` in ``lang`` (``zh`` or ``en``) as plain text."""
    return "".join(text for text, _ in finding_parts(f, lang))
