"""REST API under /api: thin routes over the in-process Assistant.

Request bodies are pydantic models (FastAPI answers 422 on malformed ones); responses are
the shapes in assistant.serialize, so `POST /api/ask` returns exactly `reportqa ask --json`.
Auth is read per request from the app's Assistant settings, so one process can be built
with or without a token.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.core import Assistant
from assistant.serialize import answer_to_dict, document_to_dict, hit_to_dict
from assistant.types import Filters
from assistant.uploads import UploadError, save_uploads

log = logging.getLogger(__name__)


# --- models -----------------------------------------------------------------------------
class FiltersIn(BaseModel):
    """Metadata restrictions; an empty list means no restriction."""

    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(default_factory=list, description="Source file names, e.g. cicte-2016-work-plan-report.pdf")
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


class SearchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=2000)
    filters: FiltersIn | None = None
    k: int | None = Field(None, ge=1, le=50, description="Chunks to return (default 5)")


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


# --- dependencies -------------------------------------------------------------------------
def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


AssistantDep = Annotated[Assistant, Depends(get_assistant)]


def token_ok(expected: str | None, authorization: str | None) -> bool:
    """True when no token is configured, or the header is exactly 'Bearer <token>'."""
    if not expected:
        return True
    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected.encode())


def _check(request: Request, open_when_public: bool) -> None:
    settings = get_assistant(request).settings
    if open_when_public and settings.public_ask:
        return
    if not token_ok(settings.api_token, request.headers.get("authorization")):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def require_token(request: Request) -> None:
    _check(request, open_when_public=False)


def require_token_to_ask(request: Request) -> None:
    _check(request, open_when_public=True)


# --- routes -------------------------------------------------------------------------------
def sse(event: dict) -> str:
    return f"data: {json.dumps(event, ensure_ascii=False)}\n\n"


def stream_answer(assistant: Assistant, body: AskIn, filters: Filters | None) -> Iterator[str]:
    """SSE: one `delta` event per cited sentence, then `final` with the whole answer dict."""
    try:
        for ev in assistant.ask_stream(body.question, body.history, filters, body.k):
            if ev.kind == "delta":
                yield sse({"type": "delta", "text": ev.text})
            elif ev.answer is not None:
                yield sse({"type": "final", "answer": answer_to_dict(ev.answer)})
    except ValueError as exc:  # headers are already sent: report the error in-band
        yield sse({"type": "error", "detail": str(exc)})


ask_router = APIRouter(dependencies=[Depends(require_token_to_ask)], tags=["questions"])
admin_router = APIRouter(dependencies=[Depends(require_token)], tags=["documents"])


@ask_router.post(
    "/ask",
    response_model=AnswerOut,
    responses={200: {"content": {"text/event-stream": {}}, "description": "JSON, or SSE when streaming"}},
)
def ask(body: AskIn, request: Request, assistant: AssistantDep):
    """Answer a question with citations (or decline). Streams SSE with `stream: true` or
    `Accept: text/event-stream`: `data: {"type": "delta", "text": ...}` per sentence, then
    `data: {"type": "final", "answer": {...}}`."""
    filters = body.filters.to_filters() if body.filters else None
    if body.stream or "text/event-stream" in request.headers.get("accept", ""):
        return StreamingResponse(stream_answer(assistant, body, filters), media_type="text/event-stream")
    try:
        return answer_to_dict(assistant.ask(body.question, body.history, filters, body.k))
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc


@ask_router.post("/search", response_model=SearchOut)
def search(body: SearchIn, assistant: AssistantDep):
    """Ranked chunks (hybrid dense + BM25) with their metadata."""
    filters = body.filters.to_filters() if body.filters else None
    hits = assistant.search(body.query, filters, body.k)
    return {"query": body.query, "hits": [hit_to_dict(h, rank) for rank, h in enumerate(hits, start=1)]}


@admin_router.get("/documents", response_model=list[DocumentOut])
def list_documents(assistant: AssistantDep):
    """Indexed reports."""
    return [document_to_dict(d) for d in assistant.documents()]


@admin_router.post("/documents", response_model=list[IngestOut])
def upload_documents(assistant: AssistantDep, files: Annotated[list[UploadFile], File(description="PDF/DOCX/TXT/MD")]):
    """Upload and index files (multipart field `files`, repeatable). 415 on an unsupported
    type, 413 over the size cap; otherwise one result per file."""
    try:
        with save_uploads([(f.filename or "", f.file) for f in files]) as paths:
            results = assistant.ingest(paths)
    except UploadError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    return [
        {"file": r.path.rsplit("/", 1)[-1], "status": r.status, "doc_id": r.doc_id, "chunks": r.chunks, "error": r.error}
        for r in results
    ]


@admin_router.delete("/documents/{doc_id}", response_model=DocumentOut)
def delete_document(doc_id: str, assistant: AssistantDep):
    """Remove a document (id, id prefix or file name) from every index."""
    removed = assistant.remove(doc_id)
    if removed is None:
        raise HTTPException(404, f"no indexed document matches {doc_id!r}")
    return document_to_dict(removed)


@admin_router.get("/health", response_model=HealthOut)
def health(request: Request, assistant: AssistantDep):
    """Index size, embedding model and version."""
    return {**assistant.health(), "version": request.app.version}


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api")
    router.include_router(ask_router)
    router.include_router(admin_router)
    return router
