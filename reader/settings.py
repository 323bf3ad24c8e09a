"""User settings from `config.toml`: read with tomllib, each bad value reported and defaulted."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

DEFAULT_ALGORITHM = "lexrank"


@dataclass(frozen=True)
class Settings:
    """Everything a user can set in `config.toml`. Every field has a working default."""

    theme: str = "textual-dark"
    """Theme name: a built-in Textual theme or one from the themes folders."""
    summary_sentences: int = 3
    """Sentences in the summary (1-20)."""
    algorithm: str = DEFAULT_ALGORITHM
    """Summary algorithm: lexrank, textrank, lsa, luhn, kl, sumbasic, edmundson, lead, hybrid."""
    spacy_model: str | None = None
    """A spaCy pipeline name or path to prefer; unset uses en_core_web_sm, then the bundled one."""
    library: tuple[str, ...] = ()
    """Folders or files opened when `reader` is run with no path (else the last library)."""
    show_fragments: bool = False
    """Show scare quotes and quoted titles in the Quotes tab."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key overrides: binding id -> key, for example {"quote.next" = "ctrl+n"}."""


def _check(name: str, value, default):
    """Return (value, None) when valid, else (default, what is allowed)."""
    from reader.analysis.summary import ALGORITHMS

    if name == "summary_sentences":
        ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 20
        return (value, None) if ok else (default, "an integer from 1 to 20")
    if name == "algorithm":
        ok = isinstance(value, str) and value in ALGORITHMS
        return (value, None) if ok else (default, "one of " + ", ".join(ALGORITHMS))
    if name in ("theme",):
        return (value, None) if isinstance(value, str) and value else (default, "a theme name")
    if name == "spacy_model":
        return (value, None) if isinstance(value, str) and value else (default, "a model name")
    if name == "library":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return (tuple(value), None) if ok else (default, "a list of paths")
    if name == "show_fragments":
        return (value, None) if isinstance(value, bool) else (default, "true or false")
    if name == "keys":
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        return (dict(value), None) if ok else (default, "a table of binding id = key")
    return default, None


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read `path`; a missing file gives defaults. Returns the settings and warnings to show."""
    warnings: list[str] = []
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), warnings
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), [f"{path}: cannot read settings ({exc}); using defaults"]
    defaults = Settings()
    known = {f.name for f in fields(Settings)}
    values = {}
    for key, value in raw.items():
        if key not in known:
            warnings.append(f"{path}: unknown key {key!r} ignored")
            continue
        default = getattr(defaults, key)
        checked, allowed = _check(key, value, default)
        if allowed:
            warnings.append(f"{path}: {key} = {value!r} is not valid (allowed: {allowed}); "
                            f"using {default!r}")
        values[key] = checked
    return Settings(**values), warnings
