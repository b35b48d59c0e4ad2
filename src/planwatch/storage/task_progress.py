"""Task progress reports (任务进展/调度): what a lead department reported on a plan task."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy import select

from planwatch.model.actual import TaskProgress
from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.schema_web import departments, task_progress
from planwatch.storage.types import Author, utcnow


class ProgressRecord(BaseModel):
    id: int
    plan_id: int
    task_number: int
    department_id: int | None = None
    department: str | None
    """Display snapshot of the department's name; ``department_id`` identifies it."""
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


def add_progress(storage: Storage, *, plan_id: int, task_number: int,
                 department_id: int | None, report: str, percent: float | None, status: str,
                 reported_on: date, by: Author) -> ProgressRecord:
    """Store one progress report filed for department ``department_id`` (its name kept as a
    snapshot), audited. The values were checked by the workflow; the table's constraints
    keep the status to the known codes."""
    with storage.atomic() as conn:
        name = None if department_id is None else conn.execute(
            select(departments.c.name).where(departments.c.id == department_id)).scalar()
        new_id = inserted_id(conn.execute(task_progress.insert().values(
            plan_id=plan_id, task_number=task_number, department_id=department_id,
            department=name, report=report, percent=percent, status=status,
            reported_on=reported_on, reported_by=by.name, reported_at=utcnow())))  # fmt: skip
        write_audit(conn, user=by, entity="task_progress", entity_id=new_id,
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
