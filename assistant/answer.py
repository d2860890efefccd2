"""The offline answer engine: pick the units of the retrieved chunks that answer the question.

No LLM: every sentence of an answer is a verbatim unit of a report, so every claim carries
a citation whose quote can be checked. The engine declines when the evidence does not
contain what is asked (a named entity, the year, the kind of value), not on one threshold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.question import YEAR, QuestionProfile, content_terms, counts, has_expected, same_name, word_set
from assistant.types import Citation, Hit
from assistant.units import Unit, mostly_upper, split_hits
from vectorstore.embeddings import Embedder
from vectorstore.lexical import LexicalIndex, fold, tokenize, words


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    coverage: float  # share of the question's term weight found in the unit and its context
    dense: float
    list_match: float = 0.0  # how well the line introducing the unit's list matches the question


@dataclass(frozen=True)
class Draft:
    """The engine's decision before formatting: chosen units or a decline with related units."""

    chosen: tuple[Scored, ...]
    abstained: bool
    reason: str = ""
    related: tuple[Scored, ...] = ()


# Sentence openings that point back at the sentence before ("This magazine", "They", "Such").
ANAPHOR = re.compile(r"(?:This|These|Those|That|It|Its|They|Their|Such|Both|The latter|The former|The same)\b")

# How much a comparison side's passage loses for holding the other side's distinctive words.
SIDE_CONTRAST = 0.3

# A unit holding a multi-word name exactly as the user typed it ("National Cybersecurity Policy").
NAME_MATCH = 0.1

# A report phrasing the thesaurus gives for the question's words counts nearly as much as them.
PARAPHRASE_CREDIT = 0.7

KIND_NAMES = {
    "money": "amount",
    "count": "figure",
    "date": "date",
    "email": "email address",
    "phone": "telephone number",
    "identifier": "document number",
    "person": "named person",
    "government": "government",
}


def embedding_text(unit: Unit, section: str) -> str:
    """Short units ("Email Address: x@y") mean little alone: embed them with their section path."""
    return f"{section}: {unit.text}" if len(unit.text) < 100 and section else unit.text


def term_weights(q: QuestionProfile, lexical: LexicalIndex) -> dict[str, float]:
    """IDF weights; carried-over context counts half; words no report contains count little
    (a rare word the reports lack says more about the asker's wording than about the answer)."""
    def weight(t: str) -> float:
        if lexical.knows(t):
            return lexical.idf(t) + 0.1
        # A word the reports lack but say otherwise ("Honduran" / "Honduras") weighs as their word.
        forms = [
            float(np.mean([lexical.idf(o) for o in option])) + 0.1
            for p in q.paraphrases if t in p.words for option in p.options if all(lexical.knows(o) for o in option)
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


def is_heading(unit: Unit, section: str) -> bool:
    """Headings and form labels name a topic; they never answer a question themselves."""
    text = unit.text.strip()
    if section and text.rstrip(":") and section.split(" > ")[-1].startswith(text.rstrip(":")[:40]):
        return True
    return mostly_upper(text) or (text.endswith(":") and len(text) < 120 and not unit.is_item)


def acronyms(text: str) -> set[str]:
    """Acronyms of capitalised word runs ("Counter-Terrorism Action Plan" -> "ctap", "tap")."""
    found: set[str] = set()
    for run in re.findall(r"(?:[A-Z][\w’']*[\s\-]+(?:(?:of|the|and|for|on|in)\s+)?){1,}[A-Z][\w’']*", text):
        letters = "".join(w[0] for w in re.split(r"[\s\-]+", run) if w and w[0].isupper()).lower()
        found.update(letters[i:] for i in range(len(letters) - 1))
    return found


def counted_nouns(q: QuestionProfile) -> set[str]:
    """The counted noun of "how many X" and the thesaurus words for it (stems)."""
    return set(q.counted) | {t for p in q.paraphrases if set(p.words) & set(q.counted) for o in p.options for t in o}


def enumerated(text: str) -> int:
    """How many capitalised names a sentence lists ("Barbados, Dominica, and Tonga" -> 3)."""
    pieces = re.split(r",\s*(?:and\s+|or\s+)?|;\s*(?:and\s+)?|\s+and\s+|\s+or\s+", text)
    return sum(1 for p in pieces if re.match(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,4}\W*$", p.strip()))


RELATED_NOTE = " The closest passages are listed as related, not as an answer."


class AnswerEngine:
    """Scores units against a question profile and selects, checks and cites them."""

    def __init__(self, embedder: Embedder, max_chars: int = 600) -> None:
        self.embedder = embedder
        self.max_chars = max_chars
        self._cache: dict[str, np.ndarray] = {}

    def clear_cache(self) -> None:
        """Forget embedded units (benchmarks measure a question never seen before)."""
        self._cache.clear()

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vec in zip(missing, self.embedder.embed_documents(missing)):
                self._cache[text] = np.asarray(vec, dtype="float32")
        if len(self._cache) > 20_000:  # bounded: one long-running server, many questions
            self._cache.clear()
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1))

    def score(self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex) -> list[Scored]:
        """Every unit of the hits, scored: term coverage, meaning, expected answer type, rank."""
        units = split_hits(hits)
        if not units:
            return []
        weights = term_weights(q, lexical)
        total = sum(weights.values()) or 1.0
        weights.update(alt_weights(q, lexical, weights))
        qvec = np.asarray(self.embedder.embed_query(q.text), dtype="float32")
        dense = self._embed([embedding_text(u, hits[u.hit_index].chunk.section) for u in units]) @ qvec
        token_sets = [set(tokenize(u.text)) for u in units]
        folded_units = [" ".join(words(u.text)) for u in units]
        counted = counted_nouns(q)
        intro_tokens = {u.list_id: token_sets[i] for i, u in enumerate(units) if u.list_id is not None and not u.is_item}
        # What a list is about is said by the line introducing it; its items inherit that meaning.
        intro_dense: dict[int | None, float] = {}
        for i, u in enumerate(units):
            if u.list_id is not None and not u.is_item:
                intro_dense[u.list_id] = max(intro_dense.get(u.list_id, -1.0), float(dense[i]))
        chunk_tokens = [set(tokenize(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}")) | acronyms(h.chunk.title) for h in hits]

        def cover(tokens: set[str]) -> float:
            got = sum(w for t, w in weights.items() if t in tokens)
            credited: set[str] = set()
            for p in q.paraphrases:  # "business world" is found when the text says "private sector"
                missing = {t for t in p.words if t in weights and t not in tokens} - credited
                if missing and any(set(o) <= tokens for o in p.options):
                    got += PARAPHRASE_CREDIT * sum(weights[t] for t in missing)
                    credited |= missing
            return min(1.0, got / total)

        out = []
        for i, u in enumerate(units):
            chunk = hits[u.hit_index].chunk
            near = set().union(
                *(token_sets[j] for j in range(len(units)) if units[j].hit_index == u.hit_index and 0 < abs(units[j].line - u.line) <= 2)
            )
            intro = intro_tokens.get(u.list_id, set())
            context = set(tokenize(chunk.section + " " + chunk.title)) | acronyms(chunk.title) | intro
            ctx = cover(token_sets[i] | context | near)
            typed = 0.15 if q.expects not in {"thing", "list"} and has_expected(q.expects, u.text) else 0.0
            if typed and counted:  # a number of the things asked about, not of something else
                typed = 0.25 if counts(u.text, counted) else 0.05
            if q.expects == "name" and novel_name(u.text, q):
                typed = 0.15
            heading = 0.25 if is_heading(u, chunk.section) else 0.0
            named = NAME_MATCH if q.names and any(n in folded_units[i] for n in q.names) else 0.0
            stated = set(YEAR.findall(u.text))
            other_year = 0.15 if q.years and not q.compares and stated and not stated & set(q.years) else 0.0
            listed = 0.08 + 0.2 * intro_dense.get(u.list_id, 0.0) if q.wants_list and u.is_item else 0.0
            score = (
                0.4 * cover(token_sets[i]) + 0.2 * ctx + 0.15 * cover(chunk_tokens[u.hit_index])
                + 0.35 * float(dense[i]) + typed + listed + named - heading - other_year + 0.03 / (1 + u.hit_index)
            )
            out.append(Scored(u, score, ctx, float(dense[i]), cover(intro | context) if u.list_id is not None else 0.0))
        return sorted(out, key=lambda s: -s.score)

    def decide(self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex) -> Draft:
        """Choose the answering units, or decline with the closest ones as related passages."""
        ranked = self.score(q, hits, lexical)
        if not ranked:
            return Draft((), True, "nothing is indexed that matches the question")
        reason = self._missing_evidence(q, ranked, hits, lexical)
        if reason:
            return Draft((), True, reason, tuple(ranked[:3]))
        if q.sides:
            both = self._sides(q, hits, lexical)
            if both:
                return Draft(tuple(both), False)
        focused = [s for s in ranked if hits[s.unit.hit_index].chunk.doc_id in q.focus_docs and not is_heading(s.unit, "")]
        best = self._anchored(q, hits, lexical, ranked) or (focused[0] if focused else ranked[0])
        chosen = self._gather(q, best, ranked, hits)
        return Draft(tuple(chosen), False)

    def _sides(self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex) -> list[Scored]:
        """"Which came first, A or B?": the best passage for A and the best for B, each scored
        on its own words with the rest of the question as context; [] unless both are found."""
        out: list[Scored] = []
        terms = [content_terms(side) for side in q.sides]
        frame = tuple(t for t in q.terms if not any(t in own for own in terms))
        for i, own in enumerate(terms):
            # What sets the other side apart counts against this one: "checked baggage" is
            # no answer for "air cargo".
            other = set(terms[1 - i]) - set(own)
            side_q = replace(q, terms=own, context_terms=frame, sides=(), wants_list=False,
                             expects="count" if q.counted else q.expects)
            ranked = sorted(
                self.score(side_q, hits, lexical),
                key=lambda s: -(s.score - SIDE_CONTRAST * len(other & set(tokenize(s.unit.text))) / max(1, len(other))),
            )
            pick = next((s for s in ranked if not is_heading(s.unit, "") and s.unit not in {o.unit for o in out}), None)
            if pick is None or pick.coverage < 0.3:
                return []
            out.append(pick)
        return out

    def _anchored(self, q: QuestionProfile, hits: Sequence[Hit], lexical: LexicalIndex, ranked: list[Scored]) -> Scored | None:
        """For "what's her email?" after "who is the contact point for X?": the address that
        follows the person the earlier question found, not the best-scoring address anywhere."""
        if not q.context_terms or q.expects not in {"email", "phone"}:
            return None
        earlier = replace(q, terms=q.context_terms, context_terms=(), expects="person")
        people = [s for s in self.score(earlier, hits, lexical) if has_expected("person", s.unit.text)]
        if not people:
            return None
        anchor = people[0].unit
        after = [
            s for s in ranked
            if s.unit.hit_index == anchor.hit_index and s.unit.start > anchor.start and has_expected(q.expects, s.unit.text)
        ]
        return min(after, key=lambda s: s.unit.start) if after else None

    def _missing_evidence(self, q: QuestionProfile, ranked: list[Scored], hits: Sequence[Hit], lexical: LexicalIndex) -> str:
        """Why the evidence cannot answer, or '' when it can."""
        context = " ".join(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in hits)
        known = acronyms(context) | word_set(context)
        missing = [
            e for e in q.entities
            if e not in q.qualifiers and e not in known and not all(lexical.knows(t) for t in tokenize(e))
            and not any(same_name(e, w) for w in known) and not self._rephrased(e, q, lexical)
        ]
        if missing:
            return f"the indexed reports do not mention {', '.join(missing)}"
        if q.owners:
            return f"no indexed report is {' or '.join(o.title() for o in q.owners)}'s"
        absent_years = [y for y in q.years if y not in context]
        if not absent_years and not q.compares:
            absent_years = [y for y in q.asked_years if not self._year_evidence(y, ranked, hits)]
        if absent_years:
            return f"the indexed reports say nothing about {', '.join(absent_years)} on this"
        # The value asked for must sit in a passage nearly as relevant as the best one: a
        # figure from a neighbouring sentence about something else is no answer.
        floor = 0.7 * ranked[0].score
        typed = [
            s for s in ranked[:8]
            if has_expected(q.expects, s.unit.text) and (s.coverage >= 0.3 or s.dense >= 0.55) and s.score >= floor
        ]
        if q.expects in KIND_NAMES and not typed:
            return f"the indexed reports give no {KIND_NAMES[q.expects]} for this"
        nouns = {t for t in counted_nouns(q) if lexical.knows(t)}  # "ppl", "folks": no evidence either way
        if q.expects == "count" and nouns and not any(counts(s.unit.text, nouns) for s in typed):
            return f"the indexed reports give no number of {q.counted[0]}… for this"
        if ranked[0].coverage < 0.3 and ranked[0].dense < 0.45:
            return "no passage of the indexed reports addresses this question"
        return ""

    @staticmethod
    def _rephrased(entity: str, q: QuestionProfile, lexical: LexicalIndex) -> bool:
        """"IDs" is no unknown name when the thesaurus gives words the reports use for it."""
        stems = set(tokenize(entity))
        return any(
            stems <= set(p.words) and any(all(lexical.knows(t) for t in o) for o in p.options) for p in q.paraphrases
        )

    @staticmethod
    def _year_evidence(year: str, ranked: list[Scored], hits: Sequence[Hit]) -> bool:
        """Does a passage that addresses the question belong to the year asked? The year is
        in the sentence, its paragraph, its section, or is the year the report covers."""
        floor = 0.6 * ranked[0].score
        for s in ranked[:10]:
            if s.score < floor:
                break
            chunk = hits[s.unit.hit_index].chunk
            paragraph = chunk.text.split("\n")[s.unit.line] if s.unit.line < chunk.text.count("\n") + 1 else ""
            if year in s.unit.text or year in paragraph or year in chunk.section or str(chunk.year) == year:
                return True
        return False

    def _gather(self, q: QuestionProfile, best: Scored, ranked: list[Scored], hits: Sequence[Hit]) -> list[Scored]:
        """The best unit; with a list question, its whole list; then units adding missing terms."""
        if q.expects not in {"thing", "list"} and not has_expected(q.expects, best.unit.text):
            typed = [s for s in ranked[:10] if has_expected(q.expects, s.unit.text)]
            if typed:
                best = typed[0]
        chosen = [best]
        u = best.unit
        antecedent = self._antecedent(best, ranked)
        if antecedent:
            chosen.append(antecedent)
        siblings = [s for s in ranked if s.unit.list_id is not None and s.unit.list_id == u.list_id and s is not best]
        if q.wants_list:
            same_line = [s for s in ranked if s.unit.hit_index == u.hit_index and s.unit.line == u.line and s is not best]
            nearby = self._enumeration_nearby(best, ranked) if not u.is_item and enumerated(u.text) < 3 else []
            if nearby and self._length([best, *nearby]) > self.max_chars:  # the names, not the preamble
                best, u, chosen, same_line = nearby[0], nearby[0].unit, [nearby[0]], []
            elif nearby:  # the names sit in the next (or previous) sentence
                same_line = nearby
            if q.expects == "person":
                siblings = [s for s in ranked if s.unit.hit_index == u.hit_index and has_expected("person", s.unit.text)]
            elif u.is_item and best.list_match < 0.5:  # the list is about something else: matching items only
                siblings = [s for s in siblings if s.unit.is_item and s.score >= 0.8 * best.score]
            chosen += [s for s in sorted(dict.fromkeys(same_line + siblings), key=lambda s: s.unit.start) if s not in chosen]
        elif not u.is_item:  # a sentence introducing a list: the list is the answer
            chosen += sorted(siblings, key=lambda s: s.unit.start)
        chosen = [s for s in chosen if s is best or not is_heading(s.unit, "")]
        if q.compares:
            chosen += self._counterparts(q, best, ranked, chosen)
        if q.cross_doc:
            chosen += self._other_report(best, ranked, chosen, hits)
        weights = {t: 1.0 for t in q.terms}
        covered = set(tokenize(" ".join(s.unit.text for s in chosen)))
        for s in ranked[1:6]:
            if s in chosen or s.score < 0.85 * best.score or is_heading(s.unit, ""):
                continue
            new = (set(tokenize(s.unit.text)) & set(weights)) - covered
            if len(new) >= max(1, len(weights) // 4) and self._length(chosen + [s]) <= self.max_chars:
                chosen.append(s)
                covered |= new
        while len(chosen) > 1 and self._length(chosen) > self.max_chars:
            chosen.pop()
        rest = sorted((s for s in chosen if s is not best and s is not antecedent), key=lambda s: (s.unit.hit_index, s.unit.start))
        return ([antecedent] if antecedent in chosen else []) + [best] + rest

    @staticmethod
    def _enumeration_nearby(best: Scored, ranked: list[Scored]) -> list[Scored]:
        """A list question whose best sentence names no list ("a workshop was held ...") is
        answered by the next or previous sentence that enumerates names ("Officers from A, B, C")."""
        same = sorted((s for s in ranked if s.unit.hit_index == best.unit.hit_index), key=lambda s: s.unit.start)
        at = same.index(best)
        for s in (same[at + 1 : at + 2] + same[max(0, at - 1) : at]):
            if abs(s.unit.line - best.unit.line) <= 1 and enumerated(s.unit.text) >= 3 and not is_heading(s.unit, ""):
                return [s]
        return []

    @staticmethod
    def _antecedent(best: Scored, ranked: list[Scored]) -> Scored | None:
        """"This magazine was developed with ..." cannot stand alone: the sentence before it
        says which magazine. A best unit opening with a pointing word brings its predecessor."""
        if best.unit.is_item or not ANAPHOR.match(best.unit.text):
            return None
        before = [s for s in ranked if s.unit.hit_index == best.unit.hit_index and s.unit.end <= best.unit.start]
        prev = max(before, key=lambda s: s.unit.start, default=None)
        if prev is None or is_heading(prev.unit, "") or prev.unit.line < best.unit.line - 1:
            return None
        return prev

    def _counterparts(self, q: QuestionProfile, best: Scored, ranked: list[Scored], chosen: list[Scored]) -> list[Scored]:
        """The other side of a comparison: a neighbouring sentence of the best unit that brings
        terms or years it lacks, or the best passage from another report for "both" questions."""
        have = set(tokenize(" ".join(s.unit.text for s in chosen)))
        wanted = set(q.terms) | set(q.years)
        out = []
        nearby = [s for s in ranked if s.unit.hit_index == best.unit.hit_index and abs(s.unit.line - best.unit.line) <= 1]
        for s in sorted(nearby, key=lambda s: abs(s.unit.line - best.unit.line)):
            if s in chosen or is_heading(s.unit, ""):
                continue
            if (set(tokenize(s.unit.text)) & wanted) - have:
                out.append(s)
                break
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


def cite(units: Sequence[Scored], hits: Sequence[Hit], start: int = 1) -> list[Citation]:
    """One citation per unit: exact quote, page of the quote's first character, section."""
    out = []
    for n, s in enumerate(units, start=start):
        chunk = hits[s.unit.hit_index].chunk
        out.append(
            Citation(
                n=n,
                doc_id=chunk.doc_id,
                source=chunk.source,
                title=chunk.title,
                page=chunk.page_at(s.unit.start),
                section=chunk.section or None,
                quote=s.unit.text,
                score=round(s.score, 4),
                chunk_id=chunk.chunk_id,
                organisation=chunk.organisation,
                year=chunk.year,
            )
        )
    return out


def compose(draft: Draft, hits: Sequence[Hit], question: str) -> tuple[str, list[Citation], list[Citation]]:
    """Answer text with [n] markers, its citations, and related passages for a decline."""
    if draft.abstained:
        related = cite(draft.related, hits)
        text = f"The indexed reports do not say this: {draft.reason}."
        if related:
            text += RELATED_NOTE
        return text, [], related
    citations = cite(draft.chosen, hits)
    parts = []
    for s, c in zip(draft.chosen, citations):
        body = s.unit.text.rstrip(" ;,")
        parts.append(f"{body} [{c.n}]")
    joiner = "; " if any(s.unit.is_item for s in draft.chosen) else " "
    return joiner.join(parts), citations, []
