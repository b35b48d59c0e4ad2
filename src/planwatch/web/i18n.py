"""Interface language of the HTML pages: Chinese first (``zh``, the default), English on
request (``en``).

The language comes from ``?lang=`` on the page's URL, else the ``lang`` cookie (set by
``GET /lang/{code}?next=…``), else Chinese. Templates call ``t("中文")`` for the UI chrome
(navigation, headings, buttons, table headers, verdict labels); the Chinese text is the key
of :data:`CATALOGUE` and what is shown when no English is known. Data — plan titles,
indicator names, quotes, department names — is never translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from jinja2 import Environment, pass_context
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import Response

from planwatch.catalog.indicators import load_catalog
from planwatch.evaluate.index_framework import load_framework
from planwatch.model.finding_codes import FINDING_CODES
from planwatch.model.finding_messages import finding_parts
from planwatch.model.findings import Finding
from planwatch.model.labels import label, translations
from planwatch.reports.index_report import INDEX_EN
from planwatch.web.i18n_import import IMPORT_CATALOGUE

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LANG_COOKIE = "lang"
LANG_COOKIE_AGE = 365 * 24 * 3600
HTML_LANG = {"zh": "zh-CN", "en": "en"}

CATALOGUE: dict[str, str] = {
    # verdicts and states
    # (verdict, trend, task-state and row-state labels come from model.labels, added below)
    "预警": "Warning",
    "数据提示": "Data notes",
    "暂无实际值，无法绘制走势": "No values yet: nothing to chart",
    # (submission statuses, roles, document types and region levels too)
    # chrome
    "科技创新规划监测": "S&T Plan Monitoring",
    "科技创新规划监测平台": "S&T Innovation Plan Monitoring",
    "主导航": "Main navigation", "地区与规划": "Regions & plans", "填报审核": "Review",
    "导入规划": "Import plan", "退出": "Sign out", "登录": "Sign in",
    "语言": "Language",
    "planwatch · 规划数字化与监测评估 · 数据以审核通过的填报值和导入值为准":
        "planwatch · plan digitisation, monitoring and evaluation · "
        "figures are approved submissions and imported values",
    "规划导航": "Plan navigation", "规划概览": "Overview", "实际值填报": "Actuals",
    "任务督办": "Tasks",
    "进度判断统计": "Verdict counts", "走势": "Trend", "无实际值": "No actuals", "无": "None",
    # home by role and the search / filter forms (pages/home.py, tasks, review)
    "首页": "Home", "工作台": "Workbench", "待办": "To do", "待填报": "To report",
    "到期任务": "Tasks due", "逾期部门": "Overdue departments", "预警规划": "Plans with warnings",
    "账号": "Accounts", "已停用账号": "Deactivated accounts",
    "公开的科技创新规划及其监测结果（{n}个）":
        "Published S&T plans and their monitoring ({n})",
    "报送年度：{year}年，报送截止：{date}": "Reporting year {year}, due by {date}",
    "{year}年实际值，截止{date}": "actuals of {year}, due by {date}",
    "报送截止": "Due by", "未填报": "Not reported", "去填报": "Report",
    "本部门负责的指标都已报送。": "Every indicator of your department is reported.",
    "审核意见": "Reviewer's comment", "修改后重新提交": "Correct and resubmit",
    "没有被退回的填报。": "No returned submissions.",
    "已逾期或{n}天内到期": "overdue or due within {n} days", "任务": "Task", "时限": "Deadline",
    "没有逾期或即将到期的任务。": "No tasks overdue or due soon.",
    "任务逾期，或{year}年实际值过了报送截止（{date}）仍未报送":
        "tasks overdue, or actuals of {year} not reported by {date}",
    "部门": "Department", "逾期任务": "Overdue tasks",
    "没有逾期的部门。": "No overdue departments.", "没有预警。": "No warnings.",
    "规划列表": "Plan list", "搜索": "Search", "搜索规划名称": "Search plan titles",
    "按名称搜索，按地区、规划期和状态筛选":
        "Search by title, filter by region, period and status",
    "规划名称包含": "Title contains", "任务名称包含": "Task contains",
    "指标名称包含": "Indicator contains", "全部": "All", "筛选": "Filter",
    "清除条件": "Clear filters", "已公开": "Published", "未公开": "Not published",
    "已归档": "Archived", "没有符合条件的规划。": "No plans match.",
    "没有符合条件的任务。": "No tasks match.", "牵头单位": "Lead", "只看逾期": "Overdue only",
    # composite index page (pages/regions.py, reports/index_report.py)
    "综合指数": "Composite index", "下级地区综合指数": "Sub-region index",
    "{region}下级地区科技创新综合指数": "Composite innovation index of {region}'s sub-regions",
    "蒙特卡洛{n}次": "{n} Monte Carlo draws",
    "比较基年": "Base year", "计算": "Compute",
    "排名及其不确定区间": "Ranks and their uncertainty",
    "条形为权重、标准化和加总方法随机变化时排名的 5%–95% 区间，圆点为名义排名。":
        "Bars span the 5th–95th percentile of a region's rank when weights, normalisation "
        "and aggregation vary at random; the dot is the nominal rank. ",
    "区间跨度大的地区不宜只用一个名次描述。":
        "A region with a wide interval should not be described by one rank.",
    "排名区间图": "Rank interval chart",  # the index tables' words: reports.index_report
    "监测看板": "Dashboard", "{region}监测看板": "Dashboard of {region}",
    "下级地区各自规划的进度判断（与各规划页相同），{year}年":
        "Verdicts of the sub-regions' own plans (as on each plan's page), {year}",
    "地图": "Map", "地区地图": "Region map", "进度判断矩阵": "Verdict matrix",
    "无规划": "No plan", "查看规划": "Open plan",
    "颜色为各地区指标中进度正常（提前实现、已实现、快于预期、基本符合预期）的比例；点击进入该地区。":
        "Colour: share of a region's indicators achieved, ahead or on track; click to open it.",
    "下级地区的规划中没有可对照的目录指标。":
        "The sub-regions' plans hold no catalogue indicator to compare.",
    "各地区预警": "Warnings across regions", "{year}年数据报送情况": "Reporting for {year}",
    "未报送指标数": "Indicators not reported", "未报送指标": "Not reported",
    "全国": "China", "下辖地区合计": "All regions below, summed", "下辖": "Below",
    "下辖{n}个地区（含各级），{m}个有{year}年适用的规划；其指标中{j}项已作判断，进度正常{share}，"
    "滞后、倒退或未实现{risk}项；{u}个地区有指标未报送{year}年数据。":
        "{n} regions below (every level), {m} with a plan for {year}; {j} of their indicators "
        "judged, {share} on track, {risk} behind, regressing or missed; {u} regions have not "
        "reported every indicator for {year}.",
    "下表每行为一个下级地区自己的规划；“下辖”列与单元格下方的小字汇总其以下各级地区的规划，点击地区名进入其看板。":
        "Each row is a sub-region's own plan; the Below column and the small figures under "
        "each cell sum the plans of every region under it — click a name to open its "
        "dashboard.",
    "{n}个地区": "{n} regions", "正常{share}": "{share} on track", "暂无判断": "None judged",
    "下辖地区中进度正常的数目 / 已判断的数目": "Regions below on track / judged",
    "下辖{a}/{b}": "below {a}/{b}", "下辖未报送地区": "Regions below not reporting",
    "{u}/{m}个": "{u} of {m}",
    "全部指标": "All indicators", "原文": "Source text",
    "颜色为各地区该指标最近的实际值（指标目录统一单位）；点击进入该地区。":
        "Colour: each region's latest actual of the indicator (catalogue unit); click to open it.",
    "地区对比": "Compare regions", "选择地区": "Choose regions", "对比": "Compare",
    "{year}年指标对比": "Indicators compared, {year}",
    "数值为指标目录的统一单位；判断与各规划页一致。":
        "Values in the catalogue's units; verdicts as on each plan's page.",
    "所选地区的规划中没有可对照的目录指标。":
        "The chosen regions' plans hold no catalogue indicator to compare.",
    "目标分解衔接": "Target cascade", "{region}目标分解衔接": "Target cascade of {region}",
    "本级规划目标与下级地区同一指标、同一目标年的目标对照。":
        "The region's plan targets against its sub-regions' for the same indicator and "
        "target year.",
    "可加总指标看合计，比率类指标看最低至最高。":
        " Sums for additive indicators, lowest to highest for ratios.",
    "发现的问题": "Findings", "本级规划与下级地区规划没有可对照的同年目标。":
        "No target of the region's plans can be set against its sub-regions'.",
    "类型": "Kind", "目标年": "Target year", "上级目标": "Parent target",
    "下级目标合计或区间": "Sub-regions: sum or range", "上级减下级合计": "Parent minus sum",
    "有目标的下级地区": "Sub-regions with a target",
    "缺目标的下级地区": "Sub-regions without a target", "判断": "Verdict",
    "JSON 数据": "JSON data",
    "（基期）": " (baseline)", "第{line}行": "line {line}", "{year}年": "{year}",
    # overview / public
    "规划期": "Plan period", "评估年份": "Evaluation year", "监测年份": "Monitoring year",
    "年份": "Year", "查看": "Show",
    "指标 {n} 项，有实际值 {m} 项": "{n} indicators, {m} with actuals",
    "公开页": "Public page", "公开信息": "Public information", "（公开）": " (public)",
    "待审核填报": "Pending submissions", "条": "", "项": "", "去审核": "Review them",
    "撤回公开页": "Withdraw public page", "发布公开页": "Publish public page",
    "指标监测": "Indicator monitoring", "指标进展": "Indicator progress",
    "指标": "Indicator", "属性": "Type", "基期值": "Baseline", "目标值": "Target",
    "最新实际值": "Latest actual", "完成度": "Completion", "时间进度": "Time elapsed",
    "目标完成率": "Share of target (A/T)", "进度完成率": "Share of planned change",
    "复合增长口径": "compound basis",
    "进度判断": "Verdict",
    "未识别到指标表。": "No indicator table was recognised.",
    "审核发现": "Audit findings", "未发现问题。": "No problems found.",
    "重点任务（按牵头部门）": "Key tasks (by lead department)",
    "{n} 项": "{n}", "时限：{d}": "deadline: {d}",
    "未识别到任务分工。": "No task assignment was recognised.",
    "进入任务督办 ›": "Go to tasks ›",
    "指标走势图": "Indicator charts",
    "红线为实际值，蓝色虚线为规划路径，菱形为基期值与目标值，橙色点线为趋势预测。":
        "Red: actual values; blue dashed: planned path; diamonds: baseline and target; "
        "orange dotted: projected trend.",
    "{name}走势图": "{name} trend chart",
    # index
    "按省 → 市 → 县（市、区）浏览科技创新规划": "Browse S&T plans by province → city → county",
    "，共 {n} 个": ", {n} in total",
    "（公开规划，登录后可见全部）": " (public plans; sign in to see all)",
    "导入规划文件": "Import a plan file", "公开": "Public", "（{n}个规划）": "({n} plans)",
    "暂无规划": "No plans yet", "。": ".",
    "（尚无公开规划，": " (no public plans yet; ", "后可见内部规划）": " to see internal plans)",
    # login / error
    "用户名": "Username", "密码": "Password",
    "科技局、责任部门和管理员账号登录后可填报、审核与督办；公开规划无需登录。":
        "Sign in to submit, review and follow up; public plans need no sign-in.",
    "出错了": "Error", "无权访问": "Forbidden", "未找到": "Not found", "请先登录": "Please sign in",
    "无法完成操作": "Could not complete the request", "返回首页": "Back to the start page",
    # indicator / reports / review
    "：": ": ", "，": ", ", "基期": "Baseline", "目标": "Target", "路径": "Path",
    "线性推进": "Linear", "年均增速（复合增长）": "Annual growth (compound)",
    "比率类（保持目标水平）": "Ratio (hold the target level)",
    "走势：基期、规划路径、实际值与预测": "Trend: baseline, planned path, actuals and projection",
    "指标信息": "Indicator facts", "趋势预测": "Projection", "可达成目标": "target reachable",
    "难以达成目标": "target unlikely", "注释": "Note", "保存": "Save",
    "规划原文": "Plan text", "正文中未找到对应表述。": "No matching sentence in the plan text.",
    "实际值": "Actual values", "数值": "Value", "口径": "Status", "来源": "Source",
    "暂无实际值。": "No actual values yet.",
    "填报与审核记录": "Submissions and reviews", "状态": "Status", "填报": "Submitted",
    "审核": "Review", "暂无填报记录。": "No submissions yet.", "目标修订": "Target revisions",
    "时间": "Time", "原目标": "Old target", "新目标": "New target", "依据": "Basis",
    "操作人": "By", "无修订。": "No revisions.",
    # 动态调整, history and version diff (pages/revisions.py)
    "动态调整": "Revise target", "已调整": "Revised", "确认调整": "Revise",
    "新目标值": "New target value", "新目标年份（可选）": "New target year (optional)",
    "调整理由（必填）": "Reason (required)",
    "批准文号或文件名（必填）": "Authorising document no. or file name (required)",
    "按批准文件调整目标值或目标年份；原目标保留，调整记入变更记录。":
        "Change the target value or year as an authorising document decides; the original "
        "target is kept and the change recorded in the history.",
    "目标已调整，原目标保留；评估已按新目标计算。":
        "Target revised; the original is kept and the evaluation uses the new target.",
    "变更记录": "History",
    "规划的每一次变化：导入版本、提取更正、目标动态调整、实际值、填报审核、任务进展、责任部门、公开与归档。原值均保留。":
        "Every change of the plan: versions, extraction corrections, target revisions, "
        "actual values, submissions and reviews, task progress, responsibility, publication "
        "and archive. Old values are kept.",
    "变更类型": "Kind of change", "自": "From", "至": "To",
    "清除筛选": "Clear filters", "对象": "Subject", "变化": "Change",
    "没有符合条件的记录。": "No matching entries.", "系统（无账号）": "System (no account)",
    "版本对比": "Compare versions", "从": "From", "到": "To", "第{n}版": "version {n}",
    "版本": "Version", "导入时间": "Imported", "来源文件": "Source file",
    "两个版本各按其现行目标（含动态调整）比较。":
        "Each version is compared with its targets in force (revisions included).",
    "本规划只有一个版本，没有可对比的版本。": "The plan has one version: nothing to compare.",
    "请选择两个不同的版本。": "Choose two different versions.",
    "两个版本的内容相同。": "The two versions hold the same content.",
    "基本信息": "Plan facts", "新增指标": "Indicators added", "删除指标": "Indicators removed",
    "变化的指标": "Indicators changed", "正文目标": "Targets in the text", "新增": "Added",
    "删除目标": "Targets removed", "重点任务": "Key tasks", "新增任务": "Tasks added",
    "删除任务": "Tasks removed", "变化的任务": "Tasks changed",
    "两个版本都没有动态调整。": "Neither version has a target revision.",
    "创建规划": "Plan created", "导入新版本": "New version", "正文目标数": "Targets in the text",
    "指标内容": "Indicator", "其他变化": "Other change", "新建填报": "New submission",
    "填报内容": "Submission", "进展报告": "Progress report", "目标年份": "Target year",
    "标题": "Title", "文件类型": "Document type", "规划期起始年": "Period start",
    "规划期终止年": "Period end", "印发日期": "Issued", "文号": "Document number",
    "上级地区": "Parent region", "省份": "Province", "地区层级": "Region level",
    "征求意见稿": "Draft for comment", "指标名称": "Indicator name", "单位": "Unit",
    "类别": "Category", "基期年份": "Base year", "基期值上限": "Baseline (upper)",
    "基期比较关系": "Baseline comparator", "目标值上限": "Target (upper)",
    "目标比较关系": "Target comparator", "目标表述": "Target wording",
    "年均增速": "Annual growth", "增速比较关系": "Growth comparator",
    "累计变化": "Cumulative change", "累计变化上限": "Cumulative change (upper)",
    "实际值年份": "Actual year", "序号": "No.", "任务名称": "Task",
    "配合单位": "Support", "完成时限": "Deadline",
    "完成年份": "Deadline year", "所在章节": "Section", "共同牵头": "Joint lead",
    "报告日期": "Report date", "审核人": "Reviewer",
    "下载监测评估报告": "Download the monitoring report",
    "报告按所选年份的已审核实际值生成，包括总体情况、主要指标完成情况、重点任务推进情况、存在的主要问题和下一步工作建议，并有落款和日期。":
        "Built from the approved actual values of the chosen year: overview, indicators, "
        "key tasks, main problems and suggestions, with the issuing body and date.",
    "报告类型": "Report kind", "按年份自动确定": "By the year (automatic)", "更新": "Update",
    "存在的主要问题": "Main problems",
    "下一步工作建议（可修改，每段一行）": "Suggestions (editable, one paragraph a line)",
    "落款单位": "Issuing body", "成文日期": "Date",
    "下载网页版（.html）": "Download web page (.html)",
    "下载 Markdown（.md）": "Download Markdown (.md)",
    "下载 Word（.docx）": "Download Word (.docx)", "下载 Excel（.xlsx）": "Download Excel (.xlsx)",
    "{year}年概况": "{year} summary",
    "指标 {n} 项，有实际值 {m} 项，预警 {w} 项。":
        "{n} indicators, {m} with actuals, {w} warnings.",
    "责任部门提交的实际值：审核通过后写入监测数据并锁定；退回须填写意见。":
        "Actual values submitted by departments: approval stores and locks them; "
        "returning needs a comment.",
    "口径 / 来源": "Status / source", "填报部门": "Department",
    "没有{status}的填报。": "No submissions: {status}.", "通过": "Approve", "退回": "Return",
    "退回意见（必填）": "Reason for returning (required)", "退回意见": "Reason for returning",
    "更正申请": "Correction request", "原值": "Old value", "理由": "Reason",
    "第{a}–{b}条，共{n}条": "{a}–{b} of {n}", "上一页": "Previous", "下一页": "Next",
    "共{n}条": "{n} in all", "分页": "Pages",
    "申请更正": "Request a correction", "更正理由（必填）": "Reason for the correction (required)",
    "新数值": "New value", "已锁定": "Locked",
    # review with context, withdraw, batch approve
    "选择": "Select", "全选": "Select all", "上次退回": "Last returned",
    "年均增长": "Annual growth",
    "上年": "Last year", "变动": "Change", "基期 / 目标 / 上年": "Baseline / target / last year",
    "批量通过所选": "Approve selected", "已批量通过{n}条填报。": "{n} submissions approved.",
    "勾选多条后一并通过：任一条不能通过时，全部不通过，并列出原因。":
        "Tick several to approve them together: if any one cannot be approved, none is, and "
        "the reasons are listed.",
    "提交审核": "Submit for review", "撤回": "Withdraw",
    "审核前可撤回，撤回后退为草稿，可修改后重新提交":
        "Withdraw before review: it becomes a draft to correct and submit again",
    "最新值": "Latest",
    "数值可按习惯填写：2.95%（百分比指标）、1,500、全角数字均可识别。":
        "Type numbers as you are used to: 2.95% (for percentage indicators), 1,500 and "
        "full-width digits are read.",
    "我的账号": "My account", "修改密码": "Change password", "当前密码": "Current password",
    "新密码": "New password",
    "须输入当前密码；修改后其他会话和全部API令牌失效。新密码至少10位，不能包含用户名。":
        "The current password is required; other sessions and all API tokens end. At least "
        "10 characters, not containing the username.",
    "API令牌": "API tokens", "新令牌（只显示这一次）：": "New token (shown once): ",
    "用途": "Label", "有效天数": "Valid for (days)", "生成令牌": "Create token",
    "创建": "Created", "到期": "Expires", "长期": "No expiry", "已撤销": "Revoked",
    "有效": "Valid", "撤销": "Revoke", "没有令牌。": "No tokens.",
    # archive and accounts (admins)
    "归档规划": "Archive plan", "取消归档": "Unarchive plan", "归档规划…": "Archive…",
    "取消归档…": "Unarchive…", "确认归档": "Archive it", "确认取消归档": "Unarchive it",
    "返回": "Back", "理由（必填）": "Reason (required)",
    "本规划已于{date}由{user}归档：{reason}": "Archived on {date} by {user}: {reason}",
    "取消归档后，规划重新出现在规划列表和地区树中（公开页按原设置恢复）。操作记入审计日志。":
        "Once unarchived the plan is back in the plan list and the region tree (the public "
        "page as it was set). The change is audited.",
    "归档后，规划从规划列表、地区树和公开页中移除，不删除任何数据（版本、实际值、填报和审计记录都保留）；"
    "审核人仍可按编号查看，管理员可取消归档。操作记入审计日志。":
        "An archived plan leaves the plan list, the region tree and the public page; nothing is "
        "deleted (versions, actuals, submissions and the audit trail stay); reviewers still "
        "open it by its number and administrators can unarchive it. The change is audited.",
    "已归档规划": "Archived plans", "归档时间": "Archived on",
    "归档的规划不在规划列表、地区树和公开页中，数据全部保留。":
        "Archived plans are left out of the plan list, the region tree and the public pages; "
        "their data is kept.",
    "没有已归档的规划。": "No archived plans.",
    "账号管理": "Accounts", "角色": "Role", "所属部门": "Department",
    "已停用": "Deactivated", "调整部门": "Move to department", "新部门": "New department",
    "没有账号。": "No accounts.", "查看全部{n}个规划": "All {n} plans",
    "部门账号属于一个部门；调整部门后，该账号的会话和API令牌失效。操作记入审计日志。":
        "A department account belongs to one department; moving it ends its sessions and API "
        "tokens. The change is audited.",
    "已调整部门；该账号的会话和API令牌已失效。":
        "Department changed; the account's sessions and API tokens have ended.",
    # user management (pages/users.py: users.html, user.html, user_confirm.html)
    "新增账号": "Add account", "姓名": "Name", "管理": "Manage",
    "所属部门（部门账号必选）": "Department (required for department accounts)",
    "初始密码（留空则自动生成）": "Initial password (blank: generated)",
    "已新增账号：": "Account added: ",
    "初始密码（只显示这一次，请转交本人并提醒其登录后修改）：":
        "Initial password (shown once; hand it over and ask for a change at first sign-in): ",
    "已重置密码；该账号的会话和API令牌已失效。":
        "Password reset; the account's sessions and API tokens have ended.",
    "新密码（只显示这一次，请转交本人并提醒其登录后修改）：":
        "New password (shown once; hand it over and ask for a change at first sign-in): ",
    "账号信息": "Account", "有效API令牌": "Live API tokens",
    "这是您自己的账号：不能停用自己或取消自己的管理员角色。":
        "This is your own account: you cannot deactivate it or take away its admin role.",
    "修改自己的密码和API令牌": "Change your password and API tokens",
    "角色与部门": "Role and department",
    "部门账号须选所属部门；其他角色不属于部门。修改后该账号的会话和API令牌失效。":
        "A department account needs its department; other roles belong to none. The "
        "account's sessions and API tokens end on a change.",
    "保存角色": "Save role", "访问控制": "Access", "重置密码…": "Reset password…",
    "撤销全部API令牌…": "Revoke all API tokens…", "停用账号…": "Deactivate…",
    "重新启用": "Re-activate", "停用账号": "Deactivate account", "重置密码": "Reset password",
    "撤销全部API令牌": "Revoke all API tokens", "确认停用账号": "Deactivate it",
    "确认重置密码": "Reset it", "确认撤销全部API令牌": "Revoke them",
    "停用后该账号不能再登录，其全部会话和API令牌立即失效且不会恢复（重新启用后须重新登录、重新生成令牌）。"
    "账号和它的填报、审计记录都保留。操作记入审计日志。":
        "A deactivated account cannot sign in; its sessions and API tokens end at once and "
        "for good (after re-activation it signs in again and makes new tokens). The account, "
        "its submissions and the audit trail are kept. The change is audited.",
    "将生成一个新的随机密码（只显示这一次）；原密码立即失效，该账号的全部会话和API令牌失效。操作记入审计日志。":
        "A new random password is made (shown once); the old one stops working and the "
        "account's sessions and API tokens end. The change is audited.",
    "该账号的全部API令牌立即失效，使用这些令牌的程序须换用新令牌。操作记入审计日志。":
        "Every API token of the account ends at once; programs using them need new ones. "
        "The change is audited.",
    "已修改姓名。": "Name changed.",
    "已修改角色；该账号的会话和API令牌已失效。":
        "Role changed; the account's sessions and API tokens have ended.",
    "已停用；该账号的会话和API令牌已失效。":
        "Deactivated; the account's sessions and API tokens have ended.",
    "已启用；原有会话和API令牌不会恢复。":
        "Re-activated; earlier sessions and API tokens stay ended.",
    "已撤销该账号的全部API令牌。": "Every API token of the account is revoked.",
    # header on narrow screens (base.html)
    "菜单": "Menu", "用户菜单": "User menu",
    # page bodies (tests/test_english_pages.py: English pages hold no Chinese but data)
    "只看本部门牵头的任务": "Only tasks my department leads",
    "查看全部任务（只读）": "All tasks (read only)",
    "进度": "Progress",
    "最近进展": "Latest progress",
    "配合：": "Supporting: ",
    "未报送": "Not reported",
    "报送进展": "Report progress",
    "进展情况": "Progress made",
    "完成比例": "Share done",
    "历次进展（{n}）": "Earlier reports ({n})",
    "本部门没有牵头的任务。": "Your department leads no task.",
    "数据未提交，请修改后重新提交：": "Nothing was submitted; correct and submit again:",
    "有 {n} 个数值格式不正确（已在表中标出）。": "{n} values are malformed (marked in the table).",
    "按指标 × 年份填报": "Report by indicator × year",
    "只需填写有变化的格子；提交后由科技局审核，审核通过的数值锁定，修改须申请更正（见下方）。":
        "Fill in only the cells that changed; the science and technology bureau reviews what yo"
        "u submit. Approved values are locked; change them by asking for a correction (below).",
    "审核中": "Under review",
    "已锁定：修改须申请更正": "Locked: ask for a correction to change it",
    "已审定": "Approved",
    "数据来源": "Source",
    "如：2023年统计公报": "e.g. 2023 statistical bulletin",
    "本部门（{department}）暂无负责填报的指标，请联系科技局分配。":
        "Your department ({department}) reports no indicator yet; ask the science and technolog"
        "y bureau to assign some.",
    "只读用户不能填报。": "Read-only accounts cannot report.",
    "已审核锁定的数值只能通过更正申请修改：须说明理由，经科技局审核通过后生效，原值保留在历史中。":
        "An approved, locked value changes only through a correction request: give a reason; it"
        " takes effect once the science and technology bureau approves it, and the old value st"
        "ays in the history.",
    "Excel 模板": "Excel template",
    "下载填报模板（.xlsx）": "Download the template (.xlsx)",
    "已填写的模板": "Filled-in template",
    "上传并提交": "Upload and submit",
    "文件中任一行有错误时整份不提交，错误逐行列出。":
        "If any row has an error nothing in the file is submitted; errors are listed row by row"
        ".",
    "全部填报": "All submissions",
    "本部门填报": "My department's submissions",
    "更正后的数值": "Corrected value",
    "暂无填报。": "No submissions yet.",
    "已提交 {n} 条，等待科技局审核。":
        "{n} submitted; awaiting review by the science and technology bureau.",
    "已撤回，填报退为草稿：可修改后重新提交。":
        "Withdrawn: the submission is a draft again; change it and resubmit.",
    "没有填写任何数值。": "No value was filled in.",
    "报送": "Submit",
    "更正后重新提交": "Resubmit corrected",
    "，基期": ", baseline",
    "{year}年约 {value}（{n}个点，{method}）": "about {value} in {year} ({n} points, {method})",
    "年均增速外推": "extrapolated average annual growth",
    "加权线性趋势外推": "weighted linear trend",
    "如：市统计局": "e.g. the city statistics bureau",
    "如：淄科字〔2023〕5号": "e.g. the approval document number",
    "指标表位于原文第 {n} 行。": "The indicator table is at line {n} of the document.",
    "正文中表述该指标目标的语句（{n} 处）：": "Sentences of the text that state this target ({n}):",
    "意见：": "Comment: ",
    # the index notes' sentences come from reports.index_report.INDEX_EN (merged below)
    "密码已修改，其他会话和全部API令牌已失效。":
        "Password changed; your other sessions and every API token have ended.",
    "令牌已撤销。": "Token revoked.",
}
"""Chinese UI text → English. Missing entries fall back to the Chinese text."""
CATALOGUE.update(translations())  # every code's labels: model.labels
CATALOGUE.update({s.label_zh: s.label_en for s in FINDING_CODES.values()})  # finding types
CATALOGUE.update({k: v for k, v in IMPORT_CATALOGUE.items() if k not in CATALOGUE})  # import
CATALOGUE.update({k: v for k, v in INDEX_EN.items() if k not in CATALOGUE})  # index report


def _catalogue_names() -> dict[str, str]:
    """The English names of the indicator catalogue and of the composite index's dimensions
    (shown on the region pages; a plan's own indicator names are data, never translated)."""
    names = {e.name_zh: e.name_en for e in load_catalog().indicators}
    framework = load_framework()
    names[framework.name_zh] = framework.name_en
    names.update({d.name_zh: d.name_en for d in framework.dimensions})
    return names


CATALOGUE.update({k: v for k, v in _catalogue_names().items() if k not in CATALOGUE})


def valid_lang(code: str | None) -> str | None:
    return code if code in LANGS else None


def lang_of(request: Request | None) -> str:
    """``?lang=`` of the URL, else the ``lang`` cookie, else Chinese."""
    if request is None:
        return DEFAULT_LANG
    return (valid_lang(request.query_params.get("lang"))
            or valid_lang(request.cookies.get(LANG_COOKIE)) or DEFAULT_LANG)


def translate(text: str, lang: str, **values: Any) -> str:
    """``text`` in ``lang`` with ``{name}`` fields filled from ``values``."""
    shown = CATALOGUE.get(text, text) if lang == "en" else text
    return shown.format(**values) if values else shown


def safe_next(target: str | None) -> str:
    """``target`` when it is a path on this site ("/plans/1?year=2023"), else "/"."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(ord(c) < 0x20 or c in "\\" for c in target):
        return "/"
    return target


def set_lang_cookie(response: Response, lang: str, secure: bool) -> None:
    """Remember ``lang`` for a year (no other state)."""
    response.set_cookie(LANG_COOKIE, lang, max_age=LANG_COOKIE_AGE, httponly=True,
                        samesite="lax", path="/", secure=secure)


def switch_url(request: Request | None, code: str) -> str:
    """The toggle link: ``/lang/{code}?next=<this page without ?lang=>``."""
    if request is None:
        return f"/lang/{code}"
    query = [(k, v) for k, v in parse_qsl(request.url.query) if k != "lang"]
    here = request.url.path + (f"?{urlencode(query)}" if query else "")
    return f"/lang/{code}?next=" + quote(here, safe="")


def _request(ctx: Any) -> Request | None:
    found = ctx.get("request")
    return found if isinstance(found, Request) else None


@pass_context
def t(ctx: Any, text: str, **values: Any) -> str:
    """Template global: the UI text ``text`` in the page's language."""
    return translate(text, lang_of(_request(ctx)), **values)


@pass_context
def code_label(ctx: Any, kind: str, code: str) -> str:
    """Template global ``label(kind, code)``: the label of a code in the page's language, from
    the one catalogue (model.labels)."""
    return label(kind, code, lang_of(_request(ctx)))


@pass_context
def page_lang(ctx: Any) -> str:
    """``zh`` or ``en``."""
    return lang_of(_request(ctx))


@pass_context
def html_lang(ctx: Any) -> str:
    """The ``<html lang>`` value: ``zh-CN`` or ``en``."""
    return HTML_LANG[lang_of(_request(ctx))]


@pass_context
def lang_url(ctx: Any, code: str) -> str:
    return switch_url(_request(ctx), code)


@pass_context
def finding_message(ctx: Any, f: Finding) -> Markup:
    """Template global ``finding_message(f)``: the message of a finding in the page's language
    (model.finding_messages); in English the data it quotes (names, quotes from the document)
    is marked as Chinese data."""
    return markup_parts(finding_parts(f, lang_of(_request(ctx))))


def markup_parts(parts: Iterable[tuple[str, bool]]) -> Markup:
    """Message pieces as HTML, each data piece in ``<span class="data" lang="zh-CN">``."""
    return Markup("").join(
        Markup('<span class="data" lang="zh-CN">{}</span>').format(text) if data
        else escape(text) for text, data in parts)


def install(env: Environment) -> None:
    """Add ``t``, ``label``, ``page_lang``, ``html_lang``, ``lang_url`` and
    ``finding_message`` to the template globals."""
    env.globals.update(t=t, label=code_label, page_lang=page_lang, html_lang=html_lang,
                       lang_url=lang_url, finding_message=finding_message)
