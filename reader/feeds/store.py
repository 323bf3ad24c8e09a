"""Followed feeds kept for offline reading: one folder per feed (named after its title, so the
library shows it as a group), one page file per item, and a hidden record of the feed.

An item's file is its linked page, fetched and checked with the same loader as any saved
page; when the page cannot be had, the feed's own content is written as a page instead.
Items that leave the feed stay: nothing once fetched is lost."""

from __future__ import annotations

import html
import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader.feeds.parse import Feed, FeedError, Item, parse_feed
from reader.files import loads_json, read_text
from reader.web.response import FetchError
from reader.web.store import page_bytes, page_suffix, slug, write_atomic

if TYPE_CHECKING:
    from reader.web.fetch import Fetcher

RECORD = ".feed.json"
MAX_RECORD_BYTES = 16 * 1024 * 1024
"""A larger feed record is not read (it is rebuilt)."""
FAILURES = ".never-fetched.json"
"""Feeds not yet fetched even once: their last check and error (they have no folder yet)."""
PAGE_BUDGET = 40
"""Linked pages fetched in one update of one feed; further new items keep the feed's text."""
_SAVE_EVERY = 20
_BLOCK = re.compile(r"<(?:p|div|blockquote|ul|ol|table|h[1-6]|pre|figure|section)\b", re.I)


@dataclass
class UpdateResult:
    """What updating one feed did, for a progress line or the TUI."""

    url: str
    title: str = ""
    folder: Path | None = None
    new: int = 0
    items: int = 0
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    unchanged: bool = False
    new_files: list[Path] = field(default_factory=list)
    """The page files of the new items."""

    def line(self) -> str:
        """One line for a person: what changed, or why nothing could."""
        name = self.title or self.url
        if self.error:
            return f"{self.url}: {self.error}"
        if self.unchanged:
            return f"{name}: unchanged ({self.items} items)"
        extra = "".join(f"; {n}" for n in self.notices)
        return f"{name}: {self.new} new, {self.items} items{extra}"


def folder_name(title: str, url: str) -> str:
    """A readable folder name: the feed's title with only safe characters, else its host."""
    name = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]+", " ", title)
    name = " ".join(name.split()).strip(" .")[:60].strip(" .")
    return name or (urlsplit(url).hostname or "feed")


class FeedStore:
    """The feeds folder in the data folder; safe to use from several threads."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._feed_locks: dict[str, threading.Lock] = {}

    # records

    def folders(self) -> dict[str, Path]:
        """Feed URL -> its folder, for every feed fetched at least once."""
        found: dict[str, Path] = {}
        if not self.root.is_dir():
            return found
        for folder in sorted(self.root.iterdir()):
            record = _read_json(folder / RECORD) if folder.is_dir() else {}
            if isinstance(record.get("url"), str):
                found[record["url"]] = folder
        return found

    def record(self, url: str) -> dict[str, Any]:
        """What is known of a feed: its record, or the last failure of one never fetched."""
        folder = self.folders().get(url)
        if folder is not None:
            return _read_json(folder / RECORD)
        failure = _read_json(self.root / FAILURES).get(url)
        return failure if isinstance(failure, dict) else {}

    def _never_fetched(self, url: str, error: str | None) -> None:
        with self._lock:
            failures = _read_json(self.root / FAILURES)
            if error is None and url not in failures:
                return
            if error is None:
                failures.pop(url, None)
            else:
                failures[url] = {"checked": _iso(time.time()), "error": error}
            data = json.dumps(failures, ensure_ascii=False, indent=1).encode("utf-8")
            write_atomic(self.root / FAILURES, data)

    @staticmethod
    def title_or(url: str, root: Path) -> str:
        """The feed's title if it was fetched before, else its address."""
        return FeedStore(root).record(url).get("title") or url

    def item_files(self, folder: Path) -> list[Path]:
        """The page files of a feed's items that are on disk."""
        items = _read_json(folder / RECORD).get("items")
        if not isinstance(items, dict):
            return []
        names = [e.get("file") for e in items.values() if isinstance(e, dict)]
        return [folder / n for n in names if isinstance(n, str) and (folder / n).is_file()]

    def _new_folder(self, url: str, title: str) -> Path:
        with self._lock:
            base = folder_name(title, url)
            folder = self.root / base
            number = 2
            while folder.exists():
                folder = self.root / f"{base} ({number})"
                number += 1
            folder.mkdir(parents=True)
            return folder

    def _feed_lock(self, url: str) -> threading.Lock:
        with self._lock:
            return self._feed_locks.setdefault(url, threading.Lock())

    # updating

    def update(self, url: str, fetcher: Fetcher, progress=None) -> UpdateResult:
        """Fetch `url`, add its new items and report; a failure leaves what was kept."""
        with self._feed_lock(url):
            return self._update(url, fetcher, progress or (lambda done, total: None))

    def _update(self, url: str, fetcher: Fetcher, progress) -> UpdateResult:
        result = UpdateResult(url)
        folder = self.folders().get(url)
        record = _read_json(folder / RECORD) if folder else {}
        items: dict[str, Any] = record.get("items") if isinstance(record.get("items"), dict) else {}
        result.title = record.get("title") or ""
        result.items = len(items)
        result.folder = folder
        try:
            answer = fetcher.get(
                url, etag=record.get("etag"), last_modified=record.get("last_modified")
            )
            if answer.not_modified and folder is not None:
                result.unchanged = True
                self._save(folder, record, checked=time.time(), error=None)
                return result
            feed = parse_feed(answer.body, answer.url, answer.content_type)
        except (FetchError, FeedError) as exc:
            result.error = exc.reason if isinstance(exc, FetchError) else str(exc)
            if folder is not None:
                self._save(folder, record, checked=time.time(), error=result.error)
            else:
                self._never_fetched(url, result.error)
            return result
        if folder is None:
            folder = self._new_folder(url, feed.title)
            self._never_fetched(url, None)
        record.update(
            url=url,
            title=feed.title or record.get("title") or "",
            link=feed.link,
            etag=answer.etag,
            last_modified=answer.last_modified,
        )
        result.folder, result.title, result.notices = folder, record["title"], feed.notices
        fresh = [item for item in feed.items if item.key not in items]
        budget = PAGE_BUDGET
        for done, item in enumerate(fresh, 1):
            use_page = budget > 0 and item.link is not None
            budget -= use_page
            items[item.key] = self._keep_item(folder, feed, item, fetcher, use_page)
            result.new_files.append(folder / items[item.key]["file"])
            progress(done, len(fresh))
            if done % _SAVE_EVERY == 0:
                self._save(folder, {**record, "items": items}, checked=time.time(), error=None)
        if len(fresh) > PAGE_BUDGET:
            result.notices.append(
                f"pages fetched for the first {PAGE_BUDGET} new items; the rest show the "
                "feed's own text"
            )
        self._save(folder, {**record, "items": items}, checked=time.time(), error=None)
        result.new, result.items = len(fresh), len(items)
        return result

    def _save(self, folder: Path, record: dict, *, checked: float, error: str | None) -> None:
        record = {**record, "checked": _iso(checked), "error": error}
        data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
        write_atomic(folder / RECORD, data)

    # one item

    def _keep_item(
        self, folder: Path, feed: Feed, item: Item, fetcher: Fetcher, use_page: bool
    ) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "title": item.title,
            "link": item.link,
            "published": item.published,
            "first_seen": _iso(time.time()),
        }
        stem = f"{(item.published or entry['first_seen'])[:10]}-{slug(item.title, 40)}-"
        stem += item.key[:10]
        reason = "no link" if item.link is None else "more new items than pages fetched at once"
        if use_page:
            reason = self._try_page(folder, stem, item, fetcher, entry)
            if reason is None:
                return entry
        path = folder / f"{stem}.html"
        write_atomic(path, item_page(item, feed.title))
        entry.update(file=path.name, source="feed", page_problem=reason)
        return entry

    def _try_page(
        self, folder: Path, stem: str, item: Item, fetcher: Fetcher, entry: dict
    ) -> str | None:
        """Keep the linked page if it loads as an article; else the reason it was not kept."""
        from reader.library import ArticleLoadError, load_article

        link, published = item.link or "", item.published
        try:
            answer = fetcher.get(link)
            path = folder / f"{stem}{page_suffix(answer)}"
            write_atomic(path, page_bytes(answer))
        except FetchError as exc:
            return exc.reason
        try:
            article = load_article(path)
        except ArticleLoadError as exc:
            path.unlink(missing_ok=True)
            return exc.reason
        if article.published is None and published and path.suffix == ".html":
            write_atomic(path, with_date(path.read_bytes(), published))
        entry.update(file=path.name, source="page", url=answer.url, fetched=_iso(answer.fetched))
        return None


_HEAD = re.compile(rb"<head\b[^>]*>", re.I)


def with_date(page: bytes, published: str) -> bytes:
    """A page that gives no date of its own, with the date its feed gave the item."""
    tag = f'<meta property="article:published_time" content="{html.escape(published)}">'
    head = _HEAD.search(page[:65536])  # found only in an ASCII-compatible encoding
    if head is None:
        return page
    return page[: head.end()] + tag.encode("ascii") + page[head.end() :]


def feed_url_of(path: Path) -> str | None:
    """The address of the feed whose item `path` is, if it is one."""
    url = _read_json(Path(path).parent / RECORD).get("url")
    return url if isinstance(url, str) else None


def item_page(item: Item, feed_title: str) -> bytes:
    """An item's own content as a page the loader reads: title, author, date, site, text."""
    esc = html.escape
    head = ['<!doctype html>\n<html><head><meta charset="utf-8">']
    head.append(f"<title>{esc(item.title)}</title>")
    if item.author:
        head.append(f'<meta name="author" content="{esc(item.author)}">')
    if item.published:
        head.append(f'<meta property="article:published_time" content="{esc(item.published)}">')
    if feed_title:
        head.append(f'<meta property="og:site_name" content="{esc(feed_title)}">')
    body = item.content or esc(item.title)
    if not _BLOCK.search(body):  # bare text or inline markup: one paragraph
        body = f"<p>{body}</p>"
    page = "\n".join(head) + f"\n</head><body><article><h1>{esc(item.title)}</h1>\n{body}\n"
    return (page + "</article></body></html>\n").encode("utf-8")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = loads_json(read_text(path, MAX_RECORD_BYTES))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _iso(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))
