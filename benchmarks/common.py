"""Shared benchmark helpers: whole-process timing in A/B pairs, medians, the result rows."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
READER = [PYTHON, "-m", "reader"]


@dataclass
class Row:
    """One line of the results table."""

    family: str
    figure: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None
    """None: informational, no target."""


@dataclass
class Timing:
    """Medians of one command (a) against a baseline (b), run in alternating pairs."""

    a_wall: float
    b_wall: float
    a_cpu: float
    b_cpu: float
    ratio_wall: float
    """Median of the per-pair ratios a/b (slow drifts of the machine cancel within a pair)."""
    ratio_cpu: float
    runs: int


def timed_run(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of `cmd`, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.strip()[-400:]}")
    return wall, usage.ru_utime + usage.ru_stime


def paired(
    a: Sequence[str], b: Sequence[str], runs: int, env: dict[str, str] | None = None,
    warmup: int = 1,
) -> Timing:  # fmt: skip
    """Run a and b in turn (a b a b ...) after a warm-up of each; medians and pair ratios."""
    for _ in range(warmup):
        timed_run(a, env)
        timed_run(b, env)
    aw, bw, ac, bc = [], [], [], []
    for _ in range(runs):
        w, c = timed_run(a, env)
        aw.append(w)
        ac.append(c)
        w, c = timed_run(b, env)
        bw.append(w)
        bc.append(c)
    med = statistics.median
    return Timing(
        med(aw), med(bw), med(ac), med(bc),
        med([x / y for x, y in zip(aw, bw, strict=True)]),
        med([x / y for x, y in zip(ac, bc, strict=True)]),
        runs,
    )  # fmt: skip


def best_of(fn, repeats: int) -> float:
    """Median seconds of `repeats` calls of `fn()`."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def isolated_env(tmp: Path) -> dict[str, str]:
    """Environment for child processes: private config and cache folders, bytecode cached.

    Compiled bytecode goes to a private folder (as `pip install` would have compiled it),
    so no run pays for compiling the reader's modules when spaCy's come precompiled.
    The first call for `tmp` runs an analysis and imports the TUI once to fill it.
    """
    env = dict(os.environ)
    env["READER_CONFIG_DIR"] = str(tmp / "config")
    env["READER_CACHE_DIR"] = str(tmp / "cache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    if not (tmp / "pycache").exists():
        sample = str(ROOT / "sample_articles" / "council-budget-vote.txt")
        for cmd in ([*READER, "analyze", "--no-cache", sample],
                    [PYTHON, "-c", "import reader.tui.app, textual.widgets"]):  # fmt: skip
            subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    return env


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def print_table(rows: list[Row]) -> None:
    """The results as a Markdown table."""
    head = ("family", "figure", "value", "baseline", "ratio", "target", "met")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for r in rows:
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        cells = (r.family, r.figure, r.value, r.baseline, r.ratio, r.target, met)
        print("| " + " | ".join(cells) + " |")
