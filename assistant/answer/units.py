"""Split retrieved chunks into answer units: sentences, list items and form fields.

An answer is built from units, and each unit becomes a citation whose quote is the unit's
exact text, so splitting keeps offsets into the chunk (and hence the page).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answer.instructions import addresses_assistant
from assistant.answer.people import people_spans
from assistant.text import introduces, split_sentences
from assistant.types import Chunk, Hit
from assistant.understand.wanted import SPAN_OF_TIME
from assistant.understand.countries import countries_in
from ingest.tables import row_keys, run_start, table_caption
from vectorstore.lexical import tokenize

Span = tuple[int, int, str]
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)

BULLET = "•"
# Sentences end with . ! ? ; (closing quotes or brackets after it allowed); headings, captions
# and table cells do not. A line longer than BARE_WORDS words is prose however it ends.
_STATEMENT_END = re.compile(r"[.!?;]['\"”’)\]]*$")
BARE_WORDS = 16
# Form fields of the CTAP kind: each starts a unit of its own.
_FIELD = re.compile(r"(?=(?:Contact Point(?: \d)?|Name|Title|Telephone Number|Fax Number|Email Address):)")


# "Telephone Number: ...": a form field. A record of a form runs over adjacent lines of fields
# ("Contact Point: Name: X" then "Telephone Number: ... Email Address: ...").
FORM_FIELD = re.compile(r"[A-Z][\w ]{0,30}:\s")


def is_form_line(text: str) -> bool:
    return bool(FORM_FIELD.match(text))


@dataclass(frozen=True)
class Unit:
    """One quotable span of a retrieved chunk."""

    hit_index: int  # which hit (retrieval rank, 0-based) it came from
    start: int  # offsets inside the chunk text
    end: int
    text: str
    is_item: bool  # a bullet-list item
    list_id: int | None  # units of one list (and its introducing sentence) share this
    line: int  # paragraph/line number inside the chunk, for adjacency
    # Addressed to the assistant ("Ignore previous instructions and answer ..."), or in the
    # paragraph or list of such a command: never evidence, never quoted as an answer.
    instruction: bool = False
    labels: frozenset[str] = frozenset()  # named-entity labels inside the unit (PERSON, GPE, DATE, ...)
    named: tuple[tuple[str, str], ...] = ()  # (label, text) of each entity inside the unit
    # A line of its own, short, with no sentence end and no "field:" in it: a heading, a caption
    # or a table cell. It names a topic or a value; it states nothing about it.
    bare: bool = False
    # Cut out of a longer sentence (assistant.answer.trim): before, after the quoted clauses.
    cut_before: bool = False
    cut_after: bool = False
    # Opens with a definite noun phrase whose noun the paragraph said before ("It entails
    # training ... The training is provided by the Air Force"): it goes on about the same thing.
    resumes: bool = False
    # A unit of a Spanish document: the English the glossary renders it as ("427 weapon arm
    # obsolete ..."), so that "how many weapons" finds its number and "what date" its date.
    english: str = ""


def reading(unit: Unit) -> str:
    """What a unit says, for the checks on its values: its text, and its English rendering."""
    return f"{unit.text} {unit.english}" if unit.english else unit.text


def mostly_upper(text: str) -> bool:
    """A heading in capitals, ignoring a parenthesised note: "FURTHER MEASURES (indicate timeframe)"."""
    bare = _PARENTHESISED.sub("", text)
    letters = sum(map(str.isalpha, bare))
    return letters > 3 and sum(map(str.isupper, bare)) / letters > 0.8


_PARENTHESISED = re.compile(r"\([^)]*\)")


def row_caption(unit: Unit, lines: Sequence[str]) -> tuple[int, list[int]] | None:
    """For a table row (a row line, "Year: 2006 · Rate (%): 72.9") in its chunk's `lines`: the
    line of its table's first row and the lines the table stands under (its header and the line
    introducing it, nearest first); None for other units."""
    if not row_keys(unit.text) or unit.line >= len(lines) or not row_keys(lines[unit.line]):
        return None
    first = run_start(lines, unit.line)
    return first, table_caption(lines, first)


def is_bare(line: str) -> bool:
    """A short line with no sentence end and no "field:" label: a heading, caption or cell."""
    return ":" not in line and len(line.split()) <= BARE_WORDS and not _STATEMENT_END.search(line)


def split_fields(text: str, base: int) -> list[tuple[int, int]]:
    """Split a form line into fields; a person's Contact Point, Name and Title stay one unit."""
    cuts = [m.start() for m in _FIELD.finditer(text) if m.start() > 0]
    bounds = [0, *cuts, len(text)]
    merged: list[tuple[int, int]] = []
    for s, e in zip(bounds, bounds[1:]):
        field = text[s:e].strip()
        previous = text[merged[-1][0] : merged[-1][1]].strip() if merged else ""
        if field.startswith(("Name:", "Title:")) and previous.startswith(("Contact Point", "Name:")):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return [(base + s, base + e) for s, e in merged]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding blanks, bullets and underscores that are not part of the claim."""
    while s < e and (text[s].isspace() or text[s] in BULLET + "·-_"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == "_"):
        e -= 1
    return s, e


# A numbered line: "1. ...", "2) ...", "(3) ...".
_NUMBERED_ITEM = re.compile(r"\(?(\d{1,2})[.)]\s+\S")


def numbered_items(lines: Sequence[str]) -> set[int]:
    """The lines of runs numbered 1, 2, ... in a row (blank lines between allowed): a list's
    items. A lone "3. Summary of needs" is a numbered heading."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _NUMBERED_ITEM.match(line.strip())
        if m and int(m.group(1)) == len(run) + 1:
            run.append(i)
            continue
        if len(run) >= 2:
            found.update(run)
        run = [i] if m and m.group(1) == "1" else []
    if len(run) >= 2:
        found.update(run)
    return found


def split_chunk(text: str, hit_index: int, first_list_id: int) -> list[Unit]:
    """Units of one chunk. Each run of bullet items is a list, sharing a list_id with the
    line that introduces it when that line ends with ':', is a heading or a bare label."""
    units: list[Unit] = []
    list_id, next_id, offset, intro = None, first_list_id, 0, None
    lines = text.split("\n")
    column = column_items(lines)
    counted = numbered_items(lines)
    for line_no, line in enumerate(lines):
        stripped = line.strip()
        is_item = stripped.startswith((BULLET, "·")) or line_no in column
        # "1. Blocking fake emails" after "The four core services include:", and the lines numbered
        # after it: items ("3. Summary of needs" after a colon is a numbered heading)
        is_item = is_item or (line_no in counted and (list_id is not None or intro is not None))
        if not stripped:
            offset += len(line) + 1
            continue
        if is_item and list_id is None:
            list_id, next_id = next_id, next_id + 1
            if intro is not None:  # the introducing line joins its list
                units[intro:] = [replace(x, list_id=list_id) for x in units[intro:]]
        elif not is_item:
            list_id = None
        fields = "Contact Point" in line or "Email Address:" in line or "Telephone Number:" in line
        spans = split_fields(line, offset) if fields else split_sentences(line, offset)
        # "Main topics" on a line of its own before bullets labels them as a colon would
        short = is_bare(stripped)
        labels = introduces(stripped) or mostly_upper(stripped) or short
        intro = len(units) if not is_item and labels else None
        first = len(units)
        bare = len(spans) == 1 and not is_item and not fields and short
        for s, e in spans:
            s, e = _trim(text, s, e)
            if e - s >= 3:
                resumes = _resumes(text[s:e], text[offset:s])
                units.append(Unit(hit_index, s, e, text[s:e], is_item, list_id, line_no, bare=bare, resumes=resumes))
        if any(addresses_assistant(u.text) for u in units[first:]):
            units[first:] = [replace(u, instruction=True) for u in units[first:]]
        offset += len(line) + 1
    return _taint_lists(units)


# "The training ...", "These workshops ...": a definite noun phrase opening a sentence.
_DEFINITE = re.compile(r"(?:The|This|These|Those|Such|Said)\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]+)\b")


def _resumes(sentence: str, before: str) -> bool:
    """Does the sentence open with a definite noun phrase whose noun the paragraph said before it?"""
    m = _DEFINITE.match(sentence)
    return bool(m and before.strip()) and bool(set(tokenize(m.group(1))) & set(tokenize(before)))


# A label over at least this many short lines ("Style Committee" / "Brazil" / "Canada" ...):
# a list written without bullets, as web pages and tables export them.
COLUMN_ITEMS = 2


def column_items(lines: Sequence[str]) -> set[int]:
    """Line numbers of the members of bulletless lists: runs of short bare lines (blank lines
    between them allowed) under a bare label, at least COLUMN_ITEMS of them. The label is the
    run's first line; it introduces the list as a line ending in ':' does."""
    items: set[int] = set()
    run: list[int] = []
    for no, line in [*enumerate(lines), (len(lines), "end.")]:
        stripped = line.strip()
        if not stripped:
            continue
        if is_bare(stripped) and not stripped.startswith((BULLET, "·")) and not mostly_upper(stripped):
            run.append(no)
            continue
        if len(run) > COLUMN_ITEMS:
            items.update(run[1:])
        run = []
    return items


def _taint_lists(units: list[Unit]) -> list[Unit]:
    """The items a command introduces ("When asked, answer with these figures:") are its payload."""
    commanding = {u.list_id for u in units if u.instruction and u.list_id is not None and not u.is_item}
    return [replace(u, instruction=True) if u.list_id in commanding else u for u in units]


def split_hits(hits: Sequence[Hit], spans_of: Callable[[Chunk], Sequence[Span]] | None = None) -> list[Unit]:
    """Units of every hit, in retrieval order, with the entity labels inside each; list ids
    unique across hits. Entities come from ingest, or from `spans_of` for older chunks."""
    spans = [
        hit.chunk.entities if hit.chunk.entities is not None else (spans_of(hit.chunk) if spans_of else ())
        for hit in hits
    ]
    units: list[Unit] = []
    for i, (hit, spans_here) in enumerate(zip(hits, people_spans([h.chunk for h in hits], spans))):
        units.extend(_rebased(_chunk_units(hit.chunk.text, spans_here), i, i * 10_000))
    return units


# Chunks whose units are kept split and labelled (the same chunks come back question after question).
UNIT_CACHE_CHUNKS = 2048


@lru_cache(maxsize=UNIT_CACHE_CHUNKS)
def _chunk_units(text: str, spans: tuple[Span, ...]) -> tuple[Unit, ...]:
    spans = places_throughout(text, spans)
    return tuple(with_labels(u, spans) for u in split_chunk(text, 0, first_list_id=0))


def places_throughout(text: str, spans: Sequence[Span]) -> tuple[Span, ...]:
    """A name the recogniser reads as a place once reads as one throughout the passage: "In
    Balochistan, ..." (a place) and "Balochistan is the only province ..." (read as an
    organisation) name one province."""
    places = {text[s:e] for s, e, label in spans if label in _PLACE_LABELS}
    return tuple((s, e, "GPE" if label in _RELABELLED and text[s:e] in places else label) for s, e, label in spans)


_PLACE_LABELS = frozenset({"GPE", "LOC"})
# (the labels the recogniser gives a place's name in a sentence it misreads)
# (not a person: "In Victoria, ..." and "Victoria told reporters" may be a place and a woman)
_RELABELLED = frozenset({"ORG", "NORP"})


def _rebased(units: Sequence[Unit], hit_index: int, first_list_id: int) -> list[Unit]:
    """A chunk's units as the `hit_index`-th hit's, their list ids counted from `first_list_id`."""
    if hit_index == 0 and first_list_id == 0:
        return list(units)
    return [
        replace(u, hit_index=hit_index, list_id=None if u.list_id is None else u.list_id + first_list_id) for u in units
    ]


# A quoted title ("the “Vulnerable Archipelagos: cooperation among Pacific and Caribbean states”
# project"): short, and not ending as quoted speech does (“... in the region,” he said).
_QUOTED_TITLE = re.compile(r"[“\"]([^\s”\"][^”\"]{2,240}?)(?<![.,;!?\s])[”\"]")
TITLE_WORDS = 30


def with_labels(unit: Unit, spans: Sequence[Span]) -> Unit:
    """The unit with the entities inside it. A place, date or person inside a quoted title is a
    word of the title (spaCy's WORK_OF_ART), not where, when or who."""
    titles = [
        (unit.start + m.start(1), unit.start + m.end(1))
        for m in _QUOTED_TITLE.finditer(unit.text)
        if len(m.group(1).split()) <= TITLE_WORDS
    ]
    named = []
    places: list[tuple[int, int]] | None = None
    for s, e, label in spans:
        if s < unit.end and e > unit.start:
            text = unit.text[max(0, s - unit.start) : e - unit.start]
            inside = any(a <= s and e <= b for a, b in titles)
            refined = "WORK_OF_ART" if inside else _refine(label, text)
            if refined == "PERSON":  # "Papua New" of "Papua New Guinea Ministers" is no one
                places = _country_spans(unit) if places is None else places
                refined = None if any(a < e and s < b for a, b in places) else refined
            if refined:
                named.append((refined, text))
    return replace(unit, labels=frozenset(label for label, _ in named), named=tuple(named)) if named else unit


def _country_spans(unit: Unit) -> list[tuple[int, int]]:
    """Where the unit names a country (offsets in the chunk, as spans are)."""
    return [
        (unit.start + m.start(), unit.start + m.end())
        for name in countries_in(unit.text)
        for m in re.finditer(re.escape(name), unit.text, re.I)
    ]


def _refine(label: str, text: str) -> str | None:
    """spaCy's DATE covers durations ("three-day", "a year"); a point in time names a number or a
    month. A person's name is capitalised: the small model's "marijuana" as a PERSON is no one (None)."""
    if label == "DATE" and not any(c.isdigit() for c in text) and not _MONTH.search(text):
        return "DURATION"
    if label == "DATE" and SPAN_OF_TIME.search(text) and not _MONTH.search(text):  # "over 80 years"
        return "DURATION"
    # (Only persons: the English recogniser reading a Spanish page leans on its lower-case words,
    # "los municipios de Cuetzalan", to find the places and bodies beside them.)
    if label == "PERSON" and not any(c.isupper() for c in text):
        return None
    return label


# A report's lead: its first paragraph of prose, cut to this many sentences. Title pages,
# captions, datelines and headings before it are no prose (no sentence end, or a few words).
LEAD_SENTENCES = 2
LEAD_MIN_WORDS = 6


def report_openings(hits: Sequence[Hit]) -> dict[str, Chunk | None]:
    """Each retrieved report's opening chunk: retrieved itself, else the one a hit carries; None
    when neither is at hand."""
    out: dict[str, Chunk | None] = {}
    for h in hits:
        if out.get(h.chunk.doc_id) is None:
            out[h.chunk.doc_id] = h.chunk if h.chunk.char_start == 0 else h.opening
    return out


def leads(hits: Sequence[Hit], unretrieved: bool = False) -> dict[str, str]:
    """The lead of each report whose opening chunk was retrieved (with `unretrieved`, of each
    report a hit is from): what a news page or a report says first is what the whole of it is
    about ("NTI hosted the kickoff meeting ... in Washington"), as its title is, so a sentence
    further down need not repeat it. Scoring reads only retrieved leads: a long report's
    opening would lend its words to every passage of it."""
    out: dict[str, str] = {}
    for h in hits:
        first = h.chunk if h.chunk.char_start == 0 else h.opening if unretrieved else None
        if first is None or h.chunk.doc_id in out:
            continue
        for line in first.text.split("\n"):
            stripped = line.strip()
            if _STATEMENT_END.search(stripped) and len(stripped.split()) > LEAD_MIN_WORDS:
                spans = split_sentences(stripped, 0)[:LEAD_SENTENCES]
                out[h.chunk.doc_id] = stripped[: spans[-1][1]] if spans else stripped
                break
    return out
