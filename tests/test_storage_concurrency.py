"""Concurrent writers on one SQLite file: every read-then-write transaction waits for the lock
instead of failing with "database is locked", and nothing is lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from planwatch.actions import extract_file
from planwatch.model.actual import Actual
from planwatch.storage import best_actuals, import_plan, open_storage, record_actuals
from tests.helpers import SEEDS

WRITERS = 16


def test_concurrent_read_then_write_transactions_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    setup = open_storage(url)
    plan = extract_file(SEEDS / "zibo-2022-plan.txt")
    plan_id = import_plan(setup, plan, "zibo.txt", None, "test").plan_id
    names = [i.name for i in plan.indicators]
    units = {i.name: i.unit for i in plan.indicators}
    setup.close()

    def write(k: int) -> int:
        store = open_storage(url, migrate=False)  # its own engine: like another process
        try:
            name = names[k % len(names)]
            year = 2021 + k // len(names)
            record_actuals(store, plan_id, [Actual(indicator=name, year=year, value=1 + k / 10,
                                                   unit=units[name])], user=f"u{k}")
            return len(best_actuals(store, plan_id))
        finally:
            store.close()

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        list(pool.map(write, range(WRITERS)))
    check = open_storage(url, migrate=False)
    stored = {(a.indicator, a.year): a.value for a in best_actuals(check, plan_id)}
    check.close()
    expected = {(names[k % len(names)], 2021 + k // len(names)): 1 + k / 10 for k in range(WRITERS)}
    assert stored == expected
