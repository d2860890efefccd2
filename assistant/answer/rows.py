"""Which row of a table stands out: "in which year was the conviction rate highest?" over
"Year: 2006 · Over all conviction rate (%): 72.9 · ..." rows.

A table's rows each score about the same on the question's words, so the best-scoring row is
any row. When the question asks for an extreme and a column's header names what it measures,
the row holding that column's largest (or smallest) figure is the answer, whatever its score.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from assistant.answer.scoring import Scored
from assistant.types import Hit
from assistant.understand.question import QuestionProfile
from ingest.tables import FIELD_SEPARATOR
from vectorstore.lexical import tokenize, words

# Superlatives and comparatives of the two directions, in a question or a passage (English and
# Spanish): which end of a column a question asks for, and which a passage speaks of.
HIGH_WORDS = re.compile(
    r"\b(?:most|highest|largest|biggest|greatest|higher|larger|bigger|mayor(?:es)?|m[aá]s\s+alt[oa]s?)\b", re.I
)
LOW_WORDS = re.compile(
    r"\b(?:least|lowest|fewest|smallest|lower|fewer|less|menor(?:es)?|menos|m[aá]s\s+baj[oa]s?)\b", re.I
)

# A table is compared on this many rows at least.
MIN_ROWS = 2
_FIGURE = re.compile(r"^([-+−]?)[$€£¥]?\s?(\d[\d,]*(?:\.\d+)?)\s?%?$")


def extreme_row(q: QuestionProfile, ranked: Sequence[Scored], hits: Sequence[Hit]) -> Scored | None:
    """The row of a retrieved table holding the largest (or smallest) figure of the column the
    question names, when the question asks for one extreme; None otherwise. A report's rows are
    compared whole, across its chunks and whatever other cells a row leaves empty; a row's first
    field is its label ("Year: 2006"), never the figure compared."""
    asked = " ".join(q.extreme)
    high, low = bool(HIGH_WORDS.search(asked)), bool(LOW_WORDS.search(asked))
    if high == low:
        return None
    tables: dict[str, list[tuple[Scored, dict[str, str]]]] = defaultdict(list)
    for s in ranked:
        fields = _fields(s.unit.text)
        if len(fields) >= 2:
            tables[hits[s.unit.hit_index].chunk.doc_id].append((s, fields))
    terms = set(q.terms)
    best: tuple[int, Scored] | None = None
    for rows in tables.values():
        labels = {next(iter(fields)) for _, fields in rows}
        columns = {key for _, fields in rows for key in fields} - labels
        measured = _measured_column(columns, terms)
        if measured is None:
            continue
        column, said = measured
        valued = [(v, s) for s, fields in rows if (v := _figure(fields.get(column, ""))) is not None]
        if len(valued) < MIN_ROWS:
            continue
        _, row = (max if high else min)(valued, key=lambda pair: pair[0])
        if best is None or said > best[0]:
            best = (said, row)
    return best[1] if best else None


def _fields(line: str) -> dict[str, str]:
    """A row line's fields, header -> cell, in order; empty for other lines."""
    if FIELD_SEPARATOR not in line:
        return {}
    out = {}
    for field in line.split(FIELD_SEPARATOR):
        key, sep, value = field.partition(": ")
        if not sep:
            return {}
        out[key.strip()] = value.strip()
    return out


def _header_stems(key: str) -> set[str]:
    """A header's stems, its words also read two by two as one ("Over all": "overall")."""
    ws = words(key)
    return set(tokenize(key)) | {t for a, b in zip(ws, ws[1:]) for t in tokenize(a + b)}


def _measured_column(keys: set[str] | frozenset[str], terms: set[str]) -> tuple[str, int] | None:
    """The one header that says the most of the question's words (two or more, or all of a
    one-word header), and how many; None when none does or two say as much and as little besides
    ("Conviction rate PC Act cases" before "Conviction rate in Non-PC Act cases" for "in PC Act
    cases")."""
    said = sorted(((len((stems := _header_stems(k)) & terms), -len(stems - terms), k) for k in keys), reverse=True)
    if not said or said[0][0] == 0:
        return None
    top, extra, key = said[0]
    if len(said) > 1 and said[1][:2] == (top, extra):
        return None
    return (key, top) if top >= 2 or len(tokenize(key)) == 1 else None


def _figure(cell: str) -> float | None:
    """The cell's figure, signed ("-12.5"), or None when it holds no single figure."""
    m = _FIGURE.match(cell)
    if not m:
        return None
    value = float(m.group(2).replace(",", ""))
    return -value if m.group(1) in {"-", "−"} else value
