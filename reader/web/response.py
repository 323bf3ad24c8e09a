"""What a fetch gives back, and the one-line error when it fails (no network code here, so
the offline parts of the reader can name them without loading an HTTP client)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


class FetchError(Exception):
    """A URL that could not be had; the message names the URL and the reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Response:
    """What a fetch brought back: the final URL, the decoded body and the caching headers."""

    url: str
    """Where the body came from after redirects."""
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    fetched: float = field(default_factory=time.time)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


def check_url(url: str) -> str:
    """`url` stripped, if it is an http(s) URL with a host; else FetchError."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, "not a web address (it must start with http:// or https://)")
    if not parts.hostname:
        raise FetchError(url, "no host name in the address")
    return url


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))
