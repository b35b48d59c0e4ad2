"""Who is acting (操作人) and what each role may do."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from planwatch.catalog.names import squash_name
from planwatch.model.plan import Task
from planwatch.storage.types import Author
from planwatch.storage.users import UserRecord
from planwatch.workflow.errors import Forbidden


@dataclass(frozen=True)
class Actor:
    """A signed-in user (or the CLI / demo, acting as admin)."""

    username: str
    role: str
    department: str | None = None
    user_id: int | None = None
    department_id: int | None = None

    @classmethod
    def from_user(cls, user: UserRecord) -> Actor:
        return cls(user.username, user.role, user.department, user.id, user.department_id)

    @property
    def author(self) -> Author:
        """Who writes, for storage: the account id (None for the system) and its name."""
        return Author(self.user_id, self.username)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_reviewer(self) -> bool:
        """Reviewers (科技局) and admins review submissions and see every task."""
        return self.role in ("admin", "reviewer")

    @property
    def is_department(self) -> bool:
        return self.role == "department"


SYSTEM = Actor("cli", "admin")


def require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise Forbidden("仅管理员可执行此操作", "admin only")


def require_reviewer(actor: Actor) -> None:
    if not actor.is_reviewer:
        raise Forbidden("仅审核人或管理员可执行此操作", "reviewer or admin only")


def require_writer(actor: Actor) -> None:
    """Viewers only read."""
    if actor.role == "viewer":
        raise Forbidden("只读用户不能修改数据", "viewers cannot change data")


def leads(task: Task, departments: Mapping[str, int], department_id: int | None) -> bool:
    """True when department ``department_id`` is one of the task's lead departments (牵头单位);
    ``departments`` maps the plan's names to the department ids of the plan's region."""
    if department_id is None:
        return False
    return any(departments.get(name) == department_id for name in task.lead)


def require_task(actor: Actor, task: Task, departments: Mapping[str, int]) -> None:
    """Reviewers edit every task; a department only the tasks it leads (by department id)."""
    require_writer(actor)
    if not actor.is_reviewer and not leads(task, departments, actor.department_id):
        raise Forbidden(f"任务（{task.number}）不由本部门牵头", "not your department's task")


def require_indicator(actor: Actor, indicator: str, owner_id: int | None) -> None:
    """Reviewers edit every indicator; a department only those assigned to it (by id)."""
    require_writer(actor)
    if actor.is_reviewer:
        return
    if owner_id is None or owner_id != actor.department_id:
        raise Forbidden(f"指标“{indicator}”不属于本部门", "not your department's indicator")


def department_key(name: str | None) -> str:
    """A department name in the form stored and compared (catalog.names.squash_name: NFKC,
    no whitespace)."""
    return squash_name(name)


_norm = department_key
