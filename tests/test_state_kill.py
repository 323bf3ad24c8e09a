"""SIGKILL a process writing reading state at random moments: nothing committed is ever lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.state import ReadingState

ROUNDS = int(os.environ.get("READER_KILL_ROUNDS", "100"))
SEED = int(os.environ.get("READER_KILL_SEED", str(random.randrange(1 << 30))))

# The child writes until killed and prints each id only after its commit returned.
# Frequent checkpoints put kills inside checkpointing as well as inside transactions.
_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reader.state import ReadingState
    db, tag = Path(sys.argv[1]), sys.argv[2]
    state = ReadingState.open(db)
    if state.warning or not state.persistent:
        sys.exit(f"bad open: {state.warning}")
    state._conn.execute("PRAGMA wal_autocheckpoint = 8")
    print("ready", flush=True)
    i = 0
    while True:
        aid = f"{tag}-{i}"
        state.set_read(aid, f"/lib/{tag}/{i}.txt", True)
        state.set_position(aid, f"/lib/{tag}/{i}.txt", i, 0.25)
        state.set("counter", i)
        if state.warning:
            sys.exit(f"write failed: {state.warning}")
        print(aid, flush=True)
        i += 1
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_never_loses_committed_marks(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "config" / "state.db"
    committed: list[str] = []
    rounds_with_writes = 0
    started = time.monotonic()
    for n in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(db), f"r{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        # One round in five is killed at any moment from start-up on (so also while opening:
        # schema, WAL set-up); the rest once the store is open, in the middle of writes.
        head = child.stdout.readline() if rng.random() < 0.8 else b""
        time.sleep(rng.uniform(0.0, 0.05 if head else 0.2))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        context = f"round {n}, seed {SEED} (rerun with READER_KILL_SEED={SEED})"
        assert child.returncode == -signal.SIGKILL, f"{context}: child ended by itself: {err!r}"
        # A cut-off last line was not reported yet, so it does not count.
        lines = [x for x in (head + out).decode().split("\n")[:-1] if x != "ready"]
        committed += lines
        rounds_with_writes += bool(lines)

        if not db.exists():  # killed before it created the file: nothing can be lost yet
            assert not committed, context
            continue
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", context
        state = ReadingState.open(db)
        assert state.warning is None and state.persistent, f"{context}: {state.warning}"
        read = state.read_paths()
        missing = [a for a in committed if f"/lib/{a.replace('-', '/')}.txt" not in read]
        assert not missing, f"{context}: lost {len(missing)} marks, first {missing[:3]}"
        if lines:
            last = lines[-1]
            i = int(last.split("-")[1])
            assert state.position(last, "/moved") is not None, context
            assert state.get("counter") in (i, i + 1), context
        state.close()
    elapsed = time.monotonic() - started
    assert rounds_with_writes >= ROUNDS // 2, f"only {rounds_with_writes} rounds wrote anything"
    print(f"{ROUNDS} kills survived, {len(committed)} committed marks kept, {elapsed:.1f} s")
