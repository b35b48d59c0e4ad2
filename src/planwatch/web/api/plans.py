"""Plans: region tree, list, overview, indicator detail, visibility, responsibility, audit
trail, report download, public view, and upload → confirm."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel

from planwatch import actions
from planwatch.web.api.paging import Page
from planwatch.web.api.types import Comment
from planwatch.web.api.uploads import display_name, saved_upload
from planwatch.web.deps import (
    CurrentActor,
    OptionalActor,
    SettingsDep,
    StoreDep,
    WritingActor,
)
from planwatch.web.downloads import attachment
from planwatch.web.security import PLAN_SUFFIXES
from planwatch.workflow.overview import overview_json
from planwatch.workflow.views import (
    IndicatorDetail,
    PlanAudit,
    PlanItem,
    PlanOverview,
    RegionNode,
)

router = APIRouter(tags=["plans"])
Year = Annotated[int | None, Query(ge=1949, le=2100, description="评估年份 (default: latest)")]
MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


class PublicIn(BaseModel):
    public: bool


class OwnerIn(BaseModel):
    department: str | None = None
    """A department of the plan's region by name (``市科技局`` in a 日照 plan: 日照市科技局)."""
    department_id: int | None = None
    """A department of the plan's region by id (``GET /departments``); wins over the name."""


class ConfirmIn(BaseModel):
    corrections: list[actions.Correction] = []


@router.get("/regions", response_model=list[RegionNode])
def regions(store: StoreDep, actor: OptionalActor) -> list[RegionNode]:
    """Region tree with the plans the caller may see (anonymous: public plans)."""
    return actions.regions_tree(store, actor)


@router.get("/plans", response_model=list[PlanItem])
def plans(store: StoreDep, actor: OptionalActor, page: Page, response: Response,
          archived: Annotated[bool, Query()] = False) -> list[PlanItem]:
    """Plans the caller may see (anonymous: public ones); archived plans are left out
    (``archived=true``: only those, reviewers). One page; total in ``X-Total-Count``."""
    return page.page(actions.plan_items(store, actor, archived=archived), response)


class ArchiveIn(BaseModel):
    reason: Comment


class ArchiveOut(BaseModel):
    plan_id: int
    archived_by: str
    archived_at: datetime
    reason: str


@router.post("/plans/{plan_id}/archive", response_model=ArchiveOut, status_code=201)
def archive(plan_id: int, body: ArchiveIn, store: StoreDep, actor: WritingActor) -> ArchiveOut:
    """Archive a plan (admin): gone from lists, the region tree and the public page, readable
    by id for reviewers; audited with the reason. 409 when already archived."""
    record = actions.archive_plan(store, actor, plan_id, body.reason)
    return ArchiveOut.model_validate(record.model_dump())


@router.get("/plans/{plan_id}/archive", response_model=ArchiveOut | None)
def archive_state(plan_id: int, store: StoreDep, actor: CurrentActor) -> ArchiveOut | None:
    """Who archived the plan, when and why (null when it is not archived); reviewers."""
    record = actions.plan_archive_state(store, actor, plan_id)
    return None if record is None else ArchiveOut.model_validate(record.model_dump())


@router.post("/plans/{plan_id}/unarchive", status_code=204)
def unarchive(plan_id: int, body: ArchiveIn, store: StoreDep, actor: WritingActor) -> None:
    """Bring an archived plan back (admin); audited with the reason. 409 when not archived."""
    actions.unarchive_plan(store, actor, plan_id, body.reason)


def _json(data: bytes) -> Response:
    return Response(data, media_type="application/json")


@router.get("/plans/{plan_id}/overview", response_model=PlanOverview)
def overview(plan_id: int, store: StoreDep, actor: CurrentActor, year: Year = None
             ) -> Response:
    """Verdict counts, warnings, indicators with statuses and series, findings, tasks.
    (Served from the overview cache as bytes serialised once per data revision.)"""
    return _json(overview_json(store, actor, plan_id, year))


@router.get("/plans/{plan_id}/indicators/{index}", response_model=IndicatorDetail)
def indicator(plan_id: int, index: int, store: StoreDep, actor: CurrentActor,
              year: Year = None) -> IndicatorDetail:
    """Series, planned path, projection, revisions and source of one indicator."""
    return actions.indicator_detail(store, actor, plan_id, index, year)


@router.put("/plans/{plan_id}/public", status_code=204)
def set_public(plan_id: int, body: PublicIn, store: StoreDep, actor: WritingActor) -> None:
    actions.set_plan_public(store, actor, plan_id, body.public)


@router.put("/plans/{plan_id}/indicators/{index}/owner", status_code=204)
def set_owner(plan_id: int, index: int, body: OwnerIn, store: StoreDep,
              actor: WritingActor) -> None:
    """Assign the department responsible for an indicator (reviewer / admin)."""
    detail = actions.indicator_detail(store, actor, plan_id, index)
    department = body.department_id if body.department_id is not None else body.department
    actions.set_indicator_owner(store, actor, plan_id, detail.status.name, department)


@router.get("/plans/{plan_id}/audit", response_model=PlanAudit)
def audit_log(plan_id: int, store: StoreDep, actor: CurrentActor) -> PlanAudit:
    """The plan's audit trail (reviewer / admin)."""
    return actions.plan_audit_log(store, actor, plan_id)


@router.get("/plans/{plan_id}/report", response_class=Response,
            responses={200: {"content": {m: {} for m in MEDIA.values()}}})
def report(plan_id: int, store: StoreDep, actor: CurrentActor,
           year: Annotated[int, Query(ge=1949, le=2100)],
           format: Annotated[str, Query(pattern="^(docx|xlsx|html|md)$")] = "docx",
           kind: Annotated[str, Query(pattern="^(auto|annual|midterm|final)$",
                                      description="年度监测/中期评估/总结评估 (default: by "
                                                  "the period)")] = "auto",
           issuer: Annotated[str | None, Query(max_length=100, description="落款单位")] = None,
           issued_on: Annotated[date | None, Query(description="成文日期")] = None,
           suggestions: Annotated[str | None, Query(max_length=20_000,
                                                    description="下一步工作建议")] = None,
           lang: Annotated[str, Query(pattern="^(zh|en)$",
                                      description="report language: zh (default) or en; "
                                                  "data stays as written")] = "zh",
           ) -> Response:
    """The evaluation report (年度监测/中期评估/总结评估报告) of ``year`` as a download named
    by its title, in Chinese or English (``lang``)."""
    options = report_options(kind, issuer, issued_on, suggestions, lang)
    return report_response(actions.report_file(store, actor, plan_id, year, format, options),
                           plan_id, year, format)


def report_options(kind: str, issuer: str | None, issued_on: date | None,
                   suggestions: str | None, lang: str = "zh") -> actions.ReportOptions:
    return actions.ReportOptions(kind=actions.report_kind_code(kind),
                                 issuer=(issuer or "").strip() or None, issued_on=issued_on,
                                 suggestions=suggestions, lang=actions.report_lang(lang))


def report_response(file: actions.ReportFile, plan_id: int, year: int, fmt: str) -> Response:
    """The report as an attachment: its title as the file name, plan-ID-YEAR as the ASCII
    fallback."""
    return Response(file.data, media_type=MEDIA[fmt], headers={
        "Content-Disposition": attachment(file.name, f"plan-{plan_id}-{year}.{fmt}")})


@router.get("/public/plans/{plan_id}", response_model=PlanOverview)
def public_plan(plan_id: int, store: StoreDep, year: Year = None) -> Response:
    """The public view of a plan marked public (no sign-in, nothing internal)."""
    return _json(overview_json(store, None, plan_id, year))


@router.post("/uploads", response_model=actions.UploadPreview, status_code=201)
def upload(file: Annotated[UploadFile, File()], store: StoreDep, settings: SettingsDep,
           actor: WritingActor) -> actions.UploadPreview:
    """Extract an uploaded plan document; the result is not stored until confirmed."""
    with saved_upload(file, PLAN_SUFFIXES, settings.max_upload_bytes) as path:
        return actions.preview_upload(store, actor, path, display_name(file))


@router.post("/uploads/{upload_id}/confirm", response_model=actions.ConfirmedPlan,
             status_code=201)
def confirm(upload_id: str, body: ConfirmIn, store: StoreDep,
            actor: WritingActor) -> actions.ConfirmedPlan:
    """Store the upload with the reviewer's corrections as a new plan version."""
    return actions.confirm_upload(store, actor, upload_id, body.corrections)


@router.get("/uploads", response_model=list[actions.PendingSummary])
def my_uploads(store: StoreDep, actor: CurrentActor) -> list[actions.PendingSummary]:
    """The caller's uploads awaiting confirmation (kept a day), newest first."""
    return actions.list_uploads(store, actor)


@router.get("/uploads/{upload_id}", response_model=actions.UploadReview)
def upload_review(upload_id: str, store: StoreDep, actor: CurrentActor) -> actions.UploadReview:
    """A pending upload of the caller: the extracted plan, the document as rows and the source
    row of every extracted row (to resume a review)."""
    return actions.upload_review(store, actor, upload_id)


@router.delete("/uploads/{upload_id}", status_code=204)
def discard_upload(upload_id: str, store: StoreDep, actor: WritingActor) -> Response:
    """Discard a pending upload of the caller; nothing of it is stored."""
    actions.discard_upload(store, actor, upload_id)
    return Response(status_code=204)
