"""Backup and restore of a whole planwatch database (备份与恢复).

SQLite: a consistent online snapshot through SQLite's backup API (other readers and writers may
keep working while it runs). PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` in one
transaction. A backup file is written whole or not at all (temporary file, then renamed), and a
restore refuses a file that is not a planwatch backup of the same kind of database, and refuses to
overwrite a database that already holds plans unless ``force`` is given.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from planwatch.storage.engine import normalize_url
from planwatch.storage.errors import StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
MIGRATIONS_TABLE = "schema_migrations"


@dataclass(frozen=True)
class BackupInfo:
    """What a backup or restore did: database kind, file, size and the plans it holds."""

    dialect: str
    path: Path
    size: int
    plans: int | None


def _fail(code: str, zh: str, en: str) -> StorageError:
    return StorageError(code, zh, en)


def _url(url: str) -> URL:
    try:
        return make_url(normalize_url(url))
    except Exception as exc:  # sqlalchemy raises ArgumentError for garbage
        raise _fail("bad-url", f"数据库地址无法识别：{url}",
                    f"unrecognised database URL: {url}") from exc


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise _fail(
            "memory-database",
            "内存数据库无法备份或恢复，请使用文件数据库",
            "an in-memory database cannot be backed up or restored; use a database file",
        )
    return Path(url.database)


def _pg_dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise _fail(
            "pg-tool-missing",
            f"找不到 PostgreSQL 工具 {name}，请安装 postgresql-client",
            f"PostgreSQL tool {name} not found; install postgresql-client",
        )
    return found


def _run(cmd: list[str], what: str) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        last = detail[-1] if detail else f"exit {done.returncode}"
        raise _fail("pg-tool-failed", f"{what}失败：{last}", f"{what} failed: {last}")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _count_plans(conn: sqlite3.Connection) -> int:
    tables = _tables(conn)
    if MIGRATIONS_TABLE not in tables:
        raise _fail(
            "not-planwatch",
            "该文件不是 planwatch 数据库备份",
            "this file is not a planwatch database backup",
        )
    if "plans" not in tables:
        return 0
    return int(conn.execute("SELECT count(*) FROM plans").fetchone()[0])


def _temp_beside(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    return Path(name)


def _sqlite_backup(db: Path, out: Path) -> BackupInfo:
    if not db.exists():
        raise _fail("no-database", f"数据库文件不存在：{db}", f"database file not found: {db}")
    tmp = _temp_beside(out)
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as src, closing(
            sqlite3.connect(tmp)
        ) as dst:
            src.backup(dst)
            plans = _count_plans(dst)
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise _fail("corrupt", "备份校验失败", "backup integrity check failed")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupInfo("sqlite", out, out.stat().st_size, plans)


def _pg_backup(url: URL, out: Path) -> BackupInfo:
    tool = _pg_tool("pg_dump")
    tmp = _temp_beside(out)
    try:
        _run([tool, "--format=custom", "--no-owner", "--no-privileges", "--file", str(tmp),
              "--dbname", _pg_dsn(url)], "pg_dump ")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupInfo("postgresql", out, out.stat().st_size, None)


def backup(url: str, out: Path) -> BackupInfo:
    """Write a consistent snapshot of the database at ``url`` to ``out``."""
    parsed = _url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_backup(_sqlite_path(parsed), out)
    if parsed.get_backend_name() == "postgresql":
        return _pg_backup(parsed, out)
    raise _fail("unsupported-database", "不支持的数据库类型", "unsupported database kind")


def _magic(path: Path) -> bytes:
    if not path.is_file():
        raise _fail("no-backup", f"备份文件不存在：{path}", f"backup file not found: {path}")
    with path.open("rb") as fh:
        return fh.read(16)


def _sqlite_restore(src: Path, db: Path, force: bool) -> BackupInfo:
    if _magic(src) != SQLITE_MAGIC:
        raise _fail(
            "wrong-backup-kind",
            "该文件不是 SQLite 备份，不能恢复到 SQLite 数据库",
            "this file is not a SQLite backup; it cannot be restored into a SQLite database",
        )
    with closing(sqlite3.connect(f"file:{src}?mode=ro", uri=True)) as source:
        plans = _count_plans(source)
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise _fail("corrupt", "备份文件已损坏", "the backup file is damaged")
        with closing(sqlite3.connect(db, timeout=30)) as target:
            _refuse_overwrite(target, force)
            source.backup(target)
    return BackupInfo("sqlite", src, src.stat().st_size, plans)


def _refuse_overwrite(target: sqlite3.Connection, force: bool) -> None:
    if force or "plans" not in _tables(target):
        return
    if int(target.execute("SELECT count(*) FROM plans").fetchone()[0]) > 0:
        raise _fail(
            "target-not-empty",
            "目标数据库已有规划数据；确认覆盖请加 --force",
            "the target database already holds plans; add --force to overwrite it",
        )


def _pg_restore(src: Path, url: URL, force: bool) -> BackupInfo:
    if _magic(src)[:5] != PG_MAGIC:
        raise _fail(
            "wrong-backup-kind",
            "该文件不是 PostgreSQL 备份（pg_dump 自定义格式）",
            "this file is not a PostgreSQL backup (pg_dump custom format)",
        )
    if not force and _pg_has_plans(url):
        raise _fail(
            "target-not-empty",
            "目标数据库已有规划数据；确认覆盖请加 --force",
            "the target database already holds plans; add --force to overwrite it",
        )
    tool = _pg_tool("pg_restore")
    _run([tool, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", "--dbname", _pg_dsn(url), str(src)], "pg_restore ")
    return BackupInfo("postgresql", src, src.stat().st_size, None)


def _pg_has_plans(url: URL) -> bool:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("plans"):
                return False
            return bool(conn.execute(text("SELECT count(*) FROM plans")).scalar_one())
    finally:
        engine.dispose()


def restore(url: str, src: Path, *, force: bool = False) -> BackupInfo:
    """Replace the database at ``url`` with the backup ``src`` (all or nothing)."""
    parsed = _url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_restore(src, _sqlite_path(parsed), force)
    if parsed.get_backend_name() == "postgresql":
        return _pg_restore(src, parsed, force)
    raise _fail("unsupported-database", "不支持的数据库类型", "unsupported database kind")
