"""Summaries from the real spaCy parse and the real sumy summarizers."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.nlp import parse
from reader.analysis.summary import ALGORITHMS, lead_sentences, summarize
from reader.analysis.summary.candidates import build_candidates

SAMPLES = sorted(
    p for p in (Path(__file__).parent.parent / "sample_articles").iterdir() if p.is_file()
)

ARTICLE = """\
By Jane Porter

RIVERTON, Ore. — The Riverton City Council approved an $84 million budget on Monday, \
closing a $3 million gap with a hiring freeze and a higher lodging tax.

The vote was 5-2 after four hours of testimony from residents about library hours.

A resident speaks during the council meeting on Monday night. (AP Photo/Sam Lee)

“We are not cutting into bone yet,” the finance director said.

Read more: sign up for our newsletter to get council news every morning in your inbox.

The budget also keeps both branch libraries open on Saturdays for one more year.

Thanks.

“It is the best we could do. Nobody is happy with it, and nobody should be.”

The council will revisit the lodging tax next spring when tourism figures come in.
"""


@pytest.fixture(scope="module")
def parsed():
    from reader.library.loaders import load_article

    out = []
    for path in SAMPLES:
        article = load_article(path)
        out.append((article, parse(article.text)))
    return out


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_returns_n_sentences_in_order_with_exact_offsets(parsed, algorithm):
    for article, doc in parsed:
        text = article.text
        usable = {(c.start, c.end) for c in build_candidates(doc, text) if c.eligible}
        summary = summarize(doc, text, 3, algorithm, title=article.title)
        assert len(summary) == min(3, len(usable)), article.path.name
        starts = [s.start for s in summary]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        for s in summary:
            assert text[s.start : s.end] == s.text
            assert (s.start, s.end) in usable


def test_summary_leaves_out_byline_caption_debris_quotes_and_short_lines():
    doc = parse(ARTICLE)
    for algorithm in ALGORITHMS:
        summary = summarize(doc, ARTICLE, 9, algorithm)
        texts = [s.text for s in summary]
        assert len(texts) == 5, algorithm  # the attributed "bone" quote may be chosen
        joined = " ".join(texts)
        for unwanted in (
            "Jane Porter",
            "AP Photo",
            "resident speaks",
            "newsletter",
            "Thanks",
            "best we could do",
            "Nobody is happy",
        ):
            assert unwanted not in joined, (algorithm, unwanted)


def test_dateline_is_cut_from_the_summary_sentence():
    summary = summarize(parse(ARTICLE), ARTICLE, 1, "lead")
    assert summary[0].text.startswith("The Riverton City Council approved")
    assert ARTICLE[summary[0].start : summary[0].end] == summary[0].text


def test_wire_hyphen_dateline_and_interview_labels_are_cut():
    text = (
        "LONDON (Reuters) - Ground staff at three British airports began a strike on "
        "Tuesday after pay talks with their employer collapsed overnight.\n\n"
        "Watershed Review: How bad is this year for the river, really?\n\n"
        "Lena Marchetti: It is the lowest spring flow we have measured since 1931."
    )
    cands = build_candidates(parse(text), text)
    assert text[cands[0].start :].startswith("Ground staff") and cands[0].eligible
    assert cands[1].reason == "question"
    assert text[cands[2].start : cands[2].end].startswith("It is the lowest")


def test_british_quote_only_sentences_are_left_out():
    text = (
        "‘People here were told, “You will not be forgotten,” and they believed it,’ said "
        "Alan Thirkettle, who chairs the residents’ association.\n\n"
        "‘Now we find out from a spreadsheet that we have been forgotten after all.’"
    )
    cands = build_candidates(parse(text), text)
    assert [c.reason for c in cands] == ["", "quote"]


def test_live_blog_reader_instructions_are_debris():
    text = (
        "Follow our live coverage as the storm moves up the coast this afternoon. "
        "The newest updates are at the top of this page.\n\n"
        "The governor said that 212,000 homes were without power across the state."
    )
    reasons = [c.reason for c in build_candidates(parse(text), text)]
    assert reasons == ["debris", "debris", ""]


def test_candidates_say_why_a_sentence_is_left_out():
    reasons = {
        ARTICLE[c.start : c.end][:20]: c.reason for c in build_candidates(parse(ARTICLE), ARTICLE)
    }
    assert reasons["By Jane Porter"] == "byline"
    assert reasons["(AP Photo/Sam Lee)"] == "caption"
    assert reasons["A resident speaks du"] == "caption"
    assert reasons["Read more: sign up f"] == "debris"
    assert reasons["Thanks."] == "short"
    assert reasons["“It is the best we c"] == "quote"


def test_ratio_asks_for_a_share_of_the_article(parsed):
    article, doc = max(parsed, key=lambda pair: len(pair[0].text))
    usable = [c for c in build_candidates(doc, article.text) if c.eligible]
    summary = summarize(doc, article.text, 1, "hybrid", ratio=0.1)
    assert len(summary) == round(len(usable) * 0.1)


def test_lead_sentences_are_the_first_sentences_unfiltered():
    lead = lead_sentences(parse(ARTICLE), ARTICLE, 2)
    assert [s.text for s in lead][0] == "By Jane Porter"
    assert len(lead) == 2


def test_near_duplicate_sentences_are_not_both_chosen():
    text = (
        "The port authority approved a new container terminal on the north shore. "
        "The port authority approved a new container terminal on the north shore today. "
        "Fishermen said the dredging would ruin the oyster beds near the river mouth. "
        "The terminal will open in 2028 and handle two million containers a year."
    )
    summary = summarize(parse(text), text, 2, "hybrid")
    assert sum("approved a new container terminal" in s.text for s in summary) == 1


def test_long_articles_are_preselected_for_quadratic_algorithms():
    topics = ["harbour", "council", "budget", "library", "school", "river", "bridge", "tax"]
    text = "\n\n".join(
        f"Officials in district {i} said the {topics[i % 8]} plan would cost {i} million "
        f"dollars over {i % 7 + 2} years, according to the {topics[(i + 3) % 8]} report."
        for i in range(450)
    )
    doc = parse(text)
    for algorithm in ("lexrank", "textrank", "kl", "hybrid"):
        summary = summarize(doc, text, 3, algorithm)
        assert len(summary) == 3
        assert all(text[s.start : s.end] == s.text for s in summary)


def test_empty_and_unknown():
    assert summarize(parse(""), "", 3, "hybrid") == ()
    with pytest.raises(ValueError, match="unknown summary algorithm"):
        summarize(parse("One sentence here."), "One sentence here.", 3, "nope")
