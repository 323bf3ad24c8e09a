"""Fetching one URL with httpx: timeouts, a size cap measured after decompression, a redirect
cap, conditional GET, a clear User-Agent, proxies from the environment, one request at a time
per host. Every failure is a FetchError whose message is one line a person can act on."""

from __future__ import annotations

import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

from reader import __version__
from reader.web.response import FetchError, Response, check_url

USER_AGENT = f"reader/{__version__} (terminal news reader; +https://pypi.org/project/reader/)"
MAX_BYTES = 10 * 1024 * 1024
"""The largest body kept, counted after decompression (a gzip bomb stops here)."""
MAX_REDIRECTS = 5
TIMEOUT = 15.0
"""Seconds to connect, and the longest silence while reading."""
DEADLINE = 60.0
"""Seconds a whole response may take, however steadily it trickles in."""
_CHUNK = 64 * 1024


class Fetcher:
    """An httpx client shared by every fetch, with a lock per host so that a site is never
    asked for two things at once (a few hosts can still be fetched in parallel)."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT,
        deadline: float = DEADLINE,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.deadline = deadline
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            trust_env=True,  # HTTP(S)_PROXY, NO_PROXY and SSL_CERT_FILE from the environment
            verify=verify,
        )
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _host_lock(self, url: str) -> threading.Lock:
        host = (urlsplit(url).hostname or "").lower()
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """GET `url`; with `etag` or `last_modified`, a 304 answer means "unchanged"."""
        url = check_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with self._host_lock(url):
            try:
                return self._get(url, headers)
            except FetchError:
                raise
            except httpx.TooManyRedirects:
                raise FetchError(url, "too many redirects (a redirect loop?)") from None
            except httpx.TimeoutException:
                raise FetchError(url, "timed out (the server did not answer)") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, _network_reason(exc)) from None

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        started = time.monotonic()
        with self._client.stream("GET", url, headers=headers) as answer:
            final = str(answer.url)
            if answer.status_code == 304:
                return Response(final, 304, b"", etag=answer.headers.get("etag"))
            if answer.status_code >= 400:
                phrase = answer.reason_phrase or "error"
                raise FetchError(url, f"the server answered {answer.status_code} {phrase}")
            declared = answer.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(url, _too_large(self.max_bytes))
            body = self._read(url, answer, started)
            return Response(
                final,
                answer.status_code,
                body,
                content_type=answer.headers.get("content-type", ""),
                etag=answer.headers.get("etag"),
                last_modified=answer.headers.get("last-modified"),
            )

    def _read(self, url: str, answer: httpx.Response, started: float) -> bytes:
        encoding = answer.headers.get("content-encoding", "identity").strip().lower()
        chunks: list[bytes] = []
        size = 0
        for chunk in _decoded(url, answer.iter_raw(_CHUNK), encoding, self.max_bytes):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, _too_large(self.max_bytes))
            if time.monotonic() - started > self.deadline:
                raise FetchError(url, f"took longer than {self.deadline:.0f} seconds")
            chunks.append(chunk)
        return b"".join(chunks)


def _decoded(url: str, raw: Iterator[bytes], encoding: str, limit: int) -> Iterator[bytes]:
    """Decompress as the bytes arrive, never more than `limit` + 1 bytes per step, so that
    a small compressed body cannot blow up in memory before the size cap sees it."""
    if encoding in ("", "identity"):
        yield from raw
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {encoding!r}")
    inflater = zlib.decompressobj(47)  # 32 + 15: a gzip or a zlib header, detected
    try:
        for block in raw:
            data = block
            while data:
                out = inflater.decompress(data, limit + 1)
                yield out
                data = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error:
        raise FetchError(url, f"the {encoding} body is corrupt") from None


def _too_large(limit: int) -> str:
    return f"too large (more than {limit // (1024 * 1024)} MB); not kept"


def _network_reason(exc: httpx.HTTPError) -> str:
    """A one-line reason for a connection failure; certificate problems are named as such."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            detail = cause.verify_message or "not trusted"
            return f"certificate error ({detail}); the page was not fetched"
        if isinstance(cause, ssl.SSLError):
            return f"secure connection failed ({cause.reason or cause}); not fetched"
        cause = cause.__cause__ or cause.__context__
    text = str(exc).lower()
    if "certificate" in text:
        return f"certificate error ({exc}); the page was not fetched"
    if "name or service not known" in text or "nodename nor servname" in text:
        return "no such host"
    if "temporary failure in name resolution" in text or "name resolution" in text:
        return "host name could not be resolved (offline?)"
    if "connection refused" in text:
        return "connection refused (nothing answers at that address)"
    if isinstance(exc, httpx.ProxyError):
        return f"proxy error ({exc})"
    reason = str(exc).strip() or exc.__class__.__name__
    return f"cannot connect ({reason.splitlines()[0]})"
