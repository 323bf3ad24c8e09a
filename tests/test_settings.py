"""Settings: every key documented, every bad value reported with file, key and what is allowed."""

from __future__ import annotations

import ast
import inspect
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from reader import settings as settings_module
from reader.settings import EXAMPLE_CONFIG, Settings, load_settings


def _load(tmp_path: Path, text: str) -> tuple[Settings, list[str], Path]:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    loaded, warnings = load_settings(path)
    return loaded, warnings, path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope.toml") == (Settings(), [])


def test_example_config_is_valid_and_documents_every_key(tmp_path: Path) -> None:
    loaded, warnings, _ = _load(tmp_path, EXAMPLE_CONFIG)
    assert warnings == [] and loaded == Settings()
    for field in fields(Settings):
        assert f"{field.name} =" in EXAMPLE_CONFIG or f"[{field.name}]" in EXAMPLE_CONFIG
    for example in ("# spacy_model = ", "# library = ", '# "quote.next" = '):
        line = next(x for x in EXAMPLE_CONFIG.splitlines() if x.startswith(example))
        tomllib.loads(line.lstrip("# "))  # the commented examples are valid when uncommented


def test_every_field_has_a_docstring() -> None:
    tree = ast.parse(inspect.getsource(settings_module))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Settings")
    body = cls.body
    for i, node in enumerate(body):
        if isinstance(node, ast.AnnAssign):
            after = body[i + 1] if i + 1 < len(body) else None
            assert isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant), (
                f"Settings.{node.target.id} has no docstring"
            )


def test_valid_values_are_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    text = """
        theme = "nord"
        summary_sentences = 7
        algorithm = "TextRank"
        spacy_model = "en_core_web_md"
        library = ["~/news", "relative/folder", "/abs/path"]
        show_fragments = true
        [keys]
        "quote.next" = "ctrl+n"
        "app.quit" = "q,ctrl+q"
    """
    loaded, warnings, _ = _load(tmp_path, text)
    assert warnings == []
    assert loaded == Settings(
        theme="nord",
        summary_sentences=7,
        algorithm="textrank",
        spacy_model="en_core_web_md",
        library=(str(tmp_path / "home" / "news"), str(tmp_path / "relative/folder"), "/abs/path"),
        show_fragments=True,
        keys={"quote.next": "ctrl+n", "app.quit": "q,ctrl+q"},
    )


def test_single_library_path_is_accepted(tmp_path: Path) -> None:
    loaded, warnings, _ = _load(tmp_path, 'library = "/srv/news"')
    assert warnings == [] and loaded.library == ("/srv/news",)


@pytest.mark.parametrize(
    ("line", "key", "allowed"),
    [
        ("summary_sentences = 0", "summary_sentences", "a whole number from 1 to 20"),
        ("summary_sentences = 21", "summary_sentences", "a whole number from 1 to 20"),
        ('summary_sentences = "3"', "summary_sentences", "a whole number from 1 to 20"),
        ("summary_sentences = true", "summary_sentences", "a whole number from 1 to 20"),
        ("summary_sentences = 2.5", "summary_sentences", "a whole number from 1 to 20"),
        ('algorithm = "bogus"', "algorithm", "one of "),
        ("algorithm = 3", "algorithm", "one of "),
        ('theme = ""', "theme", "a theme name"),
        ("theme = 5", "theme", "a theme name"),
        ('spacy_model = ""', "spacy_model", "a spaCy pipeline name"),
        ('spacy_model = ["x"]', "spacy_model", "a spaCy pipeline name"),
        ("library = 5", "library", "a list of file or folder paths"),
        ("library = [1, 2]", "library", "a list of file or folder paths"),
        ('library = ["ok", ""]', "library", "a list of file or folder paths"),
        ("library = []", "library", "a list of file or folder paths"),
        ('show_fragments = "yes"', "show_fragments", "true or false"),
        ("show_fragments = 1", "show_fragments", "true or false"),
        ('keys = "ctrl+q"', "keys", "a [keys] table"),
        ('keys = {"quote.next" = ""}', "keys.quote.next", "a key name"),
        ('keys = {"quote.next" = "ctrl n"}', "keys.quote.next", "a key name"),
        ('keys = {"quote.next" = 5}', "keys.quote.next", "a key name"),
    ],
)
def test_invalid_value_is_reported_and_defaulted(
    tmp_path: Path, line: str, key: str, allowed: str
) -> None:
    loaded, warnings, path = _load(tmp_path, line)
    assert len(warnings) == 1, warnings
    warning = warnings[0]
    assert warning.startswith(f"{path}: {key} = ")
    assert f"(allowed: {allowed}" in warning
    top = key.split(".")[0]
    expected = {} if top == "keys" else getattr(Settings(), top)
    assert getattr(loaded, top) == expected


def test_algorithm_list_comes_from_the_summary_module(tmp_path: Path) -> None:
    from reader.analysis.summary import ALGORITHMS

    _, warnings, _ = _load(tmp_path, 'algorithm = "nope"')
    assert all(name in warnings[0] for name in ALGORITHMS)


def test_bad_value_does_not_spoil_the_others(tmp_path: Path) -> None:
    loaded, warnings, _ = _load(
        tmp_path, 'theme = "nord"\nsummary_sentences = 99\n[keys]\n"a.b" = "x"\n"c.d" = ""\n'
    )
    assert len(warnings) == 2
    assert loaded.theme == "nord" and loaded.summary_sentences == 3
    assert loaded.keys == {"a.b": "x"}


def test_unknown_key_is_named(tmp_path: Path) -> None:
    loaded, warnings, path = _load(tmp_path, 'colour = "red"\ntheme = "nord"\n')
    assert warnings == [
        f"{path}: unknown key 'colour' ignored (known keys: theme, summary_sentences, "
        "summary_words, algorithm, spacy_model, library, show_fragments, feeds, keys)"
    ]
    assert loaded.theme == "nord"


def test_bad_toml_gives_one_warning(tmp_path: Path) -> None:
    loaded, warnings, path = _load(tmp_path, 'theme = "nord\nsummary_sentences = = 3\n[[[')
    assert loaded == Settings()
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}: not valid TOML (")
    assert warnings[0].endswith("; using the default settings") and "\n" not in warnings[0]


def test_not_utf8_gives_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    assert load_settings(path) == (
        Settings(),
        [f"{path}: not UTF-8 text; using the default settings"],
    )


def test_unreadable_config_gives_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.mkdir()
    loaded, warnings = load_settings(path)
    assert loaded == Settings() and len(warnings) == 1
    assert warnings[0].startswith(f"{path}: cannot read (")


def test_long_values_are_shortened_in_warnings(tmp_path: Path) -> None:
    _, warnings, _ = _load(tmp_path, f'algorithm = "{"x" * 500}"')
    assert len(warnings) == 1 and len(warnings[0]) < 400 and "..." in warnings[0]
