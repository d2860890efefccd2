"""Embedding at ingest: texts go to the model shortest first (one length per batch, little
padding), the vectors come back in the caller's order, and an interrupted run resumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.embedding import embed_texts


class LengthEmbedder:
    """A vector that says which text it is for; records the batches it was given."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.batches: list[list[str]] = []
        self.fail_after = fail_after

    def embed_documents(self, texts):
        if self.fail_after is not None and len(self.batches) >= self.fail_after:
            raise RuntimeError("killed")
        self.batches.append(list(texts))
        return [[float(len(t)), float(ord(t[0]))] for t in texts]


TEXTS = ["a" * 300, "b" * 20, "c" * 250, "d" * 15, "e" * 280, "f" * 30, "g" * 10]


def test_batches_hold_texts_of_one_length_and_vectors_keep_the_callers_order() -> None:
    embedder = LengthEmbedder()
    vectors = embed_texts(TEXTS, "doc", embedder, batch_size=3)
    assert vectors == [[float(len(t)), float(ord(t[0]))] for t in TEXTS]
    lengths = [[len(t) for t in batch] for batch in embedder.batches]
    assert lengths == [[10, 15, 20], [30], [250, 280, 300]]


def test_an_interrupted_embedding_resumes_where_it_stopped(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        embed_texts(TEXTS, "doc", LengthEmbedder(fail_after=2), 3, tmp_path)
    resumed = LengthEmbedder()
    vectors = embed_texts(TEXTS, "doc", resumed, 3, tmp_path)
    assert vectors == [[float(len(t)), float(ord(t[0]))] for t in TEXTS]
    assert [[len(t) for t in batch] for batch in resumed.batches] == [[250, 280, 300]]
