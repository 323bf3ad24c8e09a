"""Figure 7: throughput of `reader analyze FOLDER` with one and two worker processes."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks import corpus
from benchmarks.common import READER, Row, isolated_env, paired


def folder(tmp: Path, count: int) -> Path:
    """`count` generated articles of about 1,500 words."""
    path = tmp / f"batch-{count}"
    if not path.exists():
        corpus.write_library(path, count, words=1500)
    return path


def throughput(rows: list[Row], tmp: Path, quick: bool) -> None:
    count = 4 if quick else 40
    articles = folder(tmp, count)
    env = isolated_env(tmp)
    one = [*READER, "analyze", str(articles), "--no-cache", "--jobs", "1"]
    two = [*READER, "analyze", str(articles), "--no-cache", "--jobs", "2"]
    t = paired(two, one, runs=1 if quick else 3, env=env, warmup=0)
    cores = len(os.sched_getaffinity(0))
    rows.append(Row(
        "7 folder analysis", f"{count} articles of 1,500 words, --jobs 1",
        f"{count / t.b_wall:.1f} articles/s", f"{t.b_wall:.1f} s", "", "", None,
    ))  # fmt: skip
    rows.append(Row(
        "7 folder analysis", f"{count} articles of 1,500 words, --jobs 2",
        f"{count / t.a_wall:.1f} articles/s", f"{t.a_wall:.1f} s",
        f"speed-up x{1 / t.ratio_wall:.2f} (cpu x{t.a_cpu / t.b_cpu:.2f})",
        f"informational ({cores} shared cores)", None,
    ))  # fmt: skip
