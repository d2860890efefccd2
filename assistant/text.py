"""The project's one sentence splitter: answer units, a question's premise and its parts
are all cut at the same sentence ends."""

from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and an opening capital/quote/bracket/digit,
# unless the dot closes a known abbreviation or a single initial ("Carlos A. Escudero").
# Web pages also drop the space ("for one year 2017-2021.The Council also ..."): a dot between a
# word or number and a capitalised word ends a sentence too.
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[“\"(A-Z0-9¿¡])|(?<=[.!?][”\"])\s+(?=[“\"(A-Z0-9¿¡])"
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\s)|(?<=\d[.!?])(?=[A-Z][a-z]+\s)"
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|No|Nos|Art|Arts|Inc|Ltd|Co|Corp|St|Gen|Capt|Lt|Col|Gov|Dept|Sr|Jr|vs|etc|e\.g|i\.e|"
    r"Ser|rev|doc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    # titles and ranks before a name ("Amb. Arguelles", "Prof. Ito")
    r"Amb|Hon|Prof|Sen|Rep|Maj|Adm|Sgt|Cdr|Cmdr|Cmdt|Insp|Supt|Brig|Cpl|Pres|Adv|Rev|Fr|Mme|Mlle|Messrs|"
    # Spanish and French titles ("Sra. Pérez", "Lic. Gómez", "Ing. Díaz")
    r"Sra|Srta|Dra|Lic|Ing|Arq|Abg)|"
    # places named after a mountain or a fort ("Mt. Hagen", "Ft. Worth"; not "41.3 Mt." of megatonnes)
    r"(?<!\d )\b(?:Mt|Mts|Ft)|\b[A-Z]|\bD\.C|\bU\.S|\bU\.N)\.$"
)
# Spanish plurals by doubled initials come in pairs ("EE. UU.", "FF. AA."): the first ends no
# sentence ("siglo XX. El ..." and a rating "AA. The ..." do).
_PAIRED_INITIALS = re.compile(r"\b([A-Z])\1\.$")
_PAIRED_NEXT = re.compile(r"([A-Z])\1\.")
# Abbreviations end a sentence's text: only its last characters are searched for one.
ABBREVIATION_TAIL = 24
# An inline list's marker after a semicolon: "(2)", "b)", "(iii)".
_ENUMERATOR = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s")
# The last item of a series of semicolon-separated items: "; and civil-military coordination".
_LAST_ITEM = re.compile(r";\s+(?:and|or)\s")
# Semicolons end a sentence only between clauses this long; shorter ones are list items.
_CLAUSE = 60


def split_sentences(text: str, base: int) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in one line of text, offsets shifted by `base`."""
    spans, start, clause = [], 0, 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start : m.start()]
        tail = max(0, len(head) - ABBREVIATION_TAIL)  # (a long run of initials is read once, not again and again)
        if _ABBREVIATIONS.search(head, tail) or len(head.strip()) < 3:
            continue
        if _PAIRED_INITIALS.search(head, tail) and _PAIRED_NEXT.match(text, m.end()):
            continue
        if _inside_short_quote(text, start, m):  # "People. Peace. Progress." is a title, not three sentences
            continue
        if text[m.start() - 1] == ";":  # "areas: Legislation; Capacity building; ..." is one list
            if _ENUMERATOR.match(text, m.end()):  # "... (1) Hedayah in Abu Dhabi; (2) the IIJ ...": one list too
                continue
            if _LAST_ITEM.search(re.split(r"[.!?]\s", text[m.end() :], maxsplit=1)[0]):
                continue  # "... test A; B; C and D interoperability; and E.": a series to its last item
            after = text[m.end() :].split(";", 1)[0]
            short = min(m.start() - clause, len(after)) < _CLAUSE
            clause = m.end()
            if short:
                continue
        spans.append((start, m.start()))
        start = clause = m.end()
    spans.append((start, len(text)))
    spans = [piece for s, e in spans for piece in _table_rows(text, s, e)]
    return [(base + s, base + e) for s, e in spans if text[s:e].strip()]


# A quotation closing within this many characters of a full stop inside it is a title or a
# slogan ("The theme is "People. Peace. Progress. The Power of Partnerships.""), not sentences.
QUOTED_TITLE_CHARS = 80


def _inside_short_quote(text: str, start: int, end: re.Match) -> bool:
    """Does the sentence end `end` fall inside a quotation opened in this sentence that closes soon after?"""
    head = text[start : end.start()]
    opened = head.count("“") > head.count("”") or (head.count('"') % 2 == 1)
    if not opened:
        return False
    rest = text[end.start() : end.start() + QUOTED_TITLE_CHARS]
    return "”" in rest or '"' in rest


# A table flattened into prose by a web page or a PDF export: "Total Number of Reports *2 1,530
# 1,468 1,244 4,242 Cases Coordinated *4 884 780 915 2,579". Each run of figures ends a row, and
# the next row's label follows it; a row of its own says which figures are whose.
_ROW_FIGURES = re.compile(r"(?:(?<=\s)|^)(?:\d[\d,.]*%?\s+){2,}\d[\d,.]*%?(?=\s|$)")
TABLE_MIN_ROWS = 2  # one run of figures in a sentence is a list of numbers, two are a table


def _table_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rows of a table flattened into the sentence text[start:end], or the sentence whole."""
    runs = [m.end() for m in _ROW_FIGURES.finditer(text, start, end)]
    if len(runs) < TABLE_MIN_ROWS:
        return [(start, end)]
    cuts = [start, *(r for r in runs if text[r:end].strip()), end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


# A cited quote is found again by its first characters: it may have been cut ("… and the First
# Summer Bootcamp …") and its whitespace differs from the chunk's.
QUOTE_PREFIX_CHARS = 60


def starts_quote(quote: str, text: str) -> bool:
    """Does `text` hold the opening of a cited `quote` (whitespace runs read as one space)?"""
    core = " ".join(quote.strip("… ").split())[:QUOTE_PREFIX_CHARS]
    return bool(core) and core in " ".join(text.split())


# A citation marker and the space before it ("… in 2016 [1]").
MARKER = re.compile(r"\s*\[\d+\]")


def strip_markers(text: str) -> str:
    """An answer's text without its citation markers: what its length is judged by."""
    return MARKER.sub("", text)


# A line that opens what follows ends with a colon, in some house styles with a dash after it
# ("These flagships are:-").
_INTRODUCES = re.compile(r":\s?[-–—]?$")


def introduces(line: str) -> bool:
    """Does the (stripped) line end as one introducing a list or a table does?"""
    return bool(_INTRODUCES.search(line))
