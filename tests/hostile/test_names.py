"""Hostile file names: shown escaped on stderr, encodable and exact in every output."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.text.unsafe import printable

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
BODY = 'Harbour news\n\nThe harbour board met on Tuesday. "We cannot wait," said Maria Lopez.\n'


def test_printable_escapes_what_a_terminal_would_act_on() -> None:
    assert printable("a\x1b]0;t\x07b\nc\x9bd\u202ee\udcfff.txt") == (
        "a\\x1b]0;t\\x07b\\x0ac\\x9bd\\u202ee\\xfff.txt"
    )
    assert printable("Café – 日本 “ok”") == "Café – 日本 “ok”"


@pytest.fixture
def dirs(tmp_path: Path) -> list[str]:
    return ["--config-dir", str(tmp_path / "config"), "--cache-dir", str(tmp_path / "cache")]


def test_error_line_escapes_the_file_name(tmp_path: Path, dirs, capsys) -> None:
    path = tmp_path / "evil\x1b]0;pwned\x07\n\x1b[2J.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert main(["export", *dirs, str(path)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"reader: {tmp_path}/evil\\x1b]0;pwned\\x07\\x0a\\x1b[2J.txt: binary file, not text\n"
    )


def _name_not_utf8(folder: Path) -> Path:
    raw = os.fsencode(folder) + b"/caf\xe9-\xff \xe2\x80\xae \xc2\x9b.txt"
    with open(raw, "wb") as fh:
        fh.write(BODY.encode())
    return Path(os.fsdecode(raw))


def test_json_keeps_the_exact_path_of_a_name_that_is_not_utf8(tmp_path: Path, dirs, capsys) -> None:
    path = _name_not_utf8(tmp_path)
    assert main(["export", "--format", "json", *dirs, str(path)]) == 0
    out = capsys.readouterr().out
    assert not RAW.search(out)
    assert json.loads(out)["path"] == str(path)  # round-trips to the same bytes on disk


def test_text_export_of_a_name_that_is_not_utf8(tmp_path: Path, dirs, capsys) -> None:
    path = _name_not_utf8(tmp_path)
    assert main(["export", "--format", "txt", *dirs, str(path)]) == 0
    out = capsys.readouterr().out
    assert not RAW.search(out) and "caf\ufffd-\ufffd" in out
    target = tmp_path / "out.md"
    assert main(["export", "-o", str(target), *dirs, str(path)]) == 0
    assert not RAW.search(target.read_text(encoding="utf-8"))


def test_link_loops_and_dangling_links_are_named(tmp_path: Path, dirs, capsys) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    assert main(["analyze", *dirs, str(tmp_path / "a.txt")]) == 2
    assert main(["analyze", *dirs, str(tmp_path / "gone.txt")]) == 2
    assert main(["analyze", *dirs, str(tmp_path / "none.txt")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"reader: {tmp_path}/a.txt: symbolic link loop",
        f"reader: {tmp_path}/gone.txt: broken symbolic link",
        f"reader: {tmp_path}/none.txt: no such file or directory",
    ]


def test_reading_state_keeps_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    from reader.state import ReadingState, path_key

    path = _name_not_utf8(tmp_path)
    state = ReadingState.open(tmp_path / "config" / "state.db")
    state.set_last_article("a1", path)
    state.set_read("a1", path, True)
    state.set_position("a1", path, 3, 0.5)
    state.set_read("b2", tmp_path / "plain.txt", True)
    assert state.warning is None
    state.close()
    state = ReadingState.open(tmp_path / "config" / "state.db")
    assert state.read_paths() == {path_key(path), path_key(tmp_path / "plain.txt")}
    assert state.is_read("a1", path) and state.position("a1", path).paragraph == 3
    assert state.last_article() == ("a1", path_key(path))
    state.close()
