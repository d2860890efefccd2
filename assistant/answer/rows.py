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
from ingest.tables import FIELD_SEPARATOR, run_start, table_caption
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
# A figure within this share of the sum of the others is their total (rounding).
TOTAL_TOLERANCE = 0.005
# A chunk starting this few characters after the last one ended goes on from it.
CHUNK_GAP = 2
_FIGURE = re.compile(r"^([-+−]?)[$€£¥]?\s?(\d[\d,]*(?:\.\d+)?)\s?%?$")


def extreme_row(q: QuestionProfile, ranked: Sequence[Scored], hits: Sequence[Hit]) -> Scored | None:
    """The row of a retrieved table holding the largest (or smallest) figure of the column the
    question names, when the question asks for one extreme of what the rows are labelled by
    ("in which year ..." over rows labelled "Year"); None otherwise. A table is a run of rows
    under one header, followed across its report's consecutive chunks; a summary row whose label
    is not shaped as most labels are ("Total" among years) is no candidate."""
    asked = " ".join(q.extreme)
    high, low = bool(HIGH_WORDS.search(asked)), bool(LOW_WORDS.search(asked))
    if high == low:
        return None
    terms = set(q.terms)
    best: tuple[tuple[int, int], Scored] | None = None
    tied = False
    for caption, rows in _tables(ranked, hits).items():
        label = next(iter(rows[0][1]))
        if not set(tokenize(label)) & terms:  # "the highest number of deaths in a single day": no row label asked
            continue
        rows = _shaped_as_most(rows)
        columns = {key for _, fields in rows for key in list(fields)[1:]}
        measured = _measured_column(columns, terms)
        if measured is None:
            continue
        column, said = measured
        valued = _without_total([(v, s) for s, fields in rows if (v := _figure(fields.get(column, ""))) is not None])
        if len(valued) < MIN_ROWS:
            continue
        _, row = (max if high else min)(valued, key=lambda pair: pair[0])
        rank = (said, len(caption[1] & terms))  # the column's words, then the caption's
        if best is None or rank > best[0]:
            best, tied = (rank, row), False
        elif rank == best[0]:
            tied = True
    return None if best is None or tied else best[1]


def _tables(ranked: Sequence[Scored], hits: Sequence[Hit]) -> dict[tuple[str, frozenset[str]], list]:
    """The ranked row units grouped by table: (report, caption words) -> [(unit, fields)], in
    reading order. Rows a chunk opens with, under no caption of their own, go on the table the
    report's chunk just before ends with."""
    found: list[tuple[Hit, int, Scored, dict[str, str]]] = []
    for s in ranked:
        fields = _fields(s.unit.text)
        if len(fields) >= 2:
            found.append((hits[s.unit.hit_index], s.unit.hit_index, s, fields))
    found.sort(key=lambda f: (f[0].chunk.doc_id, f[0].chunk.char_start, f[2].unit.start))
    tables: dict[tuple[str, frozenset[str]], list] = defaultdict(list)
    lines: dict[int, list[str]] = {}
    last: dict[str, tuple[int, tuple[str, frozenset[str]]]] = {}  # report -> (chunk end, its last table)
    for hit, index, s, fields in found:
        chunk = hit.chunk
        text = lines.setdefault(index, chunk.text.split("\n"))
        first = run_start(text, s.unit.line) if s.unit.line < len(text) else s.unit.line
        caption = [text[j] for j in table_caption(text, first)]
        opens = not any(line.strip() for line in text[:first])
        previous = last.get(chunk.doc_id)
        if not caption and opens and previous and chunk.char_start - previous[0] <= CHUNK_GAP:
            key = previous[1]
        else:
            key = (f"{chunk.chunk_id}:{first}", frozenset(tokenize(" ".join(caption))))
        tables[key].append((s, fields))
        last[chunk.doc_id] = (chunk.char_end, key)
    return tables


def _without_total(valued: list[tuple[float, Scored]]) -> list[tuple[float, Scored]]:
    """The figures without the one that is the sum of all the others (a "Total" row, however labelled)."""
    if len(valued) > MIN_ROWS:
        whole = sum(v for v, _ in valued)
        for i, (v, _) in enumerate(valued):
            if v and abs(2 * v - whole) <= TOTAL_TOLERANCE * abs(v):
                return valued[:i] + valued[i + 1 :]
    return valued


def _shaped_as_most(rows: list) -> list:
    """The rows whose label is shaped as most labels are (a figure, as years are, or words)."""
    shapes = [any(c.isdigit() for c in next(iter(fields.values()))) for _, fields in rows]
    common = sum(shapes) * 2 >= len(shapes)
    return [row for row, shape in zip(rows, shapes) if shape == common]


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
