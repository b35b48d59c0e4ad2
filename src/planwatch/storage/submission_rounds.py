"""The last return of a submission (上次退回): the value it held when a reviewer returned it and
the reviewer's comment — read from the audit log, which records every field a submission's
transitions change, so that a resubmission can be shown beside what was returned."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select

from planwatch.storage.engine import Storage
from planwatch.storage.schema import audit_log

_FIELDS = ("created", "value", "comment", "status")


class ReturnedRound(BaseModel):
    """A submission as a reviewer returned it: its value then, the comment and who/when."""

    value: float
    comment: str | None
    reviewer: str
    returned_at: datetime


class _Walk:
    """One submission's audit rows replayed in order."""

    def __init__(self) -> None:
        self.value: float | None = None
        self.comment: str | None = None
        self.open = False
        self.last: ReturnedRound | None = None

    def step(self, field: str, new: Any, user: str, at: datetime) -> None:
        if field == "created" and isinstance(new, dict):
            self.value = new.get("value")
        elif field == "value":
            self.value = new
        elif field == "comment":
            self.comment = new
            if self.open and self.last is not None:
                self.last = self.last.model_copy(update={"comment": new})
        elif field == "status":
            self.open = new == "returned" and self.value is not None
            if self.open and self.value is not None:
                self.last = ReturnedRound(value=self.value, comment=self.comment,
                                          reviewer=user, returned_at=at)


def last_returns(storage: Storage, submission_ids: Sequence[int]) -> dict[int, ReturnedRound]:
    """Submission id → its last return, for those of ``submission_ids`` ever returned (one
    query)."""
    if not submission_ids:
        return {}
    query = (select(audit_log.c.entity_id, audit_log.c.field, audit_log.c.new_value,
                    audit_log.c.user_name, audit_log.c.at)
             .where(audit_log.c.entity == "submission",
                    audit_log.c.entity_id.in_(list(submission_ids)),
                    audit_log.c.field.in_(_FIELDS))
             .order_by(audit_log.c.id))
    walks: dict[int, _Walk] = {}
    with storage.reading() as conn:
        for row in conn.execute(query):
            new = None if row.new_value is None else json.loads(row.new_value)
            walks.setdefault(int(row.entity_id), _Walk()).step(row.field, new, row.user_name,
                                                               row.at)
    return {sid: w.last for sid, w in walks.items() if w.last is not None}
