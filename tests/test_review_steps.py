"""Review with context, withdraw and batch approve (SQLite and PostgreSQL): the queue item
carries baseline, target, last year, change %, flags and the returned value of a
resubmission; a department withdraws its own pending submission; a reviewer approves several
at once, all or none."""

from __future__ import annotations

import pytest

from planwatch import actions
from planwatch.errors import http_status
from planwatch.storage import get_actuals
from planwatch.storage.audit_log import query_audit
from planwatch.storage.submissions import get_submission
from planwatch.workflow.plausibility import ReviewPolicy
from planwatch.workflow.review_queue import review_queue, submission_for_review
from tests.web_fixtures import DEPT_A, Web, dept as dept_actor, pg_database_url, web

__all__ = ["pg_database_url", "web"]

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"  # %, 2.36 in 2020, target 2.8 by 2025
GROWTH = "研发经费投入增长"  # a rate target: 年均增长 9.5 %
PATENTS = "万人高价值发明专利拥有量"  # 件, 4.7 in 2020, target 10.2 by 2025
REVIEWER = actions.Actor("reviewer", "reviewer")


def _plan(web: Web) -> int:
    plan_id = web.store_plan(SEED)
    for name in (RD, PATENTS, GROWTH):
        actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, name, DEPT_A)
    return plan_id


def test_queue_item_carries_the_context(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    first = actions.submit_actual(web.store, dept, plan_id, RD, 2021, "2.5%")
    actions.approve_submission(web.store, REVIEWER, first.id)
    sub = actions.submit_actual(web.store, dept, plan_id, RD, 2022, "4.5 %",
                                source="2022年统计公报")
    rate = actions.submit_actual(web.store, dept, plan_id, GROWTH, 2021, 12)
    base = actions.submit_actual(web.store, dept, plan_id, PATENTS, 2021, "１２．０")
    items = {i.submission.id: i for i in review_queue(web.store, REVIEWER).items}
    c = items[sub.id].context
    assert (c.unit, c.baseline, c.baseline_year) == ("%", 2.36, 2020)
    assert (c.target, c.target_comparator, c.target_year) == (2.8, "=", 2025)
    assert c.last_year is not None and (c.last_year.year, c.last_year.value,
                                        c.last_year.origin) == (2021, 2.5, "actual")
    assert c.change_pct == pytest.approx(80.0)
    assert [f.code for f in items[sub.id].flags] == ["jump"]  # the same last year, +80 %
    assert items[sub.id].submission.source == "2022年统计公报"
    r = items[rate.id].context
    assert (r.target, r.growth_pct) == (None, 9.5)
    b = items[base.id].context
    assert b.last_year is not None and (b.last_year.value, b.last_year.origin) == (4.7,
                                                                                 "baseline")
    assert b.change_pct == pytest.approx((12 - 4.7) / 4.7 * 100)
    assert items[base.id].returned is None


def test_resubmission_shows_the_returned_value_and_comment(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    sub = actions.submit_actual(web.store, dept, plan_id, RD, 2022, 25.5)
    actions.return_submission(web.store, REVIEWER, sub.id, "单位应为%，请核对")
    actions.edit_submission(web.store, dept, sub.id, submit=True, value="2.55%")
    item = submission_for_review(web.store, REVIEWER, sub.id)
    assert item.submission.value == 2.55
    assert item.returned is not None
    assert (item.returned.value, item.returned.comment, item.returned.reviewer) == (
        25.5, "单位应为%，请核对", "reviewer")
    # returned again with another comment: the latest return is shown
    actions.return_submission(web.store, REVIEWER, sub.id, "仍需核对")
    actions.edit_submission(web.store, dept, sub.id, submit=True, value=2.6)
    [again] = review_queue(web.store, REVIEWER).items
    assert again.returned is not None
    assert (again.returned.value, again.returned.comment) == (2.55, "仍需核对")


@pytest.mark.parametrize(("typed", "value"), [("2.95%", 2.95), ("１２３．４", 123.4),
                                               ("1,500", 1500.0), ("2..5", None),
                                               (" 3.5 ", 3.5), ("－1", -1.0)])
def test_typed_values_are_read_at_the_door(web: Web, typed: str, value: float | None) -> None:
    plan_id = _plan(web)
    if value is None:
        with pytest.raises(actions.Invalid):
            actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2022, typed)
        return
    sub = actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2022, typed)
    assert sub.value == value


def test_percent_sign_refused_for_other_units(web: Web) -> None:
    plan_id = _plan(web)
    with pytest.raises(actions.Invalid) as refused:
        actions.submit_actual(web.store, dept_actor(web.store), plan_id, PATENTS, 2022, "12%")
    assert "百分号" in refused.value.zh and "件" in refused.value.zh
    with pytest.raises(actions.Invalid):
        actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2022, "1,5")
    assert actions.list_submissions(web.store, REVIEWER, plan_id) == []


def test_department_withdraws_its_pending_submission(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    sub = actions.submit_actual(web.store, dept, plan_id, RD, 2022, 2.5)
    other = dept_actor(web.store, "dept_b")
    with pytest.raises(actions.Forbidden):
        actions.withdraw_submission(web.store, other, sub.id)
    with pytest.raises(actions.Forbidden):
        actions.withdraw_submission(web.store, actions.Actor("viewer", "viewer"), sub.id)
    back = actions.withdraw_submission(web.store, dept, sub.id)
    assert (back.status, back.submitted_at) == ("draft", None)
    assert review_queue(web.store, REVIEWER).items == []
    [row] = [a for a in query_audit(web.store, entity="submission", entity_id=sub.id)
             if a.field == "status"]
    assert (row.old, row.new, row.user) == ("submitted", "draft", "dept_a")
    again = actions.withdraw_submission  # a draft is no longer pending
    with pytest.raises(actions.Conflict):
        again(web.store, dept, sub.id)
    resent = actions.edit_submission(web.store, dept, sub.id, submit=True, value="2.6")
    assert (resent.status, resent.value) == ("submitted", 2.6)
    actions.approve_submission(web.store, REVIEWER, sub.id)
    with pytest.raises(actions.Conflict):  # decided: too late
        actions.withdraw_submission(web.store, dept, sub.id)


def test_batch_approve_all(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    ids = [actions.submit_actual(web.store, dept, plan_id, RD, y, 2.4 + (y - 2021) / 10).id
           for y in (2021, 2022, 2023)]
    done = actions.approve_submissions(web.store, REVIEWER, [*ids, ids[0]], "核对无误")
    assert [d.id for d in done] == ids and {d.status for d in done} == {"approved"}
    assert sorted(a.year for a in get_actuals(web.store, plan_id)) == [2021, 2022, 2023]


def test_batch_approve_is_all_or_nothing_and_says_why(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    reviewer = dept_actor(web.store, "reviewer")
    good = actions.submit_actual(web.store, dept, plan_id, RD, 2021, 2.4)
    own = actions.submit_actual(web.store, reviewer, plan_id, RD, 2022, 2.5)
    twin = actions.submit_actual(web.store, dept, plan_id, RD, 2021, 2.45)  # same cell as good
    before = len(query_audit(web.store))
    policy = ReviewPolicy(four_eyes=True)
    with pytest.raises(actions.Conflict) as refused:
        actions.approve_submissions(web.store, reviewer, [good.id, own.id, twin.id],
                                    policy=policy)
    assert http_status(refused.value) == 409
    problems = refused.value.problems
    assert len(problems) == 2
    assert problems[0].startswith(f"#{own.id}（{RD} 2022年）") and "四眼" in problems[0]
    assert problems[1].startswith(f"#{twin.id}") and "锁定" in problems[1]
    assert get_actuals(web.store, plan_id) == []
    assert {get_submission(web.store, s.id).status for s in (good, own, twin)} == {"submitted"}
    assert len(query_audit(web.store)) == before
    with pytest.raises(actions.Invalid):
        actions.approve_submissions(web.store, reviewer, [])
    with pytest.raises(actions.Forbidden):
        actions.approve_submissions(web.store, dept, [good.id])
