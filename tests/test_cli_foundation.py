"""The command line as a user meets it: a subprocess, exit codes and one-line messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def run(tmp_path: Path):
    env = dict(os.environ)
    env["READER_CONFIG_DIR"] = str(tmp_path / "config")
    env["READER_CACHE_DIR"] = str(tmp_path / "cache")
    env.pop("READER_THEME", None)

    def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )

    return _run


def one_line_error(proc: subprocess.CompletedProcess[str], path: Path | str, reason: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0]
    assert reason in lines[0]
    assert proc.stdout == ""


def test_version(run):
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"reader {__version__}"


def test_help(run):
    proc = run("--help")
    assert proc.returncode == 0
    assert "usage: reader" in proc.stdout
    assert "analyze" in proc.stdout
    assert "--config-dir" in proc.stdout


@pytest.mark.parametrize(
    "command", [[], ["analyze"], ["export"]], ids=["open", "analyze", "export"]
)
def test_missing_path(run, tmp_path, command):
    missing = tmp_path / "no-such-article.txt"
    one_line_error(run(*command, str(missing), timeout=60), missing, "no such file or directory")


@pytest.mark.parametrize("command", [[], ["analyze"]], ids=["open", "analyze"])
def test_folder_without_articles(run, tmp_path, command):
    folder = tmp_path / "empty-folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".hidden.txt").write_text("Hidden\n\nNot listed.\n")
    one_line_error(run(*command, str(folder), timeout=60), folder, "no articles found")


@pytest.mark.parametrize(
    "command", [[], ["analyze"], ["export"]], ids=["open", "analyze", "export"]
)
def test_unsupported_file(run, tmp_path, command):
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04 pretend office document")
    one_line_error(run(*command, str(doc), timeout=60), doc, "not a supported article format")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.txt", b"\x00\x01\x02garbage\xff\xfe" * 200, "binary file, not text"),
        ("empty.md", b"", "empty file"),
        ("debris.html", b"<html><body><nav>Sign in</nav></body></html>", "no article text found"),
    ],
    ids=["binary", "empty", "debris-only"],
)
def test_unusable_article_files(run, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    one_line_error(run("analyze", str(path)), path, reason)
    one_line_error(run(str(path), timeout=60), path, reason)


JSON_KEYS = {
    "path",
    "title",
    "byline",
    "published",
    "source",
    "text",
    "summary",
    "actors",
    "quotes",
}


def analyze_json(run, path: Path) -> dict:
    proc = run("analyze", "--json", "--no-cache", str(path), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


def test_analyze_json_on_a_saved_news_page(run):
    data = analyze_json(run, FIXTURES / "saved_news_page.html")
    assert set(data) == JSON_KEYS
    assert data["title"] == "Harbour ferry fares to rise 12% in spring"
    assert data["byline"] == "Priya Okonkwo-Hale"
    assert data["published"] == "2026-01-19"
    assert data["source"] == "The Millbrook Courier"
    text = data["text"]
    assert text.startswith("MILLBROOK — Passengers")
    for debris in ("Skip to", "cookies", "Subscribe", "Share this", "newsletter", "Related"):
        assert debris not in text
    for item in data["summary"] + data["quotes"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_analyze_json_on_a_scraped_text_article(run):
    data = analyze_json(run, FIXTURES / "scraped_article.txt")
    assert set(data) == JSON_KEYS
    assert data["title"].startswith("Eastbrook orders boil-water notice")
    assert data["byline"] == "Tomasz Reyes and Ama Boateng"
    assert data["published"] == "2026-03-03"
    assert data["source"] == "The Eastbrook Gazette"
    assert data["text"].startswith("EASTBROOK, Vt. — About 9,000 homes")
    for debris in ("Skip to", "Sign in", "Advertisement", "Sign up", "Most read", "©"):
        assert debris not in data["text"]
