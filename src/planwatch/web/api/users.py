"""Accounts (admin) and API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from planwatch import actions
from planwatch.storage.users import TokenRecord, UserRecord
from planwatch.web.api.paging import Page
from planwatch.web.api.types import Account, Department, Password
from planwatch.web.deps import CurrentActor, SettingsDep, StoreDep, WritingActor

router = APIRouter(tags=["users"])


class UserOut(BaseModel):
    id: int
    username: str
    display_name: str | None = None
    role: str
    department: str | None
    department_id: int | None = None
    active: bool
    created_at: datetime


RoleName = Literal["admin", "reviewer", "department", "viewer"]


class UserIn(BaseModel):
    username: Account
    password: Password
    role: RoleName
    display_name: Account | None = None
    """姓名, shown beside the username."""
    department: Department | None = None
    """A department name: one existing department of that name, or new in ``region`` (or in
    the region the name opens with)."""
    department_id: int | None = Field(default=None, ge=1)
    """An existing department (``GET /departments``); wins over ``department``."""
    region: Department | None = None


class UserEdit(BaseModel):
    active: bool | None = None
    """(De)activate (admins; not one's own account, nor the last active admin)."""
    role: RoleName | None = None
    """A new role (admins; a department account needs ``department_id`` unless it has one;
    an admin cannot demote themselves, nor anyone the last active admin)."""
    department_id: int | None = Field(default=None, ge=1)
    """Another existing department for a department account (admins)."""
    display_name: Annotated[str, Field(max_length=100)] | None = None
    """姓名 (admins, or the account itself); an empty text clears it."""
    password: Password | None = None
    current_password: Password | None = None
    """Required when changing one's own password."""


class TokenIn(BaseModel):
    name: Account | None = None
    days: float | None = Field(default=None, gt=0, le=3650, allow_inf_nan=False)
    """Lifetime in days (default: the server's ``token_days``)."""


class TokenOut(BaseModel):
    token: str
    """Shown once; send as ``Authorization: Bearer <token>``."""


def user_out(u: UserRecord) -> UserOut:
    return UserOut.model_validate(u.model_dump(exclude={"password_hash"}))


@router.get("/users", response_model=list[UserOut])
def users(store: StoreDep, actor: CurrentActor, page: Page, response: Response
          ) -> list[UserOut]:
    """Accounts (admins), one page; total in ``X-Total-Count``."""
    return [user_out(u) for u in page.page(actions.list_users(store, actor), response)]


@router.post("/users", response_model=UserOut, status_code=201)
def add(body: UserIn, store: StoreDep, actor: WritingActor) -> UserOut:
    department = body.department_id if body.department_id is not None else body.department
    return user_out(actions.add_user(store, actor, body.username, body.password, body.role,
                                     department, region=body.region,
                                     display_name=body.display_name))


@router.get("/users/{username}", response_model=UserOut)
def user(username: str, store: StoreDep, actor: CurrentActor) -> UserOut:
    """One account (admins, or the account itself)."""
    return user_out(actions.get_account(store, actor, username))


class DepartmentOut(BaseModel):
    id: int
    name: str
    region_id: int | None
    region: str | None


@router.get("/departments", response_model=list[DepartmentOut])
def departments(store: StoreDep, actor: CurrentActor,
                region_id: int | None = None) -> list[DepartmentOut]:
    """Departments (of one region with ``region_id``): rows of a region, chosen by id for
    accounts and indicator owners."""
    return [DepartmentOut.model_validate(d.model_dump())
            for d in actions.list_departments(store, actor, region_id)]


@router.patch("/users/{username}", status_code=204)
def edit(username: str, body: UserEdit, request: Request, store: StoreDep,
         actor: WritingActor) -> None:
    """Change a password (one's own: ``current_password`` required; every other session and
    every token ends); and, all in one transaction, the display name, the role or department
    (admins; access ends) and (de)activate an account (admins; deactivation ends its
    access)."""
    if body.password is not None:
        actions.set_password(store, actor, username, body.password,
                             current=body.current_password,
                             keep_session=getattr(request.state, "session_id", None))
    if (body.role, body.department_id, body.active, body.display_name) != (None,) * 4:
        actions.edit_account(store, actor, username, role=body.role,
                             department=body.department_id, active=body.active,
                             display_name=body.display_name)


class PasswordOut(BaseModel):
    password: str
    """The new password, shown once; the account's sessions and tokens have ended."""


@router.post("/users/{username}/reset-password", response_model=PasswordOut)
def reset_password(username: str, store: StoreDep, actor: WritingActor) -> PasswordOut:
    """A new random password for an account (admins), returned once."""
    return PasswordOut(password=actions.reset_password(store, actor, username))


@router.post("/users/{username}/tokens", response_model=TokenOut, status_code=201)
def token(username: str, body: TokenIn, store: StoreDep, settings: SettingsDep,
          actor: WritingActor) -> TokenOut:
    """A new API token (admins for anyone, users for themselves), valid for ``days``."""
    return TokenOut(token=actions.create_token(store, actor, username, body.name,
                                               body.days or settings.token_days))


@router.get("/users/{username}/tokens", response_model=list[TokenRecord])
def tokens(username: str, store: StoreDep, actor: CurrentActor, page: Page,
           response: Response) -> list[TokenRecord]:
    """The API tokens of an account: names, dates, expiry, revocation (never the token); one
    page, total in ``X-Total-Count``."""
    return page.page(actions.list_tokens(store, actor, username), response)


@router.delete("/users/{username}/tokens/{token_id}", status_code=204)
def revoke(username: str, token_id: int, store: StoreDep, actor: WritingActor) -> None:
    """Revoke one API token (admins, or the owner)."""
    actions.revoke_tokens(store, actor, username, token_id)
