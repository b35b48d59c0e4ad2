"""Administration commands: backup, restore, export, archive (thin adapters over verbs)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from planwatch import actions
from planwatch.cli_monitor import command_store
from planwatch.settings import load_settings
from planwatch.storage.backup import BackupInfo, backup, restore
from planwatch.storage.plan_export import export_plan


def _db_url(ctx: click.Context) -> str:
    url = ctx.obj.get("db_url") if ctx.obj else None
    return url or load_settings().database_url


def _describe(info: BackupInfo) -> str:
    plans = "" if info.plans is None else f"，{info.plans} 个规划 / {info.plans} plan(s)"
    return f"{info.path}（{info.size:,} 字节 bytes{plans}）"


@click.command("backup", help="备份整个数据库（在线一致快照：SQLite 备份接口 / PostgreSQL pg_dump）"
               " / write a consistent online snapshot of the whole database.")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup_cmd(ctx: click.Context, out: Path) -> None:
    info = backup(_db_url(ctx), out)
    click.echo(f"✓ 已备份 backed up {info.dialect} → {_describe(info)}")


@click.command("restore", help="从备份恢复数据库（全部或全不）；目标库已有规划时需 --force / "
               "replace the database with a backup (all or nothing).")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="覆盖已有数据 / overwrite a database that holds plans")
@click.pass_context
def restore_cmd(ctx: click.Context, file: Path, force: bool) -> None:
    url = _db_url(ctx)
    info = restore(url, file, force=force)
    actions.open_store(url).close()  # bring an older backup's schema up to date
    click.echo(f"✓ 已恢复 restored {info.dialect} ← {_describe(info)}")


@click.command("export", help="导出一个规划及其实际值、修订、更正和审计记录为 JSON / export a plan "
               "with its actuals, revisions, corrections and history (PLAN: id or title).")
@click.argument("plan_ref")
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="输出 JSON 文件 / output JSON file")
@click.pass_context
def export_cmd(ctx: click.Context, plan_ref: str, out: Path) -> None:
    with command_store(ctx) as store:
        plan_id, _ = actions.find_plan(store, plan_ref)
        data = export_plan(store, plan_id)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    actions.write_whole(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    click.echo(f"✓ 规划 plan #{plan_id} → {out}（实际值 actuals {len(data['actuals'])}，"
               f"记录 history {len(data['history'])}）")


_REASON = click.option("--reason", required=True, help="理由（记入审计日志）/ reason (audited)")
_AS = click.option("--as", "as_user", default=None,
                   help="以哪个管理员账号操作（有账号的数据库必填）/ the admin account acting "
                        "(required once the database has accounts)")


@click.command("archive", help="归档规划（不删除；从列表、地区树和公开页面移除，审核人仍可按"
               "编号查看）/ archive a plan (never deleted; audited).")
@click.argument("plan_ref")
@_REASON
@_AS
@click.pass_context
def archive_cmd(ctx: click.Context, plan_ref: str, reason: str, as_user: str | None) -> None:
    with command_store(ctx) as store:
        actor = actions.cli_actor(store, as_user)
        plan_id, _ = actions.find_plan(store, plan_ref)
        record = actions.archive_plan(store, actor, plan_id, reason)
    click.echo(f"✓ 规划 plan #{plan_id} 已归档 archived by {record.archived_by}："
               f"{record.reason}")


@click.command("unarchive", help="取消归档 / bring an archived plan back (audited).")
@click.argument("plan_ref")
@_REASON
@_AS
@click.pass_context
def unarchive_cmd(ctx: click.Context, plan_ref: str, reason: str, as_user: str | None) -> None:
    with command_store(ctx) as store:
        actor = actions.cli_actor(store, as_user)
        plan_id, _ = actions.find_plan(store, plan_ref)
        actions.unarchive_plan(store, actor, plan_id, reason)
    click.echo(f"✓ 规划 plan #{plan_id} 已取消归档 unarchived")


def register(main: click.Group) -> None:
    """Attach the administration commands to the top-level group."""
    for cmd in (backup_cmd, restore_cmd, export_cmd, archive_cmd, unarchive_cmd):
        main.add_command(cmd)
