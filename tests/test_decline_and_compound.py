"""The decline decision, compound questions and answer-kind novelty, without models."""

from __future__ import annotations

from dataclasses import replace


from assistant.answer.compose import join_answers
from assistant.answer.decline import DECLINE_MODEL, FEATURES, Evidence
from assistant.answer.scoring import Scored
from assistant.answer.units import Unit, split_chunk
from assistant.types import Answer, Chunk, Citation, Hit
from assistant.understand.compound import compound_parts
from assistant.understand.question import profile, wants_parties
from assistant.understand.wanted import answer_kind, holds_new
from vectorstore.lexical import tokenize


def _scored(text: str, start: int = 0, line: int = 0, score: float = 1.0) -> Scored:
    """A unit of one chunk, scored: `line` is its paragraph, `start` its offset."""
    return Scored(Unit(0, start, start + len(text), text, False, None, line), score, 1.0, 0.5)


def test_a_message_asking_two_things_is_split_and_one_thing_is_not() -> None:
    assert compound_parts("How many programmes are there, and when did Ruritania's start?") == [
        "How many programmes are there",
        "and when did Ruritania's start?",
    ]
    assert compound_parts("did they set up a network? when did it go live?") == [
        "did they set up a network?",
        "when did it go live?",
    ]
    assert len(compound_parts("¿Cuántas personas murieron y cuántas resultaron heridas en 2017?")) == 2
    for one in ("Which countries and agencies took part?", "who funded and who hosted it", "Where was it held?"):
        assert compound_parts(one) == [one]
    # a bare wh-word as its own sentence asks that of the question before it
    assert compound_parts("is Zembla building a new port? when?") == [
        "is Zembla building a new port?",
        "when is Zembla building a new port?",
    ]
    assert compound_parts("which drills did Zembla run? where?")[1] == "which drills did Zembla run, and where?"
    assert compound_parts("which drills were held, and when?") == ["which drills were held, and when?"]


def test_the_counted_noun_after_total_or_a_number_sign() -> None:
    from assistant.understand.question import counted_noun

    assert counted_noun("drill 6 total arrests?") == ("arrest",)
    assert counted_noun("# of seizures in Zembla?") == ("seizur",)
    assert counted_noun("no. of participants at the plenary?") == ("participant",)


def test_an_entity_the_question_names_is_not_its_answer() -> None:
    asked = frozenset(tokenize("when did the Ruritania programme start, after the 2016 visits?"))
    assert not holds_new("date", "In 2016, four visits were made.", [("DATE", "2016")], asked)
    assert holds_new("date", "It started on 1 December 2018.", [("DATE", "1 December 2018")], asked)
    who = frozenset(tokenize("who chaired the Plenary Committee?"))
    assert not holds_new("who", "The Plenary Committee met.", [("ORG", "the Plenary Committee")], who)
    assert holds_new("who", "Ms Varga chaired it.", [("PERSON", "Varga")], who)


def test_plural_countries_ask_for_every_government() -> None:
    assert answer_kind("which countries took part in the workshop?") == "government"
    assert answer_kind("List the working group member countries.") == "government"
    assert answer_kind("which country hosted it?") == "country"
    assert wants_parties("tell me which countries benefit from the project")
    assert profile("which states got legislative help?").wants_list


def _evidence(**features: float) -> Evidence:
    base = {name: 0.0 for name in FEATURES} | {"context_coverage": 1.0, "meaning": 0.8}
    return Evidence(base | features, {"names_missing": "the indexed reports do not mention zorbia"})


def test_the_decline_is_one_decision_and_its_strongest_feature_names_the_reason() -> None:
    assert _evidence().answers()
    unknown = _evidence(names_missing=1.0)
    assert not unknown.answers() and unknown.reason() == "the indexed reports do not mention zorbia"
    off_topic = _evidence(context_coverage=0.1, meaning=0.1)
    assert not off_topic.answers()
    assert off_topic.reason() == "no passage of the indexed reports addresses this question"
    assert 0.0 < DECLINE_MODEL.threshold < 1.0
    no_person = _evidence(answer_kind_missing=1.0, kind_missing=0.5)
    assert not no_person.answers()


def _cite(n: int, quote: str) -> Citation:
    return Citation(n, "d1", "r.pdf", "Report", 1, None, quote, 0.5)


def test_joined_answers_number_a_shared_passage_once_and_say_what_is_not_answered() -> None:
    a = Answer("q1", "There are 17 programmes. [1]", False, (_cite(1, "There are 17 programmes."),))
    b = Answer(
        "q2",
        "There are 17 programmes. [1] It began in 2018. [2]",
        False,
        (_cite(1, "There are 17 programmes."), _cite(2, "It began in 2018.")),
    )
    c = Answer("q3", "The indexed reports do not say this.", True, ())
    joined = join_answers("all", ["q1", "q2", "q3"], [a, b, c])
    assert joined.answer == "There are 17 programmes. [1] It began in 2018. [2] The indexed reports do not answer “q3”."
    assert [c.n for c in joined.citations] == [1, 2] and not joined.abstained
    assert join_answers("all", ["q3", "q3"], [c, c]).abstained
    # a later part quoting a clause of a passage an earlier part quoted whole does not repeat it
    whole = "There are 17 programmes, run from Valmora since 2018."
    d = Answer("q1", f"{whole} [1]", False, (_cite(1, whole),))
    e = Answer("q2", "… run from Valmora since 2018. [1]", False, (_cite(1, "… run from Valmora since 2018."),))
    assert join_answers("both", ["q1", "q2"], [d, e]).answer == f"{whole} [1]"


def test_list_items_are_shown_as_a_list_one_citation_each() -> None:
    from assistant.answer.compose import compose
    from assistant.answer.engine import Draft
    from assistant.answer.units import split_chunk
    from assistant.types import Chunk, Hit

    text = "The workshop covered:\n• border controls;\n• port security;\n• cargo screening."
    chunk = Chunk("c1", "d1", "r.txt", "Report", text, "Training", 0, len(text))
    units = split_chunk(text, 0, 0)
    draft = Draft(tuple(Scored(u, 1.0, 1.0, 0.5) for u in units), False)
    answer, citations, _ = compose(draft, [Hit(chunk, 1.0)], "what did it cover?")
    assert answer.splitlines() == [
        "The workshop covered: [1]",
        "- border controls [2]",
        "- port security [3]",
        "- cargo screening. [4]",
    ]
    assert [c.quote for c in citations][1:] == ["border controls;", "port security;", "cargo screening."]


def test_an_asked_for_thing_the_passage_never_says_weighs_towards_declining() -> None:
    plain = _evidence(context_coverage=0.7, meaning=0.5)
    assert plain.answers()
    unsaid = Evidence(
        plain.features | {"asked_missing": 1.0}, {"asked_missing": "the passages say nothing of its penalti…"}
    )
    assert not unsaid.answers() and "penalti" in unsaid.reason()


def test_a_light_head_noun_leaves_its_modifier_asked_and_a_blank_field_says_nothing() -> None:
    from assistant.answer.decline import blank
    from assistant.understand.question import asked_nouns

    assert asked_nouns("fax number for the port officer") == ("fax",)
    assert asked_nouns("name of the officer who went") == ("officer",)

    assert blank(_scored("Fax Number:")) and blank(_scored("Fax Number: ___________"))
    assert not blank(_scored("Telephone Number: (56) 224393014"))


def test_question_forms_in_more_phrasings() -> None:
    assert answer_kind("do diplomats get their own lane when they land in Ruritania?") == "thing"
    assert answer_kind("dates of the Octopus Conference 2023?") == "day"
    assert answer_kind("Who was the college Director at the graduation?") == "person"
    assert answer_kind("which partner did the secretariat co-publish the report with?") == "agent"
    assert answer_kind("when did they land?") == "date"
    # "what year" wants a year: "from 14 to 16 May" does not answer it, "in 2018" does
    assert answer_kind("what year was Zembla's first general assembly?") == "year"
    assert answer_kind("¿en qué año se creó la red?") == "year"
    assert answer_kind("what years does the plan cover?") == "date"
    # "which country hosted ...": a country, not a region; "which country did X help" is a party
    assert answer_kind("which country hosted the coordination centre?") == "country"
    assert answer_kind("which country did CICTE help with its strategy?") == "government"
    centre = "The centre was hosted by Montenegro, mainly for the Balkans."
    assert holds_new("country", centre, (("GPE", "Montenegro"), ("LOC", "Balkans")), frozenset())
    assert not holds_new("country", "It took place mainly in the Balkans.", (("LOC", "Balkans"),), frozenset())
    # "where+when", "who/when": two kinds asked
    from assistant.understand.wanted import other_kinds

    assert other_kinds("ok and where+when are the next meetings") == ("place",)
    q = profile("what year was Zembla's first general assembly?")
    may = (("DATE", "14 to 16 May"),)
    assert not holds_new("year", "Its first general assembly is held from 14 to 16 May.", may, q.asked)
    assert holds_new("year", "Its first general assembly was held in May 2018.", (("DATE", "May 2018"),), q.asked)


def _one_report(chunks: int = 1) -> list[Hit]:
    """Retrieved chunks of one report, for units built by hand (their hit indexes)."""
    return [Hit(Chunk(f"c{i}", "d", "d.txt", "D", "x", "", 0, 1), 1.0) for i in range(chunks)]


def test_a_list_answer_names_several_members_not_one() -> None:
    from assistant.answer.engine import AnswerEngine

    def scored(text: str, score: float, named: tuple[tuple[str, str], ...], line: int) -> Scored:
        u = Unit(0, 0, len(text), text, False, None, line, labels=frozenset(label for label, _ in named), named=named)
        return Scored(u, score, 1.0, 0.5)

    q = profile("list the participating countries in the botnet operation")
    one = scored("The operation was coordinated from Singapore.", 1.0, (("GPE", "Singapore"),), 1)
    several = scored(
        "Participating countries: Ruritania, Zembla, Freedonia",
        0.78,
        tuple(("GPE", c) for c in ("Ruritania", "Zembla", "Freedonia")),
        3,
    )
    hits = _one_report()
    assert AnswerEngine._richest(q, one, [one, several], hits) is several
    weak = Scored(several.unit, 0.5, 1.0, 0.5)
    assert AnswerEngine._richest(q, one, [one, weak], hits) is one  # far less relevant: not the answer
    assert AnswerEngine._richest(q, several, [several, one], hits) is several


def test_a_neighbour_sentence_answers_only_while_it_speaks_of_the_question() -> None:
    from assistant.answer.evidence import continues

    def at(text: str, start: int) -> Scored:
        return _scored(text, start, line=2)

    q = profile("when exactly was the Ruritania drill held?")
    best = at("Zembla helped organise the Ruritania drill for response teams.", 0)
    other = at("The regional network of teams was launched in October 2016.", 70)
    same = at("The drill was held on 3 May.", 70)
    back = at("It took place on 3 May.", 70)
    assert not continues(other, best, q)  # another subject: its date is not the drill's
    assert continues(same, best, q) and continues(back, best, q)
    # the best sentence refers back to the one before it: that one is its subject
    held = at("A course on forged papers was held in Lima.", 0)
    its = at("Its aim was to train border staff.", 45)
    assert continues(held, its, profile("in which city did they train border staff?"))
    # the members a list question asks for may follow in a sentence of their own
    members = at("Officers from Zembla, Freedonia and Ruritania compared their systems.", 70)
    assert continues(members, best, profile("which states took part in the Ruritania drill?"))


def test_a_place_or_date_inside_a_quoted_title_is_a_word_of_the_title() -> None:
    from assistant.answer.units import Unit, with_labels

    text = "A workshop was held under the “Islands at Risk: Zembla and Freedonia cooperation” project in Lima."
    spans = [(text.index(w), text.index(w) + len(w), "GPE") for w in ("Zembla", "Lima")]
    named = dict((t, label) for label, t in with_labels(Unit(0, 0, len(text), text, False, None, 0), spans).named)
    assert named == {"Zembla": "WORK_OF_ART", "Lima": "GPE"}
    said = "“We met in Lima,” the chair said."
    quoted = [(said.index("Lima"), said.index("Lima") + 4, "GPE")]
    assert with_labels(Unit(0, 0, len(said), said, False, None, 0), quoted).named == (("GPE", "Lima"),)


def test_a_person_in_lower_case_is_a_misreading() -> None:
    """The small recogniser reads "marijuana hidden" as a PERSON: no "who" question is answered by it."""
    from assistant.answer.units import Unit, with_labels

    text = "Officers found 42kg of marijuana hidden in peppers, said Ahmed Musabih."
    spans = [(text.index(w), text.index(w) + len(w), "PERSON") for w in ("marijuana hidden", "Ahmed Musabih")]
    assert with_labels(Unit(0, 0, len(text), text, False, None, 0), spans).named == (("PERSON", "Ahmed Musabih"),)


def test_the_opening_wh_word_decides_and_leading_verbs_ask_for_an_agent() -> None:
    assert answer_kind("Who was Zembla's executive secretary when the plan was presented?") == "person"
    assert answer_kind("what happened when the storm hit the port?") == "thing"
    assert answer_kind("which workshops were held, and when?") == "date"  # a second question
    assert answer_kind("who chairs the interministerial committee?") == "agent"
    assert answer_kind("who heads the secretariat?") == "agent"
    assert answer_kind("# of arrests in Zembla under the operation?") == "count"
    assert answer_kind("no. of participants at the plenary?") == "count"
    # a short topic first: the question is what follows it
    assert answer_kind("in short, what was the forum meant to do when it was set up?") == "thing"
    assert answer_kind("When the plan was adopted, who chaired?") == "agent"
    # a long opening clause of circumstance: its comma ends it, the question follows
    assert (
        answer_kind(
            "When the Zembla watchdog flagged extremist posts to the platforms in its second year, how much came down?"
        )
        == "count"
    )
    # opening a meeting, speaking, being quoted: a person's acts
    assert answer_kind("who officially opened the plenary in Zembla?") == "person"
    assert answer_kind("who spoke at the opening session?") == "person"
    assert answer_kind("who funded the opening session?") == "agent"


def test_a_name_spelled_out_for_the_acronym_the_question_uses_is_not_new() -> None:
    asked = frozenset(tokenize("who chaired the ZU PSC summit on piracy?"))
    council = [("ORG", "the Peace and Security Council of the Zembla Union")]
    assert not holds_new("agent", "", council, asked)
    assert holds_new("agent", "", council, frozenset(tokenize("who chaired the ZU summit?")))


def test_the_unit_saying_the_asked_for_thing_answers() -> None:
    from dataclasses import replace

    from assistant.answer.engine import AnswerEngine
    from assistant.types import Chunk, Hit
    from assistant.understand.question import asked_nouns

    def scored(text: str, score: float, line: int) -> Scored:
        return _scored(text, line=line, score=score)

    question = "Which IT system did the heads approve during the Zembla plenary?"
    q = replace(profile(question), asked_nouns=asked_nouns(question))
    hits = [Hit(Chunk("c", "d", "d.txt", "D", "x", "", 0, 1), 1.0)]
    visit = scored("On 3 June the heads ended the Zembla plenary.", 1.0, 1)
    airport = scored("During the plenary, the heads approved the new Secure Web system.", 0.8, 2)
    assert AnswerEngine._saying(q, visit, [visit, airport], hits) is airport
    far = Scored(airport.unit, 0.5, 1.0, 0.5)
    assert AnswerEngine._saying(q, visit, [visit, far], hits) is visit  # far less relevant: kept
    off = Scored(airport.unit, 0.8, 0.5, 0.5)
    assert AnswerEngine._saying(q, visit, [visit, off], hits) is visit  # about less of the question


def test_organisation_nouns_ask_for_an_organisation() -> None:
    assert answer_kind("What EU agencies took part in the action days?") == "organisation"
    assert not holds_new("organisation", "Officers from Zembla attended.", (("GPE", "Zembla"),), frozenset())
    assert holds_new("organisation", "Zembapol attended.", (("ORG", "Zembapol"),), frozenset())


def test_a_serial_number_names_one_edition_and_a_count_or_adverb_does_not() -> None:
    from assistant.understand.serials import serials, serials_said

    assert serials("Where was the 5th EPWG meeting held?") == {"5th": "5"}
    assert serials("What did CICAD 57 approve in 2016?") == {"57": "57"}  # a year is no serial
    assert serials("when was the fifth plenary?") == {"fifth": "5"}
    assert serials("which came first, Barbados or Dominica?") == {}  # "first": earliest, not an edition
    assert serials("List 3 projects of the plan") == {}  # a count asked for
    assert serials("what happened on May 5?") == {}  # a day
    assert {"4", "5", "57"} <= serials_said("The fifth session followed the 4th; CICAD 57 met on 8 to 10 May")
    assert "10" not in serials_said("The 9th meeting ran from 8 to 10 November")  # a date is no edition


def test_a_number_of_kinds_of_a_thing_is_no_number_of_the_thing() -> None:
    from assistant.understand.question import counts

    assert counts("it has certified 40 operators so far", set(tokenize("operators")))
    assert not counts("the standard adds two new types of operators", set(tokenize("operators")))
    assert counts("the standard adds two new types of operators", set(tokenize("types")))


def test_a_country_named_as_its_government_is_no_place_and_a_month_range_no_name() -> None:
    from assistant.understand.names import entities

    text = "The Government of Zembla helped organise the drill for response teams."
    assert not holds_new("place", text, [("GPE", "Zembla")], frozenset())
    assert holds_new("agent", text, [("GPE", "Zembla")], frozenset())  # who helped: Zembla did
    assert holds_new("place", "The drill was held in Zembla.", [("GPE", "Zembla")], frozenset())
    assert entities("caseload of Eurojust Apr-Jun 2020: how many cases?") == ("eurojust",)


def test_a_number_counts_the_noun_phrase_right_after_it() -> None:
    from assistant.understand.question import counted_noun, counts

    nouns = set(tokenize("firms"))
    assert not counts("The unit made four site visits for the firms of Zembla.", nouns)  # visits, not firms
    assert counts("Zembla certified twelve new firms in 2019.", nouns)
    assert counts("The chiefs have held three (03) meetings so far.", set(tokenize("meetings")))
    # the counted noun is the head of the phrase; each alternative after a slash counts too
    assert counted_noun("how many harbour security chiefs meetings were held?") == ("meeting",)
    assert counted_noun("how many judges/prosecutors attended the course?") == ("judg", "prosecutor")
    assert counts("It trained 26 judges and prosecutors.", {"judg", "prosecutor"})


def test_a_percent_sign_asks_for_a_percentage_and_a_verb_is_no_plural() -> None:
    from assistant.understand.question import wants_list

    assert answer_kind("what compliance % did Zembla reach in the audit?") == "percent"
    assert answer_kind("list the regional orgs at the Zembla summit") == "organisation"
    assert not wants_list("Who chairs the Zembla border committee?")  # "chairs" is a verb here
    assert wants_list("which states chair the Zembla border committees?")
    assert not wants_list("who's the Risk Analysis Unit contact in Zembla?")  # a singular noun in -s
    assert wants_list("who's the Risk Analysis Unit contact for the Zembla ports?")


def test_a_list_member_is_something_the_question_does_not_name() -> None:
    from assistant.answer.engine import AnswerEngine

    def scored(text: str, score: float, named: tuple[tuple[str, str], ...], hit: int) -> Scored:
        labels = frozenset(label for label, _ in named)
        return Scored(Unit(hit, 0, len(text), text, False, None, 1, labels=labels, named=named), score, 1.0, 0.5)

    q = profile("which countries joined at the Lima plenary?")
    venue = scored("Delegates met in Lima, Peru, for the plenary.", 1.0, (("GPE", "Lima"), ("GPE", "Peru")), 0)
    joined = scored(
        "The plenary welcomed Zembla, Freedonia and Ruritania as members.",
        0.8,
        tuple(("GPE", c) for c in ("Zembla", "Freedonia", "Ruritania")),
        1,
    )
    assert AnswerEngine._richest(q, venue, [venue, joined], _one_report(2)) is joined  # Lima is where, not who


def test_fax_numbers_agencies_and_abbreviated_governments_are_kinds_of_their_own() -> None:
    from assistant.understand.wanted import has_kind

    assert answer_kind("what's the fax number for Capt. Ruiz?") == "fax"
    assert has_kind("fax", "Fax Number: (56) 2 2345 6789")
    assert not has_kind("fax", "Fax Number: ____") and not has_kind("fax", "Telephone Number: (56) 32 2134630")
    # a focal point is usually a person, but "which agency" asks for an organisation
    assert answer_kind("which Zemblan agency co-organised the drug focal point meeting?") == "organisation"
    assert answer_kind("which govts funded the Zembla programme?") == "government"


def test_a_title_before_a_name_does_not_end_the_question_sentence() -> None:
    from assistant.understand.question import split_premise

    assert split_premise("When did Amb. Varga open the 9th session?") == (
        "",
        "When did Amb. Varga open the 9th session?",
    )
    assert split_premise("Zembla hosted two meetings. Which came first?") == (
        "Zembla hosted two meetings.",
        "Which came first?",
    )


def test_spelled_ordinals_up_to_ninety_nine_name_an_edition() -> None:
    from assistant.understand.serials import serials, serials_said

    assert "52" in serials_said("The Chair opened its Fifty-Second Session on 4 March 2008.")
    assert serials("when did the fifty-second session open?") == {"fifty-second": "52"}
    assert "30" in serials_said("the thirtieth meeting of the Zembla council")


def test_a_persons_role_is_what_a_who_was_the_question_asks_for() -> None:
    from assistant.understand.question import asked_nouns

    assert asked_nouns("Who was the Zembla Director-General during the 9th session?") == ("zembla", "director", "gener")
    assert asked_nouns("who was the chair of the meeting") == ("chair",)
    assert asked_nouns("who opened the meeting") == ()


def test_clipped_names_two_word_initials_titles_and_spelled_dates_are_recognised() -> None:
    from assistant.answer.evidence import clipped, initialisms
    from assistant.understand.question import asked_nouns
    from assistant.understand.wanted import has_kind

    text = "The Zembla Executive Committee met; the 15th Governing Council Meeting followed."
    assert clipped("exco", text) and not clipped("secgen", text)
    assert "gc" in initialisms(text)
    assert has_kind("person", "It was opened by H.E. Police Lt. General Ruiz Varga.")
    assert not has_kind("person", "The General Assembly adopted it.")
    assert has_kind("day", "Signed in Lima on the twenty-second of June of two thousand and one.")
    assert has_kind("date", "The Council approved the Workplan for FY2021-FY2023.")
    # "who chairs X" asks for X's chair: a passage that never says chair names someone else
    assert asked_nouns("Who chairs the Zembla working group on ports?") == ("chair",)
    assert asked_nouns("who funded the Zembla workshop?") == ()


def test_british_and_american_spellings_share_a_stem() -> None:
    assert tokenize("co-organised the organisation") == tokenize("co-organized the organization")
    assert tokenize("analysed") == tokenize("analyzed")


def test_a_clause_before_a_colon_is_no_heading_and_who_asks_a_role_only_by_its_verb() -> None:
    from assistant.answer.decline import asks_role
    from assistant.answer.scoring import is_heading

    said = "Commenting on these results, Zembla Director Ana Ruiz Varga said:"
    assert not is_heading(Unit(0, 0, len(said), said, False, None, 0), "")
    assert is_heading(Unit(0, 0, 17, "Topics addressed:", False, None, 0), "")
    from dataclasses import replace

    from assistant.understand.question import asked_nouns

    def asked(text: str):
        return replace(profile(text), asked_nouns=asked_nouns(text))

    assert asks_role(asked("Who chaired the Zembla ministerial?"))
    # a country's representative is named by the office held ("attended by Defence Minister of
    # Zembla X"), seldom with the word "represented": the role word is not required
    assert not asks_role(asked("Who represented Zembla at the ministerial?"))
    assert not asks_role(asked("Which Zemblan port were the officers from who got trained?"))


def test_a_contacts_title_line_belongs_to_its_own_record() -> None:
    from assistant.answer.scoring import form_records

    text = (
        "Contact Points\nContact Point: Name: Ana Ruiz\nTitle: Head, Zembla Customs\nEmail Address: a@z.org\n"
        "Contact Point: Name: Ben Ode\nTitle: Analyst, Foreign Ministry"
    )
    records = form_records(text)
    assert records[1] == records[2] == records[3] == range(1, 4)
    assert records[4] == records[5] == range(4, 6)
    assert 0 not in records  # a heading is no field of a record


def test_review_cases_slashes_clips_percent_and_spanish_relatives() -> None:
    from assistant.answer.evidence import clipped
    from assistant.understand.bridge import spanish_wants_list
    from assistant.understand.question import asked_nouns, counted_noun

    assert counted_noun("How many participants attended the AML/CFT workshop?") == ("participant",)
    assert counted_noun("how many 24/7 contact points exist?") == ("point",)
    assert not clipped("sica", "since capacity building began")  # lower-case words clip into no name
    assert answer_kind("How much funding covered 50% of the costs?") == "money"
    assert not spanish_wants_list("¿Cuál es el programa que apoyas?")  # a relative "que", not "¿qué …s?"
    assert spanish_wants_list("¿A qué países ayudó?")
    assert asked_nouns("Who is the ZIMO Executive Director?") == ("executiv", "director")  # not the acronym


def test_roman_and_french_ordinals_name_an_edition() -> None:
    from assistant.understand.serials import serials, serials_said

    assert "44" in serials_said("the XLIV Meeting of the Plenary of Representatives was held")
    assert "19" in serials_said("la 19e Commission Technique du Groupe")
    assert serials_said("IV. Recommendations") == set()  # a heading's number, no edition
    assert serials("workshop on TF/ML risks in Washington DC") == {}  # initials, not numerals


def test_an_acronym_in_a_slash_compound_is_no_place() -> None:
    from assistant.understand.wanted import holds_new

    text = "Looking at countries' specific frameworks helps us understand trends in ML/TF risks."
    assert not holds_new("place", text, [("GPE", "ML")], frozenset())
    assert holds_new("place", "The meeting was held in Lima.", [("GPE", "Lima")], frozenset())


def test_sentences_end_without_a_space_and_not_after_a_title() -> None:
    from assistant.text import split_sentences

    def cut(text: str) -> list[str]:
        return [text[a:b] for a, b in split_sentences(text, 0)]

    assert len(cut("Ms Jane Roe and Adv. Nomvula Mokgatla gave opening addresses.")) == 1
    assert cut("It ran for one year 2017-2021.The Council also met.") == [
        "It ran for one year 2017-2021.",
        "The Council also met.",
    ]
    assert len(cut("See www.oas.org.Then")) == 1
    long_items = (
        "Members backed the three bodies: (1) the Zembla centre of excellence for prevention in Port Zembla; "
        "(2) the Ruritanian Institute for Justice and the Rule of Law in Strelsau; and (3) the fund in Valmora."
    )
    assert len(cut(long_items)) == 1  # an inline numbered list is one unit
    series = (
        "The drill will test the Zembla standard operating procedure for regional standby arrangements; "
        "coordination between national and regional mechanisms; Ruritanian Emergency Response and Assessment "
        "team interoperability with the Valmora teams; and civil-military coordination. It ends on Friday."
    )
    assert len(cut(series)) == 2  # a semicolon series ending "; and ..." is one sentence


def test_a_country_code_is_known_when_the_country_is_named() -> None:
    from assistant.answer.evidence import coded

    assert coded("mx", "visits to 26 points in Mexico, Guatemala and Belize")
    assert not coded("mx", "visits to 26 points in Belize")


def test_a_sentence_longer_than_the_answer_is_quoted_by_the_clauses_that_answer() -> None:
    from dataclasses import replace

    from assistant.answer.scoring import Scored
    from assistant.answer.trim import trimmed
    from assistant.answer.units import Unit
    from assistant.understand.question import profile

    members = ", ".join(f"Member{n}" for n in range(60))
    text = (
        "The Zembla Group convened its second meeting in Lyon on 3 May 2009, under the Chairmanship "
        f"of Ruritania, and with the participation of {members}."
    )
    named = (("GPE", "Lyon"), ("GPE", "Ruritania"))
    unit = Unit(0, 100, 100 + len(text), text, False, None, 0, labels=frozenset({"GPE"}), named=named)
    q = replace(profile("Who chaired the second Zembla Group meeting?"), expects="agent")
    cut = trimmed(q, Scored(unit, 1.0, 1.0, 1.0), 300).unit
    assert "Chairmanship of Ruritania" in cut.text and len(cut.text) <= 300
    assert text[cut.start - 100 : cut.end - 100] == cut.text  # still a verbatim quote
    assert cut.cut_after and not cut.cut_before
    untyped = replace(q, expects="thing")
    assert trimmed(untyped, Scored(unit, 1.0, 1.0, 1.0), 300).unit is unit  # nothing to look for


def test_the_doer_of_an_act_said_in_the_passive() -> None:
    from assistant.answer.scoring import done_by

    assert done_by("The training is being provided by the Zemblan Air Force (ZAF).", {"provid"})
    assert done_by("It was jointly funded by Ruritania.", {"fund"})
    assert not done_by("Personnel provide armed security to airports.", {"provid"})


def test_the_counted_noun_is_the_head_of_its_phrase_by_part_of_speech() -> None:
    from assistant.understand.question import counted_noun

    # modifiers joined by commas and "and" lead to the head; a preposition ends the phrase
    assert counted_noun("How many police, customs and coast guard officials were trained in Zembla?") == ("offic",)
    assert counted_noun("what was the number of seizures against the watch list in 2030?") == ("seizur",)
    assert set(counted_noun("how many ships and aircraft took part?")) >= {"ship"}


def test_a_number_may_follow_the_noun_it_counts_after_a_dash_or_colon() -> None:
    from assistant.understand.question import counts

    assert counts("The drill raised both inspections – 40 in all – and seizures – a total of 12.", {"seizur"})
    assert counts("Seizures: 12 containers", {"seizur"})
    assert not counts("The seizures in 2031 were reported late.", {"seizur"})


def test_a_definite_noun_phrase_resumes_what_its_paragraph_said() -> None:
    text = "A new course was approved for port staff. It covers drills on the quays. The drills are run by the Navy."
    units = split_chunk(text, 0, 0)
    assert [u.resumes for u in units] == [False, False, True]
    assert not split_chunk("The Navy runs the course.", 0, 0)[0].resumes


def test_names_the_answer_passage_never_says_are_found_though_the_index_knows_them() -> None:
    from assistant.answer.evidence import unsaid_names
    from vectorstore.lexical import LexicalIndex

    q = profile("When did the Secretariat help Zembla ratify the Harbour Safety Treaty?")
    passage = "The Secretariat helped Ruritania ratify the Port Safety Treaty in 2031."
    lexical = LexicalIndex([tokenize("a report on other matters")])
    assert "zembla" in unsaid_names(q, passage, lexical)
    assert "secretariat" not in unsaid_names(q, passage, lexical)
    assert "harbour" in unsaid_names(q, passage, lexical)  # each word of a typed name is checked


def test_an_acronym_is_counted_by_its_spelled_out_name_and_a_named_number_counts_nothing() -> None:
    from assistant.understand.question import counts

    assert counts("Delegates signed 19 Memorandums of Understanding during the week.", {"mous"})
    assert counts("The board approved 4 Joint Action Plans.", {"japs"})
    assert not counts("The board approved 4 plans under the Joint Action Programme.", {"japs"})
    assert not counts("K-9 Personnel screen air cargo.", {"personnel"})  # a unit's name, not 9 people
    assert counts("K-9 units: 12 handlers were trained.", {"handler"})


def test_a_form_field_on_the_line_after_a_contact_belongs_to_that_contact() -> None:
    from assistant.answer.evidence import continues

    q = profile("phone no. for the harbour master of Port Zembla?")
    name = _scored("Contact Point: Name: Ana Ruiz Title: Harbour Master, Port Zembla", 0, line=1)
    phone = _scored("Telephone Number: (99) 12 345", 70, line=2)
    other = _scored("Contact Point 2: Name: Ivo Pek Title: Pilot", 100, line=2)
    assert continues(phone, name, q)
    assert not continues(other, name, q)  # the next record names someone else


def test_an_answer_dated_to_another_year_than_the_one_asked_is_no_answer() -> None:
    from assistant.answer.evidence import years_contradicted

    q = profile("Where was the 2029 annual meeting of the forum held?")
    text = "The annual meeting of the forum was held in Valmora, in January 2030."
    unit = Unit(0, 0, len(text), text, False, None, 0)
    hits = [Hit(Chunk("c0", "d", "d.txt", "D", text, "", 0, 1), 1.0)]
    assert years_contradicted(q, [Scored(unit, 1.0, 1.0, 0.5)], hits) == ["2029"]
    same = profile("Where was the 2030 annual meeting of the forum held?")
    assert years_contradicted(same, [Scored(unit, 1.0, 1.0, 0.5)], hits) == []


def test_a_news_dateline_is_told_from_a_heading():
    from assistant.answer.decline import DATELINE

    assert DATELINE.match("ARDENA, Kessel – The ninth session of the forum closed today.")
    assert DATELINE.match("Tarsk, June 12: A meeting of customs chiefs ended.")
    assert not DATELINE.match("The Ostmark Joint Unit on Precursors (OJUP)")
    assert not DATELINE.match("In total, 53 suspects were arrested in Ardena (22), Tarsk - and elsewhere")


def test_a_thing_named_by_another_year_is_no_answer_for_the_year_asked():
    from assistant.answer.evidence import names_other_year
    from assistant.understand.question import profile

    q = profile("What was the forum's budget for 2031?", "", "")
    assert names_other_year(q, "Members agreed that the 2032 budget of the forum will be EUR 4 million.")
    assert not names_other_year(q, "The budget for 2031 was EUR 3 million, against EUR 4 million in 2032.")
    assert not names_other_year(q, "In 2032 members met in Tarsk.")  # the year dates no asked word


def test_a_meeting_named_by_another_number_is_no_answer_for_the_number_asked():
    from assistant.answer.evidence import names_other_serial
    from assistant.understand.question import profile

    q = profile("On what date was the forum's 812th meeting held?", "", "")
    assert names_other_serial(q, "Recalls the communique adopted at its 749th Meeting held on 27 January 2031.")
    assert not names_other_serial(q, "The 812th meeting was held on 2 May 2031, after the 749th meeting.")


def test_a_result_asked_for_is_not_answered_by_work_still_to_come():
    from assistant.answer.evidence import looks_ahead
    from assistant.understand.question import asks_result

    assert asks_result(profile("What did the study on cyber incidents in Ostmark find?"))
    assert asks_result(profile("What were the results or lessons learned from the Kessel exercise?"))
    assert not asks_result(profile("When will the study be completed?"))
    assert looks_ahead("The study is expected to be completed in April 2032.")


def test_initials_keep_a_names_small_words_and_a_year_may_be_run_on():
    from assistant.answer.evidence import initialisms, numbered

    text = "The Valdoria Code of Conduct was signed. The Global Platform met in Brellin in May 2033."
    known = initialisms(text)
    assert "vcoc" in known and "coc" in known
    assert numbered("GP2033", known, text)
    assert not numbered("GP2031", known, text)


def test_another_things_number_beside_the_asked_edition_is_no_other_edition():
    from dataclasses import replace

    from assistant.answer.evidence import names_other_serial

    q = profile("which draft plan was on the 39th session agenda?")
    assert not names_other_serial(q, "a 9th draft plan for a regional strategy is on the agenda")
    assert names_other_serial(replace(q), "the 38th session adopted a draft plan")


def test_the_next_sentence_pointing_back_with_another_value_completes_the_answer() -> None:
    from assistant.answer.engine import AnswerEngine

    def unit(text: str, start: int, dates: tuple[str, ...], line: int = 3) -> Scored:
        named = tuple(("DATE", d) for d in dates)
        u = Unit(0, start, start + len(text), text, False, None, line, labels=frozenset({"DATE"}), named=named)
        return Scored(u, 1.0, 1.0, 0.5)

    q = profile("what replaced the Zembla port decree, and when?")
    best = unit("In 2020, the Zembla port decree was modified and updated.", 0, ("2020",))
    after = unit("This modification resulted in a new decree, No. 9 of 3 May 2020.", 60, ("3 May 2020",))
    assert AnswerEngine._sequel(q, best, [best, after]) is after
    # a sentence that does not point back, or adds no value of its own, or stands on another line
    other = unit("A new harbour opened on 3 May 2020.", 60, ("3 May 2020",))
    same = unit("It was done in 2020.", 60, ("2020",))
    below = unit("This modification resulted in a new decree, No. 9 of 3 May 2020.", 60, ("3 May 2020",), line=4)
    for s in (other, same, below):
        assert AnswerEngine._sequel(q, best, [best, s]) is None


def test_a_count_of_the_very_thing_beside_the_best_sentence_answers() -> None:
    from assistant.answer.engine import AnswerEngine
    from assistant.understand.question import counted_noun

    assert counted_noun("how many of the 41 measures have been completed?") == ("measur",)
    assert counted_noun("how many of its 12 members signed?") == ("member",)
    assert counted_noun("how many of the region's port programmes does Zembla join?") == ("programm",)
    q = profile("How many member states were represented at the Zembla conference?")
    named = (("CARDINAL", "150"),)
    best = _scored("In June 2018, Zembla convened the first conference of heads of agencies of Member States.", 0, 1)
    count = Scored(
        Unit(0, 95, 190, "Participants from 150 Member States attended the conference.", False, None, 1, named=named),
        0.7,
        0.3,
        0.5,
    )
    assert AnswerEngine._counting_neighbour(q, best, [best, count], {"stat"}) is count
    other = Scored(Unit(0, 95, 150, "Some 150 journalists attended.", False, None, 1, named=named), 0.7, 0.3, 0.5)
    assert AnswerEngine._counting_neighbour(q, best, [best, other], {"stat"}) is None


def test_the_previous_occasion_is_answered_by_a_passage_that_looks_back() -> None:
    from assistant.answer.engine import AnswerEngine
    from assistant.answer.evidence import looks_back
    from assistant.understand.question import earlier

    assert earlier("Zembla 2011 plenary in Valmora - where was the previous plenary held?")
    assert not earlier("where was the plenary held prior to the elections?")
    assert not earlier("where will the next plenary be held?")
    assert looks_back("The Group took stock of developments since the last meeting in Strelsau in 2010.")
    assert not looks_back("The plenary took place in Valmora in June 2011.")
    q = replace(profile("Zembla 2011 plenary in Valmora - where was the previous plenary held?"), earlier=True)
    named = Scored(
        Unit(
            0, 0, 50, "The plenary took place in Valmora in Ruritania.", False, None, 0, named=(("GPE", "Ruritania"),)
        ),
        1.0,
        1.0,
        0.6,
    )
    before = Scored(
        Unit(
            0,
            60,
            130,
            "It took stock of developments since the last meeting in Strelsau.",
            False,
            None,
            2,
            named=(("GPE", "Strelsau"),),
        ),
        0.5,
        0.4,
        0.3,
    )
    assert AnswerEngine._looking_back(q, named, [named, before], _one_report()) is before


def test_names_typed_in_lower_case_and_written_apart_or_numbered() -> None:
    from assistant.answer.evidence import names_other_serial, spaced
    from assistant.understand.names import unlisted_names
    from assistant.understand.serials import serials

    indexed = {"moana", "eppo", "fish", "vessel"}.__contains__
    # not English, and in the reports: a name typed in lower case
    assert unlisted_names("how many fishing vessels were boarded during tui moana 2015?", indexed) == ("moana",)
    assert unlisted_names("how many cases did the eppo open?", indexed) == ("eppo",)
    assert unlisted_names("how many zorbles were seen?", indexed) == ()  # not in the reports: a typo, not a name
    assert spaced("navfor", "The handover ceremony of EU NAV FOR Tactical Command took place in Djibouti.")
    assert not spaced("navfor", "The EU naval forces met.")
    # initials with their edition's number run on
    assert serials("who presided over CSP4?") == {"CSP4": "4"} and serials("COVID-19 and the G20") == {}
    q = profile("who presided over CSP4 of the treaty")
    assert names_other_serial(q, "Mr Roe presided over the Second Conference of States Parties in Geneva.")
    assert not names_other_serial(q, "Mr Doe presided over the Fourth Conference of States Parties in Tokyo.")
    # an acronym that is an English word is said only in capitals ("FIRST" is not "the First Summer Bootcamp")
    from assistant.answer.evidence import unsaid_names
    from vectorstore.lexical import LexicalIndex

    lexical = LexicalIndex([["first", "conferenc", "miami"]])
    q = profile("how many people attended the 22nd FIRST conference in Miami?")
    assert "first" in unsaid_names(q, "The First Summer Bootcamp was held in Miami.", lexical)
    assert "first" not in unsaid_names(q, "The 22nd FIRST conference was held in Miami.", lexical)
    # a date's day is no count: "2022-11-23 Member States of ..."
    from assistant.understand.question import count_given

    assert count_given("date 2022-11-23 Member States of the Initiative agreed", {"stat"}) == 0
    assert count_given("for 98 participants and 14 member states", {"stat"}) == 14


def test_a_spanish_unit_is_scored_with_the_english_words_the_glossary_gives() -> None:
    from assistant.answer.scoring import UnitScorer

    seen: list[str] = []

    def translate(text: str) -> str:
        seen.append(text)
        return "executive secretariat report"

    scorer = UnitScorer(embedder=None, translate=translate)  # the embedder is not used here
    spanish = "La secretaria ejecutiva del centro presentó el informe anual."
    assert scorer._english_text(spanish) == "executive secretariat report"
    scorer._english_text(spanish)
    assert seen == [spanish]  # translated once per unit text
    assert scorer._english_text("The executive secretary presented the report.") == ""


def test_a_spanish_unit_gives_its_count_and_its_role_in_english() -> None:
    """ "427 armas" is a number of weapons; "encabezada por" says who headed it: the checks on what an
    answer says read a Spanish unit's English rendering too."""
    from assistant.answer.units import Unit, reading
    from assistant.understand.question import counts

    unit = Unit(
        0, 0, 30, "la destrucción de 427 armas obsoletas", False, None, 0, english="destruction 427 weapon arm obsolete"
    )
    assert counts(reading(unit), {"weapon"}) and not counts(unit.text, {"weapon"})
    assert reading(Unit(0, 0, 5, "Texto", False, None, 0)) == "Texto"


def test_what_happened_afterwards_is_answered_by_a_later_passage() -> None:
    from assistant.answer.engine import later
    from assistant.understand.question import after_year

    question = "Zembla advised Ruritania in 2016 on a port bill - what happened with that bill afterwards?"
    assert after_year("", question) == 2016
    assert after_year("", "what did Zembla do in 2016?") is None  # nothing asked beyond the year
    restated = _scored("In 2016 Zembla advised Ruritania on its port bill.")
    after = _scored("In March 2018 the ministry sent the port bill to Congress.", 60, 1)
    hits = _one_report()
    assert later(2016, after, hits) and not later(2016, restated, hits)


def test_who_won_asks_for_the_winner() -> None:
    from assistant.understand.question import ROLE_STEMS, predicates

    assert set(predicates("who won the Zembla capture the flag?")) & ROLE_STEMS  # the answer must say it


def test_a_later_part_naming_nothing_new_is_answered_beside_the_earlier_answer() -> None:
    from assistant.answer.engine import AnswerEngine
    from assistant.core import anchor_of

    text = (
        "Zembla police detected 159 cases of possible radicalisation in 2024.\n"
        "Of them, 60.7% were linked to jihadism.\n"
        "The unit also trained 40 officers."
    )
    chunk = Chunk("c0", "d", "z.txt", "Z", text, "", 0, len(text))
    hit = Hit(chunk, 1.0)
    first = "Zembla police detected 159 cases of possible radicalisation in 2024."
    cited = Citation(1, "d", "z.txt", "Z", None, None, first, 1.0, chunk_id="c0")
    earlier = Answer("q", f"{first} [1]", False, (cited,), hits=(hit,))
    parts = ["How many cases did the Zembla police detect in 2024", "and what share was linked to jihadism?"]
    assert anchor_of(parts[1], parts[:1], earlier) == ((hit, first),)
    # a part naming something the earlier answer's passage never names is a question of its own
    assert anchor_of("and how many did Ruritania's customs seize?", parts[:1], earlier) == ()
    assert anchor_of(parts[1], parts[:1], replace(earlier, abstained=True)) == ()

    q = replace(profile(parts[1], parts[0]), expects="percent")
    units = [
        Scored(Unit(0, 0, 68, first, False, None, 0), 1.0, 1.0, 0.5, asked_coverage=0.4),
        Scored(Unit(0, 69, 108, "Of them, 60.7% were linked to jihadism.", False, None, 1), 0.6, 0.5, 0.5, 0.0, 1.0),
        Scored(Unit(0, 109, 142, "The unit also trained 40 officers.", False, None, 2), 0.2, 0.1, 0.3, 0.0, 0.0),
    ]
    assert AnswerEngine._near_anchor(q, units, [hit], [("c0", first)]) is units[1]
    # the earlier part's own sentence is never the later part's answer; nor is a sentence saying
    # far less of the later part than the best-ranked one does
    assert AnswerEngine._near_anchor(q, units[:1] + units[2:], [hit], [("c0", first)]) is None
    lower = [replace(units[0], asked_coverage=1.0), replace(units[1], asked_coverage=0.5)]
    assert AnswerEngine._near_anchor(q, lower, [hit], [("c0", first)]) is None


def test_a_speaker_named_by_a_pronoun_is_found_in_the_sentence_before() -> None:
    from assistant.answer.engine import AnswerEngine

    q = profile("who's the trade controller who briefed Zembla companies on the act?")
    named = Unit(0, 0, 60, "Trade controller Ana Varga said the Act covered brokering.", False, None, 0)
    named = replace(named, labels=frozenset({"PERSON"}), named=(("PERSON", "Ana Varga"),))
    said = Unit(0, 62, 150, "“The Act protects exporters,” she said at a briefing in Zembla.", False, None, 2)
    ranked = [Scored(said, 1.0, 1.0, 0.5), Scored(named, 0.7, 0.6, 0.5)]
    assert AnswerEngine._speaker(q, ranked[0], ranked) is ranked[1]
    # a sentence that names no one before it, or a best sentence naming its own speaker
    nobody = Scored(replace(named, labels=frozenset(), named=()), 0.7, 0.6, 0.5)
    assert AnswerEngine._speaker(q, ranked[0], [ranked[0], nobody]) is None
    assert AnswerEngine._speaker(q, ranked[1], ranked) is None


def test_counts_of_cases_of_a_thing_and_of_closed_compounds() -> None:
    from assistant.understand.question import counted_noun, counts

    assert counted_noun("total no. of cyber attacks logged in 2022?") == ("attack",)
    assert counts("Up to Saturday there have been 1,065 reported cases of murder.", {"murder"})
    assert counts("the number of cyberattacks in 2022 stood at 976,429,996", {"attack"})
    assert counts("it logged 12 cyberattacks", {"attack"})
    assert not counts("we held 5 workshops", {"shop"})  # too short a head to tell


def test_a_question_for_the_standout_is_answered_by_the_sentence_saying_which_stands_out() -> None:
    from assistant.answer.engine import AnswerEngine
    from assistant.understand.question import extremes

    assert extremes("qué plan de emergencias se activó mas veces en Zembla?") == ("mas",)
    assert extremes("which region has the highest rate") == ("highest",)
    assert extremes("what is the most recent figure?") == ()
    assert extremes("¿hubo más de 100 casos?") == ()
    q = profile("which kind of licensee received the most enforcement actions in 2019?")
    total = _scored("In 2019 the regulator issued 57 escalated enforcement actions to licensees.", 0, 0, 1.0)
    most = _scored("Most actions, 34 of them, were issued to nuclear material licensees.", 80, 1, 0.8)
    assert AnswerEngine._standout(q, total, [total, most]) is most
    # a sentence saying far less of the question is no answer, however much it stands out
    vague = replace(most, asked_coverage=0.2)
    assert AnswerEngine._standout(q, total, [total, vague]) is None


def test_an_asked_noun_naming_a_kind_of_place_is_said_by_a_passage_naming_places() -> None:
    from assistant.answer.decline import unsaid_nouns
    from assistant.understand.classes import CLASS_LABELS, NounClasses

    class Words:
        """A fake embedder: each word's vector as given, the class name on its own axis."""

        name = "fake"
        vectors = {"place": [1.0, 0.0]}
        vectors |= {"sites": [0.9, 0.1], "penalties": [0.2, 0.1]}

        def embed_documents(self, texts):
            return [self.vectors[t] for t in texts]

    assert list(CLASS_LABELS) == ["place"]
    kinds = NounClasses(Words()).labels(["sites", "penalties"])
    assert kinds == (frozenset({"GPE", "LOC", "FAC"}), frozenset())
    q = replace(profile("What are the three pilot sites of the Zembla project?"), asked_nouns=("sit",))
    places = Unit(0, 0, 60, "Pilots will run at Port Anvil, Zemblagrad and the Ost crossing.", False, None, 0)
    places = replace(places, labels=frozenset({"GPE", "FAC"}), named=(("FAC", "Port Anvil"), ("GPE", "Zemblagrad")))
    passage = [Scored(places, 1.0, 1.0, 0.5)]
    hits = [Hit(Chunk("c", "d", "d.txt", "D", places.text, "", 0, 60), 1.0)]
    assert unsaid_nouns(q, passage, hits) == ["sit"]
    assert unsaid_nouns(replace(q, asked_kinds=(("sit", kinds[0]),)), passage, hits) == []
    # a place the question itself names is no instance of the places asked for
    asked = replace(q, asked_kinds=(("sit", kinds[0]),), asked=q.asked | {"anvil", "port"})
    anvil = replace(places, named=(("GPE", "Port Anvil"),))
    assert unsaid_nouns(asked, [Scored(anvil, 1.0, 1.0, 0.5)], hits) == ["sit"]
    named = replace(places, named=(("GPE", "Zemblagrad"),))
    assert unsaid_nouns(asked, [Scored(named, 1.0, 1.0, 0.5)], hits) == []


def test_a_passage_numbering_the_asked_thing_otherwise_is_about_another_one() -> None:
    from assistant.answer.evidence import numbers_asked_thing

    q = profile("how many rifles were handed in during the first weapons amnesty in Zembla?")
    assert numbers_asked_thing(q, "Zembla police collected 40 rifles at the close of the second amnesty period.") == (
        "other"
    )
    assert numbers_asked_thing(q, "During the first amnesty, 12 rifles were handed in.") == "asked"
    assert numbers_asked_thing(q, "Zembla police collected 40 rifles.") == ""
    # "first" with no determiner (which came first?) numbers nothing
    assert numbers_asked_thing(profile("which amnesty came first?"), "the second amnesty period") == ""


def test_counts_in_units_of_a_thing_and_of_people_identified_as_it() -> None:
    from assistant.understand.question import counts

    assert counts("Officers seized 500,000 pieces of methamphetamine pills at the port.", {"pill"})
    assert counts("Of those held, 40 are identified as Freedonians and 12 as Zemblans.", {"freedonian"})
    assert not counts("Officers seized 500,000 pieces of luggage.", {"pill"})


def test_who_came_to_hold_a_role_asks_for_a_person() -> None:
    assert answer_kind("Who took over as agency director after Ms Varga stepped down?") == "person"
    assert answer_kind("who served as chair of the committee in 2016?") == "person"
    assert answer_kind("¿Cómo se llama el director de la oficina?") == "person"


def test_amounts_in_currency_codes_and_signs_of_any_country() -> None:
    from assistant.understand.wanted import MONEY

    for amount in ("assets worth PKR 450 million", "Rs 41.82 crore", "N364.6 billion", "R219 870 354", "₹5 lakh"):
        assert MONEY.search(amount), amount
    for other in ("the TOP 10 threats", "roads R2 and N1", "in 2019 ALL 3 of them"):
        assert not MONEY.search(other), other


def test_a_financial_year_is_read_as_its_year_not_as_a_name() -> None:
    q = profile("Zembla customs seizures FY2020/21 vs 2019/20 - how many?")
    assert "2020" in q.years and not any("fy" in e for e in q.entities)


def test_a_unit_saying_what_is_asked_for_answers_before_a_heading_that_does_not() -> None:
    from assistant.answer.engine import AnswerEngine

    q = profile("what were the 3 strategic objectives of the Zembla 2030 strategy?")
    chunk = Chunk("c0", "d", "z.txt", "Z", "x", "", 0, 1)
    hits = [Hit(chunk, 1.0)]
    heading = _scored("Zembla Strategy 2030", 0, 0, 1.1)
    listed = _scored("Its three strategic objectives: safer ports, open data and trained crews.", 30, 2, 0.8)
    assert AnswerEngine._saying_asked(q, heading, [heading, listed], hits) is listed
    # a unit saying far less of the question does not answer in its place
    assert AnswerEngine._saying_asked(q, heading, [heading, replace(listed, asked_coverage=0.3)], hits) is None


def test_a_breakdown_in_the_next_sentence_going_on_about_the_total_joins_it() -> None:
    from assistant.answer.engine import AnswerEngine
    from assistant.answer.evidence import refers_back

    q = profile("zembla flu cases in 2031 broken down by province pls")
    assert q.expects == "breakdown"
    total = _scored("In 2031 there were 912 confirmed flu cases reported in Zembla.", 0, 0, 1.0)
    parts = _scored("Of these, 700 were in Valmora, 112 were in Tarsk and 100 were in Ostrava.", 63, 0, 0.7)
    assert refers_back(parts)
    assert AnswerEngine._typed_neighbour(q, total, [total, parts]) is parts


def test_the_other_side_of_a_comparison_is_a_neighbours_figure_for_other_years() -> None:
    from assistant.answer.engine import AnswerEngine

    q = profile("zembla border guards: arrests in 2031 vs the two years before?")
    best = _scored("Zembla border guards arrested 744 people in 2031.", 0, 0, 1.0)
    before = _scored("That is the most in three years, with 369 arrested in 2030 and 208 in 2029.", 50, 0, 0.6)
    trend = _scored("Most crossings were made in the north in 2031.", 130, 1, 0.7)
    assert AnswerEngine._counterparts(None, q, best, [best, trend, before], [best]) == [before]


def test_what_is_asked_for_is_said_by_its_head_noun_and_a_boss_by_any_title() -> None:
    from assistant.answer.decline import unsaid_nouns
    from assistant.understand.question import asked_nouns

    chunk = Chunk("c0", "d", "z.txt", "Z", "x", "", 0, 1)
    hits = [Hit(chunk, 1.0)]
    text = "what are the port security programmes of Zembla?"
    q = replace(profile(text), asked_nouns=asked_nouns(text))
    assert q.asked_nouns[-1] == "programm"
    assert unsaid_nouns(q, [_scored("Zembla runs four programmes on cargo checks.")], hits) == []
    assert unsaid_nouns(q, [_scored("Zembla trained forty port officers.")], hits) != []
    boss = replace(profile("who's the Zembla customs boss?"), expects="person", asked_nouns=("boss",))
    quoted = _scored("Customs Administrator-General Ana Varga said the seizures doubled.")
    quoted = replace(quoted, unit=replace(quoted.unit, labels=frozenset({"PERSON"}), named=(("PERSON", "Ana Varga"),)))
    assert unsaid_nouns(boss, [quoted], hits) == []


def test_no_noun_is_counted_after_an_adverb_or_a_verb_alone() -> None:
    from assistant.understand.question import counted_noun

    assert counted_noun("what was the total number of locally acquired flu cases in zembla in 2031?") == ("cas",)
    assert counted_noun("and how many just in october?") == ()


def test_a_first_part_may_name_what_it_asks_without_a_question_word() -> None:
    assert compound_parts("For the brief: Zembla's total drug haul for 2031, and how many raids did police make?") == [
        "For the brief: Zembla's total drug haul for 2031",
        "and how many raids did police make?",
    ]
    one = "cocaine and heroin seizures in 2031 and what changed?"  # no question word after "and" but one
    assert compound_parts(one) == [one]


def test_a_part_told_apart_by_a_noun_phrase_needs_its_noun_not_its_adjectives() -> None:
    from assistant.understand.question import subset_asked

    assert subset_asked("zembla 2031 - how many were actual incidents?", nouns=True) == ("incident",)
    assert subset_asked("how many of those were DAML requests?") == ("daml", "request")
    assert subset_asked("how many were arrested?", nouns=True) == ()


def test_months_spans_of_time_and_nationalities_are_kinds_asked_for() -> None:
    assert answer_kind("which month was each of them?") == "date"
    assert answer_kind("for how long is the measure supposed to run?") == "duration"
    assert answer_kind("how long ago did it open?") == "date"
    assert answer_kind("What nationality were the suspects?") == "nationality"
    assert answer_kind("and which of them are pacific states?") == "government"
    from assistant.answer.units import Unit, with_labels

    unit = Unit(0, 0, 44, "With over 80 years of experience in borders.", False, None, 0)
    assert with_labels(unit, [(5, 18, "DATE")]).labels == {"DURATION"}
    none: frozenset[str] = frozenset()
    assert holds_new("duration", "The measure is limited to six months.", (("DURATION", "six months"),), none)
    assert not holds_new("duration", "Controls began on 16 September 2031.", (("DATE", "16 September 2031"),), none)
    assert holds_new("duration", "Zembla has a coastline of more than 1000 Km.", (), none)  # how long a thing is
