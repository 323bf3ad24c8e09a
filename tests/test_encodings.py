"""Encodings, quote characters and terminal-unsafe characters, on real files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.library import load_article
from reader.library.text import decode
from reader.text.quotes import normalize_quotes
from reader.text.unsafe import sanitize

TITLE = "Café owners say “enough” to rent rises"
BODY = (
    "Zoë Brontë, who runs the café on Quay Street, said: “We can’t go on like this.” "
    "Her neighbour’s rent rose by €300 — ‘a joke’, he said."
)
ARTICLE = f"{TITLE}\n\n{BODY}\n"


def check(article) -> None:
    assert article.title == TITLE
    assert article.text == BODY


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
        ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        ("cp1252", ARTICLE.encode("cp1252")),
        ("utf-8 with CRLF", ARTICLE.replace("\n", "\r\n").encode("utf-8")),
        (
            "utf-16 LE with CRLF",
            codecs.BOM_UTF16_LE + ARTICLE.replace("\n", "\r\n").encode("utf-16-le"),
        ),
    ],
)
def test_encodings_decode_to_the_same_article(tmp_path: Path, label, data):
    path = tmp_path / "cafe.txt"
    path.write_bytes(data)
    check(load_article(path))


def test_latin1_file(tmp_path: Path):
    # Latin-1 has no curly quotes; its accented letters still come through.
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Señora Müller\n\nLa señora Müller dijo que el café está cerrado.\n".encode("latin-1")
    )
    article = load_article(path)
    assert article.title == "Señora Müller"
    assert article.text == "La señora Müller dijo que el café está cerrado."


def test_cp1252_undefined_bytes_do_not_fail():
    text, encoding = decode(b"Caf\xe9 \x81 \x93ok\x94")
    assert encoding == "cp1252"
    assert sanitize(text) == "Café  “ok”"


def test_utf16_without_bom_is_recognised(tmp_path: Path):
    path = tmp_path / "nobom.txt"
    path.write_bytes(ARTICLE.encode("utf-16-le"))
    check(load_article(path))


def test_quotes_are_never_changed_in_displayed_text(tmp_path: Path):
    path = tmp_path / "quotes.md"
    straight = "\"Straight,\" she said. 'Single' too."
    curly = "\u201cCurly,\u201d she said. \u2018Single\u2019 too; it\u2019s \u00abfine\u00bb."
    path.write_text(f"# Quotes\n\n{straight}\n\n{curly}\n", encoding="utf-8")
    article = load_article(path)
    assert article.text == f"{straight}\n\n{curly}"


def test_normalize_quotes_is_one_for_one():
    s = "\u201cIt\u2019s \u2018fine\u2019,\u201d \u00abshe\u00bb said \u201eja\u201f."
    out = normalize_quotes(s)
    assert out == '"It\'s \'fine\'," "she" said "ja".'
    assert len(out) == len(s)
    assert normalize_quotes('plain "text"') == 'plain "text"'


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("tab\there", "tab here"),
        ("bell\x07 null\x00 del\x7f c1\x85\x9f", "bell null del c1"),
        ("\x1b[31mred\x1b[0m \x1b[2J\x1b[H", "red "),
        ("\x1b]0;evil title\x07after", "after"),
        ("\x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x1bP1;2qpayload\x1b\\ok", "ok"),
        ("\x9b31mc1 csi", "c1 csi"),
        ("bidi \u202eoverride\u202c \u2066isolate\u2069", "bidi override isolate"),
        ("soft\u00adhyphen nbsp\u00a0space \ufeffbom", "softhyphen nbsp space bom"),
        ("unterminated \x1b]0;title", "unterminated 0;title"),
    ],
)
def test_sanitize(raw, clean):
    assert sanitize(raw) == clean


def test_control_characters_and_escapes_never_reach_the_article(tmp_path: Path):
    path = tmp_path / "escapes.txt"
    path.write_bytes(
        "Title \x1b[1mbold\x1b[0m\u202e\n\n"
        "Body with \x1b]52;c;ZXZpbA==\x07clipboard grab, \x07bell, \x1b[2J clear and "
        "\u2067isolates\u2069 in it.\r\n".encode()
    )
    article = load_article(path)
    assert article.title == "Title bold"
    assert article.text == "Body with clipboard grab, bell, clear and isolates in it."


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_every_format_is_sanitised(tmp_path: Path, suffix):
    body = "Before \x1b[31mred\x1b[0m after, \u202ereversed\u202c and a bell\x07 in a sentence."
    if suffix == ".html":
        content = f"<html><head><title>T</title></head><body><p>{body}</p></body></html>"
    else:
        content = f"T\n\n{body}\n"
    path = tmp_path / f"a{suffix}"
    path.write_text(content, encoding="utf-8")
    text = load_article(path).text
    assert text == "Before red after, reversed and a bell in a sentence."
