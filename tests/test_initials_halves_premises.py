"""Two-word names written by their initials ("Western Australia": "WA"), halves of a year
("H1 2031"), two-column pipe tables, a premise before a dash that a source leads the question
after, and two things a question names side by side. The pages below were written for these tests.
"""

from __future__ import annotations

from assistant.answer.evidence import abbreviated, within_year
from assistant.understand.question import profile
from assistant.understand.question import split_premise
from ingest.tables import text_table_rows


def test_a_source_may_lead_the_question_after_a_premise() -> None:
    premise, asked = split_premise(
        "The agency held flood drills in Zembla in 2030 - according to Zembla's report, when did its plan start?"
    )
    assert premise == "The agency held flood drills in Zembla in 2030"
    assert asked == "according to Zembla's report, when did its plan start?"
    # a topic before the dash, with no verb of its own, is no premise
    assert split_premise("Zembla floods 2030 vs 2031 - how many each?")[0] == ""


def test_a_half_of_a_year_is_part_of_it() -> None:
    assert within_year("How many notices were served in H1 2031?")
    assert within_year("In the first half of 2031, the bureau served 137 notices.")
    assert not within_year("How many H1N1 cases were reported in 2031?")
    assert not within_year("By 2031 H2 demand in Zembla will reach 5 Mt.")  # hydrogen after a year


def test_two_capitals_say_a_two_word_name_only_as_its_abbreviation() -> None:
    q = profile("How many road deaths did the Northern Territory record in 2031?")
    assert abbreviated("northern", q, set(), "The NT recorded 41 road deaths. NT police said so.")
    assert not abbreviated("northern", q, set(), "The NT recorded 41 road deaths.")  # once: by chance
    assert not abbreviated("northern", q, set(), "Annex NT lists them; see Annex NT.")  # a part's number
    q = profile("What did the Prime Minister say about air quality in 2031?")
    assert not abbreviated("prime", q, set(), "PM 2.5 rose in 2031 and PM 10 fell.")  # a unit before its figure


def test_two_column_pipe_tables_need_a_figure_in_every_row() -> None:
    lines = [
        "The number of floods recorded is as under:",
        "Period | Number of floods |",
        "As on 31.12.2030 | 1143 |",
        "As on 31.12.2031 | 988 |",
        "",
        "Home | About",  # two columns, no figures: a bar of links
        "News | Contact",
        "",
        "Year | Total",  # one row is no table
        "2031 | 5",
        "",
        "Economy | Zembla",  # a form: its first pair names no quantity
        "Population | 19,116,000",
        "Reporting year | 2031",
    ]
    out = text_table_rows(lines)
    assert out[2] == "Period: As on 31.12.2030 · Number of floods: 1143"
    assert out[3] == "Period: As on 31.12.2031 · Number of floods: 988"
    assert out[4:] == lines[4:]
    # (each case above is read as a table when it is one)
    table = text_table_rows(["Year | Total", "2030 | 4", "2031 | 5"])
    assert table[1:] == ["Year: 2030 · Total: 4", "Year: 2031 · Total: 5"]


FLOODS = """2031 ZW FLOOD RECOVERY PROGRAMME RESULTS

The latest figures from the ZW Flood Recovery Programme show that ZW rebuilt 412 bridges in 2031.
ZW still has an estimated repair bill of $2.3 billion, the programme's director said.
"""

SIRENS = """ZEMBLA CIVIL DEFENCE AGENCY
MONTHLY SIREN AND PUBLIC ALERT NETWORK TEST FOR MARCH 2031

ZEMBLA CITY - The monthly test of the Coastal Flood Siren Network is scheduled for Tuesday, March 4, 2031,
at 10:30 a.m. The siren test will be coordinated with a test of the Public Alert Network.
"""


QUAKE = """Uplands earthquake: situation report no. 2

Relief efforts focus on the worst-hit districts in Tarra and Southern Uplands provinces.
Reports from district offices confirm 37 deaths in Southern Uplands Province, mostly from landslides.
"""


def test_initials_and_names_side_by_side_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over({"zw-floods.txt": FLOODS, "zembla-sirens.txt": SIRENS, "uplands-quake.txt": QUAKE})
    # the page writes only "ZW"; the user spells the name out and types the initials too
    bill = assistant.ask("What repair bill does Zembla West still face, according to the ZW programme?")
    assert not bill.abstained and "2.3 billion" in bill.answer, bill.answer
    # the "Coastal Flood Siren Network" is the siren the question names beside the "Public Alert
    # Network", not another network
    test = assistant.ask("When is Zembla's monthly siren and Public Alert Network test for March 2031 scheduled?")
    assert not test.abstained and "March 4, 2031" in test.answer, test.answer
    # a name the question gives in capitals ("the Uplands earthquake") does not make another
    # province's figure the one asked
    deaths = assistant.ask("How many deaths were confirmed in Tarra Province in the Uplands earthquake?")
    assert deaths.abstained, deaths.answer
