"""Figure 5: key latency while analysis runs, with a thread worker and with the process."""

from __future__ import annotations

import json
import math
import statistics
import subprocess
from pathlib import Path

from benchmarks import corpus
from benchmarks.common import PYTHON, ROOT, Row, isolated_env, percentile

PROBE = str(ROOT / "benchmarks" / "tui_probe.py")
TARGET_P95_MS = 50
KINDS = (("list", "j/k list moves"), ("quote", "] quote steps"), ("tab", "1/2/3 tab switches"))


def library(tmp: Path) -> Path:
    """Twenty 1,500-word articles and one 6,000-word one that keeps the analyser busy."""
    folder = tmp / "keys-library"
    if not folder.exists():
        corpus.write_library(folder, 20, words=1500)
        corpus.write_long(folder, 6000)
    return folder


def probe(folder: Path, mode: str, count: int, env: dict[str, str]) -> dict[str, list[float]]:
    done = subprocess.run([PYTHON, PROBE, "keys", str(folder), mode, str(count)], env=env,
                          capture_output=True, text=True, timeout=900)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"key probe ({mode}) failed: {done.stderr.strip()[-600:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def key_latency(rows: list[Row], tmp: Path, quick: bool) -> None:
    """p50/p95/max from key press to the next paint after its action ran."""
    folder = library(tmp)
    env = isolated_env(tmp)
    count = 6 if quick else 40
    modes = (("idle", "nothing analysing"), ("thread", "analysis in a thread worker"),
             ("process", "analysis in the background process"))  # fmt: skip
    for mode, label in modes[2:] if quick else modes:  # quick: the process only
        results = probe(folder, mode, count, env)
        for kind, name in KINDS:
            values = [v * 1000 for v in results[kind] if not math.isnan(v)]
            cpu = [v * 1000 for v in results[f"{kind}_cpu"] if not math.isnan(v)]
            p95 = percentile(values, 95)
            missed = len(results[kind]) - len(values)
            rows.append(Row(
                "5 key latency", f"{name}, {label}",
                f"p50 {statistics.median(values):.0f} ms, p95 {p95:.0f} ms, "
                f"max {max(values):.0f} ms" + (f" ({missed} no paint)" if missed else ""),
                f"UI thread CPU per key: p50 {statistics.median(cpu):.0f} ms",
                f"{len(values)} presses", f"p95 < {TARGET_P95_MS} ms",
                None if mode == "idle" else p95 < TARGET_P95_MS,
            ))  # fmt: skip
