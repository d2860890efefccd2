"""Pure parts of the answer engine: question analysis, unit splitting, follow-up rewriting."""

from assistant.understand.followup import context_of, standalone
from assistant.understand.question import answer_type, profile
from assistant.understand.wanted import has_kind
from assistant.answer.units import split_chunk


def test_answer_types_from_wh_words():
    assert answer_type("When was the guide published?") == "date"
    assert answer_type("Where was the course held?") == "place"
    assert answer_type("How much money did Canada commit?") == "money"
    assert answer_type("How many participants got scholarships?") == "count"
    assert answer_type("what's her email address?") == "email"
    assert answer_type("doc number of the report?") == "identifier"
    assert answer_type("On what exact day in May was the forum held?") == "day"
    assert answer_type("Who are the contact points for A.2?") == "person"


def test_expected_values_are_recognised():
    assert has_kind("date", "published in April 2016")
    assert has_kind("count", "for 175 participants")
    assert not has_kind("count", "to be completed in April 2017")
    assert not has_kind("money", "with financing from the Government of Canada")
    assert has_kind("money", "a grant of US$ 250,000")
    assert has_kind("identifier", "CICTE/doc.5/17")
    assert has_kind("email", "Email Address: kuribe@uaf.gob.cl")


def test_entity_labels_answer_where_patterns_cannot():
    assert has_kind("place", "The course was held in Bogotá.", frozenset({"GPE"}))
    assert not has_kind("place", "The course was held last year.", frozenset({"DATE"}))
    assert has_kind("agent", "carried out by the Secretariat", frozenset({"ORG"}))
    assert has_kind("day", "held on 12 May 2016") and not has_kind("day", "held in 2016")


def test_a_duration_is_not_a_date():
    from assistant.answer.units import Unit, with_labels

    unit = Unit(0, 0, 40, "A three-day meeting was held in Jamaica.", False, None, 0)
    labelled = with_labels(unit, [(2, 11, "DATE"), (32, 39, "GPE")])
    assert labelled.labels == {"DURATION", "GPE"}
    assert not has_kind("date", labelled.text, labelled.labels)


def test_profile_keeps_names_years_and_list_intent():
    q = profile("Which OAS cyber events held in Santiago in 2019 are listed in Chile's CTAP?")
    assert q.wants_list and q.years == ("2019",)
    assert {"oas", "santiago", "chile", "ctap"} <= set(q.entities)


def test_lists_keep_their_introducing_line_and_fields_split():
    text = (
        "Chilean Customs has national instructors in the following courses:\n"
        "• Course one (CIT)\n• Course two (WMD)\n"
        "Contact Point: Name: Ana Perez Title: Head of Unit Telephone Number: (56) 2 123456 Email Address: ana@x.cl"
    )
    units = split_chunk(text, 0, 0)
    intro, one, two = units[:3]
    assert intro.list_id == one.list_id == two.list_id is not None
    assert [u.text for u in units[3:]] == [
        "Contact Point: Name: Ana Perez Title: Head of Unit",
        "Telephone Number: (56) 2 123456",
        "Email Address: ana@x.cl",
    ]
    for u in units:
        assert text[u.start : u.end] == u.text


def test_follow_ups_are_made_standalone():
    assert standalone("and the 2019 one?", ["Where was the 2018 meeting held?"]) == "Where was the 2019 meeting held?"
    own, carried = context_of(standalone("what's her email address?", ["Who is the contact point for finance?"]))
    assert own == "what's her email address?" and carried == "Who is the contact point for finance"
    assert standalone("Where was the course held?", ["anything"]) == "Where was the course held?"
    # "ok and ...": a discourse word before the "and" still leans on the earlier turn
    own, carried = context_of(standalone("ok and where are the next TF meetings", ["who chairs the Zembla council?"]))
    assert carried == "who chairs the Zembla council"


def test_names_match_their_demonyms_and_plurals_not_lookalikes():
    from assistant.understand.names import same_name

    assert same_name("honduran", "honduras") and same_name("peruvian", "peru") and same_name("chilean", "chile")
    assert not same_name("australian", "austria") and not same_name("spain", "spanner")


def test_entities_skip_months_and_abbreviations_and_qualifiers_are_found():
    from assistant.understand.names import entities, qualifiers

    assert entities("What did St Lucia sign in Dec 2018 with the UAF?") == ("lucia", "uaf")
    assert qualifiers("officers from which Caribbean island were trained by the OAS?") == ("caribbean",)


def test_premise_owner_counted_noun_and_typos():
    from assistant.understand.names import owners
    from assistant.understand.question import counted_noun, split_premise

    assert split_premise("the report lists two donors. which of them funded the drill?") == (
        "the report lists two donors.",
        "which of them funded the drill?",
    )
    assert split_premise("Who is the U.S. contact?") == ("", "Who is the U.S. contact?")
    assert owners("What does Peru's 2020 APEC CTAP say?") == ("peru",)
    assert counted_noun("roughly how many customs officers were trained?") == ("officer",)
    assert answer_type("hw many officers were trained?") == "count"
    assert answer_type("Who did the OAS partner with on the guide?") == "agent"
    assert answer_type("who was the course aimed at?") == "who"  # a group may answer: preferred, not required
    assert answer_type("on what dates was the course held?") == "day"
    assert answer_type("what percentage of the audit was met?") == "percent"
    assert profile("Was X introduced before or after Y?").compares


def test_semicolon_enumerations_stay_one_unit():
    from assistant.answer.scoring import enumerated

    text = (
        "The plan has 4 pillars: Prevention; Protection; Response; and Recovery. A long second sentence follows here."
    )
    units = split_chunk(text, 0, 0)
    assert units[0].text == "The plan has 4 pillars: Prevention; Protection; Response; and Recovery."
    assert enumerated("Officials from Aruba, Belize, Cuba, and Dominica attended.") == 4


def test_spanish_who_funded_asks_for_an_organisation():
    assert answer_type("¿Quién financió el programa de ciberseguridad?") == "agent"
    assert answer_type("¿Quién es el punto de contacto?") == "person"


def test_report_owners_and_counted_nouns_in_more_phrasings():
    from assistant.understand.names import owners
    from assistant.understand.question import counted_noun

    assert owners("What measures did Peru report in its 2020 APEC CTAP?") == ("peru",)
    assert owners("Does Chile mention Peru in its CTAP?") == ("chile",)  # "its" is the subject's
    assert owners("What does the Peruvian CTAP say?") == ("peruvian",)
    assert counted_noun("How many customs authorities that don't take part were reached?") == ("authority",)
    assert counted_noun("how many ppl got scholarships to the bootcamp?") == ("ppl",)
    assert counted_noun("How many AEO programmes exist in the region?") == ("programm",)  # not "exist"
    assert counted_noun("How many under-18s were arrested in Zembla in 2015?") == ()  # an age, no noun


def test_either_or_comparisons_find_their_two_sides():
    from assistant.understand.question import alternatives

    assert alternatives("Which came first, the port security course or the container inspection course?") == (
        "the port security course",
        "the container inspection course",
    )
    assert alternatives("Was the guide published before or after the network was launched?") == ()


def test_contractions_and_acronyms_of_spelled_out_names_are_the_same_name():
    from assistant.answer.scoring import acronyms
    from assistant.understand.names import abbreviates, same_name

    assert same_name("cttee", "committee") and same_name("govt", "government")
    assert not abbreviates("simda", "simultaneous") and not abbreviates("cte", "cte")
    assert "lac" in acronyms("training for Latin America and the Caribbean states")


def test_the_noun_a_question_asks_for():
    from assistant.understand.question import asked_nouns

    assert asked_nouns("What penalties does Ruritania's Law 12 set for arms offences?") == ("penalty",)
    assert asked_nouns("outcome of the 3rd working group meeting 2021?") == ("outcom",)
    assert asked_nouns("any info about the findings of the port study") == ("finding",)
    assert asked_nouns("tell me the results of the 2017 work plan") == ("result",)
    assert asked_nouns("name of the customs officer who went to Vienna") == ("custom", "officer")
    # wh-adverbs and questions about a named thing leave it to the wanted kind
    assert asked_nouns("when did Ruritania sign the agreement?") == ()
    assert asked_nouns("What is Presidential Instruction 8 about?") == ()


def test_short_unpunctuated_lines_are_bare_and_sentences_are_not():
    units = split_chunk(
        "Workshop Group Photo (Staff College)\n\nThe workshop was held in Lima.\n\nName: Ana Ruiz", 0, 0
    )
    assert [u.bare for u in units] == [True, False, False]


def test_shortened_names_and_lowercase_spelled_out_initialisms():
    from assistant.understand.names import shortened
    from assistant.answer.evidence import initialisms
    from assistant.understand.names import same_name

    assert same_name("guat", "guatemala") and not same_name("gu", "guatemala")
    assert shortened("dec", "decision") and shortened("govt", "government") and not shortened("de", "decision")
    assert "edd" in initialisms("the application of enhanced due diligence measures")
    assert answer_type("venue for the 36th plenary?") == "place"
    assert answer_type("the 2020 meeting - what's the new date?") == "day"


def test_a_word_and_its_derivations_are_one_family():
    from assistant.understand.names import derived

    assert derived("ratify", "ratif") and derived("sign", "signatur") and derived("leader", "lead")
    assert not derived("win", "winner") and not derived("ratio", "ratify")


def test_a_mistyped_opening_wh_word_is_read_as_meant():
    from assistant.understand.spelling import mend_question_word

    assert mend_question_word("wich reports were adopted?") == "which reports were adopted?"
    assert mend_question_word("Whcih countries joined?") == "which countries joined?"
    assert mend_question_word("wheat exports in 2020?") == "wheat exports in 2020?"  # a word
    assert mend_question_word("With whom?") == "With whom?"


def test_mistyped_words_are_read_as_the_indexed_words_meant():
    from assistant.understand.spelling import mend_words

    df = {"number": 40, "country": 30, "measur": 9, "montego": 2}.get
    frequency = lambda stem: df(stem, 0)  # noqa: E731
    assert mend_words("numbr of measures in the plan", frequency) == "number of measures in the plan"
    assert mend_words("which countires took part", frequency) == "which countries took part"
    assert mend_words("which holiday town, montego bay?", frequency) == "which holiday town, montego bay?"
    assert mend_words("Zemblan delegates", frequency) == "Zemblan delegates"  # a name
    chairs = {"chair": 20}.get
    assert mend_words("ztf 2031 - co-chiars?", lambda stem: chairs(stem, 0)) == "ztf 2031 - co-chairs?"
    assert mend_words("USAP-chiars", lambda stem: chairs(stem, 0)) == "USAP-chiars"  # a code's part


def test_a_bare_noun_phrase_asks_like_which_and_roles_ask_for_persons():
    assert answer_type("gifct founding companies?") == "organisation"
    assert answer_type("participating countries in the drill") == "government"
    assert answer_type("whats the name of the ACAO director general?") == "person"
    assert answer_type("who gave the keynote speech at the colloquium?") == "person"
    assert answer_type("what is the name of the programme?") == "name"


def test_the_asked_noun_after_a_topic_and_past_a_plural_light_noun():
    from assistant.understand.question import asked_nouns

    assert asked_nouns("what details of the operators does the register keep") == ("operator",)
    assert asked_nouns("what types of operators can get certified in Zembla") == ()  # a category
    assert asked_nouns("the 40th assembly - apart from the plan, what new strategy did states endorse?") == (
        "strategy",
    )


def test_a_known_name_made_an_adjective_is_known():
    from assistant.answer.evidence import adjectival

    assert adjectival("europol-backed", {"europol", "operation"})
    assert not adjectival("zembapol-backed", {"europol"}) and not adjectival("europol", {"europol"})


def test_country_names_and_codes_come_from_pycountry():
    from assistant.understand.bridge import BUNDLED_GLOSSARY, bridge_query, load_glossary
    from assistant.understand.countries import names_for_code

    assert names_for_code("MX")[0] == "Mexico" and names_for_code("gtm")[0] == "Guatemala"
    assert names_for_code("CT") == ()
    glossary = load_glossary([BUNDLED_GLOSSARY])
    assert "Hungary" in bridge_query("¿cuándo se adhirió Hungría al convenio?", glossary)


def test_two_sides_of_a_comparison_in_more_phrasings():
    from assistant.understand.question import alternatives

    assert alternatives("which started first, checked baggage screening or air cargo screening? what years") == (
        "checked baggage screening",
        "air cargo screening",
    )
    assert alternatives("Zembla plenary vs Ruritania summit: who chaired each one?") == (
        "Zembla plenary",
        "Ruritania summit",
    )
    assert alternatives("which is older, SELEC or AMERIPOL?") == ("SELEC", "AMERIPOL")
    assert alternatives("the rule on safeguarding aviation vs unlawful acts - what's it called?") == ()
    assert answer_type("which came first, A or B? what years") == "date"
    assert answer_type("¿qué organización japonesa dio el taller?") == "organisation"


def test_a_bare_label_line_introduces_the_bullets_under_it():
    text = "25 June 2024: Zembla Forum conference in Lyon\nMain topics\n• Migrant smuggling\n• Border security"
    units = split_chunk(text, 0, 0)
    label = next(u for u in units if u.text == "Main topics")
    assert label.list_id is not None and not label.is_item
    assert {u.list_id for u in units if u.is_item} == {label.list_id}
    assert units[0].list_id is None  # the event line is no part of the list


def test_a_category_asked_for_and_a_point_asked_about_need_not_be_said():
    from assistant.understand.question import asked_nouns

    assert asked_nouns("what kinds of criminal activity does the decision name?") == ()
    assert asked_nouns("what is the point of the agreement between the two orgs?") == ("agreement",)
    assert asked_nouns("what penalties does the law set?") == ("penalty",)


def test_a_bare_noun_phrase_wants_a_list_when_its_last_noun_is_plural():
    from assistant.understand.question import wants_list

    assert wants_list("zembla further measures planned")
    assert not wants_list("zembla cybersecurity policy period")


def test_a_list_named_in_the_question_is_not_a_list_asked_for():
    from assistant.understand.question import wants_list

    assert not wants_list("which course in the zembla training list is the one from the agency?")
    assert wants_list("zembla members? list them")
    assert wants_list("give me a list of the projects")


def test_short_lines_under_a_label_are_a_list_without_bullets():
    text = "Officers: A. Smith\n\nDrafting Group\n\nZembla\n\nRuritania\n\nFreedonia\n\nThe group met twice in 2031."
    units = split_chunk(text, 0, 0)
    items = [u.text for u in units if u.is_item]
    assert items == ["Zembla", "Ruritania", "Freedonia"]
    label = next(u for u in units if u.text == "Drafting Group")
    assert label.list_id == units[-2].list_id and not units[-1].is_item
    # one short line after a label is a heading and its first line, not a list
    assert not any(u.is_item for u in split_chunk("Drafting Group\nZembla\nThe group met twice.", 0, 0))


def test_a_shortened_month_in_the_question_makes_that_date_no_answer():
    from assistant.understand.wanted import holds_new
    from vectorstore.lexical import tokenize

    asked = frozenset(tokenize("the plan was concluded in Dec 2030 - when was the accord itself signed?"))
    assert not holds_new("date", "It was concluded in December 2030.", (("DATE", "December 2030"),), asked)
    assert holds_new("date", "It was signed in July 2031.", (("DATE", "July 2031"),), asked)


def test_a_terse_question_may_open_with_the_thing_asked_and_countries_in_lower_case_are_names():
    from assistant.understand.names import entities
    from assistant.understand.question import measured_noun

    assert answer_type("date the 12th joint communique was finalised?") == "day"
    assert answer_type("implementation period of the ZTF maritime project?") == "date"
    assert "peru" in entities("cyber contact point peru?") and "contact" not in entities("cyber contact point peru?")
    assert measured_noun("How much ransom was paid to the pirates?") == ("ransom",)
    assert measured_noun("how much did the project cost?") == ()
    # "a figure on X", "an estimate of X": the amount of X is asked
    assert measured_noun("did the agency put a rupiah figure on losses in 2022?") == ("loss",)
    assert measured_noun("is there an estimate of the damage?") == ("damag",)
    from assistant.understand.question import asked_nouns

    assert asked_nouns("zembla customs first half of 2015 - was more gold caught going in or out?") == ()


def test_a_number_of_things_said_before_its_figure_and_a_bare_phrase_after_a_topic():
    from assistant.understand.question import counts

    text = "Zembla's accession brought the number of Contracting Parties to this Convention to 153."
    assert counts(text, {"party"}) and not counts(text, {"convention"})
    assert not counts("The number of incidents in 2031 is not known.", {"incident"})
    assert answer_type("ZTF 10th plenary — dates and city?") == "city"
    assert answer_type("ZTF project: implementing agencies?") == "organisation"


def test_question_words_joined_ask_several_kinds_and_by_how_much_is_a_figure():
    from assistant.understand.wanted import other_kinds

    question = "¿Dónde y cuándo se celebró la 9ª reunión del Foro de Zembla y quién la presidió?"
    assert answer_type(question) == "date" and other_kinds(question) == ("place", "agent")
    assert other_kinds("ztf plenary in Zembla - which city and what dates?") == ("city",)
    assert other_kinds("how many arrests and in which countries?") == ("count",)
    assert other_kinds("who was the secretary when the report was presented?") == ()
    assert answer_type("By how much did the forum's membership grow?") == "count"
    assert answer_type("how much did Zembla give to the fund?") == "money"


def test_who_with_a_plural_object_asks_for_the_doer_not_a_list():
    from assistant.understand.question import wants_list

    assert not wants_list("Who paid for the rummaging courses in Zembla?")
    assert wants_list("who were the participants?") and wants_list("which countries took part?")


def test_an_edition_is_read_past_a_body_name_and_spelled_out_in_a_passage():
    from assistant.answer.scoring import said_tokens
    from assistant.understand.serials import serials

    assert serials("In which city was the ZPG seventeenth plenary held?") == {"seventeenth": "17"}
    tokens = said_tokens("The Chairperson opened its Ninety-Sixth Session; the second item followed.")
    assert {"96", "chair"} <= tokens and "2" not in tokens
    assert "member" in said_tokens("Its membership grew.")


def test_a_city_asked_for_is_not_answered_by_a_country_or_a_sea():
    from assistant.understand.wanted import holds_new

    assert answer_type("In which city was the 9th Zembla plenary held?") == "city"
    assert answer_type("Where was the 9th Zembla plenary held?") == "place"
    named = (("GPE", "Myanmar"), ("LOC", "Indian Ocean"))
    assert not holds_new("city", "Myanmar hosted it by the Indian Ocean.", named, frozenset())
    assert holds_new("city", "It met in Valmora.", (("GPE", "Valmora"),), frozenset())
    assert holds_new("place", "Myanmar hosted it.", (("GPE", "Myanmar"),), frozenset())


def test_a_bare_role_asks_who_held_it():
    assert answer_type("ztf plenary 2031 - co-chairs?") == "agent"
    assert answer_type("zembla forum chair?") == "agent"


def test_the_doer_of_an_act_may_be_named_as_whose_support_it_was():
    from assistant.answer.scoring import done_by

    assert done_by("The courses were provided with financial support of the Government of Zembla.", {"financ"})
    assert done_by("The workshop was funded by Zembla.", {"fund"})
    assert not done_by("with financial support of the member states", {"financ"})  # no name


def test_a_question_about_a_planned_event_is_told_from_one_about_a_past_event():
    from assistant.understand.question import planned

    assert planned("Where will the 2035 plenary of the forum be held?")
    assert planned("who hosts the next one?")
    assert planned("Where and when was the next working group meeting after Lisbon supposed to take place?")
    assert not planned("where was the next one held?")
    assert not planned("what is the member supposed to fix under its action plan?")
    assert not planned("Who chaired the plenary in Lisbon?")


def test_a_passage_that_looks_ahead_is_told_from_one_reporting_the_past():
    from assistant.answer.evidence import looks_ahead

    assert looks_ahead("The next plenary will take place in Tarsk in 2034.")
    assert looks_ahead("Argentina is to host the following meeting.")
    assert not looks_ahead("The plenary was held in Brellin on 10 June 2033.")


def test_a_comparison_without_a_separator_finds_its_sides_after_the_verb():
    from assistant.understand.question import alternatives

    assert alternatives("Did more delegates attend the forum's third plenary or the network's annual meeting?") == (
        "the forum's third plenary",
        "the network's annual meeting",
    )
    assert alternatives("Were fewer officers trained in Lisbon or in Porto?") == ("in Lisbon", "in Porto")
    assert alternatives("Did the forum train officers in Lisbon or Porto?") == ()  # no comparative: not weighed
    assert alternatives(
        "In the 2031 report, were more people trained by the cyber bootcamp or by the port workshops?"
    ) == (
        "by the cyber bootcamp",
        "by the port workshops",
    )


def test_countries_are_found_by_their_names_not_by_a_tagger():
    from assistant.understand.countries import countries_in

    found = countries_in("Uruguay adopted its strategy in May 2032, with Trinidad and Tobago. The Forum met.")
    assert {"uruguay", "trinidad and tobago"} <= found and "forum" not in found


def test_a_question_naming_nothing_goes_on_about_what_the_previous_turn_named():
    asked = standalone("which technical areas did the list changes cover?", ["tell me about the 2031 Forum plenary"])
    assert context_of(asked) == (
        "which technical areas did the list changes cover?",
        "tell me about the 2031 Forum plenary",
    )
    # a question with its own name or year starts afresh
    assert standalone("what did the Forum decide on Peru?", ["tell me about the 2031 plenary"]) == (
        "what did the Forum decide on Peru?"
    )
    assert standalone("what was planned for 2032?", ["tell me about the Forum plenary"]) == "what was planned for 2032?"


def test_a_year_counted_from_the_previous_turn_is_written_out():
    asked = standalone("where was the next year's meeting held?", ["tell me about the forum meeting of Jan 2031"])
    assert context_of(asked)[0] == "where was the 2032 meeting held?"
    assert standalone("and the year before?", ["who chaired the 2031 plenary?"]) == "who chaired the 2030 plenary?"
    assert context_of(standalone("what was planned for the following year", ["what did the forum do in 2031?"]))[0] == (
        "what was planned for 2032"
    )


def test_which_country_a_deed_was_done_for_is_a_party_and_where_it_happened_a_country():
    assert answer_type("Which country did the committee help draft its port plan?") == "government"
    assert answer_type("Which country hosted the 2031 plenary?") == "country"
    assert answer_type("In which country was the workshop held?") == "country"
    assert answer_type("which country did the ministers meet in?") == "country"
    assert answer_type("where did the ministers meet?") == "place"
    assert answer_type("How much EU money went into the programme overall?") == "money"


def test_do_support_puts_the_subject_not_the_asked_thing_after_the_wh_word():
    from assistant.understand.question import asked_nouns

    assert asked_nouns("Who did the Secretariat team up with to publish the survey?") == ()
    assert asked_nouns("What did the study on cyber incidents find?") == ()
    assert asked_nouns("what were the findings of the study?") == ("finding",)
    assert asked_nouns("what has been the outcome of the review?") == ("outcom",)


def test_comparison_sides_after_a_dash_with_a_comma_before_or_and_a_second_question_after():
    from assistant.understand.question import alternatives

    asked = "In Ruritania, which started first – hold baggage screening at airports, or screening of air cargo?"
    assert alternatives(asked) == (
        "hold baggage screening at airports",
        "screening of air cargo",
    )
    assert alternatives("which started first, the Forum or the Institute, and by how many years?") == (
        "the Forum",
        "the Institute",
    )


def test_a_passage_gives_the_size_of_the_list_it_summarises():
    from assistant.understand.question import count_given

    text = "Two courses were held, benefitting 98 participants and 14 member states: one in Valmora, Ostmark."
    assert count_given(text, {"stat"}) == 14
    assert count_given(text, {"participant"}) == 98
    assert count_given("three (03) meetings were held", {"meeting"}) == 3
    assert count_given("in 2019 the group met", {"group"}) == 0


def test_an_inaugural_meeting_is_the_first():
    from assistant.understand.serials import serials_said

    assert "1" in serials_said("The process began with the inaugural meeting of the Steering Committee")


def test_a_year_like_figure_after_a_word_of_quantity_counts_what_follows_it():
    from assistant.understand.question import count_given, counts

    assert counts("During two days more than 2000 participants from 32 nations trained", {"participant"})
    assert not counts("In 2016 participants from 12 countries attended", {"participant"})
    assert count_given("More than seventy participants took part", {"participant"}) == 70
    assert count_given("twenty-five states joined", {"stat"}) == 25


def test_a_name_after_a_comma_begins_the_sides_not_more_of_the_counted_phrase():
    from assistant.understand.question import counted_noun

    assert counted_noun("Which had more participants, Westerlies 2031 or the Kessel drill?") == ("participant",)
    assert counted_noun("how many countries, organisations and agencies took part?") == ("organization", "agency")


def test_who_is_the_noun_asks_for_that_role():
    from dataclasses import replace

    from assistant.answer.decline import asks_role
    from assistant.understand.question import asked_nouns

    def asked(text):
        return replace(profile(text), asked_nouns=asked_nouns(text))

    assert asks_role(asked("who were the observers at the 12th plenary"))
    assert not asks_role(asked("which port were the officers from who seized the cargo?"))


def test_a_port_a_site_or_a_border_crossing_asked_for_by_name_is_a_place():
    assert answer_type("which ostmarkian port were officers trained for under the programme?") == "place"
    assert answer_type("list the 3 pilot border sites for the project") == "place"
    assert answer_type("what is the port security code?") == "thing"
    assert answer_type("how many ports were assessed?") == "count"


def test_a_number_sign_run_on_to_its_number_is_a_serial():
    from assistant.understand.serials import serials_said

    assert "14" in serials_said("Presidential Decree N°14 (30 September 2032) was issued")
    assert "214" in serials_said("a new Presidential Decree, No. 214 of 11 September 2032")


def test_a_spanish_question_for_a_role_holder_asks_for_a_person():
    assert answer_type("¿Quién era el Secretario General de la Comisión en 2032?") == "person"


def test_a_facility_named_by_what_it_is_is_a_place():
    from assistant.understand.wanted import FACILITY

    text = "pilots at Valmora Harbour, the Port of Brellin and Ostmark Land Border Crossing; officers of Puerto Kessel"
    found = [m.group(0) for m in FACILITY.finditer(text)]
    assert found == ["Valmora Harbour", "Port of Brellin", "Ostmark Land Border Crossing", "Puerto Kessel"]


def test_numbered_lists_and_table_rows_count_their_nouns() -> None:
    from assistant.understand.question import counts

    listed = "Zembla received help and the following legal texts have been written: (1) a draft law, (2) a decree."
    assert counts(listed, {"text"}) and not counts(listed, {"decree"})
    row = "Number of Reports *2 1,530 1,468 1,244 Cases Coordinated *4 884 780 915"
    assert counts(row, {"cas"}) and counts(row, {"report"}) and not counts(row, {"incident"})


def test_people_counted_by_taking_part_are_counted_as_participants() -> None:
    from assistant.answer.scoring import counted_nouns
    from assistant.understand.question import profile

    assert "participant" in counted_nouns(profile("How many youth leaders took part in the Zembla course?"))
    assert "participant" not in counted_nouns(profile("How many countries took part in the Zembla course?"))
    assert "participant" not in counted_nouns(profile("How many youth leaders were trained in Zembla?"))


def test_a_spanish_page_names_countries_an_english_question_uses() -> None:
    from assistant.answer.evidence import unsaid_names
    from assistant.understand.question import profile
    from vectorstore.lexical import LexicalIndex

    q = profile("When did Spain's national security council approve the report?")
    lexical = LexicalIndex([["consejo"]])
    assert unsaid_names(q, "El Consejo de Seguridad Nacional de España aprobó el informe.", lexical) == []
    assert unsaid_names(q, "El Consejo de Seguridad Nacional aprobó el informe.", lexical) == ["spain"]


def test_sizes_roles_and_acts_say_what_kind_of_answer_is_wanted() -> None:
    # made-up questions: a size, a role holder, a doer named by a verb of oversight
    assert answer_type("how big was the fine the court ordered?") == "count"
    assert answer_type("what is the maximum penalty for a late report?") == "count"
    assert answer_type("which Ruritanian minister opened the forum?") == "person"
    assert answer_type("who oversaw the tabletop drill?") == "agent"
    assert answer_type("who came up with the coastal radar scheme?") == "agent"


def test_a_part_of_a_whole_is_what_follows_the_verb() -> None:
    from assistant.understand.question import subset_asked

    assert subset_asked("how many of the 30 trainees were from Valmora?") == ("valmora",)
    assert subset_asked("How many of the cases have been closed so far?") == ("clos",)  # not "so far"
    assert subset_asked("how many cases were closed?") == ()


def test_a_figure_joined_to_its_noun_counts_it() -> None:
    from assistant.understand.question import counts

    assert counts("over a three-year period the ports will be assessed", {"year"})
    assert counts("a 5-day course for analysts", {"day"})


def test_irregular_forms_say_their_lemma() -> None:
    from assistant.answer.scoring import said_tokens
    from vectorstore.lexical import tokenize

    assert set(tokenize("oversee")) <= said_tokens("The drill was overseen by the coast guard.")
    assert set(tokenize("hold")) <= said_tokens("The talks were held in Valmora.")


def test_a_two_year_span_and_parts_of_a_year() -> None:
    from assistant.understand.question import year_span
    from assistant.understand.serials import serials

    assert year_span("2029", "Valmora FIU 2029-30: reports received?") == {"2029", "2030"}
    assert year_span("2029", "between 2029 and 2031") == {"2029"}
    assert serials("how many floods are expected in the second half of the year?") == {}
    assert serials("who chaired the fifth plenary?") == {"fifth": "5"}


def test_how_often_and_acronyms_of_lower_case_phrases() -> None:
    from assistant.understand.question import counted_noun, counts, subset_asked

    assert counted_noun("how many times did the governors declare an emergency?") == ()
    assert counts("Over 900 suspicious activity reports reached the unit", {"sar"})
    assert counts("with 310 of those requests refused", {"request"})
    assert subset_asked("of the 40 detainees, how many were minors?") == ("minor",)
    assert subset_asked("how many of them were loaded?", nouns=True) == ()


def test_a_share_tagged_as_money_is_no_amount() -> None:
    from assistant.understand.wanted import new_spans

    assert new_spans("money", [("MONEY", "nine per cent")], frozenset()) == []
    assert new_spans("money", [("MONEY", "$4 million")], frozenset()) == [("MONEY", "$4 million")]


def test_the_framing_of_a_request_is_not_what_it_asks_for() -> None:
    from assistant.understand.question import asked_nouns, counted_modifiers

    assert asked_nouns("quick figures for a memo: VPS arrests in 2029 vs Zembla's arrests in 2030") == ("arrest",)
    assert counted_modifiers("how many ransomware incidents did the CERT handle?") == ("ransomwar",)
    assert counted_modifiers("how many countries and organisations attended?") == ()
    # a gerund before the counted noun says which of them are counted
    assert counted_modifiers("How many phishing incidents did the CERT handle in 2030?") == ("phish",)
    assert counted_modifiers("How many officers receiving training were there?") == ()


def test_numbered_lines_after_an_introduction_are_a_list() -> None:
    text = "The unit runs three services, which include:\n\n  1. Blocking forged mail.\n  2. Scanning websites.\n"
    units = split_chunk(text, 0, 0)
    assert [u.is_item for u in units] == [False, True, True]
    assert len({u.list_id for u in units}) == 1
    # a numbered heading after prose is no list item
    assert not split_chunk("Some prose here.\n1. Introduction\n", 0, 0)[1].is_item


def test_a_follow_up_asking_how_many_were_of_a_kind() -> None:
    from assistant.understand.question import counts, subset_asked

    assert subset_asked("and how many were minors?") == ("minor",)
    assert counts("Of the 40 detainees, 6 were minors.", {"minor"})


def test_dates_with_ordinal_days_and_places_named_as_owners() -> None:
    from assistant.understand.wanted import DAY, new_spans

    assert DAY.search("the first meeting was held on March 3rd.")
    assert new_spans("place", [("GPE", "Valmora")], frozenset(), "Valmora's police chief warned of a rise") == []
    assert new_spans("place", [("GPE", "Valmora")], frozenset(), "he spoke at a lunch in Valmora") == [
        ("GPE", "Valmora")
    ]


def test_demonyms_name_their_countries_and_only_them():
    from assistant.understand.countries import names_a_country, names_country, same_country

    assert same_country("polish", "poland") and same_country("spain", "spanish")
    assert same_country("swiss", "switzerland") and same_country("dutch", "netherlands")
    assert same_country("american", "united states") and not same_country("polish", "policy")
    assert not same_country("english", "england") and not same_country("turkish", "turkmenistan")
    assert names_country("polish") and names_country("us") and names_country("uruguay")
    assert not names_country("customs") and not names_country("publish")
    assert names_a_country("Officers from Paraguay attended.") and names_a_country("Delegados de España.")
    assert not names_a_country("The National Amnesty Office collected 1,240 firearms.")


def test_years_said_by_reference_and_clipped_years():
    from assistant.answer.relative import relative_years
    from assistant.understand.serials import clipped_year

    assert relative_years("The department detected 544 drug cases last year.", 2010) == {"2009"}
    assert relative_years("The theme for this year's Day is partnerships.", 2022) == {"2022"}
    # the sentence's own year is the one counted from, not the page's
    assert relative_years("Kidnappings rose in 2014 compared to the year before.", 2016) == {"2013"}
    assert relative_years("The department detected 544 drug cases.", 2010) == set()
    assert relative_years("Cases fell last year.", None) == set()
    assert clipped_year("FY21", "21", {"2021", "36"}) and clipped_year("MP14", "14", {"2014"})
    assert not clipped_year("FY21", "21", {"2020"}) and not clipped_year("COP214", "214", {"2214"})
    assert not clipped_year("21st", "21", {"2021"})  # the 21st session is no year
    assert relative_years("The 2020 plan, adopted last year, is in force.", 2022) == {"2021"}
    assert relative_years("Reports rose over the past year.", 2022) == set()


def test_an_english_question_carries_the_spanish_words_for_its_own():
    from assistant.understand.bridge import BUNDLED_GLOSSARY, load_glossary, spanish_forms

    glossary = load_glossary([BUNDLED_GLOSSARY])
    forms = spanish_forms("Who signed the decree that extended the customs programme?", glossary).split()
    assert "decreto" in forms and "aduana" in forms
    # only forms the index knows, when it is given
    assert spanish_forms("the decree on customs", glossary, {"decreto"}) == "decreto"
    assert spanish_forms("who signed it?", glossary, {"decreto"}) == ""


def test_plural_places_time_periods_and_values_ask_for_their_kinds():
    assert answer_type("which places did the network try to send small arms to?") == "place"
    assert answer_type("What time period do the Q2 2030 numbers cover?") == "date"
    assert answer_type("What was the value of the coast guard's seizures in 2030?") == "money"


def test_a_figure_the_question_states_is_not_the_count_it_asks_for():
    from assistant.understand.question import counts

    q = profile("how many of the 36 first responders at the course in Doha in 2017 were from Qatar?")
    assert q.given == frozenset({"36"})  # the year is not a stated figure
    whole = "The training was attended by 36 First Responders from ten States Parties."
    assert not counts(whole, {"responder"}, q.given)
    assert counts("Of them, 4 first responders came from Qatar.", {"responder"}, q.given)
    assert profile("How many suspicious transaction reports were filed in 2019?").given == frozenset()
    assert profile("how many of the 1,200 delegates voted?").given == frozenset({"1200"})


def test_a_measure_is_not_a_counted_noun_and_a_value_is_money():
    from assistant.understand.wanted import MONEY

    weight = profile("total weight of drugs the agency seized in 2022?")
    assert weight.expects == "count" and weight.counted == ()
    assert profile("What was the total value in euros of the reports filed in 2021?").expects == "money"
    assert not MONEY.search("the authority screened 66.3 million passengers")
    assert MONEY.search("it collected 9.8 million in fines") and MONEY.search("a budget of 2 million.")


def test_a_quarter_is_said_by_its_months_and_work_under_way_looks_ahead():
    from assistant.answer.evidence import looks_ahead, quarter_said
    from assistant.understand.question import word_set

    assert quarter_said("q3", word_set("Between 1 July and 30 September a total of 3,824 licences were issued"))
    assert quarter_said("q1", word_set("Jan-Mar 2022 seizures")) and quarter_said("q4", word_set("the fourth quarter"))
    assert not quarter_said("q1", word_set("Between 1 July and 30 September")) and not quarter_said("qa", set())
    assert looks_ahead("For the third quarter, a new expert mission is being coordinated to the borders.")
    # halves too: "H1" is said by "the first half" or by its months
    assert quarter_said("h1", word_set("in the first half of 2022")) and quarter_said("h2", word_set("July to Dec"))
    assert not quarter_said("h1", word_set("in the second half of 2022"))


def test_what_weight_of_a_thing_measures_it():
    q = profile("What weight of heroin did the force seize in 2016?")
    assert q.expects == "count" and q.measured == ("heroin",)
    assert profile("what quantity of cocaine was seized?").measured == ("cocain",)


def test_a_counted_noun_may_be_a_word_that_elsewhere_only_asks():
    from assistant.understand.question import counts

    assert profile("how many suspicious matter reports did the unit receive in 2021?").counted == ("report",)
    assert profile("How many names are on the list?").counted == ("nam",)
    # "two types of products: Intelligence Reports and ... Reports" counts types, not reports
    sent = "The unit sent two primary types of products: Intelligence Reports and Matter Reports."
    assert not counts(sent, {"report"})
    # the noun, its acronym in brackets, then the figure in brackets
    assert counts("a record number of Suspicious Activity Reports (SARs)\n\n(463,938)", {"report"})
    assert profile("Of the 13,040 reports, how many came from private citizens?").subset == ("privat", "citizen")


def test_a_count_is_read_through_quotes_and_a_number_that_rose():
    from assistant.understand.question import counts

    assert counts("the unit received a total of 1,468 “suspicious transaction reports” (STRs) in June", {"str"})
    assert counts("the number of damage reports rose from 21 in 2020 to 85 in 2021.", {"report"})
    assert counts("There were 7 004 murders, an increase of 841 (13.6%).", {"murder"})


def test_a_coined_term_in_quotes_has_initials_small_words_and_all():
    from assistant.answer.evidence import initialisms

    assert "ctf" in initialisms("45 teams took part in a “capture the flag” exercise.")


def test_a_stated_list_size_after_which_were_and_a_bracket_lists_nothing():
    from assistant.answer.decline import list_parts
    from assistant.understand.question import stated_count

    assert stated_count("Which were the nine facilities declared in 2022?") == 9
    assert list_parts("Activities at nine facilities for 2022 (declared in September and October 2021)") == 1


def test_a_measured_thing_is_said_near_its_figure():
    from assistant.understand.question import measures

    assert measures("In addition, 61,781 Kg Hashish, 9,316.695 Kg Heroin and 11 Kg Cocaine.", {"heroin"})
    assert measures("officers seized 650 kg of heroin", {"heroin"}) and measures("heroin: 650 kg", {"heroin"})
    assert not measures("The total weight of cocaine seized was 650 kilograms", {"heroin"})


def test_a_hyphenated_word_of_a_name_gives_an_initial_for_each_part():
    from assistant.answer.evidence import abbreviated
    from assistant.understand.question import word_set

    q = profile("How much heroin did Pakistan's Anti-Narcotics Force seize in 2023?")
    text = "ANF registered 1678 cases in 2023."
    assert abbreviated("anti-narcotics", q, word_set(text), text)


def test_quarters_asked_are_months_and_periods_within_a_year_are_told_apart():
    from assistant.answer.evidence import within_year

    assert profile("How many incidents were handled in the third quarter of 2011?").asked_months == (7, 8, 9)
    assert profile("How did decisions in Q1 2015 compare?").asked_months == (1, 2, 3)
    # a financial year's quarter names no calendar months: the year may start in any month
    assert profile("police murder figure for Q2 of 2022/23?").asked_months == ()
    assert within_year("Between 15 October and 24 November 2020 officers intercepted 422 articles")
    assert within_year("From April to June 2011 the team handled 3,841 incidents")
    assert not within_year("From January to December 2020 the team handled 9,000 incidents")
    assert not within_year("In 2020 officers intercepted 5,000 articles")
    assert profile("How many of the 2019 reports ended up being forwarded to the police?").subset == (
        "forward",
        "polic",
    )


def test_a_day_and_an_abbreviated_month_with_a_year_is_a_date():
    from assistant.understand.wanted import DAY

    assert DAY.search("06. FEB 2019 Annual assessment") and DAY.search("in Sept 2020")
    assert not DAY.search("date 2023-03-29")  # a page's own stamp is no date of what it reports


def test_letters_no_accent_stripping_decomposes_are_folded_too():
    from vectorstore.lexical import fold, words

    assert fold("Elazığ") == "elazig" and fold("Łódź") == "lodz" and fold("Tromsø") == "tromso"
    assert "elazig" in words("The Elazığ earthquake of 24 January 2020")


def test_how_many_related_to_something_asks_a_part():
    assert profile("How many SARs did the office receive in 2024 related to suspected terrorist financing?").subset == (
        "suspect",
        "terrorist",
        "financ",
    )
    assert profile("How many SARs did the office receive in 2024?").subset == ()


def test_how_many_of_a_possessors_things_asks_a_part():
    assert profile("How many of Kenya's 2019 cyber threat events were malware?").subset == ("malwar",)


def test_last_year_compared_with_a_named_year_is_the_year_after_it():
    from assistant.answer.relative import relative_years

    assert "2022" in relative_years("Arrests last year came to 310, up 12% compared to 2021 (277).", None)
    assert relative_years("Arrests came to 310, up 12% compared to 2021.", None) == set()


def test_what_a_counted_event_was_in_is_read_after_its_verb():
    from assistant.understand.question import circumstances

    assert circumstances("How many people died in floods in Ruritania in 2021?") == (("flood",),)
    assert circumstances("How many SARs did the unit pass on to the prosecutors in 2019?") == (("prosecutor",),)
    # names, years, times and the source asked about are not what the event was
    assert circumstances("How many deaths has Zembla had, per the ministry update?") == ()
    assert circumstances("How many arrests were made in the first quarter of 2020?") == ()


def test_an_acronym_may_leave_out_a_word_of_its_phrase_and_a_country_is_no_counted_noun():
    from assistant.understand.question import counted_noun, counts
    from vectorstore.lexical import tokenize

    text = "The number of suspicious monetary transaction reports in 2022 reached 4,210 reports."
    assert counts(text, {"str"}) and counts("The number of cases opened was only 45.", set(tokenize("cases")))
    assert counted_noun("no. of STRs zambia FIU got in 2020?") == ("str",)


def test_a_breakdown_asks_for_the_figures_of_its_parts():
    from assistant.understand.wanted import answer_kind, holds_new

    assert answer_kind("breakdown of the 2020 arrests by offence?") == "breakdown"
    parts = "The arrests comprised 120 for fraud, 45 for smuggling and 12 for assault."
    assert holds_new("breakdown", parts, [], frozenset())
    assert not holds_new("breakdown", "Police made 177 arrests in 2020, 4.2% fewer than before.", [], frozenset())


def test_an_abbreviated_month_before_its_day_is_a_date() -> None:
    from assistant.understand.wanted import DAY

    assert DAY.findall("the outbreak, which was declared on Sep. 27.") == ["Sep. 27"]
    assert DAY.findall("Oct 20, 2019") == ["Oct 20"]
    assert DAY.findall("Dec 1,000 people") == []
