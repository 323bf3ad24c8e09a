"""Issue 18: exports replace only regular files, follow the umask, make no stray folders,
and their messages fit where they are shown."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from reader import export
from reader.export import ExportError, write_export
from reader.state import ReadingState
from reader.tui.screens.confirm import ConfirmScreen
from reader.tui.screens.export import ExportScreen
from tests.tui.conftest import analyser, library, make_app, settle, state_file

__all__ = ["analyser", "library", "make_app", "state_file"]  # fixtures used here


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.md"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()
    else:
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    return path


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
def test_force_never_replaces_what_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    path = _special(tmp_path, kind)
    before = os.lstat(path).st_mode
    with pytest.raises(ExportError, match="not a regular file"):
        write_export(path, "summary\n", overwrite=True)
    assert os.lstat(path).st_mode == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no temp file left"


def test_an_exported_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        written = write_export(tmp_path / "private.md", "summary\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_dot_dot_through_a_missing_folder_makes_no_folder(tmp_path: Path) -> None:
    for create in (False, True):
        with pytest.raises(ExportError, match="no such folder"):
            write_export(tmp_path / "nodir" / ".." / "x.md", "summary\n", create_folder=create)
    assert list(tmp_path.iterdir()) == []


def test_a_state_file_that_is_a_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "state.db").mkdir()
    store = ReadingState.open(tmp_path / "state.db")
    assert not store.persistent
    assert (
        store.warning
        == f"state file {tmp_path / 'state.db'} is a folder; reading state will not be saved"
    )
    store.close()


def test_a_state_file_that_is_a_fifo_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "state.db")
    store = ReadingState.open(tmp_path / "state.db")
    assert not store.persistent and "not a regular file" in (store.warning or "")
    store.close()


async def _export_to(app, pilot, target: Path) -> None:
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#export-path", Input).value = str(target)
    await pilot.press("enter")
    await pilot.pause()


def _dialog_error(app) -> str:
    return " ".join(str(w.render()) for w in app.screen.query(Static) if w.display)


async def test_the_dialog_never_replaces_a_fifo(make_app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(export, "default_export_dir", lambda: tmp_path)
    fifo = _special(tmp_path, "fifo")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _export_to(app, pilot, fifo)
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")  # were it asked, Replace must still refuse
            await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "not a regular file" in _dialog_error(app)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


async def test_the_dialog_asks_before_replacing_a_dangling_link(
    make_app, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(export, "default_export_dir", lambda: tmp_path)
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "nowhere.md")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _export_to(app, pilot, link)
        assert "--force" not in _dialog_error(app)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen | ConfirmScreen)
    assert link.is_file() and not link.is_symlink()
    assert not (tmp_path / "nowhere.md").exists(), "the link is replaced, not followed"
