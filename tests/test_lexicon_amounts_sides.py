"""Spanish nouns the glossary lacks, rendered from MultiWordNet; amounts written with a glued
sign or in words; a misspelt word mended to the dictionary word of its stem; "ones" counting
nothing; "how did X change" counting X; the words that tell a part from its whole; two names
weighed as the subject ("does A or B have more ...?"), each side's figure from a sentence naming
it; a report of many countries is no page of one. The pages below were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from assistant.core import build
from tests.conftest import HashEmbedder, ask_one_page
from assistant.understand.bridge import BUNDLED_GLOSSARY, bridge_query, load_glossary, spanish_counted
from assistant.understand.lexicon import spanish_nouns
from assistant.understand.question import counted_noun, profile, subset_asked
from assistant.understand.spelling import mend_words
from assistant.understand.wanted import MONEY


def test_the_lexicon_renders_spanish_nouns_in_english() -> None:
    nouns = spanish_nouns()
    assert "inmate" in nouns["recluso"] and "prisoner" in nouns["recluso"]
    assert "soldier" in nouns["soldado"]
    assert all("_" not in word for words in nouns.values() for word in words)


def test_the_lexicon_fills_only_what_the_glossary_lacks() -> None:
    glossary = load_glossary([BUNDLED_GLOSSARY], {"recluso": ("prisoner", "con", "inmate"), "país": ("land",)})
    rendered = spanish_counted("¿Cuántos reclusos había en 2031?", glossary)
    assert "inmate" in rendered and "prisoner" in rendered
    assert "con" not in rendered  # a Spanish word ("with") is no rendering of a Spanish noun
    assert "land" not in spanish_counted("¿Cuántos países firmaron?", glossary)  # the glossary's own entry stands
    assert spanish_counted("¿Cuántos reclusos había en 2031?", load_glossary([BUNDLED_GLOSSARY])) != rendered


def test_the_lexicon_renders_questions_not_pages_nor_names() -> None:
    glossary = load_glossary([BUNDLED_GLOSSARY], {"recluso": ("inmate",), "cuba": ("barrel",), "tras": ("butt",)})
    question = "¿Cuántos reclusos había tras la fuga desde Cuba?"
    rendered = bridge_query(question, glossary, {"recluso"})
    assert "inmate" in rendered and "reclusos" in rendered.split()  # the Spanish page's own word kept
    assert "barrel" not in rendered and "butt" not in rendered  # a name; a preposition (spaCy's list)
    armas = load_glossary([BUNDLED_GLOSSARY], {"armas": ("weaponry",)})
    assert "weaponry" not in spanish_counted("¿Cuántas armas se incautaron?", armas)  # the glossary's "arma"


def test_spanish_questions_read_the_lexicon_and_pages_the_glossary_alone(tmp_path: Path) -> None:
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    question = "¿Cuántos reclusos había en 2031?"
    assert "inmate" in bridge_query(question, assistant.spanish_glossary)
    assert "inmate" not in bridge_query(question, assistant.glossary)  # a page's sentence: the glossary only


def test_amounts_with_a_glued_sign_or_in_words() -> None:
    assert MONEY.search("seized pills worth Dh1.02 billion last year").group(0) == "Dh1.02 billion"
    assert MONEY.search("the bureau recovered Eight Billion Leones in 2031").group(0) == "Eight Billion Leones"
    assert MONEY.search("the grant of K4.5m was paid").group(0) == "K4.5m"
    assert MONEY.search("results for H1 2031 were published") is None
    assert MONEY.search("in Q2 2031 some 3 million people moved") is None
    assert MONEY.search("40 T72M tanks and the A4 M road") is None  # a model, a road
    assert MONEY.search("At1.2 million people were moved") is None  # a word run into a figure


def test_a_misspelt_word_of_a_known_stem_is_read_as_the_dictionary_word() -> None:
    known = {"president": 4, "instruct": 2}.get

    def frequency(stem: str) -> int:
        return known(stem, 0)

    assert mend_words("when was presidental instruction 008 issued?", frequency) == (
        "when was presidential instruction 008 issued?"
    )
    assert mend_words("when was the president told?", frequency) == "when was the president told?"
    assert mend_words("the presidents said", frequency) == "the presidents said"  # no letter dropped


def test_ones_count_nothing() -> None:
    assert counted_noun("how many of the convicted ones are women?") == ()
    assert counted_noun("how many of the ones who died were from the cell?") == ()
    assert counted_noun("how many phones were seized?") == ("phon",)


def test_a_report_naming_many_countries_does_not_answer_for_one_it_never_names(tmp_path: Path) -> None:
    """A page naming no country answers for the country asked (it is that country's own page);
    a committee's report whose other passages name member states is not Zembla's."""
    answer = ask_one_page(
        tmp_path,
        "committee_2031.txt",
        "Committee Secretariat: Annual Report 2031\n\n"
        "Introduction\n\n"
        "This report sets out the activities the Secretariat carried out in 2031, presented under Article 17 "
        "of the Statute.\n\n"
        "Border security\n\n"
        "The Secretariat trained 240 border officers from Chile, Peru and Bolivia in document "
        "fraud detection, and held two subregional workshops.\n",
        "What activities did the Secretariat carry out in Argentina in 2031?",
    )
    assert answer.abstained, answer.answer
    assert "argentina" in answer.answer.lower()


def test_a_part_is_told_by_its_nouns_adjectives_and_full_verbs() -> None:
    assert subset_asked("what share of the complaints it got in 30-31 actually went on to be investigated?") == (
        "investigat",
    )
    assert subset_asked("how many of them were later released on bail?") == ("releas", "bail")
    assert subset_asked("how many of the 82 suspects were arrested in Zembla?") == ("arrest", "zembla")
    assert subset_asked("How many of the prisoners were under 18?") == ("under", "18")  # an age tells the part
    assert subset_asked("how many were killed abroad?") == ("kill", "abroad")


def test_two_names_as_the_subject_of_a_comparison_are_its_sides() -> None:
    assert profile("Per the survey, does Zembla or Ruritania have more border posts?").sides == ("Zembla", "Ruritania")
    assert profile("Did Zembla or Ruritania train more officers in 2031?").sides == ("Zembla", "Ruritania")
    assert profile("does Zembla or Ruritania have border posts?").sides == ()  # nothing weighed
    assert profile("Did Zembla or Ruritania record more than 3,000 homicides?").sides == ()  # a threshold
    assert profile("Has Zembla or Ruritania signed, and how many more states must ratify?").sides == ()


def test_each_side_takes_a_figure_from_a_sentence_naming_it(tmp_path: Path) -> None:
    """The sentence naming a side gives its figure under another word ("weapons" for warheads);
    the next sentence's figure, of a third country, is not that side's. (Real country names in
    sentences written for the test: the tagger knows them as places.)"""
    answer = ask_one_page(
        tmp_path,
        "arsenals_2031.txt",
        "Arsenal estimates 2031\n\n"
        "Norway has pared down its arsenal to approximately 300 nuclear warheads.\n"
        "Chile is estimated to have about 260 strategic and tactical nuclear weapons.\n"
        "Canada is estimated to have around 7,300 nuclear warheads, though the total is uncertain.\n",
        "Per these estimates, does Norway or Chile have more nuclear warheads?",
    )
    assert not answer.abstained, answer.answer
    assert "300" in answer.answer and "260" in answer.answer and "7,300" not in answer.answer, answer.answer


def test_a_change_asked_with_did_ends_the_counted_phrase_before_its_verb() -> None:
    assert counted_noun("How did the number of arrests change between 2030 and 2031?") == ("arrest",)
    assert counted_noun("How did Zembla's total prison population change between 2030 and 2031?") == ("population",)
    assert counted_noun("How has the total number of arrests changed since 2030?") == ("arrest",)
    assert counted_noun("How did the number of change requests grow?") == ("request",)
    # (the question after the change keeps its own counted noun)
    assert counted_noun("How did the share of thefts change, and how many homicides were there?") == ("homicid",)
