"""schema.org JSON-LD in a page: the article's headline, authors, dates and publisher."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

_BLOCK = re.compile(
    r"<script\b[^<>]{0,300}application/ld\+json[^<>]{0,300}>(.{0,200000}?)</script>", re.I | re.S
)
_MAX_BLOCKS = 20
_MAX_NODES = 500


@dataclass
class LinkedData:
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    """The raw datePublished (or dateCreated) string, time and zone included."""
    publisher: str | None = None


def _is_article(node: dict) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(
        isinstance(k, str) and (k.endswith("Article") or k.endswith("Posting") or k == "Report")
        for k in kinds
    )


def _nodes(data, budget: list[int]):
    """Every dict in the data, depth first, within a budget (a page cannot make us loop)."""
    stack = [data]
    while stack and budget[0] > 0:
        item = stack.pop()
        if isinstance(item, dict):
            budget[0] -= 1
            yield item
            stack.extend(v for v in reversed(list(item.values())) if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend(reversed(item[:200]))


def _name(value) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def _names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [n for n in (_name(v) for v in items[:20]) if n]


def linked_data(markup: str) -> LinkedData | None:
    """The first article described in the page's JSON-LD blocks, or None."""
    if "ld+json" not in markup:
        return None
    budget = [_MAX_NODES]
    for m in list(_BLOCK.finditer(markup))[:_MAX_BLOCKS]:
        try:
            data = json.loads(m.group(1).strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue
        for node in _nodes(data, budget):
            if not _is_article(node):
                continue
            ld = LinkedData()
            ld.headline = _name(node.get("headline")) or _name(node.get("name"))
            ld.authors = _names(node.get("author") or node.get("creator"))
            date = node.get("datePublished") or node.get("dateCreated")
            ld.published = date if isinstance(date, str) else None
            ld.publisher = _name(node.get("publisher"))
            return ld
    return None
