"""Lists of feeds to follow: OPML (what most readers import and export) and newsboat's
`urls` file (one URL a line, then tags; a tag starting with ~ is the feed's title)."""

from __future__ import annotations

import re
import shlex
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from reader.feeds.parse import one_line


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None


def is_feed_url(text: str) -> bool:
    return bool(re.match(r"(?i)https?://[^\s/]+", text))


def read_feed_list(text: str) -> tuple[list[FeedEntry], list[str]]:
    """(feeds, problems) from an OPML document or a newsboat urls file; each problem is a
    line naming what was skipped and why."""
    if re.match(r"\s*(<\?xml|<opml|<!--)", text, re.I):
        return read_opml(text)
    return read_urls(text)


def read_opml(text: str) -> tuple[list[FeedEntry], list[str]]:
    if "<!ENTITY" in text.upper():
        return [], ["declares XML entities (refused: an OPML file never needs them)"]
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return [], [f"not a valid OPML file ({exc})"]
    if root.tag.lower() != "opml":
        return [], [f"not an OPML file (its top element is <{one_line(root.tag)[:40]}>)"]
    feeds: list[FeedEntry] = []
    problems: list[str] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url:
            continue  # a category: its children are read by iter()
        title = one_line(outline.get("title") or outline.get("text") or "") or None
        if is_feed_url(url):
            feeds.append(FeedEntry(url, title))
        else:
            problems.append(f"{one_line(url)[:80]}: not an http(s) address; skipped")
    return feeds, problems


def read_urls(text: str) -> tuple[list[FeedEntry], list[str]]:
    feeds: list[FeedEntry] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            words = line.split()
        if not words:
            continue
        url = words[0]
        if not is_feed_url(url):
            kind = url.split(":", 1)[0] if ":" in url else ""
            what = f"a newsboat {kind}: feed" if kind in ("query", "exec", "filter") else None
            reason = f"{what}, not a web feed" if what else "not an http(s) address"
            problems.append(f"line {number}: {reason}; skipped")
            continue
        title = next((w[1:] for w in words[1:] if w.startswith("~") and len(w) > 1), None)
        feeds.append(FeedEntry(url, one_line(title) or None if title else None))
    return feeds, problems


def write_opml(feeds: list[FeedEntry], title: str = "Feeds followed in reader") -> str:
    """An OPML 2.0 document listing `feeds` (titles escaped, never markup)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = time.strftime(
        "%a, %d %b %Y %H:%M:%S GMT", time.gmtime()
    )
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
