"""The document side of the service: ingest, list, resolve, remove, check and repair.

Kept apart from question answering (assistant.core) so each stays small; `Assistant`
delegates here. Every write goes through the index's journaled `commit`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.config import Settings
from assistant.understand.filters import MIN_ID_PREFIX
from assistant.answer.scoring import unit_texts
from assistant.types import Chunk, DocumentInfo, IngestResult
from ingest.identity import origin_label
from ingest.pipeline import IngestOptions, Ingestor, Progress, Source
from vectorstore.check import Problem, find_problems
from vectorstore.index import Index
from vectorstore.journal import PendingWrite

log = logging.getLogger(__name__)


class DocumentNotFound(LookupError):
    """No document, or more than one, matches what the user typed; the message says which."""

    def __init__(self, message: str, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.ambiguous = ambiguous


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    repaired: tuple[str, ...] = ()  # what --repair did, one line each
    remaining: tuple[Problem, ...] = field(default=())  # what is still wrong after repairing

    @property
    def ok(self) -> bool:
        return not self.remaining if self.repaired else not self.problems


class Library:
    def __init__(self, settings: Settings, index: Index, embedder, tagger=None) -> None:
        self.settings = settings
        self.index = index
        self.embedder = embedder
        self.tagger = tagger

    def options(self, uploaded: bool = False, replace: bool = False) -> IngestOptions:
        s = self.settings
        return IngestOptions(
            s.chunk_chars,
            s.max_chunk_chars,
            s.embedding_batch_size,
            s.max_file_bytes,
            s.max_document_chars,
            s.duplicate_similarity,
            uploaded,
            replace,
            annotate=self._annotate if self.tagger is not None else None,
            unit_texts=unit_texts,
            group_chunks=s.embedding_group_chunks,
        )

    def _annotate(self, chunks: list[Chunk]) -> list[Chunk]:
        """Named entities on every chunk, once, at ingest (the answer engine reads them)."""
        return [replace(c, entities=spans) for c, spans in zip(chunks, self.tagger.tag([c.text for c in chunks]))]

    def ingest(
        self, paths: Sequence[Path], progress: Progress | None = None, *, uploaded: bool = False, replace: bool = False
    ) -> list[IngestResult]:
        self.index.sync()  # decide identities against what every process sharing the server wrote
        return Ingestor(self.index, self.embedder, self.options(uploaded, replace)).run(paths, progress)

    def resolve(self, ref: str) -> DocumentInfo:
        """A document by id, file name, or a unique id prefix of at least MIN_ID_PREFIX characters."""
        ref = ref.strip()
        docs = self.index.documents()
        exact = [d for d in docs if d.doc_id == ref] or [d for d in docs if d.source == ref]
        if not exact and len(ref) >= MIN_ID_PREFIX:
            exact = [d for d in docs if d.doc_id.startswith(ref.lower())]
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            names = "; ".join(f"{d.doc_id} ({d.source}, {origin_label(d.origin)})" for d in exact)
            raise DocumentNotFound(f"{ref!r} matches {len(exact)} documents: {names}; give the id", ambiguous=True)
        if len(ref) < MIN_ID_PREFIX and all(c in "0123456789abcdef" for c in ref.lower()):
            raise DocumentNotFound(
                f"{ref!r} is too short: give a file name or at least {MIN_ID_PREFIX} characters of the document id"
            )
        raise DocumentNotFound(f"no indexed document matches {ref!r} (see `reportqa docs`)")

    def remove(self, ref: str) -> DocumentInfo:
        """Delete a document everywhere; a copy that deferred to it takes over answering."""
        self.index.sync()
        found = self.resolve(ref)
        self.index.commit(PendingWrite(remove=(found.doc_id,)))
        for r in self.index.records():
            if r.info.duplicate_of == found.doc_id:
                self._promote(r.doc_id)
                break  # the promoted copy is now the one the others defer to
        return found

    def _promote(self, doc_id: str) -> IngestResult | None:
        """Index a stored duplicate for real (its twin is gone); others that deferred follow it."""
        record = self.index.record(doc_id)
        path = self.index.original_path(doc_id)
        if record is None or path is None:
            return None
        src = Source(path, record.info.source, record.info.origin)
        done = Ingestor(self.index, self.embedder, self.options()).file(src, lambda *a, **k: None, promote=True)
        gone = record.info.duplicate_of
        for r in self.index.records():
            if r.doc_id != doc_id and gone is not None and r.info.duplicate_of == gone:
                self.index.set_record(r.with_info(duplicate_of=doc_id))
        log.info("promoted %s (%s): %s", record.info.source, doc_id, done.status)
        return done

    def recover(self) -> str | None:
        return self.index.recover()

    def check(self, repair: bool = False) -> CheckReport:
        problems = tuple(find_problems(self.index))
        if not repair or not problems:
            return CheckReport(problems)
        done = [line for p in problems if (line := self._repair(p))]
        self.index.rebuild_snapshot()
        return CheckReport(problems, tuple(done), tuple(find_problems(self.index)))

    def _repair(self, p: Problem) -> str | None:
        if p.kind == "pending_write":
            return self.index.recover()
        if p.kind in ("orphan_chunks", "duplicate_with_chunks") and p.doc_id:
            return f"deleted {self.index.drop_chunks(p.doc_id)} chunks of {p.doc_id}"
        if p.kind == "stray_file" and p.file:
            (self.index.files_dir / p.file).unlink(missing_ok=True)
            return f"deleted files/{p.file}"
        if p.kind in ("missing_chunks", "orphan_duplicate") and p.doc_id:
            return self._reindex(p.doc_id)
        if p.kind == "lexical_mismatch":
            return "rebuilt the lexical index from Chroma"
        return None  # missing_original: nothing on this machine can restore it; it stays listed

    def _reindex(self, doc_id: str) -> str:
        if self.index.original_path(doc_id) is None:
            info = self.index.document(doc_id)
            self.index.drop_records([doc_id])
            name = info.source if info else doc_id
            return f"removed {name} ({doc_id}): its chunks and stored copy are gone; ingest it again"
        self.index.drop_chunks(doc_id)
        done = self._promote(doc_id)
        return f"re-indexed {doc_id} from its stored copy: {done.status if done else 'failed'}"
