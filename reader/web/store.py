"""The offline copy of the web: each fetched page is a file in the data folder, with a hidden
record beside it (URL, fetch time, caching headers). The library lists and loads these files
like any other, so a page reads the same offline as on the day it was fetched."""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reader.files import loads_json, read_text, sweep_temp_files, write_via_rename
from reader.web.response import FetchError, Response, check_url

if TYPE_CHECKING:
    from reader.web.fetch import Fetcher

MAX_RECORD_BYTES = 1024 * 1024
"""A larger record beside a saved page is not read (it cannot be one this wrote)."""
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
_META_CHARSET = re.compile(rb"<meta[^>]+charset", re.I)


def url_key(url: str) -> str:
    return hashlib.blake2b(url.encode("utf-8"), digest_size=6).hexdigest()


def slug(text: str, limit: int = 48) -> str:
    """A file-name-safe, readable form of `text` (letters, digits and dashes)."""
    words = re.findall(r"[^\W_]+", text.casefold())
    out = "-".join(words)[:limit].strip("-")
    return out or "page"


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: a crash leaves the old file or the new."""
    sweep_temp_files(path.parent, "tmp")  # what a writer killed mid-write left here
    write_via_rename(path, data, "tmp")


def record_path(page: Path) -> Path:
    """The hidden record beside a saved page (the folder scan skips hidden files)."""
    return page.with_name(f".{page.name}.json")


def read_record(page: Path) -> dict[str, Any]:
    """The record of a saved page; {} when it is missing or unreadable."""
    try:
        data = loads_json(read_text(record_path(page), MAX_RECORD_BYTES))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_record(page: Path, record: dict[str, Any]) -> None:
    data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(record_path(page), data)


def page_bytes(response: Response) -> bytes:
    """The body to keep: re-encoded to UTF-8 when only the HTTP header named its charset
    (the loader reads a charset from the page itself, never from a header it cannot see)."""
    charset = response.charset
    body = response.body
    if not charset or charset in ("utf-8", "utf8") or _META_CHARSET.search(body[:4096]):
        return body
    try:
        return body.decode(charset, errors="replace").encode("utf-8")
    except LookupError:
        return body


def page_suffix(response: Response) -> str:
    """.html or .txt for a page; FetchError for anything that is not a page of text."""
    kind = response.content_type.split(";")[0].strip().lower()
    if "rss" in kind or "atom" in kind:
        raise FetchError(response.url, f"a feed ({kind}), not a page; follow it with "
                                       "`reader feeds add URL`")  # fmt: skip
    if kind not in _PAGE_TYPES:
        raise FetchError(response.url, f"not a web page ({kind}); nothing kept")
    return ".txt" if kind == "text/plain" else ".html"


class PageStore:
    """Saved pages under `root`, one file per URL, named after the site and the page."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, url: str, suffix: str = ".html") -> Path:
        parts = urlsplit(url)
        tail = [p for p in parts.path.split("/") if p][-1:]
        readable = slug(" ".join([parts.hostname or "", *tail]))
        return self.root / f"{readable}-{url_key(url)}{suffix}"

    def lookup(self, url: str) -> Path | None:
        """The saved copy of `url`, if there is one."""
        for suffix in (".html", ".txt"):
            path = self.path_for(url, suffix)
            if path.is_file():
                return path
        return None

    def save(self, url: str, response: Response) -> Path:
        """Keep `response` as the copy of `url`; returns the page file."""
        path = self.path_for(url, page_suffix(response))
        write_atomic(path, page_bytes(response))
        write_record(path, _record(url, response))
        return path

    def open(self, url: str, fetcher: Fetcher, *, refresh: bool = False) -> Path:
        """The page file for `url`: the saved copy, or a fresh fetch when there is none or
        `refresh` is set (then the server may answer "unchanged" and the copy stays)."""
        url = check_url(url)
        saved = self.lookup(url)
        if saved is not None and not refresh:
            return saved
        record = read_record(saved) if saved else {}
        response = fetcher.get(
            url, etag=record.get("etag"), last_modified=record.get("last_modified")
        )
        if response.not_modified and saved is not None:
            record["checked"] = _iso(time.time())
            write_record(saved, record)
            return saved
        return self.save(url, response)

    def pages(self) -> list[Path]:
        """Every saved page, oldest name first."""
        if not self.root.is_dir():
            return []
        return sorted(
            p for p in self.root.iterdir() if p.suffix in (".html", ".txt") and p.name[0] != "."
        )


def _iso(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


def _record(url: str, response: Response) -> dict[str, Any]:
    return {
        "url": url,
        "final_url": response.url,
        "fetched": _iso(response.fetched),
        "checked": _iso(response.fetched),
        "content_type": response.content_type,
        "etag": response.etag,
        "last_modified": response.last_modified,
    }
