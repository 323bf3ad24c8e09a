"""`reader analyze FOLDER`: progress and errors on stderr, JSON Lines on stdout, exit codes.

Exit codes: 0 when every article was analysed; 2 when some could not be (each named on
stderr as one "reader: PATH: reason" line), when nothing in the folder is an article, or
when --jobs is below 1. Progress and a closing summary go to stderr; stdout gets a line per
analysed article (its title and what was found), or with --json one JSON object per article
(JSON Lines, in the folder's order).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.service.batch import Options, Outcome, collect, outcomes
from reader.text.unsafe import printable

if TYPE_CHECKING:
    from reader.paths import Paths
    from reader.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 2


class Progress:
    """Progress lines on stderr: one updating line on a terminal, else every few seconds."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()
        self.done = self.failed = self.cached = 0
        self.workers = 0
        """Worker processes started (0 when everything came from the cache or ran here)."""
        self.started = time.monotonic()

    def workers_started(self, workers: int) -> None:
        self.workers = workers

    def step(self, outcome: Outcome) -> None:
        self.done += 1
        self.cached += outcome.cached
        if outcome.error is not None:
            self.failed += 1
            self._clear()
            print(f"reader: {printable(f'{outcome.path}: {outcome.error}')}", file=self.stream)
        if self.tty:
            self.stream.write(f"\rreader: analysed {self.done}/{self.total}")
            self.stream.flush()
        elif self.done < self.total:  # a log, not a screen: a line per article
            print(f"reader: analysed {self.done}/{self.total}", file=self.stream)

    def _clear(self) -> None:
        if self.tty:
            self.stream.write("\r\033[K")

    def finish(self) -> None:
        self._clear()
        seconds = time.monotonic() - self.started
        ok = self.done - self.failed
        how = [f"{self.cached} from the cache"] if self.cached else []
        if self.workers:
            how.append(f"{self.workers} worker process{'' if self.workers == 1 else 'es'}")
        detail = f" ({', '.join(how)})" if how else ""
        failed = f"; {self.failed} failed" if self.failed else ""
        print(
            f"reader: analysed {ok} of {self.total} articles in {seconds:.1f} s{detail}{failed}",
            file=self.stream,
        )


def analyze_folder(target: Path, args: argparse.Namespace, paths: Paths, settings: Settings) -> int:
    """Analyse every article under `target`; the exit code (see the module docstring)."""
    from reader.export import to_json

    jobs = getattr(args, "jobs", None)
    jobs = 1 if jobs is None else jobs
    if jobs < 1:
        print("reader: --jobs must be at least 1", file=sys.stderr)
        return EXIT_FAILED
    from reader.cli import summary_length

    sentences, words = summary_length(args, settings)
    options = Options(
        sentences=sentences,
        algorithm=args.algorithm or settings.algorithm,
        model_name=settings.spacy_model,
        cache_dir=None if args.no_cache else paths.analysis_cache_dir,
        want_json=bool(args.json),
        words=words,
    )
    files, scan_errors = collect(target)
    total = len(files) + len(scan_errors)
    if total == 0:
        where = printable(str(target))
        print(f"reader: {where}: no articles found (.txt, .md, .html)", file=sys.stderr)
        return EXIT_FAILED
    progress = Progress(total, sys.stderr)
    for outcome in scan_errors:
        progress.step(outcome)
    seen: set[str] = set()
    workers = max(1, min(jobs, len(files)))
    for outcome in outcomes(files, options, workers, progress.workers_started):
        for notice in outcome.notices:
            if notice not in seen and outcome.error is None:
                seen.add(notice)
                print(f"reader: {printable(notice)}", file=sys.stderr)
        if outcome.payload is not None:
            sys.stdout.write(to_json(outcome.payload) + "\n")
        elif outcome.line:
            sys.stdout.write(printable(outcome.line) + "\n")
            sys.stdout.flush()
        progress.step(outcome)
    progress.finish()
    return EXIT_FAILED if progress.failed else EXIT_OK
