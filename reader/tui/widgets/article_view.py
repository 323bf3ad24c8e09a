"""The article pane: title, meta line and wrapped paragraphs, with highlight layers."""

from __future__ import annotations

import asyncio
import time
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.library.models import Article
from reader.tui.formatting import article_meta, clean
from reader.tui.messages import MatchSelected, MentionSelected, ReadingMoved
from reader.tui.navigation import step
from reader.tui.search import find_matches
from reader.tui.textlayout import ArticleLayout, LineKind
from reader.tui.widgets.scrolling import (
    KeptLines,
    SteadyScrollbars,
    jump_target,
    set_virtual_size,
)

MAX_WIDTH = 96
"""Lines longer than this are hard to read; wide terminals get a margin instead."""
LAYERS = ("mention", "match", "focus", "match-current")
"""Highlight layers, lowest first: a later layer's style wins where they overlap."""
FIRST_ROWS = 400
"""Lines laid out at once when an article is shown (several screens); the rest of a long
article is laid out in slices that leave the event loop free for keys between them."""
SLICE = 0.004
"""Seconds of layout per slice."""
GROW_EVERY = 0.1
"""Seconds between updates of the scrollable height while the layout grows."""


class ArticleView(KeptLines, SteadyScrollbars, ScrollView, can_focus=True):
    """Draws only the lines on screen, so a long article scrolls as fast as a short one.

    The screen sets the article and asks the view to light spans (text offsets) in
    highlight layers. The view keeps what is selected in the text (the lit quote or
    sentence, the search matches and the selected one, whose mentions are lit and which of
    them was last gone to) and says what changed by messages: `MatchSelected`,
    `MentionSelected`, and `ReadingMoved` as it scrolls. Colours come from the component
    classes.
    """

    COMPONENT_CLASSES = {
        "article-view--title", "article-view--meta", "article-view--notice",
        "article-view--mention", "article-view--match", "article-view--focus",
        "article-view--match-current", "article-view--heading", "article-view--bullet",
    }  # fmt: skip

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space,ctrl+f", "page_down", "page", show=True),  # the footer changes with the pane
        Binding("b,ctrl+b", "page_up", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "End", show=False),
    ]

    ALLOW_SELECT = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._headers: list[tuple[LineKind, str]] = []
        self._layout: ArticleLayout | None = None
        self._layers: dict[str, tuple[list[int], list[int]]] = {}
        self._pending: tuple[int, float] | None = None
        """A reading position to restore once its lines are laid out."""
        self._pending_span: int | None = None
        """A text offset to bring into view once laid out (the body's length: the end)."""
        self._cache: dict[int, Strip] = {}
        self._plain: dict[int, Strip] = {}
        """Rows as drawn with nothing lit on them: a row a light leaves is drawn from here."""
        self._jumping = False
        self._drawing: tuple[int, Style] | None = None
        self._query = ""
        self.matches: list[tuple[int, int]] = []
        """Where the search query is found in the text, in order."""
        self.match: int | None = None
        """The selected match (an index into `matches`)."""
        self.mentions_of: object = None
        """Whose mentions are lit (the key the screen gave: an actor), or None."""
        self._mentions: list[tuple[int, int]] = []
        self.mention = -1
        """The mention last gone to (an index into the lit mentions), -1 before the first."""

    # attributes down

    def show_article(self, article: Article, position: tuple[int, float] | None = None) -> None:
        """Show `article`, scrolled to `position` (paragraph, fraction) or the top."""
        self.article = article
        self._headers = [
            ("title", article.title or article.path.name),
            ("meta", article_meta(article)),
        ]
        self._headers += [("notice", notice) for notice in article.notices]
        self._forget_selection()
        self._pending = position or (0, 0.0)
        self._pending_span = None
        self._relayout()

    def show_message(self, title: str, detail: str = "") -> None:
        """Show a line (loading, or why the article could not be opened) instead of text."""
        self.article = None
        self._headers = [("title", title)] + ([("notice", detail)] if detail else [])
        self._forget_selection()
        self._pending = (0, 0.0)
        self._pending_span = None
        self._relayout()

    def set_layer(self, name: str, spans: list[tuple[int, int]]) -> None:
        """Highlight `spans` (text offsets) with the style of layer `name`."""
        ordered: list[tuple[int, int]] = []
        for start, end in sorted((s, e) for s, e in spans if e > s):
            if ordered and start <= ordered[-1][1]:
                ordered[-1] = (ordered[-1][0], max(end, ordered[-1][1]))
            else:
                ordered.append((start, end))
        before = self._layers.get(name, ([], []))
        if ordered:
            self._layers[name] = ([s for s, _ in ordered], [e for _, e in ordered])
        else:
            self._layers.pop(name, None)
        if before == self._layers.get(name, ([], [])):
            return
        # Only the lines the old and new spans cover are drawn again.
        for starts, ends in (before, self._layers.get(name, ([], []))):
            for start, end in zip(starts, ends, strict=True):
                self._forget_rows(start, end)

    def _forget_selection(self) -> None:
        """A new text: nothing lit, no matches, no mentions (the query stays)."""
        self._layers = {}
        self.matches, self.match = [], None
        self.mentions_of, self._mentions, self.mention = None, [], -1

    # selection in the text: the view keeps it and says what changed

    def light(self, start: int, end: int) -> None:
        """Light one span (a quote, a sentence, a mention) and bring it into view."""
        self.set_layer("focus", [(start, end)])
        self.scroll_to_span(start, end)

    def clear_lights(self) -> None:
        """Unlight the span and the mentions (the search matches stay)."""
        self.set_layer("focus", [])
        self.set_layer("mention", [])
        self.mentions_of, self._mentions, self.mention = None, [], -1

    def light_mentions(self, key: object, spans: Sequence[tuple[int, int]], *, jump: bool) -> None:
        """Light every mention of `key` (their cursor kept while the same key stays lit) and,
        with `jump`, go to the next one, round from the last to the first. Posts one
        `MentionSelected`."""
        lit = self.mentions_of == key
        if not lit:
            self.mentions_of, self._mentions, self.mention = key, list(spans), -1
        count = len(self._mentions)
        if jump and count:
            self.mention = (self.mention + 1) % count
        self._tell(MentionSelected(key, self.mention + 1 if jump and count else 0, count))
        if not lit:
            self.set_layer("mention", self._mentions)
        if jump and count:
            self.light(*self._mentions[self.mention])

    def search(self, query: str) -> None:
        """Light every match of `query` and select the first from the top of the view on.
        Posts `MatchSelected` unless the query was and stays empty."""
        changed = bool(self.matches or self._query.strip() or query.strip())
        text = self.article.text if self.article is not None else ""
        self._query = query
        self.matches = find_matches(text, query) if query.strip() else []
        self.match = None
        if self.matches:
            anchor = self.top_offset()
            first = next((i for i, (s, _) in enumerate(self.matches) if s >= anchor), 0)
            self._select_match(first, wrapped=False)
        else:
            if changed:
                self._tell(MatchSelected(query, 0, 0))
            self.set_layer("match-current", [])
        self.set_layer("match", self.matches)

    def step_match(self, forward: bool) -> bool:
        """Select the next (or previous) match from the selected one, or from the top of the
        view; False when nothing matches."""
        if not self.matches:
            return False
        starts = [s for s, _ in self.matches]
        moved = step(starts, self.match, forward, self.top_offset())
        if moved is not None:
            self._select_match(moved.index, moved.wrapped)
        return True

    def _select_match(self, index: int, wrapped: bool) -> None:
        self.match = index
        self._tell(MatchSelected(self._query, index + 1, len(self.matches), wrapped))
        start, end = self.matches[index]
        self.set_layer("match-current", [(start, end)])
        self.scroll_to_span(start)

    def _tell(self, message: Message) -> None:
        """Say what changed to the screen, into its own queue, before the change is drawn:
        the screen handles it before the view's redraw wakes the screen's paint, so the
        status line changes in the frame the text does. (Posted to the view, or after the
        redraw was asked for, it came after a paint: a second paint for every key.)"""
        self.screen.post_message(message)

    def _forget_rows(self, start: int, end: int) -> None:
        if self._layout is None:
            return
        first, last = self._layout.row_of_offset(start), self._layout.row_of_offset(end)
        for row in range(first, last + 1):
            self._cache.pop(row, None)
        self.refresh_lines(first, last - first + 1)

    def scroll_to_span(self, start: int, end: int | None = None) -> None:
        """Bring the text from offset `start` (to `end`) into view: a third of the way down,
        unless all of it is on screen already (then the text keeps still, and the eye with
        it)."""
        if self._layout is None:
            return
        self._pending = None  # a jump wins over a position still being restored
        if not self._layout.complete and start >= self._layout.laid_out:
            self._pending_span = start  # scrolled to once its lines are made
            return
        row, height = self._layout.row_of_offset(start), self.scrollable_content_region.height
        last = self._layout.row_of_offset(max(start, (end or start) - 1))
        target = jump_target(round(self.scroll_y), height, row, last)
        if target is None:
            return
        # A jump to a quote or mention is not reading down to there: announce it unscrolled.
        self._jumping = True
        try:
            self.scroll_to(y=target, animate=False, force=True, immediate=True)
        finally:
            self._jumping = False

    def action_scroll_end(self) -> None:
        if self._layout is not None and not self._layout.complete:
            self._pending = None
            self._pending_span = len(self._layout.body)
            return
        super().action_scroll_end()

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_relative(y=direction * step, animate=False)

    # what the screen reads back

    def position(self) -> tuple[int, float]:
        if self._layout is None:
            return 0, 0.0
        return self._layout.position_at(round(self.scroll_y))

    def top_offset(self) -> int:
        """The text offset at the top of the view (where stepping starts)."""
        if self._layout is None:
            return 0
        for line in self._layout.lines[round(self.scroll_y) :]:
            if line.kind == "body":
                return line.start
        return 0

    def seen(self) -> float:
        """How much of the text has been on screen, from 0 to 1."""
        total = self._layout.estimated_rows() if self._layout is not None else 0
        if total <= 0:
            return 0.0
        return min(1.0, (self.scroll_y + self.scrollable_content_region.height) / total)

    # layout and scrolling

    def _relayout(self) -> None:
        self._forget_drawn()
        width = self._wrap_width()
        if width <= 0:
            self._layout = None
            return
        keep = self._pending or (self.position() if self._layout else (0, 0.0))
        body = self.article.text if self.article else ""
        paragraphs = self.article.paragraphs if self.article else []
        kinds = self.article.kinds if self.article else ()
        rows = FIRST_ROWS + self.scrollable_content_region.height
        self._layout = ArticleLayout(body, paragraphs, self._headers, width, kinds, rows)
        set_virtual_size(self, Size(width, len(self._layout)))
        self._pending = keep
        if self._settle() is not None:
            self.scroll_to(y=0, animate=False, force=True, immediate=True)
        if not self._layout.complete:
            self._lay_out_rest(self._layout)
        self.refresh()

    def _settle(self) -> tuple[int, float] | None:
        """Restore the waiting position, then bring the waiting offset into view, as soon as
        their lines are laid out; the position still waiting (None when restored)."""
        layout = self._layout
        if layout is None:
            return self._pending
        set_virtual_size(self, Size(layout.width, len(layout)))
        if self._pending is not None:
            row = self._row_of(*self._pending)
            if row is None:
                return self._pending
            # A restored or re-wrapped position is not the reader moving: announce nothing.
            self.scroll_to(y=row, animate=False, force=True, immediate=True)
            self._pending = None
        start = self._pending_span
        if start is not None and (layout.complete or start < layout.laid_out):
            self._pending_span = None
            if start >= len(layout.body):
                self.scroll_to(y=self.max_scroll_y, animate=False, force=True, immediate=True)
            else:
                self.scroll_to_span(start)
        return None

    def _row_of(self, paragraph: int, fraction: float) -> int | None:
        """The row for a reading position, or None while its lines are not all laid out."""
        layout = self._layout
        assert layout is not None
        if (paragraph, fraction) == (0, 0.0):
            return 0
        if not layout.complete and paragraph + 1 >= len(layout.paragraph_lines):
            return None
        row = layout.row_of_position(paragraph, fraction)
        screen = self.scrollable_content_region.height
        return row if layout.complete or row + screen <= len(layout) else None

    @work(exclusive=True, group="article-layout", exit_on_error=False)
    async def _lay_out_rest(self, layout: ArticleLayout) -> None:
        """Lay out the rest of a long article a slice at a time, yielding to the event loop
        between slices so that keys (and quit) are handled at once; the scrollable height
        grows as it goes, and what waits for lines not made yet is done when they are."""
        grown = time.monotonic()
        while layout is self._layout and not layout.complete:
            layout.extend_for(SLICE)
            restoring = self._pending is not None
            waiting = restoring or self._pending_span is not None
            if waiting or layout.complete or time.monotonic() - grown >= GROW_EVERY:
                self._settle()
                grown = time.monotonic()
            if restoring and self._pending is None and self.article is not None:
                # restored late: the status line learns where the text is (not a move)
                self.post_message(ReadingMoved(*self.position(), self.seen(), False))
            await asyncio.sleep(0)

    def _wrap_width(self) -> int:
        # One column short of the content: Textual draws the scrollbar inside the padding.
        return min(MAX_WIDTH, self.scrollable_content_region.width - 1)

    def on_resize(self) -> None:
        width = self._wrap_width()
        if self._layout is None or self._layout.width != width:
            self._relayout()

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Move exactly one screen of lines, at once: pressed quickly, each press lands one
        page further (an animated scroll would start from wherever the last one had got)."""
        page = max(1, self.scrollable_content_region.height)
        target = round(self.scroll_y) + direction * page
        self.scroll_to(y=max(0, target), animate=False, force=True, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.article is not None and self._layout is not None and self._pending is None:
            paragraph, offset = self.position()
            scrolled = new_value > 0 and not self._jumping
            self.post_message(ReadingMoved(paragraph, offset, self.seen(), scrolled))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_drawn()

    # rendering

    def _forget_drawn(self) -> None:
        """Forget every row drawn (a new layout, or new colours)."""
        self._cache.clear()
        self._plain.clear()

    def _line_text(self, row: int) -> str:
        assert self._layout is not None
        line = self._layout.lines[row]
        return line.prefix + clean(self._layout.text_of(line).rstrip())

    def render_lines(self, crop: Region) -> list[Strip]:
        # Width and base style once per draw, not once per line (each is worked out anew).
        self._drawing = (self.scrollable_content_region.width, self.rich_style)
        lines = self._kept_render(crop)
        return lines if lines is not None else super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, base = self._drawing or (self.scrollable_content_region.width, self.rich_style)
        row = y + round(self.scroll_y)
        if self._layout is None or row >= len(self._layout):
            return Strip.blank(width, base)
        selection = self.text_selection
        strip = self._cache.get(row) if selection is None else None
        if strip is None:
            plain = selection is None and not self._lit(row)
            strip = self._plain.get(row) if plain else None
            if strip is None:
                strip = self._render_row(row, selection)
                if plain:
                    self._plain[row] = strip
            if selection is None:
                self._cache[row] = strip
        return strip.crop_extend(0, width, base).apply_offsets(0, row)

    def _lit(self, row: int) -> bool:
        """Whether a layer (a light, a match, a mention) covers part of the row."""
        assert self._layout is not None
        line = self._layout.lines[row]
        if line.kind != "body":
            return False
        end = max(line.end, line.start + 1)
        for starts, ends in self._layers.values():
            for _span in _covering(starts, ends, line.start, end):
                return True
        return False

    def _render_row(self, row: int, selection: Selection | None) -> Strip:
        if selection is None and not self._lit(row):
            return self._plain_row(row)
        return self._styled_row(row, selection)

    def _plain_row(self, row: int) -> Strip:
        """A row with nothing lit or selected, as `_styled_row` draws it, made straight from
        its one or two runs of style: rows newly scrolled into view cost a fraction of
        rendering styled text."""
        assert self._layout is not None
        line = self._layout.lines[row]
        string = self._line_text(row)
        if not string:
            return Strip([Segment("")], 0)  # as styled text draws an empty row
        base: Style = self.rich_style
        kind = None
        if line.kind in ("title", "meta", "notice"):
            kind = f"article-view--{line.kind}"
        elif line.kind == "body" and line.block == "heading":
            kind = "article-view--heading"
        if kind is not None:
            runs = [(string, base + self.get_component_rich_style(kind))]
        else:
            shift = len(line.prefix) if line.kind == "body" else 0
            bullet = self.get_component_rich_style("article-view--bullet") if shift else None
            runs = [(string[:shift], base + bullet)] if bullet is not None else []
            runs.append((string[shift:], base))
        return Strip([Segment(text, style) for text, style in runs if text], cell_len(string))

    def _styled_row(self, row: int, selection: Selection | None) -> Strip:
        assert self._layout is not None
        line = self._layout.lines[row]
        string = self._line_text(row)
        text = Text(string, no_wrap=True, end="")
        text.stylize(self.rich_style)  # as a span: Text.render() ignores the base style
        if line.kind in ("title", "meta", "notice"):
            text.stylize(self.get_component_rich_style(f"article-view--{line.kind}"))
        elif line.kind == "body":
            shift = len(line.prefix)
            if line.block == "heading":
                text.stylize(self.get_component_rich_style("article-view--heading"))
            elif shift:
                text.stylize(self.get_component_rich_style("article-view--bullet"), 0, shift)
            for name in LAYERS:
                self._stylize(text, name, line.start, line.start + len(string) - shift, shift)
        if selection is not None and (span := selection.get_span(row)) is not None:
            start, end = span
            style = self.screen.get_component_rich_style("screen--selection")
            text.stylize(style, start, len(string) if end == -1 else end)
        return Strip(text.render(self.app.console), cell_len(string))

    def _stylize(self, text: Text, name: str, start: int, end: int, shift: int = 0) -> None:
        """Style layer `name` on a line showing body offsets `start` to `end` after `shift`
        cells of decoration (a bullet), which no span colours."""
        if name not in self._layers:
            return
        style: Style = self.get_component_rich_style(f"article-view--{name}")
        for span_start, span_end in _covering(*self._layers[name], start, end):
            first = max(span_start, start) - start + shift
            text.stylize(style, first, min(end, span_end) - start + shift)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        if self._layout is None:
            return None
        lines = "\n".join(self._line_text(row) for row in range(len(self._layout)))
        return selection.extract(lines), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()  # rows with nothing lit are drawn without a selection: they stay
        self.refresh()


def _covering(
    starts: list[int], ends: list[int], start: int, end: int
) -> Iterator[tuple[int, int]]:
    """The spans of a layer (sorted, not overlapping) that cover part of `start`-`end`."""
    index = bisect_right(ends, start)
    while index < len(starts) and starts[index] < end:
        yield starts[index], ends[index]
        index += 1
