"""Spanish questions become English search text; English questions are left alone."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.understand.bridge import (
    BUNDLED_GLOSSARY,
    Glossary,
    GlossaryError,
    bridge_query,
    load_glossary,
    looks_spanish,
)


def words(text: str) -> set[str]:
    return set(text.lower().split())


def test_bundled_glossary_is_broad(glossary: Glossary) -> None:
    assert len(glossary) >= 500


def test_question_about_a_publication_date(glossary: Glossary) -> None:
    bridged = bridge_query("¿Cuándo se publicó la guía de buenas prácticas?", glossary)
    assert {"when", "published", "guide"} <= words(bridged)
    assert "best practices" in bridged
    assert not words(bridged) & {"la", "de", "se"}


def test_phrases_win_over_their_words_and_plurals_match(glossary: Glossary) -> None:
    bridged = bridge_query("¿Qué países crearon equipos de respuesta a incidentes?", glossary)
    assert {"which", "country", "created", "established"} <= words(bridged)
    assert "incident response team" in bridged
    assert "equipment" not in words(bridged)  # "equipo" alone would mean equipment too


def test_accents_and_case_are_optional(glossary: Glossary) -> None:
    with_accents = bridge_query("¿Dónde se realizó el taller sobre seguridad de la aviación?", glossary)
    without = bridge_query("DONDE SE REALIZO EL TALLER SOBRE SEGURIDAD DE LA AVIACION?", glossary)
    for bridged in (with_accents, without):
        assert {"where", "held", "workshop"} <= words(bridged)
        assert "aviation security" in bridged


def test_names_acronyms_numbers_and_years_are_kept(glossary: Glossary) -> None:
    question = "¿Cuántos funcionarios de Honduras capacitó la OEA en 2016 con la Resolución 1540?"
    bridged = bridge_query(question, glossary)
    assert {"how", "many", "trained", "honduras", "2016", "1540", "oas"} <= words(bridged)
    assert "United Nations" not in bridged


def test_spanish_country_and_organisation_names_become_english(glossary: Glossary) -> None:
    bridged = bridge_query("¿Qué asistencia recibieron México, Perú y Trinidad y Tobago de la OMA?", glossary)
    assert {"Mexico", "Peru", "WCO"} <= set(bridged.split())
    assert "Trinidad and Tobago" in bridged and "World Customs Organization" in bridged


def test_quoted_title_is_kept_and_translated(glossary: Glossary) -> None:
    bridged = bridge_query('¿Quién elaboró el manual "Seguridad Portuaria y Control de Contenedores"?', glossary)
    assert "Seguridad Portuaria y Control de Contenedores" in bridged
    assert "port security" in bridged and "container control" in bridged
    assert {"who", "developed", "manual"} <= words(bridged)


def test_question_word_without_accent_at_the_start_is_translated(glossary: Glossary) -> None:
    bridged = bridge_query("Que paises recibieron asistencia legislativa en 2017", glossary)
    assert {"which", "received", "2017"} <= words(bridged)
    assert "legislative assistance" in bridged


def test_cognate_endings_cover_words_missing_from_the_glossary(glossary: Glossary) -> None:
    bridged = bridge_query("¿Cuál fue la contribución a la modernización de la infraestructura?", glossary)
    assert "modernization" in words(bridged)


@pytest.mark.parametrize(
    "question",
    [
        "When was the guide on best practices for establishing a national CSIRT published?",
        "Which workshop was held in Bogotá in 2016?",
        "What did the port of Valparaíso do under the ISPS code?",
        "Who funded the Casa de la Moneda project?",
        "How many officials were trained?",
    ],
)
def test_english_questions_pass_through_unchanged(glossary: Glossary, question: str) -> None:
    assert not looks_spanish(question)
    assert bridge_query(question, glossary) == question


@pytest.mark.parametrize(
    "question",
    ["¿Qué es el CICTE?", "Que es la ciberseguridad", "cuándo se firmó el acuerdo", "Guía de buenas prácticas"],
)
def test_spanish_is_recognised(question: str) -> None:
    assert looks_spanish(question)


def test_bridging_is_fast_and_deterministic(glossary: Glossary) -> None:
    question = "¿Qué países recibieron asistencia legislativa sobre financiamiento del terrorismo en 2016?"
    start = time.perf_counter()
    outputs = {bridge_query(question, glossary) for _ in range(200)}
    per_call = (time.perf_counter() - start) / 200
    assert len(outputs) == 1
    assert per_call < 0.001


def test_a_later_glossary_overrides_an_earlier_one(glossary: Glossary, tmp_path: Path) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text("# local terms\ntaller\tseminar|clinic\nbrigada canina\tK9 brigade\n", encoding="utf-8")
    merged = load_glossary([BUNDLED_GLOSSARY, extra])
    bridged = bridge_query("¿Dónde se realizó el taller de la brigada canina?", merged)
    assert {"seminar", "clinic", "k9", "brigade"} <= words(bridged)
    assert "workshop" not in words(bridged)


@pytest.mark.parametrize(
    "bad_line",
    ["taller workshop", "taller\t", "\tworkshop", "taller\tworkshop||seminar", "taller\tworkshop\textra"],
)
def test_malformed_line_is_reported_with_file_and_line(tmp_path: Path, bad_line: str) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text(f"# header\nguía\tguide\n\n{bad_line}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"broken\.tsv:4"):
        load_glossary([path])


def test_duplicate_term_in_one_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dup.tsv"
    path.write_text("guía\tguide\nGuía\tguidelines\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"dup\.tsv:2: duplicate"):
        load_glossary([path])


def test_a_word_the_glossary_lacks_finds_the_index_stem_it_shares() -> None:
    from assistant.understand.bridge import shared_stem

    vocabulary = {"cocain", "particip", "financ", "fin", "terror", "terrorism"}
    assert shared_stem("cocaina", vocabulary) == "cocain"
    assert shared_stem("terrorismo", vocabulary) == "terrorism"
    assert shared_stem("financiamiento", vocabulary) == "financ"
    assert shared_stem("casa", vocabulary) == "" and shared_stem("mesas", vocabulary) == ""


def test_a_spanish_cognate_finds_the_index_stem_it_shares_most_letters_with() -> None:
    from assistant.understand.bridge import shared_stem
    from vectorstore.lexical import LexicalIndex, tokenize

    index = LexicalIndex([tokenize("Cuba joined as an observer State"), tokenize("the observatory opened")])
    assert shared_stem("observador", index) == "observer"
    assert shared_stem("mesas", index) == ""


def test_the_noun_a_spanish_count_question_counts_is_rendered_in_english(glossary: Glossary) -> None:
    from assistant.understand.bridge import spanish_counted

    assert spanish_counted("¿Cuántas mujeres asistieron al taller de Zembla?", glossary) == ("women",)
    assert "suspect" in spanish_counted("¿Cuántos sospechosos fueron detenidos?", glossary)
    from assistant.understand.bridge import spanish_counted_word

    # the Spanish word as written, for a Spanish document's "22 países"
    assert spanish_counted_word("¿cuántos países reúne la red?") == ("pais",)
    assert spanish_counted("¿Dónde se celebró el taller?", glossary) == ()


def test_a_conjugated_or_plural_spanish_word_finds_its_dictionary_form(glossary: Glossary) -> None:
    rendered = bridge_query("¿Cuánto valían las armas incautadas en Zembla?", glossary)
    assert "worth" in rendered and "seized" in rendered


def test_a_spanish_word_the_glossary_lacks_is_kept_when_the_reports_use_it(glossary: Glossary) -> None:
    """A Spanish report says "rutas": the question's untranslated word finds it."""
    from assistant.understand.bridge import bridge_query

    vocabulary = {"ruta", "chil"}
    assert "rutas" in bridge_query("¿Por qué rutas entra la droga a Chile?", glossary, vocabulary).split()
    assert "rutas" not in bridge_query("¿Por qué rutas entra la droga a Chile?", glossary, {"chil"}).split()


def test_a_spanish_words_renderings_are_one_phrasing_and_an_unused_one_stays_asked(glossary: Glossary) -> None:
    """ "presupuesto" is rendered "budget", which no report uses: the question still asks for it, so
    a passage that never says it covers less; "organismos" is "agency | body | organization": a
    passage saying one is not short of the others."""
    from assistant.understand.bridge import translated_terms
    from vectorstore.lexical import LexicalIndex, tokenize

    index = LexicalIndex([tokenize("the agency and other bodies of the organization"), tokenize("annual report")])
    kept, readings = translated_terms("¿cuál es el presupuesto anual de los organismos?", glossary, index)
    assert "budget" in kept and "annu" not in kept
    assert [set(r.words) for r in readings] == [{"agency", "body", "organization"}]
    assert set(readings[0].options) == {("agency",), ("body",), ("organization",)}
