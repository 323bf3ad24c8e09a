"""Figure 8: the reader's keys, quit and first paint beside a minimal Textual app, in one run.

`python benchmarks/bench_ui.py [--quick] [--keep DIR]` prints the table (also family 8 of
run.py). Keys are timed in process (`ui_probe.py`); quit and first paint are timed on the
real program in a pseudo-terminal, from the start (or the key) to what a person sees:
the list's first row on screen, or the process gone. The machine is shared, so every
figure is the median of repeated runs, the reader and the minimal app alternate, and the
ratio of the two in the same run is what to compare.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus  # noqa: E402
from benchmarks.common import PYTHON, READER, ROOT, Row, isolated_env, percentile  # noqa: E402

PROBE = str(ROOT / "benchmarks" / "ui_probe.py")
MINIMAL = [PYTHON, str(ROOT / "benchmarks" / "minimal_app.py")]
KEY_RATIO = 2.0
KEY_CPU_MS = 8.0
QUIT_SLACK_S = 0.3
PAINT_RATIO = 1.5
KINDS = (("list", "j/k in the list"), ("quote", "] next quote"), ("tab", "1/2/3 tab switch"),
         ("page", "page down in the text"))  # fmt: skip
LIST_MARK = {"reader": b"Article 0", "minimal": b"article-0"}
"""Bytes that reach the terminal once the list shows its first rows."""


# libraries


def key_library(tmp: Path) -> Path:
    folder = tmp / "ui-keys"
    if not folder.exists():
        corpus.write_library(folder, 20, words=1500)
        corpus.write_long(folder, 6000)
    return folder


def big_library(tmp: Path, count: int) -> Path:
    folder = tmp / f"ui-{count}"
    if not folder.exists():
        corpus.write_library(folder, count, words=120)
    return folder


def huge_file(tmp: Path) -> Path:
    """A folder holding one article of about 5 MB."""
    folder = tmp / "ui-huge-file"
    if not folder.exists():
        corpus.write_long(folder, 900_000)
    return folder


def long_read(tmp: Path) -> Path:
    """A folder holding one 20,000-word article (several seconds of analysis)."""
    folder = tmp / "ui-long-read"
    if not folder.exists():
        corpus.write_long(folder, 20_000)
    return folder


# a program in a pseudo-terminal


class Terminal:
    """A program running in a 160x50 pseudo-terminal; its output is read as it comes."""

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        os.set_blocking(master, False)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, env={**env, "TERM": "xterm-256color"}, stdin=slave,
                                     stdout=slave, stderr=slave, start_new_session=True)  # fmt: skip
        os.close(slave)
        self.master = master
        self.seen = b""

    def read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return False
        self.seen = (self.seen + chunk)[-4096:]
        return bool(chunk)

    def wait_for(self, mark: bytes, timeout: float) -> float | None:
        """Seconds from the start until `mark` is on the terminal."""
        end = time.perf_counter() + timeout
        while mark not in self.seen:
            if time.perf_counter() > end or self.proc.poll() is not None:
                return None
            self.read(0.05)
        return time.perf_counter() - self.start

    def pause(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.read(0.05)

    def quit(self, timeout: float = 60) -> float | None:
        """Press q; seconds until the process is gone (None: killed after `timeout`)."""
        pressed = time.perf_counter()
        os.write(self.master, b"q")
        while self.proc.poll() is None:
            if time.perf_counter() - pressed > timeout:
                return None
            self.read(0.01)
        return time.perf_counter() - pressed

    def kill(self) -> None:
        """Stop the program if it still runs, and close the terminal (once)."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


def program(which: str, folder: Path) -> list[str]:
    return [*READER, str(folder)] if which == "reader" else [*MINIMAL, str(folder)]


def first_paint(which: str, folder: Path, env: dict[str, str]) -> float:
    term = Terminal(program(which, folder), env)
    try:
        seconds = term.wait_for(LIST_MARK[which], 180)
    finally:
        term.kill()
    if seconds is None:
        raise RuntimeError(f"{which} never listed {folder}")
    return seconds


def first_open(folder: Path, env: dict[str, str], timeout: float = 600) -> float:
    """Open `folder` with an empty scan cache for it; seconds until the list shows. The
    program is left running until its scan is complete and saved in the cache (killed at
    the first rows, it saved nothing, and every later open peeked into every file again)."""
    cache = Path(env["READER_CACHE_DIR"]) / "scan.json"
    cache.unlink(missing_ok=True)  # a kept folder (--keep) has it from the last run
    term = Terminal(program("reader", folder), env)
    try:
        seconds = term.wait_for(LIST_MARK["reader"], 180)
        end = time.perf_counter() + timeout
        while time.perf_counter() < end and not cache.exists():
            term.pause(0.1)
    finally:
        term.kill()
    if seconds is None:
        raise RuntimeError(f"reader never listed {folder}")
    return seconds


def quit_time(which: str, folder: Path, env: dict[str, str], mark: bytes, settle: float):
    """Start, wait until `mark` is on the terminal and `settle` seconds more, press q."""
    term = Terminal(program(which, folder), env)
    term.wait_for(mark, 60)
    term.pause(settle)
    try:
        return term.quit()
    finally:
        term.kill()


# the figures


def probe(which: str, folder: Path, load: str, count: int, env: dict, *extra: str) -> dict:
    cmd = [PYTHON, PROBE, which, str(folder), load, str(count), *extra]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"{which} probe failed: {done.stderr.strip()[-600:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def keys(rows: list[Row], tmp: Path, quick: bool, kinds: str | None = None) -> None:
    """Every key figure; `kinds` ("tab,quote") times only those, in the small library."""
    folder = key_library(tmp)
    env = isolated_env(tmp)
    count = 8 if quick else 30
    extra = (kinds,) if kinds else ()
    for load, label in (("idle", "nothing analysing"), ("busy", "analysis running")):
        got = {
            which: probe(which, folder, load, count, env, *extra) for which in ("minimal", "reader")
        }
        for kind, name in KINDS:
            if kind in got["reader"]:
                add_key_row(rows, f"{name}, {label}", got["reader"], got["minimal"], kind)
    if not quick and not kinds:  # a huge library, once listed: j/k as fast as in a small one?
        huge = big_library(tmp, 50_000)
        got = {
            which: probe(which, huge, "idle", count, env, "list") for which in ("minimal", "reader")
        }
        add_key_row(rows, "j/k in a list of 50,000 files", got["reader"], got["minimal"], "list")


def add_key_row(rows: list[Row], name: str, reader: dict, minimal: dict, kind: str) -> None:
    def ms(values: list[float]) -> list[float]:
        return [v * 1000 for v in values if not math.isnan(v)]

    r, m = ms(reader[kind]), ms(minimal[kind])
    cpu, mcpu = ms(reader[f"{kind}_cpu"]), ms(minimal[f"{kind}_cpu"])
    r95, m95 = percentile(r, 95), percentile(m, 95)
    cpu50 = statistics.median(cpu)
    rows.append(Row(
        "8 keys", name,
        f"p50 {statistics.median(r):.0f} / p95 {r95:.0f} ms, UI CPU {cpu50:.1f} ms",
        f"minimal p50 {statistics.median(m):.0f} / p95 {m95:.0f} ms, "
        f"CPU {statistics.median(mcpu):.1f} ms",
        f"{r95 / m95:.1f}", f"p95 <= {KEY_RATIO:.0f}x, CPU <= {KEY_CPU_MS:.0f} ms",
        r95 <= KEY_RATIO * m95 and cpu50 <= KEY_CPU_MS,
    ))  # fmt: skip


def paints(rows: list[Row], tmp: Path, quick: bool) -> None:
    env = isolated_env(tmp)
    for count in (1_000,) if quick else (1_000, 10_000, 50_000):
        folder = big_library(tmp, count)
        first = first_open(folder, env)  # fills the scan cache
        reader, minimal = [], []
        for _ in range(1 if quick else 3):
            reader.append(first_paint("reader", folder, env))
            minimal.append(first_paint("minimal", folder, env))
        ratio = statistics.median(a / b for a, b in zip(reader, minimal, strict=True))
        rows.append(Row(
            "8 first paint", f"{count:,} files, list on screen (first open {first:.2f} s)",
            f"{statistics.median(reader):.2f} s", f"minimal {statistics.median(minimal):.2f} s",
            f"{ratio:.2f}", f"<= {PAINT_RATIO}x", ratio <= PAINT_RATIO,
        ))  # fmt: skip


def quits(rows: list[Row], tmp: Path, quick: bool) -> None:
    env = isolated_env(tmp)
    long_title = b"Generated long"
    idle = key_library(tmp)
    states = [("idle", idle, LIST_MARK["reader"], 2.0),
              ("analysing", long_read(tmp), long_title, 1.5),
              ("opening a 5 MB file", huge_file(tmp), long_title, 1.0),
              # the text is on screen and the rest of it is being laid out
              ("laying out a 5 MB text", huge_file(tmp), b"Staff Writer", 0.0)]  # fmt: skip
    if not quick:  # a first open (no scan cache), q soon after the first frame
        states.append(("scanning 50,000 files", big_library(tmp, 50_000), b"\x1b[", 0.5))
    for name, folder, mark, settle in states:
        reader, minimal = [], []
        for _ in range(1 if quick else 3):
            # nothing cached (scan, analysis) except in the idle state
            fresh = {"READER_CACHE_DIR": tempfile.mkdtemp(dir=tmp)} if folder != idle else {}
            run_env = {**env, **fresh}
            reader.append(quit_time("reader", folder, run_env, mark, settle))
            minimal.append(
                quit_time("minimal", key_library(tmp), env, LIST_MARK["minimal"], settle)
            )
        hung = sum(1 for t in reader if t is None)
        r = statistics.median(t if t is not None else 60.0 for t in reader)
        m = statistics.median(t for t in minimal if t is not None)
        rows.append(Row(
            "8 quit", f"q while {name}", f"{r:.2f} s" + (f" ({hung} killed)" if hung else ""),
            f"minimal {m:.2f} s", f"+{r - m:.2f} s", f"<= minimal + {QUIT_SLACK_S} s",
            r - m <= QUIT_SLACK_S,
        ))  # fmt: skip


def ui_figures(rows: list[Row], tmp: Path, quick: bool) -> None:
    keys(rows, tmp, quick)
    quits(rows, tmp, quick)
    paints(rows, tmp, quick)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.common import print_table

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--keep", metavar="DIR", help="keep generated libraries in DIR")
    parser.add_argument("--only", default="keys,quits,paints")
    parser.add_argument("--kinds", help="with keys: only these figures (quote,tab,page,list)")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="reader-ui-") as scratch:
        tmp = Path(args.keep or scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        for name in args.only.split(","):
            if name == "keys":
                keys(rows, tmp, args.quick, args.kinds)
            else:
                {"quits": quits, "paints": paints}[name](rows, tmp, args.quick)
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
