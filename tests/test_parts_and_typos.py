"""Follow-ups asking for a part of a whole said before ("how many of those involved fatalities?",
"how many of them were women?") and a long word with two letters doubled or undoubled. The pages
below were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from assistant.understand.question import counts
from assistant.understand.spelling import mend_words
from tests.conftest import ask_one_page
from vectorstore.lexical import tokenize


def test_a_part_is_told_by_what_it_concerns_or_where_it_came_from() -> None:
    assert counts("52 referrals were received in 2031, of which 15 related to fatalities.", {"fatality"})
    assert counts("1,599 were from the public while 67 were from police officers.", {"polic", "officer"})
    assert counts("Of 90 cases, 12 were youths.", {"youth"})
    # (the whole's figure is no count of the part; nor is an amount's source a part counted)
    assert not counts("52 referrals were received in 2031.", {"fatality"})
    assert not counts("seized 120 kilograms of cocaine, 45 from vessels", {"vessel"})


def test_two_letters_doubled_or_undoubled_in_a_long_word_are_mended() -> None:
    known = set(tokenize("recommended committee accommodation investigation"))

    def freq(stem: str) -> int:
        return 3 if stem in known else 0

    mended = mend_words("how many were reccomended for investigation by the comittee?", freq)
    assert mended == "how many were recommended for investigation by the committee?"
    # (a short word is left as typed: too many words lie two letters away)
    assert mend_words("the sesion", freq) == "the sesion"


def test_how_many_of_those_involved_x_is_answered_by_the_part(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_report_2031.txt",
        "Zembla Police Ombudsman annual report 2031\n\n"
        "The Ombudsman received 2,140 complaints in 2031, of which 1,190 were admissible.\n"
        "52 referrals were received from the police in 2031, of which 15 related to fatalities.\n",
        "how many of those involved fatalities?",
        ["how many referrals did the zembla ombudsman get from the police in 2031?"],
    )
    assert not answer.abstained, answer.answer
    assert "15" in answer.answer


def test_how_many_of_them_were_women_is_answered_by_females(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_report_2031.txt",
        "Zembla anti-trafficking agency, 2031\n\n"
        "The agency rescued 310 victims in 2031. It also secured 80 convictions in 2031; 45 males and 35 females.\n",
        "how many of them were women?",
        ["zembla anti-trafficking convictions in 2031"],
    )
    assert not answer.abstained, answer.answer
    assert "35" in answer.answer


def test_a_year_said_of_each_side_is_that_sides_alone() -> None:
    from assistant.understand.question import side_years

    q = "Compare Ruritania's 2029 homicide rate with Zembla's 2031 rate."
    assert side_years(q, ("Ruritania", "Zembla")) == [{"2029"}, {"2031"}]
    # (a year said once for both sides is both sides')
    assert side_years("murders 2031: ruritania vs zembla", ("ruritania", "zembla")) == [set(), set()]
    assert side_years("ruritania vs zembla murders 2031", ("ruritania", "zembla")) == [set(), set()]


def test_which_year_of_two_named_is_told_by_each_years_figure(tmp_path: Path) -> None:
    from assistant.understand.question import answer_type, weighed_kind

    q = "zembla foiled smuggling attempts 2030 vs 2031 - which year higher?"
    assert answer_type(q) == "year" and weighed_kind(q, "year", ()) in {"thing", "count"}
    # (a range's ends are no alternatives: the year asked may lie between them)
    assert weighed_kind("In which year between 2028 and 2031 did arrests peak?", "year", ()) == "year"
    answer = ask_one_page(
        tmp_path,
        "zembla_report_2031.txt",
        "Zembla border army annual review\n\n"
        "The army said that 361 smuggling attempts were foiled at the border in 2030.\n"
        "In 2031, the army said that it foiled 383 smuggling attempts and seized large quantities of narcotics.\n",
        q,
    )
    assert not answer.abstained, answer.answer
    assert "361" in answer.answer and "383" in answer.answer
