"""Refuse unauthorised and oversized requests before their bodies are read.

FastAPI parses a request body (spooling uploads to disk) before any route dependency runs,
and Gradio's upload route writes files as they stream in; so a token check in a route, or a
size check after parsing, comes after the disk is full. `RequestGuard` is a pure ASGI
middleware in front of both front ends: it checks the token of protected routes from the
headers alone, answers 413 at once when Content-Length is over the cap, and counts the bytes
of bodies without one (chunked), aborting when the cap is passed.

Limits and the token are read per request from the app's Assistant settings, so one process
can be built with any configuration. The auth helpers here are shared by the API and the page.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Sequence
from http.cookies import CookieError, SimpleCookie

from starlette.formparsers import MultiPartException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.config import Settings

log = logging.getLogger(__name__)

SESSION_COOKIE = "reportqa_session"
TOKEN_NEEDED = "missing or wrong token: send 'Authorization: Bearer <token>'"

# Routes that reveal or change the documents (or serve files): they need the token even
# when asking is public. Prefixes, so '/gradio_api/file=/x' and '/api/documents/{id}' match.
PROTECTED_PREFIXES = (
    "/api/documents",
    "/gradio_api/upload",  # also /gradio_api/upload_progress
    "/gradio_api/file=",
    "/gradio_api/file/",
    "/gradio_api/proxy=",
    "/gradio_api/stream/",
    "/gradio_api/process_recording",
)
# Multipart uploads get the upload cap; every other body gets max_body_kb.
UPLOAD_ROUTES = ("/api/documents", "/gradio_api/upload")


# --- auth ---------------------------------------------------------------------------------
def token_ok(expected: str | None, given: str | None) -> bool:
    """True when no token is configured, or `given` is exactly it (compared in constant time)."""
    if not expected:
        return True
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def session_value(token: str) -> str:
    """What the browser's session cookie holds: an HMAC of the token, never the token, so a
    leaked cookie does not reveal it (and it changes when the token does)."""
    return hmac.new(token.encode(), b"reportqa-session-v1", hashlib.sha256).hexdigest()


def bearer_of(authorization: str | None) -> str | None:
    scheme, _, value = (authorization or "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def authorized(settings: Settings, authorization: str | None, session: str | None) -> bool:
    """A request may use protected routes: no token is set, or it sends the bearer token or
    the session cookie that POST /api/session gave the page."""
    if not settings.api_token:
        return True
    if token_ok(settings.api_token, bearer_of(authorization)):
        return True
    return session is not None and hmac.compare_digest(session.encode(), session_value(settings.api_token).encode())


def cookie_value(cookie_header: str | None, name: str = SESSION_COOKIE) -> str | None:
    try:
        morsel = SimpleCookie(cookie_header or "").get(name)
    except CookieError:
        return None
    return morsel.value if morsel else None


# --- the middleware -----------------------------------------------------------------------
class BodyTooLarge(MultiPartException):
    """Raised from `receive` when a body passes its cap. A MultiPartException, because that is
    what Starlette's and Gradio's multipart parsers catch to delete their partial temp files."""

    def __init__(self, cap: int) -> None:
        super().__init__(f"request body exceeds the maximum allowed size of {describe_bytes(cap)}")


def describe_bytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} KB"


def route_path(scope: Scope) -> str:
    """The path as routes see it; repeated slashes folded so '//api/documents' is not a way round."""
    return re.sub(r"/{2,}", "/", scope.get("path", "/"))


def needs_token(path: str) -> bool:
    return path.startswith(PROTECTED_PREFIXES)


def body_cap(method: str, path: str, settings: Settings) -> int:
    if method == "POST" and path.rstrip("/") in UPLOAD_ROUTES:
        return settings.max_upload_request_bytes
    return settings.max_body_kb * 1024


async def respond(send: Send, status: int, detail: str, extra: Sequence[tuple[bytes, bytes]] = ()) -> None:
    """A JSON error that closes the connection: the rest of the body is not worth reading."""
    body = json.dumps({"detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """Token and size checks before the body: see the module docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings: Settings = scope["app"].state.assistant.settings
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path = route_path(scope)
        if needs_token(path) and not authorized(
            settings, headers.get("authorization"), cookie_value(headers.get("cookie"))
        ):
            await respond(send, 401, TOKEN_NEEDED, [(b"www-authenticate", b"Bearer")])
            return
        cap = body_cap(scope["method"], path, settings)
        length = headers.get("content-length")
        if length is not None and not re.fullmatch(r"[0-9]{1,20}", length):
            await respond(send, 400, "bad Content-Length")
            return
        if length is not None and int(length) > cap:
            await respond(send, 413, BodyTooLarge(cap).message)
            return
        await self.capped(scope, receive, send, cap)

    async def capped(self, scope: Scope, receive: Receive, send: Send, cap: int) -> None:
        """Run the app, counting body bytes as they arrive; past the cap the app's reading
        fails, and whatever it would answer (a 400 from a parser, say) becomes our 413."""
        received = 0
        over = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    over = True
                    raise BodyTooLarge(cap)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over:  # the app's answer to a body it could not finish reading
                if not started:
                    started = True
                    await respond(send, 413, BodyTooLarge(cap).message)
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:  # noqa: BLE001 - past the cap, any failure is the abort's echo
            if not over:
                raise
            log.debug("request aborted past its %d-byte cap", cap, exc_info=True)
        if over and not started:
            await respond(send, 413, BodyTooLarge(cap).message)
