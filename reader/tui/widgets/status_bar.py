"""The one-line status under the panes: where you are among quotes, matches and articles."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.tui.formatting import one_line


class StatusBar(Static):
    """Plain text only: it often shows names and quotes taken from an article."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._said: tuple[str, str] | None = None

    def say(self, message: str, *, kind: str = "info") -> None:
        """Show `message`; `kind` (info, warning, error) picks the colour from the theme."""
        line = one_line(message)
        if (line, kind) == self._said:
            return  # nothing to draw
        self._said = (line, kind)
        self.update(Text(line), layout=False)  # one line, always: no layout needed
        self.set_classes(f"-{kind}")
