"""Add the terms reports use to an English question phrased in other words.

Users ask about "trusted-trader certification" or "national computer-emergency squads";
the reports say "Authorized Economic Operator" and "CSIRTs", and BM25 scores no word in
common. An English thesaurus (data, same format and matcher as the Spanish glossary in
`assistant.understand.bridge`) maps lay terms, abbreviations and spelling variants to report terms;
`expand_query` returns those extra terms and the caller appends them to the lexical query.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from assistant.understand.bridge import Glossary, fold, phrase_matches
from assistant.understand.lexicon import (
    SPELT_ALIKE_PREFIX,
    english_stems,
    english_synonyms,
    foreign_forms,
    foreign_word,
    foreign_words,
    inflection_of,
    is_noun,
    spelt_alike,
)
from assistant.understand.question import Paraphrase, content_terms
from vectorstore.lexical import tokenize

BUNDLED_THESAURUS = Path(__file__).parent.parent / "data" / "thesaurus_en.tsv"

# A hyphen or dash between letters: "trusted-trader" is also tried as "trusted trader",
# so the thesaurus needs one spaced entry instead of every hyphenated spelling.
_JOINED = re.compile(r"(?<=\w)[-\u2010\u2011\u2013](?=\w)")
_WORD = re.compile(r"\w+")


def expand_query(text: str, thesaurus: Glossary) -> str:
    """The report terms for thesaurus phrases in `text`, space-joined; "" when none match.

    Longest phrase first, every alternative, in reading order; a term is given once and
    not at all when the question already contains it.
    """
    matches, spaced = _matches(text, thesaurus)
    found = [alt for _, alternatives in matches for alt in alternatives]
    asked = f" {_normalise(spaced)} "
    terms: dict[str, str] = {}
    for term in found:
        key = _normalise(term)
        if key and key not in terms and f" {key} " not in asked:
            terms[key] = term
    return " ".join(terms.values())


def _matches(text: str, thesaurus: Glossary) -> tuple[list[tuple[str, list[str]]], str]:
    """Thesaurus phrases of `text` and of its hyphens-as-spaces spelling, and that spelling."""
    text = text.replace("\u2019", "'")  # gov’t -> gov't
    spaced = _JOINED.sub(" ", text)
    matches = phrase_matches(text, thesaurus)
    if spaced != text:
        matches += phrase_matches(spaced, thesaurus)
    return matches, spaced


def _normalise(text: str) -> str:
    """Folded words joined by single spaces: "Dual-Use goods" -> "dual use goods"."""
    return " ".join(_WORD.findall(fold(text)))


def paraphrases(text: str, thesaurus: Glossary) -> tuple[Paraphrase, ...]:
    """Thesaurus phrases of `text` as stems, each with the report phrasings that may stand in
    for it; the answer engine credits a passage with the question's words when it holds one."""
    matches, _ = _matches(text, thesaurus)
    out: dict[tuple[str, ...], Paraphrase] = {}
    for phrase, alternatives in matches:
        words = content_terms(phrase)
        options = tuple(
            dict.fromkeys(o for o in (content_terms(a) for a in alternatives) if o and not set(o) <= set(words))
        )
        if words and options and words not in out:
            out[words] = Paraphrase(words, options)
    return tuple(out.values())


def synonym_paraphrases(text: str, stems: Collection[str], knows: Callable[[str], bool]) -> tuple[Paraphrase, ...]:
    """For the question's nouns among `stems` (what it counts or weighs) that no indexed report
    says, the wordnet's words for them that some report does: "how many kids" is answered by "774
    minors", "meth" by "methamphetamine". A word the reports use is their word already: a question
    counting "shootings" where no passage counts any is not answered by "12 shots". One word each:
    a sense's phrases ("small_fry") are glosses, not what a report calls the thing."""
    out: dict[tuple[str, ...], Paraphrase] = {}
    for word in _TYPED.findall(text):
        own = tuple(tokenize(word))  # ("grown-ups": two tokens, one noun)
        if not own or not set(own) & set(stems) or own in out or all(knows(t) for t in own):
            continue
        options = tuple(
            dict.fromkeys((t,) for s in english_synonyms(word) for t in tokenize(s)[:1] if t not in own and knows(t))
        )
        if options:
            out[own] = Paraphrase(own, options)
    return tuple(out.values())


# A foreign word this short after stemming ("décès": "dec") is read as some English word's.
MIN_FOREIGN_STEM = 4
# Foreign words spelt like a noun kept per noun, the likest first.
SPELT_ALIKE_PER_NOUN = 2


def foreign_paraphrases(
    text: str,
    names: Collection[str],
    knows: Callable[[str], bool],
    opening_as: Callable[[str], Iterable[str]] | None = None,
) -> tuple[tuple[Paraphrase, ...], tuple[str, ...]]:
    """For the nouns of an English question, the French, Portuguese and Spanish words for them that
    some indexed page says, as phrasings of them ("rifles": fuzis):
    the embedding model reads English only, and a Brazilian page counts "642 fuzis". Also those
    words as the pages write them, one spelling per stem, for the lexical search. `names` (stems)
    are the question's names: never translated.

    The wordnets lack many a report's noun ("coordinator", "cocaine" in its drug sense), so
    `opening_as` (the index's stems that open with given letters) also offers the indexed words
    spelt like the noun that are French, Portuguese or Spanish words and no English word's
    ("coordinadora", "cocaína"; not "direct" for "director", nor "policía" for "policy")."""
    out: dict[tuple[str, ...], Paraphrase] = {}
    written: dict[str, str] = {}
    english = english_stems()
    # ("director-general": each part is a noun of its own, "diretor-geral" on a Brazilian page)
    typed = [
        part
        for word in _UNICODE_TYPED.findall(unicodedata.normalize("NFKC", text))
        for part in dict.fromkeys([word, *word.split("-")])
    ]
    for word in typed:
        own = tuple(tokenize(word))
        if len(own) != 1 or own[0] in names or own in out:
            continue
        options: list[tuple[str, ...]] = []
        for foreign in foreign_words(word):
            for form in foreign_forms(foreign):
                stems = tokenize(form)
                # (a stem English has too is read as English: "polícia" is "polic", as "police" is)
                if len(stems) != 1 or len(stems[0]) < MIN_FOREIGN_STEM or stems[0] in english:
                    continue
                if knows(stems[0]):
                    options.append((stems[0],))
                    written.setdefault(stems[0], form)
                # (the wordnets give a masculine singular; a page may say the feminine or plural that
                # the English stemmer keeps whole: "diretor" is "diretora" on a Guinean page)
                for inflected in _inflected(stems[0], foreign, word, opening_as, english):
                    options.append((inflected,))
                    written.setdefault(inflected, inflected)
        if opening_as is not None and len(own[0]) >= SPELT_ALIKE_PREFIX and is_noun(word):
            alike = [
                stem
                for stem in opening_as(own[0][:SPELT_ALIKE_PREFIX])
                if stem != own[0] and stem not in english and spelt_alike(own[0], stem) and tokenize(stem) == [stem]
            ]
            for stem in [s for s in alike if foreign_word(s, word)][:SPELT_ALIKE_PER_NOUN]:
                options.append((stem,))
                written.setdefault(stem, stem)
        if options:
            out[own] = Paraphrase(own, tuple(dict.fromkeys(options)))
    return tuple(out.values()), tuple(written.values())


# The gender endings French, Portuguese and Spanish add to a noun ending in a consonant, with their
# plurals ("diretor": diretora, diretoras; not "medica": medicao, a measurement once folded).
FOREIGN_INFLECTIONS = frozenset({"a", "as", "e", "es"})


def _inflected(
    stem: str, foreign: str, noun: str, opening_as: Callable[[str], Iterable[str]] | None, english: Collection[str]
) -> list[str]:
    """Indexed stems that are `stem` (of the foreign word for `noun`) with a gender ending, if no
    English word and no word the wordnets give for other nouns ("refugio" is a shelter)."""
    if opening_as is None or len(stem) < SPELT_ALIKE_PREFIX or stem[-1] in "aeiou":
        return []
    return [
        t
        for t in opening_as(stem)
        if t[len(stem) :] in FOREIGN_INFLECTIONS and t not in english and inflection_of(t, foreign, noun)
    ]


# A word as typed in any alphabet, hyphenated ones whole ("Réunion" is one word, not "union").
_UNICODE_TYPED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


# A word as typed, hyphenated ones whole ("grown-ups").
_TYPED = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")
