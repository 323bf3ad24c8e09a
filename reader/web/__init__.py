"""The web as a source: fetching pages and feeds (httpx), and the offline copy of what was
fetched, kept as files that the library loads like any other article."""

from reader.web.fetch import Fetcher, FetchError, Response, check_url, is_url
from reader.web.store import PageStore

__all__ = ["FetchError", "Fetcher", "PageStore", "Response", "check_url", "is_url"]
