"""The reports' word for what a question counts, from the English wordnet ("kids" counted as
"minors"); a figure on a line under its label; the noun a rate or a value is of; an exact day
asked is not answered by a month. The pages below were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from assistant.understand.expand import synonym_paraphrases
from assistant.understand.lexicon import english_synonyms, noun_lemmas
from assistant.understand.question import answer_type, counts, profile
from assistant.understand.wanted import DAY, DAY_OF_MONTH
from tests.conftest import ask_one_page


def test_a_noun_has_the_words_whose_first_sense_is_its_own() -> None:
    assert {"minor", "youngster"} <= set(english_synonyms("kids"))
    assert "laboratory" in english_synonyms("labs")
    assert "methamphetamine" in english_synonyms("meth")
    # ("catch" and "pig" first mean other things than an arrest and a cop)
    assert "catch" not in english_synonyms("arrests") and "pig" not in english_synonyms("cops")
    # (an irregular plural is read as its singular, which a report may say instead)
    assert english_synonyms("people")[0] == "person"
    assert english_synonyms("qwertyuiop") == ()


def test_a_plural_is_read_as_its_singular() -> None:
    assert noun_lemmas("agencies")[:2] == ["agencies", "agency"]
    assert "woman" in noun_lemmas("women")
    assert "grownup" in noun_lemmas("grown-ups")


def test_only_nouns_counted_that_the_reports_never_say_take_the_words_they_do_say() -> None:
    known = {"minor", "youngster", "adult", "shot", "shooting"}
    found = synonym_paraphrases("how many kids were arrested?", {"kid"}, known.__contains__)
    assert [(p.words, p.options) for p in found] == [(("kid",), (("youngster",), ("minor",)))]
    # ("arrested" is no noun counted: it gets none)
    assert synonym_paraphrases("how many kids were arrested?", {"arrest"}, known.__contains__) == ()
    # (a word the reports use is their word already: no passage counting shootings is no count of shots)
    assert synonym_paraphrases("how many shootings in 2031?", {"shooting"}, known.__contains__) == ()


def test_a_count_of_children_answers_how_many_kids(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_youth_crime_2031.txt",
        "Youth crime in Zembla, 2031\n\n"
        "The statistics office said 412 serious offences were reported in Zembla in 2031. "
        "It also reported that 96 minors were involved in the commission of offences last year.\n",
        "how many kids got mixed up in crime in zembla in 2031?",
    )
    assert not answer.abstained, answer.answer
    assert "96" in answer.answer


def test_a_figure_under_its_label_on_a_line_of_its_own_counts_the_label() -> None:
    assert counts("Persons expelled (2016): 4,245", {"person"})
    assert counts("Persons expelled: 4,245", {"person"})
    assert not counts("Persons expelled (2016): 4,245", {"vessel"})
    # (a number naming one thing, or a year, counts nothing)
    assert not counts("Case reference: 4521", {"cas"})
    assert not counts("Members since: 2019", {"member"})


def test_a_rate_is_of_the_noun_before_it() -> None:
    assert profile("zembla police clearance rate 2031?").measured == ("clearanc",)
    assert profile("what was the rate of conviction in 2031?").measured == ("conviction",)
    assert profile("What was the Zembla rate of conviction?").measured == ("conviction",)
    # (the thing valued, past a participle before it, not a country owning it)
    assert profile("street value of the seized marijuana?").measured == ("marijuana",)
    assert profile("value of Zembla's cocaine seizures in 2031?").measured == ("cocain",)
    # (a count's noun stays the counted one)
    assert profile("how many murders in 2031?").measured == ()


def test_a_share_of_something_else_does_not_answer_a_rate(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_police_2031.txt",
        "Zembla police figures for 2031\n\n"
        "Crime rose slightly in Zembla during 2031 (+1.5%), a figure to be read against the growth "
        "of the daytime population. Burglaries fell for the third year running.\n",
        "zembla police clearance rate 2031?",
    )
    assert answer.abstained, answer.answer


def test_the_value_of_one_thing_seized_is_not_that_of_another(tmp_path: Path) -> None:
    page = (
        "Zembla narcotics agency 2031\n\n"
        "The agency seized 700 grams of methamphetamine with a street value of $700,000. "
        "It also seized 250 grams of marijuana, two firearms and one vessel.\n"
    )
    answer = ask_one_page(tmp_path, "zembla_nea_2031.txt", page, "street value of the marijuana seized in 2031?")
    assert answer.abstained, answer.answer
    assert profile("street value of the marijuana seized?").measured == ("marijuana",)


def test_an_exact_day_asked_is_not_answered_by_a_month(tmp_path: Path) -> None:
    assert answer_type("exact day the network was inaugurated?") == "day"
    assert DAY.search("inaugurated in October 2031") and not DAY_OF_MONTH.search("inaugurated in October 2031")
    assert DAY_OF_MONTH.search("from 16 to 23 October 2031") and DAY_OF_MONTH.search("el pasado 15 de enero")
    page = (
        "Zembla CSIRT network report\n\n"
        "The national network of incident response teams (ZemNet) was inaugurated in October 2031. "
        "More than 300 officers took part in its training courses.\n"
    )
    answer = ask_one_page(tmp_path, "zemnet_2031.txt", page, "exact day ZemNet was inaugurated?")
    assert answer.abstained, answer.answer


def test_a_spanish_question_for_a_part_of_a_country_wants_a_place() -> None:
    assert answer_type("¿qué municipio de Zembla tuvo menos incidentes en 2031?") == "place"
    assert answer_type("¿en qué provincia hubo más homicidios?") == "place"
    # ("estado" is also a state of things)
    assert answer_type("¿En qué estado se encuentra la investigación?") != "place"
    assert answer_type("¿qué estados miembros participaron?") == "government"


def test_thousands_grouped_by_an_apostrophe_are_one_figure() -> None:
    from assistant.understand.question import figures

    assert [m.group(0) for m in figures("au nombre de 50'886 (54’548 en 2016)")] == ["50'886", "54’548"]
    assert [m.group(0) for m in figures("in the 1990's")] == []


def test_the_dictionary_words_count_only_where_the_question_word_is_never_counted() -> None:
    from dataclasses import replace

    from assistant.answer.scoring import counted_in

    q = profile("how many kids were arrested in 2031?")
    q = replace(q, synonyms=synonym_paraphrases(q.text, set(q.counted), {"minor"}.__contains__))
    assert "minor" in counted_in(q, ["19 minors were arrested in 2031."])
    # (a passage counting kids says what the question counts in its own words)
    assert "minor" not in counted_in(q, ["40 kids were held.", "19 minors were arrested in 2031."])


def test_a_crime_rate_is_answered_by_a_figure_per_head(tmp_path: Path) -> None:
    page = (
        "Zembla crime statistics 2031\n\n"
        "In 2031 the police recorded 45 offences per 1,000 inhabitants across Zembla, the lowest in a decade. "
        "Burglaries fell for the third year running.\n"
    )
    answer = ask_one_page(tmp_path, "zembla_crime_2031.txt", page, "What was Zembla's crime rate in 2031?")
    assert not answer.abstained, answer.answer
    assert "45 offences per 1,000" in answer.answer


def test_last_year_on_a_french_or_portuguese_page_is_the_year_before() -> None:
    from assistant.answer.relative import relative_years

    assert relative_years("une baisse par rapport à l'année dernière", 2017) == {"2016"}
    assert relative_years("610 mortes nos dez meses de 2024. Em relação ao ano anterior, -21%", 2025) == {"2023"}
    assert relative_years("o número subiu no ano passado", 2020) == {"2019"}
