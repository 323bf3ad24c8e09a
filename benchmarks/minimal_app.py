"""The yardstick for the reader's keys: a minimal Textual app with the same three panes.

`python benchmarks/minimal_app.py FOLDER` lists every file under FOLDER in an OptionList,
shows the first file's text in a scrolling pane and has three tabs of items on the right.
Its keys do the same kind of work as the reader's: j/k move the list cursor, `]` moves to
the next item of the third tab and scrolls the text to the matching paragraph, 1/2/3
switch tabs, page down pages the text, q quits. It does no analysis and keeps no state.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static, TabbedContent, TabPane

TABS = ("summary", "actors", "quotes")
ITEMS = 30


class List(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


def files_under(folder: Path) -> list[str]:
    """Every file name under `folder`, sorted (what a bare listing costs)."""
    names = []
    for root, _dirs, files in os.walk(folder):
        names += [os.path.join(root, name) for name in files]
    return sorted(names)


class MinimalApp(App):
    CSS = """
    #files { width: 1fr; }
    #text { width: 2fr; }
    TabbedContent { width: 1fr; }
    """
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("right_square_bracket", "next_item", "Next"),
        Binding("1", "tab('summary')", "Summary"),
        Binding("2", "tab('actors')", "Actors"),
        Binding("3", "tab('quotes')", "Quotes"),
    ]

    def __init__(self, folder: Path, text_file: Path | None = None) -> None:
        super().__init__()
        self.paths = files_under(folder)
        source = text_file or (Path(self.paths[0]) if self.paths else None)
        self.text = source.read_text(encoding="utf-8", errors="replace") if source else ""
        self.paragraphs = self.text.split("\n\n")

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield List(*(Path(p).name for p in self.paths), id="files")
            with VerticalScroll(id="text"):
                yield Static(self.text, markup=False)
            with TabbedContent():
                for tab in TABS:
                    with TabPane(tab.title(), id=tab):
                        yield List(*(f"{tab} item {n}" for n in range(ITEMS)), id=f"{tab}-list")

    def on_mount(self) -> None:
        self.query_one("#files").focus()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_next_item(self) -> None:
        items = self.query_one("#quotes-list", OptionList)
        items.highlighted = ((items.highlighted or 0) + 1) % ITEMS
        self.action_tab("quotes")
        text = self.query_one("#text", VerticalScroll)
        line = sum(p.count("\n") + 2 for p in self.paragraphs[: items.highlighted * 2])
        text.scroll_to(y=line, animate=False)


if __name__ == "__main__":
    MinimalApp(Path(sys.argv[1])).run()
