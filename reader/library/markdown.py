"""Markdown to readable prose units: no '#', '**', link syntax or bullets left in the text."""

from __future__ import annotations

import html
import re

from reader.library.text import collapse_spaces

_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>(?:.{0,500}\n){0,60}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_ATX = re.compile(r"^ {0,3}(?P<level>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|(?P<num>\d{1,9}[.)]))[ \t]+(?P<text>.*)$")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_EXCERPT = re.compile(r"^ {0,3}#{1,6}\s+excerpt\s*#*\s*$", re.I)
"""A web clipper's quoted '## Excerpt' box: the page's description, not its text."""
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]{1,200}\]:\s*\S+")

_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\((?:[^()\n]|\([^()\n]{0,500}\)){0,1000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]{0,500}\)){0,1000}\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,200}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]{1,2000})>")
# Only the first backtick of a run may open a code span: a run of 100,000 backticks is
# then one attempt, not 100,000.
_CODE = re.compile(r"(`(?<!``)`*+)([^`\n]{1,2000}?)\1")
_BOLD_STARS = re.compile(r"\*\*(?=\S)([^*\n]{1,2000}?)(?<=\S)\*\*")
_BOLD_UNDER = re.compile(r"__(?<![\w_]__)(?=\S)([^_\n]{1,2000}?)(?<=\S)__(?![\w_])")
_EM_STARS = re.compile(r"\*(?<![\w*]\*)(?=\S)([^*\n]{1,2000}?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"_(?<![\w_]_)(?=\S)([^_\n]{1,2000}?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)([^~\n]{1,2000}?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<\"'])")
_TAG = re.compile(r"</?(?:[a-zA-Z][\w-]{0,20})(?:\s[^<>\n]{0,300})?/?>")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-like `key: value` front matter (flat; simple lists joined) and the text after it."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    last_key = None
    for raw in m.group("body").splitlines():
        item = re.match(r"^\s+-\s+(.*)$", raw)
        if item and last_key:
            value = _unquote(item.group(1))
            fields[last_key] = f"{fields[last_key]}, {value}" if fields.get(last_key) else value
            continue
        fm = _FRONT_LINE.match(raw)
        if fm:
            last_key = fm.group("key").lower()
            value = fm.group("value").strip()
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
            fields[last_key] = _unquote(value)
    return fields, text[m.end() :]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def inline(text: str) -> str:
    """Inline Markdown to plain text: links keep their words, emphasis and code lose marks."""
    if not any(ch in text for ch in "[]*_`~\\<&"):
        return text
    # Each pattern runs only when its mark is present: most paragraphs have none.
    if "[" in text:
        text = _IMAGE.sub("", text)
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\2", text)
    if "*" in text:
        text = _BOLD_STARS.sub(r"\1", text)
        text = _EM_STARS.sub(r"\1", text)
    if "_" in text:
        text = _BOLD_UNDER.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
    if "~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return collapse_spaces(text)


def strip_comments(text: str) -> str:
    """Drop <!-- ... --> comments; an unclosed one is left as text (linear, no regex)."""
    if "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def markdown_units(text: str) -> tuple[list[str], set[int]]:
    """Paragraph units in reading order, and the indexes of those that were headings."""
    text = strip_comments(text)
    units: list[str] = []
    headings: set[int] = set()
    para: list[str] = []
    items: list[str] = []
    fence = False
    skipping_excerpt = False

    def flush() -> None:
        if para:
            units.append(inline(" ".join(p.strip() for p in para)))
            para.clear()
        if items:
            lines = [inline(i) for i in items]
            units.append("\n".join(ln for ln in lines if ln))
            items.clear()

    for raw in text.split("\n"):
        if _FENCE.match(raw):
            flush()
            fence = not fence
            continue
        if fence:
            if raw.strip():
                units.append(collapse_spaces(raw.strip()))
            continue
        line = raw
        quoted = False
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
            quoted = True
        if skipping_excerpt and quoted:
            continue
        skipping_excerpt = quoted and _EXCERPT.match(line) is not None
        if skipping_excerpt:
            flush()
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if _SETEXT.match(line) and len(para) == 1 and not items:
            units.append(inline(para[0].strip()))
            headings.add(len(units) - 1)
            para.clear()
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            flush()
            continue
        heading = _ATX.match(line)
        if heading:
            flush()
            words = inline(heading.group("text") or "")
            if words:
                units.append(words)
                headings.add(len(units) - 1)
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if para:
                flush()
            number = bullet.group("num")
            items.append(f"{number} {bullet.group('text')}" if number else bullet.group("text"))
            continue
        if items and raw[:1] in " \t":
            items[-1] += " " + stripped  # continuation of a list item
            continue
        if items:
            flush()
        para.append(stripped)
    flush()
    kept: list[str] = []
    kept_headings: set[int] = set()
    for i, unit in enumerate(units):
        if unit.strip():
            if i in headings:
                kept_headings.add(len(kept))
            kept.append(unit)
    return kept, kept_headings
