"""Actor extraction on the real spaCy model: alias merging, label fixes, roles, gold floors."""

from __future__ import annotations

import pytest

from reader.analysis.actors import extract_actors
from reader.analysis.actors.extract import _own_article
from reader.analysis.actors.mentions import Mention
from reader.analysis.models import Actor
from reader.analysis.names import fold
from reader.analysis.nlp import get_nlp, parse


@pytest.fixture(scope="module", autouse=True)
def model() -> None:
    nlp, label, _ = get_nlp()
    if label == "blank":
        pytest.skip("no spaCy model installed")


def actors_of(text: str) -> tuple[Actor, ...]:
    return extract_actors(parse(text), text)


def find(actors: tuple[Actor, ...], name: str) -> Actor:
    matches = [a for a in actors if fold(a.name) == fold(name)]
    assert matches, f"{name!r} not in {[a.name for a in actors]}"
    assert len(matches) == 1
    return matches[0]


def people(actors: tuple[Actor, ...]) -> list[str]:
    return [a.name for a in actors if a.kind == "person"]


def test_surname_possessive_and_honorific_join_the_full_name() -> None:
    text = (
        "Deputy Foreign Minister Sergei Ryabkov said on Tuesday that the talks had stalled.\n\n"
        "Ryabkov’s comments came a day later. Mr. Ryabkov said Moscow would wait.\n\n"
        "Asked again, Ryabkov declined to comment."
    )
    actors = actors_of(text)
    ryabkov = find(actors, "Sergei Ryabkov")
    assert ryabkov.kind == "person"
    assert ryabkov.role == "deputy foreign minister"
    assert ryabkov.mentions == 4
    assert [text[s:e] for s, e in ryabkov.spans] == [
        "Sergei Ryabkov",
        "Ryabkov",
        "Ryabkov",
        "Ryabkov",
    ]
    assert "Ryabkov" in ryabkov.aliases
    assert people(actors) == ["Sergei Ryabkov"]


def test_possessive_full_name_and_a_surname_seen_first() -> None:
    text = (
        "Putin has not commented. Vladimir Putin’s spokesman, Dmitry Peskov, told reporters "
        "the Kremlin was ready to talk.\n\nPeskov added that Putin would decide."
    )
    actors = actors_of(text)
    putin = find(actors, "Vladimir Putin")
    assert putin.mentions == 3
    peskov = find(actors, "Dmitry Peskov")
    assert peskov.role == "Vladimir Putin’s spokesman"
    kremlin = find(actors, "Kremlin")
    assert kremlin.kind == "organization"
    assert sorted(people(actors)) == ["Dmitry Peskov", "Vladimir Putin"]


def test_united_states_aliases_are_one_place() -> None:
    text = (
        "The U.S. and Russia met in Geneva. Officials in the United States said America would "
        "not sign. A US envoy left early, and United States diplomats stayed."
    )
    actors = actors_of(text)
    us = [a for a in actors if fold(a.name) in {"united states", "us", "america"}]
    assert len(us) == 1
    assert us[0].kind == "place"
    assert us[0].name == "United States"
    assert us[0].mentions >= 4


def test_accents_and_case_are_folded() -> None:
    text = (
        "Juan Guaidó spoke to supporters in Caracas on Monday. Guaido said elections were "
        "needed, and GUAIDÓ supporters cheered."
    )
    guaido = find(actors_of(text), "Juan Guaidó")
    assert guaido.mentions >= 2


def test_roles_from_appositions_and_titles() -> None:
    text = (
        "Ned Price, the State Department spokesman, said the talks would go on.\n\n"
        "“It is too early,” said Dr. Ana Ruiz, a virologist at the University of Lisbon.\n\n"
        "Ana Kowalczyk, 67, a retired teacher, said she had waited for hours.\n\n"
        "The city’s finance director, Mara Oyelaran, warned of cuts. "
        "Police Chief Roberta Lindqvist disagreed."
    )
    actors = actors_of(text)
    assert find(actors, "Ned Price").role == "State Department spokesman"
    assert find(actors, "Ana Ruiz").role == "virologist at the University of Lisbon"
    assert find(actors, "Ana Kowalczyk").role == "retired teacher"
    assert find(actors, "Mara Oyelaran").role == "city’s finance director"
    assert find(actors, "Roberta Lindqvist").role == "police chief"


def test_roles_from_copulas_and_relative_clauses() -> None:
    text = (
        "The bakery’s oldest employee is Stan Gorecki, 66.\n\n"
        "Polish Hill once had four bakeries, according to Adrian Pellegrino, who teaches food "
        "history at Chatham University.\n\n"
        "Senate Majority Leader Chuck Schumer and Sen. Mitch McConnell, R-Ky., met on Tuesday."
    )
    actors = actors_of(text)
    assert find(actors, "Stan Gorecki").role == "bakery’s oldest employee"
    assert find(actors, "Adrian Pellegrino").role == "food history teacher at Chatham University"
    assert find(actors, "Chuck Schumer").role == "Senate majority leader"
    assert find(actors, "Mitch McConnell").role == "senator"


def test_party_codes_and_interview_answers_are_not_roles() -> None:
    text = "The package, negotiated by Sen. Maria Cantrell, D-Ariz., cleared a key vote."
    assert find(actors_of(text), "Maria Cantrell").role == "senator"
    text = (
        "“That is a principle,” said Rep. Kevin Ostrander, R-Texas, a member of the House "
        "Freedom Caucus, as he left the meeting."
    )
    assert find(actors_of(text), "Kevin Ostrander").role == "member of the House Freedom Caucus"
    text = "Lena Marchetti: Two things. The snowpack melts earlier than it did."
    assert find(actors_of(text), "Lena Marchetti").role is None
    text = "Hollis Grant is the strongest candidate to win the seat in a decade."
    assert find(actors_of(text), "Hollis Grant").role == "strongest candidate"


def test_roles_from_named_and_affiliation_after_a_titled_name() -> None:
    cases = {
        "She started the project after a neighbor, a mill worker named Frank Doucette, asked "
        "her to help.": ("Frank Doucette", "mill worker"),
        "Its director, Dr. Grace Wambui, said the rains had been intense.": (
            "Grace Wambui",
            "director",
        ),
        "“Do not try to disconnect it,” said Captain Luis Ortega of the Sacramento Fire "
        "Department, which responded to one of the fires.": (
            "Luis Ortega",
            "captain of the Sacramento Fire Department",
        ),
    }
    for text, (name, role) in cases.items():
        assert find(actors_of(text), name).role == role, text


def test_title_keeps_a_county_the_model_took_for_a_person() -> None:
    text = (
        "“We are going to count every ballot again,” said Pierce County Auditor Rebecca "
        "Thornquist, “by hand, in public.”"
    )
    assert find(actors_of(text), "Rebecca Thornquist").role == "Pierce County auditor"


def test_roles_from_what_people_do() -> None:
    cases = {
        "Luis Paredes, who works as a line cook at a downtown hotel, said fares would rise.": (
            "Luis Paredes",
            "line cook at a downtown hotel",
        ),
        "Abena Owusu, 47, runs a fish-smoking business from the new estate.": (
            "Abena Owusu",
            "head of a fish-smoking business",
        ),
        "Karen Mayfield, who lives across the road and helped organize the group Protect "
        "Brannock Farmland, said residents were angry.": (
            "Karen Mayfield",
            "organizer of the group Protect Brannock Farmland",
        ),
        "Councilor Tomás Reyes, who represents the Mill Creek ward, introduced an amendment.": (
            "Tomás Reyes",
            "councilor, representative of the Mill Creek ward",
        ),
        "Tom Hart ran a marathon last year and finished third.": ("Tom Hart", None),
    }
    for text, (name, role) in cases.items():
        assert find(actors_of(text), name).role == role, text


def test_shop_apposition_capitalised_words_and_first_name_relatives() -> None:
    text = (
        "PITTSBURGH — Tessa Nowicka-Brandt pulled the first tray of rye loaves from the oven "
        "at Nowicka’s Bakery and rapped one with her knuckle.\n\n"
        "“Hollow means done. Dull means wait,” she said.\n\n"
        "Nowicka’s, a narrow brick storefront on Brereton Street, turns 40 this year.\n\n"
        "Halina Nowicka opened the bakery in 1986 with her husband, Marek. Nowicka still "
        "comes in most mornings."
    )
    actors = actors_of(text)
    assert sorted(people(actors)) == ["Halina Nowicka", "Marek", "Tessa Nowicka-Brandt"]
    assert find(actors, "Halina Nowicka").role is None  # the storefront is the shop
    assert find(actors, "Marek").role == "husband"


def test_abbreviated_military_title_is_spelled_out() -> None:
    text = "The review was led by retired U.S. Army Gen. Walter Pruitt, who spoke briefly."
    assert find(actors_of(text), "Walter Pruitt").role == "retired U.S. Army general"


def test_two_people_with_one_surname_stay_apart() -> None:
    text = (
        "Abena Owusu, 47, runs a fish-smoking business. Her father, Yaw Owusu, owned a canoe.\n\n"
        "Owusu said the move had been hard."
    )
    actors = actors_of(text)
    assert sorted(people(actors)) == ["Abena Owusu", "Yaw Owusu"]
    assert find(actors, "Abena Owusu").mentions == 2


def test_untagged_relative_joins_the_people() -> None:
    text = "Ana Ruiz and her husband, Carlos Ruiz, run the farm near Valencia."
    assert sorted(people(actors_of(text))) == ["Ana Ruiz", "Carlos Ruiz"]


def test_junk_entities_are_dropped() -> None:
    text = (
        "In 2024, about 1,500 people signed the petition on Monday.\n\nThe F-16 and the "
        "CVB-211 vaccine were discussed. X was listed as 7.\n\nShe said it twice."
    )
    for actor in actors_of(text):
        assert actor.name not in {"2024", "1,500", "Monday", "F-16", "CVB-211", "X", "7"}
        assert "\n" not in actor.name


def test_acronym_joins_its_long_form() -> None:
    text = (
        "The World Health Organization issued new guidance on Friday. WHO officials said the "
        "advice applied to all ages, and the WHO would review it next year."
    )
    who = find(actors_of(text), "World Health Organization")
    assert who.kind == "organization"
    assert who.mentions == 3


def test_short_company_name_joins_the_full_one_whatever_its_tag() -> None:
    text = (
        "Staff employed by Skyward Aviation Services walked out on Tuesday.\n\n"
        "Skyward said it was disappointed. Talks with Skyward broke down overnight."
    )
    actors = actors_of(text)
    skyward = find(actors, "Skyward Aviation Services")
    assert skyward.kind == "organization" and skyward.mentions == 3
    assert not people(actors)


def test_short_company_name_taken_for_a_nationality_joins_the_full_one() -> None:
    text = (
        "Veridian Energy Systems is recalling about 40,000 of its home batteries. Veridian "
        "expects the recall to cost $200 million. The company said a defect could cause "
        "fires, and Veridian said no one was hurt."
    )
    assert find(actors_of(text), "Veridian Energy Systems").mentions == 3


def test_a_possessive_after_from_is_an_owner_not_a_place() -> None:
    text = (
        "Okafor rose to meet Lewis Hartigan's corner. Whitcombe had made a fine save from "
        "Hartigan's free kick just after the hour."
    )
    hartigan = find(actors_of(text), "Lewis Hartigan")
    assert (hartigan.kind, hartigan.mentions) == ("person", 2)


def test_company_name_with_and_without_its_legal_suffix_is_one_actor() -> None:
    text = (
        "Halden Foods Inc. cut its forecast on Thursday.\n\n"
        "Halden Foods said cocoa had never been so expensive."
    )
    assert find(actors_of(text), "Halden Foods Inc.").mentions == 2


def test_name_tagged_as_organisation_with_a_person_apposition_gathers_its_surname() -> None:
    text = (
        "A spokesman for the airport, Marcus Bell, said passengers should check with their "
        "airline before travelling.\n\n“We have contingency plans in place,” Bell said."
    )
    bell = find(actors_of(text), "Marcus Bell")
    assert (bell.kind, bell.mentions) == ("person", 2)


def test_occupation_apposition_marks_an_untagged_name_as_a_person() -> None:
    text = (
        "Hannelore Vogt, a soil ecologist at the University of Göttingen who was not "
        "involved in the research, called the results sobering.\n\n"
        "“We have suspected this for a long time,” Vogt said."
    )
    vogt = find(actors_of(text), "Hannelore Vogt")
    assert (vogt.kind, vogt.mentions) == ("person", 2)


def test_plural_nouns_brands_and_health_systems_are_not_people() -> None:
    from reader.analysis.actors.mentions import _person_or_not

    texts = [
        "Figures published by the Treasury show no allocation for the programme. "
        "Campaigners said the omission amounted to a betrayal.",
        "Sales of its Ridgeback and Northstar bars were weakest among younger shoppers, "
        "Halden Foods said.",
    ]
    for text in texts:
        assert people(actors_of(text)) == [], text
    assert _person_or_not(["chesapeake", "mercy", "health"]) == "organization"
    assert _person_or_not(["grantham", "brands"]) == "organization"


def test_courts_before_a_relative_clause_and_common_nouns_are_not_people() -> None:
    text = (
        "“Then you read the comments,” said Judge Helen Carraway of the Vermont Superior "
        "Court, who was in her English class in the 1960s."
    )
    assert people(actors_of(text)) == ["Helen Carraway"]
    text = (
        "Kwame Okafor's header in the 89th minute settled a tense FA Trophy semi-final "
        "against Castleford United on Saturday."
    )
    assert people(actors_of(text)) == ["Kwame Okafor"]


def test_lone_titles_are_not_people() -> None:
    text = (
        "Most of the stolen items were recovered, according to Detective Sgt. Paul Okonkwo, "
        "who led the investigation."
    )
    assert people(actors_of(text)) == ["Paul Okonkwo"]


def test_surname_tagged_as_organisation_becomes_the_person() -> None:
    text = (
        "Kofi Asante-Boateng, the deputy transport minister, opened the port in March.\n\n"
        "Asante-Boateng said the government would not back down. Asante-Boateng’s critics "
        "disagree."
    )
    actors = actors_of(text)
    assert people(actors) == ["Kofi Asante-Boateng"]
    assert find(actors, "Kofi Asante-Boateng").mentions == 3


def test_places_the_model_takes_for_people() -> None:
    text = (
        "ELM FALLS, Iowa — The county approved the plan. Residents of Elm Falls packed the "
        "hall, and Germany sent observers. The fishing fleet at Adzato, a settlement of "
        "3,000 people, sailed at dawn."
    )
    actors = actors_of(text)
    assert not [name for name in people(actors) if name in {"Elm Falls", "Germany", "Adzato"}]


def test_credit_lines_are_not_actors() -> None:
    text = (
        "By Jane Doe\n\nMayor Delia Harkness opened the bridge on Monday. (Photo: Tom Reilly/"
        "Getty Images)\n\nHarkness said the work was done.\n\nAssociated Press writer Suzan "
        "Fraser in Ankara contributed to this report."
    )
    assert people(actors_of(text)) == ["Delia Harkness"]
    text = (
        "Mayor Delia Harkness opened the bridge on Monday.\n\n(Reporting by Hannah Okonjo "
        "and Pieter Vandermeer; additional reporting by Tom Ashdown; Editing by Kate Mayberry)"
    )
    assert people(actors_of(text)) == ["Delia Harkness"]


def test_salience_orders_by_mentions_and_position() -> None:
    text = (
        "Mayor Delia Harkness proposed the budget. Harkness said the city had no choice.\n\n"
        "Harkness met Tomás Reyes later. Harkness left at ten."
    )
    actors = actors_of(text)
    assert actors[0].name == "Delia Harkness"


def test_blank_doc_has_no_actors() -> None:
    import spacy

    text = "Sergei Ryabkov said so."
    assert extract_actors(spacy.blank("en")(text), text) == ()


def test_a_name_after_from_with_a_possessive_stays_a_person() -> None:
    # News phenomenon: "from <Name>'s pass" gives the origin of an action, not a workplace.
    actors = actors_of("The second goal came from Jonas Wellander's pass.")
    assert find(actors, "Jonas Wellander").kind == "person"


def test_a_name_in_a_list_of_people_is_a_person() -> None:
    # News phenomenon: the members of a coordinated list of names are of one kind.
    text = (
        "The photographers who used the camera include Ansel Brook, Chuck Dorran, "
        "Chase Holden, Robert Mapple and Helmut Stein."
    )
    actors = actors_of(text)
    assert find(actors, "Chase Holden").kind == "person"


def test_a_listed_organisation_keeps_its_kind_among_people() -> None:
    text = "The panel heard Ansel Brook, Chuck Dorran and the Joint Council for Renters."
    actors = actors_of(text)
    assert all(a.kind != "person" for a in actors if "Council" in a.name)


def test_a_rank_and_a_post_in_apposition_are_both_the_role() -> None:
    # News phenomenon: "<Rank> <Name>, <post>," gives two parts of one role.
    text = "Major General Anton Verhey, spokesman for the army, said the ship had turned back."
    role = find(actors_of(text), "Anton Verhey").role or ""
    assert "major general" in role and "spokesman for the army" in role


def test_a_generational_suffix_does_not_hide_the_surname() -> None:
    # News phenomenon: "<First> <Middle>. <Surname> Jr." is "Mr. <Surname>" later on.
    text = "Senator Harold T. Brennick Jr. spoke first.\n\nMr. Brennick said the plan would work."
    actors = actors_of(text)
    assert people(actors) == ["Harold T. Brennick Jr."]
    assert find(actors, "Harold T. Brennick Jr.").mentions == 2


def test_a_surname_misspelt_by_one_letter_joins_the_person() -> None:
    # News phenomenon: a surname written once with a letter dropped.
    text = "The curator, Dana Maurer, opened the show. Mauer said the prints were rare."
    actors = actors_of(text)
    assert people(actors) == ["Dana Maurer"]


def test_a_bare_surname_follows_the_story_to_a_second_person() -> None:
    # News phenomenon: a running story turns to another person of the same surname, named
    # in full when it does; later bare surnames are that person's.
    filler = "The vote was close and the count went on late into the night. " * 50
    text = (
        "Candidate Gary Tolland said his campaign was growing.\n\n"
        + filler
        + "\n\nSecretary Jeh Tolland said hackers had targeted election offices.\n\n"
        + "Tolland said local officials should ask for help."
    )
    actors = actors_of(text)
    jeh = find(actors, "Jeh Tolland")
    assert jeh.mentions == 2
    assert find(actors, "Gary Tolland").mentions == 1


def test_a_noun_opening_the_sentence_is_not_a_first_name() -> None:
    # News phenomenon: "Candidate <First> <Surname> said": the noun is capitalised only
    # because it opens the sentence.
    text = "Candidate Gary Tolland said his campaign was growing. Tolland spoke at noon."
    assert people(actors_of(text)) == ["Gary Tolland"]


def test_a_caption_name_ends_before_its_credit_label() -> None:
    # News phenomenon: a caption runs straight into "Image: <Photographer>".
    text = "The festival opened on Friday.\n\nThe mayor greets student Karim Belhadj Image: Dana Orwell."
    actors = actors_of(text)
    assert "Karim Belhadj" in people(actors)
    assert not any("Image" in a.name for a in actors)


def test_a_nationality_used_as_an_adjective_is_no_group() -> None:
    # News phenomenon: "Swedish captain <Name>" describes the person; no group acts.
    actors = actors_of("Swedish captain Lars Wendt won the award. The Swedes celebrated late.")
    assert not any(a.kind == "group" and a.name == "Swedish" for a in actors)
    assert find(actors, "Lars Wendt").kind == "person"


def test_an_untagged_employer_before_a_role_and_a_name_is_an_organisation() -> None:
    # News phenomenon: "<Employer> <role> <Name>" names where the person works.
    text = "Brightmoor co-founder Lina Sorel said the service would grow."
    actors = actors_of(text)
    assert find(actors, "Brightmoor").kind == "organization"
    assert find(actors, "Lina Sorel").kind == "person"


def test_a_source_named_with_an_article_is_an_organisation() -> None:
    # News phenomenon: "according to the <Name>" cites a publication or body.
    text = "The bridge will close in May, according to the Halvern Morning Courier."
    assert find(actors_of(text), "Halvern Morning Courier").kind == "organization"


def test_the_body_after_a_person_and_of_is_an_organisation() -> None:
    # News phenomenon: "<Name> of <Party>" gives the person's affiliation; a place there
    # ("<Name> of <State>") stays a place.
    text = (
        "Two veteran councillors, Oren Talbe of the Harbour Party and Mira Solace of NDPL, "
        "were defeated. Jon Reyes of Ohio won."
    )
    actors = actors_of(text)
    assert find(actors, "NDPL").kind == "organization"
    assert find(actors, "Ohio").kind == "place"
    assert find(actors, "Mira Solace").kind == "person"


def test_a_surname_that_is_a_title_word_after_an_honorific_is_a_name() -> None:
    # News phenomenon: "Mr. King", "Ms. Major": a surname that is also a title.
    text = "Both Mr. King and Mr. Halloran say the network never told them what to say."
    assert "King" in people(actors_of(text))


def test_a_name_after_an_organisations_possessive_is_a_person() -> None:
    # News phenomenon: "<Network>'s <First> <Surname>" names someone who works there.
    text = "This started in Cleveland when Fox News' Kelsa Morrow confronted him with remarks."
    actors = actors_of(text)
    assert find(actors, "Kelsa Morrow").kind == "person"


def test_a_word_for_a_member_is_not_the_organisation() -> None:
    # News phenomenon: "a former <Creed>ist" describes the person, not a body.
    text = "Kara Venn, a former Lumenist, said she was held on the ship."
    actors = actors_of(text)
    assert [a.name for a in actors if a.kind == "organization"] == []
    assert find(actors, "Kara Venn").kind == "person"


def test_a_mission_code_is_not_a_place() -> None:
    # News phenomenon: mission, model and flight codes ("STS-12") name things, not places.
    actors = actors_of("The orbiter flew the STS-134 mission and landed in Florida.")
    assert [a.name for a in actors if a.kind == "place"] == ["Florida"]


def test_a_given_name_and_a_city_named_surname_are_one_person() -> None:
    # News phenomenon: a surname that is also a city's name; the model cuts the name in two
    # places, the apposition says it is a woman, and later the bare surname is hers.
    text = (
        "Teska Paris, an Australian woman and former member, said the group held her for "
        "years.\n\nParis was born in Geneva."
    )
    actors = actors_of(text)
    teska = find(actors, "Teska Paris")
    assert teska.kind == "person"
    assert teska.mentions == 2
    assert [a.name for a in actors if a.kind == "place"] == ["Geneva"]


def test_a_place_listed_beside_a_person_stays_a_place() -> None:
    text = "The exhibits are in Saratoga Springs, New York and an Edward Stell exhibit in Ohio."
    actors = actors_of(text)
    assert find(actors, "New York").kind == "place"


def test_a_dateline_place_named_again_in_the_text_is_a_place_in_its_usual_case() -> None:
    # News phenomenon: the dateline names the place in capitals; the model may read the same
    # name in the text as a person; the dateline settles the kind, the text gives the case.
    text = (
        "HOLLMARK, Ore. — The Hollmark City Council approved a budget on Monday.\n\n"
        "The storm left parts of Hollmark without power. It is a center that Hollmark is "
        "planning with the county."
    )
    actors = actors_of(text)
    place = find(actors, "Hollmark")
    assert place.kind == "place"
    assert "HOLLMARK" in place.aliases


def test_the_plural_of_a_surname_is_the_family() -> None:
    # News phenomenon: "the <Surname>s" after "<First> <Surname>" and "<First> <Surname>".
    text = (
        "Tomas Adler and his wife Mira Adler ran the shop. The Adlers said they would reopen "
        "in May."
    )
    actors = actors_of(text)
    family = find(actors, "Adlers")
    assert family.kind == "group"
    assert sorted(people(actors)) == ["Mira Adler", "Tomas Adler"]


def test_a_company_named_short_joins_its_full_name_but_a_nationality_does_not() -> None:
    # the model may tag a bare company name as a nationality; used as a noun ("<Name>'s
    # plant", "cuts at <Name>") it is the company, used as a modifier it stays a group
    text = (
        "Veridian Semiconductor will close its oldest plant. Veridian's plant employs 640 "
        "people, and the cuts at Veridian follow a slump.\n\n"
        "Polish Airlines added flights. Polish bakers and Polish shops welcomed them."
    )
    actors = {a.name: a for a in actors_of(text)}
    assert "Veridian" not in actors
    assert actors["Veridian Semiconductor"].mentions == 3
    assert actors["Polish Airlines"].mentions == 1  # the adjective did not join the airline


def test_a_faith_or_creed_is_not_an_organisation() -> None:
    # the model tags the name of a faith, and "<Creed>ism" or "<Creed>phobia", as a body
    text = (
        "Many converts to Islam said the rules were unfair. The report also warned of rising "
        "Islamophobia. Critics of the Harlow Mosque Council disagreed."
    )
    actors = {a.name: a for a in actors_of(text)}
    assert "Islam" not in actors
    assert "Islamophobia" not in actors
    assert actors["Harlow Mosque Council"].kind == "organization"


def test_the_office_inside_a_title_is_not_an_organisation() -> None:
    # "Shadow <Portfolio> Secretary <Name>", "Undersecretary for <Portfolio> Mr. <Name>": the
    # portfolio is part of the person's title, not a body of its own
    text = (
        "Shadow Transport Secretary Ellen Marsh said the plan would fail. Undersecretary for "
        "Transport Mr. Tolvani said trains would run. The Department of Transport did not "
        "comment."
    )
    actors = actors_of(text)
    orgs = [a.name for a in actors if a.kind == "organization"]
    assert orgs == ["Department of Transport"]
    assert find(actors, "Ellen Marsh").role == "Shadow Transport secretary"


def test_a_time_zone_after_a_clock_time_is_not_an_organisation() -> None:
    text = "The launch is set for 14:00 GMT on Friday, the space agency NASA said."
    actors = actors_of(text)
    assert [a.name for a in actors] == ["NASA"]


def test_a_newspaper_named_after_its_town_is_an_organisation() -> None:
    # "<Town> Sun", "<Town> Star": the word a paper's name ends with makes it a body
    text = (
        "The Harwick Sun reported that the mayor had resigned. A reporter for the Harwick Sun "
        "said the mayor left.\n\nSupport grew. The Pelham "
        "Sentinel observed that the hashtag had become a movement."
    )
    actors = actors_of(text)
    assert people(actors) == []
    assert find(actors, "Harwick Sun").kind == "organization"
    assert find(actors, "Pelham Sentinel").kind == "organization"  # untagged, but it speaks


def test_an_acronym_in_parentheses_after_a_name_is_that_name() -> None:
    # "<Long Name> (<ACRONYM>)": the acronym is the same body, even when its letters are not
    # the initials of the name (a name translated, an older name)
    text = (
        "Officials at the Brevik Port Authority (HBA) said the ship had left. The HBA said no "
        "one was hurt."
    )
    actors = actors_of(text)
    assert [(a.name, a.kind, a.mentions) for a in actors] == [
        ("Brevik Port Authority", "organization", 3)
    ]


def test_a_neighbourhood_named_with_a_nationality_is_one_place() -> None:
    # "<Nationality> Hill", "<Nationality> Street": the model tags the nationality alone
    text = (
        "The family moved from Polish Hill to the suburbs. Polish Hill has three churches, "
        "and German Street was closed for repairs. Polish workers arrived in May."
    )
    actors = actors_of(text)
    assert people(actors) == []
    assert find(actors, "Polish Hill").kind == "place"
    assert find(actors, "Polish Hill").mentions == 2
    assert find(actors, "German Street").kind == "place"


def test_a_count_before_a_role_is_not_part_of_it() -> None:
    # "one driver, <Name>," picks a person out of many: the role is "driver"
    text = (
        '"Nobody wants this," one driver, Tom Ellis, said. Another resident, Ann Pratt, said '
        "the road flooded."
    )
    actors = actors_of(text)
    assert find(actors, "Tom Ellis").role == "driver"
    assert find(actors, "Ann Pratt").role == "resident"


def test_a_long_surname_misspelt_twice_joins_the_person() -> None:
    # a hurried second spelling of a long surname, two letters off, after "Ms"
    text = (
        "Greta Hollstrand, a spokeswoman for the agency, said the tablets were safe. "
        '"People should not worry," Ms Hallstrandt said.'
    )
    actors = actors_of(text)
    assert people(actors) == ["Greta Hollstrand"]
    assert find(actors, "Greta Hollstrand").mentions == 2


def test_a_first_name_spelt_with_another_vowel_is_the_same_person() -> None:
    # "Helena <Surname>" then "Helene <Surname>": one person, the first name misspelt;
    # "Mark" and "Mary" of one surname differ by a consonant and stay two people
    text = (
        "The collection was given by Helena Morrow, a professor of photography. "
        '"It is a gift," said Helene Morrow, who runs the program.\n\n'
        "Mark Smith and his sister Mary Smith opened the shop."
    )
    actors = actors_of(text)
    assert sorted(people(actors)) == ["Helena Morrow", "Mark Smith", "Mary Smith"]
    assert find(actors, "Helena Morrow").mentions == 2


def test_a_thing_named_after_its_class_noun_is_not_a_person() -> None:
    # "Hurricane <Name> ... the hurricane", "Space Shuttle <Name> ... the space shuttle":
    # storms and vehicles carry names like people's; "Bill <Surname>" beside "the bill" is
    # still a person
    text = (
        "Hurricane Delphine made landfall on Tuesday. The hurricane flooded roads, and "
        "Delphine is expected to weaken.\n\n"
        "Space Shuttle Meridian landed on Friday. The space shuttle flew 30 missions. "
        "Space Shuttle Corvus will go to a museum. It was the last Space Shuttle mission.\n\n"
        "The bill passed on Monday. Bill Ames voted for it."
    )
    actors = actors_of(text)
    assert people(actors) == ["Bill Ames"]


def test_a_club_named_after_its_town_is_one_club() -> None:
    # "<Town> Athletic", "<Town> City" and the bare "<Town>" in a match report: one club each,
    # not a person or a place
    text = (
        "Teenager Ada Finch struck late as Harwell Athletic beat Dunmore City 2-1 in the county "
        "cup final on Saturday.\n\n"
        "Finch, 19, had never scored for Harwell Athletic's first team. Her goal gave Harwell a "
        "2-1 win over Dunmore City. Dunmore, the holders, pressed for an equaliser, but Harwell "
        "defended well.\n\n"
        '"Dunmore had the better of the first half," said Harwell manager Joan Pike.'
    )
    actors = actors_of(text)
    assert sorted(people(actors)) == ["Ada Finch", "Joan Pike"]
    assert find(actors, "Dunmore City").kind == "organization"
    assert "Dunmore" in find(actors, "Dunmore City").aliases
    assert find(actors, "Harwell Athletic").kind == "organization"


def test_a_word_capitalised_only_where_a_sentence_opens_is_not_a_name() -> None:
    # the model tags "<Noun>" opening a sentence or a quotation as a body; the text writes
    # the same word in lower case elsewhere
    text = (
        'Ridership fell by a third last year. "Ridership will come back," said Ana Ruiz, the '
        "authority's director. The ridership figures were published in May."
    )
    actors = actors_of(text)
    assert [a.name for a in actors] == ["Ana Ruiz"]


def test_a_legal_form_before_or_after_a_name_makes_a_company() -> None:
    # "<Name> BV", "<Name> SA", "PT <Name>": legal forms the model does not know
    text = "Shares of PT Bumi Raya fell 4 percent. Tessaly SA said sales rose. Dorrit BV was sold."
    actors = actors_of(text)
    assert people(actors) == []
    assert {a.name for a in actors if a.kind == "organization"} == {
        "PT Bumi Raya",
        "Tessaly SA",
        "Dorrit BV",
    }


def test_a_street_or_a_square_is_a_place() -> None:
    text = (
        "Protesters filled Harlow Square on Sunday. The Harlow Square protesters said they "
        "would return. Shops on Kell Street closed."
    )
    actors = actors_of(text)
    assert [(a.name, a.kind) for a in actors] == [
        ("Harlow Square", "place"),
        ("Kell Street", "place"),
    ]


def test_a_datelines_region_is_a_place_and_its_agency_an_organisation() -> None:
    # "<CITY>, <Country> (<Agency>) —": the model's labels inside a dateline are unreliable
    text = "TALLINN, Estonia (AP) — The government said on Monday it would raise taxes."
    actors = actors_of(text)
    assert sorted((a.name, a.kind) for a in actors) == [
        ("AP", "organization"),
        ("Estonia", "place"),
        ("TALLINN", "place"),
    ]


def test_a_shouted_heading_before_a_dash_is_no_dateline_and_its_words_no_actors() -> None:
    # a round-up item opens with a heading in capitals and a dash, like a dateline, but a
    # place name holds no "are", "not" or "too"; nor does a function word name anything
    for heading in ("FERRY FARES ARE UP", "HARBOUR TALKS NOT OVER, JUST TOO SLOW"):
        text = f"{heading} - Nina Ostrander and Karl Bremer: “Traders expect a fall this week.”"
        assert sorted((a.name, a.kind) for a in actors_of(text)) == [
            ("Karl Bremer", "person"),
            ("Nina Ostrander", "person"),
        ]


def test_a_name_of_a_country_is_two_actors_unless_the_name_needs_its_of() -> None:
    # "<Team> of <Country>" tagged as one entity is the team and the country; "Bank of
    # <Country>", "Church of <Country>" are one body
    text = (
        "Kelby United of England beat the champions on Tuesday. Officials from the Central "
        "Bank of Ireland, the Church of England and the Republic of Chile watched. A study in "
        "the Medical Journal of Ireland agreed."
    )
    actors = actors_of(text)
    kinds = {a.name: a.kind for a in actors}
    assert kinds["Kelby United"] == "organization"
    assert kinds["England"] == "place"
    assert kinds["Central Bank of Ireland"] == "organization"
    assert kinds["Church of England"] == "organization"
    assert kinds["Republic of Chile"] == "place"
    assert kinds["Medical Journal of Ireland"] == "organization"


def test_a_name_the_text_treats_as_a_body_is_not_a_person() -> None:
    # "<Person> of <Name>" and "the group <Name>'s <Person>": the name is the body the people
    # belong to, though the model calls it a person and the first sits in a list of people
    text = (
        "The candidates elected were Lam Ka-ming of Harbour Lantern, Ho Chi-wai and Andy Wan. "
        "Advocacy group Harbour Lantern's Tse Wing-yan was defeated. Turnout in Harbour Lantern "
        "strongholds was high."
    )
    actors = actors_of(text)
    assert find(actors, "Harbour Lantern").kind == "organization"
    assert sorted(people(actors)) == ["Andy Wan", "Ho Chi-wai", "Lam Ka-ming", "Tse Wing-yan"]


def test_an_institution_named_in_another_language_is_an_organisation() -> None:
    # "Instituto <Name>", "Liceo <Name>", "Colegio <Name>": the first word names the body
    text = (
        "Students at Instituto Varenna protested on Monday. Instituto Varenna said classes "
        "would resume. The grant went to Liceo Fermani, a school in Turin. Pupils from Colegio "
        "Santa Rita also applied."
    )
    actors = actors_of(text)
    assert people(actors) == []
    for name in ("Instituto Varenna", "Liceo Fermani", "Colegio Santa Rita"):
        assert find(actors, name).kind == "organization"


def test_a_study_or_a_campaign_is_not_an_organisation() -> None:
    # "<Name> Study", "Operation <Name>": a piece of work, not a body
    text = (
        "The Harlow Iodine Nutrition Study found that most children lacked iodine. Activists "
        "launched Operation Bluefin last year, the Kelby Housing Board said."
    )
    actors = actors_of(text)
    assert [a.name for a in actors] == ["Kelby Housing Board"]


def test_a_shop_named_after_its_owner_is_not_the_owner() -> None:
    # "<Owner>'s <Trade>" cut in two at the possessive, and "at <Owner>'s" alone: the shop
    text = (
        "Hartley's Hardware has sold nails on Main Street since 1950. Tom Hartley, 64, runs the "
        "shop with his daughter. Customers at Hartley's say prices are fair. Hartley said "
        "business was slow."
    )
    actors = actors_of(text)
    shop = find(actors, "Hartley's Hardware")
    assert shop.kind == "organization"
    assert shop.mentions == 2
    owner = find(actors, "Tom Hartley")
    assert owner.mentions == 2  # "Hartley said" is the owner


def test_a_title_word_the_model_put_in_a_name_is_lower_case_in_the_role() -> None:
    # "Assistant Prosecutor <Name>" with "Prosecutor" inside the person entity
    text = "Assistant Prosecutor Ana Ruiz said the case would go ahead."
    assert find(actors_of(text), "Ana Ruiz").role == "assistant prosecutor"


def test_a_title_between_a_noun_and_a_name_makes_the_name_a_person() -> None:
    # "party Chairman <Name>": not "the advocacy group <Name>"
    text = (
        'After the loss, party Chairman Dale Walsh scolded the candidate. "We need to grow the '
        'party," Walsh said.'
    )
    actors = actors_of(text)
    assert people(actors) == ["Dale Walsh"]
    assert find(actors, "Dale Walsh").role == "party chairman"


def test_a_people_named_in_the_plural_is_a_group_not_a_place_or_a_body() -> None:
    # "<Creed>s in <Country>": the place after "in" does not make the believers a place;
    # "<People>s and <People>": a people beside a name the model took for a place.
    creed = actors_of("The new law worries Hindus in Pakistan, a lawyer said.")
    assert find(creed, "Hindus").kind == "group"
    assert find(creed, "Pakistan").kind == "place"
    camp = actors_of(
        "The camp shelters Eritreans and Hazara, a minority of Shia Muslims. "
        "Officials said the Hazara had walked for weeks."
    )
    assert find(camp, "Eritreans").kind == "group"
    # A team is named with its article and is not a people to the model: it stays a body.
    team = actors_of(
        "The Yankees beat the Red Sox on Sunday. The Yankees said their pitcher was hurt."
    )
    assert find(team, "Yankees").kind == "organization"


def test_a_body_named_by_its_head_noun_alone_is_kept() -> None:
    # "Congress", "Parliament", "the Senate": the capitalised head noun is the body's name.
    text = (
        "Congress is on the brink of passing the bill. Leaders in Congress said they would "
        "vote on Friday. The Senate voted on Tuesday. Parliament will debate the plan next week."
    )
    actors = actors_of(text)
    assert find(actors, "Congress").kind == "organization"
    assert find(actors, "Congress").mentions == 2
    assert find(actors, "Senate").kind == "organization"
    assert find(actors, "Parliament").kind == "organization"
    # The head noun alone after a longer name of that body is the same body.
    rail = actors_of(
        "The Northern Rail Authority said trains would run. The Authority added that fares "
        "would rise."
    )
    assert find(rail, "Northern Rail Authority").mentions == 2
    assert [a.name for a in rail if a.kind == "organization"] == ["Northern Rail Authority"]


def test_the_middle_word_of_a_three_word_name_may_be_the_surname_used_after() -> None:
    # "<First> <Father's surname> <Mother's surname>", then "Ms. <Father's surname>"
    text = (
        "The bank is in trouble, said Maria Lopez Garcia, its president. Ms. Lopez said the "
        "bank lent too much."
    )
    assert people(actors_of(text)) == ["Maria Lopez Garcia"]
    assert find(actors_of(text), "Maria Lopez Garcia").mentions == 2


def test_a_thing_named_after_a_person_in_the_text_is_that_person() -> None:
    # "<Surname> <Thing>" glued into one person by the model, beside "<First> <Surname>":
    # works named after their maker mention the maker, they are not a second person. A
    # name whose second word is someone's name ("<Surname> <Other surname>") stays a person
    text = (
        "Ruth Halvorsen took photographs for years with a Vistar camera. There are now "
        "Halvorsen Vistar shows at three colleges in Texas.\n\n"
        "Grace Morgan chaired the panel. Morgan Hale, a lawyer, spoke after her, and Hale "
        "said the rules were clear."
    )
    actors = actors_of(text)
    assert sorted(people(actors)) == ["Grace Morgan", "Morgan Hale", "Ruth Halvorsen"]
    assert find(actors, "Ruth Halvorsen").mentions == 2


def test_a_name_seen_only_before_a_word_for_a_work_or_a_scheme_is_not_a_body() -> None:
    # "the <ACRONYM> system", "the <Name> study": the name of a tax, a study or a database,
    # when the text never uses the name alone; a body also named alone stays
    text = (
        "Results of the National Soil Health study show that beans lose more yield from ozone "
        "than wheat does. In 2014 the city tax moved from the KOVA system to the TESA system. "
        "The Harlow Institute study found the same, and the Harlow Institute said it would "
        "publish more data."
    )
    actors = actors_of(text)
    assert [(a.name, a.kind) for a in actors] == [("Harlow Institute", "organization")]


def test_a_name_ending_in_a_bodys_acronym_is_that_body() -> None:
    # "Pro-<City> <ACRONYM>'s <Name>" tagged as one person, where the text elsewhere tags the
    # acronym alone as an organisation: the party, not a person whose surname would then take
    # every mention of the party
    text = (
        "Mara Ilves of the KLP won the seat. Pro-Tallinn KLP's Anton Rebane and Kati Saar were "
        "also elected. The KLP now holds four seats."
    )
    actors = actors_of(text)
    assert find(actors, "KLP").kind == "organization"
    assert find(actors, "KLP").mentions == 3
    assert sorted(people(actors)) == ["Anton Rebane", "Kati Saar", "Mara Ilves"]
    # The same name tagged as a people ("Pro-<Place> <ACRONYM>'s") is the party too.
    party = actors_of(
        "The Halden Trust said it would pay. Pro-Harbour KLP's Anton Rebane said the KLP "
        "backed the council."
    )
    assert sorted(a.name for a in party if a.kind in {"organization", "group"}) == [
        "Halden Trust",
        "KLP",
    ]


def test_a_body_named_with_its_purpose_after_for_is_one_name() -> None:
    # "<Name> Trust for the <Field>": the model cuts the name at "for", leaving the purpose
    # out or as a body of its own
    text = (
        "The Halden Trust for the Performing Arts made two donations to the college. Grants "
        "also came from the Morven Foundation for the Study of Rivers."
    )
    actors = actors_of(text)
    assert [a.name for a in actors] == [
        "Halden Trust for the Performing Arts",
        "Morven Foundation for the Study of Rivers",
    ]


def test_letters_after_a_persons_name_are_not_a_body_or_a_place() -> None:
    # "<First> <Surname>, <ACRONYM>,": a rank or an honour after the name, which the model
    # tags as an organisation or a place
    text = (
        "Speaking for the defence, Ruth Calder, SC, told the court that the parents should be "
        "acquitted. The prosecutor, Owen Birch, QC, said the girl had been ill for months."
    )
    actors = actors_of(text)
    assert sorted(a.name for a in actors) == ["Owen Birch", "Ruth Calder"]


def test_a_rank_word_before_a_title_is_part_of_the_title() -> None:
    # "Emeritus Professor <Name>": the model tags the rank word alone as an organisation
    text = (
        "According to the Daily Courier, Emeritus Professor Alan Marsh, the chairman of the "
        "panel, said the vote would take place in May."
    )
    actors = actors_of(text)
    assert [a.name for a in actors if a.kind == "organization"] == ["Daily Courier"]
    assert find(actors, "Alan Marsh").role == "emeritus professor, chairman of the panel"


def test_a_name_given_to_a_work_is_not_a_body() -> None:
    # "the database was launched as <Name>", "referred to the database as <Name> and <Name>":
    # the text says what the name stands for
    text = (
        "The database was launched in 2004 as the Regional Waste Tracking System. Inspectors "
        "later referred to the database as Regional Waste Tracking System and Permit Registry. "
        "The Harlow Institute said it had found errors in it."
    )
    actors = actors_of(text)
    assert [a.name for a in actors] == ["Harlow Institute"]


def test_a_site_whose_head_noun_carries_a_number_is_one_place() -> None:
    # "<Name> Facility-2": the model ends the name before the numbered head noun and takes
    # what is left for an organisation
    text = (
        "The hangar, known as Orbital Repair Facility-2, was built in 1977 and is still in use. "
        "Engineers moved the craft to the Payload Processing Facility-3 on Monday."
    )
    actors = actors_of(text)
    assert [(a.name, a.kind) for a in actors] == [
        ("Orbital Repair Facility-2", "place"),
        ("Payload Processing Facility-3", "place"),
    ]


def test_a_thing_introduced_by_its_class_noun_and_named_with_the_is_not_an_actor() -> None:
    # "the cargo ship, <Name>" ... "on the <Name>": a ship, which the model tags as an
    # organisation or a place; a body's name ("the nine member <Name> Council") stays
    text = (
        "Lena Ortiz was held for two years aboard the company's cargo ship, Sea Lark. She "
        "worked on the Sea Lark from 6am to midnight. The cargo ship Sea Lark is now docked "
        "in Lisbon.\n\n"
        "In 2004 Ortiz was elected to the nine member Harbour Council. Her seat on the Harbour "
        "Council is safe."
    )
    actors = actors_of(text)
    assert [a.name for a in actors] == ["Lena Ortiz", "Harbour Council", "Lisbon"]


def test_a_name_after_a_town_and_a_comma_is_its_region() -> None:
    # "in <Town>, <Region>,": the model tags the region, a name it does not know, as a person
    text = (
        "The ruling concerned two religious schools in Florence, Marvella, which must pay over "
        "400,000 euros."
    )
    actors = actors_of(text)
    assert find(actors, "Marvella").kind == "place"
    # The subject of a clause that the parse hung on the place before it stays a person.
    ruler = actors_of(
        "Instead of the quick fall that happened in Egypt, Osman, aided by the army and "
        "opposed by the rebels, held on."
    )
    assert find(ruler, "Osman").kind == "person"


def test_a_word_the_tagger_reads_as_an_adjective_is_not_a_name() -> None:
    # "<Element> deficiency" capitalised mid-sentence: tagged a person, but read by the tagger
    # as a common noun in one place and an adjective in another
    text = (
        'Doctors say Selenium deficiency is the most common cause of the illness. "If Selenium '
        'deficiency is serious you lose weight, on average," one nurse said. Most selenium '
        "comes from nuts."
    )
    assert people(actors_of(text)) == []


def test_a_company_officer_s_abbreviated_title_is_no_part_of_the_name() -> None:
    text = "Former Acme CEO Carly Fenwick named a drama as her guilty pleasure."
    actors = actors_of(text)
    assert people(actors) == ["Carly Fenwick"]
    assert "ceo" in find(actors, "Carly Fenwick").role.casefold()


@pytest.mark.parametrize(
    "text",
    [
        "Jane Marlow and her husband, Peter Marlow, opened the bakery in 1990. She said "
        "the ovens were old. Mr. Marlow said business was good. Mrs. Marlow laughed.",
        "Peter Marlow and his wife, Jane Marlow, opened the bakery in 1990. He said the "
        "ovens were old. Mrs. Marlow said business was good. Mr. Marlow laughed.",
    ],
    ids=["wife named first", "husband named first"],
)
def test_a_courtesy_title_of_one_sex_is_not_the_namesake_of_the_other(text) -> None:
    """Two people of one surname: "Mr. <Surname>" is not the one named first when the
    text has called that one "she" (the subject of a sentence taken up by the subject
    of the next), and "Mrs. <Surname>" not the one called "he"."""
    actors = actors_of(text)
    wife, husband = find(actors, "Jane Marlow"), find(actors, "Peter Marlow")
    assert "Mrs. Marlow" in wife.aliases and "Mr. Marlow" not in wife.aliases
    assert "Mr. Marlow" in husband.aliases and "Mrs. Marlow" not in husband.aliases
    assert len(people(actors)) == 2


def test_a_she_after_a_sentence_with_two_people_tells_nobody_s_sex() -> None:
    """ "<A> defeated <B>. She conceded.": the she may be <B>, so <A> is not taken for a
    woman, and "Mr. <A's surname>" still joins <A>."""
    text = (
        "Peter Marlow defeated Jane Ostrova in the race. She conceded on Friday. "
        "Mr. Marlow thanked his staff."
    )
    assert "Mr. Marlow" in find(actors_of(text), "Peter Marlow").aliases


def test_a_name_after_a_noun_for_a_creative_work_is_the_work() -> None:
    actors = actors_of(
        "Nina Ostrander read from her debut novel Winter Harbour at the festival, and Karl "
        "Bremer signed copies."
    )
    assert people(actors) == ["Nina Ostrander", "Karl Bremer"]
    assert "Winter Harbour" not in [a.name for a in actors]


def test_a_name_ending_in_a_word_for_a_building_is_no_person() -> None:
    actors = actors_of(
        "The prints now hang in the Lindqvist Maritime Museum and Art Gallery, near the harbour."
    )
    assert "Art Gallery" not in people(actors)


def test_a_name_whose_last_word_speaks_alone_is_a_person_whatever_the_label() -> None:
    # the small model calls the full name an organisation; a body is never called by the
    # last word of its name alone
    actors = actors_of(
        "Mayor Karl Bremer has little to fear, Corin Valdane said Monday. “Of course he can be "
        "questioned,” Valdane told reporters. “But that will not change the vote.”"
    )
    assert find(actors, "Corin Valdane").kind == "person"
    assert find(actors, "Corin Valdane").mentions == 2


def test_the_first_half_of_a_hyphened_name_is_no_person() -> None:
    from reader.analysis.actors.mentions import make_mention

    # "<Name>-<Name>" (a law, a firm): the model may tag its first half as a person
    text = "The trouble with reviving Marsh-Tolliver is the cost. Marsh said so."
    doc = parse(text)
    words = [t.text for t in doc]
    first, alone = words.index("Marsh"), len(words) - 1 - words[::-1].index("Marsh")
    assert make_mention(doc, text, first, first + 1, "person") is None
    assert make_mention(doc, text, alone, alone + 1, "person") is not None


def test_a_title_after_a_company_name_makes_the_name_after_it_a_person() -> None:
    # "<Company> CEO <Name>": the model may tag the title as a proper noun and the name as
    # an organisation; the title still says it is a person
    actors = actors_of(
        "Former Brightwater-Hale CEO Perrin Ashcombe chose a local bakery as her favourite spot."
    )
    assert find(actors, "Perrin Ashcombe").kind == "person"


def test_a_name_after_a_comma_inside_one_entity_is_another_actor() -> None:
    # the model tags "<Place>, <First> <Last>" as one organisation
    text = "“It was a first attempt,” said his best friend at Amherst, Jed Parr, who recalled it."
    actors = actors_of(text)
    assert not [a.name for a in actors if "," in a.name]
    assert find(actors, "Jed Parr").kind == "person"


def test_a_name_whose_surname_alone_is_described_as_a_person_is_a_person() -> None:
    from spacy.tokens import Span

    text = (
        "Vera Castellane threw her support behind the mayor on Wednesday.\n\n"
        "Castellane, the former shipping executive who dropped her own bid in February, "
        "spoke at the rally."
    )
    doc = parse(text)
    # the model tags some real people this way: both mentions as an organisation
    spans = [doc.char_span(0, 15), doc.char_span(text.index("Castellane,"), text.index(","))]
    doc.set_ents([Span(doc, s.start, s.end, label="ORG") for s in spans], default="outside")
    actors = extract_actors(doc, text)
    assert find(actors, "Vera Castellane").kind == "person"
    assert "Castellane" not in [a.name for a in actors]


def test_a_verb_run_into_a_name_is_not_part_of_the_name() -> None:
    text = (
        "After Telling Karl Bremer to sit down, the chair moved on. Karl Bremer left the "
        "room soon after."
    )
    actors = actors_of(text)
    assert people(actors) == ["Karl Bremer"]


def test_a_one_word_name_under_its_own_article_is_no_person() -> None:
    # "for the <Festival>", "during the 2019 <Festival>": people's names take no article, so
    # a one-word name the model calls a person, written with "the" on it and never doing
    # what people do, is an event or a thing
    text = (
        "Thousands of pilgrims travelled to the valley for the Vardana, held each spring. "
        "Crowds during the 2019 Vardana blocked the roads for days."
    )
    assert people(actors_of(text)) == []
    # the article on the noun the name modifies does not count
    text = (
        "Volunteers for the Ostrander campaign knocked on doors. Ostrander said the turnout "
        "would decide it."
    )
    assert people(actors_of(text)) == ["Ostrander"]
    # a plural under its article is a party or a family, people: the rule leaves it alone
    text = "Few mourned the Tollers, who had ruled for years."
    doc = parse(text)
    start = text.index("Tollers")
    token = next(t for t in doc if t.idx == start)
    mention = Mention(start, start + 7, token.i, token.i + 1, "Tollers", "tollers", "person")
    assert not _own_article(doc, mention)


def test_a_nickname_in_quotes_does_not_run_the_name_into_where_the_person_is_from() -> None:
    # a quoted nickname inside a name throws the model: it tags "<First> "<Nick>" <Last> of
    # <Town>" as one person, or stops just after the "of"
    text = 'Karl "Kip" Bremer of Oakland carried one of the photos. "I cried," he said.'
    assert people(actors_of(text)) == ['Karl "Kip" Bremer']
    text = 'Nina "Nin" Ostrander of Fresno carried a sign. "I cried," she said.'
    actors = actors_of(text)
    assert people(actors) == ['Nina "Nin" Ostrander']
    assert find(actors, "Fresno").kind == "place"


@pytest.mark.parametrize("title", ["Adviser", "Pastor", "Pollster", "Columnist"])
def test_a_capitalised_occupation_before_a_name_is_its_role_not_part_of_it(title: str) -> None:
    text = f"Campaign {title} Nina Ostrander spoke at the rally on Sunday."
    person = find(actors_of(text), "Nina Ostrander")
    assert person.kind == "person"
    assert person.role is not None and title.casefold() in person.role.casefold()


def test_things_listed_beside_a_name_are_no_role() -> None:
    # a bare noun in apposition with no article, owner or "of" is part of a list of things,
    # unless it is a word for a person ("spokesman") or heads a role ("head of the agency")
    text = (
        "The banner showed Nina Ostrander, bread and two goats. Karl Bremer, spokesman,"
        " agreed."
        " Corin Valdane, head of the agency, did not."
    )
    actors = actors_of(text)
    assert find(actors, "Nina Ostrander").role is None
    assert find(actors, "Karl Bremer").role == "spokesman"
    assert find(actors, "Corin Valdane").role == "head of the agency"


@pytest.mark.parametrize("noun", ["state news agency", "research firm", "family company"])
def test_a_speaking_name_the_text_calls_a_body_is_an_organisation(noun: str) -> None:
    # "<Name>, the <body noun>, said": what the apposition says it is outweighs the
    # speaking, which a body does too
    text = f"“The talks have failed,” said Lumara, the {noun}, on Monday evening."
    kinds = {a.name: (a.kind, a.role) for a in actors_of(text)}
    assert kinds.get("Lumara") == ("organization", None)


@pytest.mark.parametrize("place", ["Texas", "Vermont", "New York"])
def test_a_who_clause_after_name_of_place_is_about_the_person_before_of(place: str) -> None:
    # "<Title> <Name> of <State>, who ...": the "who" is the senator, not the state
    text = f"The vote went to Senator Karl Bremer of {place}, who won by nine points."
    kinds = {a.name: a.kind for a in actors_of(text)}
    assert (kinds.get("Karl Bremer"), kinds.get(place)) == ("person", "place")


def test_a_share_of_the_vote_beside_a_name_is_no_role() -> None:
    # a result in apposition ("<Name>, 27.6 percent to ...") is a figure, not what he is
    text = "The runoff went to Dana Whitlock, who won, 27.6 percent to 24.3 percent."
    assert find(actors_of(text), "Dana Whitlock").role is None
    text = "The count ended with Dana Whitlock, 51.2 percent, ahead of the mayor."
    assert find(actors_of(text), "Dana Whitlock").role is None
    text = "Dana Whitlock, 47, a ferry pilot, led the count on Monday."
    assert find(actors_of(text), "Dana Whitlock").role == "ferry pilot"


@pytest.mark.parametrize("verb", ["wrote", "posted", "said"])
def test_a_name_words_are_put_out_on_is_a_medium_not_a_person(verb: str) -> None:
    # "<verb of saying or posting> on <Name>": a platform or an outlet, whatever the model
    # makes of a one-word name it does not know
    text = (
        f"Karl Bremer {verb} on Lumio that the ferry was late again. Lumio said on Monday "
        f"that it had removed the post. Bremer later {verb} on Lumio that he was sorry."
    )
    kinds = {a.name: a.kind for a in actors_of(text)}
    assert kinds.get("Lumio") == "organization"
    assert kinds.get("Karl Bremer") == "person"


def test_a_name_behind_a_stance_prefix_is_no_actor() -> None:
    # "a pro-<Name> group", "anti-<Name> voters": a stance; the person is named elsewhere
    text = "A pro-Bremer group spent heavily, and anti-Bremer voters turned out. Karl Bremer lost."
    assert [a.name for a in actors_of(text)] == ["Karl Bremer"]
    # a body whose own name opens with such a word keeps it
    text = "Members of the Pro-Transit Coalition of Halvern marched to city hall."
    assert "Pro-Transit Coalition of Halvern" in {a.name for a in actors_of(text)}
