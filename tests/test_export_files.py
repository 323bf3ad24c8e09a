"""Export files: safe file names, careful writes that never overwrite unasked, the clipboard."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader import export
from reader.export import (
    NO_CLIPBOARD,
    ExportError,
    copy_local_clipboard,
    default_export_dir,
    safe_filename,
    write_export,
)


@pytest.mark.parametrize(
    ("title", "ext", "expected"),
    [
        ("../../etc/passwd", "md", "etc-passwd.md"),
        ("Port workers extend strike", "md", "port-workers-extend-strike.md"),
        ("a/b\\c:d*e?f", "txt", "a-b-c-d-e-f.txt"),
        ("..", "md", "article.md"),
        ("", "json", "article.json"),
        ("   ", "md", "article.md"),
        ("/", "md", "article.md"),
        ("\U0001f525\U0001f525", "md", "article.md"),
        (".bashrc", "md", "bashrc.md"),
        ("...hidden..name...", "md", "hidden-name.md"),
        ("\x1b[31mred\x07\x00", "md", "31mred.md"),
        ("left\u202eright\u200bzero", "md", "left-right-zero.md"),
        ("CON", "txt", "article-con.txt"),
        ("Zürich: Größe", "md", "zürich-grösse.md"),
        ("Report v2.1", ".json", "report-v2.1.json"),
        ("x", "../md", "x.md"),
    ],
)
def test_safe_filename(title: str, ext: str, expected: str) -> None:
    assert safe_filename(title, ext) == expected


def test_safe_filename_caps_length() -> None:
    assert len(safe_filename("word " * 200, "md").encode()) <= export.MAX_STEM_BYTES + 3
    assert safe_filename("a" * 1_000_000, "md") == "a" * export.MAX_STEM_BYTES + ".md"
    long_cjk = safe_filename("\u65b0\u805e" * 200, "md")
    assert len(long_cjk.encode()) <= export.MAX_STEM_BYTES + 3 and long_cjk.endswith(".md")


@given(st.text(max_size=300), st.sampled_from(["md", "txt", "json"]))
def test_safe_filename_always_stays_in_its_folder(title: str, ext: str) -> None:
    name = safe_filename(title, ext)
    assert name and not name.startswith(".") and ".." not in name
    assert "/" not in name and "\\" not in name and name.isprintable()
    assert len(name.encode()) <= 255 and name.endswith("." + ext)
    base = Path("/exports")
    assert (base / name).parent == base and os.path.normpath(base / name) == str(base / name)


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_write_creates_folders_and_writes_only_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "deep" / safe_filename("../../etc/passwd", "md")
    written = write_export(target, "caf\u00e9\n", create_folder=True)
    assert written == target and written.read_text(encoding="utf-8") == "caf\u00e9\n"
    assert _tree(tmp_path) == {"out", "out/deep", "out/deep/etc-passwd.md"}
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_no_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("precious")
    with pytest.raises(ExportError) as info:
        write_export(target, "new")
    assert str(info.value) == f"{target} exists; use --force to overwrite"
    assert target.read_text() == "precious" and _tree(tmp_path) == {"summary.md"}
    write_export(target, "new", overwrite=True)
    assert target.read_text() == "new" and _tree(tmp_path) == {"summary.md"}


def test_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.md"
    link.symlink_to(victim)
    with pytest.raises(ExportError, match="exists"):
        write_export(link, "x")
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere" / "file")
    with pytest.raises(ExportError, match="exists"):
        write_export(dangling, "x")
    assert not (tmp_path / "nowhere").exists()
    write_export(link, "export", overwrite=True)
    assert victim.read_text() == "keep me" and not link.is_symlink()
    assert link.read_text() == "export"


def test_write_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ExportError) as info:
        write_export(tmp_path / "file.txt" / "sub" / "out.md", "x", create_folder=True)
    assert "\n" not in str(info.value) and "cannot create the folder" in str(info.value)
    with pytest.raises(ExportError, match="no such folder"):  # a typo makes no new folder
        write_export(tmp_path / "exprots" / "out.md", "x")
    with pytest.raises(ExportError, match="is a folder"):
        write_export(tmp_path, "x")
    assert _tree(tmp_path) == {"file.txt"}


def test_default_export_dir(tmp_path: Path, monkeypatch) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path))
    assert default_export_dir() == tmp_path
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "none"))
    monkeypatch.chdir(tmp_path)
    assert default_export_dir() == tmp_path


@pytest.fixture
def fake_xclip(tmp_path: Path, monkeypatch) -> Path:
    """An `xclip` on PATH that saves what it is given, with a display to talk to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "xclip"
    script.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/args"\ncat > "{tmp_path}/clip"\n')
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return tmp_path


@pytest.mark.skipif(sys.platform != "linux", reason="pyperclip picks xclip on Linux only")
def test_clipboard_through_local_tool(fake_xclip: Path) -> None:
    assert copy_local_clipboard("summary \u2713") == "the clipboard (xclip)"
    assert (fake_xclip / "clip").read_text(encoding="utf-8") == "summary \u2713"
    assert (fake_xclip / "args").read_text().split() == ["-selection", "clipboard"]


@pytest.mark.skipif(sys.platform != "linux", reason="pyperclip picks xclip on Linux only")
def test_clipboard_tool_failure_is_reported(fake_xclip: Path) -> None:
    (fake_xclip / "bin" / "xclip").write_text("#!/bin/sh\necho cannot open display >&2\nexit 1\n")
    with pytest.raises(ExportError, match=r"^xclip could not copy \(exit status 1\)$"):
        copy_local_clipboard("x")


def test_no_clipboard_tool(monkeypatch) -> None:
    import pyperclip

    monkeypatch.setattr(pyperclip, "determine_clipboard", pyperclip.init_no_clipboard)
    with pytest.raises(ExportError) as info:
        copy_local_clipboard("x")
    assert str(info.value) == NO_CLIPBOARD


def test_no_pyperclip(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyperclip", None)
    with pytest.raises(ExportError, match="no clipboard tool found"):
        copy_local_clipboard("x")


def test_other_mechanisms_go_through_pyperclip(monkeypatch) -> None:
    import pyperclip

    copied = []

    def copy_qt(text: str) -> None:
        copied.append(text)

    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (copy_qt, None))
    assert copy_local_clipboard("hello") == "the clipboard (qt)" and copied == ["hello"]
