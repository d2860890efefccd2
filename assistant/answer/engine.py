"""The offline answer engine: pick the units of the retrieved chunks that answer the question.

No LLM: every sentence of an answer is a verbatim unit of a report, so every claim carries
a citation whose quote can be checked. The engine declines when the evidence does not
contain what is asked (a named entity, the year, the kind of value), not on one threshold.
"""

from __future__ import annotations

import math
import re

from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.answer.decline import (
    COUNT_COVERAGE_SHARE,
    DECLINE_MODEL,
    KIND_SEARCH_DEPTH,
    list_size,
    DeclineModel,
    Evidence,
    HEAD_STEMS,
    asks_role,
    reversed_extreme,
    titled_person,
    evidence_features,
    unsaid_nouns,
    unsaid_stems,
)
from assistant.answer.rows import extreme_row
from assistant.answer.trim import trimmed
from assistant.answer.evidence import (
    ANAPHOR,
    asks_published,
    continues,
    dateline_of,
    dates_publication,
    looks_back,
    missing_evidence,
    page_date,
    goes_on,
    refers_back,
    same_paragraph,
)
from assistant.understand.question import (
    STANDOUT,
    YEAR,
    QuestionProfile,
    asks_order,
    content_terms,
    count_given,
    counts,
    numbered_count,
    side_years,
)
from assistant.understand.wanted import BESIDE_KINDS, KINDS, QUANTITY, RATE_KINDS, UNTYPED, holds_apart, new_spans
from assistant.answer.units import is_bare, reading
from assistant.text import starts_quote
from assistant.answer.scoring import (
    Scored,
    UnitScorer,
    enumerated,
    holds_wanted,
    is_heading,
    done_by,
    known_counted,
    said_tokens,
    short_parts,
    unit_words,
)
from assistant.types import Hit
from vectorstore.embeddings import Embedder
from vectorstore.lexical import LexicalIndex, fold, tokenize


@dataclass(frozen=True)
class Draft:
    """The engine's decision before formatting: chosen units or a decline with related units."""

    chosen: tuple[Scored, ...]
    abstained: bool
    reason: str = ""
    related: tuple[Scored, ...] = ()
    # Passages addressed to the assistant that would have ranked among the best: left out.
    set_aside: tuple[Scored, ...] = ()
    evidence: Evidence | None = None  # the features the decision to answer or decline rested on
    labels: tuple[str, ...] = ()  # "A or B?": each chosen unit's side, as the user named it


# How much a comparison side's passage loses for holding the other side's distinctive words.
SIDE_CONTRAST = 0.3

# "... in 2016 - what happened afterwards?": a later passage answers when it covers this share of
# the question's words the best one (restating the premise) covers.
LATER_COVERAGE_SHARE = 0.4
# How far down the ranking the sentence saying the asked act may be ("who presented ...?").
DOER_SEARCH_DEPTH = 5


def later(year: int, s: Scored, hits: Sequence[Hit]) -> bool:
    """Does the unit speak of a year after `year`, or stand in a report of a later year?"""
    chunk = hits[s.unit.hit_index].chunk
    return any(int(y) > year for y in YEAR.findall(s.unit.text)) or (chunk.year or 0) > year


# How many sentences either side of the best one, in its paragraph, may supply the value asked for.
NEIGHBOURS = 2


# A list whose label covers this share of the question's words is about what it asks.
LIST_LABEL_MATCH = 0.5

# For a list, the best-ranked units (besides neighbours) that may hold its members instead.
LIST_CANDIDATES = 3

# A list question's answer is the unit naming the most members of the kind asked for ("which
# countries ..."), weighed with its score, among the LIST_RIVAL_DEPTH best-ranked units scoring at
# least this share of the best one.
LIST_SCORE_SHARE = 0.4
LIST_RIVAL_DEPTH = 12
LIST_MEMBERS_WEIGHT = 0.5
LIST_KINDS = frozenset({"government", "organisation"})
# "SI-CERT runs three triage lines." followed by a sentence per line: the members a counting
# sentence announces are read from at most this many sentences after it in its paragraph.
ANNOUNCED_MAX = 5
# A list of untyped things ("which kinds of firearms") is a sentence of at least this many short parts.
LIST_MIN_PARTS = 4
# Other kinds ("who funded ..."): a unit naming several, scoring this share of a best one naming
# fewer than two, among the LIST_CANDIDATES + 1 best-ranked.
AGENT_LIST_SHARE = 0.7

# "Which airport did the team visit?": when the best unit never says "airport", a unit among the
# best-ranked that does, scoring at least this share of the best one and covering this share of
# the question's words that it covers, answers instead. The same coverage share holds for a unit
# that replaces a best one lacking the kind of value asked for ("which country ...").
ASKED_SCORE_SHARE = 0.7
# How many lines under the best one a list labelled with the asked thing ("Main topics") may start.
LABEL_GAP = 2
ASKED_COVERAGE_SHARE = 0.8
# A unit naming the holder of the role asked may say fewer of the question's other words.
ROLE_COVERAGE_SHARE = 0.5

# "Where and when ...?": a unit holding the other kind asked for, this many lines from the best
# one, or among this many of the best-ranked units of its report.
OTHER_VALUE_LINES = 2
OTHER_VALUE_DEPTH = 5

# "... in 2018 vs 2019?": how far down the ranked units the unit saying a compared year is looked for.
COMPARED_YEAR_DEPTH = 8

# A later part of a message asking two things ("how many cases, and what share was jihadist?")
# that names nothing of its own is answered near the earlier part's answer: from that passage's
# sentence and this many after it (then this many before it).
ANCHOR_AFTER = 3
ANCHOR_BEFORE = 1
# (for a question wanting no kind of value, a sentence there saying this share of its own words)
ANCHOR_UNTYPED_COVERAGE = 0.5

# "..., he said": a reported speaker named by a pronoun; the sentence naming them may stand this
# many lines (paragraphs) above.
SPEAKER_PRONOUN = re.compile(
    r"\b(?:he|she)\s+(?:\w+ly\s+)?(?:said|says|added|told|noted|stated|explained|informed|stressed|warned)\b"
    r"|\b(?:said|added|noted|stated|explained)\s+(?:he|she)\b",
    re.I,
)
SPEAKER_LINES = 2
# "which region has the most deaths?" asks for a standout; "how many main ports?" for a number
NUMERIC_KINDS = frozenset({"count", "money", "percent", "date", "day", "year", "breakdown"}) | RATE_KINDS
PEOPLE_KINDS = frozenset({"person", "who", "agent"})

# A command to the assistant ranked this high would have been answered or offered as related
# (the three best units): the answer says it was left out. Lower down it changed nothing.
SET_ASIDE_RANK = 3


def named_doer(text: str, acts: set[str]) -> bool:
    """Does a name come right before the act ("Ms Bimbola Ojo presented the report")?"""
    return any(re.search(rf"(?-i:[A-Z][\w'’.-]+)\s+{re.escape(p)}\w*", text, re.I) for p in acts)


def unnamed(side: str, s: Scored) -> bool:
    """Does a comparison side's passage leave its side unnamed ("It brought together 400
    participants"), saying fewer than half of the side's words?"""
    words = set(content_terms(side))
    return len(words & set(tokenize(s.unit.text))) * 2 < len(words)


class AnswerEngine:
    """Selects, from scored units, the ones that answer the question, or declines."""

    def __init__(
        self,
        embedder: Embedder,
        max_chars: int = 600,
        lookup=None,
        tagger=None,
        decline_model: DeclineModel = DECLINE_MODEL,
        translate=None,
    ) -> None:
        self.scorer = UnitScorer(embedder, lookup, tagger=tagger, translate=translate)
        self.max_chars = max_chars
        self.decline_model = decline_model

    def clear_cache(self) -> None:
        """Forget embedded units (benchmarks measure a question never seen before)."""
        self.scorer.clear_cache()

    def decide(
        self,
        q: QuestionProfile,
        hits: Sequence[Hit],
        lexical: LexicalIndex,
        max_chars: int | None = None,
        near: Sequence[tuple[str, str]] = (),
    ) -> Draft:
        """Choose the answering units (within `max_chars`, the engine's limit by default), or
        decline with the closest ones as related passages. `near`: (chunk id, quote) of an
        earlier part's answer that this part of the same message goes on about."""
        limit = max_chars or self.max_chars
        scored = self.scorer.score_all(q, hits, lexical)
        ranked = [s for s in scored if not s.unit.instruction]
        aside = tuple(s for s in scored[:SET_ASIDE_RANK] if s.unit.instruction)
        if not ranked:
            return Draft((), True, "nothing is indexed that matches the question", set_aside=aside)
        both = self._sides(q, hits, lexical) if q.sides else []  # "which came first, A or B?"
        chosen = both or self._choose(q, hits, lexical, ranked, limit, near)
        evidence = evidence_features(q, chosen, ranked, hits, lexical, *missing_evidence(q, ranked, hits, lexical))
        if not evidence.answers(self.decline_model):
            related = [s for s in ranked if not is_heading(s.unit, "", hits[s.unit.hit_index].chunk.title)]
            return Draft((), True, evidence.reason(self.decline_model), tuple(related[:3]), aside, evidence)
        # a sentence longer than the whole answer may be is quoted by the clauses that answer
        units = tuple(trimmed(q, s, limit) for s in chosen)
        labels = tuple(side if both and unnamed(side, s) else "" for side, s in zip(q.sides, units)) if both else ()
        if not both and q.expects == "count":  # "how many legal texts?" by "(1) ..., (2) ..., (6) ...": "6 in all"
            counted = known_counted(q, lexical, [s.unit.text for s in chosen])
            numbered = [numbered_count(s.unit.text, counted) if counted else 0 for s in chosen]
            if any(numbered):
                labels = tuple(f"{n} in all" if n else "" for n in numbered)
        return Draft(units, False, set_aside=aside, evidence=evidence, labels=labels)

    def _choose(
        self,
        q: QuestionProfile,
        hits: Sequence[Hit],
        lexical: LexicalIndex,
        ranked: list[Scored],
        limit: int,
        near: Sequence[tuple[str, str]] = (),
    ) -> list[Scored]:
        """The units that would answer: the best and its company."""
        focused = [
            s for s in ranked if hits[s.unit.hit_index].chunk.doc_id in q.focus_docs and not is_heading(s.unit, "")
        ]
        best = (
            self._near_anchor(q, ranked, hits, near)
            or self._anchored(q, hits, lexical, ranked)
            or (focused[0] if focused else ranked[0])
        )
        # ("in which year was the rate highest?" over a table's rows: the row with the largest figure)
        row = extreme_row(q, ranked, hits) if q.extreme else None
        if row is not None:
            best = row
        elif q.extreme and q.expects not in NUMERIC_KINDS and not _stands_out(q, best):
            best = self._standout(q, best, ranked) or best
        if (
            (is_bare(best.unit.text) or is_heading(best.unit, ""))
            and (q.expects in UNTYPED or asks_role(q))
            and unsaid_nouns(q, [best], hits)
        ):
            best = self._saying_asked(q, best, ranked, hits) or best
        elif q.expects in PEOPLE_KINDS and asks_role(q) and not says_role(q, best, literal=True):
            # "who is head of mission at EULEX Kosovo?": the sentence naming the holder of the role
            # ("Bernd Borchardt is the current Head of Mission"), not the one best saying the mission
            best = self._holding_role(q, best, ranked) or best
        # "Who presented the report?": the doer is named where the act is said ("Ms Ojo presented
        # the report"), not in the best-covering sentence about the report
        if q.expects in PEOPLE_KINDS and q.predicates and not set(q.predicates[:1]) & said_tokens(reading(best.unit)):
            best = self._doing(q, best, ranked) or best
        if q.earlier and not looks_back(best.unit.text):
            best = self._looking_back(q, best, ranked, hits) or best
        if q.after_year and not later(q.after_year, best, hits):
            best = next(
                (
                    s
                    for s in ranked[:KIND_SEARCH_DEPTH]
                    if later(q.after_year, s, hits)
                    and s.coverage >= LATER_COVERAGE_SHARE * best.coverage
                    and not is_heading(s.unit, "")
                    and not s.unit.instruction
                ),
                best,
            )
        return self._gather(q, best, ranked, hits, lexical, limit)

    @staticmethod
    def _near_anchor(
        q: QuestionProfile, ranked: list[Scored], hits: Sequence[Hit], near: Sequence[tuple[str, str]]
    ) -> Scored | None:
        """ "How many cases did the police detect, and what share was linked to jihadism?": the
        share is told right after the count ("Of them, 60.7% ..."), so the second part is answered
        from the sentences around the first part's answer: the first of them holding the kind of
        value asked for (for an untyped question, saying half its own words) that says the
        part's own words nearly as well as the best-ranked unit does, and better than the first
        part's own sentence; else that sentence, when it holds the value. None when neither."""
        floor = ASKED_COVERAGE_SHARE * ranked[0].own_coverage
        own = set(q.terms)

        def said(s: Scored) -> float:  # (of the sentence itself, not of its neighbours)
            return len(own & said_tokens(reading(s.unit))) / len(own) if own else 0.0

        def fits(s: Scored) -> bool:
            return (
                not s.unit.instruction
                and not is_heading(s.unit, "")
                and (said(s) >= ANCHOR_UNTYPED_COVERAGE if q.expects in UNTYPED else holds_wanted(q, s.unit))
                and s.own_coverage >= floor
            )

        for chunk_id, quote in near:
            mine = sorted(
                (s for s in ranked if hits[s.unit.hit_index].chunk.chunk_id == chunk_id),
                key=lambda s: s.unit.start,
            )
            at = next((i for i, s in enumerate(mine) if starts_quote(quote, s.unit.text)), None)
            if at is None:
                continue
            # the earlier answer's own sentence answers again when it holds what is asked and says
            # this part's words as well as any sentence around it (the part's value may be in the
            # clauses cut from its quote)
            anchor = mine[at]
            window = mine[at + 1 : at + 1 + ANCHOR_AFTER] + mine[max(0, at - ANCHOR_BEFORE) : at][::-1]
            again = fits(anchor)
            found = next((s for s in window if fits(s) and (not again or said(s) > said(anchor))), None)
            if found is None and again:
                found = anchor
            if found is not None:
                return found
        return None

    @staticmethod
    def _saying_asked(q: QuestionProfile, best: Scored, ranked: list[Scored], hits: Sequence[Hit]) -> Scored | None:
        """ "What were the four strategic objectives of the strategy?": the best-ranked unit (the
        strategy's heading) does not say what is asked for; the first of the best-ranked units
        that does, saying the question's own words nearly as well, answers instead."""
        return next(
            (
                s
                for s in ranked[:KIND_SEARCH_DEPTH]
                if s is not best
                and s.own_coverage >= ASKED_COVERAGE_SHARE * best.own_coverage
                and not s.unit.instruction
                and not is_heading(s.unit, "")
                and not unsaid_nouns(q, [s], hits)
            ),
            None,
        )

    @staticmethod
    def _holding_role(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """The first of the best-ranked units that says the role asked (else, for whoever heads a
        body, a top title) and names someone, saying the question's own words at least
        ROLE_COVERAGE_SHARE as well as the best one."""
        fits = [
            s
            for s in ranked[:KIND_SEARCH_DEPTH]
            if s is not best
            and s.own_coverage >= ROLE_COVERAGE_SHARE * best.own_coverage
            and holds_wanted(q, s.unit)
            and not s.unit.instruction
            and not is_heading(s.unit, "")
        ]
        literal = next((s for s in fits if says_role(q, s, literal=True)), None)
        if literal is not None or says_role(q, best):
            return literal
        return next((s for s in fits if says_role(q, s)), None)

    @staticmethod
    def _standout(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "Which plan was activated most often?": the sentence that says which stands out ("the
        plans activated most were ...", "the majority ...", "followed by ...") answers, among the
        best-ranked ones saying the question's own words nearly as well as the best one."""
        return next(
            (
                s
                for s in ranked[:KIND_SEARCH_DEPTH]
                if _stands_out(q, s)
                and s.own_coverage >= ASKED_COVERAGE_SHARE * best.own_coverage
                and (q.expects in UNTYPED or holds_wanted(q, s.unit))
                and not s.unit.instruction
                and not is_heading(s.unit, "")
            ),
            None,
        )

    @staticmethod
    def _looking_back(q: QuestionProfile, best: Scored, ranked: list[Scored], hits: Sequence[Hit]) -> Scored | None:
        """ "NSG 2011 plenary in Noordwijk - where was the previous plenary held?": the passage on
        the plenary named says, further on, "since the last meeting in Christchurch". The best unit
        of the same report that speaks of an earlier occasion and holds the kind asked for answers."""
        doc = hits[best.unit.hit_index].chunk.doc_id
        return next(
            (
                s
                for s in ranked[:KIND_SEARCH_DEPTH]
                if hits[s.unit.hit_index].chunk.doc_id == doc
                and looks_back(s.unit.text)
                and (q.expects in UNTYPED or holds_wanted(q, s.unit))
                and not s.unit.instruction
                and not is_heading(s.unit, "")
            ),
            None,
        )

    def _sides(self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex) -> list[Scored]:
        """ "Which came first, A or B?": the best passage for A and the best for B, each scored
        on its own words with the rest of the question as context; [] unless both are found."""
        out: list[Scored] = []
        terms = [content_terms(side) for side in q.sides]
        frame = tuple(t for t in q.terms if not any(t in own for own in terms))
        # ("Guatemala's 2023 rate vs Jamaica's 2020 rate": each side in its own year)
        years = side_years(q.text, q.sides) if len(q.sides) == 2 else [set(), set()]
        for i, own in enumerate(terms):
            # What sets the other side apart counts against this one: "checked baggage" is
            # no answer for "air cargo".
            other = (set(terms[1 - i]) - set(own)) | (years[1 - i] - years[i])
            side_q = replace(
                q,
                terms=own,
                context_terms=tuple(t for t in frame if t not in years[1 - i] - years[i]),
                sides=(),
                wants_list=False,
                expects="count" if q.counted else "date" if asks_order(q) else q.expects,
            )
            ranked = sorted(
                self.scorer.score(side_q, hits, lexical),
                key=lambda s: -(s.score - SIDE_CONTRAST * _contrast(own, other, s.unit.text)),
            )
            taken = {o.unit for o in out}
            free = [s for s in ranked if not is_heading(s.unit, "") and (s.unit not in taken or _both(terms, s))]
            # (when the best says none of the side's words itself, having them only from a neighbour,
            # a sentence of its report that says them; another report's sentence is another topic)
            pick = free[0] if free else None
            if pick is not None and not set(own) & unit_words(pick.unit):
                doc = hits[pick.unit.hit_index].chunk.doc_id
                pick = next(
                    (s for s in free if hits[s.unit.hit_index].chunk.doc_id == doc and set(own) & unit_words(s.unit)),
                    pick,
                )
            if pick is None or pick.coverage < 0.3:
                return []
            value = self._side_value(
                side_q, pick, [s for s in ranked if s.unit not in taken or _both(terms, s)], hits, lexical
            )
            if value.unit in taken:
                return out  # one sentence gives both sides ("A has 63% ..., followed by B at 49%")
            out.append(value)
        return out

    @staticmethod
    def _side_value(
        side_q: QuestionProfile, pick: Scored, ranked: list[Scored], hits: Sequence[Hit], lexical: LexicalIndex
    ) -> Scored:
        """The sentence that names a side may not give its figure: "The 2015 Meeting of Experts was
        held in Geneva ... It brought together over 400 participants": the best unit of the same
        report that holds the value asked for (for "more participants", a number of them)."""
        counted = known_counted(side_q, lexical, [s.unit.text for s in ranked])

        def holds(s: Scored) -> bool:
            return holds_wanted(side_q, s.unit) and (
                not side_q.counted or counts(reading(s.unit), counted, side_q.given)
            )

        if side_q.expects in UNTYPED or holds(pick):
            return pick
        # (a sentence naming a place the question does not is another place's figure: "Russia is
        # estimated to have around 7,300 nuclear warheads" is not China's, whose sentence says
        # "about 260 ... nuclear weapons")
        asked = set(tokenize(side_q.text))

        def elsewhere(s: Scored) -> bool:
            return any(label == "GPE" and not set(tokenize(text)) & asked for label, text in s.unit.named)

        doc = hits[pick.unit.hit_index].chunk.doc_id
        return next(
            (s for s in ranked if hits[s.unit.hit_index].chunk.doc_id == doc and holds(s) and not elsewhere(s)), pick
        )

    def _anchored(
        self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex, ranked: list[Scored]
    ) -> Scored | None:
        """For "what's her email?" after "who is the contact point for X?": the address that
        follows the person the earlier question found, not the best-scoring address anywhere."""
        if not q.context_terms or q.expects not in {"email", "phone", "fax"}:
            return None
        earlier = replace(q, terms=q.context_terms, context_terms=(), expects="person", answered_before=())
        people = [s for s in self.scorer.score(earlier, hits, lexical) if holds_wanted(q, s.unit, "person")]
        if not people:
            return None
        anchor = people[0].unit
        after = [
            s
            for s in ranked
            if s.unit.hit_index == anchor.hit_index and s.unit.start > anchor.start and holds_wanted(q, s.unit)
        ]
        return min(after, key=lambda s: s.unit.start) if after else None

    def _gather(
        self,
        q: QuestionProfile,
        best: Scored,
        ranked: list[Scored],
        hits: Sequence[Hit],
        lexical: LexicalIndex,
        limit: int,
    ) -> list[Scored]:
        """The best unit; with a list question, its whole list; then units adding missing terms."""
        follow = None
        counted = known_counted(q, lexical, [s.unit.text for s in ranked[:KIND_SEARCH_DEPTH]])
        # "how many countries ...?" is not answered by a number of visits: a unit that counts
        # countries replaces it, as one holding no number would be replaced.
        miscounts = bool(counted) and not counts(reading(best.unit), counted, q.given)
        if q.expects not in {"thing", "list"} and (not holds_wanted(q, best.unit) or miscounts):
            # "how many deaths": a neighbour counting deaths ("... convened the conference. 150
            # Member States attended.") before one holding any number (42,757 cases)
            if counted:
                follow = self._counting_neighbour(q, best, ranked, counted)
            # "how many countries": a number of countries before any other number, even from a
            # unit that says less of the occasion the question names
            exact = self._counting(q, best, ranked, counted) if counted and not follow else None
            if follow is None and q.expects in BESIDE_KINDS and exact is None:
                follow = self._typed_neighbour(q, best, ranked)
                if follow is None:  # "Conclusions of the 5th Plenary." / "Chios, 13 Sept."
                    follow = self._dateline(q, best, ranked)
            elif follow is None and exact is None and not holds_wanted(q, best.unit):
                follow = self._resuming(q, best, ranked)
            # Another unit holding the value answers only if it still covers the question
            # nearly as well: not a country named in another report's passage on other things.
            typed = (
                []
                if follow
                else [
                    s
                    for s in ranked[:10]
                    # (the user's own words: an earlier turn's or part's words weigh less)
                    if holds_wanted(q, s.unit) and s.own_coverage >= ASKED_COVERAGE_SHARE * best.own_coverage
                ]
            )
            if exact or (typed and not holds_wanted(q, best.unit)):
                # the holder saying most of the user's own words ("keynote speeches by Mr Fu Kui"
                # over "inaugurated by Mr Lee" for "who delivered the keynote speeches?")
                best = exact or max(typed, key=lambda s: (round(s.own_coverage, 2), s.score))
        elif q.wants_list and q.expects not in UNTYPED:
            best = self._richest(q, best, ranked, hits)
        elif q.asked_nouns and q.expects in UNTYPED:
            best = self._saying(q, best, ranked, hits)
        if q.plural_asked and q.expects in UNTYPED and follow is None:
            best = self._fullest(best, ranked, hits)
        if q.asked_nouns and asks_role(q) and follow is None:
            best = self._saying(q, best, ranked, hits)  # "who chaired X": the unit that says "chaired"
        if follow is None and q.predicates and q.expects in BESIDE_KINDS and not q.wants_list:
            follow = self._stating(q, best, ranked)
        if follow is None and q.expects in BESIDE_KINDS and not q.wants_list:
            follow = self._sequel(q, best, ranked)
        if follow is None and q.expects in {"date", "day"} and not YEAR.search(reading(best.unit)):
            follow = self._dateline(q, best, ranked, dated=True)  # "12-13 December" under "15.12.2021"
        # "When did PST release its 2019 assessment?": the date at the top of the page that is it
        # (a line of its own, kept though it looks like a heading)
        dated_page = None
        if follow is None and asks_published(q):
            if not dates_publication(reading(best.unit)):
                doc = hits[best.unit.hit_index].chunk.doc_id
                follow = dated_page = next(
                    (s for s in ranked if hits[s.unit.hit_index].chunk.doc_id == doc and page_date(s, hits)), None
                )
        if (
            follow is not None
            and hits[follow.unit.hit_index].chunk.doc_id == hits[best.unit.hit_index].chunk.doc_id
            and (not holds_wanted(q, best.unit) or follow is dated_page)
            and self._length([best, follow]) > limit
        ):
            best, follow = follow, None  # both too long: the value's sentence, not its preamble (one report's)
        antecedent = self._antecedent(best, ranked)
        speaker = self._speaker(q, best, ranked) if antecedent is None and follow is None else None
        if speaker is not None:  # the sentence naming who spoke answers; what they said may follow
            best, follow = speaker, best
        start = [x for x in (antecedent, best, follow) if x is not None]
        best, chosen = self._with_list(q, best, ranked, start, limit)
        chosen = [s for s in chosen if s is best or s is dated_page or not is_heading(s.unit, "")]
        if q.compares:
            chosen += self._counterparts(q, best, ranked, chosen)
        if q.cross_doc:
            chosen += self._other_report(best, ranked, chosen, hits)
        values = self._other_values(q, best, ranked, hits, chosen, limit)
        chosen += values
        weights = {t: 1.0 for t in q.terms}
        covered = set(tokenize(" ".join(s.unit.text for s in chosen)))
        doc = hits[best.unit.hit_index].chunk.doc_id
        for s in ranked[1:6]:
            if s in chosen or s.score < 0.85 * best.score or is_heading(s.unit, "") or s.unit.bare:
                continue  # a heading or caption adds the question's words, not an answer
            if hits[s.unit.hit_index].chunk.doc_id != doc and not q.cross_doc:
                continue  # another report's sentence saying the question's word is about something else
            new = (set(tokenize(s.unit.text)) & set(weights)) - covered
            if len(new) >= max(1, len(weights) // 4) and self._length(chosen + [s]) <= limit:
                chosen.append(s)
                covered |= new
        # Over the budget: drop what was added for its words first, then the sentence the best
        # one points back to, then the neighbour holding the value; never the best unit.
        while len(chosen) > 1 and self._length(chosen) > limit:
            others = [s for s in chosen if s is not best]
            extras = [s for s in others if s is not antecedent and s is not follow and s not in values]
            chosen.remove((extras or [s for s in others if s is antecedent] or others)[-1])
        rest = sorted(
            (s for s in chosen if s is not best and s is not antecedent), key=lambda s: (s.unit.hit_index, s.unit.start)
        )
        head = [antecedent] if antecedent in chosen else []
        return self._once(head + [best] + rest)

    @staticmethod
    def _once(chosen: list[Scored]) -> list[Scored]:
        """A page repeating a line (a caption printed twice) is cited once."""
        seen: set[str] = set()
        out = []
        for s in chosen:
            text = " ".join(s.unit.text.split())
            if text not in seen:
                seen.add(text)
                out.append(s)
        return out

    def _other_values(
        self,
        q: QuestionProfile,
        best: Scored,
        ranked: list[Scored],
        hits: Sequence[Hit],
        chosen: list[Scored],
        limit: int,
    ) -> list[Scored]:
        """ "Where and when was it held, and who chaired it?": for each kind asked besides the
        main one that the chosen units lack, the nearest unit of the best one's passage holding
        it (the sentence after "held in Seattle on 21 June" naming the chair), else one nearly
        as relevant from the same report."""
        out: list[Scored] = []
        doc = hits[best.unit.hit_index].chunk.doc_id
        asked = (q.expects, *q.also_expects)

        def holds(s: Scored, kind: str) -> bool:
            """Holds a value of `kind` that answers none of the other kinds asked: "Seattle"
            answers where, so it is not also who chaired."""
            return holds_apart(kind, s.unit, q.asked, [k for k in asked if k != kind])

        for kind in q.also_expects:
            if any(holds(s, kind) for s in chosen + out):
                continue
            usable = [
                s
                for s in ranked
                if s not in chosen
                and s not in out
                and not s.unit.instruction
                and not is_heading(s.unit, hits[s.unit.hit_index].chunk.section, hits[s.unit.hit_index].chunk.title)
                and holds(s, kind)
            ]
            nearby = [
                s
                for s in usable
                if s.unit.hit_index == best.unit.hit_index and abs(s.unit.line - best.unit.line) <= OTHER_VALUE_LINES
            ]
            pick = min(
                nearby,
                key=lambda s: (abs(s.unit.line - best.unit.line), abs(s.unit.start - best.unit.start)),
                default=None,
            ) or next(
                (
                    s
                    for s in usable[:OTHER_VALUE_DEPTH]
                    if hits[s.unit.hit_index].chunk.doc_id == doc and s.score >= ASKED_SCORE_SHARE * best.score
                ),
                None,
            )
            if pick is not None and self._length(chosen + out + [pick]) <= limit:
                out.append(pick)
        return out

    def _with_list(
        self, q: QuestionProfile, best: Scored, ranked: list[Scored], chosen: list[Scored], limit: int
    ) -> tuple[Scored, list[Scored]]:
        """The list the best unit belongs to or introduces; for a list question also its line,
        or the neighbouring sentence naming the items (which becomes the best unit when the
        two together are too long)."""
        u = best.unit
        siblings = [s for s in ranked if s.unit.list_id is not None and s.unit.list_id == u.list_id and s is not best]
        if not q.wants_list:
            if not u.is_item:  # a sentence introducing a list: the list is the answer
                chosen += sorted(siblings, key=lambda s: s.unit.start)
            return best, chosen
        same_line = [s for s in ranked if s.unit.hit_index == u.hit_index and s.unit.line == u.line and s is not best]
        nearby = self._enumeration_nearby(best, ranked) if not u.is_item and enumerated(u.text) < 3 else []
        if nearby and self._length([best, *nearby]) > limit:  # the names, not the preamble
            best, u, chosen, same_line = nearby[0], nearby[0].unit, [nearby[0]], []
        elif nearby:  # the names sit in the next (or previous) sentence
            same_line = nearby
        elif not u.is_item and not siblings and q.expects in UNTYPED:
            same_line += self._announced(q, best, ranked)  # (the answer's length cuts the last first)
        if q.expects == "person":
            siblings = [s for s in ranked if s.unit.hit_index == u.hit_index and holds_wanted(q, s.unit, "person")]
        elif u.is_item and best.list_match < LIST_LABEL_MATCH:  # the list is about something else: matching items only
            siblings = [s for s in siblings if s.unit.is_item and s.score >= 0.8 * best.score]
        chosen += [
            s for s in sorted(dict.fromkeys(same_line + siblings), key=lambda s: s.unit.start) if s not in chosen
        ]
        return best, chosen

    @staticmethod
    def _typed_neighbour(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """The value asked for often sits in the next sentence of the same paragraph ("A meeting was
        held ... The draft plan will be presented in 2017."): that sentence joins the answer; for a
        list, the one naming the most of the kind asked for."""
        same, at = AnswerEngine._paragraph(best, ranked)
        around = same[at + 1 : at + 1 + NEIGHBOURS] + same[max(0, at - NEIGHBOURS) : at][::-1]
        holders = [s for s in around if holds_wanted(q, s.unit) and not s.unit.instruction and continues(s, best, q)]
        if q.wants_list:  # "which countries ...": the unit near the top naming the most of them
            top = [s for s in ranked[:LIST_CANDIDATES] if s is not best and holds_wanted(q, s.unit)]
            labels = KINDS.get(q.expects, KINDS["thing"]).labels
            named = [s for s in holders + top if not s.unit.instruction]
            return max(named, key=lambda s: sum(label in labels for label, _ in s.unit.named), default=None)
        if not holders and len(same) == 1:  # a news page's paragraph of one sentence
            after = AnswerEngine._next_paragraph_opening(best, ranked)
            if after is not None and holds_wanted(q, after.unit) and not after.unit.instruction:
                holders = [after]
        return holders[0] if holders else None

    @staticmethod
    def _next_paragraph_opening(best: Scored, ranked: list[Scored]) -> Scored | None:
        """The first sentence of the paragraph after `best`'s, where it goes on about what `best`
        tells: a news page gives each sentence a paragraph of its own ("Lao authorities revealed in
        a meeting ..." / "During the meeting, General Vilay ... stated that ..."), so the one
        who spoke is a paragraph on, set in the occasion `best` told of (`goes_on`)."""
        later = [s for s in ranked if s.unit.hit_index == best.unit.hit_index and s.unit.line > best.unit.line]
        if not later:
            return None
        first = min(later, key=lambda s: s.unit.start)
        # (nothing between: the next paragraph of the chunk, opened by this sentence)
        if any(s.unit.line == first.unit.line and s.unit.start < first.unit.start for s in ranked):
            return None
        return first if goes_on(first, best) else None

    @staticmethod
    def _resuming(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "The Center identified 17 million cases of suspicious activity. Most of these, or 76%,
        are bots.": a figure asked for in the next sentence of the paragraph, which goes on about
        what the best one says."""
        same, at = AnswerEngine._paragraph(best, ranked)
        after = same[at + 1] if at + 1 < len(same) else None
        if after is None or after.unit.instruction or not refers_back(after) or not holds_wanted(q, after.unit):
            return None
        return after

    @staticmethod
    def _dateline(q: QuestionProfile, best: Scored, ranked: list[Scored], dated: bool = False) -> Scored | None:
        """The best statement's dateline (`dateline_of`) holding the value asked for; `dated`: one
        giving the year the best sentence's day and month lack ("15.12.2021" over "Egypt hosted
        on 12-13 December ...")."""
        return next(
            (
                s
                for s in ranked
                if dateline_of(s, best)
                and holds_wanted(q, s.unit)
                and not s.unit.instruction
                and (not dated or bool(YEAR.search(s.unit.text)))
            ),
            None,
        )

    @staticmethod
    def _counting(q: QuestionProfile, best: Scored, ranked: list[Scored], counted: set[str]) -> Scored | None:
        """The best-ranked unit near the top counting the very thing asked that still covers the
        question a good share as well as the best one."""
        return next(
            (
                s
                for s in ranked[:10]
                if counts(reading(s.unit), counted, q.given) and s.coverage >= COUNT_COVERAGE_SHARE * best.coverage
            ),
            None,
        )

    @staticmethod
    def _counting_neighbour(q: QuestionProfile, best: Scored, ranked: list[Scored], counted: set[str]) -> Scored | None:
        """ "How many member states were represented at the 2018 conference?": the sentence naming
        the conference is followed by the one counting its participants ("... from 150 Member
        States ... attended the event"); a neighbour that counts the very thing asked and still
        speaks of the question joins the answer, however few of its words it repeats."""
        same, at = AnswerEngine._paragraph(best, ranked)
        around = same[at + 1 : at + 1 + NEIGHBOURS] + same[max(0, at - NEIGHBOURS) : at][::-1]
        return next(
            (
                s
                for s in around
                if counts(reading(s.unit), counted, q.given)
                and holds_wanted(q, s.unit)
                and not s.unit.instruction
                and continues(s, best, q)
            ),
            None,
        )

    @staticmethod
    def _sequel(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "Decree 227 was modified and updated in 2020. This modification resulted in a new
        Decree, No. 214 of 11 September 2020.": the next sentence of the line opens by
        pointing back to the best one and gives another value of the kind asked for; the two
        together say what the best one alone leaves half said."""
        same, at = AnswerEngine._paragraph(best, ranked)
        after = same[at + 1] if at + 1 < len(same) else None
        if after is None or after.unit.line != best.unit.line or after.unit.instruction or is_heading(after.unit, ""):
            return None
        if not ANAPHOR.match(after.unit.text) or not holds_wanted(q, after.unit):
            return None
        said = fold(best.unit.text)
        values = {span for _, span in new_spans(q.expects, after.unit.named, q.asked, after.unit.text)}
        return after if any(fold(v) not in said for v in values) else None

    @staticmethod
    def _stating(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "When was it signed?": a best sentence dating another act ("the action plan was
        concluded in December 2017") is joined by the sentence beside it, going on about the
        same thing, that states the asked act with a value of the asked kind ("This MRA was
        signed in July 2018")."""

        def states(s: Scored) -> bool:
            return len(unsaid_stems(q.predicates, set(tokenize(s.unit.text)))) < len(q.predicates)

        if states(best):
            return None
        same, at = AnswerEngine._paragraph(best, ranked)
        around = same[at + 1 : at + 1 + NEIGHBOURS] + same[max(0, at - NEIGHBOURS) : at][::-1]
        return next(
            (
                s
                for s in around
                if states(s) and holds_wanted(q, s.unit) and not s.unit.instruction and continues(s, best, q)
            ),
            None,
        )

    @staticmethod
    def _saying(q: QuestionProfile, best: Scored, ranked: list[Scored], hits: Sequence[Hit]) -> Scored:
        """For "what system / which airport ...", the unit that says the thing asked for: the best
        one if it does, else the first among the best-ranked that says more of it."""

        def unsaid(s: Scored) -> int:
            return len(unsaid_nouns(q, [s], hits))

        missing = unsaid(best)
        if not missing:
            return best
        # "25/26 June 2024: Ministerial Conference in Laxenburg" then "Main topics" and its
        # bullets: the list that labels itself with the thing asked, right under the best line.
        label = next(
            (
                s
                for s in ranked
                if s.unit.hit_index == best.unit.hit_index
                and 0 < s.unit.line - best.unit.line <= LABEL_GAP
                and s.unit.list_id is not None
                and not s.unit.is_item
                and not s.unit.instruction
                and not unsaid(s)
            ),
            None,
        )
        if label is not None:
            return label
        rivals = [
            s
            for s in ranked[:KIND_SEARCH_DEPTH]
            # nearly as good, or, for a role ("who presided"), saying all of the question the best
            # one says and the role besides
            if (s.score >= ASKED_SCORE_SHARE * best.score or (asks_role(q) and s.coverage >= best.coverage))
            and s.coverage >= ASKED_COVERAGE_SHARE * best.coverage
            and not s.unit.instruction
            and not s.unit.bare
            and not is_heading(s.unit, "")
            and unsaid(s) < missing
            and (q.expects in UNTYPED or holds_wanted(q, s.unit))  # a role said, and someone who holds it
        ]
        return rivals[0] if rivals else best

    @staticmethod
    def _richest(q: QuestionProfile, best: Scored, ranked: list[Scored], hits: Sequence[Hit]) -> Scored:
        """For "which countries / organisations ...", the unit naming the most of them, weighed
        with its relevance: "The working group is formed by A, B, C, … K" under a list item naming
        one of them, or "Participating countries: A, B, C" under a sentence naming one."""

        def names(units: Sequence[Scored]) -> set[str]:
            """The names they give, not the question's own ("... at the Lima plenary": Lima is no member)."""
            return {span for x in units for _, span in new_spans(q.expects, x.unit.named, q.asked, x.unit.text)}

        def beside(s: Scored) -> list[Scored]:
            """The unit with the sentences before and after it in its paragraph: what its answer
            would name ("a workshop was held in Lima." + "Officers from A, B and C ..."); for
            an item of a list whose label matches the question, its whole list."""
            if s.unit.is_item and s.unit.list_id is not None and s.list_match >= LIST_LABEL_MATCH:
                return [x for x in ranked if x.unit.list_id == s.unit.list_id]
            same, at = AnswerEngine._paragraph(s, ranked)
            return same[max(0, at - 1) : at + 2]

        def weight(s: Scored) -> float:
            """Relevance times how much of a list it gives: each doubling of the members named
            counts LIST_MEMBERS_WEIGHT of the unit's score."""
            return s.score * (1.0 + LIST_MEMBERS_WEIGHT * math.log2(max(1, len(names(beside(s))))))

        if q.expects in LIST_KINDS:  # countries, organisations: the fullest relevant list
            doc = hits[best.unit.hit_index].chunk.doc_id
            # "... from 10 member states in attendance": the report's sentence naming ten of them
            # further down its paragraph is the list, however little else of the question it says
            around = beside(best)
            size = list_size(q, around)
            if size and len(names(around)) < size:
                full = [
                    s
                    for s in ranked[:LIST_RIVAL_DEPTH]
                    if hits[s.unit.hit_index].chunk.doc_id == doc
                    and not s.unit.instruction
                    and holds_wanted(q, s.unit)
                    and len(names([s])) >= size
                ]
                if full:
                    return full[0]
            rivals = [
                s
                for s in ranked[:LIST_RIVAL_DEPTH]
                if s.score >= LIST_SCORE_SHARE * best.score
                # another report's longer list is about something else, unless it says more of the question
                and (hits[s.unit.hit_index].chunk.doc_id == doc or s.coverage >= best.coverage)
                and not s.unit.instruction
                and holds_wanted(q, s.unit)
            ]
            return max([best, *rivals], key=weight)
        # "who funded ...": the funders of one thing, not the longest list of donors; a unit
        # nearly as relevant names them only when the best one names fewer than two
        if len(names([best])) >= 2:
            return best
        rivals = [
            s
            for s in ranked[: LIST_CANDIDATES + 1]
            if s.score >= AGENT_LIST_SHARE * best.score and not s.unit.instruction and holds_wanted(q, s.unit)
        ]
        richest, found = max(((s, len(names(beside(s)))) for s in rivals), key=lambda p: p[1], default=(best, 0))
        return richest if found >= 2 and found > len(names(beside(best))) else best

    @staticmethod
    def _fullest(best: Scored, ranked: list[Scored], hits: Sequence[Hit]) -> Scored:
        """ "Which kinds of firearms were handed in?", "what weapons were seized?": no recogniser
        types the members, but the sentence listing them has many short parts ("eight M16 rifles,
        one Galil rifle, three pump-action shotguns ..."); among the best-ranked units of the best
        one's report, the one giving the longest such list, weighed with its relevance as for
        named members, answers when it lists at least LIST_MIN_PARTS things."""
        doc = hits[best.unit.hit_index].chunk.doc_id
        if best.unit.is_item or short_parts(best.unit.text) >= LIST_MIN_PARTS:
            return best

        def weight(s: Scored) -> float:
            return s.score * (1.0 + LIST_MEMBERS_WEIGHT * math.log2(max(1, short_parts(s.unit.text))))

        rivals = [
            s
            for s in ranked[:LIST_RIVAL_DEPTH]
            if s.score >= LIST_SCORE_SHARE * best.score
            # (saying the question's own words nearly as well: not the longest list of the page)
            and s.own_coverage >= ASKED_COVERAGE_SHARE * best.own_coverage
            and hits[s.unit.hit_index].chunk.doc_id == doc
            and not s.unit.instruction
            and not s.unit.is_item
            and short_parts(s.unit.text) >= LIST_MIN_PARTS
        ]
        return max([best, *rivals], key=weight)

    @staticmethod
    def _paragraph(s: Scored, ranked: list[Scored]) -> tuple[list[Scored], int]:
        """The units of `s`'s paragraph (or form record) in reading order, and where `s` stands."""
        same = sorted((x for x in ranked if same_paragraph(x, s)), key=lambda x: x.unit.start)
        return same, same.index(s)

    @staticmethod
    def _enumeration_nearby(best: Scored, ranked: list[Scored]) -> list[Scored]:
        """A list question whose best sentence names no list ("a workshop was held ...") is
        answered by the next or previous sentence that enumerates names ("Officers from A, B, C")."""
        same = sorted((s for s in ranked if s.unit.hit_index == best.unit.hit_index), key=lambda s: s.unit.start)
        at = same.index(best)
        for s in same[at + 1 : at + 2] + same[max(0, at - 1) : at]:
            if abs(s.unit.line - best.unit.line) <= 1 and enumerated(s.unit.text) >= 3 and not is_heading(s.unit, ""):
                return [s]
        return []

    @staticmethod
    def _announced(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> list[Scored]:
        """ "SI-CERT runs three triage lines. One handles ... A second ... A third ...", "six
        vehicles were seized. Among these were ...": a sentence giving the number of the things a
        list question asks for announces them; they follow it in its paragraph."""
        n = count_given(reading(best.unit), {*q.asked_nouns, *q.terms})
        if n < 2:
            return []
        same, at = AnswerEngine._paragraph(best, ranked)
        after = same[at + 1 :]
        if not after:  # the paragraph ends there; the next one goes on about them ("Among these were ...")
            nxt = min(
                (s for s in ranked if s.unit.hit_index == best.unit.hit_index and s.unit.line == best.unit.line + 1),
                key=lambda s: s.unit.start,
                default=None,
            )
            after = AnswerEngine._paragraph(nxt, ranked)[0] if nxt and ANAPHOR.match(nxt.unit.text) else []
        return [s for s in after[: min(2 * n, ANNOUNCED_MAX)] if not is_heading(s.unit, "")]

    @staticmethod
    def _doing(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """The best-ranked unit near the top saying the question's act and holding a doer of the
        kind asked, that covers the question a fair share as well as the best one."""
        acts = set(q.predicates[:1])  # (the main verb: "to use guns" in "who is teaching X to use guns" is not)
        return next(
            (
                s
                for s in ranked[:DOER_SEARCH_DEPTH]
                if acts & said_tokens(reading(s.unit))
                and (named_doer(s.unit.text, acts) or done_by(s.unit.text, acts))
                and holds_wanted(q, s.unit)
                and s.coverage >= LATER_COVERAGE_SHARE * best.coverage
                and not s.unit.instruction
                and not is_heading(s.unit, "")
            ),
            None,
        )

    @staticmethod
    def _speaker(q: QuestionProfile, best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "“The Act protects exporters ...,” he said at a briefing" names no one: for a question
        asking who, the closest sentence before it (a line or two up), when it names a person,
        names the speaker ("Strategic trade controller M. S. Abdul Kareen said ...")."""
        if q.expects not in PEOPLE_KINDS or holds_wanted(q, best.unit, "person"):
            return None
        if not SPEAKER_PRONOUN.search(best.unit.text):
            return None
        prev = AnswerEngine._before(best, ranked)
        if prev is None or prev.unit.line < best.unit.line - SPEAKER_LINES:
            return None
        return prev if holds_wanted(q, prev.unit, "person") else None

    @staticmethod
    def _before(best: Scored, ranked: list[Scored]) -> Scored | None:
        """The unit just before the best one in its chunk."""
        before = [s for s in ranked if s.unit.hit_index == best.unit.hit_index and s.unit.end <= best.unit.start]
        return max(before, key=lambda s: s.unit.start, default=None)

    @staticmethod
    def _antecedent(best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "This magazine was developed with ..." cannot stand alone: the sentence before it
        says which magazine. A best unit opening with a pointing word brings its predecessor."""
        if best.unit.is_item or not ANAPHOR.match(best.unit.text):
            return None
        prev = AnswerEngine._before(best, ranked)
        if prev is None or is_heading(prev.unit, "") or prev.unit.line < best.unit.line - 1:
            return None
        return prev

    def _counterparts(
        self, q: QuestionProfile, best: Scored, ranked: list[Scored], chosen: list[Scored]
    ) -> list[Scored]:
        """The other side of a comparison: a neighbouring sentence of the best unit that brings
        terms or years it lacks, or the best passage from another report for "both" questions."""
        have = set(tokenize(" ".join(s.unit.text for s in chosen)))
        wanted = set(q.terms) | set(q.years)
        out: list[Scored] = []

        def gives(s: Scored) -> bool:  # the other side gives its own value ("trends for 2020/21" gives no count)
            return q.expects in UNTYPED or holds_wanted(q, s.unit)

        # ("2023 vs the 2 yrs before": a neighbour's figure for another year is the other side)
        years_given = {y for s in chosen if gives(s) for y in YEAR.findall(s.unit.text)}
        nearby = [
            s for s in ranked if s.unit.hit_index == best.unit.hit_index and abs(s.unit.line - best.unit.line) <= 1
        ]
        for s in sorted(nearby, key=lambda s: abs(s.unit.line - best.unit.line)):
            if s in chosen or is_heading(s.unit, ""):
                continue
            # (another year's figure, where the best one's own figure is of a year)
            other_year = bool(years_given) and bool(set(YEAR.findall(s.unit.text)) - years_given)
            brings = (set(tokenize(s.unit.text)) & wanted) - have or other_year
            if brings and gives(s):
                out.append(s)
                break
        # "where was it in 2018 vs 2019?": each year compared, from the best unit saying it (with
        # the kind of value asked for) wherever it is
        for year in q.years:
            if any(year in s.unit.text and gives(s) for s in [*chosen, *out]):
                continue
            side = next(
                (
                    s
                    for s in ranked[:COMPARED_YEAR_DEPTH]
                    if year in s.unit.text and s not in chosen and not is_heading(s.unit, "") and gives(s)
                ),
                None,
            )
            if side is not None:
                out.append(side)
        return out

    @staticmethod
    def _other_report(best: Scored, ranked: list[Scored], chosen: list[Scored], hits: Sequence[Hit]) -> list[Scored]:
        """A question that names two reports gets the best passage of the other one too."""
        doc = hits[best.unit.hit_index].chunk.doc_id
        for s in ranked:
            if hits[s.unit.hit_index].chunk.doc_id != doc and s not in chosen and not is_heading(s.unit, ""):
                return [s] if s.score >= 0.6 * best.score else []
        return []

    @staticmethod
    def _length(units: Sequence[Scored]) -> int:
        return sum(len(s.unit.text) + 2 for s in units)


def _contrast(own: Sequence[str], other: set[str], text: str) -> float:
    """How much a unit is about the other side instead of this one: the share of the other
    side's own words it says, unless it names this side in full too (a sentence weighing both)."""
    said = set(tokenize(text))
    if not other or set(own) <= said:
        return 0.0
    return len(other & said) / len(other)


def _both(terms: Sequence[Sequence[str]], s: Scored) -> bool:
    """Does a unit name both sides in full, with a figure for each ("A has 63% ..., B 49%")?"""
    said = set(tokenize(s.unit.text))
    return all(set(side) <= said for side in terms) and len(QUANTITY.findall(s.unit.text)) >= len(terms)


def says_role(q: QuestionProfile, s: Scored, literal: bool = False) -> bool:
    """Does the unit itself say the role asked ("head" of "who is head of mission"), or (unless
    `literal`), for whoever heads a body, name a person by a top title ("Director General
    Charlotte Svensson")?"""
    said = said_tokens(reading(s.unit))
    asked = set(q.asked_nouns[-1:])
    if not asked:
        return True  # ("who is listed as the contact point ...": no role word to say)
    titled = not literal and asked <= HEAD_STEMS and titled_person(s.unit, said)
    return bool(asked & said) or titled


def _stands_out(q: QuestionProfile, s: Scored) -> bool:
    """Does the unit say which stands out, at the end asked ("the least" for "the fewest")?"""
    text = reading(s.unit)
    return bool(STANDOUT.search(text)) and not reversed_extreme(q, text)
