"""Web commands: serve, demo, user add / token / tokens / list / deactivate / activate /
reset-password / revoke-tokens (thin adapters over planwatch.actions)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planwatch import actions
from planwatch.cli_monitor import command_store
from planwatch.errors import PlanwatchError
from planwatch.model.codes import Role
from planwatch.settings import Settings, load_settings
from planwatch.storage import Storage

if TYPE_CHECKING:
    from fastapi import FastAPI

ROLES = [str(r) for r in Role]


def _settings(ctx: click.Context, host: str | None = None, port: int | None = None,
              db_url: str | None = None) -> Settings:
    base = load_settings()
    changes: dict[str, object] = {"host": host, "port": port,
                                  "database_url": db_url or (ctx.obj or {}).get("db_url")}
    return base.model_copy(update={k: v for k, v in changes.items() if v is not None})


def _run(settings: Settings, store: Storage | None = None, workers: int = 1) -> None:
    import uvicorn

    from planwatch.web import create_app

    app = create_app(settings, store)
    click.echo(f"planwatch 运行于 / serving at http://{settings.host}:{settings.port}/"
               + (f" ({workers} workers)" if workers > 1 else ""))
    if workers <= 1:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info",
                    proxy_headers=False)
        return
    # The parent's app has migrated the database and stored the CSRF secret, so the workers
    # (fresh processes, settings from the environment) only open it.
    app.state.store.close()
    os.environ["PLANWATCH_DATABASE_URL"] = settings.database_url
    uvicorn.run("planwatch.cli_web:worker_app", factory=True, workers=workers,
                host=settings.host, port=settings.port, log_level="info",
                proxy_headers=False)  # the app reads X-Forwarded-For of trusted proxies only


def worker_app() -> FastAPI:
    """The application of one ``serve --workers N`` worker process (settings from the
    environment, which ``serve`` completed with the database URL)."""
    from planwatch.web import create_app

    return create_app(load_settings())


@click.command("serve", help="启动网页服务 / run the web server (FastAPI + uvicorn).")
@click.option("--host", default=None, help="监听地址（默认 127.0.0.1）/ host (PLANWATCH_HOST)")
@click.option("--port", type=int, default=None, help="端口（默认 8000）/ port (PLANWATCH_PORT)")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              envvar="PLANWATCH_WORKERS",
              help="工作进程数 / uvicorn worker processes (PLANWATCH_WORKERS). One process "
                   "serves ~50 uncached overviews/s; use about one per CPU core in production "
                   "(PostgreSQL or SQLite: writes are serialised by the database either way).")
@click.pass_context
def serve_cmd(ctx: click.Context, host: str | None, port: int | None, workers: int) -> None:
    _run(_settings(ctx, host, port), workers=workers)


@click.command("demo", help="创建演示库并启动服务 / build a demo database and serve it.")
@click.option("--db-file", type=click.Path(path_type=Path), default=Path("planwatch-demo.db"),
              show_default=True, help="演示库文件 / demo SQLite file")
@click.option("--reset", is_flag=True, help="删除已有演示库重新创建 / recreate the demo file")
@click.option("--no-serve", is_flag=True, help="只建库不启动服务 / build only, do not serve")
@click.option("--plain", is_flag=True,
              help="只含样例规划及其所载数值，不加公开数据、模拟数据、填报和任务进展 / the sample "
                   "plans and the values they state only (no published or simulated values, "
                   "submissions or progress reports)")
@click.option("--host", default=None, help="监听地址 / host")
@click.option("--port", type=int, default=None, help="端口 / port")
@click.pass_context
def demo_cmd(ctx: click.Context, db_file: Path, reset: bool, no_serve: bool, plain: bool,
             host: str | None, port: int | None) -> None:
    if reset and db_file.exists():
        for path in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
            path.unlink(missing_ok=True)
    settings = _settings(ctx, host, port, f"sqlite:///{db_file}")
    store = actions.open_store(settings.database_url)
    if actions.has_accounts(store):
        click.echo(f"演示库已存在 / demo database exists: {db_file} "
                   "（账号密码见首次运行输出；--reset 重建 / use --reset to rebuild）")
    else:
        _print_demo(db_file, actions.LivingDemo(actions.build_demo(store), actions.LifeResult())
                    if plain else actions.build_living_demo(store))
    if no_serve:
        store.close()
        return
    _run(settings, store)


def _print_demo(db_file: Path, living: actions.LivingDemo) -> None:
    result, life = living.demo, living.life
    click.echo(f"演示库 / demo database: {db_file}")
    for plan_id, title in result.plans:
        click.echo(f"  规划 plan {plan_id}: {title}")
    click.echo(f"  规划所载实际值 values the plans state: {result.actuals}"
               f"（跳过 skipped {result.skipped}）")
    if life.values or life.simulated_plans:
        _print_life(life)
    click.echo("账号 / accounts (username  password  role  department):")
    for acc in result.accounts:
        click.echo(f"  {acc.username}\t{acc.password}\t{acc.role}\t{acc.department or ''}")


def _print_life(life: actions.LifeResult) -> None:
    click.echo(f"  模拟规划 simulated plans: {life.simulated_plans}；年度数值 yearly values: "
               f"{life.values}（其中已公开数据 published {life.published}，其余为模拟数据 the rest "
               "simulated, labelled 模拟数据（演示用）)")
    click.echo(f"  待审核填报 submissions waiting: {life.pending}"
               f"（退回 returned {life.returned}）；任务进展 progress reports: {life.progress}；"
               f"动态调整 target revisions: {life.revisions}")


@click.group("user", help="账号管理 / manage accounts.")
def user_group() -> None:
    pass


def _department_ref(text: str) -> str | int:
    """``#12`` → department id 12; anything else is a name."""
    return int(text[1:]) if text.startswith("#") and text[1:].isdigit() else text


@user_group.command("add", help="新增账号 / add an account (password prompted or generated).")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True, help="角色 / role")
@click.option("--department", default=None, help="所属部门（部门用户必填；名称或编号）/ "
              "department (name, or id: #12)")
@click.option("--region", default=None, help="部门所属地区（同名部门多于一个时必填）/ the "
              "department's region")
@click.option("--password", default=None, help="密码（缺省自动生成并打印）/ password "
              "(default: generated and printed)")
@click.option("--display-name", default=None, help="姓名 / display name")
@click.pass_context
def user_add_cmd(ctx: click.Context, username: str, role: str, department: str | None,
                 region: str | None, password: str | None, display_name: str | None) -> None:
    generated = password is None
    secret = password or actions.new_password()
    dept = _department_ref(department) if department else None
    with command_store(ctx) as store:
        try:
            user = actions.add_user(store, actions.SYSTEM, username, secret, role, dept,
                                    region=region, display_name=display_name)
        except PlanwatchError as exc:
            raise click.ClickException(str(exc)) from exc
    shown = f"，{user.department}（部门编号 #{user.department_id}）" if user.department else ""
    click.echo(f"✓ {username} ({role}{shown})"
               + (f" 密码 password: {secret}" if generated else ""))


@user_group.command("token", help="为账号生成 API 令牌 / create an API token for a user.")
@click.argument("username")
@click.option("--name", default=None, help="令牌用途 / label")
@click.option("--days", type=click.FloatRange(0.001, 3650), default=None,
              help="有效天数（默认 PLANWATCH_TOKEN_DAYS，90）/ lifetime in days")
@click.pass_context
def user_token_cmd(ctx: click.Context, username: str, name: str | None,
                   days: float | None) -> None:
    with command_store(ctx) as store:
        try:
            token = actions.create_token(store, actions.SYSTEM, username, name,
                                         days or load_settings().token_days)
        except PlanwatchError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(token)


def _admin_verb(ctx: click.Context, verb: Callable[[Storage], str]) -> None:
    with command_store(ctx) as store:
        try:
            click.echo(verb(store))
        except PlanwatchError as exc:
            raise click.ClickException(str(exc)) from exc


@user_group.command("deactivate", help="停用账号（会话和令牌全部失效）/ deactivate an account: "
                    "its sessions and tokens end for good.")
@click.argument("username")
@click.pass_context
def user_deactivate_cmd(ctx: click.Context, username: str) -> None:
    def verb(store: Storage) -> str:
        actions.set_active(store, actions.SYSTEM, username, False)
        return f"✓ {username} 已停用（会话和令牌已失效）deactivated, access ended"

    _admin_verb(ctx, verb)


@user_group.command("department", help="更改部门账号所属部门（会话和令牌失效）/ move a "
                    "department account to another department (its access ends).")
@click.argument("username")
@click.option("--department", required=True, help="部门名称或编号（#12）/ department (name or #id)")
@click.option("--region", default=None, help="部门所属地区 / the department's region")
@click.pass_context
def user_department_cmd(ctx: click.Context, username: str, department: str,
                        region: str | None) -> None:
    dept = _department_ref(department)

    def verb(store: Storage) -> str:
        user = actions.set_department(store, actions.SYSTEM, username, dept, region=region)
        return f"✓ {username} → {user.department}（部门编号 #{user.department_id}）"

    _admin_verb(ctx, verb)


@user_group.command("role", help="更改账号角色（会话和令牌失效；不能取消最后一个管理员）/ give an "
                    "account another role (its access ends; the last admin stays).")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True, help="新角色 / new role")
@click.option("--department", default=None, help="部门账号的所属部门（名称或编号 #12）/ the "
              "department of a department account (name or #id)")
@click.option("--region", default=None, help="部门所属地区 / the department's region")
@click.pass_context
def user_role_cmd(ctx: click.Context, username: str, role: str, department: str | None,
                  region: str | None) -> None:
    dept = _department_ref(department) if department else None

    def verb(store: Storage) -> str:
        user = actions.set_role(store, actions.SYSTEM, username, role, dept, region=region)
        shown = f"，{user.department}（部门编号 #{user.department_id}）" if user.department else ""
        return f"✓ {username} → {user.role}{shown}"

    _admin_verb(ctx, verb)


@user_group.command("name", help="设置账号的姓名（空串清除）/ set an account's display name "
                    "(empty clears it).")
@click.argument("username")
@click.argument("display_name")
@click.pass_context
def user_name_cmd(ctx: click.Context, username: str, display_name: str) -> None:
    def verb(store: Storage) -> str:
        user = actions.set_display_name(store, actions.SYSTEM, username, display_name)
        return f"✓ {username}：{user.display_name or '—'}"

    _admin_verb(ctx, verb)


@user_group.command("activate", help="重新启用账号（旧令牌和会话不会恢复）/ re-activate an "
                    "account (old tokens and sessions stay ended).")
@click.argument("username")
@click.pass_context
def user_activate_cmd(ctx: click.Context, username: str) -> None:
    def verb(store: Storage) -> str:
        actions.set_active(store, actions.SYSTEM, username, True)
        return f"✓ {username} 已启用 activated"

    _admin_verb(ctx, verb)


@user_group.command("reset-password", help="重置密码（生成新密码，会话和令牌全部失效）/ reset "
                    "a password: a new one is printed; sessions and tokens end.")
@click.argument("username")
@click.pass_context
def user_reset_cmd(ctx: click.Context, username: str) -> None:
    _admin_verb(ctx, lambda store: f"✓ {username} 新密码 new password: "
                f"{actions.reset_password(store, actions.SYSTEM, username)}")


@user_group.command("revoke-tokens", help="撤销账号的 API 令牌 / revoke an account's API tokens.")
@click.argument("username")
@click.option("--id", "token_id", type=int, default=None, help="只撤销这一个 / only this one")
@click.pass_context
def user_revoke_cmd(ctx: click.Context, username: str, token_id: int | None) -> None:
    _admin_verb(ctx, lambda store: f"✓ 已撤销 revoked: "
                f"{actions.revoke_tokens(store, actions.SYSTEM, username, token_id)}")


@user_group.command("tokens", help="列出账号的 API 令牌 / list an account's API tokens.")
@click.argument("username")
@click.pass_context
def user_tokens_cmd(ctx: click.Context, username: str) -> None:
    def fmt(t: Any) -> str:
        state = ("已撤销 revoked" if t.revoked_at else
                 f"至 until {t.expires_at:%Y-%m-%d}" if t.expires_at else "长期 no expiry")
        return f"{t.id}\t{t.name or ''}\t{t.created_at:%Y-%m-%d}\t{state}"

    _admin_verb(ctx, lambda store: "\n".join(
        fmt(t) for t in actions.list_tokens(store, actions.SYSTEM, username)) or "—")


@user_group.command("list", help="列出账号 / list accounts.")
@click.pass_context
def user_list_cmd(ctx: click.Context) -> None:
    with command_store(ctx) as store:
        for u in actions.list_users(store, actions.SYSTEM):
            state = "" if u.active else "（停用 inactive）"
            name = f"\t{u.display_name}" if u.display_name else ""
            click.echo(f"{u.username}\t{u.role}\t{u.department or ''}{state}{name}")




@click.command("purge", help="清理过期会话和未确认的上传 / delete expired sessions and uploads "
               "left unconfirmed for a day.")
@click.pass_context
def purge_cmd(ctx: click.Context) -> None:
    with command_store(ctx) as store:
        sessions, uploads = actions.housekeeping(store)
    click.echo(f"✓ 已清理 purged: {sessions} 个会话 sessions, {uploads} 个上传 uploads")


def register(main: click.Group) -> None:
    """Attach the web commands to the top-level group."""
    for cmd in (serve_cmd, demo_cmd, user_group, purge_cmd):
        main.add_command(cmd)
