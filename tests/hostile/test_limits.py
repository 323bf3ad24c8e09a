"""Size and work limits, and failures kept to one file: big files and long texts in part."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from reader.analysis import pipeline
from reader.analysis.pipeline import analysed_part
from reader.library.loaders import load_article
from reader.library.text import MAX_BYTES


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short text", 100, "short text"),
        ("aaaa bbbb.\n\ncccc dddd.\n\neeee", 24, "aaaa bbbb.\n\ncccc dddd."),
        ("aaaa bbbb. cccc dddd. eeee ffff", 25, "aaaa bbbb. cccc dddd."),
        ("aaaa bbbb cccc dddd eeee ffff", 22, "aaaa bbbb cccc dddd"),
        ("x" * 50, 20, "x" * 20),
    ],
)
def test_analysed_part_cuts_at_a_break(text: str, limit: int, expected: str) -> None:
    assert analysed_part(text, limit) == expected
    assert text.startswith(expected)


def test_long_article_is_analysed_in_part_with_a_notice(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_ANALYSED_CHARS", 3000)
    para = '"The tide is late again," said Maria Lopez, the harbour master. Ships wait offshore.'
    path = tmp_path / "long.txt"
    path.write_text("Long story\n\n" + "\n\n".join([para] * 200), encoding="utf-8")
    article = load_article(path)
    analysis, notices = pipeline.analyze(article)
    assert any(
        n.startswith("long article: the summary, actors and quotes cover the first")
        for n in notices
    )
    assert analysis.summary and analysis.quotes
    for item in (*analysis.summary, *analysis.quotes):
        assert item.end <= 3000 and article.text[item.start : item.end] == item.text


def test_big_file_loads_its_first_part_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "The harbour board met again and talked about the tides for a long time.\n"
    path.write_text("Big file\n\n" + line * (MAX_BYTES // len(line) + 100), encoding="utf-8")
    article = load_article(path)
    assert article.notices == (f"too large, showing the first {MAX_BYTES // 1024:,} KB",)
    assert len(article.text) <= MAX_BYTES


def test_a_peek_bug_costs_one_file_not_the_list(tmp_path: Path, monkeypatch) -> None:
    scan_module = importlib.import_module("reader.library.scan")  # the package exports scan()

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Title {name}\n\nSome text about {name}.\n", encoding="utf-8")
    real = scan_module.peek_ref

    def flaky(path, **kwargs):
        if path.name == "b.txt":
            raise RuntimeError("boom")
        return real(path, **kwargs)

    monkeypatch.setattr(scan_module, "peek_ref", flaky)
    result = scan_module.scan([tmp_path])
    assert [r.path.name for r in result.refs] == ["a.txt", "c.txt"]
    assert [(e.path.name, e.reason) for e in result.errors] == [
        ("b.txt", "cannot open (RuntimeError: boom)")
    ]
