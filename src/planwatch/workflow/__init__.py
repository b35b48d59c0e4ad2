"""The multi-user workflow (账号、填报审核、任务进展、上传确认): service functions shared by the web
pages, the JSON API and the CLI. Every permission rule is enforced here, not in the routes.
No web or CLI imports."""

from planwatch.workflow.errors import Conflict, Forbidden, Invalid, NotFound
from planwatch.workflow.principal import SYSTEM, Actor

__all__ = ["SYSTEM", "Actor", "Conflict", "Forbidden", "Invalid", "NotFound"]
