"""Indexes written before the document manifest existed: rebuild the list from their chunks.

Every chunk carries its document's metadata, so the manifest can be recreated without
reading the original files again. Such documents get the origin "legacy:<file name>", which
the identity rule treats like the old rule did (the same file name is the same document).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.types import Chunk, DocumentInfo
from ingest.fingerprint import fingerprint
from vectorstore.manifest import DocumentRecord

LEGACY = "legacy:"


def records_from_chunks(records: Sequence[tuple[Chunk, dict]], files_dir: Path) -> dict[str, DocumentRecord]:
    """One DocumentRecord per doc_id, from the metadata and text of its chunks."""
    by_doc: dict[str, list[tuple[Chunk, dict]]] = {}
    for chunk, meta in records:
        by_doc.setdefault(chunk.doc_id, []).append((chunk, meta))
    out = {}
    for doc_id, parts in by_doc.items():
        chunk, meta = parts[0]
        stored = sorted(files_dir.glob(f"{doc_id}.*")) if files_dir.is_dir() else []
        info = DocumentInfo(
            doc_id=doc_id,
            source=chunk.source,
            title=chunk.title,
            organisation=chunk.organisation,
            year=chunk.year,
            country=chunk.country,
            pages=meta.get("doc_pages"),
            chunks=len(parts),
            ingested_at=str(meta.get("ingested_at", "")),
            origin=f"{LEGACY}{chunk.source}",
            file_format=str(meta.get("file_format", Path(chunk.source).suffix.lstrip("."))),
        )
        text = "\n".join(c.text for c, _ in sorted(parts, key=lambda p: p[0].char_start))
        out[doc_id] = DocumentRecord(info, fingerprint(text), stored[0].name if stored else None)
    return out
