"""Figure 6: peak memory of the TUI on 10,000 articles, and after analysing many of them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from benchmarks.bench_startup import libraries
from benchmarks.common import PYTHON, ROOT, Row, isolated_env

PROBE = str(ROOT / "benchmarks" / "tui_probe.py")
BOUND = 64
"""The TUI keeps at most this many analyses in memory (reader.tui.session.Session)."""


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def peak_rss(rows: list[Row], tmp: Path, quick: bool) -> None:
    folder = libraries(tmp, quick)[10_000]
    count = 12 if quick else 200
    env = isolated_env(tmp)
    modes = (("process", "analysis in the background process"),
             ("thread", "analysis in the TUI process"))  # fmt: skip
    for mode, label in modes[:1] if quick else modes:
        done = subprocess.run([PYTHON, PROBE, "memory", str(folder), mode, str(count)], env=env,
                              capture_output=True, text=True, timeout=1800)  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"memory probe ({mode}) failed: {done.stderr.strip()[-600:]}")
        report = json.loads(done.stdout.strip().splitlines()[-1])
        marks = report["marks"]
        listed = marks["listed"]["VmHWM"]
        quarter, full = marks[f"after {count // 4}"]["VmRSS"], marks[f"after {count}"]["VmRSS"]
        rows.append(Row(
            "6 memory", f"TUI, {report['refs']:,} articles listed ({label})", mib(listed),
            "", "", "", None,
        ))  # fmt: skip
        child = report.get("child")
        extra = f" + analysis process {mib(child['VmHWM'])}" if child else ""
        growth = (full - quarter) / max(1, count - count // 4)
        bounded = report["analyses"] <= BOUND
        rows.append(Row(
            "6 memory", f"TUI after analysing {count} ({label})",
            f"peak {mib(marks[f'after {count}']['VmHWM'])}{extra}",
            f"RSS after {count // 4}: {mib(quarter)}, after {count}: {mib(full)}",
            f"{growth:.0f} KiB per article",
            f"analyses kept <= {BOUND} (kept {report['analyses']})", bounded,
        ))  # fmt: skip
