"""Following feeds: parsing RSS and Atom (feedparser), OPML and newsboat lists, and the
offline store of items, each kept as a page the library reads like any other."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from reader.feeds.lists import FeedEntry, read_feed_list, write_opml
from reader.feeds.parse import FeedError, parse_feed
from reader.feeds.store import FeedStore, UpdateResult

if TYPE_CHECKING:
    from reader.web.fetch import Fetcher

WORKERS = 4
"""Feeds fetched at once (a host is still asked for one thing at a time)."""

__all__ = [
    "FeedEntry",
    "FeedError",
    "FeedStore",
    "UpdateResult",
    "parse_feed",
    "read_feed_list",
    "update_feeds",
    "write_opml",
]


def update_feeds(
    urls: Iterable[str],
    store: FeedStore,
    fetcher: Fetcher,
    *,
    on_result: Callable[[UpdateResult], None] | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
    workers: int = WORKERS,
) -> list[UpdateResult]:
    """Update every feed in `urls`, a few at once; results in the order of `urls`.

    `on_result` hears of each feed as it finishes, `on_progress(url, done, total)` of each
    new item kept; both are called from worker threads.
    """

    def one(url: str) -> UpdateResult:
        def progress(done: int, total: int) -> None:
            if on_progress is not None:
                on_progress(url, done, total)

        try:
            result = store.update(url, fetcher, progress)
        except OSError as exc:  # the data folder itself cannot be written
            result = UpdateResult(url, error=f"cannot save ({exc.strerror or exc})")
        if on_result is not None:
            on_result(result)
        return result

    urls = list(dict.fromkeys(urls))
    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls)))) as pool:
        return list(pool.map(one, urls))
