"""Does the retrieved evidence hold what the question asks for? The reasons to decline.

Declining rests on evidence, not on one similarity threshold: a name the reports never use,
a report that is not indexed, a year no relevant passage belongs to, a kind of value (date,
amount, count of the right thing) missing from every passage nearly as relevant as the best.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.understand.names import same_name
from assistant.understand.question import QuestionProfile, counts, word_set
from assistant.understand.wanted import BESIDE_KINDS, KINDS
from assistant.answer.scoring import Scored, acronyms, counted_nouns, holds_wanted
from assistant.types import Hit
from vectorstore.lexical import LexicalIndex, tokenize


def missing_evidence(q: QuestionProfile, ranked: list[Scored], hits: Sequence[Hit], lexical: LexicalIndex) -> str:
    """Why the evidence cannot answer, or '' when it can."""
    context = " ".join(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in hits)
    known = acronyms(context) | word_set(context)
    missing = [
        e
        for e in q.entities
        if e not in q.qualifiers
        and e not in known
        and not all(lexical.knows(t) for t in tokenize(e))
        and not any(same_name(e, w) for w in known)
        and not rephrased(e, q, lexical)
    ]
    if missing:
        return f"the indexed reports do not mention {', '.join(missing)}"
    if q.owners:
        return f"no indexed report is {' or '.join(o.title() for o in q.owners)}'s"
    absent_years = [y for y in q.years if y not in context]
    if not absent_years and not q.compares:
        absent_years = [y for y in q.asked_years if not year_evidence(y, ranked, hits)]
    if absent_years:
        return f"the indexed reports say nothing about {', '.join(absent_years)} on this"
    # The value asked for must sit in a passage nearly as relevant as the best one: a
    # figure from a neighbouring sentence about something else is no answer.
    floor = 0.7 * ranked[0].score
    typed = [
        s
        for s in ranked[:8]
        if holds_wanted(q, s.unit)
        and (
            (s.coverage >= 0.3 or s.dense >= 0.55)
            and s.score >= floor
            or q.expects in BESIDE_KINDS
            and same_paragraph(s, ranked[0])
        )
    ]
    if KINDS.get(q.expects, KINDS["thing"]).strict and not typed:
        return f"the indexed reports give no {KINDS[q.expects].name} for this"
    nouns = {t for t in counted_nouns(q) if lexical.knows(t)}  # "ppl", "folks": no evidence either way
    if q.expects == "count" and nouns and not any(counts(s.unit.text, nouns) for s in typed):
        return f"the indexed reports give no number of {q.counted[0]}… for this"
    if ranked[0].coverage < 0.3 and ranked[0].dense < 0.45:
        return "no passage of the indexed reports addresses this question"
    return ""


def same_paragraph(a: Scored, b: Scored) -> bool:
    """The answer may sit beside the best sentence: the engine widens to its paragraph."""
    return a.unit.hit_index == b.unit.hit_index and a.unit.line == b.unit.line


def rephrased(entity: str, q: QuestionProfile, lexical: LexicalIndex) -> bool:
    """ "IDs" is no unknown name when the thesaurus gives words the reports use for it."""
    stems = set(tokenize(entity))
    return any(
        stems <= set(p.words) and any(all(lexical.knows(t) for t in o) for o in p.options) for p in q.paraphrases
    )


def year_evidence(year: str, ranked: list[Scored], hits: Sequence[Hit]) -> bool:
    """Does a passage that addresses the question belong to the year asked? The year is
    in the sentence, its paragraph, its section, or is the year the report covers."""
    floor = 0.6 * ranked[0].score
    for s in ranked[:10]:
        if s.score < floor:
            break
        chunk = hits[s.unit.hit_index].chunk
        paragraph = chunk.text.split("\n")[s.unit.line]  # units are split from these very lines
        if year in s.unit.text or year in paragraph or year in chunk.section or str(chunk.year) == year:
            return True
    return False
