"""One run through the app with the real analysis (spaCy and sumy), on a bundled sample."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.resources import samples_dir
from reader.settings import Settings
from reader.tui.session import default_analyser
from reader.tui.widgets.article_view import ArticleView

from .conftest import build_app, settle, status_text


async def test_real_analysis_through_the_app(tmp_path: Path):
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(samples_dir() / "council-budget-vote.txt", library)
    settings = Settings()
    app = build_app(library, tmp_path / "state.db",
                    analyser=default_analyser(settings, tmp_path / "cache"))  # fmt: skip
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(120):  # loading the model takes a few seconds on a cold start
            await settle(pilot, rounds=1)
            if app.screen.analysis is not None:
                break
            await pilot.pause(0.25)
        analysis = app.screen.analysis
        assert analysis is not None and analysis.article_id == app.screen.article.id
        assert len(analysis.summary) == 3
        text = app.screen.article.text
        for quote in analysis.quotes:
            assert text[quote.start : quote.end] == quote.text
        await pilot.press("]")
        assert (
            status_text(app)
            == f"Quote 1 of {sum(not q.fragment for q in analysis.quotes)} · Mara Oyelaran"
        )
        layer = app.screen.query_one(ArticleView)._layers["focus"]
        assert text[layer[0][0] : layer[1][0]].startswith("We are not cutting into bone")
    app.session.state.close()
