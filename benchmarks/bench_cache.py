"""Figure 2: re-opening an analysed article from the cache, in process and as a command."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

from benchmarks import corpus
from benchmarks.common import PYTHON, READER, Row, isolated_env, ms, paired, percentile

TARGET_MS = 20
HEAVY = ("spacy", "sumy", "nltk", "textual", "thinc", "numpy", "trafilatura", "lxml")


def in_process(rows: list[Row], tmp: Path, quick: bool) -> None:
    """`analyze_article` with a warm cache: hashing the text, reading and decoding the entry."""
    from reader.library.loaders import load_article
    from reader.service import analyze_article

    long_path = corpus.write_long(tmp / "long", 6000)
    for path in (long_path, corpus.SAMPLES / "council-budget-vote.txt"):
        article = load_article(path)
        cache_dir = tmp / "hit-cache"
        analyze_article(article, cache_dir=cache_dir)  # the miss that fills the cache
        times = []
        for _ in range(20 if quick else 100):
            start = time.perf_counter()
            analyze_article(article, cache_dir=cache_dir)
            times.append(time.perf_counter() - start)
        p95 = percentile(times, 95)
        rows.append(Row(
            "2 cache hit (in process)", path.name,
            f"median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms", "", "",
            f"< {TARGET_MS} ms", p95 * 1000 < TARGET_MS,
        ))  # fmt: skip


def heavy_imports(cmd: list[str], env: dict[str, str]) -> list[str]:
    """Heavy top-level packages that `python -X importtime` shows `cmd` importing."""
    done = subprocess.run([PYTHON, "-X", "importtime", *cmd[1:]], env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    found = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:"):
            name = line.rsplit("|", 1)[-1].strip().split(".")[0]
            if name in HEAVY:
                found.add(name)
    return sorted(found)


def as_process(rows: list[Row], tmp: Path, quick: bool) -> None:
    """`reader analyze --json FILE` on a cached article against `python -c "import reader"`."""
    env = isolated_env(tmp)
    path = corpus.write_long(tmp / "long", 6000)
    ours = [*READER, "analyze", "--json", str(path)]
    subprocess.run(ours, env=env, capture_output=True, check=True)  # fills the cache
    t = paired(ours, [PYTHON, "-c", "import reader"], runs=2 if quick else 9, env=env,
               warmup=0 if quick else 1)  # fmt: skip
    rows.append(Row(
        "2 cache hit (process)", f"reader analyze --json (cached, {path.name})", ms(t.a_wall),
        f'python -c "import reader" {ms(t.b_wall)}', f"{t.ratio_wall:.2f}",
    ))  # fmt: skip
    heavy = heavy_imports(ours, env)
    rows.append(Row(
        "2 lazy imports", "reader analyze (cached): heavy packages imported",
        ", ".join(heavy) or "none", "", "", "no spacy, sumy, textual",
        not {"spacy", "sumy", "textual"} & set(heavy),
    ))  # fmt: skip
    for code in ("import reader", "import reader.cli"):
        heavy = heavy_imports([PYTHON, "-c", code], env)
        rows.append(Row(
            "2 lazy imports", f'python -c "{code}"', ", ".join(heavy) or "none", "", "",
            "no spacy, sumy, textual", not {"spacy", "sumy", "textual"} & set(heavy),
        ))  # fmt: skip
    t = paired([*READER, "--version"], [PYTHON, "-c", "import reader"], runs=3 if quick else 9,
               env=env, warmup=0 if quick else 1)  # fmt: skip
    rows.append(
        Row(
            "2 cache hit (process)",
            "reader --version",
            ms(t.a_wall),
            f'python -c "import reader" {ms(t.b_wall)}',
            f"{t.ratio_wall:.2f}",
        )
    )
