"""Names in a question: who or what it is about, in whatever form the user typed them.

Capitalised names and acronyms, the ones that only qualify the answer ("which Andean state"),
demonym and plural forms ("Honduran" for Honduras), multi-word names typed exactly, and whose
report the question is about ("Peru's CTAP").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.understand.countries import one_word_names
from assistant.understand.vocab import EMPHASIS_WORDS, MONTH_WORDS, QUESTION_WORDS
from vectorstore.lexical import STOPWORDS, fold, tokenize, words


def initial_runs(text: str, shortest: int, longest: int):
    """(initials, words) of every run of `shortest`-`longest` content words: "psc" for
    "peace security council", in any case."""
    content = [w for w in words(text) if w not in STOPWORDS]
    for n in range(shortest, longest + 1):
        for i in range(len(content) - n + 1):
            run = content[i : i + n]
            yield "".join(w[0] for w in run), run


def entities(q: str) -> tuple[str, ...]:
    """Capitalised names and acronyms the user typed (not the sentence-initial word, not
    months, month ranges ("Apr-Jun") or two-letter abbreviations such as "St" or "Dec")."""
    found = []
    for i, m in enumerate(re.finditer(r"\b[a-záéíóúñ]?[A-ZÁÉÍÓÚÑ][\w\-]*(?:/[A-Z][\w\-]*)?", q)):
        word = m.group(0)
        # (an acronym with its first letter typed in lower case, "cIABOC", is one all the same;
        # "kWh" or "eTradeNet" names what follows the lower-case letter)
        if word[0].islower() and not word[1:].isupper():
            word = word[1:]
        acronym = word.isupper() or (word[0].islower() and word[1:].isupper())
        if i == 0 and m.start() <= 2 and not acronym:
            continue
        # "... or cabin baggage? Years please.": a later sentence's first word is capitalised as
        # the first word is, a common word unless it is a country's name
        if _SENTENCE_START.search(q[: m.start()]) and not acronym and _common_word(word):
            continue
        if word.isupper() and fold(word) in EMPHASIS_WORDS:  # "does cicte NOT cooperate": emphasis
            continue
        for part in word.split("/"):
            folded = fold(part)
            if folded in STOPWORDS or folded in QUESTION_WORDS or folded in MONTH_WORDS or len(folded) < 2:
                continue
            if all(p in MONTH_WORDS for p in re.split(r"[\-–]", folded)):  # "Apr-Jun": a period
                continue
            if len(folded) == 2 and not part.isupper():
                continue
            found.append(folded)
    # "point of contact chile?": a country typed in lower case is a name too
    found += [w for w in re.findall(r"\b[a-z]+\b", q) if w in one_word_names()]
    return tuple(dict.fromkeys(found))


_SENTENCE_START = re.compile(r"[.?!]\s+[¿¡]?$")


def _common_word(word: str) -> bool:
    """Is the word an English dictionary word that names no country ("Years", not "Chile")?"""
    from ingest.normalize import is_word  # simplemma's English words, loaded on first use

    folded = fold(word)
    return is_word(folded) and folded not in one_word_names()


def spanish_entities(q: str, rendered: Callable[[str], bool] = lambda name: False) -> tuple[str, ...]:
    """The names a Spanish question typed ("Conti", "Dirandro", "CICTE"), its countries in English
    ("Estados Unidos" -> united, states). Not a capitalised word of either language ("Policía",
    "Aduanas", "First"; an English report says them its own way), nor one the glossary renders
    otherwise (`rendered`: "OEA" is the OAS, "ARM" an MRA)."""
    import simplemma  # lazy: Spanish questions only

    from assistant.understand.countries import countries_in, in_english

    q = in_english(q)
    country_words = {w for c in countries_in(q) for w in c.split()}
    typed = {fold(w): w.lower() for w in re.findall(r"[^\W\d_][\w-]*", q)}  # "policia" was "Policía"

    def word(name: str) -> bool:
        form = typed.get(name, name)
        return simplemma.is_known(form, lang="es") or simplemma.is_known(form, lang="en")

    return tuple(e for e in entities(q) if e in country_words or not (word(e) or rendered(e)))


def unlisted_names(q: str, indexed: Callable[[str], bool]) -> tuple[str, ...]:
    """Words typed in lower case that no English dictionary lists but the reports use: names and
    initials typed as words ("during tui moana 2015", "how many cases did the eppo open")."""
    from ingest.normalize import is_word  # simplemma's English words, loaded on first use

    found = []
    for word in re.findall(r"(?<![\w-])[a-z]{3,}(?![\w-])", q):
        folded = fold(word)
        if folded in STOPWORDS or folded in QUESTION_WORDS or folded in MONTH_WORDS or is_word(folded):
            continue
        stems = tokenize(folded)
        if stems and all(indexed(t) for t in stems):
            found.append(folded)
    return tuple(dict.fromkeys(found))


def qualifiers(q: str) -> tuple[str, ...]:
    """Names that qualify the answer rather than the topic: "which Andean state", "what
    Honduran port". The reports may name the answer without using the user's adjective."""
    found = []
    for m in re.finditer(r"\b(?i:which|what)\s+((?:[A-ZÁÉÍÓÚÑ][\w\-]*\s+)+)", q):
        found += [fold(w) for w in m.group(1).split()]
    return tuple(dict.fromkeys(found))


# Endings that turn a place into its people or adjective (Honduras -> Honduran, Peru -> Peruvian,
# Belgium -> Belgian).
_PLACE_ENDINGS = ("", "s", "a", "o", "e", "y", "ia", "es", "um")
_DEMONYM_ENDINGS = (
    "",
    "s",
    "n",
    "an",
    "ian",
    "ean",
    "vian",
    "ese",
    "ish",
    "i",
    "ic",
    "ns",
    "ans",
    "ians",
    "eans",
    "es",
)


def same_name(asked: str, known: str) -> bool:
    """Does a folded name as asked refer to a folded word of the text (same, plural, demonym)?"""
    if asked == known or shortened(asked, known) or _plural_of(asked, known) or _plural_of(known, asked):
        return True
    if asked[:4] != known[:4]:
        return False
    n = 0
    while n < min(len(asked), len(known)) and asked[n] == known[n]:
        n += 1
    for cut in range(n, 3, -1):  # try every shared stem of 4+ letters
        if asked[cut:] in _DEMONYM_ENDINGS and known[cut:] in _PLACE_ENDINGS:
            return True
        if known[cut:] in _DEMONYM_ENDINGS and asked[cut:] in _PLACE_ENDINGS:
            return True
    return False


def _plural_of(plural: str, one: str) -> bool:
    """ "deputies" of "deputy", "chambers" of "chamber", "boxes" of "box"... of four letters or more."""
    if len(one) < 4:
        return False  # ("and" of "Andes", "not" of "notes")
    sibilant = one.endswith(("s", "x", "z", "ch", "sh"))
    ies = one.endswith("y") and plural == f"{one[:-1]}ies"
    return plural == f"{one}s" or (sibilant and plural == f"{one}es") or ies


def abbreviates(short: str, word: str) -> bool:
    """ "cttee" for "committee", "govt" for "government": a contraction keeps the first and last
    letters and drops some of the rest, in order."""
    if len(short) < 3 or len(word) < len(short) + 2 or short[0] != word[0] or short[-1] != word[-1]:
        return False
    rest = iter(word[1:-1])
    return all(c in rest for c in short[1:-1])


def truncates(short: str, word: str) -> bool:
    """ "Guat" for "Guatemala", "Dec" for "decision": the first letters of a longer word."""
    return len(short) >= 3 and len(word) >= len(short) + 2 and word.startswith(short)


def shortened(short: str, word: str) -> bool:
    """A contraction or the first letters of a word: "Cttee", "Govt", "Guat", "DEC"."""
    return abbreviates(short, word) or truncates(short, word)


def derived(a: str, b: str) -> bool:
    """One stem is the other grown by a suffix: "sign"/"signatur", "lead"/"leader",
    "ratify"/"ratif" (ratification: the final y/e gives way to the suffix)."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and (long.startswith(short) or (short[-1] in "ye" and long.startswith(short[:-1])))


def multiword_names(q: str) -> tuple[str, ...]:
    """Capitalised multi-word names the user typed ("the National Cybersecurity Policy")."""
    found = []
    for m in re.finditer(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+(?:the\s+)?|on\s+|for\s+|and\s+)?[A-Z][\w’'-]+)+", q):
        run = m.group(0).split()
        while run and fold(run[0]) in QUESTION_WORDS | STOPWORDS:
            run = run[1:]
        if len(run) >= 2:
            found.append(" ".join(words(" ".join(run))))
    return tuple(dict.fromkeys(found))


# "Peru's 2020 APEC CTAP", "Peru ... in its CTAP", "the Peruvian CTAP": whose report is asked about.
_KIND = r"(?i:ctap|counter-?terrorism action plan|action plan|report|work plan|plan|submission|update)\b"
_MODS = r"(?:(?:\d{4}|[A-Z]{2,}|latest|last|first|national|annual)\s+){0,3}"
_OWNER = re.compile(
    rf"([A-ZÁÉÍÓÚÑ][\w\-]+)(?:['’]s\s+|\s+(?:[\w\-]+\s+){{0,4}}?(?:in\s+|from\s+)?its\s+){_MODS}{_KIND}"
    rf"|(?<=the )([A-ZÁÉÍÓÚÑ][\w\-]+)\s+{_MODS}(?i:ctap|counter-?terrorism action plan)\b"
)


_NAME_BEFORE = re.compile(r"((?:[A-ZÁÉÍÓÚÑ][\w\-]*\s)+)$")


def owners(q: str) -> tuple[str, ...]:
    """Names whose report the question asks about ("Peru" in "Peru's 2020 APEC CTAP")."""
    found, claimed = [], set()
    for start in (m.start() for m in re.finditer(r"\b[A-ZÁÉÍÓÚÑ]", q)):
        m = _OWNER.match(q, start)
        name = fold((m.group(1) or m.group(2))) if m else ""
        if name and name not in QUESTION_WORDS and name not in STOPWORDS and m.end() not in claimed:
            # "the Nigeria Immigration Service's report": the whole name is the owner, not "Service"
            before = _NAME_BEFORE.search(q[:start])
            run = [fold(w) for w in before.group(1).split()] if before else []
            while run and (run[0] in QUESTION_WORDS or run[0] in STOPWORDS):
                run = run[1:]
            found.append(" ".join([*run, name]))
            claimed.add(m.end())  # "Does Chile mention Peru in its CTAP": "its" is Chile's
    return tuple(dict.fromkeys(found))
