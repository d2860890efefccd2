"""Split a Document into retrievable Chunks that follow the report's structure.

Rules, in order of priority:
- a chunk never crosses a heading, and carries its heading path in `section`;
- a section's heading(s) open its first chunk, so heading words are searchable;
- a bullet list stays with the sentence (or short label) introducing it, and a table's
  rows with their caption; a list or table longer than `max_chunk_chars` is cut between
  items or rows, never inside one;
- paragraphs are packed up to `chunk_chars`; one longer than `max_chunk_chars` is cut
  at sentence boundaries.
Every chunk is an exact slice `doc.text[char_start:char_end]`: offsets are computed, the
text is never edited, so a quote can always be located in the document and on its page.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from assistant.types import Chunk, Document, PageSpan
from assistant.text import introduces
from ingest.headings import LEVEL_CONTACT, LEVEL_SECTION, classify
from ingest.normalize import BULLET
from ingest.tables import heads_rows, row_keys

logger = logging.getLogger(__name__)

SECTION_SEPARATOR = " > "
_LABEL_CHARS = 80  # a line this short without final punctuation labels what follows
_TERMINAL = re.compile(r"[.;!?][”\"’)\]]*$")
# The gap between two sentences; closing quotes and brackets stay with the sentence they end.
_SENTENCE_GAP = re.compile(r"(?<=[.!?])[”\"’)\]]*(\s+)(?=[“\"(\[]?[A-Z0-9•])")


@dataclass(frozen=True)
class Span:
    """A stretch of the document text, [start, end)."""

    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass
class Section:
    path: tuple[str, ...]
    heading: list[Span] = field(default_factory=list)  # heading paragraph(s) opening it
    body: list[Span] = field(default_factory=list)


def paragraph_spans(text: str) -> list[Span]:
    """Non-blank lines of normalised text, trimmed of surrounding spaces via offsets."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        if end > start:
            spans.append(Span(start, end))
    return spans


def split_sections(text: str) -> list[Section]:
    """Paragraphs grouped under the headings that open them, with heading paths."""
    paragraphs = paragraph_spans(text)
    texts = [text[p.start : p.end] for p in paragraphs]
    sections = [Section(())]
    stack: list[tuple[int, str]] = []
    in_body = False
    last_letter: str | None = None
    for index, span in enumerate(paragraphs):
        heading = classify(texts, index, in_body, last_letter)
        continuing_contacts = (
            heading is not None and heading.level == LEVEL_CONTACT and bool(stack) and stack[-1][0] == LEVEL_CONTACT
        )
        if heading is None or continuing_contacts:  # a second contact extends the block
            sections[-1].body.append(span)
            continue
        in_body = True
        if heading.level == LEVEL_SECTION and re.match(r"[A-Z]\.", texts[index]):
            last_letter = texts[index][0]
        while stack and stack[-1][0] >= heading.level:
            stack.pop()
        stack.append((heading.level, heading.name))
        sections.append(Section(tuple(name for _, name in stack), [span]))
    return _fold_empty_sections(sections)


def _fold_empty_sections(sections: list[Section]) -> list[Section]:
    """Give a heading without text of its own to the sub-section it opens; drop the rest.

    "A. ENHANCING ..." directly followed by "A.1 Protect Cargo:" opens A.1's first chunk;
    an unanswered form question followed by the next question has nothing to retrieve.
    """
    result: list[Section] = []
    pending: list[Span] = []
    pending_path: tuple[str, ...] = ()
    for section in sections:
        nested = bool(pending) and section.path[: len(pending_path)] == pending_path
        if pending and nested:  # a copy: the fallback below needs the headings as they were
            section = Section(section.path, pending + section.heading, section.body)
        elif pending:
            logger.debug("dropping empty section %s", SECTION_SEPARATOR.join(pending_path))
        pending = []
        if section.body:
            result.append(section)
        elif section.heading:
            pending, pending_path = section.heading, section.path
    if pending:
        logger.debug("dropping empty section %s", SECTION_SEPARATOR.join(pending_path))
    if not result:  # a text of nothing but headings is still worth one chunk per heading
        return [Section(s.path, s.heading, []) for s in sections if s.heading]
    return result


def _is_label(text: str) -> bool:
    """Introduces what follows: ends with ":" or is a short line without final punctuation."""
    if text.startswith(BULLET) or row_keys(text):
        return False
    return introduces(text) or (len(text) <= _LABEL_CHARS and not _TERMINAL.search(text))


def body_blocks(text: str, body: list[Span]) -> list[list[Span]]:
    """Paragraphs grouped into units that must not be separated: intro + its bullet list,
    caption + the rows of its table."""
    blocks: list[list[Span]] = []
    for n, span in enumerate(body):
        is_item = text.startswith(BULLET, span.start)
        previous = blocks[-1] if blocks else None
        after = body[n + 1] if n + 1 < len(body) else None
        if (
            previous
            and after
            and introduces(_text(text, previous[-1]))
            and heads_rows(_text(text, span), row_keys(_text(text, after)))
        ):
            previous.append(span)  # a table's header after the line introducing it ("... is as under:")
        elif (
            previous
            and is_item
            and (text.startswith(BULLET, previous[-1].start) or _is_label(_text(text, previous[-1])))
        ):
            previous.append(span)
        elif previous and row_keys(_text(text, span)) & row_keys(_text(text, previous[-1])):
            previous.append(span)  # the next row of the same table
        elif previous and heads_rows(_text(text, previous[-1]), row_keys(_text(text, span))):
            previous.append(span)  # the first row, under its header (and caption)
        elif previous and len(previous) == 1 and _is_label(_text(text, previous[0])):
            previous.append(span)  # "Equipment" / "Legislative measures:" + what follows
        else:
            blocks.append([span])
    return blocks


def _text(text: str, span: Span) -> str:
    return text[span.start : span.end]


def _cover(spans: list[Span]) -> Span:
    return Span(spans[0].start, spans[-1].end)


def sentence_spans(text: str, span: Span) -> list[Span]:
    """Sentences of one paragraph (as offsets into `text`)."""
    pieces, start = [], span.start
    for match in _SENTENCE_GAP.finditer(text, span.start, span.end):
        pieces.append(Span(start, match.start(1)))
        start = match.end(1)
    pieces.append(Span(start, span.end))
    return [p for p in pieces if p.size > 0]


def _hard_split(text: str, span: Span, limit: int) -> list[Span]:
    """Cut an overlong sentence at the last space before `limit` characters."""
    pieces, start = [], span.start
    while span.end - start > limit:
        cut = text.rfind(" ", start, start + limit)
        cut = cut if cut > start else start + limit
        pieces.append(Span(start, cut))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    pieces.append(Span(start, span.end))
    return pieces


def _pack(spans: list[Span], limit: int) -> list[Span]:
    """Greedily merge consecutive spans into runs of at most `limit` characters."""
    runs: list[Span] = []
    for span in spans:
        if runs and span.end - runs[-1].start <= limit:
            runs[-1] = Span(runs[-1].start, span.end)
        else:
            runs.append(span)
    return runs


def fit_block(text: str, block: list[Span], chunk_chars: int, max_chars: int) -> list[Span]:
    """A block as one span, or cut into pieces when it exceeds `max_chars`.

    A list is cut between items into pieces of about equal size (a 2,600-character list
    becomes two halves, not 2,400 + 200); a paragraph is cut between sentences.
    """
    whole = _cover(block)
    if whole.size <= max_chars:
        return [whole]
    pieces: list[Span] = []
    for paragraph in block:
        if paragraph.size <= max_chars:
            pieces.append(paragraph)
            continue
        for sentence in sentence_spans(text, paragraph):
            pieces.extend(_hard_split(text, sentence, max_chars))
    is_list = any(text.startswith(BULLET, p.start) or row_keys(_text(text, p)) for p in block)
    if not is_list:
        return _pack(pieces, chunk_chars)
    parts = -(-whole.size // max_chars)
    return _pack(pieces, min(max_chars, max(chunk_chars, int(whole.size / parts * 1.1))))


def section_spans(text: str, section: Section, chunk_chars: int, max_chars: int) -> list[Span]:
    """The chunk spans of one section; its heading opens the first block, like an intro."""
    blocks = body_blocks(text, section.body) or [[]]
    blocks[0] = section.heading + blocks[0]
    pieces = [piece for block in blocks for piece in fit_block(text, block, chunk_chars, max_chars)]
    return _pack(pieces, chunk_chars)


def _overlapping(pages: tuple[PageSpan, ...], span: Span) -> tuple[PageSpan, ...]:
    return tuple(p for p in pages if p.start < span.end and p.end > span.start)


def split_document(doc: Document, chunk_chars: int = 1200, max_chunk_chars: int = 2400) -> list[Chunk]:
    """Chunks of `doc` in reading order, each an exact slice of `doc.text`."""
    if chunk_chars <= 0 or max_chunk_chars < chunk_chars:
        raise ValueError("need 0 < chunk_chars <= max_chunk_chars")
    chunks: list[Chunk] = []
    for section in split_sections(doc.text):
        path = SECTION_SEPARATOR.join(section.path)
        for span in section_spans(doc.text, section, chunk_chars, max_chunk_chars):
            chunks.append(_make_chunk(doc, span, path, len(chunks)))
    logger.info("%s: %d chunks", doc.source, len(chunks))
    return chunks


def _make_chunk(doc: Document, span: Span, section: str, index: int) -> Chunk:
    pages = _overlapping(doc.pages, span)
    return Chunk(
        chunk_id=f"{doc.doc_id}-{index:04d}",
        doc_id=doc.doc_id,
        source=doc.source,
        title=doc.title,
        text=doc.text[span.start : span.end],
        section=section,
        char_start=span.start,
        char_end=span.end,
        page_start=doc.page_at(span.start),
        page_end=doc.page_at(span.end - 1),
        pages=pages,
        organisation=doc.organisation,
        year=doc.year,
        country=doc.country,
    )
