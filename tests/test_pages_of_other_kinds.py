"""Pages of kinds met on other organisations' sites: a Spanish or Portuguese page saying the
question's noun in its own spelling ("cocaína") or naming the country in its own language
("Brasil"), a rate "por 100 mil habitantes", a news page giving each sentence a paragraph of its
own (the speaker a paragraph after the event), a head asked for by a "director", a page whose
opening says the year its later sentences speak of. The pages below were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.evidence import opening_years
from assistant.types import Chunk, Hit
from assistant.understand.countries import english_of_foreign, foreign_names_of
from assistant.understand.lexicon import foreign_word, spelt_alike
from assistant.understand.question import counts, planned
from assistant.understand.wanted import PER_HEAD, PERCENT
from tests.conftest import ask_one_page


def test_words_spelt_alike_across_languages() -> None:
    assert spelt_alike("cocain", "cocaina") and spelt_alike("homicid", "homicidio")
    assert spelt_alike("coordinator", "coordinadora")
    # (sharing a few letters is not enough: "custom" is no "custodia", "country" no "contra", and a
    # long word does not hold a short one)
    assert not spelt_alike("custom", "custodia") and not spelt_alike("countri", "contra")
    assert not spelt_alike("container", "contraviniereiz")
    # (nor is an English word, or a form of one, another language's: "continu", "direct")
    assert foreign_word("cocaina", "cocaine") and not foreign_word("continu", "container")
    assert not foreign_word("direct", "director")
    # (nor a word the wordnets give for another noun: "policía" is police, not policy)
    assert not foreign_word("policia", "policy")


def test_a_country_by_its_names_in_other_languages() -> None:
    assert {"Brasil", "Brésil"} <= set(foreign_names_of("brazil"))
    assert "Suisse" in foreign_names_of("Switzerland")
    assert {"Brazil", "Belgium"} <= english_of_foreign("Le Brésil et la Belgique")
    # (not a name English has: "Maurice" in an English text is a man, not Mauritius)
    assert "Mauritius" not in english_of_foreign("Maurice Smith said")
    # (nor a first name before a surname: "Dominique Martin" is no Dominica)
    assert not english_of_foreign("Dominique Martin a dit") and english_of_foreign("La Dominique a voté")
    # (Spanish names as a Spanish page writes them, whatever English has: "Filipinas")
    assert "Philippines" in english_of_foreign("las Filipinas")


def test_rates_and_shares_in_other_languages() -> None:
    assert PER_HEAD.search("a taxa de homicídios ficou em 8,73 por 100 mil habitantes")
    assert PER_HEAD.search("un taux de 5,2 pour 100 000 habitants")
    assert PER_HEAD.search("2 por habitante")
    assert PERCENT.search("une hausse de 12 pour cent")
    # ("por", "par" are also "by": only before a population word)
    assert not PER_HEAD.search("45 homicides ont été élucidés par 1 000 policiers")
    assert not PER_HEAD.search("la ley fue aprobada por 100 votos")


def test_a_figure_then_a_copula_counts_the_noun_after() -> None:
    assert counts("More than half of the inmates, or 13,550, are drug offense convicts.", {"convict"})
    # (a comma before "of which" still reads no part: the money is not a number of victims)
    assert not counts("$2.5 million, of which victims received 40%", {"victim"})


def test_a_verb_coming_is_no_coming_event() -> None:
    assert not planned("main source countries of contraband coming into Zembla?")
    assert planned("where is the coming plenary?")
    assert planned("who hosts the following meeting?")


def test_an_english_question_over_a_spanish_page_in_its_own_spelling(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_balance_2031.txt",
        "Balance anual de la Policía de Zembla\n\n"
        "La Policía de Zembla decomisó 812 kilos de cocaína durante 2031 en los puertos del país. "
        "La coordinadora nacional de fiscales antidrogas es la abogada Rocío Tamayo Ibarra.\n",
        "who is the national coordinator of the anti-drug prosecutors in zembla?",
    )
    assert not answer.abstained, answer.answer
    assert "Tamayo" in answer.answer


def test_a_rate_per_head_on_a_portuguese_page(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_estatisticas_2031.txt",
        "Estatísticas criminais de Zembla\n\n"
        "No estado, foram registradas 1.204 mortes em 2031 e a taxa de homicídios ficou em 6,42 "
        "por 100 mil habitantes. Na capital, a redução foi de 9%.\n",
        "zembla homicide rate in 2031?",
    )
    assert not answer.abstained, answer.answer
    assert "6,42" in answer.answer


_MEETING = (
    "Police solve fraud cases\n\n"
    "Zembla authorities revealed in a meeting on Monday at the Zembla Parliament that police had solved "
    "1,234 fraud cases this year.\n\n"
)


@pytest.mark.parametrize(
    ("after", "named", "joins"),
    [
        (
            "During the meeting, Colonel Arvid Tammsaare, Deputy Minister of the Interior, stated that the police "
            "had arrested 2,345 suspects.\n\nOther fraud was reported as well.\n",
            "Tammsaare",
            True,
        ),
        # (a pronoun alone may point at anyone: "He also said" sets nothing in the meeting)
        (
            "He also said that Colonel Jan Berg, who retired in May, was unhappy with the pension rules.\n",
            "Berg",
            False,
        ),
    ],
)
def test_the_speaker_a_paragraph_after_the_event(tmp_path: Path, after: str, named: str, joins: bool) -> None:
    answer = ask_one_page(
        tmp_path, "zembla_fraud_news.txt", _MEETING + after, "Who gave the Zembla Parliament the fraud figures?"
    )
    assert (named in answer.answer) == joins, answer.answer


def _opening(text: str) -> list[Hit]:
    chunk = Chunk("c1", "d1", "page.txt", "page", text, "", 0, len(text))
    return [Hit(chunk, 1.0)]


def test_the_year_a_page_opens_with_is_the_time_of_what_it_tells() -> None:
    opening = "date 2032-03 Recorded offences in Zembla fell again in 2031, the statistics office said on Monday."
    assert opening_years(_opening(opening)) == {"d1": "2031"}
    # (not a year of founding, nor a headline's, nor one of several years compared)
    assert opening_years(_opening("The agency, established in 1998, published its yearly figures on Monday.")) == {}
    assert opening_years(_opening("Zembla crime report 2031\n\nThe office published the figures on Monday.")) == {}
    assert opening_years(_opening("Offences fell in 2031 after they rose in 2030, the office said.")) == {}


def test_amounts_in_french_and_portuguese() -> None:
    from assistant.understand.wanted import MONEY

    assert MONEY.search("le gel de 12,5 millions de dinars")
    assert MONEY.search("un total de 45 millions d'euros")
    assert MONEY.search("1,2 milhões de reais")
    assert not MONEY.search("12 millions de personnes")


def test_a_total_said_first_in_portuguese_and_spanish_counts() -> None:
    assert counts("Assim, o total de crimes registados desceu de 17.993 para 16.624", {"crim"})
    assert counts("el número de homicidios fue de 312 en todo el país", {"homicidio"})
    # (a year after it is no figure of it)
    assert not counts("el número de casos en 2020", {"caso"})
