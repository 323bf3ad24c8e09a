"""`y` copies the summary through OSC 52 and the local clipboard; `e` exports it to a file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from reader import export
from reader.export import ExportError
from reader.tui.screens.confirm import ConfirmScreen
from reader.tui.screens.export import ExportScreen

from .conftest import settle


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_y_copies_through_both_paths(make_app, monkeypatch):
    local: list[str] = []
    monkeypatch.setattr(export, "copy_local_clipboard", lambda text: local.append(text) or "xclip")
    app = make_app()
    osc: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", osc.append)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        expected = export.render(app.screen.article, app.screen.analysis, "txt", extras=False)
        assert osc == [expected]
        assert local == [expected]
        assert "The Riverton City Council approved" in expected
        assert any("Copied the summary (3 sentences)" in n and "xclip" in n for n in notices(app))


async def test_y_without_any_clipboard_does_not_crash(make_app, monkeypatch):
    def no_tool(text: str) -> str:
        raise ExportError("no clipboard tool found")

    monkeypatch.setattr(export, "copy_local_clipboard", no_tool)
    monkeypatch.delenv("TMUX", raising=False)
    app = make_app()

    def broken_terminal(text: str) -> None:
        raise OSError("terminal gone")

    monkeypatch.setattr(app, "copy_to_clipboard", broken_terminal)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert any("OSC 52" in n and "install xclip" in n for n in notices(app))
        await pilot.press("j")  # still alive
        await settle(pilot)
        assert app.screen.current.name == "b-port.txt"


async def test_export_dialog_writes_and_asks_before_overwriting(make_app, monkeypatch, tmp_path):
    out = tmp_path / "exports"
    monkeypatch.setattr(export, "default_export_dir", lambda: out)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path", Input)
        target = out / "council-passes-budget-after-late-fight-over-library-hours.md"
        assert Path(field.value) == target
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Council passes budget")
        assert any(str(target) in n for n in notices(app))

        target.write_text("keep me", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep it
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # replace
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen | ConfirmScreen)
        assert target.read_text(encoding="utf-8").startswith("# Council passes budget")


async def test_export_format_choice_and_errors_stay_in_the_dialog(make_app, monkeypatch, tmp_path):
    monkeypatch.setattr(export, "default_export_dir", lambda: tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#export-format RadioButton", offset=(2, 0))  # Markdown, already on
        dialog = app.screen
        buttons = list(dialog.query("#export-format RadioButton"))
        await pilot.click(buttons[2])  # JSON
        await pilot.pause()
        field = dialog.query_one("#export-path", Input)
        assert field.value.endswith(".json")
        field.value = str(blocker / "inside" / "summary.json")
        await pilot.click("#export-ok")
        await pilot.pause()
        assert app.screen is dialog
        error = str(dialog.query_one("#export-error").render())
        assert "a-file" in error
        field.value = str(tmp_path / "ok.json")
        await pilot.pause(0.3)  # a button ignores clicks while it shows the last one
        await pilot.click("#export-ok")
        await pilot.pause()
        assert '"summary"' in (tmp_path / "ok.json").read_text(encoding="utf-8")


async def test_copy_and_export_wait_for_the_analysis(make_app, analyser):
    analyser.fail_for.add("a-budget.txt")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y", "e")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert any("not ready" in n for n in notices(app))
