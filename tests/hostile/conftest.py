"""The hostile corpus, generated once per run: quick by default, full with --hostile-full."""

from __future__ import annotations

import os

import pytest

from .corpus import Corpus, make_corpus

STATS: dict[str, object] = {}
"""Counts the CLI tests gather for the closing summary."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--hostile-full",
        action="store_true",
        help="hostile corpus at full size (50 MB file, 20,000 tiny files); "
        "run as: pytest tests/hostile --hostile-full (or READER_HOSTILE_FULL=1)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if full_corpus(config):
        os.environ["READER_HOSTILE_FULL"] = "1"  # read by test_properties at import


def full_corpus(config: pytest.Config) -> bool:
    try:
        flag = config.getoption("--hostile-full")
    except ValueError:  # the option is registered only when tests/hostile is named
        flag = False
    return bool(flag) or os.environ.get("READER_HOSTILE_FULL") == "1"


@pytest.fixture(scope="session")
def hostile_full(request: pytest.FixtureRequest) -> bool:
    return full_corpus(request.config)


@pytest.fixture(scope="session")
def hostile_stats() -> dict[str, object]:
    return STATS


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, hostile_full: bool) -> Corpus:
    return make_corpus(tmp_path_factory.mktemp("hostile"), quick=not hostile_full)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """The counts the hostile-input issue asks for, after the run."""
    if STATS:
        parts = ", ".join(f"{key} {value}" for key, value in STATS.items())
        terminalreporter.write_line(f"hostile corpus: {parts}")
