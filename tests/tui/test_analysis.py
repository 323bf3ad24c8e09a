"""Analysis runs off the UI thread: loading state, stale results dropped, errors shown, prefetch."""

from __future__ import annotations

import threading

from reader.tui.widgets.insight_pane import InsightPane

from .conftest import settle


def pane_status(app) -> str:
    return str(app.screen.query_one("#insight-status").render())


def quote_speakers(app) -> list[str]:
    analysis = app.screen.analysis
    return [q.speaker for q in analysis.quotes] if analysis else []


async def test_text_appears_while_the_analysis_is_still_running(make_app, analyser):
    gate = analyser.gates["a-budget.txt"] = threading.Event()
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(40):  # the text, then the word that the analyser is at work
            await pilot.pause(0.05)
            if app.screen.article is not None and "Analysing" in pane_status(app):
                break
        assert app.screen.article.path.name == "a-budget.txt"
        assert "Analysing" in pane_status(app)
        assert app.screen.analysis is None
        await pilot.press("j")  # the UI still answers keys
        gate.set()
        await settle(pilot)
        assert app.screen.article.path.name == "b-port.txt"


async def test_stale_result_is_dropped(make_app, analyser, monkeypatch):
    """Open A (analysis held back), switch to B: A's result arrives late and is never shown."""
    gate = analyser.gates["a-budget.txt"] = threading.Event()
    shown: list[str] = []
    original = InsightPane.show_analysis

    def spy(self, analysis, **kwargs):
        shown.append(analysis.article_id)
        return original(self, analysis, **kwargs)

    monkeypatch.setattr(InsightPane, "show_analysis", spy)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("j")
        for _ in range(20):
            await pilot.pause(0.05)
            if app.screen.article is not None:
                break
        port_id = app.screen.article.id
        gate.set()
        await settle(pilot)
        assert app.screen.article.path.name == "b-port.txt"
        assert shown and set(shown) == {port_id}
        assert quote_speakers(app) == ["Tomas Reyes", "Carla Mendes"]
        quotes = app.screen.query_one(InsightPane).prompts("quotes")
        assert "We will stay out" in str(quotes[0])


async def test_analysis_error_is_shown_and_the_reader_keeps_working(make_app, analyser):
    analyser.fail_for.add("a-budget.txt")
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert "Analysis failed" in pane_status(app)
        assert "model exploded" in pane_status(app)
        assert any("model exploded" in str(n.message) for n in app._notifications)
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.analysis is not None
        assert pane_status(app) == ""


async def test_next_article_is_prefetched(make_app, analyser):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert [name for name, _ in analyser.calls] == ["a-budget.txt", "b-port.txt"]
        await pilot.press("j")
        await settle(pilot)
        # B came from memory; C is now prefetched. Nothing was analysed twice.
        assert [name for name, _ in analyser.calls] == [
            "a-budget.txt",
            "b-port.txt",
            "c-vaccine.txt",
        ]
        assert app.screen.analysis.article_id == app.screen.article.id


async def test_plus_and_minus_change_the_summary_length(make_app, analyser):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert len(app.screen.analysis.summary) == 3
        await pilot.press("plus")
        await settle(pilot)
        assert ("a-budget.txt", 4) in analyser.calls
        assert len(app.screen.analysis.summary) == 4
        assert app.session.state.get("summary_sentences") == 4
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert len(app.screen.analysis.summary) == 2


async def test_w_measures_the_summary_in_words_and_plus_adds_twenty(make_app, analyser):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert ("a-budget.txt", app.session.algorithm, 60) in analyser.options
        await pilot.press("plus")
        await settle(pilot)
        assert ("a-budget.txt", app.session.algorithm, 80) in analyser.options
        await pilot.press("w")
        await settle(pilot)
        assert app.session.words is None
        assert len(app.screen.analysis.summary) == 3  # the earlier result, from memory


async def test_the_algorithm_is_chosen_from_the_palette_shown_and_remembered(make_app, analyser):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Summary: use news (in use)" in titles and "Summary: use lexrank" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"use lexrank")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert ("a-budget.txt", "lexrank", None) in analyser.options
        summary = app.screen.query_one(InsightPane).prompts("summary")
        assert "lexrank" in str(summary[-1])
    app.session.state.close()
    again = make_app(theme=None)
    assert again.session.algorithm == "lexrank"
