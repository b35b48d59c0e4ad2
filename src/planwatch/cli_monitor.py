"""Monitoring commands: import, plans, audit, template, actuals, evaluate, report, compare."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.model.labels import label
from planwatch.model.plan import Plan
from planwatch.storage import Storage
from planwatch.workflow.history import HistoryEntry

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def command_store(ctx: click.Context) -> Iterator[Storage]:
    """The database given by ``--db`` (or the configured default), open for one command."""
    store = actions.open_store(ctx.obj.get("db_url") if ctx.obj else None)
    try:
        yield store
    finally:
        store.close()


def _fail(exc: PlanwatchError) -> None:
    click.echo(f"✗ {exc}", err=True)
    sys.exit(1)


def _plan_from(ctx: click.Context, ref: str) -> tuple[int | None, Plan]:
    """A plan from a file path (document or plan JSON) or a stored plan reference."""
    path = Path(ref)
    if path.is_file():
        return None, actions.load_plan_source(path)
    with command_store(ctx) as store:
        return actions.find_plan(store, ref)


def cmd_import(ctx: click.Context, files: tuple[Path, ...], as_user: str | None) -> None:
    failed = 0
    with command_store(ctx) as store:
        try:
            actor = actions.cli_actor(store, as_user)
        except PlanwatchError as exc:
            _fail(exc)
            return
        for path in actions.expand_inputs(files) if files else []:
            try:
                res = actions.import_plan_file(store, path, user=actor.author)
            except PlanwatchError as exc:
                failed += 1
                click.echo(f"✗ {path}: {exc}", err=True)
                continue
            state = "新版本 new version" if res.created else "未变化 unchanged"
            click.echo(f"✓ {path.name} → 规划 plan #{res.plan_id} ({state}): "
                       f"{actions.summarize(res.plan)}")
    if failed:
        sys.exit(1)


def cmd_plans(ctx: click.Context, archived: bool = False) -> None:
    from planwatch.storage import list_plans
    from planwatch.storage.plan_archive import archived_plan_ids

    with command_store(ctx) as store:
        gone = archived_plan_ids(store)
        rows = [p for p in list_plans(store) if (p.id in gone) == archived]
    if not rows:
        click.echo("（数据库中还没有规划 / no plans stored yet）")
    for p in rows:
        click.echo(f"{p.id:4d}  {p.title}  {p.period_start or '?'}–{p.period_end or '?'}  "
                   f"v{p.latest_version}")


def cmd_audit(ctx: click.Context, plan_ref: str) -> None:
    try:
        plan_id, plan = _plan_from(ctx, plan_ref)
        parent = None
        # the parent region's plan comes from the database: the one the plan is stored in, or
        # the one named with --db when a file is audited
        if plan.meta.parent_region and (plan_id is not None or ctx.obj.get("db_url")):
            with command_store(ctx) as store:
                parent = actions.parent_plan(store, plan)
        findings = actions.audit(plan, parent)
        if parent is not None:
            click.echo(f"对照上级规划 checked against: {parent.meta.title}")
    except PlanwatchError as exc:
        _fail(exc)
        return
    click.echo(f"{plan.meta.title or plan_ref}: {len(findings)} 项发现 findings")
    for f in findings:
        where = f"第{f.line}行 " if f.line else ""
        click.echo(f"[{f.severity.value}] {f.code}: {where}{f.message}")


def cmd_template(ctx: click.Context, plan_ref: str, out: Path) -> None:
    try:
        _, plan = _plan_from(ctx, plan_ref)
        actions.actuals_template(plan, out)
    except PlanwatchError as exc:
        _fail(exc)
    click.echo(f"✓ 模板已生成 template written: {out}")


def cmd_actuals_import(ctx: click.Context, file: Path, plan_ref: str | None, as_user: str | None,
                       correction: str | None) -> None:
    try:
        with command_store(ctx) as store:
            actor = actions.cli_actor(store, as_user)
            ref = plan_ref or _workbook_title(file)
            plan_id, plan = actions.find_plan(store, ref)
            outcome = actions.import_actuals(store, actor, plan_id, plan, file,
                                             correction=correction)
    except PlanwatchError as exc:
        _fail(exc)
        return
    if outcome.errors:
        for line in outcome.errors:
            click.echo(f"✗ {line}", err=True)
        click.echo(f"{len(outcome.errors)} 个错误，未写入任何数据 / errors found, nothing saved",
                   err=True)
        sys.exit(1)
    click.echo(f"✓ 已导入 {outcome.stored} 条实际值 / {outcome.stored} actual values imported")


def _workbook_title(file: Path) -> str:
    if file.suffix.lower() == ".csv":
        raise PlanwatchError("CSV 文件请用 --plan 指明规划",
                             "for a CSV file name the plan with --plan")
    if file.suffix.lower() != ".xlsx":
        raise PlanwatchError(f"不支持的文件类型“{file.suffix}”：请使用 .xlsx 模板或 .csv 文件",
                             f"unsupported file type '{file.suffix}': use the .xlsx template "
                             "or a .csv file")
    from openpyxl import load_workbook

    try:
        title = load_workbook(file, read_only=True).properties.title
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise PlanwatchError(f"无法读取工作簿：{file.name}",
                             f"cannot read workbook: {exc}") from exc
    if not title:
        raise PlanwatchError("工作簿未标明规划，请用 --plan", "workbook names no plan; use --plan")
    return str(title)


def cmd_report(ctx: click.Context, plan_ref: str, year: int, fmt: str, out: Path | None,
               kind: str, issuer: str | None, issued_on: datetime | None,
               suggestions: Path | None, lang: str = "zh") -> None:
    try:
        options = actions.ReportOptions(
            kind=actions.report_kind_code(kind), issuer=issuer,
            issued_on=issued_on.date() if issued_on else None,
            suggestions=suggestions.read_text(encoding="utf-8") if suggestions else None,
            lang=actions.report_lang(lang))
        with command_store(ctx) as store:
            plan_id, plan = actions.find_plan(store, plan_ref)
            written = actions.evaluation_report(store, plan_id, plan, year, fmt, out, options)
    except PlanwatchError as exc:
        _fail(exc)
        return
    click.echo(f"✓ 报告已生成 report written: {written}")


def cmd_compare(ctx: click.Context, refs: tuple[str, ...], year: int | None) -> None:
    try:
        with command_store(ctx) as store:
            table = actions.compare(store, list(refs), year)
    except PlanwatchError as exc:
        _fail(exc)
        return
    click.echo(f"{table.year}年 实际值（年份）/ 目标值 判断 — 单位为指标目录的统一单位")
    click.echo("指标 indicator\t" + "\t".join(table.columns))
    for name, cells in table.rows.items():
        click.echo(name + "\t" + "\t".join(cells.get(c, "—") for c in table.columns))


def cmd_index(ctx: click.Context, region_ref: str, year: int, base_year: int | None, fmt: str,
              out: Path | None, framework: Path | None, draws: int | None,
              lang: str = "zh") -> None:
    stem = "composite-index" if lang == "en" else "综合指数"
    out = out or Path(f"{stem}-{region_ref}-{year}.{fmt}")
    try:
        with command_store(ctx) as store:
            actions.index_report(store, region_ref, year, fmt, out, base_year=base_year,
                                 framework=framework, draws=draws, lang=lang)
    except PlanwatchError as exc:
        _fail(exc)
    click.echo(f"✓ 综合指数已生成 index written: {out}")


def cmd_cascade(ctx: click.Context, region_ref: str, lang: str = "zh") -> None:
    from planwatch.model.finding_messages import finding_text
    from planwatch.reports.cascade_report import cascade_table

    try:
        with command_store(ctx) as store:
            region = actions.find_region(store, region_ref)
            view = actions.region_cascade(store, actions.SYSTEM, region)
    except PlanwatchError as exc:
        _fail(exc)
        return
    if not view.rows:
        click.echo(f"{region.name}：本级规划与下级地区规划没有可对照的同年目标 / no target of "
                   "the region's plans can be set against its sub-regions' (same indicator "
                   "and year)")
        return
    table = cascade_table(view.rows, view.names, lang)
    click.echo("\t".join(table.headers))
    for cells in table.rows:
        click.echo("\t".join("—" if v is None else str(v) for v in cells))
    for cascade_row in view.rows:
        for f in cascade_row.findings:
            click.echo(f"{'⚠' if f.severity == 'warning' else 'ℹ'} {finding_text(f, lang)}")


def cmd_revise(ctx: click.Context, plan_ref: str, name: str, value: float, year: int | None,
               reason: str, by: str | None, document: str) -> None:
    try:
        with command_store(ctx) as store:
            actor = actions.cli_actor(store, by)
            plan_id, _ = actions.find_plan(store, plan_ref)
            done = actions.revise_plan_target(store, actor, plan_id, name, value,
                                              reason=reason, year=year, document=document)
    except PlanwatchError as exc:
        _fail(exc)
        return
    rev = done.revision
    click.echo(f"✓ 目标已调整（原值保留）/ target revised, original kept: {done.subject}: "
               f"{rev.old_value:g}（{rev.old_year or '—'}年）→ {rev.new_value:g}"
               f"（{rev.new_year or '—'}年）")


def history_line(e: HistoryEntry) -> str:
    """One history entry as ``planwatch history`` prints it (the same texts as the page)."""
    kind = label("history_kind", e.kind) if e.kind else "其他"
    change = f"{e.old or '—'} → {e.new or '—'}" if e.old is not None else (e.new or "")
    basis = "；".join(t for t in (e.basis, e.reason) if t)
    return (f"{e.at:%Y-%m-%d %H:%M} {e.user} [{kind}] {e.subject or ''}"
            f"{' ' if e.subject else ''}{e.what}：{change}" + (f"（{basis}）" if basis else ""))


def cmd_history(ctx: click.Context, plan_ref: str, limit: int, by: str | None) -> None:
    try:
        with command_store(ctx) as store:
            actor = actions.cli_actor(store, by) if by else actions.SYSTEM
            plan_id, plan = actions.find_plan(store, plan_ref)
            entries, total = _latest_history(store, actor, plan_id, limit)
    except PlanwatchError as exc:
        _fail(exc)
        return
    click.echo(f"{plan.meta.title}: {total} 条记录 entries"
               + (f"（最近 {len(entries)} 条 / latest {len(entries)}）"
                  if len(entries) < total else ""))
    for e in reversed(entries):
        click.echo(history_line(e))


def _latest_history(store: Storage, actor: actions.Actor, plan_id: int,
                    limit: int) -> tuple[list[HistoryEntry], int]:
    """The latest ``limit`` entries of the plan's history (newest first) and the total."""
    entries: list[HistoryEntry] = []
    while True:
        page = actions.plan_history(store, actor, plan_id, offset=len(entries),
                                    limit=min(500, limit - len(entries)))
        entries.extend(page.entries)
        if not page.entries or len(entries) >= min(limit, page.total):
            return entries, page.total


def register(main: click.Group) -> None:
    """Attach the monitoring commands to the top-level group."""
    for cmd in (import_cmd, plans_cmd, audit_cmd, template_cmd, report_cmd, compare_cmd,
                index_cmd, cascade_cmd, revise_cmd, history_cmd):
        main.add_command(cmd)
    actuals_group = click.Group("actuals", help="实际值 / yearly actual values.")
    actuals_group.add_command(actuals_import_cmd)
    main.add_command(actuals_group)


_OUT_TYPE = click.Path(path_type=Path)
_AS_OPTION = click.option(
    "--as", "as_user", default=None,
    help="以哪个审核人账号操作（有账号的数据库必填，记入审计日志）/ the reviewer account acting "
         "(required once the database has accounts; audited)")
_OUT_HELP = "输出文件 / output file"

import_cmd = click.command("import", help="导入规划文档或 JSON 到数据库（保留历史版本）/ "
                           "store plans as new versions.")(click.pass_context(click.argument(
                               "files", nargs=-1, required=True,
                               type=click.Path(path_type=Path))(_AS_OPTION(cmd_import))))
plans_cmd = click.command("plans", help="列出已存储的规划（不含已归档）/ list stored plans "
                          "(archived ones left out).")(click.pass_context(click.option(
    "--archived", is_flag=True, help="只列已归档的规划 / list the archived plans")(cmd_plans)))
audit_cmd = click.command("audit", help="检查规划自身的一致性 / audit a plan's own consistency "
                          "(PLAN: file, id or title).")(
    click.pass_context(click.argument("plan_ref")(cmd_audit)))
template_cmd = click.command("template", help="生成实际值填报 Excel 模板 / write the actuals "
                             "Excel template (PLAN: file, id or title).")(
    click.pass_context(click.argument("plan_ref")(
        click.option("-o", "--out", default=Path("actuals.xlsx"), show_default=True,
                     type=_OUT_TYPE, help=_OUT_HELP)(cmd_template))))
actuals_import_cmd = click.command("import", help="导入填好的模板（全部校验，有错则不写入）/ "
                                   "import a filled template: all rows or none.")(
    click.pass_context(click.argument("file", type=click.Path(exists=True, path_type=Path))(
        click.option("--plan", "plan_ref", default=None,
                     help="规划编号或标题（默认取工作簿标题）/ plan id or title")(
            _AS_OPTION(click.option(
                "--correct", "correction", default=None,
                help="更正理由：允许改动已锁定的数值并记录理由 / reason for changing locked "
                     "values (recorded)")(cmd_actuals_import))))))
_LANG_OPTION = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh",
                            show_default=True,
                            help="报告语言（数据保持原文）/ report language (data stays as "
                                 "written)")
report_cmd = click.command("report", help="生成评估报告 / write the evaluation report.")(
    click.pass_context(click.argument("plan_ref")(
        click.option("--year", type=click.IntRange(1950, 2100), required=True,
                     help="评估年份 / evaluation year")(
            click.option("--format", "fmt", type=click.Choice(["docx", "xlsx", "html", "md"]),
                         default="docx", show_default=True, help="格式 / format")(
                click.option("-o", "--out", default=None, type=_OUT_TYPE,
                             help="输出文件（默认以报告标题命名）/ output file (default: the "
                                  "report's title)")(
                    click.option("--kind", type=click.Choice(["auto", "annual", "midterm",
                                                              "final"]),
                                 default="auto", show_default=True,
                                 help="报告类型：年度监测/中期评估/总结评估（默认按年份在规划期中"
                                      "的位置）/ report kind (default: by the period)")(
                        click.option("--issuer", default=None,
                                     help="落款单位（默认地区科技局）/ issuing body (default: "
                                          "the region's 科技局)")(
                            click.option("--date", "issued_on", default=None,
                                         type=click.DateTime(["%Y-%m-%d"]),
                                         help="成文日期（默认今天）/ date (default: today)")(
                                click.option("--suggestions", default=None,
                                             type=click.Path(exists=True, dir_okay=False,
                                                             path_type=Path),
                                             help="下一步工作建议文本文件（每段一行；默认按存在问题"
                                                  "生成）/ suggestions text file, one paragraph a "
                                                  "line (default: seeded from the problems)")(
                                    _LANG_OPTION(cmd_report)))))))))))
compare_cmd = click.command("compare", help="跨地区比较相同指标（统一单位，判断与规划页一致）/ "
                            "compare regions on the catalogue indicators (REGION: region name "
                            "or id, or a plan standing for its region).")(
    click.pass_context(click.argument("refs", nargs=-1, required=True)(
        click.option("--year", type=click.IntRange(1950, 2100), default=None,
                     help="年份（默认最近有实际值的年份）/ year (default: latest with "
                          "actuals)")(cmd_compare))))
index_cmd = click.command("index", help="下级地区科技创新综合指数（含排名区间）/ composite "
                          "innovation index of a region's sub-regions, with rank intervals "
                          "(REGION: name or id).")(
    click.pass_context(click.argument("region_ref")(
        click.option("--year", type=click.IntRange(1950, 2100), required=True,
                     help="年份 / year")(
            click.option("--base-year", type=click.IntRange(1950, 2100), default=None,
                         help="比较基年 / base year of the change")(
                click.option("--format", "fmt", type=click.Choice(["md", "xlsx", "docx"]),
                             default="md",
                             show_default=True, help="格式 / format")(
                    click.option("-o", "--out", default=None, type=_OUT_TYPE, help=_OUT_HELP)(
                        click.option("--framework", default=None,
                                     type=click.Path(exists=True, dir_okay=False,
                                                     path_type=Path),
                                     help="指数框架 YAML（默认内置）/ framework file "
                                          "(default: built in)")(
                            click.option("--draws", type=click.IntRange(10, 100_000),
                                         default=None, help="蒙特卡洛次数（默认 1000）/ Monte "
                                         "Carlo draws (default 1000)")(
                                _LANG_OPTION(cmd_index))))))))))
cascade_cmd = click.command("cascade", help="目标分解衔接：本级规划目标与下级地区目标对照 / "
                            "set a region's plan targets against its sub-regions' "
                            "(REGION: name or id).")(
    click.pass_context(click.argument("region_ref")(_LANG_OPTION(cmd_cascade))))
revise_cmd = click.command("revise", help="动态调整：修订目标值（保留原值，记录人、时间、理由）/ "
                           "revise a target (original kept; who, when, why recorded).")(
    click.pass_context(click.argument("plan_ref")(click.argument("name")(
        click.option("--value", type=float, required=True, help="新目标值 / new target value")(
            click.option("--year", type=click.IntRange(1950, 2100), default=None,
                         help="新目标年份（默认不变）/ new target year")(
                click.option("--reason", required=True, help="调整理由 / reason")(
                    click.option("--as", "--by", "by", default=None,
                                 help="以哪个审核人账号操作（记入审计日志）/ reviewer account "
                                      "acting (audited)")(
                        click.option("--document", required=True,
                                     help="批准文号或文件名（必填）/ authorising document "
                                          "(required)")(
                            cmd_revise)))))))))
history_cmd = click.command("history", help="规划的变更记录（最近的在后）/ a plan's history, "
                            "oldest first.")(
    click.pass_context(click.argument("plan_ref")(click.option(
        "--limit", type=click.IntRange(1, 100000), default=2000, show_default=True,
        help="最近多少条 / the latest so many entries")(click.option(
            "--as", "by", default=None,
            help="以哪个审核人账号查看（默认：本机命令行）/ reviewer account reading "
                 "(default: the local command line)")(cmd_history)))))
