"""Debris rules: site furniture goes, short real paragraphs stay."""

from __future__ import annotations

import pytest

from reader.library.cleanup import clean_units, is_debris

PROSE = "The council met for four hours on Tuesday and voted to keep both libraries open."


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "Skip to navigation",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Share this article",
        "Share on WhatsApp",
        "Facebook Twitter Email",
        "Facebook · LinkedIn · Copy link",
        "Sign up for our morning newsletter",
        "Subscribe to keep reading",
        "Sign in",
        "Log in to your account",
        "Follow us on Mastodon",
        "Read more: Ferry fares to rise in spring",
        "Continue reading",
        "Listen to this article",
        "6 min read",
        "By submitting this form, you agree to our Terms of Use and Privacy Policy.",
        "By clicking Subscribe, you consent to receive emails from us.",
        "This site uses cookies to give you a better experience.",
        "We value your privacy",
        "Accept all cookies",
        "Manage preferences",
        "Privacy Policy | Terms of Use | Contact",
        "© 2025 The Harbour Herald. All rights reserved.",
        "Copyright 2024 Northgate Media",
        "Photo: Jane Doe/The Courier",
        "Photograph: Kim Lee for the Ledger",
        "Image: courtesy of the city",
        "Credit: Alamy",
        "(Getty Images)",
        "A man walks past the closed mill on Friday. (AP Photo/Sam Ode)",
        "Firefighters at the scene on Monday. (Rui Costa/Valley Times)",
        "Rescue crews on the pier. Photo: Lin Wu/Reuters",
        "Updated: March 3, 2026, 9:14 a.m.",
        "Last updated 11:02 GMT",
        "Published: 2026-02-14",
        "Home › News › Local",
        "News | Politics | Business | Sport | Culture",
        "Topics: Transport, Budget",
        "Tags: ferries",
        "Related articles",
        "More from Business",
        "Most read",
        "You may also like",
        "Enter your email address",
        "Download the app",
        "Click here to find out more",
        "Get the Morning Briefing newsletter",
        "12–15 minutes",
        "4 mins",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "(Reporting by Ana Ruiz in Lima; Additional reporting by Bo Kim; Editing by Al Ray)",
        "Writing by Ann Lee, editing by Bo Kim",
        "Have a news tip? Send it to our newsroom at tips@example.org.",
        "You are receiving this email because you signed up on our website.",
        "Unsubscribe | Update preferences",
        "Forward to a friend: https://example.org/fwd",
        "View this email in your browser",
        "View online",
        "As a subscriber, you have 10 gift articles to give each month.",
        "Associated Press writer Lena Park in Denver contributed to this report.",
        "------------------------------",
        "* * *",
    ],
)
def test_debris_lines(line):
    assert is_debris(line)


@pytest.mark.parametrize(
    "line",
    [
        '"We are not moving," she said.',
        "\u201cWe are not moving,\u201d she said.",
        "\u201cShare it,\u201d he told them.",
        '"Sign up now," the organiser shouted at the crowd.',
        "It reopens Saturday.",
        "The lanes open in May.",
        "Share prices fell sharply on Monday.",
        "Print sales fell 10 percent.",
        "Updated guidance was issued on Monday.",
        "Copyright law was changed in 2019 after a long fight.",
        "The newsletter, which has 40,000 subscribers, was sold in May.",
        "Related costs rose by a third.",
        "More from the council is expected next week.",
        "The union will share the offer with members on Friday.",
        "A long fight",
        "What residents should do",
        "By noon the square was full.",
        "Advertising revenue at the paper fell by a fifth last year, the company said.",
        "Reporting by the Tribune showed that the mayor had misled the council.",
        "Editing by committee rarely works, she said.",
        "The film runs 95 minutes.",
        "If you have a fever for more than three days, call a doctor.",
        "Three reporters contributed to the investigation, which took a year.",
        "Viewers can write to the station at tips@example.org with their questions.",
        PROSE,
    ],
)
def test_prose_lines_are_not_debris(line):
    assert not is_debris(line)


def test_related_header_takes_its_link_list():
    units = [
        PROSE,
        "A second real paragraph, with enough words to count as part of the story itself.",
        "Related articles",
        "Ferry fares to rise 12% in spring",
        "East pier repairs delayed until autumn",
        "Opinion: The ferry is a lifeline, not a luxury",
    ]
    assert clean_units(units) == units[:2]


def test_link_run_stops_at_real_prose():
    after = "The story resumes here with a long sentence that is plainly part of the article text."
    units = [PROSE, "More from Local", "School board names new head", "Storm cuts power", after]
    assert clean_units(units) == [PROSE, after]


def test_signup_box_title_goes_with_the_box():
    units = [
        PROSE,
        "Get the Morning Courier",
        "Sign up for our free newsletter and get the day's top stories in your inbox.",
        "Enter your email",
        "Sign up",
        "The meeting resumed after a short break, and the vote was taken shortly before ten.",
    ]
    assert clean_units(units) == [PROSE, units[-1]]


def test_short_paragraphs_in_the_middle_stay():
    units = [
        PROSE,
        "A long fight",
        '"We are not moving," she said.',
        "It reopens Saturday.",
        "Advertisement",
        "The new fares take effect on April 6 and will be reviewed again next year by the board.",
    ]
    assert clean_units(units) == [u for u in units if u != "Advertisement"]


def test_subheading_above_an_advert_stays():
    after = "The hearing resumed after lunch, and the first witness was the port engineer."
    units = [PROSE, "A long fight", "Advertisement", after]
    assert clean_units(units) == [PROSE, "A long fight", after]


def test_edges_drop_fragments_but_keep_a_short_last_quote():
    units = [
        "Menu",
        "The Valley Post",
        PROSE,
        '"We got a year," she said.',
        "Share",
        "Facebook",
        "Harbour news",
    ]
    assert clean_units(units) == [PROSE, '"We got a year," she said.']


def test_multi_line_units_lose_only_their_debris_lines():
    units = [PROSE, "First point of the plan\nShare this article\nSecond point of the plan"]
    assert clean_units(units) == [PROSE, "First point of the plan\nSecond point of the plan"]


def test_long_lines_are_never_judged_debris():
    assert not is_debris("subscribe " * 200)
    assert not is_debris("x" * 1_000_000)


def test_footer_below_a_rule_goes_with_its_debris():
    units = [
        PROSE,
        "The library board meets again on Thursday.",
        "------",
        "Forward to a friend: https://example.org/fwd",
        "Know someone who would like this? Pass it on to them.",
        "Unsubscribe",
        "The Town Letter · 1 Main Street · Eastfield",
    ]
    assert clean_units(units) == units[:2]


def test_a_rule_between_sections_keeps_what_follows():
    units = [PROSE, "* * *", PROSE.replace("four", "five"), "It ended at midnight."]
    assert clean_units(units) == [units[0], units[2], units[3]]
    coda = [PROSE, "***", "Advertisement", "The vote is on Friday."]
    assert clean_units(coda) == [coda[0], coda[3]]


# --- issue 15: lead-ins, closing asides, second person in the middle ---------------------

SECOND = "A third paragraph carries the rest of the account, with the figures the board released."


@pytest.mark.parametrize(
    "line",
    [
        "Related: Ferry fares to rise in spring",
        "[Related: Harbour board names a new chair]",
        "More:",
        "Also:",
        "Also on example.org Ferry crews vote to strike",
        "You may also like...",
        "Don't miss: The pier at dawn",
        "Storm cuts power [VIDEO] | Pier closes for repairs [PICTURES]",
        "Copyright Harbour Weekly 2024 - all content",
    ],
)
def test_lead_ins_and_notices_are_debris(line):
    assert is_debris(line)


def test_a_sentence_opening_with_also_is_not_a_lead_in():
    assert not is_debris("Also, the board voted to extend the lease on the east pier.")


def test_second_person_in_the_middle_stays():
    middle = (
        "If you just want the basic plan, you can sign up for a free trial and pay monthly "
        "after that, which is what most riders do."
    )
    units = [PROSE, middle, SECOND]
    assert clean_units(units) == units


def test_closing_asides_go_only_at_the_end():
    middle = "She began to follow the mayor on Twitter after the vote, and soon the whole office did too."
    closing = [
        "Have a tip? The reporter can be reached at desk@example.org.",
        "Follow him on Twitter @harbourdesk.",
        "Get the latest stories in your inbox. Subscribe to our daily newsletter.",
        "Source: wire services",
    ]
    units = [PROSE, middle, SECOND, *closing]
    assert clean_units(units) == [PROSE, middle, SECOND]


def test_a_list_of_other_headlines_where_the_article_ends_goes():
    headlines = (
        "Ferry Fares To Rise In Spring\nPier Repairs Delayed Until Autumn\nWhy The Ferry Matters"
    )
    steps = "Bring the form to the office\nPay the fee in cash\nWait for the card by post"
    assert clean_units([PROSE, SECOND, headlines, "First published in the spring."]) == [
        PROSE,
        SECOND,
        "First published in the spring.",
    ]
    assert clean_units([PROSE, SECOND, steps]) == [PROSE, SECOND, steps]
    # Titles listed in the middle of the article (books, films) are the article's own.
    assert clean_units([PROSE, headlines, SECOND]) == [PROSE, headlines, SECOND]


def test_table_rows_are_not_menu_rows():
    table = "Rank | Crew | Points\n1 | North | 90\n2 | South | 84"
    assert clean_units([PROSE, table, SECOND], tables={1}) == [PROSE, table, SECOND]
    assert clean_units([PROSE, table, SECOND]) == [PROSE, SECOND]
