"""Clipboards beyond the local tool: tmux's paste buffer, and the terminal's (OSC 52)."""

from __future__ import annotations

import base64
import os
import subprocess

TMUX_HINT = "add `set -g set-clipboard on` to ~/.tmux.conf so programs can reach the clipboard"
OSC52_HINT = (
    "if nothing arrived, the terminal does not accept OSC 52: install xclip, xsel or wl-clipboard"
)


class NotCopied(Exception):
    """This way of copying is not available here; the message says why, for a person."""


def in_tmux() -> bool:
    return bool(os.environ.get("TMUX"))


def copy_tmux(content: str) -> str:
    """Load `content` into tmux's paste buffer; with `-w` tmux also hands it to the outer
    terminal's clipboard (it may, whatever `set-clipboard` says for programs)."""
    if not in_tmux():
        raise NotCopied("not inside tmux")
    data = content.encode("utf-8")
    for command in (["tmux", "load-buffer", "-w", "-"], ["tmux", "load-buffer", "-"]):
        try:
            result = subprocess.run(
                command, input=data, timeout=5, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise NotCopied(f"tmux could not copy ({exc.__class__.__name__})") from None
        if result.returncode == 0:
            return "tmux's paste buffer (prefix ] pastes it)"
    raise NotCopied(f"tmux could not copy (exit status {result.returncode})")


def osc52(content: str) -> str:
    """The escape sequence that asks a terminal to put `content` on its clipboard."""
    return "\x1b]52;c;" + base64.b64encode(content.encode("utf-8")).decode("ascii") + "\a"
