"""导入: upload a plan document → the extracted plan beside the source text (each row linked to
its source row) → correct any field, add or delete rows → confirm (corrections recorded and
audited by :func:`planwatch.actions.confirm_upload`), or discard the upload. The import page
lists the user's pending uploads to resume or discard and says what the last confirm stored.
The form itself is :mod:`planwatch.web.pages.import_form`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.web.api.uploads import display_name, saved_upload
from planwatch.web.deps import CurrentActor, SettingsDep, StoreDep, WritingActor
from planwatch.web.pages.common import page_router, render
from planwatch.web.pages.import_form import (
    ATTRIBUTES,
    SECTIONS,
    ReviewForm,
    corrections,
    initial_form,
    place_problems,
    submitted_form,
)
from planwatch.web.security import PLAN_SUFFIXES
from planwatch.workflow.principal import require_reviewer

router = page_router()


def _import_page(request: Request, store: Any, actor: actions.Actor, error: str | None = None,
                 status_code: int = 200) -> Response:
    confirmed = None
    plan_id = request.query_params.get("confirmed", "")
    if plan_id.isdigit():
        try:
            confirmed = actions.plan_item(store, actor, int(plan_id))
        except PlanwatchError:
            confirmed = None
    fixes = request.query_params.get("corrections", "")
    return render(request, "import.html", {
        "error": error, "pending": actions.list_uploads(store, actor), "confirmed": confirmed,
        "created": request.query_params.get("created") == "1",
        "fixes": int(fixes) if fixes.isdigit() else 0,
        "discarded": request.query_params.get("discarded") == "1"}, status_code=status_code)


@router.get("/import")
def import_form(request: Request, store: StoreDep, actor: CurrentActor) -> Response:
    require_reviewer(actor)
    return _import_page(request, store, actor)


@router.post("/import")
def upload(request: Request, store: StoreDep, settings: SettingsDep, actor: WritingActor,
           file: Annotated[UploadFile, File()]) -> Response:
    """Extract the uploaded document (kept pending until confirmed), then show it for review."""
    require_reviewer(actor)
    try:
        with saved_upload(file, PLAN_SUFFIXES, settings.max_upload_bytes) as path:
            preview = actions.preview_upload(store, actor, path, display_name(file))
    except PlanwatchError as exc:
        if getattr(exc, "code", "") == "forbidden":
            raise
        return _import_page(request, store, actor, str(exc), status_code=422)
    return RedirectResponse(f"/import/{preview.upload_id}", status_code=303)


def _review_page(request: Request, review: actions.UploadReview, form: ReviewForm,
                 status_code: int = 200) -> Response:
    return render(request, "import_review.html", {
        "p": review, "plan": review.plan, "form": form, "source": review.source,
        "sections": SECTIONS, "ATTRIBUTES": ATTRIBUTES}, status_code=status_code)


@router.get("/import/{upload_id}")
def review_upload(request: Request, upload_id: str, store: StoreDep,
                  actor: CurrentActor) -> Response:
    """A pending upload for review (also to resume one left earlier)."""
    review = actions.upload_review(store, actor, upload_id)
    return _review_page(request, review, initial_form(review.plan, review.anchors))


@router.post("/import/{upload_id}/confirm")
async def confirm(request: Request, upload_id: str, store: StoreDep,
                  actor: WritingActor) -> Response:
    """Store the reviewed plan with its corrections as a new plan version; on a refused field
    the form comes back with the message next to it and nothing stored."""
    review = actions.upload_review(store, actor, upload_id)
    form = submitted_form(review.plan, review.anchors, dict(await request.form()))
    fixes, added = corrections(form, review.plan)
    if form.problems():
        return _review_page(request, review, form, status_code=422)
    try:
        result = actions.confirm_upload(store, actor, upload_id, fixes)
    except actions.CorrectionsInvalid as exc:
        place_problems(form, exc.fields, added)
        return _review_page(request, review, form, status_code=422)
    return RedirectResponse(f"/import?confirmed={result.plan_id}&created="
                            f"{int(result.created)}&corrections={result.corrections}",
                            status_code=303)


@router.post("/import/{upload_id}/discard")
def discard(upload_id: str, store: StoreDep, actor: WritingActor) -> Response:
    """Drop a pending upload; nothing of it is stored."""
    actions.discard_upload(store, actor, upload_id)
    return RedirectResponse("/import?discarded=1", status_code=303)
