"""Load theme files (the TOML format documented at the top of each file in `themes/`)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.theme import Theme

from reader.files import NotRegularFile, loads_toml, read_text

COLOR_KEYS = (
    "primary", "secondary", "accent", "foreground", "background", "surface", "panel",
    "boost", "warning", "error", "success",
)  # fmt: skip


MAX_THEME_BYTES = 64 * 1024
"""A larger theme file is refused."""


class ThemeFileError(Exception):
    """A theme file that cannot be used; the message is one line naming the file."""


def _colour(path: Path, key: str, value: object) -> str:
    if not isinstance(value, str):
        raise ThemeFileError(f'{path}: {key} must be a colour string like "#1e88e5"')
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeFileError(f"{path}: {key} = {value!r} is not a colour") from None
    return value


def load_theme_file(path: Path) -> Theme:
    """Read one theme file; raises ThemeFileError with a one-line reason."""
    try:
        data = loads_toml(read_text(path, MAX_THEME_BYTES))
    except NotRegularFile:
        raise ThemeFileError(f"{path}: not a regular file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeFileError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    except (tomllib.TOMLDecodeError, ValueError) as exc:  # TooDeep, too large
        raise ThemeFileError(f"{path}: not valid TOML ({exc})") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError(f'{path}: needs name = "..."')
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{path}: dark must be true or false")
    colours = data.get("colors", {})
    if not isinstance(colours, dict) or "primary" not in colours:
        raise ThemeFileError(f"{path}: needs a [colors] table with at least primary")
    unknown = sorted(set(colours) - set(COLOR_KEYS))
    if unknown:
        raise ThemeFileError(f"{path}: unknown colour {unknown[0]!r} in [colors]")
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ThemeFileError(f"{path}: [variables] must be a table of strings")
    for key, value in variables.items():
        if not _variable_ok(str(key), value):
            raise ThemeFileError(f"{path}: {key} = {value!r} is not a valid value for it")
    return Theme(
        name=name.strip(),
        dark=dark,
        **{key: _colour(path, key, value) for key, value in colours.items()},
        variables={str(key): value for key, value in variables.items()},
    )


def _defaults() -> dict[str, str]:
    global _DEFAULTS
    if _DEFAULTS is None:
        _DEFAULTS = Theme(name="probe", primary="#0178d4").to_color_system().generate()
    return _DEFAULTS


_DEFAULTS: dict[str, str] | None = None


def _variable_ok(key: str, value: str) -> bool:
    """Whether Textual's CSS parser takes `value` where the variable `key` is used: as a
    colour, or as a text style for the *-style variables (unknown variables pass)."""
    default = _defaults().get(key)
    if default is None:
        return True
    prop = "text-style" if key.endswith("style") else "color"
    if key == "link-background":
        prop = "background"
    sheet = Stylesheet()
    sheet.add_source(f"Screen {{ {prop}: {value}; }}", read_from=("theme", key))
    try:
        sheet.parse()
    except StylesheetParseError:
        return False
    return "\n" not in value and ";" not in value and "}" not in value


def theme_files(folders: Iterable[Path]) -> list[Path]:
    """Every `*.toml` in the folders that exist, in name order, folder by folder."""
    found: list[Path] = []
    for folder in folders:
        try:
            found.extend(sorted(p for p in folder.glob("*.toml") if p.is_file()))
        except OSError:
            continue
    return found


def load_themes(folders: Iterable[Path]) -> tuple[list[Theme], list[str]]:
    """All good themes from the folders, and one line for each file that was skipped."""
    themes: list[Theme] = []
    problems: list[str] = []
    for path in theme_files(folders):
        try:
            themes.append(load_theme_file(path))
        except ThemeFileError as exc:
            problems.append(f"theme skipped: {exc}")
    return themes, problems
