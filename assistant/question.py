"""What a question asks for: its content terms, constraints, and the kind of answer expected.

Pure functions over text; the answer engine uses the profile to score units and to decide
whether the evidence really answers the question (entity, year, number type present).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.names import entities, multiword_names, owners, qualifiers
from assistant.vocab import MONTHS, QUESTION_WORDS
from vectorstore.lexical import STOPWORDS, fold, tokenize, words

YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\(\d{1,3}\)\s*[\d\s\-–]{6,}")
DATE = re.compile(
    r"\b(?:\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?\s+(?:of\s+)?(?:%s)|(?:%s)\s+\d{1,2}|(?:%s)\s+(?:of\s+)?\d{4}|\d{1,2}/\d{1,2}/\d{4})\b"
    % ("|".join(MONTHS), "|".join(MONTHS), "|".join(MONTHS)),
    re.IGNORECASE,
)
# A number that is not a year: counts, amounts, percentages.
QUANTITY = re.compile(r"(?<![\w./])(?!(?:19|20)\d\d\b)\d[\d,.]*(?:\s*(?:%|percent|million|billion|thousand))?\b")
IDENTIFIER = re.compile(r"\b[A-Z][\w.\-]*/(?:[\w.\-]+/)*[\w.\-]*\d[\w.\-]*|\bN[°o]\.?\s?\d+|\b(?:Law|Decree|Resolution)\s+(?:No\.\s*)?\d[\d.]*")
PERSON = re.compile(r"\bName:\s*[A-Z]|\b(?:Mr|Ms|Mrs|Dr|Captain|Capt|Ambassador|Minister|Detective)\.?\s+[A-Z]")
GOVERNMENT = re.compile(r"\bGovernments? of (?:the )?[A-Z]|\b(?:Canadian|American|Spanish|Chilean|Mexican) Government\b")
NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b", re.I)
# "how many business-world delegates did ...": the counted noun phrase, up to the verb.
_COUNTED = re.compile(
    r"\b(?:h\w{0,2} many|number of)\s+([\w\s\-’']+?)(?=\s+(?:did|do|does|were|was|are|is|have|has|had|will|"
    r"can|could|would|took|take|in|of|from|at|on|for|by|with|during|under|according)\b|[?,.;:]|$)",
    re.I,
)
_COUNT_STOP = frozenset("got get gets getting received receive took take attended participated sent went came".split())
MONEY = re.compile(r"(?:US\$|\$|€|£|USD|EUR|CAD)\s?\d|\b\d[\d,.]*\s*(?:dollars|euros|million|billion)\b", re.I)

# Quantity questions whose answer must be an amount, not just any number.
_MONEY_ASK = re.compile(r"\bhow much (?:money|funding|funds)\b|\b(?:cost|budget|amount|funding amount|how much did)\b", re.I)
_COUNT_ASK = re.compile(r"\bh\w{0,2} many\b|\bnumber of\b|\bhow much\b|\bestimat\w*|\bfigure\b|\btotal\b|\blosses\b|\bpercentage\b", re.I)
_COMPARE = re.compile(
    r"\b(?:compare|comparison|contrast|chang\w*|differ\w*|between|both|versus|vs\.?|evolv\w*|before or after|"
    r"after or before|earlier or later|which came first)\b",
    re.I,
)
# "Who did CICTE partner with?" asks for an organisation or government, not a person.
_AGENT_ASK = re.compile(
    r"\bwho\b.*\b(?:partner\w*|fund\w*|financ\w*|support\w*|sponsor\w*|host\w*|organi[sz]\w*|help\w*|assist\w*|"
    r"provid\w*|donat\w*|pa(?:y|ys|id|ying) for|bankroll\w*|publish\w*|develop\w*|implement\w*|runs?|manag\w*|leads?|led|cooperat\w*|work\w* with)\b"
    r"|\bquien\w*\b.*\b(?:financ\w*|apoy\w*|patrocin\w*|organiz\w*|colabor\w*|ayud\w*|asisti\w*|public\w*|"
    r"desarroll\w*|implement\w*|coopera\w*|dirig\w*|trabaj\w* con)",
    re.I,
)
# An organisation or person named in a text: an acronym or a run of capitalised words.
_NAMED = re.compile(r"\b[A-Z]{2,}\b|\b[A-Z][\w’'.-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.-]+)+")
_LIST_ASK = re.compile(
    r"(?:^|[\-–—:;,]\s+)(?:which|what|list|name|who)\b[^?]*?\b(\w+(?:ies|s))\b|\blist\b|\ball\b.*\b(?:countries|states|economies)\b", re.I
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
    alt_terms: tuple[str, ...] = ()  # thesaurus alternatives: may match, never required
    cross_doc: bool = False  # the question names two or more indexed reports
    paraphrases: tuple[Paraphrase, ...] = ()  # thesaurus phrasings that stand in for question words
    counted: tuple[str, ...] = ()  # "how many delegates": the counted noun (stem)
    qualifiers: tuple[str, ...] = ()  # entities describing the answer ("which Andean state"), not required
    focus_docs: tuple[str, ...] = ()  # doc ids the asking sentence names when a premise names others
    asked_years: tuple[str, ...] = ()  # years in the user's own words (not carried from history)
    owners: tuple[str, ...] = ()  # "Peru's CTAP": whose report is asked about; the Assistant keeps only unindexed ones
    names: tuple[str, ...] = ()  # multi-word names as typed ("national cybersecurity policy"), folded
    sides: tuple[str, ...] = ()  # "which came first, A or B?": the two things compared, as typed


def answer_type(q: str) -> str:
    """The kind of answer a question expects, from its wh-word and key nouns."""
    low = fold(q)
    if re.search(r"\be-?mail\b|\bcorreo\b", low):
        return "email"
    if re.search(r"\b(?:phone|telephone)\b", low):
        return "phone"
    if re.search(r"\b(?:doc(?:ument)?|reference|symbol|decree|law|resolution) (?:number|no|symbol|code)\b|\bwhich (?:decree|law)\b", low):
        return "identifier"
    if re.search(r"\b(?:which|what) (?:govt|government|governments|donor|donors)\b", low):
        return "government"
    if re.search(r"\bwhen\b|\bwhat (?:date|year|month|period|time ?frame)\b|\bhow long\b|\bwhich years\b|\bsince when\b|\bfrom when\b|\bcuando\b", low):
        return "date"
    if re.search(r"\bwhere\b|\bdonde\b|\bin which (?:city|country)\b", low):
        return "place"
    if re.search(r"\b(?:name|title) of the\b|\bwhat is it called\b|\bcalled\b", low):
        return "name"
    if _MONEY_ASK.search(low):
        return "money"
    if _COUNT_ASK.search(low) or re.search(r"\bcuant[oa]s?\b", low):
        return "count"
    if _AGENT_ASK.search(low) and "contact" not in low:
        return "agent"
    if re.search(r"\bwho\b|\bwhom\b|\bcontact point\b|\bquien", low):
        return "person"
    return "thing"


def wants_list(q: str) -> bool:
    """Plural 'which/what Xs' questions want every item, not the best one."""
    m = _LIST_ASK.search(q)
    if not m:
        return False
    if (m.group(1) or "").isupper():  # "What did the OAS do": an acronym, not a plural
        return "list" in q.lower()
    noun = (m.group(1) or "").lower()
    return noun not in {"is", "was", "does", "has", "this", "its", "us", "provisions", "as", "status"} or "list" in q.lower()


def content_terms(text: str) -> tuple[str, ...]:
    return tuple(t for t in dict.fromkeys(tokenize(text)) if t not in QUESTION_WORDS)


def profile(own: str, carried: str = "", extra: str = "", names: bool = True) -> QuestionProfile:
    """Analyse a question: the user's words, context carried from history, and extra
    (translated or expanded) terms; `names=False` skips entity checks (e.g. Spanish words)."""
    terms = content_terms(f"{own} {extra}")
    context = tuple(t for t in content_terms(carried) if t not in terms)
    expects = answer_type(own)
    listy = wants_list(own) and expects in {"thing", "person", "place"}
    text = f"{own} {carried}".strip()
    years = tuple(dict.fromkeys(YEAR.findall(text)))
    found = entities(own) + entities(carried) if names else ()
    compares = bool(_COMPARE.search(own))
    return QuestionProfile(
        text, terms, context, years, tuple(dict.fromkeys(found)), expects, listy, compares,
        counted=counted_noun(own), qualifiers=qualifiers(own) if names else (),
        asked_years=tuple(dict.fromkeys(YEAR.findall(own))), owners=owners(own), names=multiword_names(own),
        sides=alternatives(own),
    )


def split_premise(text: str) -> tuple[str, str]:
    """("The report names two partners.", "Which of them ...?") for a question that states
    its premise first; ("", text) otherwise. The premise is context, the last sentence is asked."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z¿¡\"“])|(?<=\w\w\w[.!?])\s+(?=[a-z])", text.strip()) if p]
    if len(parts) < 2 or parts[-2].endswith("?") or not parts[-1].endswith("?"):
        return "", text
    return " ".join(parts[:-1]), parts[-1]


def alternatives(q: str) -> tuple[str, ...]:
    """The two things a "which ..., A or B?" question weighs against each other; () otherwise.

    A needs a separator before it (",", ":" or "between") so that "before or after" and
    "Chile or Peru's plan" in running text do not count."""
    m = re.search(r"(?:[,:;]|\bbetween)\s+([^,:;?]+?)\s+or\s+([^,:;?]+?)\s*\??\s*$", q.strip(), re.I)
    if not m:
        return ()
    left, right = m.group(1), m.group(2)
    if len(content_terms(left)) < 2 or len(content_terms(right)) < 2:
        return ()
    return left, right


def counted_noun(q: str) -> tuple[str, ...]:
    """The head noun of "how many X ..." (the last word of X, at most three words, up to a
    function word or a verb-looking word), as a stem; () when none."""
    m = _COUNTED.search(q) or re.search(r"\b(?:more|fewer|most|fewest)\s+(?!than\b)(\w+)", q, re.I)
    if not m:
        return ()
    phrase = []
    for word in m.group(1).split()[:3]:
        low = fold(word)
        if low in STOPWORDS or low in _COUNT_STOP or (low.endswith("ed") and phrase):
            break
        phrase.append(word)
    # The head is the last plural of the phrase ("AEO programmes exist" -> programmes), else its last word.
    plurals = [w for w in phrase if len(w) > 3 and w.lower().endswith("s") and not w.isupper()]
    return tuple(content_terms(plurals[-1] if plurals else " ".join(phrase))[-1:])


def counts(text: str, nouns: set[str]) -> bool:
    """Does the text give a number of one of `nouns` ("more than 450 representatives")?"""
    for m in [*QUANTITY.finditer(text), *NUMBER_WORD.finditer(text)]:
        if nouns & set(tokenize(text[m.end() : m.end() + 40])[:3]):
            return True
    return False


def has_expected(expects: str, text: str) -> bool:
    """Does the text contain the kind of thing the question asks for?"""
    if expects == "email":
        return bool(EMAIL.search(text))
    if expects == "phone":
        return bool(PHONE.search(text))
    if expects == "date":
        return bool(DATE.search(text) or YEAR.search(text))
    if expects == "identifier":
        return bool(IDENTIFIER.search(text))
    if expects == "person":
        return bool(PERSON.search(text))
    if expects == "government":
        return bool(GOVERNMENT.search(text))
    if expects == "agent":
        return bool(PERSON.search(text) or GOVERNMENT.search(text) or _NAMED.search(text))
    if expects == "money":
        return bool(MONEY.search(text))
    if expects == "count":
        return bool(QUANTITY.search(text) or NUMBER_WORD.search(text))
    return True


def word_set(text: str) -> set[str]:
    """Folded words of a text, for entity presence checks."""
    return set(words(text))
