"""The one-line status under the panes: where you are among quotes, matches and articles."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.tui.formatting import one_line


class StatusBar(Static):
    """Plain text only: it often shows names and quotes taken from an article."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def say(self, message: str, *, kind: str = "info") -> None:
        """Show `message`; `kind` (info, warning, error) picks the colour from the theme."""
        self.update(Text(one_line(message)))
        self.set_classes(f"-{kind}")
