"""Textual's Footer, without the memory it keeps on every focus change."""

from __future__ import annotations

from textual.widgets import Footer


class ReaderFooter(Footer):
    """A Footer that lets go of the key widgets it replaces.

    Footer rebuilds its keys whenever the active bindings change (every focus change), and
    each key binds to the footer's `compact` setting. Textual forgets such a binding only
    when `compact` changes, which in the reader it never does: every old key stayed in
    memory (tens of MB per hundred focus changes). After each rebuild the bindings of
    keys that have been removed are dropped here.
    """

    async def recompose(self) -> None:
        await super().recompose()
        self.forget_removed_keys()

    def forget_removed_keys(self) -> None:
        watchers = getattr(self, "__watchers", {})
        for name, entries in watchers.items():
            watchers[name] = [
                (node, callback)
                for node, callback in entries
                if not (getattr(node, "_closing", False) or getattr(node, "_closed", False))
            ]
