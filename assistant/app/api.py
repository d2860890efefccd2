"""REST API under /api: thin routes over the in-process Assistant.

Request bodies are pydantic models (FastAPI answers 422 on malformed ones); responses are
the shapes in assistant.app.serialize, so `POST /api/ask` returns exactly `reportqa ask --json`.
Auth is read per request from the app's Assistant settings, so one process can be built
with or without a token. Size limits and the token of the document routes are checked
earlier still, before a body is read (assistant.app.guard); the checks here are what the
OpenAPI page documents and what every other route relies on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, Response, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.app.api_models import AnswerOut, AskIn, DocumentOut, HealthOut, IngestOut, SearchIn, SearchOut
from assistant.core import Assistant, DocumentNotFound
from assistant.app.guard import SESSION_COOKIE, TOKEN_NEEDED, authorized, session_value
from assistant.app.serialize import answer_to_dict, document_to_dict, hit_to_dict
from assistant.types import Filters
from assistant.app.uploads import UploadError, save_uploads

ECHO_CHARS = 200  # of a rejected input a 422 repeats: enough to see which value, never the whole body


# --- dependencies -------------------------------------------------------------------------
def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


AssistantDep = Annotated[Assistant, Depends(get_assistant)]

# auto_error=False: without a configured token no header is needed. Declared as a dependency
# so the OpenAPI page gets an "Authorize" button for the bearer token.
bearer = HTTPBearer(auto_error=False, description="Needed when REPORTQA_API_TOKEN is set")
CredentialsDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _check(request: Request, open_when_public: bool) -> None:
    settings = get_assistant(request).settings
    if open_when_public and settings.public_ask:
        return
    if not authorized(settings, request.headers.get("authorization"), request.cookies.get(SESSION_COOKIE)):
        raise HTTPException(401, TOKEN_NEEDED, headers={"WWW-Authenticate": "Bearer"})


def require_token(request: Request, credentials: CredentialsDep) -> None:
    _check(request, open_when_public=False)


def require_token_to_ask(request: Request, credentials: CredentialsDep) -> None:
    _check(request, open_when_public=True)


FILTER_FIELDS = {
    "source": "sources",
    "document id": "doc_ids",
    "organisation": "organisations",
    "year": "years",
    "country": "countries",
}


def unprocessable(exc: ValueError, *loc: str) -> HTTPException:
    """A 422 in the shape FastAPI gives its own (a list of errors with loc/msg/type), so a
    client reads every 422 the same way and the OpenAPI schema holds for all of them."""
    return HTTPException(422, [{"loc": ["body", *loc], "msg": str(exc), "type": "value_error"}])


def checked_filters(assistant: Assistant, body: AskIn | SearchIn) -> Filters | None:
    """Filters in stored values; an unknown value is a 422 listing the known ones."""
    try:
        return assistant.resolve_filters(body.filters.to_filters() if body.filters else None)
    except ValueError as exc:
        field = FILTER_FIELDS.get(getattr(exc, "field", ""))
        raise unprocessable(exc, "filters", *([field] if field else [])) from exc


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
session_router = APIRouter(tags=["service"])


@ask_router.post(
    "/ask",
    response_model=AnswerOut,
    responses={200: {"content": {"text/event-stream": {}}, "description": "JSON, or SSE when streaming"}},
)
def ask(body: AskIn, request: Request, assistant: AssistantDep):
    """Answer a question with citations (or decline). Streams SSE with `stream: true` or
    `Accept: text/event-stream`: `data: {"type": "delta", "text": ...}` per sentence, then
    `data: {"type": "final", "answer": {...}}`. 422 when the question or history is over the
    configured limits or a filter value is unknown (checked before any streaming starts)."""
    try:
        assistant.validate_question(body.question, body.history)
    except ValueError as exc:
        raise unprocessable(exc) from exc
    filters = checked_filters(assistant, body)
    if body.stream or "text/event-stream" in request.headers.get("accept", ""):
        return StreamingResponse(stream_answer(assistant, body, filters), media_type="text/event-stream")
    try:
        return answer_to_dict(assistant.ask(body.question, body.history, filters, body.k))
    except ValueError as exc:
        raise unprocessable(exc) from exc


@ask_router.post("/search", response_model=SearchOut)
def search(body: SearchIn, assistant: AssistantDep):
    """Ranked chunks (hybrid dense + BM25) with their metadata; 422 on an unknown filter value."""
    filters = checked_filters(assistant, body)
    try:
        hits = assistant.search(body.query, filters, body.k)
    except ValueError as exc:
        raise unprocessable(exc, "query") from exc
    return {"query": body.query, "hits": [hit_to_dict(h, rank) for rank, h in enumerate(hits, start=1)]}


@admin_router.get("/documents", response_model=list[DocumentOut])
def list_documents(assistant: AssistantDep):
    """Indexed reports; `duplicate_of` names the document that answers for a near-identical copy."""
    return [document_to_dict(d, hide_paths=True) for d in assistant.documents()]


@admin_router.post("/documents", response_model=list[IngestOut])
def upload_documents(
    assistant: AssistantDep,
    files: Annotated[list[UploadFile], File(description="PDF, DOCX, TXT or MD files")],
    replace: Annotated[bool, Query(description="Replace a different document indexed under the same name")] = False,
):
    """Upload and index files (multipart field `files`, repeatable). 415 on an unsupported
    type, 413 over the size caps; otherwise one result per file. A different document already
    indexed under a file's name gives status `conflict` (nothing changed) unless `replace=true`."""
    s = assistant.settings
    try:
        with save_uploads(
            [(f.filename or "", f.file) for f in files], s.max_file_bytes, s.max_upload_name_chars
        ) as paths:
            results = assistant.ingest(paths, uploaded=True, replace=replace)
    except UploadError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    return [
        IngestOut(
            file=Path(r.path).name,
            status=r.status,
            doc_id=r.doc_id,
            chunks=r.chunks,
            error=r.error,
            note=r.note,
            replaced=list(r.replaced),
            duplicate_of=r.duplicate_of,
        )
        for r in results
    ]


@admin_router.delete(
    "/documents/{doc_id}",
    response_model=DocumentOut,
    responses={404: {"description": "No document matches"}, 409: {"description": "Several documents match"}},
)
def delete_document(doc_id: str, assistant: AssistantDep):
    """Remove a document (id, id prefix or file name) from every index."""
    try:
        removed = assistant.remove(doc_id)
    except DocumentNotFound as exc:
        raise HTTPException(409 if getattr(exc, "ambiguous", False) else 404, str(exc)) from exc
    return document_to_dict(removed, hide_paths=True)


@service_router.get("/health", response_model=HealthOut)
def health(request: Request, assistant: AssistantDep, detail: bool = False):
    """Index size, embedding model and version; with `detail=true`, whether Chroma, the lexical
    index, the document list and the stored originals agree (`status` is then "inconsistent"
    when they do not, and `check` lists what disagrees)."""
    return {**assistant.health(detail), "version": request.app.version}


@session_router.post("/session", status_code=204, dependencies=[Depends(require_token)])
def open_session(request: Request, response: Response) -> None:
    """For the web page: trade the bearer token for an HttpOnly, SameSite=Strict cookie holding
    an HMAC of it, so the browser's own requests (Gradio's file upload) carry the token."""
    token = get_assistant(request).settings.api_token
    if token:
        response.set_cookie(
            SESSION_COOKIE, session_value(token), httponly=True, samesite="strict", secure=request.url.scheme == "https"
        )


@session_router.delete("/session", status_code=204)
def close_session(response: Response) -> None:
    """Forget the page's session cookie."""
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict")


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api")
    for part in (ask_router, admin_router, service_router, session_router):
        router.include_router(part)
    return router


# --- errors -------------------------------------------------------------------------------
def short_input(value: object) -> object:
    """A rejected value as a 422 repeats it: whole when short, else its start and a note."""
    text = value if isinstance(value, str) else json.dumps(jsonable_encoder(value), ensure_ascii=False)
    if len(text) <= ECHO_CHARS:
        return value
    return f"{text[:ECHO_CHARS]}… (cut: {len(text):,} characters in all)"


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 (a list of errors with loc/msg/type), without echoing a 1 MB input back."""
    errors = [{**e, "input": short_input(e["input"])} if "input" in e else e for e in exc.errors()]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})


def install_error_handlers(app) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
