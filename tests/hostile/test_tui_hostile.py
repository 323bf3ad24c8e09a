"""The real app on the hostile folder: every file opens or shows its error, nothing is acted on."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from textual.pilot import Pilot

from reader.analysis.models import Analysis, Quote, SummarySentence
from reader.library.models import Article
from reader.resources import themes_dir
from reader.settings import Settings
from reader.state import ReadingState
from reader.tui.app import ReaderApp
from reader.tui.session import Session
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import InsightPane

from .corpus import Case, Corpus
from .harness import UNSAFE

REAL_UP_TO = 20_000
"""Articles up to this many characters get the real analysis; longer ones a fast stand-in
(the CLI tests analyse those for real)."""
STEP_BOUND = 60.0
"""Seconds one article may take to open and analyse before the walk counts as hung."""
_QUOTE = re.compile(r'"([^"\n]{1,200})"')


def quick_analysis(article: Article) -> Analysis:
    text = article.text
    end = text.find(". ", 0, 300)
    end = min(len(text), 300) if end < 0 else end + 1  # like the real one: no giant items
    quotes = tuple(Quote(m[1], None, None, m.start(1), m.end(1)) for m in _QUOTE.finditer(text))
    return Analysis(article.id, (SummarySentence(text[:end], 0, end),), (), quotes[:200])


class Analyser:
    """The real pipeline for ordinary lengths, a fast stand-in for the giants."""

    def __init__(self) -> None:
        self.calls: list[Path] = []

    def __call__(self, article: Article, *, sentences: int, algorithm: str, words=None):
        self.calls.append(article.path)
        if len(article.text) > REAL_UP_TO:
            return quick_analysis(article), []
        from reader.analysis.pipeline import analyze

        return analyze(article, sentences=sentences, algorithm=algorithm, words=words)


def screen_text(app: ReaderApp) -> str:
    """Every character the terminal would be sent for the current screen (styles aside)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def view_text(app: ReaderApp) -> str:
    view = app.screen.query_one(ArticleView)
    return "\n".join(view._line_text(row) for row in range(len(view._layout)))


async def settle(pilot: Pilot) -> None:
    async def wait() -> None:
        for _ in range(3):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    await asyncio.wait_for(wait(), STEP_BOUND)


def check_shown(app: ReaderApp, case: Case) -> list[str]:
    """What is wrong with the screen after opening `case` (nothing, one hopes)."""
    problems = []
    shown, article = view_text(app), app.screen.article
    if case.expect == "error" and not shown.startswith("This article cannot be opened"):
        problems.append(f"{case.kind}: no error shown: {shown[:100]!r}")
    if case.expect == "ok" and (article is None or article.path != case.path):
        problems.append(f"{case.kind}: not opened: {shown[:100]!r}")
    notes = " ".join(f"{n.title} {n.message}" for n in app._notifications)
    raw = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(screen_text(app) + notes)})
    if raw:
        problems.append(f"{case.kind}: {', '.join(raw)} reach the terminal")
    return problems


def build(corpus: Corpus, tmp_path: Path, analyser: Analyser) -> ReaderApp:
    state = ReadingState.open(tmp_path / "config" / "state.db")
    session = Session(
        library=[corpus.articles],
        settings=Settings(),
        state=state,
        analyser=analyser,
        theme_dirs=[themes_dir()],
        analyse_delay=0,
    )
    return ReaderApp(session)


async def test_walk_every_hostile_file(corpus: Corpus, tmp_path: Path, monkeypatch) -> None:
    analyser = Analyser()
    app = build(corpus, tmp_path, analyser)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    try:
        async with app.run_test(size=(150, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            title, sub_title = app.title, app.sub_title
            listed = set(screen.article_list.paths)
            missing = [c.kind for c in corpus.cases if c.listed and c.path not in listed]
            assert not missing, f"not in the list: {missing}"
            assert len(listed) >= len(corpus.tiny)
            problems: list[str] = []
            for case in corpus.cases:
                if not case.listed:
                    continue
                screen.open(case.path)  # what highlighting it in the list does
                await settle(pilot)
                assert app.is_running, case.kind
                problems += check_shown(app, case)
                assert (app.title, app.sub_title) == (title, sub_title), case.kind
            assert not problems, "\n".join(problems)
            assert not copied
            assert analyser.calls, "nothing was analysed"
    finally:
        app.session.state.close()


async def test_markup_and_escapes_stay_text(corpus: Corpus, tmp_path: Path, monkeypatch) -> None:
    app = build(corpus, tmp_path, Analyser())
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    try:
        async with app.run_test(size=(150, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            screen.open(corpus.by_kind("markup-txt").path)
            await settle(pilot)
            shown = " ".join(view_text(app).split())
            assert shown.startswith("[@click=app.quit]Markup article[/]")
            assert "[@click=app.quit]press to quit[/]" in shown
            assert "[link=file:///etc/passwd]click here[/link]" in shown
            # Click right on the would-be action link: nothing may happen.
            view = screen.query_one(ArticleView)
            row = next(r for r in range(len(view._layout)) if "press to quit" in view._line_text(r))
            column = view._line_text(row).index("press to quit")
            view.scroll_to(y=row, animate=False)
            await pilot.pause()
            await pilot.click(ArticleView, offset=(column + 2, row - round(view.scroll_y)))
            await pilot.press("3")  # the Quotes tab shows the quoted markup
            await settle(pilot)
            assert app.is_running
            pane = screen.query_one(InsightPane)
            assert pane.tab == "quotes"

            screen.open(corpus.by_kind("escapes").path)
            await settle(pilot)
            assert "Colour red and bold green text." in view_text(app)
            assert "Clipboard and writes." in " ".join(view_text(app).split())
            assert not UNSAFE.search(screen_text(app))
            assert app.is_running and not copied
    finally:
        app.session.state.close()


async def test_keys_answer_after_the_megabyte_line(corpus: Corpus, tmp_path: Path) -> None:
    app = build(corpus, tmp_path, Analyser())
    try:
        async with app.run_test(size=(150, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            for kind in ("one-line", "big"):
                screen.open(corpus.by_kind(kind).path)
                await settle(pilot)
                assert screen.article is not None, kind
                pane = screen.query_one(InsightPane)
                for key, tab in (("3", "quotes"), ("1", "summary")):
                    await asyncio.wait_for(pilot.press(key), 10)
                    await asyncio.wait_for(pilot.pause(), 10)
                    assert pane.tab == tab, f"{kind}: key {key} not processed"
                view = screen.query_one(ArticleView)
                view.focus()
                await asyncio.wait_for(pilot.press("end"), 10)
                await asyncio.wait_for(pilot.pause(), 10)
                assert view.scroll_y > 0, f"{kind}: the text did not scroll"
    finally:
        app.session.state.close()
