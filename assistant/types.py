"""The dataclasses that cross module boundaries.

Every arrow of the pipeline (file -> Document -> Chunk -> Hit -> Answer) carries one of
these, so no LangChain, Chroma or pypdf object travels beyond the module that made it.
This module imports nothing from the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSpan:
    """Where one page of the source lies in the document's normalised text."""

    number: int  # 1-based, as a PDF viewer shows it
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One source file, loaded and normalised, with what its text says about itself."""

    doc_id: str  # content hash of the file's bytes: the same bytes are the same document
    source: str  # file name, e.g. "cicte-2016-work-plan-report.pdf"
    title: str
    text: str  # normalised text; chunk offsets point into it
    pages: tuple[PageSpan, ...] = ()  # empty for formats without pages (txt, docx)
    organisation: str | None = None
    year: int | None = None  # the year the report covers
    country: str | None = None  # country/economy the report is about, when it states one
    file_format: str = "txt"
    document_type: str | None = None  # "report", "work plan", "press release", ...
    # How each field was found: title "detected" | "report form" | "first heading" | "file name",
    # year "title" | "text" | "not found", the others "detected" | "not found".
    detected: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def page_at(self, offset: int) -> int | None:
        """The page holding character `offset`, or None when the format has no pages."""
        return page_at(self.pages, offset)


def page_at(pages: tuple[PageSpan, ...], offset: int) -> int | None:
    """Page number of `offset` given page spans (the last page that starts at or before it)."""
    found = None
    for span in pages:
        if span.start <= offset:
            found = span.number
        else:
            break
    return found


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: an exact slice of its document's text plus where it came from."""

    chunk_id: str
    doc_id: str
    source: str
    title: str
    text: str  # == document.text[char_start:char_end]
    section: str  # heading path, " > "-joined; "" before the first heading
    char_start: int
    char_end: int
    page_start: int | None = None
    page_end: int | None = None
    pages: tuple[PageSpan, ...] = ()  # page spans overlapping the chunk, for locating quotes
    organisation: str | None = None
    year: int | None = None
    country: str | None = None
    # Named entities in `text`: (start, end, label) with spaCy's labels (PERSON, ORG, GPE, DATE...).
    # None when the chunk was indexed before entities were recorded (tagged on demand then).
    entities: tuple[tuple[int, int, str], ...] | None = None

    def page_at(self, offset_in_chunk: int) -> int | None:
        """Page of a character given by its offset inside this chunk's text."""
        return page_at(self.pages, self.char_start + offset_in_chunk)

    def embedding_text(self) -> str:
        """What is embedded and stored: the section path gives the model the chunk's context."""
        return f"{self.section}\n{self.text}" if self.section else self.text


@dataclass(frozen=True)
class DocumentInfo:
    """What the index knows about an indexed document (for listings and filters)."""

    doc_id: str
    source: str
    title: str
    organisation: str | None
    year: int | None
    country: str | None
    pages: int | None
    chunks: int
    ingested_at: str  # ISO 8601, UTC
    origin: str = ""  # stable source key: "file:/abs/path" (CLI) or "upload:name" (web/API)
    file_format: str = ""
    duplicate_of: str | None = None  # near-identical to this document, which answers instead
    document_type: str | None = None
    detected: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # see Document


@dataclass(frozen=True)
class Filters:
    """Metadata restrictions on retrieval; an empty tuple means no restriction."""

    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.doc_ids or self.sources or self.organisations or self.years or self.countries)

    def restrictions(self) -> tuple[tuple[str, tuple], ...]:
        """(chunk attribute, allowed values) for each non-empty restriction."""
        pairs = (
            ("doc_id", self.doc_ids),
            ("source", self.sources),
            ("organisation", self.organisations),
            ("year", self.years),
            ("country", self.countries),
        )
        return tuple((attr, allowed) for attr, allowed in pairs if allowed)

    def accepts(self, chunk: Chunk) -> bool:
        """True when the chunk passes every non-empty restriction."""
        return all(getattr(chunk, attr) in allowed for attr, allowed in self.restrictions())


@dataclass(frozen=True)
class Hit:
    """A chunk returned by retrieval, with its fused score and the ranks behind it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    # its document's first chunk (retrieved or not): a page's lead names what the page is about
    opening: Chunk | None = None
    # the chunks just before it under its parent heading, nearest last: who "we" are in a report
    # answered section by section
    kin: tuple[Chunk, ...] = ()


@dataclass(frozen=True)
class Citation:
    """A checkable claim source: the exact quoted passage, where it is, how well it matched."""

    n: int
    doc_id: str
    source: str
    title: str
    page: int | None
    section: str | None
    quote: str
    score: float
    chunk_id: str = ""
    organisation: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Answer:
    """The engine's reply: text with [n] markers, the citations behind them, and timings."""

    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    related: tuple[Citation, ...] = ()  # closest passages offered when the engine declines
    standalone_question: str = ""  # the question after follow-up rewriting
    hits: tuple[Hit, ...] = ()  # the retrieved chunks the answer was built from
    why: dict = field(default_factory=dict)  # the engine's decision features, for diagnosis
    engine: str = "extractive"  # what wrote the answer: "extractive" or "<provider>:<model>"
    fallback_reason: str | None = None  # why the configured LLM's answer was not used
    unsupported: tuple[str, ...] = ()  # LLM sentences removed: they cited nothing or failed the check


INGEST_STATUSES = ("ingested", "replaced", "unchanged", "duplicate", "conflict", "failed")


@dataclass(frozen=True)
class IngestResult:
    """Outcome of ingesting one file.

    status: ingested | replaced (an older version from the same origin went) | unchanged (the
    same bytes are indexed) | duplicate (kept, but a near-identical indexed document answers)
    | conflict (a different document already has this name; nothing changed) | failed.
    """

    path: str
    status: str
    doc_id: str | None = None
    chunks: int = 0
    error: str | None = None
    note: str | None = None  # what the user should know: what was replaced, what it duplicates
    replaced: tuple[str, ...] = ()  # doc ids that this file replaced
    duplicate_of: str | None = None


@dataclass(frozen=True)
class IngestProgress:
    """Where a long ingest stands: which file, and how far inside it (chunks embedded)."""

    file_index: int  # 1-based
    files: int
    name: str
    stage: str  # "reading" | "embedding" | "writing" | "done"
    done: int = 0  # chunks embedded so far in this file
    total: int = 0  # chunks in this file (0 until it is split)
    finished: int = 0  # files of this run finished so far (files are embedded in groups, so not file_index - 1)
    first_index: int = 0  # for a group of files embedded together: its first file (file_index is its last)
