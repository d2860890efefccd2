"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.types import Chunk, Filters, Hit
from vectorstore.embeddings import Embedder
from vectorstore.index import Index

# How many passages before a hit's own, under its parent heading, each hit carries: where a report
# answered section by section names who a first-person sentence's "we" are.
SPEAKER_CHUNKS = 6


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

    def search(
        self,
        query: str,
        k: int,
        filters: Filters | None = None,
        lexical_query: str | None = None,
        prefer: Filters | None = None,
    ) -> list[Hit]:
        """Top-k chunks for `query`.

        `lexical_query` (the query widened with synonyms) adds a BM25 ranking of its own, so
        synonyms can surface a paraphrased passage without drowning the user's words; `prefer` (the
        documents the question names) adds a third ranking restricted to them. The best
        two of each ranking always make the cut: a rare exact term that only BM25 sees, or
        a paraphrase only the embedding sees, would otherwise be out-voted by the fusion.
        """
        vector = self.embedder.embed_query(query)
        rankings = [
            self.index.dense_search(vector, self.candidates, filters),
            self.index.lexical_search(query, self.candidates, filters),
        ]
        if lexical_query and lexical_query != query:
            rankings.append(self.index.lexical_search(lexical_query, self.candidates, filters))
        if prefer is not None and not prefer.is_empty():
            scoped = merge_filters(filters, prefer)
            rankings.append(self.index.dense_search(vector, self.candidates, scoped))
            rankings.append(self.index.lexical_search(query, self.candidates, scoped))
        chunks: dict[str, Chunk] = {c.chunk_id: c for ranking in rankings for c, _ in ranking}
        ids = [[c.chunk_id for c, _ in ranking] for ranking in rankings]
        fused = fuse_rankings(ids, self.rrf_k)
        order = sorted(fused, key=lambda cid: -fused[cid])
        per_ranking = 2 if k >= 5 else 1
        must = list(dict.fromkeys(cid for ranking in ids[:2] for cid in ranking[:per_ranking]))[:k]
        rest = [cid for cid in order if cid not in must]
        best = sorted(must + rest[: k - len(must)], key=lambda cid: -fused[cid])
        snap = self.index.snapshot
        return [
            Hit(
                chunk=chunks[cid],
                score=fused[cid],
                dense_rank=ids[0].index(cid) + 1 if cid in ids[0] else None,
                lexical_rank=ids[1].index(cid) + 1 if cid in ids[1] else None,
                opening=snap.opening(chunks[cid].doc_id),
                kin=snap.before_under_heading(chunks[cid], SPEAKER_CHUNKS),
            )
            for cid in best
        ]


def merge_filters(base: Filters | None, prefer: Filters) -> Filters:
    """`prefer` narrowed by the user's own filters (their restriction always wins)."""
    if base is None or base.is_empty():
        return prefer
    return Filters(
        doc_ids=tuple(d for d in prefer.doc_ids if not base.doc_ids or d in base.doc_ids) or base.doc_ids,
        sources=base.sources,
        organisations=base.organisations,
        years=base.years,
        countries=base.countries,
    )
