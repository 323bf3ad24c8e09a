"""Size and work limits: big files load in part, long texts are analysed in part, with notices."""

from __future__ import annotations

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
