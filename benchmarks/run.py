"""Run every performance benchmark and print one table: `python benchmarks/run.py [--quick]`."""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (  # noqa: E402
    bench_analysis,
    bench_batch,
    bench_cache,
    bench_keys,
    bench_memory,
    bench_startup,
    bench_ui,
)
from benchmarks.common import Row, print_table  # noqa: E402

FAMILIES = {
    "1": (
        "analysis vs bare spaCy",
        (bench_analysis.process_ratio, bench_analysis.in_process_ratio),
    ),
    "2": ("cache hit and lazy imports", (bench_cache.in_process, bench_cache.as_process)),
    "3": ("scale", (lambda rows, tmp, quick: bench_analysis.scale(rows, quick),)),
    "4": ("first paint", (bench_startup.first_paint,)),
    "5": ("key latency", (bench_keys.key_latency,)),
    "6": ("memory", (bench_memory.peak_rss,)),
    "7": ("folder throughput", (bench_batch.throughput,)),
    "8": ("keys, quit and first paint beside a minimal app", (bench_ui.ui_figures,)),
}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(line.split(":", 1)[1].strip() for line in fh if "model name" in line)
    except (OSError, StopIteration):
        pass
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{cpu}, {len(os.sched_getaffinity(0))} cores, load {load}"


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = [f"Python {platform.python_version()}"]
    for name in ("spacy", "textual", "sumy"):
        with contextlib.suppress(PackageNotFoundError):
            out.append(f"{name} {version(name)}")
    return ", ".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes (< 1 minute)")
    parser.add_argument("--only", metavar="N,N", help="figure families to run (1-8)")
    parser.add_argument("--keep", metavar="DIR", help="keep generated files in DIR")
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(FAMILIES)
    print(f"reader benchmarks, {date.today()}, {'quick' if args.quick else 'full'} run")
    print(f"machine: {machine()}; {versions()}\n")
    rows: list[Row] = []
    failed = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
        tmp = Path(args.keep or scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        for key in chosen:
            name, steps = FAMILIES[key]
            began = time.perf_counter()
            print(f"[{key}] {name} ...", file=sys.stderr, flush=True)
            for step in steps:
                try:
                    step(rows, tmp, args.quick)
                except Exception:  # one broken figure must not hide the others
                    failed += 1
                    traceback.print_exc()
                    rows.append(Row(f"{key} {name}", getattr(step, "__name__", "step"), "FAILED"))
            print(f"[{key}] {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    print_table(rows)
    unmet = [r for r in rows if r.met is False]
    print(f"\n{len(rows)} figures in {time.perf_counter() - start:.0f} s; "
          f"{len(unmet)} targets not met; {failed} failed")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
