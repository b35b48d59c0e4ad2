"""One page of a list answer: ``offset`` and ``limit`` query parameters, the total in the
``X-Total-Count`` header (the same convention as the submissions and review lists)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Response

from planwatch.workflow.review_queue import MAX_PAGE_SIZE

T = TypeVar("T")


class PageParams:
    """``?offset=0&limit=500`` (at most 500 rows a page)."""

    def __init__(
        self,
        offset: Annotated[int, Query(ge=0, le=10_000_000,
                                     description="跳过的行数 / rows to skip")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE,
                                    description="每页行数 / rows per page")] = MAX_PAGE_SIZE,
    ) -> None:
        self.offset = offset
        self.limit = limit

    def page(self, rows: Sequence[T], response: Response) -> list[T]:
        """The requested slice of ``rows``; the full count goes into ``X-Total-Count``."""
        response.headers["X-Total-Count"] = str(len(rows))
        return list(rows[self.offset:self.offset + self.limit])


Page = Annotated[PageParams, Depends()]
