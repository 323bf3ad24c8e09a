"""Subheadings and lists in the article pane: styled, not flattened, offsets intact."""

from __future__ import annotations

from reader.tui.textlayout import BULLET, ArticleLayout
from reader.tui.widgets.article_view import ArticleView

from .conftest import settle

NOTE = (
    "# Levee vote\n\n"
    "The river board met on a wet evening and voted for the levee work after a long debate.\n\n"
    "## What happens next\n\n"
    "- Pumps go in first, before the spring rains reach the valley floor and the old drains\n"
    "- Then the spillway\n"
    "- 2. A numbered aside\n\n"
    "Work starts in the spring, the board said.\n"
)


def test_list_lines_carry_bullets_and_still_tile_the_text():
    body = "Intro line.\n\nFirst item that is long enough to wrap twice at least\nSecond"
    paragraphs = [(0, 11), (13, len(body))]
    layout = ArticleLayout(body, paragraphs, [], 20, ("", "list"))
    lines = [line for line in layout.lines if line.kind == "body" and line.paragraph == 1]
    starts = {13, body.index("Second")}
    assert [line.prefix for line in lines] == [
        BULLET if line.start in starts else " " * len(BULLET) for line in lines
    ]
    assert len(lines) > 3 and all(line.block == "list" for line in lines)
    assert "".join(body[line.start : line.end] for line in lines) == body[13:].replace("\n", "")
    assert all(len(line.prefix + body[line.start : line.end].rstrip()) <= 20 for line in lines)


def with_the_note(library) -> None:
    """The library's first article becomes NOTE (a heading, a list, prose)."""
    (library / "a-budget.txt").unlink()
    (library / "a-levee.md").write_text(NOTE, encoding="utf-8")


def styles_of(view: ArticleView, row: int) -> list[tuple[str, object]]:
    strip = view.render_line(row - round(view.scroll_y))
    return [(segment.text, segment.style) for segment in strip if segment.text.strip()]


async def test_headings_are_styled_and_list_items_bulleted(make_app, library):
    with_the_note(library)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        rows = {view._line_text(row): row for row in range(len(view._layout))}
        assert any(t.startswith(BULLET + "Pumps go in first") for t in rows)
        assert BULLET + "Then the spillway" in rows
        assert "  2. A numbered aside" in rows
        heading = styles_of(view, rows["What happens next"])
        assert heading and all(style.bold for _, style in heading)
        prose = styles_of(view, rows["Work starts in the spring, the board said."])
        assert not any(style.bold for _, style in prose)

        text = view.article.text
        start = text.index("Then the spillway")
        view.set_layer("focus", [(start, start + len("Then"))])
        await pilot.pause()
        focus = view.get_component_rich_style("article-view--focus")
        segments = styles_of(view, rows[BULLET + "Then the spillway"])
        lit = "".join(t for t, style in segments if style.bgcolor == focus.bgcolor)
        assert lit == "Then"


async def test_rows_with_nothing_lit_are_drawn_as_styled_text_draws_them(make_app, library):
    """Rows with nothing lit are made straight from their runs of style (quick to scroll
    into view): every kind of row (title, meta, heading, bullet, wrapped item, prose) must
    come out cell for cell and style for style as the styled text draws it."""
    with_the_note(library)
    app = make_app()
    async with app.run_test(size=(60, 45)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        kinds = set()
        for row in range(len(view._layout)):
            line = view._layout.lines[row]
            if view._lit(row):
                continue
            kinds.add((line.kind, line.block, bool(line.prefix.strip())))
            assert list(view._render_row(row, None)) == list(view._styled_row(row, None)), row
        assert {("title", "", False), ("body", "heading", False), ("body", "list", True),
                ("body", "list", False), ("body", "", False)} <= kinds  # fmt: skip
