"""What lets a passage answer although it words things its own way, and what stops a figure from
answering a question about another year or another reporter: the holder of the role asked
("... is the current Head of Mission"), a report's author said in its opening ("Report of the
Secretary-General"), a name with its number run on ("(NC4)"), a dateline in figures
("08/07/2024"), a "where" that opens a relative clause, one sentence weighing both sides of a
comparison, a figure dated "this year" or a value dated to another year, the end of a ranking
asked ("the least" for "the fewest"), an English question's roles on a Spanish page, and
thesaurus phrasings that must be said as phrases."""

from __future__ import annotations

from assistant.answer.decline import dated_otherwise
from assistant.understand.question import circumstances, counted_noun, profile
from assistant.understand.wanted import DISTANCE, answer_kind, holds_apart


def test_a_relative_where_or_when_asks_for_no_place_or_time() -> None:
    assert answer_kind("no. of cases where weather balloons were used to smuggle cigarettes in 2024?") == "count"
    assert answer_kind("the workshop where?") == "place"
    assert answer_kind("name of the port where the officers were trained") == "place"
    # ("per the plan when was it adopted": a verb after it asks again)
    assert answer_kind("per the plan when was the strategy adopted") == "date"
    assert answer_kind("Name the city where the 2019 plenary was held") == "place"
    assert answer_kind("Give the date when the plan was adopted") == "date"


def test_abbreviated_averages_and_hyphenated_distances() -> None:
    assert answer_kind("fire service avg daily calls 2022??") == "count"
    assert answer_kind("civil defence avg response time 2024?") == "duration"
    assert DISTANCE.search("it guards the 3,488-km-long frontier")


def test_a_participle_after_total_counts_nothing() -> None:
    assert counted_noun("customs enforcement 2022/23 - total recovered and no. of seizures?") == ("seizur",)
    assert counted_noun("total seized drugs in 2022?") == ("drug",)


def test_amounts_weighed_one_side_or_the_other_ask_for_figures() -> None:
    q = profile("which province has worse prison overcrowding, eastern cape or western cape?")
    assert q.expects == "count" and q.sides == ("eastern cape", "western cape")
    assert profile("which came first, the cargo workshop or the insider threat one?").expects != "count"
    assert profile("Which is more dangerous, fentanyl or heroin?").expects != "count"  # a quality
    assert profile("Were more officers trained in Chile or Peru, and how many?").sides == ("in Chile", "Peru")
    assert profile("Did Chile train more officers than Peru or Bolivia in 2019?").sides == ()


def test_a_participle_after_the_counted_thing_narrows_it() -> None:
    found = circumstances("How many cyber incidents affecting private-sector companies did the centre log in 2023?")
    assert ("sector", "company") in found


def test_a_sentence_dated_to_another_year_gives_no_value_of_the_year_asked() -> None:
    q = profile("In which city were the meetings held in 2019?")
    assert dated_otherwise(q, "In 2020 we took part in the meeting in Putrajaya.")
    assert not dated_otherwise(q, "Since 2015 the meetings have been held in Putrajaya.")
    assert not dated_otherwise(q, "In 2019 the meeting was held in Putrajaya.")
    assert not dated_otherwise(q, "The meeting was held in Putrajaya.")
    assert not dated_otherwise(q, "In line with the 2030 Agenda, the meeting was held in Putrajaya.")


def test_names_said_otherwise_initials_plurals_and_rates() -> None:
    from assistant.answer.evidence import abbreviated
    from assistant.answer.scoring import said_tokens
    from assistant.understand.names import same_name
    from vectorstore.lexical import tokenize

    q = profile("Who commands the Trinidad and Tobago Coast Guard?")
    assert abbreviated("trinidad", q, set(), "said T&T Coast Guard Commanding Officer Douglas Archer")
    assert not abbreviated("trinidad", q, set(), "said the Coast Guard Commanding Officer")
    assert same_name("deputies", "deputy") and not same_name("deputies", "depot")
    assert not same_name("andes", "and") and not same_name("notes", "not")
    rate = set(tokenize("rate"))
    assert rate <= said_tokens("a ratio of 9.34 per 100,000 citizens")
    assert rate <= said_tokens("con solo 7,78 víctimas por cada cien mil habitantes")
    assert not rate <= said_tokens("up 5 per cent on 20 per day")


def test_a_comparative_with_than_compares() -> None:
    assert profile("Were assaults on prison officers higher in 2024 than in 2023?").compares
    assert not profile("how many officers were trained, more than 100?").compares
    assert not profile("How many higher education institutions other than universities got funds?").compares


def test_the_country_after_a_place_is_part_of_the_place() -> None:
    from assistant.answer.units import Unit

    text = "A workshop was held in the city of Iquique, Chile, with the support of Chile's ministry."
    named = (("GPE", "Iquique"), ("GPE", "Chile"))
    unit = Unit(0, 0, len(text), text, False, None, 0, labels=frozenset({"GPE"}), named=named)
    assert not holds_apart("government", unit, frozenset({"workshop"}), ["city"])


VALDORIA_MISSION = (
    "Valdoria Mission S/2031/77\n\n"
    "Report of the Secretary-General\n\n"
    "1. The present report covers the period from 3 January to 2 April 2031.\n\n"
    "2. The Council extended the rule of law mission in Valdoria, following an exchange of letters "
    "between President Ana Ruml and High Representative Tomas Vell.\n\n"
    "3. Edda Kroll is the current Head of Mission.\n\n"
    "4. The mission's Cyber Coordination Centre (VC7) recorded 412 incidents involving ministries."
)
ZEMBLA_CUSTOMS = (
    "Zembla border guards report fewer cigarette smuggling cases\n\n"
    "08/07/2032\n\n"
    "In 19 cases, weather balloons were used in January-May 2032, while just 3 such cases were reported "
    "in 2031.\n\n"
    "This year, 184,000 packs of cigarettes were intercepted as they were flown in.\n\n"
    "In spring 2031 the Orsk railway checkpoint was closed; all trains now pass through Kelm.\n\n"
    "The Financial Intelligence Unit said that institutions must report unusual transactions. "
    "In 2032, 9,120 unusual transactions were reported to the unit.\n\n"
    "Kelm district recorded the highest number of seizures with 259, followed by Orsk with 233 and "
    "Varn with 231. Tessel district recorded the least with 183 seizures.\n\n"
    "In 2032 the border council met in Varn."
)
ZEMBLA_PRISONS = (
    "Las cárceles de Zembla, al límite\n\n"
    "El comisionado del servicio penitenciario de Zembla, Rafael Orte, compareció ante la comisión de "
    "justicia de la Cámara de Diputados, que preside la diputada Inés Varo.\n\n"
    "Según el comisionado, las cárceles del país albergan 12.400 reclusos."
)


def test_roles_authors_datelines_and_years_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over(
        {
            "valdoria-mission.txt": VALDORIA_MISSION,
            "zembla-guards.txt": ZEMBLA_CUSTOMS,
            "zembla-carceles.txt": ZEMBLA_PRISONS,
        }
    )
    head = assistant.ask("who is head of mission in Valdoria?")
    assert not head.abstained and "Edda Kroll" in head.answer, head.answer
    period = assistant.ask("What period does the Secretary-General's report on the Valdoria mission cover?")
    assert not period.abstained and "3 January" in period.answer, period.answer
    coded = assistant.ask("How many incidents involving ministries did the VC7 record?")
    assert not coded.abstained and "412" in coded.answer, coded.answer
    other_year = assistant.ask("How many packs of cigarettes did Zembla border guards intercept at Kelm in 2031?")
    assert other_year.abstained, other_year.answer
    balloons = assistant.ask("no. of cases where weather balloons were used to smuggle cigarettes into Zembla in 2032?")
    assert not balloons.abstained and "19" in balloons.answer, balloons.answer
    # "Financial Intelligence Unit ... institutions" does not say "financial institutions"
    banks = assistant.ask("How many unusual transactions did banks report to the Zembla unit in 2032?")
    assert banks.abstained, banks.answer
    fewest = assistant.ask("which Zembla district had the fewest seizures?")
    assert not fewest.abstained and "Tessel" in fewest.answer, fewest.answer
    other_year = assistant.ask("In which town did the Zembla border council meet in 2031?")
    assert other_year.abstained, other_year.answer
    # an English question on a Spanish page: its roles and names read through the glossary
    commissioner = assistant.ask("who is the commissioner of Zembla's prison service?")
    assert not commissioner.abstained and "Rafael Orte" in commissioner.answer, commissioner.answer
    chair = assistant.ask("Who chairs the justice committee of Zembla's Chamber of Deputies?")
    assert not chair.abstained and "Inés Varo" in chair.answer, chair.answer
