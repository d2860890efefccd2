"""English questions over French, Portuguese and Spanish pages: the wordnets' words for the
question's nouns, dates written in those languages, and two question readings met on such pages
(a verb said of another thing than the one asked; "total fines" asks for money). The pages below
were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from assistant.understand.expand import foreign_paraphrases
from assistant.understand.lexicon import foreign_forms, foreign_words
from assistant.understand.question import answer_type, month_number, said_of_another
from assistant.understand.wanted import DAY, DAY_OF_MONTH
from tests.conftest import ask_one_page


def test_a_noun_has_the_words_of_the_sense_it_first_names() -> None:
    assert {"fuzil", "fusil"} <= set(foreign_words("rifles"))
    assert {"arma", "arme"} <= set(foreign_words("weapons"))
    # (a word one language alone aligns is often another sense: "droit" for police, "romã" for grenade)
    assert "droit" not in foreign_words("police") and "romã" not in foreign_words("grenades")
    # (nor a word English has too: it would find English pages)
    assert "base" not in foreign_words("bags") and "costa" not in foreign_words("cost")
    # (a sense whose commonest word is another gives only words spelt like the noun: "attempt" first
    # means an attack, "participant" a player)
    assert foreign_words("attempts") == () and foreign_words("participants") == ("participante",)
    # (a number's name is no thing counted; "billón" is a thousand times more)
    assert foreign_words("billion") == ()
    assert foreign_words("qwertyuiop") == ()


def test_a_foreign_noun_has_its_plurals() -> None:
    assert "fuzis" in foreign_forms("fuzil")
    assert "detenções" in foreign_forms("detenção")
    assert "journaux" in foreign_forms("journal")
    assert "armas" in foreign_forms("arma")


def test_only_words_some_page_says_stand_in_and_names_are_never_translated() -> None:
    known = {"fuzis", "arma", "granada"}
    found, written = foreign_paraphrases("how many rifles did the Police seize?", {"polic"}, known.__contains__)
    assert [(p.words, p.options) for p in found] == [(("rifl",), (("fuzis",),))]
    assert written == ("fuzis",)
    # ("director-general": each part a noun of its own, as "diretor-geral" is)
    found, _ = foreign_paraphrases("who is the director-general?", set(), {"diretor"}.__contains__)
    assert [(p.words, p.options) for p in found] == [(("director",), (("diretor",),))]
    # (a stem English has too is read as English: "granada" is Granada)
    assert foreign_paraphrases("how many grenades?", set(), known.__contains__) == ((), ())
    # (a word of another alphabet is one word: "Réunion" is no "union")
    assert foreign_paraphrases("arrests in Réunion", set(), {"sindicato"}.__contains__) == ((), ())


def test_a_count_on_a_portuguese_page_answers_an_english_question(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_apreensoes_2031.txt",
        "Balanço das apreensões na Zembla em 2031\n\n"
        "A polícia da Zembla apresentou o balanço anual das operações de 2031. "
        "Foram apreendidos 318 fuzis e 77 granadas em operações nas fronteiras do país.\n",
        "how many rifles were seized in zembla in 2031?",
    )
    assert not answer.abstained, answer.answer
    assert "318" in answer.answer


def test_dates_in_french_and_portuguese_are_days_and_months() -> None:
    assert DAY_OF_MONTH.search("une opération menée le 3 mai en pleine nuit")
    assert DAY_OF_MONTH.search("depuis la rencontre du 29 décembre 2016")
    assert DAY_OF_MONTH.search("a campanha decorre desde 16 de fevereiro")
    assert DAY_OF_MONTH.search("à partir du 1er juillet")
    assert not DAY_OF_MONTH.search("em março de 2025") and DAY.search("em março de 2025")
    assert not DAY.search("plus de 3 maisons")
    # (written in lower case, as those languages write them: these name no month)
    assert not DAY.search("Chiang Mai 2019") and not DAY.search("Mars 2020") and not DAY.search("Marco 2030")
    # (a question's month is English or Spanish: "Chiang Mai" names none)
    assert month_number("octubre") == 10 and month_number("Mai") == 0


def test_an_exact_date_on_a_french_page_answers_when(tmp_path: Path) -> None:
    answer = ask_one_page(
        tmp_path,
        "zembla_reunion_2031.txt",
        "La cellule financière de la Zembla\n\n"
        "Le président de la cellule a rappelé la réunion historique du 14 mars 2031 avec les banques de la Zembla. "
        "Depuis, chaque banque a créé un service de conformité.\n",
        "on what date was the historic meeting of the zembla financial cell with the banks?",
    )
    assert not answer.abstained, answer.answer
    assert "14 mars 2031" in answer.answer


def test_a_verb_said_of_another_thing_is_no_role_asked() -> None:
    q = "which company partnered with the city on the lighting project that led to the hotline?"
    assert "lead" in said_of_another(q, ("company",))
    # (said of the thing asked, the verb is its role)
    assert not said_of_another("which agency is the one that heads the task force?", ("agency", "one"))
    # (nor the noun said to be the one asked for)
    assert not said_of_another("Which organization was the agency that led the investigation?", ("organization",))


def test_total_fines_ask_for_money_and_a_number_of_fines_for_a_count() -> None:
    assert answer_type("total fines imposed in the smuggling case?") == "money"
    assert answer_type("how much in fees did the agency collect?") == "money"
    assert answer_type("how many fines were issued in 2031?") == "count"
    assert answer_type("total number of fines issued") == "count"
    assert answer_type("total arrests in 2031") == "count"
    assert answer_type("How many total fines were issued in 2031?") == "count"
