"""Saved web pages: what the page loader keeps from trafilatura's output and what it drops."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import load_article
from reader.library.htmlfallback import continued_body
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


# --- metadata: headline, byline, date ------------------------------------------------------


def meta_page(tmp_path: Path, head: str, top: str, name: str = "meta.html") -> Path:
    path = tmp_path / name
    path.write_text(
        f"<html><head>{head}</head><body><article>{top}{PARA * 4}</article></body></html>",
        encoding="utf-8",
    )
    return path


def test_the_shown_headline_wins_over_a_prefixed_social_title(tmp_path):
    head = '<meta property="og:title" content="Opinion | The levee cannot wait another winter">'
    top = "<h1>The levee cannot wait another winter</h1>"
    assert load_article(meta_page(tmp_path, head, top)).title == (
        "The levee cannot wait another winter"
    )


def test_a_headline_about_another_story_does_not_replace_the_title(tmp_path):
    head = '<meta property="og:title" content="River board approves the levee budget">'
    top = "<h1>Weekend markets return to the square</h1>"
    assert load_article(meta_page(tmp_path, head, top)).title == (
        "River board approves the levee budget"
    )


def test_the_site_is_not_the_author(tmp_path):
    head = (
        '<meta property="og:title" content="Levee vote">'
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta name="author" content="Valley Courier">'
    )
    assert load_article(meta_page(tmp_path, head, "<h1>Levee vote</h1>")).byline is None


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("Dana Whitfield Staff Writer", "Dana Whitfield"),
        ("Dana Whitfield. Valley Courier", "Dana Whitfield"),
        ("Dana Whitfield | Courier Media Group", "Dana Whitfield"),
        ("Text: Dana Whitfield", "Dana Whitfield"),
        ("The regional water and flood authorities", None),
    ],
)
def test_author_tags_give_names_only(tmp_path, author, byline):
    head = f'<meta property="og:title" content="Levee vote"><meta name="author" content="{author}">'
    assert load_article(meta_page(tmp_path, head, "<h1>Levee vote</h1>")).byline == byline


def test_the_byline_under_the_headline_adds_the_other_writers(tmp_path):
    head = (
        '<meta property="og:title" content="Levee vote">'
        '<meta name="author" content="Dana Whitfield">'
        '<meta property="article:published_time" content="2026-03-04T15:00:00Z">'
    )
    top = "<h1>Levee vote</h1><p>By Dana Whitfield, Omar Reyes and Lena Park</p>"
    assert load_article(meta_page(tmp_path, head, top)).byline == (
        "Dana Whitfield, Omar Reyes and Lena Park"
    )


@pytest.mark.parametrize(
    ("stamp", "shown", "day"),
    [
        ("2026-03-05T02:30:00Z", "March 4, 2026, 9:30 pm ET", "2026-03-04"),
        ("2026-03-05T02:30:00", "March 4, 2026, 9:30 pm ET", "2026-03-04"),
        ("2026-03-04T15:00:00Z", "March 5, 2026, 0:00 am", "2026-03-05"),
        ("2026-03-05T14:30:00Z", "March 4, 2026", "2026-03-05"),
    ],
)
def test_a_utc_stamp_yields_to_the_day_the_page_shows(tmp_path, stamp, shown, day):
    head = (
        '<meta property="og:title" content="Levee vote">'
        f'<meta property="article:published_time" content="{stamp}">'
    )
    top = f"<h1>Levee vote</h1><p>Dana Whitfield - {shown}</p>"
    assert load_article(meta_page(tmp_path, head, top)).published == day


# --- block kinds: subheadings and lists keep what they were ----------------------------------


def kinds_of(article) -> list[tuple[str, str]]:
    return [
        (k, article.text[a:b]) for k, (a, b) in zip(article.kinds, article.paragraphs, strict=True)
    ]


def test_html_subheadings_and_lists_are_marked(tmp_path):
    body = (
        PARA * 2 + "<h2>What the board asked for</h2>" + PARA
        + "<ul><li>Two new pumps before spring</li><li>A wider spillway</li></ul>" + PARA
    )  # fmt: skip
    blocks = kinds_of(load_article(page(tmp_path, body)))
    assert ("heading", "What the board asked for") in blocks
    assert ("list", "Two new pumps before spring\nA wider spillway") in blocks
    assert [k for k, _ in blocks if k] == ["heading", "list"]


def test_markdown_subheadings_and_lists_are_marked(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "# Levee vote\n\nThe river board met on a wet evening and voted for the levee work.\n\n"
        "## What happens next\n\n- Pumps first\n- Then the spillway\n\n"
        "Work starts in the spring, the board said, if the weather allows it.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert kinds_of(article) == [
        ("", "The river board met on a wet evening and voted for the levee work."),
        ("heading", "What happens next"),
        ("list", "Pumps first\nThen the spillway"),
        ("", "Work starts in the spring, the board said, if the weather allows it."),
    ]


def test_plain_text_says_nothing_about_kinds(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Levee vote\n\nThe river board met and voted for the levee work.\n", "utf-8")
    assert load_article(path).kinds == ()


def test_a_site_name_tag_holding_an_address_is_not_the_source(tmp_path):
    head = (
        '<meta property="og:title" content="Levee vote">'
        '<meta property="og:site_name" content="https://www.valleycourier.example">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Levee vote",'
        ' "publisher": {"@type": "Organization", "name": "Valley Courier"}}</script>'
    )
    assert load_article(meta_page(tmp_path, head, "<h1>Levee vote</h1>")).source == (
        "Valley Courier"
    )


def paras(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def boxes_page(far: bool) -> tuple[str, list[str], list[str]]:
    first = [
        f"Part one, paragraph {n}: the board heard from engineers, farmers and the mayor "
        "about the state of the old levee and the cost of waiting another year."
        for n in range(3)
    ]
    second = [
        f"Part two, paragraph {n}: after the break the members turned to money, and the "
        "treasurer set out how the work would be paid for over the next decade."
        for n in range(4)
    ]
    box = '<div class="story body">{}</div>'
    later = box.format(paras(second))
    if far:  # another story further down the page, in boxes of the same kind
        later = f"<section><div><div><div><div>{later}</div></div></div></div></section>"
    markup = (
        '<html><body><article><div class="chunks"><div class="row">'
        f"{box.format(paras(first))}</div>"
        '<div class="row ad"><p>Advertisement</p></div>'
        + (
            f'<div class="row">{later}</div></div></article>'
            if not far
            else "</div></article>" + later
        )
        + "</body></html>"
    )
    return markup, first, second


def test_a_body_cut_into_boxes_of_one_kind_is_read_whole():
    markup, first, second = boxes_page(far=False)
    assert continued_body(markup, first) == second


def test_a_box_of_the_same_kind_far_away_is_another_story():
    markup, first, _ = boxes_page(far=True)
    assert continued_body(markup, first) == []


def test_a_hover_card_inside_a_paragraph_is_not_text(tmp_path):
    card = (
        '<span class="pop"><a href="/people/dana">Dana Whitfield</a><span class="card">'
        '<img src="dana.jpg" alt=""><a href="/people/dana">Dana Whitfield</a>'
        '<a href="/s/1">Board delays the spillway again</a> '
        '<a href="/s/2">Farmers ask for a second bridge</a></span></span>'
    )
    body = (
        PARA * 2 + f"<p><span>The motion came from council member {card} (North Ward), who asked "
        "for the vote to be held before the spring rains.</span></p>" + PARA
    )
    text = load_article(page(tmp_path, body)).text
    assert "council member Dana Whitfield (North Ward), who asked" in text
    assert "second bridge" not in text
