"""English questions in lay words gain the terms the reports use."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.understand.bridge import Glossary, load_glossary, translate_phrases
from assistant.understand.expand import BUNDLED_THESAURUS, expand_query


@pytest.fixture(scope="module")
def thesaurus() -> Glossary:
    return load_glossary([BUNDLED_THESAURUS])


def test_bundled_thesaurus_is_broad(thesaurus: Glossary) -> None:
    assert len(thesaurus) >= 400


def test_abbreviations_become_full_words(thesaurus: Glossary) -> None:
    extra = expand_query("What did the govt dept and intl org reps discuss at the mtg?", thesaurus)
    assert {"government", "department", "international", "organization", "representatives", "meeting"} <= set(
        extra.split()
    )


def test_curly_apostrophe_is_read_as_straight(thesaurus: Glossary) -> None:
    assert "government" in expand_query("Which gov’t agencies took part?", thesaurus).split()


def test_multi_word_paraphrase_reaches_the_report_term(thesaurus: Glossary) -> None:
    extra = expand_query("Which states have a cyber emergency squad?", thesaurus)
    assert "CSIRT" in extra.split() and "Computer Security Incident Response Team" in extra


def test_longest_phrase_wins_over_its_words(thesaurus: Glossary) -> None:
    extra = expand_query("Does the port security code apply?", thesaurus)
    assert "ISPS Code" in extra
    assert "maritime security" not in extra  # what "port security" alone would add


def test_hyphenated_spelling_matches_the_spaced_entry(thesaurus: Glossary) -> None:
    extra = expand_query("Which firms hold trusted-trader certification?", thesaurus)
    assert "Authorized Economic Operator" in extra and "AEO" in extra.split()


def test_plurals_match_singular_entries(thesaurus: Glossary) -> None:
    extra = expand_query("Were sniffer dogs used to check shipowners' containers?", thesaurus)
    assert "K-9" in extra.split()
    assert "shipping company" in extra


def test_lay_words_map_to_policy_words(thesaurus: Glossary) -> None:
    extra = expand_query("Is it compulsory? Who bankrolled the dirty bomb drill?", thesaurus)
    assert {"mandatory", "financed", "radiological"} <= set(extra.split())


def test_british_spelling_adds_the_american_one(thesaurus: Glossary) -> None:
    assert expand_query("Which organisation runs the centre?", thesaurus).split() == ["organization", "center"]


def test_terms_come_once_and_not_when_already_asked(thesaurus: Glossary) -> None:
    extra = expand_query("When were the CSIRT and the CERT set up?", thesaurus)
    words = [word.lower() for word in extra.split()]
    assert "csirt" not in words and "cert" not in words
    assert extra.count("Computer Security Incident Response Team") == 1
    assert words.count("established") == 1


def test_text_without_known_phrases_adds_nothing(thesaurus: Glossary) -> None:
    assert expand_query("Lorem ipsum dolor sit amet", thesaurus) == ""
    assert expand_query("", thesaurus) == ""


def test_expansion_is_deterministic(thesaurus: Glossary) -> None:
    # (its speed is a benchmark's business, not a timed test's: the clock failed under load)
    question = "Is the safety-management code for ships compulsory for shipowners in member countries?"
    outputs = {expand_query(question, thesaurus) for _ in range(200)}
    assert len(outputs) == 1


def test_translate_phrases_has_no_language_gate(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("# test\nsniffer dog\tK-9|canine\ndog\tanimal\n", encoding="utf-8")
    glossary = load_glossary([path])
    assert translate_phrases("The sniffer dogs and a dog", glossary) == ["K-9", "canine", "animal"]
