"""Accounts (admin) and API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from planwatch import actions
from planwatch.storage.users import UserRecord
from planwatch.web.api.types import Account, Department, Password
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor

router = APIRouter(tags=["users"])


class UserOut(BaseModel):
    id: int
    username: str
    role: str
    department: str | None
    active: bool
    created_at: datetime


class UserIn(BaseModel):
    username: Account
    password: Password
    role: Literal["admin", "reviewer", "department", "viewer"]
    department: Department | None = None


class UserEdit(BaseModel):
    active: bool | None = None
    password: Password | None = None


class TokenIn(BaseModel):
    name: Account | None = None


class TokenOut(BaseModel):
    token: str
    """Shown once; send as ``Authorization: Bearer <token>``."""


def user_out(u: UserRecord) -> UserOut:
    return UserOut.model_validate(u.model_dump(exclude={"password_hash"}))


@router.get("/users", response_model=list[UserOut])
def users(store: StoreDep, actor: CurrentActor) -> list[UserOut]:
    return [user_out(u) for u in actions.list_users(store, actor)]


@router.post("/users", response_model=UserOut, status_code=201)
def add(body: UserIn, store: StoreDep, actor: WritingActor) -> UserOut:
    return user_out(actions.add_user(store, actor, body.username, body.password, body.role,
                                     body.department))


@router.patch("/users/{username}", status_code=204)
def edit(username: str, body: UserEdit, store: StoreDep, actor: WritingActor) -> None:
    if body.password is not None:
        actions.set_password(store, actor, username, body.password)
    if body.active is not None:
        actions.set_active(store, actor, username, body.active)


@router.post("/users/{username}/tokens", response_model=TokenOut, status_code=201)
def token(username: str, body: TokenIn, store: StoreDep, actor: WritingActor) -> TokenOut:
    """A new API token (admins for anyone, users for themselves)."""
    return TokenOut(token=actions.create_token(store, actor, username, body.name))
