"""Export an article's analysis as Markdown, plain text or JSON, to a file or the clipboard."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from reader.export.clipboard import NotCopied, copy_tmux
from reader.text.statements import group_statements
from reader.text.unsafe import strip_controls

FORMATS = ("md", "txt", "json")
NO_CLIPBOARD = "no clipboard tool found (install xclip, xsel or wl-clipboard)"
MAX_STEM_BYTES = 120
"""Cap on a generated file name (before the extension); file systems allow 255 bytes."""

# JSON escapes C0 itself; these it leaves raw, so they are written as \\u escapes. Lone
# surrogates come from file names that are not UTF-8: raw, they could not even be encoded.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_MD_LEADING = re.compile(r"^(\d+)([.)])|^([-+=])")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(10)
}
_TOOLS = {
    # pyperclip copy function -> (name shown to the user, command we run ourselves)
    "copy_xclip": ("xclip", ["xclip", "-selection", "clipboard"]),
    "copy_xsel": ("xsel", ["xsel", "-b", "-i"]),
    "copy_wl": ("wl-clipboard", ["wl-copy"]),
    "copy_osx_pbcopy": ("pbcopy", ["pbcopy"]),
}


class ExportError(Exception):
    """An export that could not be done; the message is one line for the user."""


def article_json(article, analysis) -> dict[str, Any]:
    """The DESIGN.md JSON object for one article (analysis may be None: metadata only)."""
    data: dict[str, Any] = {
        "path": str(article.path),
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "source": article.source,
        "text": article.text,
    }
    if analysis is not None:
        data.update(analysis.to_json_fields())
    return data


def to_json(data: Any, indent: int | None = None) -> str:
    """JSON text that is safe to print and always encodable: readable UTF-8, but C1 controls,
    bidi overrides, line separators and lone surrogates (undecodable file names) escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(article, analysis, fmt: str, extras: bool = True) -> str:
    """The export text in `fmt` ("md", "txt" or "json").

    `extras` adds the Actors and Quotes sections to md and txt. JSON is always the whole
    DESIGN.md object, so that its shape never depends on a flag.
    """
    if fmt == "json":
        return to_json(article_json(article, analysis), indent=2) + "\n"
    if fmt not in ("md", "txt"):
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    md = fmt == "md"
    esc = _md_escape if md else _clean
    lines = [f"# {esc(article.title)}" if md else _clean(article.title)]
    if not md:
        lines.append("=" * len(lines[0]))
    lines.append("")
    details = [
        ("By", article.byline),
        ("Date", article.published),
        ("Source", article.source),
        ("File", str(article.path)),
    ]
    for label, value in details:
        if value and md and label == "File" and "`" not in value:
            lines.append(f"- File: `{_clean(value)}`")
        elif value:
            lines.append(f"- {label}: {esc(value)}" if md else f"{label}: {_clean(value)}")
    summary = analysis.summary if analysis is not None else ()
    lines += ["", _heading("Summary", md)]
    lines += [f"{i}. {esc(s.text)}" for i, s in enumerate(summary, 1)] or ["(no summary)"]
    if extras and analysis is not None:
        if analysis.actors:
            lines += ["", _heading("Actors", md)]
            lines += [f"- {_actor_line(a, esc, md)}" for a in analysis.actors]
        said = _statements(analysis, getattr(article, "text", ""))
        if said:
            lines += ["", _heading("Quotes", md)]
            for words, who in said:
                speaker = esc(who) if who else "unattributed"
                quote = f"\u201c{esc(words)}\u201d"
                lines.append(f"> {quote}\n> \u2014 {speaker}\n" if md else f"- {quote} ({speaker})")
    return "\n".join(lines).rstrip("\n") + "\n"


def _statements(analysis, text: str) -> list[tuple[str, str | None]]:
    """The quotes (fragments aside) as statements: the parts of a quote its attribution
    splits, joined with an ellipsis where the attribution stood."""
    quotes = analysis.quotes
    order = sorted(
        (i for i, q in enumerate(quotes) if not q.fragment), key=lambda i: quotes[i].start
    )
    groups = group_statements(quotes, order, text) if text else [[i] for i in order]
    return [(" \u2026 ".join(quotes[i].text for i in g), quotes[g[0]].speaker) for g in groups]


def citation(article, words: str, speaker: str | None = None) -> str:
    """A quote or a sentence with where it comes from, as plain text to paste:
    “words” — speaker, in “Title”, Source, date."""
    where = [f"\u201c{_clean(article.title)}\u201d"]
    where += [_clean(v) for v in (article.source, article.published) if v]
    who = f"{_clean(speaker)}, in " if speaker else "from "
    return f"\u201c{_clean(words)}\u201d\n\u2014 {who}{', '.join(where)}\n"


def citation_as(article, words: str, speaker: str | None, fmt: str) -> str:
    """`citation` in an export format: plain text, a Markdown block quote, or JSON."""
    if fmt == "json":
        fields = {"text": words, "speaker": speaker, "title": article.title,
                  "source": article.source, "published": article.published,
                  "path": str(article.path)}  # fmt: skip
        return to_json(fields, indent=2) + "\n"
    if fmt != "md":
        return citation(article, words, speaker)
    where = [f"*{_md_escape(article.title)}*"]
    where += [_md_escape(v) for v in (article.source, article.published) if v]
    who = f"{_md_escape(speaker)}, in " if speaker else "from "
    return f"> \u201c{_md_escape(words)}\u201d\n>\n> \u2014 {who}{', '.join(where)}\n"


def _heading(title: str, md: bool) -> str:
    return f"## {title}\n" if md else f"{title}\n{'-' * len(title)}"


def _actor_line(actor, esc, md: bool) -> str:
    name = f"**{esc(actor.name)}**" if md else _clean(actor.name)
    parts = [actor.kind]
    if actor.role:
        parts.append(esc(actor.role))
    parts.append(f"{actor.mentions} mention" + ("" if actor.mentions == 1 else "s"))
    return f"{name} - {', '.join(parts)}"


def _clean(text: str) -> str:
    """One line of plain text: control characters dropped, whitespace runs collapsed."""
    return " ".join(strip_controls(text).split())


def _md_escape(text: str) -> str:
    """Plain text made literal in Markdown (no emphasis, links, HTML or headings)."""
    text = _MD_SPECIAL.sub(r"\\\1", _clean(text))
    # A leading "1." or "-" would start a nested list after our own "1. " or "- ".
    return _MD_LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def safe_filename(title: str, ext: str) -> str:
    """A file name from `title` that stays in its folder: "../../etc/passwd" -> "etc-passwd.md"."""
    stem = unicodedata.normalize("NFKC", title or "").casefold()
    stem = re.sub(r"[^\w.]+", "-", stem)  # separators, spaces, controls, punctuation
    stem = re.sub(r"\.{2,}", "-", stem)  # no ".." anywhere
    stem = re.sub(r"-{2,}", "-", stem).strip("-._")
    stem = stem[:MAX_STEM_BYTES]  # every character is at least one byte
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip("-._")
    if not stem or stem.split(".")[0] in _WINDOWS_RESERVED:
        stem = f"article-{stem}".rstrip("-") if stem else "article"
    suffix = re.sub(r"[^a-z0-9]", "", (ext or "").casefold())[:10]
    return f"{stem}.{suffix}" if suffix else stem


def default_export_dir() -> Path:
    """The user's documents folder when it exists, else the current directory."""
    try:
        import platformdirs

        documents = Path(platformdirs.user_documents_dir())
        if documents.is_dir():
            return documents
    except Exception:  # platformdirs may fail on odd systems; the cwd always works
        pass
    return Path.cwd()


def not_replaceable(path: Path) -> str | None:
    """Why `path` must not be replaced by an export, or None: only a regular file (or a
    symbolic link, which is replaced itself) may be; never a device, a FIFO or a socket."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode) or stat.S_ISDIR(mode):
        return None
    return f"{path} is not a regular file (a device, pipe or socket); it is never replaced"


def current_umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_export(
    path: Path,
    content: str,
    overwrite: bool = False,
    create_folder: bool = False,
    exists_hint: str = "use --force to overwrite",
) -> Path:
    """Write `content` to exactly `path`, atomically; never overwrite unless asked. A missing
    folder is an error (a typo should not make a new folder) unless `create_folder`. The
    new file's permissions follow the umask, an overwritten file keeps its own."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    if not overwrite and os.path.lexists(path):
        raise ExportError(f"{path} exists; {exists_hint}")
    problem = not_replaceable(path)
    if problem:
        raise ExportError(problem)
    # A missing folder is made only when asked, and never through "..": "nodir/../x.md"
    # names a file beside nodir, so making nodir would leave a stray folder behind.
    if not path.parent.is_dir() and (not create_folder or ".." in path.parent.parts):
        if path.parent.exists():
            raise ExportError(f"{path.parent} is not a folder")
        raise ExportError(f"{path.parent}: no such folder (check the name, or create it first)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{path.parent}: cannot create the folder ({_reason(exc)})") from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:60]}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o7777 if path.is_file() else 0o666 & ~current_umask()
        os.chmod(tmp, mode)
        if overwrite:
            problem = not_replaceable(path)  # checked again just before the swap
            if problem:
                raise ExportError(problem)
            os.replace(tmp, path)  # replaces a symlink itself, never the file it points to
        else:
            _link_new(tmp, path)
        tmp = None
    except FileExistsError:
        raise ExportError(f"{path} exists; {exists_hint}") from None
    except OSError as exc:
        if exc.errno == errno.ENOENT and path.parent.is_dir():  # /proc and the like
            raise ExportError(f"{path}: cannot write ({path.parent} takes no new files)") from None
        raise ExportError(f"{path}: cannot write ({_reason(exc)})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return path.absolute()


def _link_new(tmp: str, path: Path) -> None:
    """Move tmp to path, failing with FileExistsError if path appeared meanwhile."""
    try:
        os.link(tmp, path)  # atomic "create only if absent"
    except FileExistsError:
        raise
    except OSError:  # file systems without hard links
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def copy_local_clipboard(content: str) -> str:
    """Copy with the local clipboard tool pyperclip finds; return where, for the message."""
    try:
        import pyperclip
    except ImportError:
        raise ExportError(NO_CLIPBOARD) from None
    try:
        copy, _paste = pyperclip.determine_clipboard()
    except Exception:
        raise ExportError(NO_CLIPBOARD) from None
    if not copy:  # pyperclip's "no mechanism" stand-in is falsy
        raise ExportError(NO_CLIPBOARD)
    name = getattr(copy, "__name__", "")
    tool, command = _TOOLS.get(name, (name.removeprefix("copy_") or "clipboard", None))
    try:
        if command:
            # Run the tool ourselves: pyperclip ignores its exit status and lets its error
            # messages through to the terminal, which would draw over the TUI.
            result = subprocess.run(
                command,
                input=content.encode("utf-8"),
                timeout=5,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if result.returncode:
                raise ExportError(f"{tool} could not copy (exit status {result.returncode})")
        else:
            copy(content)
    except pyperclip.PyperclipException:
        raise ExportError(NO_CLIPBOARD) from None
    except subprocess.TimeoutExpired:
        raise ExportError(f"{tool} did not finish copying within 5 s") from None
    except OSError as exc:
        raise ExportError(f"{tool} could not copy ({_reason(exc)})") from None
    return f"the clipboard ({tool})"


def copy_text(content: str) -> str:
    """Copy with the local clipboard tool, else into tmux's paste buffer; return where.

    Raises ExportError with the local tool's reason when neither is available."""
    try:
        return copy_local_clipboard(content)
    except ExportError as exc:
        local = exc
    try:
        return copy_tmux(content)
    except NotCopied:
        raise local from None
