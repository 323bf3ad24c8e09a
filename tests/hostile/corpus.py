"""Generate the hostile corpus (see the issue "Hostile input and crashes") into a folder.

Nothing here is committed as data: `make_corpus(root, quick)` writes every case, and
returns a manifest saying what each file is and what the reader must do with it.

Sizes (quick / full): the big text file is 6 MB / 50 MB (the loader reads the first
5 MB, `reader.library.text.MAX_BYTES`, and says "too large, showing the first 5,120 KB");
tiny files 500 / 20,000; everything else is the same in both forms.

Run: the quick corpus is part of the normal `pytest` run; the full one is
`pytest tests/hostile --hostile-full` (or READER_HOSTILE_FULL=1 pytest tests/hostile), which
also runs ten times the property-test examples. The closing line gives the counts.

Limits the corpus holds the reader to: a file is read up to 5 MB (the rest is left out with
"too large, showing the first 5,120 KB"); analysis covers the first 100,000 characters
(`reader.analysis.pipeline.MAX_ANALYSED_CHARS`, cut at a paragraph break, with the notice
"long article: the summary, actors and quotes cover the first N of M characters"); each CLI
command on each file must finish within 120 s (a hang guard; the slowest takes about 10 s).

Expectations: "ok" (exit 0 with a result), "error" (exit 2, one line naming the file and
the reason), "either" (depends on the machine, e.g. chmod 000 when running as root).
"""

from __future__ import annotations

import codecs
import os
import random
from dataclasses import dataclass
from pathlib import Path

QUICK_BIG_MB = 6
FULL_BIG_MB = 50
QUICK_TINY = 500
FULL_TINY = 20_000
DEPTH = 100
NESTED_DIVS = 10_000
QUOTES = 5_000
SENTENCE_CHARS = 200_000
LINE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile file: where it is, what it is for, and the outcome the reader must give."""

    path: Path
    kind: str
    expect: str = "ok"
    """"ok", "error" or "either"."""
    listed: bool = True
    """Whether the folder scan lists it (as an article or as an error)."""


@dataclass
class Corpus:
    root: Path
    articles: Path
    """The folder to open: every case lives under it."""
    cases: list[Case]
    tiny: list[Path]

    def by_kind(self, kind: str) -> Case:
        return next(c for c in self.cases if c.kind == kind)


PROSE = (
    "The harbour board met on Tuesday to discuss the dredging plan. "
    '"We cannot wait another year," said Maria Lopez, the board\'s chair. '
    "Shipping companies have warned that larger vessels may skip the port. "
    "Tom Becker, a crane operator, said the mood on the docks was tense.\n\n"
)
MARKUP = (
    "[bold red]Breaking[/bold red] news [link=file:///etc/passwd]click here[/link] "
    "and [@click=app.quit]press to quit[/] or [@click=app.bell]ring[/]. "
    "Stray [/] close, [on red]colour[/on red], $accent and {braces} and :smile: too. "
    '"[b]Quoted markup[/b] stays literal," said [i]Rich Person[/i].\n\n'
)
ESCAPES = (
    "Colour \x1b[31mred\x1b[0m and \x1b[1;32mbold green\x1b[m text. "
    "Cursor \x1b[2J\x1b[H\x1b[10A\x1b[5;5Hmoves and \x1b7saves\x1b8 and \x9b31mC1 CSI\x9b0m. "
    "Bell\x07 backspace\x08 form\x0cfeed carriage\rreturn and DEL\x7f.\n\n"
    "Clipboard \x1b]52;c;cHduZWQ=\x07 and \x1b]52;p;ZXZpbA==\x1b\\ writes. "
    "Title \x1b]0;pwned title\x07 and \x1b]2;other\x1b\\ and C1 \x9d0;c1 title\x9c. "
    "Link \x1b]8;;file:///etc/passwd\x07click\x1b]8;;\x07 and DCS \x1bPq#0;2;0;0;0\x1b\\ end. "
    '"We saw \x1b[31mred\x1b[0m everywhere," said Ann Escape.\n\n'
)
BIDI = (
    "Invoice \u202efdp.exe\u202c and \u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069 "
    "and \u202aembed\u202c \u202bembed\u202c \u202doverride\u202c. "
    "Zero\u200bwidth\u200c joiners\u200d and \u2060word\u2060joiner and \ufeffBOM "
    "and soft\u00adhyphen and \u200emark\u200f. "
    '"Hidden \u202ereversed\u202c words," said Lee Bidi.\n\n'
)


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _article(title: str, body: str) -> str:
    return f"{title}\nBy Hostile Writer\nMarch 3, 2026\n\n{body}"


def _encodings(d: Path, rng: random.Random) -> list[Case]:
    text = _article("Encodings test", PROSE * 3)
    mixed = (
        b"Mixed encodings\n\n"
        + "Caf\u00e9 in UTF-8 \u2014 fine.\n\n".encode()
        + "Caf\u00e9 in cp1252 \u2014 \u201cquoted\u201d.\n\n".encode("cp1252")
        + "\u65e5\u672c\u8a9e in Shift-JIS.\n\n".encode("shift_jis")
        + "Latin-1 \u00fcber \u00e6\u00f8\u00e5.\n\n".encode("latin-1")
        + PROSE.encode()
    )
    cut = (text + "Na\u00efve caf\u00e9 \u65e5\u672c").encode()
    return [
        Case(_write(d / "binary-png.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096)), "binary-png", "error"),
        Case(_write(d / "binary-elf.html", b"\x7fELF\x02\x01\x01" + rng.randbytes(8192)), "binary-elf", "error"),
        Case(_write(d / "binary-random.md", rng.randbytes(16384)), "binary-random", "error"),
        Case(_write(d / "binary-nul.txt", b"Some text\x00\x00\x01\x02" * 500), "binary-nul", "error"),
        Case(_write(d / "truncated-utf8.txt", cut[:-1]), "truncated-utf8"),
        Case(_write(d / "bad-utf8-middle.txt", text.encode()[:300] + b"\xc3\x28\xe2\x82" + text.encode()[300:]), "bad-utf8-middle"),
        Case(_write(d / "utf16le-no-bom.txt", text.encode("utf-16-le")), "utf16le-no-bom"),
        Case(_write(d / "utf16be-no-bom.txt", text.encode("utf-16-be")), "utf16be-no-bom"),
        Case(_write(d / "utf16-bom-odd.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x41"), "utf16-bom-odd"),
        Case(_write(d / "mixed-encodings.txt", mixed), "mixed-encodings"),
        Case(_write(d / "cr-only.txt", text.replace("\n", "\r")), "cr-only"),
    ]  # fmt: skip


def _sizes(d: Path, quick: bool) -> list[Case]:
    big = d / "big.txt"
    block = _article("A very large article", "").encode() + (PROSE * 200).encode()
    target = (QUICK_BIG_MB if quick else FULL_BIG_MB) * 1024 * 1024
    with open(big, "wb") as fh:
        written = 0
        while written < target:
            written += fh.write(block)
    words = b"tide crane harbour quay berth ship cargo dock "
    line = (words * (LINE_BYTES // len(words) + 1))[:LINE_BYTES]
    return [
        Case(big, "big"),
        Case(_write(d / "one-line.txt", line), "one-line"),
        Case(_write(d / "empty.txt", b""), "empty", "error"),
        Case(_write(d / "whitespace.txt", " \t\n\r\n \u00a0\u3000\u2003\n\n\t " * 200), "whitespace", "error"),
        Case(_write(d / "long-title.txt", "T" * 20_000 + "\n\n" + PROSE), "long-title"),
    ]  # fmt: skip


def _tree(d: Path, quick: bool) -> tuple[list[Case], list[Path]]:
    tiny_dir = d / "many"
    tiny_dir.mkdir()
    tiny = []
    for n in range(QUICK_TINY if quick else FULL_TINY):
        p = tiny_dir / f"t{n:05d}.txt"
        p.write_bytes(f"Tiny {n}\n\nTiny article {n} says little.\n".encode())
        tiny.append(p)
    deep = d / "deep"
    for level in range(1, DEPTH + 1):
        deep = deep / f"d{level:03d}"
    cases = [Case(_write(deep / "bottom.txt", _article("Bottom of the well", PROSE)), "deep")]
    loop = d / "loop"
    loop.mkdir()
    (loop / "back").symlink_to("..")
    (loop / "self").symlink_to(".")
    _write(loop / "inside.txt", _article("Inside the loop", PROSE))
    cases.append(Case(loop / "inside.txt", "loop-folder"))
    (d / "loop-a.txt").symlink_to("loop-b.txt")
    (d / "loop-b.txt").symlink_to("loop-a.txt")
    (d / "self-loop.md").symlink_to("self-loop.md")
    (d / "dangling.txt").symlink_to("does-not-exist.txt")
    cases += [
        Case(d / "loop-a.txt", "symlink-loop", "error"),
        Case(d / "self-loop.md", "symlink-self", "error"),
        Case(d / "dangling.txt", "dangling", "error"),
    ]
    locked = _write(d / "chmod-000.txt", _article("Locked", PROSE))
    locked.chmod(0)
    cases.append(Case(locked, "chmod-000", "either" if os.geteuid() == 0 else "error"))
    os.mkfifo(d / "fifo.txt")
    cases.append(Case(d / "fifo.txt", "fifo", "error"))
    (d / "folder.txt").mkdir()
    cases.append(Case(d / "folder.txt", "folder-named-txt", "error", listed=False))
    return cases, tiny


def _html(d: Path) -> list[Case]:
    broken = (
        "<html><head><title>Broken <b>page</title><meta charset=utf-8><body>"
        "<p>First paragraph with <a href='x>unclosed link and <i>italic"
        "<div><p>Second paragraph about the harbour board and its plans for the port."
        "<table><tr><td>cell<p>inside</table></div></span></p><p>Third & fourth &amp; "
        "&#27;[31mentity escape&#x9b;0m &#x202e;reversed &#0; &#xD800; &#99999999; &bogus;"
        "<script>var x = '</p>'; <!-- not closed" + PROSE.replace("\n\n", "<p>") + "<![CDATA[ x "
    )
    divs = "<div>" * NESTED_DIVS + "<p>" + PROSE + "</p>" + "</div>" * NESTED_DIVS
    deep = f"<html><head><title>Deep divs</title></head><body>{divs}</body></html>"
    scripts = (
        "<html><head><style>body { color: red } p::before { content: 'x' }</style>"
        "<script>document.title = 'pwned'; alert(1);</script></head><body>"
        "<script>for (;;) {}</script><style>.a{}</style><noscript></noscript>"
        "<template><p>hidden</p></template></body></html>"
    )
    markup = (
        "<html><head><title>[bold red]Markup[/] [@click=app.quit]title[/]</title></head><body>"
        f"<article><h1>[link=file:///etc/passwd]Headline[/link]</h1><p>{MARKUP}</p>"
        f"<p>{ESCAPES}</p><p>{BIDI}</p><p>{PROSE}</p></article></body></html>"
    )
    return [
        Case(_write(d / "broken.html", broken), "broken-html"),
        Case(_write(d / "deep-divs.html", deep), "deep-divs"),
        Case(_write(d / "scripts-only.html", scripts), "scripts-only", "error"),
        Case(_write(d / "markup.html", markup), "markup-html"),
    ]


def _text(d: Path) -> list[Case]:
    quotes = "".join(
        f'"Statement number {n} is on the record," said Speaker {n % 50}. '
        + ("\n\n" if n % 10 == 9 else "")
        for n in range(QUOTES)
    )
    unbalanced = (
        '"This opens and never closes. And "this" does. \u201cCurly open only. '
        '\u201d Stray close. \'\u2018Single open, \u201d mixed close." "" """ '
        '"Nested "inner "deeper" still" out." \u00abGuillemet \u00bb\u00bb \u201e\u201c\n\n'
    )
    sentence = ("the harbour and the crane, " * (SENTENCE_CHARS // 27 + 1))[:SENTENCE_CHARS]
    title_markup = "[bold red]Title[/] [@click=app.quit]Quit[/] \x1b]0;pwned\x07 \u202eevil"
    return [
        Case(_write(d / "markup.txt", _article("[@click=app.quit]Markup article[/]", MARKUP * 5 + PROSE)), "markup-txt"),
        Case(_write(d / "markup.md", f"# {title_markup}\n\n" + MARKUP * 3 + "`[@click=app.quit]`\n\n" + PROSE), "markup-md"),
        Case(_write(d / "ansi-osc.txt", _article("Escapes \x1b]0;title\x07\x1b[31m", ESCAPES * 5 + PROSE)), "escapes"),
        Case(_write(d / "osc-unterminated.txt", _article("Open OSC", PROSE + "\x1b]52;c;" + "A" * 5000)), "osc-unterminated"),
        Case(_write(d / "bidi.txt", _article("\u202eBidi\u202c \u200bTitle", BIDI * 5 + PROSE)), "bidi"),
        Case(_write(d / "many-quotes.txt", _article("Five thousand quotes", quotes)), "many-quotes"),
        Case(_write(d / "unbalanced-quotes.txt", _article("Unbalanced quotes", unbalanced * 40 + PROSE)), "unbalanced-quotes"),
        Case(_write(d / "long-sentence.txt", _article("One long sentence", sentence)), "long-sentence"),
    ]  # fmt: skip


def _names(d: Path) -> list[Case]:
    """Hostile file names: escapes, markup, bidi, C1 and bytes that are not UTF-8."""
    body = _article("", PROSE)
    cases = [
        Case(_write(d / "name-\x1b]0;pwned\x07-\x1b[31m.txt", body), "name-escapes"),
        Case(_write(d / "[@click=app.quit]name[-].txt", body), "name-markup"),
        Case(_write(d / "name-\u202ecod.txt", body), "name-bidi"),
        Case(_write(d / "name-\x9b31m-c1.txt", body), "name-c1"),
        Case(
            _write(d / "name-\x1b[31m-binary.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            "name-escape-binary",
            "error",
        ),
    ]
    raw = os.fsencode(d) + b"/name-\xff\xfe-latin1.txt"
    with open(raw, "wb") as fh:
        fh.write(body.encode())
    cases.append(Case(Path(os.fsdecode(raw)), "name-not-utf8"))
    return cases


def make_corpus(root: Path, quick: bool = True) -> Corpus:
    """Write the whole corpus under `root/articles` and return its manifest."""
    rng = random.Random(8)
    articles = Path(root) / "articles"
    articles.mkdir(parents=True)
    cases = _encodings(articles, rng) + _sizes(articles, quick) + _html(articles)
    tree, tiny = _tree(articles, quick)
    cases += tree + _text(articles) + _names(articles)
    return Corpus(Path(root), articles, cases, tiny)
