"""The footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen

from reader.tui.widgets.footer import ReaderFooter


class KeyFooter(ReaderFooter):
    """Textual's footer rebuilds all its key widgets on every focus change; the reader's
    keys rarely change with focus, so it rebuilds only when what it shows would differ."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show or binding.key == screen.app.COMMAND_PALETTE_BINDING
        )
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
