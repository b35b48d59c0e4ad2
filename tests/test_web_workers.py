"""``planwatch serve --workers N`` (PLANWATCH_WORKERS): several uvicorn processes on one SQLite
file, each with its own overview cache; a write made by another process shows in all of them at
once (the cache key carries the database's data revision)."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from planwatch import actions
from tests.e2e_support import ServerProcess, make_demo_db


def _fresh_get(url: str) -> httpx.Response:
    """One request on a new connection (the kernel spreads those over the workers)."""
    with httpx.Client(timeout=10.0) as client:
        return client.get(url)


def _log_when(srv: ServerProcess, line: str, count: int, seconds: float = 60.0) -> str:
    """The server's log once it holds ``line`` ``count`` times (a worker that the kernel gave
    no request yet may still be writing its start line on a loaded machine), or at the deadline."""
    deadline = time.monotonic() + seconds
    log = srv.log()
    while log.count(line) < count and time.monotonic() < deadline:
        time.sleep(0.2)
        log = srv.log()
    return log


def test_two_workers_share_the_database_and_see_writes_at_once(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    make_demo_db(db)
    url = f"sqlite:///{db}"
    with ServerProcess(url, tmp_path / "server.log", env={"PLANWATCH_WORKERS": "2"}) as srv:
        public = f"{srv.url}/api/v1/public/plans/1"
        answers = [_fresh_get(public) for _ in range(12)]
        assert {r.status_code for r in answers} == {200}
        assert len({r.content for r in answers}) == 1  # every worker serves the same JSON
        assert answers[0].json()["plan"]["is_public"] is True
        store = actions.open_store(url)
        try:
            actions.set_plan_public(store, actions.SYSTEM, 1, False)
        finally:
            store.close()
        assert {_fresh_get(public).status_code for _ in range(12)} == {404}
        log = _log_when(srv, "Started server process", 2)
    assert "(2 workers)" in log
    assert log.count("Started server process") == 2
