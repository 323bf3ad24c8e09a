"""The background analysis process: real results, stale jobs cancelled, fallbacks that never hang."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import CancelledError
from pathlib import Path

import pytest

from reader.analysis.models import Analysis
from reader.library.models import Article, content_id
from reader.service.background import BackgroundAnalyzer

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
WAIT = 120
"""Generous bound for one result on a loaded machine: a failure, not a measurement."""


def article(text: str, name: str = "a.txt") -> Article:
    return Article(content_id(text), Path(name), "txt", "Title", None, None, None, text)


COUNCIL = article(
    'The city council approved the budget on Monday. "This is a fair plan," '
    "Mayor Ana Ruiz said after the vote. Critics said the plan cuts bus service."
)
PORT = article(
    "Dock workers at the port extended their strike for a third week. "
    '"We are not going back until the deal is signed," union leader Tom Hale said.',
    "b.txt",
)


class NoProcessContext:
    """A multiprocessing context whose processes cannot be started."""

    def __init__(self) -> None:
        self._real = multiprocessing.get_context("spawn")

    def Pipe(self):  # noqa: N802 - mirrors multiprocessing's API
        return self._real.Pipe()

    def Process(self, *args, **kwargs):  # noqa: N802
        class Broken:
            def start(self) -> None:
                raise OSError("cannot fork: resource temporarily unavailable")

        return Broken()


@pytest.fixture(scope="module")
def analyzer():
    bg = BackgroundAnalyzer(None, None)
    bg.warm()
    yield bg
    bg.shutdown()


def test_the_analysis_process_gives_way_to_the_reader(analyzer):
    """It runs at a lower CPU priority, so keys in the reader come first on a busy machine."""
    import os

    assert analyzer.ready.wait(WAIT) and analyzer.mode == "process"
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, analyzer._process.pid) > mine


def test_submit_returns_a_real_analysis_from_the_process(analyzer):
    analysis, notices = analyzer.submit(COUNCIL, 2, "hybrid").result(WAIT)
    assert isinstance(analysis, Analysis)
    assert analysis.article_id == COUNCIL.id
    assert analysis.summary and len(analysis.summary) <= 2
    for s in analysis.summary:
        assert COUNCIL.text[s.start : s.end] == s.text
    assert analyzer.mode == "process"
    assert not any("stopped" in n or "could not start" in n for n in notices)


def test_calling_the_analyzer_blocks_like_the_tui_analyser(analyzer):
    analysis, _notices = analyzer(PORT, sentences=1, algorithm="lead")
    assert analysis.article_id == PORT.id
    assert analysis.algorithm == "lead"
    assert len(analysis.summary) == 1


def test_a_new_submission_cancels_jobs_that_have_not_started():
    with BackgroundAnalyzer(None, None) as bg:
        # The process is still loading the model, so these wait in the queue.
        first = bg.submit(COUNCIL, 1, "hybrid", replace_pending=False)
        second = bg.submit(PORT, 1, "hybrid", replace_pending=False)
        assert not bg.ready.is_set()
        latest = bg.submit(PORT, 2, "hybrid")
        assert first.cancelled() and second.cancelled()
        analysis, _ = latest.result(WAIT)
        assert analysis.article_id == PORT.id
        with pytest.raises(CancelledError):
            first.result(0)


def test_the_same_job_submitted_twice_shares_one_future():
    with BackgroundAnalyzer(None, None) as bg:
        one = bg.submit(COUNCIL, 1, "lead", replace_pending=False)
        two = bg.submit(COUNCIL, 1, "lead", replace_pending=False)
        assert one is two
        assert bg.cancel_pending() == 1
        assert one.cancelled()


def test_cache_hits_are_answered_without_starting_the_process(tmp_path):
    with BackgroundAnalyzer(None, tmp_path) as warm:
        fresh, _ = warm.submit(COUNCIL, 2, "hybrid").result(WAIT)
    cold = BackgroundAnalyzer(None, tmp_path)
    future = cold.submit(COUNCIL, 2, "hybrid")
    assert future.done()
    assert future.result()[0] == fresh
    assert cold.mode == "idle"  # no process was started for a hit
    cold.shutdown()


def test_falls_back_to_a_thread_when_the_process_cannot_start():
    with BackgroundAnalyzer(None, None, context=NoProcessContext()) as bg:
        analysis, notices = bg.submit(COUNCIL, 1, "hybrid").result(WAIT)
        assert bg.mode == "thread"
        assert analysis.article_id == COUNCIL.id
        assert any("could not start" in n and "own process" in n for n in notices)
        # the notice is given once, not with every result
        _again, later = bg.submit(PORT, 1, "hybrid").result(WAIT)
        assert not any("could not start" in n for n in later)


def test_falls_back_when_the_process_dies():
    with BackgroundAnalyzer(None, None) as bg:
        bg.warm()
        assert bg.ready.wait(WAIT)
        assert bg.mode == "process"
        bg._process.kill()
        bg._process.join(WAIT)
        analysis, notices = bg.submit(PORT, 1, "hybrid").result(WAIT)
        assert analysis.article_id == PORT.id
        assert bg.mode == "thread"
        assert any("stopped" in n for n in notices)


def test_falls_back_when_the_model_takes_too_long_to_load():
    with BackgroundAnalyzer(None, None, start_timeout=0.01) as bg:
        analysis, notices = bg.submit(COUNCIL, 1, "lead").result(WAIT)
        assert analysis.article_id == COUNCIL.id
        assert bg.mode == "thread"
        assert any("no answer" in n for n in notices)


def test_shutdown_never_leaves_a_caller_waiting():
    bg = BackgroundAnalyzer(None, None)
    waiting = bg.submit(COUNCIL, 1, "hybrid")
    bg.shutdown()
    with pytest.raises(CancelledError):
        waiting.result(WAIT)
    with pytest.raises(RuntimeError):
        bg.submit(PORT, 1, "hybrid")


def test_a_sample_article_matches_the_in_process_analysis(analyzer):
    from reader.library import load_article
    from reader.service import analyze_article

    sample = load_article(SAMPLES / "council-budget-vote.txt")
    remote, _ = analyzer.submit(sample, 3, "hybrid").result(WAIT)
    local, _ = analyze_article(sample, sentences=3, algorithm="hybrid")
    assert remote == local


def long_article(sentences: int) -> Article:
    """Many invented sentences: seconds of analysis, far longer than a signal takes."""
    parts = [
        f'Inspector Lena Moss checked pier {n} on the east bank. "The beams hold," she said, '
        f"and the crew of boat {n} went back to the dock before the tide turned."
        for n in range(sentences)
    ]
    return article(" ".join(parts), "long.txt")


def test_a_running_prefetch_is_stopped_when_the_screen_asks_for_another_article(analyzer):
    assert analyzer.ready.wait(WAIT)
    prefetch = analyzer.submit(long_article(1500), 3, "hybrid", replace_pending=False,
                               stoppable=True)  # fmt: skip
    assert prefetch.running()  # sent to the process at once: nothing else is queued
    shown = analyzer.submit(PORT, 2, "lead", stoppable=True)
    analysis, _ = shown.result(WAIT)
    assert analysis.article_id == PORT.id
    with pytest.raises(CancelledError):
        prefetch.result(0)
    assert analyzer.mode == "process"  # the same process goes on serving
    again, _ = analyzer.submit(COUNCIL, 1, "lead").result(WAIT)
    assert again.article_id == COUNCIL.id


def test_a_job_that_is_not_stoppable_runs_to_its_end(analyzer):
    assert analyzer.ready.wait(WAIT)
    blocking = analyzer.submit(long_article(300), 1, "lead", replace_pending=False)
    assert blocking.running()
    shown = analyzer.submit(COUNCIL, 2, "lead", stoppable=True)
    assert shown.result(WAIT)[0].article_id == COUNCIL.id
    assert blocking.done() and blocking.result(0)[0].summary  # finished, not stopped


def test_shutdown_without_waiting_kills_the_process_and_leaves_it_to_the_system():
    """The reader exiting does not wait while the process gives its memory back."""
    import signal

    bg = BackgroundAnalyzer(None, None)
    bg.warm()
    assert bg.ready.wait(WAIT)
    process = bg._process
    bg.shutdown(wait=False)
    assert process not in multiprocessing.active_children()  # nothing joins it at exit
    process.join(WAIT)
    assert process.exitcode == -signal.SIGKILL
