"""Every workflow verb, re-exported by :mod:`planwatch.actions` (``actions.submit_actual`` …)."""

from planwatch.workflow.accounts import (
    actor_for_session,
    actor_for_token,
    add_user,
    authenticate,
    create_token,
    end_session,
    list_users,
    new_password,
    set_active,
    set_password,
    start_session,
)
from planwatch.workflow.demo import DemoResult, build_demo, has_accounts
from planwatch.workflow.detail import indicator_detail
from planwatch.workflow.errors import Conflict, Forbidden, Invalid, NotFound
from planwatch.workflow.overview import (
    plan_audit_log,
    plan_items,
    plan_overview,
    public_plan,
    regions_tree,
    set_plan_public,
)
from planwatch.workflow.principal import SYSTEM, Actor
from planwatch.workflow.submissions import (
    approve_submission,
    edit_submission,
    list_submissions,
    request_correction,
    return_submission,
    set_indicator_owner,
    submit_actual,
    submit_actuals_file,
)
from planwatch.workflow.tasks import TaskView, plan_tasks, report_progress
from planwatch.workflow.uploads import (
    ConfirmedPlan,
    Correction,
    UploadPreview,
    confirm_upload,
    preview_upload,
)

__all__ = [
    "SYSTEM",
    "Actor",
    "ConfirmedPlan",
    "Conflict",
    "Correction",
    "DemoResult",
    "Forbidden",
    "Invalid",
    "NotFound",
    "TaskView",
    "UploadPreview",
    "actor_for_session",
    "actor_for_token",
    "add_user",
    "approve_submission",
    "authenticate",
    "build_demo",
    "confirm_upload",
    "create_token",
    "edit_submission",
    "end_session",
    "has_accounts",
    "indicator_detail",
    "list_submissions",
    "list_users",
    "new_password",
    "plan_audit_log",
    "plan_items",
    "plan_overview",
    "plan_tasks",
    "preview_upload",
    "public_plan",
    "regions_tree",
    "report_progress",
    "request_correction",
    "return_submission",
    "set_active",
    "set_indicator_owner",
    "set_password",
    "set_plan_public",
    "start_session",
    "submit_actual",
    "submit_actuals_file",
]
