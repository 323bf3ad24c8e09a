"""`reader analyze FOLDER`: exit codes, one line per bad file, JSON Lines, a warmed cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
GOOD = ("council-budget-vote.txt", "bakery-profile.txt")
KEYS = {"path", "title", "byline", "published", "source", "text", "summary", "actors", "quotes"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / GOOD[0], root / GOOD[0])
    shutil.copy(SAMPLES / GOOD[1], root / "sub" / GOOD[1])
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not text \x00" * 20)
    (root / "empty.md").write_bytes(b"")
    (root / "notes.csv").write_text("a,b\n")  # not an article format: skipped, not an error
    return root


def run(tmp_path: Path, *args: str) -> int:
    return main(["--config-dir", str(tmp_path / "config"), "--cache-dir",
                 str(tmp_path / "cache"), "analyze", *args])  # fmt: skip


def cache_entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").rglob("*.json"))


def test_some_bad_files_exit_2_with_one_line_each(tmp_path, folder, capsys):
    code = run(tmp_path, str(folder), "--json")
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.splitlines()
    binary = [line for line in lines if "binary.txt" in line]
    empty = [line for line in lines if "empty.md" in line]
    assert len(binary) == 1 and len(empty) == 1
    assert binary[0].startswith(f"reader: {folder / 'binary.txt'}: ")
    assert "Traceback" not in err
    assert "notes.csv" not in err
    assert "analysed 2 of 4 articles" in lines[-1]
    assert "2 failed" in lines[-1]
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["path"]).name for r in records] == list(GOOD)  # the folder's order
    for record in records:
        assert set(record) == KEYS
        for s in record["summary"]:
            assert record["text"][s["start"] : s["end"]] == s["text"]


def test_the_cache_is_warmed_so_a_second_run_needs_no_analysis(tmp_path, folder, capsys):
    run(tmp_path, str(folder))
    assert len(cache_entries(tmp_path)) == len(GOOD)
    capsys.readouterr()
    run(tmp_path, str(folder))
    err = capsys.readouterr().err
    assert f"({len(GOOD)} from the cache)" in err


def test_a_folder_of_good_articles_exits_0_with_a_line_for_each(tmp_path, capsys):
    root = tmp_path / "good"
    root.mkdir()
    for name in GOOD:
        shutil.copy(SAMPLES / name, root / name)
    assert run(tmp_path, str(root)) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [Path(line.split(": ")[0]).name for line in lines] == sorted(GOOD)
    assert all("summary sentences" in line and "actor" in line for line in lines)
    assert "analysed 1/2" in err  # progress for each article when stderr is a log
    assert "analysed 2 of 2 articles" in err


def test_no_cache_leaves_the_cache_empty(tmp_path, folder, capsys):
    run(tmp_path, str(folder), "--no-cache", "--sentences", "1")
    assert cache_entries(tmp_path) == []


def test_two_worker_processes_give_the_same_json_as_one(tmp_path, folder, capsys):
    assert run(tmp_path, str(folder), "--json", "--no-cache", "--jobs", "1") == 2
    one = capsys.readouterr().out
    assert run(tmp_path, str(folder), "--json", "--jobs", "2") == 2
    out, err = capsys.readouterr()
    assert out == one, err
    assert "2 worker processes" in err
    assert len(cache_entries(tmp_path)) == len(GOOD)


def test_an_empty_folder_and_a_bad_jobs_value_are_errors(tmp_path, folder, capsys):
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert run(tmp_path, str(empty)) == 2
    assert "no articles found" in capsys.readouterr().err
    assert run(tmp_path, str(folder), "--jobs", "0") == 2
    assert capsys.readouterr().err.strip() == "reader: --jobs must be at least 1"
