"""The reader's main screen: owns the state, opens articles and runs analysis off the UI thread."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from reader.library.models import Article, ArticleLoadError, ArticleRef
from reader.tui import keys
from reader.tui.messages import (
    ArticleChosen,
    ArticleFailed,
    ArticleHighlighted,
    ArticleLoaded,
    LibraryScanned,
    ReadingMoved,
)
from reader.tui.screens.analysis import AnalysisWorkers
from reader.tui.screens.commands import PaneActions
from reader.tui.screens.reading import ReadingActions
from reader.tui.search import filter_refs, haystack
from reader.tui.session import Session, path_key
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import TABS, InsightPane
from reader.tui.widgets.query_bar import QueryBar
from reader.tui.widgets.status_bar import StatusBar

SAVE_DELAY = 0.4
"""Seconds of stillness before the reading position is written."""
READ_AT = 0.9
"""Share of the text that must have been on screen for an article to count as read."""


class MainScreen(AnalysisWorkers, ReadingActions, PaneActions, Screen):
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
        self._save_timer = None
        self._analyse_timer = None
        self._open_timer = None
        self._haystacks: list[str] = []
        self.reset_reading()

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="library") as library:
                library.border_title = "Articles"
                yield QueryBar("filter", "title, source, file", id="filter-bar")
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
        yield Footer(compact=True)

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
        self._scan()

    @work(thread=True, exclusive=True, group="scan", exit_on_error=False)
    def _scan(self) -> None:
        self.post_message(LibraryScanned(self.session.scanner(self.session.library)))

    @on(LibraryScanned)
    def _scanned(self, message: LibraryScanned) -> None:
        result = message.result
        # Files that cannot be used stay in the list, so opening one shows why in place.
        broken = [
            ArticleRef(e.path, "error", f"{e.path.name} (cannot open)", None, e.reason,
                       group=self._root_of(e.path))
            for e in result.errors if e.path.suffix
        ]  # fmt: skip
        self.session.refs = [*result.refs, *broken]
        self._haystacks = []
        if result.errors:
            first = result.errors[0]
            more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
            self.notify(f"{first}{more}", title="Some files cannot be used",
                        severity="warning", markup=False)  # fmt: skip
        self.article_list.set_read(self.session.state.read_paths())
        self.apply_filter(self.filter_query, keep=self.current)
        if not self.session.refs:
            where = ", ".join(str(p) for p in self.session.library) or "nothing"
            self.view.show_message("No articles found", f"Looked in {where}. Run: reader PATH …")
            self.pane.show_waiting("No article open.", kind="info")
            return
        last = self.session.state.last_article()
        listed = {path_key(r.path): r.path for r in self.shown}
        start = listed.get(last[1]) if last else None
        self.open(start or (self.shown[0].path if self.shown else self.session.refs[0].path))

    def _root_of(self, path: Path) -> str:
        """The library folder a path was found under (the group the scan gives its refs)."""
        for root in self.session.library:
            if path == root or root in path.parents:
                return str(root)
        return str(path.parent)

    # the list

    def apply_filter(self, query: str, keep: Path | None) -> None:
        self.filter_query = query
        if len(self._haystacks) != len(self.session.refs):
            self._haystacks = [haystack(ref) for ref in self.session.refs]
        self.shown = filter_refs(self.session.refs, query, self._haystacks)
        labels = {"Files" if r.group == str(r.path) else r.group for r in self.shown}
        self.article_list.show(self.shown, grouped=len(labels) > 1, current=keep)
        total = len(self.session.refs)
        count = f"{len(self.shown)} of {total}" if query else str(total)
        self.query_one("#library").border_title = f"Articles · {count}"
        self.query_one("#filter-bar", QueryBar).set_count(count if query else "")

    @on(ArticleHighlighted)
    def _highlighted(self, message: ArticleHighlighted) -> None:
        if self._open_timer is not None:
            self._open_timer.stop()
        if self.session.open_delay <= 0:
            self.open(message.path)
        else:
            path = message.path
            self._open_timer = self.set_timer(self.session.open_delay, lambda: self.open(path))

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
        self.current = path
        self.article = None
        self.article_list.select(path)
        self.reset_reading()
        cached = self.session.articles.get(path)
        if cached is not None:
            self.show_article(cached)
            return
        self.view.show_message("Opening…", path.name)
        self.pane.show_waiting("Waiting for the text.", kind="loading")
        self._load(path)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, path: Path) -> None:
        self.post_message(self._read(path))

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
        if message.path == self.current and self.article is None:
            self.show_article(message.article)

    @on(ArticleFailed)
    def _failed(self, message: ArticleFailed) -> None:
        if message.path != self.current:
            return
        self.view.show_message("This article cannot be opened", message.reason)
        self.pane.show_waiting("Nothing to analyse.", kind="error")
        self.status.say(f"{message.path.name}: {message.reason}", kind="error")
        self.notify(f"{message.path}: {message.reason}", severity="error", markup=False)

    def show_article(self, article: Article) -> None:
        assert self.current is not None
        self.article = article
        self._auto_read_done = False
        saved = self.session.state.position(article.id, self.current)
        position = (saved.paragraph, saved.offset) if saved is not None else None
        self.view.show_article(article, position)
        self.session.state.set_last_article(article.id, self.current)
        self.status.say(self.where_text())
        self.refresh_search()
        self.request_analysis()

    def where_text(self) -> str:
        paths = self.article_list.paths
        place = f"{paths.index(self.current) + 1} of {len(paths)}" if self.current in paths else ""
        read = "read" if self.is_read(self.current) else "unread"
        return " · ".join(p for p in (place, read) if p)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(f"A background task failed: {error}", severity="error", markup=False)

    # reading position and read marks

    def is_read(self, path: Path | None) -> bool:
        return path is not None and path_key(path) in self.article_list.read

    def set_read(self, read: bool) -> None:
        if self.article is None or self.current is None:
            return
        self.session.state.set_read(self.article.id, self.current, read)
        self.article_list.set_read(self.session.state.read_paths())
        self.status.say(self.where_text())

    @on(ReadingMoved)
    def _moved(self, message: ReadingMoved) -> None:
        if self.article is None:
            return
        self._pending_position = (message.paragraph, message.offset)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.flush_position)
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

    # layout

    def watch_wide_insight(self, shown: bool) -> None:
        self.set_class(not shown, "-wide-insight-off")

    def watch_narrow_insight(self, shown: bool) -> None:
        self.set_class(shown, "-narrow-insight-on")

    def insight_visible(self) -> bool:
        return self.narrow_insight if self.has_class("-narrow") else self.wide_insight
