"""Shared pieces for the TUI tests: a small real library, a fast fake analyser, app builders."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.analysis.models import Actor, Analysis, Quote, SummarySentence
from reader.library.models import Article
from reader.resources import themes_dir
from reader.settings import Settings
from reader.state import ReadingState
from reader.tui.app import ReaderApp
from reader.tui.session import Session

BUDGET = """Council passes budget after late fight over library hours
By Hannah Cordero
March 3, 2026

The Riverton City Council approved an operating budget late Monday after a long night of testimony. Mara Oyelaran, the finance director, warned that costs keep rising.

"We are not cutting into bone yet, but we are closer to it than we have been," Oyelaran told the council. She added that pensions drove most of the gap.

Mayor Delia Harkness said the council had little room to move. "Nobody ran for this job to close a library on Saturdays," Harkness said.

Residents lined up to speak. Janelle Okafor, a nurse, said weekday hours did not work for families. "Saturday is the only day my kids can get there," Okafor said.

The vote was 5-2. Harkness called it a fair deal, and Oyelaran said the reserve would be rebuilt next year.
"""

PORT = """Port workers extend strike into a second week
By Elena Marsh
March 4, 2026

Dockworkers at the port voted on Tuesday to extend their strike, leaving ships waiting offshore. Union leader Tomas Reyes said members were united.

"We will stay out as long as it takes," Reyes said. Shipping lines warned of delays.

The port authority said talks would resume on Friday. "We expect a deal within days," said Carla Mendes, the authority's spokeswoman.
"""

VACCINE = """Nasal spray vaccine cuts severe flu in trial
By Priya Raman
February 14, 2026

A nasal spray vaccine cut severe influenza by half in a large trial, researchers reported on Friday. The study of the so-called "miracle" spray enrolled 12,000 adults.

"This is the result we hoped for," said Dr. Anna Lindqvist, who led the trial. Regulators will review the data this spring.
"""

NAMES = (
    ("Mara Oyelaran", "finance director"), ("Oyelaran", None), ("Delia Harkness", "mayor"),
    ("Harkness", None), ("Janelle Okafor", "nurse"), ("Okafor", None),
    ("Tomas Reyes", "union leader"), ("Reyes", None), ("Carla Mendes", "spokeswoman"),
    ("Anna Lindqvist", None),
)  # fmt: skip
_QUOTE = re.compile(r"[\"“]([^\"”]+)[\"”]")


def long_article(paragraphs: int = 40, *, quoted: bool = False) -> str:
    """A long made-up story; `quoted`: every paragraph opens with a quote and its speaker."""
    body = "\n\n".join(
        f'"The tide turned early on day {n}, and we were ready for it," said Ada Quill, '
        f"the harbour master. The crane by pier {n} stayed still all afternoon."
        if quoted
        else f"Paragraph {n} goes on about the harbour, the tides and the old crane that "
        f"still stands by the pier, and the people who remember when it last moved. ({n})"
        for n in range(1, paragraphs + 1)
    )
    return f"The long harbour story\nBy Sam Long\nJanuary 5, 2026\n\n{body}\n"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A folder with three small articles (sorted: budget, port, vaccine)."""
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "a-budget.txt").write_text(BUDGET, encoding="utf-8")
    (folder / "b-port.txt").write_text(PORT, encoding="utf-8")
    (folder / "c-vaccine.txt").write_text(VACCINE, encoding="utf-8")
    return folder


def _speaker(text: str, end: int) -> str | None:
    """The first full name after the quote in the same paragraph (as the real one might)."""
    stop = text.find("\n\n", end)
    window = text[end : stop if stop >= 0 else len(text)]
    best = None
    for name, _role in NAMES:
        at = window.find(name.split()[-1])
        if at >= 0 and (best is None or at < best[0]):
            best = (at, next(n for n, _ in NAMES if n.endswith(name.split()[-1])))
    return best[1] if best else None


def fake_analysis(article: Article, sentences: int = 3) -> Analysis:
    """A hand-built analysis with offsets into the real article text."""
    text = article.text
    summary = []
    for start, end in article.paragraphs[:sentences]:
        stop = text.find(". ", start, end)
        stop = end if stop < 0 else stop + 1
        summary.append(SummarySentence(text[start:stop], start, stop))
    quotes = tuple(
        Quote(m.group(1), _speaker(text, m.end()), "said", m.start(1), m.end(1),
              fragment=len(m.group(1).split()) < 3)
        for m in _QUOTE.finditer(text)
    )  # fmt: skip
    actors = []
    for name, role in NAMES:
        if " " not in name:
            continue
        surname = name.split()[-1]
        spans = tuple(m.span() for m in re.finditer(re.escape(surname), text))
        if spans:
            actors.append(Actor(name, "person", (surname,), len(spans), role, spans))
    return Analysis(article.id, tuple(summary), tuple(actors), quotes)


class FakeAnalyser:
    """Fast and observable: records calls; `gates` holds back an article until released."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.options: list[tuple[str, str, int | None]] = []
        """(file, algorithm, words) of every call."""
        self.gates: dict[str, threading.Event] = {}
        self.fail_for: set[str] = set()

    def __call__(self, article: Article, *, sentences: int, algorithm: str, words=None):
        self.calls.append((article.path.name, sentences))
        self.options.append((article.path.name, algorithm, words))
        gate = self.gates.get(article.path.name)
        if gate is not None:
            gate.wait(10)
        if article.path.name in self.fail_for:
            raise RuntimeError("model exploded")
        return fake_analysis(article, sentences), []


@pytest.fixture
def analyser() -> FakeAnalyser:
    return FakeAnalyser()


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "state.db"


def build_app(
    library: Path | list[Path],
    state_file: Path | None,
    analyser: Callable | None = None,
    settings: Settings | None = None,
    theme: str | None = "reader-dark",
    theme_dirs: list[Path] | None = None,
) -> ReaderApp:
    state = ReadingState.open(state_file)
    if theme:
        state.set("theme", theme)
    session = Session(
        library=library if isinstance(library, list) else [library],
        settings=settings or Settings(),
        state=state,
        analyser=analyser or FakeAnalyser(),
        theme_dirs=[themes_dir(), *(theme_dirs or [])],
        analyse_delay=0,
        prefetch_delay=0,
        open_delay=0,
    )
    return ReaderApp(session)


@pytest.fixture
def make_app(library: Path, state_file: Path, analyser: FakeAnalyser):
    """Build the app on the test library with the fake analyser and a real state file."""
    opened: list[ReaderApp] = []

    def make(**kwargs) -> ReaderApp:
        kwargs.setdefault("analyser", analyser)
        app = build_app(kwargs.pop("library", library), kwargs.pop("state_file", state_file),
                        **kwargs)  # fmt: skip
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.session.state.close()


async def settle(pilot: Pilot, rounds: int = 3) -> None:
    """Let workers (scan, load, analysis) finish and their messages land."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot, condition, rounds: int = 50) -> None:
    """Let the app run until `condition()` holds (timers and workers included)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)


def message_log(*kinds: type) -> tuple[list, Callable]:
    """The messages of `kinds` the app posts, each once, and the hook for
    `run_test(message_hook=...)` that collects them (a hook is called at each widget a
    message passes on its way up)."""
    said: list = []

    def hook(message) -> None:
        if isinstance(message, kinds) and all(m is not message for m in said):
            said.append(message)

    return said, hook


def held_scanner(after: int) -> tuple[Callable, threading.Event]:
    """A scanner that lists `after` files, then waits (10 s at most) for the event before
    the rest: a slow first listing the test releases when it has looked."""
    from reader.library.scan import iter_scan

    release = threading.Event()

    def scanner(paths):
        for number, item in enumerate(iter_scan(paths)):
            if number == after:
                release.wait(10)
            yield item

    return scanner, release


def status_text(app: ReaderApp) -> str:
    return str(app.screen.query_one("#status").render())
