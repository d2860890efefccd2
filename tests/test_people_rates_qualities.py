"""People the recogniser misses (a name after a lower-case title; a name said again by one word
of it); the adjective or irregular plural that says which things a count is of; a figure joined
to a word counts that word only; a rate asked is a share or a figure per head. The pages below
were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from assistant.answer.people import NAME_THEN_TITLE, TITLED_NAME, people_spans
from assistant.types import Chunk
from assistant.understand.question import answer_type, counted_modifiers, counts, profile, stated_count, wants_list
from assistant.understand.wanted import KINDS, pattern_values
from tests.conftest import ask_one_page


def _chunk(doc: str, text: str) -> Chunk:
    return Chunk(f"{doc}-{len(text)}", doc, f"{doc}.txt", doc, text, "", 0, len(text))


def test_a_lower_case_title_before_a_name_names_a_person() -> None:
    found = [m.group(1) for m in TITLED_NAME.finditer("Zembla Prisons Department chief Okonkwo Vantarel said.")]
    assert found == ["Okonkwo Vantarel"]
    assert [m.group(1) for m in TITLED_NAME.finditer("a indiqué son directeur Mame Oulimata Sarr.")] == [
        "Mame Oulimata Sarr"
    ]
    # an office's name is no one's
    assert not list(TITLED_NAME.finditer("the Chief Executive Officer of the Bureau"))
    assert not list(TITLED_NAME.finditer("Director General Federal Investigation Agency"))


def test_a_name_found_once_names_the_person_elsewhere_in_the_same_report() -> None:
    first = _chunk("a", "Zembla Prisons Department chief Okonkwo Vantarel said 60 per cent were drug cases.")
    later = _chunk("a", "Vantarel said the 143 jails had 10,000 staff.")
    other = _chunk("b", "Vantarel said nothing here; this is another report.")
    spans = people_spans([first, later, other], [(), (), ()])
    assert [first.text[s:e] for s, e, label in spans[0] if label == "PERSON"] == ["Okonkwo Vantarel"]
    assert [later.text[s:e] for s, e, label in spans[1] if label == "PERSON"] == ["Vantarel"]
    assert spans[2] == ()  # another report's Vantarel may be someone else


def test_a_dictionary_word_of_a_name_is_not_taken_for_the_person() -> None:
    first = _chunk("a", "Bureau director Amara Rice presented the report.")
    later = _chunk("a", "Rice exports fell by 8 per cent.")
    assert [s for s in people_spans([first, later], [(), ()])[1] if s[2] == "PERSON"] == []


def test_who_heads_a_body_is_answered_by_its_titled_chief(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_prisons_2031.txt",
        "Zembla jails over capacity in 2031\n\n"
        "The number of prisoners in Zembla's 143 jails is well over capacity with more than 200,000 inmates. "
        "About 60 per cent had been jailed for drug offences, Prisons Department chief Okonkwo Vantarel said.\n\n"
        "Vantarel said Zembla had about 10,000 staff working for the department.\n",
        "who was head of zembla's prisons department in 2031?",
    )
    assert not answer.abstained, answer.answer
    assert "Okonkwo Vantarel" in answer.answer


def test_the_adjective_or_irregular_plural_before_a_counted_noun_says_which() -> None:
    assert counted_modifiers("how many female inmates were held in 2031?") == ("femal",)
    assert counted_modifiers("How many women inmates are held at Valmora?") == ("women",)
    assert counted_modifiers("how many foreign nationals were deported?") == ("foreign",)
    # how many, when or as what they were given narrows nothing
    assert counted_modifiers("how many new cases were opened?") == ()
    assert counted_modifiers("how many total arrests?") == ()
    assert counted_modifiers("how many registered NGOs are there?") == ()
    # "dangerous" says which drugs, not which cases
    assert counted_modifiers("how many dangerous drugs cases were reported in 2031?") == ("drug",)


def test_a_count_of_all_inmates_does_not_answer_how_many_female_inmates(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_jails_2031.txt",
        "Zembla jails over capacity\n\n"
        "The number of prisoners in Zembla's 143 jails is well over capacity with more than 200,000 inmates "
        "around the country in 2031.\n",
        "how many female inmates in zembla prisons in 2031",
    )
    assert answer.abstained, answer.answer


def test_a_figure_joined_to_a_word_counts_that_word_only() -> None:
    assert not counts("As part of it, over a four-year period ports will be assessed.", {"port"})
    assert counts("a four-member team arrived", {"member"})
    assert counts("a 10-day course", {"day"})
    assert counts("12 ports will be assessed over four years", {"port"})


def test_a_rate_asked_is_a_share_or_a_figure_per_head() -> None:
    assert answer_type("zembla police clear-up rate for serious crime in 2031?") == "ratio"
    assert answer_type("¿cuál fue la tasa de homicidios en 2031?") == "ratio"
    assert answer_type("how many arrests were made at that rate?") == "count"
    assert answer_type("first-rate training?") != "ratio"
    assert list(pattern_values("ratio", "a rate of 4.2 per 100,000 inhabitants", frozenset()))
    assert not list(pattern_values("ratio", "5,942 serious offences were reported", frozenset()))
    assert KINDS["ratio"].patterns


def test_a_count_of_offences_does_not_answer_a_clear_up_rate(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_crime_2031.txt",
        "Serious crime in Zembla, 2031\n\n"
        "The statistics service said 5,942 serious offences were reported to the police in 2031, "
        "of which 5,900 were recorded as actual cases.\n",
        "zembla police clear-up rate for serious crime in 2031?",
    )
    assert answer.abstained, answer.answer


def test_the_same_things_weighed_in_two_years_want_their_figures() -> None:
    assert profile("zembla fatal shootings 2031 vs 2030").expects == "count"
    assert profile("valmora FIU notifications 2030 vs 2031").expects == "count"
    # no plural weighed: no figures asked
    assert profile("zembla national strategy 2030 vs 2031").expects != "count"


def test_top_n_asks_for_that_many() -> None:
    assert wants_list("top 5 nationalities in valmora's prison?")
    assert stated_count("top 5 nationalities in valmora's prison?") == 5
    assert not wants_list("what was the top priority?")


def test_a_reflexive_pronoun_is_no_part_of_what_is_counted() -> None:
    asked = profile("and how many of those came from police officers themselves?").subset
    assert "polic" in asked and not any(t.startswith("themsel") for t in asked)


def test_a_terse_total_counts_its_plural_noun() -> None:
    assert profile("valmora complaints jan-june 2031 total?").counted == ("complaint",)
    assert profile("how many in total?").counted == ()


def test_a_rate_per_head_is_not_a_percentage_change() -> None:
    assert answer_type("valmora homicide rate per 100k population 2031") == "rate"
    assert list(pattern_values("rate", "a rate of 38.2 por cada cien mil habitantes", frozenset()))
    assert list(pattern_values("rate", "the number of crimes per 100,000 population was 119.8", frozenset()))
    assert not list(pattern_values("rate", "crimes increased by 8.4 per cent to 88,083 in 2031", frozenset()))
    # an abbreviation is no irregular plural: "govt agencies" counts agencies
    assert counted_modifiers("how many govt agencies signed the agreement in 2031?") == ()


def test_a_name_before_its_title_or_after_an_honorific_names_a_person() -> None:
    chunk = _chunk("a", "“It rose,” Amara Okonkwo, VFIU director said. Director of NEMO Mr Tevita Lolo said so.")
    people = [chunk.text[s:e] for s, e, label in people_spans([chunk], [()])[0] if label == "PERSON"]
    assert "Amara Okonkwo" in people and "Tevita Lolo" in people
    # a country before a comma is no one, whatever title follows
    assert not list(NAME_THEN_TITLE.finditer("Costa Rica, Peru, the minister said"))


def test_who_is_the_director_is_answered_by_the_person_named_director(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "vdmc_report_2031.txt",
        "Valmora Displacement Monitoring Centre report 2031\n\n"
        "Conflict pushed the number of displaced people in Valmora to a record 75.9 million, according to a new "
        "report by the Valmora Displacement Monitoring Centre (VDMC).\n\n"
        "The 2031 report covers displacement in 66 countries and territories.\n\n"
        "“We have seen alarming new levels of people having to flee,” Amara Okonkwo, VDMC director said.\n",
        "Who is the director of the Valmora Displacement Monitoring Centre quoted on the 2031 report?",
    )
    assert not answer.abstained, answer.answer
    assert "Amara Okonkwo" in answer.answer


def test_what_the_review_found_stays_fixed() -> None:
    # two common words before a comma and a title are no one's name; nor a heading in capitals
    assert [m.group(1) for m in NAME_THEN_TITLE.finditer("On Monday, the police chief said")] == ["On Monday"]
    assert people_spans([_chunk("a", "On Monday, the police chief said so.")], [()])[0] == ()
    assert people_spans([_chunk("a", "MINISTER OF JUSTICE AND PUBLIC SECURITY")], [()])[0] == ()
    # a price is no share; a per-head amount of money is a rate
    assert answer_type("what is the exchange rate of the valmoran dollar?") not in {"percent", "ratio"}
    assert list(pattern_values("rate", "GDP per capita was US$ 15,200 in 2031", frozenset()))
    # "150-odd migrants" counts migrants
    assert counts("150-odd migrants were rescued", {"migrant"})
    # a rank is no list; a descriptive adjective narrows nothing
    assert not wants_list("Was Valmora ranked in the top 5 this year?")
    assert counted_modifiers("how many fresh dengue cases were reported in 2031?") == ("dengu",)
    # "what official data" asks for data, not a person
    assert answer_type("What official data did the ministry publish in 2031?") != "person"


def test_a_director_of_another_body_is_not_the_one_asked(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "vdmc_2031.txt",
        "Valmora Displacement Monitoring Centre report 2031\n\n"
        "Conflict pushed the number of displaced people in Valmora to a record 75.9 million, according to a new "
        "report by the Valmora Displacement Monitoring Centre.\n\n"
        "“Aid is not reaching them,” Amara Okonkwo, Zembla Red Cross director said.\n",
        "Who is the director of the Valmora Displacement Monitoring Centre?",
    )
    assert "Okonkwo" not in answer.answer


def test_a_percentage_asked_is_not_answered_by_a_figure_per_head() -> None:
    assert answer_type("what percentage of crimes were against property in 2031?") == "percent"
    assert not list(pattern_values("percent", "from three to five per 100,000 inhabitants", frozenset()))
