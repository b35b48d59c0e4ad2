"""Process-local cache of plan overviews (规划总览缓存).

Computing an overview reads the plan, its actuals, owners and task progress and evaluates every
indicator (~20 ms); it changes only when the data does. Every write to plans, targets, actuals,
submissions, responsibility, task progress and visibility appends an ``audit_log`` row in the
same transaction (see ``planwatch.storage.audit_log``), so the audit log is the data revision:
an entry is keyed by (plan id, requested year, audience, today, data revision) and a write makes
every older entry unreachable (no explicit invalidation, no staleness window; several worker
processes each keep their own cache). The reviewers' review-queue count is the one part that
submissions change: it is not cached but counted per request (one indexed query), and
submission audit rows are left out of the revision.

The revision is read *before* the overview is computed, so a write that commits in between can
only make a cached value newer than its key, never older. On SQLite commits are serialised in
id order, so the last id identifies the committed set; on PostgreSQL a transaction holding a
lower id can commit after one holding a higher id, so ``count(*)`` is added (the log is
append-only: every commit raises the count).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy import func, select

from planwatch.reports.build import Report
from planwatch.storage import Storage
from planwatch.storage.schema import audit_log
from planwatch.storage.schema_web import submissions
from planwatch.workflow.principal import Actor
from planwatch.workflow.views import PlanOverview

V = TypeVar("V")
MAX_ENTRIES = 64


def audience(actor: Actor | None) -> str:
    """What part of an overview the actor may see: ``public`` (anonymous: no owners, public
    plans only) or ``signed-in`` (owners; the reviewers' review-queue count is added per
    request, see :func:`pending_count`)."""
    return "public" if actor is None else "signed-in"


# Submissions alone change only the review-queue count (an approval also records actuals,
# audited as such), so their audit rows do not invalidate the cached part.
_RELEVANT = audit_log.c.entity != "submission"
_LAST_ID = (select(audit_log.c.id).where(_RELEVANT).order_by(audit_log.c.id.desc()).limit(1)
            .scalar_subquery())
_REVISION = {"sqlite": select(func.coalesce(_LAST_ID, 0))}
_REVISION_OTHER = select(func.coalesce(func.max(audit_log.c.id), 0), func.count()).where(
    _RELEVANT)


def data_revision(store: Storage) -> tuple[int, ...]:
    """A value that changes with every committed write the cached overview depends on."""
    with store.reading() as conn:
        row = conn.execute(_REVISION.get(store.dialect, _REVISION_OTHER)).one()
    return tuple(int(v) for v in row)


def pending_count(store: Storage, actor: Actor | None, plan_id: int) -> int | None:
    """Submissions of the plan waiting for review (reviewers only; one indexed count)."""
    if actor is None or not actor.is_reviewer:
        return None
    query = select(func.count()).select_from(submissions).where(
        submissions.c.plan_id == plan_id, submissions.c.status == "submitted")
    with store.reading() as conn:
        return int(conn.execute(query).scalar_one())


@dataclass
class LruCache(Generic[V]):
    """A bounded, thread-safe LRU map; ``get_or_compute`` lets one thread compute a missing
    value while the others asking for the same key wait for it (no stampede after a write)."""

    size: int = MAX_ENTRIES
    _data: OrderedDict[object, V] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _computing: dict[object, threading.Lock] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def get(self, key: object) -> V | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
                self.hits += 1
            return value

    def put(self, key: object, value: V) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def get_or_compute(self, key: object, compute: Callable[[], V]) -> V:
        found = self.get(key)
        if found is not None:
            return found
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            found = self.get(key)
            if found is not None:
                return found
            try:
                value = compute()
                self.put(key, value)
                with self._lock:
                    self.misses += 1
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class CachedOverview:
    """The evaluation (``report``: what the report downloads render), the overview built from
    it (review-queue count left out) and its JSON bytes per count, serialised once and shared
    by every API answer. Callers get copies of ``view``, never the object itself."""

    def __init__(self, view: PlanOverview, report: Report) -> None:
        self.view = view
        self.report = report
        self._json: dict[int | None, bytes] = {}

    def json(self, pending: int | None) -> bytes:
        data = self._json.get(pending)
        if data is None:
            view = self.view.model_copy(update={"pending_submissions": pending})
            data = view.model_dump_json().encode()
            if len(self._json) >= 4:
                self._json.clear()
            self._json[pending] = data
        return data


_CACHES: weakref.WeakKeyDictionary[Storage, LruCache[CachedOverview]] = (
    weakref.WeakKeyDictionary())
_CACHES_LOCK = threading.Lock()


def cache_for(store: Storage) -> LruCache[CachedOverview]:
    """The overview cache of one open store (dropped with it)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(store)
        if cache is None:
            cache = _CACHES[store] = LruCache()
        return cache


def overview_key(store: Storage, actor: Actor | None, plan_id: int,
                 year: int | None) -> tuple[object, ...]:
    """The cache key of an overview request (reads the data revision: one indexed query)."""
    return (plan_id, year, audience(actor), date.today().isoformat(), data_revision(store))
