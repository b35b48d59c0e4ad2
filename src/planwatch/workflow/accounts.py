"""Accounts (账号): argon2 password hashes, API tokens and sign-in sessions."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from planwatch.model.codes import Role
from planwatch.storage import Storage, users as store_users
from planwatch.storage.departments import (
    DepartmentRecord,
    add_department,
    departments_named,
    get_department,
    list_departments as store_departments,
    region_by_name,
)
from planwatch.storage.types import Author, utcnow
from planwatch.storage.users import TokenRecord, UserRecord
from planwatch.workflow.errors import Conflict, Forbidden, Invalid, NotFound
from planwatch.workflow.principal import Actor, require_admin, require_reviewer
from planwatch.workflow.validation import check_number, check_text

_HASHER = PasswordHasher()
MIN_PASSWORD = 10
MAX_PASSWORD = 200
COMMON_PASSWORDS = frozenset({
    "1234567890", "12345678910", "0123456789", "password123", "password1234", "qwertyuiop",
    "1qaz2wsx3edc", "abc1234567", "a123456789", "1234qwer!@#$", "admin12345", "admin123456",
    "planwatch1", "planwatch123", "woaini1314", "iloveyou12", "qwer123456", "asdfghjkl1"})
ROLES = tuple(str(r) for r in Role)
TOKEN_DAYS = 90.0
MAX_TOKEN_DAYS = 3650.0


def digest(token: str) -> str:
    """SHA-256 of a token or session id: the only form stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_password() -> str:
    """A random password people can type (16 url-safe characters)."""
    return secrets.token_urlsafe(12)


def check_password(password: str, username: str = "") -> None:
    """The password policy: 10–200 characters, no NUL, at least 4 different characters, not
    containing the username, not a common password."""
    problems: list[tuple[str, str]] = []
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        problems.append((f"长度须为{MIN_PASSWORD}–{MAX_PASSWORD}位",
                         f"{MIN_PASSWORD}..{MAX_PASSWORD} characters"))
    if "\x00" in password:
        problems.append(("不能含NUL字符", "no NUL byte"))
    if len(set(password)) < 4:
        problems.append(("至少含4个不同字符", "at least 4 different characters"))
    name = username.strip().lower()
    if len(name) >= 3 and name in password.lower():
        problems.append(("不能包含用户名", "must not contain the username"))
    if password.lower() in COMMON_PASSWORDS:
        problems.append(("过于常见", "too common"))
    if problems:
        raise Invalid("密码不符合要求：" + "；".join(zh for zh, _ in problems),
                      "password rejected: " + "; ".join(en for _, en in problems),
                      [f"{zh} / {en}" for zh, en in problems])



def add_user(store: Storage, actor: Actor, username: str, password: str, role: str,
             department: str | int | None = None, *, region: str | None = None,
             display_name: str | None = None) -> UserRecord:
    """Create an account (admin only) in one transaction; the password is stored as an argon2
    hash. A department account belongs to one department row (see
    :func:`account_department`)."""
    require_admin(actor)
    check_text(username, "username", required=True)
    if isinstance(department, str):
        check_text(department, "department")
    check_text(region, "region")
    check_role(role)
    shown = _display_name(display_name)
    check_password(password, username)
    password_hash = _HASHER.hash(password)
    with store.atomic():
        dept = (account_department(store, department, region)
                if role == "department" and department not in (None, "") else None)
        return store_users.create_user(store, username, password_hash, role,
                                       dept.id if dept else None, by=actor.author,
                                       display_name=shown)


def check_role(role: str) -> str:
    """One of the four roles (admin, reviewer, department, viewer)."""
    if role not in ROLES:
        raise Invalid(f"未知角色：{role}", f"unknown role {role!r}")
    return role


def _display_name(text: str | None) -> str | None:
    """A display name (姓名): trimmed, at most 100 characters; blank → none."""
    check_text(text, "display_name")
    return (text.strip() or None) if text is not None else None


def account_department(store: Storage, department: str | int,
                       region: str | None = None) -> DepartmentRecord:
    """The department an account joins: by id; by name within ``region`` (created when new);
    by a name that only one existing department has (full, 烟台市科技局, or within its region,
    市科技局); else created in the region its name opens with (烟台市科技局 → 烟台市), or
    without a region. Two departments of the same name need ``region``."""
    if isinstance(department, int):
        found = get_department(store, department)
        if found is None:
            raise NotFound(f"部门{department}不存在", f"no department {department}")
        return found
    if region:
        region_id = region_by_name(store, region)
        if region_id is None:
            raise NotFound(f"地区不存在：{region}", f"no region {region}")
        return _department(store, add_department(store, region_id, department))
    named = departments_named(store, department)
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        choices = "、".join(f"{d.name}（{d.region or '无地区'}，编号{d.id}）" for d in named)
        raise Invalid(f"有多个部门名为“{department}”：{choices}；请指定地区或部门编号",
                      f"several departments are called {department!r}: give the region or "
                      "the department id")
    return _department(store, add_department(store, region_by_name(store, department),
                                             department))


def _department(store: Storage, department_id: int) -> DepartmentRecord:
    found = get_department(store, department_id)
    assert found is not None
    return found


def _is_self(store: Storage, actor: Actor, username: str) -> bool:
    """``username`` is the actor's own account (compared by account id)."""
    if actor.user_id is None:
        return False
    found = store_users.get_user(store, username=username)
    return found is not None and found.id == actor.user_id


def _user(store: Storage, username: str) -> UserRecord:
    user = store_users.get_user(store, username=username)
    if user is None:
        raise NotFound(f"用户不存在：{username}", f"no user {username}")
    return user


def _end_access(store: Storage, user: UserRecord, by: Author,
                keep_session: str | None) -> None:
    """Every session (but the caller's own, ``keep_session``) and every API token of a user
    end; re-activating the account later revives none of them."""
    store_users.end_sessions(store, user.id, keep=digest(keep_session) if keep_session else None)
    store_users.revoke_tokens(store, user.id, by=by)


def set_password(store: Storage, actor: Actor, username: str, password: str, *,
                 current: str | None = None, keep_session: str | None = None) -> None:
    """Change one's own password (the current one required) or reset another's (admins).
    Every other session and every API token of the account ends."""
    own = _is_self(store, actor, username)
    if not own:
        require_admin(actor)
    user = _user(store, username)
    if own and not _verifies(user, current or ""):
        raise Forbidden("当前密码不正确", "the current password is wrong")
    check_password(password, username)
    password_hash = _HASHER.hash(password)
    with store.atomic():
        store_users.update_user(store, user.id, by=actor.author, password_hash=password_hash)
        _end_access(store, user, actor.author, keep_session if own else None)


def reset_password(store: Storage, actor: Actor, username: str) -> str:
    """An admin sets a new random password (returned once); sessions and tokens end, all in
    one transaction."""
    require_admin(actor)
    password = new_password()
    password_hash = _HASHER.hash(password)
    with store.atomic():
        user = _user(store, username)
        store_users.update_user(store, user.id, by=actor.author, password_hash=password_hash)
        _end_access(store, user, actor.author, None)
    return password


def _keep_an_admin(store: Storage, user: UserRecord) -> None:
    """Refuse a change that takes the admin rights of the last active admin account (call
    inside the transaction that makes the change: the admin rows stay locked)."""
    if user.role != "admin" or not user.active:
        return
    if not set(store_users.active_admins(store)) - {user.id}:
        raise Conflict(f"{user.username}是最后一个有效的管理员账号，不能停用或更改其角色；请先"
                       "指定另一名管理员",
                       f"{user.username} is the last active admin: appoint another admin "
                       "first")


def set_active(store: Storage, actor: Actor, username: str, active: bool) -> None:
    """(De)activate an account (admins), in one transaction. Deactivation ends its sessions
    and tokens for good; an admin cannot deactivate their own account, nor anyone the last
    active admin."""
    require_admin(actor)
    with store.atomic():
        user = _user(store, username)
        if user.active == active:
            return
        if not active:
            if _is_self(store, actor, username):
                raise Forbidden("不能停用自己的账号", "you cannot deactivate your own account")
            _keep_an_admin(store, user)
        store_users.update_user(store, user.id, by=actor.author, active=active)
        if not active:
            _end_access(store, user, actor.author, None)


def set_role(store: Storage, actor: Actor, username: str, role: str,
             department: str | int | None = None, *,
             region: str | None = None) -> UserRecord:
    """Give an account another role (admins), in one transaction. A department account needs a
    department (``department``, chosen as in :func:`account_department`; it may keep the one it
    has); other roles belong to none. An admin cannot take their own admin rights, nor anyone
    those of the last active admin. Its sessions and tokens end (its rights change)."""
    require_admin(actor)
    check_role(role)
    if isinstance(department, str):
        check_text(department, "department")
    check_text(region, "region")
    with store.atomic():
        user = _user(store, username)
        if user.role == "admin" and role != "admin":
            if _is_self(store, actor, username):
                raise Forbidden("不能取消自己的管理员角色",
                                "you cannot take away your own admin role")
            _keep_an_admin(store, user)
        department_id = _role_department(store, user, role, department, region)
        if (role, department_id) == (user.role, user.department_id):
            return user
        store_users.update_user(store, user.id, by=actor.author, role=role,
                                department_id=department_id)
        _end_access(store, user, actor.author, None)
        return _user(store, username)


def _role_department(store: Storage, user: UserRecord, role: str,
                     department: str | int | None, region: str | None) -> int | None:
    """The department an account of ``role`` belongs to: none unless a department account."""
    if role != "department":
        return None
    if department not in (None, ""):
        assert department is not None
        return account_department(store, department, region).id
    if user.department_id is None:
        raise Invalid("部门账号须指定所属部门", "a department account needs a department")
    return user.department_id


def set_display_name(store: Storage, actor: Actor, username: str,
                     display_name: str | None) -> UserRecord:
    """Change an account's display name (admins for anyone, users for themselves); audited."""
    if not _is_self(store, actor, username):
        require_admin(actor)
    shown = _display_name(display_name)
    with store.atomic():
        user = _user(store, username)
        if shown != user.display_name:
            store_users.update_user(store, user.id, by=actor.author, display_name=shown)
        return _user(store, username)


def set_department(store: Storage, actor: Actor, username: str, department: str | int, *,
                   region: str | None = None) -> UserRecord:
    """Move a department account to another department (admins; chosen as in
    :func:`account_department`), e.g. an account whose department name the 0006 migration could
    not place in a region. Its sessions and tokens end (its rights change); one transaction."""
    require_admin(actor)
    if isinstance(department, str):
        check_text(department, "department", required=True)
    check_text(region, "region")
    with store.atomic():
        user = _user(store, username)
        if user.role != "department":
            raise Invalid("只有部门账号属于部门", "only department accounts belong to a department")
        dept = account_department(store, department, region)
        store_users.update_user(store, user.id, by=actor.author, department_id=dept.id)
        _end_access(store, user, actor.author, None)
        return _user(store, username)


def edit_account(store: Storage, actor: Actor, username: str, *, role: str | None = None,
                 department: str | int | None = None, region: str | None = None,
                 active: bool | None = None, display_name: str | None = None) -> UserRecord:
    """Several changes of one account at once (the JSON API's ``PATCH``), all or none: display
    name, role (with ``department``) or department alone, active. Checks as in the single
    verbs."""
    with store.atomic():
        if display_name is not None:
            set_display_name(store, actor, username, display_name)
        if role is not None:
            set_role(store, actor, username, role, department, region=region)
        elif department not in (None, ""):
            assert department is not None
            set_department(store, actor, username, department, region=region)
        if active is not None:
            set_active(store, actor, username, active)
        return _user(store, username)


def list_tokens(store: Storage, actor: Actor, username: str) -> list[TokenRecord]:
    """The API tokens of an account (admins for anyone, users for themselves)."""
    if not _is_self(store, actor, username):
        require_admin(actor)
    return store_users.list_tokens(store, _user(store, username).id)


def revoke_tokens(store: Storage, actor: Actor, username: str,
                  token_id: int | None = None) -> int:
    """Revoke one or all API tokens of an account (admins, or the owner); how many."""
    if not _is_self(store, actor, username):
        require_admin(actor)
    user = _user(store, username)
    count = store_users.revoke_tokens(store, user.id, by=actor.author, token_id=token_id)
    if token_id is not None and count == 0:
        raise NotFound(f"令牌{token_id}不存在或已撤销", f"no live token {token_id}")
    return count


def get_account(store: Storage, actor: Actor, username: str) -> UserRecord:
    """One account (admins, or the account itself)."""
    if not _is_self(store, actor, username):
        require_admin(actor)
    return _user(store, username)


def managed_account(store: Storage, actor: Actor, username: str) -> UserRecord:
    """One account as the admin pages show it (admins only, even for their own account)."""
    require_admin(actor)
    return _user(store, username)


def list_users(store: Storage, actor: Actor) -> list[UserRecord]:
    require_admin(actor)
    return store_users.list_users(store)


def list_departments(store: Storage, actor: Actor,
                     region_id: int | None = None) -> list[DepartmentRecord]:
    """Departments (of one region): signed-in users choose from them."""
    del actor  # any signed-in account may read the department list
    return store_departments(store, region_id)


def authenticate(store: Storage, username: str, password: str) -> Actor | None:
    """The actor for a correct username and password of an active account, else None."""
    user = store_users.get_user(store, username=username.strip())
    if user is None or not user.active:
        _HASHER.hash(password)  # same cost whether or not the user exists
        return None
    return Actor.from_user(user) if _verifies(user, password) else None


def _verifies(user: UserRecord, password: str) -> bool:
    try:
        return bool(_HASHER.verify(user.password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def create_token(store: Storage, actor: Actor, username: str, name: str | None = None,
                 days: float | None = TOKEN_DAYS) -> str:
    """A new API token for ``username`` (admins for anyone, users for themselves), valid for
    ``days`` (at most ten years); shown once."""
    if not _is_self(store, actor, username):
        require_admin(actor)
    check_text(name, "name")
    lifetime = check_number(days if days is not None else TOKEN_DAYS, "days", low=0.001,
                            high=MAX_TOKEN_DAYS)
    user = _user(store, username)
    token = "pw_" + secrets.token_urlsafe(32)
    store_users.add_token(store, user.id, digest(token), name,
                          utcnow() + timedelta(days=lifetime))
    return token


def actor_for_token(store: Storage, token: str) -> Actor | None:
    user = store_users.user_for_token(store, digest(token))
    return None if user is None else Actor.from_user(user)


def start_session(store: Storage, actor: Actor, hours: float) -> str:
    """Open a sign-in session; returns the session id for the cookie."""
    assert actor.user_id is not None
    session_id = secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(hours=hours)
    store_users.purge_sessions(store, user_id=actor.user_id)
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


def housekeeping(store: Storage) -> tuple[int, int]:
    """Purge expired sign-in sessions and uploads left unconfirmed for a day (also run when
    the web app starts and by ``planwatch purge``); returns (sessions, uploads) deleted."""
    from planwatch.storage.plan_access import purge_uploads

    return store_users.purge_sessions(store), purge_uploads(store)
