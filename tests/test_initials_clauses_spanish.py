"""Forms a question takes that the passages write otherwise: initials the user made up for a term
the page spells out ("FV" for family violence, "SARs" for suspicious activity reports), a code
typed without its hyphen ("P8I" for "P-8I"), a counted noun followed by a clause of its own
("total narcotics Iranian police seized"), "how many each", a topic before a dash that is no
premise, a substance counted in its units, a Spanish question typed without accents or its
opening mark, the names a Spanish question types, the members a counting sentence announces
("runs three triage lines." then one sentence per line), "what are they?" after a plural topic,
the years between two cited years, a year asked as a time rather than as a report's name,
statements before several questions as their premise, Spanish number words, and a figure for a list
of places that one of them is asked about."""

from __future__ import annotations

from assistant.answer.compose import year_gap
from assistant.answer.evidence import spaced
from assistant.types import Citation
from assistant.understand.bridge import looks_spanish, spanish_counted_word
from assistant.understand.initials import spelled_out
from assistant.understand.names import spanish_entities
from assistant.understand.question import count_given, counted_noun, counts, split_premise, time_asked, wants_list

PAGE = (
    "The Oravian Bureau of Statistics says family violence offences rose 9.2 per cent to 41,207.\n"
    "Breaches of family violence orders rose to 12,015. Businesses file suspicious activity reports "
    "online; the Bureau received 2,118 reports in 2024, and suspicious activity reports from banks doubled.\n"
    "The Joint Harbour Command said its Tarn-4 patrol craft left Veltra on Monday."
)


def known(stem: str) -> bool:
    return stem not in {"fv", "sar", "jhc", "qz"}


def test_initials_are_read_from_a_term_the_passages_spell_out() -> None:
    found = {p.words: p.options for p in spelled_out(["fv", "sars", "jhc", "qz"], ["sar"], [PAGE], known)}
    assert found[("fv",)] == (("family", "violenc"),)  # written twice: the page's own term
    assert ("report",) in found[("sar",)]  # "how many SARs": counted by the term's last word
    assert found[("jhc",)] == (("joint", "harbour", "command"),)  # a name written once in capitals
    assert ("qz",) not in found


def test_two_words_said_once_are_not_taken_for_typed_initials() -> None:
    assert spelled_out(["bs"], [], ["The Bureau of Statistics met once."], known) == ()


def test_a_code_is_said_with_a_hyphen_or_without() -> None:
    assert spaced("p8i", "its P-8I aircraft flew sorties")
    assert spaced("tarn4", PAGE)
    assert not spaced("p8i", "its P-8 aircraft")


def test_a_clause_after_the_counted_noun_is_not_counted() -> None:
    assert counted_noun("total narcotics iranian police seized in the 2 wks?") == ("narcotic",)
    assert counted_noun("how many customs officers were trained?") == ("officer",)
    assert counted_noun("how many youth leaders took part?") == ("leader",)
    assert counted_noun("SARs 2022 vs 2021 - how many each and why the jump?") == ()


def test_statements_before_several_questions_are_their_premise() -> None:
    q = "cicte said in 2016 it started container training for chile. did any of it happen later? when and where"
    assert split_premise(q) == (
        "cicte said in 2016 it started container training for chile.",
        "did any of it happen later? when and where",
    )


def test_a_topic_before_a_dash_is_no_premise() -> None:
    q = "Gibraltar SARs 2022 vs 2021 - how many each and why the jump?"
    assert split_premise(q) == ("", q)
    assert split_premise("CICTE held AEO workshops in Chile in 2016 - on what date was the first one?")[0]


def test_a_substance_is_counted_in_its_units() -> None:
    assert counts("police seized 30,678 kilograms of narcotics in two weeks", {"narcotic"})
    assert not counts("police seized 30,678 kilograms of opium in two weeks", {"narcotic"})


def test_spanish_typed_bare_is_read_as_spanish() -> None:
    assert looks_spanish("detenidos policia canaria 2023, cuantos eran menores?")
    assert not looks_spanish("BI offloaded pax jan-may - how many")
    assert spanish_counted_word("¿cuántos eran menores?") == spanish_counted_word("¿cuántos menores?")


def test_a_spanish_question_names_what_it_asks_about() -> None:
    assert spanish_entities("¿cuánto rescate le pidió Conti al gobierno de Costa Rica?") == ("conti", "costa", "rica")
    assert spanish_entities("¿Qué hizo España con el CICTE?") == ("spain", "cicte")
    assert spanish_entities("¿cuántos agentes tiene la Policía Canaria?") == ()  # words, not names


def test_a_year_after_in_is_the_time_asked() -> None:
    assert time_asked("2022", "how many drug cases were recorded in cambodia in 2022?")
    assert not time_asked("2020", "what does Chile's 2020 APEC plan say about ports?")


def test_spanish_number_words_are_figures() -> None:
    assert count_given("de las 27 instituciones afectadas, nueve instituciones fueron golpeadas", {"institucion"}) == 27
    assert count_given("nueve instituciones fueron golpeadas", {"institucion"}) == 9


def test_what_are_they_after_a_plural_topic_asks_for_a_list() -> None:
    assert wants_list("Oravia triage lines - what are they?")
    assert not wants_list("what are they doing about it?")


def _cited(n: int, quote: str) -> Citation:
    return Citation(n=n, doc_id="d", source="s.txt", title="t", page=1, section="", quote=quote, score=1.0)


def test_the_years_between_two_cited_years() -> None:
    cited = [
        _cited(1, "Since 1996 Oravia screens hold baggage."),
        _cited(2, "Since 2002 it screens transit passengers."),
    ]
    assert year_gap("by how many yrs?", cited) == "1996 to 2002: 6 years apart. [1][2]"
    assert year_gap("who paid?", cited) is None
    assert year_gap("by how many years?", [*cited, _cited(3, "The plan runs 2017-2022.")]) is None


ORAVIA = (
    "Oravian Bureau of Statistics: annual crime figures 2024\n\n"
    "The Oravian Bureau of Statistics published its annual crime figures on 3 March 2025. Recorded "
    "offences fell 2.1 per cent to 310,442. Family violence offences rose 9.2 per cent to 41,207 offences, "
    "the highest since family violence records began in 2001.\n\n"
    "The Joint Harbour Command reported 48 vessels boarded in 2024. Its commander, Rear Admiral "
    "Ilse Varga, said the Tarn-4 patrol craft flew 212 sorties from Veltra.\n\n"
    "Police seized 5,410 kilograms of narcotics during the year, most of it at the port of Veltra.\n\n"
    "The Oravian cyber centre runs three triage lines. One handles routine reports of online fraud. "
    "These get advice by email within a day. A second line takes serious intrusions that need an "
    "analyst. A third line handles phishing reports on its own.\n\n"
    "Since 1996 Oravia has screened hold baggage at all airports. Since 2002 Oravia has screened "
    "transit passengers.\n\n"
    "Floods in March affected 20,338 farmers, mostly in Regions Two, Six and Nine, the Bureau said."
)


def test_initials_codes_and_measured_counts_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over({"oravia-crime-2024.txt": ORAVIA})
    fv = assistant.ask("oravia FV offences 2024 - how many?")
    assert not fv.abstained and "41,207" in fv.answer, fv.answer
    jhc = assistant.ask("who commands the JHC?")
    assert not jhc.abstained and "Varga" in jhc.answer, jhc.answer
    code = assistant.ask("how many sorties did the Tarn4 craft fly?")
    assert not code.abstained and "212" in code.answer, code.answer
    narcotics = assistant.ask("total narcotics oravian police seized in 2024?")
    assert not narcotics.abstained and "5,410" in narcotics.answer, narcotics.answer
    ransom = assistant.ask("¿cuánto rescate pidió el grupo Conti a Oravia?")
    assert ransom.abstained, ransom.answer
    lines = assistant.ask("oravian cyber centre triage lines - what are they?")
    assert all(w in lines.answer for w in ("fraud", "intrusions", "phishing")), lines.answer
    whole = assistant.ask("how many oravian farmers were affected by the floods in March?")
    assert not whole.abstained and "20,338" in whole.answer, whole.answer
    member = assistant.ask("how many oravian farmers were affected by the March floods in Region Nine specifically?")
    assert member.abstained and "others together" in member.answer, member.answer
    listed = assistant.ask("how many oravian farmers did the March floods affect in regions two, six and nine?")
    assert not listed.abstained and "20,338" in listed.answer, listed.answer
    gap = assistant.ask(
        "in Oravia, what started earlier - hold baggage screening or transit passenger screening? by how many yrs?"
    )
    assert "6 years" in gap.answer, gap.answer
