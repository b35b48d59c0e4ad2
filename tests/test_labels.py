"""One catalogue of stable English codes and their zh/en labels (model.labels)."""

from __future__ import annotations

from planwatch.model.evaluation import ScheduleStatus, TaskState, TrendStatus
from planwatch.model.labels import (
    CATALOGUES,
    VERDICT_LABELS,
    VERDICT_OF_SCHEDULE,
    VerdictCode,
    label,
    verdict_code,
)
from planwatch.reports.build import VERDICT_ORDER
from planwatch.web.i18n import translate


def test_every_status_has_a_code_and_both_labels() -> None:
    assert set(VERDICT_OF_SCHEDULE) == set(ScheduleStatus)
    for status, code in VERDICT_OF_SCHEDULE.items():
        assert label("verdict", code) == status.value  # the Chinese verdict is the label
    assert set(VERDICT_LABELS) == set(VerdictCode)
    assert {str(s) for s in TrendStatus} <= set(CATALOGUES["trend"])
    assert {str(s) for s in TaskState} <= set(CATALOGUES["task_state"])
    for kind, cat in CATALOGUES.items():
        for code, (zh, en) in cat.items():
            assert code.isascii() and code == code.lower() and " " not in code, (kind, code)
            assert zh and en and not zh.isascii() and en.isascii(), (kind, code)
        assert len({en for _, en in cat.values()}) == len(cat), kind


def test_verdict_code_of_rows_without_a_status() -> None:
    assert verdict_code(None, has_actual=False, base_only=False) is VerdictCode.NO_DATA
    assert verdict_code(None, has_actual=True, base_only=True) is VerdictCode.NO_DATA
    assert verdict_code(None, has_actual=True, base_only=False) is VerdictCode.NOT_EVALUABLE
    assert verdict_code(ScheduleStatus.BEHIND, has_actual=True, base_only=False) is (
        VerdictCode.BEHIND)


def test_pages_and_reports_use_the_catalogue() -> None:
    for kind, cat in CATALOGUES.items():
        for code, (zh, en) in cat.items():
            assert translate(zh, "en") == en, (kind, code)
            assert label(kind, code, "en") == en
    assert set(VERDICT_ORDER) == {zh for zh, _ in VERDICT_LABELS.values()}
