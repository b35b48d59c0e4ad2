"""Errors raised by the storage layer (存储层错误)."""

from __future__ import annotations

from planwatch.errors import PlanwatchError
from planwatch.model.findings import Finding


class StorageError(PlanwatchError):
    """A storage operation was refused; nothing was saved."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.code = code
        self.status = 404 if code.startswith("unknown-") else 409


class RowsRejected(StorageError):
    """A batch (e.g. of actuals) was refused as a whole; ``problems`` says why, row by row.

    ``Finding.line`` is the 1-based position of the row in the submitted batch.
    """

    def __init__(self, problems: list[Finding]) -> None:
        super().__init__(
            "rows-rejected",
            f"数据未保存：{len(problems)} 行有问题",
            f"nothing saved: {len(problems)} row problem(s)",
        )
        self.problems = problems
        self.status = 422
