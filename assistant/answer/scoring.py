"""Score the units (sentences, list items, form fields) of retrieved chunks against a question.

A unit's score mixes how much of the question's term weight it and its context hold
(thesaurus phrasings credited for the words they stand for), its meaning (MiniLM cosine),
the kind of value it holds, list membership, and penalties for headings and other years.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.understand.bridge import looks_spanish
from assistant.understand.question import YEAR, Paraphrase, QuestionProfile, counts, measures
from assistant.understand.serials import ordinal_words, spelled_serials
from assistant.understand.wanted import KINDS, PERSON as PERSON_TITLE, UNTYPED, holds_new, new_labels
from assistant.types import Hit
from assistant.answer.relative import relative_years
from assistant.answer.units import (
    Unit,
    is_form_line,
    leads,
    mostly_upper,
    reading,
    row_caption,
    split_chunk,
    split_hits,
)
from ingest.embedding import text_key
from ingest.tables import row_keys
from vectorstore.embeddings import Embedder
from vectorstore.lexical import LexicalIndex, tokenize, words


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    coverage: float  # share of the question's term weight found in the unit and its context
    dense: float
    list_match: float = 0.0  # how well the line introducing the unit's list matches the question
    # the share of the user's own words found (carried-over context aside); -1: not computed
    asked_coverage: float = -1.0
    # the unit's feature values (UNIT_WEIGHTS' names): the score is their weighted sum
    features: tuple[float, ...] = ()

    @property
    def own_coverage(self) -> float:
        return self.coverage if self.asked_coverage < 0 else self.asked_coverage


# A unit counting the asked things only as a part of a figure said before ("nine of those calls").
PART_COUNT_BONUS = 0.15

# A unit earns its full bonus for holding the wanted kind of value only when it holds this share
# of the question's term weight itself.
TYPE_NEEDS_COVERAGE = 0.4

AGENT_KINDS = frozenset({"agent", "who", "person", "organisation", "government"})

# How many sentences either side of a unit on its own line (a paragraph) lend it their words.
SAME_LINE_NEIGHBOURS = 1

# A report phrasing the thesaurus gives for the question's words counts nearly as much as them.
PARAPHRASE_CREDIT = 0.7


# What a unit's score weighs, one weight per feature (the score is the weighted sum):
# - own: the share of the question's term weight the unit holds itself;
# - context: the same with its headings, the report's title and lead, the lines around it and
#   its paragraph's neighbouring sentences;
# - chunk: the same over its whole chunk;
# - meaning: the MiniLM cosine of unit (with its section path when short) and question;
# - typed: it holds the kind of value asked for (scaled by how rare that kind is among the
#   candidates and by how much of the question the unit holds itself);
# - list_item / list_intro: for a list question, an item, and the meaning of its list's label;
# - name: it holds a multi-word name exactly as the user typed it ("National Cybersecurity Policy");
# - predicate: it states the question's relation ("chaired", "signed") beside a typed value;
# - agent_by: it names the doer of the question's act in the passive ("provided by the Air Force");
# - heading: a heading or bare caption, which never answers "what ...?" as prose;
# - other_year: it states years, none of them asked;
# - answered_before: a follow-up asking alongside the earlier turn ("... crime?", then "and violent
#   crime specifically?") asks for something else: the unit that answered the earlier turn answers
#   it only when it holds the kind of value now asked for ("when was it held?", then "and where?").
#   (Follow-ups pointing back at that answer, "what's her email?", or narrowing it, "which pacific
#   countries took part?", go on about it: assistant.core passes no earlier answer for them.)
# - rank: the retrieval rank of its chunk, 1 / (1 + rank), to break near ties.
UNIT_WEIGHTS: dict[str, float] = {
    "own": 0.4,
    "context": 0.2,
    "chunk": 0.15,
    "meaning": 0.35,
    "typed": 1.0,
    "list_item": 0.08,
    "list_intro": 0.2,
    "name": 0.1,
    "predicate": 0.1,
    "agent_by": 0.1,
    "heading": -0.25,
    "other_year": -0.15,
    "answered_before": -0.3,
    "rank": 0.03,
}
UNIT_FEATURES = tuple(UNIT_WEIGHTS)


def unit_score(features: Sequence[float], weights: dict[str, float] = UNIT_WEIGHTS) -> float:
    """The weighted sum of a unit's features (in UNIT_FEATURES' order)."""
    return sum(weights[name] * value for name, value in zip(UNIT_FEATURES, features, strict=True))


def embedding_text(unit: Unit, section: str) -> str:
    """Short units ("Email Address: x@y") mean little alone: embed them with their section path."""
    return f"{section}: {unit.text}" if len(unit.text) < 100 and section else unit.text


def unit_texts(chunk) -> list[str]:
    """What the scorer embeds for each unit of a chunk: computed at ingest, looked up when asked."""
    return [embedding_text(u, chunk.section) for u in split_chunk(chunk.text, 0, 0)]


def term_weights(q: QuestionProfile, lexical: LexicalIndex) -> dict[str, float]:
    """IDF weights; carried-over context counts half; words no report contains count little
    (a rare word the reports lack says more about the asker's wording than about the answer)."""

    def weight(t: str) -> float:
        if lexical.knows(t):
            return lexical.idf(t) + 0.1
        if len(t) + 2 >= AGENT_NOUN_MIN and lexical.knows(t + "er"):  # "consumes": the reports' "consumers"
            return lexical.idf(t + "er") + 0.1
        # A word the reports lack but say otherwise ("Honduran" / "Honduras") weighs as their word.
        forms = [
            float(np.mean([lexical.idf(o) for o in option])) + 0.1
            for p in q.paraphrases
            if t in p.words
            for option in p.options
            if all(lexical.knows(o) for o in option)
        ]
        return max(forms) if forms else 0.3

    weights = {t: weight(t) for t in q.terms}
    weights.update({t: 0.5 * weight(t) for t in q.context_terms if t not in weights})
    return weights


def alt_weights(q: QuestionProfile, lexical: LexicalIndex, known: dict[str, float]) -> dict[str, float]:
    """Thesaurus alternatives count when found but add nothing to what must be found."""
    return {t: 0.2 * (lexical.idf(t) + 0.1) for t in q.alt_terms if t not in known and lexical.knows(t)}


def novel_name(text: str, q: QuestionProfile) -> bool:
    """Does the text hold a multi-word proper name the question does not already contain?"""
    asked = set(q.terms) | set(q.entities)
    for run in re.findall(r"(?:[A-Z][\w’'.-]*\s+){1,5}[A-Z][\w’'.-]*", text):
        if not set(tokenize(run)) <= asked:
            return True
    return False


def is_heading(unit: Unit, section: str, title: str = "") -> bool:
    """Headings, form labels and the document's title line name a topic; they never answer a
    question themselves."""
    text = unit.text.strip()
    if section and text.rstrip(":") and section.split(" > ")[-1].startswith(text.rstrip(":")[:40]):
        return True
    if title and len(text) <= len(title) + 2 and " ".join(words(title)).startswith(" ".join(words(text))):
        return True
    # A label ("Topics addressed:"); a longer clause before a colon says something ("IMB
    # Director Pottengal Mukundan said:", "Four working groups function within it:").
    return mostly_upper(text) or (text.endswith(":") and len(text.split()) <= LABEL_WORDS and not unit.is_item)


LABEL_WORDS = 8
# A part of a sentence this short may be one member of a list it gives (see short_parts).
LIST_PART_WORDS = 6


def acronyms(text: str) -> set[str]:
    """Acronyms of capitalised word runs ("Counter-Terrorism Action Plan" -> "ctap", "tap")."""
    found: set[str] = set()
    for run in re.findall(r"(?:[A-Z][\w’']*[\s\-]+(?:(?:of|the|and|for|on|in)\s+){0,2}){1,}[A-Z][\w’']*", text):
        letters = "".join(w[0] for w in re.split(r"[\s\-]+", run) if w and w[0].isupper()).lower()
        found.update(letters[i:] for i in range(len(letters) - 1))
    return found


# The nouns a party to something is counted under ("14 member states", "21 economies").
PARTY_STEMS = frozenset({"country", "stat", "economy", "nation", "government", "jurisdiction"})
# Bodies are counted as such, never as the people who attend.
BODY_STEMS = frozenset({"organization", "agency", "body", "institution", "company", "entity"})
# The words that name any organisation, none more specific than another.
GENERIC_BODY_STEMS = frozenset({"organization", "body", "institution", "entity"})
# "How many youth leaders took part / attended": those who take part are counted as participants.
ATTENDING = frozenset({"attend", "participat"})
ATTENDEE_STEMS = frozenset({"participant", "delegat", "attende"})


def counted_nouns(q: QuestionProfile) -> set[str]:
    """The counted noun of "how many X" and the one-word thesaurus words for it (stems): a
    phrase ("private sector" for "companies") is no head noun a number counts. People counted
    by their taking part ("how many youth leaders took part") are counted as participants."""
    # ("how many of the casualties were children": a figure of children counts them)
    # ("how many of them were women": "35 females" counts them)
    nouns = set(q.counted) | set(q.subset_nouns) | one_word_options(q.paraphrases, {*q.counted, *q.subset_nouns})
    terms = set(q.terms)
    attending = bool(terms & ATTENDING) or {"took", "part"} <= terms or {"tak", "part"} <= terms
    if attending and q.counted and not set(q.counted) & (PARTY_STEMS | BODY_STEMS):
        nouns |= ATTENDEE_STEMS
    if nouns & GENERIC_BODY_STEMS:  # "how many public bodies": "16 public institutions" counts them
        nouns |= GENERIC_BODY_STEMS
    return nouns


def one_word_options(paraphrases: Sequence[Paraphrase], words: set[str]) -> set[str]:
    """The one-word phrasings (stems) that stand in for any of `words`: a phrase ("private
    sector" for "companies") is no head noun a figure counts or weighs."""
    return {o[0] for p in paraphrases if set(p.words) & words for o in p.options if len(o) == 1}


def measured_forms(q: QuestionProfile) -> set[str]:
    """The noun a "how much X" question weighs, and the wordnet's words for it ("meth":
    methamphetamine): a weight is said of the substance by any of its names."""
    own = set(q.measured)
    return own | one_word_options(q.synonyms, own)


def counted_in(q: QuestionProfile, texts: Sequence[str]) -> set[str]:
    """The counted nouns, and, where none of `texts` counts them as the question words them, the
    wordnet's words for them too ("how many kids" by "774 minors"). The question's own word
    comes first: "129 fatal shootings" said, "19 of the 129 men shot" does not count shootings."""
    own = counted_nouns(q)
    # (with any figure, the question's own among them: the reports word the thing its way)
    if not q.synonyms or not own or any(counts(x, own) for x in texts):
        return own
    return own | one_word_options(q.synonyms, own)


def known_counted(q: QuestionProfile, lexical: LexicalIndex, texts: Sequence[str] = ()) -> set[str]:
    """For "how many X", the counted nouns some indexed report says, or that one of `texts`
    counts under another form ("MoUs" as "19 Memorandums of Understanding"); empty for other
    questions."""
    if q.expects != "count":
        return set()
    return {t for t in counted_in(q, texts) if lexical.knows(t) or any(counts(x, {t}) for x in texts)}


def table_captions(units: Sequence[Unit], hits: Sequence[Hit]) -> dict[int, set[str]]:
    """For each table row, the words of its table's header and of the line introducing it ("The
    year-wise rate of conviction ... is as under:"): a row means what its table's caption says,
    however far down it stands."""
    out: dict[int, set[str]] = {}
    lines: dict[int, list[str]] = {}
    captions: dict[tuple[int, int], set[str]] = {}
    for i, u in enumerate(units):
        if not row_keys(u.text):  # (before splitting its chunk's lines)
            continue
        chunk_lines = lines.setdefault(u.hit_index, hits[u.hit_index].chunk.text.split("\n"))
        found = row_caption(u, chunk_lines)
        if found is None:
            continue
        first, caption = found
        key = (u.hit_index, first)
        if key not in captions:
            captions[key] = set(tokenize(" ".join(chunk_lines[j] for j in caption)))
        out[i] = captions[key]
    return out


def enumerated(text: str) -> int:
    """How many capitalised names a sentence lists ("Barbados, Dominica, and Tonga" -> 3)."""
    pieces = re.split(r",\s*(?:and\s+|or\s+)?|;\s*(?:and\s+)?|\s+and\s+|\s+or\s+", text)
    return sum(1 for p in pieces if re.match(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,4}\W*$", p.strip()))


def short_parts(text: str) -> int:
    """How many short parts (up to LIST_PART_WORDS words) a sentence lists at commas, semicolons
    and "and"/"or" (Spanish "y"/"o" too), capitalised or not: "nine pistols, 13 magazines, one
    hand grenade and 20 kg gun powder" -> 4; prose clauses run longer. A bracketed aside lists nothing."""
    text = re.sub(r"\([^()]*\)", " ", text)
    pieces = re.split(r"[,;]\s*(?:(?:and|or|y|e|o)\s+)?|\s+(?:and|or|y|e|o)\s+", text)
    return sum(1 for p in pieces if 0 < len(p.split()) <= LIST_PART_WORDS)


def quoted_before(text: str, quotes: Sequence[str]) -> bool:
    """Is this unit one an earlier answer quoted (whole, or clipped to its start)?"""
    said = " ".join(text.split())
    return any((q := " ".join(quote.split())[:80]) and (q in said or said[:80] in q) for quote in quotes)


def done_by(text: str, predicates: set[str]) -> bool:
    """Does the text say the act with its doer: in the passive ("is being provided by the ..."),
    or as a noun phrase naming whose it is ("with financial support of the Government of Japan")?"""
    return any(
        re.search(rf"\b{re.escape(p)}\w*\s+(?:\w+ly\s+)?by\s+\S", text, re.I)
        or re.search(rf"\b{re.escape(p)}\w*\s+(?:[a-z]+\s+)?(?:of|from)\s+(?:the\s+)?(?-i:[A-Z])", text, re.I)
        for p in predicates
    )


def holds_wanted(q: QuestionProfile, unit: Unit, kind: str | None = None) -> bool:
    """Does the unit hold the kind of value asked for, as something the question does not say?"""
    return holds_new(kind or q.expects, reading(unit), unit.named, q.asked)


def type_bonus(q: QuestionProfile, unit: Unit, counted: set[str], holds: bool) -> float:
    """A unit holding (`holds`) the kind of value asked for (a date, a count of the right thing, a name)."""
    text = reading(unit)
    if q.expects == "name":
        return 0.15 if novel_name(text, q) else 0.0
    if q.expects in {"thing", "list"} or not holds:
        return 0.0
    if counted:  # a number of the things asked about, not of something else
        if counts(text, counted, q.given, parts=False):
            return 0.25
        # ("Nine of those calls ...": a part of a total said before, the answer only when a part is asked)
        return (0.25 if q.subset else PART_COUNT_BONUS) if counts(text, counted, q.given) else 0.05
    if q.measured:  # "how much heroin": a figure of heroin, not of the other drugs listed before it
        return 0.25 if measures(text, measured_forms(q)) else 0.05
    return 0.15


def label_rarity(q: QuestionProfile, units: Sequence[Unit], holds: Sequence[bool]) -> list[float]:
    """How telling each unit's answer is, by how rare its kind of entity is among the candidates.

    "Who chaired the meeting?" in reports full of countries and organisations: the one unit
    naming a person says more than the many naming a country. Per unit, the rarest of the
    wanted labels it holds (as something new); units matched by a pattern only share one rate
    (`holds`: whether each unit holds the kind at all)."""
    if not units:
        return []
    labels = KINDS.get(q.expects, KINDS["thing"]).labels
    held = [new_labels(q.expects, u.named, q.asked, u.text) for u in units]
    if "PERSON" in labels:  # "Mr. Idriss Lallali", missed by the recogniser, is a person all the same
        held = [h | {"PERSON"} if PERSON_TITLE.search(u.text) else h for h, u in zip(held, units)]
    share = {label: sum(label in h for h in held) / len(units) for label in labels}
    overall = 1.0 - sum(holds) / len(units)
    return [max((1.0 - share[label] for label in h), default=overall) for h in held]


# A form record starts at the line naming its person ("Contact Point: Name: X" or "Name: X").
RECORD_START = re.compile(r"\bName:\s*\S")


def form_records(text: str) -> dict[int, range]:
    """For each line of a form record, the lines of its record: from the line naming a person to
    the line before the next one names another. A contact's title line lends its words ("National
    Customs Service") to that contact's name line, not to the next contact's."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if RECORD_START.search(line)]
    out: dict[int, range] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        record = range(start, end)
        for i in record:
            if i == start or is_form_line(lines[i]):
                out[i] = record
            else:
                break
    return out


# A compound of a word with a closed class of English endings names the word's thing or role:
# "Chairperson" is the chair, "membership" the members, "partnership" the partners.
_COMPOUND = re.compile(r"^([a-z]{4,}?)(?:person|people|man|men|woman|women|manship|ship)$")


# The shortest stemmed agent noun in -er read as its verb ("consumer": consum, "officer" is not).
AGENT_NOUN_MIN = 8


def said_tokens(text: str) -> set[str]:
    """A unit's tokens, with the bases of its role and group compounds and the values of its
    spelled-out ordinals ("Ninety-Sixth Session" says 96, as "EC-96" does)."""
    tokens = set(tokenize(text))
    tokens |= {m.group(1) for t in tokens if (m := _COMPOUND.match(t))}
    # an agent noun says its verb: "the main consumers" answers "who consumes it?"
    tokens |= {t[:-2] for t in tokens if len(t) >= AGENT_NOUN_MIN and t.endswith("er")}
    # a figure per so many people says a rate ("a ratio of 9.34 per 100,000 citizens")
    if _PER_POPULATION.search(text):
        tokens |= _RATE
    return tokens | spelled_serials(text) | irregular_lemmas(text) | set(tokenize(" ".join(ordinal_words(text))))


_PER_POPULATION = re.compile(
    r"\d\s*(?:[^\W\d]+\s+){0,2}(?:per|for every|por cada)\s+(?:1\d{0,2}(?:[,. ]?000)+|hundred thousand|cien mil|mil)\b",
    re.I,
)
_RATE = frozenset(tokenize("rate"))


def unit_words(unit: Unit) -> set[str]:
    """What a unit says: its tokens (see `said_tokens`) and those of its English rendering."""
    return said_tokens(unit.text) | set(tokenize(unit.english))


_GRADED = ("er", "est", "st")


@lru_cache(maxsize=8192)
def irregular_lemmas(text: str) -> frozenset[str]:
    """The stems of the dictionary forms of the text's irregular words, where a stemmer cannot
    reach them: "was overseen by" says the "oversee" of "who oversaw ...", "were held" the
    "hold" of a question's predicates (simplemma's English lemmas, offline)."""
    import simplemma  # lazy, as for the question's words

    found: set[str] = set()
    for w in set(re.findall(r"[a-z]+", text.lower())):
        lemma = simplemma.lemmatize(w, lang="en")
        # (not a comparative or superlative: "least" is no form of "lesson", "safer" says no "safe")
        if lemma != w and not w.endswith(_GRADED):
            found.update(set(tokenize(lemma)) - set(tokenize(w)))
    return frozenset(found)


# How many heading lines above a field ("Participating countries: A, B") name its record.
RECORD_HEAD_LINES = 6


def record_heads(text: str, line: int) -> set[str]:
    """The words of the short lines (no sentence end) right above a field line: a fact sheet's
    record ("2002", "The European Joint Unit ...", "Crime field:", ...) is about what they name.
    Stops at prose or after RECORD_HEAD_LINES lines."""
    lines = text.split("\n")
    out: set[str] = set()
    seen = 0
    for above in reversed(lines[max(0, line - 3 * RECORD_HEAD_LINES) : line]):
        above = above.strip()
        if not above:
            continue
        if above[-1] in ".!?;" or len(above) > HEADING_LINE_CHARS or seen >= RECORD_HEAD_LINES:
            break
        out |= said_tokens(above)
        seen += 1
    return out


# A line this long is prose, not a heading.
HEADING_LINE_CHARS = 100


UnitLookup = Callable[[Sequence[str]], dict[str, list[float]]]  # stored unit vectors by key


class UnitScorer:
    """Scores units. Their vectors were stored at ingest (`lookup`); a unit indexed before that
    existed is embedded once and kept in a bounded cache."""

    def __init__(
        self,
        embedder: Embedder,
        lookup: UnitLookup | None = None,
        cache_size: int = 20_000,
        tagger=None,
        translate: Callable[[str], str] | None = None,
        weights: dict[str, float] | None = None,
    ) -> None:
        self.embedder = embedder
        self.weights = weights or UNIT_WEIGHTS  # a fit (bench/fit_unit_weights.py) tries others
        self.lookup = lookup
        self.tagger = tagger
        self.translate = translate  # Spanish text -> the English words the glossary gives for it
        self._english: OrderedDict[str, str] = OrderedDict()
        self._spans: OrderedDict[str, tuple] = OrderedDict()
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self.embedded_at_question_time = 0  # how many units had no stored vector (0 after a fresh ingest)

    def clear_cache(self) -> None:
        """Forget the unit vectors kept in memory (benchmarks measure a question never seen before)."""
        self._cache.clear()

    def _remember(self, cache: OrderedDict, key: str, value) -> None:
        """Keep a value in a bounded cache: the oldest entry goes first, never one just used."""
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > self.cache_size:
            cache.popitem(last=False)

    def _english_text(self, text: str) -> str:
        """The glossary's English rendering of a unit of a Spanish document ("" for others): for
        scoring it says those English words as well as its own ("22 países" counts countries for
        "how many countries ...", as a Spanish question is read through the same glossary), and
        its values are read in English. Worked out once per unit text."""
        if self.translate is None:
            return ""
        if text not in self._english:
            self._remember(self._english, text, self.translate(text) if looks_spanish(text) else "")
        return self._english[text]

    def _entities(self, chunk) -> tuple:
        """Entities of a chunk indexed before they were recorded at ingest: tagged once, kept."""
        if self.tagger is None:
            return ()
        if chunk.chunk_id not in self._spans:
            self._remember(self._spans, chunk.chunk_id, self.tagger.tag([chunk.text])[0])
        return self._spans[chunk.chunk_id]

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors: from memory, else as stored at ingest, else (older indexes) embedded now.
        Whatever was fetched or embedded is remembered, so a unit costs one look-up per process."""
        if not texts:
            return np.zeros((0, 1))
        keys = [text_key(t) for t in texts]
        found = {k: self._cache[k] for k in keys if k in self._cache}
        wanted = [k for k in dict.fromkeys(keys) if k not in found]
        stored = self.lookup(wanted) if wanted and self.lookup else {}
        fetched = {k: np.asarray(v, dtype="float32") for k, v in stored.items()}
        missing = {k: t for k, t in zip(keys, texts) if k not in found and k not in fetched}
        if missing:
            self.embedded_at_question_time += len(missing)
            vectors = self.embedder.embed_documents(list(missing.values()))
            fetched.update({k: np.asarray(v, dtype="float32") for k, v in zip(missing, vectors)})
        for key, vec in fetched.items():
            self._remember(self._cache, key, vec)
        found.update(fetched)
        return np.stack([found[k] for k in keys])

    def score(self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex) -> list[Scored]:
        """The units that can answer, scored; text addressed to the assistant is no evidence."""
        return [s for s in self.score_all(q, hits, lexical) if not s.unit.instruction]

    def score_all(self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex) -> list[Scored]:
        """Every unit of the hits, scored: term coverage, meaning, expected answer type, rank."""
        units = [replace(u, english=self._english_text(u.text)) for u in split_hits(hits, self._entities)]
        if not units:
            return []
        weights = term_weights(q, lexical)
        total = sum(weights.values()) or 1.0
        weights.update(alt_weights(q, lexical, weights))
        qvec = np.asarray(self.embedder.embed_query(q.text), dtype="float32")
        dense = self._embed([embedding_text(u, hits[u.hit_index].chunk.section) for u in units]) @ qvec
        # a year the page says by reference ("This year, 1097 were arrested" on a page of 2017)
        # is said as if written out
        token_sets = [
            unit_words(u) | (relative_years(u.text, hits[u.hit_index].chunk.year) & weights.keys()) for u in units
        ]
        folded_units = [" ".join(words(u.text)) for u in units]
        counted = counted_in(q, [reading(u) for u in units])
        # A kind most candidate units hold (an organisation, in reports full of them) tells little;
        # one few hold tells much: the bonus scales with how rare the kind is among the candidates.
        holds = [holds_wanted(q, u) for u in units]
        informative = label_rarity(q, units, holds)
        predicates = set(q.predicates)
        # the act as the reports may phrase it ("paid for": financed, funded) for its doer
        acts = predicates | {o[0] for p in q.paraphrases if set(p.words) & predicates for o in p.options}
        intro_tokens = {
            u.list_id: token_sets[i] for i, u in enumerate(units) if u.list_id is not None and not u.is_item
        }
        # What a list is about is said by the line introducing it; its items inherit that meaning.
        intro_dense: dict[int | None, float] = {}
        for i, u in enumerate(units):
            if u.list_id is not None and not u.is_item:
                intro_dense[u.list_id] = max(intro_dense.get(u.list_id, -1.0), float(dense[i]))
        chunk_tokens = [
            set(tokenize(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}")) | acronyms(h.chunk.title) for h in hits
        ]
        # a report's lead says what all of it is about, as its title does
        lead_tokens = {
            doc: said_tokens(text) | set(tokenize(self._english_text(text))) for doc, text in leads(hits).items()
        }

        own_terms = set(q.terms)
        own_total = sum(w for t, w in weights.items() if t in own_terms) or 1.0

        def cover(tokens: set[str], only: set[str] | None = None) -> float:
            """The share of the question's term weight `tokens` hold (of its own words, `only`)."""
            got = sum(w for t, w in weights.items() if t in tokens and (only is None or t in only))
            credited: set[str] = set()
            for p in q.paraphrases:  # "business world" is found when the text says "private sector"
                missing = {t for t in p.words if t in weights and t not in tokens and (only is None or t in only)}
                missing -= credited
                if missing and any(set(o) <= tokens for o in p.options):
                    got += PARAPHRASE_CREDIT * sum(weights[t] for t in missing)
                    credited |= missing
            return min(1.0, got / (total if only is None else own_total))

        records = [form_records(h.chunk.text) for h in hits]
        captions = table_captions(units, hits)
        # A paragraph on one line: the sentences just before and after a unit in it are its
        # context as the lines around it are ("In Brazil, the Federal Police led the seizures."
        # before "The operation resulted in the seizure of 3,961 firearms").
        by_line: dict[tuple[int, int], list[int]] = {}
        for j, v in sorted(enumerate(units), key=lambda p: p[1].start):
            by_line.setdefault((v.hit_index, v.line), []).append(j)
        place = {j: (row, at) for row in by_line.values() for at, j in enumerate(row)}
        out = []
        for i, u in enumerate(units):
            chunk = hits[u.hit_index].chunk
            lines = records[u.hit_index].get(u.line)
            row, at = place[i]
            beside = {j for j in row[max(0, at - SAME_LINE_NEIGHBOURS) : at + 1 + SAME_LINE_NEIGHBOURS] if j != i}
            near = set().union(  # a planted command lends its words to no neighbour
                *(
                    token_sets[j]
                    for j, v in enumerate(units)
                    if v.hit_index == u.hit_index
                    and 0 < abs(v.line - u.line) <= 2
                    and not v.instruction
                    and (lines is None or v.line in lines)
                )
            )
            if lines is None and is_form_line(u.text):  # "Participating countries: A, B" under its headings
                near = near | record_heads(chunk.text, u.line)
            para = set().union(*(token_sets[j] for j in beside if not units[j].instruction))
            intro = intro_tokens.get(u.list_id, set())
            context = set(tokenize(chunk.section + " " + chunk.title)) | acronyms(chunk.title) | intro
            context |= captions.get(i, set())  # a table row: its table's header and caption
            context |= lead_tokens.get(chunk.doc_id, set())
            ctx = cover(token_sets[i] | context | near)
            # ranks with its paragraph's words; the coverage the decision rests on stays its own
            ranked_ctx = cover(token_sets[i] | context | near | para) if para else ctx
            # A list's members are what its label says they are ("Style Committee" over "Brazil",
            # "Canada"): for a list question an item holds its label's words as its own.
            own = cover(token_sets[i] | intro) if q.wants_list and u.is_item else cover(token_sets[i])
            # The kind of value asked for counts in a unit about the question, not in any unit
            # that happens to name a place or a date.
            typed = type_bonus(q, u, counted, holds[i]) * min(1.0, own / TYPE_NEEDS_COVERAGE) * informative[i]
            # A heading never answers; a caption or table cell does not answer "what ...?" as prose.
            bare = u.bare and q.expects in UNTYPED and not q.wants_list
            heading = 1.0 if bare or is_heading(u, chunk.section, chunk.title) else 0.0
            named = 1.0 if q.names and any(n in folded_units[i] for n in q.names) else 0.0
            acted = 1.0 if typed and predicates & token_sets[i] else 0.0
            by = 1.0 if holds[i] and q.expects in AGENT_KINDS and done_by(u.text, acts) else 0.0
            stated = set(YEAR.findall(u.text))
            other_year = 1.0 if q.years and not q.compares and stated and not stated & set(q.years) else 0.0
            item = 1.0 if q.wants_list and u.is_item else 0.0
            repeated = (
                1.0 if quoted_before(u.text, q.answered_before) and (q.expects in UNTYPED or not holds[i]) else 0.0
            )
            features = (
                own,
                ranked_ctx,
                cover(chunk_tokens[u.hit_index]),
                float(dense[i]),
                typed,
                item,
                item * intro_dense.get(u.list_id, 0.0),
                named,
                acted,
                by,
                heading,
                other_year,
                repeated,
                1.0 / (1 + u.hit_index),
            )
            score = unit_score(features, self.weights)
            asked = cover(token_sets[i] | context | near, own_terms) if q.context_terms else ctx
            listed_match = cover(intro | context) if u.list_id is not None else 0.0
            out.append(Scored(u, score, ctx, float(dense[i]), listed_match, asked, features))
        return sorted(out, key=lambda s: -s.score)
