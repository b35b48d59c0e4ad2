"""Web commands: serve, demo, user add / token / list (thin adapters over planwatch.actions)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.settings import Settings, load_settings
from planwatch.storage import Storage

if TYPE_CHECKING:
    from fastapi import FastAPI

ROLES = ["admin", "reviewer", "department", "viewer"]


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
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
        return
    # The parent's app has migrated the database and stored the CSRF secret, so the workers
    # (fresh processes, settings from the environment) only open it.
    app.state.store.close()
    os.environ["PLANWATCH_DATABASE_URL"] = settings.database_url
    uvicorn.run("planwatch.cli_web:worker_app", factory=True, workers=workers,
                host=settings.host, port=settings.port, log_level="info")


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
@click.option("--host", default=None, help="监听地址 / host")
@click.option("--port", type=int, default=None, help="端口 / port")
@click.pass_context
def demo_cmd(ctx: click.Context, db_file: Path, reset: bool, no_serve: bool, host: str | None,
             port: int | None) -> None:
    if reset and db_file.exists():
        for path in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
            path.unlink(missing_ok=True)
    settings = _settings(ctx, host, port, f"sqlite:///{db_file}")
    store = actions.open_store(settings.database_url)
    if actions.has_accounts(store):
        click.echo(f"演示库已存在 / demo database exists: {db_file} "
                   "（账号密码见首次运行输出；--reset 重建 / use --reset to rebuild）")
    else:
        _print_demo(db_file, actions.build_demo(store))
    if no_serve:
        store.close()
        return
    _run(settings, store)


def _print_demo(db_file: Path, result: actions.DemoResult) -> None:
    click.echo(f"演示库 / demo database: {db_file}")
    for plan_id, title in result.plans:
        click.echo(f"  规划 plan {plan_id}: {title}")
    click.echo(f"  实际值 actuals recorded: {result.actuals}（跳过 skipped {result.skipped}）")
    click.echo("账号 / accounts (username  password  role  department):")
    for acc in result.accounts:
        click.echo(f"  {acc.username}\t{acc.password}\t{acc.role}\t{acc.department or ''}")


@click.group("user", help="账号管理 / manage accounts.")
def user_group() -> None:
    pass


@user_group.command("add", help="新增账号 / add an account (password prompted or generated).")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True, help="角色 / role")
@click.option("--department", default=None, help="所属部门（部门用户必填）/ department")
@click.option("--password", default=None, help="密码（缺省自动生成并打印）/ password "
              "(default: generated and printed)")
@click.pass_context
def user_add_cmd(ctx: click.Context, username: str, role: str, department: str | None,
                 password: str | None) -> None:
    generated = password is None
    secret = password or actions.new_password()
    with _store(ctx) as store:
        try:
            actions.add_user(store, actions.SYSTEM, username, secret, role, department)
        except PlanwatchError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"✓ {username} ({role}{'，' + department if department else ''})"
               + (f" 密码 password: {secret}" if generated else ""))


@user_group.command("token", help="为账号生成 API 令牌 / create an API token for a user.")
@click.argument("username")
@click.option("--name", default=None, help="令牌用途 / label")
@click.pass_context
def user_token_cmd(ctx: click.Context, username: str, name: str | None) -> None:
    with _store(ctx) as store:
        try:
            token = actions.create_token(store, actions.SYSTEM, username, name)
        except PlanwatchError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(token)


@user_group.command("list", help="列出账号 / list accounts.")
@click.pass_context
def user_list_cmd(ctx: click.Context) -> None:
    with _store(ctx) as store:
        for u in actions.list_users(store, actions.SYSTEM):
            state = "" if u.active else "（停用 inactive）"
            click.echo(f"{u.username}\t{u.role}\t{u.department or ''}{state}")


@contextmanager
def _store(ctx: click.Context) -> Iterator[Storage]:
    """The configured database, open for one command."""
    store = actions.open_store((ctx.obj or {}).get("db_url"))
    try:
        yield store
    finally:
        store.close()


def register(main: click.Group) -> None:
    """Attach the web commands to the top-level group."""
    for cmd in (serve_cmd, demo_cmd, user_group):
        main.add_command(cmd)
