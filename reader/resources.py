"""Locate the bundled themes and sample articles, installed or from a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _bundled(name: str) -> Path:
    # An installed wheel carries the folders under reader/_data; a source checkout
    # (or an editable install) has them at the top of the repository.
    packaged = resources.files("reader") / "_data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name


def samples_dir() -> Path:
    """The folder of bundled sample articles."""
    return _bundled("sample_articles")


def themes_dir() -> Path:
    """The folder of bundled theme files."""
    return _bundled("themes")
