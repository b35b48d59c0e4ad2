"""English of the import pages (导入规划, 核对抽取结果), merged into
:data:`planwatch.web.i18n.CATALOGUE` (kept apart so that it can grow without touching the shared
catalogue; tests/test_import_review.py checks it agrees with that catalogue)."""

from __future__ import annotations

IMPORT_CATALOGUE: dict[str, str] = {
    # import page
    "上传规划文本 → 核对抽取结果（与原文逐行对照）→ 更正 → 确认入库。更正内容留痕审计。":
        "Upload a plan document → check what was extracted (side by side with the text) → "
        "correct it → confirm. Every correction is audited.",
    "规划文件（.txt .md .html .docx .pdf）": "Plan document (.txt .md .html .docx .pdf)",
    "上传并抽取": "Upload and extract", "待确认的上传": "Uploads awaiting confirmation",
    "文件": "File", "上传时间": "Uploaded", "操作": "Actions", "继续核对": "Resume",
    "放弃": "Discard", "未确认的上传保留一天，之后自动删除。":
        "Unconfirmed uploads are kept for a day, then deleted.",
    "没有待确认的上传。": "No uploads awaiting confirmation.",
    "已确认入库：": "Confirmed and stored: ", "新建规划": "new plan", "新版本": "new version",
    "，更正{n}处": ", {n} corrections",
    "已放弃该上传，未入库任何内容。": "Upload discarded; nothing was stored.",
    # review page
    "核对抽取结果": "Check the extraction", "文件：": "File: ", "上传于": "uploaded",
    "指标 {n} 项": "{n} indicators", "目标 {n} 条": "{n} targets", "任务 {n} 项": "{n} tasks",
    "发现 {n} 条": "{n} findings", "返回导入页": "Back to import",
    "有{n}处需要修改，尚未入库（已填写的内容保留在下方）。":
        "{n} fields need changing; nothing was stored (what you typed is kept below).",
    "抽取与审核发现（确认前请核对）": "Extraction and audit findings (check before confirming)",
    "基本信息": "Plan facts", "标题": "Title", "规划期起": "Period from",
    "规划期止": "Period to", "指标表": "Indicator table", "正文目标": "Targets in the text",
    "任务分工": "Task assignments", "{n}行": "{n} rows", "序号": "No.", "删除": "Delete",
    "移除": "Remove", "新": "new", "定位": "Show", "在原文中定位": "Show in the source text",
    "添加指标": "Add an indicator", "添加目标": "Add a target", "添加任务": "Add a task",
    "未识别到正文目标。": "No targets were recognised in the text.",
    "单位": "Unit", "基期年": "Base year", "年均增速(%)": "Annual growth (%)",
    "对象": "Subject", "任务": "Task", "牵头单位": "Lead", "配合单位": "Support",
    "时限": "Deadline", "预期性": "Expected", "约束性": "Binding",
    "多个单位用、分隔": "separate departments with 、",
    "确认入库": "Confirm and store", "放弃此上传": "Discard this upload",
    "数值可写作 ≥3.2、≤10、约5 或 35–40；清空表示无此项。修改过的字段以黄色标出；"
    "确认后每处更正（字段、原值、新值、操作人、时间）记入审计日志。":
        "Values may be written ≥3.2, ≤10, ~5 (about 5) or 35–40; an emptied field means no "
        "value. Changed fields are marked yellow; on confirming, every correction (field, old "
        "and new value, who, when) goes to the audit log.",
    "原文不可用。": "The source text is not available.",
}
"""Chinese UI text of the import pages → English."""
