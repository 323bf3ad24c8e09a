"""Every real-data scorer in one run, printed as Markdown with the commit and date.

Run: python -m benchmarks.realdata.run [--quick] [--only quotes,summary,actors,pages]

The full run takes a few minutes on two cores (the summary scorer parses 844 articles);
--quick scores the first few articles of each set, to check that the scorers work.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.realdata import (
    score_actors,
    score_actors_polnear,
    score_pages,
    score_quotes,
    score_summary,
)
from benchmarks.realdata.common import require_data, stamp

QUICK = 4


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK} articles of each set")
    parser.add_argument("--only", default="quotes,summary,actors,pages")
    args = parser.parse_args(argv)
    require_data()
    limit = QUICK if args.quick else None
    wanted = args.only.split(",")
    print(f"# Reader quality on real news\n\n{stamp()}{' (quick subset)' if args.quick else ''}\n")
    started = time.perf_counter()
    if "quotes" in wanted:
        print(score_quotes.render(score_quotes.run("dev", limit), "dev"), end="\n\n")
    if "summary" in wanted:
        print(
            score_summary.render(score_summary.figures(score_summary.run(limit=limit))), end="\n\n"
        )
    if "actors" in wanted:
        print(score_actors.render(score_actors.figures(score_actors.run(limit))), end="\n\n")
        polnear = score_actors_polnear.run("dev", limit)
        print(score_actors_polnear.render(score_actors_polnear.figures(polnear), "dev"), end="\n\n")
    if "pages" in wanted:
        results = score_pages.run(limit, with_traf=True)
        print(score_pages.render(score_pages.figures(results), len(results)), end="\n\n")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
