"""Split a message that asks two things ("how many X, and when did Y start?") into its questions.

Each part is answered on its own (with the rest of the message as context, like a follow-up's
earlier turn) and the answers are joined: one passage rarely holds both facts, and scoring one passage
against two questions picks the passage that half-answers each.
"""

from __future__ import annotations

import re

from vectorstore.lexical import tokenize

# What opens a question, English or Spanish, optionally after a preposition ("from how many").
_OPENER = (
    r"(?:(?:in|from|with|on|at|for|by|to|of|en|de|con|a|desde|hasta|por|para)\s+)?"
    r"(?:when|where|who|whom|whose|which|what|how|why|did|does|do|is|are|was|were|has|have|had|will|can"
    r"|cu[aá]ndo|d[oó]nde|qui[eé]n(?:es)?|cu[aá]l(?:es)?|qu[eé]|cu[aá]nt[oa]s?|c[oó]mo)\b"
)
_JOIN = re.compile(rf"\s*[,;]?\s+(?:and|but|y|pero)\s+(?={_OPENER})", re.IGNORECASE)
_ASKS = re.compile(rf"(?:^|\s|¿){_OPENER}", re.IGNORECASE)
_QUESTION_END = re.compile(r"(?<=\?)\s+(?=\S)")

# A part needs this many content words of its own to stand as a question ("which and when" does not).
MIN_PART_TERMS = 2


def compound_parts(question: str) -> list[str]:
    """The questions a message asks, in order; [question] when it asks one thing."""
    pieces = [p.strip() for p in _QUESTION_END.split(question.strip()) if p.strip()]
    parts: list[str] = []
    for piece in pieces:
        cuts = [0, *(m.start() for m in _JOIN.finditer(piece)), len(piece)]
        spans = [piece[a:b].strip(" ,;") for a, b in zip(cuts, cuts[1:])]
        parts.extend(s for s in spans if s)
    if len(parts) < 2 or not all(_ASKS.search(p) for p in parts):
        return [question]
    if any(len(tokenize(p)) < MIN_PART_TERMS for p in parts):
        return [question]
    return parts
