"""The reader's main screen: owns the state, opens articles and runs analysis off the UI thread.

One class: the list, the article, the insight pane and the status line are its widgets;
it keeps what is selected and shown, and the widgets say what happened through messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import threading
import time
from collections.abc import Iterable
from concurrent.futures import CancelledError, Future
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from reader.analysis.models import Analysis
from reader.library.models import Article, ArticleLoadError, ArticleRef, LoadError, ScanResult
from reader.settings import MAX_SENTENCES, MAX_WORDS, MIN_WORDS, WORD_STEP
from reader.tui import keys
from reader.tui.debounce import Debounce, rhythm_delay
from reader.tui.grouping import (
    SORTS,
    appended,
    folder_of,
    in_groups,
    sorted_refs,
    unusable_ref,
)
from reader.tui.messages import (
    AnalysisFailed,
    AnalysisReady,
    ArticleChosen,
    ArticleFailed,
    ArticleHighlighted,
    ArticleLoaded,
    ItemKind,
    ItemSelected,
    LibraryScanned,
    MatchSelected,
    MentionSelected,
    QueryChanged,
    QueryClosed,
    QuerySubmitted,
    ReadingMoved,
    TabChanged,
)
from reader.tui.navigation import next_unread, statements, visible_quotes
from reader.tui.offload import in_thread
from reader.tui.search import filter_refs, fold_all, haystack
from reader.tui.session import AnalysisKey, Session, path_key
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import TABS, InsightPane
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.query_bar import QueryBar
from reader.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from reader.tui.web import WebControl

UNUSABLE = "unusable"
"""State key of the files that failed to open, so they are marked × from the start."""
LONG_ARTICLE = 5000
"""Words from which the insight pane counts the seconds an analysis takes."""
EXACT_COUNT = 1_000_000
"""Characters up to which those words are counted exactly (a few milliseconds)."""
SAVE_DELAY = 0.4
"""Seconds of stillness before the reading position is written."""
READ_AT = 0.9
"""Share of the text that must have been on screen for an article to count as read."""
PLACEHOLDER_DELAY = 0.25
"""Seconds an article may take to load before "Opening…" replaces the previous one."""
FIRST_POLL = 0.005
"""How often a scan that has found nothing yet is looked at: its first rows make the first
paint as soon as they are found."""
FIRST_BATCH = 0.1
"""Seconds of scanning between the first rows and the second batch; each later batch waits
twice as long, up to LAST_BATCH."""
LAST_BATCH = 1.0
"""A batch costs what it adds (it is listed at the end), so a second's worth is a short
pause for the keys even in a huge first listing."""
DEFAULT_WORDS = 60
"""The word budget a summary first gets when its length switches to words."""


class MainScreen(Screen):
    """List left, article centre, insight right; collapses to two columns when narrow."""

    BINDINGS = [*keys.bindings(), Binding("escape", "escape", "Clear", show=False)]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    wide_insight = var(True)
    """Insight pane shown in wide layouts."""
    narrow_insight = var(False)
    """Insight pane shown (in place of the list) in narrow layouts."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.shown: list[ArticleRef] = []
        self.current: Path | None = None
        self.article: Article | None = None
        self.filter_query = ""
        self._pending_position: tuple[int, float] | None = None
        self._auto_read_done = False
        self._save_soon = Debounce(self, self.flush_position)
        self._analyse_timer = None
        self._open_soon = Debounce(self, self._open_highlighted)
        self._highlighted_path: Path | None = None
        self._highlighted_at: float | None = None
        self._pending_marks: dict[Path, bool] = {}
        """Read marks of articles still loading (their id is not known yet)."""
        self._web: WebControl | None = None
        self._placeholder_timer = None
        self._prefetch_timer = None
        self._haystacks: list[str] = []
        self._haystacks_of: list[ArticleRef] | None = None
        self._scan_refs: list[ArticleRef] = []
        self._scan_errors: list[LoadError] = []
        self._first_batch = True
        self._progressive = True
        self.scanning = True
        self._bodies: dict[Path, str] = {}
        self._early_scan: _Found | None = _Found(session.scanner, list(session.library))
        """The first scan, started with the screen (before it is composed and mounted), so
        that the first frames can list what it has found."""
        self._clock: Timer | None = None
        """Counts the seconds of a long analysis in the insight pane."""
        """Folded text and actor names of each article, for the filter (read on first use)."""
        self.reset_reading()

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="library") as library:
                library.border_title = "Articles"
                # the count is in the pane's title: the field gets the width
                yield QueryBar("filter", "filter: title, text, names", id="filter-bar", label="/")
                yield ArticleList(id="article-list")
            with Vertical(id="reading") as reading:
                reading.border_title = "Article"
                yield ArticleView(id="article-view")
                yield QueryBar(
                    "search", "enter next · shift+enter previous · esc close", id="search-bar"
                )
            insight = InsightPane(id="insight")
            insight.border_title = "Insight"
            yield insight
        yield StatusBar(id="status")
        yield KeyFooter(compact=True)

    # parts

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def pane(self) -> InsightPane:
        return self.query_one(InsightPane)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    # start-up

    def on_mount(self) -> None:
        self.query_one("#filter-bar", QueryBar).close()
        self.query_one("#search-bar", QueryBar).close()
        tab = self.session.pref("tab", "summary")
        self.pane.set_tab(tab if tab in TABS else "summary")
        self.filter_query = self.session.pref("filter", "")
        if self.filter_query:  # a remembered filter is shown, so the short list is explained
            self.query_one("#filter-bar", QueryBar).open(self.filter_query, focus=False)
        self.view.show_message("Opening the library…")
        self.pane.show_waiting("Waiting for an article.", kind="loading")
        self.article_list.focus()
        self.article_list.set_new(set(self.session.new_items))
        early = self._early_scan
        if early is not None and early.has_items() and self._found_in_order():
            # listed in the first frame
            self._scanned(LibraryScanned(early.take(), final=False))
        self._scan()

    @work(exclusive=True, group="scan", exit_on_error=False)
    async def _scan(self) -> None:
        """List the library as it is found. The first listing shows its first rows within a
        moment, in batches that grow (so a huge folder costs few redraws); a later scan
        (after a fetch or a feed update) replaces the list once it is complete."""
        library = list(self.session.library)
        found, self._early_scan = self._early_scan, None
        if found is None or found.library != library:  # else: the first, started earlier
            self._progressive = not self.session.refs
            self._scan_refs, self._scan_errors = [], []
            found = _Found(self.session.scanner, library)
        self.scanning = True
        finished = asyncio.wrap_future(found.finished)
        # What the scan started with the screen has found: at once, or as soon as it has
        # found anything (the first rows are the first paint), when it is listed in the
        # order it is found; else after the first batch.
        interval, polls = 0.0, int(FIRST_BATCH / FIRST_POLL)
        in_order = self._found_in_order()
        while True:
            try:
                while polls and not finished.done() and not (in_order and found.has_items()):
                    await asyncio.wait([finished], timeout=FIRST_POLL)
                    polls -= 1
                polls = 0
                if interval:
                    await asyncio.wait([finished], timeout=interval)
            except asyncio.CancelledError:  # quitting, or a newer scan: stop walking now
                found.stop()
                raise
            final = finished.done()
            if final or self._progressive:
                result = found.take()
                if final and finished.exception() is not None:
                    # a scan bug must not leave "Opening the library…" for ever
                    exc = finished.exception()
                    reason = f"cannot list the library ({exc.__class__.__name__}: {exc})"
                    result.errors += [LoadError(p, reason) for p in library]
                self.post_message(LibraryScanned(result, final=final))
            if final:
                return
            interval = min(LAST_BATCH, max(FIRST_BATCH / 2, interval) * 2)

    def _found_in_order(self) -> bool:
        """Whether the list shows files in the order the scan finds them (folder order). In
        another order a file found later may go above the first ones, and the article
        opened first would not be the top row."""
        return self.session.state.get("sort", "folder") == "folder"

    @on(LibraryScanned)
    def _scanned(self, message: LibraryScanned) -> None:
        result = message.result
        # Files that cannot be used stay in the list, so opening one shows why in place; so
        # does a path given that is not there at all, with an extension or without.
        named = set(self.session.library)
        broken = [
            unusable_ref(ArticleRef(e.path, "", "", group=self._root_of(e.path)), e.reason)
            for e in result.errors
            if e.path.suffix or (e.path in named and not os.path.lexists(e.path))
        ]  # fmt: skip
        known = self._unusable()
        self._scan_refs += [self._checked(ref, known) for ref in result.refs] + broken
        self._scan_errors += result.errors
        self.scanning = not message.final
        if message.final and not gc.get_freeze_count():
            self.call_after_refresh(settle_heap)
        if message.final and self._scan_errors:
            first, count = self._scan_errors[0], len(self._scan_errors)
            more = f" (and {count - 1} more)" if count > 1 else ""
            self.notify(f"{first}{more}", title="Some files cannot be used",
                        severity="warning", markup=False)  # fmt: skip
        if not self._scan_refs and not message.final:
            return
        whole = self._first_batch or not self._progressive  # a new list, not more of one
        if not whole and self._list_more():
            return
        self.session.refs = in_groups(self._scan_refs)
        if whole:
            self.article_list.set_read(self.session.state.read_paths())
        self.apply_filter(self.filter_query, keep=self.current)
        if self.filter_query:  # a remembered filter looks in the text too
            self._read_bodies(list(self.session.refs))
        if not self.session.refs:
            where = ", ".join(str(p) for p in self.session.library) or "nothing"
            self.view.show_message("No articles found", f"Looked in {where}. Run: reader PATH …")
            self.pane.show_waiting("No article open.", kind="info")
            return
        if whole:
            if self._first_batch and not self.shown and not message.final:
                return  # a remembered filter hides all found so far: open its first match
            if self._first_batch:
                self.call_after_refresh(self._warm_analyser)
            self._first_batch = False
            self.open(self._start_path())

    def _list_more(self) -> bool:
        """Add a batch of a growing listing at the end of the list if that is where it goes
        (no filter, folder order, no second folder in a list without headers): a batch then
        costs what it adds, not what is listed. False when the list must be made anew."""
        refs = self.session.refs
        order = self.session.state.get("sort", "folder")
        if self.filter_query or self._unread_only() or order != "folder" or not refs:
            return False
        more = appended(refs, self._scan_refs[len(refs) :])
        if more is None:
            return False
        if not self.article_list.grouped and any(
            folder_of(ref) != folder_of(refs[0]) for ref in more
        ):  # the list gets headers
            return False
        refs.extend(more)
        self.shown.extend(more)
        self.article_list.extend(more)
        self._title_list()
        self._place_changed()
        return True

    def _start_path(self) -> Path:
        """The article read last if it is still there (listed yet or not), else the first."""
        last = self.session.state.last_article()
        listed = {path_key(r.path): r.path for r in self.shown}
        if last and last[1] in listed:
            return listed[last[1]]
        if last and self.scanning and not self.filter_query:
            path = Path(last[1])
            inside = any(root == path or root in path.parents for root in self.session.library)
            if inside and path.is_file():
                return path  # the scan has not reached it yet: the list will select it
        return self.shown[0].path if self.shown else self.session.refs[0].path

    def _warm_analyser(self) -> None:
        """Start the analysis process (model loading) now that the list is painted."""
        warm = getattr(self.session.analyser, "warm", None)
        if warm is not None:
            threading.Thread(target=warm, name="reader-warm", daemon=True).start()

    def _unusable(self) -> dict[str, list]:
        """Files that failed to open: path -> [mtime, reason] (kept until the file changes)."""
        known = self.session.state.get(UNUSABLE, {})
        return known if isinstance(known, dict) else {}

    def _checked(self, ref: ArticleRef, known: dict[str, list]) -> ArticleRef:
        entry = known.get(path_key(ref.path))
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == ref.mtime:
            return unusable_ref(ref, str(entry[1]))
        return ref

    def _remember_unusable(self, path: Path, reason: str | None) -> None:
        """Mark `path` unusable (or usable again, with no reason) in the list and the state."""
        known = dict(self._unusable())
        key = path_key(path)
        index = next((i for i, r in enumerate(self.session.refs) if r.path == path), None)
        if index is None or (reason is None and key not in known):
            return
        ref = self.session.refs[index]
        if reason is None:
            known.pop(key)
        elif ref.format == "error":
            return
        else:
            known[key] = [ref.mtime, reason]
            self.session.refs[index] = unusable_ref(ref, reason)
            self._haystacks = []
            self.apply_filter(self.filter_query, keep=self.current)
        self.session.state.set(UNUSABLE, known)

    def _root_of(self, path: Path) -> str:
        """The library folder a path was found under (the group the scan gives its refs)."""
        for root in self.session.library:
            if path == root or root in path.parents:
                return str(root)
        return str(path.parent)

    # the list

    def apply_filter(self, query: str, keep: Path | None) -> None:
        self.filter_query = query
        refs = self.session.refs
        stale = self._haystacks_of is not refs or len(self._haystacks) != len(refs)
        if query.strip() and stale:  # only a filter reads them (a scan changes them often)
            bodies = self._bodies
            self._haystacks = [haystack(ref) + bodies.get(ref.path, "") for ref in refs]
            self._haystacks_of = refs
        shown = filter_refs(refs, query, self._haystacks) if query.strip() else list(refs)
        unread_only = self._unread_only()
        if unread_only:  # the open article stays, so reading it does not pull it away
            read = self.article_list.read
            shown = [r for r in shown if r.path == keep or self._unread_ref(r, read)]
        order = self.session.state.get("sort", "folder")
        if order in SORTS and order != "folder":
            shown = in_groups(sorted_refs(shown, order))
        self.shown = shown  # in folder order, the library's refs are grouped already
        grouped = any(folder_of(r) != folder_of(shown[0]) for r in shown)
        self.article_list.show(self.shown, grouped=grouped, current=keep)
        self._title_list()
        self._place_changed()

    def _place_changed(self) -> None:
        """The list changed: which of it is open, and how many are unread, with it."""
        if self.current is not None:
            self.status.place(self.where_text())

    @staticmethod
    def _unread_ref(ref: ArticleRef, read: set[str]) -> bool:
        return ref.format != "error" and path_key(ref.path) not in read

    def _title_list(self) -> None:
        """The list's title: what it shows first (short enough for a narrow list), then
        how many, then the order. Unread only counts the unread articles listed, as the
        status line does (the open article stays listed once read, but is not counted)."""
        query, unread_only = self.filter_query, self._unread_only()
        order = self.session.state.get("sort", "folder")
        total = len(self.session.refs)
        if unread_only:
            count = f"{self.article_list.unread_count} of {total}"
        else:
            count = f"{len(self.shown)} of {total}" if query else str(total)
        if self.scanning:
            count += " so far…"
        label = "Unread" if unread_only else "Articles"
        how = [order] if order in SORTS and order != "folder" else []
        self.query_one("#library").border_title = " · ".join([label, count, *how])

    # the list: marks, unread only and order

    def action_mark_all_read(self) -> None:
        read = self.article_list.read
        unread = [
            r.path for r in self.shown if r.format != "error" and path_key(r.path) not in read
        ]
        if not unread:
            self.status.say("Every article in the list is read already.")
            return
        self.article_list.set_read(read | {path_key(p) for p in unread})  # shown at once
        self._mark_read(unread)

    @work(group="marks", exit_on_error=False)
    async def _mark_read(self, paths: list[Path]) -> None:
        """Load each article for its id (marks are kept by id and path), then save the marks."""
        self._save_read_marks(await in_thread(self._article_ids, paths, name="reader-marks"))

    def _article_ids(self, paths: list[Path]) -> list[tuple[str, Path]]:
        found: list[tuple[str, Path]] = []
        for path in paths:
            article = self.session.articles.get(path) or getattr(self._read(path), "article", None)
            if article is not None:
                found.append((article.id, path))
        return found

    def _save_read_marks(self, found: list[tuple[str, Path]]) -> None:
        for article_id, path in found:
            self.session.state.set_read(article_id, path, True)
        self.article_list.set_read(self.session.state.read_paths())
        if self.session.state.get("unread_only", False) is True:
            self.apply_filter(self.filter_query, keep=self.current)
        self.show_place()
        self.status.say(f"Marked {len(found)} article{'s' * (len(found) != 1)} read")

    def _unread_only(self) -> bool:
        return self.session.state.get("unread_only", False) is True

    def action_toggle_unread_only(self) -> None:
        shown = self.session.state.get("unread_only", False) is not True
        self.session.state.set("unread_only", shown)
        self.apply_filter(self.filter_query, keep=self.current)
        self.status.say("Showing unread articles only (u shows all)" if shown else "Showing all")

    def action_cycle_sort(self) -> None:
        order = self.session.state.get("sort", "folder")
        following = SORTS[(SORTS.index(order) + 1) % len(SORTS)] if order in SORTS else SORTS[1]
        self.session.state.set("sort", following)
        self.apply_filter(self.filter_query, keep=self.current)
        self.status.say(f"Sorted by {following}" if following != "folder" else "Folder order")

    @on(ArticleHighlighted)
    def _highlighted(self, message: ArticleHighlighted) -> None:
        if self.session.open_delay <= 0:
            self._open_soon.cancel()
            self.open(message.path)
        else:
            now = time.monotonic()
            last, self._highlighted_at = self._highlighted_at, now
            self._highlighted_path = message.path
            gap = now - last if last is not None else None
            self._open_soon.poke(rhythm_delay(self.session.open_delay, gap))

    def _open_highlighted(self) -> None:
        if self._highlighted_path is not None:
            self.open(self._highlighted_path)

    @on(ArticleChosen)
    def _chosen(self, message: ArticleChosen) -> None:
        if message.path != self.current:
            self.open(message.path)
        self.view.focus()

    # opening an article

    def open(self, path: Path) -> None:
        """Show the article at `path`: at once from memory, else after a background load."""
        if path == self.current and self.article is not None:
            return
        self.flush_position()
        for timer in (self._analyse_timer, self._prefetch_timer):
            if timer is not None:
                timer.stop()
        self.session.cancel_pending()  # requests for the article being left
        left, self.current = self.current, path
        if left is not None and self.is_read(left) and self._unread_only():
            self.apply_filter(self.filter_query, keep=path)  # the read one leaves the list
        self.article = None
        self.article_list.select(path)
        self.reset_reading()
        cached = self.session.articles.get(path)
        if cached is not None:
            self.show_article(cached)
            return
        # The text shown stays until the new one is read: most files take a few
        # milliseconds, and a placeholder for that long is only a flicker.
        self._stop_placeholder()
        self._placeholder_timer = self.set_timer(PLACEHOLDER_DELAY, self._show_opening)
        self._load(path)

    def _stop_placeholder(self) -> None:
        if self._placeholder_timer is not None:
            self._placeholder_timer.stop()
            self._placeholder_timer = None

    def _show_opening(self) -> None:
        if self.article is None and self.current is not None:
            self.view.show_message("Opening…", self.current.name)
            self.pane.show_waiting("Waiting for the text.", kind="loading")

    @work(exclusive=True, group="load", exit_on_error=False)
    async def _load(self, path: Path) -> None:
        self.post_message(await in_thread(self._read, path, name="reader-load"))

    def _read(self, path: Path) -> ArticleLoaded | ArticleFailed:
        try:
            return ArticleLoaded(path, self.session.loader(path))
        except ArticleLoadError as exc:
            return ArticleFailed(path, exc.reason)
        except Exception as exc:  # a loader bug must not take the reader down
            return ArticleFailed(path, f"cannot open ({exc.__class__.__name__}: {exc})")

    @on(ArticleLoaded)
    def _loaded(self, message: ArticleLoaded) -> None:
        self.session.articles.put(message.path, message.article)
        self._remember_unusable(message.path, None)
        self._save_pending_mark(message.path, message.article)
        if message.path == self.current and self.article is None:
            self.show_article(message.article)

    @on(ArticleFailed)
    def _failed(self, message: ArticleFailed) -> None:
        self._save_pending_mark(message.path, None)
        self._remember_unusable(message.path, message.reason)
        if message.path != self.current:
            return
        self._stop_placeholder()
        self.view.show_message("This article cannot be opened", message.reason)
        self.pane.show_waiting("Nothing to analyse.", kind="error")
        self.status.say(f"{message.path.name}: {message.reason}", kind="error")
        self.notify(f"{message.path}: {message.reason}", severity="error", markup=False)

    def show_article(self, article: Article) -> None:
        assert self.current is not None
        self._stop_placeholder()
        self.article = article
        self._auto_read_done = False
        saved = self.session.state.position(article.id, self.current)
        position = (saved.paragraph, saved.offset) if saved is not None else None
        self.view.show_article(article, position)
        self.session.state.set_last_article(article.id, self.current)
        self.show_place()
        self.refresh_search()
        self.request_analysis()

    def where_text(self) -> str:
        """Which article of the list, whether it is read, how far down the text the view
        is, and how many in the list are unread."""
        number = self.article_list.ordinal(self.current)
        total = len(self.article_list.paths)
        place = f"{number + 1} of {total}" if number is not None else ""
        read = "read" if self.is_read(self.current) else "unread"
        seen = f"{round(self.view.seen() * 100)}%" if self.article is not None else ""
        unread = self.article_list.unread_count
        left = f"{unread} unread in the list" if unread else "all read"
        return " · ".join(p for p in (place, read, seen, left) if p)

    def show_place(self) -> None:
        """Bring the status line back to where the reader is (ending any message)."""
        if self._unread_only():  # the list's title counts the unread too
            self._title_list()
        self.status.place(self.where_text())
        self.status.show_place()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(f"A background task failed: {error}", severity="error", markup=False)

    # reading position and read marks

    def is_read(self, path: Path | None) -> bool:
        return path is not None and path_key(path) in self.article_list.read

    def catch_up(self) -> None:
        """Open the article under the list cursor now if its delayed opening is pending, so
        a key pressed right after j or k acts on the article the cursor is on."""
        target = self.article_list.current
        if target is not None and target != self.current:
            self._open_soon.cancel()
            self.open(target)

    def set_read(self, read: bool) -> None:
        """Mark the current article; shown at once, saved as soon as its id is known."""
        path = self.current
        if path is None or any(r.path == path and r.format == "error" for r in self.shown):
            return
        marks = set(self.article_list.read)
        (marks.add if read else marks.discard)(path_key(path))
        self.article_list.set_read(marks)
        article = self.article if self.article is not None else self.session.articles.get(path)
        if article is not None:
            self.session.state.set_read(article.id, path, read)
        else:  # still loading: saved when it has loaded (or at quit)
            self._pending_marks[path] = read
            self._load_for_mark(path)
        self.show_place()

    @work(group="mark", exit_on_error=False)
    async def _load_for_mark(self, path: Path) -> None:
        self.post_message(await in_thread(self._read, path, name="reader-load"))

    def _save_pending_mark(self, path: Path, article: Article | None) -> None:
        read = self._pending_marks.pop(path, None)
        if read is None:
            return
        if article is not None:
            self.session.state.set_read(article.id, path, read)
        else:  # it cannot be loaded: there is nothing to mark
            marks = set(self.article_list.read)
            marks.discard(path_key(path))
            self.article_list.set_read(marks)

    def save_pending_marks(self) -> None:
        """Marks of articles that had not loaded yet (at quit: load them now)."""
        for path in list(self._pending_marks):
            loaded = self._read(path)
            self._save_pending_mark(path, getattr(loaded, "article", None))

    @on(ReadingMoved)
    def _moved(self, message: ReadingMoved) -> None:
        if self.article is None:
            return
        self._pending_position = (message.paragraph, message.offset)
        self.status.place(self.where_text())
        self._save_soon.poke(SAVE_DELAY)
        if message.scrolled and message.seen >= READ_AT and not self._auto_read_done:
            self._auto_read_done = True
            if not self.is_read(self.current):
                self.set_read(True)

    def flush_position(self) -> None:
        if self._pending_position is not None and self.article and self.current:
            self.session.state.set_position(self.article.id, self.current, *self._pending_position)
        self._pending_position = None

    def on_unmount(self) -> None:
        self.flush_position()
        self.save_pending_marks()

    # layout

    def watch_wide_insight(self, shown: bool) -> None:
        self.set_class(not shown, "-wide-insight-off")
        self._hint_insight()

    def watch_narrow_insight(self, shown: bool) -> None:
        self.set_class(shown, "-narrow-insight-on")
        self._hint_insight()

    def on_resize(self) -> None:
        self._hint_insight()

    def _hint_insight(self) -> None:
        """While the insight pane is hidden, the text's border says how to show it."""
        if self.is_mounted:
            hint = "" if self.insight_visible() else "i: summary · actors · quotes"
            self.query_one("#reading").border_subtitle = hint

    def insight_visible(self) -> bool:
        return self.narrow_insight if self.has_class("-narrow") else self.wide_insight

    # inside one article: quotes, summary, actors and search, linked to the text

    def reset_reading(self) -> None:
        """Forget the analysis of the article left (called when another one opens); the
        pane and the view keep their own selections and reset them with a new text."""
        self.analysis: Analysis | None = None

    def show_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.pane.show_analysis(
            analysis, show_fragments=self.session.show_fragments, text=self._text()
        )

    def _text(self) -> str | None:
        return self.article.text if self.article is not None else None

    def _statements(self) -> list[list[int]]:
        """The visible quotes as statements (a quote split by its attribution is one)."""
        assert self.analysis is not None
        shown = visible_quotes(self.analysis, self.session.show_fragments)
        text = self._text()
        return statements(self.analysis, shown, text) if text else [[i] for i in shown]

    # quotes and summary sentences

    def unopenable(self) -> str | None:
        """Why the current article cannot be opened, or None when it can (or may yet)."""
        if self.article is not None or self.current is None:
            return None
        ref = next((r for r in self.session.refs if r.path == self.current), None)
        return ref.source if ref is not None and ref.format == "error" else None

    def _not_ready(self) -> bool:
        if self.unopenable() is not None:
            self.status.say("This article cannot be opened: nothing to jump to.", kind="warning")
            return True
        if self.analysis is None:
            self.status.say("The analysis is not ready yet.", kind="warning")
            return True
        return False

    def step_item(self, kind: ItemKind, forward: bool) -> None:
        """The next (or previous) quote or summary sentence: the pane moves its selection
        and says where to; the text is lit in the same frame."""
        if self._not_ready():
            return
        selected = self.pane.step(kind, forward, self.view.top_offset())
        if selected is not None:
            self._item_selected(selected)
        elif kind == "quotes":
            self.status.say("No quotes in this article.", kind="warning")
        else:
            self.status.say("No summary for this article.", kind="warning")

    def action_next_quote(self) -> None:
        self.step_item("quotes", True)

    def action_prev_quote(self) -> None:
        self.step_item("quotes", False)

    def action_next_sentence(self) -> None:
        self.step_item("summary", True)

    def action_prev_sentence(self) -> None:
        self.step_item("summary", False)

    # items picked in the insight pane

    @on(ItemSelected)
    def _item_selected(self, message: ItemSelected) -> None:
        """The pane selected an item: light it in the text and say which it is."""
        analysis, kind, index = self.analysis, message.kind, message.index
        # A pick made in the pane just before another analysis was shown can arrive after it.
        parts = {"summary": analysis.summary, "actors": analysis.actors,
                 "quotes": analysis.quotes} if analysis is not None else {}  # fmt: skip
        if message.analysis is not analysis or not 0 <= index < len(parts.get(kind, ())):
            return
        assert analysis is not None
        if kind == "actors":
            self.pick_actor(analysis, index, jump=message.chosen)
            return
        if message.span is not None:
            self.view.light(*message.span)
        if kind == "quotes":
            speaker = analysis.quotes[index].speaker or "unattributed"
            line, what = f"Quote {message.number} of {message.count} · {speaker}", "quote"
            notice = "quote"
        else:
            line, what = f"Summary sentence {message.number} of {message.count}", "sentence"
            notice = "summary sentence"
        if message.wrapped:
            where = "first" if message.forward else "last"
            line += f" · wrapped to the {where} {what}"
            self.notify(f"Wrapped to the {where} {notice}.", timeout=2)
        self.status.say(line)

    def pick_actor(self, analysis: Analysis, index: int, *, jump: bool) -> None:
        """Light every mention; each `enter` goes to the next one (the view answers with
        `MentionSelected`). The key keeps the cursor while the same actors are shown."""
        self.view.light_mentions((index, analysis.actors), analysis.actors[index].spans, jump=jump)

    @on(MentionSelected)
    def _mention_selected(self, message: MentionSelected) -> None:
        if message.key != self.view.mentions_of:
            return  # the mentions were unlit (or others lit) since
        index, actors = message.key  # type: ignore[misc]  # the key pick_actor gave
        actor = actors[index]
        if message.number:
            self.status.say(f"{actor.name} · mention {message.number} of {message.count}")
        else:
            noun = "mention" if actor.mentions == 1 else "mentions"
            self.status.say(f"{actor.name} · {actor.mentions} {noun} highlighted")

    # search in the text: the view keeps the matches, the screen shows the count

    def refresh_search(self) -> None:
        """Recompute matches for the open search (after typing, or in a newly opened article)."""
        bar = self.query_one("#search-bar", QueryBar)
        self.view.search(bar.query_text if bar.display else "")

    @on(MatchSelected)
    def _match_selected(self, message: MatchSelected) -> None:
        bar = self.query_one("#search-bar", QueryBar)
        if message.count:
            count = f"{message.number} of {message.count}"
            bar.set_count(count)
            self.status.say(f"Match {count}")
            if message.wrapped:
                self.notify("Search wrapped round.", timeout=2)
        elif message.query.strip():
            bar.set_count("no matches")
            self.status.say("No matches.", kind="warning")  # the status follows the bar
        else:
            bar.set_count("")
            self.show_place()

    def step_match(self, forward: bool) -> None:
        if self.article is None or not self.view.step_match(forward):
            self.status.say("No matches.", kind="warning")

    def searching(self) -> bool:
        bar = self.query_one("#search-bar", QueryBar)
        return bool(bar.display and self.article is not None and self.view.matches)

    # analysis: in worker threads, the next article prefetched. A result carries the key it
    # was made for (article id, length, algorithm); one that no longer matches what is
    # shown is cached but not displayed.

    def request_analysis(self) -> None:
        """Show the analysis from memory, or start one after a short pause."""
        if self.article is None:
            return
        key = self.session.key_for(self.article)
        cached = self.session.cached(self.article, key)
        if cached is not None:
            self.show_analysis(cached)
            self.prefetch_next()
            return
        # Not in any cache: the analyser will run (the first time, it loads its model).
        first = "" if self.session.model_ready else " (loading the model)"  # fits a narrow pane
        self.pane.show_waiting(f"Analysing…{first}", kind="loading")
        self._start_clock(key, first)
        if self._analyse_timer is not None:
            self._analyse_timer.stop()
        article = self.article
        if self.session.analyse_delay <= 0:
            self._analyse(article, key)
            return
        self._analyse_timer = self.set_timer(
            self.session.analyse_delay, lambda: self._analyse(article, key)
        )

    @work(exclusive=True, group="analysis", exit_on_error=False)
    async def _analyse(self, article: Article, key: AnalysisKey) -> None:
        message = await self._analysis_of(article, key, replace=True)
        if message is not None:
            self.post_message(message)

    async def _analysis_of(
        self, article: Article, key: AnalysisKey, *, replace: bool
    ) -> AnalysisReady | AnalysisFailed | None:
        """Submit and await an analysis; None when the request was dropped (or stopped
        while running) for a newer one.

        The request is shared (a prefetch and the screen may wait for the same one), so
        cancelling this await does not cancel it: `Session.cancel_pending` does.
        """
        future = self.session.submit(article, key, replace=replace)
        try:
            analysis, notices = await asyncio.shield(asyncio.wrap_future(future))
        except asyncio.CancelledError:
            if future.cancelled() or isinstance(_failure(future), CancelledError):
                return None
            raise
        except Exception as exc:  # shown in the pane; the reader keeps working
            return AnalysisFailed(key, f"{exc.__class__.__name__}: {exc}")
        self.session.model_ready = True
        return AnalysisReady(key, analysis, tuple(notices))

    def _start_clock(self, key: AnalysisKey, note: str) -> None:
        """For a long article, count the seconds of its analysis in the insight pane."""
        self._stop_clock()
        assert self.article is not None
        text = self.article.text
        if len(text) <= EXACT_COUNT:
            words = len(text.split())
            length = f"{words:,} words"
        else:  # counting the words of a huge text would hold the keys: spaces will do
            words = text.count(" ") + text.count("\n")
            length = f"about {words:,} words"
        if words < LONG_ARTICLE:
            return
        started = time.monotonic()

        def tick() -> None:
            if self.article is None or self.session.key_for(self.article) != key:
                self._stop_clock()
                return
            seconds = round(time.monotonic() - started)
            self.pane.show_status(f"Analysing {length}… {seconds} s{note}", kind="loading")

        tick()
        self._clock = self.set_interval(1.0, tick)

    def _stop_clock(self) -> None:
        if self._clock is not None:
            self._clock.stop()
            self._clock = None

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.session.analyses.put(message.key, message.analysis)
        if self.article is None or message.key != self.session.key_for(self.article):
            return  # a result for an article (or a summary length) no longer shown
        self._stop_clock()
        for notice in message.notices:
            if notice not in self.session.shown_notices:
                self.session.shown_notices.add(notice)
                self.notify(notice, severity="warning", markup=False)
        self.show_analysis(message.analysis)
        self.prefetch_next()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if self.article is None or message.key != self.session.key_for(self.article):
            return
        self._stop_clock()
        self.pane.show_waiting(f"Analysis failed: {message.reason}", kind="error")
        self.notify(f"Analysis failed: {message.reason}", severity="error", markup=False)

    def prefetch_next(self) -> None:
        """Load and analyse the article after this one, so opening it is instant; only once
        the reader has stayed on this one a moment (one analysis runs at a time, and a
        prefetch started while moving on would make the next article wait)."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        number = self.article_list.ordinal(self.current)
        paths = self.article_list.paths
        if number is None or self.article is None or number + 1 >= len(paths):
            return
        session = self.session
        options = (session.sentences, session.algorithm, session.words)
        path = paths[number + 1]
        if session.prefetch_delay <= 0:
            self._prefetch(path, options)
        else:
            self._prefetch_timer = self.set_timer(
                session.prefetch_delay, lambda: self._prefetch(path, options)
            )

    @work(exclusive=True, group="prefetch", exit_on_error=False)
    async def _prefetch(self, path: Path, options: tuple[int, str, int | None]) -> None:
        article = self.session.articles.get(path)
        if article is None:
            loaded = await in_thread(self._read, path, name="reader-prefetch")
            self.post_message(loaded)  # a failure marks the file × before it is opened
            if isinstance(loaded, ArticleFailed):
                return
            article = loaded.article
        key = (article.id, *options)
        if self.session.cached(article, key) is None:
            message = await self._analysis_of(article, key, replace=False)
            if message is not None:
                self.post_message(message)

    # commands across articles and panes

    # articles

    def step_unread(self, forward: bool) -> None:
        if self.searching():
            self.step_match(forward)
            return
        self.catch_up()
        paths = self.article_list.paths
        keys = [path_key(p) for p in paths]
        current = path_key(self.current) if self.current else None
        broken = {path_key(r.path) for r in self.shown if r.format == "error"}
        found = next_unread(keys, self.article_list.read | broken, current, forward)
        if found is None:
            self.status.say("No other unread articles.", kind="warning")
            self.notify("No other unread articles.", timeout=3)
            return
        if found.wrapped:
            self.notify("Wrapped round the list.", timeout=2)
        self.open(paths[found.index])

    def action_next_unread(self) -> None:
        self.step_unread(True)

    def action_prev_unread(self) -> None:
        self.step_unread(False)

    def action_prev_match(self) -> None:
        if self.searching():
            self.step_match(False)
        else:
            self.status.say("No search: / in the text searches it.", kind="warning")

    def action_toggle_read(self) -> None:
        self.catch_up()
        self.set_read(not self.is_read(self.current))

    # summary length and fragments

    def change_length(self, delta: int) -> None:
        words = self.session.words
        if words:
            new = min(MAX_WORDS, max(MIN_WORDS, words + delta * WORD_STEP))
            if new == words:
                self.status.say(f"The summary is already {words} words at most.", kind="warning")
                return
            self.session.remember("summary_words", new)
            self.status.say(f"Summary: up to {new} words")
        else:
            sentences = min(MAX_SENTENCES, max(1, self.session.sentences + delta))
            if sentences == self.session.sentences:
                self.status.say(f"The summary is already {sentences} sentence(s).", kind="warning")
                return
            self.session.remember("summary_sentences", sentences)
            self.status.say(f"Summary: {sentences} sentences")
        self.request_analysis()

    def action_toggle_length_unit(self) -> None:
        if self.session.words:
            self.session.remember("summary_words", 0)
            self.status.say(f"Summary: {self.session.sentences} sentences")
        else:
            words = self.session.settings.summary_words or DEFAULT_WORDS
            self.session.remember("summary_words", words)
            self.status.say(f"Summary: up to {words} words (+ and - change it by {WORD_STEP})")
        self.request_analysis()

    def set_algorithm(self, name: str) -> None:
        """Summarise with `name` from now on (remembered, like the length)."""
        self.session.remember("algorithm", name)
        self.status.say(f"Summary: {name}")
        self.request_analysis()

    def action_longer_summary(self) -> None:
        self.change_length(1)

    def action_shorter_summary(self) -> None:
        self.change_length(-1)

    def action_toggle_fragments(self) -> None:
        shown = not self.session.show_fragments
        self.session.remember("show_fragments", shown)
        self.status.say("Fragments shown" if shown else "Fragments hidden")
        if self.analysis is not None:
            self.show_analysis(self.analysis)

    # the insight pane

    def action_show_tab(self, tab: ItemKind) -> None:
        if not self.insight_visible():
            self.action_toggle_insight()
        self.pane.set_tab(tab)
        self.pane.item_list.focus()
        # The tab bar names the tab; the line says where the keys went, the same for every
        # tab, so a switch redraws the pane alone and not the status line across the screen.
        self.status.say("Insight · j/k move, enter shows it in the text, tab leaves")

    def action_toggle_insight(self) -> None:
        narrow = self.has_class("-narrow")
        if narrow:
            self.narrow_insight = not self.narrow_insight
        else:
            self.wide_insight = not self.wide_insight
        if self.insight_visible():
            if narrow:  # the pane takes the list's place, and its focus
                self.pane.item_list.focus()
        elif self.pane.has_focus_within or self.focused is None:
            if narrow:
                self.article_list.focus()
            else:
                self.view.focus()

    def on_tab_changed(self, message: TabChanged) -> None:
        if message.tab in TABS:
            self.session.state.set("tab", message.tab)

    # copy and export

    def _summary_ready(self) -> bool:
        if self.unopenable() is not None:
            message = "This article cannot be opened: nothing to copy or export."
            self.notify(message, severity="warning")
            return False
        if self.article is None or self.analysis is None:
            self.notify("The summary is not ready yet.", severity="warning")
            return False
        return True

    def action_copy_summary(self) -> None:
        """The summary; or, in the Quotes or Summary list, the item there as a citation."""
        if not self._summary_ready():
            return
        from reader import export

        item = self.pane.focused_item()
        if item is not None and item[0] in ("quotes", "summary"):
            content, what = self._citation(*item)
        else:
            content = export.render(self.article, self.analysis, "txt", extras=False)
            count = len(self.analysis.summary)
            what = f"the summary ({count} sentence{'s' * (count != 1)})"
        # A terminal write that fails must not stop the local copy.
        with contextlib.suppress(Exception):
            self.app.copy_to_clipboard(content)
        self._copy_local(content, what)

    def _citation(self, kind: ItemKind, index: int) -> tuple[str, str]:
        from reader import export

        words, speaker, what = self._cited(kind, index)
        return export.citation(self.article, words, speaker), f"the {what} with its source"

    def _cited(self, kind: ItemKind, index: int) -> tuple[str, str | None, str]:
        """(words, speaker, "quote" or "sentence") of a Quotes or Summary item."""
        assert self.analysis is not None
        if kind == "summary":
            return self.analysis.summary[index].text, None, "sentence"
        group = next((g for g in self._statements() if g[0] == index), [index])
        words = " … ".join(self.analysis.quotes[i].text for i in group)
        return words, self.analysis.quotes[index].speaker, "quote"

    @work(group="clipboard", exit_on_error=False)
    async def _copy_local(self, content: str, what: str) -> None:
        from reader import export
        from reader.export.clipboard import OSC52_HINT, TMUX_HINT, in_tmux

        try:
            message = f"Copied {what} to {await in_thread(export.copy_text, content)}."
        except Exception:
            # Only the OSC 52 sequence went out, and nothing says whether it arrived.
            hint = TMUX_HINT if in_tmux() else OSC52_HINT
            message = f"Sent {what} to the terminal's clipboard (OSC 52); {hint}."
        self.notify(message, markup=False, timeout=8)

    def action_export_summary(self) -> None:
        if not self._summary_ready():
            return
        from reader import export

        article, analysis = self.article, self.analysis
        last = self.session.state.get("export_dir")
        folder = Path(last) if isinstance(last, str) and Path(last).is_dir() else None
        folder = folder or export.default_export_dir()
        item = self.pane.focused_item()
        if item is not None and item[0] in ("quotes", "summary"):
            # a quote or sentence picked in the pane: that item, as a citation
            words, speaker, what = self._cited(*item)
            name = export.safe_filename(f"{article.title} {what}", "md")

            def render(fmt: str, extras: bool) -> str:
                return export.citation_as(article, words, speaker, fmt)
        else:
            what, name = "summary", export.safe_filename(article.title, "md")

            def render(fmt: str, extras: bool) -> str:
                return export.render(article, analysis, fmt, extras=extras)

        default = folder / name

        def write(path: Path, content: str, overwrite: bool) -> Path:
            # only the folder offered may be made; a missing one typed in is likely a typo
            create = path.parent == folder
            return export.write_export(
                path, content, overwrite, create_folder=create, exists_hint="choose another name"
            )

        def done(written: Path | None) -> None:
            if written is not None:
                self.session.state.set("export_dir", str(written.parent))
                self.notify(f"Exported the {what} to {written}", markup=False)

        from reader.tui.screens.export import ExportScreen  # loaded when first asked for

        self.app.push_screen(ExportScreen(default, render, write, what=what), done)

    # filter and search

    def action_find(self) -> None:
        library = self.query_one("#library")
        if library.has_focus_within:
            self.action_filter_list()
        else:
            self.action_search_text()

    def action_filter_list(self) -> None:
        if self.has_class("-narrow") and self.narrow_insight:
            self.narrow_insight = False
        self.query_one("#filter-bar", QueryBar).open(self.filter_query)
        if not self._bodies:
            self._read_bodies(list(self.session.refs))

    @work(exclusive=True, group="bodies", exit_on_error=False)
    async def _read_bodies(self, refs: list[ArticleRef]) -> None:
        """Read every article's text (and cached actor names) so the filter finds words in
        them; the filter looks at titles and sources until this is done."""
        options = (self.session.sentences, self.session.algorithm, self.session.words)
        self._bodies_read(
            await in_thread(self._collect_bodies, refs, options, name="reader-bodies")
        )

    def _collect_bodies(self, refs: list[ArticleRef], options: tuple) -> dict[Path, str]:
        bodies: dict[Path, str] = {}
        lookup = self.session.lookup or getattr(self.session.analyser, "cached", None)
        for ref in refs:
            if ref.format == "error":
                continue
            loaded = self.session.articles.get(ref.path) or self._read(ref.path)
            article = getattr(loaded, "article", loaded)
            if not isinstance(article, Article):
                continue
            analysis = self.session.analyses.get((article.id, *options))
            if analysis is None and lookup is not None:  # the disk cache, never the model
                with contextlib.suppress(Exception):
                    analysis = lookup(article, *options)
            names = " ".join(a.name for a in analysis.actors) if analysis else ""
            bodies[ref.path] = fold_all(f" {names} {article.text}")
        return bodies

    def _bodies_read(self, bodies: dict[Path, str]) -> None:
        self._bodies = bodies
        self._haystacks = []
        if self.filter_query:
            self.apply_filter(self.filter_query, keep=self.current)

    def action_search_text(self) -> None:
        self.query_one("#search-bar", QueryBar).open()

    def on_query_changed(self, message: QueryChanged) -> None:
        if message.target == "filter":
            self.apply_filter(message.query, keep=self.current)
            self.session.state.set("filter", message.query)
        else:
            self.refresh_search()

    def on_query_submitted(self, message: QuerySubmitted) -> None:
        if message.target == "search":
            self.step_match(not message.backwards)
            return
        self.article_list.focus()
        if self.article_list.current is None and self.article_list.paths:
            self.open(self.article_list.paths[0])

    def on_query_closed(self, message: QueryClosed) -> None:
        bar = self.query_one(f"#{message.target}-bar", QueryBar)
        bar.close()
        if message.target == "filter":
            if not message.keep:
                self.apply_filter("", keep=self.current)
                self.session.state.set("filter", "")
            self.article_list.focus()
        else:
            self.refresh_search()
            self.view.focus()
        self.show_place()

    def action_escape(self) -> None:
        """Close the filter (from the list) or the search; else clear the highlights."""
        in_list = self.query_one("#library").has_focus_within
        if in_list and self.query_one("#filter-bar", QueryBar).display:
            self.on_query_closed(QueryClosed("filter"))
            return
        if self.query_one("#search-bar", QueryBar).display:
            self.on_query_closed(QueryClosed("search"))
            return
        self.view.clear_lights()
        self.show_place()

    def action_change_theme(self) -> None:
        self.app.action_change_theme()

    # the web (reader.tui.web does the fetching)

    @property
    def web(self) -> WebControl:
        if self._web is None:
            from reader.tui.web import WebControl  # loaded when first asked for

            self._web = WebControl(self)
        return self._web

    def action_open_url(self) -> None:
        self.web.ask_url()

    def action_refresh(self) -> None:
        self.web.refresh(self.article_list.current or self.current)

    def action_refresh_all(self) -> None:
        self.web.refresh(None)

    def show_fetched(self, path: Path, article: Article) -> None:
        """A page fetched (or fetched anew): show it, and list it if the library does not."""
        self.session.articles.put(path, article)
        self.session.state.set_last_article(article.id, path)
        if not any(path == root or root in path.parents for root in self.session.library):
            pages = self.session.pages_dir
            self.session.library.append(pages if pages in path.parents else path)
        if path == self.current:
            self.current = None  # a refreshed page replaces the one on screen
        self.open(path)
        self._scan()

    def feeds_updated(self, results: list) -> None:
        """Feeds updated: list the new items (unread) and say what changed."""
        new = sum(r.new for r in results)
        failed = [r for r in results if r.error]
        for result in results:
            folder = result.folder
            if folder is not None and folder not in self.session.library:
                self.session.library.append(folder)
        summary = f"{new} new item{'s' if new != 1 else ''} in {len(results)} feeds"
        if len(results) == 1:
            summary = results[0].line()
        elif failed:
            summary += f"; {len(failed)} failed"
        fresh = {path_key(f) for r in results for f in r.new_files}
        self.article_list.set_new(self.article_list.new | fresh)
        self.status.say(summary, kind="error" if failed else "info")
        if failed:
            self.notify(failed[0].line(), title="Feed not updated", severity="error",
                        markup=False)  # fmt: skip
        else:
            self.notify(summary, title="Feeds updated", markup=False)
        self._scan()


def _failure(future: Future) -> BaseException | None:
    """The exception a finished future holds (None while it runs, or if it succeeded)."""
    return future.exception() if future.done() and not future.cancelled() else None


FULL_COLLECTION_AFTER = 100
"""Collections of the middle generation before a full one (Python's default: 10)."""


def settle_heap() -> None:
    """Put what start-up made (modules, widgets, the listed library) out of the garbage
    collector's sight, once. A full collection walked all of it with the UI thread held
    (100 ms and more, every few dozen keys); now it walks only what came later. Full
    collections also come ten times more rarely: the app runs one when the keys pause."""
    gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)


class _Found:
    """A scan of `library` on a daemon thread, and what it has found that the screen has
    not listed yet; `finished` completes when the walk ends."""

    def __init__(self, scanner, library: list[Path]) -> None:
        self.library = library
        self.finished: Future = Future()
        self._items: list[ArticleRef | LoadError] = []
        self._lock = threading.Lock()
        self._stopped = False
        threading.Thread(
            target=self._walk, args=(scanner, library), name="reader-scan", daemon=True
        ).start()

    def _walk(self, scanner, library: list[Path]) -> None:
        try:
            self.collect(scanner(library))
        except BaseException as exc:  # handed to the screen, which lists the problem
            self.finished.set_exception(exc)
        else:
            self.finished.set_result(None)

    def has_items(self) -> bool:
        with self._lock:
            return bool(self._items)

    def collect(self, items: Iterable[ArticleRef | LoadError]) -> None:
        for item in items:
            if self._stopped:  # nobody will list it: leave the rest of the folder alone
                return
            with self._lock:
                self._items.append(item)
            # Let the UI thread have the interpreter lock if it waits for it: without this
            # it waits out the switch interval (5 ms) each time, and a key (or quit) with it.
            time.sleep(0)

    def stop(self) -> None:
        self._stopped = True

    def take(self) -> ScanResult:
        with self._lock:
            items, self._items = self._items, []
        result = ScanResult()
        for item in items:
            (result.refs if isinstance(item, ArticleRef) else result.errors).append(item)
        return result
