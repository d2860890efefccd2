"""Check a generated answer against the passages it cites, sentence by sentence.

A language model writes fluent text and cites `[n]` markers; neither is trusted. Markers that
point at no passage go; a sentence citing nothing, or stating a name, number or date that none of
its cited passages contains, is removed and reported as unsupported, never passed on. What is
checked is what a reader checks first: the figures and names, not the paraphrase around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.understand.vocab import MONTH_WORDS
from vectorstore.lexical import STOPWORDS, fold, words

MARKER = re.compile(r"\s*\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")
# Sentence ends: after . ! ? (and a closing marker or quote) before a capital, a digit or a bullet.
_SENTENCE_END = re.compile(r"(?<=[.!?\]])\s+(?=[\"“(A-Z0-9•\-*])")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
# A capitalised word that is not the first of its sentence, or a word in capitals: a name.
_NAME = re.compile(r"(?<=\w[\s,;:(-])[A-Z][\w'’\-]+|\b[A-Z]{2,}[\w\-]*")
# Says it does not know (the prompt asks for one exact sentence; models paraphrase it).
_DONT_KNOW = re.compile(
    r"\b(?:do(?:es)? not (?:say|contain|mention|state|provide|specify)|no information|not (?:stated|given|"
    r"mentioned|specified)|cannot (?:find|answer)|not in the (?:indexed )?reports|no (?:se|lo) (?:dice|indica))\b",
    re.I,
)


@dataclass(frozen=True)
class Claim:
    """One sentence of the answer and the passages it cites (1-based, all in range)."""

    text: str  # the sentence without its markers
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Verified:
    """What survives the check, what was removed and why nothing may survive."""

    claims: tuple[Claim, ...]
    unsupported: tuple[str, ...]  # sentences removed: they cite nothing or state what their passages do not
    dropped_markers: tuple[int, ...]  # markers pointing at no passage
    says_unknown: bool  # the model said the passages do not hold the answer

    @property
    def text(self) -> str:
        return " ".join(f"{c.text} {''.join(f'[{n}]' for n in c.cites)}" for c in self.claims)


def sentences(text: str) -> list[str]:
    """The answer's sentences and list items, markers kept with the sentence they close."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            out.extend(p.strip() for p in _SENTENCE_END.split(line) if p.strip())
    return out


def split_markers(sentence: str) -> tuple[str, list[int]]:
    """("Chile signed in 2018.", [2, 3]) from "Chile signed in 2018 [2][3]." (markers anywhere)."""
    cites = [int(n) for m in MARKER.finditer(sentence) for n in re.split(r"\s*,\s*", m.group(1))]
    text = MARKER.sub("", sentence).strip()
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return text, list(dict.fromkeys(cites))


def facts(sentence: str) -> set[str]:
    """The checkable facts a sentence states: its numbers and names, folded. Names are the
    capitalised words inside the sentence and the proper nouns spaCy's tagger finds (so a
    name opening the sentence counts too)."""
    from ingest.titles import pos_tagger  # lazy: only LLM answers are checked

    numbers = {m.group(0).replace(",", "").rstrip(".") for m in _NUMBER.finditer(sentence)}
    found = [m.group(0) for m in _NAME.finditer(sentence)]
    found += [t.text for t in pos_tagger()(sentence) if t.pos_ == "PROPN" and t.text[:1].isupper()]
    names = {fold(n).strip("'’-") for n in found}
    return {n for n in numbers | names if n and n not in STOPWORDS and n[:3] not in MONTH_WORDS}


def supported(sentence: str, passages: Sequence[str]) -> bool:
    """Every number and name of the sentence is in one of the passages it cites."""
    joined = " ".join(passages)
    plain = joined.replace(",", "")
    vocabulary = set(words(joined))
    for fact in facts(sentence):
        if fact[0].isdigit():
            if not re.search(rf"(?<![\d.]){re.escape(fact)}(?![\d])", plain):
                return False
        elif not all(part in vocabulary for part in words(fact)):
            return False
    return True


def verify(text: str, passages: Sequence[str]) -> Verified:
    """Keep the sentences whose markers point at passages that hold what they state."""
    claims: list[Claim] = []
    unsupported: list[str] = []
    dropped: list[int] = []
    says_unknown = False
    for sentence in sentences(text):
        body, cites = split_markers(sentence)
        if not body:
            continue
        valid = tuple(n for n in cites if 1 <= n <= len(passages))
        dropped += [n for n in cites if n not in valid]
        if _DONT_KNOW.search(body) and not valid:
            says_unknown = True
            continue
        if valid and supported(body, [passages[n - 1] for n in valid]):
            claims.append(Claim(body, valid))
        else:
            unsupported.append(body)
    return Verified(tuple(claims), tuple(unsupported), tuple(dict.fromkeys(dropped)), says_unknown and not claims)
