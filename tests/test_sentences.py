"""Sentence boundaries on news text, with the real spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import nlp as nlp_module
from reader.analysis.nlp import chunk_spans, get_nlp, parse

SAMPLES = sorted(
    p for p in (Path(__file__).parent.parent / "sample_articles").iterdir() if p.is_file()
)


@pytest.fixture(scope="module")
def sentences():
    get_nlp()

    def split(text: str) -> list[str]:
        return [s.text.strip() for s in parse(text).sents if s.text.strip()]

    return split


@pytest.fixture(scope="module")
def sample_texts() -> dict[str, str]:
    from reader.library.loaders import load_article

    return {p.name: load_article(p).text for p in SAMPLES}


@pytest.mark.parametrize(
    "text",
    [
        "Gen. Mark Milley met Dr. Ana Ruiz on Jan. 5 in St. Petersburg with Mr. Smith.",
        "Lt. Col. Anna Berg and Sgt. Tom Hale briefed Sen. Warren and Gov. Ortiz on Tuesday.",
        "The U.S. Embassy in Moscow said U.S. officials were not told in advance.",
        "President John F. Kennedy visited Berlin in June 1963 with Ms. Lee.",
        "Talks resumed at No. 10 Downing St. on Friday morning.",
    ],
)
def test_abbreviations_do_not_split(sentences, text):
    assert sentences(text) == [text]


def test_closing_quote_stays_with_its_sentence(sentences):
    text = '"We will not go back." The minister left. “This is the end of it.” He smiled.'
    assert sentences(text) == [
        '"We will not go back."',
        "The minister left.",
        "“This is the end of it.”",
        "He smiled.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Are you ready?" she asked. Nobody answered.', ['"Are you ready?" she asked.']),
        (
            '"Who pays?" Mayor Delia Harkness asked. Nobody answered.',
            ['"Who pays?" Mayor Delia Harkness asked.'],
        ),
        (
            "“Are we done?” The mayor said nothing. Nobody answered.",
            ["“Are we done?”", "The mayor said nothing."],
        ),
    ],
)
def test_quoted_question_keeps_its_attribution(sentences, text, expected):
    assert sentences(text) == [*expected, "Nobody answered."]


def test_dateline_is_not_a_sentence_of_its_own(sentences):
    text = (
        "MOSCOW (AP) — Russia's deputy foreign minister said Tuesday that talks had stalled. "
        "He gave no date."
    )
    first, second = sentences(text)
    assert first.startswith("MOSCOW (AP) — Russia's")
    assert second == "He gave no date."


def test_sentence_never_crosses_a_paragraph_break(sentences):
    text = (
        "The mayor said the plan was final, adding that it was “done before that.”\n\n"
        "the council, however, had other ideas and voted it down\n\n"
        "A heading without a full stop\n\nThe vote was 5-2."
    )
    got = sentences(text)
    assert got == [
        "The mayor said the plan was final, adding that it was “done before that.”",
        "the council, however, had other ideas and voted it down",
        "A heading without a full stop",
        "The vote was 5-2.",
    ]


def test_no_split_inside_a_quoted_title(sentences):
    text = "Students carried signs that read “Count Us In.” The count resumes Monday."
    assert sentences(text) == [
        "Students carried signs that read “Count Us In.”",
        "The count resumes Monday.",
    ]


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_samples_split_within_paragraphs_with_exact_offsets(sample_texts, name):
    text = sample_texts[name]
    doc = parse(text)
    assert doc.text == text
    for sent in doc.sents:
        assert text[sent.start_char : sent.end_char] == sent.text
        assert "\n\n" not in sent.text.strip(), sent.text


def test_chunk_spans_cover_the_text_and_cut_at_paragraphs():
    text = "\n\n".join(f"Paragraph {i} says something. " * 20 for i in range(200))
    spans = chunk_spans(text, 5_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(text[end - 2 : end] == "\n\n" for _, end in spans[:-1])
    assert chunk_spans("x" * 50, 10)[-1][1] == 50  # no break at all: hard cuts


def test_long_text_parses_in_chunks_with_offsets_into_the_whole(sample_texts):
    text = "\n\n".join(sorted(sample_texts.values(), key=len)[-4:])
    assert len(text) > nlp_module.CHUNK_CHARS
    doc = parse(text)
    assert doc.text == text
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip()
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_model_named_in_settings_that_fails_falls_back_with_a_notice():
    nlp, label, notices = get_nlp("no_such_spacy_model_xyz")
    assert label != nlp_module.BLANK_LABEL
    assert len(notices) == 1 and "no_such_spacy_model_xyz" in notices[0]
    assert "ner" in nlp.pipe_names


def test_blank_pipeline_when_no_model_loads(monkeypatch):
    monkeypatch.setattr(nlp_module, "FALLBACK_MODELS", ("no_such_model_a", "no_such_model_b"))
    nlp, label, notices = get_nlp("no_such_model_c")
    assert label == nlp_module.BLANK_LABEL
    assert len(notices) == 2 and "blank English pipeline" in notices[-1]
    doc = nlp("Dr. Ana Ruiz spoke. “We are ready.” The U.S. Embassy agreed.\n\nNext paragraph")
    assert [s.text.strip() for s in doc.sents] == [
        "Dr. Ana Ruiz spoke.",
        "“We are ready.”",
        "The U.S. Embassy agreed.",
        "Next paragraph",
    ]


def test_model_label_is_known_without_loading_spacy():
    assert nlp_module.model_label(None) == get_nlp()[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company, based in Washington, D.C., said it would appeal. Shares fell.",
         ["The company, based in Washington, D.C., said it would appeal.", "Shares fell."]),
        ("The meeting starts at 10 a.m. Tuesday in the chamber. It is open to the public.",
         ["The meeting starts at 10 a.m. Tuesday in the chamber.",
          "It is open to the public."]),
        ("He moved to the U.S. He was 12 at the time.",
         ["He moved to the U.S.", "He was 12 at the time."]),
        ("The vote — held late Monday — was 5-2. Critics said it was rushed.",
         ["The vote — held late Monday — was 5-2.", "Critics said it was rushed."]),
        ("WASHINGTON — The Senate passed the bill 52-48 on Thursday.",
         ["WASHINGTON — The Senate passed the bill 52-48 on Thursday."]),
        ("The plan includes:\n- more buses\n- lower fares\n\nIt passed.",
         ["The plan includes:", "- more buses", "- lower fares", "It passed."]),
    ],
)  # fmt: skip
def test_news_splits(sentences, text, expected):
    assert sentences(text) == expected
