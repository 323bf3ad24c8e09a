"""Starting the reader must not import spaCy, sumy or Textual before they are needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "sumy", "nltk", "textual", "thinc")
SAMPLE = Path(__file__).resolve().parent.parent / "sample_articles" / "council-budget-vote.txt"
REPORT = "import sys, json; print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))"


def heavy_after(code: str, *, env: dict[str, str] | None = None) -> list[str]:
    """The heavy top-level packages imported once `code` has run in a fresh interpreter."""
    script = code + "\n" + REPORT.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    "module",
    ["reader", "reader.cli", "reader.service", "reader.service.background",
     "reader.service.batch", "reader.library", "reader.export"],
)  # fmt: skip
def test_importing_leaves_the_heavy_packages_out(module):
    assert heavy_after(f"import {module}") == []


def test_analysing_a_cached_article_imports_no_heavy_package(tmp_path):
    import os

    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache"),
           "READER_CONFIG_DIR": str(tmp_path / "config")}  # fmt: skip
    run = (
        "import contextlib, io\nfrom reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['analyze', {str(SAMPLE)!r}, '--json']) == 0"
    )
    first = heavy_after(run, env=env)
    assert "spacy" in first  # the miss really analysed
    assert heavy_after(run, env=env) == []
