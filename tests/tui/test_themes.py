"""Theme files: the bundled ones load, a bad one is skipped with one line, the choice is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.theme import Theme

from reader.resources import themes_dir
from reader.tui.themes import ThemeFileError, load_theme_file, load_themes

from .conftest import settle


def test_bundled_themes_load():
    themes, problems = load_themes([themes_dir()])
    names = {theme.name for theme in themes}
    assert {"reader-dark", "reader-light", "reader-high-contrast"} <= names
    assert problems == []
    light = next(t for t in themes if t.name == "reader-light")
    assert isinstance(light, Theme) and light.dark is False


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('name = "x"\ndark = true\n[colors]\nprimary = "not-a-colour"\n', "is not a colour"),
        ('dark = true\n[colors]\nprimary = "#112233"\n', "needs name"),
        ('name = "x"\n[colors]\nsecondary = "#112233"\n', "at least primary"),
        ('name = "x"\ndark = "yes"\n[colors]\nprimary = "#112233"\n', "true or false"),
        ('name = "x"\n[colors]\nprimary = "#112233"\nmauve = "#000000"\n', "unknown colour"),
        ("name = [unclosed\n", "not valid TOML"),
    ],
)
def test_bad_theme_file_gives_one_line(tmp_path: Path, content: str, reason: str):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeFileError) as caught:
        load_theme_file(path)
    message = str(caught.value)
    assert reason in message and str(path) in message and "\n" not in message


def test_bad_file_is_skipped_and_the_rest_load(tmp_path: Path):
    (tmp_path / "a-bad.toml").write_text("name = 1\n", encoding="utf-8")
    (tmp_path / "b-good.toml").write_text(
        'name = "mine"\ndark = false\n[colors]\nprimary = "#336699"\n', encoding="utf-8"
    )
    themes, problems = load_themes([tmp_path, tmp_path / "missing"])
    assert [t.name for t in themes] == ["mine"]
    assert len(problems) == 1 and "a-bad.toml" in problems[0]


async def test_user_theme_is_offered_and_a_bad_one_reported(make_app, tmp_path):
    user = tmp_path / "user-themes"
    user.mkdir()
    (user / "mine.toml").write_text(
        'name = "mine"\ndark = true\n[colors]\nprimary = "#cc6600"\n', encoding="utf-8"
    )
    (user / "broken.toml").write_text("nonsense", encoding="utf-8")
    app = make_app(theme_dirs=[user])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "mine" in app.available_themes
        assert any("broken.toml" in str(n.message) for n in app._notifications)
        app.theme = "mine"
        await pilot.pause()
        assert app.session.state.get("theme") == "mine"


async def test_a_hovered_tab_name_stays_dim_under_an_ansi_theme(make_app):
    """Under an ANSI theme the names but the active one are dim (as Textual's tabs draw
    them); the mouse over a name changes its colour, not its weight."""
    from textual.geometry import Region

    app = make_app(theme="ansi-light")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#insight-tabs")

        def name_styles(tab: str) -> set:
            start, end = bar.spans()[tab]
            row = bar.render_lines(Region(0, 0, bar.size.width, 1))[0]
            cells = [segment.style for segment in row for _ in segment.text]
            return {(bool(style.dim), bool(style.bold)) for style in cells[start + 1 : end - 1]}

        assert name_styles("quotes") == {(True, False)}
        assert name_styles("summary") == {(False, True)}  # the active one
        start, _end = bar.spans()["quotes"]
        await pilot.hover("#insight-tabs", offset=(start + 2, 0))
        await settle(pilot, 1)
        assert bar.hovered == "quotes"
        assert name_styles("quotes") == {(True, False)}
