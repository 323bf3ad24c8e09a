"""Scrolling widgets that leave their scrollbars alone when a layout changes nothing of theirs."""

from __future__ import annotations

from textual.geometry import Size


class SteadyScrollbars:
    """Mixed into a ScrollView (before it): a layout of the screen updates and redraws a
    scroll view's scrollbars even when its size and contents are as they were, and a redrawn
    scrollbar down the middle of the screen makes the next frame redraw nearly every pane.
    Here the update runs only when the view's size, virtual size or container changed."""

    _laid_out: tuple[Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, self.virtual_size, container_size)  # type: ignore[attr-defined]
        if sizes == self._laid_out:
            return False  # nothing changed: no resize to announce
        self._laid_out = sizes
        return super()._size_updated(size, virtual_size, container_size, layout)  # type: ignore[misc]


def grow(view, size: Size) -> None:
    """Make `size` the scroll view's virtual size. Growing the height of a view that
    already scrolls changes only its scrollbar, so the screen is not laid out again (the
    virtual size is a layout reactive: setting it would lay out and redraw every pane)."""
    before = view.virtual_size
    if size == before:
        return
    if view.show_vertical_scrollbar and size.width == before.width < size.height:
        view.set_reactive(type(view).virtual_size, size)
        view._scroll_update(size)
    else:
        view.virtual_size = size
