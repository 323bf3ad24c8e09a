"""The article list: a virtual list that draws only the rows on screen, for huge libraries."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.library.models import ArticleRef
from reader.tui.formatting import fit, one_line, ref_meta
from reader.tui.grouping import folder_of, shared_depth
from reader.tui.messages import ArticleChosen, ArticleHighlighted
from reader.tui.session import path_key
from reader.tui.widgets.scrolling import KeptLines, SteadyScrollbars, set_virtual_size

MAX_STRIPS = 4096
"""Drawn lines kept for redraws (a few screens' worth; a huge list is not kept whole)."""


@dataclass(frozen=True, slots=True)
class _Row:
    ref: ArticleRef | None
    folder: tuple[str, ...] = ()
    """For a header row: the folder it heads (library root, then subfolders)."""

    @property
    def height(self) -> int:
        return 1 if self.ref is None else 2


class ArticleList(KeptLines, SteadyScrollbars, ScrollView, can_focus=True):
    """Two lines per article (unread mark and title; date and source), folder headers between.

    Attributes down: `show()` sets the rows, `read` the read paths. Messages up:
    `ArticleHighlighted` as the cursor moves, `ArticleChosen` on enter.
    """

    COMPONENT_CLASSES = {
        "article-list--title", "article-list--read", "article-list--meta",
        "article-list--unread", "article-list--cursor", "article-list--group",
        "article-list--broken",
    }  # fmt: skip

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup,ctrl+u,ctrl+b", "page(-1)", "Page up", show=False),
        Binding("pagedown,ctrl+d,ctrl+f", "page(1)", "Page down", show=False),
        Binding("home,g", "jump(0)", "First", show=False),
        Binding("end,G", "jump(-1)", "Last", show=False),
        Binding("enter", "choose", "read", show=True),  # the footer changes with the pane
    ]

    cursor: reactive[int | None] = reactive(None, always_update=True, repaint=False)
    """Row index of the cursor (always an article row). A move redraws the two rows it
    concerns (and what a scroll brings), not every row of the list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[_Row] = []
        self._paths: list[Path] = []
        self._strips: dict[tuple[int, int, bool], Strip] = {}
        self._ordinals: dict[Path, int] = {}
        self._starts: list[int] = []
        self._index: dict[Path, int] = {}
        self.read: set[str] = set()
        self._folders: dict[Path, tuple[str, ...]] = {}
        self._unread: dict[tuple[str, ...], int] = {}
        self._unread_total = 0
        self.new: set[str] = set()
        """Path keys of feed items that arrived in this session (marked N while unread)."""
        self._quiet = False
        self._selected: Path | None = None
        """The path last selected, listed yet or not (a growing list selects it later)."""
        self.grouped = False
        """Whether the rows have folder headers (set by `show`)."""

    @property
    def paths(self) -> list[Path]:
        """The listed articles in display order (do not change the list)."""
        return self._paths

    def ordinal(self, path: Path | None) -> int | None:
        """Where `path` is in `paths` (None when it is not listed), without a search."""
        return self._ordinals.get(path) if path is not None else None

    @property
    def current(self) -> Path | None:
        if self.cursor is None or not self._rows:
            return None
        ref = self._rows[self.cursor].ref
        return ref.path if ref else None

    def show(self, refs: list[ArticleRef], *, grouped: bool, current: Path | None) -> None:
        """Replace the rows; keeps the cursor on `current` when it is still listed."""
        self.grouped = grouped
        self._rows, self._paths, self._starts = [], [], []
        self._folders, self._ordinals, self._index = {}, {}, {}
        self._add(refs)
        self._count_unread()
        self.select(current)

    def extend(self, refs: list[ArticleRef]) -> None:
        """List `refs` after the rows already shown (more of a listing that is growing);
        only the new rows are built, so a huge list grows as cheaply as a small one."""
        self._add(refs)
        self._count_unread(refs)
        if self.cursor is None:
            self.select(self._selected)

    def _add(self, refs: list[ArticleRef]) -> None:
        rows = self._rows
        first = len(rows)
        last = next((row.folder for row in reversed(rows) if row.ref is None), ())
        for ref in refs:
            folder = folder_of(ref)
            if ref.format != "error":  # a file that cannot be opened is never unread
                self._folders[ref.path] = folder
            if self.grouped and folder != last:
                # a header for each level below the part shared with the folder before
                start = shared_depth(folder, last)
                rows.extend(_Row(None, folder[: depth + 1]) for depth in range(start, len(folder)))
                last = folder
            rows.append(_Row(ref))
        line = self._starts[-1] + rows[first - 1].height if first else 0
        for number in range(first, len(rows)):
            row = rows[number]
            self._starts.append(line)
            line += row.height
            if row.ref is not None:
                self._index[row.ref.path] = number
                self._ordinals[row.ref.path] = len(self._paths)
                self._paths.append(row.ref.path)
        self._strips.clear()  # the headers' unread counts change too
        set_virtual_size(self, Size(self.scrollable_content_region.width, line))
        self.refresh()

    def set_read(self, read: set[str]) -> None:
        self.read = read
        self._count_unread()
        self._strips.clear()
        self.refresh()

    def _count_unread(self, more: list[ArticleRef] | None = None) -> None:
        """Unread articles under each folder, for the headers (`more`: add those only)."""
        folders = self._folders
        if more is None:
            counts: dict[tuple[str, ...], int] = {}
            total = 0
            listed = list(folders.items())
        else:
            counts, total = self._unread, self._unread_total
            listed = [(ref.path, folders[ref.path]) for ref in more if ref.path in folders]
        for path, folder in listed:
            if path_key(path) not in self.read:
                total += 1
                for depth in range(1, len(folder) + 1):
                    counts[folder[:depth]] = counts.get(folder[:depth], 0) + 1
        self._unread, self._unread_total = counts, total

    @property
    def unread_count(self) -> int:
        """Unread articles among those listed (counted with the folders' counts)."""
        return self._unread_total

    def set_new(self, new: set[str]) -> None:
        self.new = new
        self._strips.clear()
        self.refresh()

    def select(self, path: Path | None) -> None:
        """Move the cursor to `path` without announcing it (the screen already knows)."""
        self._selected = path
        self._quiet = True
        self.cursor = self._index.get(path) if path is not None else None
        self._quiet = False

    def watch_cursor(self, old: int | None, cursor: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(cursor)  # only the two rows that change are drawn again
        if cursor is None:
            return
        row = self._rows[cursor]
        region = Region(0, self._starts[cursor], self.size.width, row.height)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)
        if not self._quiet and row.ref is not None:
            self.post_message(ArticleHighlighted(row.ref.path))

    def _refresh_row(self, number: int | None) -> None:
        if number is None or number >= len(self._rows):
            return
        top = self._starts[number] - round(self.scroll_offset.y)
        self.refresh(Region(0, top, self.size.width, self._rows[number].height))

    def _move(self, start: int, direction: int) -> None:
        index = start
        while 0 <= index < len(self._rows):
            if self._rows[index].ref is not None:
                if index != self.cursor:
                    self.cursor = index
                return
            index += direction

    def action_cursor(self, delta: int) -> None:
        if self.cursor is None:
            self._move(0, 1)
        else:
            self._move(self.cursor + delta, delta)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        index = self.cursor or 0
        self._move(max(0, min(len(self._rows) - 1, index + direction * step)), direction)

    def action_jump(self, where: int) -> None:
        if where < 0:
            self._move(len(self._rows) - 1, -1)
        else:
            self._move(0, 1)

    def action_choose(self) -> None:
        if (path := self.current) is not None:
            self.post_message(ArticleChosen(path))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._rows:
            return
        row = bisect_right(self._starts, offset.y + self.scroll_offset.y) - 1
        if 0 <= row < len(self._rows) and self._rows[row].ref is not None:
            self.focus()
            self.cursor = row

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.virtual_size.height)

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = self._kept_render(crop)
        return lines if lines is not None else super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + self.scroll_offset.y
        if not self._starts or line >= self._starts[-1] + self._rows[-1].height:
            return Strip.blank(width, base)
        number = bisect_right(self._starts, line) - 1
        cursor = number == self.cursor
        key = (line, width, cursor)
        strip = self._strips.get(key)
        if strip is None:  # drawn once; kept until the rows, read marks or styles change
            if len(self._strips) > MAX_STRIPS:
                self._strips.clear()
            row = self._rows[number]
            style = base + self.get_component_rich_style("article-list--cursor") if cursor else base
            segments = self._segments(row, line - self._starts[number], width, style, cursor)
            strip = self._strips[key] = Strip(segments).adjust_cell_length(width, style)
        return strip

    def _colour(self, name: str, on_cursor: bool) -> Style:
        """A component's colour and text style, without its background (the row's shows)."""
        full = self.get_component_rich_style(name)
        if on_cursor:  # the cursor's own colours are chosen for contrast; keep only bold
            return Style(bold=full.bold)
        return Style(color=full.color, bold=full.bold, dim=full.dim, italic=full.italic)

    def _header(self, folder: tuple[str, ...], width: int, style: Style, colour) -> list[Segment]:
        """ "name" at its depth, and how many articles under it are unread."""
        unread = self._unread.get(folder, 0)
        count = f" · {unread}" if unread else ""
        name = fit(one_line(folder[-1]), max(1, width - 2 * (len(folder) - 1) - len(count)))
        return [
            Segment("  " * (len(folder) - 1) + name, style + colour("article-list--group")),
            Segment(count, style + colour("article-list--unread")),
        ]

    def _segments(
        self, row: _Row, sub: int, width: int, style: Style, cursor: bool
    ) -> list[Segment]:
        colour = partial(self._colour, on_cursor=cursor)
        if row.ref is None:
            return self._header(row.folder, width, style, colour)
        unread = path_key(row.ref.path) not in self.read
        if sub == 0 and row.ref.format == "error":  # listed so that opening it says why
            mark = Segment("× ", style + colour("article-list--broken"))
            title = fit(one_line(row.ref.title), width - 2)
            return [mark, Segment(title, style + colour("article-list--read"))]
        if sub == 0:
            sign = ("N " if path_key(row.ref.path) in self.new else "● ") if unread else "  "
            mark = Segment(sign, style + colour("article-list--unread"))
            title_class = "article-list--title" if unread else "article-list--read"
            title = fit(one_line(row.ref.title) or row.ref.path.name, width - 2)
            return [mark, Segment(title, style + colour(title_class))]
        meta = fit(one_line(ref_meta(row.ref)), width - 2)
        return [Segment("  ", style), Segment(meta, style + colour("article-list--meta"))]
