"""Finding a stored plan by where and when it applies (one query, not a scan of every plan)."""

from __future__ import annotations

from sqlalchemy import select

from planwatch.storage.engine import Storage
from planwatch.storage.schema import plans, regions


def plan_of_region(
    storage: Storage, region_name: str, period_end: int | None, doc_type: str | None
) -> int | None:
    """Id of the first stored plan of the region named ``region_name`` with the same period end
    and document type (the parent-plan checks of the audit), or ``None``."""
    query = (
        select(plans.c.id)
        .join(regions, regions.c.id == plans.c.region_id)
        .where(regions.c.name == region_name)
        .where(plans.c.period_end.is_(None) if period_end is None
               else plans.c.period_end == period_end)
        .where(plans.c.doc_type.is_(None) if doc_type is None else plans.c.doc_type == doc_type)
        .order_by(plans.c.id)
        .limit(1)
    )
    with storage.reading() as conn:
        found = conn.execute(query).scalar()
    return None if found is None else int(found)
