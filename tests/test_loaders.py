"""Loaders on real files: metadata, readable bodies, sniffing, errors and size limits."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader.library import ArticleLoadError, load_article, peek_ref
from reader.library.dates import parse_date
from reader.library.meta import parse_byline, parse_date_line
from reader.library.models import content_id
from reader.library.text import MAX_BYTES

FIXTURES = Path(__file__).parent / "fixtures"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# --- HTML ----------------------------------------------------------------------------------


def test_saved_news_page_metadata_and_clean_body():
    article = load_article(FIXTURES / "saved_news_page.html")
    assert article.format == "html"
    assert article.title == "Harbour ferry fares to rise 12% in spring"
    assert article.byline == "Priya Okonkwo-Hale"
    assert article.published == "2026-01-19"
    assert article.source == "The Millbrook Courier"
    paras = paragraphs(article.text)
    assert paras[0].startswith("MILLBROOK — Passengers on the harbour ferry")
    assert paras[-1] == "The new fares take effect on April 6."
    assert '"We are not moving," she said.' in paras
    for debris in (
        "Skip to main content", "cookies", "Sign in", "Subscribe", "Share this article",
        "Facebook", "Copy link", "Photo:", "newsletter", "By submitting", "Related articles",
        "County budget gap", "Most read", "Follow us", "All rights reserved", "Privacy Policy",
        "Transport Reporter",
    ):  # fmt: skip
        assert debris not in article.text, debris


def test_html_keeps_curly_quotes_and_paragraph_breaks():
    article = load_article(FIXTURES / "saved_news_page.html")
    assert "\u201cNobody on this board wanted to do this,\u201d said Teresa Vidal" in article.text
    assert "\n\n\n" not in article.text
    assert len(article.paragraphs) == 8


def test_html_falls_back_to_title_and_meta_tags(tmp_path):
    page = write(
        tmp_path,
        "note.html",
        "<html><head><title>Library hours cut | Valley Post</title>"
        '<meta name="author" content="By Jo Bloggs">'
        '<meta property="article:published_time" content="2025-12-01T08:00:00Z"></head>'
        "<body><p>The library will close early on Friday for staff training, the council said."
        "</p><p>It reopens on Saturday morning at the usual time.</p></body></html>",
    )
    article = load_article(page)
    assert article.title == "Library hours cut"
    assert article.byline == "Jo Bloggs"
    assert article.published == "2025-12-01"
    assert article.text.startswith("The library will close early")


PROSE_P = "<p>The board met for four hours on Tuesday and voted to keep both libraries open.</p>"


def test_html_json_ld_authors_and_local_day(tmp_path):
    page = write(
        tmp_path,
        "ld.html",
        "<html><head><title>Pipes to be replaced - The Ledger</title>"
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"WebSite","name":"The Ledger"},{"@type":"NewsArticle","headline":'
        '"Pipes to be replaced","datePublished":"2026-03-08T22:47:00-05:00","author":['
        '{"@type":"Person","name":"Dana Whit"},{"@type":"Person","name":"Ravi Meno"}],'
        '"publisher":{"@type":"Organization","name":"The Ledger"}}]}</script></head><body>'
        + PROSE_P * 3
        + "</body></html>",
    )
    article = load_article(page)
    assert (article.title, article.byline) == ("Pipes to be replaced", "Dana Whit and Ravi Meno")
    assert (article.published, article.source) == ("2026-03-08", "The Ledger")
    ref = peek_ref(page)
    assert (ref.title, ref.published, ref.source) == (
        "Pipes to be replaced",
        "2026-03-08",
        "The Ledger",
    )


def test_html_byline_and_date_only_as_visible_lines(tmp_path):
    page = write(
        tmp_path,
        "visible.html",
        "<html><head><title>Frost hits orchards \u2013 The Valley Sentinel</title></head><body>"
        '<div class="logo">The Valley Sentinel</div><h2>Frost hits orchards</h2>'
        "<div>By Jane Roe | March 4, 2026 at 11:40 p.m. EST</div>" + PROSE_P * 3 + "</body></html>",
    )
    article = load_article(page)
    assert (article.title, article.byline) == ("Frost hits orchards", "Jane Roe")
    assert (article.published, article.source) == ("2026-03-04", "The Valley Sentinel")
    assert (peek_ref(page).title, peek_ref(page).published) == ("Frost hits orchards", "2026-03-04")


def test_html_site_name_from_title_when_og_title_is_bare(tmp_path):
    page = write(
        tmp_path,
        "og.html",
        "<html><head><title>A Town\u2019s Bet on a Battery - The Metro Times</title>"
        '<meta property="og:title" content="A Town\u2019s Bet on a Battery"></head><body>'
        + PROSE_P * 3
        + "<footer>\u00a9 2026 The Metro Times Company</footer></body></html>",
    )
    assert load_article(page).source == peek_ref(page).source == "The Metro Times"


def test_html_date_from_a_dated_permalink(tmp_path):
    page = write(
        tmp_path,
        "permalink.html",
        "<html><head><title>Seals return to the bay \u2013 Bayside Notes</title>"
        '<link href="https://bayside.example/2026/03/04/seals/" rel="canonical"></head><body>'
        "<h1>Seals return to the bay</h1>" + PROSE_P * 3 + "</body></html>",
    )
    assert load_article(page).published == peek_ref(page).published == "2026-03-04"


def test_html_site_name_before_the_headline_in_title(tmp_path):
    page = write(
        tmp_path,
        "prefix.html",
        "<html><head><title>County Register | Covered bridge reopens after restoration</title>"
        "</head><body><div>County Register</div><div><b>Covered bridge reopens after "
        "restoration</b><br>By Walt Ennis<br><br>" + PROSE_P * 3 + "</div></body></html>",
    )
    article = load_article(page)
    assert article.title == "Covered bridge reopens after restoration"
    assert article.source == "County Register"


def test_html_utc_stamp_yields_to_the_day_the_page_shows(tmp_path):
    head = (
        "<html><head><title>Farmhouse fire</title>"
        '<meta property="og:site_name" content="News 9">'
        '<meta property="article:published_time" content="2026-02-21T01:15:00Z"></head><body>'
        "<h1>Farmhouse fire</h1>"
    )
    shown = write(tmp_path, "shown.html", head + "<div>Published: Feb. 20, 2026 at 8:15 PM EST"
                  "</div>" + PROSE_P * 3 + "</body></html>")  # fmt: skip
    hidden = write(tmp_path, "hidden.html", head + PROSE_P * 3 + "</body></html>")
    assert load_article(shown).published == peek_ref(shown).published == "2026-02-20"
    assert load_article(hidden).published == "2026-02-21"


def test_html_too_deep_for_a_parser_still_loads(tmp_path):
    page = write(
        tmp_path,
        "deep.html",
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * 10_000
        + "<p>The harbour board met on Tuesday to discuss the dredging plan for the port.</p>"
        + "<script>var hidden = 1;</script>"
        + "</div>" * 10_000
        + "</body></html>",
    )
    article = load_article(page)
    assert article.title == "Deep page"
    assert article.text == (
        "The harbour board met on Tuesday to discuss the dredging plan for the port."
    )


def test_html_without_dates_does_not_invent_one(tmp_path):
    page = write(
        tmp_path,
        "plain.html",
        "<html><head><title>Untitled notes</title></head><body><div>"
        + "<p>A paragraph of ordinary prose that goes on for a while to look like text.</p>" * 4
        + "</div><footer>© 2025 Example Inc.</footer></body></html>",
    )
    assert load_article(page).published is None


def test_html_entities_cannot_smuggle_control_characters(tmp_path):
    page = write(
        tmp_path,
        "evil.html",
        "<html><head><title>Bad &#27;[31mtitle&#x202E;</title></head><body>"
        "<p>Text with an escape &#27;[2J and a bidi override &#x202E;here, long enough to "
        "count as the body of a story that someone might want to read.</p></body></html>",
    )
    article = load_article(page)
    for field in (article.title, article.text):
        assert "\x1b" not in field and "\u202e" not in field


def test_html_windows_character_references_and_double_breaks(tmp_path):
    page = write(
        tmp_path,
        "old.html",
        "<html><head><title>Old page</title></head><body><div><font size=5><b>Mill reopens"
        "</b></font><br>By Ann Bell, Staff Writer<br>Posted: 01/17/2026<br><br>"
        "LEITH &#151; The mill reopened on Saturday after a two-year restoration by volunteers"
        " from the town.<br><br>&#147;We did it,&#148; said the society&#146;s president, who"
        " led the work on the weekends.<br><br>The mill is open from dawn to dusk.</div>"
        "</body></html>",
    )
    article = load_article(page)
    assert article.byline == "Ann Bell"
    assert article.published == "2026-01-17"
    assert paragraphs(article.text) == [
        "LEITH \u2014 The mill reopened on Saturday after a two-year restoration by volunteers"
        " from the town.",
        "\u201cWe did it,\u201d said the society\u2019s president, who led the work on the"
        " weekends.",
        "The mill is open from dawn to dusk.",
    ]


# --- plain text ----------------------------------------------------------------------------


def test_scraped_text_metadata():
    article = load_article(FIXTURES / "scraped_article.txt")
    assert article.format == "txt"
    assert article.title.startswith("Eastbrook orders boil-water notice for 9,000 homes")
    assert article.byline == "Tomasz Reyes and Ama Boateng"
    assert article.published == "2026-03-03"
    assert article.source == "The Eastbrook Gazette"


def test_scraped_text_body_has_no_debris_and_keeps_prose():
    article = load_article(FIXTURES / "scraped_article.txt")
    paras = paragraphs(article.text)
    assert paras[0].startswith("EASTBROOK, Vt. — About 9,000 homes")  # dateline stays
    assert paras[-1].startswith("Schools in the affected area")
    # Short real paragraphs: a one-line quote and two subheadings.
    assert '"We are not moving," she said.' in paras
    assert "A system near the end of its life" in paras
    assert "What residents should do" in paras
    for debris in (
        "Skip to content", "Menu", "Home ›", "Sign in", "Metro Desk", "Published", "Updated",
        "Share on", "Copy link", "Ines Vardy", "Advertisement", "Newsletter", "Morning Brief",
        "Enter your email", "Sign up", "By signing up", "Read more", "Most read",
        "Ice jam closes", "Topics:", "Follow us", "About us", "©",
    ):  # fmt: skip
        assert debris not in article.text, debris


@pytest.mark.parametrize(
    ("name", "title", "byline", "published", "source", "first", "last"),
    [
        (
            "scraped_broadcaster.txt",
            "Rail strike called off after late-night talks",
            "Kemi Adeyemi",
            None,
            "Northern Broadcasting",
            "A planned rail strike",
            "Passengers who had already bought refunds",
        ),
        (
            "scraped_daily.txt",
            "Harbour seals return to the Thames estuary in record numbers",
            "Lena Morris",
            "2024-03-12",
            None,
            "Survey counts 1,100 seals",
            "\"It's a real sign",
        ),
    ],
)
def test_other_site_layouts(name, title, byline, published, source, first, last):
    # Two more layouts, with menus, captions, relative times, name-only bylines and
    # topic lists the rules were not written against line by line.
    article = load_article(FIXTURES / name)
    assert (article.title, article.byline, article.published, article.source) == (
        title,
        byline,
        published,
        source,
    )
    paras = paragraphs(article.text)
    assert paras[0].startswith(first)
    assert paras[-1].startswith(last)
    assert '"' in article.text  # the short quote paragraphs survive
    for debris in (
        "Accessibility", "account", "Share", "Save", "ago", "Image", "correspondent",
        "Related", "More on", "Top Stories", "Elsewhere", "Sign up", "Copyright",
        "more than 2 years old", "Explore", "Marine life", "Reuse", "Most viewed",
        "Comments", "Sponsored",
    ):  # fmt: skip
        assert debris not in article.text, debris


def test_plain_text_title_byline_date_are_not_body(tmp_path):
    path = write(
        tmp_path,
        "story.txt",
        "Council approves new bus lanes\nBy Jane Q. Public, Staff Writer\nFeb. 14, 2026\n\n"
        "CITY — The council approved new bus lanes on Tuesday after a long debate that "
        "stretched past midnight.\n\nThe lanes open in May.\n",
    )
    article = load_article(path)
    assert (article.title, article.byline, article.published) == (
        "Council approves new bus lanes",
        "Jane Q. Public",
        "2026-02-14",
    )
    assert article.text.startswith("CITY — The council approved")
    assert "Staff Writer" not in article.text


def test_hard_wrapped_text_is_reflowed(tmp_path):
    path = write(
        tmp_path,
        "wrapped.txt",
        "Harbour dredging to begin in June\n\n"
        "The port authority said on Monday that dredging of the inner harbour would\n"
        "begin in June and last about eleven weeks, closing two berths at a time to\n"
        "allow the work to proceed safely.\n\n"
        "Fishing boats will be moved to the north quay.\n",
    )
    article = load_article(path)
    assert article.title == "Harbour dredging to begin in June"
    assert paragraphs(article.text) == [
        "The port authority said on Monday that dredging of the inner harbour would begin in "
        "June and last about eleven weeks, closing two berths at a time to allow the work to "
        "proceed safely.",
        "Fishing boats will be moved to the north quay.",
    ]


def test_dateline_date_used_when_no_date_line(tmp_path):
    path = write(
        tmp_path,
        "dateline.txt",
        "Storm closes schools\n\nLONDON, 12 January 2026 — Schools across the south were "
        "closed on Monday as a storm brought winds of up to 90 mph to the coast.\n",
    )
    article = load_article(path)
    assert article.published == "2026-01-12"
    assert article.text.startswith("LONDON, 12 January 2026 — Schools")


# --- Markdown ------------------------------------------------------------------------------

MARKDOWN = """---
title: "Mill Creek trail reopens after two-year rebuild"
author: Devika Rao
date: 2026-04-09
source: The Valley Lantern
---

# Mill Creek trail reopens after two-year rebuild

The **Mill Creek** trail reopened on *Thursday* after a rebuild that cost
[$4.2 million](https://example.org/budget "budget") and took `two years`.

![A runner on the new boardwalk](trail.jpg)

## What changed

- A new boardwalk over the _wetland_
- Two bridges, rebuilt
* Lighting at the *north* entrance

1. Phase one: the boardwalk
2. Phase two: the bridges

> "It feels like a different place," said Lena Ortiz, who runs there every morning.

---

Snake\\_case_names and 2*3*4 arithmetic stay as written.
"""


def test_markdown_front_matter_and_readable_prose(tmp_path):
    article = load_article(write(tmp_path, "trail.md", MARKDOWN))
    assert article.format == "md"
    assert article.title == "Mill Creek trail reopens after two-year rebuild"
    assert article.byline == "Devika Rao"
    assert article.published == "2026-04-09"
    assert article.source == "The Valley Lantern"
    paras = paragraphs(article.text)
    assert paras[0] == (
        "The Mill Creek trail reopened on Thursday after a rebuild that cost $4.2 million "
        "and took two years."
    )
    assert "What changed" in paras
    assert (
        "A new boardwalk over the wetland\nTwo bridges, rebuilt\nLighting at the north entrance"
        in paras
    )
    assert "1. Phase one: the boardwalk\n2. Phase two: the bridges" in paras
    assert (
        '"It feels like a different place," said Lena Ortiz, who runs there every morning.' in paras
    )
    for noise in ("**", "](", "![", "`", "# ", "- A new", "> ", "---", "trail.jpg"):
        assert noise not in article.text, noise
    assert "Snake_case_names and 2*3*4 arithmetic stay as written." in paras


def test_markdown_clipped_from_a_web_page():
    article = load_article(FIXTURES / "clipped_page.md")
    assert article.title == "Library to stay open on Sundays after petition"
    assert article.byline == "Ola Nordmann"
    assert article.published == "2026-02-14"
    assert paragraphs(article.text) == [
        "The county library will open on Sundays from next month after more than 3,000 "
        "residents signed a petition, the county board said on Friday.",
        '"People asked, and we listened," said board chair Ruth Obi.',
        "The change costs about $120,000 a year.",
    ]


def test_markdown_from_a_note_taking_clipper(tmp_path):
    path = write(
        tmp_path,
        "clip.md",
        '---\ntitle: "Ferry fares rise"\nsource: "https://www.harbourpost.example/news/fares/"'
        '\nauthor:\n  - "[[Ines Vardy]]"\npublished: 2026-02-17T06:00:00-08:00\n'
        "created: 2026-02-19\n---\n![](https://img.example/a.jpg)\n\n"
        "The ferry board raised fares by a tenth on Monday after a long and angry meeting.\n",
    )
    article = load_article(path)
    assert (article.byline, article.published) == ("Ines Vardy", "2026-02-17")
    assert article.source == "harbourpost.example"
    assert peek_ref(path).source == "harbourpost.example"
    two = write(
        tmp_path,
        "clip-two.md",
        '---\ntitle: "Dairy farms dwindle | Valley Record"\nsource: "https://vr.example/a"\n'
        'author:\n  - "Nora Feld"\n  - "Aziz Rahimi"\n---\nTwenty years ago there were 61 '
        "dairy farms in the county and today there are nine.\n",
    )
    article = load_article(two)
    assert (article.title, article.byline) == ("Dairy farms dwindle", "Nora Feld and Aziz Rahimi")
    assert article.source == peek_ref(two).source == "Valley Record"


def test_markdown_clip_with_page_title_and_excerpt_box(tmp_path):
    path = write(
        tmp_path,
        "clip2.md",
        "# Tidal project wins approval for phase two | Coastal Times\n\n> ## Excerpt\n> The"
        " developer says twelve more turbines could power 30,000 homes.\n\n---\nPlanning "
        "officials approved the second phase of the tidal project on Tuesday morning.\n\n"
        "By **Harriet Ng**, Energy Correspondent\n\nPublished: 11 February 2026\n\n"
        "The first four turbines have produced more power than forecast, the developer said.\n",
    )
    article = load_article(path)
    assert article.title == "Tidal project wins approval for phase two"
    assert (article.byline, article.published) == ("Harriet Ng", "2026-02-11")
    assert article.source == peek_ref(path).source == "Coastal Times"
    assert article.text.startswith("Planning officials") and "Excerpt" not in article.text


def test_wire_dateline_names_the_agency(tmp_path):
    path = write(
        tmp_path,
        "wire.txt",
        "Airport staff walk out\n\nBy Ann Lee\n\nLONDON, March 10 (Reuters) - Ground staff at"
        " three airports began a strike on Tuesday after talks on pay broke down.\n\n"
        "(Reporting by Ann Lee; Editing by Bo Kim)\n",
    )
    article = load_article(path)
    assert article.source == peek_ref(path).source == "Reuters"
    assert article.text.endswith("talks on pay broke down.")


def test_reader_view_copy_and_capital_masthead(tmp_path):
    path = write(
        tmp_path,
        "view.txt",
        "THE TOWN LETTER\nThe last ferryman of the sound\nOwen Castle\n12\u201315 minutes\n\n"
        "Every morning at a quarter to seven the ferryman unties his launch and crosses.\n\n"
        "He has done it for forty years, in every weather, for anyone who waits.\n\n"
        "Share The Town Letter with a friend.\n",
    )
    article = load_article(path)
    assert article.title == "The last ferryman of the sound"
    assert article.byline == "Owen Castle"
    assert article.source == "The Town Letter"
    assert article.text.startswith("Every morning") and "minutes" not in article.text


def test_markdown_without_front_matter(tmp_path):
    path = write(
        tmp_path,
        "heat.md",
        "# City opens cooling centres\n\n*By Ana Lim and Ben Ode | Health Desk*\n\n"
        "**Published** Tue February 3, 2026\n\n"
        "The city opened nine cooling centres on Monday as temperatures climbed past 40C.\n",
    )
    article = load_article(path)
    assert article.title == "City opens cooling centres"
    assert article.byline == "Ana Lim and Ben Ode"
    assert article.published == "2026-02-03"
    assert article.text == (
        "The city opened nine cooling centres on Monday as temperatures climbed past 40C."
    )


# --- bylines and dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Elena Marsh", "Elena Marsh"),
        ("by Marguerite Oyelowo-Hart, Staff Writer", "Marguerite Oyelowo-Hart"),
        ("By Priya Natarajan and Tom Elkins", "Priya Natarajan and Tom Elkins"),
        ("By Gareth Pryce | Sports Desk", "Gareth Pryce"),
        ("By Ana Ruiz, Ben Stone and Cal Dee", "Ana Ruiz, Ben Stone and Cal Dee"),
        ("By Tobias Wren, Special Correspondent", "Tobias Wren"),
        ("BY JOHN SMITH", "JOHN SMITH"),
        ("By Luis de la Cruz in Madrid", "Luis de la Cruz"),
        ("By Sam Ode for The Herald", "Sam Ode"),
        ("By Elena Marsh · 3 Mar 2026", "Elena Marsh"),
        ("Written by Kim Park", "Kim Park"),
        ("Author: Kim Park", "Kim Park"),
        ("Posted by Sam Okafor on March 4, 2026 at 5:12 pm", "Sam Okafor"),
    ],
)
def test_byline_names_only(line, names):
    assert parse_byline(line)[0] == names


@pytest.mark.parametrize(
    "line", ["By the end of the day, most had left.", "by noon", 'By "Sam"', "Bylaws were changed."]
)
def test_not_a_byline(line):
    assert parse_byline(line)[0] is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 3, 2026", "2026-03-03"),
        ("12 January 2026", "2026-01-12"),
        ("2026-02-14", "2026-02-14"),
        ("Sat 7 March 2026", "2026-03-07"),
        ("Tue February 3, 2026", "2026-02-03"),
        ("Feb. 14, 2026", "2026-02-14"),
        ("Sept. 4, 2025", "2025-09-04"),
        ("Published March 3, 2026, 6:00 a.m. ET", "2026-03-03"),
        ("Updated: 9:41 AM EST, Tue February 3, 2026", "2026-02-03"),
        ("2026-05-21T14:30:00Z", "2026-05-21"),
        ("1st of May 2026", "2026-05-01"),
        ("2026/11/17", "2026-11-17"),
        ("Posted: 01/17/2026", "2026-01-17"),
        ("17/01/2026", "2026-01-17"),
        ("17.01.2026", "2026-01-17"),
        ("03/04/2026", None),
        ("February 30, 2026", None),
        ("no date here", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Issue 212 | Thursday, January 22, 2026", "2026-01-22"),
        ("April 2, 2026 10:14 AM GMT · Updated 2 hours ago", "2026-04-02"),
        ("Updated March 4, 2026 | Published March 3, 2026", "2026-03-03"),
        ("March 3, 2026 | 5 min read", "2026-03-03"),
        ("Election night | March 3, 2026", None),
        ("The vote on March 3, 2026 | a recap", None),
    ],
)
def test_date_stamp_lines_with_furniture(line, iso):
    assert parse_date_line(line)[0] == iso


# --- formats, sniffing and identity --------------------------------------------------------


def test_extension_chooses_loader_and_sniffing_covers_the_rest(tmp_path):
    html = (FIXTURES / "saved_news_page.html").read_text(encoding="utf-8")
    assert load_article(write(tmp_path, "page", html)).format == "html"
    assert load_article(write(tmp_path, "page.article", html)).format == "html"
    assert load_article(write(tmp_path, "notes", MARKDOWN)).format == "md"
    assert load_article(write(tmp_path, "story.HTM", html)).format == "html"
    assert load_article(write(tmp_path, "story.markdown", MARKDOWN)).format == "md"
    plain = "A title\n\nSome text of an article that is long enough to be the body here.\n"
    assert load_article(write(tmp_path, "README", plain)).format == "txt"


def test_id_follows_content_not_path(tmp_path):
    first = load_article(write(tmp_path, "a.txt", "Title\n\nThe same words in both files.\n"))
    second = load_article(write(tmp_path, "b.txt", "Title\n\nThe same words in both files.\n"))
    assert first.id == second.id == content_id(first.text)
    assert first.path != second.path


# --- errors --------------------------------------------------------------------------------


def reason(path: Path) -> str:
    with pytest.raises(ArticleLoadError) as info:
        load_article(path)
    assert info.value.path == path
    assert "\n" not in info.value.reason
    return info.value.reason


def test_error_reasons(tmp_path):
    assert reason(write(tmp_path, "doc.pdf", b"%PDF-1.7\n")).startswith(
        "not a supported article format"
    )
    assert reason(write(tmp_path, "empty.txt", b"")) == "empty file"
    assert reason(write(tmp_path, "blank.md", "  \n\n\t\n")) == "empty file"
    assert reason(write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")) == (
        "binary file, not text"
    )
    assert reason(write(tmp_path, "data.txt", bytes(range(256)) * 4)) == "binary file, not text"
    assert reason(write(tmp_path, "junk.bin2", b"\x00\x01\x02\x03" * 100)) == (
        "binary file, not text"
    )
    assert reason(tmp_path / "missing.txt") == "no such file"
    assert "folder" in reason(tmp_path)
    debris = write(tmp_path, "debris.txt", "Skip to content\nSign in\nSubscribe\nAdvertisement\n")
    assert reason(debris) == "no article text found"


def test_broken_symlink_and_fifo(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "never-there.txt")
    assert reason(link) == "broken symbolic link"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert reason(fifo) == "not a regular file"  # and it must not block


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path):
    path = write(tmp_path, "secret.txt", "Title\n\nBody text.\n")
    path.chmod(0)
    try:
        assert reason(path) == "permission denied"
    finally:
        path.chmod(0o644)


# --- size and pathological input ------------------------------------------------------------


def test_too_large_file_is_truncated_with_a_notice(tmp_path):
    paragraph = "Word " * 150 + "end.\n\n"
    count = MAX_BYTES // len(paragraph) + 200
    path = write(tmp_path, "huge.txt", "Huge report\n\n" + paragraph * count)
    article = load_article(path)
    assert article.notices == ("too large, showing the first 5,120 KB",)
    assert article.title == "Huge report"
    assert len(article.text.encode()) <= MAX_BYTES


def test_utf8_cut_at_the_cap_stays_utf8(tmp_path):
    paragraph = "Zoë’s café — “naïve” ½ € " * 40 + "\n\n"
    path = write(tmp_path, "accents.txt", "Accents\n\n" + paragraph * (MAX_BYTES // 1000))
    article = load_article(path)
    assert article.notices
    assert "Zoë’s café" in article.text and "Ã" not in article.text


@pytest.mark.parametrize(
    "body",
    [
        "word " * 200_000,  # one 1 MB line
        "*" * 200_000,
        "_a" * 100_000,
        "[" * 100_000 + "](" * 50_000,
        "**x " * 50_000,
        "By " + "Name, " * 40_000,
        "March " * 40_000,
        "\x1b]" * 100_000,
        "\x1b[" + "1;" * 100_000,
        "(" * 100_000 + "Photo" + ")" * 10,
        "Related\n" + "Short headline here\n" * 20_000,
        "---\n" + "key: value\n" * 20_000,
        "<" * 100_000,
        "<script>" * 50_000 + "<!--" * 50_000,
        "<div>" * 20_000 + "<p>Deep prose, long enough to be kept as the body of a story.</p>",
        "&#27;&#x202e;" * 50_000,
        "`" * 200_000,
        "<http:" * 100_000,
        "<h1>" * 200_000,
        "<a" * 300_000,
        "<meta " * 100_000,
        "[x][" * 100_000,
    ],
    ids=lambda b: repr(b[:12]),
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_pathological_input_finishes(tmp_path, body, suffix):
    path = write(tmp_path, "x" + suffix, "Title line\n\n" + body)
    try:
        article = load_article(path)
    except ArticleLoadError as exc:
        assert exc.reason in ("no article text found",)
        return
    assert "\x1b" not in article.text
