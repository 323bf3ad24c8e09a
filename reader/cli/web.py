"""Web addresses on the command line: `reader URL`, `reader analyze URL` and
`reader feeds add|import|export|update|list`. Progress and problems are lines on stderr;
`feeds list --json` and `feeds export` write to stdout."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.text.unsafe import printable

if TYPE_CHECKING:
    from reader.paths import Paths
    from reader.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 2
MAX_LIST_BYTES = 5 * 1024 * 1024
"""The largest OPML or urls file imported."""
MAX_PROBLEM_LINES = 5
"""Lines skipped in an imported list that are named one by one; the rest are counted."""


def say(message: str) -> None:
    print(f"reader: {printable(message)}", file=sys.stderr)


def feeds_parser(global_options, sub_global_options) -> argparse.ArgumentParser:
    """`reader feeds ACTION`; the global options work before or after the action."""
    p = argparse.ArgumentParser(
        prog="reader feeds", description="Follow web feeds (RSS and Atom) for offline reading."
    )
    global_options(p)
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="follow one or more feeds (added to config.toml)")
    add.add_argument("urls", nargs="+", metavar="URL")
    imp = sub.add_parser("import", help="follow the feeds of an OPML file or a newsboat urls file")
    imp.add_argument("file", metavar="FILE")
    exp = sub.add_parser("export", help="print the followed feeds as OPML")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead")
    exp.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    upd = sub.add_parser("update", help="fetch new items of every feed (or of the URLs given)")
    upd.add_argument("urls", nargs="*", metavar="URL")
    lst = sub.add_parser("list", help="the followed feeds with their item and unread counts")
    lst.add_argument("--json", action="store_true", help="one JSON array on stdout")
    for parser in sub.choices.values():
        sub_global_options(parser)
    return p


def open_urls(urls: list[str], paths: Paths, *, refresh: bool = False) -> list[Path]:
    """Each URL's saved page, fetched first when there is no copy; a line for each failure."""
    from reader.web import Fetcher, FetchError, PageStore

    store = PageStore(paths.pages_dir)
    pages: list[Path] = []
    with Fetcher() as fetcher:
        for url in urls:
            try:
                if refresh or store.lookup(url.strip()) is None:
                    say(f"fetching {url.strip()}")
                pages.append(store.open(url, fetcher, refresh=refresh))
            except FetchError as exc:
                say(str(exc))
            except OSError as exc:
                say(f"{url}: cannot save the page ({exc.strerror or exc})")
    return pages


def cmd_feeds(args: argparse.Namespace, paths: Paths, settings: Settings) -> int:
    action = {
        "add": _add,
        "import": _import,
        "export": _export,
        "update": _update,
        "list": _list,
    }[args.action]
    return action(args, paths, settings)


def _follow(urls: list[str], paths: Paths, origin: str | None = None) -> int:
    from reader.settings import ConfigWriteError, add_feeds

    try:
        added, already = add_feeds(paths.config_file, urls)
    except ConfigWriteError as exc:
        say(str(exc))
        return EXIT_FAILED
    for url in added:
        say(f"now following {url}")
    if already:
        say(f"already followed: {len(already)} feed{'s' if len(already) != 1 else ''}")
    if added:
        say("run `reader feeds update` to fetch them")
    return EXIT_OK


def _add(args, paths: Paths, settings: Settings) -> int:
    from reader.web import FetchError, check_url

    urls = []
    for url in args.urls:
        try:
            urls.append(check_url(url))
        except FetchError as exc:
            say(str(exc))
            return EXIT_FAILED
    return _follow(urls, paths)


def _import(args, paths: Paths, settings: Settings) -> int:
    from reader.feeds import read_feed_list

    path = Path(args.file)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_LIST_BYTES + 1)
    except OSError as exc:
        say(f"{path}: cannot read ({(exc.strerror or str(exc)).lower()})")
        return EXIT_FAILED
    if len(raw) > MAX_LIST_BYTES:
        say(f"{path}: too large for a list of feeds (over {MAX_LIST_BYTES // 2**20} MB)")
        return EXIT_FAILED
    from reader.library.text import looks_binary

    if looks_binary(raw):
        say(f"{path}: binary file, not text (give an OPML file or a newsboat urls file)")
        return EXIT_FAILED
    feeds, problems = read_feed_list(raw.decode("utf-8", errors="replace"))
    for problem in problems[:MAX_PROBLEM_LINES]:
        say(f"{path}: {problem}")
    if len(problems) > MAX_PROBLEM_LINES:
        say(f"{path}: {len(problems) - MAX_PROBLEM_LINES} more lines skipped")
    if not feeds:
        say(f"{path}: no feed addresses found (an OPML file or a newsboat urls file)")
        return EXIT_FAILED
    say(f"{path}: {len(feeds)} feed{'s' if len(feeds) != 1 else ''} found")
    return _follow([f.url for f in feeds], paths)


def _export(args, paths: Paths, settings: Settings) -> int:
    from reader.feeds import FeedEntry, FeedStore, write_opml

    folders = FeedStore(paths.feeds_dir)
    entries = [FeedEntry(url, folders.record(url).get("title") or None) for url in settings.feeds]
    text = write_opml(entries)
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    from reader.export import ExportError, write_export

    try:
        written = write_export(Path(args.output), text, overwrite=args.force)
    except ExportError as exc:
        say(str(exc))
        return EXIT_FAILED
    say(f"wrote {written}")
    return EXIT_OK


def _update(args, paths: Paths, settings: Settings) -> int:
    from reader.feeds import FeedStore, update_feeds
    from reader.web import Fetcher

    urls = [u.strip() for u in args.urls] or list(settings.feeds)
    unknown = [u for u in urls if u not in settings.feeds]
    if unknown:
        say(f"{unknown[0]}: not followed; add it first with `reader feeds add URL`")
        return EXIT_FAILED
    if not urls:
        say("no feeds followed; add one with `reader feeds add URL`")
        return EXIT_OK
    say(f"updating {len(urls)} feed{'s' if len(urls) != 1 else ''}")
    with Fetcher() as fetcher:
        results = update_feeds(
            urls, FeedStore(paths.feeds_dir), fetcher, on_result=lambda r: say(r.line())
        )
    failed = sum(1 for r in results if r.error)
    new = sum(r.new for r in results)
    say(f"{new} new item{'s' if new != 1 else ''}" + (f"; {failed} failed" if failed else ""))
    return EXIT_FAILED if failed else EXIT_OK


def feed_rows(paths: Paths, settings: Settings) -> list[dict]:
    """One row per followed feed: address, title, folder, items, unread, last check, error."""
    from reader.feeds import FeedStore
    from reader.state import ReadingState, path_key

    store = FeedStore(paths.feeds_dir)
    folders = store.folders()
    state = ReadingState.open(paths.state_file)
    try:
        read = state.read_paths()
    finally:
        state.close()
    rows = []
    for url in settings.feeds:
        folder = folders.get(url)
        record = store.record(url)
        files = store.item_files(folder) if folder else []
        rows.append({
            "url": url,
            "title": record.get("title") or None,
            "folder": str(folder) if folder else None,
            "items": len(files),
            "unread": sum(1 for f in files if path_key(f) not in read),
            "checked": record.get("checked"),
            "error": record.get("error"),
        })  # fmt: skip
    return rows


def _list(args, paths: Paths, settings: Settings) -> int:
    rows = feed_rows(paths, settings)
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    if not rows:
        say("no feeds followed; add one with `reader feeds add URL`")
    for row in rows:
        name = printable(row["title"] or row["url"])
        state = "never updated" if row["checked"] is None else f"checked {row['checked']}"
        problem = f"; last error: {printable(row['error'])}" if row["error"] else ""
        print(f"{name}\n  {printable(row['url'])}\n  {row['items']} items, {row['unread']} unread, "
              f"{state}{problem}")  # fmt: skip
    return EXIT_OK
