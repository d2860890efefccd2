"""What a question asks, read from how staff type it: a role's holder ("who's the DG"), the share
of a part ("what proportion ... were women"), a country by another of its names ("Kyrgyzstan"
for "the Kyrgyz Republic"), an abbreviation's full stop inside a question, a capitalised
function word for emphasis, "how many more", the years between two events, a decree numbered
in brackets, every means of contact named, Spanish chat shorthand and Spanish words of cost."""

from __future__ import annotations

from assistant.understand.countries import country_names
from assistant.understand.names import entities
from assistant.understand.question import counted_noun, split_premise, subset_asked, wants_list
from assistant.understand.spelling import mend_spanish_shorthand
from assistant.understand.wanted import IDENTIFIER, answer_kind, other_kinds


def test_a_function_word_in_capitals_is_emphasis_not_a_name() -> None:
    assert entities("how many programs does CICTE NOT cooperate with?") == ("cicte",)
    assert "us" in entities("What did the US agree?")
    assert "first" in entities("how many attended the 22nd FIRST conference?")  # an acronym that is a word


def test_how_many_more_counts_what_was_counted_before() -> None:
    assert counted_noun("and how many more would they need to guard the border?") == ()
    assert counted_noun("how many more officers were trained?") == ("officer",)


def test_a_country_is_said_by_any_of_its_names() -> None:
    assert {"kyrgyzstan", "kyrgyz republic"} <= country_names("Kyrgyzstan")
    assert country_names("the Kyrgyz Republic") == country_names("kyrgyzstan")
    assert country_names("Ruritania") == frozenset()


def test_an_abbreviations_full_stop_does_not_end_the_question() -> None:
    q = "main countries of origin of the migrants, acc. to the border police chief?"
    assert split_premise(q) == ("", q)
    assert split_premise("the report names two partners. which of them paid?") == (
        "the report names two partners.",
        "which of them paid?",
    )
    assert answer_kind(q) == "government"


def test_a_decree_numbered_in_brackets_is_a_document_number() -> None:
    text = "The centre was set up by Presidential Decree (2016/3) under the Security Act (32/2015)."
    assert IDENTIFIER.findall(text) == ["Decree (2016/3)", "Act (32/2015)"]
    assert other_kinds("when was the centre set up, under which decree?") == ("date",)


def test_years_between_two_events_asks_for_both_years() -> None:
    assert answer_kind("how many years passed between the first audit and the second one?") == "year"
    assert answer_kind("how many years of data does the report hold?") == "count"


def test_the_share_of_a_part_is_asked_like_its_number() -> None:
    assert subset_asked("What proportion of the people arrested were women?") == ("women",)
    assert subset_asked("How many of the 2025 complaints involved investment scams?") == ("investment", "scam")


def test_a_part_classed_as_something_or_named_two_ways() -> None:
    assert subset_asked("how many of those were classed as very serious?") == ("very", "serious")
    # (either of two names may be the one a passage uses: no part to check)
    assert subset_asked("how many of them involved e-scooters / mobility devices?") == ()


def test_a_plural_in_a_relative_clause_asks_for_no_list() -> None:
    assert not wants_list("name of the bureau chief who commented on the export numbers?")
    assert wants_list("which countries that signed the treaty hosted workshops?")
    assert wants_list("Port security section (A.2): who are the two contact points?")


def test_a_roles_holder_is_a_named_person() -> None:
    assert answer_kind("who's the current DG of the centre?") == "person"
    assert answer_kind("who was the commander of the operation?") == "person"
    assert answer_kind("who funded the operation?") == "agent"


def test_every_means_of_contact_named_is_asked_for() -> None:
    assert answer_kind("how do i reach him? phone and email pls") == "email"
    assert other_kinds("how do i reach him? phone and email pls") == ("phone",)
    assert other_kinds("email of the unit?") == ()


def test_spanish_shorthand_and_words_of_cost() -> None:
    assert mend_spanish_shorthand("en q idiomas se atendieron llamadas?") == "en que idiomas se atendieron llamadas?"
    assert mend_spanish_shorthand("Q&A sobre el plan") == "Q&A sobre el plan"
    assert answer_kind("¿Cuánto va a costar la nueva sede?") == "money"
    assert answer_kind("¿cuántas llamadas recibió?") == "count"


ORAVIA_NOTE = "\n".join(
    [
        "Oravia Drug Control Bureau: Five-Year Review",
        "",
        "The Bureau made a total of 2,310 drug arrests between 2018 and 2022. Statistics from 2018 to 2022 "
        "showed that 61.2 per cent of the people arrested for drug offences were unemployed.",
        "",
        "The Bureau was established through Presidential Decree (2014/7) on 3 March 2014. Its director "
        "general is not named in this review.",
        "",
        "Most of the seized heroin came from the Kyrgyz Republic, the Bureau said.",
        "",
    ]
)


def test_shares_roles_and_country_names_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over({"oravia-bureau-review.txt": ORAVIA_NOTE})
    women = assistant.ask("What proportion of the people arrested by the Oravia bureau were women?")
    assert women.abstained, women.answer
    jobless = assistant.ask("What proportion of the people arrested by the Oravia bureau were unemployed?")
    assert not jobless.abstained and "61.2" in jobless.answer, jobless.answer
    decree = assistant.ask("when was the Oravia drug control bureau set up, under which decree?")
    assert not decree.abstained and "2014/7" in decree.answer, decree.answer
    head = assistant.ask("who's the current DG of the Oravia bureau?")
    assert head.abstained, head.answer
    origin = assistant.ask("Where did the heroin seized by the Oravia bureau come from, Kyrgyzstan?")
    assert not origin.abstained and "Kyrgyz Republic" in origin.answer, origin.answer
