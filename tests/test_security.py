"""Hostile input against the real server on 127.0.0.1 (issue 8, items 1-4), and the web
handlers' path and length checks in-process (real files, real Gradio upload folder).

Two servers per module, started in parallel: an open one (no token, small upload cap, its
own Gradio and temp folders so the test can see what reached disk) and a closed one (token
set, bundled reports indexed, so there is a document list to leak).
"""

from __future__ import annotations

import json
import socket
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATA
from tests.live_server import launch, wait_healthy

pytestmark = pytest.mark.slow

TOKEN = "s3cret-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
CICTE_TITLE = "Inter-American Committee against Terrorism"
SECRET_PHRASE = "zanzibar quokka treaty clause seventeen"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    base = tmp_path_factory.mktemp("security")
    dirs = {name: base / name for name in ("gradio-open", "tmp-open", "gradio-closed")}
    for d in dirs.values():
        d.mkdir()
    open_env = {
        "GRADIO_TEMP_DIR": str(dirs["gradio-open"]),
        "TMPDIR": str(dirs["tmp-open"]),
        "REPORTQA_MAX_UPLOAD_REQUEST_MB": "1",
    }
    closed_env = {"REPORTQA_API_TOKEN": TOKEN, "GRADIO_TEMP_DIR": str(dirs["gradio-closed"])}
    opened = launch(base / "open", open_env, samples=False)
    closed = launch(base / "closed", closed_env, samples=True)
    try:
        yield {"open": wait_healthy(opened), "closed": wait_healthy(closed, TOKEN), **dirs}
    finally:
        opened.stop()
        closed.stop()


@pytest.fixture(scope="module")
def open_url(servers) -> str:
    return servers["open"].url


@pytest.fixture(scope="module")
def closed_url(servers) -> str:
    return servers["closed"].url


# --- helpers ------------------------------------------------------------------------------
def fn_index(url: str, api_name: str, **kwargs) -> int:
    deps = httpx.get(f"{url}/config", timeout=30, **kwargs).json()["dependencies"]
    return next(d["id"] for d in deps if d.get("api_name") == api_name)


def run_event(url: str, api_name: str, data: list, cookies: dict | None = None) -> dict:
    """Call a page event the way the browser does (queue/join, then the SSE stream); the
    final 'process_completed' message: {"success": bool, "output": {...}}."""
    session = uuid.uuid4().hex
    with httpx.Client(base_url=url, timeout=60, cookies=cookies) as client:
        body = {
            "data": data,
            "fn_index": fn_index(url, api_name),
            "session_hash": session,
            "event_data": None,
            "trigger_id": None,
        }
        joined = client.post("/gradio_api/queue/join", json=body)
        assert joined.status_code == 200, joined.text
        with client.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}) as stream:
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    msg = json.loads(line[5:])
                    if msg.get("msg") == "process_completed":
                        return msg
    raise AssertionError("the event never completed")


def raw_request(url: str, head: str, body_parts=(b"",), timeout: float = 10) -> tuple[int, bytes, float]:
    """Send a request by hand (a lying Content-Length, a chunked body) and read the answer.

    Parts are sent one at a time; sending stops as soon as the server has answered, the way a
    browser notices an early 413. Returns (status, response bytes, seconds to the answer)."""
    host, port = url.removeprefix("http://").split(":")
    t0 = time.perf_counter()
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(head.encode())
        for part in body_parts:
            sock.setblocking(False)
            try:
                answered = sock.recv(1, socket.MSG_PEEK)
            except BlockingIOError:
                answered = b""
            sock.setblocking(True)
            if answered:
                break
            try:
                sock.sendall(part)
            except (BrokenPipeError, ConnectionResetError):
                break
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except ConnectionResetError:
            pass
    elapsed = time.perf_counter() - t0
    return int(data.split(b" ", 2)[1]), data, elapsed


def files_over(folder: Path, size: int) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.stat().st_size > size]


# --- 1. the web upload handler takes only files uploaded through Gradio ---------------------
@pytest.mark.parametrize("with_meta", [True, False])
def test_server_path_sent_to_the_upload_event_is_refused(open_url, servers, tmp_path, with_meta):
    secret = tmp_path / "server-notes.txt"
    secret.write_text(f"Internal memo. The {SECRET_PHRASE} must stay on this machine.\n" * 20)
    file_data = {"path": str(secret), "orig_name": secret.name}
    if with_meta:  # Gradio itself then refuses it; without meta, the handler must
        file_data["meta"] = {"_type": "gradio.FileData"}
    done = run_event(open_url, "upload", [[file_data], "", False])
    assert done["success"] is False
    hits = httpx.post(f"{open_url}/api/search", json={"query": SECRET_PHRASE}, timeout=30).json()["hits"]
    assert all("server-notes" not in h["source"] for h in hits)
    assert all(d["source"] != secret.name for d in httpx.get(f"{open_url}/api/documents").json())
    assert list(servers["gradio-open"].rglob(secret.name)) == []  # not even copied into Gradio's cache


def test_a_file_uploaded_through_gradio_is_indexed(open_url):
    """The control for the test above: the same event with a really uploaded file works."""
    text = f"Public note. The {SECRET_PHRASE} is discussed openly here.\n" * 20
    paths = httpx.post(f"{open_url}/gradio_api/upload", files={"files": ("uploaded-note.txt", text.encode())}).json()
    done = run_event(open_url, "upload", [[{"path": paths[0], "meta": {"_type": "gradio.FileData"}}], "", False])
    assert done["success"] is True, done
    rows = done["output"]["data"][0]["data"]
    assert rows[0][:2] == ["uploaded-note.txt", "ingested"]
    hits = httpx.post(f"{open_url}/api/search", json={"query": SECRET_PHRASE}, timeout=30).json()["hits"]
    assert hits[0]["source"] == "uploaded-note.txt"
    assert httpx.delete(f"{open_url}/api/documents/uploaded-note.txt").status_code == 200


# --- 2. with a token: Gradio's upload and file routes, the config and the refresh event ---------
def test_gradio_upload_and_file_routes_need_the_token(closed_url):
    files = {"files": ("note.txt", b"just a note")}
    assert httpx.post(f"{closed_url}/gradio_api/upload", files=files).status_code == 401
    assert (
        httpx.post(
            f"{closed_url}/gradio_api/upload", files=files, headers={"Authorization": "Bearer wrong"}
        ).status_code
        == 401
    )
    uploaded = httpx.post(f"{closed_url}/gradio_api/upload", files=files, headers=BEARER)
    assert uploaded.status_code == 200
    path = uploaded.json()[0]
    for route in (f"/gradio_api/file={path}", f"/gradio_api/file/{path}", f"//gradio_api/file={path}"):
        assert httpx.get(closed_url + route).status_code == 401, route
    assert httpx.get(f"{closed_url}/gradio_api/file={path}", headers=BEARER).content == b"just a note"

    session = httpx.post(f"{closed_url}/api/session", headers=BEARER)
    assert session.status_code == 204
    cookie = session.cookies["reportqa_session"]
    assert TOKEN not in session.headers["set-cookie"] and "HttpOnly" in session.headers["set-cookie"]
    assert "samesite=strict" in session.headers["set-cookie"].lower()
    with_cookie = httpx.get(f"{closed_url}/gradio_api/file={path}", cookies={"reportqa_session": cookie})
    assert with_cookie.content == b"just a note"
    forged = httpx.get(f"{closed_url}/gradio_api/file={path}", cookies={"reportqa_session": "0" * 64})
    assert forged.status_code == 401
    assert httpx.post(f"{closed_url}/api/session").status_code == 401


def test_config_and_page_do_not_list_the_documents_without_the_token(closed_url):
    docs = httpx.get(f"{closed_url}/api/documents", headers=BEARER).json()
    assert len(docs) == 2
    assert run_event(closed_url, "refresh", [TOKEN])["success"]  # someone with the token saw the list
    for route in ("/config", "/"):
        text = httpx.get(closed_url + route, timeout=30).text
        for d in docs:
            assert d["source"] not in text and d["doc_id"] not in text, (route, d["source"])
        assert CICTE_TITLE not in text, route


def test_refresh_event_lists_documents_only_for_the_token_or_its_cookie(closed_url):
    def listed(done: dict) -> str:
        assert done["success"] is True, done
        return json.dumps(done["output"]["data"])

    anonymous = listed(run_event(closed_url, "refresh", [""]))
    assert "cicte-2016-work-plan-report.pdf" not in anonymous and CICTE_TITLE not in anonymous
    assert "cicte-2016-work-plan-report.pdf" not in listed(run_event(closed_url, "refresh", ["wrong"]))
    typed = listed(run_event(closed_url, "refresh", [TOKEN]))
    assert "cicte-2016-work-plan-report.pdf" in typed and "apec-ctap-chile-2020.pdf" in typed
    cookie = httpx.post(f"{closed_url}/api/session", headers=BEARER).cookies["reportqa_session"]
    by_cookie = listed(run_event(closed_url, "refresh", [""], cookies={"reportqa_session": cookie}))
    assert "cicte-2016-work-plan-report.pdf" in by_cookie


# --- 3. bodies refused before they reach disk ------------------------------------------------
def test_unauthorised_upload_is_refused_before_its_body(closed_url):
    head = (
        "POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {1024**3}\r\n\r\n"
    )
    status, _, elapsed = raw_request(closed_url, head, [b"--b\r\n"])
    assert status == 401 and elapsed < 5


@pytest.mark.parametrize("path", ["/api/documents", "/gradio_api/upload", "/api/ask", "/gradio_api/queue/join"])
def test_a_declared_2gb_body_gets_413_at_once(open_url, servers, path):
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {2 * 1024**3}\r\n\r\n"
    )
    status, response, elapsed = raw_request(open_url, head, [b"--b\r\nhello"])
    assert status == 413 and b"maximum allowed size" in response and elapsed < 5
    assert files_over(servers["gradio-open"], 65536) == [] and files_over(servers["tmp-open"], 65536) == []


@pytest.mark.parametrize("path", ["/api/documents", "/gradio_api/upload"])
def test_a_chunked_upload_past_the_cap_is_cut_off_and_leaves_nothing(open_url, servers, path):
    """The open server's cap is 1 MB; 64 KB chunks of a 4 MB file, no Content-Length."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n\r\n"
    )
    first = b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'
    block = b"x" * 65536
    parts = [b"%x\r\n%s\r\n" % (len(first), first)] + [b"%x\r\n%s\r\n" % (len(block), block)] * 64
    status, response, _ = raw_request(open_url, head, parts)
    assert status == 413 and b"maximum allowed size" in response
    time.sleep(0.5)  # the parser deletes its partial file as the request unwinds
    assert files_over(servers["gradio-open"], 65536) == []
    assert files_over(servers["tmp-open"], 65536) == []
    assert httpx.get(f"{open_url}/api/health").status_code == 200  # the server is fine


# --- 4. length limits: fast, short refusals ----------------------------------------------------
@pytest.mark.parametrize(
    "body, status",
    [
        ({"question": "x" * 1024 * 1024}, 413),  # over the 256 KB body cap: refused unread
        ({"question": "what? " * 2_000}, 422),
        ({"question": "what?", "history": ["earlier " * 2_000]}, 422),
        ({"question": "what?", "history": ["an earlier question?"] * 30}, 422),
        ({"question": "what?", "history": ["earlier " * 2_000], "stream": True}, 422),
    ],
)
def test_oversized_questions_and_history_are_refused_quickly_and_briefly(open_url, body, status):
    t0 = time.perf_counter()
    r = httpx.post(f"{open_url}/api/ask", json=body, timeout=30)
    assert r.status_code == status, r.text[:500]
    assert time.perf_counter() - t0 < 2 and len(r.content) < 1000
    if status == 422:
        assert "limit" in json.dumps(r.json()["detail"])


def test_422_does_not_echo_the_whole_input(open_url):
    r = httpx.post(f"{open_url}/api/search", json={"query": "q" * 150_000, "k": "many"}, timeout=30)
    assert r.status_code == 422 and len(r.content) < 2000
    errors = r.json()["detail"]
    assert {tuple(e["loc"]) for e in errors} == {("body", "query"), ("body", "k")}
    query_error = next(e for e in errors if e["loc"] == ["body", "query"])
    assert query_error["input"].startswith("q" * 200) and "cut" in query_error["input"]
    assert {"loc", "msg", "type"} <= query_error.keys()


def test_a_300_character_upload_name_is_shortened(open_url):
    name = "annual report " + "very " * 57 + "long.txt"
    assert len(name) >= 300
    r = httpx.post(
        f"{open_url}/api/documents", files={"files": (name, b"The budget was approved in 2019.\n" * 5)}, timeout=60
    )
    assert r.status_code == 200, r.text
    got = r.json()[0]
    assert got["status"] == "ingested" and got["file"].endswith(".txt") and len(got["file"]) <= 120
    assert got["file"].startswith("annual report very")
    assert httpx.delete(f"{open_url}/api/documents/{got['doc_id']}").status_code == 200


def test_a_web_chat_message_over_the_cap_is_refused_before_any_work(open_url):
    from gradio_client import Client

    client = Client(open_url + "/", verbose=False)
    t0 = time.perf_counter()
    with pytest.raises(Exception, match="limit is 2,000"):
        client.predict("what is the budget? " * 300, api_name="/chat")
    assert time.perf_counter() - t0 < 5


# --- in-process: the handlers' own checks (real files, the real Gradio upload folder) -----------
@pytest.fixture
def handlers(tmp_path, hash_embedder, monkeypatch):
    """Handlers over a fresh index; the Gradio upload folder is a temp dir, and `recorded` is the
    set of paths the upload route wrote (what Blocks.upload_file_set holds in the server)."""
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "gradio"))
    from assistant.core import build
    from assistant.app.server import configure_offline

    configure_offline()
    from assistant.app.web import Handlers

    recorded: set[str] = set()
    h = Handlers(build(data_dir=tmp_path / "data", embedder=hash_embedder), lambda: recorded)
    return h, recorded, tmp_path / "gradio"


def put(folder: Path, name: str, text: str) -> Path:
    path = folder / uuid.uuid4().hex / name
    path.parent.mkdir(parents=True)
    path.write_text(text)
    return path


def test_handler_ingests_only_recorded_regular_files_inside_the_upload_folder(handlers, tmp_path):
    import gradio as gr

    h, recorded, folder = handlers
    outside = tmp_path / "outside.txt"
    outside.write_text(SECRET_PHRASE)
    unrecorded = put(folder, "copied.txt", SECRET_PHRASE)  # e.g. a copy Gradio made of a server file
    link = folder / "link.txt"
    link.symlink_to(outside)
    recorded.add(str(link))
    escape = put(folder, "dots.txt", "x")
    recorded.add(str(escape))
    for claimed in (str(outside), str(unrecorded), str(link), f"{escape.parent}/../../outside.txt", str(folder)):
        with pytest.raises(gr.Error, match="not a file uploaded through this page"):
            h.upload([claimed], "", False)
    assert h.assistant.documents() == ()

    good = put(folder, "cicte-2016-work-plan-report.txt", (DATA / "cicte-2016-work-plan-report.txt").read_text())
    recorded.add(str(good))
    with pytest.raises(gr.Error):  # one refused path refuses the whole request
        h.upload([str(good), str(outside)], "", False)
    assert h.assistant.documents() == ()
    rows = h.upload([str(good)], "", False)[0]
    assert rows[0][:2] == ["cicte-2016-work-plan-report.txt", "ingested"]


def test_handler_refuses_an_oversized_chat_message_before_any_work(handlers):
    import gradio as gr

    h, _, _ = handlers
    chat = h.chat("x" * 2001, [], [], [], [], [], "")
    with pytest.raises(gr.Error, match="limit is 2,000"):
        next(chat)
    unknown = h.chat("what is the budget?", [], [], ["nowhere"], [], [], "")
    with pytest.raises(gr.Error, match="unknown organisation"):
        next(unknown)
