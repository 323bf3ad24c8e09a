"""One run through the app with the real analysis (spaCy and sumy), on a bundled sample."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.resources import samples_dir
from reader.settings import Settings
from reader.tui.navigation import visible_quotes
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
        shown = visible_quotes(analysis, False, text)
        # a quote split by its attribution is one statement: fewer stops than quote parts
        assert 0 < len(shown) < sum(not q.fragment for q in analysis.quotes)
        await pilot.press("]")
        assert status_text(app) == f"Quote 1 of {len(shown)} · Mara Oyelaran"
        layer = app.screen.query_one(ArticleView)._layers["focus"]
        highlighted = text[layer[0][0] : layer[1][-1]]
        assert highlighted.startswith("We are not cutting into bone")
        # the second half, after "Oyelaran told the council", is lit with the first
        assert highlighted.endswith("revenue that pays for them.")
    app.session.state.close()
