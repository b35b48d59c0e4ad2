"""A real planwatch server in a subprocess, for the browser tests (tests/test_e2e*.py) and the
web load benchmark (benchmarks/web_bench.py).

* :func:`make_demo_db` runs ``planwatch demo --no-serve`` on a fresh SQLite file and returns the
  printed accounts (username → password, role, department).
* :class:`ServerProcess` starts ``planwatch --db URL serve --host 127.0.0.1 --port N`` (uvicorn,
  one process) on a free loopback port, waits for ``/healthz`` and stops it again.
* :func:`launch_chromium` starts Debian's ``/usr/bin/chromium`` through Playwright (no browser
  download: ``playwright install`` cannot reach its servers here).

No pytest or Playwright import at module level: the benchmark imports this file too.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
_ACCOUNT = re.compile(r"^\s{2}(\S+)\t(\S+)\t(\S+)\t(.*)$")


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    role: str
    department: str | None


def planwatch_cmd() -> list[str]:
    """The ``planwatch`` console script of this interpreter's venv (or ``python -m``)."""
    script = VENV_BIN / "planwatch"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from planwatch.cli import main; main()"]


def make_demo_db(db_file: Path, *, plain: bool = True) -> dict[str, Account]:
    """Build the plain demo database in ``db_file`` (must not exist; ``--plain``: the flows
    below enter values into cells the living demo has already filled; ``plain=False``: the
    living demo); returns its accounts."""
    out = subprocess.run([*planwatch_cmd(), "demo", "--no-serve",
                          *(["--plain"] if plain else []), "--db-file", str(db_file)],
                         capture_output=True, text=True, check=True, timeout=120, cwd=ROOT)
    accounts: dict[str, Account] = {}
    for line in out.stdout.splitlines():
        m = _ACCOUNT.match(line)
        if m:
            name, password, role, dept = m.groups()
            accounts[name] = Account(name, password, role, dept.strip() or None)
    if not accounts:
        raise RuntimeError(f"no accounts in demo output:\n{out.stdout}\n{out.stderr}")
    return accounts


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (bound once, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServerProcess:
    """``planwatch serve`` on ``db_url`` and a free loopback port, as a child process."""

    db_url: str
    log_file: Path
    port: int = field(default_factory=free_port)
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> ServerProcess:
        cmd = [*planwatch_cmd(), "--db", self.db_url, "serve", "--host", "127.0.0.1",
               "--port", str(self.port)]
        env = {**os.environ, "PLANWATCH_DATABASE_URL": self.db_url, **self.env}
        with self.log_file.open("wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                                         cwd=ROOT, start_new_session=True)
        self._wait_healthy(timeout)
        return self

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server not healthy within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        """SIGTERM (uvicorn shuts down gracefully), SIGKILL after 10 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def __enter__(self) -> ServerProcess:
        return self.start() if self.proc is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def api_login(client: httpx.Client, account: Account) -> dict[str, str]:
    """Sign ``client`` in by cookie; returns the CSRF header for state-changing calls."""
    r = client.post("/api/v1/auth/login",
                    json={"username": account.username, "password": account.password})
    r.raise_for_status()
    return {"X-CSRF-Token": r.json()["csrf_token"]}


def api_token(client: httpx.Client, account: Account) -> str:
    """A fresh API token of ``account`` (created by the account itself, cookie then dropped)."""
    csrf = api_login(client, account)
    r = client.post(f"/api/v1/users/{account.username}/tokens", json={"name": "e2e"},
                    headers=csrf)
    r.raise_for_status()
    client.cookies.clear()
    body = r.json()
    return str(body["token"] if isinstance(body, dict) else body)


def launch_chromium(playwright: Any) -> Any:
    """Headless Debian Chromium (Playwright keeps a fresh temporary user-data-dir per launch)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_ARGS)
