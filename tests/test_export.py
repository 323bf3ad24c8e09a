"""Export rendering: each format checked field by field against the analysis; the CLI end to end."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.analysis.models import Actor, Analysis, Quote, SummarySentence
from reader.export import render
from reader.library.models import Article, content_id

TEXT = (
    "Dockworkers at the port voted on Monday to extend their strike by a week.\n\n"
    '"We will not go back for less," said Elena Marsh, the union\'s chair.\n\n'
    'The Port Authority called the move a "stunt" and said talks would resume.\n\n'
    '"Cargo is piling up," according to the authority.'
)


def _span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def _sentence(text: str) -> SummarySentence:
    return SummarySentence(text, *_span(text), score=0.5)


ARTICLE = Article(
    id=content_id(TEXT),
    path=Path("/news/port-strike.txt"),
    format="txt",
    title="Port workers extend strike",
    byline="Elena Marsh",
    published="2026-03-03",
    source="Harbour Herald",
    text=TEXT,
)
ANALYSIS = Analysis(
    article_id=ARTICLE.id,
    summary=(
        _sentence("Dockworkers at the port voted on Monday to extend their strike by a week."),
        _sentence('The Port Authority called the move a "stunt" and said talks would resume.'),
    ),
    actors=(
        Actor("Elena Marsh", "person", ("Marsh",), 2, "union chair", (_span("Elena Marsh"),)),
        Actor("Port Authority", "organization", ("the authority",), 2, None),
    ),
    quotes=(
        Quote(
            "We will not go back for less,",
            "Elena Marsh",
            "said",
            *_span("We will not go back for less,"),
        ),
        Quote("stunt", None, None, *_span("stunt"), fragment=True),
        Quote(
            "Cargo is piling up,", "Port Authority", "according to", *_span("Cargo is piling up,")
        ),
    ),
)


# The key order of the JSON object in the design contract, written out by hand.
DESIGN_JSON_KEYS = [
    "path", "title", "byline", "published", "source", "text", "summary", "actors", "quotes",
]  # fmt: skip


def test_json_is_the_design_contract() -> None:
    data = json.loads(render(ARTICLE, ANALYSIS, "json"))
    assert list(data) == DESIGN_JSON_KEYS
    assert data["path"] == str(ARTICLE.path)
    assert (data["title"], data["byline"]) == (ARTICLE.title, ARTICLE.byline)
    assert (data["published"], data["source"]) == (ARTICLE.published, ARTICLE.source)
    assert data["text"] == TEXT
    assert data["summary"] == [
        {"text": s.text, "start": s.start, "end": s.end} for s in ANALYSIS.summary
    ]
    for got, actor in zip(data["actors"], ANALYSIS.actors, strict=True):
        assert got == {
            "name": actor.name,
            "kind": actor.kind,
            "aliases": list(actor.aliases),
            "mentions": actor.mentions,
            "role": actor.role,
        }
    for got, quote in zip(data["quotes"], ANALYSIS.quotes, strict=True):
        assert got == {
            "text": quote.text,
            "speaker": quote.speaker,
            "cue": quote.cue,
            "start": quote.start,
            "end": quote.end,
            "fragment": quote.fragment,
        }
    for item in data["summary"] + data["quotes"]:
        assert data["text"][item["start"] : item["end"]] == item["text"]


def test_json_has_the_same_shape_without_extras() -> None:
    assert render(ARTICLE, ANALYSIS, "json", extras=False) == render(ARTICLE, ANALYSIS, "json")


def test_markdown_fields() -> None:
    md = render(ARTICLE, ANALYSIS, "md")
    lines = md.splitlines()
    assert lines[0] == "# Port workers extend strike"
    for line in (
        "- By: Elena Marsh",
        "- Date: 2026-03-03",
        "- Source: Harbour Herald",
        "- File: `/news/port-strike.txt`",
        "## Summary",
        "## Actors",
        "## Quotes",
    ):
        assert line in lines
    summary = lines[lines.index("## Summary") + 2 : lines.index("## Summary") + 4]
    assert summary == [
        "1. Dockworkers at the port voted on Monday to extend their strike by a week.",
        '2. The Port Authority called the move a "stunt" and said talks would resume.',
    ]
    assert "- **Elena Marsh** - person, union chair, 2 mentions" in lines
    assert "- **Port Authority** - organization, 2 mentions" in lines
    quotes = md.split("## Quotes\n")[1]
    assert "> \u201cWe will not go back for less,\u201d\n> \u2014 Elena Marsh" in quotes
    assert "> \u201cCargo is piling up,\u201d\n> \u2014 Port Authority" in quotes
    assert "stunt" not in quotes  # fragments are left out
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_plain_text_fields() -> None:
    txt = render(ARTICLE, ANALYSIS, "txt")
    lines = txt.splitlines()
    assert lines[:2] == ["Port workers extend strike", "=" * len("Port workers extend strike")]
    for line in (
        "By: Elena Marsh",
        "Date: 2026-03-03",
        "Source: Harbour Herald",
        "File: /news/port-strike.txt",
        "Summary",
        "Actors",
        "Quotes",
        "- Elena Marsh - person, union chair, 2 mentions",
        "- Port Authority - organization, 2 mentions",
        "- \u201cWe will not go back for less,\u201d (Elena Marsh)",
        "- \u201cCargo is piling up,\u201d (Port Authority)",
    ):
        assert line in lines
    assert "1. " + ANALYSIS.summary[0].text in lines and "2. " + ANALYSIS.summary[1].text in lines
    assert "stunt\u201d" not in txt and "**" not in txt and "#" not in txt


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_no_extras_is_summary_only(fmt: str) -> None:
    out = render(ARTICLE, ANALYSIS, fmt, extras=False)
    assert "Actors" not in out and "Quotes" not in out and ANALYSIS.summary[1].text in out


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_missing_metadata_and_empty_analysis(fmt: str) -> None:
    bare = Article("x", Path("/a.txt"), "txt", "Untitled", None, None, None, "Body.")
    out = render(bare, Analysis("x", (), (), ()), fmt)
    assert "By" not in out and "Date" not in out and "(no summary)" in out
    assert "Actors" not in out and "Quotes" not in out


HOSTILE = "\x1b[31mRed\x1b[0m \x1b]52;c;aGk=\x07 \x1b]0;pwned\x07 \x9b2J bi\u202edi [bold]x[/]"


@pytest.mark.parametrize("fmt", ["md", "txt", "json"])
def test_control_characters_never_reach_the_output(fmt: str) -> None:
    art = Article("h", Path("/h.txt"), "txt", HOSTILE, HOSTILE, None, None, HOSTILE)
    out = render(art, Analysis("h", (SummarySentence(HOSTILE, 0, len(HOSTILE)),), (), ()), fmt)
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")
    if fmt == "json":  # escaped, so the data itself is exact
        data = json.loads(out)
        assert data["title"] == data["text"] == data["summary"][0]["text"] == HOSTILE
    else:
        assert "Red" in out and "[31m" in out  # the text stays, visibly


def test_markdown_is_escaped() -> None:
    title = "[click](javascript:alert(1)) *bold* <script>x</script> _u_ `c`"
    art = Article("m", Path("/m.txt"), "txt", title, None, None, None, "2. Not a list.")
    md = render(art, Analysis("m", (SummarySentence("2. Not a list.", 0, 14),), (), ()), "md")
    assert md.splitlines()[0] == (
        r"# \[click\](javascript:alert(1)) \*bold\* \<script\>x\</script\> \_u\_ \`c\`"
    )
    assert "1. 2\\. Not a list." in md


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="html"):
        render(ARTICLE, ANALYSIS, "html")


def test_cli_export_end_to_end(tmp_path: Path) -> None:
    """The real loader and analysis behind `reader export`, to stdout and to a file."""
    import subprocess

    from reader.resources import samples_dir

    sample = samples_dir() / "council-budget-vote.txt"
    dirs = ["--config-dir", str(tmp_path / "cfg"), "--cache-dir", str(tmp_path / "cache")]

    def run(*args: str) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "reader", "export", str(sample), *dirs, *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    done = run("--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data) == DESIGN_JSON_KEYS
    assert data["path"] == str(sample) and data["title"] and data["summary"]
    for item in data["summary"] + data["quotes"]:
        assert data["text"][item["start"] : item["end"]] == item["text"]
    for actor in data["actors"]:
        assert actor["kind"] in ("person", "organization", "place", "group")

    target = tmp_path / "out" / "summary.md"
    target.parent.mkdir()  # export makes no folder: a mistyped one would be made silently
    assert run("-o", str(target)).returncode == 0
    md = target.read_text(encoding="utf-8")
    lines = md.splitlines()
    assert lines[0].startswith("# Riverton council") and "- By: Hannah Cordero" in lines
    numbered = [line for line in lines if line[:1].isdigit() and ". " in line]
    assert len(numbered) == len(data["summary"])
    again = run("-o", str(target), "--format", "txt")
    assert again.returncode == 2 and target.read_text(encoding="utf-8") == md
    assert again.stderr.strip().splitlines()[-1] == (
        f"reader: {target} exists; use --force to overwrite"
    )


def test_a_quote_split_by_its_attribution_is_one_statement_in_md_and_txt() -> None:
    text = "“We will not go back,” said Elena Marsh, “until the port pays.”\n\nLater, talks began."
    article = Article(
        id=content_id(text), path=Path("/news/split.txt"), format="txt", title="Split",
        byline=None, published=None, source=None, text=text,
    )  # fmt: skip
    parts = ("We will not go back", "until the port pays.")
    quotes = tuple(
        Quote(p, "Elena Marsh", "said", text.index(p), text.index(p) + len(p)) for p in parts
    )
    analysis = Analysis(article.id, (), (), quotes)
    md = render(article, analysis, "md")
    assert "> “We will not go back … until the port pays.”\n> — Elena Marsh" in md
    assert md.count("— Elena Marsh") == 1
    txt = render(article, analysis, "txt")
    assert "- “We will not go back … until the port pays.” (Elena Marsh)" in txt
    # the JSON keeps every part with its own offsets
    assert len(json.loads(render(article, analysis, "json"))["quotes"]) == 2
