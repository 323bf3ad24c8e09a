"""Scrolling widgets that leave their scrollbars alone when a layout changes nothing of theirs."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._segment_tools import line_pad
from textual.color import Color
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


def blank_style(base_background: Color, background: Color) -> RichStyle:
    """The style of a widget's own blank cells (its background over what is beneath it,
    the two `background_colors`), as Textual pads its lines with."""
    return RichStyle(bgcolor=(base_background + background).rich_color)


class QuickScrollBar(ScrollBar):
    """A vertical scrollbar drawn straight into its lines. Textual renders the bar through
    Rich and then runs every line through the widget styles and the app's filters, which
    costs more than the pane it sits in each time the thumb moves. A bar is made of a few
    kinds of cell (track above, thumb, track below, the thumb's two ends), so each kind is
    one line kept for every row that shows it, and the bar's lines are kept until one of
    the numbers they come from changes."""

    _drawn: tuple[tuple, list[Strip]] | None = None
    _cells: dict[Segment, Strip] | None = None
    _cells_for: tuple | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()
        if not isinstance(bar, ScrollBarRender) or not self.vertical:
            return super().render_lines(crop)
        width, height = self.size
        base = self.visual_style.rich_style  # under each cell, as Textual renders it
        background = self.background_colors[1]
        filters = tuple(self.get_line_filters())
        key = (width, height, bar.virtual_size, bar.window_size, bar.position, bar.style, base,
               background, filters)  # fmt: skip
        if not bar.window_size and getattr(self.parent, "TRACK_WHILE_SCROLLING", False):
            # nothing to scroll: the pane's own background, as in a gutter with no bar
            blank = blank_style(*self.parent.background_colors)  # type: ignore[union-attr]
            key = (width, height, blank, background, filters)
            if self._drawn is None or self._drawn[0] != key:
                blanks = [Segment(" " * width, blank)] * height
                self._drawn = (key, self._lines(blanks, background, filters))
        elif self._drawn is None or self._drawn[0] != key:
            style = self.app.console.get_style(bar.style)
            cells = ScrollBarRender.render_bar(
                size=height,
                virtual_size=bar.virtual_size,
                window_size=bar.window_size,
                position=bar.position,
                thickness=width,
                vertical=True,
                **({"back_color": style.bgcolor} if style.bgcolor else {}),
                **({"bar_color": style.color} if style.color else {}),
            )
            segments = [Segment(cell.text, base + cell.style) for cell in cells.segments]
            self._drawn = (key, self._lines(segments, background, filters))
        lines = self._drawn[1][crop.y : crop.bottom]
        if crop.column_span != (0, width):
            lines = [line.crop(*crop.column_span) for line in lines]
        return lines

    def _lines(self, cells: list[Segment], background: Color, filters: tuple) -> list[Strip]:
        """One finished line (the app's filters applied) per kind of cell, shared by rows."""
        if self._cells is None or len(self._cells) > 64 or self._cells_for != (background, filters):
            self._cells, self._cells_for = {}, (background, filters)
        lines = []
        for cell in cells:
            line = self._cells.get(cell)
            if line is None:
                line = Strip([cell], self.size.width)
                for line_filter in filters:
                    line = line.apply_filter(line_filter, background)
                self._cells[cell] = line
            lines.append(line)
        return lines


class SteadyScrollbars:
    """Mixed into a ScrollView (before it): a layout of the screen updates and redraws a
    scroll view's scrollbars even when its size and contents are as they were, and a redrawn
    scrollbar down the middle of the screen makes the next frame redraw nearly every pane.
    Here the update runs only when the view's size, virtual size or container changed."""

    _laid_out: tuple[Size, Size, Size] | None = None

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """As Textual's, but a QuickScrollBar."""
        if self._vertical_scrollbar is None:  # type: ignore[has-type]
            bar = QuickScrollBar(
                vertical=True,
                name="vertical",
                thickness=self.scrollbar_size_vertical,  # type: ignore[attr-defined]
            )
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)  # type: ignore[attr-defined]
        return self._vertical_scrollbar

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, self.virtual_size, container_size)  # type: ignore[attr-defined]
        if sizes == self._laid_out:
            return False  # nothing changed: no resize to announce
        self._laid_out = sizes
        return super()._size_updated(size, virtual_size, container_size, layout)  # type: ignore[misc]


def set_virtual_size(view, size: Size) -> None:
    """Make `size` the scroll view's virtual size. When only the height changes and the
    view keeps its scrollbar whatever the height (it already scrolls and grows, or its
    scrollbar is always shown), only the scrollbar changes, so the screen is not laid out
    again (the virtual size is a layout reactive: setting it lays out and redraws every
    pane)."""
    before = view.virtual_size
    if size == before:
        return
    kept = view.styles.overflow_y == "scroll" or before.height < size.height
    if view.show_vertical_scrollbar and size.width == before.width and kept:
        view.set_reactive(type(view).virtual_size, size)
        view._scroll_update(size)
    else:
        view.virtual_size = size


def jump_target(top: int, height: int, first: int, last: int) -> int | None:
    """Where a view of `height` rows now at `top` should scroll to show rows `first` to
    `last` after a jump: None while all of them are in view (the view keeps still, and
    the eye with it), else `first` a third of the way down (so the next steps do not
    scroll again at once)."""
    if top <= first and last < top + height:
        return None
    return max(0, first - height // 3)


class KeptLines:
    """Mixed into a widget that draws line by line from lines it keeps itself (the same
    Strip for the same line while nothing changed): each line's finished form, with the
    padding and background the widget's styles add, is kept against the line it was made
    from. A scroll shows lines that are all new to Textual's per-line styling (it keeps
    lines by their place on screen), which would style every row again; here a row drawn
    before costs a lookup. Widgets with borders, outlines, tint, opacity, hatching or
    vertical padding draw as Textual draws them."""

    _kept_lines: dict[int, tuple[Strip, Strip]] | None = None
    _kept_for: tuple | None = None

    def _kept_render(self, crop: Region) -> list[Strip] | None:
        """The lines of `crop`, or None when the styles are not plain enough for this."""
        widget = self
        styles = widget.styles  # type: ignore[attr-defined]
        pad_top, pad_right, pad_bottom, pad_left = styles.padding
        if (
            pad_top
            or pad_bottom
            or any(edge for edge, _ in styles.border)
            or any(edge for edge, _ in styles.outline)
            or styles.tint.a
            or widget.opacity != 1.0  # type: ignore[attr-defined]
            or styles.text_opacity != 1.0
            or (styles.has_rule("hatch") and styles.hatch != "none")
        ):
            if self._kept_for is not None:
                self._kept_for = self._kept_lines = None
                widget._styles_cache.clear()  # type: ignore[attr-defined]
            return None
        width = widget.region.width  # type: ignore[attr-defined]
        content_width, content_height = widget.content_region.size  # type: ignore[attr-defined]
        base_background, background = widget.background_colors  # type: ignore[attr-defined]
        filters = tuple(widget.get_line_filters())  # type: ignore[attr-defined]
        # Lines by their place on screen are kept where Textual keeps them, and forgotten
        # when it would forget them (a refresh of some lines, or of all, and a new width).
        on_screen = widget._styles_cache  # type: ignore[attr-defined]
        drawn_for = (width, content_width, pad_left, pad_right, base_background, background)
        if self._kept_for != drawn_for or self._kept_lines is None:
            self._kept_for, self._kept_lines = drawn_for, {}
            on_screen.clear()
        kept = self._kept_lines
        if len(kept) > 4096:
            kept.clear()
        inner = blank_style(base_background, background)
        screen_lines, dirty = on_screen._cache, on_screen._dirty_lines
        lines = []
        for y in crop.line_range:
            line = screen_lines.get(y) if y not in dirty else None
            if line is None:
                line = self._finished_line(y, content_height, content_width, inner)
                screen_lines[y] = line
            for line_filter in filters:
                line = line.apply_filter(line_filter, background)
            lines.append(line)
        dirty.difference_update(crop.line_range)
        if crop.column_span != (0, width):
            lines = [line.crop(*crop.column_span) for line in lines]
        return lines

    def _finished_line(self, y: int, height: int, width: int, inner: RichStyle) -> Strip:
        """Line `y` padded and on the background: kept for the line it was made from."""
        assert self._kept_for is not None and self._kept_lines is not None
        full_width, _, pad_left, pad_right, *_ = self._kept_for
        content = self.render_line(y) if y < height else Strip.blank(width, inner)  # type: ignore[attr-defined]
        found = self._kept_lines.get(id(content))
        if found is not None and found[0] is content:
            return found[1]
        fitted = content.adjust_cell_length(width, inner)
        line = Strip(line_pad(fitted, pad_left, pad_right, inner), full_width)
        self._kept_lines[id(content)] = (content, line)
        return line
