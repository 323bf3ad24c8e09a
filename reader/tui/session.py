"""What one run of the TUI works with: library, settings, state store, loaders and caches."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from reader.analysis.models import Analysis
from reader.analysis.summary import ALGORITHMS
from reader.library.models import Article, ArticleRef, LoadError
from reader.settings import MAX_WORDS, MIN_WORDS, Settings
from reader.tui.offload import SerialRunner

Analyser = Callable[..., tuple[Analysis, list[str]]]
"""analyser(article, *, sentences, algorithm, words) -> (Analysis, notices); blocking."""
Lookup = Callable[[Article, int, str, "int | None"], "Analysis | None"]
"""lookup(article, sentences, algorithm, words) -> the cached Analysis or None; fast."""
Loader = Callable[[Path], Article]
Scanner = Callable[[list[Path]], Iterable[ArticleRef | LoadError]]
"""Yields what a scan finds as it finds it, so a huge folder lists progressively."""
AnalysisKey = tuple[str, int, str, int | None]
"""(article id, summary sentences, algorithm, summary words): what a result was made for."""


class StateStore(Protocol):
    """The part of `reader.state.ReadingState` the TUI uses."""

    on_warning: Callable[[str], None] | None

    def pop_warning(self) -> str | None: ...
    def set_read(self, article_id: str, path: str | os.PathLike, read: bool) -> None: ...
    def read_paths(self) -> set[str]: ...
    def position(self, article_id: str, path: str | os.PathLike) -> Any: ...
    def set_position(
        self, article_id: str, path: str | os.PathLike, paragraph: int, offset: float
    ) -> None: ...
    def last_article(self) -> tuple[str, str] | None: ...
    def set_last_article(self, article_id: str, path: str | os.PathLike) -> None: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


def path_key(path: str | os.PathLike) -> str:
    """Paths as the state store keeps them (absolute, not resolved)."""
    return os.path.abspath(os.fspath(path))


def default_analyser(settings: Settings, cache_dir: Path | None) -> Analyser:
    """Analyse through `reader.service` (spaCy is imported on first use)."""

    def analyse(article: Article, *, sentences: int, algorithm: str, words: int | None = None):
        from reader.service import analyze_article

        return analyze_article(
            article,
            sentences=sentences,
            algorithm=algorithm,
            model_name=settings.spacy_model,
            cache_dir=cache_dir,
            words=words,
        )

    return analyse


def cache_lookup(settings: Settings, cache_dir: Path) -> Lookup:
    """Look up an analysis in the disk cache `reader.service` writes (no model loaded)."""

    def lookup(article: Article, sentences: int, algorithm: str, words: int | None):
        from reader.analysis.nlp import model_label
        from reader.service.cache import AnalysisCache, cache_key

        label = model_label(settings.spacy_model)
        key = cache_key(article.text, article.id, algorithm, sentences, label, words)
        return AnalysisCache(cache_dir).get(key)

    return lookup


def default_loader(path: Path) -> Article:
    from reader.library import load_article

    return load_article(path)


def default_scanner(paths: list[Path]) -> Iterable[ArticleRef | LoadError]:
    from reader.library.scan import iter_scan

    return iter_scan(paths)


def cached_scanner(cache_file: Path) -> Scanner:
    """Scan through a title/date cache, so a large library re-opens without re-reading files."""

    def scan_library(paths: list[Path]) -> Iterable[ArticleRef | LoadError]:
        from reader.library.scan import iter_scan
        from reader.library.scancache import ScanCache

        return iter_scan(paths, cache=ScanCache(cache_file))

    return scan_library


class LRU(OrderedDict):
    """A small dict that forgets the least recently stored entries."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def put(self, key: Any, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


PRECEDENCE = (
    "Theme, summary length, algorithm and fragments: a change made in the reader is "
    "remembered until the same setting is changed in config.toml; then config.toml wins."
)
"""How config.toml and the choices made in the reader combine (shown in the help screen)."""
CONFIG_SUFFIX = "@config"
_UNSET = object()


@dataclass
class Session:
    """Everything the main screen needs, injected so tests can swap the slow parts."""

    library: list[Path]
    settings: Settings
    state: StateStore
    analyser: Analyser
    lookup: Lookup | None = None
    """A quick look in the analysis cache, so a cached article never says it is analysing."""
    loader: Loader = default_loader
    scanner: Scanner = default_scanner
    theme_dirs: list[Path] = field(default_factory=list)
    open_delay: float = 0.06
    """Seconds the list cursor must rest on an article before it opens (j held down)."""
    analyse_delay: float = 0.15
    """Seconds to wait after opening before analysing, so fast j/k through the list stays light."""
    prefetch_delay: float = 1.0
    """Seconds on an article, its analysis shown, before the next one is prefetched."""
    refs: list[ArticleRef] = field(default_factory=list)
    articles: LRU = field(default_factory=lambda: LRU(24))
    analyses: LRU = field(default_factory=lambda: LRU(64))
    runner: SerialRunner = field(default_factory=SerialRunner)
    """Runs an analyser that has no `submit` of its own, one article at a time."""
    model_ready: bool = False
    """True once an analysis has finished (the language model is loaded)."""
    shown_notices: set[str] = field(default_factory=set)
    setting_problems: list[str] = field(default_factory=list)
    """config.toml problems (one line each) to show once the reader is up."""
    library_problems: list[str] = field(default_factory=list)
    """Paths given that list nothing (an empty folder beside good ones), one line each."""
    pages_dir: Path | None = None
    """Where pages opened by their address are kept (None: `o` is not offered)."""
    feeds_dir: Path | None = None
    """Where followed feeds are kept (None: feeds cannot be updated here)."""
    new_items: set[str] = field(default_factory=set)
    """Path keys of feed items that arrived since the reader was last opened."""

    def pref(self, key: str, default: Any) -> Any:
        """A preference changed in the reader, unless config.toml changed since (`default`
        is the config value): the most recent change wins (see PRECEDENCE)."""
        saved_under = self.state.get(key + CONFIG_SUFFIX, _UNSET)
        if saved_under is not _UNSET and saved_under != default:
            return default
        value = self.state.get(key, default)
        if isinstance(default, bool) or isinstance(value, bool):
            return value if type(value) is type(default) else default
        return value if isinstance(value, type(default)) else default

    def remember(self, key: str, value: Any) -> None:
        """Keep a preference changed in the reader, with the config value it overrides."""
        self.state.set(key, value)
        config = getattr(self.settings, key)
        self.state.set(key + CONFIG_SUFFIX, 0 if config is None else config)

    @property
    def sentences(self) -> int:
        value = self.pref("summary_sentences", self.settings.summary_sentences)
        return min(20, max(1, value))

    @property
    def words(self) -> int | None:
        """The summary's length in words, or None when it is measured in sentences."""
        value = self.pref("summary_words", self.settings.summary_words or 0)
        return min(MAX_WORDS, max(MIN_WORDS, value)) if value else None

    @property
    def algorithm(self) -> str:
        name = self.pref("algorithm", self.settings.algorithm)
        return name if name in ALGORITHMS else self.settings.algorithm

    @property
    def show_fragments(self) -> bool:
        return self.pref("show_fragments", self.settings.show_fragments)

    def key_for(self, article: Article) -> AnalysisKey:
        return (article.id, self.sentences, self.algorithm, self.words)

    def cached(self, article: Article, key: AnalysisKey) -> Analysis | None:
        """The analysis for `key` from memory or the disk cache (`lookup`, else the
        analyser's own), or None. Quick enough for the UI thread: no model is loaded."""
        found = self.analyses.get(key)
        lookup = self.lookup or getattr(self.analyser, "cached", None)
        if found is None and lookup is not None:
            _id, sentences, algorithm, words = key
            try:
                found = lookup(article, sentences, algorithm, words)
            except Exception:  # a cache that cannot be read is a miss
                found = None
            if found is not None:
                self.analyses.put(key, found)
        return found

    def submit(self, article: Article, key: AnalysisKey, *, replace: bool) -> Future:
        """Start analysing `article` for `key`; a Future of (Analysis, notices).

        With `replace`, requests not started yet are dropped (the article on screen
        changed). The analysis process's own queue is used when the analyser has one.
        """
        _id, sentences, algorithm, words = key
        submit = getattr(self.analyser, "submit", None)
        if submit is not None:
            return submit(
                article, sentences, algorithm, words=words, replace_pending=replace, stoppable=True
            )
        return self.runner.submit(
            lambda: self.analyser(article, sentences=sentences, algorithm=algorithm, words=words),
            replace=replace,
        )

    def cancel_pending(self) -> None:
        """Drop analysis requests not started yet (the article they were for has gone)."""
        cancel = getattr(self.analyser, "cancel_pending", None)
        if cancel is not None:
            cancel()
        else:
            self.runner.cancel_pending()
