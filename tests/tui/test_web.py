"""The web in the reader: `o` opens an address, `r` and `R` refresh pages and feeds in the
background, feeds are groups with unread counts and new items are marked. A local HTTP
server started by the tests stands in for the web."""

from __future__ import annotations

import asyncio
import socket
import threading

import pytest
from textual.widgets import Input

from reader.settings import Settings
from reader.tui.screens.open_url import OpenUrlScreen
from reader.tui.session import path_key
from reader.tui.widgets.article_list import ArticleList
from tests.web import server

from .conftest import settle, status_text


@pytest.fixture(scope="module")
def site():
    running = server.start()
    yield running
    server.stop(running)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def web_app(make_app, tmp_path):
    def make(settings: Settings | None = None):
        app = make_app(settings=settings or Settings())
        app.session.pages_dir = tmp_path / "data" / "pages"
        app.session.feeds_dir = tmp_path / "data" / "feeds"
        return app

    return make


def header_rows(app) -> list[str]:
    rows = app.screen.query_one(ArticleList)._rows
    return [row.folder[-1] for row in rows if row.ref is None]


def list_lines(app) -> list[str]:
    articles = app.screen.query_one(ArticleList)
    return [articles.render_line(y).text for y in range(articles.size.height)]


async def open_address(pilot, url: str) -> None:
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OpenUrlScreen)
    pilot.app.screen.query_one(Input).value = url
    await pilot.press("enter")
    await settle(pilot)


async def test_o_opens_a_web_page_and_lists_it(web_app, site, tmp_path):
    app = web_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await open_address(pilot, site.url("/news/harbour-dredging.html"))
        await settle(pilot)
        screen = app.screen
        assert screen.article.title == "Dredging of the inner harbour to start in spring"
        assert screen.current.parent == tmp_path / "data" / "pages"
        assert tmp_path / "data" / "pages" in app.session.library
        assert screen.current in screen.query_one(ArticleList).paths
        assert "pages" in header_rows(app)
        # The summary, actors and quotes run on it as on any file.
        assert screen.analysis is not None and screen.analysis.article_id == screen.article.id


async def test_a_bad_address_is_refused_in_the_dialog_and_a_dead_page_is_one_line(web_app, site):
    app = web_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.screen.current
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = "courier.example/news"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenUrlScreen)
        error = str(app.screen.query_one("#open-url-error").render())
        assert "must start with http" in error
        await pilot.press("escape")
        await pilot.pause()
        await open_address(pilot, site.url("/news/gone.html"))
        assert "the server answered 404" in status_text(app)
        assert app.screen.current == before  # nothing lost, still reading
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.current != before


async def test_r_refreshes_the_page_under_the_cursor(web_app, site):
    app = web_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        url = site.url("/news/orchard-grant.html")
        await open_address(pilot, url)
        await pilot.press("r")
        await settle(pilot)
        path, headers = site.requests[-1]
        assert path == "/news/orchard-grant.html" and headers.get("If-None-Match")
        assert app.screen.article.title == "Community orchard wins grant for a second site"


async def test_R_updates_the_feeds_as_groups_with_unread_counts_and_new_marks(web_app, site):
    courier = site.url("/feeds/courier.rss")
    app = web_app(Settings(feeds=(courier, server.dead_url())))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot, rounds=5)
        assert "4 new items in 2 feeds; 1 failed" in status_text(app), [
            n.message for n in app._notifications
        ]
        assert "Northbay Courier – Local news" in header_rows(app)
        articles = app.screen.query_one(ArticleList)
        assert len(articles.new) == 4
        lines = list_lines(app)
        assert any(line.startswith("Northbay Courier – Local news · 4") for line in lines)
        assert sum(line.startswith("N ") for line in lines) == 4
        # Opening a new item and marking it read takes it out of the count and the marks.
        item = next(p for p in articles.paths if "harbour" in p.name)
        app.screen.open(item)
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert path_key(item) in articles.read
        lines = list_lines(app)
        assert any(line.startswith("Northbay Courier – Local news · 3") for line in lines)
        assert sum(line.startswith("N ") for line in lines) == 3
        # r on a feed item updates that feed only: nothing new since.
        await pilot.press("r")
        await settle(pilot, rounds=5)
        assert "Northbay Courier – Local news: unchanged (4 items)" in status_text(app)


def test_the_default_library_lists_followed_feeds_and_pages_once(tmp_path):
    import json

    from reader.paths import Paths
    from reader.state import ReadingState
    from reader.tui.app import build_session

    paths = Paths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")
    page = paths.pages_dir / "harbour-1a2b.html"
    page.parent.mkdir(parents=True)
    page.write_text((server.SITE / "news/harbour-dredging.html").read_text(), encoding="utf-8")
    followed, dropped = paths.feeds_dir / "Courier", paths.feeds_dir / "Old"
    for folder, url in ((followed, "https://a.example/rss"), (dropped, "https://b.example/rss")):
        folder.mkdir(parents=True)
        (folder / ".feed.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    state = ReadingState.open(paths.state_file)
    try:
        state.set("library", [str(page)])  # `reader URL` last time
        session = build_session([], paths, Settings(feeds=("https://a.example/rss",)), state)
        assert session.library == [followed, paths.pages_dir]
        given = build_session([page], paths, Settings(feeds=("https://a.example/rss",)), state)
        assert given.library == [page]  # paths given: only those
    finally:
        state.close()


def test_items_that_arrived_since_the_last_visit_are_marked_new(tmp_path):
    import json

    from reader.paths import Paths
    from reader.state import ReadingState
    from reader.tui.app import build_session

    paths = Paths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")
    folder = paths.feeds_dir / "Courier"
    folder.mkdir(parents=True)
    items = {
        "a": {"file": "old.html", "first_seen": "2026-01-01T08:00:00Z"},
        "b": {"file": "fresh.html", "first_seen": "2026-03-01T08:00:00Z"},
    }
    record = {"url": "https://a.example/rss", "items": items}
    (folder / ".feed.json").write_text(json.dumps(record), encoding="utf-8")
    settings = Settings(feeds=("https://a.example/rss",))
    state = ReadingState.open(paths.state_file)
    try:
        state.set("feeds.visited", "2026-02-01T00:00:00Z")
        first = build_session([], paths, settings, state)
        assert first.new_items == {path_key(folder / "fresh.html")}
        assert build_session([], paths, settings, state).new_items == set()  # seen now
    finally:
        state.close()


async def test_r_on_a_local_file_says_it_is_a_local_file(web_app):
    app = web_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        notes = [str(n.message) for n in app._notifications]
        assert any("refreshes saved web pages and feeds" in n and "a-budget.txt" in n
                   for n in notes)  # fmt: skip
        assert not any("No feeds followed" in n for n in notes)


async def test_quit_does_not_wait_for_a_server_that_never_answers(web_app):
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(30)  # a fetch that never connects fails the test, not hangs it
        address = f"http://127.0.0.1:{listener.getsockname()[1]}/never.html"
        app = web_app()
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            app.screen.web.open_page(address)
            connection, _ = await asyncio.to_thread(listener.accept)
            assert app.screen.web.busy and "Opening" in status_text(app)
            await pilot.press("q")
        with connection:  # the request is still unanswered after the reader has closed
            assert not app.is_running
            fetching = [t for t in threading.enumerate() if t.name == "reader-web"]
            assert fetching and all(t.daemon and t.is_alive() for t in fetching)
