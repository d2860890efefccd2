"""Tables as row units: each data row becomes one line that carries its column headers.

A table read as prose ("Member Status Updated Ruritania submitted May 2019 ...") cannot
answer which rows hold a value or which of two rows is more recent; a line such as
"Member: Ruritania · Status: submitted · Updated: May 2019" can, on its own. Only tables
whose first row is a header are read this way: a form (labels ending in ":" or "?", one
column, a question above its answer) keeps the cell-by-cell reading.

The functions here see cell texts only; the loaders turn python-docx tables into them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.text import introduces

FIELD_SEPARATOR = " · "
MAX_HEADER_CHARS = 60  # a column header names a column; longer cells are content
MAX_CAPTION_ROWS = 2  # merged title rows above the header ("Table 3. Status of reports")
_ENDS_LIKE_TEXT = re.compile(r"[.:;?!]$")  # a sentence, a form label or a question, not a header
_LABEL_END = re.compile(r"[:?]$")


def header_row(rows: Sequence[Sequence[str]], marked: bool = False) -> int | None:
    """Index of a data table's header row (after any caption rows), or None.

    `rows` are each row's distinct cell texts (a merged cell once). `marked` says the
    author marked the first row as a header (repeat-as-header, bold): without that mark a
    two-column table is more often a form ("Economy | Chile") than data, so it needs three
    columns. The rows below must not be labelled like a form.
    """
    width = max((len(row) for row in rows), default=0)
    if width < 2:
        return None
    start = 0
    while start < min(len(rows) - 1, MAX_CAPTION_ROWS) and len(rows[start]) == 1:
        start += 1
    header, data = rows[start], rows[start + 1 :]
    if not data or len(header) < 2 or not is_header(header):
        return None
    if not (marked or len(header) >= 3) or _is_form(data):
        return None
    return start


def is_header(cells: Sequence[str]) -> bool:
    """Short, distinct names (an empty top-left corner allowed), none ending like text."""
    named = [cell for cell in cells if cell]
    return (
        len(named) >= 2
        and all(cells[1:])  # only the top-left corner may be empty
        and len({cell.lower() for cell in named}) == len(named)
        and all(len(cell) <= MAX_HEADER_CHARS and not _ENDS_LIKE_TEXT.search(cell) for cell in named)
    )


def _is_form(data: Sequence[Sequence[str]]) -> bool:
    """Most rows start with a label or a question: a questionnaire, not a data table."""
    firsts = [row[0] for row in data if row and row[0]]
    return bool(firsts) and sum(bool(_LABEL_END.search(cell)) for cell in firsts) * 2 > len(firsts)


def row_line(pairs: Sequence[tuple[str, str]]) -> str:
    """One data row as "Header: value · Header: value"; empty cells are left out."""
    return FIELD_SEPARATOR.join(f"{header}: {value}" if header else value for header, value in pairs if value)


_ROW_KEY = re.compile(rf"(?:^|{re.escape(FIELD_SEPARATOR)})([^:·\n]{{1,{MAX_HEADER_CHARS}}}): ")


def row_keys(line: str) -> frozenset[str]:
    """The column headers a row line carries; empty for a line that is not a table row."""
    if FIELD_SEPARATOR not in line:
        return frozenset()
    return frozenset(match.group(1) for match in _ROW_KEY.finditer(line))


def heads_rows(line: str, keys: frozenset[str]) -> bool:
    """Is the line the header a table's row lines were read under (its cells are their keys)?"""
    cells = _pipe_cells(line) or [c for c in _COLUMN_GAP.split(line.strip()) if c]
    return bool(keys) and {c for c in cells if c} == {k for k in keys if k}


def run_start(lines: Sequence[str], at: int) -> int:
    """The line of the first row of the table whose row line `lines[at]` is (rows of one table
    stand on consecutive lines, blank lines aside)."""
    keys, first, j = row_keys(lines[at]), at, at - 1
    while j >= 0 and (not lines[j].strip() or row_keys(lines[j]) == keys):
        if lines[j].strip():
            first = j
        j -= 1
    return first


def table_caption(lines: Sequence[str], first: int) -> list[int]:
    """The lines a table whose first row is `lines[first]` stands under: its header line and
    the line introducing it ("... is as under:"), blank lines (a Markdown rule) passed over;
    nothing across another table's row or an unrelated paragraph. Their indexes, nearest first."""

    def above(j: int) -> int:
        j -= 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        return j

    out: list[int] = []
    j = above(first)
    if j >= 0 and heads_rows(lines[j], row_keys(lines[first])):
        out.append(j)
        j = above(j)
    if j >= 0 and not row_keys(lines[j]) and introduces(lines[j].strip()):
        out.append(j)
    return out


# Plain text tables (a page's text, an export): a header line of short column names set apart
# by column gaps, then rows. A row's gaps may be single spaces ("Romance 1,135 945 $50.3M"): its
# values are then read from the right, as figures, and what is left is its label.
_COLUMN_GAP = re.compile(r"\s{2,}|\t")
_VALUE = re.compile(r"^(?:[-+]?[$€£¥]?\d[\d,.]*(?:%|[MKBmkb]n?)?|N/?A|n/?a|[-–—])$")
MIN_TEXT_TABLE_COLUMNS = 3
MIN_TEXT_TABLE_ROWS = 2


def text_table_rows(lines: Sequence[str]) -> list[str]:
    """The lines with each plain-text table's data rows rewritten as row lines that carry the
    column headers ("Fraud Type: Romance · Reports: 1,135 · ..."); other lines unchanged, one
    line for one line (page numbers stay where they were)."""
    out = list(lines)
    i = 0
    while i < len(out):
        piped = _pipe_cells(out[i])
        if piped is not None and is_header(piped) and not any(_VALUE.match(c) for c in piped):
            i = _pipe_table(out, i, piped)
            continue
        header = _header_cells(out[i])
        rows: list[list[str]] = []
        if header:
            for line in out[i + 1 :]:
                cells = _row_cells(line, len(header))
                if cells is None:
                    break
                rows.append(cells)
        if len(rows) >= MIN_TEXT_TABLE_ROWS:
            for j, cells in enumerate(rows, start=i + 1):
                out[j] = row_line(list(zip(header, cells)))
            i += len(rows) + 1
        else:
            i += 1
    return out


# A table written with pipes, as Markdown and many text exports write them:
# "Year | Number of Wildfires | Hectares Burned", an optional rule "---|---", then one row a line.
_PIPE_RULE = re.compile(r"[\s|:\-]+")


def _pipe_cells(line: str) -> list[str] | None:
    """The cells of a line written with pipes ("| a | b |" or "a | b"), or None for other lines."""
    if "|" not in line or _is_rule(line):
        return None
    line = line.strip()
    cells = [c.strip() for c in line.split("|")]
    if line.startswith("|"):
        cells = cells[1:]
    if line.endswith("|"):
        cells = cells[:-1]
    return cells if len(cells) >= 2 else None


def _pipe_table(out: list[str], i: int, header: list[str]) -> int:
    """Rewrite the rows under the pipe-table header at `out[i]` as row lines (a rule line under
    the header becomes blank, one line for one line); the index of the line after the table's
    run of pipe lines. Under a rule, a short row has empty cells and a long one loses its extra
    cells, as Markdown reads them; without one ("a | b | c" then rows), a table has at least
    MIN_TEXT_TABLE_COLUMNS columns and each row as many cells, some of them figures ("Home | About
    us | Contact" over "Reports | Events | Careers" is a bar of links), or two columns, the second
    naming a quantity, and rows that each end with a figure. A header over two lines is not read."""
    j = i + 1
    ruled = _rule_at(out, j)
    # ("Period | Number of cases" over "As on 31.12.2009 | 988": two columns without a rule are a
    # table when the second names a quantity and each of at least MIN_TEXT_TABLE_ROWS rows ends with
    # a figure; "Economy | Chile" over "Population | 19,116,000" is a form)
    limit = None
    if not ruled and len(header) < MIN_TEXT_TABLE_COLUMNS:
        limit = _figure_rows(out, j, len(header))
        if limit < MIN_TEXT_TABLE_ROWS or not _measures(header[-1], [_pipe_cells(x)[0] for x in out[j : j + limit]]):
            return i + 1
    if ruled:
        out[j] = ""
        j += 1
    rows = 0
    while j < len(out) and (cells := _pipe_cells(out[j])) is not None:
        if _rule_at(out, j + 1):
            return j  # the next table's header
        if rows == limit or not ruled and (len(cells) != len(header) or not any(_VALUE.match(c) for c in cells)):
            break
        cells = (cells + [""] * len(header))[: len(header)]
        out[j] = row_line(list(zip(header, cells)))
        rows += 1
        j += 1
    if not rows:
        return i + 1
    while j < len(out) and _pipe_cells(out[j]) is not None and not _rule_at(out, j + 1):
        j += 1  # the rest of the run is no new table's header
    return j


# A column header naming a quantity: "Number of cases", "Total", "Share (%)", "Amount (USD)"
# (a unit in brackets, not a year: "Chile (2020)" is a form's value).
_QUANTITY_HEADER = re.compile(
    r"^(?:number|no\.?|total|amount|count|share|percentage|rate|value)\b|\((?![^()]*\d{4})[^()]*\)$|%", re.I
)
_YEAR_LABEL = re.compile(r"^(?:FY\s?)?(?:19|20)\d\d(?:[-/]\d{2,4})?$")


def _measures(head: str, labels: Sequence[str]) -> bool:
    """Is a two-column table's second header a measure ("Flood deaths", "Number of cases",
    "Total") rather than a form's value ("Chile"): a quantity word, a unit, a word in lower case,
    or rows labelled by years?"""
    lower = any(w[:1].islower() for w in head.split()[1:])
    return bool(_QUANTITY_HEADER.search(head)) or lower or all(_YEAR_LABEL.match(x) for x in labels)


def _figure_rows(lines: Sequence[str], j: int, width: int) -> int:
    """How many pipe lines from `j` on have `width` cells, the last a figure."""
    rows = 0
    while j < len(lines) and (cells := _pipe_cells(lines[j])) is not None and len(cells) == width:
        if not _VALUE.match(cells[-1]):
            break
        rows += 1
        j += 1
    return rows


def _is_rule(line: str) -> bool:
    """Is the line the rule under a pipe table's header ("|---|:--:|")?"""
    return "-" in line and "|" in line and _PIPE_RULE.fullmatch(line) is not None


def _rule_at(lines: Sequence[str], j: int) -> bool:
    """Is there a line `j`, and is it such a rule?"""
    return j < len(lines) and _is_rule(lines[j])


def _header_cells(line: str) -> list[str] | None:
    cells = [c for c in _COLUMN_GAP.split(line.strip()) if c]
    if len(cells) < MIN_TEXT_TABLE_COLUMNS or not is_header(cells):
        return None
    if any(_VALUE.match(c) for c in cells) or not all(any(ch.isalpha() for ch in c) for c in cells):
        return None  # a header names its columns; a row of figures is data
    return cells


def _row_cells(line: str, width: int) -> list[str] | None:
    """A data row's cells, or None when the line is no row of this table."""
    line = line.strip()
    if not line or (_ENDS_LIKE_TEXT.search(line) and not _VALUE.match(line.split()[-1])):
        return None
    cells = [c for c in _COLUMN_GAP.split(line) if c]
    if len(cells) == width:
        return cells
    tokens = line.split()
    values: list[str] = []
    while tokens and len(values) < width - 1 and _VALUE.match(tokens[-1]):
        values.insert(0, tokens.pop())
    if len(values) != width - 1 or not tokens:
        return None
    return [" ".join(tokens), *values]
