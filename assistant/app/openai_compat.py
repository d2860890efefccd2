"""ReportQA as a model: an OpenAI-compatible `POST /v1/chat/completions` (streaming too).

Chat front ends and agents that speak the OpenAI API can use ReportQA as if it were a model.
The answer keeps its citations: `[n]` markers in the text, a "Sources" list after it (for
front ends that show only the text), and a `citations` field with the full records.
The last user message is the question; earlier user messages are its history.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.app.api import AssistantDep, require_token_to_ask, unprocessable
from assistant.app.api_models import HISTORY_CEILING, TEXT_CEILING
from assistant.app.serialize import citation_to_dict
from assistant.app.web_format import sources_text
from assistant.types import Answer

MODEL_ID = "reportqa"
QUOTE_CHARS = 160  # of each quote the "Sources" list repeats; the full quote is in `citations`


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = Field(None, max_length=TEXT_CEILING)


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: Annotated[str, Field(max_length=TEXT_CEILING)] | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return " ".join(p.text or "" for p in self.content if p.type == "text").strip()
        return (self.content or "").strip()


class ChatCompletionIn(BaseModel):
    """The OpenAI request; sampling fields (temperature, top_p, ...) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1, max_length=2 * HISTORY_CEILING + 2)
    stream: bool = False


def question_and_history(body: ChatCompletionIn) -> tuple[str, list[str]]:
    users = [m.text() for m in body.messages if m.role == "user" and m.text()]
    if not users:
        raise ValueError("no user message with text to answer")
    return users[-1], users[:-1]


def extras(answer: Answer) -> dict[str, Any]:
    return {
        "citations": [citation_to_dict(c) for c in answer.citations],
        "related": [citation_to_dict(c) for c in answer.related],
        "reportqa": {
            "abstained": answer.abstained,
            "engine": answer.engine,
            "fallback_reason": answer.fallback_reason,
            "unsupported": list(answer.unsupported),
        },
    }


def completion(answer: Answer, model: str) -> dict:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer.answer + sources_text(answer, QUOTE_CHARS)},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        **extras(answer),
    }


def stream_completion(assistant, question: str, history: list[str], model: str) -> Iterator[str]:
    """OpenAI's chunk stream: a role chunk, one chunk per answer piece, the sources, a final
    chunk with finish_reason and the citations, then `[DONE]`."""
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())

    def chunk(delta: dict, finish: str | None = None, **more: Any) -> str:
        body = {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **more,
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    try:
        for ev in assistant.ask_stream(question, history):
            if ev.kind == "delta":
                yield chunk({"content": ev.text})
            elif ev.answer is not None:
                sources = sources_text(ev.answer, QUOTE_CHARS)
                if sources:
                    yield chunk({"content": sources})
                yield chunk({}, "stop", **extras(ev.answer))
    except ValueError as exc:  # headers are sent: say it in-band, as OpenAI-style servers do
        yield f"data: {json.dumps({'error': {'message': str(exc), 'type': 'invalid_request_error'}})}\n\n"
    yield "data: [DONE]\n\n"


router = APIRouter(prefix="/v1", dependencies=[Depends(require_token_to_ask)], tags=["openai-compatible"])


@router.get("/models")
def list_models() -> dict:
    """The one model this server offers, for clients that list models first."""
    return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "reportqa"}]}


@router.post("/chat/completions", responses={200: {"content": {"text/event-stream": {}}}})
def chat_completions(body: ChatCompletionIn, assistant: AssistantDep):
    """Answer the last user message from the indexed reports, OpenAI-style, citations kept."""
    try:
        question, history = question_and_history(body)
        assistant.validate_question(question, history)
    except ValueError as exc:
        raise unprocessable(exc, "messages") from exc
    if body.stream:
        return StreamingResponse(
            stream_completion(assistant, question, history, body.model), media_type="text/event-stream"
        )
    try:
        return completion(assistant.ask(question, history), body.model)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
