"""Request and response models of the REST API (they are the OpenAPI schema at /docs).

Response models allow extra fields: assistant.serialize may add fields, the API never drops them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.types import Filters


def not_blank(text: str) -> str:
    """Whitespace alone is no question: refuse it here (422), before any streaming starts."""
    if not text.strip():
        raise ValueError("must not be blank")
    return text


class FiltersIn(BaseModel):
    """Metadata restrictions; an empty list means no restriction."""

    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(default_factory=list, description="Source file names, e.g. cicte-2016-report.pdf")
    doc_ids: list[str] = Field(default_factory=list, description="Document ids (see GET /api/documents)")
    organisations: list[str] = Field(default_factory=list, description="e.g. APEC, CICTE/OAS")
    years: list[int] = Field(default_factory=list, description="Years the reports cover")
    countries: list[str] = Field(default_factory=list, description="Country/economy a report is about")

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

    question: str = Field(min_length=1, max_length=2000, examples=["which states got 1540 legislative help in 2016?"])
    history: list[str] = Field(default_factory=list, description="Earlier user turns, oldest first, for follow-ups")
    filters: FiltersIn | None = None
    k: int | None = Field(None, ge=1, le=50, description="Chunks to build the answer from (default 5)")
    stream: bool = Field(False, description="Stream Server-Sent Events (same as Accept: text/event-stream)")

    @field_validator("question")
    @classmethod
    def _question_not_blank(cls, v: str) -> str:
        return not_blank(v)


class SearchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=2000)
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


class IngestOut(BaseModel):
    file: str
    status: str = Field(description="ingested | replaced | unchanged | failed")
    doc_id: str | None
    chunks: int
    error: str | None


class HealthOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    status: str
    documents: int
    chunks: int
    embedding_model: str
    version: str
