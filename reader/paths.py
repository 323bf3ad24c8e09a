"""Where config, state and cache live: platformdirs, overridden by flags or environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "reader"
CONFIG_ENV = "READER_CONFIG_DIR"
CACHE_ENV = "READER_CACHE_DIR"
DATA_ENV = "READER_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    """The directories the reader uses; nothing is created until it is written to."""

    config_dir: Path
    """Settings (`config.toml`) and reading state (`state.db`)."""
    cache_dir: Path
    """Analysis cache; safe to delete at any time."""
    data_dir: Path | None = None
    """Pages and feeds fetched from the web (the offline copy); unset: inside `config_dir`."""

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def state_file(self) -> Path:
        return self.config_dir / "state.db"

    @property
    def analysis_cache_dir(self) -> Path:
        return self.cache_dir / "analysis"

    @property
    def pages_dir(self) -> Path:
        """Web pages opened by their address, one file each."""
        return (self.data_dir or self.config_dir) / "pages"

    @property
    def feeds_dir(self) -> Path:
        """Followed feeds, a folder each."""
        return (self.data_dir or self.config_dir) / "feeds"


def resolve_paths(
    config_dir: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = None,
    data_dir: str | os.PathLike | None = None,
) -> Paths:
    """Flag first, then environment variable, then the platform's standard place."""
    config = config_dir or os.environ.get(CONFIG_ENV) or platformdirs.user_config_dir(APP_NAME)
    cache = cache_dir or os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir(APP_NAME)
    data = data_dir or os.environ.get(DATA_ENV) or platformdirs.user_data_dir(APP_NAME)
    return Paths(Path(config).expanduser(), Path(cache).expanduser(), Path(data).expanduser())
