"""Quote extraction on the real spaCy model: every attribution style, marks, fragments, floors."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.actors import extract_actors
from reader.analysis.models import Analysis, Quote
from reader.analysis.nlp import get_nlp, parse
from reader.analysis.quotes import extract_quotes
from reader.text.quotes import find_quote_spans
from reader.tui.navigation import statements


@pytest.fixture(scope="module", autouse=True)
def model() -> None:
    _, label, _ = get_nlp()
    if label == "blank":
        pytest.skip("no spaCy model installed")


def quotes_of(text: str) -> tuple[Quote, ...]:
    doc = parse(text)
    quotes = extract_quotes(doc, text, extract_actors(doc, text))
    check_offsets(text, quotes)
    return quotes


def check_offsets(text: str, quotes: tuple[Quote, ...]) -> None:
    for q in quotes:
        assert text[q.start : q.end] == q.text
    for a, b in zip(quotes, quotes[1:], strict=False):
        assert a.end <= b.start


def said(quotes: tuple[Quote, ...]) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in quotes]


def test_speaker_after_the_quote_and_pronoun_resolution() -> None:
    text = (
        "Ms. Janelle Okafor, a nurse, spoke first. Mr. Ben Whitcomb spoke after her.\n\n"
        "“Saturday is the only day my kids can get there,” she said.\n\n"
        "“We spent two hours on libraries,” he added."
    )
    assert said(quotes_of(text)) == [
        ("Saturday is the only day my kids can get there", "Janelle Okafor", "said"),
        ("We spent two hours on libraries", "Ben Whitcomb", "added"),
    ]


def test_inverted_attribution_with_title_and_apposition() -> None:
    text = "“It is too early to say,” said Dr. Ana Ruiz, a virologist at the University of Lisbon."
    assert said(quotes_of(text)) == [("It is too early to say", "Ana Ruiz", "said")]


def test_speaker_before_a_colon() -> None:
    text = 'Ned Price, the State Department spokesman, said: "This is a first step, not a deal."'
    assert said(quotes_of(text)) == [("This is a first step, not a deal.", "Ned Price", "said")]


def test_quote_split_by_its_attribution_is_two_items_with_one_speaker() -> None:
    text = "“We will not,” Tomás Reyes said, “go back to the old rules.”"
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We will not", "go back to the old rules."]
    assert {q.speaker for q in quotes} == {"Tomás Reyes"}
    assert not any(q.fragment for q in quotes)


def test_second_quote_of_a_paragraph_continues_the_speaker() -> None:
    text = (
        "Carla Whitfield chaired the meeting.\n\n"
        '"Nobody on this board wanted to do this," Whitfield said. "But the alternative was '
        'worse."'
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Carla Whitfield", "Carla Whitfield"]


def test_quote_over_several_paragraphs_is_one_statement_in_parts() -> None:
    text = (
        "Miguel Arruda founded the group in 1998.\n\n"
        "“When we started, we were pulling out shopping carts.\n\n"
        "“Now it’s mostly plastic.\n\n"
        "“So we come back every June,” Arruda said.\n\n"
        "The cleanup ends at noon."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "When we started, we were pulling out shopping carts.",
        "Now it’s mostly plastic.",
        "So we come back every June",
    ]  # one part per paragraph, without the mark that reopens each one
    assert {q.speaker for q in quotes} == {"Miguel Arruda"}
    analysis = Analysis("a", (), (), quotes)
    assert statements(analysis, range(3), text) == [[0, 1, 2]]


def test_nested_single_quotes_stay_inside() -> None:
    text = (
        "“My grandmother used to say, ‘If the dough is sulking, leave it alone,’ and she was "
        "right,” said Tessa Nowicka-Brandt."
    )
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert "‘If the dough is sulking, leave it alone,’" in quotes[0].text
    assert quotes[0].speaker == "Tessa Nowicka-Brandt"


def test_according_to_names_the_speaker_or_the_author() -> None:
    text = (
        "Mara Oyelaran, the finance director, presented the plan.\n\n"
        '"The reserve is for fires and floods, not for payroll," according to a memo '
        "Oyelaran sent to council members.\n\n"
        '"The increase is temporary," according to Raymond Osei, the chief executive.'
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Mara Oyelaran", "according to"),
        ("Raymond Osei", "according to"),
    ]


def test_organisation_statement() -> None:
    text = (
        "Chile’s Ministry of Health, which helped recruit volunteers, welcomed the results.\n\n"
        "“The results justify the trust of thousands of volunteers,” the ministry said in a "
        "statement."
    )
    quotes = quotes_of(text)
    assert said(quotes) == [
        (
            "The results justify the trust of thousands of volunteers",
            "Ministry of Health",  # a straight or curly possessive is no part of it
            "said",
        )
    ]
    text = "“Allies will judge any outcome by one measure,” NATO said in a statement on Thursday."
    assert quotes_of(text)[0].speaker == "NATO"


def test_scare_quotes_and_titles_are_fragments_with_the_speaker_of_their_sentence() -> None:
    # no one speaks in the first and the last sentence; the title is the institute's
    text = (
        "The so-called “green corridor” exists mainly on paper. In a report titled "
        "“Tides of Trade”, the institute warned of debt. Bakeries sell “artisan” loaves."
    )
    quotes = quotes_of(text)
    assert [(q.text, q.fragment, q.speaker) for q in quotes] == [
        ("green corridor", True, None),
        ("Tides of Trade", True, "the institute"),
        ("artisan", True, None),
    ]


def test_partial_quote_with_its_attribution_is_shown_with_its_speaker() -> None:
    text = "Raymond Osei said he was “cautiously hopeful” about the state aid."
    (q,) = quotes_of(text)
    assert (q.text, q.fragment, q.speaker) == ("cautiously hopeful", False, "Raymond Osei")


def test_short_woven_quote_with_its_own_subject_is_a_statement() -> None:
    text = "According to Lena Park, “the plan failed because nobody funded it.”"
    (q,) = quotes_of(text)
    assert (q.speaker, q.cue, q.fragment) == ("Lena Park", "according to", False)
    text = "Peskov said the delegation had “walked away from its own proposals.”"
    (q,) = quotes_of(text)
    assert (q.fragment, q.speaker) == (False, "Peskov")


def test_woven_phrases_keep_the_speaker_of_the_verb_that_carries_them() -> None:
    text = (
        "Ana Ruiz said she would not intervene in what she called “a commercial dispute "
        "between an employer and its staff.” Tom Hale wrote that lawmakers “should get it "
        "done, fast!” Jo Kerr said the firm could not afford “an offer that puts jobs at risk.”"
    )
    quotes = quotes_of(text)
    assert [(q.fragment, q.speaker) for q in quotes] == [
        (False, "Ana Ruiz"), (False, "Tom Hale"), (False, "Jo Kerr"),
    ]  # fmt: skip
    text = (
        "Judge Ana Ruiz wrote that the phrase could “invite the jury to punish the "
        "defendant for circumstances he did not create.”"
    )
    (q,) = quotes_of(text)
    assert (q.fragment, q.speaker) == (False, "Ana Ruiz")


def test_organisation_speakers_named_in_passing() -> None:
    text = (
        "Halden Foods Inc. cut its forecast on Thursday. Halden Foods said cocoa was dear. "
        "Sales of its Northstar bars fell.\n\n“We are confident,” the company said."
    )
    assert quotes_of(text)[0].speaker == "Halden Foods Inc."
    text = "“The answer is yes, but not this year,” the Barclays analysts wrote."
    assert quotes_of(text)[0].speaker == "the Barclays analysts"
    text = (
        "Mercy Hospital Group runs four hospitals.\n\n“Patients first,” the hospital system said."
    )
    assert quotes_of(text)[0].speaker == "Mercy Hospital Group"


def test_a_place_in_the_subject_phrase_is_not_the_speaker() -> None:
    text = "Growers worry. A farmer near Pell City told me, “I will stop when the well stops.”"
    assert quotes_of(text)[0].speaker == "A farmer near Pell City"  # the words, not the place


def test_second_quote_of_a_sentence_shares_the_cue_of_the_first() -> None:
    text = (
        "Ian Dale, a ministry spokesman, said the plan “remains a priority” and that "
        "“detailed allocations will be set out in due course”."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ian Dale", "Ian Dale"]


def test_pronoun_skips_the_objects_of_a_clause_whose_subject_it_is() -> None:
    text = (
        "Harrowgate manager Ellie Brannigan, in her first season in charge, said the side "
        "had ridden its luck.\n\n"
        "She singled out her centre-backs, Tom Ashby and Marcus Lee, for praise. “Those two "
        "were immense,” she said.\n\n"
        "Marcus Bell, 44, a technician, said he learned of the cuts on Monday.\n\n"
        "“It's just math to them,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ellie Brannigan", "Marcus Bell"]


def test_pronoun_follows_gender_from_honorifics() -> None:
    text = (
        "Mr. Daniel Hart met Ms. Laura Pennington in Geneva on Monday.\n\n"
        "“We made progress,” he said.\n\n"
        "“It was a useful start,” she said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Daniel Hart", "Laura Pennington"]


def test_curly_and_straight_marks_pair_up() -> None:
    text = '“We will be there on Saturday," Marcus Delgado said.'
    assert said(quotes_of(text)) == [("We will be there on Saturday", "Marcus Delgado", "said")]


def test_apostrophes_are_not_quotes() -> None:
    text = "Russia’s economy is not the economy of the ’90s, and rock ’n’ roll is old. It's fine."
    assert quotes_of(text) == ()


def test_unclosed_quote_does_not_swallow_the_article() -> None:
    paragraphs = ["“This opening mark is never closed, said the mayor."]
    paragraphs += [f"Paragraph {i} is ordinary reporting about the budget." for i in range(30)]
    paragraphs.append("“This one is fine,” said Delia Harkness.")
    text = "\n\n".join(paragraphs)
    quotes = quotes_of(text)
    assert all(len(q.text) < 200 for q in quotes)
    assert quotes[-1].text == "This one is fine"
    assert quotes[-1].speaker == "Delia Harkness"


def test_british_single_quotes_when_there_are_no_double_marks() -> None:
    text = (
        "‘We won’t go back,’ said Boris Mills. ‘The players’ union is strong, and the ’90s "
        "are over.’\n\nHe added that Britain’s ‘red lines’ remained."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "We won’t go back",
        "The players’ union is strong, and the ’90s are over.",
        "red lines",
    ]
    assert [q.speaker for q in quotes] == ["Boris Mills"] * 3  # "added that ... 'red lines'"


def test_british_single_quotes_with_double_quotes_nested_inside() -> None:
    text = (
        "‘We were told, “You will be safe,” and we believed it,’ said Ann Pell.\n\n"
        "‘Nobody is cutting anything,’ the minister, Dan Hale, said. ‘We will keep it.’"
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We were told, “You will be safe,” and we believed it", "Ann Pell"),
        ("Nobody is cutting anything", "Dan Hale"),
        ("We will keep it.", "Dan Hale"),
    ]


def test_paragraph_that_lost_its_opening_mark_still_closes_the_quote() -> None:
    text = (
        "“The factory will close in June. All the workers will get severance.\n\n"
        "We did everything we could,” said Tom Baker, the plant manager."
    )
    first, second = quotes_of(text)
    assert first.text.startswith("The factory") and second.text.endswith("we could")
    assert first.speaker == second.speaker == "Tom Baker"


def test_relative_pronoun_and_role_noun_speakers() -> None:
    text = (
        "Dmitry Peskov, the Kremlin spokesman, spoke first. Vladimir Putin met the envoy.\n\n"
        "“We see no reason to change course,” Putin’s spokesman said.\n\n"
        "The board met Laura Chen, who said “we need a plan that works for every rider in "
        "the city.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dmitry Peskov", "Laura Chen"]


_PIECES = st.sampled_from(
    ["word", "Smith", "said", ",", ".", " ", " ", "\n\n", "“", "”", '"', "‘", "’", "’s", "5'10\""]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60))
def test_mark_scanner_invariants(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = find_quote_spans(text)
    for span in spans:
        assert 0 <= span.open_mark < span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        assert any(ch.isalnum() for ch in text[span.start : span.end])
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.open_mark


def test_mark_scanner_stays_linear_on_many_quotes_and_unbalanced_text() -> None:
    many = " ".join(f"“Quote number {i} is here,” she said." for i in range(5000))
    assert len(find_quote_spans(many)) == 5000
    huge = "“" + "word " * 40_000
    assert find_quote_spans(huge) == []


def test_thousands_of_quotes_without_a_parser() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "\n\n".join(f"“Quote number {i} is here,” she said." for i in range(5000))
    doc = nlp(text)
    quotes = extract_quotes(doc, text, ())
    assert len(quotes) == 5000
    assert all(q.cue == "said" for q in quotes)
    check_offsets(text, quotes)
    huge = "“" + "a long unpunctuated run " * 8_000
    assert extract_quotes(nlp(huge), huge, ()) == ()


def test_a_title_with_a_number_and_a_defined_term_are_fragments() -> None:
    text = (
        "On its new page, “The Budget 2 Countdown”, the agency began a campaign. "
        "In the trade, “route out” refers to leaving a group for good. "
        "“We will fight,” Ana Ruiz said."
    )
    quotes = quotes_of(text)
    assert [(q.text, q.fragment) for q in quotes] == [
        ("The Budget 2 Countdown", True),
        ("route out", True),
        ("We will fight", False),
    ]


def test_inverted_cue_right_after_the_quote_beats_a_verb_of_saying_before_it() -> None:
    # the parser glues the quote to the sentence before and hangs "said" under "say"
    text = (
        "Some observers say readers might like it. ''I think it can work,'' said Rosa "
        "Kettering, the reviews director at a magazine, who has not read it. ''Even so, she "
        "is rich.''"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Rosa Kettering", "Rosa Kettering"]


def test_a_conjoined_clause_with_its_own_subject_keeps_its_quote() -> None:
    text = (
        "The city has been warning that it is short of cash, and Lena Moss said the "
        "“emergency steps” she had taken would end soon."
    )
    (q,) = quotes_of(text)
    assert (q.text, q.speaker) == ("emergency steps", "Lena Moss")


def test_of_two_subjects_on_one_verb_the_nearest_is_the_speaker() -> None:
    text = (
        "The pledge to “bring the jobs home” appeals to older voters who miss the mills, "
        "said Omar Haddad, a historian at a state college."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Omar Haddad"


def test_a_place_in_apposition_to_a_word_for_a_person_is_not_that_person() -> None:
    # "in <Town>, <State> the candidate said": the parser may hang the state on "candidate"
    # as an apposition; a word for a person stands for a person, never for a place.
    from spacy.tokens import Doc

    from reader.analysis.models import Actor
    from reader.analysis.quotes.speakers import SpeakerResolver

    nlp, _, _ = get_nlp()
    words = ["Nevada", "the", "candidate", "said", "it"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 3, 3, 3],
              deps=["appos", "det", "nsubj", "ROOT", "dobj"],
              pos=["PROPN", "DET", "NOUN", "VERB", "PRON"], lemmas=["Nevada", "the",
              "candidate", "say", "it"])  # fmt: skip
    place = Actor("Nevada", "place", (), 1, spans=((0, 6),))
    resolver = SpeakerResolver(doc, doc.text, (place,), [])
    assert resolver.from_token(doc[2], len(doc.text)) != place
    person = Actor("Nevada", "person", (), 1, spans=((0, 6),))
    assert SpeakerResolver(doc, doc.text, (person,), []).from_token(doc[2], 99) == person


def test_an_object_pronoun_after_a_name_says_nothing_of_that_names_gender() -> None:
    # "<Name> confronted him": the "him" is someone else, so <Name> may still be a "she"
    text = (
        "Maria Santos met Tom Okafor at noon. Later Santos confronted him about the remarks "
        "he made. Then Santos said she asked for the meeting. “It went well,” she said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Maria Santos"]


def test_a_clause_after_a_woven_phrase_is_no_manner_cue() -> None:
    text = (
        "Tom Rell won four states. Rell, who has a commanding lead in delegates, mocked Mark "
        "Obi for “having a tough night” because he did not win any states."
    )
    (q,) = quotes_of(text)
    assert (q.speaker, q.cue) == ("Tom Rell", "mocked")


def test_a_quote_paragraph_after_a_view_given_in_indirect_speech_is_that_persons() -> None:
    text = (
        "Maria Santos praised the governor's leadership in the storm.\n\n"
        "“We need someone who's going to cut through the noise.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Maria Santos"


def test_a_quote_paragraph_after_someone_spoke_or_talked_of_it_is_theirs() -> None:
    text = (
        "The plan stays vague, since Tom Reyes spoke only in broad phrases during the "
        "interview.\n\n“We have to do something and it is the only way.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Tom Reyes"


def test_saying_after_an_adjective_is_done_by_the_subject_of_the_adjective() -> None:
    # "<Name> was quick to add that ...": "add" hangs from "quick", not from a verb
    text = (
        "Tom Reyes was quick to add that the deal does not include dropping the idea.\n\n"
        "“Dropping it? Not negotiable.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Tom Reyes"


def test_a_relative_clause_gives_its_woven_phrase_to_the_name_it_is_on() -> None:
    text = (
        "The row drew a sharp reaction from President Tom Baird, who called the nominee "
        "“unfit to serve” as president."
    )
    (q,) = quotes_of(text)
    assert (q.speaker, q.fragment) == ("Tom Baird", False)


def test_the_man_is_someone_unnamed_not_the_person_the_story_is_about() -> None:
    text = (
        "Senator Ruth Abara spoke for an hour at the hall on Monday.\n\n"
        "“They stole the country,” the man shouted from the back."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "the man"


def test_a_pronoun_goes_on_with_the_person_who_spoke_in_the_sentence_before() -> None:
    text = (
        "Ben Ashdown runs the clinic. Tom Pryce is his deputy.\n\n"
        "Ashdown, Pryce said, has made the clinic “a safer place for everyone.”\n\n"
        "“So the staff trust him,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Pryce", "Tom Pryce"]


def test_a_possessive_on_a_subject_is_not_the_subject_a_pronoun_refers_to() -> None:
    text = (
        "Ben Ashdown runs the clinic. Tom Pryce is his deputy.\n\n"
        "Ashdown's plan had hurt the ward, and Pryce was angry.\n\n"
        "“Nobody asked the nurses,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Pryce"]


def test_a_person_inside_a_participle_clause_that_opens_the_sentence_is_not_its_he_or_she() -> None:
    text = (
        "Nora Blake, an actress, spoke to the radio station on Monday.\n\n"
        "Asked whether Lena Dorsey would beat her rival in the event that Dorsey faces him, "
        "she replied: “I do not know.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Nora Blake"]


def test_a_definite_description_may_name_a_person_whose_gender_is_known() -> None:
    text = (
        "A reporter asked Mr. Dan Kettle about the fence at the fair.\n\n"
        "“It should be much taller,” the businessman replied."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dan Kettle"]


def test_a_name_ending_in_a_title_word_is_a_name_not_a_description() -> None:
    text = (
        "Mr. Ralph Dunmore is the town's new mayor.\n\n"
        "The Union Leader said Mr. Dunmore had been “far too slow” on the repairs."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Union Leader"]


def test_a_name_alone_before_the_colon_labels_the_quote() -> None:
    text = (
        "POLLS WERE RIGHT AFTER ALL - Nadia Perrin: “The final week moved more voters.”\n\n"
        "Polls agree - Tara Voss: “Keep calling voters late.”\n\n"
        "HOST: “Welcome back to the show.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Nadia Perrin", "Tara Voss", "HOST"]


def test_the_official_after_a_senior_official_is_that_unnamed_person() -> None:
    text = (
        "Prime Minister Ian Cole will work with whoever wins, the prime minister's "
        "spokesman said.\n\n"
        "“He has made his views very clear,” the spokesman said.\n\n"
        "Cole opened a bridge on Friday. A senior official at the ministry praised the work.\n\n"
        "“It was built on time,” the official said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["the spokesman", "the official"]


def test_the_mayor_is_the_mayor_mentioned_last_not_the_one_introduced_last() -> None:
    text = (
        "Mayor Ada Pell runs the town. She was elected in May.\n\n"
        "Mayor Tom Ashby runs the next town.\n\n"
        "At the county meeting, Ashby spoke first and the crowd left. "
        "Later Pell spoke about the bridge.\n\n"
        "“We share a road,” the mayor said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ada Pell"]


def test_words_in_capitals_right_after_a_verb_of_saying_are_speech_not_a_title() -> None:
    text = (
        "Mr. Dale Ortis won the county on Tuesday.\n\n"
        "He declared “What A Night For Us!” and thanked his staff. "
        "She wrote “The Long Road Home” in 1990."
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.fragment) for q in quotes] == [("Dale Ortis", False), (None, True)]


def test_a_quote_that_closes_its_sentence_is_not_said_by_a_verb_in_the_next() -> None:
    text = (
        "Farming is hard. In 2014, Walter Pike found that “most farmers said it was harder "
        "to sell milk than grain.” But since then, growers have changed ― the share of "
        "growers saying “milk pays better” rose by ten points."
    )
    assert quotes_of(text)[0].speaker == "Walter Pike"


def test_a_verb_of_saying_read_as_a_modifier_keeps_its_speaker() -> None:
    text = (
        "The singer said she was glad to be back in the city.\n\n"
        "During the show, a man yelled “go home” at her and left."
    )
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.cue) == ("a man", "yelled")


def test_a_cue_that_leads_with_a_colon_into_the_next_quote_is_not_the_one_before() -> None:
    text = (
        "The couple fear the storm will harden views.\n\n"
        "“We are farmers,” Ms. Olin said. “We are not thieves.” "
        "Mr. Vard said: “The storm hurt everyone.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Olin", "Olin", "Vard"]


def test_a_word_for_a_person_as_subject_carries_a_woven_phrase_over_an_inner_clause() -> None:
    text = (
        "Two farm analysts, Sam Pell and Kim Ray, found in 2014 that the Ohio Dairy Board "
        "is “the best run board in the state” and its staff are “the most careful.”"
    )
    assert quotes_of(text)[0].speaker == "Sam Pell"


def test_a_phrase_that_ends_its_sentence_is_not_said_by_the_next_sentence_subject() -> None:
    text = (
        "The party cut off his access to the files.\n\n"
        "Sam Pell called the party’s move “unfair.” Kim Ray, a party aide, said the move "
        "was needed."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Sam Pell"]


def test_a_speaker_after_the_quote_is_the_person_not_the_state_in_his_apposition() -> None:
    text = (
        "The mayor stopped to shake hands at the party.\n\n"
        "“That was a good speech you gave last night, Mr. Mayor,” Representative Sam Pell, "
        "Democrat of Ohio, told the mayor as he stopped to have his picture taken."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Sam Pell"]


def test_words_quoted_on_a_noun_for_something_said_belong_to_its_owner() -> None:
    text = (
        "Kim Ray spoke about the poor. Sam Pell’s “47 percent” remark was nearly as harsh "
        "as what Ray said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Sam Pell"]


def test_a_pronoun_inside_a_quote_says_nothing_of_the_gender_of_the_name_before_it() -> None:
    # the "he" in the quote is someone the speaker talks about, not the speaker
    text = (
        "Dana Holt told the crowd that “he will win the race.” Sam Reed nodded at his aide. "
        "“We are ready,” she said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dana Holt", "Dana Holt"]


def test_the_noun_after_a_possessive_name_says_nothing_of_that_names_gender() -> None:
    # "<Name>’ son": the parse may read "son" as an apposition to the name
    text = (
        "Kim Rawls and Ann Tate survived the attack. Nine people died in the church, "
        "including Rawls’ son, 26-year-old Ted. Rawls forgave the killer. "
        "“Hate destroys,” she said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Kim Rawls"]


def test_the_relative_whose_noun_after_a_name_is_someone_else_s_sex() -> None:
    # "<Name>, whose husband, ..." may parse "husband" as an apposition to the name
    text = (
        "Dana Reyes, whose husband, Navy SEAL Lee Reyes, was one of four sailors killed in the "
        "2011 attack on the base in Harbin, spoke with radio host Tom Alder on Monday. "
        "Reyes said she does not blame the crew. “We all grieve,” she said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dana Reyes"]


def test_a_pronoun_goes_on_with_the_main_clause_subject_not_a_subordinate_one() -> None:
    text = (
        "When Tom Ruiz tried to defend his plan, Ben Kaye differed sharply. “It is cruel,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ben Kaye"]


def test_a_pronoun_after_a_name_as_subject_outweighs_those_after_it_as_object() -> None:
    # "<A> wrote to <B> about his plan": the "his" is <A>'s; <B>'s own "she" tells more
    text = (
        "Tom Ash wrote to Kim Lee about his plan. Later Tom Ash called Kim Lee about his "
        "trip. Kim Lee said she would help. “We can start now,” she said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Kim Lee"]


def test_a_pronoun_after_a_definite_description_subject_is_the_person_it_describes() -> None:
    text = (
        "Ben Kaye spoke on Monday. The senator sought to calm his supporters, and Tom Ruiz "
        "took a call. “We will be back,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ben Kaye"]


def test_after_a_question_put_to_someone_he_said_is_the_one_asked() -> None:
    text = (
        "Last month, Tom Ruiz asked Ben Kaye whether his age was fair game in the race.\n\n"
        "“Sure it is. I would not have run if I was not well,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ben Kaye"]


def test_a_pronoun_goes_on_with_the_person_reported_on_not_the_one_who_reported() -> None:
    text = (
        "Pastor Tom Ruiz slammed the scouts on his radio show, Dan Pike first reported.\n\n"
        "He then said that their leaders should “be ashamed” of themselves."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Ruiz"]


def test_an_opening_phrase_is_not_part_of_an_unnamed_speaker() -> None:
    text = (
        "The singer said she was glad to be back in the city.\n\n"
        "During the show, a fan yelled “go home” at her and left. Later a local "
        "front-runner said the show was “a mess.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["a fan", "a local front-runner"]


def test_according_to_a_definite_description_is_the_body_it_stands_for() -> None:
    text = (
        "The Ohio Courier, a daily paper, ran a long piece on gun laws. The Ohio Courier has "
        "covered the issue for years.\n\n"
        "According to the newspaper, “the laws let dealers sell to almost anyone.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ohio Courier"]


def test_a_participle_of_saying_on_the_object_is_the_doing_of_the_verbs_subject() -> None:
    text = (
        "Ben Kaye lost the vote on Tuesday. The senator emailed supporters saying: "
        "“The struggle continues.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ben Kaye"]


def test_a_main_verb_of_saying_left_without_subject_is_said_by_the_name_before_it() -> None:
    # "asked about <A>, President <B> said ...": the parser may hang <B> on <A> as an
    # apposition and leave "said" with no subject; the name right before it says it.
    from spacy.tokens import Doc

    from reader.analysis.quotes.attribution import _subject

    nlp, _, _ = get_nlp()
    words = ["asked", "about", "Tom", "Ruiz", ",", "Ben", "Kaye", "said", "no"]
    doc = Doc(nlp.vocab, words=words, heads=[7, 0, 3, 1, 3, 6, 3, 7, 7],
              deps=["advcl", "prep", "compound", "pobj", "punct", "compound", "appos", "ROOT",
                    "dobj"],
              pos=["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "INTJ"],
              tags=["VBN", "IN", "NNP", "NNP", ",", "NNP", "NNP", "VBD", "UH"],
              lemmas=["ask", "about", "Tom", "Ruiz", ",", "Ben", "Kaye", "say", "no"])  # fmt: skip
    subject = _subject(doc[7])
    assert subject is not None and subject.text == "Kaye"


def test_a_thing_that_speaks_is_the_voice_of_whoever_put_it_out() -> None:
    text = (
        "Ben Kaye is releasing a new radio ad that urges voters in the state to “send a "
        "message” to the banks."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ben Kaye"]


def test_an_unnamed_speaker_is_shown_without_the_relative_pronoun_after_it() -> None:
    text = "The town has a new law that says “no dogs on the beach.”"
    assert [q.speaker for q in quotes_of(text)] == ["a new law"]


def test_in_her_words_gives_the_quote_to_whose_words_they_are() -> None:
    text = (
        "Ann Kaye wrote about the town. The summit was held there because, in her words, "
        "“it is the most lively place in the state.” It was held in Lyon before because, "
        "in the words of Mayor Tom Ruiz, “it is cheap.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ann Kaye", "Tom Ruiz"]


def test_a_name_in_a_phrase_before_the_actor_is_not_who_the_actor_is() -> None:
    text = (
        "Ben Kaye stars in a new film. In a talk with radio host Sam Ruiz about his film, "
        "the actor praised the crew. “They worked hard,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ben Kaye"]


def test_a_noun_the_tagger_calls_a_verb_is_no_cue() -> None:
    # "<Name>'s remarks" tagged as a verb: the cue is "ask", and "they" names no one
    text = (
        "They ask the former mayor to make it clear “that you find such proposals "
        "unacceptable” by condemning Tom Ruiz’s remarks."
    )
    assert [(q.speaker, q.cue) for q in quotes_of(text)] == [(None, "ask")]


def test_a_line_of_its_own_with_a_dash_and_a_name_signs_the_quote_paragraph_above() -> None:
    text = (
        "“The hearing went well. We expect a ruling soon.”\n\n"
        "- Mayor Dana Whitlow, speaking after the vote.\n\n"
        "“Nobody listens to us.”\n\n"
        "— Carl Benz.\n\n"
        "Ann Lee spoke next. She called the vote “a farce.”\n\n"
        "— Notes From The Hall"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dana Whitlow", "Carl Benz", "Ann Lee"]


def test_a_name_after_a_fronted_preposition_is_not_the_speaker() -> None:
    text = (
        "Ted Crane spoke to donors. Of Hale, Lev Iner, who has given money to the "
        "governor, said, “He is plainly not ready.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Lev Iner"]


def test_said_and_a_name_set_off_by_commas_inside_a_sentence_is_inverted() -> None:
    text = (
        "Any “cleareyed” reading of the move, said Mila Korda, an expert on trade at the "
        "Halden Institute, would call it “a retreat.” Dick Shelby, who heads the panel, "
        "said Ms. Ana Brainard, the governor, should “resign” now."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Mila Korda", "Mila Korda", "Dick Shelby"]


def test_a_verb_in_a_relative_clause_on_the_quoted_words_is_not_their_cue() -> None:
    text = (
        "Ted Lomax belittled the issue of the loans, calling it a “paperwork error” that was "
        "reported by a newspaper."
    )
    assert [(q.speaker, q.cue) for q in quotes_of(text)] == [("Ted Lomax", "calling")]


def test_words_one_wants_another_to_say_are_the_wisher_s() -> None:
    text = (
        "Hilda Dunne says the city should act and that she expects Mayor Bert Olson to "
        "announce an “intensification” of the effort."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Hilda Dunne"]


def test_a_day_between_the_name_and_the_verb_is_not_the_speaker() -> None:
    text = 'Ryan Prebus later Thursday told a radio host: "Both men are meeting next week."'
    assert [q.speaker for q in quotes_of(text)] == ["Ryan Prebus"]


def test_the_name_after_an_inverted_verb_speaks_past_a_role_before_it() -> None:
    text = '"Debate recap," tweeted Rubi spokesman Alex Conant. "It went well."'
    assert [q.speaker for q in quotes_of(text)] == ["Alex Conant", "Alex Conant"]


def test_saying_after_a_preposition_of_time_is_the_doing_of_the_clause_subject() -> None:
    text = (
        "On Tuesday, Mr. Connell deflected questions about Mr. Drake before saying, “It is "
        "time to quit attacking people.” Sara Silman drew boos from Ben Sand supporters upon "
        "saying, “She heard the people.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Connell", "Sara Silman"]


def test_a_description_and_a_name_in_apposition_before_the_verb_speak_after_the_quote() -> None:
    text = (
        "“Is the mayor going to finally say the words? If he does not he should resign in "
        "disgrace!” the presumptive party nominee, Tom Drake, tweeted Sunday after an attack."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Drake"]


def test_a_party_and_state_in_brackets_after_a_name_still_label_the_quote() -> None:
    text = "Ann Lee (D-Ohio): “We have not seen that figure.”\n\nTom Ruiz (R-Iowa): “Nor have I.”"
    assert [q.speaker for q in quotes_of(text)] == ["Ann Lee", "Tom Ruiz"]
    # a title before the name, and a state written with full stops, whose closing bracket
    # the tokenizer keeps inside the abbreviation ("S.C.)"), with or without a space
    text = (
        "Rep. Ann Lee (D-N.M.): “We have not seen that figure.”\n\nA recess followed.\n\n"
        "Sen. Tom Ruiz (R-S.C.):“Nor have I.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ann Lee", "Tom Ruiz"]


def test_a_fronted_preposition_read_as_the_subject_hands_over_to_its_object() -> None:
    text = (
        "“He is a sideshow.” Of Hale, Dorsey, who has given money to Mark Rubin, said, "
        "“He is plainly not ready.”"
    )
    assert [q.speaker for q in quotes_of(text)][-1] == "Dorsey"


def test_words_inside_what_a_claim_noun_says_belong_to_the_claim_s_owner() -> None:
    text = (
        "Tom Drake’s accusation that Ann Rubi is playing the “gender card” drew fire. "
        "Perhaps Mr. Lomax’s most surprising suggestion was that Ms. Tobin had worked in the "
        "territory of “sophisticated adversaries.” Ms. Tobin's response was: “Is he from Ohio?” "
        "Speaker Paul Ryne called Tom Drake’s remarks about a judge “racist,” a rare rebuke."
    )
    assert [q.speaker for q in quotes_of(text)] == [
        "Tom Drake",
        "Lomax",
        "Tobin",
        "Paul Ryne",
    ]


def test_capitalised_words_split_off_a_quote_by_its_attribution_are_no_title() -> None:
    text = 'Ms. Ana Ruiz spoke next. "As President," she said, "I will oppose the plan."'
    assert [(q.speaker, q.fragment) for q in quotes_of(text)] == [
        ("Ana Ruiz", False),
        ("Ana Ruiz", False),
    ]


def test_a_participle_after_a_title_does_not_make_the_next_quote_part_of_the_title() -> None:
    text = (
        'Lou Graham praised the governor. "He would be the best nominee," Graham said on the '
        'show "Morning Joe," adding, "His problem is he is an insider."'
    )
    assert [(q.speaker, q.fragment) for q in quotes_of(text)] == [
        ("Lou Graham", False),
        ("Lou Graham", True),  # the show's name, in his sentence
        ("Lou Graham", False),
    ]


def test_a_verb_of_saying_with_its_own_clause_after_a_finished_quote_is_not_its_cue() -> None:
    text = (
        "And although former governor Tom Lane lamented her habit of gaffes - “does she have "
        "to keep giving them so much ammunition?” - Democrats in Iowa who watched the debate "
        "said that she did well."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Lane"]


def test_an_embedded_post_signed_with_a_handle_and_a_date_names_its_author() -> None:
    text = (
        "“The polls are rigged. Sad!” ― Tom Drake (@tomdrake) September 1, 2016\n\n"
        "The mayor said nothing. “We won” — Ann Lee (@annlee)\n"
    )
    assert [(q.speaker, q.fragment) for q in quotes_of(text)] == [
        ("Tom Drake", False),
        ("Ann Lee", False),
    ]


def test_a_headline_signed_with_an_outlet_stays_a_title() -> None:
    text = (
        "The story spread fast. Among the headlines:\n\n"
        "“Secret file found on a rainy street” — Daily Planet\n\n"
        "“Lost papers were not secret, officials say” — Halden Herald\n"
    )
    assert all(q.fragment for q in quotes_of(text))


def test_quoted_words_the_parse_makes_a_subject_are_never_the_speaker() -> None:
    text = (
        'Ann Tobin supports "appropriate pay raises," opposes "across-the-board arbitrary pay '
        'freezes" and recalled the three-year freeze on pay: "I saw how hard it was for '
        'workers."'
    )
    assert [q.speaker for q in quotes_of(text)][-1] == "Ann Tobin"


def test_a_colon_clause_begun_before_earlier_quotes_keeps_its_sentence_subject() -> None:
    text = (
        'Lia Perez hammered Tom Drake, calling him a "train wreck," and contrasted the '
        'candidate, whom he described as "volatile," with Ann Tobin: "What I have seen '
        'working with her is a steady hand."'
    )
    assert [q.speaker for q in quotes_of(text)][-1] == "Lia Perez"


def test_mr_and_ms_before_one_surname_tell_nothing_of_its_gender() -> None:
    # Two people share the surname: the honorifics disagree, so neither decides the "she"
    text = (
        "Anna Kowal, a teacher, spoke at the meeting. Mr. Kowal, her husband, stayed home.\n\n"
        "“We were never told,” Ms. Kowal wrote. She continued: “Nobody asked us.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Anna Kowal", "Anna Kowal"]


def test_a_pronoun_after_a_name_outside_the_subject_says_nothing_of_its_gender() -> None:
    # "by her side" is the subject's "her": the mayor may still be the "he" that follows
    text = (
        "With Mayor Olek Brandt by her side, Vera Lind unveiled a plan on Sunday.\n\n"
        "Brandt, a former union leader, had close ties to Senator Paul Ekberg. But on Sunday "
        "he finally endorsed Lind.\n\n“She fights hard,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Olek Brandt"]


def test_a_compound_of_a_word_for_a_person_describes_a_person() -> None:
    # "neurosurgeon", "front-runner" (cut in three by the tokenizer) are people
    text = (
        "Dale Brook lost ground in the polls this week. He fell to ten percent.\n\n"
        "The retired neurosurgeon said he was “refining some practices” in his campaign."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dale Brook"]
    text = (
        "Nora Hale spoke on Sunday about the war.\n\n"
        "The Democratic front-runner said the country “clearly” needed a stronger plan."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Nora Hale"]


def test_a_name_that_qualifies_a_thing_is_no_person_for_a_pronoun() -> None:
    # "the <Name> campaign" is a body, "the <Name> outlets" are papers: neither is a "he"
    text = (
        "Dale Brook spoke to a radio show on Monday.\n\nThe Kerr campaign later mocked Brook "
        "on the air. “Is this what we accept now?” he told the show."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dale Brook"]
    text = (
        "Ivo Lamb, a strategist whose firm made the ads, met donors on Monday. The Kerr "
        "outlets have stood in the way, he said, by creating “a false bubble” for voters."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ivo Lamb"]


def test_the_editorial_board_is_the_newspaper_named_before() -> None:
    # "the editorial board", "the paper's editorial board", "the newspaper": the paper
    lead = (
        "The Harbor Times ran a long piece on the mayor, Lina Brook, on Sunday. Critics in the "
        "Green Party called it unfair.\n\n"
    )
    for voice in ("the editorial board", "the paper's editorial board", "the newspaper"):
        text = lead + f"“She is a politician selling fiction,” {voice} wrote."
        assert [q.speaker for q in quotes_of(text)] == ["Harbor Times"], voice


def test_a_verb_of_saying_in_a_side_clause_before_a_colon_does_not_take_the_quote() -> None:
    text = (
        "When Paul Tovey suggested that the port would sue the city, Mark Garner fired back: "
        "“If they sue us, they are going to lose.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Mark Garner"]


def test_a_verb_of_saying_in_the_next_coordinated_clause_is_not_the_cue() -> None:
    text = (
        "Mark Garner accuses the mayor of “leading from behind” and Paul Tovey says he is "
        "“losing the fight on rents.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Mark Garner", "Paul Tovey"]


def test_a_characterising_verb_nearer_the_quote_than_a_verb_of_saying_carries_it() -> None:
    text = (
        "Councillors who agree that the depot should close were irritated, with Mark Garner "
        "calling the plan a “lunch menu.” The board, Ann Lee said, called the vote “a relief.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Mark Garner", "Ann Lee"]


def test_a_participle_of_saying_hung_on_an_empty_it_is_the_nearest_person_s() -> None:
    text = (
        'It was a sharp blow, as Mrs. Garner echoed the criticism, saying Mr. Tovey "reminds '
        'us every day that he is not in it for the people" and Ms. Lund, she said, "shows '
        'him for what he is."'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Garner", "Garner"]


def test_words_in_a_clause_led_by_after_or_while_are_its_own_subject_s() -> None:
    text = (
        "After Judge Mark Garner said that weaker pupils might do better at “less demanding "
        "schools,” Paul Tovey said he disagreed. Ann Lee suggested that a man who dodges "
        "questions cannot lead, while Ray Hunt said that the “stakes are too high” for that."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Mark Garner", "Ray Hunt"]


def test_a_clause_of_who_or_you_or_an_agreed_deed_does_not_take_the_words_over() -> None:
    text = (
        "Tom Drake said it was a weak argument, according to one aide, who added that the "
        "office seemed “rattled.” Ann Lee notes that free speech has the limit that you "
        "cannot shout “fire” in a theatre. Ray Hunt said the city would hold the money until "
        "the builder agreed to pay back “the full sum.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Drake", "Ann Lee", "Ray Hunt"]


def test_a_name_someone_gives_in_capitals_is_their_words_not_a_title() -> None:
    text = (
        "Tom Drake has called his rival “Crooked Carla” for months. He starred in a show "
        "called “The Long Road” for years."
    )
    quotes = quotes_of(text)
    # the show's name is a title the participle "called" gives in passing: no one says it
    assert [(q.speaker, q.fragment) for q in quotes] == [("Tom Drake", False), (None, True)]


def test_verbs_of_a_loud_or_scornful_voice_are_cues() -> None:
    text = (
        "Smiling broadly, Ann Lee drew cheers as she thanked the city and then boomed, "
        "“Today, you proved there is no place like home.”\n\nTom Drake scoffed: “Not for long.”"
    )
    assert [(q.speaker, q.cue) for q in quotes_of(text)] == [
        ("Ann Lee", "boomed"),
        ("Tom Drake", "scoffed"),
    ]


def test_a_cue_whose_subject_the_parse_lost_leaves_the_verb_above_to_say_who() -> None:
    text = (
        "The crowd cheered all week.\n\nKemp gestured as if to stop the ruckus, then "
        "leaned in and boomed: “Let’s beat her in November.”"
    )
    assert [(q.speaker, q.cue) for q in quotes_of(text)] == [("Kemp", "boomed")]


def test_a_title_in_single_marks_split_off_by_its_attribution_is_one_statement() -> None:
    text = (
        "Carla Fenwick named a drama as her guilty pleasure. “‘House of Lies,’” she said, "
        "“although I have not seen the last season!”"
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.fragment) for q in quotes] == [("Carla Fenwick", False)] * 2


def test_a_name_written_with_a_curly_apostrophe_speaks() -> None:
    text = "“Was that the best use of our time? I do not think it was,” O’Donnell said."
    assert [q.speaker for q in quotes_of(text)] == ["O’Donnell"]


def test_the_cue_after_quotes_joined_by_and_covers_them_all() -> None:
    text = (
        "Guns are “the ultimate public health crisis” and “stunt children’s growth,” Tom "
        "Drake, the former governor, proclaimed to the delegates."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Drake", "Tom Drake"]


def test_who_after_a_description_in_apposition_to_a_name_is_that_person() -> None:
    text = (
        "Tom Drake, a South Carolina native who writes fiction on the side (his book has one "
        "story on a contest “where the loser becomes the main course”), is a strategist."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Drake"]


def test_a_campaign_or_office_named_for_a_person_speaks_for_that_person() -> None:
    text = (
        "Ann Lee spoke in Iowa on Monday, and the state agency said little. The Lee campaign "
        "said in a statement: “We are proud of the turnout.”\n\nSenator Tom Drake voted "
        "no. His office said, “The bill is flawed.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ann Lee", "Tom Drake"]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ann Kowalski spoke on Monday. Kowalski said,“Look, the budget is tight.”",
        'Mayor Ann Kowalski spoke on Monday. Kowalski said:"The budget is tight."',
    ],
    ids=["comma", "colon"],
)
def test_a_quote_mark_glued_to_the_punctuation_after_said_still_has_its_speaker(text) -> None:
    """No space between "said," and the opening mark: the words around the mark are split
    as if the space were written, so the verb of saying is seen and carries the quote."""
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.cue) == ("Ann Kowalski", "said")


@pytest.mark.parametrize(
    "text",
    [
        "Ann Kowalski’s campaign slogan is “We build it right.”",
        "Ann Kowalski’s motto has always been “measure twice, cut once.”",
        "Kowalski’s catch phrase in that race was that her rival “would say anything to win.”",
    ],
    ids=["slogan", "motto", "catch phrase"],
)
def test_words_someone_keeps_saying_are_theirs(text) -> None:
    """A slogan, motto or catch phrase is words its owner says again and again: the
    quote it is, or that says what it is, is the owner's."""
    (quote,) = quotes_of(text)
    assert quote.speaker in {"Ann Kowalski", "Kowalski"}


def test_straight_single_marks_are_quotation_marks_when_a_text_has_no_other() -> None:
    """A text quoted with straight apostrophes only ('We will,' she said): its quotes are
    found and attributed; apostrophes inside or after words are not marks."""
    text = (
        "'We will cut costs where we can,' said Ann Kowalski, the mayor of Riverton.\n\n"
        "The players' union did not agree. 'It's a bad deal for the city,' she said."
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will cut costs where we can", "Ann Kowalski"),
        ("It's a bad deal for the city", "Ann Kowalski"),
    ]


def test_stray_straight_apostrophes_make_no_quote() -> None:
    """An elision ('90s, rock 'n' roll) or a possessive (the Smiths' house) opens or closes
    nothing, and no passage is left open to the end of its paragraph."""
    text = (
        "The '90s were better for rock 'n' roll, O'Neil said.\n\n"
        "The Smiths' house stood empty. Nobody would say what the owners' plans were.\n\n"
        "The shop stays open 'til five at the Marlows' farm, the owner said."
    )
    assert quotes_of(text) == ()


def test_an_elision_before_a_straight_single_quote_does_not_swallow_it() -> None:
    """'n, 'em or 'til opens no passage that the next quote's opening mark would close:
    a second opening mark drops the passage left open, and the quote is found whole."""
    text = "Fans rock 'n roll all night. 'We love it,' said Ann Kowalski."
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [("We love it", "Ann Kowalski")]


def test_a_straight_single_quote_over_two_paragraphs_loses_its_reopening_mark() -> None:
    text = "'We will not give in,\n\n'and we will win,' Ann Kowalski said."
    assert [q.text for q in quotes_of(text)] == ["We will not give in", "and we will win"]


def test_someone_described_by_a_named_owner_is_not_the_owner() -> None:
    """ "<Name>'s son said": a person described through a named owner, and not named by
    that role before, is the description, not the owner (nor anyone else)."""
    text = 'Peter Marlow has two sons. "He never called," Marlow\'s son said.'
    (quote,) = quotes_of(text)
    assert quote.speaker == "Marlow's son"


def test_a_company_s_officer_may_be_the_person_spoken_of() -> None:
    """Only a person's relative or aide is someone else: "<Company>'s chief executive"
    is still looked for among the people the text has spoken of."""
    text = 'Tom Brandt spoke at the launch. Brightline\'s chief executive said "we will win."'
    (quote,) = quotes_of(text)
    assert quote.speaker == "Tom Brandt"


@pytest.mark.parametrize(
    "text",
    [
        "Ann Kowalski said,'No deal for the city.' Then she left the hall.",
        "'No deal for the city,' said Ann Kowalski. It’s late, she added.",
    ],
    ids=["glued to the comma", "beside a curly apostrophe"],
)
def test_straight_single_marks_glued_or_beside_curly_apostrophes(text) -> None:
    """A straight mark with the space before it left out still opens a quote, and a curly
    apostrophe elsewhere (It’s) does not make the straight marks apostrophes."""
    (quote,) = quotes_of(text)
    assert (quote.text.rstrip("."), quote.speaker) == ("No deal for the city", "Ann Kowalski")


def test_i_who_says_something_in_a_column_is_the_one_author_of_its_byline(tmp_path) -> None:
    """ "“Your Honor,” I said": outside quotation marks, "I" is the writer, named by a
    byline of one person; with two people in the byline, no one."""
    from reader.analysis.pipeline import analyze, one_author
    from reader.library.loaders import load_article

    body = 'The judge asked me to explain. "I would like to answer the question," I said.\n'
    speakers = []
    for byline in ("By Ann Kowalski", "By Ann Kowalski and Tom Brandt"):
        path = tmp_path / f"{len(speakers)}.txt"
        path.write_text(f"Why I spoke up\n\n{byline}\n\n{body}", encoding="utf-8")
        analysis, _ = analyze(load_article(path))
        speakers.append([q.speaker for q in analysis.quotes])
    assert speakers == [["Ann Kowalski"], [None]]
    assert [one_author(b) for b in ("Ann Kowalski", "Staff", "A. Kowalski, T. Brandt")] == [
        "Ann Kowalski",
        None,
        None,
    ]


def test_a_quoted_title_inside_the_attribution_does_not_cut_it_off() -> None:
    # the slogan on her pins sits between the statement and its "said"
    text = (
        "“This market has seen better days,” trader Nina Ostrander, wearing a wool cap and "
        "“Ostrander for Council” pins, said flatly as the stalls closed."
    )
    first = quotes_of(text)[0]
    assert (first.text, first.speaker) == ("This market has seen better days", "Nina Ostrander")


def test_a_quote_paragraph_after_someone_elaborated_is_theirs() -> None:
    text = (
        "Nina Ostrander elaborated in a column for a trade weekly that buyers, even the loyal "
        "ones, may go elsewhere.\n\n“A bad summer would show how thin the margins are.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Nina Ostrander"


def test_a_he_after_a_subject_with_a_name_in_a_nested_apposition_is_that_name() -> None:
    # "The other driver, his brother <Name>, 47, ...": the name hangs from the apposition
    text = (
        "Two drivers stood by the depot. The other driver, his brother Karl Bremer, 47, cited "
        "the board's love for Chairman Otto Lindqvist as a danger. “He is promising far too "
        "much,” he said."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Karl Bremer"


def test_a_word_quoted_in_someone_s_sentence_is_a_fragment_with_their_name() -> None:
    # hidden as a fragment, but the word is still the speaker's, not nobody's
    (q,) = quotes_of(
        "At the dinner on Friday, Karl Bremer used his toast to offer “thanks” to the kitchen "
        "staff."
    )
    assert (q.text, q.fragment, q.speaker) == ("thanks", True, "Karl Bremer")


def test_a_statement_noun_is_made_by_the_subject_of_its_verb_not_the_nearest_name() -> None:
    text = (
        "Karl Bremer led the protest, and within weeks the campaign had mailed letters to "
        "residents and placed newspaper ads calling the bypass a “forty-million-pound blunder.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "the campaign"


def test_going_on_doing_something_is_no_cue_and_the_weaving_verb_says_who() -> None:
    # "for continuing to defend": no one speaks there; "She called him" weaves the phrase in
    text = (
        "Later that evening, Councillor Nina Ostrander questioned Mr. Bremer's figures. She "
        "called him a “reckless gambler” for continuing to defend the forecasts of thousands "
        "of new jobs."
    )
    (q,) = quotes_of(text)
    assert (q.speaker, q.cue) == ("Nina Ostrander", "called")


def test_words_in_someone_s_conclusion_are_theirs() -> None:
    text = (
        "The project was set back by Inspector Nina Ostrander's conclusion that the wiring "
        "was “plainly unsafe.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Nina Ostrander"


def test_a_leaflet_handed_out_by_someone_speaks_for_them() -> None:
    text = (
        "A leaflet handed out by Nina Ostrander at the market urged patience: “This will take "
        "all summer, and every signature on the petition counts.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Nina Ostrander"


def test_a_thing_that_is_to_begin_does_not_speak() -> None:
    text = (
        "Both shops withdrew the painting before the sale was to begin on what Nina "
        "Ostrander called a “treasure of the valley.”"
    )
    (q,) = quotes_of(text)
    assert (q.speaker, q.cue) == ("Nina Ostrander", "called")


def test_a_title_in_the_attribution_is_a_fragment_and_lends_the_quote_no_subject() -> None:
    # the title is no first half of a split quote (it follows "of"), the verb inside the
    # next quote is no cue for it, and "put" takes no subject from the quote it leads into
    text = (
        "As Akhil Tremont, professor of law and author of “The Quiet Ledger,” put it, "
        "“Senate Republicans should remember that a compromise today may be better.”"
    )
    quotes = quotes_of(text)
    assert [(q.text, q.fragment, q.speaker) for q in quotes] == [
        ("The Quiet Ledger", True, "Akhil Tremont"),
        (
            "Senate Republicans should remember that a compromise today may be better.",
            False,
            "Akhil Tremont",
        ),
    ]


def test_a_name_after_a_comma_closing_a_description_is_the_speaker() -> None:
    # the parse hangs the name on the place ("<Place>, <Name>" as a list), not on "friend"
    text = (
        "“It may have been his first attempt to make a statement,” said his best friend at "
        "Easton, Karl Bremer, who remembered the night well."
    )
    (q,) = quotes_of(text)
    assert (q.speaker, q.cue) == ("Karl Bremer", "said")


def test_a_phrase_that_ends_its_sentence_takes_no_cue_from_the_next_sentence() -> None:
    text = (
        "Nina Ostrander dispensed with the threat in two sentences before turning to the "
        "dangers of a “rigged economy.” Karl Bremer struggled to answer a simple question "
        "about his coalition."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Nina Ostrander"


def test_a_speaker_the_parse_lost_is_the_person_outside_a_phrase_on_a_noun() -> None:
    # "said" has no subject in the parse: the name in the phrase on "deaths" is not it
    text = (
        "The issue came up after Mr. Bremer, asked about the deaths of reporters under "
        "Mr. Valdane, had said, “I think our country does plenty of that too.”"
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Bremer"


def test_an_it_that_speaks_is_the_body_that_was_the_subject_just_before() -> None:
    text = (
        "The Harbour Business Council opposed any increase. “Keep the tax in place at the "
        "current level,” it recommended."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Harbour Business Council"


def test_an_it_after_a_sentence_about_something_else_names_no_body() -> None:
    text = (
        "The Harbour Business Council opposed any increase. The report came out on Monday. "
        "“Keep the tax in place,” it recommended."
    )
    (q,) = quotes_of(text)
    assert q.speaker is None


def test_several_bodies_speaking_together_are_not_one_of_them() -> None:
    text = (
        "The Kestrel Tenants Union and a dozen other groups wrote to the mayor on Thursday. "
        "The plan is “a mistake from start to finish,” the groups say."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "the groups"


def test_a_surname_two_people_share_goes_to_the_one_the_pronoun_fits() -> None:
    # the actors are given: "Bremer" alone is left to neither of the couple, as the actor
    # extraction does when both are named often
    from reader.analysis.models import Actor

    text = (
        "Ms. Nina Bremer and Mr. Karl Bremer ran the bakery for years.\n\n"
        "Bremer continued in her talk of Ostrander’s plan by answering those who believe "
        "the mayor should not have signed it.\n\n"
        "“I was glad that it was praised,” she said."
    )
    doc = parse(text)

    def actor(name: str) -> Actor:
        start = text.index(name)
        return Actor(name, "person", (), 1, None, ((start, start + len(name)),))

    actors = (actor("Nina Bremer"), actor("Karl Bremer"), actor("Ostrander"))
    (q,) = extract_quotes(doc, text, actors)
    assert q.speaker == "Nina Bremer"


def test_the_by_phrase_of_a_passive_naming_verb_gives_the_speaker() -> None:
    # the parse hangs "by <Name>" on the quoted name, not on "called"
    for text, who in (
        ("The plan was called “a disgrace” by Nina Ostrander.", "Nina Ostrander"),
        (
            "The tactic has been called “strategic ambiguity” by Karl Bremer, a professor "
            "at Easton College, and it makes funding hard to trace.",
            "Karl Bremer",
        ),
    ):
        (q,) = quotes_of(text)
        assert (q.speaker, q.cue) == (who, "called")


def test_a_pronoun_speaker_prefers_the_person_last_quoted_to_a_name_in_passing() -> None:
    text = (
        "“We will fund the schools,” Karl Bremer said on Monday.\n\n"
        "Critics doubt that the delay will help Mayor Ostrander before the vote.\n\n"
        "“The money is there,” he said."
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Karl Bremer", "Karl Bremer"]


def test_a_pronoun_speaker_far_from_the_last_quote_is_the_name_nearby() -> None:
    text = (
        "“We will fund the schools,” Karl Bremer said on Monday.\n\n"
        "The vote is set for June.\n\n"
        "Turnout is expected to be low.\n\n"
        "Critics doubt that the delay will help Mayor Ostrander before the vote.\n\n"
        "“The money is there,” he said."
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Karl Bremer", "Ostrander"]


def test_a_name_given_in_passing_by_a_participle_has_no_speaker() -> None:
    # "called" with no subject of its own names the culture; no one in the sentence says it
    text = (
        "In her first months, Nina Ostrander acted quickly. She met resistance at the old "
        "firm, renowned for a chummy culture called “The Harbour Way.”"
    )
    (q,) = quotes_of(text)
    assert (q.fragment, q.speaker) == (True, None)
    text = "Nina Ostrander called the plan “a disgrace.”"
    (q,) = quotes_of(text)
    assert q.speaker == "Nina Ostrander"


def test_the_person_an_infinitive_of_saying_is_asked_of_speaks() -> None:
    # object control: the object of "led", "asked", "urged" does the saying, not the subject
    text = "The ruling led Nina Ostrander to say, “This is the end of a long fight for us.”"
    assert [q.speaker for q in quotes_of(text)] == ["Nina Ostrander"]
    # a thing as the object leaves the subject speaking ("took the stage to say")
    text = "Karl Bremer took the stage to say, “We ran out of steel and it is nobody's fault.”"
    assert [q.speaker for q in quotes_of(text)] == ["Karl Bremer"]


@pytest.mark.parametrize("noun", ["shipping tycoon", "rabbi", "veteran diplomat", "retiree"])
def test_the_description_of_a_person_by_occupation_or_standing_is_the_person_before(
    noun: str,
) -> None:
    text = (
        f"Karl Bremer has paid for the new library wing.\n\n"
        f"“The town gave me my start,” the {noun} said at the opening on Friday."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Karl Bremer"]


@pytest.mark.parametrize("noun", ["publication", "tabloid"])
def test_a_word_for_a_paper_is_the_paper_named_before_not_the_last_body(noun: str) -> None:
    text = (
        "The Halvern Review ran three pages on the toll road. The mayor spoke at "
        f"Ostrander College on Monday. The {noun} has campaigned against the road for "
        "a year, arguing that the toll is “a fine for living on the wrong side of the river.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Halvern Review"]


@pytest.mark.parametrize("phrase", ["rejection of", "broadside against", "attack on"])
def test_words_quoted_after_a_noun_of_stance_are_its_owners(phrase: str) -> None:
    # "<Name>'s rejection of "..."": the words rejected are quoted from <Name>
    text = f"Nina Ostrander's {phrase} “a harbour for the few” won over the hall."
    (q,) = quotes_of(text)
    assert (q.speaker, q.fragment) == ("Nina Ostrander", False)


def test_a_dash_after_a_whole_clause_leads_into_the_quote_as_a_colon_does() -> None:
    # "<Name> also backed the plan -- "...": the subject of the clause before the dash
    text = (
        "Karl Bremer also embraced tougher parking fines -- "
        "“I think a ticket is peanuts next to what the towing firms charge.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Karl Bremer"]
    text = "When Dana Whitlock finally wrapped up — “I will fight for this town!” — the hall rose."
    assert [q.speaker for q in quotes_of(text)] == ["Dana Whitlock"]
    # a thing before the dash says nothing: "The banner — "..." — hung ..."
    text = "The banner — “Ferries for all” — hung over the square."
    assert [q.speaker for q in quotes_of(text)] == [None]


@pytest.mark.parametrize("marks", [("“", "”"), ('"', '"')])
def test_an_unnamed_speaker_is_shown_without_the_closing_mark_before_it(
    marks: tuple[str, str],
) -> None:
    # the parse may hang the closing mark on the description after it
    text = (
        f"{marks[0]}It's over,{marks[1]} one resident, who asked not to be named, told reporters."
    )
    assert [q.speaker for q in quotes_of(text)] == ["one resident"]


def test_an_unnamed_speaker_keeps_the_apostrophe_of_an_owner_ending_in_s() -> None:
    text = "“It is too late for the ferry,” Pell Harrows’ campaign manager told the crowd."
    assert [q.speaker for q in quotes_of(text)] == ["Pell Harrows’ campaign manager"]
