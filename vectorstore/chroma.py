"""The dense side of the index: one Chroma collection (embedded or a Chroma server).

This is the only module that imports chromadb. Chunks go in and come out as our own
`Chunk`s; Chroma result dicts never leave this file.
"""

from __future__ import annotations

import os
import uuid

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from assistant.types import Chunk, Filters, PageSpan

log = logging.getLogger(__name__)

_WRITE_BATCH = 1000  # below Chroma's max batch size (~5,000 on SQLite)
_READ_BATCH = 5000


def make_client(data_dir: Path | None, host: str | None = None, port: int = 8000):
    """Embedded persistent Chroma in `data_dir`, or a Chroma server; telemetry always off."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    assert data_dir is not None
    data_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=settings)


def chunk_metadata(chunk: Chunk, extra: dict[str, object]) -> dict[str, object]:
    """Flat metadata for Chroma (no None values: Chroma rejects them)."""
    meta: dict[str, object] = {
        "doc_id": chunk.doc_id,
        "source": chunk.source,
        "title": chunk.title,
        "section": chunk.section,
        "char_start": chunk.char_start,
        "char_end": chunk.char_end,
        "body_offset": len(chunk.embedding_text()) - len(chunk.text),
        "pages": json.dumps([[p.number, p.start, p.end] for p in chunk.pages]),
        "page_start": chunk.page_start,
        "page_end": chunk.page_end,
        "organisation": chunk.organisation,
        "year": chunk.year,
        "country": chunk.country,
        "entities": json.dumps(chunk.entities) if chunk.entities is not None else None,
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
        entities=tuple(tuple(e) for e in json.loads(meta["entities"])) if "entities" in meta else None,
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


def stored_vectors(collection, ids: Sequence[str], batch: int) -> dict[str, list[float]]:
    """The embeddings a collection stores under these ids, read `batch` ids at a time; an id it
    does not hold is absent."""
    out: dict[str, list[float]] = {}
    ids = list(ids)
    for start in range(0, len(ids), batch):
        got = collection.get(ids=ids[start : start + batch], include=["embeddings"])
        out.update(zip(got["ids"], got["embeddings"]))
    return out


class ChromaStore:
    """Add, search, list and delete chunks in one Chroma collection.

    Embeddings are computed by the caller (at ingest, outside any lock) and handed in, so
    Chroma's own embedding function, which would download a model, is never used.
    """

    def __init__(self, client, collection: str) -> None:
        self._collection = client.get_or_create_collection(
            collection, metadata={"hnsw:space": "cosine"}, embedding_function=None
        )

    def add(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], extra: dict[str, object]) -> None:
        """Store chunks with their embeddings; `extra` metadata (e.g. ingest time) goes on each one."""
        for start in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[start : start + _WRITE_BATCH]
            self._collection.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=[list(v) for v in vectors[start : start + _WRITE_BATCH]],
                documents=[c.embedding_text() for c in part],
                metadatas=[chunk_metadata(c, extra) for c in part],
            )

    def search(self, vector: list[float], k: int, filters: Filters | None) -> list[tuple[Chunk, float]]:
        """Nearest chunks to an embedded query, with cosine similarity."""
        if k <= 0:
            return []
        got = self._collection.query(
            query_embeddings=[vector],
            n_results=k,
            where=where_clause(filters),
            include=["documents", "metadatas", "distances"],
        )
        return [
            (chunk_from_record(i, text, meta), 1.0 - float(dist))
            for i, text, meta, dist in zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0])
        ]

    def nearest_ids(self, vector: list[float], k: int, filters: Filters | None) -> list[tuple[str, float]]:
        """Ids and cosine similarities of the nearest chunks, without their texts: a caller that
        holds the chunks already skips reading and decoding them (about 2 ms of 2.5 per query)."""
        if k <= 0:
            return []
        got = self._collection.query(
            query_embeddings=[vector], n_results=k, where=where_clause(filters), include=["distances"]
        )
        return [(i, 1.0 - float(dist)) for i, dist in zip(got["ids"][0], got["distances"][0])]

    def vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored vectors of these chunks; a chunk no longer stored is absent."""
        return stored_vectors(self._collection, ids, _READ_BATCH)

    def all_records(self) -> list[tuple[Chunk, dict]]:
        """Every stored chunk with its raw metadata (for the lexical index and listings)."""
        records = []
        total = self._collection.count()
        for offset in range(0, total, _READ_BATCH):
            got = self._collection.get(include=["documents", "metadatas"], limit=_READ_BATCH, offset=offset)
            records += [
                (chunk_from_record(i, text, meta), meta)
                for i, text, meta in zip(got["ids"], got["documents"], got["metadatas"])
            ]
        records.sort(key=lambda r: (r[0].doc_id, r[0].char_start))
        return records

    def document_records(self, doc_id: str) -> list[Chunk]:
        """The chunks of one document, in text order (what a write changed, without a full read)."""
        got = self._collection.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        chunks = [
            chunk_from_record(i, text, meta) for i, text, meta in zip(got["ids"], got["documents"], got["metadatas"])
        ]
        return sorted(chunks, key=lambda c: c.char_start)

    def chunk_ids(self, doc_id: str) -> list[str]:
        return self._collection.get(where={"doc_id": doc_id}, include=[])["ids"]

    def delete_document(self, doc_id: str) -> int:
        """Remove every chunk of a document; returns how many went."""
        ids = self.chunk_ids(doc_id)
        for start in range(0, len(ids), _WRITE_BATCH):
            self._collection.delete(ids=ids[start : start + _WRITE_BATCH])
        return len(ids)


class UnitVectorStore:
    """Embeddings of answer units (sentences, list items), keyed by a hash of the embedded text.

    Filled at ingest so that answering embeds nothing but the question. Keyed by content, so
    a unit shared by two documents is stored once (under the last document that wrote it).
    """

    def __init__(self, client, collection: str) -> None:
        self._collection = client.get_or_create_collection(
            f"{collection}-units", metadata={"hnsw:space": "cosine"}, embedding_function=None
        )

    def add(self, vectors: dict[str, Sequence[float]], doc_id: str) -> None:
        keys = list(vectors)
        for start in range(0, len(keys), _WRITE_BATCH):
            part = keys[start : start + _WRITE_BATCH]
            self._collection.upsert(
                ids=part, embeddings=[list(vectors[k]) for k in part], metadatas=[{"doc_id": doc_id}] * len(part)
            )

    def get(self, keys: Sequence[str]) -> dict[str, list[float]]:
        return stored_vectors(self._collection, keys, _WRITE_BATCH)

    def delete_document(self, doc_id: str) -> None:
        ids = self._collection.get(where={"doc_id": doc_id}, include=[])["ids"]
        for start in range(0, len(ids), _WRITE_BATCH):
            self._collection.delete(ids=ids[start : start + _WRITE_BATCH])

    def count(self) -> int:
        return self._collection.count()


class WriteMarker:
    """One record on a shared Chroma server that every ReportQA writer replaces after a write.

    Several ReportQA processes may share one Chroma server, each with its own document list and
    lexical index derived from the server's chunks. A process that sees a marker other than the
    one it last knew re-reads the chunks before answering, so no process serves a stale index.
    """

    _ID = "last-write"

    def __init__(self, client, collection: str) -> None:
        self._collection = client.get_or_create_collection(f"{collection}-writes", embedding_function=None)

    def read(self) -> str | None:
        got = self._collection.get(ids=[self._ID], include=["metadatas"])
        return str(got["metadatas"][0]["token"]) if got["ids"] else None

    def bump(self) -> str:
        token = uuid.uuid4().hex
        self._collection.upsert(ids=[self._ID], embeddings=[[0.0]], metadatas=[{"token": token, "pid": os.getpid()}])
        return token
