"""Main-screen behaviour inside one article: quotes, summary, actors and search, linked to the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.models import Analysis
from reader.tui.messages import ItemChosen, ItemHighlighted, ItemKind
from reader.tui.navigation import statements, step, summary_order, visible_quotes
from reader.tui.search import find_matches
from reader.tui.widgets.query_bar import QueryBar

if TYPE_CHECKING:
    from reader.library.models import Article
    from reader.tui.session import Session
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.insight_pane import InsightPane
    from reader.tui.widgets.status_bar import StatusBar


class ReadingActions:
    """Mixed into MainScreen: it owns the indexes; the widgets only show them.

    Handlers here use `on_<message>` names: `@on` only registers on Textual classes.
    """

    if TYPE_CHECKING:
        session: Session
        article: Article | None
        view: ArticleView
        pane: InsightPane
        status: StatusBar

        def notify(self, message: str, **kwargs) -> None: ...
        def query_one(self, selector: str, expect_type: type[QueryBar]) -> QueryBar: ...
        def insight_visible(self) -> bool: ...

    def reset_reading(self) -> None:
        """Forget the selection within an article (called when another one opens)."""
        self.analysis: Analysis | None = None
        self.quote_pos: int | None = None
        self.sentence_pos: int | None = None
        self.actor_index: int | None = None
        self.actor_mention = -1
        self.matches: list[tuple[int, int]] = []
        self.match_pos: int | None = None

    def show_analysis(self, analysis: Analysis) -> None:
        previous = self.analysis
        if previous is None or previous.summary != analysis.summary:
            self.sentence_pos = None
        if previous is None or previous.quotes != analysis.quotes:
            self.quote_pos = None
        if previous is None or previous.actors != analysis.actors:
            self.actor_index = None
        self.analysis = analysis
        self.pane.show_analysis(
            analysis, show_fragments=self.session.show_fragments, text=self._text()
        )

    def _text(self) -> str | None:
        return self.article.text if self.article is not None else None

    def _statements(self) -> list[list[int]]:
        """The visible quotes as statements (a quote split by its attribution is one)."""
        assert self.analysis is not None
        shown = visible_quotes(self.analysis, self.session.show_fragments)
        text = self._text()
        return statements(self.analysis, shown, text) if text else [[i] for i in shown]

    def focus_span(self, start: int, end: int) -> None:
        """Scroll the text to a span and highlight it (theme colours, no inserted marks)."""
        self.view.set_layer("focus", [(start, end)])
        self.view.scroll_to_span(start)

    def clear_highlights(self) -> None:
        self.view.set_layer("focus", [])
        self.view.set_layer("mention", [])
        self.actor_index = None

    # quotes and summary sentences

    def _not_ready(self) -> bool:
        if self.analysis is None:
            self.status.say("The analysis is not ready yet.", kind="warning")
            return True
        return False

    def step_quote(self, forward: bool) -> None:
        if self._not_ready():
            return
        assert self.analysis is not None
        order = [group[0] for group in self._statements()]
        starts = [self.analysis.quotes[i].start for i in order]
        moved = step(starts, self.quote_pos, forward, self.view.top_offset())
        if moved is None:
            self.status.say("No quotes in this article.", kind="warning")
            return
        self.select_quote(order, moved.index, wrapped=moved.wrapped, forward=forward)

    def select_quote(self, order: list[int], pos: int, *, wrapped=False, forward=True) -> None:
        assert self.analysis is not None
        self.quote_pos = pos
        quote = self.analysis.quotes[order[pos]]
        group = next((g for g in self._statements() if g[0] == order[pos]), [order[pos]])
        last = self.analysis.quotes[group[-1]]
        self.focus_span(quote.start, last.end)  # every part of the statement, and the cue
        self.pane.mark("quotes", order[pos])
        if self.pane.tab != "quotes":
            self.pane.set_tab("quotes")
        speaker = quote.speaker or "unattributed"
        message = f"Quote {pos + 1} of {len(order)} · {speaker}"
        if wrapped:
            where = "first" if forward else "last"
            message += f" · wrapped to the {where} quote"
            self.notify(f"Wrapped to the {where} quote.", timeout=2)
        self.status.say(message)

    def step_sentence(self, forward: bool) -> None:
        if self._not_ready():
            return
        assert self.analysis is not None
        order = summary_order(self.analysis)
        starts = [self.analysis.summary[i].start for i in order]
        moved = step(starts, self.sentence_pos, forward, self.view.top_offset())
        if moved is None:
            self.status.say("No summary for this article.", kind="warning")
            return
        self.select_sentence(order, moved.index, wrapped=moved.wrapped, forward=forward)

    def select_sentence(self, order: list[int], pos: int, *, wrapped=False, forward=True) -> None:
        assert self.analysis is not None
        self.sentence_pos = pos
        sentence = self.analysis.summary[order[pos]]
        self.focus_span(sentence.start, sentence.end)
        self.pane.mark("summary", order[pos])
        if self.pane.tab != "summary":
            self.pane.set_tab("summary")
        message = f"Summary sentence {pos + 1} of {len(order)}"
        if wrapped:
            where = "first" if forward else "last"
            message += f" · wrapped to the {where} sentence"
            self.notify(f"Wrapped to the {where} summary sentence.", timeout=2)
        self.status.say(message)

    def action_next_quote(self) -> None:
        self.step_quote(True)

    def action_prev_quote(self) -> None:
        self.step_quote(False)

    def action_next_sentence(self) -> None:
        self.step_sentence(True)

    def action_prev_sentence(self) -> None:
        self.step_sentence(False)

    # items picked in the insight pane

    def on_item_highlighted(self, message: ItemHighlighted) -> None:
        self._pick(message.kind, message.index, chosen=False)

    def on_item_chosen(self, message: ItemChosen) -> None:
        self._pick(message.kind, message.index, chosen=True)

    def _pick(self, kind: ItemKind, index: int, *, chosen: bool) -> None:
        analysis = self.analysis
        if analysis is None:
            return
        if kind == "summary":
            order = summary_order(analysis)
            self.select_sentence(order, order.index(index))
        elif kind == "quotes":
            order = [group[0] for group in self._statements()]
            if index in order:
                self.select_quote(order, order.index(index))
        elif kind == "actors":
            self.pick_actor(analysis, index, jump=chosen)

    def pick_actor(self, analysis: Analysis, index: int, *, jump: bool) -> None:
        """Highlight every mention; each `enter` jumps to the next one."""
        actor = analysis.actors[index]
        if self.actor_index != index:
            self.actor_index, self.actor_mention = index, -1
            self.view.set_layer("mention", list(actor.spans))
        mentions = len(actor.spans)
        if not jump or not mentions:
            noun = "mention" if actor.mentions == 1 else "mentions"
            self.status.say(f"{actor.name} · {actor.mentions} {noun} highlighted")
            return
        self.actor_mention = (self.actor_mention + 1) % mentions
        start, end = actor.spans[self.actor_mention]
        self.focus_span(start, end)
        self.status.say(f"{actor.name} · mention {self.actor_mention + 1} of {mentions}")

    # search in the text

    def refresh_search(self) -> None:
        """Recompute matches for the open search (after typing, or in a newly opened article)."""
        bar = self.query_one("#search-bar", QueryBar)
        query = bar.query_text if bar.display else ""
        text = self.article.text if self.article is not None else ""
        self.matches = find_matches(text, query) if query.strip() else []
        self.view.set_layer("match", self.matches)
        self.match_pos = None
        if not self.matches:
            self.view.set_layer("match-current", [])
            bar.set_count("no matches" if query.strip() else "")
            return
        anchor = self.view.top_offset()
        first = next((i for i, (s, _) in enumerate(self.matches) if s >= anchor), 0)
        self.select_match(first)

    def select_match(self, pos: int) -> None:
        self.match_pos = pos
        start, end = self.matches[pos]
        self.view.set_layer("match-current", [(start, end)])
        self.view.scroll_to_span(start)
        count = f"{pos + 1} of {len(self.matches)}"
        self.query_one("#search-bar", QueryBar).set_count(count)
        self.status.say(f"Match {count}")

    def step_match(self, forward: bool) -> None:
        if not self.matches:
            self.status.say("No matches.", kind="warning")
            return
        starts = [s for s, _ in self.matches]
        moved = step(starts, self.match_pos, forward, self.view.top_offset())
        if moved is not None:
            self.select_match(moved.index)
            if moved.wrapped:
                self.notify("Search wrapped round.", timeout=2)

    def searching(self) -> bool:
        return bool(self.query_one("#search-bar", QueryBar).display and self.matches)
