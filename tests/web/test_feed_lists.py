"""OPML and newsboat urls files in and out, and the feeds list of config.toml."""

from __future__ import annotations

import re
import tomllib

import pytest

from reader.feeds import FeedEntry, read_feed_list, write_opml
from reader.settings import EXAMPLE_CONFIG, ConfigWriteError, add_feeds, load_settings

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="Local">
      <outline type="rss" text="Northbay Courier" title="Northbay Courier"
               xmlUrl="https://courier.example/feeds/local.rss" htmlUrl="https://courier.example/"/>
      <outline type="rss" text="Valley &amp; Hills" xmlUrl="http://valley.example/atom.xml"/>
    </outline>
    <outline type="rss" text="A local file" xmlUrl="file:///etc/passwd"/>
    <outline text="Just a note"/>
  </body>
</opml>
"""

URLS = """# feeds I read
https://courier.example/feeds/local.rss local "~Northbay Courier"
http://valley.example/atom.xml hills weather
"query:Unread articles:unread = \\"yes\\""
exec:~/bin/make-feed.sh
https://quiet.example/rss "~A quiet blog" !hidden

not-a-url at all
"""


def test_opml_feeds_are_read_with_titles_and_bad_entries_named():
    feeds, problems = read_feed_list(OPML)
    assert feeds == [
        FeedEntry("https://courier.example/feeds/local.rss", "Northbay Courier"),
        FeedEntry("http://valley.example/atom.xml", "Valley & Hills"),
    ]
    assert problems == ["file:///etc/passwd: not an http(s) address; skipped"]


def test_newsboat_urls_are_read_with_titles_and_other_lines_named():
    feeds, problems = read_feed_list(URLS)
    assert feeds == [
        FeedEntry("https://courier.example/feeds/local.rss", "Northbay Courier"),
        FeedEntry("http://valley.example/atom.xml", None),
        FeedEntry("https://quiet.example/rss", "A quiet blog"),
    ]
    assert problems == [
        "line 4: a newsboat query: feed, not a web feed; skipped",
        "line 5: a newsboat exec: feed, not a web feed; skipped",
        "line 8: not an http(s) address; skipped",
    ]


def test_opml_written_is_read_back_and_titles_stay_text():
    entries = [
        FeedEntry("https://a.example/rss?x=1&y=2", 'Tom & "Jerry" <b>news</b>'),
        FeedEntry("https://b.example/atom", None),
    ]
    text = write_opml(entries)
    assert "<b>" not in text  # escaped, never markup
    feeds, problems = read_feed_list(text)
    assert problems == []
    assert feeds == [entries[0], FeedEntry("https://b.example/atom", "https://b.example/atom")]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "x">]><opml/>', "declares XML entities"),
        ("<opml><body><outline", "not a valid OPML file"),
        ('<?xml version="1.0"?><rss version="2.0"/>', "not an OPML file"),
    ],
)
def test_bad_opml_is_one_line(text, problem):
    feeds, problems = read_feed_list(text)
    assert feeds == [] and len(problems) == 1 and problem in problems[0]


def test_feeds_are_added_to_config_toml_keeping_everything_else(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(EXAMPLE_CONFIG, encoding="utf-8")
    added, already = add_feeds(config, ["https://a.example/rss", "https://b.example/atom"])
    assert added == ["https://a.example/rss", "https://b.example/atom"] and already == []
    added, already = add_feeds(config, ["https://b.example/atom", "https://c.example/feed"])
    assert added == ["https://c.example/feed"] and already == ["https://b.example/atom"]
    settings, warnings = load_settings(config)
    assert warnings == []
    assert settings.feeds == ("https://a.example/rss", "https://b.example/atom",
                              "https://c.example/feed")  # fmt: skip
    text = config.read_text(encoding="utf-8")
    assert len(re.findall(r"^feeds = \[", text, re.M)) == 1
    assert text.index("feeds = [") < text.index("# Key overrides")
    assert "# Key overrides" in text and '# "quote.next" = "ctrl+n"' in text
    assert tomllib.loads(text)["keys"] == {}


def test_a_config_that_is_not_toml_is_left_alone(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("theme = \n", encoding="utf-8")
    with pytest.raises(ConfigWriteError, match="not valid TOML"):
        add_feeds(config, ["https://a.example/rss"])
    assert config.read_text(encoding="utf-8") == "theme = \n"


def test_bad_feeds_in_config_are_reported(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('feeds = ["ftp://x.example/rss"]\n', encoding="utf-8")
    settings, warnings = load_settings(config)
    assert settings.feeds == () and len(warnings) == 1 and "feeds" in warnings[0]
