"""Exception hierarchy. Every error the project raises on bad input is a PlanwatchError whose
message carries Chinese and English text."""

from __future__ import annotations


class PlanwatchError(Exception):
    """Base of every error planwatch raises on purpose."""

    code = "planwatch-error"
    status = 400
    """The HTTP status the web layer answers with (see :func:`http_status`)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class ItemsRefused(PlanwatchError):
    """A refusal with one reason per item (row, submission, field): ``problems`` and the same
    list in English, ``problems_en``."""

    def __init__(self, zh: str, en: str, problems: list[str] | None = None,
                 problems_en: list[str] | None = None) -> None:
        super().__init__(zh, en)
        self.problems = problems or []
        self.problems_en = problems_en or self.problems


class Conflict(ItemsRefused):
    """The request clashes with the current state, e.g. a submission reviewed twice or a
    locked value (HTTP 409). Raised by storage and workflow alike; nothing was changed."""

    code = "conflict"
    status = 409


class Busy(PlanwatchError):
    """The database is busy (another writer holds the lock); try again shortly (HTTP 503)."""

    code = "busy"
    status = 503
    retry_after = 2


def http_status(exc: BaseException) -> int:
    """The one error → HTTP status mapping of the web layer (API and pages alike): a
    PlanwatchError's ``status``; anything else is 500."""
    if isinstance(exc, PlanwatchError):
        return int(exc.status)
    return 500


class DocumentError(PlanwatchError):
    """The input document cannot be read (unsupported, empty, damaged, encrypted, too large…)."""

    code = "document-error"

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.code = code
