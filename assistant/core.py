"""The one composition root and the in-process service every front end calls.

`build(settings)` wires settings into components; `Assistant` offers ingest, ask (and its
streaming form), search, list and remove. The CLI, REST API, web UI and evaluation are
thin layers over this object, so a fix lands once.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.answer.engine import AnswerEngine, Draft
from assistant.understand.bridge import (
    spanish_forms,
    BUNDLED_GLOSSARY,
    SPANISH_STOPWORDS,
    Glossary,
    bridge_query,
    glossary_lacks_counted,
    load_glossary,
    load_lemmatiser,
    looks_spanish,
    spanish_counted,
    spanish_counted_word,
    spanish_measured,
    spanish_subset,
    spanish_wants_list,
    translated_terms,
)
from assistant.answer.compose import compose, join_answers
from assistant.config import Settings, load_settings
from assistant.understand.expand import (
    BUNDLED_THESAURUS,
    expand_query,
    foreign_paraphrases,
    paraphrases,
    synonym_paraphrases,
)
from assistant.understand.lexicon import spanish_nouns
from assistant.understand.countries import foreign_names_of, is_country
from assistant.understand.initials import spelled_out
from assistant.understand.filters import UnknownFilterError, resolve_filters
from assistant.understand.followup import asks_alongside, context_of, dated_relative, relative_year, standalone
from assistant.models import make_embedder, make_tagger
from assistant.nlp import EntityTagger
from assistant.understand.names import entities, same_name, spanish_entities, unlisted_names
from assistant.understand.question import (
    time_asked,
    asked_nouns,
    asked_words,
    YEAR,
    dates_asked,
    extremes,
    Paraphrase,
    QuestionProfile,
    answer_type,
    weighed_kind,
    content_terms,
    profile,
    split_premise,
    wants_parties,
    after_year,
    earlier,
    planned,
    predicates,
    word_set,
)
from assistant.library import CheckReport, DocumentNotFound, Library
from assistant.llm.reader import LLMFailure, LLMReader, llm_answer
from assistant.retrieve import Retriever
from assistant.answer.scoring import acronyms, holds_wanted
from assistant.understand.classes import NounClasses
from assistant.understand.compound import compound_parts
from assistant.understand.spelling import mend_question_word, mend_spanish_shorthand, mend_words
from assistant.understand.wanted import UNTYPED, is_strict, other_kinds
from assistant.types import Answer, DocumentInfo, Filters, Hit, IngestResult
from ingest.pipeline import Progress
from vectorstore.chroma import ChromaStore, UnitVectorStore, WriteMarker, make_client
from vectorstore.embeddings import Embedder
from vectorstore.index import Index, StepHook
from vectorstore.lexical import STOPWORDS, fold, tokenize
from assistant.understand.serials import run_on_serial
from assistant.text import starts_quote, strip_markers

log = logging.getLogger(__name__)

__all__ = ["Assistant", "StreamEvent", "build", "DocumentNotFound", "UnknownFilterError", "CheckReport"]

# Asked once by `Assistant.warm_up`: one question in each language the reader understands.
# Of an even share of the answer's length, what each later part of a message is kept sure of
# while an earlier part may use the rest.
PART_SHARE_KEPT = 0.5
# A country's names in other languages tried per question name (short name, official names).
FOREIGN_COUNTRY_FORMS = 4
WARM_UP_QUESTIONS = ("When was the national cybersecurity strategy adopted?", "¿Qué países recibieron asistencia?")


@dataclass(frozen=True)
class StreamEvent:
    """One piece of a streamed answer: a text delta, then one final event with the Answer."""

    kind: str  # "delta" | "final"
    text: str = ""
    answer: Answer | None = None


# The word a "which year" question names its kind by.
YEAR_WORD = frozenset(tokenize("year"))


class Assistant:
    """Ingest reports and answer questions about them, with citations."""

    def __init__(
        self,
        settings: Settings,
        index: Index,
        embedder: Embedder,
        glossary: Glossary,
        thesaurus: Glossary,
        tagger=None,
        llm: LLMReader | None = None,
        spanish_glossary: Callable[[], Glossary] | None = None,
    ) -> None:
        self.settings = settings
        self.index = index
        self.embedder = embedder
        self.glossary = glossary  # renders a Spanish page's sentences, and English words in Spanish
        self._spanish_glossary = spanish_glossary or (lambda: glossary)
        self.thesaurus = thesaurus
        self.retriever = Retriever(index, embedder, settings.candidates, settings.rrf_k)
        self.engine = AnswerEngine(
            embedder,
            settings.answer_max_chars,
            lookup=index.unit_vectors,
            tagger=tagger,
            translate=lambda text: bridge_query(text, glossary),
        )
        self.library = Library(settings, index, embedder, tagger)
        self.noun_classes = NounClasses(embedder)
        self.llm = llm  # a second reader; the extractive one stays the default and the fallback
        self._names_of: tuple[DocumentInfo, ...] | None = None  # the document list _names was built for
        self._names: tuple[dict[str, set[str]], dict[str, set[str]], list[str]] = ({}, {}, [])

    # --- documents (assistant.library does the work) ---------------------------------
    def ingest(
        self, paths: Sequence[Path], progress: Progress | None = None, *, uploaded: bool = False, replace: bool = False
    ) -> list[IngestResult]:
        """Index files/directories by the identity rule of ingest.identity (reported per file)."""
        return self.library.ingest([Path(p) for p in paths], progress, uploaded=uploaded, replace=replace)

    def ingest_samples_if_empty(self, progress: Progress | None = None) -> list[IngestResult]:
        """First-run convenience: index the bundled reports when nothing is indexed yet."""
        if self.index.documents():
            return []
        return self.ingest([self.settings.samples_dir], progress)

    def documents(self) -> tuple[DocumentInfo, ...]:
        self.index.sync()
        return self.index.documents()

    def resolve_document(self, ref: str) -> DocumentInfo:
        """A document by id, file name or unique id prefix; raises DocumentNotFound saying why."""
        return self.library.resolve(ref)

    def remove(self, ref: str) -> DocumentInfo:
        """Delete a document everywhere (Chroma, lexical index, list, stored original)."""
        return self.library.remove(ref)

    def recover(self) -> str | None:
        """Complete or roll back a write a crash interrupted (call while holding the data-dir lock)."""
        return self.library.recover()

    def check(self, repair: bool = False) -> CheckReport:
        """Do Chroma, the lexical index, the document list and the stored originals agree?"""
        return self.library.check(repair)

    def resolve_filters(self, filters: Filters | None) -> Filters | None:
        """Typed filter values as stored ones; UnknownFilterError lists the known values."""
        return resolve_filters(filters, self.index.documents())

    def validate_question(self, question: str, history: Sequence[str] = ()) -> None:
        """Refuse input whose cost is out of bounds before any work is done (ValueError says why)."""
        s = self.settings
        if not question.strip():
            raise ValueError("the question is empty")
        if len(question) > s.max_question_chars:
            raise ValueError(f"the question is {len(question):,} characters; the limit is {s.max_question_chars:,}")
        if len(history) > s.max_history_turns:
            raise ValueError(f"{len(history)} earlier turns given; the limit is {s.max_history_turns}")
        for turn in history:
            if len(turn) > s.max_question_chars:
                raise ValueError(f"an earlier turn is {len(turn):,} characters; the limit is {s.max_question_chars:,}")

    # --- questions -------------------------------------------------------------------
    def english_query(self, text: str) -> str:
        """Spanish questions get English renderings of their terms appended (names kept)."""
        if not looks_spanish(text):
            return self.mend(text)
        return f"{text} {bridge_query(text, self.spanish_glossary, self.index.snapshot.lexical)}"

    def mend(self, text: str) -> str:
        """English words mistyped ("numbr", "countires") read as the indexed words meant; the
        opening wh-word first ("wich countries" is "which", not the indexed "wish")."""
        return mend_words(mend_question_word(text), self.index.snapshot.lexical.frequency)

    def understand(
        self, question: str, history: Sequence[str] = (), context: str = ""
    ) -> tuple[QuestionProfile, str, str]:
        """The question's profile, the retrieval query and its thesaurus synonyms, after
        follow-up rewriting and Spanish bridging (the user's own words weigh more than
        carried-over context, and `context` is carried like an earlier turn; synonyms only
        widen the lexical search)."""
        question = (
            mend_spanish_shorthand(mend_question_word(question)) if looks_spanish(question) else self.mend(question)
        )
        own, carried = context_of(standalone(question, history))
        premise, own = split_premise(own)
        carried = " ".join(x for x in (premise, context, carried) if x)
        spanish = looks_spanish(own)
        extra = bridge_query(own, self.spanish_glossary, self.index.snapshot.lexical) if spanish else ""
        q = profile("" if spanish else own, carried, extra, names=not spanish)
        if spanish:  # "¿cuántos ... en 2021?": years and months are asked (and weigh) in either language
            named = tuple(
                n
                for n in spanish_entities(own, self._rendered)
                if all(self.index.snapshot.lexical.knows(t) for t in tokenize(n))  # (an acronym in Spanish)
            )
            q = replace(q, **dates_asked(own, carried), extreme=extremes(own), entities=named)
        synonyms = expand_query(f"{extra or own} {carried}", self.thesaurus)
        if not spanish:  # "tui moana 2015", "the eppo": names typed in lower case
            lexical = self.index.snapshot.lexical
            typed = tuple(n for n in unlisted_names(own, lexical.knows) if n not in q.entities)
            q = replace(q, entities=q.entities + typed)
            # (and a Spanish report's passage, found by its own words)
            synonyms = f"{synonyms} {spanish_forms(f'{own} {synonyms}', self.glossary, lexical)}".strip()
        mentioned = {doc for doc, n in self._document_mentions(q.entities, question).items() if n}
        worded = answer_type(own)  # (the kind the wording asks for, before a comparison weighs it)
        q = replace(
            q,
            expects=weighed_kind(own, worded, q.sides),
            also_expects=other_kinds(own),
            wants_list=q.wants_list or (spanish and (spanish_wants_list(own) or wants_parties(own))),
            alt_terms=content_terms(synonyms),
            paraphrases=paraphrases(f"{extra or own} {carried}", self.thesaurus),
            cross_doc=len(mentioned) >= 2,
        )
        if worded == "year" and q.expects != "year":  # "2021 vs 2022 - which year higher?"
            q = replace(q, terms=tuple(t for t in q.terms if t not in YEAR_WORD))  # (a kind, not a word said)
        # "Chile's 2020 APEC plan", "the CICTE 2016 report": a year the question names a report by
        # is that report's, not one the answer must speak of.
        # ("drug cases in cambodia in 2022": a year after "in" is the time asked, not a report's name)
        by_year = self.index.documents_by_year() if q.asked_years and mentioned else {}
        q = replace(
            q,
            asked_years=tuple(
                y for y in q.asked_years if mentioned.isdisjoint(by_year.get(y, ())) or time_asked(y, own)
            ),
        )
        # "Peru's CTAP" when no indexed report is Peru's: the engine declines on this.
        q = replace(q, owners=tuple(o for o in q.owners if not any(self._document_mentions(o.split()).values())))
        if q.cross_doc and premise:  # the report the question itself names holds the answer
            focus = self.named_documents(entities(own), own)
            q = replace(q, focus_docs=focus.doc_ids if focus else ())
        # "chile" typed in lower case is neither a verb nor the thing asked for
        named = set(tokenize(" ".join(q.entities)))
        if q.expects not in UNTYPED and not spanish:  # the verbs weigh only with a typed value
            q = replace(q, predicates=tuple(v for v in predicates(own) if v not in named))
        if not spanish:
            nouns = asked_words(own)
            kinds = zip(nouns, self.noun_classes.labels(nouns))
            q = replace(
                q,
                asked_nouns=tuple(n for n in asked_nouns(own) if n not in named),
                asked_kinds=tuple((stem, labels) for word, labels in kinds if labels for stem in tokenize(word)),
                planned=planned(own),
                earlier=earlier(own),
                after_year=after_year(premise, own),
            )
            # "how many kids ...": the reports' word for what is counted or weighed ("774 minors")
            weighed = {*q.counted, *q.subset_nouns, *q.measured}
            q = replace(q, synonyms=synonym_paraphrases(own, weighed, self.index.snapshot.lexical.knows))
            # "how many rifles ...": a Portuguese page's word for them ("642 fuzis")
            lexical = self.index.snapshot.lexical
            foreign, written = foreign_paraphrases(own, named, lexical.knows, lexical.stems_starting)
            q = replace(q, paraphrases=q.paraphrases + foreign)
            synonyms = f"{synonyms} {' '.join(written)}".strip()
        # "CSP4": the passage on the fourth conference says its number as an ordinal ("Fourth
        # Conference of States Parties"), not as the initials the user typed
        editions = tuple(
            Paraphrase(tuple(tokenize(typed)), ((value,),)) for typed, value in q.serials if run_on_serial(typed)
        )
        if editions:
            q = replace(q, paraphrases=q.paraphrases + editions)
        demonyms = self._name_forms(q.entities) + self._foreign_country_forms(q.entities)
        if demonyms:  # "Honduran" asked, "Honduras" written; "Brazil" asked, "Brasil" written
            q = replace(q, paraphrases=q.paraphrases + demonyms)
            synonyms = f"{synonyms} {' '.join(o[0] for p in demonyms for o in p.options)}".strip()
        if spanish and q.expects == "count" and not q.counted:  # "¿cuántas mujeres ...?" counts women
            renderings = spanish_counted(own, self.spanish_glossary, self.index.snapshot.lexical)
            heads = [t for word in renderings for t in content_terms(word)[-1:]]
            # and the Spanish word itself, where a Spanish document counts it ("22 países")
            lexical = self.index.snapshot.lexical
            heads += [t for t in spanish_counted_word(own) if lexical.knows(t)]
            # (a word neither rendered nor said by any report still says what is counted: no figure
            # of something else answers "¿cuántos homicidios ...?")
            if not heads and glossary_lacks_counted(own, self.spanish_glossary):
                heads = [t for t in spanish_counted_word(own) if t not in SPANISH_STOPWORDS]
            q = replace(q, counted=tuple(dict.fromkeys(heads)))
        if spanish and q.expects == "count" and not q.measured:  # "¿cuántos kilos de marihuana ...?"
            measured, renderings = spanish_measured(own, self.spanish_glossary, self.index.snapshot.lexical)
            q = replace(q, measured=measured, paraphrases=q.paraphrases + renderings)
        if spanish and q.expects in {"count", "percent"} and not q.subset:  # "¿cuántas de ellas son mujeres?"
            part, renderings = spanish_subset(own, self.spanish_glossary, self.index.snapshot.lexical)
            q = replace(q, subset=part, paraphrases=q.paraphrases + renderings)
        if spanish:  # untranslated Spanish words cannot be matched in English reports
            lexical = self.index.snapshot.lexical
            kept, readings = translated_terms(own, self.spanish_glossary, lexical)
            q = replace(
                q,
                text=f"{extra} {carried}".strip(),
                terms=tuple(t for t in q.terms if lexical.knows(t) or t in kept),
                paraphrases=q.paraphrases + readings,
            )
        return q, " ".join(x for x in (own, extra, carried) if x), synonyms

    def _rendered(self, name: str) -> bool:
        """Does the glossary render the Spanish word as something else ("oea": OAS)?"""
        entries = self.spanish_glossary.entries.get((name,), ())
        return any(fold(english) != name for entry in entries for english in entry.english)

    def _name_forms(self, names: Sequence[str]) -> tuple[Paraphrase, ...]:
        """Index words that are another form of a name the reports never use as typed."""
        lexical = self.index.snapshot.lexical
        out = []
        for name in names:
            stems = tokenize(name)
            if len(stems) != 1 or lexical.knows(stems[0]):
                continue
            forms = sorted(v for v in lexical.stems_opening_as(stems[0]) if same_name(stems[0], v))
            if forms:
                out.append(Paraphrase(tuple(stems), tuple((v,) for v in forms[:3])))
        return tuple(out)

    def _foreign_country_forms(self, names: Sequence[str]) -> tuple[Paraphrase, ...]:
        """The Spanish, French and Portuguese names of the countries a question names, where an
        indexed page writes them ("Brasil", "Suisse")."""
        lexical = self.index.snapshot.lexical
        out = []
        for name in names:
            stems = tuple(tokenize(name))
            if not stems or not is_country(name):
                continue
            forms = (tuple(tokenize(foreign)) for foreign in foreign_names_of(name))
            options = tuple(dict.fromkeys(f for f in forms if f and f != stems and all(lexical.knows(t) for t in f)))
            if options:
                out.append(Paraphrase(stems, options[:FOREIGN_COUNTRY_FORMS]))
        return tuple(out)

    def named_documents(self, entities: Sequence[str], text: str = "") -> Filters | None:
        """The documents a question names (by organisation, country, title words or acronym).

        Only a strict winner counts: when every document matches equally, nothing is preferred.
        """
        scores = self._document_mentions(entities, text)
        best = max(scores.values(), default=0)
        doc_ids = self._name_words()[2]
        winners = tuple(sorted(doc_id for doc_id, n in scores.items() if n == best))
        if best == 0 or len(winners) == len(doc_ids):
            return None
        return Filters(doc_ids=winners)

    def _document_mentions(self, entities: Sequence[str], text: str = "") -> dict[str, int]:
        """How many of the question's names point at each document ("Chilean" names Chile);
        documents no name points at are left out.

        Capitalised names count against title words too; any word of `text`, typed in lower
        case or not, counts when it is a document's organisation, country or title acronym.
        The documents' name words are indexed once per document list and bucketed by first
        letter (every form `same_name` accepts keeps it), so a question costs the name words
        that share a first letter with its own, not the number of documents."""
        known, strong, _ = self._name_words()
        docs_of: dict[str, set[str]] = {}  # each name -> the documents it points at
        for asked, words in ((entities, known), ([w for w in set(word_set(text)) if len(w) > 2], strong)):
            for e in asked:
                for word, docs in words.get(e[:1], {}).items():
                    if same_name(e, word):
                        docs_of.setdefault(e, set()).update(docs)
        counts: Counter[str] = Counter()
        for docs in docs_of.values():  # (in bulk: a country's name may point at thousands of documents)
            counts.update(docs)
        return dict(counts)

    def _name_words(self) -> tuple[dict[str, dict[str, set[str]]], dict[str, dict[str, set[str]]], list[str]]:
        """Each name word of the answering documents (title, organisation, country, file name,
        title acronyms) -> their ids, by first letter; and the strong ones (organisation,
        country, acronyms)."""
        docs = self.index.documents()
        if self._names_of is not docs:
            known: dict[str, dict[str, set[str]]] = {}
            strong: dict[str, dict[str, set[str]]] = {}
            doc_ids = []
            for d in docs:
                if d.duplicate_of:  # a copy that defers to another answers nothing
                    continue
                doc_ids.append(d.doc_id)
                names = " ".join(str(x) for x in (d.title, d.organisation, d.country, Path(d.source).stem) if x)
                # (name words: "the" of "Director of the Conference ..." names no document)
                firm = (word_set(" ".join(str(x) for x in (d.organisation, d.country) if x)) - STOPWORDS) | acronyms(
                    d.title
                )
                for word in (word_set(names) - STOPWORDS) | acronyms(d.title):
                    known.setdefault(word[:1], {}).setdefault(word, set()).add(d.doc_id)
                for word in firm:
                    strong.setdefault(word[:1], {}).setdefault(word, set()).add(d.doc_id)
            self._names = (known, strong, doc_ids)
            self._names_of = docs
        return self._names

    @cached_property
    def spanish_glossary(self) -> Glossary:
        """The glossary with the lexicon's Spanish nouns, for Spanish questions: read (about 0.5 s)
        on the first one, or by `warm_up`, not by every process that only ingests or asks in
        English. A Spanish page's sentences are rendered by `glossary` alone: every sense of
        every noun would bury what they say."""
        return self._spanish_glossary()

    def warm_up(self) -> float:
        """Load what answering loads lazily (the embedding model, the question tagger, the Spanish
        lemmatiser's dictionary and lexicon, the filters' metadata lookups) by answering one
        English and one Spanish question, so that a server's first user does not wait seconds for
        them. Returns the seconds it took."""
        t0 = time.perf_counter()
        for question in WARM_UP_QUESTIONS:
            self.ask(question)
        load_lemmatiser()  # (only words the glossary lacks need it)
        self.index.snapshot.prepare_filters()  # (a question naming a report filters by it)
        return time.perf_counter() - t0

    def search(self, query: str, filters: Filters | None = None, k: int | None = None) -> list[Hit]:
        """Ranked chunks for a query (hybrid dense + BM25, fused)."""
        self.validate_question(query)
        self.index.sync()
        english = self.english_query(query)
        return self.retriever.search(english, k or self.settings.top_k, self.resolve_filters(filters))

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        filters: Filters | None = None,
        k: int | None = None,
    ) -> Answer:
        """Answer with citations, or decline when the reports do not contain the answer.

        A message asking two things ("how many X, and when did Y?") is answered part by part,
        each part with the rest of the message as context, and the answers joined."""
        self.validate_question(question, history)
        question = question.strip()
        filters = self.resolve_filters(filters)
        earlier = self._earlier(question, tuple(history), filters, k)
        asked = self._dated(question, tuple(history), earlier)
        answered = answered_before(earlier) if self.llm is None and asks_alongside(question) else ()
        parts = compound_parts(asked) if self.llm is None else [asked]  # a model reads both parts
        if len(parts) == 1:
            return replace(self._ask_one(asked, history, filters, k, answered=answered), question=question)
        # "CICTE's 2016 report says X. What period does the policy cover per the CTAP, and how many
        # measures?": the premise stays with the first part, which is asked as a question of its own
        # (the report the asking sentence names answers it); the parts are shown without it
        premise, rest = split_premise(asked)
        asking = list(parts)
        if premise and len(shown := compound_parts(rest)) == len(parts):
            asking = [f"{premise} {shown[0].rstrip(' ?')}?", *shown[1:]]
            parts = shown
        if looks_spanish(asked):  # a short part ("quien dirige senafront") is in the message's language
            asking = [p if looks_spanish(p) else f"¿{p}" for p in asking]
        _, carried = context_of(standalone(question, history))
        total, used = self.settings.answer_max_chars, 0
        kept = int(PART_SHARE_KEPT * total / len(parts))  # for each part still to come
        answers: list[Answer] = []
        for i, part in enumerate(parts):
            # a part may use what the earlier ones left ("X 2020/21 vs 2019/20 - how many and what
            # value?": the first part's two sentences answer both), less what the later ones keep
            budget = max(kept, total - used - kept * (len(parts) - i - 1))
            # Each part is asked with the rest of the message (and any earlier turn) as context:
            # "¿Cuántas personas murieron y cuántas resultaron heridas en la UE en 2017?"
            others = " ".join(p for j, p in enumerate(asking) if j != i)
            near = anchor_of(part, parts[:i], answers[-1]) if answers else ()
            context = f"{others} {carried}".strip()
            answers.append(
                self._ask_one(asking[i], (), filters, k, context=context, budget=budget, near=near, answered=answered)
            )
            used += 0 if answers[-1].abstained else len(strip_markers(answers[-1].answer)) + 1  # and a space
        return join_answers(question, parts, answers)

    def _earlier(
        self, question: str, history: tuple[str, ...], filters: Filters | None, k: int | None
    ) -> Answer | None:
        """The answer the user saw to the turn a follow-up goes on from: that turn asked again
        (from the same index, so the same answer). None for a question standing on its own (with an
        LLM, which rewrites follow-ups, only a year counted from that turn's answer needs it)."""
        previous = next((h for h in reversed(history) if h.strip()), "")
        if not previous:
            return None
        follows = self.llm is None and bool(context_of(standalone(question, history))[1])
        if not (follows or relative_year(question)):  # (a year counted from it is needed either way)
            return None
        at = max(i for i, h in enumerate(history) if h.strip())
        return self._ask_one(previous, history[:at], filters, k)

    def _dated(self, question: str, history: tuple[str, ...], earlier: Answer | None) -> str:
        """ "where was the meeting the year after?" after "when did Chile host its annual meeting?":
        the year to count from is in the answer to the earlier turn, not in its words, so it is
        counted from that answer's year ("where was the meeting 2019?"); a declined or undated
        answer leaves the question as it was."""
        previous = next((h for h in reversed(history) if h.strip()), "")
        if earlier is None or not relative_year(question) or YEAR.search(previous):
            return question
        years = [] if earlier.abstained else YEAR.findall(earlier.answer)
        return dated_relative(question, years[0]) if years else question

    def _ask_one(
        self,
        question: str,
        history: Sequence[str],
        filters: Filters | None,
        k: int | None,
        context: str = "",
        budget: int | None = None,
        on_sentence: Callable[[str], None] | None = None,
        near: Sequence[tuple[Hit, str]] = (),
        answered: tuple[str, ...] = (),
    ) -> Answer:
        """One question through understanding, retrieval and the engine; `context` is carried
        over like a follow-up's earlier turn, `budget` caps the answer's length. With an LLM
        configured, the model writes the answer from the same passages (each sentence told to
        `on_sentence` once checked) and the extractive answer is the fallback. `near`: the passages
        (and quotes) of an earlier part's answer this part goes on about (`anchor_of`); `answered`:
        the quotes that answered the earlier turn a follow-up asks alongside."""
        t0 = time.perf_counter()
        self.index.sync()  # another process sharing the Chroma server may have written
        asked, rewrite_failure = question, None
        if self.llm is not None and history:
            try:  # the model rewrites a follow-up into a standalone question
                asked, history = self.llm.rewrite(question, history), ()
            except LLMFailure as exc:
                rewrite_failure = str(exc)
        q, query, synonyms = self.understand(asked, history, context)
        q = replace(q, answered_before=answered)
        hits = self.retriever.search(
            query,
            k or self.settings.top_k,
            filters,
            lexical_query=f"{query} {synonyms}",
            prefer=self.named_documents(q.entities, question),
        )
        t1 = time.perf_counter()
        have = {h.chunk.chunk_id for h in hits}
        hits = [*hits, *dict.fromkeys(h for h, _ in near if h.chunk.chunk_id not in have)]
        anchors = tuple((h.chunk.chunk_id, quote) for h, quote in near)
        lexical = self.index.snapshot.lexical
        spelt = spelled_out(q.entities, q.counted, [h.chunk.text for h in hits], lexical.knows)
        if spelt:  # "FV offences" asked of passages on "family violence"
            q = replace(q, paraphrases=q.paraphrases + spelt)
        draft = self.engine.decide(q, hits, lexical, budget, near=anchors)
        text, citations, related = compose(draft, hits, question)
        t2 = time.perf_counter()
        timings = {"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000, "total": (t2 - t0) * 1000}
        extractive = Answer(
            question=question,
            answer=text,
            abstained=draft.abstained,
            citations=tuple(citations),
            timings_ms=timings,
            related=tuple(related),
            standalone_question=standalone(asked, history),
            hits=tuple(hits),
            why=explain(q, draft),
        )
        if self.llm is None:
            return extractive
        try:
            return llm_answer(self.llm, extractive.standalone_question, hits, extractive, on_sentence)
        except LLMFailure as exc:
            log.warning("LLM answer not used: %s", exc)
            reason = str(exc) if rewrite_failure is None else f"{rewrite_failure}; {exc}"
            if on_sentence:
                on_sentence(extractive.answer)
            return replace(extractive, fallback_reason=reason)

    def ask_stream(
        self,
        question: str,
        history: Sequence[str] = (),
        filters: Filters | None = None,
        k: int | None = None,
    ) -> Iterator[StreamEvent]:
        """The same answer as `ask`, delivered piece by piece: with an LLM, each sentence as soon
        as the model has written it and it passed the citation check; otherwise one cited
        sentence at a time."""
        if self.llm is None:
            answer = self.ask(question, history, filters, k)
            for piece in split_for_stream(answer.answer):
                yield StreamEvent("delta", piece)
            yield StreamEvent("final", answer=answer)
            return
        self.validate_question(question, history)
        filters = self.resolve_filters(filters)
        events: queue.Queue = queue.Queue()

        def work() -> None:
            try:
                answer = self._ask_one(question.strip(), history, filters, k, on_sentence=events.put)
                events.put(StreamEvent("final", answer=answer))
            except Exception as exc:  # raised to the consumer below, with its own type
                events.put(exc)

        threading.Thread(target=work, daemon=True, name="ask-stream").start()
        while True:
            item = events.get()
            if isinstance(item, Exception):
                raise item
            if isinstance(item, StreamEvent):
                yield item
                return
            yield StreamEvent("delta", item)

    def health(self, detail: bool = False) -> dict:
        """Index size and model; with `detail`, whether the stores agree (a full check)."""
        docs = self.index.documents()
        out = {
            "status": "ok",
            "documents": len(docs),
            "chunks": sum(d.chunks for d in docs),
            "embedding_model": getattr(self.embedder, "name", type(self.embedder).__name__),
            "llm": self.llm.label if self.llm else "none",
        }
        if detail:
            report = self.check()
            out["status"] = "ok" if report.ok else "inconsistent"
            out["check"] = [{"kind": p.kind, "doc_id": p.doc_id, "detail": p.detail} for p in report.problems]
        return out


def answered_before(earlier: Answer | None) -> tuple[str, ...]:
    """The quotes of an earlier turn's answer (none when it declined)."""
    if earlier is None or earlier.abstained:
        return ()
    return tuple(c.quote for c in earlier.citations)


def explain(q: QuestionProfile, draft: Draft) -> dict:
    """The decision in numbers, so a miss can be diagnosed without a debugger (eval --out shows it)."""

    def unit(s) -> dict:
        return {
            "quote": s.unit.text[:240],
            "score": round(s.score, 4),
            "coverage": round(s.coverage, 4),
            "dense": round(s.dense, 4),
            "labels": sorted(s.unit.labels),
            "has_wanted": holds_wanted(q, s.unit),
        }

    return {
        "wanted": q.expects,
        "wanted_required": is_strict(q.expects),
        "wants_list": q.wants_list,
        "terms": list(q.terms),
        "names": list(q.entities),
        "declined_because": draft.reason or None,
        "features": {k: round(v, 4) for k, v in draft.evidence.features.items()} if draft.evidence else {},
        "answer_probability": round(draft.evidence.probability(), 4) if draft.evidence else None,
        "chosen": [unit(s) for s in draft.chosen] or [unit(s) for s in draft.related],
    }


def split_for_stream(text: str) -> list[str]:
    """Cut an answer after each citation marker, keeping separators with the piece before."""
    pieces = [p for p in re.split(r"(?<=\])(?=[ ;\n])", text) if p]
    return pieces or [text]


def anchor_of(part: str, earlier: Sequence[str], previous: Answer) -> tuple[tuple[Hit, str], ...]:
    """ "How many cases did the Mossos detect in 2024, and what share was linked to jihadism?": a
    later part naming nothing the earlier answer's passages do not name goes on about that answer,
    so its passages (and the quotes chosen from them) are where it is looked for first; () when the
    earlier part was declined or this part names something of its own ("... and how many did
    Dubai Customs seize?")."""
    if previous.abstained:
        return ()
    found = []
    for c in previous.citations:
        hits = (h for h in previous.hits if h.chunk.chunk_id == c.chunk_id or h.chunk.doc_id == c.doc_id)
        hit = next((h for h in hits if starts_quote(c.quote, h.chunk.text)), None)
        if hit is not None:
            found.append((hit, c.quote))
    said = fold(" ".join(h.chunk.text for h, _ in found))
    before = set(entities(" ".join(earlier)))
    if any(name not in before and name not in said for name in entities(part)):
        return ()
    return tuple(found)


def build(
    settings: Settings | None = None,
    *,
    embedder: Embedder | None = None,
    tagger: EntityTagger | None = None,
    on_write_step: StepHook | None = None,
    chat_model=None,
    **overrides: object,
) -> Assistant:
    """Compose an Assistant from settings (or the environment plus `overrides`).

    Tests pass a fake `embedder` here, never through patches of internals; `on_write_step`
    is told each step of an index write (fault tests stop the process at one); `chat_model`
    (a LangChain chat model, e.g. a scripted fake) stands in for the configured LLM.
    """
    if settings is None:
        settings = load_settings(**overrides)
    elif overrides:
        settings = settings.model_copy(update={k: v for k, v in overrides.items() if v is not None})
    embedder = embedder or make_embedder(settings)
    client = make_client(settings.data_dir, settings.chroma_host, settings.chroma_port)
    index = Index(
        ChromaStore(client, settings.collection),
        Path(settings.data_dir),
        on_write_step,
        UnitVectorStore(client, settings.collection),
        WriteMarker(client, settings.collection) if settings.chroma_host else None,
    )
    paths = [BUNDLED_GLOSSARY] + ([settings.glossary_path] if settings.glossary_path else [])
    return Assistant(
        settings,
        index,
        embedder,
        load_glossary(paths),
        load_glossary([BUNDLED_THESAURUS]),
        tagger or make_tagger(settings),
        make_reader(settings, chat_model),
        lambda: load_glossary(paths, spanish_nouns()),
    )


def make_reader(settings: Settings, chat_model=None) -> LLMReader | None:
    """The LLM reader for the configured provider (or the given chat model); None for "none"."""
    from assistant.llm.backends import make_chat_model, model_label

    model = chat_model if chat_model is not None else make_chat_model(settings)
    if model is None:
        return None
    label = model_label(settings) if chat_model is None else f"llm:{type(chat_model).__name__}"
    return LLMReader(
        model,
        label,
        settings.answer_max_chars,
        settings.llm_timeout_s,
        settings.llm_context_tokens,
        settings.llm_max_tokens,
    )
