"""The web as a source: fetching pages and feeds (httpx), and the offline copy of what was
fetched, kept as files that the library loads like any other article.

`Fetcher` (and with it httpx) is imported only when first asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.web.response import FetchError, Response, check_url, is_url
from reader.web.store import PageStore

if TYPE_CHECKING:
    from reader.web.fetch import Fetcher

__all__ = ["FetchError", "Fetcher", "PageStore", "Response", "check_url", "is_url"]


def __getattr__(name: str) -> Any:
    if name == "Fetcher":
        from reader.web.fetch import Fetcher

        return Fetcher
    raise AttributeError(name)
