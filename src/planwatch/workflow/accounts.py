"""Accounts (账号): argon2 password hashes, API tokens and sign-in sessions."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from planwatch.errors import PlanwatchError
from planwatch.storage import Storage
from planwatch.storage import users as store_users
from planwatch.storage.types import utcnow
from planwatch.storage.users import UserRecord
from planwatch.workflow.errors import Forbidden, NotFound
from planwatch.workflow.principal import Actor, require_admin, require_reviewer

_HASHER = PasswordHasher()
MIN_PASSWORD = 8


def digest(token: str) -> str:
    """SHA-256 of a token or session id: the only form stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_password() -> str:
    """A random password people can type (16 url-safe characters)."""
    return secrets.token_urlsafe(12)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise PlanwatchError(f"密码至少{MIN_PASSWORD}位", f"password needs ≥{MIN_PASSWORD} chars")


def add_user(store: Storage, actor: Actor, username: str, password: str, role: str,
             department: str | None = None) -> UserRecord:
    """Create an account (admin only); the password is stored as an argon2 hash."""
    require_admin(actor)
    _check_password(password)
    return store_users.create_user(store, username, _HASHER.hash(password), role, department,
                                   by=actor.username)


def set_password(store: Storage, actor: Actor, username: str, password: str) -> None:
    """Change a password: admins for anyone, other users for themselves."""
    if actor.username != username:
        require_admin(actor)
    _check_password(password)
    user = store_users.get_user(store, username=username)
    if user is None:
        raise NotFound(f"用户不存在：{username}", f"no user {username}")
    store_users.update_user(store, user.id, by=actor.username,
                            password_hash=_HASHER.hash(password))


def set_active(store: Storage, actor: Actor, username: str, active: bool) -> None:
    require_admin(actor)
    user = store_users.get_user(store, username=username)
    if user is None:
        raise NotFound(f"用户不存在：{username}", f"no user {username}")
    store_users.update_user(store, user.id, by=actor.username, active=active)


def list_users(store: Storage, actor: Actor) -> list[UserRecord]:
    require_admin(actor)
    return store_users.list_users(store)


def authenticate(store: Storage, username: str, password: str) -> Actor | None:
    """The actor for a correct username and password of an active account, else None."""
    user = store_users.get_user(store, username=username.strip())
    if user is None or not user.active:
        _HASHER.hash(password)  # same cost whether or not the user exists
        return None
    try:
        _HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return Actor.from_user(user)


def create_token(store: Storage, actor: Actor, username: str, name: str | None = None) -> str:
    """A new API token for ``username`` (admins for anyone, users for themselves); shown once."""
    if actor.username != username:
        require_admin(actor)
    user = store_users.get_user(store, username=username)
    if user is None:
        raise NotFound(f"用户不存在：{username}", f"no user {username}")
    token = "pw_" + secrets.token_urlsafe(32)
    store_users.add_token(store, user.id, digest(token), name)
    return token


def actor_for_token(store: Storage, token: str) -> Actor | None:
    user = store_users.user_for_token(store, digest(token))
    return None if user is None else Actor.from_user(user)


def start_session(store: Storage, actor: Actor, hours: float) -> str:
    """Open a sign-in session; returns the session id for the cookie."""
    assert actor.user_id is not None
    session_id = secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(hours=hours)
    store_users.add_session(store, actor.user_id, digest(session_id), expires)
    return session_id


def actor_for_session(store: Storage, session_id: str) -> Actor | None:
    user = store_users.user_for_session(store, digest(session_id))
    return None if user is None else Actor.from_user(user)


def end_session(store: Storage, session_id: str) -> None:
    store_users.delete_session(store, digest(session_id))


def cli_actor(store: Storage, username: str | None, *, reviewer: bool = True) -> Actor:
    """Who a CLI command acts as (``--as``). With accounts in the database it must name an
    active account (a reviewer or admin when ``reviewer``), recorded as such in the audit log;
    a database without accounts (single-user use of the CLI) acts as the given name, or
    ``cli``."""
    if not store_users.list_users(store):
        return Actor(username or "cli", "admin")
    if not username:
        raise Forbidden("数据库已有账号：请用 --as 指明以哪个账号操作",
                        "this database has accounts: name one with --as")
    user = store_users.get_user(store, username=username)
    if user is None or not user.active:
        raise Forbidden(f"账号不存在或已停用：{username}", f"no active account {username}")
    actor = Actor.from_user(user)
    if reviewer:
        require_reviewer(actor)
    return actor
