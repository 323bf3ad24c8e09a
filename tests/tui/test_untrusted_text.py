"""Markup and escapes in an article are shown as text and never run anything."""

from __future__ import annotations

from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.insight_pane import InsightPane

from .conftest import settle, status_text

HOSTILE = (
    "[bold red]Breaking[/] [@click=app.quit]news[/]\n"
    "By [link=file:///etc/passwd]Mallory[/link]\n"
    "March 3, 2026\n\n"
    "Click [@click=app.quit]here[/] or [@click=app.bell]there[/] to win "
    "\x1b[31mred\x1b[0m \x1b]52;c;aGVsbG8=\x07 \x1b]0;pwned\x07 text.\n\n"
    '"[b]Trust me[/b] [@click=screen.toggle_read]now[/]," said Mallory Oyelaran.\n\n'
    "A [link=https://evil.example]link[/link] and \u202eevil\u202c bidi.\n"
)


def strip_text(strip) -> str:
    return "".join(segment.text for segment in strip)


async def test_markup_is_shown_literally_and_runs_nothing(make_app, library, monkeypatch):
    (library / "a-budget.txt").write_text(HOSTILE, encoding="utf-8")
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    actions: list[str] = []
    original = app.run_action

    async def spy(action, *args, **kwargs):
        actions.append(str(action))
        return await original(action, *args, **kwargs)

    monkeypatch.setattr(app, "run_action", spy)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        lines = [view._line_text(row) for row in range(len(view._layout))]
        text = "\n".join(lines)
        assert "[bold red]Breaking[/] [@click=app.quit]news[/]" in lines[0]
        assert "[link=file:///etc/passwd]Mallory[/link]" in lines[1]
        assert "Click [@click=app.quit]here[/] or [@click=app.bell]there[/]" in text
        assert "\x1b" not in text and "\x07" not in text
        rendered = strip_text(view.render_line(0))
        assert rendered.startswith("[bold red]Breaking[/]")

        title_row = strip_text(app.screen.query_one(ArticleList).render_line(0))
        assert "[bold red]Breaking[/] [@click=" in title_row

        await pilot.press("3")
        await pilot.pause()
        quotes = app.screen.query_one(InsightPane).item_list
        shown = "".join(strip_text(quotes.render_line(y)) for y in range(4)).replace(" ", "")
        assert "[b]Trustme[/b][@click=screen.toggle_read]now[/]" in shown
        await pilot.press("tab")

        await pilot.press("]")
        assert "Quote 1 of 1" in status_text(app)

        # Click on every line of the text and the title: nothing may run.
        for y in range(min(len(lines), 10)):
            for x in (6, 16, 30):
                await pilot.click(ArticleView, offset=(x, y))
        await pilot.click(ArticleList, offset=(10, 0))
        await pilot.pause()
        assert app.is_running
        assert copied == []
        assert not any(a.startswith(("quit", "bell", "toggle_read")) for a in actions)
        assert app.screen.query_one(ArticleList).read == set()
