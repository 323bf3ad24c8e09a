"""`reader analyze` and `reader export` on every hostile file: a result or one clean line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.text.unsafe import printable

from .corpus import Case, Corpus
from .harness import UNSAFE

RUN_BOUND = 120
"""Seconds one command on one file may take before the run counts as hung: a hang guard,
not a performance assertion (loading reads at most 5 MB and analysis covers at most 100,000
characters, so the slowest file takes about 10 s on a busy 2-core machine). The harness runs
every file in one process so spaCy loads once; a few files also go through the real `reader`
executable, and the whole folder through one `reader analyze FOLDER --json`."""
HARNESS = Path(__file__).with_name("harness.py")
SHARDS = 2
"""Harness processes run side by side (CI has two cores)."""
SUBSET = ("markup-txt", "escapes", "name-escape-binary", "name-not-utf8", "fifo", "one-line")
EXPORT_SUBSET = ("markup-txt", "name-not-utf8")


def _env(dirs: dict[str, str]) -> dict[str, str]:
    return {**os.environ, "READER_CONFIG_DIR": dirs["config"], "READER_CACHE_DIR": dirs["cache"]}


@pytest.fixture(scope="module")
def dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("cli")
    names = ("config", "cache", "out")
    for name in names:
        (base / name).mkdir()
    return {name: str(base / name) for name in names}


def _harness(cases: list[Case], dirs: dict[str, str], shard: int) -> list[dict]:
    out = Path(dirs["out"]) / str(shard)
    out.mkdir()
    job = {"files": [str(c.path) for c in cases], "bound": RUN_BOUND, **dirs, "out": str(out)}
    done = subprocess.run(
        [sys.executable, str(HARNESS)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=RUN_BOUND * 3 * len(cases),
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    if done.returncode != 0:
        hung = records[-1] if records and "begin" in records[-1] else None
        pytest.fail(f"harness ended with {done.returncode} on {hung}: {done.stderr[-3000:]}")
    return [r for r in records if "begin" not in r]


@pytest.fixture(scope="module")
def runs(corpus: Corpus, dirs: dict[str, str]) -> list[tuple[Case, dict]]:
    """Every command on every case, and on a few tiny files, in SHARDS harness processes."""
    cases = corpus.cases + [Case(p, "tiny") for p in corpus.tiny[:3]]

    def size(case: Case) -> int:
        try:
            return case.path.stat().st_size
        except OSError:
            return 0

    ordered = sorted(cases, key=size, reverse=True)  # deal the giants out evenly
    shards = [ordered[i::SHARDS] for i in range(SHARDS)]
    with ThreadPoolExecutor(SHARDS) as pool:
        results = [
            r for rs in pool.map(_harness, shards, [dirs] * SHARDS, range(SHARDS)) for r in rs
        ]
    by_path = {str(c.path): c for c in cases}
    return [(by_path[r["path"]], r) for r in results]


def _one_clean_line(case: Case, result: dict) -> str | None:
    lines = result["stderr"].splitlines()
    name = printable(str(case.path))
    if len(lines) != 1 or not lines[0].startswith(f"reader: {name}: "):
        return f"expected one line naming {name!r}, got {lines!r}"
    return None


def test_every_file_gives_a_result_or_one_clean_line(runs, hostile_stats: dict) -> None:
    problems = []
    for case, r in runs:
        label = f"{case.kind} ({r['command']})"
        if r["traceback"] or "Traceback" in r["stderr"]:
            problems.append(f"{label}: traceback\n{r['traceback'] or r['stderr']}")
        elif r["code"] not in (0, 2):
            problems.append(f"{label}: exit code {r['code']}")
        elif case.expect != "either" and r["code"] != (0 if case.expect == "ok" else 2):
            problems.append(f"{label}: expected {case.expect}, exit {r['code']}: {r['stderr']}")
        elif r["code"] == 2 and (problem := _one_clean_line(case, r)):
            problems.append(f"{label}: {problem}")
        problems += [f"{label}: {p}" for p in r["problems"]]
    slowest = max(runs, key=lambda cr: cr[1]["seconds"])
    hostile_stats.update(
        files=len({str(c.path) for c, _ in runs}),
        runs=len(runs),
        errors=sum(r["code"] == 2 for _, r in runs),
        tracebacks=sum(bool(r["traceback"]) for _, r in runs),
        slowest=f"{slowest[0].path.name} ({slowest[1]['command']}, {slowest[1]['seconds']:.1f} s)",
    )
    assert not problems, "\n".join(problems)


def test_markup_and_escapes_come_out_as_text(runs) -> None:
    results = {(c.kind, r["command"]): r for c, r in runs}
    data = json.loads(results[("markup-txt", "analyze")]["stdout"])
    assert data["title"] == "[@click=app.quit]Markup article[/]"
    assert "[link=file:///etc/passwd]click here[/link]" in data["text"]
    data = json.loads(results[("escapes", "analyze")]["stdout"])
    assert "Colour red and bold green text." in data["text"]
    assert "pwned" not in data["text"] and "cHduZWQ=" not in data["text"]
    bidi = json.loads(results[("bidi", "analyze")]["stdout"])
    assert "Invoice fdp.exe and isolate rtl first" in bidi["text"]
    assert "large" in results[("big", "analyze")]["stderr"]


def test_real_executable_on_a_subset(runs, corpus: Corpus, dirs: dict[str, str]) -> None:
    """The in-process harness against the real thing: same exit codes, no traceback."""
    expected = {(c.kind, r["command"]): r["code"] for c, r in runs}
    for kind in SUBSET:
        path = str(corpus.by_kind(kind).path)
        commands = [("analyze", ["analyze", "--json"])]
        if kind in EXPORT_SUBSET:
            commands.append(("export", ["export"]))
        for command, args in commands:
            done = subprocess.run(
                [sys.executable, "-m", "reader", *args, path],
                capture_output=True,
                env=_env(dirs),
                timeout=RUN_BOUND,
            )
            err = done.stderr.decode("utf-8", "replace")
            assert b"Traceback" not in done.stderr, f"{kind}: {err}"
            assert done.returncode == expected[(kind, command)], f"{kind} {command}: {err}"
            out = done.stdout.decode("utf-8")  # strictly UTF-8
            assert not UNSAFE.search(out + err), f"{kind} {command}"


def test_whole_folder_in_one_process(
    corpus: Corpus, dirs: dict[str, str], runs, hostile_stats
) -> None:
    """`reader analyze FOLDER --json`: tiny files, deep folders and link loops included."""
    done = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", "--json", "--jobs", "2", str(corpus.articles)],
        capture_output=True,
        env=_env(dirs),
        timeout=RUN_BOUND + 2 * len(corpus.tiny),
    )
    err = done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8")
    assert "Traceback" not in err
    assert done.returncode == 2, err  # some files cannot be used
    assert not UNSAFE.search(out + err)
    analysed = {json.loads(line)["path"] for line in out.splitlines()}
    ok = {str(c.path) for c in corpus.cases if c.listed and c.expect == "ok"}
    assert ok <= analysed, sorted(ok - analysed)
    assert {str(p) for p in corpus.tiny} <= analysed
    failed = [c for c in corpus.cases if c.listed and c.expect == "error"]
    for case in failed:
        assert f"reader: {printable(str(case.path))}: " in err, case.kind
    hostile_stats["folder"] = f"{len(analysed)} analysed, {len(failed)} refused, one command"
