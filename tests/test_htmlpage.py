"""Saved web pages: what the page loader keeps from trafilatura's output and what it drops."""

from __future__ import annotations

from pathlib import Path

from reader.library import load_article
from reader.library.htmlpage import _choose_run, _Units

PARA = (
    "<p>The river board met on a wet Tuesday evening to weigh the cost of the new levee, "
    "and most of the members said the work could not wait another winter.</p>"
)


def page(tmp_path: Path, body: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(
        "<html><head><title>Levee vote</title></head><body><article>"
        f"<h1>Levee vote</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    return path


def test_table_rows_are_not_taken_for_menu_rows(tmp_path):
    rows = "".join(
        f"<tr><td>{n}</td><td>Crew {name}</td><td>{90 - n}</td></tr>"
        for n, name in enumerate(["North", "South", "East", "West"], start=1)
    )
    body = (
        PARA * 3 + "<table><tr><th>Rank</th><th>Team</th><th>Points</th></tr>" + rows + "</table>"
    )
    text = load_article(page(tmp_path, body)).text
    assert "Rank | Team | Points" in text
    assert "4 | Crew West | 86" in text


def test_text_after_a_heading_outside_any_paragraph_is_kept(tmp_path):
    loose = (
        "The second half of the meeting turned to the pumps, which have failed twice "
        "since the spring and need parts that take months to arrive."
    )
    body = PARA * 2 + f"<h2>Pumps</h2>{loose}" + PARA
    text = load_article(page(tmp_path, body)).text
    assert loose in text


def units(*texts: str) -> _Units:
    found = _Units()
    for text in texts:
        found.add(text)
    return found


def test_a_tiny_precise_block_yields_to_the_recall_run():
    notice = units("This story first ran in the weekly edition and is reprinted here.")
    article = [
        f"Paragraph {n} of the article says something long enough to count " * 3 for n in range(6)
    ]
    assert _choose_run(notice, units(*article, notice.texts[0])).texts[0] == article[0]


def test_a_precise_article_is_kept_over_a_longer_recall_run():
    article = [
        f"Paragraph {n} of the article says something long enough to count " * 3 for n in range(6)
    ]
    comments = [
        f"Reader comment {n} goes on and on about something else entirely " * 3 for n in range(9)
    ]
    assert _choose_run(units(*article), units(*article, *comments)).texts == article
