"""One article to one Analysis with the real model, the CLI JSON contract, import hygiene."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis import pipeline
from reader.analysis.models import Analysis
from reader.analysis.pipeline import FAILED, analyze

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "sample_articles").iterdir() if p.is_file())


@pytest.fixture(scope="module")
def analyses() -> list[tuple[object, Analysis, list[str]]]:
    from reader.library.loaders import load_article

    out = []
    for path in SAMPLES:
        article = load_article(path)
        analysis, notices = analyze(article)
        out.append((article, analysis, notices))
    return out


def test_every_sample_gets_a_complete_analysis_with_exact_offsets(analyses):
    for article, analysis, notices in analyses:
        name = article.path.name
        assert analysis.article_id == article.id
        assert not [n for n in notices if n.startswith(FAILED)], name
        assert len(analysis.summary) == 3, name
        assert analysis.model.startswith("en_core_web_sm")
        for item in (*analysis.summary, *analysis.quotes):
            assert article.text[item.start : item.end] == item.text, name
        assert any(a.kind == "person" for a in analysis.actors), name


def test_analysis_survives_the_cache_format(analyses):
    for _article, analysis, _ in analyses:
        assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


def test_a_failing_part_becomes_a_notice(monkeypatch, analyses):
    import reader.analysis.quotes as quotes

    def broken(doc, text, actors, author=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(quotes, "extract_quotes", broken)
    article = analyses[0][0]
    analysis, notices = pipeline.analyze(article)
    assert analysis.quotes == () and analysis.summary
    assert notices == [f"{FAILED}: quotes could not be extracted (RuntimeError: boom)"]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=ROOT,
    )


def test_cli_analyze_json_contract(tmp_path):
    env = {
        **os.environ,
        "READER_CACHE_DIR": str(tmp_path / "cache"),
        "READER_CONFIG_DIR": str(tmp_path / "config"),
    }
    sample = ROOT / "sample_articles" / "arms-talks-geneva.html"
    runs = [_run("analyze", str(sample), "--json", env=env) for _ in range(2)]  # miss, hit
    for run in runs:
        assert run.returncode == 0, run.stderr
    first, second = (json.loads(run.stdout) for run in runs)
    assert first == second
    assert list(first)[:6] == ["path", "title", "byline", "published", "source", "text"]
    assert {"summary", "actors", "quotes"} <= set(first)
    text = first["text"]
    assert len(first["summary"]) == 3
    for item in first["summary"] + first["quotes"]:
        assert text[item["start"] : item["end"]] == item["text"]
    for actor in first["actors"]:
        assert set(actor) == {"name", "kind", "aliases", "mentions", "role"}
        assert actor["kind"] in ("person", "organization", "place", "group")
    for quote in first["quotes"]:
        assert set(quote) == {"text", "speaker", "cue", "start", "end", "fragment"}

    shorter = _run(
        "analyze",
        str(sample),
        "--json",
        "--sentences",
        "2",
        "--algorithm",
        "textrank",
        "--no-cache",
        env=env,
    )
    assert shorter.returncode == 0, shorter.stderr
    assert len(json.loads(shorter.stdout)["summary"]) == 2


def test_importing_the_service_does_not_import_spacy():
    code = (
        "import sys, reader.service, reader.service.cache\n"
        "print([m for m in ('spacy', 'sumy', 'nltk', 'thinc') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_pure_layers_never_import_textual():
    offenders = []
    for path in sorted((ROOT / "reader").rglob("*.py")):
        if "tui" in path.relative_to(ROOT / "reader").parts[:1]:
            continue
        bad = {n for n in _imports(path) if n == "textual" or n.startswith("textual.")}
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders
