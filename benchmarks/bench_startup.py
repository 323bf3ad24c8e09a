"""Figure 4: time to first paint of the TUI on big libraries, against a minimal Textual app."""

from __future__ import annotations

import json
import statistics
import subprocess
import time
from pathlib import Path

from benchmarks import corpus
from benchmarks.common import PYTHON, ROOT, Row, isolated_env, secs

PROBE = str(ROOT / "benchmarks" / "tui_probe.py")
TARGET_1K = 1.5
TARGET_10K_S = 2.0


def until_painted(args: list[str], env: dict[str, str]) -> tuple[float, dict]:
    """Seconds from starting the probe to its "painted" line, and its report.

    The report holds "listed_s": seconds to the first paint with the list's rows.
    """
    start = time.perf_counter()
    proc = subprocess.Popen([PYTHON, PROBE, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    assert proc.stdout is not None
    painted = None
    report: dict = {}
    for line in proc.stdout:
        data = json.loads(line)
        if data.get("listed"):
            report["listed_s"] = time.perf_counter() - start
        if data.get("painted") and painted is None:
            painted = time.perf_counter() - start
        report.update(data)
    proc.wait(120)
    if painted is None:
        raise RuntimeError(f"the probe {args[0]} never painted (exit {proc.returncode})")
    return painted, report


def libraries(tmp: Path, quick: bool) -> dict[int, Path]:
    """Generated libraries of 1,000 and 10,000 small article files."""
    out = {}
    for count in (1_000, 10_000):
        folder = tmp / f"library-{count}"
        if not folder.exists():
            corpus.write_library(folder, count, words=150 if quick else 400)
        out[count] = folder
    return out


def first_paint(rows: list[Row], tmp: Path, quick: bool) -> None:
    """Whole process, from start to the first paint showing the list (then also the text)."""
    env = isolated_env(tmp)
    for count, folder in libraries(tmp, quick).items():
        state = str(tmp / f"paint-state-{count}")
        cold = {} if quick else until_painted(["paint", str(folder), state], env)[1]
        listed, opened, base = [], [], []
        for _ in range(1 if quick else 3):
            painted, report = until_painted(["paint", str(folder), state], env)
            listed.append(report["listed_s"])
            opened.append(painted)
            base.append(until_painted(["minimal"], env)[0])
        b = statistics.median(base)
        when = ", first run (cold caches)" if quick else ""  # quick: no earlier run
        figures = [
            (f"list painted{when}", statistics.median(listed), listed),
            (f"list and first article painted{when}", statistics.median(opened), opened),
        ]
        if cold:
            first = cold["listed_s"]
            figures.append(("list painted, first run (cold caches)", first, [first]))
        for name, t, values in figures:
            ratio = statistics.median(v / m for v, m in zip(values, base, strict=False))
            if count == 1_000:
                target, met = f"<= {TARGET_1K}x minimal", ratio <= TARGET_1K
            else:
                target, met = f"< {TARGET_10K_S:.0f} s", t < TARGET_10K_S
            rows.append(Row(
                "4 first paint", f"{count:,} files: {name}", secs(t),
                f"minimal app {secs(b)}", f"{ratio:.2f}", target, met,
            ))  # fmt: skip
