"""Scale-out mode: a real Chroma server (`chroma run` on 127.0.0.1, in a temp dir) holds the
chunks and vectors; ingest, ask, remove and check work against it, the lexical index (kept in
each ReportQA process, derived from the server's chunks) agrees with it, and two ReportQA
processes sharing the server each see the other's writes before answering."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.core import build
from tests.conftest import QUESTION, SAMPLES, STATES
from tests.live_server import background_server, free_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """`chroma run` from the installed chromadb, on a free port of 127.0.0.1."""
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    chroma = Path(sys.executable).with_name("chroma")
    cmd = [str(chroma), "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)]
    with background_server(cmd, f"http://127.0.0.1:{port}/api/v2/heartbeat", path / "server.log"):
        yield port


def test_ingest_ask_remove_and_check_against_a_chroma_server(chroma_server, tmp_path, real_embedder) -> None:
    def assistant(name: str):
        return build(
            data_dir=tmp_path / name,
            embedder=real_embedder,
            chroma_host="127.0.0.1",
            chroma_port=chroma_server,
            collection=f"scaleout-{tmp_path.name[-8:]}",
        )

    a = assistant("node-a")
    results = a.ingest([SAMPLES])
    assert [r.status for r in results] == ["ingested", "ingested"]
    answer = a.ask(QUESTION)
    assert not answer.abstained and all(state in answer.answer for state in STATES)
    assert a.check().ok

    # a new process (its own data dir) finds the documents and their chunks on the server
    b = assistant("node-b")
    assert {d.doc_id for d in b.documents()} == {r.doc_id for r in results}
    assert b.search("1540 legislative assistance")[0].chunk.source == "cicte-2016-work-plan-report.pdf"
    assert b.ask(QUESTION).citations

    a.remove("apec-ctap-chile-2020.pdf")
    assert [d.source for d in a.documents()] == ["cicte-2016-work-plan-report.pdf"]
    assert all(h.chunk.source != "apec-ctap-chile-2020.pdf" for h in a.search("Chile customs AEO program"))
    assert a.check().ok

    # the other process sees the removal before its next answer: nothing stale is served
    assert [d.source for d in b.documents()] == ["cicte-2016-work-plan-report.pdf"]
    assert all(h.chunk.source != "apec-ctap-chile-2020.pdf" for h in b.search("Chile customs AEO program"))
    assert all(c.source != "apec-ctap-chile-2020.pdf" for c in b.ask("Chile customs AEO program").citations)
    # and what it writes, the first process sees
    b.ingest([SAMPLES / "apec-ctap-chile-2020.pdf"])
    assert {d.source for d in a.documents()} == {"cicte-2016-work-plan-report.pdf", "apec-ctap-chile-2020.pdf"}
    assert a.search("Chile customs AEO program")[0].chunk.source == "apec-ctap-chile-2020.pdf"
