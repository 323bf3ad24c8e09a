"""Small messages that widgets and workers post up to the screen that owns the state."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from textual.message import Message

from reader.analysis.models import Analysis
from reader.library.models import Article, ScanResult

ItemKind = Literal["summary", "actors", "quotes"]


@dataclass
class ArticleHighlighted(Message):
    """The list cursor moved onto an article (open it as a preview)."""

    path: Path


@dataclass
class ArticleChosen(Message):
    """An article was picked with enter or a click (open it and read)."""

    path: Path


@dataclass
class LibraryScanned(Message):
    """A folder scan finished."""

    result: ScanResult
    final: bool = True
    """False while the scan goes on: more refs will follow in later messages."""


@dataclass
class ArticleLoaded(Message):
    """A body finished loading in a worker."""

    path: Path
    article: Article


@dataclass
class ArticleFailed(Message):
    """A body could not be loaded; `reason` is one line for a person."""

    path: Path
    reason: str


@dataclass
class AnalysisReady(Message):
    """An analysis finished; `key` says which article and settings it was made for."""

    key: tuple[str, int, str]
    analysis: Analysis
    notices: tuple[str, ...] = ()


@dataclass
class AnalysisFailed(Message):
    """An analysis raised; the pane shows `reason` and the rest keeps working."""

    key: tuple[str, int, str]
    reason: str


@dataclass
class ItemSelected(Message):
    """The insight pane's selection moved to an item (its list's cursor, `]` or `}`), or an
    item was chosen (enter or a click). The pane keeps the selection; this says what it is."""

    analysis: Analysis | None
    """The analysis the item belongs to: a message about another one is dropped."""
    kind: ItemKind
    index: int
    """Index into the analysis tuple (summary, actors or quotes)."""
    number: int
    """Its place among the tab's items (from 1), of `count`."""
    count: int
    span: tuple[int, int] | None = None
    """The text it covers (every part of a statement); None for an actor."""
    chosen: bool = False
    """Enter or a click (an actor: go to its next mention)."""
    wrapped: bool = False
    """A step went round an end of the list to get there."""
    forward: bool = True


@dataclass
class MatchSelected(Message):
    """The article view's search selection changed: match `number` (from 1) of `count` is
    selected and in view, or (`count` 0) nothing matches `query`, or the query is empty
    (the search was cleared or closed). The view keeps the matches; this says which."""

    query: str
    number: int
    count: int
    wrapped: bool = False
    """A step went round an end of the text to get there."""


@dataclass
class MentionSelected(Message):
    """The article view lit the mentions of `key` (what the screen asked it to light: an
    actor) and, with `number` above 0, went to mention `number` of `count`. The view keeps
    the mention cursor; this says where it is."""

    key: object
    number: int
    count: int


@dataclass
class TabChanged(Message):
    """The insight tab changed (by key, click or restore)."""

    tab: ItemKind


@dataclass
class ReadingMoved(Message):
    """The text scrolled: the paragraph at the top and how much of the text has been seen."""

    paragraph: int
    offset: float
    seen: float
    scrolled: bool

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ReadingMoved)


@dataclass
class QueryChanged(Message):
    """The filter or search line changed."""

    target: Literal["filter", "search"]
    query: str


@dataclass
class QuerySubmitted(Message):
    """Enter in the filter or search line (`backwards` for shift+enter)."""

    target: Literal["filter", "search"]
    backwards: bool = False


@dataclass
class QueryClosed(Message):
    """Escape in the filter or search line; `keep` is true when the query stays applied."""

    target: Literal["filter", "search"]
    keep: bool = False
