"""What the retrieved evidence lacks that the question names: names, years and serial numbers.

These feed the decline decision (assistant.answer.decline) as features, with the reasons a
decline states: a name the reports never use, a year no relevant passage belongs to.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath
from collections.abc import Iterable, Sequence

from assistant.understand.countries import (
    countries_in,
    country_names,
    demonyms,
    english_of_foreign,
    is_country,
    names_for_code,
    same_country,
)
from assistant.understand.names import initial_runs, same_name
from assistant.understand.serials import (
    ORDINAL_WORD,
    ORDINAL_WORDS,
    clipped_year,
    run_on_initials,
    run_on_serial,
    serials_said,
)
from assistant.understand.question import (
    QUARTER_ORDINALS,
    QUARTER_WORDS,
    QuestionProfile,
    months_of_quarter,
    months_of_years,
    names_report_by,
    report_named,
    quarter_number,
    word_set,
    year_pairs,
    year_span,
)
from assistant.understand.vocab import MONTHS
from assistant.understand.wanted import YEAR
from assistant.answer.scoring import RECORD_START, Scored, acronyms
from assistant.answer.units import is_form_line, leads, report_openings
from assistant.answer.relative import relative_years
from assistant.types import Chunk, Hit
from vectorstore.lexical import STOPWORDS, LexicalIndex, fold, tokenize, words

# A passage scoring at least this share of the best one addresses the question (for years and serials).
ADDRESSING_SHARE = 0.6


def missing_evidence(
    q: QuestionProfile, ranked: list[Scored], hits: Sequence[Hit], lexical: LexicalIndex
) -> tuple[list[str], list[str], list[str]]:
    """(names, years, serials) the question asks about that the retrieved evidence lacks."""
    context = " ".join(f"{heading_of(h.chunk)} {h.chunk.year or ''} {h.chunk.text}" for h in hits)
    # (a Spanish page says "Chamber" in its glossary rendering: "la Cámara de Diputados")
    english = " ".join(s.unit.english for s in ranked if s.unit.english)
    filed = file_authors(h.chunk for h in hits)
    return (
        missing_names(q, f"{context} {english}", lexical, filed),
        missing_years(q, context, ranked, hits),
        missing_serials(q, ranked, hits),
    )


def heading_of(chunk: Chunk) -> str:
    """What names a passage's report and place in it: its title, organisation, country, section
    and file name ("opcw_ec53_2008.txt" says OPCW where the page itself only says "the Council")."""
    return f"{chunk.title} {chunk.organisation or ''} {chunk.country or ''} {chunk.section} {file_words(chunk)}"


def file_words(chunk: Chunk) -> str:
    """The words of a passage's file name ("start_terrorism_2019.txt": start terrorism 2019)."""
    return re.sub(r"[_\W]+", " ", PurePath(chunk.source).stem)


def file_authors(chunks: Iterable[Chunk]) -> frozenset[str]:
    """The first word of each file name, lower-cased, where users name a report's author
    ("start_terrorism_overview_2019.txt", "2019_start_overview.txt")."""
    firsts = (next((w for w in file_words(c).lower().split() if not w.isdigit()), "") for c in chunks)
    return frozenset(w for w in firsts if w)


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def dotted(text: str) -> set[str]:
    """Initials written with full stops, run together as typed without them ("U.S." says "US")."""
    return {m.group(0).replace(".", "").lower() for m in _DOTTED.finditer(text)}


def missing_names(
    q: QuestionProfile, context: str, lexical: LexicalIndex, filed: frozenset[str] = frozenset()
) -> list[str]:
    """The names the question uses that neither the retrieved text (`context`, and the words of
    its files' names, `filed`) nor the index know."""
    return [e for e in unsaid_names(q, context, lexical, filed=filed) if not all(lexical.knows(t) for t in tokenize(e))]


def unsaid_names(
    q: QuestionProfile,
    context: str,
    lexical: LexicalIndex,
    names: Sequence[str] | None = None,
    filed: frozenset[str] = frozenset(),
) -> list[str]:
    """The names the question uses (its own words, as typed) that `context` never says in any
    form: the same word, a plural or demonym, an acronym or initials of it, a clipped or coded
    form, or a thesaurus phrasing the reports use. With `names`, only those are checked, and a
    thesaurus phrasing counts only where `context` says it. `filed`: the first words of the
    context's file names (`file_authors`), which say an acronym the question names a report's
    author by, in lower case as file names do ("per START's overview": start_overview.txt)."""
    checked = [e for e in (q.entities if names is None else names) if e not in q.qualifiers]
    if not checked:
        return []
    # (and the English names of the countries a foreign page names: "España" says Spain)
    foreign = english_of_foreign(context)
    named_countries = countries_in(context)  # (read once: each name's check looks them up)
    known = acronyms(context) | word_set(context) | initialisms(context) | word_set(" ".join(foreign)) | dotted(context)
    said = set(tokenize(context)) if names is not None else set()

    def unsaid(e: str) -> bool:
        if worded_acronym(e, q.text):  # "FIRST": only the capitals say it, not "the first"
            return not capitals_say(e, context) and not (e.lower() in filed and names_author(e, q.text))
        return (
            e not in known
            and not any(same_name(e, w) or same_country(e, w) for w in known)
            # (a country of several words too: "American" is said by "the United States")
            and not (e in demonyms() and any(same_country(e, c) for c in named_countries))
            and not (country_names(e) & named_countries)  # "Kyrgyzstan": "the Kyrgyz Republic"
            # (a country's other form, "Vietnam" for "Vietnamese", only where the context says it:
            # another page of the index saying it does not make this passage say it)
            and not (
                said_as_phrased(e, q, said) if names is not None else rephrased(e, q, lexical) and not in_other_form(e)
            )
            and not adjectival(e, known)
            and not clipped(e, context)
            and not year_coded(e, context)
            and not (len(e) > 3 and e.endswith("s") and e[:-1] in known)  # "NDOs": orders whose initials are said
            and not coded(e, context)
            and not abbreviated(e, q, known, context)
            and not numbered(e, known, context)
            and not spaced(e, context)
            and not other_half_said(e, q.text, known)
            and not quarter_said(e, known)
        )

    return [e for e in checked if unsaid(e)]


_QUARTER = re.compile(r"q([1-4])")
_HALF = re.compile(r"h([12])")
_MONTH_ABBREVIATIONS = "|".join(m[:3] for m in MONTHS)
_MONTH_RANGE = re.compile(
    rf"\b(?:{_MONTH_ABBREVIATIONS})[a-z]*\.?\s*(?:-|–|to|through|until|and)\s*(?:{_MONTH_ABBREVIATIONS})", re.I
)
_QUARTER_SAID = re.compile(rf"\b(?:(?:{QUARTER_WORDS}) quarter|Q[1-4])\b", re.I)


def quarters_said(text: str) -> set[int]:
    """The months of the quarters a text names ("in the third quarter", "Q2"), with or without a year."""
    return {n for m in _QUARTER_SAID.finditer(text) for n in months_of_quarter(quarter_number(m.group(0).split()[0]))}


# A period within a year: "between 15 October and 24 November 2020", "from April to June 2011",
# "the first quarter", "the first half of the year", "H1 2023".
_PERIOD_WITHIN = re.compile(
    rf"\b(?:between|from)\s+(?:\d{{1,2}}\s+)?((?:{_MONTH_ABBREVIATIONS})[a-z]*)\.?\s+(?:\d{{1,2}},?\s+)?"
    rf"(?:(?:19|20)\d\d\s+)?(?:and|to|until|through|-|–)\s+(?:\d{{1,2}}\s+)?((?:{_MONTH_ABBREVIATIONS})[a-z]*)"
    rf"|\b(?:{QUARTER_WORDS})\s+quarter\b|\bQ[1-4]\b|\b(?:first|second)\s+half\b"
    # (a half beside its year: "H1 2023", "2023 H2"; hydrogen's "H2" is no half)
    r"|\bH[12]\s+(?:of\s+)?(?:FY\s?)?(?:19|20)\d\d\b|\b(?:FY\s?)?(?:19|20)\d\d\s+(?-i:H[12])\b(?!\s+[a-z])",
    re.I,
)


def within_year(text: str) -> bool:
    """Does the text date what it says by a part of a year (not "from January to December")?"""
    for m in _PERIOD_WITHIN.finditer(text):
        if not m.group(1) or (m.group(1)[:3].lower(), m.group(2)[:3].lower()) != ("jan", "dec"):
            return True
    return False


def quarter_said(name: str, known: set[str]) -> bool:
    """Is the name a quarter or half of the year ("Q3", "H1") that the text says by one of its
    months ("between 1 July and 30 September", "Jul-Sep", "January to June") or in words ("the
    third quarter", "the first half")?"""
    if _QUARTER.fullmatch(name):
        n = quarter_number(name)
        months, words = months_of_quarter(n), {QUARTER_ORDINALS[n - 1], "quarter"}
    elif _HALF.fullmatch(name):
        n = int(name[1])
        months, words = range(6 * n - 5, 6 * n + 1), {QUARTER_ORDINALS[n - 1], "half"}
    else:
        return False
    return any(MONTHS[k - 1] in known or MONTHS[k - 1][:3] in known for k in months) or words <= known


def other_half_said(name: str, question: str, known: set[str]) -> bool:
    """Is the name one of two alternatives typed with a slash ("states/UTs", "STR/SAR"), the
    other of which the text says? Either answers."""
    for m in re.finditer(r"([\w'’-]+)\s?/\s?([\w'’-]+)", question):
        a, b = fold(m.group(1)), fold(m.group(2))
        other = b if a == name else a if b == name else None
        if other is not None and (set(tokenize(other)) or {other}) <= known:
            return True
    return False


def worded_acronym(name: str, question: str) -> bool:
    """Is the name an acronym typed in capitals that is also an English word ("FIRST", "WINS")?
    The reports' "first" or "wins" does not say it."""
    from ingest.normalize import is_word  # simplemma's English words, loaded on first use

    return len(name) > 2 and re.search(rf"\b{re.escape(name.upper())}\b", question) is not None and is_word(name)


def names_author(name: str, question: str) -> bool:
    """Does the question name the report's author by this name ("per START's 2019 overview",
    "according to START")?"""
    n = re.escape(name.upper())
    return re.search(rf"\b{n}(?:'s|’s)|\b(?:per|according to|by|from)\s+(?:the\s+)?{n}\b", question) is not None


def capitals_say(name: str, text: str) -> bool:
    """Does the text write the name in capitals, or spell out capitalised words it stands for?"""
    return re.search(rf"\b{re.escape(name.upper())}\b", text) is not None or name in acronyms(text)


# A name written in parts ("EU NAV FOR" for "EU NAVFOR") has at least this many letters.
SPACED_SHORTEST = 5


def spaced(name: str, text: str) -> bool:
    """Is the name two or three words of the text in a row, written together ("navfor" for
    "NAV FOR"), or a code of letters and figures the text writes with a hyphen, stop or space
    between them ("p8i" for "P-8I", "f16" for "F-16")?"""
    if re.fullmatch(r"(?=.*\d)(?=.*[a-z])[a-z\d]{3,}", name):
        parts = r"[-. ]?".join(re.escape(c) for c in name)
        return re.search(rf"(?<![\w-]){parts}(?![\w-])", text, re.I) is not None
    if len(name) < SPACED_SHORTEST or not name.isalpha():
        return False
    found = [fold(w) for w in re.findall(r"[^\W\d_]+", text)]
    return any("".join(found[i : i + n]) == name for n in (2, 3) for i in range(len(found) - n + 1))


# A name of at least this many words is written by its initials ("NSPF"); shorter initials recur by chance.
ABBREVIATED_PARTS = 3
# Two-word names count as written by their two capitals this many times, in the passage or the question.
PAIR_SAID = 2


_JOINED_NAMES = re.compile(r"\b([A-Z][\w’'-]+)\s+(?:and|&)\s+([A-Z][\w’'-]+)")


def _pair_initials(initials: str, context: str) -> bool:
    """Can two capitals stand for a two-word name here: not the number of a part ("Annex VI",
    "Chapter IV"), which a Roman numeral after such a word is?"""
    return not re.search(rf"\b{_NUMBERED_PARTS}\s+{initials}\b", context, re.I)


# Parts of a document numbered by Roman numerals: "Annex VI", "Chapter IV", "Phase II".
_NUMBERED_PARTS = r"(?:annex|appendix|article|chapter|part|phase|schedule|section|stage|title|volume|level|class)"


def abbreviated(name: str, q: QuestionProfile, known: set[str], context: str = "") -> bool:
    """Is the word part of a multi-word name the question spells out ("Northern Seas Patrol
    Forum") whose initials the passage writes ("NSPF")? Part of the name will do when the
    passage writes its initials: "the Arms Trade Treaty's Voluntary Trust Fund" is said by "ATT
    implementation projects" (in capitals where the initials spell an English word)."""
    from ingest.normalize import is_word  # simplemma's English words, loaded on first use

    pieces = name.replace("-", " ").split()  # "Anti-Narcotics Force" is ANF: a hyphen's parts give initials
    # "Trinidad and Tobago" written "T&T": two names joined by "and", by their initials and "&"
    for m in _JOINED_NAMES.finditer(q.text):
        if set(pieces) & {fold(m.group(1)), fold(m.group(2))} and re.search(
            rf"\b{m.group(1)[0]}\s?&\s?{m.group(2)[0]}\b", context
        ):
            return True
    for full in q.names:
        parts = [w for w in full.split() if len(w) > 1 and w not in STOPWORDS]  # not a possessive's "s"
        # "Western Australia" written "WA": two initials match by chance too often to count once,
        # but a page's own abbreviation recurs, and one the user types beside the name is theirs
        # (not a part's number, "Annex VI"; not a unit before its figure, "PM 2.5"; not a word of
        # a line in capitals, "PROGRESS IN 2030")
        initials = f"{parts[0][0]}{parts[1][0]}".upper() if len(parts) == 2 else ""
        if pieces and set(pieces) <= set(parts) and initials and _pair_initials(initials, context):
            pair = re.compile(rf"(?<![A-Z]\s)\b{initials}\b(?!\s*\d)(?!\s[A-Z]{{2}})")
            if len(pair.findall(context)) + bool(pair.search(q.text)) >= PAIR_SAID:
                return True
        if not pieces or not set(pieces) <= set(parts) or len(parts) < ABBREVIATED_PARTS:
            continue
        if "".join(w[0] for w in parts) in known:
            return True
        for initials, run in initial_runs(" ".join(parts), ABBREVIATED_PARTS, len(parts) - 1):
            if not set(pieces) <= set(run):
                continue
            # in capitals, or in any case where no English word is spelt so ("att_fund.txt")
            if is_word(initials):
                initials, flags = initials.upper(), 0
            else:
                flags = re.I
            if re.search(rf"\b{initials}\b", context, flags):
                return True
    return False


def coded(name: str, text: str) -> bool:
    """Is the name an ISO country code ("MX", "GTM") of a country the text names in full?"""
    return any(re.search(rf"\b{re.escape(country)}\b", text, re.I) for country in names_for_code(name))


def adjectival(name: str, known: set[str]) -> bool:
    """ "Europol-backed", "UN-led", "EU-funded": a known name made an adjective by a hyphen."""
    head, _, tail = name.partition("-")
    return bool(tail) and head in known


def initialisms(text: str) -> set[str]:
    """Initials of runs of 3-5 content words, in any case: "EDD" is "enhanced due
    diligence" where a text spells it out without capitals; and of two capitalised words in a
    row ("GC" for "Governing Council"). Only for checking a typed name against the retrieved
    passages, never the whole index (short initialisms recur by chance). Worked out once per
    line (the same retrieved passages come back question after question)."""
    return set().union(*(_line_initialisms(line) for line in text.split("\n")))


INITIALISM_LONGEST = 5


@lru_cache(maxsize=4096)
def _line_initialisms(text: str) -> frozenset[str]:
    longest = INITIALISM_LONGEST
    pairs = {(a[0] + b[0]).lower() for a, b in _CAPITALISED_PAIR.findall(text)}  # overlapping: "The Global Platform"
    # a name's small words keep their letter in its initials: "DCoC" of "Djibouti Code of Conduct"
    # (and without them: "NDRRMC" of "National Disaster Risk Reduction and Management Council")
    linked = {
        "".join(w[0] for w in words[i:] if w[0].isupper() or not capitals).lower()
        for m in _LINKED_NAME.finditer(text)
        for words in [m.group(0).split()]
        for i in range(len(words))
        if words[i][0].isupper()
        for capitals in (False, True)
    }
    # a coined term in quotes is a name too, small words and all: "CTF" of a “capture the flag” exercise
    quoted = {
        "".join(w[0] for w in words if keep_small or w.lower() not in STOPWORDS).lower()
        for m in _QUOTED_TERM.finditer(text)
        for words in [m.group(1).split()]
        for keep_small in (False, True)
    }
    runs = {initials for initials, _ in initial_runs(text, 3, longest)}
    return frozenset(pairs | linked | {i for i in quoted if len(i) >= 2} | runs)


_QUOTED_TERM = re.compile(r"[“\"‘]([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){1,4})[”\"’]")
_CAP = r"[A-Z][\w'’-]*"
_LINKED_NAME = re.compile(rf"\b{_CAP}(?:\s+{_CAP})*(?:\s+(?:of|and|for|on|the|to)\s+{_CAP}(?:\s+{_CAP})*)+")


def numbered(name: str, known: set[str], text: str) -> bool:
    """Is the name a known name with a year or number run on to it ("GP2017": the Global Platform
    of 2017; "COP25"; "CSP4": the Fourth Conference of States Parties), the number said too, in
    figures or as an ordinal?"""
    m = re.fullmatch(r"([A-Za-z]{2,})-?(\d{1,4})", name)
    if not m or m.group(1).lower() not in known:
        return False
    return re.search(rf"\b{m.group(2)}\b", text) is not None or str(int(m.group(2))) in serials_said(text)


# A clipped compound ("ExCo" for "Executive Committee", "SecGen"): parts of at least this many letters.
CLIP_PART = 2
CLIP_LONGEST = 8


def year_coded(name: str, text: str) -> bool:
    """Is the name a year coded with the initials of the words the text writes before it ("FY17",
    "FY2017" for "Fiscal Year 2017"), or as the text writes it ("FY 2017")?"""
    m = _CODED_YEAR.fullmatch(name)
    if not m:
        return False
    letters, digits = m.groups()
    for words_before, year in _YEAR_AFTER_WORDS.findall(text):
        if year.endswith(digits) and "".join(w[0] for w in words_before.split()[-len(letters) :]).lower() == letters:
            return True
    return bool(re.search(rf"\b{letters}\s?(?:(?:19|20)(?=\d\d\b))?{digits}\b", text, re.I))


_CODED_YEAR = re.compile(r"([a-z]{2})((?:19|20)?\d\d)")
_YEAR_AFTER_WORDS = re.compile(r"\b((?:[A-Za-z]+\s+){2})((?:19|20)\d\d)\b")


def clipped(name: str, text: str) -> bool:
    """Is the name the first letters of two words in a row of the text, run together?"""
    if not (2 * CLIP_PART <= len(name) <= CLIP_LONGEST) or not name.isalpha():
        return False
    # as such names are written: two capitalised words in a row ("Executive Committee")
    pairs = [(a.lower(), b.lower()) for a, b in _CAPITALISED_PAIR.findall(text)]
    for cut in range(CLIP_PART, len(name) - CLIP_PART + 1):
        head, tail = name[:cut], name[cut:]
        if any(a.startswith(head) and b.startswith(tail) and a != head for a, b in pairs):
            return True
    return False


_CAPITALISED_PAIR = re.compile(r"(?=\b([A-Z][a-z]+)\s+([A-Z][a-z]+))")


def missing_years(q: QuestionProfile, context: str, ranked: list[Scored], hits: Sequence[Hit]) -> list[str]:
    """Years the question asks about that no passage addressing it belongs to."""
    dated = page_years(hits)
    context = with_spanned_years(context)
    absent = [y for y in q.years if y not in context]
    if absent:  # ("last year" on a page dated 2010 says 2009): read only when a year is not written out
        said = {
            y for h in hits for line in h.chunk.text.split("\n") for y in relative_years(line, dated[h.chunk.doc_id])
        }
        absent = [y for y in absent if y not in said]
    named = _naming_years(q, ranked, hits)
    absent = [y for y in absent if y not in named]
    if absent and ranked:  # ("08/07/2024" heads the page whose sentence says "expuso ante la Comisión")
        own = {str(dated.get(chunk.doc_id)) for _, _, chunk in _addressing(ranked, hits)}
        absent = [y for y in absent if y not in own]
    if not absent and not q.compares and ranked:
        absent = [
            y
            for y in q.asked_years
            if y not in named and not year_evidence(y, ranked, hits, year_span(y, q.text), dated)
        ]
    return absent


def _naming_years(q: QuestionProfile, ranked: list[Scored], hits: Sequence[Hit]) -> set[str]:
    """The years the question names a report by ("EACC's 2022/2023 report", not "cases in 2022")
    that a retrieved report's title says ("the 2016 Work Plan"), or the opening of a report
    addressing it names itself by ("Annual Report for the Financial Year 2022/2023"): the report
    asked for, whatever year its passages speak of."""
    by_name = {y for y in q.asked_years if names_report_by(y, q.text)}
    if not by_name or not ranked:
        return set()
    titles = " ".join(dict.fromkeys(h.chunk.title for h in hits))
    addressing = {chunk.doc_id for _, _, chunk in _addressing(ranked, hits)}
    opening = " ".join(o.text for d, o in report_openings(hits).items() if o is not None and d in addressing)
    return {y for y in by_name if re.search(rf"\b{y}\b", titles) or report_named(y, opening)}


# A fiscal or season year written short ("2015/16", "2022-23"): the report speaks of both years;
# its opening (this many characters) says which it covers.
OPENING_SPAN_CHARS = 300
_SHORT_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[/–-]\s*(\d\d)\b(?![/-]?\d)")


def spanned_years(text: str) -> set[str]:
    """Both years of each short span the text writes ("2015/16": 2015 and 2016)."""
    return {year for pair in year_pairs(text, _SHORT_SPAN) for year in pair}


def with_spanned_years(text: str) -> str:
    """The text with the second year of each short span written out ("In 2015/16 ..." says 2016)."""
    ends = spanned_years(text)
    return f"{text} {' '.join(sorted(ends))}" if ends else text


def opening_spans(hits: Sequence[Hit]) -> dict[str, set[str]]:
    """The years of the first short span each retrieved report's opening says ("In 2015/16 the
    Department ..."): the period the report covers (a later one may be what it compares with)."""
    out: dict[str, set[str]] = {}
    for doc, o in report_openings(hits).items():
        first = _SHORT_SPAN.search(o.text[:OPENING_SPAN_CHARS]) if o else None
        out[doc] = spanned_years(first.group(0)) if first else set()
    return out


def opening_years(hits: Sequence[Hit]) -> dict[str, str]:
    """The year each retrieved report's opening speaks of, where it names one alone ("Le nombre
    d'infractions ... a baissé en Suisse en 2017."): a page about that year, whose later sentences
    ("the number of minors accused rose 8%") do not say it again. An opening naming several
    years compares them, and dates nothing."""
    out: dict[str, str] = {}
    for doc, o in report_openings(hits).items():
        # (its first line of prose: a dateline or a headline above it dates the page, not what it
        # tells; and a year it says as the time of what it tells, "in 2017", not "founded in 1998")
        lines = [x for x in (o.text.split("\n") if o else []) if len(x.split()) > DATELINE_WORDS and _PROSE.search(x)]
        years = set(_TIME_YEAR.findall(lines[0][:OPENING_SPAN_CHARS])) if lines else set()
        if len(years) == 1:
            out[doc] = years.pop()
    return out


# A line of prose has a sentence's end; a year as the time of what a sentence tells ("in 2017",
# "en 2017", "durante 2021"), not after a verb of founding ("established in 1998").
_PROSE = re.compile(r"[.!?](?:\s|$)")
_TIME_YEAR = re.compile(
    r"(?<!founded )(?<!established )(?<!created )(?<!adopted )(?<!since )"
    r"\b(?:in|en|em|durante|during)\s+((?:19|20)\d\d)\b",
    re.I,
)


def datelines(hits: Sequence[Hit]) -> dict[str, str]:
    """Each retrieved report's dateline: a short line among its first ones giving a date with
    its month and year ("31 May 2022", "Nov 25, 2019"), not a headline's "Report 2021"."""
    out: dict[str, str] = {}
    for doc, first in report_openings(hits).items():
        lines = [x.strip() for x in (first.text.split("\n") if first else [])][:DATELINE_SEARCH_LINES]
        out[doc] = next(
            (
                x
                for x in lines
                if len(x.split()) <= DATELINE_WORDS
                and (months_of_years(x) or NUMERIC_DATE.search(x))
                and YEAR.search(x)
            ),
            "",
        )
    return out


def page_years(hits: Sequence[Hit]) -> dict[str, int | None]:
    """Each retrieved report's own date: the year of its dateline (a news page's "31 May 2022"
    under a headline about 2021), else the year its metadata gives."""
    lines = datelines(hits)
    out: dict[str, int | None] = {}
    for h in hits:
        if h.chunk.doc_id not in out:
            year = YEAR.search(lines.get(h.chunk.doc_id, ""))
            out[h.chunk.doc_id] = int(year.group(0)) if year else h.chunk.year
    return out


def years_contradicted(q: QuestionProfile, passage: Sequence[Scored], hits: Sequence[Hit]) -> list[str]:
    """The years (and months) the user asked about that the answer's passage never belongs to
    while dating what it says to another: "the 2017 meeting" is not answered by "held in January
    2018", though another passage of the report says 2017; "the course in oct 2017" is not
    answered by one held "from 11 to 22 September 2017"."""
    if q.compares or q.sides or not passage:
        return []
    # (a month the user dates, even where the year is the report's own; the page's lead may date
    # it: "THE HAGUE — 13 December 2017 — ... a course held in Doha from 4 – 8 December")
    missing: list[str] = []
    months = {n for s in passage for n in months_of_years(s.unit.text)} if q.asked_months else set()
    # ("65,915 kg of drugs were seized in the first quarter of 2022" dates a quarter, not its March)
    # unless the question asks for months from one to another ("jan-mar 2022"), or the passage names
    # the month asked without its year ("in January with 8,205 kg")
    quarter = (
        bool(q.asked_months)
        and not _MONTH_RANGE.search(q.text)
        and any(_QUARTER_SAID.search(s.unit.text) for s in passage)
        and not any(MONTHS[n - 1] in words(s.unit.text) for s in passage for n in q.asked_months)
        # (a quarter asked, "Q3 2015", is answered by its own quarter; one month is not)
        and not (
            len(q.asked_months) >= 3 and set(q.asked_months) <= {n for s in passage for n in quarters_said(s.unit.text)}
        )
    )
    if (months or quarter) and not months & set(q.asked_months):
        # (or its dateline: "the nov 2019 note" is the page dated "Nov 25, 2019")
        opening, dates = leads(hits, unretrieved=True), datelines(hits)
        docs = {hits[s.unit.hit_index].chunk.doc_id for s in passage}
        lead = " ".join(f"{opening.get(doc, '')} {dates.get(doc, '')}" for doc in docs)
        if not set(months_of_years(lead)) & set(q.asked_months):
            missing = [MONTHS[n - 1].title() for n in q.asked_months]
    if not q.asked_years:
        return missing
    chunks = [hits[i].chunk for i in dict.fromkeys(s.unit.hit_index for s in passage)]
    lines = [hits[s.unit.hit_index].chunk.text.split("\n")[s.unit.line] for s in passage]
    dated_by = page_years(hits)
    referred = {
        y
        for s, line in zip(passage, lines)
        for y in relative_years(line, dated_by.get(hits[s.unit.hit_index].chunk.doc_id))
    }
    # (with each page's dateline year: "08/07/2024" over the sentence "expuso ante la Comisión")
    # (and the period its opening says: "In 2015/16 the Department ..." is of 2016)
    spans = opening_spans(hits)
    context = " ".join(
        [
            *lines,
            *(f"{c.section} {c.title} {c.year or ''} {dated_by.get(c.doc_id) or ''}" for c in chunks),
            *referred,
            *(y for c in chunks for y in spans.get(c.doc_id, ())),
        ]
    )
    # a report titled with its year ("Statement of the 2018 Plenary") dates what it says
    dated = {str(c.year) for c in chunks if c.year and str(c.year) in c.title}
    # ("This year, 184,000 packs ..." on a page of 2024 states 2024)
    stated = {y for s in passage for y in YEAR.findall(s.unit.text)} | dated | referred
    # "the 2006 budget" answers nothing about the budget for 2005, whatever year the report is of
    # (unless another sentence of the passage says the year asked: "since 2016, 452 operations"
    # beside "the October 2019 arrest")
    if any(names_other_year(q, s.unit.text) for s in passage) and not any(
        y in s.unit.text for s in passage for y in q.asked_years
    ):
        return list(q.asked_years)
    # (a report of 2016 is of the "2015-16" asked, though its sentences say neither)
    of_report = {str(c.year) for c in chunks if c.year} | {y for c in chunks for y in YEAR.findall(c.title)}
    # (nor is "jul 2020-jun 2021" contradicted by a passage dated by the span's other year: "the
    # one-year period ending June 2021")
    return [
        y
        for y in q.asked_years
        if y not in context
        and stated - {y}
        and not (year_span(y, q.text) - {y}) & (of_report | set(YEAR.findall(context)))
    ] + missing


# "its 749th Meeting", "the 2006 budget": a number naming the word after it
_SERIAL_WORD = re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+([A-Za-z][\w-]+)", re.I)
_YEAR_WORD = re.compile(r"\b((?:19|20)\d\d)\s+([A-Za-z][\w-]+)")


def names_other_serial(q: QuestionProfile, text: str) -> bool:
    """Does the sentence name the asked thing by another number ("its 749th Meeting held on 27
    January 2018" for "the 812th meeting") and never the asked one?"""
    asked = {value for _, value in q.serials}
    if not asked or any(re.search(rf"\b{re.escape(v)}(?:st|nd|rd|th)?\b", text) for v in asked):
        return False
    # the thing the asked number names ("the 39th session"): a "9th draft plan" beside it is
    # another thing's number, not another session
    numbered = {t for m in _SERIAL_WORD.finditer(q.text) for t in tokenize(m.group(2))}
    if _numbers_asked_word(q, text, _SERIAL_WORD, asked, numbered or None):
        return True
    # "CSP4" asked, "the Second Conference of States Parties" said: an ordinal in words before
    # the name the initials stand for, and the asked number said nowhere
    initials = {run_on_initials(typed) for typed, _ in q.serials} - {""}
    if not initials or set(asked) & {ORDINAL_WORD[w.lower()] for w in _ORDINAL_NAME.findall(text)}:
        return False
    for m in _ORDINAL_NAME.finditer(text):
        letters = "".join(w[0] for w in words(text[m.end() :])[: INITIALISM_LONGEST + 2] if w not in STOPWORDS)
        if ORDINAL_WORD[m.group(1).lower()] not in asked and any(letters.startswith(i) for i in initials):
            return True
    return False


_ORDINAL_NAME = re.compile(rf"\b({ORDINAL_WORDS})\s+(?=[A-Z])", re.I)

_ORDINAL = rf"(?:{ORDINAL_WORDS}|\d{{1,3}}(?:st|nd|rd|th))"
# "the first gun amnesty": an ordinal after a determiner, and the (up to two) words it numbers
_ASKED_ORDINAL = re.compile(rf"\b(?:the|its|their|this|that)\s+({_ORDINAL})\s+([\w'’-]+(?:\s+[\w'’-]+)?)", re.I)
_SAID_ORDINAL = re.compile(rf"\b({_ORDINAL})\s+([\w'’-]+(?:\s+[\w'’-]+)?)", re.I)


def _ordinal_value(typed: str) -> str:
    low = typed.lower()
    return ORDINAL_WORD.get(low) or str(int(re.match(r"\d+", low).group(0)))


def asked_ordinals(q: QuestionProfile) -> list[tuple[str, str, set[str]]]:
    """The ordinals the question numbers a thing by: (as typed, value, the thing's stems)."""
    return [
        (f"{m.group(1)} {m.group(2)}", _ordinal_value(m.group(1)), set(tokenize(m.group(2))))
        for m in _ASKED_ORDINAL.finditer(q.text)
    ]


def numbers_asked_thing(q: QuestionProfile, text: str) -> str:
    """How the sentence numbers the thing the question numbers: "asked" ("the first amnesty" for
    "the first gun amnesty"), "other" ("the second Amnesty period") or "" (not at all). Unlike a
    serial, a question's "the first" may mean the earliest: it is another one only where the
    passage counts the same thing with another number."""
    said = [(_ordinal_value(m.group(1)), set(tokenize(m.group(2)))) for m in _SAID_ORDINAL.finditer(text)]
    found = ""
    for _, value, things in asked_ordinals(q) if said else ():
        same = [v for v, stems in said if stems & things]
        if value in same:
            return "asked"
        found = found or ("other" if same else "")
    return found


def names_other_year(q: QuestionProfile, text: str) -> bool:
    """Does the sentence name the asked thing by another year ("the 2006 budget" for "the
    budget for 2005") and never the asked year?"""
    if any(y in text for y in q.asked_years):
        return False
    return _numbers_asked_word(q, text, _YEAR_WORD, set(q.asked_years))


def _numbers_asked_word(
    q: QuestionProfile, text: str, pattern: re.Pattern, asked: set[str], words: set[str] | None = None
) -> bool:
    """Does `pattern` find a number other than the asked ones right before one of the question's
    words (of `words`, when given: the ones the asked number names)?"""
    terms = set(q.terms) if words is None else words
    return any(m.group(1) not in asked and set(tokenize(m.group(2))) & terms for m in pattern.finditer(text))


# A form field left empty ("Fax Number:", "Fax Number: ________"): it names the field, no value.
BLANK_FIELD = re.compile(r"[^:]{1,40}:\s*(?:_+|-+|\.+|…)?\s*$")


def blank(s: Scored) -> bool:
    return bool(BLANK_FIELD.fullmatch(s.unit.text.strip()))


def same_paragraph(a: Scored, b: Scored) -> bool:
    """The answer may sit beside the best sentence: the engine widens to its paragraph, or, in
    a form, to the next or previous line of fields (one record)."""
    if a.unit.hit_index != b.unit.hit_index:
        return False
    if a.unit.line == b.unit.line:
        return True
    return abs(a.unit.line - b.unit.line) == 1 and is_form_line(a.unit.text) and is_form_line(b.unit.text)


# Sentence openings that point back at the sentence before ("This magazine", "They", "Such",
# a report's "Our country will ..."): English pronouns and demonstratives, a closed class.
ANAPHOR = re.compile(
    # "Of these, 3,553 were in England", "Most of these activities, or 76%, ..."
    r"(?:(?:Of|Among|Out of|From|Within|In) (?:these|those|them|this|which)|"
    r"(?:Most|Many|Some|All|Half|None|Each|One|Several|Part) of (?:these|those|them|which)\b|"
    r"This|These|Those|That|It|Its|They|Their|He|His|She|Her|Such|Both|The latter|The former|The same|"
    r"We|Our)\b"
)


def refers_back(s: Scored) -> bool:
    return bool(ANAPHOR.match(s.unit.text)) or s.unit.resumes


def goes_on(after: Scored, before: Scored) -> bool:
    """Does `after` open by setting itself in the occasion `before` told of ("... revealed in a
    meeting on Thursday" / "During the meeting, General Vilay ... stated")? A pronoun alone ("He
    also said") may point at anyone `before` named, and a noun said anywhere may be another topic."""
    m = _IN_THE_OCCASION.match(after.unit.text)
    return bool(m) and bool(set(tokenize(m.group(1))) & set(tokenize(before.unit.text)))


# A sentence set in an occasion named before: "During the meeting, ...", "At the conference, ...".
_IN_THE_OCCASION = re.compile(r"(?:During|At|In|After|Following|Throughout|Before)\s+the\s+([^\W\d_]+)\b")


# A dateline on a line of its own ("Chios island, 13th September 2013."): a date and at most this
# many words in all.
DATELINE_WORDS = 8
# How far down a page's opening its dateline is looked for (under a headline and a source line).
DATELINE_SEARCH_LINES = 6
# A date in figures ("08/07/2024", "2024-07-08"): a dateline too.
NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b")


# How far down its first chunk, and in how many words, a page gives the date it was published
# ("06. FEB 2019", "1 de julio de 2025 - 3:24 p. m.", "date 2023-06-26").
PAGE_DATE_LINES = 10
PAGE_DATE_WORDS = 12
_ISO_DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")
# "when was it published / released / issued / posted"
PUBLISH_STEMS = frozenset(tokenize("publish release issue post"))


def has_day_or_month(text: str) -> bool:
    """Does the text date something more finely than by its year?"""
    return bool(months_of_years(text) or _ISO_DATE.search(text))


# The date data are counted to ("82,892 overstayers as of January 1, 2020"): not when they were published.
_AS_OF = re.compile(r"\bas (?:of|at)\s+(?:[\w,-]+\s+){0,4}?(?:19|20)\d\d\b", re.I)


def dates_publication(text: str) -> bool:
    """Does the text give a day or month other than the date its figures are counted to?"""
    return has_day_or_month(_AS_OF.sub(" ", text))


def asks_published(q: QuestionProfile) -> bool:
    """Does the question ask when something was published, released, issued or posted?"""
    return q.expects in {"date", "day"} and bool(set(q.terms) & PUBLISH_STEMS)


def page_date(s: Scored, hits: Sequence[Hit]) -> bool:
    """Is the unit the line near a page's top that dates the page itself?"""
    chunk = hits[s.unit.hit_index].chunk
    return (
        chunk.char_start == 0
        and s.unit.line <= PAGE_DATE_LINES
        and len(s.unit.text.split()) <= PAGE_DATE_WORDS
        and dates_publication(s.unit.text)
    )


def dateline_of(a: Scored, b: Scored) -> bool:
    """Is `a` the place and date of the statement `b` on the line of their own right after or
    before it ("Conclusions agreed at the 5th Plenary Conference ..." / "Chios island, 13th
    September 2013.")? It dates and places what `b` says, as `b`'s own paragraph would."""
    return (
        a.unit.hit_index == b.unit.hit_index
        and abs(a.unit.line - b.unit.line) == 1
        and len(a.unit.text.split()) <= DATELINE_WORDS
        and ("DATE" in a.unit.labels or bool(YEAR.search(a.unit.text)))  # "15.12.2021 Security"
    )


def continues(a: Scored, b: Scored, q: QuestionProfile) -> bool:
    """Does `a`, in `b`'s paragraph, still speak of what the question asks about? One refers
    back to the other ("It was ..."), or `a` says one of the question's words (years aside).
    "The network was launched in October 2016", after a sentence on a 2016 exercise, does not
    date the exercise. The members a list question asks for often follow in a sentence of their
    own ("Officers from A, B and C ..."): for lists, the paragraph is enough."""
    if a is b or (same_paragraph(a, b) and q.wants_list) or dateline_of(a, b):
        return True
    if not same_paragraph(a, b):
        return False
    if _field_of(a, b) or _field_of(b, a):  # "Telephone Number: ..." on the line after the contact's name
        return True
    before = a.unit.start < b.unit.start
    return (refers_back(b) if before else refers_back(a)) or bool(
        set(tokenize(a.unit.text)) & (set(q.terms) - set(q.years))
    )


def _field_of(field: Scored, record: Scored) -> bool:
    """Is `field` a form field on the line right after `record`'s, of the same record (it names
    no one of its own)?"""
    return (
        field.unit.line == record.unit.line + 1
        and is_form_line(field.unit.text)
        and is_form_line(record.unit.text)
        and not RECORD_START.search(field.unit.text)
    )


# A sentence that looks ahead: "will host", "is to be held", "the next plenary", "plans to", and
# what is under way, not done ("a new mission is being coordinated").
_FORWARD = re.compile(
    r"\b(?:will|shall|next|upcoming|forthcoming|future|scheduled|planned|plans?\s+to|intends?\s+to|"
    r"(?:is|are|was|were)\s+to|to\s+be\s+(?:held|hosted|convened|organi[sz]ed)|offered\s+to\s+host|invitation|"
    r"expected\s+to|(?:is|are)\s+being\s+\w+ed)\b",
    re.I,
)


# "since the last meeting in Christchurch", "the previous session", "at its preceding plenary"
_BACKWARD = re.compile(r"\b(?:previous|preceding|prior|last|earlier|former)\b(?!\s+(?:to|year)\b)", re.I)


def looks_back(text: str) -> bool:
    """Does the sentence speak of an occasion before another ("since the last meeting in X")?"""
    return bool(_BACKWARD.search(text))


def looks_ahead(text: str) -> bool:
    """Does the sentence speak of something still to come when it was written?"""
    return bool(_FORWARD.search(text))


def in_other_form(name: str) -> bool:
    """Is the folded name a country or a demonym ("vietnamese"), which a page may write in
    another form ("Vietnam")? (not an ISO code: "ML", "TF" are initials too)"""
    return is_country(name) or name in demonyms()


def rephrased(entity: str, q: QuestionProfile, lexical: LexicalIndex) -> bool:
    """ "IDs" is no unknown name when the thesaurus gives words the reports use for it."""
    return phrased_in_reports(set(tokenize(entity)), q, lexical)


def said_as_phrased(entity: str, q: QuestionProfile, said: set[str]) -> bool:
    """Does the context say a thesaurus phrasing of the name ("Biological Weapons Convention")?"""
    stems = set(tokenize(entity))
    return any(stems <= set(p.words) and any(set(o) <= said for o in p.options) for p in q.paraphrases)


def phrased_in_reports(stems: set[str], q: QuestionProfile, lexical: LexicalIndex) -> bool:
    """Does the thesaurus give, for all of `stems`, a phrasing every word of which the reports use?"""
    return any(
        stems <= set(p.words) and any(all(lexical.knows(t) for t in o) for o in p.options) for p in q.paraphrases
    )


def _addressing(ranked: list[Scored], hits: Sequence[Hit]):
    """(unit, its paragraph, its chunk) of the passages that address the question: the best
    ten units scoring at least ADDRESSING_SHARE of the best one."""
    floor = ADDRESSING_SHARE * ranked[0].score
    for s in ranked[:10]:
        if s.score < floor:
            break
        chunk = hits[s.unit.hit_index].chunk
        yield s, chunk.text.split("\n")[s.unit.line], chunk  # units are split from these very lines


def year_evidence(
    year: str,
    ranked: list[Scored],
    hits: Sequence[Hit],
    span: set[str] = frozenset(),
    dated: dict[str, int | None] | None = None,
) -> bool:
    """Does a passage that addresses the question belong to the year asked? The year is
    in the sentence, its paragraph, its section, the report's title ("Annual report for
    2022", published in 2023), or is the year the report covers. A year asked as half of a
    span ("2015-16", `span`) is also the report's when the other half is its year or in its
    title; a sentence's "2016/17" is another span. A report whose opening says the short span
    "2015/16" is of 2016 too."""
    spans = opening_spans(hits)
    leads = opening_years(hits)
    return any(
        year in s.unit.text
        or year in paragraph
        or year in spans.get(chunk.doc_id, ())
        or year == leads.get(chunk.doc_id)
        or year in chunk.section
        or year in chunk.title
        or str(chunk.year) == year
        or str((dated or {}).get(chunk.doc_id)) == year  # the page's dateline
        or str(chunk.year) in span
        or any(y in span for y in YEAR.findall(chunk.title))
        or year in relative_years(s.unit.text, (dated or {}).get(chunk.doc_id, chunk.year))
        for s, paragraph, chunk in _addressing(ranked, hits)
    )


def missing_serials(q: QuestionProfile, ranked: list[Scored], hits: Sequence[Hit]) -> list[str]:
    """The serial numbers the question names ("the 5th meeting", "CICAD 57") that no passage
    addressing it says, in its paragraph, section or title: the 4th meeting is another one."""
    if not ranked or q.compares or q.sides:
        return []
    # (with what its chunk said before it, and its report's opening chunk when retrieved: a news
    # page names "the 39th session" in its lead and the session's agenda two paragraphs on)
    opening = {h.chunk.doc_id: h.chunk.text for h in hits if h.chunk.char_start == 0}
    said = set().union(
        *(
            serials_said(f"{before} {opening.get(chunk.doc_id, '')} {chunk.section} {chunk.title}")
            for s, _, chunk in _addressing(ranked, hits)
            for before in ["\n".join(chunk.text.split("\n")[: s.unit.line + 1])]
        )
    )
    # ("NC4" asked, "Command Centre (NC4)" said by the best passage: the name as typed is said)
    verbatim = next((paragraph for _, paragraph, _ in _addressing(ranked, hits)), "")
    return [
        typed
        for typed, value in q.serials
        if value not in said
        and not clipped_year(typed, value, said)
        and not (run_on_serial(typed) and re.search(rf"\b{re.escape(typed)}\b", verbatim))
    ]
