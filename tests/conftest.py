"""Shared fixtures: the network is blocked, real reports and a real index are at hand."""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parent.parent / "samples" / "reports"
CICTE_PDF = DATA / "cicte-2016-work-plan-report.pdf"
CTAP_PDF = DATA / "apec-ctap-chile-2020.pdf"
# The README's example question and the ten states its answer must name.
QUESTION = "which states got 1540 legislative help in 2016?"
STATES = [
    "Mexico",
    "Costa Rica",
    "Guatemala",
    "Panama",
    "El Salvador",
    "Honduras",
    "Colombia",
    "Chile",
    "Uruguay",
    "Paraguay",
]


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Fail loudly on any connection that is not to this machine (a missed download, telemetry)."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if (
            isinstance(host, str)
            and host not in ("127.0.0.1", "::1", "localhost", "0.0.0.0")
            and self.family != socket.AF_UNIX
        ):
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    socket.socket.connect = guarded
    yield
    socket.socket.connect = real_connect


class HashEmbedder:
    """Deterministic bag-of-words embedder for fast unit tests (no model load)."""

    name = "hash-test"

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(64, dtype="float32")
        for word in text.lower().split():
            v[int(hashlib.md5(word.encode()).hexdigest(), 16) % 64] += 1.0
        n = np.linalg.norm(v)
        return (v / n if n else v).tolist()

    def embed_documents(self, texts):
        return [self._vec(t) for t in texts]

    def embed_query(self, text):
        return self._vec(text)


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    """The bundled MiniLM model, loaded once per test session."""
    from vectorstore.embeddings import SentenceEmbedder

    return SentenceEmbedder()


@pytest.fixture
def assistant_over(tmp_path, real_embedder):
    """A maker of real indexes in a temp dir holding team-written pages ({file name: text})."""
    from assistant.core import build

    def make(pages: dict[str, str]):
        folder = tmp_path / "docs"
        folder.mkdir()
        for name, text in pages.items():
            (folder / name).write_text(text, encoding="utf-8")
        assistant = build(data_dir=tmp_path / "idx", embedder=real_embedder)
        assistant.ingest([folder])
        return assistant

    return make


@pytest.fixture(scope="session")
def glossary():
    """The bundled Spanish-English glossary, loaded once per test session."""
    from assistant.understand.bridge import BUNDLED_GLOSSARY, load_glossary

    return load_glossary([BUNDLED_GLOSSARY])


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory, real_embedder):
    """A real Chroma index in a temp dir holding the bundled sample reports (PDFs)."""
    from assistant.core import build

    assistant = build(data_dir=tmp_path_factory.mktemp("index"), embedder=real_embedder)
    results = assistant.ingest([SAMPLES])
    assert [r.status for r in results] == ["ingested", "ingested"], results
    return assistant


def ask_one_page(tmp_path, name: str, text: str, question: str, history: Sequence[str] = ()):
    """`question` (after the earlier turns `history`) answered through the real composition (a hash
    embedder) over one page with `text`."""
    from assistant.core import build

    page = tmp_path / "pages" / name
    page.parent.mkdir()
    page.write_text(text, encoding="utf-8")
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    assistant.ingest([page])
    return assistant.ask(question, history=history)
