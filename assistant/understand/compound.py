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
    r"(?:(?:in|from|with|on|at|for|by|to|of|through|via|under|during|after|before|about|into|against|among|"
    r"between|over|within|across|en|de|con|a|desde|hasta|por|para)\s+)?"
    r"(?:when|where|who|whom|whose|which|what|how|why|did|does|do|is|are|was|were|has|have|had|will|can"
    r"|cu[aá]ndo|d[oó]nde|qui[eé]n(?:es)?|cu[aá]l(?:es)?|qu[eé]|cu[aá]nt[oa]s?|c[oó]mo)\b"
)
_JOIN = re.compile(rf"\s*[,;]?\s+(?:and|but|y|pero)\s+(?={_OPENER})", re.IGNORECASE)
_ASKS = re.compile(rf"(?:^|\s|¿){_OPENER}", re.IGNORECASE)
_QUESTION_END = re.compile(r"(?<=\?)\s+(?=\S)")

# A part needs this many content words of its own to stand as a question ("which and when" does not).
MIN_PART_TERMS = 2
# ... unless it points back at what the first part asks about: "and where is he from?"
_POINTS_BACK = re.compile(r"\b(?:he|she|it|they|them|his|her|its|their|him)\b", re.I)


def _stands(part: str) -> bool:
    """Can a later part be answered on its own, the first part as its context?"""
    return len(tokenize(part)) >= MIN_PART_TERMS or bool(_POINTS_BACK.search(part))


# "... at the border? when?": a bare wh-word after a question asks that of the same thing.
_BARE_WH = re.compile(r"^(?:and\s+)?(when|where|who|how many|how much|cu[aá]ndo|d[oó]nde|qui[eé]n(?:es)?)\s*\?*$", re.I)
_YES_NO = re.compile(
    r"^(?:do|does|did|is|are|was|were|can|could|has|have|had|will|would|should|¿?(?:es|est[aá]|hay|se))\b", re.I
)


def _asked_of(previous: str, wh: str) -> str:
    """The bare wh-word's question about what `previous` asks: "when is Zembla getting X?" after
    "is Zembla getting X?", "which workshops were held, and when?" after a wh-question."""
    body = previous.strip().rstrip("?").lstrip("¿")
    if _YES_NO.match(body):
        return f"{wh} {body}?"
    return f"{body}, and {wh}?"


def compound_parts(question: str) -> list[str]:
    """The questions a message asks, in order; [question] when it asks one thing."""
    pieces = [p.strip() for p in _QUESTION_END.split(question.strip()) if p.strip()]
    parts: list[str] = []
    for piece in pieces:
        cuts = [0, *(m.start() for m in _JOIN.finditer(piece)), len(piece)]
        spans = [piece[a:b].strip(" ,;") for a, b in zip(cuts, cuts[1:])]
        bare = _BARE_WH.match(piece)
        if bare and parts:  # its own sentence: "...? when?" (", and when?" stays one question)
            parts.append(_asked_of(parts[-1], bare.group(1).lower()))
        else:
            parts.extend(s for s in spans if s)
    # (the first part may name what it asks for without a question word: "SENAN's total drug haul
    # for 2025, and how many emergencies did ECU 911 handle?")
    if len(parts) < 2 or not all(_ASKS.search(p) for p in parts[1:]):
        return [question]
    if len(tokenize(parts[0])) < MIN_PART_TERMS or not all(_stands(p) for p in parts[1:]):
        return [question]
    return parts
