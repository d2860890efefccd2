"""What a question asks for: its content terms, constraints, and the kind of answer expected.

Pure functions over text; the answer engine uses the profile to score units and to decide
whether the evidence really answers the question (entity, year, number type present).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import takewhile
from dataclasses import dataclass

from assistant.text import split_sentences
from assistant.understand.countries import is_country
from assistant.understand.names import entities, multiword_names, owners, qualifiers
from assistant.understand.serials import serials
from assistant.understand.vocab import (
    MEASURE_UNITS,
    MONTH_WORDS,
    MONTHS,
    QUESTION_WORDS,
    SPANISH_MONTH_NUMBERS,
    SPANISH_NUMBERS,
)
from assistant.understand.wanted import (
    CHANGE_VERBS,
    RATE_KINDS,
    NUMBER_WORD,
    PLURAL_PARTIES,
    QUANTITY,
    YEAR,
    answer_kind,
    is_terse,
)
from ingest.tables import FIELD_SEPARATOR
from vectorstore.lexical import STOPWORDS, fold, stem, tokenize, words

# "how many business-world delegates did ...": the counted noun phrase, up to the verb.
_COUNTED = re.compile(
    r"(?:\b(?:h\w{0,2} many(?:\s+of\s+(?:the|these|those|its|their|our)(?:\s+\d+)?(?:\s+[\w-]+['’]s)?)?"
    r"|(?:total )?number of|total(?!\s+(?:no\.|nr\b|number\b|#|[a-z]+ed\s+(?:and|or)\b)))"
    r"|(?:#|\bno\.|\bnr\.?) ?of)\s+"
    r"([\w\s\-’']+?)(?=\s+(?:did|do|does|were|was|are|is|have|has|had|will|"
    r"can|could|would|took|take|in|of|from|at|on|for|by|with|during|under|according)\b|[?,.;:/]|$)",
    re.I,
)
_COUNT_STOP = frozenset("got get gets getting received receive took take attended participated sent went came".split())

# The comparatives of an amount ("more migrants", "worse overcrowding").
_AMOUNT_WORDS = frozenset("more less fewer higher lower greater bigger larger smaller worse".split())
_AMOUNT = "|".join(sorted(_AMOUNT_WORDS))

# Quantity questions whose answer must be an amount, not just any number.
_COMPARE = re.compile(
    r"\b(?:compar(?:e|es|ed|ing|isons?)|contrast(?:s|ed|ing)?|chang\w*|differ\w*|between|both|versus|vs\.?|"
    r"evolv\w*|before or after|after or before|earlier or later|which came first)\b"
    # "were assaults higher in 2024 than in 2023?" (not "more than 100 officers")
    rf"|\b(?:{_AMOUNT}|better)\s+(?!than\b|or\b)\w[^?.;]*?"
    r"(?<!\bother )(?<!\brather )\bthan\b",
    re.I,
)
_LIST_ASK = re.compile(
    r"(?:^|[\-–—:;,]\s+)(?:which|what|list|name|who)\b[^?]*?\b(\w+(?:ies|s))\b|\blist\b|\ball\b.*\b(?:countries|states|economies)\b"
    r"|\bwhat\s+(?:are|were)\s+(?:they|these|those)\W*$",  # "SI-CERT triage lines - what are they?"
    re.I,
)


@dataclass(frozen=True)
class Paraphrase:
    """Question words (stems) and report phrasings (stems) that may stand in for them."""

    words: tuple[str, ...]
    options: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class QuestionProfile:
    """The parts of a question the answer engine reasons about."""

    text: str
    terms: tuple[str, ...]  # stemmed content tokens of the user's own words
    context_terms: tuple[str, ...]  # terms carried over from earlier turns (weigh less)
    years: tuple[str, ...]
    entities: tuple[str, ...]  # names/acronyms as typed (folded), e.g. "gafilat", "santiago"
    expects: str  # "date" | "place" | "person" | "email" | "phone" | "money" | "count" | "list" | "thing"
    wants_list: bool
    compares: bool = False  # "compare", "change between", "both": needs two passages side by side
    plural_asked: bool = False  # "which kinds of firearms", "what weapons": the asked noun is plural
    alt_terms: tuple[str, ...] = ()  # thesaurus alternatives: may match, never required
    cross_doc: bool = False  # the question names two or more indexed reports
    paraphrases: tuple[Paraphrase, ...] = ()  # thesaurus phrasings that stand in for question words
    # the wordnet's words for the nouns counted or weighed ("kids": minors), where the reports never
    # count the question's own word
    synonyms: tuple[Paraphrase, ...] = ()
    counted: tuple[str, ...] = ()  # "how many delegates": the counted noun (stem)
    qualifiers: tuple[str, ...] = ()  # entities describing the answer ("which Andean state"), not required
    focus_docs: tuple[str, ...] = ()  # doc ids the asking sentence names when a premise names others
    asked_years: tuple[str, ...] = ()  # years in the user's own words (not carried from history)
    asked_months: tuple[int, ...] = ()  # months beside those years ("in oct 2017": 10)
    owners: tuple[str, ...] = ()  # "Peru's CTAP": whose report is asked about; the Assistant keeps only unindexed ones
    names: tuple[str, ...] = ()  # multi-word names as typed ("national cybersecurity policy"), folded
    sides: tuple[str, ...] = ()  # "which came first, A or B?": the two things compared, as typed
    asked: frozenset[str] = frozenset()  # every token the question and its context say (not an answer)
    predicates: tuple[str, ...] = ()  # the question's main verbs, stemmed ("who chaired ..." -> "chair")
    serials: tuple[tuple[str, str], ...] = ()  # "the 5th meeting": (as typed, value) in the user's own words
    asked_nouns: tuple[str, ...] = ()  # "what penalties does ...", "outcome of ...": what is asked for (stems)
    measured: tuple[str, ...] = ()  # "how much ransom ...": the noun whose amount is asked (stem)
    also_expects: tuple[str, ...] = ()  # "where and when ...": kinds asked besides `expects`
    planned: bool = False  # "where will the next plenary be held?": an event still to come when written
    earlier: bool = False  # "where was the previous plenary held?": the one before the one named
    after_year: int | None = None  # "CICTE advised Chile in 2016 on a bill - what happened afterwards?"
    own_names: tuple[str, ...] = ()  # names of the asking sentence itself (not its premise or earlier turns)
    subset: tuple[str, ...] = ()  # "how many of the casualties were children": what the counted part is (stems)
    subset_nouns: tuple[str, ...] = ()  # ... when it is a noun ("children", not "loaded"): counted too
    counted_modifiers: tuple[str, ...] = ()  # "how many ransomware incidents": which of them (stems)
    # "how many people died in fires": what the counted event was in (the stems of each phrase)
    circumstances: tuple[tuple[str, ...], ...] = ()
    given: frozenset[str] = frozenset()  # "how many of the 36 responders ...": figures it states (digits only)
    # "which plan was activated most often?": the one that stands out, as a passage says of it
    extreme: tuple[str, ...] = ()  # the superlative words asked ("most", "largest", "más"), folded
    # "which cities ...", "the three pilot sites": (asked noun stem, labels of the named things it stands for)
    asked_kinds: tuple[tuple[str, frozenset[str]], ...] = ()
    # a follow-up asking alongside the earlier turn: the passages that answered that turn
    answered_before: tuple[str, ...] = ()


def answer_type(q: str) -> str:
    """The kind of answer a question wants (see assistant.understand.wanted, the one table)."""
    return answer_kind(q)


def wants_list(q: str) -> bool:
    """Plural 'which/what Xs' questions want every item, not the best one."""
    if _TOP_N.search(q):  # "top 5 nationalities in the prison": the five of them
        return True
    m = _LIST_ASK.search(q)
    if not m and is_terse(q):  # "chile further measures planned": its last noun says, plural or not
        nouns = [t for t in _tagged(q) if t.pos_ in {"NOUN", "PROPN"}]
        return bool(nouns) and nouns[-1].tag_ == "NNS"
    # "who's the Financial Analysis Unit contact": "Analysis" ends in s and is tagged a singular noun
    masked = q
    while m and m.group(1) and _tag_at(q, m.start(1)) in {"NN", "NNP"}:
        masked = masked[: m.start(1)] + " " * len(m.group(1)) + masked[m.end(1) :]
        m = _LIST_ASK.search(masked)
    if not m:
        return False
    if (m.group(1) or "").isupper():  # "What did the OAS do": an acronym, not a plural
        return _asks_to_list(q)
    # "name of the chief who commented on the export numbers": a plural in a relative clause
    # after the asked noun says what the one asked for did, not that several are asked for
    if m.group(1) and _RELATIVE.search(q, m.start() + 1, m.start(1)):
        return _asks_to_list(q)
    noun = (m.group(1) or "").lower()
    # "who chairs the committee?": a verb, not a plural (after "which", tags of short questions
    # are less sure: "which states chair ..." may tag "states" as a verb)
    if noun and re.search(r"\bwho\s+$", q[: m.start(1)], re.I) and _tagged_as_verb(q, m.start(1)):
        return _asks_to_list(q)
    # "who paid for the courses?": after "who" and a verb, a plural is what was acted on; only
    # "who are the members ...", "who's the contact for the ports" name the people asked for
    if _WHO_LEAD.match(q[m.start() : m.start(1)]) and not _WHO_ARE.search(q[m.start() : m.start(1)]):
        return _asks_to_list(q)
    return noun not in {"is", "was", "does", "has", "this", "its", "us", "provisions", "as", "status"} or _asks_to_list(
        q
    )


# ("in the top 10", "the top 5 this year", "top 1" name a rank, not a list asked for)
_TOP_N = re.compile(
    r"(?<!\bin the )(?<!\bamong the )(?<!\bwithin the )"
    r"\btop\s+([2-9]|\d{2,3}|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:[a-z\-]+\s+){0,2}?(?!this\b|is\b|as\b|was\b|has\b|does\b)[a-z]{3,}s\b",
    re.I,
)
_RELATIVE = re.compile(r"(?<=\w)\s(?:who|whom|whose|that)\s", re.I)  # after a noun, not opening the question
_WHO_LEAD = re.compile(r"(?:[\-–—:;,]\s+)?who\b", re.I)
_WHO_ARE = re.compile(r"\bwho(?:['’]re|['’]s|\s+(?:are|were|is|was))\s+(?!\w+ing\b)", re.I)


def _asks_to_list(q: str) -> bool:
    """ "list them", "give me a list of ...": a list asked for. "the training list" names one."""
    return bool(re.search(r"\ba list of\b", q, re.I)) or any(
        t.lower_ == "list" and (t.pos_ == "VERB" or t.i == 0) for t in _tagged(q)
    )


def _tagged_as_verb(q: str, at: int) -> bool:
    """Is the word starting at character `at` of the question a verb, by its part-of-speech tag?"""
    return any(t.idx == at and t.pos_ in {"VERB", "AUX"} for t in _tagged(q))


def _tag_at(q: str, at: int) -> str:
    """The fine-grained tag of the word starting at character `at` ("NNS" for a plural noun)."""
    return next((t.tag_ for t in _tagged(q) if t.idx == at), "")


def wants_parties(question: str) -> bool:
    """ "Which countries ...", "¿qué gobiernos ...?": every country or government named is asked for."""
    return answer_kind(question) == "government" and bool(PLURAL_PARTIES.search(fold(question)))


# The words of a superlative (English and Spanish): what a question asks the standout of, and what
# a passage says of the one that stands out ("the majority", "mainly", "followed by", "más se activaron").
_SUPERLATIVE = re.compile(
    r"\b(?:most|least|largest|biggest|highest|lowest|greatest|fewest|smallest|top|main|mainly|mostly|"
    r"primarily|chiefly|principal(?:ly|es|mente)?|leading|majority|bulk|mayor(?:es|[ií]a)?|menos|"
    r"m[aá]s(?!\s+(?:de|del|que|than|of)\b))\b",
    re.I,
)
# A superlative of time asks which is newest, not which stands out ("the most recent figure");
# "at least 100" and "at most" bound a figure, they ask for no extreme.
_NO_EXTREME = re.compile(
    r"\b(?:most|more|m[aá]s)\s+(?:recent|recientes?|reciente)\b|\bat\s+(?:the\s+)?(?:least|most)\b", re.I
)
STANDOUT = re.compile(rf"{_SUPERLATIVE.pattern}|\bfollowed by\b|\bseguid[oa]s? (?:de|por)\b", re.I)


def extremes(q: str) -> tuple[str, ...]:
    """The superlative words a question asks with ("which type got the most reports?", "¿qué
    región tiene más fallecidos?"), folded; () for other questions."""
    return tuple(dict.fromkeys(fold(m.group(0)) for m in _SUPERLATIVE.finditer(_NO_EXTREME.sub(" ", q))))


def _tagged(question: str):
    """The question's spaCy tokens: tagged once, read by `predicates`, `asked_nouns` and the
    kind of answer asked (`wanted`)."""
    from ingest.titles import tagged  # lazy: spaCy loads on the first question that needs it

    return tagged(question)


def predicates(question: str) -> tuple[str, ...]:
    """Stems of the question's full verbs (not "is", "did", "was"), as typed and as lemmas
    ("held" and "hold"): the relation the answer is in.

    "Who chaired the plenary?" is answered by the sentence that says who chaired it, not by the
    one that names the plenary, its date and its city."""
    verbs = [f"{t.text} {t.lemma_}" for t in _tagged(question) if t.pos_ == "VERB"]
    return tuple(t for t in dict.fromkeys(tokenize(" ".join(verbs))) if t not in QUESTION_WORDS)


def said_of_another(question: str, asked: Sequence[str]) -> set[str]:
    """Stems (as typed and as lemmas) of the verbs of a relative clause said of something other
    than the `asked` nouns: in "which company worked on the project that led to X" the project
    led; the company leads nothing."""
    tokens = list(_tagged(question))
    out: set[str] = set()
    for i in range(2, len(tokens)):
        antecedent, relative, verb = tokens[i - 2], tokens[i - 1], tokens[i]
        if verb.pos_ == "VERB" and relative.lower_ in {"that", "which"} and antecedent.pos_ in {"NOUN", "PROPN"}:
            # ("which body was the agency that led it?": the noun said to be the one asked for)
            head = next((t for t in reversed(tokens[: i - 2]) if t.pos_ not in {"DET", "ADJ"}), None)
            if head is not None and head.lemma_ == "be":
                continue
            if not set(tokenize(antecedent.text)) & set(asked):
                out |= set(tokenize(f"{verb.text} {verb.lemma_}"))
    return out


# "will", "shall", "going to", "gonna", "scheduled / planned to" before a verb
_PLANNED_AUX = re.compile(r"\b(?:will|shall|gonna|going\s+to|(?:scheduled|planned)\s+(?:to|for))\b|'ll\b", re.I)
# "supposed to" is a plan only of the next event ("what is Algeria supposed to fix" is a duty)
_SUPPOSED = re.compile(r"\bsupposed\s+to\b", re.I)
_NEXT = frozenset("next upcoming forthcoming coming following".split())


_ASKING_CLAUSE = re.compile(
    r"(?:\s[–—-]+\s|[:;.!?]\s+)(?=(?:so\s+|and\s+|but\s+)?(?:when|where|who|whom|whose|what|which|how|did|does|is|are|was|were)\b)",
    re.I,
)


def asking_clause(question: str) -> str:
    """ "AEO: CICTE worked with Chile's customs in 2016 – when was Chile's programme launched?": the
    clause that asks, after the one that sets the scene."""
    parts = _ASKING_CLAUSE.split(question)
    return parts[-1] if len(parts) > 1 else question


# "what happened afterwards?", "where does it stand now?": later than what the premise says
_LATER = re.compile(
    r"\b(?:afterwards?|later|since then|subsequently|thereafter|after that|by now|now|today|currently|so far"
    r"|to date)\b",
    re.I,
)


def after_year(premise: str, question: str) -> int | None:
    """The year a question asks to go beyond: the latest year of the scene it sets (its premise,
    or the clause before the one that asks), when the asking clause asks what came later ("CICTE
    advised Chile in 2016 on a bill - what happened with it afterwards?" is not answered by the
    2016 sentence that restates the scene)."""
    asking = asking_clause(question)
    scene = f"{premise} {question[: len(question) - len(asking)]}"
    years = [int(y) for y in YEAR.findall(scene)]
    return max(years) if years and _LATER.search(asking) and not YEAR.search(asking) else None


# "the previous plenary", "the preceding session" ("prior to X" dates against X instead; "the
# previous year" is a year, read as passages' "last year" is, not an occasion before another)
_EARLIER = re.compile(r"\b(?:previous|preceding|prior)\b(?!\s+(?:to|year)\b)", re.I)


def earlier(question: str) -> bool:
    """Does the question ask about the occasion before the one it names ("NSG 2011 plenary in
    Noordwijk - where was the previous plenary held?")? The answer's passage must then speak of
    that one ("since the last meeting in Christchurch"), not of the one named."""
    return bool(_EARLIER.search(question))


def planned(question: str) -> bool:
    """Does the question ask about an event still to come when the report was written ("where
    will the next plenary be held?", "who hosts the next one?")? "Where was the next one
    held?" asks about one that took place. The answer's passage must then look ahead."""
    if _PLANNED_AUX.search(question):
        return True
    tokens = _tagged(question)
    # ("contraband coming into Ethiopia": a verb's "coming" is no "the coming session"; the
    # tagger has no parser, so a determiner before it says it qualifies a noun)
    following = any(
        t.lower_ in _NEXT and (t.tag_ != "VBG" or (t.i > 0 and tokens[t.i - 1].tag_ in {"DT", "PRP$", "POS"}))
        for t in tokens
    )
    return following and (bool(_SUPPOSED.search(question)) or not any(t.tag_ in {"VBD", "VBN"} for t in tokens))


def month_number(word: str) -> int:
    """1-12 for an English month name or its abbreviation ("Oct", "sept"), or a Spanish month
    name ("octubre"), else 0."""
    word = word.lower().rstrip(".")
    if word in SPANISH_MONTH_NUMBERS:  # (a question's: "Chiang Mai 2019" names no May)
        return SPANISH_MONTH_NUMBERS[word]
    return next((i + 1 for i, m in enumerate(MONTHS) if word == m or (len(word) >= 3 and m.startswith(word))), 0)


# "in oct 2017", "October 2017", "Oct. 2017", "octubre de 2021": a month said with its year (a day between allowed)
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,10})\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:de\s+)?(?:19|20)\d\d\b")


# A financial or reporting year written as two ("2015-16", "2023–2024", "FY 2019/20").
YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s?[-–/]\s?((?:19|20)?\d\d)\b")


def year_pairs(text: str, pattern: re.Pattern[str] = YEAR_SPAN) -> list[tuple[str, str]]:
    """Each span of two consecutive years the text writes ("2015-16", "2015/2016", "1999/00"),
    as (first, second) in full; `pattern` finds the spans, the first year and the second in groups."""
    out = []
    for m in pattern.finditer(text):
        first, second = m.group(1), m.group(2)
        following = str(int(first) + 1)
        if second == following or (len(second) == 2 and second == following[2:]):
            out.append((first, following))
    return out


# A period across two consecutive years, with the second one's month: "jul 2020-jun 2021", "July 2020 to June 2021".
_MONTHS_SPAN = re.compile(
    r"\b((?:19|20)\d\d)\s*(?:[-–/]|\bto\b|\buntil\b|\bthrough\b)\s*(?:\d{1,2}\s+)?"
    rf"(?i:{'|'.join(sorted(MONTH_WORDS, key=len, reverse=True))})\.?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b"
)


def year_span(year: str, text: str) -> set[str]:
    """The year and, where `text` writes it as half of a two-year span ("2015-16", "jul 2020-jun
    2021"), the other half: a report of the year 2016 covers the question's "2015-16", as one
    dated 2015 does."""
    pairs = [*year_pairs(text), *year_pairs(text, _MONTHS_SPAN)]
    return {year, *(y for pair in pairs if year in pair for y in pair)}


def months_of_years(text: str) -> tuple[int, ...]:
    """The months a text names with a year ("in oct 2017" -> (10,))."""
    return tuple(dict.fromkeys(n for m in _MONTH_YEAR.finditer(text) if (n := month_number(m.group(1)))))


QUARTER_ORDINALS = ("first", "second", "third", "fourth")
_QUARTER_NUMBERS = {w: n for n, w in enumerate(QUARTER_ORDINALS, 1)} | {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# The words a quarter's ordinal is written with, for patterns: "first|second|...|4th".
QUARTER_WORDS = "|".join(_QUARTER_NUMBERS)
# "in Q3 2015", "the third quarter of 2011": a quarter of a year. A financial year's quarter
# ("Q2 2022/23", "Q1 of 2019-20") names no calendar months: the year may start in any month.
_QUARTER_OF_YEAR = re.compile(
    rf"\b(?:q([1-4])|({QUARTER_WORDS})\s+quarter)(?:\s+of)?\s+(?:19|20)\d\d\b(?![/–-]\d)",
    re.I,
)


def quarter_number(name: str) -> int:
    """1-4 for a quarter's name: "q3", "Q3", "third", "3rd"."""
    name = name.lower()
    return int(name[1]) if name.startswith("q") else _QUARTER_NUMBERS[name]


def months_of_quarter(n: int) -> range:
    """The months of the n-th quarter (3 -> July, August, September as 7, 8, 9)."""
    return range(3 * n - 2, 3 * n + 1)


def quarter_months(text: str) -> tuple[int, ...]:
    """The months of the quarters a text names with a year ("Q3 2015" -> (7, 8, 9))."""
    out: list[int] = []
    for m in _QUARTER_OF_YEAR.finditer(text):
        out += months_of_quarter(quarter_number(f"q{m.group(1)}" if m.group(1) else m.group(2)))
    return tuple(dict.fromkeys(out))


# Nouns that only say "some information" ("any info about X", "the name of X") or stand for a
# noun said before ("... pilot borders - which ones?"): the asked thing is said elsewhere.
_LIGHT_NOUNS = frozenset(
    "info information detail details thing things kind sort type name names title anything one ones number "
    "point purpose aim goal".split()
)
# "what kinds of criminal activity ...": the answer names the kinds (drug trafficking, money
# laundering), rarely the category asked about.
_CATEGORY_NOUNS = frozenset("kind kinds sort sorts type types form forms category categories".split())
_ASK_VERBS = frozenset("tell give show list name describe explain summarise summarize".split())
# Verbs that name a role someone holds ("who chairs X" asks for X's chair): the answer has to
# say the role, or it names someone else ("CICTE took part in X" does not say who chairs X).
_ROLE_VERBS = frozenset("chair head preside direct coordinate moderate convene won lead".split())
ROLE_STEMS = frozenset(tokenize(" ".join(_ROLE_VERBS)))


# What a study, an evaluation or a meeting found or decided: a question asking for it is answered
# by a passage reporting a result, not by one saying the work or the meeting is still to come.
RESULT_STEMS = frozenset(
    tokenize(
        "find finding findings found conclude concluded conclusion result results outcome lesson lessons "
        "show showed reveal revealed recommend recommendation adopt adopted adoption decide decided decision "
        "agree agreed approve approved"
    )
)


def asks_result(q: QuestionProfile) -> bool:
    """Does an open question ask what something found, decided or resulted in ("what did the study
    find?", "what did the session adopt?")?"""
    return q.expects in {"thing", "list"} and bool(set(q.terms) & RESULT_STEMS)


def _light(token) -> bool:
    return token.lower_ in _LIGHT_NOUNS or token.lemma_.lower() in _LIGHT_NOUNS  # "types" is "type"


# A topic before a colon ("for a slide:", "Chile CTAP:") runs at most this many tokens.
TOPIC_TOKENS = 8
_FOR_USE = re.compile(r"\bfor (?:a|an|the|my|our|this|his|her)\b", re.I)


def asked_nouns(question: str) -> tuple[str, ...]:
    """Stems of the common nouns of the phrase a question asks for: "what penalties does ...",
    "what were the findings of ...", "outcome of ...", "tell me the results of ...". () when
    the question asks with when/where/who/how or about a name ("what is Decree 8 about?").

    The answer has to speak of that thing; a passage about the topic alone does not answer."""
    return tuple(t for t in dict.fromkeys(tokenize(" ".join(asked_words(question)))) if t not in QUESTION_WORDS)


def asked_words(question: str) -> tuple[str, ...]:
    """The nouns of the phrase a question asks for, as typed ("penalties"; see `asked_nouns`)."""
    tagged = list(_tagged(question))
    # "40th ICAO assembly - apart from GASeP, what new strategy ...": a topic, then the question.
    start = next(
        (j for j in range(1, len(tagged)) if tagged[j].tag_ in {"WDT", "WP"} and tagged[j - 1].pos_ == "PUNCT"), 0
    )
    # "quick numbers for a brief: NIA arrests in 2022 vs ...": after what the answer is for, the
    # colon introduces what is asked
    if not start:
        colon = next((j for j, t in enumerate(tagged[:TOPIC_TOKENS]) if t.text == ":"), 0)
        start = colon + 1 if colon and _FOR_USE.search(question[: tagged[colon].idx]) else 0
    toks = [t for t in tagged[start:] if t.pos_ not in {"PUNCT", "SPACE"}]
    if len(toks) > 1 and toks[0].lower_ == "who" and toks[1].lemma_.lower() in _ROLE_VERBS:
        return tuple(tokenize(toks[1].lemma_))
    i = 0
    if i < len(toks) and toks[i].lower_ in _ASK_VERBS and toks[i].pos_ == "VERB":  # "tell me the results of ..."
        i += 1
        while i < len(toks) and toks[i].pos_ == "PRON":
            i += 1
    elif i < len(toks) and toks[i].tag_ in {"WDT", "WP"}:  # "which N", "what (is) the N"
        i += 1
        aux = []
        while i < len(toks) and toks[i].pos_ == "AUX":
            aux.append(toks[i].lemma_.lower())
            i += 1
        if aux and "be" not in aux:  # "what did the study find", "who did CICTE team up with": its subject
            return ()
    elif i < len(toks) and toks[i].pos_ not in {"NOUN", "ADJ", "DET", "PROPN"}:
        return ()  # when / where / who / how / yes-no questions: the wanted kind speaks for them
    while True:
        while i < len(toks) and toks[i].pos_ in {"DET", "NUM"}:
            i += 1
        run = []
        while i < len(toks) and toks[i].pos_ in {"NOUN", "ADJ", "PROPN"} and toks[i].tag_ != "POS":
            run.append(toks[i])
            i += 1
        if i < len(toks) and toks[i].tag_ == "POS":  # "Chile's plan": the owner, then the thing
            i += 1
            continue
        heavy = any(t.pos_ == "NOUN" and not _light(t) for t in run)  # "fax number for X": a fax
        if run and not heavy and run[-1].lower_ in _CATEGORY_NOUNS and i < len(toks) and toks[i].pos_ == "ADP":
            return ()
        if run and not heavy and _light(run[-1]) and i < len(toks) and toks[i].pos_ == "ADP":
            i += 1  # "any info about the findings", "name of the officer"
            continue
        break
    # "first half of 2015 — was more gold caught ...": a time that dates the question, not its answer
    if run and run[-1].lower_ in _TIME_NOUNS and i < len(toks) and toks[i].lower_ == "of":
        return ()
    # "who was the OPCW Director-General": the role asked for, capitalised as titles are.
    role = bool(toks) and toks[0].lower_ == "who" and bool(run) and run[-1].pos_ == "PROPN"
    if not run or (run[-1].pos_ != "NOUN" and not role):
        return ()
    # an acronym in the role's run is the organisation's name, not the role ("the UNODC Director")
    return tuple(t.text for t in run if (t.pos_ == "NOUN" or (role and not t.text.isupper())) and not _light(t))


def content_terms(text: str) -> tuple[str, ...]:
    return tuple(t for t in dict.fromkeys(tokenize(text)) if t not in QUESTION_WORDS)


# The kinds of answer a question may ask several of ("which countries ...", "who were the chairs").
SEVERAL_KINDS = frozenset({"thing", "person", "place", "country", "agent", "organisation", "who", "government"})


_NAMING_YEAR = re.compile(r"\s+(?-i:[A-Z])")


def dates_asked(own: str, carried: str = "") -> dict[str, tuple]:
    """The profile's dates: the years the question speaks of (with those carried from earlier
    turns), and the years and months its own words ask about. Figures and month names read the
    same way in an English and a Spanish question ("en octubre de 2021")."""
    # (a year of the user's own replaces the earlier turn's, unless the question compares:
    # "¿cuántos casos en 2022 y cuántos desde 2009?" asks of 2022 in its first part)
    # (not a year naming something: "under the 2016 Firearms Act")
    own_years = [m.group(0) for m in YEAR.finditer(own) if not _NAMING_YEAR.match(own, m.end())]
    kept = carried if not own_years or _COMPARE.search(own) else ""
    return {
        "years": tuple(dict.fromkeys(YEAR.findall(f"{own} {kept}"))),
        "asked_years": tuple(dict.fromkeys(YEAR.findall(own))),
        "asked_months": months_of_years(own) + tuple(n for n in quarter_months(own) if n not in months_of_years(own)),
    }


# "FY2020/21", "FY 2019": a financial year, read as its year (no name "FY2020" to look for)
_FISCAL_YEAR = re.compile(r"\bFY\s?(?=(?:19|20)\d\d)", re.I)


def profile(own: str, carried: str = "", extra: str = "", names: bool = True) -> QuestionProfile:
    """Analyse a question: the user's words, context carried from history, and extra
    (translated or expanded) terms; `names=False` skips entity checks (e.g. Spanish words)."""
    own, carried = _FISCAL_YEAR.sub("financial year ", own), _FISCAL_YEAR.sub("financial year ", carried)
    terms = content_terms(f"{own} {extra}")
    context = tuple(t for t in content_terms(carried) if t not in terms)
    sides = alternatives(own)
    expects = weighed_kind(own, answer_type(own), sides)
    listy = wants_list(own) and expects in SEVERAL_KINDS
    listy = listy or wants_parties(own)
    text = f"{own} {carried}".strip()
    dates = dates_asked(own, carried)
    found = entities(own) + entities(carried) if names else ()
    compares = bool(_COMPARE.search(own))
    return QuestionProfile(
        text,
        terms,
        context,
        dates["years"],
        tuple(dict.fromkeys(found)),
        expects,
        listy,
        compares,
        counted=counted_noun(own),
        measured=measured_noun(own)
        or (rated_noun(own) if expects in RATE_KINDS else valued_noun(own) if expects == "money" else ()),
        subset=subset_asked(own),
        subset_nouns=subset_asked(own, nouns=True),
        counted_modifiers=counted_modifiers(own),
        circumstances=circumstances(own),
        extreme=extremes(own),
        qualifiers=qualifiers(own) if names else (),
        asked_years=dates["asked_years"],
        asked_months=dates["asked_months"],
        serials=tuple(serials(own).items()),
        owners=owners(own),
        names=multiword_names(own),
        sides=sides,
        asked=frozenset(tokenize(f"{text} {extra}")),  # holds `terms`, taken from own and extra
        own_names=tuple(dict.fromkeys(entities(asking_clause(own)))) if names else (),
        given=given_figures(text),
        plural_asked=listy and asks_plural(own),
    )


def asks_plural(question: str) -> bool:
    """Is the first noun after "which"/"what" plural, by its tag ("which kinds of firearms",
    "what weapons and ammo")? "which exec order sets up ..." asks for one order, though a word
    ending in s follows."""
    m = re.search(r"\b(?:which|what)\b", question, re.I)
    if not m:
        return False
    head = None  # the last noun of the first run of nouns ("crime categories")
    for t in _tagged(question):
        if t.idx < m.end():
            continue
        if t.pos_ in {"NOUN", "PROPN"}:
            head = t
        elif head is not None or t.pos_ in {"VERB", "AUX"}:
            break
    return head is not None and head.tag_ in {"NNS", "NNPS"}


def time_asked(year: str, question: str) -> bool:
    """Is the year the time the question asks about ("cases recorded in 2022", "during 2022"),
    not a name the question gives a report by ("Chile's 2020 plan", "the 2016 report")?"""
    return re.search(rf"\b(?:in|during|since|until|before|after|throughout)\s+{year}\b", question, re.I) is not None


# Nouns naming a periodic document: a year beside one names the document ("the 2021 report").
_DOCUMENT_NOUN = r"(?:report|plan|review|survey|edition|yearbook|bulletin|memoria|informe)"
_DOCUMENT_NOUNS = rf"{_DOCUMENT_NOUN}s?"


def names_report_by(year: str, question: str) -> bool:
    """Does the question name a report by the year ("EACC's 2022/2023 report", "la memoria 2023")
    rather than ask about the year's events?"""
    return not time_asked(year, question) and report_named(year, question)


def report_named(year: str, text: str) -> bool:
    """Does the text name a report by the year ("Annual Report for the Financial Year 2022/2023")?"""
    span = rf"(?:(?:19|20)\d\d\s*[/–-]\s*)?{year}(?:\s*[/–-]\s*(?:19|20)?\d\d)?"
    # ("the 2016 work plan report", not "2022 per the survey": no preposition or figure between)
    between = r"(?:(?!(?:per|of|in|for|by|to|from|on|at|the|de|en|del|la|el)\b)[^\W\d][\w'’-]*\s+)"
    before = rf"\b{span}\s+{between}{{0,2}}?{_DOCUMENT_NOUNS}\b"
    # ("the report for the Financial Year 2022/2023", "la memoria de 2023"; not "plans for 2030")
    after = (
        rf"\b{_DOCUMENT_NOUN}\s+(?:(?:of|for|de|del)\s+)?(?:the\s+|el\s+)?(?:[A-Z][\w-]*\s+)?"
        rf"(?:year\s+|a[ñn]o\s+)?{span}\b"
    )
    return re.search(f"{before}|{after}", text, re.I) is not None


def split_premise(text: str) -> tuple[str, str]:
    """("The report names two partners.", "Which of them ...?") for a question that states
    its premise first; ("", text) otherwise. The premise is context, the last sentence is asked."""
    text = text.strip()
    # The project's sentence ends ("Amb. Arguelles" stays whole), and, in text typed without
    # capitals, a question mark or a full stop after a word before a lower-case word.
    parts = [p for s, e in split_sentences(text, 0) for p in _typed_sentences(text[s:e].strip()) if p]
    if len(parts) == 1:  # "CICTE held AEO workshops in Chile in 2016 — on what date was ...?"
        parts = [p.strip() for p in _DASHED_QUESTION.split(text, maxsplit=1)]
        if len(parts) == 2 and (
            min(len(parts[0].split()), len(parts[1].split())) < PREMISE_MIN_WORDS
            or _COMPARE.search(parts[1])  # "X said A - how does that compare with B?": A is one side
            or not _states(parts[0])  # "Gib-connected SARs 2022 vs 2021 - how many each?": a topic
        ):
            return "", text
    # (statements first, then the questions: "X was backed by Canada in 2016. Did it run Y? when and where")
    asking = next((i for i, p in enumerate(parts) if p.endswith("?")), len(parts))
    if asking == 0 or asking == len(parts):
        return "", text
    return " ".join(parts[:asking]), " ".join(parts[asking:])


def _states(text: str) -> bool:
    """Is the text a statement, with a verb of its own ("CICTE held workshops in 2016"), rather
    than a topic the question goes on to ask about ("SARs 2022 vs 2021")?"""
    return any(t.tag_ in _FINITE_TAGS for t in _tagged(text))


_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def _typed_sentences(text: str) -> list[str]:
    """Sentences typed without capitals: a break after a word's full stop, question or exclamation
    mark before a lower-case word, unless what follows a full stop goes on from a function word
    and asks nothing of its own ("..., acc. to the border police chief?": an abbreviation's stop)."""
    parts: list[str] = []
    for piece in re.split(r"(?<=\w\w\w[.!?])\s+(?=[a-z])", text):
        if parts and parts[-1].endswith(".") and is_terse(piece) and fold(piece.split()[0]) in STOPWORDS:
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


# A statement, a dash, then a question of its own ("... in 2016 — on what date was it implemented?");
# both sides at least PREMISE_MIN_WORDS words ("X vs Y - which is bigger?" asks about all of it).
# (a source may lead the question: "... in 2016 - according to Chile's report, when was ...?")
_DASHED_QUESTION = re.compile(
    r"\s+[—–-]\s+(?=(?:(?:according\s+to|as\s+per|per)\s+[^,?—–]{1,60},\s+)?"
    r"(?:(?:on|in|at|by|for|from|since|until|to)\s+)?(?:what|which|when|where|who|whom|whose|why|how)\b)",
    re.I,
)
PREMISE_MIN_WORDS = 5


# "Which came first / is older / started earlier, A or B?": each side is found by its date.
_ORDER = re.compile(
    r"\b(?:first|earlier|earliest|sooner|older|oldest|newer|newest|later|latest|before|after|more recent\w*)\b", re.I
)


# Two amounts weighed, one side or the other ("worse", "more", "higher"), as two figures.
_AMOUNT_COMPARED = re.compile(
    rf"\b(?:{_AMOUNT})\b(?!\s+(?:recent\w*|likely)\b)"
    r"[^?]*\bor\b",
    re.I,
)


def _amount_compared(question: str) -> bool:
    """Does the question weigh amounts ("worse overcrowding", "more migrants"), not qualities
    ("more dangerous", "more comprehensive")?"""
    if not _AMOUNT_COMPARED.search(question):
        return False
    tokens = list(_tagged(question))
    return any(
        t.lower_ in _AMOUNT_WORDS and (i + 1 == len(tokens) or tokens[i + 1].pos_ not in {"ADJ", "ADV"})
        for i, t in enumerate(tokens)
    )


def asks_order(q: QuestionProfile) -> bool:
    """Does a question weighing two sides ask which came first (a thing, by its date)?"""
    return q.expects in {"thing", "name", "date"} and bool(_ORDER.search(q.text))


# ", A or B?", "– A, or B?", "between A or B, and by how much?": A after a separator, B up to the
# question's end or a joined second question.
_EITHER_OR = re.compile(
    r"(?:[,:;–—]|\s-\s|\bbetween)\s+([^,:;?–—]+?),?\s+or\s+([^,:;?]+?)\s*(?:,\s*and\b[^?]*)?\??\s*$", re.I
)


def alternatives(q: str) -> tuple[str, ...]:
    """The two things a "which ..., A or B?" question weighs against each other; () otherwise.

    A needs a separator before it (",", ":" or "between") so that "before or after" and
    "Chile or Peru's plan" in running text do not count."""
    # each question of a message ("which came first, A or B? what years?")
    asked = [part for part in re.findall(r"[^?]+\?|[^?]+$", q.strip()) if part.strip()]
    m = next(
        (found for part in asked if (found := _EITHER_OR.search(part))),
        None,
    )
    if m and re.match(r"(?:was|were|is|are|did|does|do|has|have|had)\b", m.group(1), re.I):
        m = None  # "In 2016, were more people covered by A or by B?": the side starts after the verb
    m = m or next((found for part in asked if (found := _weighed_after_verb(part))), None)
    # "does France or China have more warheads?": two names as the subject, a comparative after
    m = m or next((found for part in asked if (found := _NAMED_SUBJECTS.search(part))), None)
    # "compare georgia's clearance rate with kazakhstan's": two owners of the thing compared
    m = m or next((found for part in asked if (found := _COMPARED_OWNERS.search(part))), None)
    # "A vs B: who chaired each?": the two sides named first, as a topic
    # ("deaths at the hands of police: A (2031) vs B?": after a topic, the whole question weighs them)
    versus = None if m else re.match(r"\s*([^,:;?]+?)\s+(?:vs\.?|versus)\s+([^,:;?]+?)\s*[:;,?–—-]", q, re.I)
    # (whitespace squeezed first: the sides' pattern would otherwise try every split of a long run)
    squeezed = " ".join(q.split())
    topic = None if m or versus or len(squeezed) > TOPIC_VERSUS_CHARS else _TOPIC_VERSUS.match(squeezed)
    m = m or versus or topic
    if not m:
        return ()
    left, right = m.group(1), m.group(2)
    rest = q[versus.end() :] if versus else ""
    if versus and rest.strip(" ?") and not _WEIGHS.search(rest):
        return ()  # "regulation on safeguarding aviation vs unlawful acts - what's it called?": against
    if versus and len(right.split()) == 1 and len(left.split()) > 2:
        left = left.split()[-1]  # "workshops in Barbados vs Dominica": Barbados against Dominica
    if not (_side(left) and _side(right)):
        return ()
    return left, right


# A topic, a colon, then "A vs B" to the question's end; a side may hold a bracketed aside with
# commas ("jamaica (INDECOM, jul 2020-jun 2021)").
_SIDE_TEXT = r"([^\s,:;?()](?:[^,:;?()]|\([^()]*\))*?)"
_TOPIC_VERSUS = re.compile(rf"[^:?]+: {_SIDE_TEXT} (?:vs\.?|versus) {_SIDE_TEXT} ?\??$", re.I)
TOPIC_VERSUS_CHARS = 300  # a longer message is no "topic: A vs B?" question


# What a question asks after an "A vs B:" topic when it weighs the two against each other.
_WEIGHS = re.compile(
    r"\b(?:each|both|which|first|earlier|later|older|newer|more|less|fewer|differ\w*|compar\w*|contrast\w*)\b", re.I
)


# An auxiliary, two names joined by "or", then a verb and a comparative: the names are the sides.
_NAMED_SUBJECTS = re.compile(
    r"\b(?:does|did|do|has|have|had|is|are|was|were|will|would)\s+(?:the\s+)?"
    r"((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})\s+or\s+(?:the\s+)?"
    r"((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})\s+[a-z]+\b(?:(?!\band\b)[^?,;])*?"
    # (a comparative in lower case, in the same clause; "more than 3,000" is a threshold)
    r"\b(?-i:more|less|fewer|higher|lower|larger|smaller|bigger|greater|better|worse|most|least)\b"
    r"(?!\s+than\s+\d)(?!\s+(?:information|generally|details?)\b)",
    re.I,
)


def _weighed_after_verb(part: str) -> re.Match | None:
    """ "Did more countries attend A or B?", "Were fewer officers trained in A or in B?": with no
    separator, A starts after the question's last verb before "or", when a comparative comes first."""
    m = re.search(r"\s+or\s+([^,:;?]+?)\s*(?:,\s*and\b[^?]*)?\??\s*$", part, re.I)
    if not m:
        return None
    tokens = [t for t in _tagged(part) if t.idx < m.start()]
    verbs = [t for t in tokens if t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        return None
    opener = verbs[-1]
    if not any(t.tag_ in {"JJR", "RBR"} for t in tokens if t.idx < verbs[-1].idx):
        # "did Texas send more migrants to NYC or Chicago?": after the comparative, the last
        # preposition before "or" opens the first side
        # ("did CICTE reach more private-sector representatives or customs authorities?": right
        # after the comparative, when no preposition follows it)
        after = [t for t in tokens if t.idx > verbs[-1].idx]
        compared = next((i for i, t in enumerate(after) if t.tag_ in {"JJR", "RBR"}), None)
        if compared is None:
            return None
        ports = [t for t in after[compared + 1 :] if t.pos_ == "ADP"]
        if any(t.lower_ == "than" for t in ports):
            return None  # "train more officers than Peru or Bolivia": Chile against them, no two sides
        opener = ports[-1] if ports else after[compared]
    start = opener.idx + len(opener.text)
    return re.match(rf"(?s).{{{start}}}\s*(.+?)\s+or\s+(.+?)\s*(?:,\s*and\b[^?]*)?\??\s*$", part)


_YEARS_WEIGHED = re.compile(r"\b(?:19|20)\d\d\s*(?:vs\.?|versus|or|against)\s*(?:19|20)\d\d\b", re.I)


def weighed_kind(question: str, expects: str, sides: tuple[str, ...]) -> str:
    """The kind asked of a comparison: "which province has worse overcrowding, Eastern Cape or
    Western Cape?" wants each side's figure, a count, where the wording alone asks for a thing
    or a place."""
    # (the sides are the places asked for: "which province ..., A or B?" is told by their figures)
    if expects in {"thing", "place"} and sides and (_amount_compared(question) or _things_weighed(question)):
        return expects if _ORDER.search(question) else "count"
    # "sweden fatal shootings 2018 vs 2017": the same things weighed in two years
    if expects == "thing" and _COMPARE.search(question) and len(set(YEAR.findall(question))) >= 2:
        return "count" if _things_weighed(question) else expects
    # "smuggling attempts foiled 2021 vs 2022 - which year higher?": the year is one of those named,
    # told by each year's figure
    # (the years as alternatives, "2021 vs 2022", "2019 or 2020"; not a range's ends: "which year
    # between 2015 and 2020 ...")
    if expects == "year" and _YEARS_WEIGHED.search(question):
        return "count" if _things_weighed(_ASKING_CLAUSE.split(question)[0]) else "thing"
    return expects


# A year this close after a side's name, with no other side between, is that side's ("Guatemala's
# 2023 homicide rate ... Jamaica's 2020 rate").
SIDE_YEAR_CHARS = 30


def side_years(question: str, sides: Sequence[str]) -> list[set[str]]:
    """For each side of a comparison, the years the question says of it alone: "Guatemala's 2023
    rate vs Jamaica's 2020 rate" weighs Guatemala in 2023 and Jamaica in 2020; a year said of both
    ("murders 2024: delhi vs berlin") belongs to neither."""
    lowered = question.lower()
    spots = [
        (m.start(), m.end(), i) for i, side in enumerate(sides) for m in re.finditer(re.escape(side.lower()), lowered)
    ]
    out: list[set[str]] = [set() for _ in sides]
    for year in YEAR.finditer(question):
        before = [(end, i) for start, end, i in spots if end <= year.start()]
        if not before:
            continue
        end, i = max(before)
        if year.start() - end <= SIDE_YEAR_CHARS:
            out[i].add(year.group(0))
    # (a year said of every side tells none apart; one side without a year of its own leaves the
    # years to all: "delhi vs berlin murders 2024")
    shared = set.intersection(*out) if out else set()
    out = [years - shared for years in out]
    return out if all(out) else [set() for _ in sides]


def _things_weighed(question: str) -> bool:
    """ "deaths at the hands of police: A (2031) vs B?", "unresolved cases in A vs arrests in B in
    2031?": with no question word, a comparison that names a year and whose first noun is plural
    weighs numbers of things; without a year ("national strategies of A vs B?") it weighs none."""
    if re.search(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", question, re.I) or not YEAR.search(question):
        return False
    tagged = list(_tagged(question))
    start = next((i for i, t in enumerate(tagged) if t.pos_ in {"NOUN", "PROPN"}), None)
    if start is None:
        return False
    run = list(takewhile(lambda t: t.pos_ in {"NOUN", "PROPN", "ADJ"}, tagged[start:]))
    # the head of the first noun phrase ("disappearance cases", "sweden fatal shootings"),
    # capitalised or not ("Homicides")
    head = [t for t in run if t.pos_ != "ADJ"][-1]
    word = head.lower_
    return head.tag_ in {"NNS", "NNPS"} or (
        word.endswith("s") and not word.endswith(("ss", "us", "is")) and stem(word) == stem(word[:-1])
    )


def _side(text: str) -> bool:
    """Enough to find one side by: two content words, or a name ("AMERIPOL", "Barbados", a
    country typed in lower case)."""
    terms = content_terms(text)
    return len(terms) >= 2 or (len(terms) == 1 and bool(re.search(r"\b[A-Z][\w-]+", text) or is_country(text)))


# "compare A's X with B's (X)": the two owners are the sides
_COMPARED_OWNERS = re.compile(
    r"\bcompar\w*\s+(?:the\s+)?([\w.-]+(?:\s+[\w.-]+){0,2}?)['’]s\s[^?]*\b(?:with|to|and|against|vs\.?|versus)\s+"
    r"(?:the\s+)?([\w.-]+(?:\s+[\w.-]+){0,2}?)['’]s?(?=[\s?.,;]|$)",
    re.I,
)


# "how many national security chiefs meetings": the counted phrase runs to this many words.
COUNTED_NOUN_WORDS = 4


# "CERT-In ransomware incidents 2022 - how many?": the topic is what is counted.
_BARE_HOW_MANY = re.compile(r"^(.+?)\s*(?:\s[–—-]+\s*|:\s*)(h\w{0,2} many)\s*\??\s*$", re.I)


def _completed(q: str) -> str:
    """ "X - how many?" as "how many X?"; any other question as it is."""
    m = _BARE_HOW_MANY.match(q)
    return f"{m.group(2)} {m.group(1)}?" if m else q


_TOTAL_LAST = re.compile(r"\b(?:in )?total\W*$", re.I)


def _totalled(q: str) -> tuple[str, ...]:
    """ "ipoa complaints jan-june 2022 total?": a terse question totalling its first plural noun."""
    if not _TOTAL_LAST.search(q) or answer_type(q) != "count":
        return ()
    plural = next((t for t in _tagged(q) if t.tag_ == "NNS" and t.pos_ == "NOUN"), None)
    return tuple(content_terms(plural.text)) if plural is not None else ()


def counted_noun(q: str) -> tuple[str, ...]:
    """The head noun of "how many X ..." (the last word of X, at most four words, up to a
    function word or a verb-looking word), as a stem; () when none."""
    q = _completed(q)
    # "how did the number of arrests change between ...?": after "did" the verb comes bare, and
    # what is counted ends before it (a tagger may read "change" as a noun)
    if changed := _DID_CHANGE.search(q):
        end = re.search(r"[,;?]|\s+and\s+h\w{0,2}\b|$", q[changed.end(1) :])
        q = f"{q[: changed.start(1)].rstrip()}{q[changed.end(1) + end.start() :] or '?'}"
    # ("how much more fraud ...?": a change in an amount, a figure or a share, counts no noun)
    m = _COUNTED.search(q) or re.search(r"(?<!\bmuch )\b(?:more|fewer|most|fewest)\s+(?!than\b)(\w+)", q, re.I)
    if not m:
        return _totalled(q)
    phrase = _head_words(m.group(1))
    start = m.start(1)
    # "the number of locally acquired dengue cases": the phrase after the adverb
    while _tag_at(q, start).startswith("RB") and (gap := q.find(" ", start)) > 0:
        start = gap + 1
    alone = len(q[start : m.end(1)].split()) <= 1  # (a tagger may take "harbour" of "harbour chiefs" for a verb)
    tag = _tag_at(q, start)
    if (alone and tag in _VERB_TAGS) or tag in _DETERMINER_TAGS or start >= m.end(1):
        return ()  # "how did the export total compare", "how many just in october", "how many each": no noun counted
    heads = _tagged_heads(q, start) or _head(phrase)
    # "how many border crossings / entry points ...": each alternative right after the counted
    # phrase names what is counted ("AML/CFT workshop" later in the question does not).
    rest, at = q[m.end(1) :], 0
    whole = m.group(1).split()
    if len(whole) > COUNTED_NOUN_WORDS or len(phrase) < len(whole):
        # the phrase ended before the slash: what follows it is no alternative
        return tuple(h for h in heads if h not in _PRO_FORMS)
    while alt := _SLASH_ALTERNATIVE.match(rest, at):
        at = alt.end()
        heads += tuple(h for h in _head(_head_words(alt.group(1))) if h not in heads)
    return tuple(
        h
        for h in heads
        if not _has_figure(h)
        and h not in _FREQUENCY
        and h not in _MEASURES
        and h not in _BEYOND
        and h not in _PRO_FORMS
    )


# "How did / has ... change(d)": a question on a change, its verb after the subject.
_DID_CHANGE = re.compile(
    rf"^\s*how\s+(?:did|does|do|has|have|had|will|would)\b[^,;?]*?\s((?:{CHANGE_VERBS})(?:d|s)?)\b"
    # (the verb ends the subject: punctuation or a preposition after it, not "change requests")
    r"(?=\s*(?:[,;?]|$)|\s+(?:between|since|from|in|after|before|over|during|compared|and|to|by|as|across)\b)",
    re.I,
)

# A word after "how many" that is a verb or a determiner ("how many each") counts no noun.
_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD", "MD"})
_DETERMINER_TAGS = frozenset({"DT", "PDT", "PRP", "EX"})
# Verbs that end a counted phrase with a clause of its own ("total narcotics Iranian police
# seized"): the noun phrase before the verb is its subject.
_CLAUSE_VERBS = frozenset({"VBD", "VBP", "VBZ", "VBN"})

# "and how many more would they need?": how far beyond a figure; what is counted is the earlier one's.
_BEYOND = frozenset(tokenize("more fewer less additional extra else"))


# "how many of the convicted ones are women?": "ones" stands for a noun said before; it names
# nothing a passage counts.
_PRO_FORMS = frozenset(tokenize("ones"))

# "how many times did governors declare ...": how often a thing was done; a passage counts the
# deeds ("declared 31 emergencies"), never "times".
_FREQUENCY = frozenset(tokenize("times occasions"))

# "the total weight of drugs seized", "the total amount of fines": a measure of a thing, said by
# its unit ("65,915 kg", "$9.8 million"), never as a number of weights or amounts.
_MEASURES = frozenset(tokenize("weight amount quantity volume value sum"))


# "how many of the 36 responders were from Qatar", "how many of those were DAML requests": a part
# of a whole, told apart by what follows the verb.
_PARTITIVE = re.compile(
    r"(?:\b(?:h\w{0,2} many|what (?:proportion|percentage|share|per ?cent|fraction|%)) of "
    r"(?:the|these|those|its|their|them|[\w-]+['’]s)(?!\w).*?"  # "of Kenya's events"
    r"|\bof (?:the|these|those|its|their)\b[^?]*?,\s*h\w{0,2} many\s+"  # "of the 82 suspects, how many were ..."
    r"|\bh\w{0,2} many\s+)"  # "how many were youths?" after the whole was asked
    r"\b(?:were|are|was|is|(?:have|has|had) been|(?:came|come|comes)(?: back| out)?|turned out(?: to be)?|"
    r"ended up(?: being)?|got)"
    r"(?:\s+(?:classed|classified|categori[sz]ed|considered|rated|counted|recorded|listed) as)?\s+"
    r"([^?.!,;]+)",
    re.I,
)


# "how many SARs ... related to suspected terrorist financing": the part is told by what it concerns.
_CONCERNING = re.compile(
    r"\bh\w{0,2} many\b[^?]*?\b(?:related to|relating to|linked to|connected to|involv(?:ing|ed)|concern(?:ing|ed))\s+"
    r"([^?.!,;]+)",
    re.I,
)


def subset_asked(q: str, nouns: bool = False) -> tuple[str, ...]:
    """The stems of what sets the counted part apart from the whole in "how many of the X were
    Y" (children, from Qatar, arrested in the Philippines, completed) or "how many X related to
    Y": the figure answering it is one said of Y, not the whole's. With `nouns`, only a Y that
    is a noun phrase."""
    m = _PARTITIVE.search(q) or _CONCERNING.search(q)
    if not m or "/" in m.group(1):  # "e-scooters / active mobility devices": either may be the one said
        return ()
    phrase = _noun_phrase_at(q, m.start(1))
    if nouns and not phrase:
        return ()
    said = _LATER.sub(" ", m.group(1))
    if phrase:  # "how many were actual incidents": incidents, however the passage qualifies them
        said = " ".join(t.text for t in _tagged(q) if m.start(1) <= t.idx < m.end(1) and not t.tag_.startswith("JJ"))
        said = _LATER.sub(" ", said)
    else:  # "... actually went on to be investigated": the part is said by "investigated", not by a
        # light verb, a stance adverb ("actually") or a fiscal year typed short ("in 21-22"), which
        # the year checks read; "under 18", "abroad" and "online" still tell the part
        short = [y.span() for y in _SHORT_YEARS.finditer(q)]
        said = " ".join(
            t.text
            for t in _tagged(q)
            if m.start(1) <= t.idx < m.end(1)
            and not (t.tag_.startswith("VB") and t.lemma_.lower() in _LIGHT_VERBS)
            and not (t.tag_ == "RB" and t.lower_.endswith("ly"))
            and not any(a <= t.idx < b for a, b in short)
        )
        said = _LATER.sub(" ", said)
    return content_terms(said)


# Verbs that carry no part of what is counted ("went on to be", "ended up", "got").
_LIGHT_VERBS = frozenset({"be", "go", "get", "come", "have", "do", "turn", "end"})
# A fiscal or season year typed short: "21-22", "FY22", "2021/22".
_SHORT_YEARS = re.compile(r"\b(?:FY\s?)?\d{2}(?:\d{2})?[-/]\d{2}\b|\bFY\s?\d{2,4}\b", re.I)


def _noun_phrase_at(q: str, at: int) -> bool:
    """Does a noun phrase start at character `at` ("actual incidents", "minors"), its adjectives
    before its noun?"""
    tags = [t.tag_ for t in _tagged(q) if t.idx >= at]
    head = next((tag for tag in tags if tag not in {"JJ", "JJR", "JJS"}), "")
    return head.startswith("NN")


def _has_figure(stem: str) -> bool:
    """ "24/7 contact points" counts no 24s; "how many under-18s" counts people of an age, a
    figure the passage writes its own way ("under 18 year olds"): neither is a counted noun."""
    return any(c.isdigit() for c in stem)


# "how much ransom was paid": the amount of a thing; "how much did it cost" names none.
# ("put a rupiah figure on losses", "an estimate of the damage": the amount of that thing)
_MEASURED = re.compile(
    r"\bhow much\s+([a-z][\w\-]*)|\b(?:what|which|the)\s+(?:total\s+)?(?:weight|quantity|volume)\s+of\s+([a-z][\w\-]*)"
    r"|\b(?:a|an|any)\s+(?:[a-z]+\s+)?(?:figure|estimate|valuation)\s+(?:on|for|of)\s+(?:the\s+)?([a-z][\w\-]*)"
    # "how many kilos of cocaine": a unit's substance
    rf"|\bh\w{{0,2}} many\s+(?:{MEASURE_UNITS})\s+of\s+(?:the\s+)?([a-z][\w\-]*)",
    re.I,
)


def measured_noun(q: str) -> tuple[str, ...]:
    """The noun of "how much X" as a stem ("ransom"), when X is a noun; () otherwise."""
    m = _MEASURED.search(q)
    group = (m.lastindex or 1) if m else 1
    if not m or not _tag_at(q, m.start(group)).startswith("NN"):
        return ()
    return tuple(content_terms(m.group(group))[:1])


def rated_noun(q: str) -> tuple[str, ...]:
    """The noun a rate is of, as a stem ("clearance rate", "the rate of conviction"): a share of
    something else ("crime rose 1.5%") is not it; () when no noun says."""
    # (a common noun: "the Zembla rate of conviction" is a rate of convictions, not of Zembla)
    for m in (*_RATED_OF.finditer(q), *_RATED_BEFORE.finditer(q)):
        if _tag_at(q, m.start(1)) in _COMMON_NOUN_TAGS:
            return tuple(content_terms(m.group(1))[:1])
    return ()


def valued_noun(q: str) -> tuple[str, ...]:
    """The thing whose value is asked, as a stem ("the street value of the seized marijuana"):
    the first common noun of the few words after "value of"; () when none."""
    for m in _VALUE_OF.finditer(q):
        for t in [t for t in _tagged(q) if t.idx >= m.end()][:VALUED_WORDS]:
            # (a common noun, or one tagged a name but typed in lower case: "marijuana")
            if t.tag_ in _COMMON_NOUN_TAGS or (t.tag_ == "NNP" and t.text.islower()):
                return tuple(content_terms(t.text)[:1])
            if t.pos_ in {"ADP", "AUX", "PUNCT"} or t.tag_ in {"VBD", "VBZ", "VBP", "VB"}:
                break
    return ()


_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
# "value of the seized marijuana": the thing valued stands within this many words.
VALUED_WORDS = 4
_VALUE_OF = re.compile(r"\bvalue\s+of\b", re.I)


_RATED_BEFORE = re.compile(r"\b([a-z][\w\-]*)\s+rates?\b", re.I)
_RATED_OF = re.compile(r"\brates?\s+of\s+([a-z][\w\-]*)", re.I)


_SLASH_ALTERNATIVE = re.compile(r"\s*/\s*([\w\s\-’']+?)(?=\s*/|\s+(?:did|do|does|were|was|are|is)\b|[?,.;:]|$)")


# Parts of speech a counted noun phrase is made of ("govt, private sector and civil society officers").
_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# Verbs in -s that are no noun's plural ("how many staff is ...", "... has", "... does").
_NOT_PLURAL_NOUNS = frozenset({"is", "was", "has", "does", "goes"})
COUNTED_PHRASE_TOKENS = 10


def _counted_run(q: str, start: int) -> list:
    """The tagged tokens of the counted phrase starting at character `start`: nouns and
    adjectives, and a comma or "and" joining more of them, up to a verb or preposition."""
    tokens = [t for t in _tagged(q) if t.idx >= start][:COUNTED_PHRASE_TOKENS]
    run: list = []
    for i, t in enumerate(tokens):
        joins = t.pos_ == "CCONJ" or t.text == ","
        hyphen = t.text == "-" and 0 < i < len(tokens) - 1 and not t.whitespace_
        # "AEO certified operators", "phishing incidents": a participle or gerund before a noun describes
        # it ("officers receiving training": a gerund after the noun begins what they do)
        described = (
            (t.tag_ == "VBN" or (t.tag_ == "VBG" and not any(x.pos_ == "NOUN" for x in run)))
            and i + 1 < len(tokens)
            and tokens[i + 1].pos_ in {"NOUN", "PROPN", "ADJ"}  # "acquired dengue cases"
        )
        if t.pos_ in _PHRASE_POS or hyphen or described:
            run.append(t)
        elif joins and run and i + 1 < len(tokens) and tokens[i + 1].pos_ in _PHRASE_POS:
            if t.text == "," and tokens[i + 1].pos_ == "PROPN":
                break  # "more participants, Locked Shields or ...?": a name after a comma begins the sides
            run.append(t)
        else:
            break
    # "total fire calls in 2023": things counted are plural, so a singular noun followed by what the
    # tagger took for a verb in -s ("calls") modifies that plural noun
    if run and run[-1].tag_ == "NN" and len(run) < len(tokens):
        after = tokens[len(run)]
        if after.tag_ == "VBZ" and after.lower_.endswith("s") and after.lower_ not in _NOT_PLURAL_NOUNS:
            return [*run, after]
    # "total narcotics Iranian police seized": a plural ends the counted phrase where a name or an
    # adjective follows it and a verb follows them; they are the subject of a clause about what
    # was counted ("customs officers trained": a plural noun may modify the next one).
    if len(run) < len(tokens) and tokens[len(run)].tag_ in _CLAUSE_VERBS:
        for k, t in enumerate(run[:-1]):
            if t.tag_ == "NNS" and t.lower_.endswith("s") and run[k + 1].pos_ in {"PROPN", "ADJ"}:
                return run[: k + 1]
    return run


def _counted_phrase(q: str) -> tuple[str, re.Match, list] | None:
    """The question completed, its "how many X" match and X's tagged tokens; None without one."""
    q = _completed(q)
    m = _COUNTED.search(q)
    return (q, m, _counted_run(q, m.start(1))) if m else None


def counted_modifiers(q: str) -> tuple[str, ...]:
    """The common nouns and narrowing adjectives before the counted noun ("how many ransomware
    incidents", "female inmates"): which of the things counted are asked about; a figure of all
    incidents does not answer."""
    found = _counted_phrase(q)
    if found is None:
        return ()
    _, _, run = found
    nouns = [t for t in run if t.pos_ in {"NOUN", "PROPN"} or t.tag_ == "VBG"]
    if not nouns:
        return ()
    head = nouns[-1]
    # (a plural before a noun counting occurrences says what they are of: "drugs cases"; one
    # before a plural says which of them: "women inmates")
    before = run[: run.index(head)]
    plural = head.lower_ in COUNT_UNITS

    def classifies(t) -> bool:
        # "women inmates", "children victims": a plural not in -s before a noun says which of
        # them; "arms exports licences" count licences, "countries and organisations" both
        following = run[run.index(t) + 1]
        irregular = not t.lower_.endswith("s") and t.lemma_.lower() != t.lower_  # women -> woman, not "govt"
        return plural or (irregular and following.pos_ == "NOUN")

    def qualifies(t) -> bool:  # "female inmates"; "dangerous" of "dangerous drugs cases" is the drugs'
        return _restricts(t) and all(x.pos_ == "ADJ" for x in run[run.index(t) + 1 : run.index(head)])

    return tuple(
        h
        for t in before
        if ((t.pos_ == "NOUN" and (t.tag_ != "NNS" or classifies(t))) or t.tag_ == "VBG" or qualifies(t))
        and t.text.islower()
        for h in content_terms(t.text)
        if not _has_figure(h)
    )


# Adjectives before a counted noun that do not narrow what is counted: how many, when, or as
# whom the figure was given ("how many new cases", "total arrests", "reported incidents").
_UNRESTRICTIVE = frozenset(
    "total overall new fresh recent current latest last previous annual yearly monthly daily weekly registered "
    "reported recorded official estimated approximate various different other such same more further additional "
    "actual combined cumulative average separate specific particular individual key main major minor principal "
    "important significant notable unique distinct several numerous many few certain possible potential whole "
    "entire full initial final first second third primary large small big high low good bad real".split()
)


def _restricts(token) -> bool:
    """An adjective that says which of the counted things are meant ("female", "foreign")."""
    return token.pos_ == "ADJ" and token.tag_ == "JJ" and token.lower_ not in _UNRESTRICTIVE


# Prepositions that name the source asked ("per the CHP update", "according to the bulletin"),
# not what the counted event was in.
_SOURCE_PREPOSITIONS = frozenset({"per", "according", "as"})
# Nouns that date or place an event in time rather than say what it was ("in the first quarter").
_TIME_NOUNS = frozenset(
    "year years month months week weeks day days quarter quarters half period time times season "
    "summer winter spring autumn fall decade date end beginning start middle".split()
)


def circumstances(q: str) -> tuple[tuple[str, ...], ...]:
    """The common nouns of each phrase after the counted thing's verb ("how many people died in
    fires", "how many STRs were passed on to law enforcement"), and of its subject ("how many
    STRs did casinos send"), as stems: which events are counted. A figure of deaths at sea, or
    of all reports received, does not answer. A phrase holding a name or a figure ("in S. Korea",
    "by canada border services", "in 2022"), a time ("in those periods") or the source asked
    about ("per the CHP update") is no such phrase."""
    found = _counted_phrase(q)
    if found is None:
        return ()
    q, m, run = found
    end = run[-1].idx + len(run[-1].text) if run else m.end(1)
    tokens = [t for t in _tagged(q) if t.idx >= end]
    verb = next((i for i, t in enumerate(tokens) if t.pos_ == "VERB"), None)
    if verb is None:
        return ()
    groups: list[list] = []
    # "how many STRs did casinos and gaming operators send": who did what is counted, when named
    # by a bare noun (a kind of doer); "did the expert team assess" names one already known
    if tokens and tokens[0].pos_ == "AUX" and verb > 1 and tokens[1].pos_ not in {"DET", "PRON"}:
        groups.append([t for t in tokens[1:verb]])
    # "how many incidents affecting private-sector companies did NC4 log": what a participle right
    # after the counted thing takes as object narrows what is counted
    if verb == 0 and tokens[0].tag_ == "VBG":
        run = list(takewhile(lambda t: t.pos_ in {"DET", "ADJ", "NOUN", "PUNCT"} and t.text != ",", tokens[1:]))
        groups.append([t for t in run if t.pos_ != "PUNCT"])
    group: list | None = None
    for t in tokens[verb + 1 :]:
        if t.pos_ == "ADP" or t.tag_ == "IN":
            group = [] if t.lower_ not in _SOURCE_PREPOSITIONS else None
            if group is not None:
                groups.append(group)
        elif group is not None and t.pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "CCONJ"}:
            group.append(t)
        else:
            group = None
    out = []
    for g in groups:
        if any(t.pos_ in {"PROPN", "NUM"} or is_country(t.text) for t in g):
            continue
        # (a two-letter word is a clipped name or form: "op tighten the net")
        nouns = [t for t in g if t.pos_ == "NOUN" and t.text.islower() and len(t.text) > 2]
        if not nouns or any(t.lemma_.lower() in _TIME_NOUNS or t.lower_ in _TIME_NOUNS for t in nouns):
            continue
        stems = tuple(h for t in nouns if not _light(t) for h in content_terms(t.text) if not _has_figure(h))
        if stems:
            out.append(stems)
    return tuple(dict.fromkeys(out))


def _tagged_heads(q: str, start: int) -> tuple[str, ...]:
    """The head nouns of the counted phrase starting at character `start`, read by part of
    speech: the phrase runs over nouns and adjectives, and over a comma or "and" that joins
    more of them, up to a verb or preposition ("the number of checks against databases" counts
    checks). Its heads are its last noun and a plural joined by "and" to one more noun
    ("countries and organisations"); () when the tagger finds no noun there."""
    run = _counted_run(q, start)
    # ("no. of STRs namibia FIC got": a country typed after the counted noun says whose they are)
    nouns = [
        t
        for t in run
        if (t.pos_ in {"NOUN", "PROPN"} or t.tag_ == "VBZ") and not t.text.isupper() and not is_country(t.text)
    ]
    if not nouns:
        return ()

    def conjunct_is_one_noun(k: int) -> bool:
        """ "countries and organisations": the plural and one more noun are both counted;
        "customs and coast guard officials": the plural modifies the nouns after it."""
        return sum(t.pos_ in {"NOUN", "PROPN"} for t in run[k + 2 :]) == 1

    joined = [
        t
        for k, t in enumerate(run[:-1])
        if t.tag_ == "NNS" and t.lower_.endswith("s") and run[k + 1].pos_ == "CCONJ" and conjunct_is_one_noun(k)
    ]
    heads = [*joined, nouns[-1]]
    return tuple(dict.fromkeys(h for t in heads for h in _noun_terms(t.text)[-1:] if not _has_figure(h)))


def _head_words(text: str) -> list[str]:
    """The counted phrase's words: its first ones, up to a function word or a verb-looking word."""
    phrase: list[str] = []
    for word in text.split()[:COUNTED_NOUN_WORDS]:
        low = fold(word)
        if low in STOPWORDS or low in _COUNT_STOP or (low.endswith("ed") and phrase):
            break
        phrase.append(word)
    return phrase


def _head(phrase: list[str]) -> tuple[str, ...]:
    """The head noun of a counted phrase's words, as a stem: the last plural, else the last word."""
    # The head is the last plural of the phrase ("AEO programmes exist" -> programmes), else its last word.
    plurals = [w for w in phrase if len(w) > 3 and w.lower().endswith("s") and not w.isupper()]
    return tuple(_noun_terms(plurals[-1] if plurals else " ".join(phrase))[-1:])


# Words that only ask, whatever their place in a question ("what", "many"); a counted noun may be
# one of QUESTION_WORDS' nouns ("how many suspicious matter reports").
_ASKING_ONLY = frozenset(tokenize("which what who whom whose when where why how many much the a an s"))


def _noun_terms(text: str) -> tuple[str, ...]:
    return tuple(t for t in dict.fromkeys(tokenize(text)) if t not in _ASKING_ONLY)


# "two kinds of operators" counts kinds, not operators.
_CLASSIFIERS = frozenset(tokenize("kind kinds type types sort sorts category categories class classes"))


# The noun phrase a number counts: the words right after it, up to a function word or a
# punctuation mark ("four outreach workshops for the private sector" counts workshops).
_COUNTED_PHRASE = re.compile(r"[\w’'\-]+|[^\w\s]")
_SKIPPED_MARKS = frozenset('()“”"‘')
COUNTED_PHRASE_WORDS = 4


def counted_after(text: str) -> list[str]:
    """Stems of the noun phrase at the start of `text` (what a number just before it counts);
    a figure in brackets ("three (03) meetings") is skipped."""
    out: list[str] = []
    tokens = _COUNTED_PHRASE.findall(text[:60])
    for k, token in enumerate(tokens):
        low = fold(token)
        if low in _SKIPPED_MARKS or low.isdigit():  # brackets, and quotes: 1,468 “suspicious transaction reports”
            continue
        if low in {"and", "or", "&"} and out:  # "26 control and entry points"
            continue
        if not low[0].isalnum() or low in STOPWORDS:
            break
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        if token.isupper() and len(token) > 1 and following[:1].isalpha() and fold(following) not in STOPWORDS:
            continue  # "17 AEO programs" counts programs: an acronym before a noun describes it
        out += tokenize(low)
        if len(out) >= COUNTED_PHRASE_WORDS:
            break
    return out


_SMALL_NUMBERS = {w: n for n, w in enumerate("two three four five six seven eight nine ten eleven twelve".split(), 2)}
# Number words up to ninety-nine ("seventy participants", "twenty-five states").
_UNITS = "one two three four five six seven eight nine".split()
_NUMBER_WORDS = {
    **_SMALL_NUMBERS,
    **{w: n for n, w in enumerate("thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 13)},
}
for _n, _tens in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2):
    _NUMBER_WORDS[_tens] = _n * 10
    _NUMBER_WORDS.update({f"{_tens}-{u}": _n * 10 + k for k, u in enumerate(_UNITS, 1)})
_NUMBER_WORDS.update(SPANISH_NUMBERS)  # (and Spanish ones, as NUMBER_WORD finds them)
# (a lookahead, so that "which were the nine facilities" is read at "the nine" too)
_STATED_COUNT = re.compile(
    r"\b(?=(?:which|what|the|list|name)\s+(?:the\s+)?(\d{1,3}|[a-z]+)\s+(?:[\w\-]+\s+){0,3}?[a-z]+s\b)", re.I
)


def stated_count(question: str) -> int:
    """How many members a list question says there are ("which 28 member states", "the four
    jurisdictions"); 0 when it says none."""
    for m in [*_TOP_N.finditer(question), *_STATED_COUNT.finditer(question)]:
        word = m.group(1).lower()
        n = int(word) if word.isdigit() else _SMALL_NUMBERS.get(word, 0)
        if 2 <= n <= 200:
            return n
    return 0


_NEXT_FIGURE = re.compile(r"(?<![(\d])\d")


# "more than 2000 participants": a figure that looks like a year counts what follows it after a
# word of quantity ("in 2000 participants ..." dates them).
_YEARLIKE_COUNT = re.compile(
    "".join(
        [
            "(?:",
            "|".join(f"(?<={w} )" for w in "than over Over some about around nearly almost approximately".split()),
            ")",
        ]
    )
    + r"(?:19|20)\d\d(?= [A-Za-z])"
)


def figures(text: str) -> list[re.Match]:
    """The figures of a text: numbers in digits or words, and year-like numbers that count."""
    return [*QUANTITY.finditer(text), *NUMBER_WORD.finditer(text), *_YEARLIKE_COUNT.finditer(text)]


# What comes before a date's month or day: "2022-11-" of "2022-11-23".
_DATE_PART = re.compile(r"\d[-/]$")


# What makes a count the size of a larger whole the names are part of ("among some 40 countries",
# "one of the 12 members").
_AMONG = re.compile(
    r"\b(?:among|one of|part of)\s+(?:the\s+)?(?:(?:more than|over|some|about|around|nearly|almost|at least)\s+)?$",
    re.I,
)


def count_given(text: str, nouns: set[str]) -> int:
    """The number of one of `nouns` a passage gives ("benefitting 98 participants and 14 member
    states" gives 14 states), as a list's size; 0 when it gives none in figures or small words."""
    for m in figures(text):
        word = m.group(0).lower()
        if _DATE_PART.search(text[: m.start()]):  # "2022-11-23 Member States of ...": a date's day
            continue
        if _AMONG.search(text[: m.start()]):  # "A, B and C are among more than 40 countries": a part
            continue
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
        rest = text[m.end() :]
        rest = rest[: next((d.start() for d in _NEXT_FIGURE.finditer(rest)), len(rest))]  # "98 participants and 14 ..."
        for t in counted_after(rest):
            if t in nouns and 2 <= n <= 200:
                return n
            if t in _CLASSIFIERS:
                break
    return 0


_DIGITS = re.compile(r"(?<![\w.,])\d[\d,.]*\d(?![\w])|(?<![\w.,])\d(?![\w])")


def _digits(figure: str) -> str:
    return re.sub(r"[,.]", "", figure)


def given_figures(text: str) -> frozenset[str]:
    """The figures a question states, years aside ("how many of the 36 responders ..."), as digits."""
    return frozenset(_digits(m.group(0)) for m in _DIGITS.finditer(text) if not YEAR.fullmatch(m.group(0)))


# How near a figure the thing it measures is said ("650 kg of heroin", "9,316 Kg Heroin", "heroin: 650 kg").
MEASURED_AFTER_TOKENS = 3
MEASURED_BEFORE_TOKENS = 2


def measures(text: str, stems: set[str]) -> bool:
    """Does the text give a figure of one of `stems`, the thing a "how much X" question measures?"""
    for m in figures(text):
        after = tokenize(text[m.end() :])[:MEASURED_AFTER_TOKENS]
        before = tokenize(text[: m.start()])[-MEASURED_BEFORE_TOKENS:]
        if stems & {*after, *before}:
            return True
    return False


# "four-year": the word a figure is joined to ("150-odd migrants", "200-plus arrests" are about 150, 200)
_JOINED_WORD = re.compile(r"-([^\W\d_]+)")
_ABOUT = frozenset({"odd", "plus", "some"})


def counts(text: str, nouns: set[str], given: frozenset[str] = frozenset(), parts: bool = True) -> bool:
    """Does the text give a number of one of `nouns` ("more than 450 representatives", or
    the noun first and its number after a dash or colon: "arrests – a total of 153", or
    "brought the number of Contracting Parties to this Convention to 153")? The figures the
    question itself states (`given`) are left out: "how many of the 36 responders were from
    Qatar?" is not answered by "attended by 36 First Responders"."""
    if given:
        text = _DIGITS.sub(lambda m: "some" if _digits(m.group(0)) in given else m.group(0), text)
    for m in figures(text):
        if nouns & initials_after(text[m.end() :]):  # "19 Memorandums of Understanding" counts MoUs
            return True
        # "over a four-year period", "a 10-day course": a figure joined to its noun counts it, and
        # only it (the years, not the ports assessed over the period)
        joined = _JOINED_WORD.match(text, m.end())
        if joined and joined.group(1).lower() in _ABOUT:
            after = text[joined.end() :]
        else:
            after = joined.group(1) if joined else text[m.end() :]
        if parts:  # "22,619 of those requests", "11 were youths": a part of a figure said before
            after = _OF_THOSE.sub(" ", after, count=1)
        if _counted_here(after, nouns):
            return True
        # "1,065 reported cases of murder" counts murders
        if (cases := _CASES_OF.match(after)) and _counted_here(after[cases.end() :], nouns):
            return True
    if any(
        _lower_initials(m.group(1)) & nouns or _counted_here(f" {m.group(1)}", nouns)
        for pattern in (_NUMBER_OF_THEN, _NUMBER_OF_THEN_ROMANCE)
        for m in pattern.finditer(text)
    ):
        return True
    # "cyberattacks targeting strategic sectors have surpassed 200,000 daily": the counted noun as
    # the subject of a verb of amounting, its figure after
    for m in _AMOUNTS_TO.finditer(text):
        subject = set(tokenize(" ".join(text[: m.start()].split()[-SUBJECT_WORDS:])))
        if m.group("change") and (subject & _RATE_SUBJECT or _RATE_FIGURE.match(text, m.end())):
            continue
        if subject & nouns:
            return True
    # "the following legal texts have been written: (1) draft law ..., (2) ...": numbered items count them
    if any(
        set(counted_after(m.group(1))) & nouns and _SECOND_ITEM.search(text, m.end())
        for m in _ENUMERATED.finditer(text)
    ):
        return True
    # a table row as a row line: a column's header over its figure ("Hectares Burned: 2,840,545")
    # ... or a line of its own ("Persons expelled (2016): 4,245"); a year in brackets dates the
    # figure, any other bracket is a unit ("Flood damage (USD)": measured, not counted)
    # (not a label naming one thing by its number, "Case reference: 4521", nor a year, "Members since: 2019")
    if FIELD_SEPARATOR in text:
        fields = list(_FIELD_FIGURE.finditer(text))
    else:
        fields = [m for m in _LABEL_FIGURE.finditer(text.strip()) if not _YEAR_VALUE.match(m.group(2))]
    if any(
        set(tokenize(label := _YEAR_BRACKET.sub(" ", m.group(1)))) & nouns
        and not set(tokenize(label)) & (_TIME_HEADERS | _IDENTIFIER_HEADERS)
        and "(" not in label
        for m in fields
    ):
        return True
    # a table row flattened into text: its label, then a figure per column ("Cases Coordinated *4 884 780 915")
    if any(set(tokenize(m.group(1))) & nouns for m in _ROW_THEN_FIGURES.finditer(text)):
        return True
    # "the total narcotics seized": a substance is counted in its units ("30,678 kilograms of narcotics")
    if any(set(tokenize(m.group(1))[:1]) & nouns for m in _IN_UNITS.finditer(text)):
        return True
    return any(
        set(tokenize(m.group(1))) & nouns and QUANTITY.match(text, m.end()) for m in _NOUN_THEN_NUMBER.finditer(text)
    )


def numbered_count(text: str, nouns: set[str]) -> int:
    """How many numbered items "the following legal texts: (1) ..., (2) ..." lists of one of
    `nouns`, when no figure before the list counts them (0 when none): the answer to "how many"
    a passage gives by numbering, not in a figure. Items are read in order, each marker in the
    style of the first ("(2)", "ii)", "b)") after a comma, semicolon or "and", up to the next
    list: "article 12 (2)" is a reference, not an item."""
    lists = list(_ENUMERATED.finditer(text))
    for i, m in enumerate(lists):
        if not (set(counted_after(m.group(1))) & nouns) or counts(text[: m.start()], nouns, parts=False):
            continue
        first = _FIRST_ITEM.search(m.group(0))
        style, bracket = _ITEM_STYLES[first.group(2)], re.escape(first.group(1))  # "(1)" or "1)"
        end = lists[i + 1].start() if i + 1 < len(lists) else len(text)
        n, at = 1, m.end()
        while n < len(style):
            item = re.compile(rf"[,;]\s*(?:and\s+)?{bracket}{style[n]}\)\s").search(text, at, end)
            if item is None:
                break
            n, at = n + 1, item.end()
        return n if n > 1 else 0
    return 0


# The first item's marker ("(1) ", "i) ") and the markers of the items after it, by its style, up to twenty.
_FIRST_ITEM = re.compile(r"(\(?)(1|i|a)\)\s*$")
_ITEM_STYLES = {
    "1": [str(n) for n in range(1, 21)],
    "i": "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split(),
    "a": list("abcdefghijklmnopqrst"),
}


_JOINING_WORDS = frozenset("of and for on the in to".split())
_IN_UNITS = re.compile(rf"\d\s*(?:{MEASURE_UNITS})\.?\s+of\s+(?:the\s+)?([^\W\d_]+)", re.I)


def initials_after(text: str) -> set[str]:
    """Initials of the capitalised name right at the start of `text` ("Memorandums of
    Understanding" -> "mou", "mu"), with a plural "s": what an acronym of it looks like."""
    run: list[str] = []
    for word in re.findall(r"[^\W\d_][\w’'\-]*", text[:80])[:6]:
        if word[0].isupper() or (run and word.lower() in _JOINING_WORDS):
            run.append(word)
        else:
            break
    while run and run[-1].lower() in _JOINING_WORDS:
        run.pop()
    if len(run) < 2:
        return _lower_initials(text)
    every = "".join(w[0] for w in run).lower()
    capitals = "".join(w[0] for w in run if w[0].isupper()).lower()
    return {every, capitals, every + "s", capitals + "s"}


def _counted_here(after: str, nouns: set[str]) -> bool:
    """Is one of `nouns` the noun phrase right after a figure? A closed compound counts its last
    word ("976,429,996 cyberattacks" are attacks), a classifier ends the phrase ("two kinds")."""
    for t in counted_after(after):
        if t in nouns or any(t.endswith(n) and len(n) >= COMPOUND_HEAD and len(t) - len(n) >= 3 for n in nouns):
            return True
        # a Spanish page's cognate: the English stem with a gender or number ending ("cocaína")
        if any(len(n) >= SPANISH_COGNATE_STEM and t[: len(n)] == n and t[len(n) :] in _SPANISH_ENDINGS for n in nouns):
            return True
        if t in _CLASSIFIERS:
            return False
    return False


# An English stem this long with one of these endings is its Spanish cognate ("cocain": cocaína).
SPANISH_COGNATE_STEM = 6
_SPANISH_ENDINGS = frozenset({"a", "o", "as", "os"})

# A noun this long may be the head of a closed compound ("attack" of "cyberattacks"); "arms" of
# "firearms" or "shop" of "workshops" are too short to tell.
COMPOUND_HEAD = 5

# "1,065 reported cases of murder", "12 incidents of piracy": a count of occurrences of a thing;
# "700,000 pieces of yaba pills", "2,800 rounds of ammunition": a count of a thing in its units
# Nouns that count occurrences of something else ("cases of murder", "drugs cases"): what is
# counted is said beside them.
COUNT_UNITS = frozenset("cases instances incidents counts episodes pieces units items rounds head".split())
_CASES_OF = re.compile(rf"^\s+(?:[a-z]+\s+)?(?:{'|'.join(sorted(COUNT_UNITS))})\s+of\s+", re.I)

# "22,619 of those requests", "11 were youths", "112 are identified as Rohingyas"
# ("of which 15 related to fatalities", "67 were from police officers": the part told by what it
# concerns or where it came from, as a question asks "how many of those involved fatalities?")
_OF_THOSE = re.compile(
    r"^\s+(?:(?:were|are)\s+from|related\s+to|relating\s+to|linked\s+to|involv(?:ed|ing)|concern(?:ed|ing))\s+"
    r"|^\s+(?:of\s+(?:those|these|the|them|which)|(?:were|are)(?:\s+(?:identified|classified|listed|recorded)\s+as)?)\s+"
    # ("More than half of overall inmates, or 133,550, are drug offense convicts": a comma before the copula)
    r"|^,\s+(?:were|are)\s+",
    re.I,
)


# Initials of a lower-case phrase are taken from this many words: fewer recur by chance.
LOWER_INITIALS_SHORTEST = 3


def _lower_initials(text: str) -> set[str]:
    """Initials of the lower-case noun phrase at the start of `text` ("7,000 suspicious
    transaction reports filed" -> "str", "strs"): what "how many STRs" counts."""
    run: list[str] = []
    for word in re.findall(r"\S+", text[:80].replace("“", " ").replace('"', " "))[:COUNTED_PHRASE_WORDS]:
        if not re.fullmatch(r"[a-z][a-z-]*", word) or word in STOPWORDS:
            break
        run.append(word)
    found = set()
    for k in range(LOWER_INITIALS_SHORTEST, len(run) + 1):
        letters = "".join(w[0] for w in run[:k])
        found |= {letters, letters + "s"}
        # (a word inside the phrase that the acronym leaves out: "suspicious financial
        # transaction reports" are STRs)
        for skipped in range(1, k - 1) if k > LOWER_INITIALS_SHORTEST else ():
            short = letters[:skipped] + letters[skipped + 1 :]
            found |= {short, short + "s"}
    return found


# "the number of X (…) to / is / reached 153 / rose from 21 to 85 / was only 45": what a later
# figure counts.
# "increased by 8.4 per cent to 88,083": the change's size said before the figure it came to
BY_SHARE = r"by\s+[\d.,]+\s*(?:per\s*cent|percent|%),?\s+(?:or\s+)?"
_NUMBER_OF_THEN = re.compile(
    r"\bnumber of\s+((?:[^\d.;:]|(?:19|20)\d\d){1,120}?)\s+(?:to|is|was|were|stood at|reached|totall?ed|"
    r"(?:rose|fell|increased|decreased|grew|went|climbed|dropped|jumped)\s+(?:" + BY_SHARE + r")?(?:from|to)|"
    # "... has been expanded to 3,664 from 611"
    r"(?:(?:has|have|had)\s+been\s+)?(?:expanded|raised|reduced|brought|cut|lowered)\s+to)\s+(?:[a-z]+\s+)?(?=\d)",
    re.I,
)
# ... and in French, Portuguese and Spanish: "o total de crimes registados desceu de 17.993 para 16.624",
# "el número de homicidios fue de 312" (a figure within a few words, not a year)
_NUMBER_OF_THEN_ROMANCE = re.compile(
    r"\b(?:n[uú]mero|total|nombre|quantidade|cantidad)\s+(?:total\s+)?(?:de|d['’]|des)\s*([^\d.;:]{1,80}?)\s+"
    r"(?:[^\d\s.;:]+\s+){0,4}?(?!(?:19|20)\d\d\b)(?=\d)",
    re.I,
)
# A list's introduction and its first numbered item ("the following legal texts have been written: (1)"),
# and the second item that makes it a numbered list.
_ENUMERATED = re.compile(r"\bfollowing\s+([^.;:]{1,60}):\s*\(?(?:1|i|a)\)\s")
_SECOND_ITEM = re.compile(r"\(?(?:2|ii|b)\)\s")
# A field of a row line ("Year: 2023 · Hectares Burned: 2,840,545", ingest.tables): its header, then a
# bare figure that ends the field (not "12%", "$4,000", "3 km"); a header of time ("Year", "FY") dates its row.
_FIELD_FIGURE = re.compile(r"(?:^|·)\s*([^:·\n]{1,60}):\s*\d[\d,. ]*(?<! )\s*(?=·|$)")


def labelled_figure(text: str) -> bool:
    """Is the text one label and its figure, nothing else ("Persons expelled (2016): 4,245")?"""
    return _LABEL_FIGURE.match(text.strip()) is not None


# A unit that is one label and its figure, nothing else.
_LABEL_FIGURE = re.compile(r"^([^:·\n]{1,60}):\s*(\d[\d,. ]*)(?<! )$")
_YEAR_VALUE = re.compile(r"(?:19|20)\d\d$")
_IDENTIFIER_HEADERS = frozenset(tokenize("reference ref number no id code page phone tel fax file"))
_YEAR_BRACKET = re.compile(r"\((?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\)")
_TIME_HEADERS = frozenset(tokenize("year date period fy month quarter day week"))
# A table row's label (capitalised words), a footnote mark, then at least two figures.
_ROW_THEN_FIGURES = re.compile(
    r"\b([A-Z][\w’'\-]*(?:\s+[A-Za-z][\w’'\-]*){0,4})\s+(?:[*†]\d*\s+)?(?=\d[\d,.]*\s+\d[\d,.]*\b)"
)
# A verb of amounting and its figure; the counted noun is among the SUBJECT_WORDS words before it.
_AMOUNTS_TO = re.compile(
    r"\s(?:(?:has|have|had)\s+)?(?:surpassed|exceeded|reached|totall?ed|stood\s+at|topped|numbered|amounted\s+to|"
    r"(?P<change>(?:rose|increased|grew|climbed|jumped|fell|decreased|dropped)\s+(?:" + BY_SHARE + r")?(?:from|to)))\s+"
    r"(?:(?:more\s+than|over|some|about|around|nearly|almost|at\s+least|a\s+total\s+of)\s+)?(?=\d)",
    re.I,
)
# A change to a figure that is a rate, a share or an age, not a number of things: "the homicide
# rate fell from 12.3 to 9.8 per 100,000", "the share of women rose to 45%".
_RATE_FIGURE = re.compile(r"[\d.,]+\s*(?:%|per\s*cent|percent|per\s+\d|years?\b)", re.I)
_RATE_SUBJECT = frozenset(tokenize("rate rates share proportion percentage age average ratio"))
SUBJECT_WORDS = 9
# A noun (and its acronym: "Suspicious Activity Reports (SARs) (463,938)"), a dash, colon or
# bracket, at most a few words ("a total of"), then a figure.
_NOUN_THEN_NUMBER = re.compile(r"([\w’'\-]+)(?:\s*\([A-Z][\w]*\))?\s*[–—:(]\s*(?:[^\W\d]+\s+){0,3}(?=\d)")


def word_set(text: str) -> set[str]:
    """Folded words of a text, for entity presence checks."""
    return set(words(text))
