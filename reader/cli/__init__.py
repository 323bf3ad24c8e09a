"""Command line: argument parsing, subcommands, exit codes and one-line error messages."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from pathlib import Path

from reader import __version__
from reader.text.unsafe import printable

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class Terminated(BaseException):
    """SIGTERM: unwinds like Ctrl+C, so worker processes are stopped on the way out."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


SUBCOMMANDS = ("analyze", "export", "feeds")
FORMATS = ("md", "txt", "json")


def say(message: str) -> None:
    """One line on stderr; hostile file names are shown escaped, never acted on."""
    print(f"reader: {printable(message)}", file=sys.stderr)


class CliError(Exception):
    """A problem to report as one line on stderr, exit code 2."""


def _global_options(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        default=default,
        help="settings and reading state (env READER_CONFIG_DIR)",
    )
    parser.add_argument(
        "--cache-dir", metavar="DIR", default=default, help="analysis cache (env READER_CACHE_DIR)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="pages and feeds fetched from the web (env READER_DATA_DIR)",
    )


def _sub_global_options(parser: argparse.ArgumentParser) -> None:
    """The global options after a sub-action too, without hiding those given before it."""
    _global_options(parser, default=argparse.SUPPRESS)


def _analysis_options(parser: argparse.ArgumentParser) -> None:
    from reader.analysis.summary import ALGORITHMS
    from reader.settings import MAX_SENTENCES, MAX_WORDS, MIN_WORDS

    parser.add_argument(
        "--sentences",
        type=int,
        metavar="N",
        help=f"summary length in sentences, 1 to {MAX_SENTENCES} (default from config, else 3)",
    )
    parser.add_argument(
        "--words",
        type=int,
        metavar="N",
        help=f"summary length in words instead, {MIN_WORDS} to {MAX_WORDS}: the best "
        "sentences that fit in N words",
    )
    parser.add_argument(
        "--algorithm",
        metavar="NAME",
        help=f"summary algorithm: {', '.join(ALGORITHMS)} (default from config, else news)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="analyse afresh; neither read nor write the cache"
    )


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """One parser per form, so `reader PATH ...` and the subcommands never clash."""
    if command == "analyze":
        p = argparse.ArgumentParser(
            prog="reader analyze", description="Analyse an article and print the result."
        )
        _global_options(p)
        p.add_argument(
            "path", help="article file or web address, or a folder to analyse every article in"
        )
        p.add_argument(
            "--json",
            action="store_true",
            help="print the result as JSON instead of text (fields described in the README)",
        )
        _analysis_options(p)
        p.add_argument(
            "--jobs",
            type=int,
            default=1,
            metavar="N",
            help="worker processes when PATH is a folder (default 1)",
        )
        return p
    if command == "export":
        p = argparse.ArgumentParser(
            prog="reader export", description="Export an article's summary."
        )
        _global_options(p)
        p.add_argument("path", help="article file or web address")
        p.add_argument(
            "--format",
            choices=FORMATS,
            help="md (Markdown), txt (plain text) or json; default: the extension of FILE, else md",
        )
        target = p.add_mutually_exclusive_group()
        target.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write to FILE (its folder must exist; - is stdout)",
        )
        target.add_argument(
            "--clipboard",
            action="store_true",
            help="copy to the clipboard (a local tool, tmux's buffer, else the terminal's)",
        )
        p.add_argument("--force", action="store_true", help="with -o: overwrite an existing FILE")
        p.add_argument(
            "--no-extras", action="store_true", help="summary only: leave out actors and quotes"
        )
        _analysis_options(p)
        return p
    if command == "feeds":
        from reader.cli.web import feeds_parser

        return feeds_parser(_global_options, _sub_global_options)
    p = argparse.ArgumentParser(
        prog="reader",
        description="A terminal reader for news: summary, actors and quotes at a glance.",
        epilog="subcommands: reader analyze PATH [--json] | reader export PATH [--format ...] | "
        "reader feeds add|import|export|update|list | reader help [SUBCOMMAND]",
    )
    p.add_argument("--version", action="version", version=f"reader {__version__}")
    _global_options(p)
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders or web addresses (default: last library, else the samples)",
    )
    return p


def _split_command(argv: list[str]) -> str | None:
    """The subcommand, if the first non-option argument names one."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--config-dir", "--cache-dir", "--data-dir"):
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg if arg in SUBCOMMANDS else None
    return None


def _context(args: argparse.Namespace, problems: list[str] | None = None):
    """Paths and settings; bad settings are said on stderr, or kept in `problems` (the
    reader shows them: stderr would vanish under its screen)."""
    from reader.paths import resolve_paths
    from reader.settings import load_settings

    paths = resolve_paths(args.config_dir, args.cache_dir, args.data_dir)
    settings, warnings = load_settings(paths.config_file)
    if problems is not None:
        problems.extend(warnings)
    else:
        for warning in warnings:
            say(warning)
    return paths, settings


def _load(path_arg: str, paths=None):
    from reader.library.loaders import load_article
    from reader.library.models import ArticleLoadError

    if paths is not None and _is_url(path_arg):
        from reader.cli.web import open_urls

        pages = open_urls([path_arg], paths)
        if not pages:
            raise CliError(f"{path_arg}: the page could not be fetched")
        path_arg = str(pages[0])
    path = Path(path_arg)
    if not path.exists() and not path.is_symlink():  # the loader names link loops
        raise CliError(f"{path}: no such file or directory")
    if path.is_dir():
        raise CliError(f"{path}: is a folder; give an article file")
    try:
        return load_article(path)
    except ArticleLoadError as exc:
        raise CliError(str(exc)) from None


def _analyse(article, args, paths, settings):
    from reader.service import analyze_article
    from reader.service.worker import single_threaded_blas

    single_threaded_blas()  # before numpy loads: extra BLAS threads only slow small matrices

    sentences, words = summary_length(args, settings)
    analysis, notices = analyze_article(
        article,
        sentences=sentences,
        algorithm=args.algorithm or settings.algorithm,
        model_name=settings.spacy_model,
        cache_dir=None if args.no_cache else paths.analysis_cache_dir,
        words=words,
    )
    for notice in notices:
        say(notice)
    return analysis


def _check_algorithm(args: argparse.Namespace) -> None:
    from reader.analysis.summary import ALGORITHMS
    from reader.settings import MAX_SENTENCES, MAX_WORDS, MIN_WORDS

    if args.algorithm and args.algorithm not in ALGORITHMS:
        raise CliError(f"unknown algorithm {args.algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    if args.sentences is not None and not 1 <= args.sentences <= MAX_SENTENCES:
        raise CliError(f"--sentences must be from 1 to {MAX_SENTENCES} (the reader's range too)")
    if args.words is not None and not MIN_WORDS <= args.words <= MAX_WORDS:
        raise CliError(f"--words must be from {MIN_WORDS} to {MAX_WORDS}")
    if args.words is not None and args.sentences is not None:
        raise CliError("give the summary length in --sentences or in --words, not both")


def summary_length(args: argparse.Namespace, settings) -> tuple[int, int | None]:
    """(sentences, words): the command line wins over config.toml; words win when given."""
    if args.words:
        return settings.summary_sentences, args.words
    if args.sentences:
        return args.sentences, None
    return settings.summary_sentences, settings.summary_words


def cmd_analyze(args: argparse.Namespace) -> int:
    _check_algorithm(args)
    if args.jobs < 1:
        raise CliError("--jobs must be at least 1")
    paths, settings = _context(args)
    target = Path(args.path)
    if target.is_dir() and not _is_url(args.path):
        from reader.cli.batch import analyze_folder

        return analyze_folder(target, args, paths, settings)
    article = _load(args.path, paths)
    for notice in article.notices:
        say(f"{article.path}: {notice}")
    analysis = _analyse(article, args, paths, settings)
    from reader.export import render

    sys.stdout.write(render(article, analysis, "json" if args.json else "txt"))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from reader.cli.exporting import check_export, deliver
    from reader.export import render

    _check_algorithm(args)
    fmt = check_export(args)
    paths, settings = _context(args)
    article = _load(args.path, paths)
    analysis = _analyse(article, args, paths, settings)
    deliver(render(article, analysis, fmt, extras=not args.no_extras), args)
    return EXIT_OK


def _is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


def cmd_feeds(args: argparse.Namespace) -> int:
    paths, settings = _context(args)
    from reader.cli.web import cmd_feeds as run

    return run(args, paths, settings)


def cmd_tui(args: argparse.Namespace) -> int:
    problems: list[str] = []
    paths, settings = _context(args, problems)
    from reader.library.scan import check_root

    urls = [p for p in args.paths if _is_url(p)]
    if urls:
        from reader.cli.web import open_urls

        pages = open_urls(urls, paths)
        if not pages:
            raise CliError("no page could be fetched")
        args.paths = [*(p for p in args.paths if not _is_url(p)), *map(str, pages)]
    bad = [(p, problem) for p in args.paths if (problem := check_root(Path(p)))]
    if bad and len(bad) == len(args.paths):  # nothing to open: a line for each
        for p, problem in bad[:-1]:
            say(f"{p}: {problem}")
        raise CliError(f"{bad[-1][0]}: {bad[-1][1]}")
    # One bad file never stops the rest: the list shows it as a row that cannot be
    # opened (a folder with nothing to list is said in the reader instead).
    empty = [f"{p}: {problem}" for p, problem in bad if Path(p).is_dir()]
    from reader.tui.app import run_app

    return run_app([Path(p) for p in args.paths], paths, settings, problems, empty)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["help"] and not Path("help").exists():
        topic = argv[1] if len(argv) > 1 and argv[1] != "help" else None
        if topic is not None and topic not in SUBCOMMANDS:
            say(f"no such command: {topic} (commands: {', '.join(SUBCOMMANDS)}, help)")
            return EXIT_USAGE
        build_parser(topic).print_help()
        return EXIT_OK
    command = _split_command(argv)
    if command:
        argv.remove(command)
    parser = build_parser(command)
    with contextlib.suppress(ValueError):  # only the main thread may set a handler
        signal.signal(signal.SIGTERM, _terminate)
    try:
        args = parser.parse_args(argv)
        handlers = {"analyze": cmd_analyze, "export": cmd_export, "feeds": cmd_feeds}
        handler = handlers.get(command or "", cmd_tui)
        return handler(args)
    except CliError as exc:
        say(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        sys.stderr.close()
        return EXIT_OK
