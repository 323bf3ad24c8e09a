"""A one-line query box (list filter or text search) with a count beside it."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from reader.tui.messages import QueryChanged, QueryClosed, QuerySubmitted


class QueryInput(Input):
    """The input of a QueryBar; escape closes it, shift+enter steps backwards."""

    BINDINGS = [
        Binding("escape", "close", "Close", show=False),
        Binding("shift+enter", "back", "Previous", show=False),
    ]

    def allow_focus(self) -> bool:
        # While its bar is hidden it must not take focus (auto focus ignores `display`),
        # or keys typed then would filter the list unseen.
        return bool(self.parent and self.parent.display) and super().allow_focus()

    def action_close(self) -> None:
        bar = self.parent
        if isinstance(bar, QueryBar):
            self.post_message(QueryClosed(bar.target))

    def action_back(self) -> None:
        bar = self.parent
        if isinstance(bar, QueryBar):
            self.post_message(QuerySubmitted(bar.target, backwards=True))


class QueryBar(Horizontal):
    """Hidden until opened; posts QueryChanged as you type, QuerySubmitted on enter."""

    def __init__(
        self, target: Literal["filter", "search"], placeholder: str, *, id: str, label: str = ""
    ) -> None:
        super().__init__(id=id, classes="query-bar")
        self.target: Literal["filter", "search"] = target
        self._placeholder = placeholder
        self._label = label or f"{target}:"
        self.display = False

    def compose(self) -> ComposeResult:
        yield Static(self._label, classes="query-label", markup=False)
        yield QueryInput(placeholder=self._placeholder, compact=True, select_on_focus=False)
        yield Static("", classes="query-count", markup=False)

    @property
    def query_text(self) -> str:
        return self.query_one(QueryInput).value

    def open(self, value: str | None = None, *, focus: bool = True) -> None:
        self.display = True
        field = self.query_one(QueryInput)
        if value is not None:
            field.value = value
            field.cursor_position = len(value)
        elif field.value:  # the last query stays in view; typing replaces it
            field.select_all()
        if focus:
            field.focus()

    def close(self) -> None:
        self.display = False

    def set_count(self, text: str) -> None:
        self.query_one(".query-count", Static).update(Text(text))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(QueryChanged(self.target, event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(QuerySubmitted(self.target))
