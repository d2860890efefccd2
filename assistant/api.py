"""REST API under /api: thin routes over the in-process Assistant.

Request bodies are pydantic models (FastAPI answers 422 on malformed ones); responses are
the shapes in assistant.serialize, so `POST /api/ask` returns exactly `reportqa ask --json`.
Auth is read per request from the app's Assistant settings, so one process can be built
with or without a token.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.api_models import AnswerOut, AskIn, DocumentOut, HealthOut, IngestOut, SearchIn, SearchOut
from assistant.core import Assistant
from assistant.serialize import answer_to_dict, document_to_dict, hit_to_dict
from assistant.types import Filters
from assistant.uploads import UploadError, save_uploads


# --- dependencies -------------------------------------------------------------------------
def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


AssistantDep = Annotated[Assistant, Depends(get_assistant)]


def token_ok(expected: str | None, given: str | None) -> bool:
    """True when no token is configured, or `given` is exactly it (compared in constant time)."""
    if not expected:
        return True
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


# auto_error=False: without a configured token no header is needed. Declared as a dependency
# so the OpenAPI page gets an "Authorize" button for the bearer token.
bearer = HTTPBearer(auto_error=False, description="Needed when REPORTQA_API_TOKEN is set")
CredentialsDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _check(request: Request, credentials: HTTPAuthorizationCredentials | None, open_when_public: bool) -> None:
    settings = get_assistant(request).settings
    if open_when_public and settings.public_ask:
        return
    if not token_ok(settings.api_token, credentials.credentials if credentials else None):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def require_token(request: Request, credentials: CredentialsDep) -> None:
    _check(request, credentials, open_when_public=False)


def require_token_to_ask(request: Request, credentials: CredentialsDep) -> None:
    _check(request, credentials, open_when_public=True)


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
service_router = APIRouter(dependencies=[Depends(require_token)], tags=["service"])


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
def upload_documents(
    assistant: AssistantDep, files: Annotated[list[UploadFile], File(description="PDF, DOCX, TXT or MD files")]
):
    """Upload and index files (multipart field `files`, repeatable). 415 on an unsupported
    type, 413 over the size cap; otherwise one result per file."""
    try:
        with save_uploads([(f.filename or "", f.file) for f in files]) as paths:
            results = assistant.ingest(paths)
    except UploadError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    return [IngestOut(file=Path(r.path).name, status=r.status, doc_id=r.doc_id, chunks=r.chunks, error=r.error)
            for r in results]


@admin_router.delete("/documents/{doc_id}", response_model=DocumentOut)
def delete_document(doc_id: str, assistant: AssistantDep):
    """Remove a document (id, id prefix or file name) from every index."""
    removed = assistant.remove(doc_id)
    if removed is None:
        raise HTTPException(404, f"no indexed document matches {doc_id!r}")
    return document_to_dict(removed)


@service_router.get("/health", response_model=HealthOut)
def health(request: Request, assistant: AssistantDep):
    """Index size, embedding model and version."""
    return {**assistant.health(), "version": request.app.version}


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api")
    router.include_router(ask_router)
    router.include_router(admin_router)
    router.include_router(service_router)
    return router
