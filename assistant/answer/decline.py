"""Whether to answer: one calibrated decision over a few visible features of the evidence.

Each feature is a number in [0, 1] that a person can check against the cited passages; the
weights and the threshold were fitted on labelled questions (`bench/calibrate_decline.py`
prints how, with the precision and recall they give) and live in DECLINE_MODEL. The largest
feature against answering names the reason a decline gives.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from assistant.answer.units import Unit, leads, reading, row_caption
from assistant.answer.scoring import (
    PARTY_STEMS,
    Scored,
    holds_wanted,
    is_heading,
    known_counted,
    said_tokens,
    unit_words,
)
from assistant.understand.countries import (
    countries_in,
    demonyms,
    is_country,
    names_a_country,
    names_country,
    sovereigns_of,
)
from assistant.understand.names import derived, shortened
from assistant.understand.question import (
    RESULT_STEMS,
    ROLE_STEMS,
    QuestionProfile,
    asks_result,
    count_given,
    counts,
    labelled_figure,
    said_of_another,
    stated_count,
    time_asked,
)
from assistant.answer.evidence import (
    in_other_form,
    asks_published,
    blank,
    continues,
    file_authors,
    heading_of,
    asked_ordinals,
    numbers_asked_thing,
    names_other_serial,
    page_date,
    page_years,
    looks_ahead,
    looks_back,
    phrased_in_reports,
    goes_on,
    refers_back,
    same_paragraph,
    unsaid_names,
    within_year,
    years_contradicted,
)
from assistant.understand.wanted import (
    PER_HEAD,
    RATE_KINDS,
    BESIDE_KINDS,
    YEAR,
    FIGURES_LISTED,
    KINDS,
    MONEY_MEASURES,
    PLURAL_PARTIES,
    SINCE_YEAR,
    UNTYPED,
    new_spans,
    pattern_values,
)
from assistant.answer.relative import COMPARED_YEAR, relative_years
from assistant.answer.rows import HIGH_WORDS, LOW_WORDS
from assistant.types import Chunk, Hit
from ingest.tables import row_keys
from vectorstore.lexical import STOPWORDS, LexicalIndex, fold, tokenize

# "The value of the marijuana seized": an amount asked as the worth of a thing named.
VALUE_STEMS = frozenset(tokenize("value worth"))

# How far down the ranked units a unit holding the wanted kind of value is looked for.
KIND_SEARCH_DEPTH = 8
# A thesaurus phrasing is said when its words stand within this many tokens more than it has.
PHRASE_SLACK = 1
# A report's opening, where it says whose it is ("Report of the Secretary-General").
OPENING_CHARS = 600

# An untyped list question saying its size ("which 14 programmes ...") is held to it from this size.
UNTYPED_LIST_MIN = 4

# "How many members does X have after the Malta meetings?": a unit giving a number of the very
# thing counted answers when it covers this share of the question's words the best unit covers
# (the rest of the question names the occasion, which the best-scoring sentence says at length).
COUNT_COVERAGE_SHARE = 0.6


# A report whose retrieved passages name this many countries is a body's report on its members,
# not one country's own page (which may leave its country unnamed, or name one partner).
MEMBER_STATES_NAMED = 2

# How far into a report its dateline may come (after a title and a subtitle).
LEAD_LINES = 3


@dataclass(frozen=True)
class DeclineModel:
    """Logistic weights per feature, the bias, and the answer probability below which we decline."""

    weights: Mapping[str, float]
    bias: float
    threshold: float


# Fitted by bench/calibrate_decline.py on the labelled sets (see the README's gold-set table).
DECLINE_MODEL = DeclineModel(
    weights={
        "names_missing": -10.05,
        "asked_missing": -3.63,
        "number_missing": -6.27,
        "kind_missing": -10.00,
        "answer_kind_missing": -2.04,
        "names_unsaid": -4.54,
        "members_short": -4.19,
        "ahead_unsaid": -4.32,
        "context_coverage": 2.06,
        "meaning": 1.19,
    },
    bias=-0.94,
    threshold=0.50,
)

FEATURES = tuple(DECLINE_MODEL.weights)


@dataclass(frozen=True)
class Evidence:
    """The features of one decision and the plain reasons that go with the ones against it."""

    features: dict[str, float]
    reasons: dict[str, str]

    def probability(self, model: DeclineModel = DECLINE_MODEL) -> float:
        z = model.bias + sum(model.weights[f] * self.features.get(f, 0.0) for f in model.weights)
        return 1.0 / (1.0 + math.exp(-z))

    def answers(self, model: DeclineModel = DECLINE_MODEL) -> bool:
        return self.probability(model) >= model.threshold

    def reason(self, model: DeclineModel = DECLINE_MODEL) -> str:
        """The feature that weighs most against answering, said in words."""
        against = {
            f: model.weights[f] * (self.features[f] if model.weights[f] < 0 else self.features[f] - 1.0)
            for f in model.weights
            if f in self.features
        }
        worst = min(against, key=against.get, default="context_coverage")
        return self.reasons.get(worst) or "no passage of the indexed reports addresses this question"


def _said(q: QuestionProfile, passage: Sequence[Scored], hits: Sequence[Hit]) -> set[str]:
    """The words the answer's passage says (with its section headings), and the question's
    words a thesaurus phrasing in it stands for."""
    said = set().union(
        *(
            said_tokens(reading(s.unit)) | set(tokenize(hits[s.unit.hit_index].chunk.section))
            for s in passage
            if not blank(s)
        )
    )
    texts = [reading(s.unit) for s in passage if not blank(s)]
    sections = [hits[s.unit.hit_index].chunk.section for s in passage if not blank(s)]
    return with_paraphrases(q, said, [*texts, *sections])


def with_paraphrases(q: QuestionProfile, said: set[str], texts: Sequence[str] = ()) -> set[str]:
    """`said` and the question's words a thesaurus phrasing in it stands for ("headed by" says
    "presided"). With `texts`, a phrasing of several words counts only where one of them says it
    together, in any order ("entry points" says "points of entry"): "Financial Intelligence Unit ...
    institutions" does not say "financial institution"."""
    runs = [tokenize(t) for t in texts]

    def phrased(option: tuple[str, ...]) -> bool:
        if not set(option) <= said:
            return False
        if len(option) < 2 or not runs:
            return True
        n = len(option) + PHRASE_SLACK
        return any(set(option) <= set(run[i : i + n]) for run in runs for i in range(max(1, len(run) - n + 1)))

    # (and the wordnet's words for a noun counted or weighed: "methamphetamine" says "meth")
    for p in (*q.paraphrases, *q.synonyms):
        if any(phrased(o) for o in p.options):
            said = said | set(p.words)
    return said


def as_typed(stems: Sequence[str], question: str) -> str:
    """The question's own words for stems ("fires" for "fir"), for a reason the user reads; a
    stem no word of the question gives (a thesaurus word) is shown clipped ("penalti…")."""
    typed = {}
    for word in re.findall(r"[\w’'-]+", question):
        for t in tokenize(word):
            typed.setdefault(t, word.lower())
    return " ".join(typed.get(t, f"{t}…") for t in stems)


def unsaid_stems(wanted: Sequence[str], said: set[str]) -> list[str]:
    """The stems of `wanted` that `said` holds in no form: the same stem, a shortened form
    ("Cttee"), or a derivation ("ratification" for "ratify")."""
    return [
        t for t in wanted if t not in said and not any(shortened(w, t) or derived(w, t) or _clipped(t, w) for w in said)
    ]


def _clipped(short: str, word: str) -> bool:
    """A two-letter contraction typed in a question ("contact pt" for point): first and last letter."""
    return len(short) == 2 and len(word) >= 4 and word[0] == short[0] and word[-1] == short[-1]


def asks_role(q: QuestionProfile) -> bool:
    """A role the answer must say: "who was the director-general", "who chairs / represented X",
    "who were the observers" (a bare "who" question's other nouns are its topic: "which port were
    the officers from who ...")."""
    return q.expects in {"person", "agent"} or (
        q.expects == "who" and bool(q.asked_nouns) and (set(q.asked_nouns) <= ROLE_STEMS or bool(_WHO_BE.match(q.text)))
    )


# "who were the observers", "who is the focal point": the noun after is the role asked for.
_WHO_BE = re.compile(r"\s*who\s+(?:is|are|was|were|will\s+be)\s+(?:the\s+)?\w", re.I)


def unsaid_nouns(q: QuestionProfile, passage: Sequence[Scored], hits: Sequence[Hit]) -> list[str]:
    """The asked-for nouns ("what penalties ...", "outcome of ...") the answer's passage never
    says, nor a thesaurus phrasing of them. Typed questions are left to the wanted kind."""
    if not q.asked_nouns or (q.expects not in UNTYPED and not asks_role(q)):
        return []
    # (the head noun of what is asked: "the holiday town", "training sessions" are said by the town
    # and the sessions; their modifiers may be a passage's other words)
    unsaid = headed_by_title(
        unsaid_stems(q.asked_nouns[-1:], _said(q, passage, hits)), passage, bool(_OFFICIAL.search(q.text))
    )
    # "the three pilot sites" are said by a passage naming places (assistant.understand.classes)
    # the question does not name: "which group hit the Toyota supplier?" is not answered by Toyota
    kinds = dict(q.asked_kinds)

    def names_new(labels: frozenset[str]) -> bool:
        return any(
            label in labels and not set(tokenize(text)) <= q.asked for s in passage for label, text in s.unit.named
        )

    return [stem for stem in unsaid if not (stem in kinds and names_new(kinds[stem]))]


# "Who heads X", "who's the customs boss", "who led the op" ask for whoever leads it, under
# whatever title the passage gives them.
HEAD_STEMS = frozenset(tokenize("head heading boss chief leader lead"))
# "which police official commented?": whoever the passage names by any title is an official
# (the word as typed: its stem is also the stem of "office").
_OFFICIAL = re.compile(r"\bofficials?\b", re.I)
OFFICIAL_STEMS = frozenset(tokenize("official"))
TITLE_STEMS = frozenset(
    tokenize(
        "head chief director chair chairman chairperson president commissioner minister secretary leader governor "
        "administrator commander commandant manager superintendent"
    )
)


def titled_person(unit, words: set[str]) -> bool:
    """Does the unit name a person by a top title ("FID Principal Director Keith Darien"), `words`
    being what it says?"""
    return "PERSON" in unit.labels and bool(words & TITLE_STEMS)


def holds_title_asked(q: QuestionProfile, s: Scored, doc: str, hits: Sequence[Hit]) -> bool:
    """ "Who is the director of the Internal Displacement Monitoring Centre?": does the unit, in
    report `doc`, name a person by the title asked, beside the body's name or its initials
    ("Alexandra Bilak, IDMC director")?"""
    if q.expects not in {"person", "agent", "who"} or not _WHO_BE.match(q.text):
        return False
    if hits[s.unit.hit_index].chunk.doc_id != doc:
        return False
    words = unit_words(s.unit)
    asked = set(q.terms) & TITLE_STEMS
    # ("who was head of Montenegro customs?": whoever holds its top title, "Vladan Jokovic, director
    # of Montenegro's Custom Administration", heads it)
    if not ((asked & words or (asked & HEAD_STEMS and words & TITLE_STEMS)) and titled_person(s.unit, words)):
        return False
    named = [e for e in q.entities if e not in STOPWORDS]
    initials = {"".join(e[0] for e in named[i:j]) for i in range(len(named)) for j in range(i + 2, len(named) + 1)}
    return bool((set(tokenize(" ".join(named))) | initials) & words)


def headed_by_title(unsaid: list[str], passage: Sequence[Scored], official: bool = False) -> list[str]:
    """`unsaid`, unless all it lacks is "head" and a unit of the passage names a person by a
    title ("FID Principal Director Keith Darien"): whoever holds the top title heads the body."""
    titled = any(titled_person(s.unit, unit_words(s.unit)) for s in passage)
    holder = HEAD_STEMS | (OFFICIAL_STEMS if official else frozenset())
    return [] if unsaid and set(unsaid) <= holder and titled else unsaid


def rarest(names: Sequence[str], lexical: LexicalIndex) -> float:
    """How rare in the index the rarest of `names` is, from 0 to 1 (its rarest word's IDF over
    that of a word no passage says): a name many passages say ("OAS") is a report's topic,
    which a passage may leave unsaid; a rare one ("Honduras") is what the question is about."""
    top = lexical.idf("\0")

    def weight(name: str) -> float:
        # (a demonym the index lacks is as rare as its country's shortest known name: "Vietnamese", "Vietnam")
        for form in [name, *sorted(demonyms().get(name, ()), key=len)]:
            known = [lexical.idf(t) for t in tokenize(form) if lexical.knows(t)]
            if known:
                return max(known)
        return 0.0

    weights = [weight(n) for n in names]
    return max(weights, default=0.0) / top if top > 0 else 0.0


def named_after(country: str, text: str) -> bool:
    """ "the Australia Group", "the Colombo Security Conclave": the country begins another name."""
    return bool(re.search(rf"\b{re.escape(country)}\s+(?-i:[A-Z])", text, re.I))


# A run of capitalised words: a name and, last, the kind of thing it names ("Hela Province").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")


def other_namesakes(q: QuestionProfile, valued: Sequence[Scored], lexical: LexicalIndex) -> list[str]:
    """The names the question gives with their kind ("Hela Province", "the Manila City Jail")
    that no unit holding the value says, when each of those units names another of that kind
    instead ("37 deaths in Southern Highlands Province"): the value is the other one's."""
    if not valued:
        return []
    out = []
    for run in _NAME_RUN.findall(q.text):
        *own, head = run.split()
        name = fold(own[0])
        # (the kind is a common noun, "Province", not a name's second word: "Central American")
        if name not in q.entities or name in q.qualifiers or name in out or names_country(fold(head)):
            continue
        kind = re.compile(rf"\b((?:[A-Z][\w'’-]*\s+)+){re.escape(head)}\b")
        # ("the monthly siren and Emergency Alert System test": the "Outdoor Warning Siren System"
        # is the other thing the question names, joined to the asked one by "and" or "or", not
        # another namesake; "southern districts" elsewhere in the question names no other thing)
        before = re.search(rf"((?:[\w'’-]+\s+){{1,3}})(?:and|or|&)\s+(?:the\s+)?{re.escape(run)}", q.text)
        after = re.search(rf"{re.escape(run)}(?:\s+\w+)?\s+(?:and|or|&)\s+(?:the\s+)?((?:[\w'’-]+\s*){{1,3}})", q.text)
        own_stems = set(tokenize(" ".join(own)))
        elsewhere = set(tokenize(" ".join(m.group(1) for m in (before, after) if m))) - own_stems

        def another(text: str) -> bool:
            # (said in any form, "the United Nations General Assembly" for "the UN General Assembly", is
            # said; so is "the Authority" alone, which refers to the one asked)
            if re.search(rf"\b[Tt]he\s+{re.escape(head)}\b", text):
                return False
            return bool(unsaid_names(q, text, lexical, [name])) and any(
                (own_words := set(tokenize(m.group(1))) - own_stems) and not own_words & elsewhere
                for m in kind.finditer(text)
            )

        if all(another(v.unit.text) for v in valued):
            out.append(name)
    return out


def other_countries(q: QuestionProfile, valued: Sequence[Scored], hits: Sequence[Hit]) -> list[str]:
    """The countries the question names that no unit holding the value says, when each of
    those units names another country instead."""
    asked = [e for e in q.entities if e not in q.qualifiers and is_country(e) and not named_after(e, q.text)]
    # (a question naming something of its own is not about a country only its context says: "...,
    # and how many did Saudi Nazaha arrest?" asked beside a part on Ukraine)
    if any(not carried_only(e, q) for e in q.entities):
        asked = [e for e in asked if not carried_only(e, q)]
    if not asked or not valued or KINDS.get(q.expects, KINDS["thing"]).labels & {"GPE"}:
        return []

    named = [countries_in(v.unit.text) for v in valued]
    # (a page on Martinique, by its title or lead, compares it with France, the country it is part
    # of: no other country; a page on France's own figures is no answer for Martinique)
    part_of: set[str] = set()
    if territories := [a for a in asked if sovereigns_of(a)]:
        own = {hits[v.unit.hit_index].chunk.chunk_id: hits[v.unit.hit_index] for v in valued}.values()
        pages = fold(
            " ".join(f"{heading_of(h.chunk)} {(h.opening or h.chunk).text[:OPENING_CHARS]} {h.chunk.text}" for h in own)
        )
        part_of = {s for a in territories if fold(a) in pages for s in sovereigns_of(a)}
    if not all(found - set(asked) - part_of for found in named):
        return []
    return [c for c in asked if not any(c in fold(v.unit.text) for v in valued)]


# A news page's dateline: "SANTIAGO, Chile –", "Colombo, August 6:", "VIENNA (Reuters) -".
DATELINE = re.compile(r"\s*[A-Z][\w.'’ -]{1,30}(?:,\s*[^–—:;.]{1,30}|\s\([^)]{1,30}\))\s*[–—:-]\s")


# A report's own voice: "we", "our", "us" (not "US", the country).
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")


def names_body_before(s: Scored, ranked: Sequence[Scored]) -> bool:
    """Does the unit's paragraph name an organisation, in it or before it (who "we" are there)?"""
    return any(
        r.unit.hit_index == s.unit.hit_index
        and r.unit.line == s.unit.line
        and r.unit.start <= s.unit.start
        and any(label == "ORG" for label, _ in r.unit.named)
        for r in ranked
    )


def earlier(s: Scored, c: Scored, hits: Sequence[Hit]) -> bool:
    """Does `s` come before `c` in its chunk, or is it the dateline opening the same report
    ("SANTIAGO, Chile –" says where all the page's later figures were given)?"""
    if s.unit.hit_index == c.unit.hit_index:
        return s.unit.end <= c.unit.start
    a, b = hits[s.unit.hit_index].chunk, hits[c.unit.hit_index].chunk
    return (
        a.doc_id == b.doc_id and a.char_start == 0 and s.unit.line <= LEAD_LINES and bool(DATELINE.match(s.unit.text))
    )


def names_holder(q: QuestionProfile, s: Scored) -> bool:
    """Does the unit name a person: not a role the tagger took for one ("Co-Chairs"), nor the
    question's own subject?"""
    return any(
        label == "PERSON" and not said_tokens(span) & ROLE_STEMS and new_spans("person", [(label, span)], q.asked)
        for label, span in s.unit.named
    )


def role_only_in_headings(q: QuestionProfile, passage: Sequence[Scored], hits: Sequence[Hit], doc: str) -> list[str]:
    """The role a "who chaired / presided / headed …" question asks about, when no sentence of the
    passage says it in any form: a heading or title naming only the role ("Co-Chairs' Statement")
    does not, one naming a person too ("Statement by Ambassador X, Chair of …") does."""
    if q.expects not in {"person", "agent", "who", "government", "organisation"}:
        return []
    roles = [p for p in q.predicates if p in ROLE_STEMS]
    if q.expects in {"government", "organisation"}:  # "which two countries co-chair X?" (read as a noun)
        roles = list(dict.fromkeys(roles + [t for t in q.terms if t in ROLE_STEMS]))
    # ("which company partnered on the project that led to X?": the project led, no one asked)
    roles = [r for r in roles if r not in said_of_another(q.text, q.asked_nouns)]
    # (in the answer's first report: another report's "chaired by Admiral Lund" is its own meeting's)
    passage = [s for s in passage if hits[s.unit.hit_index].chunk.doc_id == doc]
    chunks = [hits[s.unit.hit_index].chunk for s in passage]
    body = set().union(
        *(
            unit_words(s.unit)
            for s, c in zip(passage, chunks)
            if not is_heading(s.unit, c.section, c.title) or names_holder(q, s)
        )
    )
    unsaid = headed_by_title(unsaid_stems(roles, with_paraphrases(q, body)), passage)
    return unsaid if roles and len(unsaid) == len(roles) else []


def role_unsaid_by_holder(q: QuestionProfile, said: set[str] | None, holders: Sequence[Scored] = ()) -> list[str]:
    """ "Who is NACTA's national coordinator?": the role, when the units naming a person
    (`holders`; what they say: `said`, None when there are none) never say it ("Prime Minister
    Imran Khan chaired the meeting" names someone else in another role). "Who was head of X?" is
    answered by whoever holds X's top title ("X chief Chartchai Suthiklom")."""
    if q.expects not in {"person", "agent", "who"} or not _WHO_BE.match(q.text) or said is None:
        return []
    roles = [t for t in q.terms if t in ROLE_STEMS]
    unsaid = headed_by_title(unsaid_stems(roles, said), holders, bool(_OFFICIAL.search(q.text)))
    return unsaid if roles and len(unsaid) == len(roles) else []


# A passage saying the names asked for were kept back ("who were not named", "undisclosed").
WITHHELD = re.compile(
    r"\b(?:not|never)\s+(?:been\s+|yet\s+been\s+)?(?:named|identified|disclosed|revealed|specified|made public)\b"
    r"|\b(?:undisclosed|unnamed|unidentified|withheld)\b"
    r"|\b(?:did|does|do|would)\s+not\s+(?:name|identify|disclose|reveal|specify)\b"
    r"|\b(?:declined|refused)\s+to\s+(?:name|identify|disclose|reveal)\b"
    r"|\bsin\s+identificar\b|\bno\s+(?:fue|fueron|han\s+sido|ha\s+sido)\s+(?:identificad|revelad|nombrad)\w*",
    re.I,
)
# The kinds of answer that are names.
NAMED_KINDS = frozenset({"person", "agent", "who", "government", "organisation", "country", "city", "place", "name"})


def opposite_extreme(q: QuestionProfile, units: Sequence[Scored]) -> str:
    """The extreme the answer speaks of when it is the opposite of the one asked ("highest" for
    "lowest"): the answer's sentences say only the other direction. "" otherwise."""
    if not q.extreme or not units:
        return ""
    # (a passage listing the figures of several members lets the reader find either end)
    if any(FIGURES_LISTED.search(s.unit.text) for s in units):
        return ""
    return reversed_extreme(q, " ".join(s.unit.text for s in units))


def reversed_extreme(q: QuestionProfile, text: str) -> str:
    """ "highest" when the text speaks only of the highest and the question asks for the lowest
    (and the other way round); "" otherwise."""
    # ("where did most of the migrants come from?" asks for the majority, not an extreme)
    asked = " ".join(e for e in q.extreme if not re.search(rf"\b{e}\s+of\b", q.text, re.I))
    for wanted, other, name in ((LOW_WORDS, HIGH_WORDS, "highest"), (HIGH_WORDS, LOW_WORDS, "lowest")):
        if wanted.search(asked) and not other.search(asked) and other.search(text) and not wanted.search(text):
            return name
    return ""


_PAIR = re.compile(r"\b(?=([a-z]{3,})\s+([a-z]{3,})\b)")


def sibling_names(q: QuestionProfile, valued: Sequence[Scored], hits: Sequence[Hit]) -> list[str]:
    """ "how many murders did the western division record?": a value whose every sentence names
    the thing by another of its kind ("39 occurring in the Eastern Division") and never as asked is
    the other one's. The phrases asked (modifier and head, as typed) so contradicted."""
    if not valued or q.expects != "count":
        return []
    asked = set(re.findall(r"[a-z]+", q.text.lower()))
    spoken = " ".join(h.chunk.text for h in hits)
    out = []
    for m in _PAIR.finditer(q.text.lower()):
        modifier, head = m.groups()
        if modifier in STOPWORDS or head in STOPWORDS or f"{modifier} {head}" in out:
            continue
        # (the asked one is a name the reports write so: "Western Division", not "chem weapons")
        if f"{modifier.capitalize()} {head.capitalize()}" not in spoken:
            continue
        sibling = re.compile(rf"\b([A-Z][a-z]+)\s+{head.capitalize()}\b")

        def other(text: str) -> bool:
            said = set(re.findall(r"[a-z]+", text.lower()))
            names = {w.lower() for w in sibling.findall(text)}
            return bool(names) and modifier not in said and not names & asked

        if all(other(s.unit.text) for s in valued):
            out.append(f"{modifier} {head}")
    return out


def country_named_elsewhere(
    q: QuestionProfile, names: Sequence[str], units: Sequence[Scored], hits: Sequence[Hit]
) -> bool:
    """Does a retrieved report other than the answer's name a country the question names?"""
    asked = {n for n in names if names_country(n)} | countries_in(q.text)
    answering = hits[units[0].unit.hit_index].chunk.doc_id if units else ""
    return bool(asked) and any(asked & countries_in(h.chunk.text) for h in hits if h.chunk.doc_id != answering)


def topic_unsaid(q: QuestionProfile, units: Sequence[Scored], hits: Sequence[Hit], lexical: LexicalIndex) -> list[str]:
    """ "..., and how much cocaine did they seize?": a question naming nothing of its own asks about
    what the earlier turn (or part) named; a report that never names any of it in any form ("US":
    "the United States"), in its retrieved text or its metadata, answers another's question. The
    names, when so."""
    carried = [e for e in q.entities if carried_only(e, q)]
    if not carried or len(carried) < len(q.entities) or q.own_names or not units:
        return []
    docs = {hits[s.unit.hit_index].chunk.doc_id for s in units}
    said = " ".join(f"{heading_of(h.chunk)} {h.chunk.text}" for h in hits if h.chunk.doc_id in docs)
    unsaid = unsaid_names(q, said, lexical, carried)
    return carried if len(unsaid) == len(carried) else []


def carried_only(name: str, q: QuestionProfile) -> bool:
    """Did only an earlier turn of the chat say the name (the follow-up says "those borders")?"""
    stems = set(tokenize(name))
    return bool(stems) and stems <= set(q.context_terms) and not stems & set(q.terms)


def one_report(
    valued: list[Scored],
    q: QuestionProfile,
    about: Sequence[Chunk],
    ranked: Sequence[Scored],
    hits: Sequence[Hit],
    lexical: LexicalIndex,
) -> list[Scored]:
    """One value asked, values cited from two reports, the first of which says every name the
    question does: the answer stands on that report ("the 33rd Plenary met in Paris this week"
    does not become the 2019 plenary because another report's sentence naming Sydney says 2019).
    "Where were the NSG plenary and the Australia Group plenary held?" needs both."""
    if not valued or q.wants_list or q.sides or q.compares or q.also_expects:
        return valued
    first = hits[valued[0].unit.hit_index].chunk.doc_id
    own = [v for v in valued if hits[v.unit.hit_index].chunk.doc_id == first]
    there = said_in({first}, about, ranked, hits)
    return own if len(own) < len(valued) and not unsaid_names(q, there, lexical, q.own_names) else valued


def said_in(docs: set[str], chunks: Sequence[Chunk], units: Sequence[Scored], hits: Sequence[Hit]) -> str:
    """What the reports `docs` say of the answer: their chunks' headings and their units' text."""
    return " ".join(
        [heading_of(c) for c in chunks if c.doc_id in docs]
        + [s.unit.text for s in units if hits[s.unit.hit_index].chunk.doc_id in docs]
    )


def names_beside_value(
    q: QuestionProfile,
    units: Sequence[Scored],
    valued: Sequence[Scored],
    passage: Sequence[Scored],
    before: Sequence[Scored],
    hits: Sequence[Hit],
    lexical: LexicalIndex,
) -> list[str]:
    """The asking sentence's names that only another report than the value's says, when the
    answer cites both (a comparison or a question naming two reports takes each from its own)."""
    docs = {hits[v.unit.hit_index].chunk.doc_id for v in valued}
    if not docs or q.sides or q.compares:
        return []
    if all(hits[s.unit.hit_index].chunk.doc_id in docs for s in units):
        return []
    chunks = [hits[i].chunk for i in dict.fromkeys(s.unit.hit_index for s in units)]
    there = said_in(docs, chunks, [*passage, *before], hits)
    own = [n for n in q.own_names if n in q.entities]
    return [n for n in unsaid_names(q, there, lexical, own) if any(lexical.knows(t) for t in tokenize(n))]


# "mostly in Regions Two, Six and Nine", "teams from Jakarta, Central Java, and West Java": a run of
# at least three short members joined by commas and a last "and"/"or" (Spanish "y"/"o").
_ENUMERATION = re.compile(
    r"(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*,\s*){2,}(?:and\s+|or\s+|y\s+|o\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    r"|(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*,\s*)+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*,?\s+(?:and|or|y|o)\s+"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
)


def totals_of_lists(q: QuestionProfile, valued: Sequence[Scored]) -> list[str]:
    """The one name a count question asks about ("how many farmers in Region Nine?") that each
    figure's sentence says only as a member of a list of three or more ("20,338 farmers ... mostly
    in Regions Two, Six and Nine"): the figure is the list's total, not that member's. A question
    naming two members of the list asks for the total itself."""
    if q.expects != "count" or not valued or q.sides or q.compares:
        return []
    single = [n for n in q.own_names if n in q.entities]
    whole = [m for m in q.names if set(m.split()) <= set(single)]  # "Central Java", not central and java
    names = whole + [n for n in single if not any(n in m.split() for m in whole)]
    # (a name of several words by its last where the list shares the rest: "Region Nine" in "Regions Two,
    # Six and Nine")
    forms = {n: [_name_pattern(f) for f in ([n, n.split()[-1]] if " " in n else [n])] for n in names}

    def listed_only(name: str, text: str) -> bool:
        said = next((f for f in forms[name] if f.search(text)), None)
        if said is None:
            return False
        inside = [m.group(0) for m in _ENUMERATION.finditer(text) if said.search(m.group(0))]
        if not inside or len(said.findall(text)) > sum(len(said.findall(x)) for x in inside):
            return False
        return not any(f.search(x) for x in inside for other in names if other != name for f in forms[other])

    def listed_in_question(name: str) -> bool:  # "in mex, guat and belize": the total is asked
        typed = _name_body(name)
        return bool(re.search(rf"(?:,|&|\band|\bor|\by)\s+{typed}\b|\b{typed}\s*(?:,|&|\band\b|\bor\b)", q.text, re.I))

    return [n for n in names if not listed_in_question(n) and all(listed_only(n, v.unit.text) for v in valued)]


def _name_body(name: str) -> str:
    """A folded name's words as a pattern, any spacing between them."""
    return r"\s+".join(map(re.escape, name.split()))


def _name_pattern(name: str) -> re.Pattern[str]:
    """A folded name as a text may write it, in any case and spacing."""
    return re.compile(rf"\b{_name_body(name)}\b", re.I)


def names_beside_figure(
    q: QuestionProfile,
    units: Sequence[Scored],
    valued: Sequence[Scored],
    passage: Sequence[Scored],
    before: Sequence[Scored],
    hits: Sequence[Hit],
    lexical: LexicalIndex,
) -> list[str]:
    """The asking sentence's names that the figure's own passage (its chunk's heading and the
    sentences cited or read before it there) never says, when the answer also cites another
    passage: "How many participants attended the Iquique workshop?" is not answered by 45 teams
    at a cyber exercise on another page because a second cited sentence is about Iquique."""
    # (and of a person holding a role: "the director of the UAF" is not the contact point another
    # passage names because a second cited passage is about the UAF)
    if q.expects not in {"count", "person"} or not valued or q.sides or q.compares:
        return []
    own = {v.unit.hit_index for v in valued}
    if all(s.unit.hit_index in own for s in units):
        return []
    there = " ".join(
        [heading_of(hits[i].chunk) for i in own] + [s.unit.text for s in [*passage, *before] if s.unit.hit_index in own]
    )
    names = [n for n in q.own_names if n in q.entities]
    return [n for n in unsaid_names(q, there, lexical, names) if any(lexical.knows(t) for t in tokenize(n))]


# "died in Rasuwa district", "arrested in the Philippines": the place a counted event happened in
# (a name that ends its phrase or is followed by an administrative unit; "in the Central America
# border project" names a project, "in FY 2023" a year).
_PLACED = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s?)+?)"
    r"(?=\s*(?:$|[?,.;:!]|(?:in|at|on|during|for|of|and|or|from|since|between|last|this|over|under|district|"
    r"province|region|state|county|city|area|department|municipality)\b))"
)


def places_off_figure(
    q: QuestionProfile,
    valued: Sequence[Scored],
    passage: Sequence[Scored],
    hits: Sequence[Hit],
    lead: Mapping[str, str],
    lexical: LexicalIndex,
) -> list[str]:
    """The places a count question puts its event in that neither the figure's own sentence nor
    its report's title or lead says: "How many people died in Rasuwa?" is not answered by the
    nation's "13 deaths" in the sentence after "most of the damage occurred in Rasuwa"."""
    if q.expects != "count" or not valued or q.sides or q.compares:
        return []
    # (and the countries it names: "How many cholera deaths had Kenya reported?" is not answered by
    # the region's toll in a sentence on ten countries, on a page that names Kenya further on)
    placed = {w for m in _PLACED.finditer(q.text) for w in tokenize(m.group(1))}
    names = [n for n in q.own_names if n in q.entities and (set(tokenize(n)) & placed or names_country(n))]
    if not names:
        return []
    chunks = [hits[v.unit.hit_index].chunk for v in valued]
    there = " ".join([*(heading_of(c) for c in chunks), *(lead.get(c.doc_id, "") for c in chunks)])
    there += " " + " ".join(reading(v.unit) for v in valued)
    # (a figure naming no place of its own goes on from the figures of the sentence before it in
    # its paragraph: "According to the health authority of Taiwan, ... 42 757 local cases ... As of
    # December 22, 209 deaths have been recorded." A sentence saying only where most damage was,
    # or a place said after the figure, does not make the nation's toll that place's.)
    there += " " + " ".join(
        reading(p.unit)
        for v in valued
        if not places_named(v) and (p := preceding(v, passage)) and holds_wanted(q, p.unit)
    )
    return [n for n in unsaid_names(q, there, lexical, names) if any(lexical.knows(t) for t in tokenize(n))]


def places_named(s: Scored) -> bool:
    """Does the unit name a place (a country, city or region) of its own?"""
    return any(label in KINDS["place"].labels for label, _ in s.unit.named)


def preceding(s: Scored, passage: Sequence[Scored]) -> Scored | None:
    """The sentence just before the unit in its own paragraph, if the passage holds it."""
    before = [
        p
        for p in passage
        if p.unit.hit_index == s.unit.hit_index and p.unit.line == s.unit.line and p.unit.start < s.unit.start
    ]
    return max(before, key=lambda p: p.unit.start, default=None)


def list_size(q: QuestionProfile, units: Sequence[Scored]) -> int:
    """ "Which member states took part?" answered by "... 98 participants and 14 member states: a
    workshop in Kingston, Jamaica": the passage's own count says how many the list must name
    (0 when it gives none). "Which countries" is counted as "14 member states": a party is
    counted under any of its names."""
    if not q.wants_list or not q.asked_nouns:
        return 0
    plural_parties = q.expects == "government" and PLURAL_PARTIES.search(q.text)
    nouns = PARTY_STEMS if plural_parties else frozenset({q.asked_nouns[-1]})
    return max((count_given(s.unit.text, set(nouns)) for s in units), default=0)


def list_parts(text: str) -> int:
    """How many parts a sentence falls into at commas, semicolons, colons and "and"/"or": at
    most how many things it lists. A bracketed aside lists nothing ("(declared in September and
    October 2021)")."""
    text = re.sub(r"\([^()]*\)", " ", text)
    return len([p for p in re.split(r"[,;:]|\band\b|\bor\b", text) if p.strip(" .")])


def caption_of(unit: Unit, hits: Sequence[Hit]) -> list[int]:
    """The lines of its chunk a table row stands under (header, caption); [] for other units."""
    if not row_keys(unit.text):  # (before splitting its chunk's lines)
        return []
    found = row_caption(unit, hits[unit.hit_index].chunk.text.split("\n"))
    return found[1] if found else []


def evidence_features(
    q: QuestionProfile,
    chosen: Sequence[Scored],
    ranked: Sequence[Scored],
    hits: Sequence[Hit],
    lexical: LexicalIndex,
    missing_names: Sequence[str],
    missing_years: Sequence[str],
    missing_serials: Sequence[str],
) -> Evidence:
    """The features of answering `q` with `chosen` (the units the engine would cite)."""
    units = [s for s in chosen if not is_heading(s.unit, "")] or list(chosen) or list(ranked[:1])
    # The passage the answer stands in: the chosen units and the sentences beside them in
    # their paragraph (the engine widens to a neighbour that holds the value asked for, so
    # the topic may be said one sentence earlier).
    # (and a table row's caption: "Flood deaths in the Northern Province were as under:")
    captioned = {(c.unit.hit_index, j) for c in units for j in caption_of(c.unit, hits)}
    passage = [
        s
        for s in ranked
        if any(s.unit.hit_index == c.unit.hit_index and abs(s.unit.line - c.unit.line) <= 1 for c in units)
        or (s.unit.hit_index, s.unit.line) in captioned
    ] or units
    # The kind of value asked for, held by a unit nearly as relevant as the best one (or, for
    # kinds a neighbour may supply, beside it): 1 - that unit's score relative to the best.
    typed = q.expects not in UNTYPED and KINDS.get(q.expects) is not None
    top = ranked[0] if ranked else None
    counted = known_counted(q, lexical, [s.unit.text for s in ranked[:KIND_SEARCH_DEPTH]])
    holders = [
        s
        for s in (*units, *ranked[:KIND_SEARCH_DEPTH])
        if holds_wanted(q, s.unit)
        and (not counted or counts(reading(s.unit), counted, q.given))
        and (s.score > 0 or (q.expects in BESIDE_KINDS and top is not None and continues(s, top, q)))
    ]
    best_score = max(top.score, 1e-6) if top else 1e-6
    best_coverage = max(top.coverage, 1e-6) if top else 1e-6

    def relevant(s: Scored) -> float:
        """Its score relative to the best; a unit giving a number of the very thing counted
        ("representatives of 40 countries met ...") is fully relevant when it covers
        COUNT_COVERAGE_SHARE of the question's words the best one covers, however its long
        sentence scores on meaning."""
        by_score = min(1.0, max(s.score, 0.0) / best_score)
        return max(by_score, min(1.0, s.coverage / best_coverage / COUNT_COVERAGE_SHARE)) if counted else by_score

    relevance = max((relevant(s) for s in holders), default=0.0)
    # "When was the assessment released?": the date atop the page the best passage is on dates it
    published = asks_published(q) and top is not None
    dated_page = [
        s
        for s in chosen
        if published
        and page_date(s, hits)
        and hits[s.unit.hit_index].chunk.doc_id == hits[top.unit.hit_index].chunk.doc_id
    ]
    if dated_page:
        relevance = 1.0
    # (a count of the very thing asked, beside the best sentence and going on about it, too)
    if (q.expects in BESIDE_KINDS or counted) and top is not None and any(continues(s, top, q) for s in holders):
        relevance = 1.0
    # (or, of a kind beside it, the chosen opening of the next paragraph, pointing back at it: a
    # news page's "During the meeting, General Vilay ... stated" after "... revealed in a meeting")
    if (
        q.expects in BESIDE_KINDS
        and top is not None
        and any(
            s in units
            and s.unit.hit_index == top.unit.hit_index
            and s.unit.line == top.unit.line + 1
            and goes_on(s, top)
            for s in holders
        )
    ):
        relevance = 1.0
    # (or a chosen sentence after it, going on about what it says: "Most of these, or 76%, ...")
    if top is not None and any(
        s in units and s.unit.start > top.unit.start and same_paragraph(s, top) and refers_back(s) for s in holders
    ):
        relevance = 1.0
    # "Who is the director of X?": a person the best passage's report names by the title asked
    # ("Alexandra Bilak, IDMC director, said") holds the role, however the sentence scores
    if top is not None and any(holds_title_asked(q, s, hits[top.unit.hit_index].chunk.doc_id, hits) for s in holders):
        relevance = 1.0
    # The answer itself, the units it cites, must hold the kind asked for (for "how many X",
    # a number of X): a person found in another sentence does not make "Introduction. This
    # report ..." answer "who heads it?".
    # "How many suspects ...?" where no indexed report ever says "suspects" (nor a thesaurus
    # word for it): no passage can give that number, whatever other numbers it gives.
    never_said = q.expects == "count" and bool(q.counted) and not counted
    # "How much ransom was paid?" where no report ever says "ransom": no figure is one of it.
    never_said = never_said or (
        q.expects == "count"
        and bool(q.measured)  # one stem
        and not any(lexical.knows(t) for t in q.measured)
        and not phrased_in_reports(set(q.measured), q, lexical)
    )
    if never_said:
        relevance = 0.0
    answer_has_kind = bool(dated_page) or (
        not never_said
        and any(holds_wanted(q, s.unit) and (not counted or counts(reading(s.unit), counted, q.given)) for s in units)
    )
    names = [e for e in q.entities if e not in q.qualifiers] + list(q.owners)
    unsaid = unsaid_nouns(q, passage, hits)
    # "How many of the casualties were children?": the figure's own sentence says which part it
    # counts; the whole's figure beside the word "children" elsewhere does not answer.
    # ("How many ransomware incidents ...?" is not answered by the figure of all incidents.)
    # (what the units holding the value asked for say, or with none, what the answer's units say)
    figures = [s for s in units if holds_wanted(q, s.unit)]
    told = with_paraphrases(
        q, set().union(*(unit_words(s.unit) for s in figures or units)), [reading(s.unit) for s in figures or units]
    )
    # what the figures' reports and sections are headed (read by the count checks below)
    counting = q.expects == "count"
    # (a value or a share asked is of the thing named: its figure's title may say it, read below)
    valued_asked = q.expects == "money" and bool(set(q.terms) & VALUE_STEMS)
    titles_read = counting or (bool(q.measured) and (q.expects in RATE_KINDS or valued_asked))
    titled = {t for f in figures if titles_read for t in tokenize(heading_of(hits[f.unit.hit_index].chunk))}
    headed = titled if counting else set()
    # ("What proportion of the people arrested were women?": a share of the part, the same way)
    if (q.subset or q.counted_modifiers) and (counting or q.expects == "percent"):
        # (what a page's heading says its figures are about they count: "Drug-related arrests
        # drop in Oman" over "The number of offenders arrested in 2017 stood at 3,297")
        unsaid = unsaid or unsaid_stems([*q.subset, *unsaid_stems(list(q.counted_modifiers), headed)], told)
    # "How many people died in fires?" is not answered by the deaths at sea; "how many STRs were
    # passed on to law enforcement" not by the STRs received. What the counted event was in is
    # said somewhere in the figure's passage or its heading.
    if q.circumstances and counting and figures:
        # (a line of its own giving another label's figure is another datum, not the figure's
        # setting: "Immigration detention capacity: 583" beside "Persons expelled: 4,245")
        counting_figures = [s for s in figures if counts(reading(s.unit), counted, q.given)] if counted else figures
        setting = _said(q, [s for s in passage if s in counting_figures or not labelled_figure(s.unit.text)], hits)
        setting |= headed
        # (a phrase is said when one of its nouns is: "cybersecurity topics" by "cybersecurity")
        unsaid = unsaid or next((list(g) for g in q.circumstances if len(unsaid_stems(list(g), setting)) == len(g)), [])
    # "What weight of heroin was seized?": the figure's own sentence weighs heroin; "650 kg of
    # cocaine" beside a sentence listing heroin among the drugs is another drug's weight.
    # ("Luxembourg's clearance rate?": "crime rose by 1.5%" is a share of something else; "the
    # value of the marijuana seized": "meth ... with a street value of $698,000" is the meth's)
    # (a figure per head is a rate of what it counts: "45 offences per 1,000 inhabitants" is the
    # crime rate; a share must say what it is a share of)
    shared = q.expects in RATE_KINDS and not any(PER_HEAD.search(reading(s.unit)) for s in figures)
    if q.measured and (counting or shared or valued_asked) and figures:
        # (a value or share is of what the page's title says it is of: "Police seized controlled drugs
        # worth Dh1.02b" over "seized more than two billion controlled pills worth Dh1.02 billion")
        unsaid = unsaid or unsaid_stems(list(q.measured), told if counting else told | titled)
    # "How much did the drone programme cost?", "AUSTRAC's budget / expenditure?": an amount said
    # of neither ("$126 million in undeclared currency seized") is another amount.
    measures = list(dict.fromkeys(t for m in MONEY_MEASURES.findall(q.text) for t in tokenize(m)))
    if q.expects == "money" and figures and measures and len(unsaid_stems(measures, told)) == len(measures):
        unsaid = unsaid or measures[:1]
    # "What did the study find?" answered by "... the study, which is expected to be completed in
    # April 2017": the result asked for does not exist yet.
    not_yet = (
        asks_result(q)
        and any(looks_ahead(s.unit.text) for s in units)
        and not any(said_tokens(s.unit.text) & RESULT_STEMS for s in units)
    )
    if not_yet:
        unsaid = unsaid or [t for t in q.terms if t in RESULT_STEMS][:1]
    # What the answer's passage says (with its reports' titles and sections): a question about
    # Honduras is not answered by a sentence on the Dominican Republic, though another passage
    # of the reports names Honduras.
    about = [hits[i].chunk for i in dict.fromkeys(s.unit.hit_index for s in units)]
    # and what its passage's chunk said before it: the operation a page introduces in its second
    # paragraph is what its fourth paragraph's figures are about.
    before = [s for s in ranked if s not in passage and any(earlier(s, c, hits) for c in units)]
    # "When was the MRA with China signed?": a list item beside the value's own item ("An MRA with
    # China has been negotiated") is about another agreement; its names do not count.
    valued = one_report([s for s in units if typed and holds_wanted(q, s.unit)], q, about, ranked, hits, lexical)

    def sibling(s: Scored) -> bool:
        return any(
            s.unit.is_item
            and v.unit.is_item
            and s.unit.hit_index == v.unit.hit_index
            and s.unit.list_id == v.unit.list_id
            and s.unit.line != v.unit.line
            for v in valued
        )

    lead = leads(hits, unretrieved=True)
    # The answer stands on its first report: a name of the question that only another report's
    # passage cited beside it says ("Was China among the 26 countries at the Washington
    # meeting?", China named on another page) is not said of what the answer is about. A
    # question naming two reports, or comparing, takes each side from its own.
    own_doc = hits[units[0].unit.hit_index].chunk.doc_id if units else ""
    one = not (q.cross_doc or q.compares or q.sides or q.also_expects)

    def ours(doc: str) -> bool:
        return not one or doc == own_doc

    near = " ".join(
        [heading_of(c) for c in about if ours(c.doc_id)]
        + [lead.get(doc, "") for doc in dict.fromkeys(c.doc_id for c in about) if ours(doc)]
        + [
            reading(s.unit)
            for s in [*passage, *before]
            if (s in valued or not sibling(s)) and ours(hits[s.unit.hit_index].chunk.doc_id)
        ]
    )
    # "With over 80 years of experience in charge of border control, we have ...": a sentence in the
    # first person speaks for the body the passages before it under the same heading name
    # (unless its own paragraph names a body first: "The Zembla Red Cross monitors ... we held")
    near += " " + " ".join(
        c.text
        for s in valued
        if FIRST_PERSON.search(s.unit.text)
        and ours(hits[s.unit.hit_index].chunk.doc_id)
        and not names_body_before(s, ranked)
        for c in hits[s.unit.hit_index].kin
    )
    # the year asked about: the value's own paragraph must belong to it ("held in Ostrava in
    # January 2031" does not answer for 2030 because a sentence added beside it names 2030)
    # (of a count, the paragraphs of the sentences counting the thing asked: "This year, 184,000
    # packs were intercepted" is of this year, though the sentence before dates balloons to 2023)
    counters = [s for s in valued if counts(reading(s.unit), counted, q.given)] if counted else []
    dated = [s for s in passage if any(same_paragraph(s, v) for v in counters or valued)] if valued else passage
    missing_years = [*missing_years, *(y for y in years_contradicted(q, dated, hits) if y not in missing_years)]
    # "the 2019 meetings ... held in which city?" is not answered by "In 2020 we were part of SOM1 in
    # Putrajaya": every sentence giving the value dates it to another year itself
    # (not of a date asked: "when will the 2016 workshops be evaluated?" is answered by 2017)
    page = page_years(hits)
    elsewhen = q.expects not in DATE_KINDS and all(
        dated_otherwise(q, s.unit.text, relative_years(s.unit.text, page.get(hits[s.unit.hit_index].chunk.doc_id)))
        and not _dated_by_sequel(q, s, passage)
        for s in valued
    )
    if q.asked_years and valued and not (q.compares or q.sides) and elsewhen:
        missing_years = [*missing_years, *(y for y in q.asked_years if y not in missing_years)]
    # "How many SARs in FY 2022, for comparison with FY 2023?": a comparison of years needs a
    # figure of each; passages (and their reports' titles) that never say one of them compare nothing.
    if q.compares and len(q.years) >= 2 and passage:
        # (and what each report's title, year and lead say: "frozen up until December 31, 2015")
        spoken = " ".join(
            [
                *(f"{heading_of(c)} {c.year or ''} {lead.get(c.doc_id, '')}" for c in about),
                *(reading(s.unit) for s in [*passage, *before]),
            ]
        )
        # (or a figure's own sentence says it by reference: "down from 18 the year before")
        for s in valued or units:
            spoken += " " + " ".join(relative_years(reading(s.unit), page.get(hits[s.unit.hit_index].chunk.doc_id)))
        missing_years += [y for y in q.years if y not in spoken and y not in missing_years]
    # A count of the year asked is of the whole year and of it alone (a year naming the report,
    # "Australia's 2020 figures", asks about it too).
    if counting and q.years and valued and not (q.compares or q.sides):
        # "How many articles were intercepted over the whole of 2020?": a figure of "between 15
        # October and 24 November 2020" counts part of the year asked.
        part = not q.asked_months and all(within_year(v.unit.text) for v in valued) and not within_year(q.text)
        # "how many convictions in 2019 alone?": a figure counted since another year ("since 2016,
        # 217 convictions") sums more years than the one asked
        summed = not SINCE_YEAR.search(q.text) and all(counted_since(v.unit.text, q.years) for v in valued)
        if part or summed:
            missing_years = [*missing_years, *(y for y in q.years if y not in missing_years)]
    # every value of the answer from another edition ("its 749th Meeting" for the 812th); one
    # sentence added for context that recalls the previous meeting does not make it another's
    if valued and not (q.compares or q.sides) and all(names_other_serial(q, s.unit.text) for s in valued):
        missing_serials = [*missing_serials, *(typed for typed, _ in q.serials if typed not in missing_serials)]
    # ("the first year of this project was financed by ..." for "who funded its second year?")
    elif valued and not (q.compares or q.sides) and _numbered_otherwise(q, valued):
        missing_serials = [*missing_serials, *(typed for typed, _, _ in asked_ordinals(q))]
    # (a name no passage says at all is the names_missing feature's)
    # (a name only an earlier turn said is the topic "those borders" refers to, not the asking words')
    # (a country the index knows only in another form, "Vietnamese" as "Vietnam", too)
    filed = file_authors(c for c in about if ours(c.doc_id))
    unsaid_here = [
        n
        for n in unsaid_names(q, near, lexical, filed=filed)
        if (any(lexical.knows(t) for t in tokenize(n)) or (in_other_form(n) and n not in missing_names))
        and not carried_only(n, q)
    ]
    # "When did Guatemala adopt its strategy?": a value whose own sentence is another country's
    # ("Colombia's policy was adopted in April 2016") is not Guatemala's, though the next sentence
    # of the paragraph names Guatemala.
    unsaid_here += [c for c in other_countries(q, valued, hits) if c not in unsaid_here]
    # ("the Manila City Jail": a rate of "the Dasmarinas City Jail" is another jail's)
    unsaid_here += [n for n in other_namesakes(q, valued or units, lexical) if n not in unsaid_here]
    # An answer taking its value from one report and the question's names from another: "Some
    # 800 participants" from the mine-ban meeting's page, "BWC" from the page cited beside it.
    unsaid_here += [
        n for n in names_beside_value(q, units, valued, passage, before, hits, lexical) if n not in unsaid_here
    ]
    unsaid_here += [
        n for n in names_beside_figure(q, units, valued, passage, before, hits, lexical) if n not in unsaid_here
    ]
    unsaid_here += [n for n in places_off_figure(q, valued, passage, hits, lead, lexical) if n not in unsaid_here]
    unsaid_here += [n for n in topic_unsaid(q, units, hits, lexical) if n not in unsaid_here]
    # (of a count, the sentences counting the thing asked: "89 murders", not "235 major crimes")
    unsaid_here += [n for n in sibling_names(q, counters or valued, hits) if n not in unsaid_here]
    # (a figure for a list the name is one member of is the list's total)
    totals = [n for n in totals_of_lists(q, valued) if n not in unsaid_here]
    unsaid_here += totals
    # A page that names no country at all, in its text or its metadata, is about its own one (an
    # agency's page on "the nation's airports", a ministry's decree): the country the question
    # names is not contradicted there; a page naming another country still contradicts it.
    # ("the Secretary-General's report" answered by a page opening "Report of the Secretary-General":
    # a report's opening names its author, whatever its metadata found)
    # (a country named in an opening is no author: "... in cooperation with Peru ..." in Chile's plan)
    owners = [
        o
        for o in q.owners
        if names_country(o) or not (units and opens_with(o, hits[units[0].unit.hit_index].chunk.doc_id, hits))
    ]
    home = hits[units[0].unit.hit_index].chunk.country if units else None
    # (unless another retrieved report names that country: the question is about that report's;
    # nor when the answer's report names MEMBER_STATES_NAMED countries in its passages: a report
    # of a body's work across member states is no page of one country)
    if (
        (missing_names or owners or unsaid_here)
        and not home
        and not names_a_country(near)
        and len(set().union(*(countries_in(h.chunk.text) for h in hits if h.chunk.doc_id == own_doc)))
        < MEMBER_STATES_NAMED
        and not country_named_elsewhere(q, names, units, hits)
    ):
        # (a country of several words comes as one name per word: "Hong Kong" as hong, kong)
        words = {w for c in countries_in(q.text) for w in c.split()}

        def country(n: str) -> bool:
            return names_country(n) or n in words

        missing_names = [n for n in missing_names if not country(n)]
        owners = [o for o in owners if not country(o)]
        unsaid_here = [n for n in unsaid_here if not country(n)]
    # "which 28 member states ...": an answer naming three of them is not the list asked for.
    stated = stated_count(q.text) if q.wants_list and typed else 0
    if q.wants_list and typed and not stated:
        stated = list_size(q, units)
    members = {span for s in units for _, span in new_spans(q.expects, s.unit.named, q.asked, s.unit.text)}
    if stated:
        members |= {value for s in units for value in pattern_values(q.expects, s.unit.text, q.asked, s.unit.named)}
    # "which 14 AEO programmes ... list them": no recogniser types a programme, but an answer
    # listing 14 of anything has room for them, as list items or as parts of a sentence;
    # "... CICTE cooperates with 14 of them" has three parts, no list of fourteen.
    if q.wants_list and not typed and stated_count(q.text) >= UNTYPED_LIST_MIN:
        stated = stated_count(q.text)
        room = max(sum(s.unit.is_item for s in units), max((list_parts(s.unit.text) for s in units), default=0))
        members = {str(i) for i in range(room)}
    # "Who co-chaired the meetings?": the role said by a sentence of the answer's passage, not only by
    # the page's title ("Co-Chairs' Statement"): "hosted by the unit of Malta" names no chair.
    role_unsaid = role_only_in_headings(
        q, passage, hits, hits[units[0].unit.hit_index].chunk.doc_id if units else ""
    ) or role_unsaid_by_holder(q, told if figures else None, figures)
    # "Only two member states (which were not named in the report) met ...": the passage that answers
    # best says the names asked for were never given
    withheld = bool(units) and (q.expects in NAMED_KINDS or q.wants_list) and bool(WITHHELD.search(units[0].unit.text))
    # "which province had the lowest rates?" is not answered by "Gauteng ... shows higher crime rates"
    reversed_extreme = opposite_extreme(q, units)
    features = {
        "names_missing": (len(missing_names) + len(owners)) / len(names) if names else 0.0,
        "asked_missing": 1.0 if role_unsaid else min(1.0, len(unsaid) / max(1, len(q.asked_nouns))) if unsaid else 0.0,
        "number_missing": float(bool(missing_years or missing_serials)),
        "kind_missing": 1.0 if withheld or reversed_extreme else 1.0 - relevance if typed else 0.0,
        "answer_kind_missing": float(typed and not answer_has_kind),
        # (a list's total is not the member's figure, however common the member's name)
        "names_unsaid": 1.0 if totals else rarest(unsaid_here, lexical),
        "members_short": max(0, stated - len(members)) / stated if stated else 0.0,
        # "Where will the next plenary be held?": a passage on the meeting held does not look ahead.
        # ... and "where was the previous one held?" a passage on the one named, not the one before.
        "ahead_unsaid": float(
            (q.planned and not any(looks_ahead(s.unit.text) for s in units))
            or (q.earlier and not any(looks_back(s.unit.text) for s in units))
        ),
        "context_coverage": max((s.coverage for s in units), default=0.0),
        "meaning": max((s.dense for s in passage), default=0.0),
    }
    kind = KINDS.get(q.expects, KINDS["thing"]).name
    no_kind = (
        f"the indexed reports give no number of {as_typed(q.counted[:1], q.text)} for this"
        if (counted or never_said) and q.counted
        else f"the indexed reports give no {kind} for this"
    )
    reasons = {
        "names_missing": (
            f"the indexed reports do not mention {', '.join(missing_names)}"
            if missing_names
            else f"no indexed report is {' or '.join(o.title() for o in owners)}'s"
            if owners
            else ""
        ),
        "number_missing": f"the indexed reports say nothing about {', '.join(missing_years)} on this"
        if missing_years
        else "the passages closest to it never name " + ", ".join(f"“{n}”" for n in missing_serials)
        if missing_serials
        else "",
        "kind_missing": f"the passages closest to it speak of the {reversed_extreme}"
        if reversed_extreme
        else "the passage closest to it says they were not made known"
        if withheld
        else no_kind,
        "answer_kind_missing": no_kind,
        "members_short": f"the passages closest to it name {len(members)} of the {stated} asked for" if stated else "",
        "names_unsaid": f"the passages closest to it give one figure for {', '.join(totals)} and others together"
        if totals and set(unsaid_here) <= set(totals)
        else f"the passages that come closest do not speak of {', '.join(unsaid_here)}"
        if unsaid_here
        else "",
        "asked_missing": "the passages closest to it speak of it as still to come, not of what came of it"
        if not_yet
        else f"the passages closest to it say nothing of its {as_typed(unsaid or role_unsaid, q.text)}"
        if unsaid or role_unsaid
        else "",
        "ahead_unsaid": "the passages closest to it speak of the occasion named, not of the one before it"
        if q.earlier and not q.planned
        else "the passages closest to it speak of what took place, not of what was planned next",
    }
    return Evidence(features, {k: v for k, v in reasons.items() if v})


def _dated_by_sequel(q: QuestionProfile, valued: Scored, passage: Sequence[Scored]) -> bool:
    """Does the sentence after the value's, going on about it, say a year asked ("In December 2017
    the plan for an MRA with Mexico, Colombia and Peru was concluded. This multilateral MRA was
    signed in July 2018")? What the question dates by that year is the value's subject."""
    after = [s for s in passage if same_paragraph(s, valued) and s.unit.start > valued.unit.start]
    sequel = min(after, key=lambda s: s.unit.start, default=None)
    return (
        sequel is not None
        and _SAME_THING.match(sequel.unit.text) is not None
        and any(y in sequel.unit.text for y in q.asked_years)
    )


# A sentence going on about the thing the one before it named ("This multilateral MRA ..."; not "It
# also signed another MRA ...", which may be of something else).
_SAME_THING = re.compile(r"(?:This|These|That|Those|The same|Such)\b")


def counted_since(text: str, years: Sequence[str]) -> bool:
    """Does the sentence count from another year than those asked ("since 2016") and never say them?"""
    return not any(y in text for y in years) and any(m.group(1) not in years for m in SINCE_YEAR.finditer(text))


def _numbered_otherwise(q: QuestionProfile, valued: Sequence[Scored]) -> bool:
    """Does a sentence holding the answer number the asked thing otherwise, and none as asked?"""
    found = {numbers_asked_thing(q, s.unit.text) for s in valued}
    return "other" in found and "asked" not in found


def opens_with(name: str, doc_id: str, hits: Sequence[Hit]) -> bool:
    """Does the report's opening (its first chunk, when retrieved) say every word of the name?"""
    own = {t for t in tokenize(name) if t not in STOPWORDS}
    return bool(own) and any(
        h.chunk.doc_id == doc_id and h.chunk.char_start == 0 and own <= set(tokenize(h.chunk.text[:OPENING_CHARS]))
        for h in hits
    )


# A year a sentence reaches from or to ("since 2015", "until 2020", "2015-2017"): it may span the one asked.
_SPANNING_YEAR = re.compile(
    r"\b(?:since|from|until|till|through|by|between|before|after|desde|hasta|entre)\s+(?:\w+\s+){0,2}(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d\b",
    re.I,
)


def dated_otherwise(q: QuestionProfile, text: str, relative: Collection[str] = ()) -> bool:
    """Does the sentence date itself to years other than the times asked ("in 2019", not "the 2019
    plan"), to no span that may hold them, and to no year it counts back to (`relative`: "last
    year" on a page of 2024 says 2023)?"""
    asked = {y for y in q.asked_years if time_asked(y, q.text)}
    # (the years it dates itself by, "In 2020 we ...", not those of a name: "the 2030 Agenda")
    years = {y for y in YEAR.findall(text) if re.search(rf"{_DATING}(?:[\w-]+\s+){{0,2}}{y}\b", text, re.I)}
    return (
        bool(asked)
        and bool(years)
        and not (years | set(relative)) & asked
        and not _SPANNING_YEAR.search(text)
        and not COMPARED_YEAR.search(text)
    )


_DATING = r"\b(?:in|during|throughout|as of|en|durante)\s+"

# The kinds of answer that are times: a value in another year than one the question names may answer.
DATE_KINDS = frozenset({"date", "day", "year", "duration"})
