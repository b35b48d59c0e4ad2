"""Web load: ``planwatch serve --workers N`` (uvicorn; N = 2 by default, one per core of the
2-core machine the numbers were taken on, as docs/cli.md recommends for production) in a
subprocess, loaded from this process (asyncio keep-alive connections for GETs, httpx for POSTs;
loopback only, bounded request counts and time) on SQLite and PostgreSQL. The load generator
shares the CPU with the server.

Scenarios, each for ``/healthz`` (a one-query baseline measured under the same load), the plan
overview JSON (``/api/v1/plans/{id}/overview``, bearer token) and page (``/plans/{id}``):
* sequential: one client, one request after the other (pure latency);
* closed loop, C clients: C keep-alive connections, each sending its next request as soon as
  the previous answer arrived (saturation: latency then is mostly queueing ≈ C ÷ throughput);
* paced, C clients: C connections, each sending one request per second (starts spread over the
  first second, so C requests/s arrive evenly: C users at work). A client whose answer takes
  longer than a second sends the next one right away, so an overloaded server shows up as a
  lower rate and long latencies.
Then 200 concurrent department submissions (POST with API tokens): every answer 201 and exactly
200 new rows afterwards (none lost); and 200 paced API readers while another 200 submissions
arrive (each submission changes the reviewer's overview, so reads take the uncached path).
Goal: API p95 < 50 ms — checked for one client and for 200 paced users (closed-loop numbers
are reported for capacity, not against the goal). The overview is cached per data revision
(planwatch.workflow.overview_cache): these scenarios read unchanged data, i.e. measure the
cached path; the first request after a write costs one uncached computation (~20 ms).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import create_engine, func, select
from tests.e2e_support import ServerProcess

from benchmarks.pg import throwaway_database
from planwatch import actions
from planwatch.storage.schema_web import submissions
from planwatch.workflow.principal import SYSTEM

GOAL_MS = 50.0
WORKERS = 2
TIME_LIMIT_S = 60.0  # per scenario
SUBMISSIONS = 200


@dataclass
class Fixture:
    """What the load needs: a plan, a reviewer token and department tokens with indicators."""

    plan_id: int
    reviewer_token: str
    departments: list[tuple[str, list[str]]]  # (token, indicator names it owns)


@dataclass
class Result:
    latencies_ms: list[float]
    errors: int
    seconds: float

    def pct(self, q: float) -> float:
        xs = sorted(self.latencies_ms)
        return xs[min(len(xs) - 1, int(q / 100 * len(xs)))] if xs else float("nan")

    @property
    def rps(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


def _largest_plan_with_accounts(store: Any, demo: Any) -> tuple[int, Any, list[Any]]:
    """The plan with the most indicators among those whose region has department accounts,
    and up to 4 of those accounts (owners must be departments of the plan's own region)."""
    regions = {i.id: i.region_id for i in actions.plan_items(store, SYSTEM)}
    plans = sorted(((pid, actions.find_plan(store, str(pid))[1]) for pid, _ in demo.plans),
                   key=lambda p: -len(p[1].indicators))
    for pid, plan in plans:
        rid = regions.get(pid)
        names = ({d.name for d in actions.list_departments(store, SYSTEM, rid)}
                 if rid is not None else set())
        depts = [a for a in demo.accounts if a.role == "department" and a.department in names]
        if depts and plan.indicators:
            return pid, plan, depts[:4]
    raise SystemExit("no demo plan has department accounts of its region")


def prepare(url: str) -> Fixture:
    """Demo content, every indicator of the largest plan owned by one of 4 departments."""
    store = actions.open_store(url)
    try:
        demo = actions.build_demo(store)
        plan_id, plan, depts = _largest_plan_with_accounts(store, demo)
        owned: list[list[str]] = [[] for _ in depts]
        for i, ind in enumerate(plan.indicators):
            dept = depts[i % len(depts)]
            actions.set_indicator_owner(store, SYSTEM, plan_id, ind.name, dept.department)
            owned[i % len(depts)].append(ind.name)
        return Fixture(plan_id, actions.create_token(store, SYSTEM, "reviewer"),
                       [(actions.create_token(store, SYSTEM, d.username), names)
                        for d, names in zip(depts, owned, strict=True)])
    finally:
        store.close()


def submission_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(submissions)).scalar_one())
    finally:
        engine.dispose()


class RawClient:
    """One keep-alive HTTP/1.1 connection speaking just enough HTTP for GETs: much lighter
    than a full client, so that the load generator leaves the CPU to the server."""

    def __init__(self, base: str, headers: dict[str, str]) -> None:
        self.host, port = base.removeprefix("http://").split(":")
        self.port = int(port)
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n{self.extra}\r\n"
                          .encode())
        await self.writer.drain()
        status = int((await self.reader.readline()).split()[1])
        length, chunked = 0, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            key, _, value = line.partition(b":")
            key = key.strip().lower()
            if key == b"content-length":
                length = int(value)
            chunked = chunked or (key == b"transfer-encoding" and b"chunked" in value)
        while chunked and (size := int((await self.reader.readline()).strip(), 16)):
            await self.reader.readexactly(size + 2)
        await self.reader.readexactly(2 if chunked else length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def _client_loop(base: str, headers: dict[str, str], path: str, count: int,
                       pace: float, deadline: float, out: Result) -> None:
    client = RawClient(base, headers)
    for _ in range(count):
        if time.monotonic() > deadline:
            break
        t0 = time.perf_counter()
        try:
            ok = await client.get(path) == 200
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            ok = False
            await client.close()
        elapsed = time.perf_counter() - t0
        if ok:
            out.latencies_ms.append(elapsed * 1000)
        else:
            out.errors += 1
        if pace:
            await asyncio.sleep(max(0.0, pace - elapsed))
    await client.close()


async def load(base: str, path: str, headers: dict[str, str], clients: int, per_client: int,
               pace: float = 0.0) -> Result:
    """``clients`` concurrent connections, each sending ``per_client`` GETs (every ``pace`` s,
    starting at random offsets within the first pace interval)."""
    out = Result([], 0, 0.0)
    warm = RawClient(base, headers)
    await warm.get(path)
    await warm.close()
    deadline = time.monotonic() + TIME_LIMIT_S

    async def client(k: int) -> None:
        await asyncio.sleep(pace * k / clients)
        await _client_loop(base, headers, path, per_client, pace, deadline, out)

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    out.seconds = time.perf_counter() - t0
    return out


async def _raw_post(host: str, port: int, path: str, token: str, body: dict[str, object]) -> int:
    """One POST over a fresh HTTP/1.1 connection with almost no client-side CPU (httpx costs
    more CPU per request than the server does, and the loader shares the server's cores)."""
    reader, writer = await asyncio.open_connection(host, port)
    data = json.dumps(body).encode()
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
            f"Connection: close\r\n\r\n")
    writer.write(head.encode() + data)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    await reader.read()
    writer.close()
    return status


async def submit_all(base: str, fx: Fixture) -> tuple[int, Result]:
    """SUBMISSIONS concurrent POSTs spread over the departments; returns (201 answers, timing)."""
    url = urlsplit(base)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    out = Result([], 0, 0.0)

    async def one(n: int) -> bool:
        token, names = fx.departments[n % len(fx.departments)]
        body: dict[str, object] = {"indicator": names[n % len(names)], "year": 2021 + n % 5,
                                   "value": 1000 + n, "source": "bench"}
        t0 = time.perf_counter()
        status = await _raw_post(host, port, f"/api/v1/plans/{fx.plan_id}/submissions",
                                 token, body)
        out.latencies_ms.append((time.perf_counter() - t0) * 1000)
        return status == 201

    t0 = time.perf_counter()
    oks = await asyncio.gather(*(one(n) for n in range(SUBMISSIONS)))
    out.seconds = time.perf_counter() - t0
    return sum(oks), out


def _row(label: str, res: Result, base: Result | None) -> str:
    ratio = f"×{res.pct(95) / base.pct(95):.1f}" if base and base.latencies_ms else ""
    return (f"  {label:<34} p50 {res.pct(50):7.1f}  p95 {res.pct(95):7.1f}  "
            f"p99 {res.pct(99):7.1f} ms  {res.rps:6.0f} req/s  err {res.errors:<3} {ratio}")


SCENARIOS = ((1, 50, 0.0, "sequential"),
             (50, 10, 0.0, "closed loop"),
             (200, 5, 0.0, "closed loop"),
             (200, 10, 1.0, "paced 1 req/s each"))


def run_backend(name: str, url: str, folder: Path, workers: int) -> dict[str, float]:
    """Every scenario on one database; returns the headline p95s."""
    fx = prepare(url)
    auth = {"Authorization": f"Bearer {fx.reviewer_token}"}
    paths = {"healthz (baseline)": "/healthz",
             "overview API": f"/api/v1/plans/{fx.plan_id}/overview",
             "overview page": f"/plans/{fx.plan_id}"}
    headline: dict[str, float] = {}
    print(f"-- {name} (plan {fx.plan_id}, {workers} worker(s)) --")
    env = {"PLANWATCH_WORKERS": str(workers)}
    with ServerProcess(url, folder / f"server-{name}.log", env=env) as srv:
        for clients, per_client, pace, mode in SCENARIOS:
            print(f" {clients} client(s), {mode}:")
            base: Result | None = None
            for label, path in paths.items():
                res = asyncio.run(load(srv.url, path, auth, clients, per_client, pace))
                base = base or res
                print(_row(label, res, None if res is base else base))
                headline[f"{label} {clients} {mode}"] = res.pct(95)
        submissions_alone(url, srv.url, fx)
        headline["overview API during writes"] = reads_during_writes(url, srv.url, fx, auth)
    return headline


def _check_stored(url: str, before: int, ok: int) -> None:
    stored = submission_count(url) - before
    print(f"  submissions: {ok}/{SUBMISSIONS} answered 201, {stored} rows stored "
          f"({'none lost' if ok == stored == SUBMISSIONS else 'LOST OR FAILED'})")


def submissions_alone(url: str, base: str, fx: Fixture) -> None:
    print(f" {SUBMISSIONS} concurrent submissions:")
    before = submission_count(url)
    ok, res = asyncio.run(submit_all(base, fx))
    print(_row(f"{SUBMISSIONS} submissions (POST)", res, None))
    _check_stored(url, before, ok)


def reads_during_writes(url: str, base: str, fx: Fixture, auth: dict[str, str]) -> float:
    """200 paced API readers while 200 submissions arrive at once: every submission changes
    the reviewer's overview (review-queue count), so readers hit the uncached path."""
    print(f" 200 clients paced 1 req/s reading the overview API while {SUBMISSIONS} "
          "submissions arrive:")

    async def both() -> tuple[Result, tuple[int, Result]]:
        reads = asyncio.create_task(load(base, f"/api/v1/plans/{fx.plan_id}/overview", auth,
                                         200, 5, 1.0))
        await asyncio.sleep(1.0)
        writes = await submit_all(base, fx)
        return await reads, writes

    before = submission_count(url)
    reads, (ok, res) = asyncio.run(both())
    print(_row("overview API (reads)", reads, None))
    print(_row(f"{SUBMISSIONS} submissions (POST)", res, None))
    _check_stored(url, before, ok)
    return reads.pct(95)


def _verdict(ms: float) -> str:
    return f"goal < {GOAL_MS:.0f} ms: {'OK' if ms < GOAL_MS else 'over goal'}"


def summary(results: dict[str, dict[str, float]]) -> None:
    for backend, head in results.items():
        single = head["overview API 1 sequential"]
        print(f"{backend}: overview API p95 for one client {single:.1f} ms ({_verdict(single)})")
        p95 = head["overview API 200 paced 1 req/s each"]
        print(f"{backend}: overview API p95 at 200 paced users {p95:.1f} ms ({_verdict(p95)})")
        base = head["healthz (baseline) 200 paced 1 req/s each"]
        print(f"  (healthz p95 under the same load {base:.1f} ms; ratio ×{p95 / base:.1f})")
        closed = head["overview API 200 closed loop"]
        print(f"  (200 clients closed loop, capacity not goal: API p95 {closed:.1f} ms)")
        mixed = head["overview API during writes"]
        print(f"  (200 paced users during a burst of {SUBMISSIONS} submissions: API p95 "
              f"{mixed:.1f} ms, {_verdict(mixed)})")


def _skipped(why: str) -> None:
    print(f"-- postgresql skipped: {why}")


def main(workers: int = WORKERS) -> None:
    print(f"== web load: plan overview API and page, submissions ({workers} uvicorn "
          "worker(s)) ==")
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        results["sqlite"] = run_backend("sqlite", f"sqlite:///{folder / 'bench.db'}", folder,
                                        workers)
        with throwaway_database(skipped=_skipped) as pg_url:
            if pg_url:
                results["postgresql"] = run_backend("postgresql", pg_url, folder, workers)
    summary(results)


if __name__ == "__main__":
    sys.exit(main())
