"""The REST API over HTTP against the real server process (127.0.0.1, a free port).

One server per module indexes the bundled reports; two more (no samples) check auth.
"""

from __future__ import annotations

import json
import re
import time

import httpx
import pytest

from assistant.app.serialize import answer_to_dict
from tests.conftest import CICTE_PDF, QUESTION, STATES
from tests.live_server import launch, start_server, wait_healthy

pytestmark = pytest.mark.slow

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("api") / "data")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def auth_servers(tmp_path_factory):
    """Token required everywhere / token required except for asking; started in parallel."""
    base = tmp_path_factory.mktemp("auth")
    closed = launch(base / "closed", {"REPORTQA_API_TOKEN": TOKEN}, samples=False)
    public = launch(base / "public", {"REPORTQA_API_TOKEN": TOKEN, "REPORTQA_PUBLIC_ASK": "true"}, samples=False)
    try:
        yield wait_healthy(closed, TOKEN), wait_healthy(public, TOKEN)
    finally:
        closed.stop()
        public.stop()


def sse_events(response: httpx.Response) -> list[dict]:
    return [json.loads(line[len("data: ") :]) for line in response.iter_lines() if line.startswith("data: ")]


def test_the_server_loads_its_models_after_start_so_the_first_user_does_not_wait(server, api):
    deadline = time.monotonic() + 120
    while "warmed up in" not in server.log_tail() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert "warmed up in" in server.log_tail()
    assert api.get("/api/health").status_code == 200


def test_health_reports_index_size_model_and_version(api):
    body = api.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 2 and body["chunks"] > 50
    assert body["embedding_model"] == "all-MiniLM-L6-v2" and body["version"]


def test_ask_returns_the_cli_json(api, real_assistant):
    r = api.post("/api/ask", json={"question": QUESTION})
    assert r.status_code == 200
    got = r.json()
    expected = answer_to_dict(real_assistant.ask(QUESTION))  # what `reportqa ask --json` prints
    assert got.keys() == expected.keys()
    got.pop("timings_ms"), expected.pop("timings_ms")
    assert got == expected
    assert all(s in got["answer"] for s in STATES)
    assert got["citations"][0]["source"] == "cicte-2016-work-plan-report.pdf" and got["citations"][0]["page"]


@pytest.mark.parametrize("how", ["body", "accept"])
def test_ask_streams_server_sent_events_then_the_whole_answer(api, how):
    kwargs = (
        {"json": {"question": QUESTION, "stream": True}}
        if how == "body"
        else {"json": {"question": QUESTION}, "headers": {"Accept": "text/event-stream"}}
    )
    with api.stream("POST", "/api/ask", **kwargs) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = sse_events(r)
    deltas = [e["text"] for e in events if e["type"] == "delta"]
    final = events[-1]
    assert deltas and final["type"] == "final"
    assert "".join(deltas) == final["answer"]["answer"]
    assert final["answer"]["citations"][0]["source"] == "cicte-2016-work-plan-report.pdf"


def test_ask_uses_history_and_filters(api):
    follow = api.post("/api/ask", json={"question": "which govt financed them?", "history": [QUESTION]}).json()
    assert QUESTION.rstrip("?") in follow["standalone_question"]
    apec_only = api.post("/api/ask", json={"question": QUESTION, "filters": {"organisations": ["APEC"]}}).json()
    assert all(c["organisation"] == "APEC" for c in apec_only["citations"] + apec_only["related"])


def test_ask_declines_with_related_passages(api):
    body = api.post("/api/ask", json={"question": "What was the GDP of Brazil in 2019?"}).json()
    assert body["abstained"] is True and body["citations"] == [] and body["related"]


def test_search_returns_ranked_chunks_with_metadata(api):
    body = api.post("/api/search", json={"query": "1540 legislative assistance", "k": 3}).json()
    hits = body["hits"]
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert hits[0]["source"] == "cicte-2016-work-plan-report.pdf" and "1540" in hits[0]["text"]
    assert {"doc_id", "title", "page", "section", "score", "organisation", "year"} <= hits[0].keys()
    only = api.post("/api/search", json={"query": "1540", "filters": {"sources": ["apec-ctap-chile-2020.pdf"]}}).json()
    assert only["hits"] and {h["source"] for h in only["hits"]} == {"apec-ctap-chile-2020.pdf"}


@pytest.mark.parametrize(
    "path, body",
    [
        ("/api/ask", {}),
        ("/api/ask", {"question": ""}),
        ("/api/ask", {"question": "   "}),
        ("/api/ask", {"question": "   ", "stream": True}),
        ("/api/ask", {"question": QUESTION, "k": 0}),
        ("/api/ask", {"question": QUESTION, "history": "not a list"}),
        ("/api/ask", {"question": QUESTION, "filters": {"years": ["soon"]}}),
        ("/api/ask", {"question": QUESTION, "colour": "blue"}),
        ("/api/search", {"k": 3}),
        ("/api/search", {"query": " "}),
        ("/api/search", {"query": "x", "k": 1000}),
    ],
)
def test_malformed_bodies_get_422(api, path, body):
    r = api.post(path, json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]


def test_non_json_body_gets_422(api):
    r = api.post("/api/ask", content=b"question=hi", headers={"Content-Type": "application/json"})
    assert r.status_code == 422


def test_openapi_documents_every_route_and_the_bearer_token(api):
    spec = api.get("/openapi.json").json()
    routes = {"/api/ask", "/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/health"}
    assert routes <= spec["paths"].keys()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert spec["paths"]["/api/ask"]["post"]["security"] == [{"HTTPBearer": []}]


def test_docs_page_loads_its_assets_from_this_server(api):
    html = api.get("/docs").text
    assert "swagger-ui" in html and re.findall(r"https?://", html) == []  # no CDN: works offline
    for asset in re.findall(r'(?:src|href)="(/[^"]+)"', html):
        assert api.get(asset).status_code == 200, asset


def test_upload_refuses_unsupported_types_and_oversized_files(api):
    r = api.post("/api/documents", files={"files": ("tool.exe", b"MZ...", "application/octet-stream")})
    assert r.status_code == 415 and "tool.exe" in r.json()["detail"]
    big = b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024 + 1)  # max_file_mb is 50
    r = api.post("/api/documents", files={"files": ("huge.pdf", big, "application/pdf")})
    assert r.status_code == 413 and "huge.pdf" in r.json()["detail"]
    missing = api.delete("/api/documents/no-such-doc")
    assert missing.status_code == 404 and "no-such-doc" in missing.json()["detail"]
    assert len(api.get("/api/documents").json()) == 2  # nothing was ingested


@pytest.mark.parametrize("typed", [["OAS"], ["oas"], ["CICTE"], ["cicte/oas"]])
def test_organisation_filters_match_case_insensitively_and_by_alias(api, typed):
    body = api.post("/api/ask", json={"question": QUESTION, "filters": {"organisations": typed}}).json()
    assert body["citations"] and {c["organisation"] for c in body["citations"]} == {"CICTE/OAS"}


@pytest.mark.parametrize("stream", [False, True])
def test_an_unknown_filter_value_is_a_422_that_lists_the_known_ones(api, stream):
    r = api.post("/api/ask", json={"question": QUESTION, "stream": stream, "filters": {"organisations": ["NATO"]}})
    assert r.status_code == 422
    [error] = r.json()["detail"]  # the shape of every 422: a list of errors with loc/msg/type
    assert error["loc"] == ["body", "filters", "organisations"]
    assert "NATO" in error["msg"] and "APEC" in error["msg"] and "CICTE/OAS" in error["msg"]
    r = api.post("/api/search", json={"query": "1540", "filters": {"years": [1999]}})
    assert r.status_code == 422 and "2016" in r.json()["detail"][0]["msg"]


def test_delete_then_upload_a_real_pdf_then_upload_it_again(api):
    """Runs after the other tests of the main server and leaves the index as it found it."""
    docs = {d["source"]: d for d in api.get("/api/documents").json()}
    cicte = docs["cicte-2016-work-plan-report.pdf"]
    assert api.delete(f"/api/documents/{cicte['doc_id']}").json()["doc_id"] == cicte["doc_id"]
    assert [d["source"] for d in api.get("/api/documents").json()] == ["apec-ctap-chile-2020.pdf"]
    gone = api.post("/api/search", json={"query": "1540 legislative assistance"}).json()["hits"]
    assert all(h["source"] != cicte["source"] for h in gone)

    pdf = CICTE_PDF.read_bytes()
    r = api.post("/api/documents", files={"files": (CICTE_PDF.name, pdf, "application/pdf")})
    assert r.status_code == 200
    assert r.json() == [
        {
            "file": CICTE_PDF.name,
            "status": "ingested",
            "doc_id": cicte["doc_id"],
            "chunks": cicte["chunks"],
            "error": None,
            "note": None,
            "replaced": [],
            "duplicate_of": None,
        }
    ]
    listed = {d["source"]: d for d in api.get("/api/documents").json()}
    assert listed.keys() == docs.keys() and listed[CICTE_PDF.name]["pages"] == cicte["pages"]

    again = api.post("/api/documents", files={"files": (CICTE_PDF.name, pdf, "application/pdf")}).json()
    assert again[0]["status"] == "unchanged"
    assert all(s in api.post("/api/ask", json={"question": QUESTION}).json()["answer"] for s in STATES)


def test_the_same_report_as_docx_is_a_duplicate_and_a_namesake_needs_replace(api):
    """After the test above: the DOCX of the indexed CICTE PDF answers nothing twice, and an
    upload under a taken name changes nothing unless `replace=true`. Leaves the index as found."""
    pdf = next(d for d in api.get("/api/documents").json() if d["source"] == CICTE_PDF.name)
    docx = CICTE_PDF.with_suffix(".docx")
    got = api.post("/api/documents", files={"files": (docx.name, docx.read_bytes())}).json()[0]
    assert got["status"] == "duplicate" and got["duplicate_of"] == pdf["doc_id"] and CICTE_PDF.name in got["note"]
    listed = {d["source"]: d for d in api.get("/api/documents").json()}
    assert listed[docx.name]["duplicate_of"] == pdf["doc_id"] and listed[docx.name]["origin"] == f"upload:{docx.name}"
    cited = api.post("/api/ask", json={"question": QUESTION}).json()["citations"]
    assert cited and {c["source"] for c in cited} == {CICTE_PDF.name}  # each passage once

    first = api.post("/api/documents", files={"files": ("notes.txt", b"The first budget was 5 million.\n" * 3)})
    first = first.json()[0]
    other = {"files": ("notes.txt", b"A different note about training courses.\n" * 3)}
    conflict = api.post("/api/documents", files=other).json()[0]
    assert conflict["status"] == "conflict" and "replace" in conflict["note"]
    assert [d["doc_id"] for d in api.get("/api/documents").json() if d["source"] == "notes.txt"] == [first["doc_id"]]
    replaced = api.post("/api/documents", params={"replace": "true"}, files=other).json()[0]
    assert replaced["status"] == "replaced" and replaced["replaced"] == [first["doc_id"]]

    for ref in (listed[docx.name]["doc_id"], replaced["doc_id"]):
        assert api.delete(f"/api/documents/{ref}").status_code == 200
    assert {d["source"] for d in api.get("/api/documents").json()} == {CICTE_PDF.name, "apec-ctap-chile-2020.pdf"}


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("GET", "/api/health", None),
        ("GET", "/api/documents", None),
        ("DELETE", "/api/documents/abc", None),
        ("POST", "/api/ask", {"question": QUESTION}),
        ("POST", "/api/search", {"query": "1540"}),
    ],
)
def test_with_a_token_every_api_call_needs_it(auth_servers, method, path, body):
    closed, _ = auth_servers
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        r = httpx.request(method, closed.url + path, json=body, headers=headers, timeout=30)
        assert r.status_code == 401, (headers, r.text)
    ok = httpx.request(method, closed.url + path, json=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert ok.status_code in (200, 404)  # 404: the document to delete does not exist


def test_upload_needs_the_token_too(auth_servers):
    closed, _ = auth_servers
    files = {"files": (CICTE_PDF.name, CICTE_PDF.read_bytes(), "application/pdf")}
    assert httpx.post(closed.url + "/api/documents", files=files, timeout=60).status_code == 401


def test_public_ask_leaves_only_asking_and_searching_open(auth_servers):
    _, public = auth_servers
    assert httpx.post(public.url + "/api/ask", json={"question": QUESTION}, timeout=30).status_code == 200
    assert httpx.post(public.url + "/api/search", json={"query": "1540"}, timeout=30).status_code == 200
    assert httpx.get(public.url + "/api/documents", timeout=30).status_code == 401
    assert httpx.delete(public.url + "/api/documents/abc", timeout=30).status_code == 401


# --- ReportQA as a model: /v1/chat/completions through the openai client ---------------------------
@pytest.mark.slow
def test_chat_completions_with_the_openai_client_keeps_the_citations(server) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=f"{server.url}/v1", api_key="unused", max_retries=0)
    messages = [{"role": "user", "content": "Which governments financially supported CICTE's cybersecurity program?"}]
    reply = client.chat.completions.create(model="reportqa", messages=messages)
    text = reply.choices[0].message.content
    extra = reply.model_extra
    assert "[1]" in text and "Sources:" in text and "Estonia" in text
    assert extra["citations"][0]["n"] == 1 and extra["citations"][0]["quote"] in text
    assert extra["reportqa"]["engine"] == "extractive"

    pieces, final = [], None
    for chunk in client.chat.completions.create(model="reportqa", messages=messages, stream=True):
        if chunk.choices and chunk.choices[0].delta.content:
            pieces.append(chunk.choices[0].delta.content)
        if chunk.choices and chunk.choices[0].finish_reason == "stop":
            final = chunk
    assert "".join(pieces) == text
    assert final is not None and final.model_extra["citations"] == json.loads(json.dumps(extra["citations"]))
    models = client.models.list()
    assert [m.id for m in models.data] == ["reportqa"]


@pytest.mark.slow
def test_a_one_shot_cli_ask_is_answered_by_the_running_server(server) -> None:
    """`reportqa ask` finds the server holding its data directory and asks it: no model load."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "REPORTQA_DATA_DIR": str(server.data_dir), "HF_HUB_OFFLINE": "1"}
    env.pop("REPORTQA_API_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-m", "assistant.app.cli", "ask", "which states got 1540 legislative help in 2016?"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Uruguay" in done.stdout and "[1]" in done.stdout
    assert f"answered by the server at {server.url}" in done.stderr
