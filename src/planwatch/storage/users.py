"""Accounts (用户), API tokens, web sessions and application secrets.

Only hashes are stored: passwords as argon2 hashes (made by the caller), tokens and session ids
as SHA-256 of the random value the client holds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping, bindparam, or_, select

from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.errors import StorageError
from planwatch.storage.schema_web import (
    ROLES,
    api_tokens,
    app_secrets,
    departments,
    users,
    web_sessions,
)
from planwatch.storage.types import Author, utcnow

Role = Literal["admin", "reviewer", "department", "viewer"]


class UserRecord(BaseModel):
    id: int
    username: str
    password_hash: str
    role: Role
    department: str | None
    active: bool
    created_at: datetime
    department_id: int | None = None
    display_name: str | None = None


def _record(row: RowMapping | None) -> UserRecord | None:
    return None if row is None else UserRecord.model_validate(dict(row))


def _check(role: str, department_id: int | None) -> None:
    if role not in ROLES:
        raise StorageError("bad-role", f"未知角色：{role}", f"unknown role {role}")
    if role == "department" and department_id is None:
        raise StorageError("department-required", "部门用户须指定所属部门",
                           "a department user needs a department")  # fmt: skip


def _department_name(conn: Connection, department_id: int | None) -> str | None:
    if department_id is None:
        return None
    found = conn.execute(select(departments.c.name).where(departments.c.id == department_id))
    name = found.scalar()
    if name is None:
        raise StorageError("unknown-department", f"部门{department_id}不存在",
                           f"no department {department_id}")
    return str(name)


def create_user(storage: Storage, username: str, password_hash: str, role: str,
                department_id: int | None, *, by: Author,
                display_name: str | None = None) -> UserRecord:
    """Add an account; the username must be new. A department account belongs to department
    ``department_id`` (its name kept as a display snapshot)."""
    _check(role, department_id)
    name = username.strip()
    with storage.atomic() as conn:
        if conn.execute(select(users.c.id).where(users.c.username == name)).first():
            raise StorageError("user-exists", f"用户已存在：{name}", f"user exists: {name}")
        department = _department_name(conn, department_id) if role == "department" else None
        user_id = inserted_id(conn.execute(users.insert().values(
            username=name, password_hash=password_hash, role=role,
            department=department if role == "department" else None,
            department_id=department_id if role == "department" else None,
            active=True, created_at=utcnow(), display_name=display_name)))  # fmt: skip
        write_audit(conn, user=by, entity="user", entity_id=user_id, field="created",
                    new={"username": name, "display_name": display_name, "role": role,
                         "department": department, "department_id": department_id})
        row = conn.execute(select(users).where(users.c.id == user_id)).mappings().one()
    record = _record(row)
    assert record is not None
    return record


def get_user(storage: Storage, *, username: str | None = None,
             user_id: int | None = None) -> UserRecord | None:
    query = select(users)
    query = query.where(users.c.username == username) if username is not None else query.where(
        users.c.id == user_id)
    with storage.reading() as conn:
        return _record(conn.execute(query).mappings().first())


def list_users(storage: Storage) -> list[UserRecord]:
    with storage.reading() as conn:
        rows = conn.execute(select(users).order_by(users.c.id)).mappings().all()
    return [UserRecord.model_validate(dict(r)) for r in rows]


def active_admins(storage: Storage) -> list[int]:
    """The ids of the active admin accounts, their rows locked until the surrounding
    transaction ends (PostgreSQL ``FOR UPDATE``; SQLite writers hold the database lock), so
    that "not the last admin" checks cannot race."""
    query = (select(users.c.id).where(users.c.role == "admin", users.c.active.is_(True))
             .order_by(users.c.id).with_for_update())
    with storage.atomic() as conn:
        return [int(i) for i in conn.execute(query).scalars()]


def update_user(storage: Storage, user_id: int, *, by: Author, **values: Any) -> None:
    """Change password_hash / role / department_id / display_name / active; audited (hashes
    are not logged). A new ``department_id`` also updates the department name snapshot."""
    with storage.atomic() as conn:
        old = conn.execute(select(users).where(users.c.id == user_id)).mappings().first()
        if old is None:
            raise StorageError("unknown-user", f"用户{user_id}不存在", f"no user {user_id}")
        _check(values.get("role", old["role"]), values.get("department_id",
                                                           old["department_id"]))
        if "department_id" in values:
            values["department"] = _department_name(conn, values["department_id"])
        conn.execute(users.update().where(users.c.id == user_id).values(**values))
        for field, new in values.items():
            if old[field] != new:
                hidden = field == "password_hash"
                write_audit(conn, user=by, entity="user", entity_id=user_id, field=field,
                            old=None if hidden else old[field], new="***" if hidden else new)


class TokenRecord(BaseModel):
    """An API token as listed to its owner (never the token itself)."""

    id: int
    name: str | None
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None


def add_token(storage: Storage, user_id: int, token_sha256: str, name: str | None,
              expires_at: datetime | None = None) -> int:
    """Store a token's hash (its row keeps who has it, when made and until when)."""
    with storage.atomic() as conn:
        return inserted_id(conn.execute(api_tokens.insert().values(
            token_sha256=token_sha256, user_id=user_id, name=name, created_at=utcnow(),
            expires_at=expires_at)))


def list_tokens(storage: Storage, user_id: int) -> list[TokenRecord]:
    query = select(api_tokens).where(api_tokens.c.user_id == user_id).order_by(api_tokens.c.id)
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [TokenRecord.model_validate(dict(r)) for r in rows]


def revoke_tokens(storage: Storage, user_id: int, *, by: Author,
                  token_id: int | None = None) -> int:
    """Revoke one (``token_id``) or every live token of a user; audited. Returns how many."""
    conds = [api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None)]
    if token_id is not None:
        conds.append(api_tokens.c.id == token_id)
    with storage.atomic() as conn:
        count = int(conn.execute(api_tokens.update().where(*conds).values(
            revoked_at=utcnow())).rowcount or 0)
        if count:
            write_audit(conn, user=by, entity="user", entity_id=user_id,
                        field="tokens-revoked", new={"count": count, "token_id": token_id})
    return count


def end_sessions(storage: Storage, user_id: int, *, keep: str | None = None) -> int:
    """Delete every session of a user (but ``keep``, a session hash); returns how many."""
    conds = [web_sessions.c.user_id == user_id]
    if keep is not None:
        conds.append(web_sessions.c.token_sha256 != keep)
    with storage.atomic() as conn:
        return int(conn.execute(web_sessions.delete().where(*conds)).rowcount or 0)


def purge_sessions(storage: Storage, user_id: int | None = None) -> int:
    """Delete expired sessions (of one user, or of all); returns how many."""
    conds = [web_sessions.c.expires_at <= utcnow()]
    if user_id is not None:
        conds.append(web_sessions.c.user_id == user_id)
    with storage.atomic() as conn:
        return int(conn.execute(web_sessions.delete().where(*conds)).rowcount or 0)


TOKEN_TOUCH_SECONDS = 60

# Token → user in one query over the unique token index, built once (statement construction
# costs more than the lookup itself).
_TOKEN_USER = (select(users, api_tokens.c.id.label("token_id"),
                      api_tokens.c.last_used_at.label("token_last_used_at"))
               .join(api_tokens, api_tokens.c.user_id == users.c.id)
               .where(api_tokens.c.token_sha256 == bindparam("sha"),
                      api_tokens.c.revoked_at.is_(None),
                      or_(api_tokens.c.expires_at.is_(None),
                          api_tokens.c.expires_at > bindparam("now"))))
_TOUCH = (api_tokens.update().where(api_tokens.c.id == bindparam("tid"))
          .values(last_used_at=bindparam("now")))
_USER_FIELDS = tuple(UserRecord.model_fields)


def _touch_due(last: datetime | None, now: datetime) -> bool:
    if last is not None and last.tzinfo is None and now.tzinfo is not None:
        last = last.replace(tzinfo=now.tzinfo)
    return last is None or (now - last).total_seconds() > TOKEN_TOUCH_SECONDS


def user_for_token(storage: Storage, token_sha256: str) -> UserRecord | None:
    """The active user owning an unexpired, unrevoked API token (one indexed join). Its last
    use is recorded at most once a minute, in a short write of its own, so that authenticating
    stays a read under concurrent load."""
    now = utcnow()
    with storage.reading() as conn:
        row = conn.execute(_TOKEN_USER, {"sha": token_sha256, "now": now}).mappings().first()
    if row is None:
        return None
    if _touch_due(row["token_last_used_at"], now):
        with storage.atomic() as conn:
            conn.execute(_TOUCH, {"tid": row["token_id"], "now": now})
    record = UserRecord.model_validate({k: row[k] for k in _USER_FIELDS})
    return record if record.active else None


def add_session(storage: Storage, user_id: int, token_sha256: str, expires_at: datetime) -> None:
    with storage.atomic() as conn:
        conn.execute(web_sessions.insert().values(
            token_sha256=token_sha256, user_id=user_id, created_at=utcnow(),
            expires_at=expires_at))  # fmt: skip


def user_for_session(storage: Storage, token_sha256: str) -> UserRecord | None:
    """The active user of an unexpired session."""
    query = select(users).join(web_sessions, web_sessions.c.user_id == users.c.id).where(
        web_sessions.c.token_sha256 == token_sha256, web_sessions.c.expires_at > utcnow())
    with storage.reading() as conn:
        record = _record(conn.execute(query).mappings().first())
    return record if record is not None and record.active else None


def delete_session(storage: Storage, token_sha256: str) -> None:
    with storage.atomic() as conn:
        conn.execute(web_sessions.delete().where(web_sessions.c.token_sha256 == token_sha256))


def app_secret(storage: Storage, name: str, make: Callable[[], str]) -> str:
    """A stored application secret, created with ``make()`` on first use."""
    with storage.atomic() as conn:
        value = conn.execute(select(app_secrets.c.value).where(
            app_secrets.c.name == name)).scalar_one_or_none()
        if value is not None:
            return str(value)
        fresh = make()
        conn.execute(app_secrets.insert().values(name=name, value=fresh, created_at=utcnow()))
    return fresh
