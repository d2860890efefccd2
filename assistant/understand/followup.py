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

_POINTING_BACK = (
    r"\b(?:they|them|their|theirs|it|its|he|him|his|she|her|hers|this|that|these|those|there|then|"
    r"one|ones|same|former|latter|ella|ellos|ellas|su|sus|eso|esa|ese)\b"
)
# "and the 2019 one?", "ok and where ...?", "thanks - what about ...?"
_ALONGSIDE = (
    r"^\s*(?:(?:ok(?:ay)?|so|right|thanks|great|then|vale|bueno|gracias)\W+)?(?:and|what about|how about|y|also)\b"
)
_DEPENDENT = re.compile(f"{_POINTING_BACK}|{_ALONGSIDE}", re.IGNORECASE)


def is_dependent(question: str) -> bool:
    """Does the question lean on earlier turns (pronouns, ellipsis, very few content words)?"""
    return bool(_DEPENDENT.search(question)) or len(tokenize(question)) <= 1


def asks_alongside(question: str) -> bool:
    """Does the follow-up ask alongside the earlier turn ("ok and violent crime specifically?",
    "what about the entries?") rather than point back at what its answer said ("what's her
    email?", "and which of them ...", "that measure") or narrow it ("which pacific countries took part?")?"""
    return bool(re.match(_ALONGSIDE, question, re.IGNORECASE)) and not re.search(_POINTING_BACK, question, re.I)


def unanchored(question: str, previous: str) -> bool:
    """ "which technical areas did the control list changes cover?" after "tell me about the 2009
    Wassenaar plenary": a question naming nothing (no name, no year) goes on about what the
    previous turn named."""
    return not entities(question) and not YEAR.search(question) and bool(entities(previous) or YEAR.search(previous))


# "the next year's meeting", "the year before", "the following year": a year counted from one said before
_RELATIVE_YEAR = re.compile(
    r"\b(?:the\s+)?(?:(next|following|previous|preceding|prior)\s+year(?:['’]s)?|year\s+(before|after))\b", re.I
)
_LATER = {"next", "following", "after"}


def relative_year(question: str) -> bool:
    """Does the question count a year from one said before ("the year after", "the next year's")?"""
    return bool(_RELATIVE_YEAR.search(question)) and not YEAR.search(question)


def dated_relative(question: str, previous: str) -> str:
    """ "where was the next year's meeting held?" after a turn about January 2018: "the 2019 meeting"."""
    m = _RELATIVE_YEAR.search(question)
    years = YEAR.findall(previous)
    if not m or not years or YEAR.search(question):
        return question
    step = 1 if (m.group(1) or m.group(2)).lower() in _LATER else -1
    year = int(years[-1]) + step
    said = f"the {year}" if m.group(0).endswith(("'s", "’s")) else str(year)  # "the 2019 meeting", "for 2017"
    return f"{question[: m.start()]}{said}{question[m.end() :]}"


def standalone(question: str, history: Sequence[str]) -> str:
    """The question made self-contained using the most recent user turn it depends on."""
    previous = next((h for h in reversed(history) if h.strip()), "")
    dated = dated_relative(question, previous)
    if not previous or not (dated != question or is_dependent(question) or unanchored(question, previous)):
        return question
    new_years = YEAR.findall(dated)
    if new_years and YEAR.search(previous) and len(tokenize(question)) <= 3 - (dated != question):
        # "and the 2019 one?", "and the year before?": same question, other year.
        return YEAR.sub(new_years[0], previous, count=1)
    return f"{dated.rstrip()} [{previous.strip().rstrip('?')}]"


def context_of(question_standalone: str) -> tuple[str, str]:
    """Split a rewritten question into (the user's own words, the carried-over context)."""
    m = re.match(r"^(.*) \[(.*)\]$", question_standalone, re.S)
    return (m.group(1), m.group(2)) if m else (question_standalone, "")
