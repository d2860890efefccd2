"""The index as the rest of ReportQA sees it: Chroma (dense) + BM25 (lexical) + originals.

Chroma is the single source of truth. The lexical index and the document listing are
derived from it after every write, under a lock, and published as one immutable snapshot,
so a reader never sees BM25 and Chroma disagree about what is indexed.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from assistant.types import Chunk, Document, DocumentInfo, Filters
from vectorstore.chroma import ChromaStore
from vectorstore.lexical import LexicalIndex


@dataclass(frozen=True)
class Snapshot:
    """Everything derived from one state of Chroma."""

    chunks: tuple[Chunk, ...]
    lexical: LexicalIndex
    documents: tuple[DocumentInfo, ...]


def lexical_text(chunk: Chunk) -> str:
    """Headings are searchable words too ("Tourism security" names what follows)."""
    return f"{chunk.title}\n{chunk.section}\n{chunk.text}"


def summarise_documents(records: Sequence[tuple[Chunk, dict]]) -> tuple[DocumentInfo, ...]:
    """One DocumentInfo per doc_id, from the metadata every chunk carries."""
    docs: dict[str, DocumentInfo] = {}
    counts: dict[str, int] = {}
    for chunk, meta in records:
        counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
        docs.setdefault(
            chunk.doc_id,
            DocumentInfo(
                doc_id=chunk.doc_id,
                source=chunk.source,
                title=chunk.title,
                organisation=chunk.organisation,
                year=chunk.year,
                country=chunk.country,
                pages=meta.get("doc_pages"),
                chunks=0,
                ingested_at=str(meta.get("ingested_at", "")),
            ),
        )
    out = [DocumentInfo(**{**d.__dict__, "chunks": counts[d.doc_id]}) for d in docs.values()]
    return tuple(sorted(out, key=lambda d: (d.source, d.doc_id)))


class Index:
    """Write documents, search chunks, list and delete documents."""

    def __init__(self, store: ChromaStore, files_dir: Path) -> None:
        self._store = store
        self._files_dir = files_dir
        self._lock = threading.RLock()
        self.snapshot = self._derive()

    def _derive(self) -> Snapshot:
        records = self._store.all_records()
        chunks = tuple(chunk for chunk, _ in records)
        return Snapshot(chunks, LexicalIndex([lexical_text(c) for c in chunks]), summarise_documents(records))

    def documents(self) -> tuple[DocumentInfo, ...]:
        return self.snapshot.documents

    def document(self, doc_id: str) -> DocumentInfo | None:
        return next((d for d in self.snapshot.documents if d.doc_id == doc_id), None)

    def add_document(self, doc: Document, chunks: Sequence[Chunk], original: Path | None) -> DocumentInfo:
        """Store a document's chunks (and a copy of its file), replacing same-named older versions.

        New chunks go in before old ones come out, so a failure midway loses nothing.
        """
        with self._lock:
            stale = [d.doc_id for d in self.snapshot.documents if d.source == doc.source and d.doc_id != doc.doc_id]
            extra = {
                "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "doc_pages": len(doc.pages) or None,
                "file_format": doc.file_format,
            }
            self._store.add(chunks, {k: v for k, v in extra.items() if v is not None})
            if original is not None:
                self._files_dir.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(original, self.original_path(doc.doc_id, original.suffix))
            for doc_id in stale:
                self._delete(doc_id)
            self.snapshot = self._derive()
            found = self.document(doc.doc_id)
            assert found is not None
            return found

    def remove_document(self, doc_id: str) -> DocumentInfo | None:
        """Delete a document everywhere; None when it was not indexed."""
        with self._lock:
            info = self.document(doc_id)
            if info is None:
                return None
            self._delete(doc_id)
            self.snapshot = self._derive()
            return info

    def _delete(self, doc_id: str) -> None:
        self._store.delete_document(doc_id)
        for path in self._files_dir.glob(f"{doc_id}.*"):
            path.unlink()

    def original_path(self, doc_id: str, suffix: str = "") -> Path:
        """Where the copy of a document's original file lives (the suffix is found if not given)."""
        if not suffix:
            found = sorted(self._files_dir.glob(f"{doc_id}.*"))
            return found[0] if found else self._files_dir / doc_id
        return self._files_dir / f"{doc_id}{suffix}"

    def dense_search(self, vector: list[float], k: int, filters: Filters | None) -> list[tuple[Chunk, float]]:
        return self._store.search(vector, k, filters)

    def lexical_search(self, query: str, k: int, filters: Filters | None) -> list[tuple[Chunk, float]]:
        snap = self.snapshot
        allowed = None if filters is None or filters.is_empty() else (lambda i: filters.accepts(snap.chunks[i]))
        return [(snap.chunks[i], score) for i, score in snap.lexical.search(query, k, allowed)]
