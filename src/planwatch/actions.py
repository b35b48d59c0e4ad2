"""The verbs every front end (CLI, web) calls. No click or web imports here."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from planwatch.errors import PlanwatchError
from planwatch.extract.files import (
    extract_file as extract_file,
    has_plan_content as has_plan_content,
)
from planwatch.model.actual import Actual
from planwatch.model.codes import ReportKind
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Plan
from planwatch.parse import SUPPORTED_SUFFIXES
from planwatch.reports.document import (
    ReportDocument as ReportDocument,
    ReportOptions as ReportOptions,
)
from planwatch.workflow.verbs import (  # the workflow verbs, re-exported by name
    ROLES as ROLES,
    SYSTEM as SYSTEM,
    Actor as Actor,
    ConfirmedPlan as ConfirmedPlan,
    Conflict as Conflict,
    Correction as Correction,
    CorrectionsInvalid as CorrectionsInvalid,
    DemoResult as DemoResult,
    FieldProblem as FieldProblem,
    Forbidden as Forbidden,
    HistoryPage as HistoryPage,
    HomeSummary as HomeSummary,
    Invalid as Invalid,
    LifeResult as LifeResult,
    LivingDemo as LivingDemo,
    NotFound as NotFound,
    PendingSummary as PendingSummary,
    PlanDiff as PlanDiff,
    PlanQuery as PlanQuery,
    RevisionResult as RevisionResult,
    TaskFilter as TaskFilter,
    TaskView as TaskView,
    UploadPreview as UploadPreview,
    UploadReview as UploadReview,
    actor_for_session as actor_for_session,
    actor_for_token as actor_for_token,
    add_user as add_user,
    approve_submission as approve_submission,
    approve_submissions as approve_submissions,
    archive_confirmation as archive_confirmation,
    archive_plan as archive_plan,
    archived_plan_page as archived_plan_page,
    authenticate as authenticate,
    build_demo as build_demo,
    build_living_demo as build_living_demo,
    check_password as check_password,
    check_role as check_role,
    cli_actor as cli_actor,
    compare_regions as compare_regions,
    confirm_upload as confirm_upload,
    create_token as create_token,
    discard_upload as discard_upload,
    edit_account as edit_account,
    edit_submission as edit_submission,
    end_session as end_session,
    find_region as find_region,
    get_account as get_account,
    has_accounts as has_accounts,
    history_authors as history_authors,
    history_filter as history_filter,
    home_summary as home_summary,
    housekeeping as housekeeping,
    indicator_detail as indicator_detail,
    list_departments as list_departments,
    list_submissions as list_submissions,
    list_tokens as list_tokens,
    list_uploads as list_uploads,
    list_users as list_users,
    managed_account as managed_account,
    new_password as new_password,
    page_submissions as page_submissions,
    plan_archive_state as plan_archive_state,
    plan_audit_log as plan_audit_log,
    plan_diff as plan_diff,
    plan_history as plan_history,
    plan_item as plan_item,
    plan_items as plan_items,
    plan_overview as plan_overview,
    plan_page as plan_page,
    plan_periods as plan_periods,
    plan_tasks as plan_tasks,
    plan_versions as plan_versions,
    preview_upload as preview_upload,
    public_plan as public_plan,
    region_cascade as region_cascade,
    region_dashboard as region_dashboard,
    region_index as region_index,
    region_options as region_options,
    region_plan_page as region_plan_page,
    regions_tree as regions_tree,
    report_progress as report_progress,
    request_correction as request_correction,
    reset_password as reset_password,
    return_submission as return_submission,
    revise_indicator_target as revise_indicator_target,
    revise_plan_target as revise_plan_target,
    revised_targets as revised_targets,
    revoke_tokens as revoke_tokens,
    set_active as set_active,
    set_department as set_department,
    set_display_name as set_display_name,
    set_indicator_owner as set_indicator_owner,
    set_password as set_password,
    set_plan_public as set_plan_public,
    set_role as set_role,
    start_session as start_session,
    submission_page as submission_page,
    submit_actual as submit_actual,
    submit_actuals_file as submit_actuals_file,
    task_lead_names as task_lead_names,
    token_page as token_page,
    unarchive_plan as unarchive_plan,
    upload_review as upload_review,
    user_page as user_page,
    withdraw_submission as withdraw_submission,
)

if TYPE_CHECKING:
    from planwatch.storage import Storage
    from planwatch.storage.regions import RegionRecord
    from planwatch.storage.types import Author


@dataclass
class ExtractOutcome:
    """The result of extracting one file: a plan, or a one-line bilingual error."""

    path: Path
    plan: Plan | None = None
    error: str | None = None
    error_code: str | None = None


def _safe_extract(path: Path) -> ExtractOutcome:
    try:
        return ExtractOutcome(path, plan=extract_file(path))
    except PlanwatchError as exc:
        return ExtractOutcome(path, error=str(exc), error_code=getattr(exc, "code", None))
    except RecursionError:
        return ExtractOutcome(path, error="文档结构过深 / document nesting too deep",
                              error_code="too-deep")
    except MemoryError:
        return ExtractOutcome(path, error="文档过大，内存不足 / out of memory",
                              error_code="too-large")


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside directories (sorted, recursive)."""
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(p)
    return out


def extract_many(paths: list[Path], workers: int = 1) -> Iterator[ExtractOutcome]:
    """Extract many files, in parallel processes when workers > 1; yields in completion order."""
    if workers <= 1 or len(paths) <= 1:
        yield from map(_safe_extract, paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_safe_extract, paths, chunksize=4)


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=1)


def write_plan(plan: Plan, out_dir: Path, stem: str, fmt: str = "json") -> Path:
    """Write a plan as <stem>.json or <stem>.md; the file appears whole or not at all."""
    from planwatch.render_md import plan_to_markdown

    text = plan_to_json(plan) if fmt == "json" else plan_to_markdown(plan)
    target = out_dir / f"{stem}.{fmt}"
    return write_whole(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_whole(target: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file next to ``target``, then move it into place: the
    file appears whole or not at all. An unwritable place raises a bilingual PlanwatchError."""
    tmp = target.with_name(f".{target.stem}.{os.getpid()}.tmp{target.suffix}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        tmp.replace(target)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.filename and str(exc.filename) != str(target):
            reason = f"{reason}: {exc.filename}"
        raise PlanwatchError(f"无法写入文件：{target}（{reason}）",
                             f"cannot write {target}: {reason}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return target


def summarize(plan: Plan) -> str:
    """One-line bilingual summary of an extracted plan."""
    m = plan.meta
    return (
        f"{m.title or '(无标题)'} | 指标 indicators {len(plan.indicators)} · "
        f"上期完成 prior {len(plan.prior_results)} · 目标 targets {len(plan.targets)} · "
        f"任务 tasks {len(plan.tasks)} · 项目 projects {len(plan.projects)} · "
        f"发现 findings {len(plan.findings)}"
    )


# ---------------------------------------------------------------------------------------------
# Monitoring verbs: store plans, take in actuals, audit, evaluate, report, compare.
# ---------------------------------------------------------------------------------------------


def open_store(url: str | None = None) -> Storage:
    """Open (and migrate) the database at ``url`` or the configured default."""
    from sqlalchemy.exc import SQLAlchemyError

    from planwatch.settings import load_settings
    from planwatch.storage import open_storage

    url = url or load_settings().database_url
    try:
        return open_storage(url)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        where = _safe_url(url)
        raise PlanwatchError(f"无法打开数据库：{where}（{reason}）",
                             f"cannot open database {where}: {reason}") from exc


def _safe_url(url: str) -> str:
    """The database URL as shown in messages: the password is masked."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def import_plan_file(store: Storage, path: Path, user: Author | str = "cli") -> StoredPlan:
    """Extract a document (or load a plan JSON) and store it as a new version of its plan."""
    from planwatch.storage import import_plan

    plan = flag_unmapped(load_plan_source(path))
    if plan.meta.doc_type == "regulation":
        raise PlanwatchError(
            f"规章制度类文件（条例/办法/规定/细则/指引）不是规划，未导入：{path.name}",
            f"a rules document (regulation) is not a plan; nothing stored: {path.name}")
    if not has_plan_content(plan):
        raise PlanwatchError(
            f"未识别到规划内容（无标题、指标、目标、任务或项目），未导入：{path.name}",
            f"no plan content found (no title, indicators, targets, tasks or projects); "
            f"nothing stored: {path.name}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    res = import_plan(store, plan, path.name, digest, user)
    return StoredPlan(res.plan_id, res.version_id, res.created, plan)


def flag_unmapped(plan: Plan) -> Plan:
    """Add an ``indicator-unmapped`` finding for each indicator the catalogue does not know."""
    from planwatch.catalog import map_indicator

    known = {f.context for f in plan.findings if f.code == "indicator-unmapped"}
    for ind in plan.indicators:
        if map_indicator(ind.name, ind.unit) is None and ind.name not in known:
            plan.findings.append(make_finding(
                "indicator-unmapped", {"name": ind.name, "unit": ind.unit},
                severity=Severity.INFO, line=ind.line, context=ind.name))
    return plan


def load_plan_source(path: Path) -> Plan:
    """A plan from a plan JSON file or from any supported document."""
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_bytes())
            if not isinstance(data, dict) or not set(data) & set(Plan.model_fields):
                raise ValueError("no plan fields (meta, indicators, targets…) at the top level")
            return Plan.model_validate(data)
        except (ValueError, OSError) as exc:
            reason = " ".join(str(exc).split())  # pydantic's report spans several lines
            raise PlanwatchError(f"不是有效的规划 JSON：{path.name}",
                                 f"not a valid plan JSON: {path.name} ({reason})") from exc
    return extract_file(path)


def find_plan(store: Storage, ref: str) -> tuple[int, Plan]:
    """Resolve a plan reference: a stored plan id, or (part of) its title or region name."""
    from planwatch.storage import latest_plan, list_plans

    plans = list_plans(store)
    chosen = [p for p in plans if ref.isdigit() and p.id == int(ref)]
    if not chosen:
        key = "".join(ref.split())
        chosen = [p for p in plans if key and key in "".join(p.title.split())]
    if not chosen:
        chosen = [p for p in plans if _region_name(store, p.region_id) == ref]
    if len(chosen) != 1:
        hint = "；".join(f"{p.id}: {p.title}" for p in (chosen or plans)[:10])
        zh = "找不到规划" if not chosen else "规划不唯一，请用编号"
        en = "no such plan" if not chosen else "ambiguous plan, use its id"
        hint = f"（可选 {hint}）" if hint else "（数据库中还没有规划）"
        raise PlanwatchError(f"{zh}：{ref}{hint}", f"{en}: {ref}")
    plan = latest_plan(store, chosen[0].id)
    assert plan is not None
    return chosen[0].id, plan


def _region_name(store: Storage, region_id: int | None) -> str | None:
    from planwatch.storage import get_region

    if region_id is None:
        return None
    rec = get_region(store, region_id)
    return rec.name if rec else None


def parent_plan(store: Storage, plan: Plan) -> Plan | None:
    """The stored plan of the parent region covering the same period, when one is loaded."""
    from planwatch.workflow.overview import parent_plan as find_parent

    return find_parent(store, plan)


def audit(plan: Plan, parent: Plan | None = None) -> list[Finding]:
    """The plan's own consistency findings (年均增速, 〔累计〕, prose vs table, parent plan …)."""
    from planwatch.evaluate import audit_plan

    return audit_plan(plan, parent)


def actuals_template(plan: Plan, out: Path) -> Path:
    """Write the Excel template for a plan's yearly actual values."""
    from planwatch.actuals import make_template

    return write_whole(out, lambda tmp: make_template(plan, tmp, include_targets=True))


def import_actuals(store: Storage, actor: Actor, plan_id: int, plan: Plan, file: Path,
                   correction: str | None = None) -> ActualsOutcome:
    """Validate a filled template (.xlsx/.csv); store every row or none. A reviewer's audited
    action (``actor``, see ``cli_actor``): a row that would change a stored (locked) value is
    refused unless ``correction`` gives the reason, which is recorded with every change."""
    from planwatch.actuals import read_actuals
    from planwatch.storage import RowsRejected, record_actuals
    from planwatch.workflow.principal import require_reviewer

    require_reviewer(actor)
    user = actor.author

    result = read_actuals(file, plan, include_targets=True)
    if not result.ok:
        return ActualsOutcome(errors=[_row_error(e.row, e.column, e.message_zh, e.message_en)
                                      for e in result.errors])
    reason = (correction or "").strip()
    source = f"{file.name}（更正：{reason}）" if reason else file.name
    try:
        summary = record_actuals(store, plan_id, result.rows, user=user, source=source[:500],
                                 keep_locked=not reason)
    except RowsRejected as exc:
        return ActualsOutcome(errors=[str(exc), *(p.message for p in exc.problems)])
    return ActualsOutcome(stored=len(result.rows), summary=str(summary))


def _row_error(row: int, column: str | None, zh: str, en: str) -> str:
    """'第3行 数值 …' for a cell problem; a file-level problem (row 0) has no row prefix."""
    where = " ".join(part for part in (f"第{row}行" if row else "", column or "") if part)
    return f"{where} {zh} / {en}" if where else f"{zh} / {en}"


def evaluation_inputs(store: Storage, plan_id: int) -> list[Actual]:
    from planwatch.storage import best_actuals

    return best_actuals(store, plan_id)


def evaluation_report(store: Storage, plan_id: int, plan: Plan, year: int, fmt: str,
                      out: Path | None, options: ReportOptions | None = None) -> Path:
    """Write the evaluation report (docx | xlsx | html | md) for ``year``: the one evaluation
    the overview shows (``workflow.overview.plan_evaluation``), laid out with the user's
    ``options`` (kind, issuing body, date, suggestions). ``out`` None: the report's title as
    the file name (芝罘区…规划2025年度监测报告.docx) in the working directory."""
    from planwatch.reports import compose, render_document
    from planwatch.workflow.overview import plan_evaluation

    doc = compose(plan_evaluation(store, plan_id, plan, year), options)
    target = out or Path(f"{doc.file_stem}.{fmt}")
    return write_whole(target, lambda tmp: render_document(doc, fmt, tmp))


def index_report(store: Storage, region_ref: str, year: int, fmt: str, out: Path, *,
                 base_year: int | None = None, framework: Path | None = None,
                 draws: int | None = None, lang: str = "zh") -> Path:
    """Write the composite index of a region's sub-regions (md | xlsx | docx) with its rank
    intervals:
    ``workflow.region_index``, laid out by ``reports.index_report``."""
    from planwatch.reports.index_report import write_index
    from planwatch.workflow.region_index import find_region, region_index

    if fmt not in ("md", "xlsx", "docx"):
        raise PlanwatchError(f"不支持的指数报告格式：{fmt}", f"unsupported index format: {fmt}")
    report = region_index(store, SYSTEM, find_region(store, region_ref), year, base_year=base_year,
                          framework_path=framework, draws=draws)
    return write_whole(out, lambda tmp: write_index(report, fmt, tmp, report_lang(lang)))


def compare(store: Storage, refs: list[str], year: int | None = None) -> Comparison:
    """Regions side by side on the catalogue indicators (the web comparison's cells: each the
    verdict its plan page shows, values in canonical units). A ref is a region name or id, or
    a plan (file, id, title) standing for its region."""
    from planwatch.workflow.region_dashboard import compare_regions, comparison_rows

    regions = [_region_of(store, ref) for ref in refs]
    d = compare_regions(store, SYSTEM, regions, year)
    rows = comparison_rows(d)
    columns = [s.region.name for s in d.subregions]
    return Comparison(columns=columns, year=d.year,
                      rows={name: dict(zip(columns, cells, strict=True)) for name, cells in rows})


def _region_of(store: Storage, ref: str) -> RegionRecord:
    from planwatch.storage.departments import plan_region_id
    from planwatch.storage.regions import get_region
    from planwatch.workflow.region_index import find_region

    try:
        return find_region(store, ref)
    except NotFound:
        plan_id, _ = find_plan(store, ref)
    with store.reading() as conn:  # the region the stored plan is filed under
        region_id = plan_region_id(conn, plan_id)
    region = None if region_id is None else get_region(store, region_id)
    if region is None:
        raise PlanwatchError(f"规划{plan_id}没有地区，无法比较", f"plan {plan_id} has no region")
    return region


@dataclass
class StoredPlan:
    plan_id: int
    version_id: int
    created: bool
    plan: Plan


@dataclass
class ActualsOutcome:
    stored: int = 0
    errors: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass
class Comparison:
    columns: list[str]
    rows: dict[str, dict[str, str]]
    year: int | None = None


# ---------------------------------------------------------------------------------------------
# Multi-user workflow verbs (web pages, JSON API and CLI share them; permission rules are
# enforced inside, see planwatch.workflow): accounts, submissions, tasks, overview, uploads.
# ---------------------------------------------------------------------------------------------



@dataclass
class ReportFile:
    """A report download: its file name (the report's title) and its bytes."""

    name: str
    data: bytes


def report_file(store: Storage, actor: Actor, plan_id: int, year: int, fmt: str,
                options: ReportOptions | None = None) -> ReportFile:
    """The evaluation report of a plan (any signed-in user may download it): the evaluation
    the actor's overview of that year shows, laid out in ``fmt`` with ``options``."""
    import tempfile

    from planwatch.reports import compose, render_document
    from planwatch.workflow.overview import cached_evaluation

    if fmt not in ("docx", "xlsx", "html", "md"):
        raise PlanwatchError(f"不支持的报告格式：{fmt}", f"unsupported report format: {fmt}")
    doc = compose(cached_evaluation(store, actor, plan_id, year), options)
    with tempfile.TemporaryDirectory() as tmp:
        out = render_document(doc, fmt, Path(tmp) / f"report.{fmt}")
        return ReportFile(f"{doc.file_stem}.{fmt}", out.read_bytes())


def report_bytes(store: Storage, actor: Actor, plan_id: int, year: int, fmt: str,
                 options: ReportOptions | None = None) -> bytes:
    """:func:`report_file`'s bytes."""
    return report_file(store, actor, plan_id, year, fmt, options).data


def report_draft(store: Storage, actor: Actor, plan_id: int, year: int | None = None,
                 kind: str | None = None, lang: str = "zh") -> ReportDocument:
    """The report as it would be made with the defaults, in ``lang`` (zh | en; the reports
    page shows its kind, problems and seeded suggestions for the user to edit)."""
    from planwatch.reports import compose
    from planwatch.workflow.overview import cached_evaluation

    report = cached_evaluation(store, actor, plan_id, year)
    return compose(report, ReportOptions(kind=report_kind_code(kind), lang=report_lang(lang)))


def report_lang(lang: str | None) -> Literal["zh", "en"]:
    """'zh' | 'en' → the report language; empty → zh."""
    if not lang or lang == "zh":
        return "zh"
    if lang == "en":
        return "en"
    raise PlanwatchError(f"未知的报告语言：{lang}（可选 zh、en）",
                         f"unknown report language: {lang} (zh, en)")


def report_kind_code(kind: str | None) -> ReportKind | None:
    """'annual' | 'midterm' | 'final' → the code; empty or 'auto' → None (by the period)."""
    if not kind or kind == "auto":
        return None
    try:
        return ReportKind(kind)
    except ValueError:
        raise PlanwatchError(f"未知的报告类型：{kind}（可选 annual、midterm、final）",
                             f"unknown report kind: {kind} (annual, midterm, final)") from None


