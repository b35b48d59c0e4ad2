"""Rules documents (条例/办法/规定/细则/指引): regulation, no targets or tasks, not imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.extract.meta import classify, interpreted_type
from planwatch.storage import open_storage

RULES_TEXT = """广东省科技计划项目资助管理办法（试行）

第一条 为规范省科技计划项目资助管理，制定本办法。
第二条 申报单位注册资本不低于500万元，上年度营业收入不少于2000万元。
第三条 单个项目资助额度不超过300万元，到2025年资助项目不少于100项。
第四条 违反本办法的，处10万元以上50万元以下罚款。
"""


@pytest.mark.parametrize(("title", "expected"), [
    ("广东省科学技术奖励办法", "regulation"),
    ("国家科学技术奖励条例（国务院令第731号第三次修订）", "regulation"),
    ("广东省自然科学基金及联合基金项目管理实施细则", "regulation"),
    ("科学技术活动评审工作中请托行为处理规定（试行）", "regulation"),
    ("广东省高校和科研事业单位职务科技成果转化尽职免责认定工作指引（试行）", "regulation"),
    ("关于“十四五”期间支持科普事业发展进口税收政策管理办法的通知", "regulation"),
    ("广东省科学技术厅关于修订《省科技计划项目结题管理的实施细则（试行）》的通知", "regulation"),
    ("广东省科学技术厅关于进一步鼓励和规范社会力量设立科学技术奖的实施意见（试行）",
     "implementation_opinion"),
    ("关于进一步促进科技创新的若干政策措施", "implementation_opinion"),
])
def test_rules_titles(title: str, expected: str) -> None:
    assert classify(title) == expected


def test_interpretation_of_rules_is_regulation() -> None:
    assert interpreted_type(["政策解读：《广东省省级科技计划项目验收管理办法》政策解读"]) == \
        (True, "regulation")
    assert interpreted_type(["政策解读：《广东省培育未来材料产业集群行动计划》政策解读"]) == \
        (True, "implementation_opinion")
    qa = ("政策解读：广东省外籍和港澳台高层次人才认定工作政策解答（2017年5月4日"
          "首次发布）为推动…认定工作顺利进行，…作出解答。")
    assert interpreted_type([qa]) == (True, "regulation")
    guide = "政策解读：制造业企业研发费用加计扣除税收优惠政策指引"
    assert interpreted_type([guide]) == (True, "regulation")
    assert interpreted_type(["政策解读：广东如何建设高企强省"]) == (True, None)
    # a 解读 naming no document is no implementation opinion, even if its headline ends in 政策
    assert interpreted_type(["政策解读：技术合同政策"]) == (True, None)
    wrapped = ("权威解读：《广东省人民政府关于印发广东省省级高新技术产业开发区管理办法"
               "的通知》政策解读")
    assert interpreted_type([wrapped]) == (True, "regulation")
    assert interpreted_type(["广东省科技创新规划"]) == (False, None)


def test_rules_document_extracts_no_targets_and_is_not_imported(tmp_path: Path) -> None:
    path = tmp_path / "rules.txt"
    path.write_text(RULES_TEXT, encoding="utf-8")
    plan = actions.extract_file(path)
    assert plan.meta.doc_type == "regulation"
    assert plan.targets == [] and plan.tasks == []
    assert "regulation" in {f.code for f in plan.findings}
    store = open_storage(f"sqlite:///{tmp_path / 'pw.db'}")
    with pytest.raises(PlanwatchError) as err:
        actions.import_plan_file(store, path)
    assert "不是规划" in err.value.zh and "not a plan" in err.value.en
