"""People the entity recogniser missed: a name after a title, and a name it found once, wherever
the same report says it again.

The small English model misses names it has not seen ("Corrections Department chief Chartchai
Suthiklom said") or folds them into an organisation ("the Chairman of the Committee of the
Republic of Armenia Artur Nahapetyan"). A report names its people consistently, so a name
recognised in one of its passages names the same person in another, in full or by one of its
words ("Chartchai said", "a souligné M. Ndour")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.types import Chunk
from assistant.understand.wanted import NAME_PART, OFFICE_WORDS
from vectorstore.lexical import STOPWORDS

Span = tuple[int, int, str]

# Titles written before a person's name, in any case ("chief", "Director", "son directeur",
# "la viceministra"): English, Spanish and French, as the indexed reports are written.
_TITLES = (
    r"chief|head|director|chair(?:man|woman|person)?|president|commissioner|secretary|spokes(?:man|woman|person)|"
    r"superintendent|inspector|commander|commandant|minister|governor|coordinator|prosecutor|judge|ambassador|"
    r"mayor|attorney|sheriff|directeur|directrice|ministre|procureur|commissaire|porte-parole|préfet|"
    r"(?:vice)?ministr[oa]|director[a]?|jef[ea]|comisari[oa]|fiscal|alcalde|alcaldesa|gobernador[a]?|"
    r"secretari[oa]|president[ea]|vocero|vocera|portavoz"
)


def _name_run(fewest: int) -> str:
    """A first name part and `fewest` to three more, an initial allowed before each ("Stephen F. Logan")."""
    return rf"{NAME_PART}(?:\s+(?:[A-Z]\.\s+)?{NAME_PART}){{{fewest},3}}"


TITLED_NAME = re.compile(
    rf"(?<![\w-])(?i:{_TITLES})(?:[- ](?i:general|adjunto|adjunta|adjoint))?,?\s+"
    rf"({_name_run(1)})(?!\s+{OFFICE_WORDS}\b)"
)
# "Alexandra Bilak, IDMC director, said": a name before a comma and its title.
NAME_THEN_TITLE = re.compile(
    rf"(?<![\w-])({_name_run(1)}),\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?i:{_TITLES})\b"
)
# "Director of NEMO Mr Mafua Maka said", "a souligné M. Ndour": a name after an honorific.
HONORIFIC_NAME = re.compile(rf"(?<![\w-])(?:Mr|Mrs|Ms|Dr|Mme|Sr|Sra|M\.)\.?\s+({_name_run(0)})")
# A word of a name said alone elsewhere ("Chartchai said") is that person when it is this long,
# and no dictionary word or country ("Rice", "Chile" are said for other reasons).
NAME_WORD_MIN = 4


def people_spans(hits_chunks: Sequence[Chunk], spans: Sequence[Sequence[Span]]) -> list[tuple[Span, ...]]:
    """Each chunk's spans with the persons its report names elsewhere, or by a title, added."""
    found = [tuple(s) + _titled(c.text) for c, s in zip(hits_chunks, spans)]
    names_by_doc: dict[str, set[str]] = {}
    for chunk, spans_here in zip(hits_chunks, found):
        names = names_by_doc.setdefault(chunk.doc_id, set())
        for start, end, label in spans_here:
            text = chunk.text[start:end].strip()
            if label == "PERSON" and len(text.split()) >= 2 and text[:1].isupper():
                names.add(text)
    return [
        spans_here + _mentions(chunk.text, names_by_doc.get(chunk.doc_id, ()), spans_here)
        for chunk, spans_here in zip(hits_chunks, found)
    ]


@lru_cache(maxsize=4096)
def _titled(text: str) -> tuple[Span, ...]:
    return tuple(
        (m.start(1), m.end(1), "PERSON")
        for p in (TITLED_NAME, NAME_THEN_TITLE, HONORIFIC_NAME)
        for m in p.finditer(text)
        if _name_like(m.group(1))
    )


_OFFICE = re.compile(rf"(?i:{OFFICE_WORDS})")


def _name_like(words: str) -> bool:
    """A person's name, not a heading in capitals ("OF JUSTICE AND PUBLIC"), an office ("Fiscal
    Year Budget"), a place nor a phrase of common words ("On Monday", "UN Women"): one of its words
    at least is no English word, and none is a stop word."""
    from assistant.understand.countries import countries_in
    from ingest.normalize import is_word

    parts = [w for w in words.split() if not re.fullmatch(r"[A-Z]\.", w)]
    if any((w.isupper() and len(w) > 1) or _OFFICE.fullmatch(w) or w.lower() in STOPWORDS for w in parts):
        return False
    return not countries_in(words) and not all(is_word(w.lower()) for w in parts)


def _mentions(text: str, names: set[str] | tuple, spans: Sequence[Span]) -> tuple[Span, ...]:
    """Where `text` says one of `names`, or a distinctive word of one, not already a person."""
    if not names:
        return ()
    people = [(s, e) for s, e, label in spans if label == "PERSON"]
    forms = set(names) | {w for n in names for w in n.split() if _distinctive(w)}
    out = []
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            if not any(s <= m.start() and m.end() <= e for s, e in people):
                out.append((m.start(), m.end(), "PERSON"))
                people.append((m.start(), m.end()))
    return tuple(out)


@lru_cache(maxsize=4096)
def _distinctive(word: str) -> bool:
    from assistant.understand.countries import one_word_names
    from ingest.normalize import is_word

    return (
        len(word) >= NAME_WORD_MIN
        and word[:1].isupper()
        and word.isalpha()
        and not word.isupper()
        and not is_word(word)
        and word.lower() not in one_word_names()
    )
