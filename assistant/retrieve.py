"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.types import Chunk, Filters, Hit
from vectorstore.embeddings import Embedder
from vectorstore.index import Index


def fuse_rankings(rankings: Sequence[Sequence[str]], k: int = 60) -> dict[str, float]:
    """Reciprocal rank fusion: sum of 1/(k + rank) over the rankings an id appears in.

    Ranks, not scores, are fused, because cosine similarities and BM25 scores live on
    scales that cannot be compared.
    """
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + 1.0 / (k + rank)
    return fused


class Retriever:
    """Searches the index both ways and returns fused `Hit`s, best first."""

    def __init__(self, index: Index, embedder: Embedder, candidates: int = 30, rrf_k: int = 60) -> None:
        self.index = index
        self.embedder = embedder
        self.candidates = candidates
        self.rrf_k = rrf_k

    def search(self, query: str, k: int, filters: Filters | None = None, lexical_query: str | None = None) -> list[Hit]:
        """Top-k chunks for `query`; `lexical_query` (e.g. with bridged terms) feeds BM25 instead."""
        dense = self.index.dense_search(self.embedder.embed_query(query), self.candidates, filters)
        lexical = self.index.lexical_search(lexical_query or query, self.candidates, filters)
        chunks: dict[str, Chunk] = {c.chunk_id: c for c, _ in dense + lexical}
        dense_ids = [c.chunk_id for c, _ in dense]
        lexical_ids = [c.chunk_id for c, _ in lexical]
        fused = fuse_rankings([dense_ids, lexical_ids], self.rrf_k)
        best = sorted(fused, key=lambda cid: -fused[cid])[:k]
        return [
            Hit(
                chunk=chunks[cid],
                score=fused[cid],
                dense_rank=dense_ids.index(cid) + 1 if cid in dense_ids else None,
                lexical_rank=lexical_ids.index(cid) + 1 if cid in lexical_ids else None,
            )
            for cid in best
        ]
