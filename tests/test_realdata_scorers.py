"""The real-data scorers: their matching rules on invented text, and a smoke run on the data."""

from __future__ import annotations

import math

import pytest

from benchmarks.realdata.align import Alignment
from benchmarks.realdata.common import data_root
from benchmarks.realdata.names import same_name
from benchmarks.realdata.polnear import quoted_stretches
from benchmarks.realdata.score_pages import page_scores
from benchmarks.realdata.score_summary import paired_bootstrap

needs_data = pytest.mark.skipif(
    data_root() is None,
    reason="the real development data (../shared/data or READER_DEV_DATA) is not on this machine",
)


def test_quoted_stretches_split_quote_gives_two_parts():
    raw = "“We will build it,” the mayor said, “and soon.”"
    parts = [raw[s:e] for s, e in quoted_stretches(raw, 0, len(raw))]
    assert parts == ["We will build it,", "and soon."]


def test_quoted_stretches_two_apostrophe_marks():
    raw = "''It works,'' she said."
    assert [raw[s:e] for s, e in quoted_stretches(raw, 0, len(raw))] == ["It works,"]


def test_quoted_stretches_quote_over_two_paragraphs_is_one():
    raw = "He said: “First part.\n\n“Second part.” Then he left."
    parts = [raw[s:e] for s, e in quoted_stretches(raw, 0, len(raw))]
    assert parts == ["First part.\n\n“Second part."]


def test_same_name_respects_conflicting_first_names():
    assert same_name("Jane Holt", "Holt")
    assert same_name("Holt", "Jane Holt")
    assert not same_name("Jane Holt", "Peter Holt")
    assert same_name("J. Holt", "Jane Holt")
    assert same_name("the Daily Courier", "Daily Courier")
    assert not same_name("Holt", "Marsh")


def test_page_scores_perfect_partial_and_empty():
    gold = "one two three four five six seven eight"
    assert page_scores(gold, gold) == (1.0, 1.0, True)
    p, r, exact = page_scores(gold, "one two three four five")
    assert p == 1.0 and 0 < r < 1 and not exact
    assert page_scores(gold, "") == (None, 0.0, False)


def test_alignment_maps_cleaned_offsets_to_the_file():
    raw = "Title line\n\nFirst para here.\n\nSecond  para."
    text = "First para here.\n\nSecond para."
    align = Alignment(text, raw)
    start = text.index("Second")
    assert raw[align.to_raw(start) : align.to_raw(start) + 6] == "Second"
    s, e = align.span(0, 5)
    assert raw[s:e] == "First"


def test_paired_bootstrap_interval_contains_the_mean():
    mean, low, high = paired_bootstrap([3.0, 2.0, 4.0, 5.0], [1.0, 1.0, 1.0, 1.0])
    assert low <= mean <= high and mean == 2.5


def _sane(value: float) -> bool:
    return not math.isnan(value) and 0.0 <= value <= 1.0


@needs_data
def test_quote_scorer_runs_on_real_articles():
    from benchmarks.realdata import score_quotes

    fig = score_quotes.run("dev", limit=3)
    assert fig["gold quotes"] > 0
    assert fig["failures"] == 0
    assert _sane(fig["found"]) and _sane(fig["speaker right, all"])


@needs_data
def test_summary_scorer_runs_on_real_articles():
    from benchmarks.realdata import score_summary

    figs = score_summary.figures(score_summary.run(("cnndm_val", "bbc"), limit=2))
    for source in ("cnndm_val", "bbc"):
        rows = figs[source]["rows"]
        assert rows["oracle"]["r1"] >= rows["lead-N"]["r1"] > 0


@needs_data
def test_actor_scorer_runs_on_real_articles():
    from benchmarks.realdata import score_actors

    fig = score_actors.figures(score_actors.run(limit=2))
    assert fig["person gold"] + fig["place gold"] + fig["organization gold"] > 0
    assert _sane(fig["place recall"])


@needs_data
def test_polnear_actor_scorer_finds_named_sources():
    from benchmarks.realdata import score_actors_polnear

    fig = score_actors_polnear.figures(score_actors_polnear.run("dev", limit=2))
    assert fig["named sources"] > 0
    assert _sane(fig["found"])
    assert fig["found as a speaker (person, group, organisation)"] <= fig["found"]


@needs_data
def test_page_scorer_runs_on_real_pages():
    from benchmarks.realdata import score_pages

    results = score_pages.run(limit=2)
    fig = score_pages.figures(results)
    assert len(results) == 2 and fig["failures"] == 0 and _sane(fig["F1"])


def test_actor_match_a_name_closing_a_titled_mention():
    from benchmarks.realdata.score_actors import _matches, _titled

    # "Danish captain Ola Berg" (0-23), headed on "captain"; the entity's only proper-noun
    # mention is an award title elsewhere
    entity = {
        "mentions": [
            {"start": 0, "end": 23, "text": "Danish captain Ola Berg", "head": "captain",
             "head_upos": "NOUN"},
            {"start": 60, "end": 76, "text": "Player of the Day", "head": "Player",
             "head_upos": "PROPN"},
        ]
    }  # fmt: skip
    person = {"name": "Ola Berg", "aliases": [], "kind": "person", "spans": [(15, 23)]}
    names, heads, titled = {"player of the day"}, [60], _titled(entity)
    assert _matches(person, names, heads, titled)
    assert not _matches({**person, "kind": "organization"}, names, heads, titled)
    listed = {"mentions": [{**entity["mentions"][0], "text": "captain Ola Berg and Per Dahl"}]}
    assert not _matches(person, names, heads, _titled(listed))
