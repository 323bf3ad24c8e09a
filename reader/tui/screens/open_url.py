"""The open-address dialog (`o`): paste a web address, enter fetches it (or reads its copy)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from reader.web.response import FetchError, check_url


class OpenUrlScreen(ModalScreen[str | None]):
    """Dismisses with a checked http(s) address, or None when cancelled."""

    DEFAULT_CSS = """
    OpenUrlScreen { align: center middle; }
    #open-url-error { height: auto; color: $text-error; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-url-box", classes="dialog") as box:
            box.border_title = "Open a web page"
            yield Label("Address (a saved copy is read if there is one; r fetches it anew)")
            yield Input(placeholder="https://", id="open-url-field")
            yield Static("", id="open-url-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open", variant="primary", id="open-url-ok")
                yield Button("Cancel", id="open-url-cancel")

    def on_mount(self) -> None:
        self.query_one("#open-url-field", Input).focus()

    @on(Button.Pressed, "#open-url-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#open-url-field")
    @on(Button.Pressed, "#open-url-ok")
    def _open(self) -> None:
        value = " ".join(self.query_one("#open-url-field", Input).value.split())
        try:
            url = check_url(value)
        except FetchError as exc:
            self.query_one("#open-url-error", Static).update(Text(exc.reason))
            return
        self.dismiss(url)
