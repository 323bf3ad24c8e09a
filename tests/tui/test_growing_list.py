"""A list that grows batch by batch (the first listing of a big folder) ends as the list
made at once, and a batch is added at the end only when that is where it belongs."""

from __future__ import annotations

from reader.tui.session import path_key
from reader.tui.widgets.article_list import ArticleList

from .conftest import BUDGET, held_scanner, settle, status_text, until


def list_state(articles: ArticleList) -> tuple:
    return (list(articles._rows), list(articles.paths), list(articles._starts),
            dict(articles._unread), articles.unread_count,
            articles.virtual_size.height)  # fmt: skip


async def test_a_list_grown_by_batches_is_the_list_made_at_once(make_app, tmp_path):
    library = tmp_path / "nested"
    for folder in ("", "harbour", "harbour/docks", "schools"):
        (library / folder).mkdir(parents=True, exist_ok=True)
        for n in range(3):
            (library / folder / f"story-{n}.txt").write_text(BUDGET, encoding="utf-8")
    app = make_app(library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.article_list
        refs = list(app.session.refs)
        articles.set_read({path_key(refs[1].path), path_key(refs[7].path)})
        articles.show(refs, grouped=True, current=refs[4].path)
        whole = list_state(articles)
        assert articles.unread_count == len(refs) - 2
        for cut in range(1, len(refs)):
            articles.show(refs[:cut], grouped=True, current=refs[4].path)
            articles.extend(refs[cut:])
            assert list_state(articles) == whole
            assert articles.current == refs[4].path  # selected once it is listed


async def test_a_growing_listing_in_several_folders_ends_grouped_and_in_order(make_app, tmp_path):
    library = tmp_path / "nested"
    for folder in ("b-second", "a-first"):
        (library / folder).mkdir(parents=True)
        for n in range(3):
            (library / folder / f"story-{n}.txt").write_text(BUDGET, encoding="utf-8")
    slow_scanner, release = held_scanner(2)

    app = make_app(library=library)
    app.session.scanner = slow_scanner
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.screen.article_list.paths, rounds=60)
        assert 0 < len(app.screen.article_list.paths) < 6
        release.set()
        await settle(pilot)
        listed = app.screen.article_list.paths
        grouped = sorted(listed, key=lambda p: (p.parent.name, p.name))
        assert listed == grouped and len(listed) == 6
        assert app.screen.article_list.grouped


async def test_the_status_line_counts_the_articles_a_growing_list_adds(make_app, library):
    """The first article opens while the scan goes on; the place line ("1 of N", how many
    unread) follows the list as it grows, not the list as it was when the article opened."""
    slow_scanner, release = held_scanner(1)

    app = make_app()
    app.session.scanner = slow_scanner
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: status_text(app).startswith("1 of 1 · "), rounds=60)
        assert status_text(app).startswith("1 of 1 · unread · ")
        release.set()
        await settle(pilot)
        assert len(app.screen.article_list.paths) == 3
        assert status_text(app).startswith("1 of 3 · unread · ")
        assert status_text(app).endswith("3 unread in the list")


async def test_the_first_rows_are_listed_as_soon_as_the_scan_finds_them(make_app, monkeypatch):
    """A scan that has found nothing when the screen is mounted: its first rows are listed
    (and make the first paint) as soon as they are found, not after a batch's wait."""
    import threading

    from reader.library.scan import iter_scan
    from reader.tui.screens import main

    monkeypatch.setattr(main, "FIRST_BATCH", 30.0)  # a wait no test would sit through
    start, rest = threading.Event(), threading.Event()

    def scanner(paths):
        start.wait(10)
        for number, item in enumerate(iter_scan(paths)):
            if number == 1:
                rest.wait(10)
            yield item

    app = make_app()
    app.session.scanner = scanner
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        articles = app.screen.article_list
        assert not articles.paths
        start.set()
        await until(pilot, lambda: articles.paths, rounds=40)
        assert len(articles.paths) == 1
        rest.set()
        await settle(pilot)
        assert len(articles.paths) == 3


async def test_in_another_order_than_the_folder_s_the_first_article_opened_is_the_top_row(
    make_app, monkeypatch
):
    """Listed newest first, a file found later may go above the first one found, so the
    first rows wait for a batch (here: for the whole scan), and the article opened is the
    top row of the list, not the first file the scan happened to reach."""
    import threading

    from reader.library.scan import iter_scan
    from reader.tui.screens import main

    monkeypatch.setattr(main, "FIRST_BATCH", 30.0)  # a batch longer than the whole scan
    rest = threading.Event()

    def scanner(paths):
        for number, item in enumerate(iter_scan(paths)):
            if number == 1:
                rest.wait(10)
            yield item

    app = make_app()
    app.session.state.set("sort", "date")  # newest first, as `s` leaves it; nothing read yet
    app.session.scanner = scanner
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.article_list
        await until(pilot, lambda: False, rounds=4)  # the first file has been found by now
        assert not articles.paths
        rest.set()
        await settle(pilot)
        assert [p.name for p in articles.paths][0] == "b-port.txt"
        assert app.screen.current == articles.paths[0]
