"""`reader export`: which format, and where the text goes (a file, stdout or a clipboard)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.text.unsafe import printable

FORMATS = ("md", "txt", "json")


def check_export(args: argparse.Namespace) -> str:
    """The format to write; raises CliError for options that would be silently ignored."""
    from reader.cli import CliError

    if args.force and not args.output:
        raise CliError("--force only applies with -o FILE")
    if args.format:
        return args.format
    named = Path(args.output).suffix.lstrip(".").lower() if args.output else ""
    return named if named in FORMATS else "md"


def deliver(content: str, args: argparse.Namespace) -> None:
    """Write `content` where the options say, with one line on stderr saying where."""
    from reader.cli import CliError, say
    from reader.export import ExportError, copy_text, write_export

    try:
        if args.output == "-" or not (args.output or args.clipboard):
            sys.stdout.write(content)
        elif args.output:
            written = write_export(Path(args.output), content, overwrite=args.force)
            say(f"wrote {written}")
        else:
            try:
                say(f"copied the summary to {copy_text(content)}")
            except ExportError as exc:
                if not _send_to_terminal(content):
                    raise
                say(f"sent the summary to the terminal's clipboard (OSC 52); {_hint(exc)}")
    except ExportError as exc:
        raise CliError(str(exc)) from None


def _hint(exc: Exception) -> str:
    from reader.export import NO_CLIPBOARD
    from reader.export.clipboard import OSC52_HINT, TMUX_HINT, in_tmux

    if in_tmux():
        return TMUX_HINT
    if str(exc) == NO_CLIPBOARD:  # the hint already says which tools to install
        return OSC52_HINT
    return f"{OSC52_HINT} ({printable(str(exc))})"


def _send_to_terminal(content: str) -> bool:
    """Ask the terminal (as the TUI's `y` does) to take `content`; False with no terminal."""
    from reader.export.clipboard import osc52

    try:
        with open("/dev/tty", "w", encoding="ascii") as tty:
            tty.write(osc52(content))
    except OSError:
        return False
    return True
