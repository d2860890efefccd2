"""Bridge Spanish questions to English search text with a bilingual glossary.

The embedding model only knows English, so a Spanish question is rewritten into the
English words a glossary gives for it (every alternative, for BM25 and the embedder to
pick from), plus the tokens that carry over between languages unchanged: names,
acronyms, numbers and quoted titles. English text passes through untouched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType

from assistant.understand.countries import demonym_of_one, demonyms, is_country, spanish_names
from assistant.understand.question import Paraphrase, content_terms
from assistant.understand.vocab import SPANISH_MEASURE_UNITS
from vectorstore.lexical import STOPWORDS, LexicalIndex, tokenize

BUNDLED_GLOSSARY = Path(__file__).parent.parent / "data" / "glossary_es_en.tsv"

# Dropped when no glossary phrase covers them; matched on the lowercased, accented
# form, so "que"/"como" (that/as) go while "qué"/"cómo" (what/how) are translated.
SPANISH_STOPWORDS = frozenset(
    "a al algo algunas algunos ante aquel aquella aquellas aquellos aun con contra cual "
    "cuales cuyo cuya de del e el ella ellas ellos en era eran es esa esas ese eso esos "
    "esta estaba estado estan están estas este esto estos fue fueron ha han hay habia "
    "había hubo la las le les lo los mas me mi mis muy no nos o os otro para pero por "
    "que quien quienes se sea ser si sido sin sino sobre son su sus tambien también tan "
    "te tiene tu tus u un una unas uno unos ya y como cuando donde esa está sí".split()
)
# Words frequent in Spanish and rare in English; scores the language of a text.
_SPANISH_MARKERS = frozenset(
    "de la el los las del se en para por que qué y con una un es fue fueron son "
    "cuál cuáles cuándo dónde cómo quién quiénes cuántos cuántas cuánto sobre "
    "su sus al lo le les este esta estos estas entre ha han hay".split()
    # (question words typed without their accents: "quien dirige ...", "cuantos km ...")
    + "quien quienes cuales cuando donde cuantos cuantas cuanto".split()
)
_ENGLISH_MARKERS = frozenset(
    "the of and in to for on by with what which when where who whom how why did does "
    "do is are was were has have had a an this that these those from at as its it".split()
)
_ACCENTED = re.compile(r"[áéíóúñü]")
_TOKEN = re.compile(r"\w(?:[\w'’\-./]*\w)?")
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|«([^»]+)»|‘([^’]+)’')
_OPENERS = frozenset("¿¡")


class GlossaryError(ValueError):
    """A glossary file has a line that is neither a comment nor `spanish<TAB>english`."""


@dataclass(frozen=True)
class Entry:
    """One glossary line: the Spanish term as written and its English alternatives."""

    spanish: str
    english: tuple[str, ...]
    # from the bilingual lexicon, not a glossary file: an English question's words find no
    # Spanish forms by it, and the Spanish word is kept beside its renderings
    lexical: bool = False


@dataclass(frozen=True)
class Glossary:
    """Entries indexed by their folded word sequence, plus every prefix for phrase search."""

    entries: Mapping[tuple[str, ...], tuple[Entry, ...]]
    prefixes: frozenset[tuple[str, ...]]

    def __len__(self) -> int:
        return sum(len(group) for group in self.entries.values())

    @cached_property
    def reverse(self) -> dict[str, tuple[str, ...]]:
        """English word (stem) -> the one-word Spanish terms it renders, in glossary order."""
        out: dict[str, list[str]] = {}
        for key, entries in self.entries.items():
            if len(key) != 1 or key[0] in STOPWORDS:
                continue
            for entry in entries:
                if entry.lexical:
                    continue
                for english in entry.english:
                    stems = tokenize(english)  # (one word: "how many" renders "cuántos", no content word)
                    if " " in english.strip() or len(stems) != 1 or key[0] in out.get(stems[0], []):
                        continue
                    if fold(english) not in STOPWORDS:
                        out.setdefault(stems[0], []).append(key[0])
        return {w: tuple(v) for w, v in out.items()}


@cache
def spanish_function_words() -> frozenset[str]:
    """Spanish function words, ours and spaCy's list (prepositions a wordnet also lists as rare
    nouns: "tras", "bajo", "frente", "vez"), folded and as written."""
    from spacy.lang.es.stop_words import STOP_WORDS  # a word list; no pipeline is loaded

    words = SPANISH_STOPWORDS | STOP_WORDS
    return frozenset(words | {fold(w) for w in words})


def fold(text: str) -> str:
    """Lowercase without accents: the form glossary matching compares."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_glossary(paths: Sequence[Path], lexicon: Mapping[str, tuple[str, ...]] = MappingProxyType({})) -> Glossary:
    """Parse glossary files over the Spanish country names of pycountry's locale files; a term
    in a later file replaces the same term in an earlier one (or a country's). A `lexicon`'s
    words (Spanish -> English) fill in the terms none of them lists, after all of theirs, so
    that English words keep the files' Spanish renderings first."""
    by_term: dict[str, Entry] = {
        spanish.lower(): Entry(spanish=spanish, english=english) for spanish, english in spanish_names().items()
    }
    for path in paths:
        by_term.update({entry.spanish.lower(): entry for entry in _read_entries(path)})
    function_words = spanish_function_words()
    folded_terms = {fold(term) for term in by_term}
    for spanish, english in lexicon.items():
        # ("con" renders "recluso" in English slang, and is Spanish "with"; "cifra" renders as "0")
        kept = tuple(e for e in english if e.lower() not in function_words and not any(c.isdigit() for c in e))
        # (a plural or singular of a glossary term is that term's: "armas" is the glossary's "arma")
        forms = {spanish, *_variants(fold(spanish))}
        if kept and spanish not in function_words and not forms & by_term.keys() and not forms & folded_terms:
            by_term[spanish] = Entry(spanish=spanish, english=kept, lexical=True)
    grouped: dict[tuple[str, ...], list[Entry]] = {}
    for entry in by_term.values():
        key = tuple(fold(word) for word in _TOKEN.findall(entry.spanish))
        grouped.setdefault(key, []).append(entry)
    prefixes = frozenset(key[:n] for key in grouped for n in range(1, len(key) + 1))
    entries = MappingProxyType({key: tuple(group) for key, group in grouped.items()})
    return Glossary(entries=entries, prefixes=prefixes)


def _read_entries(path: Path) -> Iterator[Entry]:
    seen: set[str] = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        spanish, tab, english = line.partition("\t")
        spanish, english = spanish.strip(), english.strip()
        alternatives = tuple(alt.strip() for alt in english.split("|"))
        if not tab or "\t" in english or not spanish or not all(alternatives):
            raise GlossaryError(f"{path}:{number}: expected 'spanish<TAB>english[|english...]', got {raw!r}")
        if not _TOKEN.search(spanish):
            raise GlossaryError(f"{path}:{number}: Spanish term has no word characters: {raw!r}")
        if spanish.lower() in seen:
            raise GlossaryError(f"{path}:{number}: duplicate term {spanish!r}")
        seen.add(spanish.lower())
        yield Entry(spanish=spanish, english=alternatives)


def looks_spanish(text: str) -> bool:
    """True when `text` reads as Spanish rather than English.

    Capitalised accented words are ignored: English questions name places such as
    Bogotá or Valparaíso.
    """
    if any(mark in text for mark in _OPENERS):
        return True
    words = _TOKEN.findall(text)
    spanish = sum(w.lower() in _SPANISH_MARKERS for w in words)
    spanish += 2 * sum(bool(_ACCENTED.search(w)) for w in words if w[:1].islower())
    english = sum(w.lower() in _ENGLISH_MARKERS for w in words)
    if spanish and not english:  # "detenidos policia canaria 2023, cuantos eran menores?": typed bare
        spanish += sum(_spanish_only(w.lower()) for w in words if w[:1].islower() and w.lower() not in _SPANISH_MARKERS)
    return spanish >= 2 and spanish > english


def _spanish_only(word: str) -> bool:
    """A word Spanish has and English lacks, by simplemma's dictionaries ("detenidos", "eran")."""
    import simplemma  # lazy: loaded for the few questions the markers leave undecided

    return word.isalpha() and simplemma.is_known(word, lang="es") and not simplemma.is_known(word, lang="en")


def bridge_query(text: str, glossary: Glossary, vocabulary: Container[str] = frozenset()) -> str:
    """An English rendering of a Spanish question for retrieval; other text unchanged.

    A word the glossary lacks may still be a cognate of a word the reports use: with the
    index's `vocabulary` (stems), "cocaína" finds "cocain", "participaron" "particip"."""
    if not looks_spanish(text):
        return text
    pieces: list[str] = []
    position = 0
    for quote in _QUOTED.finditer(text):
        pieces += _render(text[position : quote.start()], glossary, keep_names=True, vocabulary=vocabulary)
        title = next(group for group in quote.groups() if group is not None)
        pieces.append(title.strip())  # the original title: report titles are often quoted verbatim
        pieces += _render(title, glossary, keep_names=False, vocabulary=vocabulary)
        position = quote.end()
    pieces += _render(text[position:], glossary, keep_names=True, vocabulary=vocabulary)
    return " ".join(dict.fromkeys(piece for piece in pieces if piece))


def translate_phrases(text: str, glossary: Glossary) -> list[str]:
    """The alternatives of every glossary phrase in `text`, longest phrase first, in reading order.

    No language gate and no carry-over: unmatched words are skipped, so callers can add
    the result to a query (e.g. an English thesaurus) rather than replace it.
    """
    return [alt for _, alts in phrase_matches(text, glossary) for alt in alts]


def phrase_matches(text: str, glossary: Glossary) -> list[tuple[str, list[str]]]:
    """Each glossary phrase found in `text` (as typed) with its alternatives, in reading order."""
    words = _TOKEN.findall(text)
    folded = [fold(w) for w in words]
    out: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(words):
        length, entries = _longest_match(folded, i, glossary)
        if entries:
            out.append(
                (" ".join(words[i : i + length]), _alternatives(entries, [w.lower() for w in words[i : i + length]]))
            )
            i += length
        else:
            i += 1
    return out


def _render(text: str, glossary: Glossary, *, keep_names: bool, vocabulary: Container[str] = frozenset()) -> list[str]:
    """Glossary translations of `text`, longest phrase first, in reading order. The lexicon's
    entries render lower-case words only: "Cuba" and "Guerrero" are names."""
    matches = list(_TOKEN.finditer(text))
    words = [m.group() for m in matches]
    folded = [fold(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        opens_question = i == 0 or text[matches[i - 1].end() : matches[i].start()].strip() in _OPENERS
        length, entries = _longest_match(folded, i, glossary, lexical=words[i][:1].islower())
        if entries and (length > 1 or opens_question or words[i].lower() not in SPANISH_STOPWORDS):
            out += _alternatives(entries, [w.lower() for w in words[i : i + length]])
            out += _spanish_kept(entries, words[i : i + length], vocabulary)
            i += length
            continue
        lemma = spanish_lemma(words[i]) if words[i].lower() not in SPANISH_STOPWORDS else ""
        if lemma and (lemma,) in glossary.entries:  # "valían" is a form of "valer", "incautadas" of "incautar"
            out += _alternatives(glossary.entries[(lemma,)], [lemma])
            out += _spanish_kept(glossary.entries[(lemma,)], words[i : i + 1], vocabulary)
        elif words[i].lower() not in SPANISH_STOPWORDS:
            # a cognate the index lacks ("yihadism") keeps the Spanish report's own stem beside it
            out.append(_carry_over(words[i], keep_names))
            out.append(shared_stem(fold(words[i]), vocabulary) if out[-1] not in vocabulary else "")
            if not any(out[-2:]) and any(t in vocabulary for t in tokenize(words[i])):
                out.append(fold(words[i]))  # "rutas", untranslated, is still the Spanish reports' word
        i += 1
    return out


def load_lemmatiser() -> None:
    """Read the Spanish lemmatiser's dictionary now (about 0.7 s), not on a user's question."""
    import simplemma

    simplemma.lemmatize("recibieron", lang="es")


def spanish_lemma(word: str) -> str:
    """The dictionary form of a Spanish word (simplemma, offline), folded; "" when it is the word
    itself or a name. The glossary lists lemmas; a conjugated or plural form finds its entry so."""
    if not word[:1].islower() or any(c.isdigit() for c in word):
        return ""
    import simplemma  # lazy: loaded on the first Spanish word the glossary lacks

    lemma = fold(simplemma.lemmatize(word.lower(), lang="es"))
    return "" if lemma == fold(word) else lemma


def _longest_match(
    folded: list[str], start: int, glossary: Glossary, lexical: bool = True
) -> tuple[int, tuple[Entry, ...]]:
    """The longest glossary phrase starting at `start`, trying plural variants of each word;
    the lexicon's entries only with `lexical`."""
    best: tuple[int, tuple[Entry, ...]] = (0, ())
    frontier: list[tuple[str, ...]] = [()]
    for index in range(start, len(folded)):
        frontier = [p + (v,) for p in frontier for v in _variants(folded[index]) if p + (v,) in glossary.prefixes]
        if not frontier:
            break
        found = [e for key in frontier for e in glossary.entries.get(key, ()) if lexical or not e.lexical]
        if found:
            best = (index - start + 1, tuple(found))
    return best


def _variants(word: str) -> tuple[str, ...]:
    """The word plus its likely singular or plural forms (países~país, acción~acciones)."""
    forms = [word, word + "s", word + "es"]
    if len(word) > 2 and word.endswith("s"):  # ids -> id
        forms.append(word[:-1])
    if len(word) > 4 and word.endswith("es"):
        forms.append(word[:-2])
    if len(word) > 4 and word.endswith("ces"):
        forms.append(word[:-3] + "z")  # capaces -> capaz
    return tuple(dict.fromkeys(forms))


def _spanish_kept(entries: tuple[Entry, ...], words: Sequence[str], vocabulary: Container[str]) -> list[str]:
    """A word the lexicon rendered, as typed, where a Spanish page of the index says it: a
    Spanish report is found by its own word ("notarios"), not only by the English ones."""
    if not all(e.lexical for e in entries):
        return []
    return [fold(w) for w in words if all(t in vocabulary for t in tokenize(w))]


def _alternatives(entries: tuple[Entry, ...], words: list[str]) -> list[str]:
    """English alternatives, preferring entries spelt exactly as typed (publicó vs público)."""
    exact = [e for e in entries if [w.lower() for w in _TOKEN.findall(e.spanish)] == words]
    return [alt for entry in (exact or entries) for alt in entry.english]


def _carry_over(word: str, keep_names: bool) -> str:
    """A word the glossary lacks: kept when it travels across languages, else dropped."""
    if any(c.isdigit() for c in word) or (keep_names and word[:1].isupper()):
        return word
    return _cognate(fold(word))


# A Spanish word shares an English stem when it starts with one this long or longer.
MIN_SHARED_STEM = 5
# A cognate shares its first letters, at least this many and this share of the English stem.
COGNATE_PREFIX = 6
COGNATE_SHARE = 0.7


def shared_stem(word: str, vocabulary: Container[str]) -> str:
    """The longest index stem a Spanish word starts with ("financiamiento" -> "financ"), or ''."""
    if len(word) <= MIN_SHARED_STEM:
        return ""
    prefixes = (word[:n] for n in range(len(word), MIN_SHARED_STEM - 1, -1))
    found = next((p for p in prefixes if p.isalpha() and p in vocabulary), "")
    starting = getattr(vocabulary, "stems_starting", None)
    if found or starting is None or len(word) < COGNATE_PREFIX:
        return found

    # "observador" and "observer": an index stem sharing most of its letters with the word
    def shared(stem: str) -> int:
        return next((i for i, (a, b) in enumerate(zip(word, stem)) if a != b), min(len(word), len(stem)))

    # (a country is no cognate: "dominio" is not Dominica)
    candidates = (stem for stem in starting(word[:COGNATE_PREFIX]) if not is_country(stem))
    share, stem = max(((shared(stem) / len(stem), stem) for stem in candidates), default=(0, ""))
    return stem if share >= COGNATE_SHARE else ""


def _cognate(word: str) -> str:
    """English guesses for Spanish endings that map regularly (cooperación -> cooperation)."""
    for spanish, english in (("ciones", "tions"), ("cion", "tion"), ("ismo", "ism")):
        if word.endswith(spanish) and len(word) > len(spanish) + 2:
            return word[: -len(spanish)] + english
    return ""


# A Spanish question asking for several things: a plural wh-word ("¿quiénes / cuáles ...?"),
# "¿qué" before a plural noun ("¿qué países ...?"), or a request to list.
_SPANISH_PLURAL = re.compile(
    r"\b(?:quienes|cuales)\b|(?:^|¿|\b(?:a|de|en|con|por|para|entre)\s+)que\s+\w{3,}s\b"
    r"|\blist(?:a|e|ar|ado)\b|\benumer\w*"
)


def spanish_wants_list(text: str) -> bool:
    """Does a Spanish question ask for a list? Read from the Spanish itself: its English bridge
    is a bag of words whose plurals say nothing of what is asked."""
    return bool(_SPANISH_PLURAL.search(fold(text)))


# "¿cuántas mujeres ...?", "¿cuántos países ...?": the counted noun right after the question word.
# ("¿cuántos eran menores?": a copula before the noun counts the noun after it)
_SPANISH_COPULA = r"(?:eran|son|fueron|era|es|fue|ser[aá]n|ser[ií]an|han sido|hab[ií]a|hay)"
_SPANISH_COUNTED = re.compile(rf"\bcu[aá]nt[oa]s\s+(?:{_SPANISH_COPULA}\s+)?([^\W\d_]+)", re.IGNORECASE)


def glossary_lacks_counted(text: str, glossary: Glossary) -> bool:
    """Is the noun a Spanish "¿cuántos X ...?" counts unknown to the glossary, alone and as the
    first word of its phrases ("homicidios"; not "puntos", of "puntos de control")?"""
    m = _SPANISH_COUNTED.search(text)
    # ("¿cuántos kg de drogas ...?": a unit of measure; what it measures is read as measured)
    if not m or m.group(1).lower() in SPANISH_STOPWORDS or re.fullmatch(SPANISH_MEASURE_UNITS, m.group(1), re.I):
        return False
    lemma = spanish_lemma(m.group(1))
    return not any(
        (form,) in glossary.prefixes for form in (*_variants(fold(m.group(1))), *((lemma,) if lemma else ()))
    )


def spanish_counted_word(text: str) -> tuple[str, ...]:
    """The stem of the noun a Spanish "¿cuántos X ...?" counts, as written ("países" -> "pais")."""
    m = _SPANISH_COUNTED.search(text)
    # ("¿cuántas fueron por internet?": a preposition after the copula counts nothing)
    return tuple(tokenize(m.group(1))[-1:]) if m and m.group(1).lower() not in SPANISH_STOPWORDS else ()


# "¿cuántos kilos de marihuana ...?": the substance a unit measures.
_SPANISH_MEASURED = re.compile(
    rf"\bcu[aá]nt[oa]s\s+(?:{SPANISH_MEASURE_UNITS})\s+de\s+(?:(?:la|las|el|los)\s+)?([^\W\d_]+)", re.IGNORECASE
)


def spanish_measured(
    text: str, glossary: Glossary, vocabulary: Container[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[Paraphrase, ...]]:
    """The stem of what a Spanish "¿cuántos kilos de X?" measures, and its English renderings (or
    the index's stem it shares, "cocain" for "cocaína") as a phrasing of it; ((), ()) if none."""
    return _word_and_renderings(_SPANISH_MEASURED.search(text), glossary, vocabulary)


def _word_and_renderings(
    m: re.Match | None, glossary: Glossary, vocabulary: Container[str]
) -> tuple[tuple[str, ...], tuple[Paraphrase, ...]]:
    """The stem of the Spanish word a pattern found (its group 1) and its English renderings as a
    phrasing of it; ((), ()) with no match or a function word."""
    stems = tuple(tokenize(m.group(1)))[-1:] if m else ()
    if not stems or stems[0] in SPANISH_STOPWORDS:
        return (), ()
    rendered = _render(m.group(1), glossary, keep_names=False, vocabulary=vocabulary)
    renderings = [tuple(content_terms(r)) for r in rendered]
    options = tuple(dict.fromkeys(o for o in renderings if o and o != stems))
    return stems, ((Paraphrase(stems, options),) if options else ())


# "¿cuántas de las personas desaparecidas son mujeres?": the part asked, after the copula.
# (the last plural copula, not one of a relative clause: "... que fueron detenidas son extranjeras")
_SPANISH_SUBSET = re.compile(
    r"\bcu[aá]nt[oa]s\s+de\s+(?:l[oa]s|est[oa]s|es[oa]s|ell[oa]s|aquell[oa]s)\b[^?]*"
    r"(?<!\bque)(?<!\bquienes)\s+(?:son|eran|fueron|serían|resultaron)\s+([^\W\d_]+)",
    re.IGNORECASE,
)


def spanish_subset(
    text: str, glossary: Glossary, vocabulary: Container[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[Paraphrase, ...]]:
    """The stem of the part a Spanish "¿cuántos de los X son Y?" asks for ("mujer") and its
    English renderings as a phrasing of it ("women"): a figure of all X does not answer; ((), ())
    if none."""
    return _word_and_renderings(_SPANISH_SUBSET.search(text), glossary, vocabulary)


def spanish_counted(text: str, glossary: Glossary, vocabulary: Container[str] = frozenset()) -> tuple[str, ...]:
    """The English renderings of the noun a Spanish "¿cuántos X ...?" counts ("sospechosos":
    suspicious, suspect — either may be the report's word); () if none."""
    m = _SPANISH_COUNTED.search(text)
    if not m or m.group(1).lower() in SPANISH_STOPWORDS:
        return ()
    return tuple(_render(m.group(1), glossary, keep_names=False, vocabulary=vocabulary))


# A Spanish word carried into an English question's lexical query when the glossary renders it
# with one of the question's words; at most this many per English word (the likeliest first:
# glossary order), so a common word does not pull every Spanish page in.
SPANISH_FORMS_PER_WORD = 2


def spanish_forms(text: str, glossary: Glossary, vocabulary: Container[str] = frozenset()) -> str:
    """The Spanish words the glossary renders with the English question's content words
    ("decree" -> "decreto"): an English question finds a Spanish report's passage by its own
    words, which the English embedding model barely relates. They widen the lexical search and
    count as the question's alternative words when units are scored. With `vocabulary` (the
    index's stems), only forms some indexed text uses."""
    reverse = glossary.reverse
    out: list[str] = []
    for word in dict.fromkeys(tokenize(text)):
        # ("Moroccan authorities": the Spanish page names Marruecos; not "American", of several countries)
        country = sorted(demonyms().get(word, ())) if demonym_of_one(word) else []
        for english in (word, *(t for name in country for t in tokenize(name))):
            for spanish in reverse.get(english, ())[:SPANISH_FORMS_PER_WORD]:
                if not vocabulary or all(t in vocabulary for t in tokenize(spanish)):
                    out.append(spanish)
    return " ".join(dict.fromkeys(out))


def translated_terms(own: str, glossary: Glossary, lexical: LexicalIndex) -> tuple[set[str], tuple[Paraphrase, ...]]:
    """What a Spanish question's glossary renderings add to its terms, and the alternatives of each
    word as one phrasing ("organismos": agency | body | organization), so a passage saying one of
    them is not short of the others. A word none of whose renderings any report uses ("presupuesto":
    budget) stays asked: a passage that never says it does not answer; where some rendering is used,
    the unused ones are left out."""
    kept: set[str] = set()
    readings = []
    for _, alternatives in phrase_matches(own, glossary):
        options = [tuple(content_terms(alt)) for alt in alternatives]
        options = [o for o in options if o]
        used = [o for o in options if all(lexical.knows(t) for t in o)]
        if not used:
            kept |= {t for o in options for t in o}
        if len(used) > 1:
            readings.append(Paraphrase(tuple(dict.fromkeys(t for o in used for t in o)), tuple(used)))
    return kept, tuple(readings)
