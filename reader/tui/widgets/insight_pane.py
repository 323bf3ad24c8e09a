"""The insight pane: Summary, Actors and Quotes tabs, each item linked to its place in the text."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.reactive import Reactive, reactive
from textual.strip import Strip
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.analysis.models import Actor, Analysis, Quote
from reader.tui.formatting import one_line, trim_words
from reader.tui.messages import ItemKind, ItemSelected, TabChanged
from reader.tui.navigation import statements, step, summary_order, visible_quotes
from reader.tui.widgets.scrolling import KeptLines, SteadyScrollbars, jump_target
from reader.tui.widgets.tab_bar import TabBar, spans_of

TABS: tuple[ItemKind, ...] = ("summary", "actors", "quotes")
KIND_TITLES = {
    "person": "People", "organization": "Organisations", "place": "Places", "group": "Groups",
}  # fmt: skip
QUOTE_CHARS = 180
Span = tuple[int, int]
Row = tuple[Option, int | None, Span | None]
"""A row of a tab: what it shows, its index into the analysis, its place in the text."""
BOLD = Style(bold=True)
DIM = Style(dim=True)
ITALIC = Style(italic=True)


class ItemList(KeptLines, SteadyScrollbars, OptionList):
    """An insight list; j/k move like everywhere else.

    It shows one of several lists of options in turn (the tabs) and keeps, for each, what
    OptionList works out when options are set: the height of every option and its drawn
    lines. Showing a list again then costs no more than drawing the rows on screen.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "in text", show=True),  # the footer changes with the pane
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("ctrl+d,ctrl+f", "page_down", "Page down", show=False),
        Binding("ctrl+u,ctrl+b", "page_up", "Page up", show=False),
    ]

    virtual_size = Reactive(Size(0, 0), layout=False)
    """The list's size is set by the pane, not by its options: more or fewer options need
    the scrollbar updated, not the screen laid out again."""

    TRACK_WHILE_SCROLLING = True
    """The scrollbar is always there (overflow-y: scroll in the styles), drawn as the pane's
    background while the list fits: showing and hiding it as tabs change lays out the
    screen again."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As OptionList's, but a move redraws the two options it concerns, not every row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._shown: list[Option] | None = None
        self._placing = False
        """A step through the text is moving the highlight (see `place`)."""
        self._drawing: dict | None = None
        """What a draw has worked out so far (styles, options' lines), while it lasts."""
        self._kept: dict[int, tuple[list[Option], tuple]] = {}
        """id of a list of options -> (that list, OptionList's worked-out state for it)."""

    def show_options(self, options: list[Option]) -> None:
        """Show `options` (scrolled to the top, no cursor); quick when shown before."""
        if self._shown is not None:
            self._kept[id(self._shown)] = (self._shown, self._state())
        kept = self._kept.get(id(options))
        self._shown = options
        if kept is None or kept[0] is not options:
            self._set_state(([], {}, {}, type(self._line_cache)(), self._fresh_cache()))
            self.set_options(options)
            return
        self._set_state(kept[1])
        self.highlighted = None
        self.scroll_y = 0
        self._update_lines()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_lines()
        self._drawing = {}
        try:
            lines = self._kept_render(crop)
            return lines if lines is not None else super().render_lines(crop)
        finally:
            self._drawing = None

    def render_line(self, y: int) -> Strip:
        """As OptionList's, with the styles worked out once per draw, not once per line, and
        an option of several lines drawn once for all of them."""
        drawing, lines = self._drawing, self._line_cache.lines
        number = self.scroll_offset.y + y
        if drawing is None or not 0 <= number < len(lines):
            return super().render_line(y)
        index, offset = lines[number]
        option = self._options[index]
        if option.disabled:
            state = "option-list--option-disabled"
        elif index == self.highlighted:
            state = "option-list--option-highlighted"
        elif index == self._mouse_hovering_over:
            state = "option-list--option-hover"
        else:
            state = ""
        strips = drawing.get((index, state))
        if strips is None:
            style = drawing.get(state)
            if style is None:
                names = ("option-list--option", state) if state else ("option-list--option",)
                style = drawing[state] = self.get_visual_style(*names)
            strips = drawing[(index, state)] = self._get_option_render(option, style)
        return strips[offset] if offset < len(strips) else super().render_line(y)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        lines, heights = self._index_to_line, self._heights
        for index in (old, new):
            if index is not None and index in lines:
                self.refresh_lines(lines[index], heights[index])
        super().watch_highlighted(new)

    def place(self, row: int | None) -> None:
        """Highlight `row` as a step through the text does: the list keeps still when the
        row is wholly in view, else brings it a third of the way down, so that the steps
        after it do not scroll (and redraw) the whole list one row at a time."""
        self._placing = True
        try:
            self.highlighted = row
        finally:
            self._placing = False

    def scroll_to_highlight(self, top: bool = False) -> None:
        row = self.highlighted
        if not self._placing or top or row is None or not self.is_mounted:
            super().scroll_to_highlight(top)
            return
        self._update_lines()
        y = self._index_to_line.get(row)
        if y is None:
            return
        height = self.scrollable_content_region.height
        target = jump_target(round(self.scroll_y), height, y, y + self._heights[row] - 1)
        if target is not None:
            self.scroll_to(y=target, animate=False, force=True, immediate=True)

    def forget_options(self) -> None:
        """Drop what was kept for the lists shown so far (they are being replaced)."""
        self._kept.clear()
        self._shown = None

    def _state(self) -> tuple:
        return (self._options, self._option_to_index, self._id_to_option, self._line_cache,
                self._option_render_cache)  # fmt: skip

    def _set_state(self, state: tuple) -> None:
        (self._options, self._option_to_index, self._id_to_option, self._line_cache,
         self._option_render_cache) = state  # fmt: skip

    def _fresh_cache(self):
        return type(self._option_render_cache)(self._option_render_cache.maxsize)

    def _on_resize(self) -> None:
        self._kept.clear()  # worked out for another width
        super()._on_resize()


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
    """Shows an Analysis in one list whose items change with the tab.

    The pane keeps the selection: each tab's cursor is its selected item, moved by the
    list's keys, a click, or `step()` (`]` and `}`); every move is posted up as
    `ItemSelected`, and a tab change as `TabChanged`.

    One list for the three tabs: a tab switch swaps the items and leaves focus, styles and
    layout alone (a list per tab meant a focus move and a relayout on every switch). Each
    tab keeps its own cursor and scroll position.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tab: ItemKind = "summary"
        self._options: dict[ItemKind, list[Option]] = {tab: [] for tab in TABS}
        self._items: dict[ItemKind, list[int | None]] = {tab: [] for tab in TABS}
        """Each row's index into the analysis tuple (None: a heading or a note)."""
        self._spans: dict[ItemKind, list[Span | None]] = {tab: [] for tab in TABS}
        """Each row's place in the text (None: an actor, a heading or a note)."""
        self._analysis: Analysis | None = None
        self._cursor: dict[ItemKind, int | None] = dict.fromkeys(TABS)
        self._scroll: dict[ItemKind, float] = dict.fromkeys(TABS, 0.0)
        self._status: tuple[str, str] | None = None
        self._counts: dict[str, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="insight-status", markup=False)
        yield TabBar({tab: tab.title() for tab in TABS}, active="summary", id="insight-tabs")
        yield ItemList(id="insight-list")

    @property
    def item_list(self) -> ItemList:
        """The one list, showing the items of the current tab."""
        return self.query_one("#insight-list", ItemList)

    @property
    def tab(self) -> ItemKind:
        return self._tab

    def prompts(self, kind: ItemKind) -> list[object]:
        """What each row of a tab shows (whether or not the tab is shown)."""
        return [option.prompt for option in self._options[kind]]

    def cursor(self, kind: ItemKind) -> int | None:
        """The row under a tab's cursor (whether or not the tab is shown)."""
        return self._cursor[kind]

    def selected(self, kind: ItemKind) -> int | None:
        """The analysis index of a tab's selected item, if any."""
        row = self._cursor[kind]
        return self._items[kind][row] if row is not None else None

    def step(self, kind: ItemKind, forward: bool, anchor: int = 0) -> ItemSelected | None:
        """Select the next (or previous) item of a Summary or Quotes tab in the text, and
        show that tab; with nothing selected yet, the first one from text offset `anchor`.

        Returns what was selected (None when the tab has no item to go to) rather than
        posting it: the caller acts on it at once, so the list and the text change in the
        same frame."""
        rows = [row for row, span in enumerate(self._spans[kind]) if span is not None]
        cursor = self._cursor[kind]
        starts = [span[0] for span in self._spans[kind] if span is not None]
        moved = step(starts, rows.index(cursor) if cursor in rows else None, forward, anchor)
        if moved is None:
            return None
        self._mark(kind, rows[moved.index])
        self.set_tab(kind)
        return self._selection(kind, rows[moved.index], wrapped=moved.wrapped, forward=forward)

    def set_tab(self, tab: ItemKind) -> None:
        """Show the items of `tab`, with its cursor and scroll position as they were left."""
        if tab == self._tab:
            return
        items = self.item_list
        self._scroll[self._tab] = items.scroll_y
        self._tab = tab
        self._show_items()
        self.query_one(TabBar).active = tab
        self.post_message(TabChanged(tab))

    def _show_items(self) -> None:
        """Put the current tab's items in the list, quietly (no item is picked by it)."""
        items, tab = self.item_list, self._tab
        with items.prevent(OptionList.OptionHighlighted):
            items.show_options(self._options[tab])
            items.scroll_to(y=self._scroll[tab], animate=False, immediate=True)
            items.highlighted = self._cursor[tab]

    def show_status(self, message: str, *, kind: str = "info") -> None:
        if (message, kind) == self._status:
            return
        before = self._status or ("", "info")
        self._status = (message, kind)
        status = self.query_one("#insight-status", Static)
        width = status.content_region.width

        def one_row(text: str, kind: str) -> bool:
            return "\n" not in text and (kind == "loading" or cell_len(text) <= width)

        # Progress ("Analysing… 12 s", once a second) keeps to one row, cut short if need
        # be: wrapped, it pushed the tabs down and back up as it grew and went.
        text = Text(message, no_wrap=kind == "loading", overflow="ellipsis")
        same_height = one_row(*before) and one_row(message, kind)
        status.update(text, layout=not same_height)  # one row to one row: no new layout
        # An empty message leaves an empty row, so the tabs below do not move.
        status.set_classes(f"-{kind}" if message else "")

    def _label_tabs(self, counts: dict[str, int] | None = None) -> None:
        self._counts = counts
        self._relabel()

    def _relabel(self) -> None:
        """Tab names with their counts when all fit on the tab bar, else the names alone."""
        counts = self._counts or {}
        labels = {tab: tab.title() + (f" {counts[tab]}" if tab in counts else "") for tab in TABS}
        if max(end for _, end in spans_of(labels).values()) > self.content_region.width:
            labels = {tab: tab.title() for tab in TABS}
        self.query_one(TabBar).set_labels(labels)

    def on_resize(self) -> None:
        self._relabel()

    def show_waiting(self, message: str, *, kind: str = "loading") -> None:
        """Empty the tabs and say why (loading, or what went wrong)."""
        self.show_status(message, kind=kind)
        self._label_tabs()
        note = "…" if kind == "loading" else "—"
        self._analysis = None
        self._fill({tab: [(_note(note), None, None)] for tab in TABS})

    def show_analysis(
        self, analysis: Analysis, *, show_fragments: bool, text: str | None = None
    ) -> None:
        """Show `analysis`; a tab whose items are as they were keeps its selection."""
        self.show_status("\n".join(one_line(n) for n in analysis.notices), kind="notice")
        same = self._analysis is not None and self._analysis.article_id == analysis.article_id
        self._analysis = analysis
        self._fill({
            "summary": self._summary_options(analysis),
            "actors": self._actor_options(analysis),
            "quotes": self._quote_options(analysis, show_fragments, text),
        }, keep=same)  # fmt: skip
        shown = len(visible_quotes(analysis, show_fragments, text))
        self._label_tabs({"summary": len(analysis.summary), "actors": len(analysis.actors),
                          "quotes": shown})  # fmt: skip

    def _fill(self, tabs: dict[ItemKind, list[Row]], *, keep: bool = False) -> None:
        """New items for every tab. A tab's cursor and scroll position start again, unless
        `keep` (the same article) and its items are the same as before."""
        items = self.item_list
        self._scroll[self._tab] = items.scroll_y
        for kind, rows in tabs.items():
            indexes, spans = [index for _, index, _ in rows], [span for _, _, span in rows]
            if not (keep and indexes == self._items[kind] and spans == self._spans[kind]):
                self._cursor[kind] = None
                self._scroll[kind] = 0.0
            self._options[kind] = [option for option, _, _ in rows]
            self._items[kind], self._spans[kind] = indexes, spans
        items.forget_options()
        self._show_items()

    def _summary_options(self, analysis: Analysis) -> list[Row]:
        order = summary_order(analysis)
        summary = analysis.summary
        options: list[Row] = [
            (Option(Text.assemble((f"{n}. ", BOLD), one_line(summary[i].text), "\n")), i,
             (summary[i].start, summary[i].end))
            for n, i in enumerate(order, 1)
        ]  # fmt: skip
        if not options:
            return [(_note("No summary: the text is too short."), None, None)]
        words = sum(len(s.text.split()) for s in analysis.summary)
        sentences = f"{len(order)} sentence{'' if len(order) == 1 else 's'}"
        note = f"{analysis.algorithm} · {sentences}, {words} words · ctrl+p to change"
        options.append((_note(note), None, None))
        return options

    def _actor_options(self, analysis: Analysis) -> list[Row]:
        options: list[Row] = []
        for kind, title in KIND_TITLES.items():
            members = [i for i, actor in enumerate(analysis.actors) if actor.kind == kind]
            if not members:
                continue
            options.append((Option(Text(title, style=BOLD + DIM), disabled=True), None, None))
            options.extend((Option(actor_prompt(analysis.actors[i])), i, None) for i in members)
        return options or [(_note("No people, organisations or places found."), None, None)]

    def _quote_options(
        self, analysis: Analysis, show_fragments: bool, text: str | None
    ) -> list[Row]:
        shown = visible_quotes(analysis, show_fragments)
        groups = statements(analysis, shown, text) if text else [[i] for i in shown]
        quotes = analysis.quotes
        options: list[Row] = [  # a statement covers every part, and the cue between
            (Option(quote_prompt(quotes[g[0]], [quotes[i] for i in g])), g[0],
             (quotes[g[0]].start, quotes[g[-1]].end))
            for g in groups
        ]  # fmt: skip
        hidden = len(analysis.quotes) - len(shown)
        if not options:
            options.append((_note("No quotes found."), None, None))
        if hidden:
            noun = "fragment" if hidden == 1 else "fragments"
            options.append((_note(f"{hidden} {noun} hidden · f to show"), None, None))
        return options

    def _mark(self, kind: ItemKind, row: int) -> None:
        """Move a tab's cursor to `row`, quietly."""
        self._cursor[kind] = row
        if kind == self._tab:
            found = self.item_list
            with found.prevent(OptionList.OptionHighlighted):
                found.place(self._cursor[kind])

    def focused_item(self) -> tuple[ItemKind, int] | None:
        """(tab, analysis index) of the item under the cursor of the list, if it has focus."""
        found = self.item_list
        if found.has_focus and found.highlighted is not None:
            return self._item(found.highlighted)
        return None

    def _item(self, row: int, tab: ItemKind | None = None) -> tuple[ItemKind, int] | None:
        tab = tab or self._tab
        items = self._items[tab]
        index = items[row] if row < len(items) else None
        return (tab, index) if index is not None else None

    def _tab_of(self, event: OptionList.OptionMessage) -> ItemKind | None:
        """The tab whose row the event is about: a message can arrive after the list has
        moved on to another tab or other items (then it is about none)."""
        row = event.option_index
        for tab in TABS:
            options = self._options[tab]
            if row < len(options) and options[row] is event.option:
                return tab
        return None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        tab = self._tab_of(event)
        if tab is None:
            return
        self._cursor[tab] = event.option_index
        if tab == self._tab and event.option_list.has_focus:
            self._announce(tab, event.option_index)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (tab := self._tab_of(event)) is not None:
            self._cursor[tab] = event.option_index
            self._announce(tab, event.option_index, chosen=True)

    def _announce(self, kind: ItemKind, row: int, **how: bool) -> None:
        """Post the selection of `row` (nothing for a heading or a note)."""
        if (selection := self._selection(kind, row, **how)) is not None:
            self.post_message(selection)

    def _selection(self, kind: ItemKind, row: int, **how: bool) -> ItemSelected | None:
        index = self._items[kind][row]
        if index is None:
            return None
        rows = [r for r, i in enumerate(self._items[kind]) if i is not None]
        return ItemSelected(self._analysis, kind, index, rows.index(row) + 1, len(rows),
                            self._spans[kind][row], **how)  # fmt: skip

    @on(TabBar.Clicked)
    def _tab_clicked(self, event: TabBar.Clicked) -> None:
        event.stop()
        if event.tab in TABS:
            self.set_tab(event.tab)  # type: ignore[arg-type]
