"""Reading files the reader does not control, in a way that can neither block nor run away.

Every file the reader reads (articles, config, themes, cache entries) comes through here:
only regular files are opened (a FIFO or a device would block or never end), the check is
made on the open descriptor (so a file swapped for a FIFO after a listing cannot block),
at most `limit` bytes are read, and parsing nested data is bounded in depth.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
import tomllib
from pathlib import Path
from typing import Any

MAX_DEPTH = 64
"""Deepest nesting of arrays and tables accepted in the TOML files the reader reads."""
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotRegularFile(OSError):
    """The path is a FIFO, a socket or a device: something that is not a plain file."""

    def __init__(self, path: str | os.PathLike) -> None:
        super().__init__(errno.EINVAL, "not a regular file", os.fspath(path))


class TooDeep(ValueError):
    """Data nested deeper than MAX_DEPTH."""


def read_limited(path: str | os.PathLike, limit: int) -> tuple[bytes, bool]:
    """Up to `limit` bytes of a regular file and whether it holds more.

    Raises IsADirectoryError for a folder, NotRegularFile for anything else that is not a
    regular file, and OSError when it cannot be read. Never blocks on a FIFO or a device.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", os.fspath(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    return raw[:limit], len(raw) > limit


def read_text(path: str | os.PathLike, limit: int) -> str:
    """A small UTF-8 file (config, theme, cache); ValueError when larger than `limit`."""
    raw, more = read_limited(path, limit)
    if more:
        raise ValueError(f"larger than {limit // 1024:,} KB")
    return raw.decode("utf-8")


def nesting_depth(text: str | bytes, opening: bytes = b"[{") -> int:
    """The deepest bracket nesting in `text`, ignoring brackets inside quoted strings.

    An upper bound for JSON and TOML (a string's brackets that this misreads can only
    make it larger), cheap enough to run before the parser.
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    depth = deepest = 0
    quote = 0
    escaped = False
    for byte in data:
        if quote:
            if escaped:
                escaped = False
            elif byte == 0x5C and quote == 0x22:  # backslash, in a basic string
                escaped = True
            elif byte == quote or byte == 0x0A:
                quote = 0
        elif byte in (0x22, 0x27):
            quote = byte
        elif byte in opening:
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth = max(0, depth - 1)
    return deepest


def _check_depth(text: str | bytes) -> None:
    if nesting_depth(text) > MAX_DEPTH:
        raise TooDeep(f"nested more than {MAX_DEPTH} levels deep")


def loads_json(raw: str | bytes) -> Any:
    """json.loads, refusing data nested too deep for the parser (TooDeep, a ValueError).

    JSON files can be large (the scan cache), so the bound here is the parser's own
    recursion limit rather than a scan of every byte.
    """
    try:
        return json.loads(raw)
    except RecursionError:
        raise TooDeep("nested too deep") from None


def loads_toml(text: str) -> dict[str, Any]:
    """tomllib.loads, refusing data nested too deep (TooDeep, a ValueError)."""
    _check_depth(text)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise TooDeep(f"nested more than {MAX_DEPTH} levels deep") from None


def is_regular_or_absent(path: Path) -> bool:
    """True when `path` does not exist or is a regular file (following links)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def write_via_rename(path: Path, data: bytes, kind: str, suffix: str = "") -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename: a
    crash leaves the old file or the new, and a killed writer leaves a ".<kind>-<pid>-"
    file that `sweep_temp_files` can tell from a live one. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(kind), suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def temp_prefix(kind: str) -> str:
    """How a temporary file this process writes before renaming it into place is named:
    ".<kind>-<pid>-", so that another process can tell whether its writer still runs."""
    return f".{kind}-{os.getpid()}-"


def sweep_temp_files(folder: Path, kind: str) -> None:
    """Remove the ".<kind>-<pid>-..." files in `folder` whose writing process no longer runs
    (killed between writing and renaming); a live writer's file is left alone. Never raises."""
    try:
        found = list(folder.glob(f".{kind}-*"))
    except OSError:
        return
    for path in found:
        pid = path.name.split("-")[1] if path.name.count("-") >= 2 else ""
        if not pid.isdigit() or int(pid) == os.getpid() or _running(int(pid)):
            continue
        with contextlib.suppress(OSError):
            path.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user's process
    return True
