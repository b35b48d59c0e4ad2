"""A new version of a plan keeps its 动态调整 (issue 9 follow-up): re-importing a corrected
document must not silently undo an authorised target revision. SQLite and PostgreSQL."""

from __future__ import annotations

from planwatch.model.plan import Indicator, Meta, Plan, Target
from planwatch.storage import Storage, import_plan, list_revisions
from planwatch.storage.plans import latest_plan
from planwatch.storage.region_reads import version_rows
from planwatch.storage.revisions import list_targets, revise_latest_target
from planwatch.storage.types import as_author
from tests.storage_fixtures import backend_url, db_url, pg_database_url, storage  # noqa: F401

OFFICIAL = as_author("规划科")


def _plan(rd_target: float = 2.8, firms_target: float = 300, note: str = "") -> Plan:
    return Plan(doc="plan.txt", meta=Meta(
        title="某市“十四五”科技创新规划（测试）", region="某市", region_level="city",
        doc_type="plan", period_start=2021, period_end=2025), indicators=[
        Indicator(name="研发经费投入强度", unit="%", baseline_year=2020, baseline=2.1,
                  target_year=2025, target=rd_target, attribute="约束性", line=3),
        Indicator(name="高新技术企业数", unit="家", baseline_year=2020, baseline=120,
                  target_year=2025, target=firms_target, line=4),
    ], targets=[Target(subject="省级重点实验室数" + note, value=30, unit="家", year=2025,
                       comparator=">=", quote="……", line=40)])


def _revise(store: Storage, plan_id: int, position: int, value: float,
            origin: str = "indicator") -> None:
    done = revise_latest_target(store, plan_id, origin=origin, position=position,
                                new_value=value, new_year=None, reason="中期评估后调整",
                                document="某科发〔2023〕5号", by=OFFICIAL)
    assert done is not None


def test_a_new_version_keeps_the_revisions_its_document_does_not_touch(
        storage: Storage) -> None:  # noqa: F811
    first = import_plan(storage, _plan(), "plan.txt", None, "导入")
    _revise(storage, first.plan_id, 0, 3.0)  # 研发经费投入强度 2.8 → 3.0
    _revise(storage, first.plan_id, 1, 350)  # 高新技术企业数 300 → 350
    _revise(storage, first.plan_id, 0, 35, origin="prose")  # 省级重点实验室数 30 → 35
    # the corrected document: 高新技术企业数 now printed as 320; the rest as before
    second = import_plan(storage, _plan(firms_target=320, note=""), "plan-v2.txt", None, "导入")
    assert second.created and second.version_id != first.version_id
    rows = {(t.origin, t.subject): t for t in list_targets(storage, second.version_id)}
    rd, firms = rows[("indicator", "研发经费投入强度")], rows[("indicator", "高新技术企业数")]
    lab = rows[("prose", "省级重点实验室数")]
    assert (rd.value, rd.original_value) == (3.0, 2.8)  # carried: the document did not change it
    assert (lab.value, lab.original_value) == (35, 30)
    assert (firms.value, firms.original_value) == (320, 320)  # the new document prevails
    carried = list_revisions(storage, version_id=second.version_id)
    assert len(carried) == 2
    assert {(r.reason, r.document) for r in carried} == {
        ("沿用第1版的动态调整：中期评估后调整", "某科发〔2023〕5号")}
    plan = latest_plan(storage, first.plan_id)
    assert plan is not None and plan.indicators[0].target == 3.0
    assert plan.indicators[1].target == 320
    # the stored evaluation rows follow (the dashboards read them)
    stored = version_rows(storage, [second.version_id])[second.version_id]
    assert [r.target for r in stored if r.name == "研发经费投入强度"] == [3.0]


def test_a_version_without_revisions_and_a_renamed_target_carry_nothing(
        storage: Storage) -> None:  # noqa: F811
    first = import_plan(storage, _plan(), "plan.txt", None, "导入")
    _revise(storage, first.plan_id, 0, 35, origin="prose")
    second = import_plan(storage, _plan(note="（新建）"), "plan-v2.txt", None, "导入")
    assert list_revisions(storage, version_id=second.version_id) == []
    third = import_plan(storage, _plan(rd_target=2.9, note="（新建）"), "plan-v3.txt", None, "导入")
    assert list_revisions(storage, version_id=third.version_id) == []
