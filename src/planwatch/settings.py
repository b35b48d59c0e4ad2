"""Application settings (配置), built once at the edge and passed in.

Nothing here reads the environment at import time: call :func:`load_settings`
(or ``Settings()``) in the CLI / web entry point.
"""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///planwatch.db"


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as ``PLANWATCH_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="PLANWATCH_", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL


def load_settings() -> Settings:
    """Build settings from the environment (call only at the program edge)."""
    return Settings()
