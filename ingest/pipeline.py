"""Files in, documents indexed: hash first, skip what is unchanged, report per file."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from assistant.types import Chunk, Document, DocumentInfo, IngestResult
from ingest.chunking import split_document
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_document

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, current file name)


class DocumentWriter(Protocol):
    """What ingest needs from the index (vectorstore.index.Index provides it)."""

    def documents(self) -> Sequence[DocumentInfo]: ...

    def add_document(self, doc: Document, chunks: Sequence[Chunk], original: Path | None) -> DocumentInfo: ...


def file_hash(path: Path) -> str:
    """The document id: 16 hex digits of the file's sha256 (same bytes, same document)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus supported files found under given directories, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def ingest_file(path: Path, writer: DocumentWriter, chunk_chars: int, max_chunk_chars: int) -> IngestResult:
    """Index one file; failures come back as a result with the reason, never as lost data."""
    try:
        if not path.is_file():
            raise LoadError(f"{path}: no such file")
        doc_id = file_hash(path)
        known = writer.documents()
        if any(d.doc_id == doc_id for d in known):
            return IngestResult(str(path), "unchanged", doc_id)
        replaces = any(d.source == path.name for d in known)
        doc = load_document(path)
        chunks = split_document(doc, chunk_chars, max_chunk_chars)
        if not chunks:
            raise LoadError(f"{path.name}: no text could be extracted (a scanned PDF needs OCR first)")
        writer.add_document(doc, chunks, path)
        return IngestResult(str(path), "replaced" if replaces else "ingested", doc.doc_id, len(chunks))
    except (LoadError, OSError, ValueError) as exc:
        log.warning("ingest failed for %s: %s", path, exc)
        return IngestResult(str(path), "failed", error=str(exc))


def ingest_paths(
    paths: Iterable[Path],
    writer: DocumentWriter,
    chunk_chars: int = 1200,
    max_chunk_chars: int = 2400,
    progress: Progress | None = None,
) -> list[IngestResult]:
    """Ingest files and directories one file at a time, reporting progress after each."""
    files = expand_paths(paths)
    results = []
    for done, path in enumerate(files, start=1):
        results.append(ingest_file(path, writer, chunk_chars, max_chunk_chars))
        if progress:
            progress(done, len(files), path.name)
    return results
