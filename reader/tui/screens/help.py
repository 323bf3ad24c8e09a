"""The key help screen (`?`): every key and what it does, from the one table in keys.py."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.keys import COMMANDS, EXTRA_KEYS
from reader.tui.session import PRECEDENCE

DIM = Style(dim=True)
ITALIC = Style(italic=True)
KEYS_HINT = (
    'To change a key, add a line under [keys] in config.toml: "quote.next" = "ctrl+n" '
    "(several keys separated by commas)."
)


def key_table(overrides: dict[str, str] | None = None) -> Table:
    """Each key with its command name, the action id that [keys] in config.toml overrides,
    and what it does below, in the order of the command table."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style=Style(bold=True), no_wrap=True)
    table.add_column()
    overrides = overrides or {}
    for command in COMMANDS:
        key = overrides.get(command.id, command.key) or "—"
        entry = Text.assemble(
            command.title, ("  [keys] ", DIM), (command.id, ITALIC), "\n", (command.help, DIM)
        )
        table.add_row(Text(key), entry)
    table.add_row("", "")
    for keys, what in EXTRA_KEYS:
        table.add_row(Text(keys), Text(what))
    table.add_row("", "")
    table.add_row(Text("settings"), Text(f"{PRECEDENCE}\n{KEYS_HINT}", style=DIM))
    return table


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys over the dimmed reader; any of ? q escape closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", show=True),
        Binding("j", "scroll('down')", show=False),
        Binding("k", "scroll('up')", show=False),
    ]

    def __init__(self, overrides: dict[str, str] | None = None) -> None:
        super().__init__()
        self._overrides = overrides

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape to close"
            yield Static(key_table(self._overrides), id="help-table")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_down() if direction == "down" else box.scroll_up()
