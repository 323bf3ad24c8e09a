"""`reader URL`, `reader analyze URL` and `reader feeds ...` against a local server."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.state import ReadingState
from tests.web import server


@pytest.fixture
def run(app_paths, capsys):
    dirs = [
        "--config-dir", str(app_paths.config_dir),
        "--cache-dir", str(app_paths.cache_dir),
        "--data-dir", str(app_paths.data_dir),
    ]  # fmt: skip

    def invoke(*args: str) -> tuple[int, str, list[str]]:
        code = main([*args, *dirs])
        out, err = capsys.readouterr()
        return code, out, err.splitlines()

    return invoke


def test_follow_update_and_list_feeds(site, run, app_paths):
    courier, valley = site.url("/feeds/courier.rss"), site.url("/feeds/valley.atom")
    code, _, err = run("feeds", "add", courier, valley)
    assert code == 0 and f"reader: now following {courier}" in err
    code, out, _ = run("feeds", "list", "--json")
    rows = json.loads(out)
    assert [r["url"] for r in rows] == [courier, valley]
    assert rows[0]["items"] == 0 and rows[0]["checked"] is None and rows[0]["title"] is None
    code, _, err = run("feeds", "update")
    assert code == 0
    assert "reader: Northbay Courier – Local news: 4 new, 4 items" in err
    assert "reader: Upper Valley Bulletin: 2 new, 2 items" in err
    assert err[-1] == "reader: 6 new items"
    rows = json.loads(run("feeds", "list", "--json")[1])
    assert [(r["title"], r["items"], r["unread"]) for r in rows] == [
        ("Northbay Courier – Local news", 4, 4),
        ("Upper Valley Bulletin", 2, 2),
    ]
    assert rows[0]["error"] is None and rows[0]["checked"].endswith("Z")
    # Reading an item in the reader shows in the unread count.
    from pathlib import Path

    from reader.library import load_article

    first = sorted(Path(rows[1]["folder"]).glob("*.html"))[0]
    state = ReadingState.open(app_paths.state_file)
    state.set_read(load_article(first).id, first, True)
    state.close()
    assert json.loads(run("feeds", "list", "--json")[1])[1]["unread"] == 1
    code, _, err = run("feeds", "update", valley)
    assert code == 0 and "reader: Upper Valley Bulletin: unchanged (2 items)" in err


def test_a_failing_feed_is_one_line_and_exit_2(site, run):
    dead = server.dead_url()
    run("feeds", "add", dead, site.url("/feeds/notes.rdf"))
    code, _, err = run("feeds", "update")
    assert code == 2
    assert f"reader: {dead}: connection refused (nothing answers at that address)" in err
    assert "reader: Field notes: 1 new, 1 items" in err
    assert err[-1] == "reader: 1 new item; 1 failed"
    code, out, _ = run("feeds", "list")
    assert "last error: connection refused" in out


def test_adding_bad_addresses_and_updating_unknown_ones(site, run):
    code, _, err = run("feeds", "add", "courier.example/rss")
    assert code == 2 and err == [
        "reader: courier.example/rss: not a web address (it must start with http:// or https://)"
    ]
    code, _, err = run("feeds", "update", site.url("/feeds/valley.atom"))
    assert code == 2 and "not followed" in err[0]


def test_import_opml_and_urls_then_export(site, run, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline text="Courier" xmlUrl="{site.url("/feeds/courier.rss")}"/>'
        '<outline text="Bad" xmlUrl="gopher://old.example/"/></body></opml>',
        encoding="utf-8",
    )
    code, _, err = run("feeds", "import", str(opml))
    assert code == 0
    assert f"reader: {opml}: gopher://old.example/: not an http(s) address; skipped" in err
    urls = tmp_path / "urls"
    urls.write_text(
        f'{site.url("/feeds/courier.rss")} news\n{site.url("/feeds/old.rss")} "~Old"\n',
        encoding="utf-8",
    )
    code, _, err = run("feeds", "import", str(urls))
    assert code == 0 and "reader: already followed: 1 feed" in err
    run("feeds", "update", site.url("/feeds/old.rss"))
    code, out, _ = run("feeds", "export")
    assert code == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert 'title="Old Town Crier"' in out  # the title the feed gave itself once fetched
    assert f'xmlUrl="{site.url("/feeds/courier.rss")}"' in out
    code, _, err = run("feeds", "import", str(tmp_path / "missing.opml"))
    assert code == 2 and err == [
        f"reader: {tmp_path / 'missing.opml'}: cannot read (no such file or directory)"
    ]


def test_analyze_a_url_reads_the_saved_copy_the_second_time(site, run):
    url = site.url("/news/harbour-dredging.html")
    code, out, err = run("analyze", url, "--json", "--no-cache")
    assert code == 0 and err[0] == f"reader: fetching {url}"
    data = json.loads(out)
    assert data["title"] == "Dredging of the inner harbour to start in spring"
    assert data["published"] == "2026-03-02"
    assert any(q["speaker"] == "Tomas Lindqvist" for q in data["quotes"])
    asked = len(site.requests)
    code, again, err = run("analyze", url, "--json", "--no-cache")
    assert code == 0 and json.loads(again)["text"] == data["text"]
    assert len(site.requests) == asked and not any("fetching" in line for line in err)


def test_opening_urls_that_cannot_be_fetched_stops_before_the_reader(site, run):
    code, _, err = run(site.url("/error"), server.dead_url())
    assert code == 2, err
    line = f"reader: {site.url('/error')}: the server answered 500 Internal Server Error"
    assert line in err, err
    assert err[-1] == "reader: no page could be fetched", err


def test_import_of_a_binary_file_is_one_line(run, tmp_path):
    blob = tmp_path / "picture.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 40)
    code, _, err = run("feeds", "import", str(blob))
    assert code == 2
    assert err == [
        f"reader: {blob}: binary file, not text (give an OPML file or a newsboat urls file)"
    ]


def test_import_names_the_first_skipped_lines_and_counts_the_rest(run, tmp_path):
    prose = tmp_path / "notes.txt"
    prose.write_text("\n".join(f"just a line of prose {n}" for n in range(40)), encoding="utf-8")
    code, _, err = run("feeds", "import", str(prose))
    assert code == 2
    assert err[:5] == [f"reader: {prose}: line {n}: not an http(s) address; skipped"
                       for n in range(1, 6)]  # fmt: skip
    assert err[5:] == [
        f"reader: {prose}: 35 more lines skipped",
        f"reader: {prose}: no feed addresses found (an OPML file or a newsboat urls file)",
    ]
