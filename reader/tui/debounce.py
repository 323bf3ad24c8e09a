"""Run something once a while has passed since the latest call for it, with one timer.

Keys held down ask for the same delayed work at every step (save the reading position,
open the article under the cursor, put the status line back). Stopping a timer and
starting another each time costs the UI thread a new asyncio task and a cancelled one per
key; here the timer that is already running is kept, and when it ends before the latest
deadline it starts again for what is left.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.timer import Timer

_EARLY = 0.005
"""A timer ending this little before its deadline counts as on time."""


class Debounce:
    """`poke(delay)` asks for `callback` to run `delay` seconds from now, replacing any
    earlier request; `cancel()` drops the request; `pending` says whether one stands."""

    def __init__(self, owner: MessagePump, callback: Callable[[], object]) -> None:
        self._owner = owner
        self._callback = callback
        self._timer: Timer | None = None
        self._deadline = 0.0

    @property
    def pending(self) -> bool:
        return self._timer is not None

    def poke(self, delay: float) -> None:
        deadline = monotonic() + delay
        if self._timer is not None and deadline < self._deadline:
            self._timer.stop()  # sooner than the running timer would end: start again
            self._timer = None
        self._deadline = deadline
        if self._timer is None:
            self._timer = self._owner.set_timer(delay, self._ended)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _ended(self) -> None:
        left = self._deadline - monotonic()
        if left > _EARLY:
            self._timer = self._owner.set_timer(left, self._ended)
            return
        self._timer = None
        self._callback()


RUN_GAP = 0.15
"""Keys closer together than this (in seconds) are a run: tapping down a list, not reading."""


def rhythm_delay(base: float, gap: float | None) -> float:
    """How long to wait for another key before doing what the latest one asked for: `base`,
    or, in a run of keys `gap` seconds apart, one and a half gaps if that is longer. Keys
    tapped a little slower than `base` would otherwise set the work off between every two
    of them, each time just before the next key, which then waits for it."""
    if gap is None or gap >= RUN_GAP:
        return base
    return max(base, 1.5 * gap)
