"""Mistyped words in a question, read as the word meant ("numbr of measures", "which countires",
"wich reports").

A typo costs twice: the word matches nothing, and when it is the word that says what kind of
answer is wanted ("number", "countries"), the engine no longer knows what to look for. A word
is mended only when neither the English dictionary (simplemma) nor the indexed reports know it,
and then only to a word one edit away that both know, or, in a long word, two letters doubled or
undoubled ("reccomended"); the most frequent in the reports wins.
Names are left alone: a capitalised word, or one the reports use as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vectorstore.lexical import tokenize

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A lower-case word; after a hyphen only in a lower-case compound ("co-chiars"), not a code ("USAP-cma").
_WORD = re.compile(r"(?<![\w@./])(?<![^a-z]-)([a-z]{4,})(?![\w@/-])")


def _one_edit_words(word: str) -> set[str]:
    """Every string one letter away: dropped, swapped with its neighbour, changed or added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        | {a + c + b for a, b in splits for c in _LETTERS}
    ) - {word}


# A word this long may have two of its letters doubled or undoubled by mistake.
DOUBLING_MIN_LETTERS = 8


def _doubling(word: str) -> set[str]:
    """Every string with one letter of `word` doubled, or one doubled letter made single."""
    doubled = {word[: i + 1] + word[i] + word[i + 1 :] for i in range(len(word)) if word[i].isalpha()}
    single = {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
    return (doubled | single) - {word}


def mend_words(question: str, frequency: Callable[[str], int]) -> str:
    """The question with each unknown lower-case word replaced by the word meant, if one is
    clear. `frequency(stem)` says in how many indexed texts a stemmed token occurs."""
    from ingest.normalize import is_word

    def known(word: str) -> bool:
        stems = tokenize(word)
        return not stems or all(frequency(s) for s in stems)

    def meant(m: re.Match[str]) -> str:
        word = m.group(1)
        if is_word(word):
            return word
        if known(word):
            # "presidental" stems as "presidential" does: the index finds it, but a check of the
            # words a passage says reads it as typed; the dictionary word of the same stem is meant
            # (a letter left out or two swapped: "philippines" and "paide" lose no letter to a shorter
            # word, and "tajik" is no plural "tajiks")
            same = sorted(
                c
                for c in _one_edit_words(word)
                if (
                    (len(c) == len(word) + 1 and c != f"{word}s") or (len(c) == len(word) and sorted(c) == sorted(word))
                )
                and tokenize(c) == tokenize(word)
                and is_word(c)
            )
            return same[0] if len(same) == 1 else word
        scored = []
        # (a double letter typed single and a single typed double is the commonest two-letter slip:
        # "reccomended", "comittee", "accomodation")
        candidates = _one_edit_words(word)
        if len(word) >= DOUBLING_MIN_LETTERS:
            candidates |= {c for once in _doubling(word) for c in _doubling(once)}
        for candidate in candidates:
            stems = tokenize(candidate)
            if len(stems) == 1 and frequency(stems[0]) and is_word(candidate):
                scored.append((frequency(stems[0]), candidate))
        return max(scored)[1] if scored else word

    question = _NUMBER_OF.sub("number ", _SHORTHAND_AND.sub(" and ", question))
    return _WORD.sub(meant, question)


# Texting shorthand: "where was it held n on what dates" asks two things.
_SHORTHAND_AND = re.compile(r"(?<=[a-z]) n (?=[a-z])")
# "total no. of incident reports", "# of members": the number of them is asked, not "no".
_NUMBER_OF = re.compile(r"(?:\b(?:no|nos|num|nr)\.?|#)\s*(?=of\b)", re.I)


_WH_WORDS = ("which", "what", "when", "where", "whose")


def mend_question_word(question: str) -> str:
    """A mistyped opening wh-word ("wich reports ...", "whta is ...") read as meant; the question
    form, the asked-for noun and the wanted kind all start from it. The wh-words are no index
    words (stop words), so `mend_words` leaves them to this."""
    from ingest.normalize import is_word  # simplemma's English words: "wheat" is one, "wich" is not

    m = re.match(r"\s*([A-Za-z]{4,6})\b", question)
    word = m.group(1).lower() if m else ""
    if word[:-1] in _WH_WORDS and word.endswith("s"):  # "whats the ...": "what's the ..."
        return f"{question[: m.end(1) - 1]}'s{question[m.end(1) :]}"
    if not word or word in _WH_WORDS or word.rstrip("s") in _WH_WORDS or is_word(word):
        return question
    meant = next((w for w in _WH_WORDS if w in _one_edit_words(word)), None)
    return f"{question[: m.start(1)]}{meant}{question[m.end(1) :]}" if meant else question


# Chat shorthand of Spanish staff: "q" for "que"/"qué" ("en q idiomas ...", "el tope q se puede sacar").
_SPANISH_SHORTHAND = re.compile(r"(?<!\S)q(?=\s)")


def mend_spanish_shorthand(question: str) -> str:
    """A Spanish question's "q" read as "que", which the question forms and the bridge know."""
    return _SPANISH_SHORTHAND.sub("que", question)
