"""Command line: thin adapters over planwatch.actions."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.parse.ocr import progress_hook


class _Group(click.Group):
    """The top-level group: any PlanwatchError a command lets through (a database that cannot
    be opened, a bad file…) ends as one bilingual line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PlanwatchError as exc:
            click.echo(f"✗ {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group,
             help="planwatch：科技创新规划数字化与监测 / digitize and monitor S&T plans.")
@click.version_option(package_name="planwatch")
@click.option("--db", "db_url", envvar="PLANWATCH_DATABASE_URL", default=None,
              help="数据库地址（默认 sqlite:///planwatch.db）/ database URL "
                   "(default sqlite:///planwatch.db; env PLANWATCH_DATABASE_URL)")
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    ctx.obj = {"db_url": db_url}


@main.command(help="提取规划文档为结构化 JSON / extract plan documents into plan JSON.")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="输出目录 / output directory")
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json",
              show_default=True, help="输出格式 / output format")
@click.option("--workers", type=int, default=None,
              help="并行进程数（默认 CPU 数）/ parallel processes (default: CPU count)")
@click.option("--quiet", is_flag=True, help="不打印摘要 / no per-document summary")
def extract(inputs: tuple[Path, ...], out_dir: Path, fmt: str, workers: int | None,
            quiet: bool) -> None:
    paths = actions.expand_inputs(inputs)
    if not paths:
        raise click.UsageError("没有可处理的文件 / no supported files found")
    workers = workers or min(len(paths), os.cpu_count() or 1)
    failed = 0
    show_bar = len(paths) > 1 and sys.stderr.isatty()
    pages = _OcrBar() if workers <= 1 or len(paths) <= 1 else None
    with tqdm(total=len(paths), disable=not show_bar, unit="doc", desc="提取 extract") as bar, \
            progress_hook(pages):
        for outcome in actions.extract_many(paths, workers=workers):
            bar.update(1)
            if outcome.plan is None:
                failed += 1
                click.echo(f"✗ {outcome.path}: {outcome.error}", err=True)
                continue
            target = actions.write_plan(outcome.plan, out_dir, outcome.path.stem, fmt)
            if not quiet:
                click.echo(f"✓ {outcome.path.name} → {target}: {actions.summarize(outcome.plan)}")
    if failed:
        click.echo(f"{failed} 个文件失败 / {failed} file(s) failed", err=True)
        sys.exit(1)


class _OcrBar:
    """A page bar on stderr while a scanned PDF is OCRed (one bar per document)."""

    def __init__(self) -> None:
        self.bar: tqdm[Any] | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None or done == 1:
            if self.bar is not None:
                self.bar.close()
            self.bar = tqdm(total=total, unit="页", desc="文字识别 OCR", leave=False,
                            disable=not sys.stderr.isatty())
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.bar.close()
            self.bar = None


from planwatch import cli_monitor  # noqa: E402  (registers the monitoring commands)

cli_monitor.register(main)

from planwatch import cli_web  # noqa: E402  (registers serve, demo, user)

cli_web.register(main)

from planwatch import cli_admin  # noqa: E402  (registers backup, restore, export)

cli_admin.register(main)

if __name__ == "__main__":  # pragma: no cover
    main()
