"""What a figure is of and when, and which names a question types: a cumulative figure is no
single year's, a unit's substance must be the one asked, dotted initials say a name typed without
dots."""

from __future__ import annotations

from assistant.answer.decline import counted_since
from assistant.answer.evidence import dotted
from assistant.understand.bridge import Glossary, looks_spanish, spanish_measured
from assistant.understand.question import measured_noun, subset_asked
from assistant.understand.wanted import answer_kind


def test_a_figure_counted_since_another_year_is_not_one_years() -> None:
    since = "The agency has, since 2016, made 353 arrests and had 217 convictions."
    assert counted_since(since, ["2019"])
    assert not counted_since(since, ["2016"])
    assert not counted_since("In 2019 it had 41 convictions, against 217 since 2016.", ["2019"])
    assert not counted_since("It had 41 convictions.", ["2019"])


def test_initials_with_full_stops_say_the_name_typed_without_them() -> None:
    assert {"us", "uk"} <= dotted("The U.S. Marshals and the U.K. Border Force met.")
    assert dotted("No initials here.") == set()


def test_the_substance_a_unit_measures_is_what_is_asked() -> None:
    assert measured_noun("how many kilos of cocaine were seized in 2024?") == ("cocain",)
    assert measured_noun("How many kg of drugs did customs find?") == ("drug",)
    assert measured_noun("how many members of the network were arrested?") == ()


def test_a_spanish_unit_measures_its_substance_said_in_either_language(glossary: Glossary) -> None:
    stems, phrasings = spanish_measured("¿Cuántas toneladas de cocaína se incautaron?", glossary, {"cocain"})
    assert stems == ("cocaina",)
    assert phrasings and ("cocain",) in phrasings[0].options
    assert spanish_measured("¿Cuántos agentes de policía hay?", glossary) == ((), ())


def test_a_spanish_question_typed_without_accents_is_spanish() -> None:
    assert looks_spanish("quien dirige senafront y cuantos migrantes hay")
    assert not looks_spanish("who heads the border service")


def test_a_phrasal_verb_of_result_is_not_part_of_what_is_counted() -> None:
    assert subset_asked("how many of them came back negative?") == ("negativ",)


def test_a_noun_before_decree_describes_the_decree_asked_for() -> None:
    assert answer_kind("under which government decree was it set up?") == "identifier"
    assert answer_kind("which governments funded the course?") == "government"


def test_a_when_clause_after_a_web_address_is_no_second_question() -> None:
    # ("csirtamericas.org when": the "or" inside "org" joins nothing)
    assert answer_kind("how many CSIRTs had joined CSIRTAmericas.org when it launched?") == "count"
    assert answer_kind("how many delegates, and when?") == "date"


CASTAVIA_NOTE = "\n".join(
    [
        "Castavia Anti-Corruption Agency: Note to Parliament 2019",
        "",
        "The Minister told Parliament that the agency has, since 2016, conducted 412 operations, made 318 "
        "arrests and had 196 convictions. The agency works with the U.S. Marshals on fugitive cases.",
        "",
        "In a separate operation, officers seized 120 kilos of cocaine at the port of Veltra in May 2019.",
        "",
    ]
)


def test_cumulative_figures_and_another_substance_are_declined_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over({"castavia-agency-note.txt": CASTAVIA_NOTE})
    since = assistant.ask("How many convictions did the Castavia agency get in 2019 alone?")
    assert since.abstained, since.answer
    heroin = assistant.ask("How many kilos of heroin were seized at the port of Veltra?")
    assert heroin.abstained, heroin.answer
    cocaine = assistant.ask("How many kilos of cocaine were seized at the port of Veltra?")
    assert not cocaine.abstained and "120 kilos" in cocaine.answer, cocaine.answer
    marshals = assistant.ask("Which agency works with the US Marshals on fugitive cases?")
    assert not marshals.abstained, marshals.answer
