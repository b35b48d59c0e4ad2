"""Task progress reports (任务进展/调度): what a lead department reported on a plan task."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy import select

from planwatch.model.actual import TaskProgress
from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.errors import StorageError
from planwatch.storage.schema_web import TASK_STATES, task_progress
from planwatch.storage.types import utcnow


class ProgressRecord(BaseModel):
    id: int
    plan_id: int
    task_number: int
    department: str | None
    report: str
    percent: float | None
    status: str
    reported_on: date
    reported_by: str
    reported_at: datetime

    def to_progress(self) -> TaskProgress:
        return TaskProgress(task_number=self.task_number, reported_on=self.reported_on,
                            done=self.status == "done", blocked=self.status == "blocked",
                            percent=self.percent, note=self.report)


def add_progress(storage: Storage, *, plan_id: int, task_number: int, department: str | None,
                 report: str, percent: float | None, status: str, reported_on: date,
                 user: str) -> ProgressRecord:
    """Store one progress report (audited)."""
    if status not in TASK_STATES:
        raise StorageError("bad-task-status", f"未知的任务状态：{status}",
                           f"unknown task status {status}")  # fmt: skip
    if percent is not None and not 0 <= percent <= 100:
        raise StorageError("bad-percent", "完成百分比须在0到100之间",
                           "percent must be within 0..100")  # fmt: skip
    with storage.atomic() as conn:
        new_id = inserted_id(conn.execute(task_progress.insert().values(
            plan_id=plan_id, task_number=task_number, department=department, report=report,
            percent=percent, status=status, reported_on=reported_on, reported_by=user,
            reported_at=utcnow())))  # fmt: skip
        write_audit(conn, user=user, entity="task_progress", entity_id=new_id,
                    field=f"task[{task_number}]",
                    new={"status": status, "percent": percent, "report": report})
        row = conn.execute(select(task_progress).where(task_progress.c.id == new_id)).mappings()
        return ProgressRecord.model_validate(dict(row.one()))


def list_progress(storage: Storage, plan_id: int,
                  task_number: int | None = None) -> list[ProgressRecord]:
    """Progress reports of a plan (optionally one task), oldest first."""
    query = select(task_progress).where(task_progress.c.plan_id == plan_id)
    if task_number is not None:
        query = query.where(task_progress.c.task_number == task_number)
    query = query.order_by(task_progress.c.reported_on, task_progress.c.id)
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [ProgressRecord.model_validate(dict(r)) for r in rows]
