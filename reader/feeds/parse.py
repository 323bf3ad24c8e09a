"""A fetched feed (RSS 0.9x/1.0/2.0, Atom, or a broken one) to its items, with feedparser.

Text from a feed is untrusted: titles are kept as plain text (an escaped tag stays a tag
the reader shows, never markup), control characters go, and the HTML content feedparser
returns has already been through its sanitiser."""

from __future__ import annotations

import hashlib
import html
import io
import re
import time
from dataclasses import dataclass, field

from reader.text.unsafe import sanitize

MAX_ITEMS = 500
"""Items read from one feed document; a feed carrying more keeps its first (newest) ones."""
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_FEED_LINK = re.compile(rb"<link\b[^>]*\btype=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.I)
_HREF = re.compile(rb"\bhref=[\"']([^\"']+)[\"']", re.I)


class FeedError(Exception):
    """A document that is not a usable feed; the message is the reason, in one line."""


@dataclass(frozen=True)
class Item:
    key: str
    """Stable identity: from the item's id, else its link, else its title and text."""
    title: str
    link: str | None
    published: str | None
    """ISO date and time (UTC), when the feed gives one."""
    author: str | None
    content: str
    """The item's own HTML (full content if the feed carries it, else its summary)."""


@dataclass
class Feed:
    title: str
    link: str | None
    items: list[Item] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """Things worth saying about the document (cut short, duplicates dropped, malformed)."""


def one_line(value: object) -> str:
    """Feed text as one plain line: control characters and line breaks gone."""
    if not isinstance(value, str):
        return ""
    return " ".join(sanitize(value).split())


def item_key(identity: str) -> str:
    return hashlib.blake2b(identity.encode("utf-8"), digest_size=8).hexdigest()


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """Parse a feed document fetched from `url`; FeedError if it is none."""
    if _ENTITY_DECL.search(body[:65536]):
        # Entity declarations are how an "XML bomb" multiplies itself; no real feed needs them.
        raise FeedError("declares XML entities (refused: a feed never needs them)")
    if _HTML_START.match(body[:4096]):
        raise FeedError(_html_reason(body, url))
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        if b"<html" in body[:4096].lower():
            raise FeedError(_html_reason(body, url))
        problem = parsed.get("bozo_exception")
        detail = f" ({one_line(str(problem))[:120]})" if problem else ""
        raise FeedError(f"not an RSS or Atom feed{detail}")
    meta = parsed.get("feed") or {}
    feed = Feed(title=_title(meta), link=_text_or_none(meta.get("link")))
    if parsed.get("bozo") and entries:
        feed.notices.append("the feed is malformed; read what could be read")
    if len(entries) > MAX_ITEMS:
        feed.notices.append(f"has {len(entries):,} items; keeping the first {MAX_ITEMS}")
    seen: set[str] = set()
    duplicates = 0
    for entry in entries[:MAX_ITEMS]:
        item = _item(entry)
        if item is None:
            continue
        if item.key in seen:
            duplicates += 1
            continue
        seen.add(item.key)
        feed.items.append(item)
    if duplicates:
        feed.notices.append(f"{duplicates} duplicate item{'s' if duplicates > 1 else ''} skipped")
    return feed


def _title(entry) -> str:
    """The title as text: an HTML title loses its tags and entities, a plain one is kept as
    it is (so a tag written in a text title is shown, not obeyed)."""
    title = entry.get("title")
    if not isinstance(title, str):
        return ""
    kind = (entry.get("title_detail") or {}).get("type", "text/plain")
    if "html" in kind:
        title = html.unescape(re.sub(r"<[^<>]*>", "", title))
    return one_line(title)


def _item(entry) -> Item | None:
    title = _title(entry)
    link = _text_or_none(entry.get("link"))
    content = _content(entry)
    if not (title or link or content.strip()):
        return None
    identity = _text_or_none(entry.get("id")) or link or f"{title}\n{content}"
    if not title:
        title = _title_from(content) or "(untitled item)"
    return Item(
        key=item_key(identity),
        title=title,
        link=link if link and link.lower().startswith(("http://", "https://")) else None,
        published=_date(entry),
        author=one_line(entry.get("author")) or None,
        content=content,
    )


def _content(entry) -> str:
    """The fullest HTML the item carries: content:encoded / Atom content, else its summary.
    Plain-text content is escaped and split into paragraphs, so it is HTML too."""
    parts = [*(entry.get("content") or []), entry.get("summary_detail") or {}]
    best, kind = "", "text/html"
    for part in parts:
        value = part.get("value") or ""
        if isinstance(value, str) and len(value) > len(best):
            best, kind = value, part.get("type") or "text/html"
    if "html" not in kind:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", best) if p.strip()]
        best = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return sanitize(best)


def _title_from(content: str) -> str:
    words = html.unescape(re.sub(r"<[^>]*>", " ", content)).split()
    if not words:
        return ""
    head = " ".join(words[:10])
    return one_line(head + ("…" if len(words) > 10 else ""))


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
            except (TypeError, ValueError):
                continue
    return None


def _text_or_none(value: object) -> str | None:
    text = one_line(value)
    return text or None


def _html_reason(body: bytes, url: str) -> str:
    """Why an HTML page is not a feed, naming the feed the page points to, if any."""
    from urllib.parse import urljoin

    for tag in _FEED_LINK.findall(body[:262144]):
        href = _HREF.search(tag)
        if href:
            target = urljoin(url, href.group(1).decode("utf-8", "replace"))
            return f"a web page, not a feed (the page names its feed: {one_line(target)})"
    return "a web page, not a feed"
