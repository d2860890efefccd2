"""A twelve-month span across two years; a count that "increased by 8.4 per cent to" its figure;
the plural that says what "cases" are of; a web page quoting a passage wrapped at a width among
paragraphs of one line; Spanish dates; a person named after a title the recogniser misses; a
share asked of someone; two owners compared; a part's own year. The pages below were written
for these tests.
"""

from __future__ import annotations

from pathlib import Path

from assistant.core import build
from assistant.understand.bridge import BUNDLED_GLOSSARY, load_glossary, spanish_subset
from assistant.understand.question import counted_modifiers, counts, dates_asked, profile, subset_asked, year_span
from assistant.understand.wanted import DAY, PERSON, answer_kind
from ingest.normalize import wrap_margin
from tests.conftest import HashEmbedder, ask_one_page


def test_a_span_of_months_across_two_years_holds_both() -> None:
    assert year_span("2030", "rounds fired jul 2030-jun 2031") == {"2030", "2031"}
    assert year_span("2030", "from July 2030 to June 2031, how many?") == {"2030", "2031"}
    assert year_span("2030", "in 2030 and in 2032") == {"2030"}
    assert year_span("2030", "from 2030 to the 2031 level") == {"2030"}  # no month: no span


def test_a_span_asked_is_answered_by_a_passage_dated_by_its_other_year(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "shootings_2031.txt",
        "Fatal shootings review\n\n"
        "Fourteen officers are under scrutiny for 30 of 129 fatal shootings over the year ending June 2031.\n\n"
        "The commission said that the 129 deaths occurred in 110 incidents between July 1, 2030 and June 2031.\n\n"
        "All persons shot and killed during that review period were men.\n\n"
        "A minimum of 1,950 rounds were fired at the 129 persons killed, the commission reported.\n",
        "how many rounds were fired at the people killed jul 2030-jun 2031?",
    )
    assert not answer.abstained, answer.answer
    assert "1,950" in answer.answer


def test_a_figure_a_change_came_to_counts_its_subject() -> None:
    crimes = {"crim"}
    assert counts("The total number of crimes reported increased by 8.4 per cent to 88,083 in 2031.", crimes)
    assert counts("Reported crimes rose by 8.4% to 88,083 in 2031.", crimes)
    assert counts("Total crime decreased by 37%, or from 387 thousand to 243.5 thousand.", crimes)
    assert not counts("Total crime decreased by 37% over the period.", crimes)  # a share, no number of crimes
    victims = {"homicid", "victim"}
    assert not counts("The homicide rate fell from 12.3 to 9.8 per 100,000 people.", victims)  # a rate
    assert not counts("The share of women among victims rose to 45%.", victims)
    assert not counts("The average age of victims rose to 34 years.", victims)


def test_the_plural_before_cases_says_what_they_are_of() -> None:
    assert counted_modifiers("how many dangerous drugs cases were reported in 2031?") == ("drug",)
    assert counted_modifiers("how many arms exports licences were issued?") == ()  # licences are counted


def test_cases_of_another_offence_do_not_count_the_one_asked(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "crime_survey_2031.txt",
        "Crime survey 2031\n\n"
        "There were 2,679 cases of theft of stock in 2031 and 1,964 in 2030.\n\n"
        "Cases of dangerous drugs are reported separately.\n",
        "how many dangerous drugs cases were reported in 2031?",
    )
    assert answer.abstained, answer.answer


def test_a_page_quoting_a_wrapped_passage_is_unwrapped() -> None:
    paragraph = "A paragraph of its own, long as web pages write them, on one line. " * 4
    wrapped = [
        "Just four",
        "states carried out more than three-fourths of the executions in the",
        "country this year, while another 23 states have not put an inmate",
        "to death in 10 years, an anti-capital punishment group reports.",
        "The center says in its annual report that Zembla led the nation,",
        "as it does every year, with 15 executions, and that the others",
        "had 6 each. Together, the four states accounted for 33 of the 43",
        "executions in the country, the group says, since executions resumed",
        "in the year after a halt imposed by the court of the land.",
    ]
    assert wrap_margin([paragraph, *wrapped, paragraph]) is not None
    assert wrap_margin([paragraph] * 12) is None  # paragraphs of their own
    items = ["training of customs and border officers", "support for national authorities"] * 4
    assert wrap_margin([paragraph] * 4 + ["Priority areas", *items]) is None  # a list of short lines of its own


def test_spanish_dates_are_dates() -> None:
    assert DAY.search("presentó su renuncia al cargo el pasado 15 de enero, informó").group(0) == "15 de enero"
    assert DAY.search("el informe de marzo de 2031").group(0) == "marzo de 2031"
    assert DAY.search("40 mil 180 nombres") is None


def test_a_title_before_a_first_and_last_name_names_a_person() -> None:
    assert PERSON.search("Speaking at the launch, HRCP Co-chairperson Asad Iqbal Butt said")
    assert PERSON.search("Director General Rafael Grossi opened the meeting")
    assert not PERSON.search("the Chief Executive Officer said")
    assert not PERSON.search("the President of the Commission said")
    assert not PERSON.search("the Chief Election Commissioner said")  # an office, not a name
    assert not PERSON.search("Director General Federal Investigation Agency")
    assert PERSON.search("Director General José Martínez said")


def test_a_part_of_a_country_asked_for_is_a_place() -> None:
    assert answer_kind("Which Zemblan state had the most kidnapping reports in 2031?") == "place"
    assert answer_kind("which governorate came next?") == "place"
    assert answer_kind("what state of emergency was declared?") == "thing"
    assert answer_kind("which states got legislative help in 2031?") == "government"
    assert answer_kind("which police department reported the most arrests?") == "organisation"


def test_a_share_asked_of_someone_is_a_percentage() -> None:
    assert answer_kind("what was Prague's share?") == "percent"
    assert answer_kind("what is the proportion of women?") == "percent"
    assert answer_kind("what was the company's share capital?") != "percent"


def test_two_owners_compared_are_the_sides() -> None:
    assert profile("compare chile's 2031 clearance rate with peru's").sides == ("chile", "peru")
    assert profile("compare the UK's budget to France's").sides == ("UK", "France")
    assert profile("compare Chile's contributions to Interpol's budget with Peru's").sides == ("Chile", "Peru")


def test_a_topic_then_a_versus_weighs_two_sides() -> None:
    asked = profile("deaths at the hands of police: Chile (IPC, jul 2030-jun 2031) vs Peru 2031?")
    assert asked.sides == ("Chile (IPC, jul 2030-jun 2031)", "Peru 2031")
    assert asked.expects == "count"  # numbers of deaths weighed
    assert profile("unresolved disappearance cases in Chile (2031) vs arrests in Peru (2031)?").expects == "count"
    assert profile("Homicides in 2031: Mexico vs Colombia?").expects == "count"  # capitalised, still plural
    assert profile("homicides: Trinidad and Tobago vs Jamaica?").sides == ("Trinidad and Tobago", "Jamaica")
    assert profile("national strategies of Chile vs Peru?").expects == "thing"  # no year: no figures weighed
    assert profile("regulation on safeguarding aviation vs unlawful acts - what's it called?").sides == ()


def test_the_part_asked_of_a_share_or_of_a_spanish_count() -> None:
    assert subset_asked("what % of Zembla's prison population is on remand?") == ("remand",)
    glossary = load_glossary([BUNDLED_GLOSSARY])
    part, phrasings = spanish_subset("¿cuántas de las personas desaparecidas del registro son mujeres?", glossary)
    assert part == ("mujer",) and ("women",) in phrasings[0].options
    assert spanish_subset("¿cuántos detenidos hubo en 2031?", glossary) == ((), ())
    relative = spanish_subset("¿Cuántas de las personas que fueron detenidas son extranjeras?", glossary)
    assert relative[0] == ("extranjera",)  # the part, not the relative clause's "detenidas"


def test_a_spanish_count_of_a_part_is_not_answered_by_the_whole(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "registro_2031.txt",
        "Registro nacional 2031\n\n"
        "La comisión reportó la existencia de 40 mil 180 nombres en el Registro Nacional de Personas Desaparecidas.\n",
        "¿cuántas de las personas desaparecidas en el registro son mujeres?",
    )
    assert answer.abstained, answer.answer


def test_a_part_naming_its_own_body_is_not_about_the_other_parts_country(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bureau_2031.txt").write_text(
        "Bureau half-year report 2031\n\n"
        "In the first half of 2031, the bureau of Ukraine served suspicion notices on 137 persons.\n",
        encoding="utf-8",
    )
    (pages / "oversight_2030.txt").write_text(
        "Oversight authority news\n\n"
        "date 2030-11-08 Saudi Arabia's oversight authority (Nazaha) arrested 172 people in the past month.\n",
        encoding="utf-8",
    )
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    assistant.ingest([pages])
    answer = assistant.ask(
        "how many people did Ukraine's bureau serve suspicion notices on in H1 2031, "
        "and how many did Nazaha arrest in the month it reported in Nov 2030?"
    )
    assert "137" in answer.answer and "172" in answer.answer, answer.answer


def test_a_year_of_the_users_own_replaces_the_earlier_turns() -> None:
    assert dates_asked("¿cuántos casos en 2031?", "y cuántos desde 2009")["years"] == ("2031",)
    assert dates_asked("and how many overall?", "arrests in 2031")["years"] == ("2031",)
    assert dates_asked("compare it with 2030", "arrests in 2031")["years"] == ("2030", "2031")
    assert dates_asked("how many under the 2016 Firearms Act?", "arrests in 2031")["years"] == ("2016", "2031")
