"""Following feeds from a local server: RSS 0.91/1.0/2.0, Atom and broken feeds become pages
the library loads; every hostile feed gets one clear line and loses nothing kept before."""

from __future__ import annotations

import json

import pytest

from reader.feeds import FeedStore, update_feeds
from reader.feeds.store import RECORD
from reader.library import load_article, scan


def _update(site, fetcher, tmp_path, route):
    store = FeedStore(tmp_path / "feeds")
    return store, store.update(site.url(route), fetcher)


def _articles(store, result):
    files = store.item_files(result.folder)
    return {a.title: a for a in (load_article(f) for f in files)}


def _entries(result):
    return json.loads((result.folder / RECORD).read_text())["items"]


def test_rss_items_open_as_their_pages_or_the_feeds_own_content(site, fetcher, tmp_path):
    store, result = _update(site, fetcher, tmp_path, "/feeds/courier.rss")
    assert result.error is None and result.new == 4 and result.items == 4
    assert result.folder.name == "Northbay Courier – Local news"
    articles = _articles(store, result)
    dredging = articles["Dredging of the inner harbour to start in spring"]
    assert dredging.text.startswith("Work to deepen the inner harbour")  # the linked page
    assert "Most read" not in dredging.text
    buses = articles["Night buses return to the coast road"]  # its page is a 404
    assert buses.text.startswith("Buses will run along the coast road after midnight")
    assert buses.source == "Northbay Courier – Local news" and buses.published == "2026-03-04"
    fete = articles["La fête du port revient en août"]  # charset only in the HTTP header
    assert "bénévoles préparent déjà" in fete.text
    assert fete.published == "2026-03-05"  # the page gives no date: the feed's is added
    entries = {e["title"]: e for e in _entries(result).values()}
    assert entries["Night buses return to the coast road"]["source"] == "feed"
    assert "404" in entries["Night buses return to the coast road"]["page_problem"]
    link = entries["Dredging of the inner harbour to start in spring"]["link"]
    assert link == site.url("/news/harbour-dredging.html")  # relative link resolved
    # The library lists the feed folder like any other: one group, every item.
    listed = scan([result.folder])
    assert len(listed.refs) == 4 and not listed.errors
    assert {r.group for r in listed.refs} == {str(result.folder)}


def test_atom_with_xhtml_content_and_an_html_title(site, fetcher, tmp_path):
    store, result = _update(site, fetcher, tmp_path, "/feeds/valley.atom")
    assert result.title == "Upper Valley Bulletin" and result.new == 2
    articles = _articles(store, result)
    snow = articles["Snow closes the pass for a third day"]
    assert snow.text.startswith("The road over the pass stayed shut on Friday")
    assert snow.byline and "Owen Pryce" in snow.byline
    assert "Market hall reopens after repairs" in articles  # HTML title read as text


@pytest.mark.parametrize(
    ("route", "title", "item", "words"),
    [
        ("/feeds/notes.rdf", "Field notes", "Community orchard wins grant for a second site",
         "Sixty young trees"[:0] + "The volunteers who planted apple"),
        ("/feeds/old.rss", "Old Town Crier", "Community orchard wins grant for a second site",
         "The grant will pay for sixty young trees"),
    ],
)  # fmt: skip
def test_rss_1_0_and_0_91(site, fetcher, tmp_path, route, title, item, words):
    store, result = _update(site, fetcher, tmp_path, route)
    assert result.title == title and result.new == 1
    assert words in _articles(store, result)[item].text


def test_an_iso_8859_1_feed_keeps_its_accents(site, fetcher, tmp_path):
    _, result = _update(site, fetcher, tmp_path, "/feeds/old.rss")
    titles = [e["title"] for e in _entries(result).values()]
    assert titles == ["Café on the square changes hands"]


def test_a_broken_feed_is_read_as_far_as_it_goes(site, fetcher, tmp_path):
    store, result = _update(site, fetcher, tmp_path, "/feeds/broken.rss")
    assert result.error is None and result.new == 2
    assert any("malformed" in n for n in result.notices)
    articles = _articles(store, result)
    assert "Lifeboat crew rescue stranded walkers" in articles
    assert "Ferry timetable changes & new fares" in articles


def test_items_without_titles_or_links_duplicates_and_hostile_titles(site, fetcher, tmp_path):
    store, result = _update(site, fetcher, tmp_path, "/feeds/odd-items.rss")
    assert result.error is None
    assert result.new == 4  # the duplicate and the empty item are not items
    assert any("1 duplicate item skipped" in n for n in result.notices)
    articles = _articles(store, result)
    untitled = next(t for t in articles if t.startswith("An item with neither"))
    assert untitled.endswith("…")
    hostile = next(t for t in articles if "Alert" in t)
    assert "[red]Alert[/red]" in hostile and "\x1b" not in hostile  # markup kept as text
    assert "steal()" not in articles[hostile].text  # the sanitiser dropped the script
    assert "Plain <b>not bold</b> title" in articles  # an escaped tag is shown, not obeyed
    gone = articles["Plain <b>not bold</b> title"]
    assert gone.text.startswith("The page for this one is gone")
    for article in articles.values():
        assert not any(ord(c) < 32 and c not in "\n\t" for c in article.title + article.text)


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/feeds/bomb.xml", "declares XML entities"),
        ("/bomb.rss", "too large (more than 10 MB)"),
        ("/loop-a", "too many redirects"),
        ("/error", "the server answered 500"),
        ("/slow", "timed out"),
        ("/huge", "too large"),
        ("/feeds/front-page.html", "a web page, not a feed (the page names its feed: "),
        ("/news/harbour-dredging.html", "a web page, not a feed"),
    ],
)
def test_hostile_feeds_give_one_line_and_keep_nothing_broken(
    site, fetcher, tmp_path, route, reason
):
    store, result = _update(site, fetcher, tmp_path, route)
    assert result.error is not None and reason in result.error
    assert "\n" not in result.line() and result.line().startswith(site.url(route))
    assert store.folders() == {}


def test_the_html_page_names_the_feed_it_points_to(site, fetcher, tmp_path):
    _, result = _update(site, fetcher, tmp_path, "/feeds/front-page.html")
    assert result.error.endswith(site.url("/feeds/courier.rss") + ")")


def test_a_feed_of_ten_thousand_items_keeps_the_first_five_hundred(site, fetcher, tmp_path):
    store, result = _update(site, fetcher, tmp_path, "/tides.rss")
    assert result.items == 500 and result.new == 500
    assert "has 10,000 items; keeping the first 500" in result.line()
    assert len(store.item_files(result.folder)) == 500


def test_update_again_asks_conditionally_and_adds_only_new_items(site, fetcher, tmp_path):
    store = FeedStore(tmp_path / "feeds")
    url = site.url("/feeds/valley.atom")
    first = store.update(url, fetcher)
    files = sorted(store.item_files(first.folder))
    again = store.update(url, fetcher)
    assert again.unchanged and again.new == 0 and again.items == 2
    _, headers = site.requests[-1]
    assert headers.get("If-None-Match")
    assert sorted(store.item_files(first.folder)) == files  # same files: reading state holds


def test_new_items_are_added_and_old_ones_kept(site, fetcher, tmp_path):
    store = FeedStore(tmp_path / "feeds")
    url = site.url("/changing.rss")

    def serve(*items: str) -> None:
        rows = "".join(
            f'<item><title>{t}</title><guid isPermaLink="false">{t}</guid>'
            f"<description>The story of {t} told in a few plain words.</description></item>"
            for t in items
        )
        body = f'<rss version="2.0"><channel><title>Changing</title>{rows}</channel></rss>'
        site.extra["/changing.rss"] = (200, {"Content-Type": "application/rss+xml"}, body.encode())

    serve("Gulls", "Terns")
    assert store.update(url, fetcher).new == 2
    serve("Puffins", "Gulls")  # Terns dropped from the feed, Puffins new
    result = store.update(url, fetcher)
    assert (result.new, result.items) == (1, 3)
    assert "3 items" in result.line() and "1 new" in result.line()
    site.extra["/changing.rss"] = (503, {}, b"")
    failed = store.update(url, fetcher)
    assert "503" in failed.error and failed.items == 3
    assert len(store.item_files(result.folder)) == 3  # nothing lost
    assert store.record(url)["error"] == failed.error


def test_several_feeds_at_once_with_each_result_reported(site, fetcher, tmp_path):
    from tests.web import server

    store = FeedStore(tmp_path / "feeds")
    urls = [site.url("/feeds/courier.rss"), server.dead_url(), site.url("/moved.rss")]
    heard = []
    results = update_feeds(urls, store, fetcher, on_result=heard.append)
    assert [r.url for r in results] == urls and len(heard) == 3
    assert results[0].new == 4 and "connection refused" in results[1].error
    assert results[2].title == results[0].title  # a redirect to the same feed
