"""A list of untyped things read by its short parts, a premise before a dash, a figure after a verb
of amounting, and the index lookups that keep a question's cost flat as documents are added."""

from __future__ import annotations

import numpy as np

from assistant.answer.scoring import short_parts
from assistant.types import Chunk, Filters
from assistant.understand.question import asks_plural, counts, split_premise
from vectorstore.index import Snapshot
from vectorstore.lexical import LexicalIndex, tokenize


def test_a_list_of_things_is_a_sentence_of_many_short_parts() -> None:
    listed = "Seized arms include nine pistols, 13 magazines, one hand grenade and 20 kg gun powder."
    assert short_parts(listed) >= 4
    assert short_parts("movilizó seis motobombas, una pala, dos tractores y un remolque") >= 4
    prose = (
        "In 2016, through the project, the section made validation visits and supported outreach workshops"
        " for the private sector."
    )
    assert short_parts(prose) < 4
    # a bracketed aside lists nothing
    assert short_parts("The plan (adopted in May, June, July and August) was signed.") <= 1


def test_a_plural_thing_asked_for_is_read_from_the_head_noun_after_the_question_word() -> None:
    assert asks_plural("Which kinds of firearms were handed in?")
    assert asks_plural("which crime categories were trending down?")
    assert not asks_plural("which exec order sets up the structure of the secretariat?")
    assert not asks_plural("Which Honduran port's officers got training?")


def test_a_premise_before_a_dash_is_context_unless_the_question_compares_it() -> None:
    assert split_premise("Zembla held two port workshops in 2016 — on what date was its AEO programme launched?") == (
        "Zembla held two port workshops in 2016",
        "on what date was its AEO programme launched?",
    )
    for whole in (
        "seizures in Zembla vs Ruritania in 2023 - which is bigger?",
        "the plan says Zembla drafted a bill - how does that compare with what Ruritania did?",
    ):
        assert split_premise(whole) == ("", whole)


def test_a_figure_after_a_verb_of_amounting_counts_its_subject() -> None:
    nouns = set(tokenize("cyberattacks"))
    assert counts("Cyberattacks targeting strategic sectors have surpassed 200,000 daily.", nouns)
    assert counts("Cyberattacks stood at 1,200 in May.", nouns)
    assert not counts("The budget reached 200 million.", nouns)


def _chunk(i: int, doc: str, year: int, country: str) -> Chunk:
    return Chunk(f"{doc}-{i}", doc, f"{doc}.txt", doc, "text", "", i, i + 4, year=year, country=country)


def test_a_filter_mask_looks_its_values_up() -> None:
    chunks = tuple(
        _chunk(i, doc, year, country)
        for doc, year, country in (("a", 2016, "Chile"), ("b", 2020, "Chile"), ("c", 2020, "Peru"))
        for i in range(3)
    )
    snap = Snapshot(chunks, LexicalIndex([tokenize(c.text) for c in chunks]), ())
    mask = snap.mask(Filters(years=(2020,), countries=("Chile", "Zembla")))
    assert mask.tolist() == [0.0] * 3 + [1.0] * 3 + [0.0] * 3
    assert np.array_equal(snap.mask(Filters(doc_ids=("c",))), np.array([0.0] * 6 + [1.0] * 3, dtype="float32"))
    assert snap.mask(Filters()).sum() == 9 and snap.mask(Filters(years=(1999,))).sum() == 0


def test_another_form_of_a_name_is_looked_up_by_its_first_letters() -> None:
    lexical = LexicalIndex([tokenize("Honduras and Hondo"), tokenize("hon 1540 hondx9")])
    forms = lexical.stems_opening_as("honduran")
    assert set(tokenize("Honduras")) <= set(forms) and all(f.startswith("hond") and f.isalpha() for f in forms)
    assert lexical.stems_opening_as("hon") == ()


RURITANIA_NOTE = "\n".join(
    [
        "Ruritania Border Service: Annual Note 2031",
        "",
        "The Border Service held its annual review in Strelsau in March 2031. The review covered the year's "
        "operations along the northern border and the training of new officers at the Zenda academy.",
        "",
        "Officers of the northern posts seized arms during the year. Seized arms include nine pistols, two "
        "hunting rifles, 13 magazines, one hand grenade and 316 rounds of ammunition. The Service thanked the "
        "customs officers of the northern posts for their support.",
        "",
    ]
)


def test_a_plural_thing_asked_for_is_answered_by_the_sentence_listing_them(assistant_over) -> None:
    assistant = assistant_over({"ruritania-border-note-2031.txt": RURITANIA_NOTE})
    answer = assistant.ask("Which kinds of arms did the Ruritania Border Service seize in 2031?")
    assert not answer.abstained and all(w in answer.answer for w in ("pistols", "hand grenade")), answer.answer
