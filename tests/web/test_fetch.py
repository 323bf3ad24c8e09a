"""Fetching pages from a local server: the limits hold, each failure is one clear line, and a
saved page loads through the same loader as a file."""

from __future__ import annotations

import threading

import pytest

from reader.library import load_article
from reader.web import Fetcher, FetchError, PageStore
from reader.web.fetch import USER_AGENT
from reader.web.store import read_record
from tests.web import server


def test_a_page_is_fetched_saved_and_loaded_like_a_file(site, fetcher, tmp_path):
    store = PageStore(tmp_path / "pages")
    url = site.url("/news/harbour-dredging.html")
    path = store.open(url, fetcher)
    article = load_article(path)
    assert article.title == "Dredging of the inner harbour to start in spring"
    assert article.byline and "Ines Carvalho" in article.byline
    assert article.published == "2026-03-02"
    assert article.text.startswith("Work to deepen the inner harbour")
    assert "Most read" not in article.text and "All rights reserved" not in article.text
    record = read_record(path)
    assert record["url"] == url and record["fetched"].endswith("Z")
    assert path.parent == tmp_path / "pages" and path.suffix == ".html"
    _, headers = site.requests[-1]
    assert headers["User-Agent"] == USER_AGENT
    assert "gzip" in headers["Accept-Encoding"]  # and the gzip answer was decoded


def test_opening_again_reads_the_copy_and_refresh_asks_with_the_etag(site, fetcher, tmp_path):
    store = PageStore(tmp_path / "pages")
    url = site.url("/news/orchard-grant.html")
    first = store.open(url, fetcher)
    asked = len(site.requests)
    assert store.open(url, fetcher) == first
    assert len(site.requests) == asked  # offline: the copy, no request
    assert store.open(url, fetcher, refresh=True) == first
    path, headers = site.requests[-1]
    assert path == "/news/orchard-grant.html" and headers.get("If-None-Match")
    assert load_article(first).title == "Community orchard wins grant for a second site"


def test_a_charset_named_only_by_the_server_is_honoured(site, fetcher, tmp_path):
    path = PageStore(tmp_path / "pages").open(site.url("/news/fete-du-port.html"), fetcher)
    article = load_article(path)
    assert "bénévoles préparent déjà" in article.text
    assert "\ufffd" not in article.text
    assert article.title == "La fête du port revient en août"


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/news/nowhere.html", "the server answered 404"),
        ("/error", "the server answered 500"),
        ("/slow", "timed out"),
        ("/huge", "too large (more than 10 MB)"),
        ("/huge-declared", "too large (more than 10 MB)"),
        ("/bomb.rss", "too large (more than 10 MB)"),
        ("/loop-a", "too many redirects"),
    ],
)
def test_each_bad_answer_is_one_clear_line(site, fetcher, tmp_path, route, reason):
    store = PageStore(tmp_path / "pages")
    with pytest.raises(FetchError) as caught:
        store.open(site.url(route), fetcher)
    message = str(caught.value)
    assert message.startswith(site.url(route) + ": ")
    assert reason in message and "\n" not in message
    assert store.pages() == []  # nothing half-written is kept


def test_a_dead_host_and_a_file_that_is_not_a_page(site, fetcher, tmp_path):
    store = PageStore(tmp_path / "pages")
    with pytest.raises(FetchError, match="connection refused"):
        store.open(server.dead_url(), fetcher)
    with pytest.raises(FetchError, match=r"not a web page \(image/png\)"):
        store.open(site.url("/picture"), fetcher)
    with pytest.raises(FetchError, match=r"a feed \(application/rss\+xml\), not a page"):
        store.open(site.url("/feeds/courier.rss"), fetcher)
    with pytest.raises(FetchError, match="must start with http"):
        store.open("ftp://example.org/file", fetcher)


def test_a_failed_refresh_keeps_the_copy(site, fetcher, tmp_path):
    store = PageStore(tmp_path / "pages")
    url = site.url("/gone-later.html")
    body = (server.SITE / "news/orchard-grant.html").read_bytes()
    site.extra["/gone-later.html"] = (200, {"Content-Type": "text/html"}, body)
    path = store.open(url, fetcher)
    site.extra["/gone-later.html"] = (500, {}, b"")
    with pytest.raises(FetchError, match="500"):
        store.open(url, fetcher, refresh=True)
    assert path.read_bytes() == body


def test_one_request_at_a_time_per_host(site):
    """Two fetches of one host wait for each other; another host does not wait."""
    with Fetcher(timeout=5.0) as client:
        lock = client._host_lock(site.url("/a"))
        assert lock is client._host_lock(site.url("/b"))
        assert lock is not client._host_lock("http://localhost:1/")
        done = threading.Event()
        with lock:  # as if a fetch of this host were running
            worker = threading.Thread(
                target=lambda: (client.get(site.url("/news/orchard-grant.html")), done.set())
            )
            worker.start()
            assert not done.wait(0.3)  # blocked behind the running fetch
        worker.join()
        assert done.is_set()


def test_the_offline_parts_load_no_http_client():
    """Listing feeds and saved pages (what the reader does at start) imports neither httpx
    nor feedparser; they load on the first fetch."""
    import subprocess
    import sys

    code = (
        "import sys, reader.feeds, reader.web, reader.feeds.store\n"
        "print(sorted(m for m in ('httpx', 'feedparser') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_proxies_come_from_the_environment(site, monkeypatch):
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HTTP_PROXY", site.base)
    with Fetcher(timeout=5.0) as client:
        answer = client.get("http://courier.invalid/news/orchard-grant.html")
    assert site.proxied[-1] == "http://courier.invalid/news/orchard-grant.html"
    assert b"Community orchard wins grant" in answer.body


def test_a_certificate_that_is_not_trusted_is_reported_never_ignored(tmp_path, monkeypatch):
    made = server.self_signed(tmp_path)
    if made is None:
        pytest.skip("openssl is not installed: no certificate can be made for the test")
    secure = server.start(server.SecureSite(*made))
    try:
        url = secure.url("/news/orchard-grant.html")
        with Fetcher(timeout=5.0) as client, pytest.raises(FetchError) as caught:
            client.get(url)
        assert str(caught.value).startswith(f"{url}: certificate error (")
        assert "not fetched" in str(caught.value) and "\n" not in str(caught.value)
        assert secure.requests == []  # no request was sent over the untrusted connection
        monkeypatch.setenv("SSL_CERT_FILE", str(made[0]))  # trusting it is the user's choice
        with Fetcher(timeout=5.0) as client:
            assert b"Community orchard" in client.get(url).body
    finally:
        server.stop(secure)
