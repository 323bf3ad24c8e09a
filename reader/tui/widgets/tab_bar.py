"""The insight pane's tab bar: the tab names on one row, the active one underlined below."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget


def spans_of(labels: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Each tab's columns on a bar showing `labels`: its name with a space either side."""
    spans, x = {}, 0
    for tab, label in labels.items():
        end = x + cell_len(label) + 2
        spans[tab] = (x, end)
        x = end
    return spans


class TabBar(Widget):
    """The tab names on one row, the active one underlined on the row below.

    One widget of a fixed size: a new active tab or new counts in the names repaint its two
    rows and lay nothing out (Textual's Tabs restyle a widget per tab and lay the screen
    out again whenever a name changes length). A click on a name posts `Clicked`.
    """

    DEFAULT_CSS = """
    TabBar {
        height: 2;
        width: 1fr;
        & > .tab-bar--tab { color: $foreground 50%; }
        & > .tab-bar--hover { color: $foreground; }
        & > .tab-bar--active { color: $foreground; }
        & > .tab-bar--underline {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
        &:ansi {
            & > .tab-bar--tab { text-style: dim; }
            & > .tab-bar--hover { text-style: dim; }  /* a new colour, not a new weight */
            & > .tab-bar--active { text-style: not dim bold; }
            & > .tab-bar--underline { background: $border-blurred; }
        }
    }
    """
    COMPONENT_CLASSES = {"tab-bar--tab", "tab-bar--hover", "tab-bar--active",
                         "tab-bar--underline"}  # fmt: skip
    ALLOW_SELECT = False
    """The names are not text to copy: a drag from one selects nothing (as Textual's tabs)."""

    active: reactive[str] = reactive("")
    """The tab shown as active (its name is what `spans` knows it by)."""
    hovered: reactive[str | None] = reactive(None)

    class Clicked(Message):
        """A tab's name was clicked."""

        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, labels: dict[str, str], *, active: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels = dict(labels)
        self._drawn: dict[tuple, list[Strip]] = {}
        """The two rows for each state drawn so far (names, active tab, hover, width)."""
        self.set_reactive(TabBar.active, active)

    def set_labels(self, labels: dict[str, str]) -> None:
        if labels != self._labels:
            self._labels = dict(labels)
            self.refresh()

    def spans(self) -> dict[str, tuple[int, int]]:
        """Each tab's columns on the bar: its name with a space either side."""
        return spans_of(self._labels)

    def render(self) -> Group:
        names = Text(no_wrap=True, overflow="crop")
        for tab, label in self._labels.items():
            state = "active" if tab == self.active else "hover" if tab == self.hovered else "tab"
            names.append(f" {label} ", self.get_component_rich_style(f"tab-bar--{state}"))
        start, end = self.spans().get(self.active, (1, 1))
        underline = self.get_component_rich_style("tab-bar--underline")
        bar = Bar(
            highlight_range=(start + 1, end - 1),  # under the name, not its spaces
            highlight_style=Style.from_color(underline.color),
            background_style=Style.from_color(underline.bgcolor),
        )
        return Group(names, bar)

    def render_line(self, y: int) -> Strip:
        """A row of the bar as `render` draws it, drawn once per state: a tab switch goes
        back and forth between a few states, and Rich takes a millisecond per drawing."""
        width = self.size.width
        state = (width, tuple(self._labels.items()), self.active, self.hovered)
        rows = self._drawn.get(state)
        if rows is None:
            if len(self._drawn) > 16:
                self._drawn.clear()
            rows = Visual.to_strips(self, self._render(), width, self.size.height,
                                    self.visual_style)  # fmt: skip
            self._drawn[state] = rows
        return rows[y] if y < len(rows) else Strip.blank(width, self.visual_style.rich_style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()  # a new theme or pseudo-class: new colours

    def _tab_at(self, x: int) -> str | None:
        return next((tab for tab, (start, end) in self.spans().items() if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        tab = self._tab_at(event.x)
        if tab is not None:
            event.stop()
            self.post_message(self.Clicked(tab))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self._tab_at(event.x) if event.y == 0 else None

    def watch_hovered(self, hovered: str | None) -> None:
        # The hand over a name only, as over Textual's tabs (the bar is one widget); the
        # style sets the screen's pointer and repaints, no layout.
        self.styles.pointer = "default" if hovered is None else "pointer"

    def on_leave(self) -> None:
        self.hovered = None
