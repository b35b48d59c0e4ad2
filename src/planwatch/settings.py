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

    # web server (planwatch serve / planwatch demo)
    secret_key: str | None = None
    """Key for CSRF tokens; when unset one is generated once and stored in the database."""
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_mb: float = 50.0
    cookie_secure: bool = False
    """Send the session cookie only over HTTPS (set true behind TLS)."""
    session_hours: float = 12.0
    login_max_failures: int = 5
    login_window_seconds: int = 900
    login_global_max_failures: int = 200
    """Failed sign-ins allowed from all clients together per window (global rate limit)."""
    trusted_proxies: list[str] = []
    """Addresses of reverse proxies whose ``X-Forwarded-For`` is believed (none by default)."""
    token_days: float = 90.0
    """Lifetime of a new API token (days)."""

    # review of submitted values (填报审核)
    four_eyes: bool = False
    """No reviewer approves or returns a value they entered themselves."""
    plausibility_jump_pct: float = 50.0
    """A value moving more than this (±%) against last year is flagged for the reviewer."""
    plausibility_target_factor: float = 2.0
    """A value beyond this multiple of the plan's target is flagged for the reviewer."""

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


def load_settings() -> Settings:
    """Build settings from the environment (call only at the program edge)."""
    return Settings()
