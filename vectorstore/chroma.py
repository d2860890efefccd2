"""The dense side of the index: Chroma, reached through LangChain's Chroma integration.

This is the only module that imports chromadb. Chunks go in and come out as our own
`Chunk`s; LangChain `Document`s and Chroma result dicts never leave this file.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from assistant.types import Chunk, Filters, PageSpan
from vectorstore.embeddings import Embedder

log = logging.getLogger(__name__)


def make_client(data_dir: Path | None, host: str | None = None, port: int = 8000):
    """Embedded persistent Chroma in `data_dir`, or a Chroma server; telemetry always off."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    assert data_dir is not None
    data_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=settings)


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded and stored: the section path gives the model the chunk's context."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


def chunk_metadata(chunk: Chunk, extra: dict[str, object]) -> dict[str, object]:
    """Flat metadata for Chroma (no None values: Chroma rejects them)."""
    meta: dict[str, object] = {
        "doc_id": chunk.doc_id,
        "source": chunk.source,
        "title": chunk.title,
        "section": chunk.section,
        "char_start": chunk.char_start,
        "char_end": chunk.char_end,
        "body_offset": len(embedding_text(chunk)) - len(chunk.text),
        "pages": json.dumps([[p.number, p.start, p.end] for p in chunk.pages]),
        "page_start": chunk.page_start,
        "page_end": chunk.page_end,
        "organisation": chunk.organisation,
        "year": chunk.year,
        "country": chunk.country,
        **extra,
    }
    return {k: v for k, v in meta.items() if v is not None}


def chunk_from_record(chunk_id: str, stored: str, meta: dict) -> Chunk:
    """Rebuild our `Chunk` from what Chroma stored."""
    return Chunk(
        chunk_id=chunk_id,
        doc_id=meta["doc_id"],
        source=meta["source"],
        title=meta.get("title", meta["source"]),
        text=stored[int(meta.get("body_offset", 0)) :],
        section=meta.get("section", ""),
        char_start=int(meta["char_start"]),
        char_end=int(meta["char_end"]),
        page_start=meta.get("page_start"),
        page_end=meta.get("page_end"),
        pages=tuple(PageSpan(*p) for p in json.loads(meta.get("pages", "[]"))),
        organisation=meta.get("organisation"),
        year=meta.get("year"),
        country=meta.get("country"),
    )


def where_clause(filters: Filters | None) -> dict | None:
    """Translate our Filters into a Chroma `where` expression."""
    if filters is None or filters.is_empty():
        return None
    terms = [
        {field: {"$in": list(values)}}
        for field, values in (
            ("doc_id", filters.doc_ids),
            ("source", filters.sources),
            ("organisation", filters.organisations),
            ("year", filters.years),
            ("country", filters.countries),
        )
        if values
    ]
    return terms[0] if len(terms) == 1 else {"$and": terms}


class ChromaStore:
    """Add, search, list and delete chunks in one Chroma collection."""

    def __init__(self, client, collection: str, embedder: Embedder) -> None:
        self._store = Chroma(
            collection_name=collection,
            embedding_function=embedder,  # type: ignore[arg-type]  # duck-typed Embeddings
            client=client,
            collection_metadata={"hnsw:space": "cosine"},
        )

    def add(self, chunks: Sequence[Chunk], extra: dict[str, object]) -> None:
        """Embed and store chunks; `extra` metadata (e.g. ingest time) goes on each one."""
        if not chunks:
            return
        self._store.add_texts(
            texts=[embedding_text(c) for c in chunks],
            metadatas=[chunk_metadata(c, extra) for c in chunks],
            ids=[c.chunk_id for c in chunks],
        )

    def search(self, vector: list[float], k: int, filters: Filters | None) -> list[tuple[Chunk, float]]:
        """Nearest chunks to an embedded query, with cosine similarity."""
        if k <= 0:
            return []
        found = self._store.similarity_search_by_vector_with_relevance_scores(
            vector, k=k, filter=where_clause(filters)
        )
        return [(chunk_from_record(d.id or "", d.page_content, d.metadata), score) for d, score in found]

    def all_records(self) -> list[tuple[Chunk, dict]]:
        """Every stored chunk with its raw metadata (for the lexical index and listings)."""
        got = self._store.get(include=["documents", "metadatas"])
        records = [
            (chunk_from_record(i, text, meta), meta)
            for i, text, meta in zip(got["ids"], got["documents"], got["metadatas"])
        ]
        records.sort(key=lambda r: (r[0].doc_id, r[0].char_start))
        return records

    def delete_document(self, doc_id: str) -> int:
        """Remove every chunk of a document; returns how many went."""
        ids = self._store.get(where={"doc_id": doc_id}, include=[])["ids"]
        if ids:
            self._store.delete(ids=ids)
        return len(ids)
