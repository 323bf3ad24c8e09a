"""Run `reader.cli.main` on many files in one process and report each run as a JSON line."""

# Used by test_cli_hostile.py: spaCy loads once, yet every file goes through exactly the code
# `reader analyze` and `reader export` run. The job comes on stdin as
# {"files": [...], "config": DIR, "cache": DIR, "out": DIR, "bound": SECONDS}; a run longer
# than `bound` ends the process with a stack dump (a hang guard).

from __future__ import annotations

import faulthandler
import io
import json
import re
import sys
import time
import traceback
from pathlib import Path

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Characters no output may carry raw: C0 (but tab, newline), DEL, C1, bidi overrides,
lone surrogates."""
KEEP_STDOUT = 64 * 1024


def commands(path: str, n: int, job: dict) -> list[tuple[str, list[str], Path | None]]:
    common = ["--config-dir", job["config"], "--cache-dir", job["cache"]]
    out = Path(job["out"]) / f"export-{n}.json"
    return [
        ("analyze", ["analyze", "--json", *common, path], None),
        ("export", ["export", "--format", "txt", *common, path], None),
        ("export-file", ["export", "--format", "json", "-o", str(out), *common, path], out),
    ]


def check_offsets(stdout: str) -> str | None:
    """None if every summary sentence and quote of the JSON result matches the text."""
    data = json.loads(stdout)
    text = data["text"]
    for item in data["summary"] + data["quotes"]:
        if text[item["start"] : item["end"]] != item["text"]:
            return f"offsets {item['start']}:{item['end']} do not match {item['text'][:40]!r}"
    return None


def run_one(argv: list[str]) -> dict:
    from reader.cli import main

    raw_out, raw_err = io.BytesIO(), io.BytesIO()
    # Like a real UTF-8 stdout (strict) and stderr (backslashreplace).
    out = io.TextIOWrapper(raw_out, encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(raw_err, encoding="utf-8", errors="backslashreplace", write_through=True)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    crash = None
    started = time.monotonic()
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:  # anything that escapes main would be a traceback for the user
        code, crash = None, traceback.format_exc()
    finally:
        sys.stdout, sys.stderr = saved
    seconds = time.monotonic() - started
    return {
        "code": code,
        "seconds": round(seconds, 3),
        "traceback": crash,
        "stdout_bytes": raw_out.getvalue(),
        "stderr": raw_err.getvalue().decode("utf-8", errors="replace"),
    }


def report(path: str, name: str, result: dict, written: Path | None) -> dict:
    raw = result.pop("stdout_bytes")
    problems = []
    try:
        stdout = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        stdout, problems = "", [f"stdout is not UTF-8: {exc}"]
    for label, value in (("stdout", stdout), ("stderr", result["stderr"])):
        bad = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(value)})
        if bad:
            problems.append(f"raw {', '.join(bad)} in {label}")
    if written is not None and result["code"] == 0:
        content = written.read_text(encoding="utf-8") if written.exists() else ""
        bad = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(content)})
        if bad:
            problems.append(f"raw {', '.join(bad)} in the exported file")
    if name == "analyze" and result["code"] == 0:
        try:
            problem = check_offsets(stdout)
        except (ValueError, KeyError, TypeError) as exc:
            problem = f"stdout is not the JSON contract: {exc}"
        if problem:
            problems.append(problem)
    result.update(path=path, command=name, problems=problems, stdout_len=len(stdout))
    result["stdout"] = stdout if len(stdout) <= KEEP_STDOUT else None
    return result


def main() -> int:
    job = json.load(sys.stdin)
    emit = sys.__stdout__
    for n, path in enumerate(job["files"]):
        for name, argv, written in commands(path, n, job):
            emit.write(json.dumps({"begin": path, "command": name}) + "\n")
            emit.flush()
            faulthandler.dump_traceback_later(job["bound"], exit=True)
            result = run_one(argv)
            faulthandler.cancel_dump_traceback_later()
            emit.write(json.dumps(report(path, name, result, written)) + "\n")
            emit.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
