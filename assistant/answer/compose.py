"""Turn the engine's decision into answer text with [n] markers and checkable citations."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.engine import Draft
from assistant.answer.scoring import Scored
from assistant.types import Citation, Hit

RELATED_NOTE = " The closest passages are listed as related, not as an answer."
SET_ASIDE_NOTE = "A passage of “{title}” looks like an instruction to the assistant and was not used."


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
    parts = []
    for s, c in zip(draft.chosen, citations):
        body = s.unit.text.rstrip(" ;,")
        parts.append(f"{body} [{c.n}]")
    joiner = "; " if any(s.unit.is_item for s in draft.chosen) else " "
    return joiner.join(parts) + set_aside_note(draft, hits), citations, []
