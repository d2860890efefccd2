"""Turn the engine's decision into answer text with [n] markers and checkable citations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answer.engine import Draft
from assistant.answer.scoring import Scored
from assistant.types import Answer, Chunk, Citation, Hit
from assistant.understand.question import YEAR_SPAN
from assistant.understand.wanted import YEAR

RELATED_NOTE = " The closest passages are listed as related, not as an answer."
SET_ASIDE_NOTE = "A passage of “{title}” looks like an instruction to the assistant and was not used."


def cite(units: Sequence[Scored], hits: Sequence[Hit], start: int = 1) -> list[Citation]:
    """One citation per unit: exact quote, page of the quote's first character, section."""
    return [
        citation(n, hits[s.unit.hit_index].chunk, s.unit.start, s.unit.text, s.score)
        for n, s in enumerate(units, start=start)
    ]


def citation(n: int, chunk: Chunk, offset: int, quote: str, score: float) -> Citation:
    """Citation number `n` of `quote`, found at `offset` in `chunk` (its page is that offset's)."""
    return Citation(
        n=n,
        doc_id=chunk.doc_id,
        source=chunk.source,
        title=chunk.title,
        page=chunk.page_at(offset),
        section=chunk.section or None,
        quote=quote,
        score=round(float(score), 4),
        chunk_id=chunk.chunk_id,
        organisation=chunk.organisation,
        year=chunk.year,
    )


def set_aside_note(draft: Draft, hits: Sequence[Hit]) -> str:
    """' A passage of <report> looks like an instruction ...', once per report, or ''."""
    titles = dict.fromkeys(hits[s.unit.hit_index].chunk.title for s in draft.set_aside)
    return "".join(" " + SET_ASIDE_NOTE.format(title=title) for title in titles)


def compose(draft: Draft, hits: Sequence[Hit], question: str) -> tuple[str, list[Citation], list[Citation]]:
    """Answer text with [n] markers, its citations, and related passages for a decline."""
    if draft.abstained:
        related = cite(draft.related, hits)
        text = f"The indexed reports do not say this: {draft.reason}."
        if related:
            text += RELATED_NOTE
        return text + set_aside_note(draft, hits), [], related
    citations = cite(draft.chosen, hits)
    as_list = sum(s.unit.is_item for s in draft.chosen) >= 2  # list items are shown as a list
    parts = []
    labels = draft.labels if len(draft.labels) == len(draft.chosen) else ("",) * len(draft.chosen)
    for s, c, label in zip(draft.chosen, citations, labels):
        body = s.unit.text.rstrip(" ;,")
        body = f"{'… ' if s.unit.cut_before else ''}{body}{' …' if s.unit.cut_after else ''}"
        if label:  # "which drew more, A or B?": which passage speaks for which side
            body = f"{label[:1].upper()}{label[1:]}: {body}"
        parts.append(f"- {body} [{c.n}]" if as_list and s.unit.is_item else f"{body} [{c.n}]")
    joiner = "\n" if as_list else "; " if any(s.unit.is_item for s in draft.chosen) else " "
    return joiner.join(parts) + set_aside_note(draft, hits), citations, []


def piece_separator(piece: str, first: bool) -> str:
    """What goes before a piece of an answer: nothing first, a line break before a list item
    ("- ..."), else a space."""
    return "" if first else "\n" if piece.startswith("- ") else " "


def join_pieces(pieces: Sequence[str]) -> str:
    return "".join(piece_separator(p, i == 0) + p for i, p in enumerate(pieces)).strip()


def join_answers(question: str, parts: Sequence[str], answers: Sequence[Answer]) -> Answer:
    """One answer for a message that asked several things: the parts' answers in order, their
    citations renumbered (a passage cited twice keeps one number); a part the reports do not
    answer says so in one sentence. Declined only when every part is."""
    if all(a.abstained for a in answers):
        first = answers[0]
        related = _renumbered([c for a in answers for c in a.related])
        return replace(first, question=question, related=tuple(related), why=_why(parts, answers))
    numbers: dict[tuple[str, str], int] = {}
    citations: list[Citation] = []
    texts = []
    for part, a in zip(parts, answers):
        if a.abstained:
            gap = year_gap(part, citations)
            texts.append(gap or f"The indexed reports do not answer “{part.strip(' ?')}”.")
            continue
        given = set(numbers.values())  # passages an earlier part already quoted are not repeated
        local = {}
        for c in a.citations:
            # a part quoting what an earlier part quoted whole (its clause cut out) repeats it
            key = next((k for k in numbers if k[0] == c.doc_id and c.quote.strip(" …") in k[1]), (c.doc_id, c.quote))
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                citations.append(replace(c, n=numbers[key]))
            local[c.n] = numbers[key]
        for piece in re.split(r"(?<=\])[ ;\n]+", a.answer):
            marker = _MARKER.search(piece)
            if marker and local.get(int(marker.group(1))) in given:
                continue
            texts.append(_MARKER.sub(lambda m: f"[{local.get(int(m.group(1)), m.group(1))}]", piece))
    timings = {key: sum(a.timings_ms.get(key, 0.0) for a in answers) for key in answers[0].timings_ms}
    hits = tuple({h.chunk.chunk_id: h for a in answers for h in a.hits}.values())
    return Answer(
        question=question,
        answer=join_pieces(texts),
        abstained=False,
        citations=tuple(citations),
        timings_ms=timings,
        standalone_question=question,
        hits=hits,
        why=_why(parts, answers),
    )


_MARKER = re.compile(r"\[(\d+)\]")

# "... which started earlier? by how many yrs?": the gap between two years the other parts cited.
_YEAR_GAP = re.compile(
    r"\bby how many (?:years|yrs)\b|\bhow many (?:years|yrs)\s+(?:apart|later|earlier|after|before|between|separate)\b"
    r"|\bhow long (?:after|before|between)\b",
    re.I,
)


def year_gap(part: str, citations: Sequence[Citation]) -> str | None:
    """The years between the two years the cited passages give, for a part asking how many
    years apart they are; None unless the passages give exactly two (a span such as "2017-2022"
    or a third year leaves it to the reader)."""
    if not _YEAR_GAP.search(part):
        return None
    found = {c.n: set(YEAR.findall(c.quote)) for c in citations}
    years = sorted(set().union(*found.values())) if found else []
    if len(years) != 2 or any(YEAR_SPAN.search(c.quote) for c in citations):
        return None
    early, late = years
    cited = "".join(f"[{n}]" for n, ys in found.items() if ys)
    return f"{early} to {late}: {int(late) - int(early)} years apart. {cited}"


def _renumbered(citations: Sequence[Citation]) -> list[Citation]:
    unique = list({(c.doc_id, c.quote): c for c in citations}.values())
    return [replace(c, n=n) for n, c in enumerate(unique, start=1)]


def _why(parts: Sequence[str], answers: Sequence[Answer]) -> dict:
    """The first part's decision at the top (as for one question), every part's under "parts"."""
    return {**answers[0].why, "parts": [{"question": p, **a.why} for p, a in zip(parts, answers)]}
