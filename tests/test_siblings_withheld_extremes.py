"""What a passage says beside the value that makes it answer another question: a sibling of the
thing asked ("39 in the Eastern Division" for the Western one), names it says were never given
("which were not named"), the opposite extreme ("highest" for "lowest"), a part of a figure said
before ("Nine of those calls"), a follow-up's subject another report never names, and the kinds
of answer read from how a question is put ("names of the ministers", "average response time",
"phone apps", "called out", "how much more"), thousands grouped by a space, amounts in any
currency, Spanish comparisons with a year, a date's day that is no serial, the whole name whose
report is asked about, the doer of the act asked, and a year the file is named with."""

from __future__ import annotations

from assistant.answer.relative import relative_years
from assistant.answer.scoring import said_tokens
from assistant.understand.bridge import glossary_lacks_counted, spanish_counted_word
from assistant.understand.names import owners
from assistant.understand.question import counted_noun, counts
from assistant.understand.serials import serials
from assistant.understand.wanted import QUANTITY, SPAN_OF_TIME, answer_kind


def test_thousands_grouped_by_a_space_are_one_figure() -> None:
    found = [m.group() for m in QUANTITY.finditer("handled 36 103 fire calls, over 2022 (34 775 calls)")]
    assert found == ["36 103", "34 775"]
    assert [m.group() for m in QUANTITY.finditer("in 2023 103 officers")] == ["103"]


def test_the_kind_asked_is_read_from_how_the_question_is_put() -> None:
    assert answer_kind("how much more fraud was there on banking phone apps last year?") == "count"
    assert answer_kind("cert tonga phone no.?") == "phone"
    assert answer_kind("phone and email of the focal point") == "email"
    assert answer_kind("how many times was the rescue team called out in 2023?") == "count"
    assert answer_kind("what is the new unit called?") == "name"
    assert answer_kind("names of the two defence ministers who signed it?") == "person"
    assert answer_kind("what was the average response time in 2023?") == "duration"
    assert answer_kind("cuál fue el tiempo medio de respuesta en 2023?") == "duration"
    assert answer_kind("what was the country's effective implementation score?") == "count"


def test_a_rate_is_no_length_of_time() -> None:
    assert not SPAN_OF_TIME.search("871 a day, twice a year")
    assert SPAN_OF_TIME.search("within 8 minutos")
    assert SPAN_OF_TIME.search("over a year")


def test_a_plural_the_tagger_reads_as_a_verb_is_still_counted() -> None:
    assert counted_noun("HK fire services dept - total fire calls in 2023?") == ("call",)
    assert counted_noun("how many police raids in 2019") == ("raid",)


def test_a_part_of_a_figure_said_before_counts_only_as_a_part() -> None:
    text = "Nine of those calls involved major fires."
    assert counts(text, {"call"})
    assert not counts(text, {"call"}, parts=False)
    assert counts("The unit handled 36 103 fire calls.", {"call"}, parts=False)


def test_a_spanish_comparison_with_a_year_dates_last_year() -> None:
    assert relative_years("fue movilizado el pasado año en 284 ocasiones, un 18,6% menos que en 2022", 2024) >= {"2023"}


def test_a_spanish_count_of_a_word_no_glossary_knows(glossary) -> None:
    assert glossary_lacks_counted("¿cuántos atracos hubo en 2023?", glossary)
    assert not glossary_lacks_counted("¿cuántos puntos de control visitaron?", glossary)
    assert not glossary_lacks_counted("¿cuántos kg de drogas se incautaron?", glossary)  # a unit of measure
    assert spanish_counted_word("cuantas fueron por internet") == ()


def test_a_dates_day_is_no_serial() -> None:
    assert serials("which oligarchs were named in the UK's 15 march sanctions round?") == {}
    assert serials("what did CICAD 57 decide?") == {"57": "57"}


def test_the_whole_name_owns_the_report() -> None:
    assert owners("Who presented the Nigeria Immigration Service's 2020 annual report?") == (
        "nigeria immigration service",
    )
    assert owners("What does Peru's 2020 CTAP say?") == ("peru",)


def test_an_agent_noun_says_its_verb() -> None:
    assert "consum" in said_tokens("Iraq and Saudi Arabia are the main consumers of the substance.")
    assert "offic" not in said_tokens("The officer left.")


ORAVIA = (
    "Oravia Emergency Services: review of 2023\n\n"
    "Published 12 January 2024\n\n"
    "The Emergency Services Department handled 36 103 fire calls last year, an increase of 3.8 per cent "
    "over 2022 (34 775 calls). Nine of those calls involved fires of the highest alarm level.\n\n"
    "In 2023 the Oravian police recorded 89 murders, with 39 occurring in the Eastern Division. There were "
    "235 burglaries in the Western Division in 2023.\n\n"
    "Only two districts (which were not named in the review) met the target response time of eight "
    "minutes. The Northern District had the highest rate of false alarms, at 41 per cent.\n\n"
    "The annual review was prepared by the department's planning office. Deputy Chief Officer Mara Ilves "
    "presented the review at the department's headquarters in Tarnow.\n\n"
    "The Oravian drug unit made 212 arrests in 2023."
)
VELMARK = "In 2023 the Velmark Anti-Drug Police seized 131 kg of cocaine and arrested 1,454 people."


def test_siblings_withheld_names_extremes_and_doers_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over({"oravia-emergency-2023.txt": ORAVIA, "velmark-drugs-2023.txt": VELMARK})
    calls = assistant.ask("oravia emergency services - total fire calls in 2023?")
    assert not calls.abstained and "36 103" in calls.answer, calls.answer
    sibling = assistant.ask("how many murders did oravia's western division record in 2023?")
    assert sibling.abstained and "western division" in sibling.answer, sibling.answer
    withheld = assistant.ask("which two oravian districts met the response time target?")
    assert withheld.abstained and "not made known" in withheld.answer, withheld.answer
    lowest = assistant.ask("which oravian district had the lowest rate of false alarms?")
    assert lowest.abstained and "highest" in lowest.answer, lowest.answer
    doer = assistant.ask("Who presented Oravia's annual emergency services review?")
    assert not doer.abstained and "Mara Ilves" in doer.answer, doer.answer
    topic = assistant.ask(
        "how many arrests did the Oravian drug unit make in 2023, and how much cocaine did they seize?"
    )
    assert "212" in topic.answer and "131" not in topic.answer, topic.answer


def test_a_year_the_file_is_named_with_dates_a_page_that_dates_nothing_in_full() -> None:
    from ingest.metadata import detect_metadata, detect_year

    text = "Police seized 300 kg of drugs this year.\nThe trade grew after the civil war in 2011."
    assert detect_year(text, file_name="zembla narcotics 2022") == 2022
    assert detect_year(text) == 2011
    dated = "Published 3 May 2021.\nThe unit was founded in 2015."
    assert detect_year(dated, file_name="unit report 2019") == 2021  # a full date in the text wins
    page = f"Zembla seizes 300 kilograms of drugs\n\n{text}"
    assert detect_metadata(page, "zembla narcotics 2022").detected["year"] == "file name"


def test_an_amount_in_any_currency_is_money() -> None:
    from assistant.understand.wanted import MONEY

    assert MONEY.search("a total value of 644 million baht")
    assert MONEY.search("worth 262,700 baht")
    assert not MONEY.search("seized 5 million pills")
    assert not MONEY.search("the team won 2 million votes")
