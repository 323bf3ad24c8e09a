"""Every key and command of the reader, declared once: bindings, footer, help and palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Command:
    """One action: its key (if any), the footer label and its "Area: verb" palette name."""

    id: str
    """Binding id; `keys` in config.toml overrides a key by this id."""
    key: str | None
    action: str
    """Action name on the main screen (without `action_`)."""
    label: str
    """Short label for the footer."""
    title: str
    """Command palette name, "Area: verb"."""
    help: str
    footer: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("article.next_unread", "n", "next_unread", "next unread", "Article: next unread",
            "Open the next unread article in the list (next match while searching)"),
    Command("article.prev_unread", "p", "prev_unread", "prev unread", "Article: previous unread",
            "Open the previous unread article in the list (previous match while searching)"),
    Command("search.prev", "N", "prev_match", "prev match", "Text: previous match",
            "Go back to the previous match of the search (p too)"),
    Command("article.toggle_read", "m", "toggle_read", "read", "Article: toggle read",
            "Mark the current article read or unread"),
    Command("library.all_read", "A", "mark_all_read", "all read", "Library: mark all read",
            "Mark every article in the list read"),
    Command("library.unread_only", "u", "toggle_unread_only", "unread only",
            "Library: show unread only", "Show only the unread articles, or all again (remembered)"),
    Command("library.sort", "s", "cycle_sort", "sort", "Library: sort",
            "Sort the list in folder order, by date (newest first) or by title (remembered)"),
    Command("quote.next", "]", "next_quote", "quote", "Quote: next",
            "Scroll to the next quote and highlight it", footer=True),
    Command("quote.prev", "[", "prev_quote", "prev quote", "Quote: previous",
            "Scroll to the previous quote and highlight it"),
    Command("summary.next", "}", "next_sentence", "sentence", "Summary: next sentence",
            "Scroll to the next summary sentence and highlight it"),
    Command("summary.prev", "{", "prev_sentence", "prev sentence", "Summary: previous sentence",
            "Scroll to the previous summary sentence and highlight it"),
    Command("summary.longer", "+", "longer_summary", "longer", "Summary: longer",
            "One more sentence (or 20 more words) in the summary"),
    Command("summary.shorter", "-", "shorter_summary", "shorter", "Summary: shorter",
            "One sentence fewer (or 20 words fewer) in the summary"),
    Command("summary.unit", "w", "toggle_length_unit", "words", "Summary: length in words",
            "Measure the summary in words or in sentences (switches; remembered)"),
    Command("summary.copy", "y", "copy_summary", "copy", "Summary: copy",
            "Copy the summary; in the Quotes or Summary list, the item as a citation",
            footer=True),
    Command("summary.export", "e", "export_summary", "export", "Summary: export",
            "Write the summary to a file; in the Quotes or Summary list, the item as a citation", footer=True),
    Command("insight.summary", "1", "show_tab('summary')", "summary", "Insight: show summary",
            "Show the Summary tab"),
    Command("insight.actors", "2", "show_tab('actors')", "actors", "Insight: show actors",
            "Show the Actors tab"),
    Command("insight.quotes", "3", "show_tab('quotes')", "quotes", "Insight: show quotes",
            "Show the Quotes tab"),
    Command("insight.toggle", "i", "toggle_insight", "insight", "Insight: toggle pane",
            "Show or hide the insight pane", footer=True),
    Command("quotes.fragments", "f", "toggle_fragments", "fragments",
            "Quotes: toggle fragments", "Show or hide scare quotes and quoted titles"),
    Command("find", "/", "find", "find", "Find: filter or search",
            "Filter the list (when it has focus) or search the text", footer=True),
    Command("library.filter", None, "filter_list", "filter", "Library: filter",
            "Filter the article list by title, source, file name, text or actor"),
    Command("text.search", None, "search_text", "search", "Text: search",
            "Search in the article text"),
    Command("theme.change", "t", "change_theme", "theme", "Theme: change",
            "Pick a colour theme (remembered)"),
    Command("web.open", "o", "open_url", "open URL", "Web: open an address",
            "Fetch a web page (or read its saved copy) and open it"),
    Command("web.refresh", "r", "refresh", "refresh", "Web: refresh",
            "Fetch the page or feed of this article anew (every feed for other articles)"),
    Command("web.refresh_all", "R", "refresh_all", "refresh all", "Web: update every feed",
            "Fetch the new items of every followed feed in the background"),
    Command("app.help", "?", "app.help", "keys", "App: key help", "Show every key",
            footer=True),
    Command("app.quit", "q", "app.quit", "quit", "App: quit", "Quit the reader (ctrl+c too)", footer=True),
)  # fmt: skip

EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("j / k, ↓ / ↑", "move in the focused list, scroll the text"),
    ("space / b", "a page down / up in the text"),
    ("PageDown / PageUp", "a page down / up (ctrl+f / ctrl+b too)"),
    ("ctrl+d / ctrl+u", "half a page down / up (a page in the lists)"),
    ("g / G, Home / End", "to the top / the end"),
    ("enter", "open the article; jump to a pane item in the text"),
    ("tab / shift+tab", "move between the list, the text and the insight pane"),
    ("escape", "close the filter or search; clear highlights"),
    ("ctrl+p", "command palette: every action by name"),
)


def palette_help(command: Command, overrides: dict[str, str]) -> str:
    """A command's description in the palette, after the key that runs it (if any)."""
    key = overrides.get(command.id, command.key)
    return f"key {key} · {command.help}" if key else command.help


def bindings() -> list[Binding]:
    """The main screen's bindings, one per command that has a key."""
    return [
        Binding(c.key, c.action, c.label, show=c.footer, id=c.id)
        for c in COMMANDS
        if c.key and not c.action.startswith("app.")
    ]


def app_bindings() -> list[Binding]:
    """Bindings that work on every screen (help and quit)."""
    return [
        Binding(c.key, c.action.removeprefix("app."), c.label, show=c.footer, id=c.id)
        for c in COMMANDS
        if c.key and c.action.startswith("app.")
    ]


def unknown_ids(overrides: dict[str, str]) -> list[str]:
    """One line for each [keys] entry in config.toml that names no action."""
    known = {c.id for c in COMMANDS}
    return [
        f"config.toml: [keys] {name!r} is not an action id (? lists them); ignored"
        for name in overrides
        if name not in known
    ]
