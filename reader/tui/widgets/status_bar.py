"""The one-line status under the panes: where you are among quotes, matches and articles."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.tui.debounce import Debounce
from reader.tui.formatting import one_line

MESSAGE_SECONDS = 6.0
"""How long a message stays before the line shows where you are again."""


class StatusBar(Static):
    """Plain text only: it often shows names and quotes taken from an article.

    Two kinds of text: the place (which article, how far read, how many unread), kept
    up to date by the screen, and messages, which give way to the place after a while.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._said: tuple[str, str] | None = None
        self._place = ""
        self._message_up = Debounce(self, self._back)

    def say(self, message: str, *, kind: str = "info") -> None:
        """Show `message` for a while; `kind` (info, warning, error) picks the colour."""
        self._show(message, kind)
        self._message_up.poke(MESSAGE_SECONDS)

    def place(self, text: str) -> None:
        """Set where the reader is; shown now unless a message is up."""
        self._place = text
        if not self._message_up.pending:
            self._show(text, "info")

    def show_place(self) -> None:
        """End the message now and show the place."""
        self._back()

    def _back(self) -> None:
        self._message_up.cancel()
        self._show(self._place, "info")

    def _show(self, message: str, kind: str) -> None:
        line = one_line(message)
        if (line, kind) == self._said:
            return  # nothing to draw
        self._said = (line, kind)
        self.update(Text(line), layout=False)  # one line, always: no layout needed
        self.set_classes(f"-{kind}")
