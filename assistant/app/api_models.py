"""Request and response models of the REST API (they are the OpenAPI schema at /docs).

Response models allow extra fields: assistant.app.serialize may add fields, the API never drops them.
Length limits here are hard ceilings only (what no configuration could want); the configured
limits (max_question_chars, max_history_turns) are checked by `Assistant.validate_question`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.types import INGEST_STATUSES, Filters

TEXT_CEILING = 100_000  # characters of a question, query or history turn
HISTORY_CEILING = 1_000  # earlier turns
FILTER_CEILING = 1_000  # values of one filter


def not_blank(text: str) -> str:
    """Whitespace alone is no question: refuse it here (422), before any streaming starts."""
    if not text.strip():
        raise ValueError("must not be blank")
    return text


class FiltersIn(BaseModel):
    """Metadata restrictions; an empty list means no restriction."""

    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(
        default_factory=list, max_length=FILTER_CEILING, description="Source file names, e.g. cicte-2016-report.pdf"
    )
    doc_ids: list[str] = Field(
        default_factory=list, max_length=FILTER_CEILING, description="Document ids (see GET /api/documents)"
    )
    organisations: list[str] = Field(
        default_factory=list,
        max_length=FILTER_CEILING,
        description="e.g. APEC, CICTE/OAS, or a part of one: OAS, cicte",
    )
    years: list[int] = Field(default_factory=list, max_length=FILTER_CEILING, description="Years the reports cover")
    countries: list[str] = Field(
        default_factory=list, max_length=FILTER_CEILING, description="Country/economy a report is about"
    )

    def to_filters(self) -> Filters:
        return Filters(
            doc_ids=tuple(self.doc_ids),
            sources=tuple(self.sources),
            organisations=tuple(self.organisations),
            years=tuple(self.years),
            countries=tuple(self.countries),
        )


class AskIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(
        min_length=1,
        max_length=TEXT_CEILING,
        examples=["which states got 1540 legislative help in 2016?"],
        description="At most max_question_chars (default 2,000) characters",
    )
    history: list[Annotated[str, Field(max_length=TEXT_CEILING)]] = Field(
        default_factory=list,
        max_length=HISTORY_CEILING,
        description="Earlier user turns, oldest first, for follow-ups: at most max_history_turns (default 20), "
        "each at most max_question_chars",
    )
    filters: FiltersIn | None = None
    k: int | None = Field(None, ge=1, le=50, description="Chunks to build the answer from (default 5)")
    stream: bool = Field(False, description="Stream Server-Sent Events (same as Accept: text/event-stream)")

    @field_validator("question")
    @classmethod
    def _question_not_blank(cls, v: str) -> str:
        return not_blank(v)


class SearchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=TEXT_CEILING, description="At most max_question_chars characters")
    filters: FiltersIn | None = None
    k: int | None = Field(None, ge=1, le=50, description="Chunks to return (default 5)")

    @field_validator("query")
    @classmethod
    def _query_not_blank(cls, v: str) -> str:
        return not_blank(v)


class CitationOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # serialize may add fields; never drop them

    n: int
    doc_id: str
    source: str
    title: str
    page: int | None
    section: str | None
    quote: str = Field(description="The exact passage, as it appears in the report")
    score: float
    organisation: str | None = None
    year: int | None = None


class AnswerOut(BaseModel):
    """The `reportqa ask --json` shape."""

    model_config = ConfigDict(extra="allow")

    question: str
    answer: str = Field(description="Answer text with [n] citation markers")
    abstained: bool = Field(description="True when the indexed reports do not contain the answer")
    citations: list[CitationOut]
    related: list[CitationOut] = Field(description="Closest passages when abstained; not an answer")
    standalone_question: str
    timings_ms: dict[str, float]
    engine: str = Field("extractive", description='What wrote the answer: "extractive" or "<provider>:<model>"')
    fallback_reason: str | None = Field(None, description="Why the configured LLM's answer was not used")
    unsupported: list[str] = Field(
        default_factory=list, description="LLM sentences removed: they cited nothing or failed the citation check"
    )


class HitOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    rank: int | None
    chunk_id: str
    doc_id: str
    source: str
    title: str
    page: int | None
    page_end: int | None
    section: str | None
    text: str
    score: float
    organisation: str | None
    year: int | None
    country: str | None


class SearchOut(BaseModel):
    query: str
    hits: list[HitOut]


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc_id: str
    source: str
    title: str
    organisation: str | None
    year: int | None
    country: str | None
    pages: int | None
    chunks: int
    ingested_at: str
    origin: str = Field("", description="upload:<name> (API, web) or file:<name> (CLI)")
    file_format: str = ""
    duplicate_of: str | None = Field(None, description="Near-identical to this document, which answers instead")


class IngestOut(BaseModel):
    file: str = Field(description="The file name as indexed (sanitised, shortened to max_upload_name_chars)")
    status: str = Field(
        description=" | ".join(INGEST_STATUSES) + "; conflict: a different document has this "
        "name and nothing changed (upload again with replace=true)"
    )
    doc_id: str | None
    chunks: int
    error: str | None
    note: str | None = Field(None, description="What to know: what was replaced, what this duplicates")
    replaced: list[str] = Field(default_factory=list, description="Ids of the documents this file replaced")
    duplicate_of: str | None = Field(None, description="Id of the near-identical document that answers instead")


class ProblemOut(BaseModel):
    kind: str = Field(
        description="pending_write, orphan_chunks, missing_chunks, duplicate_with_chunks, "
        "orphan_duplicate, missing_original, stray_file or lexical_mismatch"
    )
    doc_id: str | None
    detail: str


class HealthOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    status: str = Field(description='"ok", or "inconsistent" when detail=true found disagreements')
    documents: int
    chunks: int
    embedding_model: str
    llm: str = Field("none", description='The LLM reader in use ("<provider>:<model>"), or "none" (extractive only)')
    version: str
    check: list[ProblemOut] | None = Field(None, description="With detail=true: what disagrees (empty when all agree)")
