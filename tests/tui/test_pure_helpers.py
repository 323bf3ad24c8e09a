"""The TUI's pure helpers, tested without a terminal: wrapping, search, stepping, filtering."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.models import Analysis, Quote
from reader.library.models import ArticleRef
from reader.tui.formatting import clean, fit, format_date, trim_words
from reader.tui.navigation import Step, next_unread, statements, step, visible_quotes
from reader.tui.search import filter_refs, find_matches, fold
from reader.tui.textlayout import ArticleLayout, wrap


def test_wrap_breaks_at_spaces_and_folds_long_words():
    text = "hello world this is averyveryverylongword end"
    lines = [text[a:b] for a, b in wrap(text, 0, len(text), 12)]
    assert lines == ["hello world ", "this is ", "averyveryver", "ylongword ", "end"]


@given(st.text(alphabet=st.sampled_from("ab  \n界é"), max_size=200), st.integers(1, 30))
def test_wrap_tiles_the_text_and_respects_the_width(text: str, width: int):
    lines = wrap(text, 0, len(text), width)
    joined = "".join(text[a:b] + ("\n" if b < len(text) and text[b] == "\n" else "")
                     for a, b in lines)  # fmt: skip
    assert joined.replace("\n", "") == text.replace("\n", "")
    from rich.cells import cell_len

    for a, b in lines:
        assert cell_len(text[a:b].rstrip()) <= max(width, 2)


@given(st.text(alphabet=st.sampled_from("ab  é“”’—-.x"), max_size=300), st.integers(1, 30))
def test_narrow_text_wraps_the_same_by_position_as_cell_by_cell(text: str, width: int):
    from reader.tui.textlayout import _wrap_cells, _wrap_plain

    assert _wrap_plain(text, 0, len(text), width) == _wrap_cells(text, 0, len(text), width)


def test_layout_maps_offsets_and_positions_both_ways():
    body = "one two three four five six\n\nseven eight nine ten"
    paragraphs = [(0, 27), (29, len(body))]
    layout = ArticleLayout(body, paragraphs, [("title", "T"), ("meta", "M")], 10)
    row = layout.row_of_offset(body.index("nine"))
    assert "nine" in layout.text_of(layout.lines[row])
    for top in range(len(layout)):
        paragraph, fraction = layout.position_at(top)
        assert 0 <= fraction <= 1
        assert layout.position_at(layout.row_of_position(paragraph, fraction))[0] == paragraph
    narrow = ArticleLayout(body, paragraphs, [], 6)
    assert narrow.position_at(narrow.row_of_position(1, 0.0)) == (1, 0.0)


def test_a_layout_made_in_parts_is_the_whole_layout_in_order():
    body = "\n\n".join(f"word {n} " * (n % 7 + 1) for n in range(60))
    paragraphs, at = [], 0
    for part in body.split("\n\n"):
        paragraphs.append((at, at + len(part)))
        at += len(part) + 2
    headers = [("title", "T")]
    whole = ArticleLayout(body, paragraphs, headers, 12, rows=None)
    part = ArticleLayout(body, paragraphs, headers, 12, rows=10)
    assert 10 <= len(part) < len(whole) and not part.complete
    assert part.lines == whole.lines[: len(part)]  # what is made first never changes
    assert part.laid_out == paragraphs[len(part.paragraph_lines)][0]
    assert abs(part.estimated_rows() - len(whole)) < len(whole) / 2
    made = len(part)
    part.extend(lambda: len(part) > made)
    assert part.lines == whole.lines[: len(part)]
    part.extend_for(0)
    assert len(part) > made
    part.extend(lambda: False)
    assert part.complete and part.lines == whole.lines and part.laid_out == len(body)
    assert part.estimated_rows() == len(whole)
    offset = body.index("word 59")
    assert part.row_of_offset(offset) == whole.row_of_offset(offset)


def test_find_matches_ignores_case_and_quote_style():
    text = "It’s “fine”. IT'S \"FINE\". it's\nfine"
    assert [text[s:e] for s, e in find_matches(text, "it's fine")] == ["it's\nfine"]
    spans = find_matches(text, "it's")
    assert [text[s:e] for s, e in spans] == ["It’s", "IT'S", "it's"]
    assert find_matches(text, '"fine"') == [(5, 11), (18, 24)]
    assert find_matches(text, "   ") == []
    assert len(fold("İstanbul")) == len("İstanbul")


def test_step_wraps_and_starts_from_the_view():
    starts = [10, 20, 30]
    assert step(starts, None, True, anchor=15) == Step(1)
    assert step(starts, None, True, anchor=35) == Step(0, wrapped=True)
    assert step(starts, None, False, anchor=5) == Step(2, wrapped=True)
    assert step(starts, 2, True) == Step(0, wrapped=True)
    assert step(starts, 0, False) == Step(2, wrapped=True)
    assert step(starts, 1, True) == Step(2)
    assert step([], None, True) is None


def test_next_unread_skips_read_and_wraps():
    keys = ["a", "b", "c", "d"]
    assert next_unread(keys, {"b"}, "a", True) == Step(2)
    assert next_unread(keys, {"d"}, "c", True) == Step(0, wrapped=True)
    assert next_unread(keys, {"a"}, "b", False) == Step(3, wrapped=True)
    assert next_unread(keys, {"a", "b", "d"}, "c", True) is None
    assert next_unread(keys, set(), None, True) == Step(0)


def test_filter_refs_on_title_source_and_file_name():
    refs = [
        ArticleRef(Path("/x/port.txt"), "txt", "Port strike widens", source="The Ledger"),
        ArticleRef(Path("/x/vote.md"), "md", "Council vote", source="Harbour Times"),
    ]
    assert [r.title for r in filter_refs(refs, "ledger")] == ["Port strike widens"]
    assert [r.title for r in filter_refs(refs, "vote.md")] == ["Council vote"]
    assert [r.title for r in filter_refs(refs, "council HARBOUR")] == ["Council vote"]
    assert filter_refs(refs, "") == refs


def test_formatting_helpers():
    assert format_date("2026-03-03") == "3 Mar 2026"
    assert format_date("March-ish") == "March-ish"
    assert fit("abcdef", 4) == "abc…" and fit("abc", 4) == "abc"
    assert clean("a\x1b[31mb\x07") == "a\ufffd[31mb\ufffd"
    assert trim_words("one two three four", 10) == "one two…"


def test_statements_join_a_quote_split_by_its_attribution_and_its_paragraphs():
    text = (
        "“First half,” she said, “second half.”\n\n"
        "“One paragraph\n\n“and the next,” he said.\n\n"
        "“Unrelated,” she said. Later, “new.”"
    )
    spans = ["First half,", "second half.", "One paragraph", "and the next,", "Unrelated,", "new."]
    speakers = ["Ann", "Ann", "Bo", "Bo", "Ann", "Ann"]
    quotes = tuple(
        Quote(s, who, "said", text.index(s), text.index(s) + len(s))
        for s, who in zip(spans, speakers, strict=True)
    )
    analysis = Analysis("a", (), (), quotes)
    order = list(range(len(quotes)))
    assert statements(analysis, order, text) == [[0, 1], [2, 3], [4], [5]]
    assert visible_quotes(analysis, False, text) == [0, 2, 4, 5]
    assert visible_quotes(analysis, False) == order  # without the text, every part


_REFS = st.builds(
    lambda root, sub, name: ArticleRef(
        Path(f"/lib/{root}") / sub / f"{name}.txt", "txt", name, group=f"/lib/{root}"
    ),
    st.sampled_from(["r1", "r2", "r3"]),
    st.sampled_from(["", "x", "x/y", "z"]),
    st.text(alphabet="abc", min_size=1, max_size=3),
)


@given(st.lists(_REFS, max_size=12), st.lists(_REFS, max_size=12))
def test_a_batch_appended_to_a_grouped_list_is_where_grouping_all_of_it_puts_it(old, new):
    from reader.tui.grouping import appended, in_groups

    grouped = in_groups(old)
    more = appended(grouped, new)
    if more is not None:
        assert grouped + more == in_groups(old + new)
    else:  # it goes in between: there is no appending it
        assert in_groups(old + new)[: len(grouped)] != grouped
