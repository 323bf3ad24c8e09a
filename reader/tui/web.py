"""Web pages and feeds in the reader: `o` opens an address, `r` refreshes the page or feed
under the cursor (every feed when the article is neither), `R` every feed. Fetching runs
on a daemon thread the screen awaits (quitting never waits for a slow server); progress is
shown in the status line and the list is re-read at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.feeds.store import FeedStore, feed_url_of
from reader.library.models import ArticleLoadError
from reader.tui.offload import in_thread
from reader.web.response import FetchError
from reader.web.store import PageStore, read_record

if TYPE_CHECKING:
    from textual.app import App

    from reader.tui.screens.main import MainScreen
    from reader.web.fetch import Fetcher


def web_roots(pages_dir: Path | None, feeds_dir: Path | None, feeds: tuple[str, ...]) -> list[Path]:
    """The folders the default library gains: each followed feed fetched at least once, and
    the pages opened by their address (when there are any)."""
    roots: list[Path] = []
    if feeds_dir is not None:
        folders = FeedStore(feeds_dir).folders()
        roots.extend(folders[url] for url in feeds if url in folders)
    if pages_dir is not None and PageStore(pages_dir).pages():
        roots.append(pages_dir)
    return roots


def arrived_since(feeds_dir: Path | None, feeds: tuple[str, ...], since: str) -> set[Path]:
    """Item files of the followed feeds first seen after `since` (an ISO time, "" for ever)."""
    if feeds_dir is None:
        return set()
    store = FeedStore(feeds_dir)
    found: set[Path] = set()
    for url, folder in store.folders().items():
        if url not in feeds:
            continue
        items = store.record(url).get("items")
        for entry in items.values() if isinstance(items, dict) else ():
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                continue
            if str(entry.get("first_seen") or "") > since:
                found.add(folder / entry["file"])
    return found


class WebControl:
    """The web actions of one main screen; one fetch or update runs at a time."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.busy = False
        self._fetcher: Fetcher | None = None
        self._app_loop: tuple[App, asyncio.AbstractEventLoop]
        """The app and its event loop, for the fetching thread to call back (set at start)."""

    @property
    def session(self):
        return self.screen.session

    def _client(self) -> Fetcher:
        if self._fetcher is None:  # httpx loads here, in the worker, never at start-up
            from reader.web.fetch import Fetcher

            self._fetcher = Fetcher()
        return self._fetcher

    def _say(self, message: str, kind: str = "info") -> None:
        """Show `message` in the status line (called from the fetching thread)."""
        self._on_screen(self.screen.status.say, message, kind=kind)

    def _on_screen(self, fn: Callable[..., object], *args, **kwargs) -> None:
        """Run `fn` on the UI thread; dropped once the reader has closed."""
        app, loop = self._app_loop

        def call() -> None:
            if app.is_running:
                fn(*args, **kwargs)

        with contextlib.suppress(RuntimeError):  # the event loop has closed
            loop.call_soon_threadsafe(call)

    def _start(self, what: str, job: Callable[[threading.Event], None]) -> None:
        """Run `job(stop)` on a daemon thread; `stop` is set when the wait is cancelled."""
        if self.busy:
            self.screen.notify("Still fetching; wait for it to finish.", severity="warning")
            return
        self.busy = True
        self.screen.status.say(what)
        self._app_loop = (self.screen.app, asyncio.get_running_loop())
        self.screen.run_worker(self._run(job), group="web", exit_on_error=False)

    async def _run(self, job: Callable[[threading.Event], None]) -> None:
        stop = threading.Event()
        try:
            await in_thread(job, stop, name="reader-web")
        except asyncio.CancelledError:  # the reader is closing: the thread stops, or is left
            stop.set()
            raise
        finally:
            self.busy = False

    # pages

    def ask_url(self) -> None:
        from reader.tui.screens.open_url import OpenUrlScreen

        if self.session.pages_dir is None:
            self.screen.notify("Web pages are not available here.", severity="warning")
            return
        self.screen.app.push_screen(
            OpenUrlScreen(), lambda url: self.open_page(url) if url else None
        )

    def open_page(self, url: str, *, refresh: bool = False) -> None:
        verb = "Fetching anew" if refresh else "Opening"
        self._start(f"{verb} {url}…", lambda _stop: self._page(url, refresh))

    def _page(self, url: str, refresh: bool) -> None:
        store = PageStore(self.session.pages_dir)
        try:
            path = store.open(url, self._client(), refresh=refresh)
            article = self.session.loader(path)
        except FetchError as exc:
            self._on_screen(self._failed, str(exc))
            return
        except ArticleLoadError as exc:
            self._on_screen(self._failed, f"{url}: {exc.reason}")
            return
        except OSError as exc:
            self._on_screen(self._failed, f"{url}: cannot save the page ({exc.strerror or exc})")
            return
        self._on_screen(self.screen.show_fetched, path, article)

    def _failed(self, message: str) -> None:
        self.screen.status.say(message, kind="error")
        self.screen.notify(message, title="Not fetched", severity="error", markup=False)

    # feeds

    def refresh(self, path: Path | None) -> None:
        """The page or feed `path` came from, anew; else every feed."""
        if path is not None:
            feed = feed_url_of(path)
            if feed is not None:
                self.update([feed])
                return
            url = read_record(path).get("url")
            if isinstance(url, str) and self.session.pages_dir is not None:
                self.open_page(url, refresh=True)
                return
            if not self.session.settings.feeds or self.session.feeds_dir is None:
                self.screen.notify(
                    f"r refreshes saved web pages and feeds; {path.name} is a local file.",
                    severity="warning",
                    markup=False,
                )
                return
        self.update(list(self.session.settings.feeds))

    def update(self, urls: list[str]) -> None:
        if self.session.feeds_dir is None or not urls:
            self.screen.notify(
                "No feeds followed. Add one with: reader feeds add URL", severity="warning"
            )
            return
        count = f"{len(urls)} feeds" if len(urls) > 1 else "the feed"
        self._start(f"Updating {count}…", lambda stop: self._update(urls, stop))

    def _update(self, urls: list[str], stop: threading.Event) -> None:
        """Run the update in a child process (parsing a large feed would hold the GIL and
        slow every key), relaying its progress to the status line."""
        finished: list[str] = []
        titles = {url: FeedStore.title_or(url, self.session.feeds_dir) for url in urls}

        def progress(url: str, done: int, total: int) -> None:
            where = f"{len(finished)} of {len(urls)} feeds done" if len(urls) > 1 else ""
            item = f"{titles[url]}: new item {done} of {total}"
            self._say(" · ".join(p for p in ("Updating", where, item) if p))

        def result(outcome) -> None:
            finished.append(outcome.url)
            self._say(f"Updated {len(finished)} of {len(urls)} · {outcome.line()}",
                      "error" if outcome.error else "info")  # fmt: skip

        results = relay_updates(urls, self.session.feeds_dir, progress, result, stop)
        if results is not None:
            self._on_screen(self.screen.feeds_updated, results)


def relay_updates(urls, feeds_dir: Path, on_progress, on_result, stop: threading.Event):
    """Update `urls` in a child process, calling back here as it reports; the results, or
    None once `stop` is set (the reader is closing)."""
    import multiprocessing
    import queue

    from reader.feeds.store import UpdateResult

    context = multiprocessing.get_context("spawn")
    events = context.Queue()
    child = context.Process(target=run_updates, args=(urls, str(feeds_dir), events), daemon=True)
    child.start()
    try:
        while True:
            if stop.is_set():
                child.terminate()  # every file it writes is written whole, or not at all
                return None
            try:
                kind, *data = events.get(timeout=0.2)
            except queue.Empty:
                if not child.is_alive():
                    reason = f"the update stopped (exit code {child.exitcode})"
                    return [UpdateResult(url, error=reason) for url in urls]
                continue
            if kind == "item":
                on_progress(*data)
            elif kind == "feed":
                on_result(data[0])
            else:
                return data[0]
    finally:
        child.join(timeout=5)


def run_updates(urls: list[str], feeds_dir: str, events) -> None:
    """The child process: update the feeds, reporting each item and feed on `events`."""
    from reader.feeds import update_feeds
    from reader.feeds.store import UpdateResult
    from reader.service.worker import leave_with_parent
    from reader.web.fetch import Fetcher

    leave_with_parent()  # the reader killed outright: stop, keeping what is written whole
    try:
        with Fetcher() as fetcher:
            results = update_feeds(
                urls,
                FeedStore(Path(feeds_dir)),
                fetcher,
                on_result=lambda r: events.put(("feed", r)),
                on_progress=lambda url, done, total: events.put(("item", url, done, total)),
            )
    except Exception as exc:  # reported as each feed's error, never a silent stop
        reason = f"the update failed ({exc.__class__.__name__}: {exc})"
        results = [UpdateResult(url, error=reason) for url in urls]
    events.put(("done", results))
