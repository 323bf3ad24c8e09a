"""Issue 18: processes the reader starts never outlive it, however it ends."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.models import Article, content_id
from reader.service.background import BackgroundAnalyzer
from reader.tui.widgets.insight_pane import InsightPane
from tests.tui.conftest import BUDGET, PORT, VACCINE

ROOT = Path(__file__).resolve().parents[2]
BOUND = 60.0
"""Seconds a process may take to appear or to go before the test gives up (a hang guard)."""


def children(pid: int) -> set[int]:
    """Every live descendant of `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(entry)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    live = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                state = fh.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            live.add(pid)
    return live


MODEL_MB = 120
"""Resident size past which a worker has the language model loaded."""


def at_least(pids: set[int], count: int) -> set[int] | None:
    return pids if len(pids) >= count else None


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def wait_for(check, what: str):
    deadline = time.monotonic() + BOUND
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting: {what}")


def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for n in range(6):
        for name, text in (("budget", BUDGET), ("port", PORT), ("vaccine", VACCINE)):
            (news / f"{n}-{name}.txt").write_text(text + f"\nEdition {n}.\n", encoding="utf-8")
    return news


ROUNDS = [signal.SIGKILL, signal.SIGTERM, signal.SIGKILL, signal.SIGTERM, signal.SIGKILL]


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the process table from /proc")
@pytest.mark.parametrize("round_", range(len(ROUNDS)))
def test_killing_a_folder_analysis_leaves_no_process_behind(tmp_path: Path, round_: int) -> None:
    sig = ROUNDS[round_]
    news = folder(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "analyze", str(news), "--jobs", "2", "--no-cache",
         "--config-dir", str(tmp_path / "config"), "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        # Two workers plus the resource tracker: kill once they all run, or (odd rounds)
        # once a worker has loaded the language model and is analysing.
        started = wait_for(lambda: at_least(children(proc.pid), 3), "the workers to start")
        if round_ % 2:
            wait_for(lambda: any(rss_mb(pid) > MODEL_MB for pid in started), "a loaded model")
        os.kill(proc.pid, sig)
        proc.wait(BOUND)
        wait_for(lambda: not alive(started), f"{sorted(alive(started))} to exit after {sig!r}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in alive(children(proc.pid)):
            os.kill(pid, signal.SIGKILL)


def _read_until(fd: int, wanted: bytes, seen: bytearray) -> bool:
    """Read the terminal until `wanted` appears or the other end closes."""
    deadline = time.monotonic() + BOUND
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return wanted in seen
        if not chunk:
            return wanted in seen
        seen.extend(chunk)
    return wanted in seen


def _exit_code_reading(proc: subprocess.Popen, fd: int, seen: bytearray) -> int | None:
    """Wait for `proc` to exit while reading its terminal, as a terminal does: a terminal
    nobody reads fills up, and the reader's last writes (the screen given back) then block."""
    deadline = time.monotonic() + BOUND
    while proc.poll() is None and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.1)[0]:
            with contextlib.suppress(OSError):
                seen.extend(os.read(fd, 65536))
    while select.select([fd], [], [], 0)[0]:  # it has exited: all it wrote is here
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen.extend(chunk)
    return proc.poll()


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="POSIX terminals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_the_tui_with_the_terminal_given_back(tmp_path: Path, sig) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "budget.txt").write_text(BUDGET, encoding="utf-8")
    seen = bytearray()
    config, cache = tmp_path / "config", tmp_path / "cache"
    with _tui(news, config, cache, rows=24, columns=80) as (proc, master, slave):
        assert _read_until(master, b"Council passes", seen), bytes(seen[-400:])
        raw = termios.tcgetattr(slave)
        assert not raw[3] & termios.ECHO, "the reader runs with echo off"
        after = len(seen)
        os.kill(proc.pid, sig)
        assert _exit_code_reading(proc, master, seen) == 0
        tail = bytes(seen[after - 2000 :])
        assert b"\x1b[?1049l" in tail, "the main screen is back"
        assert b"\x1b[?1000l" in tail, "mouse reports are off"
        attrs = termios.tcgetattr(slave)
        assert attrs[3] & termios.ECHO and attrs[3] & termios.ICANON, "echo and lines are back"


def _stopped_analyzer(job_timeout: float) -> tuple[BackgroundAnalyzer, int]:
    """A real analysis process, model loaded, then stopped with SIGSTOP."""
    analyzer = BackgroundAnalyzer(None, None, job_timeout=job_timeout)
    analyzer.warm()
    assert analyzer.ready.wait(BOUND * 2) and analyzer.mode == "process"
    pid = analyzer._process.pid
    os.kill(pid, signal.SIGSTOP)
    return analyzer, pid


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP (POSIX)")
def test_a_stuck_analysis_process_times_out_and_is_replaced() -> None:
    analyzer, pid = _stopped_analyzer(job_timeout=1.0)
    try:
        stuck = analyzer.submit(STORY, 2, "lead")
        error = stuck.exception(BOUND)
        assert isinstance(error, TimeoutError) and "did not finish" in str(error)
        wait_for(lambda: not alive({pid}), "the stuck process to be ended")
        analysis, _notices = analyzer.submit(STORY, 1, "lead").result(BOUND * 2)
        assert analysis.summary and analyzer.restarts == 1 and analyzer.mode == "process"
    finally:
        analyzer.shutdown()


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP (POSIX)")
async def test_a_stuck_analysis_is_reported_and_q_still_quits(tmp_path: Path) -> None:
    from tests.tui.conftest import build_app, settle

    news = tmp_path / "news"
    news.mkdir()
    (news / "budget.txt").write_text(BUDGET, encoding="utf-8")
    analyzer, pid = _stopped_analyzer(job_timeout=1.0)
    app = build_app(news, tmp_path / "state.db", analyser=analyzer)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            pane = app.screen.query_one(InsightPane)
            await pilot.pause()
            assert "did not finish" in pane_text(pane), pane_text(pane)
            await pilot.press("q")
        assert app.return_code in (0, None)
    finally:
        app.session.state.close()
        analyzer.shutdown()
    wait_for(lambda: not alive({pid}), "the stopped process to be ended")


def pane_text(pane) -> str:
    return " ".join(str(w.render()) for w in pane.query("*") if w.display and hasattr(w, "render"))


STORY = Article(
    content_id(BUDGET), Path("budget.txt"), "txt", "Budget", None, None, None,
    BUDGET.split("\n\n", 1)[1],
)  # fmt: skip


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP (POSIX)")
def test_shutdown_ends_a_stopped_analysis_process() -> None:
    analyzer, pid = _stopped_analyzer(job_timeout=BOUND)
    analyzer.shutdown()  # returns: the reader's exit is never held by a stopped child
    assert not alive({pid})


KILL_ROUNDS = 12


@contextlib.contextmanager
def _tui(
    news: Path, config: Path, cache: Path, rows: int = 30, columns: int = 110
) -> Iterator[tuple[subprocess.Popen, int, int]]:
    """The reader's TUI on `news` in a pseudo-terminal of `rows` x `columns`: (process,
    master, slave). At the end the process is killed if it still runs and the terminal
    closed."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
    proc = None
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader", str(news), "--config-dir", str(config),
             "--cache-dir", str(cache)],
            cwd=ROOT, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )  # fmt: skip
        yield proc, master, slave
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        os.close(slave)


def _marks(db: Path) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dict(conn.execute("SELECT path, read FROM articles"))


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="POSIX terminals and /proc")
def test_kill_9_while_marking_fast_keeps_the_store_whole(tmp_path: Path) -> None:
    import random

    rng = random.Random(18)
    config, cache = tmp_path / "config", tmp_path / "cache"
    db = config / "state.db"
    settled: dict[str, int] = {}
    for round_ in range(KILL_ROUNDS):
        news = tmp_path / f"news-{round_}"
        news.mkdir()
        names = [f"{n}-story.txt" for n in range(6)]
        for name in names:
            (news / name).write_text(BUDGET + f"\nRound {round_}, {name}.\n", encoding="utf-8")
        seen = bytearray()
        with _tui(news, config, cache) as (proc, master, _slave):
            assert _read_until(master, b"Council passes", seen), bytes(seen[-300:])
            os.write(master, b"mj" * len(names))  # as fast as a terminal delivers them
            for _ in range(rng.randint(0, 60)):  # kill at a different moment each round
                if not select.select([master], [], [], 1.0)[0]:
                    break
                seen.extend(os.read(master, 65536))
            family = children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(BOUND)
            wait_for(lambda f=family: not alive(f), "the reader's processes to exit")
        marks = _marks(db)
        mine = {p: r for p, r in marks.items() if p.startswith(str(news) + os.sep)}
        assert set(mine) <= {str(news / n) for n in names}
        print(f"round {round_}: {sum(mine.values())} of {len(names)} marks saved before the kill")
        assert {p: r for p, r in marks.items() if p in settled} == settled, "older marks kept"
        settled.update(mine)
    assert not list(config.glob("state.db.corrupt-*"))
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    (cache / f".scan-{ended.pid}-left").write_text("{", encoding="utf-8")  # a sure leftover
    with _tui(news, config, cache) as (proc, master, _slave):
        # a kill between writing a file and renaming it leaves the temporary file; the next
        # start clears what the killed process left
        seen = bytearray()
        assert _read_until(master, b"Council passes", seen)
        os.kill(proc.pid, signal.SIGTERM)
        assert _exit_code_reading(proc, master, seen) == 0
    assert not [p for p in cache.rglob(".*") if p.is_file()], "no temp files left"
