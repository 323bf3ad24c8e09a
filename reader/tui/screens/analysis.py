"""Main-screen analysis: in worker threads, one at a time, stale results dropped, next prefetched."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from reader.library.models import Article
from reader.tui.messages import AnalysisFailed, AnalysisReady, ArticleFailed, ArticleLoaded
from reader.tui.session import AnalysisKey

if TYPE_CHECKING:
    from reader.analysis.models import Analysis
    from reader.tui.session import Session
    from reader.tui.widgets.article_list import ArticleList
    from reader.tui.widgets.insight_pane import InsightPane


class AnalysisWorkers:
    """Mixed into MainScreen. Results carry the key they were made for (article id, length,
    algorithm); one that no longer matches what is shown is cached but not displayed.
    Handlers use `on_<message>` names: `@on` only registers on Textual classes.
    """

    if TYPE_CHECKING:
        session: Session
        article: Article | None
        current: Path | None
        article_list: ArticleList
        pane: InsightPane
        _analyse_timer: object

        def notify(self, message: str, **kwargs) -> None: ...
        def set_timer(self, delay: float, callback) -> object: ...
        def post_message(self, message) -> bool: ...
        def show_analysis(self, analysis: Analysis) -> None: ...
        def _read(self, path: Path) -> ArticleLoaded | ArticleFailed: ...

    def request_analysis(self) -> None:
        """Show the analysis from memory, or start one after a short pause."""
        if self.article is None:
            return
        key = self.session.key_for(self.article)
        cached = self.session.analyses.get(key)
        if cached is not None:
            self.show_analysis(cached)
            self.prefetch_next()
            return
        first = "" if self.session.model_ready else " (the first one loads the language model)"
        self.pane.show_waiting(f"Analysing…{first}", kind="loading")
        if self._analyse_timer is not None:
            self._analyse_timer.stop()
        article = self.article
        if self.session.analyse_delay <= 0:
            self._analyse(article, key)
            return
        self._analyse_timer = self.set_timer(
            self.session.analyse_delay, lambda: self._analyse(article, key)
        )

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, article: Article, key: AnalysisKey) -> None:
        worker = get_current_worker()
        with self.session.analysis_lock:
            if worker.is_cancelled:
                return
            self.post_message(self._run_analysis(article, key))

    def _run_analysis(self, article: Article, key: AnalysisKey) -> AnalysisReady | AnalysisFailed:
        try:
            _id, sentences, algorithm, words = key
            analysis, notices = self.session.analyser(
                article, sentences=sentences, algorithm=algorithm, words=words
            )
        except Exception as exc:  # shown in the pane; the reader keeps working
            return AnalysisFailed(key, f"{exc.__class__.__name__}: {exc}")
        return AnalysisReady(key, analysis, tuple(notices))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.session.analyses.put(message.key, message.analysis)
        self.session.model_ready = True
        if self.article is None or message.key != self.session.key_for(self.article):
            return  # a result for an article (or a summary length) no longer shown
        for notice in message.notices:
            if notice not in self.session.shown_notices:
                self.session.shown_notices.add(notice)
                self.notify(notice, severity="warning", markup=False)
        self.show_analysis(message.analysis)
        self.prefetch_next()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if self.article is None or message.key != self.session.key_for(self.article):
            return
        self.pane.show_waiting(f"Analysis failed: {message.reason}", kind="error")
        self.notify(f"Analysis failed: {message.reason}", severity="error", markup=False)

    def prefetch_next(self) -> None:
        """Load and analyse the article after this one, so opening it is instant."""
        paths = self.article_list.paths
        if self.current not in paths or self.article is None:
            return
        index = paths.index(self.current) + 1
        if index < len(paths):
            session = self.session
            self._prefetch(paths[index], (session.sentences, session.algorithm, session.words))

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def _prefetch(self, path: Path, options: tuple[int, str, int | None]) -> None:
        worker = get_current_worker()
        article = self.session.articles.get(path)
        if article is None:
            loaded = self._read(path)
            if isinstance(loaded, ArticleFailed):
                return
            self.post_message(loaded)
            article = loaded.article
        key = (article.id, *options)
        if key in self.session.analyses:
            return
        with self.session.analysis_lock:
            if not worker.is_cancelled:
                self.post_message(self._run_analysis(article, key))
