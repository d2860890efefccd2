"""Pipe tables read as rows that carry their headers, lines of pasted text that run on however
they were broken, a report's file name naming its author, "compared with" comparing, "how much
did it grow" asking for no money, "how many" answered by a numbered list, ordinals in figures
("1st"), and the unit scorer's weighted features. The pages below were written for these tests.
"""

from __future__ import annotations

from assistant.answer.scoring import UNIT_FEATURES, UNIT_WEIGHTS, unit_score
from assistant.understand.question import _COMPARE, counts, numbered_count
from assistant.understand.wanted import answer_kind
from assistant.understand.serials import ordinal_words
from ingest.normalize import finished_on
from ingest.tables import text_table_rows


def test_a_pipe_table_becomes_rows_that_carry_their_headers() -> None:
    lines = [
        "Year | Number of Floods | Hectares Flooded",
        "2031 | 1,245 | 840,545",
        "2029 | 980 | 69,270",
        "| Member | Status | Updated |",
        "|---|---|---|",
        "| Ruritania | submitted | May 2029 |",
        "| Zembla | pending |",  # a short row: its missing cell is empty
        "See the annex.",
        "Home | About us | Contact",  # a bar of links: no rule line, no figures
        "Reports | Events | Careers",
    ]
    out = text_table_rows(lines)
    assert out[1] == "Year: 2031 · Number of Floods: 1,245 · Hectares Flooded: 840,545"
    assert out[2] == "Year: 2029 · Number of Floods: 980 · Hectares Flooded: 69,270"
    assert out[4] == "" and out[5] == "Member: Ruritania · Status: submitted · Updated: May 2029"
    assert out[6] == "Member: Zembla · Status: pending"
    assert out[8:] == ["Home | About us | Contact", "Reports | Events | Careers"]
    assert len(out) == len(lines)  # one line for one line


def test_a_long_rule_like_line_is_read_at_once() -> None:
    assert text_table_rows(["intro", "|" + "-" * 20_000 + "x"]) == ["intro", "|" + "-" * 20_000 + "x"]


def test_a_row_field_counts_what_its_header_names() -> None:
    row = "Year: 2031 · Number of Floods: 1,245 · Hectares Flooded: 840,545"
    assert counts(row, {"hectar"}) and counts(row, {"flood"})
    assert not counts(row, {"year"})  # "Year: 2031" is a date, no number of years
    assert counts("Region: North · Arrests: 2014 · Seizures: 1,200", {"arrest"})  # a count that looks like a year
    assert not counts("Year: 2031 · Flood damage (USD): 4,000,000", {"flood"})  # measured in a unit
    assert not counts("Year: 2031 · Share of households flooded: 12%", {"household"})
    assert not counts("Households flooded: 12 per cent of the total, the survey says", {"household"})  # prose


def test_pasted_lines_run_on_into_the_line_that_ends_their_sentence() -> None:
    assert finished_on(
        "the Commissioner presented the annual report of the agency to the National", "Assembly (NA). The report"
    )
    assert not finished_on(
        "Flood Situation In Zembla Remains Under Control", "The flood situation in Zembla remains under control. It"
    )
    assert not finished_on("Fewer Floods Reported; More Households Registered for Relief", "2. In 2031, the agency")
    assert not finished_on("Overview of the 2031 Annual Report on Floods in Zembla", "Floods declined. In 2031 the")
    assert not finished_on("the delegation was received on arrival by the head of the", "Dr. Jane Smith, Chair")


def test_numbered_items_count_what_they_list() -> None:
    text = (
        "Zembla received help and, specifically, the following legal texts have been written: (1) a draft law "
        "on assets, (2) a draft law on trade, (3) a draft decree on ports."
    )
    assert numbered_count(text, {"text"}) == 3
    assert numbered_count(text, {"port"}) == 0
    assert numbered_count("Four legal texts: the following legal texts: (1) a law, (2) a decree", {"text"}) == 0
    two_lists = (
        "the following legal texts were written: (1) a draft law on assets, (2) a draft law on trade; and the "
        "following ports were inspected: (1) Alpha, (2) Beta, (3) Gamma, (4) Delta, (5) Epsilon."
    )
    assert numbered_count(two_lists, {"text"}) == 2
    reference = "the following penal texts were prepared: (1) a draft amendment of article 12 (2) of the Penal Code"
    assert numbered_count(reference, {"text"}) == 0  # "12 (2)" cites a paragraph
    assert numbered_count("the following legal texts: (i) a law, (ii) a decree, and (iii) a rule", {"text"}) == 3
    assert numbered_count("the following legal texts: 1) a law, 2) a decree, 3) a rule", {"text"}) == 3


def test_ordinals_in_figures_say_their_words() -> None:
    assert ordinal_words("1st :Attacks on client software; 2nd :Targeted espionage") == {"first", "second"}
    assert ordinal_words("the 2031 report, 45th session, 40th meeting") == set()  # past twentieth: an edition


def test_a_change_asks_for_no_money_and_compared_compares() -> None:
    assert answer_kind("How much did Zembla's prison population grow between 2030 and 2031?") == "count"
    assert answer_kind("How much did the prices go up?") == "count"
    assert answer_kind("How much did the government spend to reduce the fall in exports?") == "money"
    assert answer_kind("How much did donors pledge to offset the drop in remittances?") == "money"
    assert answer_kind("how much did the programme cost?") == "money"
    assert _COMPARE.search("How many persons were charged in 2031 compared with 2030?")
    assert not _COMPARE.search("What did the 2031 Comparative Study on Floods recommend?")
    assert not _COMPARE.search("How many comparable incidents were reported in 2030?")


def test_a_units_score_is_its_weighted_features() -> None:
    features = tuple(float(i) for i, _ in enumerate(UNIT_FEATURES))
    assert unit_score(features) == sum(UNIT_WEIGHTS[f] * v for f, v in zip(UNIT_FEATURES, features))
    heavier = {**UNIT_WEIGHTS, "meaning": 2.0}
    assert unit_score(features, heavier) > unit_score(features)


TIMBRA_FLOODS = """Timbra Flood Authority annual overview

Year | Number of Floods | Hectares Flooded
2031 | 1,245 | 840,545
2029 | 980 | 69,270

The authority counted more floods in 2031 than in any year on record.
"""

SURVEY = """Global Flooding Overview: Floods in 2031

In 2031 there were nearly 3,100 floods around the world. Flooding peaked in 2027 at nearly
5,000 floods and more than 9,000 deaths.
"""

TEAMS = """Zembla CERT quarterly note

The Zembla CERT has 45 member teams across the country's ministries and agencies.
"""

LEGAL = """Legislative assistance in 2031

Along those lines, Zembla has received legislative assistance and, specifically, the following legal texts
have been written: (1) draft law on the freezing of assets intended for financing flood fraud,
(2) draft law on strategic trade, (3) draft amendment of the Penal Code to classify crimes associated with the
proliferation of weapons of mass destruction and their financing, (4) draft regulations on the transport of
radioactive material, (5) draft regulations on the inspection of ships carrying radioactive material, and
(6) draft regulations on the licensing of brokers dealing in radioactive material and dual-use goods.
"""

GROWTH = """Zembla prison statistics, October 2031

The Zembla prison population grew by 6,871 people, or 9%, between October 2030 and October 2031.
The commissioner presented the annual report of the prison service to the National
Assembly (NA). The 2031 report spans 119 pages.
"""


def test_tables_file_names_comparisons_and_lists_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over(
        {
            "timbra-floods.txt": TIMBRA_FLOODS,
            "start_flood_overview_2031.txt": SURVEY,
            "first_quarter_2031.txt": TEAMS,
            "zembla-legal.txt": LEGAL,
            "zembla-prisons.txt": GROWTH,
        }
    )
    hectares = assistant.ask("Timbra floods 2031: total hectares flooded?")
    assert not hectares.abstained and "840,545" in hectares.answer, hectares.answer
    # the overview names no author; its file name does, as a user names a file ("START" is a word too)
    peak = assistant.ask("In which year did flooding peak, per START's 2031 overview?")
    assert not peak.abstained and "2027" in peak.answer, peak.answer
    # (a file name's word that the question does not name an author by says nothing)
    teams = assistant.ask("How many member teams does FIRST have?")
    assert teams.abstained, teams.answer
    legal = assistant.ask("How many draft legal texts were written for Zembla?")
    assert not legal.abstained and "6 in all" in legal.answer, legal.answer
    grew = assistant.ask("How much did Zembla's prison population grow between October 2030 and October 2031?")
    assert not grew.abstained and "6,871" in grew.answer, grew.answer
    assert "gave no amount" not in grew.answer
    presented = assistant.ask("Who presented the prison service's annual report to the National Assembly?")
    assert not presented.abstained and "National Assembly (NA)" in presented.answer, presented.answer
