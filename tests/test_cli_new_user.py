"""What a new user ran into on the command line (issue 17): help, limits and export targets."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from reader.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
ARTICLE = SAMPLES / "council-budget-vote.txt"


def reader(tmp_path: Path, *args: str) -> int:
    return main(["--config-dir", str(tmp_path / "config"), "--cache-dir",
                 str(tmp_path / "cache"), *args])  # fmt: skip


def test_help_is_a_subcommand_and_names_the_choices(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["help"]) == 0
    out = capsys.readouterr().out
    assert "usage: reader" in out and "reader help" in out
    assert main(["help", "export"]) == 0
    out = capsys.readouterr().out
    assert "--format" in out and "Markdown" in out and "lexrank" in out
    assert main(["help", "analyze"]) == 0
    assert "JSON contract" not in capsys.readouterr().out


def test_summary_length_has_the_readers_limits(tmp_path, capsys):
    assert reader(tmp_path, "analyze", str(ARTICLE), "--sentences", "50") == 2
    assert "--sentences must be from 1 to 20" in capsys.readouterr().err


def test_export_follows_the_file_name_and_stdout_dash(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "summary.json"
    assert reader(tmp_path, "export", str(ARTICLE), "-o", str(out)) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"].startswith("Riverton")
    capsys.readouterr()
    assert reader(tmp_path, "export", str(ARTICLE), "--format", "txt", "-o", "-") == 0
    text = capsys.readouterr().out
    title, underline = text.splitlines()[:2]
    assert len(title) > 72 and underline == "=" * len(title)  # the whole title underlined
    assert not (tmp_path / "-").exists()


def test_export_refuses_what_it_would_silently_get_wrong(tmp_path, capsys):
    typo = tmp_path / "exprots" / "out.md"
    assert reader(tmp_path, "export", str(ARTICLE), "-o", str(typo)) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not typo.parent.exists()
    assert reader(tmp_path, "export", str(ARTICLE), "--force") == 2
    assert "--force only applies with -o" in capsys.readouterr().err
    if Path("/proc").is_dir():
        assert reader(tmp_path, "export", str(ARTICLE), "-o", "/proc/x.md") == 2
        assert "takes no new files" in capsys.readouterr().err


def test_export_clipboard_falls_back_to_tmux(tmp_path, capsys, monkeypatch):
    from reader import export
    from reader.export import ExportError

    def no_tool(text: str) -> str:
        raise ExportError("no clipboard tool found")

    monkeypatch.setattr(export, "copy_local_clipboard", no_tool)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "tmux").write_text(f'#!/bin/sh\ncat > "{tmp_path}/buffer"\n')
    (bin_dir / "tmux").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-test,1,0")
    assert reader(tmp_path, "export", str(ARTICLE), "--clipboard") == 0
    assert "tmux's paste buffer" in capsys.readouterr().err
    assert "Riverton" in (tmp_path / "buffer").read_text(encoding="utf-8")


def test_analyze_folder_prints_a_line_per_article(tmp_path, capsys):
    root = tmp_path / "two"
    root.mkdir()
    shutil.copy(ARTICLE, root / ARTICLE.name)
    shutil.copy(SAMPLES / "bakery-profile.txt", root / "bakery-profile.txt")
    assert reader(tmp_path, "analyze", str(root)) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2
    assert "Riverton" in out and "Bakery" in out
    assert "analysed 1/2" in err


def test_help_on_an_unknown_command_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["help", "bogus"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        "reader: no such command: bogus (commands: analyze, export, feeds, help)"
    ]


def test_jobs_below_one_is_a_range_error(tmp_path, capsys):
    assert reader(tmp_path, "analyze", str(ARTICLE), "--jobs", "0") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["reader: --jobs must be at least 1"]
    assert reader(tmp_path, "analyze", str(SAMPLES), "--jobs", "0") == 2
    assert capsys.readouterr().err.strip().splitlines() == err


def test_export_clipboard_without_a_tool_gives_the_hint_once(tmp_path, capsys, monkeypatch):
    from reader import export
    from reader.cli import exporting
    from reader.export import NO_CLIPBOARD, ExportError

    def no_tool(text: str) -> str:
        raise ExportError(NO_CLIPBOARD)

    sent: list[str] = []
    monkeypatch.setattr(export, "copy_local_clipboard", no_tool)
    monkeypatch.setattr(exporting, "_send_to_terminal", lambda text: sent.append(text) or True)
    monkeypatch.delenv("TMUX", raising=False)
    assert reader(tmp_path, "export", str(ARTICLE), "--clipboard") == 0
    err = capsys.readouterr().err
    assert "OSC 52" in err and "Riverton" in sent[0]
    assert err.count("install xclip") == 1


def test_a_bad_file_among_good_ones_still_opens_the_reader(tmp_path, capsys, monkeypatch):
    from reader.tui import app as tui_app

    opened: list[list[Path]] = []
    monkeypatch.setattr(tui_app, "run_app", lambda paths, *rest: opened.append(paths) or 0)
    blob = tmp_path / "picture.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    missing = tmp_path / "gone.txt"
    assert reader(tmp_path, str(ARTICLE), str(blob), str(missing)) == 0
    assert opened == [[ARTICLE, blob, missing]]  # the list shows the bad ones as × rows
    assert capsys.readouterr().err == ""
    assert reader(tmp_path, str(blob), str(missing)) == 2  # nothing to open at all
    assert capsys.readouterr().err.splitlines() == [
        f"reader: {blob}: binary file, not text",
        f"reader: {missing}: no such file or directory",
    ]
