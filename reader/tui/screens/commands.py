"""Main-screen commands across articles and panes: unread, tabs, filter, copy and export."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from reader.settings import MAX_SENTENCES, MAX_WORDS, MIN_WORDS, WORD_STEP
from reader.tui.messages import ItemKind, QueryChanged, QueryClosed, QuerySubmitted, TabChanged
from reader.tui.navigation import next_unread
from reader.tui.screens.export import ExportScreen
from reader.tui.session import path_key
from reader.tui.widgets.insight_pane import TABS
from reader.tui.widgets.query_bar import QueryBar

DEFAULT_WORDS = 60
"""The word budget a summary first gets when its length switches to words."""

if TYPE_CHECKING:
    from textual.app import App

    from reader.analysis.models import Analysis
    from reader.library.models import Article, ArticleRef
    from reader.tui.session import Session
    from reader.tui.widgets.article_list import ArticleList
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.insight_pane import InsightPane
    from reader.tui.widgets.status_bar import StatusBar


class PaneActions:
    """Mixed into MainScreen. Handlers use `on_<message>` names (see ReadingActions)."""

    if TYPE_CHECKING:
        app: App
        session: Session
        article: Article | None
        analysis: Analysis | None
        current: Path | None
        shown: list[ArticleRef]
        filter_query: str
        wide_insight: bool
        narrow_insight: bool
        article_list: ArticleList
        view: ArticleView
        pane: InsightPane
        status: StatusBar
        focused: object

        def notify(self, message: str, **kwargs) -> None: ...
        def query_one(self, selector: str, expect_type: type[QueryBar] = ...) -> QueryBar: ...
        def has_class(self, *names: str) -> bool: ...
        def open(self, path: Path) -> None: ...
        def set_read(self, read: bool) -> None: ...
        def is_read(self, path: Path | None) -> bool: ...
        def request_analysis(self) -> None: ...
        def show_analysis(self, analysis: Analysis) -> None: ...
        def apply_filter(self, query: str, keep: Path | None) -> None: ...
        def refresh_search(self) -> None: ...
        def step_match(self, forward: bool) -> None: ...
        def searching(self) -> bool: ...
        def clear_highlights(self) -> None: ...
        def reset_reading(self) -> None: ...
        def where_text(self) -> str: ...

    # articles

    def step_unread(self, forward: bool) -> None:
        if self.searching():
            self.step_match(forward)
            return
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

    def action_toggle_read(self) -> None:
        if self.article is not None:
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
            self.quote_pos = None

    # the insight pane

    def action_show_tab(self, tab: ItemKind) -> None:
        if not self.insight_visible():
            self.action_toggle_insight()
        self.pane.set_tab(tab)
        self.pane.item_list(tab).focus()

    def action_toggle_insight(self) -> None:
        if self.has_class("-narrow"):
            self.narrow_insight = not self.narrow_insight
        else:
            self.wide_insight = not self.wide_insight
        if not self.insight_visible() and self.pane.has_focus_within:
            self.view.focus()

    def on_tab_changed(self, message: TabChanged) -> None:
        if message.tab in TABS:
            self.session.state.set("tab", message.tab)

    # copy and export

    def _summary_ready(self) -> bool:
        if self.article is None or self.analysis is None:
            self.notify("The summary is not ready yet.", severity="warning")
            return False
        return True

    def action_copy_summary(self) -> None:
        if not self._summary_ready():
            return
        from reader import export

        content = export.render(self.article, self.analysis, "txt", extras=False)
        # A terminal write that fails must not stop the local copy.
        with contextlib.suppress(Exception):
            self.app.copy_to_clipboard(content)
        count = len(self.analysis.summary)
        self._copy_local(content, f"the summary ({count} sentence{'s' * (count != 1)})")

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _copy_local(self, content: str, what: str) -> None:
        from reader import export

        try:
            where = f"the terminal (OSC 52) and {export.copy_local_clipboard(content)}"
            severity = "information"
        except Exception as exc:
            where = f"the terminal (OSC 52) only; local clipboard: {exc}"
            severity = "information"
        self.app.call_from_thread(
            self.notify, f"Copied {what} to {where}.", severity=severity, markup=False
        )

    def action_export_summary(self) -> None:
        if not self._summary_ready():
            return
        from reader import export

        article, analysis = self.article, self.analysis
        default = export.default_export_dir() / export.safe_filename(article.title, "md")

        def render(fmt: str, extras: bool) -> str:
            return export.render(article, analysis, fmt, extras=extras)

        def done(written: Path | None) -> None:
            if written is not None:
                self.notify(f"Exported the summary to {written}", markup=False)

        self.app.push_screen(ExportScreen(default, render, export.write_export), done)

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
        self.status.say(self.where_text())

    def action_escape(self) -> None:
        search = self.query_one("#search-bar", QueryBar)
        if search.display:
            self.on_query_closed(QueryClosed("search"))
            return
        self.clear_highlights()
        self.status.say(self.where_text())

    def action_change_theme(self) -> None:
        self.app.action_change_theme()
