"""A local HTTP server for the web tests: serves tests/web/site/ and a few hostile routes.

Nothing leaves the machine: the server listens on 127.0.0.1 on a free port.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import ssl
import subprocess
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

SITE = Path(__file__).parent / "site"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".rdf": "application/rdf+xml",
    ".xml": "application/xml",
}
CHARSET_ONLY_IN_HEADER = {"/news/fete-du-port.html": "text/html; charset=iso-8859-1"}
MB = 1024 * 1024


def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzip-compressed to a few tens of kilobytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * MB
    parts = [packer.compress(block) for _ in range(size // MB)]
    return b"".join(parts) + packer.flush()


def big_feed(items: int) -> bytes:
    rows = "".join(
        f'<item><title>Tide table {n}</title><guid isPermaLink="false">tide-{n}</guid>'
        f"<description>High water at {n % 12 + 1} o'clock.</description></item>"
        for n in range(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Tide tables</title>'
        f"<link>/tides/</link>{rows}</channel></rss>"
    ).encode()


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.release = threading.Event()
        """Set at teardown: the route that never answers lets go."""
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.extra: dict[str, tuple[int, dict[str, str], bytes]] = {}
        """Routes a test adds: path -> (status, headers, body)."""
        self._bomb: bytes | None = None
        self.proxied: list[str] = []
        """Absolute addresses asked of this server as a proxy."""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def bomb(self) -> bytes:
        if self._bomb is None:
            self._bomb = gzip_bomb(64 * MB)
        return self._bomb

    def paths_asked(self) -> list[str]:
        return [path for path, _ in self.requests]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hangs up or refuses the certificate is part of the tests


class SecureSite(Site):
    """The same site over TLS, with a self-signed certificate made by `openssl`."""

    def __init__(self, cert: Path, key: Path) -> None:
        super().__init__()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.socket = context.wrap_socket(self.socket, server_side=True)

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        if self.path.startswith("http://"):  # asked as a proxy: serve the site's own page
            self.server.proxied.append(self.path)
            self.path = urlsplit(self.path).path
        path = self.path.split("?")[0]
        self.server.requests.append((path, dict(self.headers)))
        route = ROUTES.get(path)
        if route is not None:
            route(self)
        elif path in self.server.extra:
            status, headers, body = self.server.extra[path]
            self.answer(status, body, headers)
        else:
            self.serve_file(path)

    def answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/plain", **(headers or {})}
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def serve_file(self, path: str) -> None:
        file = (SITE / path.lstrip("/")).resolve()
        if SITE not in file.parents or not file.is_file():
            self.answer(404, b"not found")
            return
        body = file.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        kind = CHARSET_ONLY_IN_HEADER.get(path) or TYPES.get(file.suffix, "text/plain")
        headers = {"Content-Type": kind, "ETag": etag}
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self.answer(200, body, headers)

    # hostile routes

    def server_error(self) -> None:
        self.answer(500, b"internal error")

    def never_answers(self) -> None:
        self.server.release.wait()

    def huge(self) -> None:
        """50 MB of text, sent without a length (the size is known only at the end)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        line = b"<p>" + b"word " * 200 + b"</p>\n"
        try:
            for _ in range(50 * MB // len(line)):
                self.wfile.write(line)
        except OSError:
            pass  # the client stopped reading, as it should
        self.close_connection = True

    def huge_declared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 * MB))
        self.end_headers()
        self.close_connection = True

    def bomb(self) -> None:
        self.answer(
            200,
            self.server.bomb(),
            {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"},
        )

    def loop_a(self) -> None:
        self.answer(302, b"", {"Location": "/loop-b"})

    def loop_b(self) -> None:
        self.answer(302, b"", {"Location": "/loop-a"})

    def moved(self) -> None:
        self.answer(301, b"", {"Location": "/feeds/courier.rss"})

    def tides(self) -> None:
        self.answer(200, big_feed(10_000), {"Content-Type": "application/rss+xml"})

    def image(self) -> None:
        self.answer(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, {"Content-Type": "image/png"})


ROUTES = {
    "/error": Handler.server_error,
    "/slow": Handler.never_answers,
    "/huge": Handler.huge,
    "/huge-declared": Handler.huge_declared,
    "/bomb.rss": Handler.bomb,
    "/loop-a": Handler.loop_a,
    "/loop-b": Handler.loop_b,
    "/moved.rss": Handler.moved,
    "/tides.rss": Handler.tides,
    "/picture": Handler.image,
}


def start(site: Site | None = None) -> Site:
    site = site or Site()
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


def self_signed(folder: Path) -> tuple[Path, Path] | None:
    """(certificate, key) for 127.0.0.1, or None when `openssl` is not installed."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def stop(site: Site) -> None:
    site.release.set()
    site.shutdown()
    site.server_close()


def dead_url() -> str:
    """An address where nothing listens (a port just freed)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.rss"
