"""Paging of the HTML lists: ``?page=N&size=M`` checked at the door (a Chinese 400 page for
anything but a whole number in range), and the pager the ``pager`` macro of ``_macros.html``
draws (第a–b条，共N条 · 上一页 · 下一页). The rows are cut and counted in SQL by the verbs.

A route takes ``paging: Paging`` (50 rows a page) or its own default size::

    ReviewPaging = Annotated[PageRequest, Depends(page_request(100))]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request

from planwatch.workflow.review_queue import MAX_PAGE_SIZE

DEFAULT_SIZE = 50
MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class PageRequest:
    """The page asked for: ``number`` from 1, ``size`` rows a page."""

    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


@dataclass(frozen=True)
class Pager:
    """What the pager shows: the rows ``first``–``last`` of ``total`` and the neighbour pages."""

    number: int
    size: int
    total: int
    first: int
    last: int
    prev_url: str | None
    next_url: str | None


def _whole(raw: str | None, name: str, default: int, most: int) -> int:
    if raw is None or raw.strip() == "":
        return default
    text = raw.strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= most:
        raise HTTPException(400, f"分页参数无效：{name} 须为 1—{most} 的整数 / invalid paging: "
                                 f"{name} must be a whole number from 1 to {most}")
    return int(text)


def page_request(default_size: int = DEFAULT_SIZE) -> Callable[..., PageRequest]:
    """A dependency reading ``page`` and ``size`` (default ``default_size``, at most 500)."""

    def read(page: Annotated[str | None, Query(max_length=20)] = None,
             size: Annotated[str | None, Query(max_length=20)] = None) -> PageRequest:
        return PageRequest(_whole(page, "page", 1, MAX_PAGE),
                           _whole(size, "size", default_size, MAX_PAGE_SIZE))

    return read


Paging = Annotated[PageRequest, Depends(page_request())]
FIRST_PAGE = PageRequest(1, DEFAULT_SIZE)
"""The page shown after a form is refused (the list starts again at the top)."""


def _url(request: Request, path: str | None, number: int, drop: tuple[str, ...]) -> str:
    query = [(k, v) for k, v in request.query_params.multi_items()
             if k != "page" and k not in drop]
    return (path or request.url.path) + "?" + urlencode([*query, ("page", str(number))])


def pager(request: Request, asked: PageRequest, total: int, shown: int, *,
          drop: tuple[str, ...] = (), path: str | None = None) -> Pager:
    """The pager of one page of ``shown`` rows out of ``total``: links to ``path`` (default:
    this page) keeping the other query parameters but ``drop``."""
    first = asked.offset + 1 if shown else 0
    last_page = max(1, -(-total // asked.size))
    before = min(asked.number - 1, last_page)  # past the end: back to the last page
    has_next = asked.offset + asked.size < total
    return Pager(number=asked.number, size=asked.size, total=total, first=first,
                 last=asked.offset + shown,
                 prev_url=_url(request, path, before, drop) if before >= 1 else None,
                 next_url=_url(request, path, asked.number + 1, drop) if has_next else None)
