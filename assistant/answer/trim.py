"""Cut a sentence too long for the answer down to the clauses that answer.

Some sentences run to hundreds of words ("... under the Chairmanship of Egypt, and with the
participation of Australia, Belgium, ... as well as the African Union, ..."). Quoted whole, the
answer drowns the asked fact in the rest; the budget is blown. The quote stays verbatim: a run
of whole clauses of the sentence (cut at commas, semicolons and colons), the one that holds the
most of the question's words and of the kind of value asked for, within the budget.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.scoring import Scored
from assistant.understand.names import derived
from assistant.understand.question import QuestionProfile
from assistant.understand.wanted import UNTYPED, new_spans
from vectorstore.lexical import tokenize

# A value of the kind asked for weighs as much as this many of the question's words.
KIND_WEIGHT = 2.0
_CLAUSE_END = re.compile(r"[,;:]\s+")


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause, the separator left out."""
    out, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _said(words: set[str], terms: set[str]) -> set[str]:
    """The question's terms a clause says, as such or derived ("Chairmanship" says "chaired")."""
    return {t for t in terms if t in words or any(derived(w, t) for w in words)}


def trimmed(q: QuestionProfile, s: Scored, limit: int) -> Scored:
    """`s` itself when it fits `limit` characters; else its best run of clauses that does."""
    text = s.unit.text
    if len(text) <= limit or q.expects in UNTYPED:  # nothing known to look for: whole, as it is
        return s
    parts = clauses(text)
    terms = set(q.terms)
    found = [_said(set(tokenize(text[a:b])), terms) for a, b in parts]
    values = [sp for _, sp in new_spans(q.expects, s.unit.named, q.asked, text)]
    counts = [sum(text[a:b].count(v) for v in set(values)) for a, b in parts]
    best_key: tuple[float, float, int] | None = None
    window = (parts[0][0], parts[0][0])
    for i, (a, _) in enumerate(parts):
        words: set[str] = set()
        held = 0
        for j in range(i, len(parts)):
            if parts[j][1] - a > limit:
                break
            words |= found[j]
            held += counts[j]
            # a list wants every member first; one value, the clauses that say the most of it;
            # then as much of the sentence around them as the budget allows
            key = (
                (held, len(words), parts[j][1] - a)
                if q.wants_list
                else (len(words) + KIND_WEIGHT * min(held, 1), 0, parts[j][1] - a)
            )
            if best_key is None or key > best_key:
                best_key, window = key, (a, parts[j][1])
    a, b = window
    if best_key is None:  # one clause alone is over the budget: its first words
        b = a + limit
        b = text.rfind(" ", a, b) if " " in text[a:b] else b
    cut = text[a:b]
    named = tuple((label, span) for label, span in s.unit.named if span in cut)
    unit = replace(
        s.unit,
        start=s.unit.start + a,
        end=s.unit.start + b,
        text=cut,
        named=named,
        labels=frozenset(label for label, _ in named),
        cut_before=a > 0,
        cut_after=b < len(text),
    )
    return replace(s, unit=unit)
