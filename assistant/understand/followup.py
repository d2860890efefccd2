"""Rewrite a follow-up question into a standalone one from the chat history, offline.

"and the 2019 one?" after a question about the 2018 meeting becomes that question with
2019; "what's her email address?" after "who is the contact point for X?" carries X along.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.understand.names import entities
from assistant.understand.question import YEAR
from vectorstore.lexical import tokenize

_DEPENDENT = re.compile(
    r"\b(?:they|them|their|theirs|it|its|he|him|his|she|her|hers|this|that|these|those|there|then|"
    r"one|ones|same|former|latter|ella|ellos|ellas|su|sus|eso|esa|ese)\b|^\s*(?:and|what about|how about|y|also)\b",
    re.IGNORECASE,
)


def is_dependent(question: str) -> bool:
    """Does the question lean on earlier turns (pronouns, ellipsis, very few content words)?"""
    return bool(_DEPENDENT.search(question)) or len(tokenize(question)) <= 1


def unanchored(question: str, previous: str) -> bool:
    """ "which technical areas did the control list changes cover?" after "tell me about the 2009
    Wassenaar plenary": a question naming nothing (no name, no year) goes on about what the
    previous turn named."""
    return not entities(question) and not YEAR.search(question) and bool(entities(previous) or YEAR.search(previous))


def standalone(question: str, history: Sequence[str]) -> str:
    """The question made self-contained using the most recent user turn it depends on."""
    previous = next((h for h in reversed(history) if h.strip()), "")
    if not previous or not (is_dependent(question) or unanchored(question, previous)):
        return question
    new_years = YEAR.findall(question)
    if new_years and YEAR.search(previous) and len(tokenize(question)) <= 3:
        # "and the 2019 one?": same question, other year.
        return YEAR.sub(new_years[0], previous, count=1)
    return f"{question.rstrip()} [{previous.strip().rstrip('?')}]"


def context_of(question_standalone: str) -> tuple[str, str]:
    """Split a rewritten question into (the user's own words, the carried-over context)."""
    m = re.match(r"^(.*) \[(.*)\]$", question_standalone, re.S)
    return (m.group(1), m.group(2)) if m else (question_standalone, "")
