"""One catalogue of stable English codes and their zh/en labels (model.labels)."""

from __future__ import annotations

import re

from planwatch.model.codes import ActualKind, ProgressStatus, Role, SubmissionKind, SubmissionStatus
from planwatch.model.evaluation import ScheduleStatus, TaskState, TrendStatus
from planwatch.model.findings import Severity
from planwatch.model.labels import (
    CATALOGUES,
    CODES,
    VERDICT_LABELS,
    VERDICT_OF_SCHEDULE,
    VerdictCode,
    label,
    labels,
    verdict_code,
)
from planwatch.reports.build import VERDICT_ORDER
from planwatch.storage.schema_web import ROLES, SUBMISSION_KINDS, SUBMISSION_STATES, TASK_STATES
from planwatch.web.i18n import translate

CODE = re.compile(r"^[a-z][a-z_]*$")


def test_every_enum_member_has_a_zh_and_an_en_label() -> None:
    enums = {"verdict": VerdictCode, "trend": TrendStatus, "task_state": TaskState,
             "role": Role, "submission_status": SubmissionStatus,
             "submission_kind": SubmissionKind, "actual_status": ActualKind,
             "severity": Severity}
    for kind, enum in enums.items():
        assert set(CODES[kind]) == {str(m) for m in enum}, kind
    assert set(CODES) == set(CATALOGUES)
    for kind, codes in CODES.items():
        assert set(CATALOGUES[kind]) == set(codes), kind  # no member without, no label without
        for code in codes:
            zh, en = CATALOGUES[kind][code]
            assert CODE.match(code), (kind, code)
            assert zh and en and not zh.isascii() and en.isascii(), (kind, code)
            assert label(kind, code) == zh and label(kind, code, "en") == en
        assert len({en for _, en in CATALOGUES[kind].values()}) == len(codes), kind
        assert len({zh for zh, _ in CATALOGUES[kind].values()}) == len(codes), kind


def test_schedule_statuses_are_codes_not_chinese() -> None:
    assert {s.value for s in ScheduleStatus} <= {v.value for v in VerdictCode}
    for status, code in VERDICT_OF_SCHEDULE.items():
        assert status.value == code.value and CODE.match(status.value)
    assert set(VERDICT_OF_SCHEDULE) == set(ScheduleStatus)
    assert label("verdict", ScheduleStatus.ON_TRACK) == "基本符合预期"
    assert label("verdict", ScheduleStatus.REGRESSING, "en") == "Regressing"


def test_database_codes_are_the_catalogue_codes() -> None:
    assert set(ROLES) == set(CODES["role"])
    assert set(SUBMISSION_STATES) == set(CODES["submission_status"])
    assert set(SUBMISSION_KINDS) == set(CODES["submission_kind"])
    assert set(TASK_STATES) == {str(s) for s in ProgressStatus} <= set(CODES["task_state"])


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
    assert set(VERDICT_ORDER) == set(VERDICT_LABELS) == set(VerdictCode)
    assert labels("role", "en")["viewer"] == "Read-only user"
