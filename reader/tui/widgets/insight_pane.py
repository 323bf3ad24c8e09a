"""The insight pane: Summary, Actors and Quotes tabs, each item linked to its place in the text."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static, TabbedContent, TabPane, Tabs
from textual.widgets.option_list import Option

from reader.analysis.models import Actor, Analysis, Quote
from reader.tui.formatting import one_line, trim_words
from reader.tui.messages import ItemChosen, ItemHighlighted, ItemKind, TabChanged
from reader.tui.navigation import statements, visible_quotes

TABS: tuple[ItemKind, ...] = ("summary", "actors", "quotes")
KIND_TITLES = {
    "person": "People", "organization": "Organisations", "place": "Places", "group": "Groups",
}  # fmt: skip
QUOTE_CHARS = 180
BOLD = Style(bold=True)
DIM = Style(dim=True)
ITALIC = Style(italic=True)


class ItemList(OptionList):
    """An insight list; j/k move like everywhere else."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "in text", show=True),  # the footer changes with the pane
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("ctrl+d,ctrl+f", "page_down", "Page down", show=False),
        Binding("ctrl+u,ctrl+b", "page_up", "Page up", show=False),
    ]


def _note(text: str) -> Option:
    return Option(Text(text, style=DIM), disabled=True)


def actor_prompt(actor: Actor) -> Group:
    """The name, then its role and mentions indented below (wrapped lines keep the indent,
    so they never read as another entry)."""
    details = [trim_words(actor.role, 40)] if actor.role else []
    details.append(f"{actor.mentions} mention" + ("" if actor.mentions == 1 else "s"))
    return Group(
        Text(one_line(actor.name), style=BOLD),
        Padding(Text(" · ".join(details), style=DIM), (0, 0, 0, 2)),
    )


def quote_prompt(quote: Quote, parts: Sequence[Quote] = ()) -> Text:
    """A statement as the Quotes tab shows it: its words (every part, joined by " … "), then
    who said it."""
    words = " … ".join(one_line(q.text) for q in (parts or (quote,)))
    text = Text()
    text.append("“" + trim_words(words, QUOTE_CHARS) + "”", style=ITALIC)
    who = one_line(quote.speaker) if quote.speaker else "unattributed"
    text.append(f"\n  — {who}", style=BOLD if quote.speaker else DIM)
    if quote.fragment:
        text.append(" (fragment)", style=DIM)
    text.append("\n")  # a blank line between quotes: they run together otherwise
    return text


class InsightPane(Vertical):
    """Shows an Analysis; posts `ItemHighlighted`, `ItemChosen` and `TabChanged` up."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: dict[ItemKind, list[int | None]] = {tab: [] for tab in TABS}
        self._status: tuple[str, str] | None = None
        self._counts: dict[str, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="insight-status", markup=False)
        with TabbedContent(initial="summary", id="insight-tabs"):
            for tab in TABS:
                with TabPane(tab.title(), id=tab):
                    yield ItemList(id=f"{tab}-list", markup=False)

    def on_mount(self) -> None:
        # One stop per pane for tab: the tab bar is switched with 1 2 3 or the mouse, and
        # as a stop of its own it looked just like the list below it.
        for bar in self.query(Tabs):
            bar.can_focus = False

    def item_list(self, kind: ItemKind) -> ItemList:
        return self.query_one(f"#{kind}-list", ItemList)

    @property
    def tab(self) -> ItemKind:
        active = self.query_one(TabbedContent).active
        return active if active in TABS else "summary"  # type: ignore[return-value]

    def set_tab(self, tab: ItemKind) -> None:
        self.query_one(TabbedContent).active = tab

    def show_status(self, message: str, *, kind: str = "info") -> None:
        if (message, kind) == self._status:
            return
        self._status = (message, kind)
        status = self.query_one("#insight-status", Static)
        status.update(Text(message))
        status.set_classes(f"-{kind}" if message else "-hidden")

    def _label_tabs(self, counts: dict[str, int] | None = None) -> None:
        self._counts = counts
        self._relabel()

    def _relabel(self) -> None:
        """Tab names with their counts when all fit on the tab bar, else the names alone."""
        counts = self._counts or {}
        labels = {tab: tab.title() + (f" {counts[tab]}" if tab in counts else "") for tab in TABS}
        if sum(len(label) + 2 for label in labels.values()) > self.content_region.width:
            labels = {tab: tab.title() for tab in TABS}
        tabs = self.query_one(TabbedContent)
        for tab, label in labels.items():
            if tabs.get_tab(tab).label_text != label:  # a new label means a new layout
                tabs.get_tab(tab).label = label

    def on_resize(self) -> None:
        self._relabel()

    def show_waiting(self, message: str, *, kind: str = "loading") -> None:
        """Empty the tabs and say why (loading, or what went wrong)."""
        self.show_status(message, kind=kind)
        self._label_tabs()
        for tab in TABS:
            self._items[tab] = [None]
            self.item_list(tab).set_options([_note("…" if kind == "loading" else "—")])

    def show_analysis(
        self, analysis: Analysis, *, show_fragments: bool, text: str | None = None
    ) -> None:
        self.show_status("\n".join(one_line(n) for n in analysis.notices), kind="notice")
        self._fill("summary", self._summary_options(analysis))
        self._fill("actors", self._actor_options(analysis))
        self._fill("quotes", self._quote_options(analysis, show_fragments, text))
        shown = len(visible_quotes(analysis, show_fragments, text))
        self._label_tabs({"summary": len(analysis.summary), "actors": len(analysis.actors),
                          "quotes": shown})  # fmt: skip

    def _fill(self, kind: ItemKind, options: list[tuple[Option, int | None]]) -> None:
        self._items[kind] = [index for _, index in options]
        self.item_list(kind).set_options([option for option, _ in options])

    def _summary_options(self, analysis: Analysis) -> list[tuple[Option, int | None]]:
        order = sorted(range(len(analysis.summary)), key=lambda i: analysis.summary[i].start)
        options = [
            (Option(Text.assemble((f"{n}. ", BOLD), one_line(analysis.summary[i].text), "\n")), i)
            for n, i in enumerate(order, 1)
        ]
        if not options:
            return [(_note("No summary: the text is too short."), None)]
        words = sum(len(s.text.split()) for s in analysis.summary)
        sentences = f"{len(order)} sentence{'' if len(order) == 1 else 's'}"
        options.append(
            (_note(f"{analysis.algorithm} · {sentences}, {words} words · ctrl+p to change"), None)
        )
        return options

    def _actor_options(self, analysis: Analysis) -> list[tuple[Option, int | None]]:
        options: list[tuple[Option, int | None]] = []
        for kind, title in KIND_TITLES.items():
            members = [i for i, actor in enumerate(analysis.actors) if actor.kind == kind]
            if not members:
                continue
            options.append((Option(Text(title, style=BOLD + DIM), disabled=True), None))
            options.extend((Option(actor_prompt(analysis.actors[i])), i) for i in members)
        return options or [(_note("No people, organisations or places found."), None)]

    def _quote_options(
        self, analysis: Analysis, show_fragments: bool, text: str | None
    ) -> list[tuple[Option, int | None]]:
        shown = visible_quotes(analysis, show_fragments)
        groups = statements(analysis, shown, text) if text else [[i] for i in shown]
        options: list[tuple[Option, int | None]] = [
            (Option(quote_prompt(analysis.quotes[g[0]], [analysis.quotes[i] for i in g])), g[0])
            for g in groups
        ]
        hidden = len(analysis.quotes) - len(shown)
        if not options:
            options.append((_note("No quotes found."), None))
        if hidden:
            noun = "fragment" if hidden == 1 else "fragments"
            options.append((_note(f"{hidden} {noun} hidden · f to show"), None))
        return options

    def mark(self, kind: ItemKind, index: int | None) -> None:
        """Move a list's cursor to the item with analysis index `index`, quietly."""
        items = self._items[kind]
        if index in items:
            self.item_list(kind).highlighted = items.index(index)

    def focused_item(self) -> tuple[ItemKind, int] | None:
        """(tab, analysis index) of the item under the cursor of the focused list, if any."""
        for kind in TABS:
            found = self.item_list(kind)
            if found.has_focus and found.highlighted is not None:
                items = self._items[kind]
                if found.highlighted < len(items) and items[found.highlighted] is not None:
                    return kind, items[found.highlighted]  # type: ignore[return-value]
        return None

    def _item(self, event: OptionList.OptionMessage) -> tuple[ItemKind, int] | None:
        kind = (event.option_list.id or "").removesuffix("-list")
        if kind not in TABS or event.option_index >= len(self._items[kind]):  # type: ignore[index]
            return None
        index = self._items[kind][event.option_index]  # type: ignore[index]
        return (kind, index) if index is not None else None  # type: ignore[return-value]

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        item = self._item(event)
        if item and event.option_list.has_focus:
            self.post_message(ItemHighlighted(*item))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if item := self._item(event):
            self.post_message(ItemChosen(*item))

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        pane = event.pane.id
        if pane in TABS:
            self.post_message(TabChanged(pane))  # type: ignore[arg-type]
