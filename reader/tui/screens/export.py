"""The export dialog (`e`): format, file path, and a question before overwriting."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from reader.export import not_replaceable
from reader.tui.screens.confirm import ConfirmScreen

FORMATS = (("md", "Markdown"), ("txt", "Plain text"), ("json", "JSON"))

Render = Callable[[str, bool], str]
"""(format, extras) -> file content."""
Write = Callable[[Path, str, bool], Path]
"""(path, content, overwrite) -> the path written; raises with a message for a person."""


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses with the written path, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(
        self, default_path: Path, render: Render, write: Write, *, what: str = "summary"
    ) -> None:
        super().__init__()
        self._what = what
        self._default_path = default_path
        self._make_content = render
        self._write_file = write

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog") as box:
            box.border_title = f"Export {self._what}"
            with RadioSet(id="export-format"):
                for index, (ext, label) in enumerate(FORMATS):
                    yield RadioButton(label, value=index == 0, name=ext)
            extras = Checkbox("Include actors and quotes", value=True, id="export-extras")
            extras.display = self._what == "summary"  # a single quote has no extras
            yield extras
            yield Label("Save to")
            yield Input(str(self._default_path), id="export-path", select_on_focus=False)
            yield Static("", id="export-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        field = self.query_one("#export-path", Input)
        field.cursor_position = len(field.value)  # the file name is the part to edit
        field.focus()

    @property
    def fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "md"

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        if path.suffix.lstrip(".") in {ext for ext, _ in FORMATS}:
            field.value = str(path.with_suffix(f".{self.fmt}"))

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(message))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _export(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self._error("Give a file name to save to.")
            return
        path = Path(value).expanduser()
        if path.is_dir():
            self._error(f"{path} is a folder; add a file name.")
            return
        problem = not_replaceable(path)
        if problem:
            self._error(problem)
            return
        if os.path.lexists(path):  # a dangling link too: it is replaced, not followed
            question = f"{path} already exists. Replace it?"
            self.app.push_screen(
                ConfirmScreen(question, yes="Replace", no="Keep it"),
                lambda yes: self._save(path, overwrite=True) if yes else None,
            )
            return
        self._save(path, overwrite=False)

    def _save(self, path: Path, *, overwrite: bool) -> None:
        extras = self.query_one("#export-extras", Checkbox).value
        named = path.suffix.lstrip(".").lower()
        fmt = named if named in {ext for ext, _ in FORMATS} else self.fmt  # the name wins
        try:
            written = self._write_file(path, self._make_content(fmt, extras), overwrite)
        except Exception as exc:  # the message is for the person; the dialog stays open
            self._error(str(exc) or exc.__class__.__name__)
            return
        self.dismiss(written)
