"""Delayed work asked for at every key: one timer, run once, after the latest request."""

from __future__ import annotations

import time

from textual.app import App

from reader.tui.debounce import RUN_GAP, Debounce, rhythm_delay

from .conftest import settle, until


async def test_work_asked_for_again_runs_once_after_the_latest_request():
    ran: list[float] = []
    app = App()
    async with app.run_test() as pilot:
        soon = Debounce(app, lambda: ran.append(time.monotonic()))
        soon.poke(0.05)
        asked = time.monotonic()
        soon.poke(0.15)  # later than the running timer ends: it is re-armed, not replaced
        assert soon.pending
        await until(pilot, lambda: bool(ran))
        assert len(ran) == 1 and ran[0] - asked >= 0.14
        assert not soon.pending
        soon.poke(0.05)
        soon.cancel()
        await pilot.pause(0.1)
        assert len(ran) == 1


def test_a_steady_run_of_keys_waits_longer_than_the_gap_between_them():
    assert rhythm_delay(0.06, None) == 0.06  # a first key
    assert rhythm_delay(0.06, 0.02) == 0.06  # a key held down: the usual delay
    assert rhythm_delay(0.06, 0.08) > 0.08  # tapping a little slower than the delay
    assert rhythm_delay(0.06, RUN_GAP + 0.01) == 0.06  # a pause: reading, not tapping


async def test_tapping_down_the_list_opens_nothing_between_taps(make_app):
    """j tapped every 80 ms with a 60 ms delay would open every article it passes, each
    just before the next tap."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.session.open_delay = 0.06
        delays: list[float] = []
        poke = screen._open_soon.poke
        screen._open_soon.poke = lambda delay: delays.append(delay) or poke(delay)
        await pilot.press("j")
        screen._highlighted_at = time.monotonic() - 0.08  # as if the last tap was 80 ms ago
        await pilot.press("j")
        assert delays[0] == 0.06 and delays[1] > 0.08
        target = screen.article_list.current
        await until(pilot, lambda: screen.current == target)
        assert screen.current == target  # and once the taps stop, it opens
