"""Files in, documents indexed: hash, decide identity, load, chunk, embed, write as one operation.

Embedding (the slow part) runs outside the index's write lock, so a small upload never waits
for a large one to be embedded; the identity decision is checked again under the lock just
before the write, because another upload may have landed meanwhile.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from assistant.types import Chunk, Document, DocumentInfo, IngestProgress, IngestResult
from ingest.chunking import split_document
from ingest.embedding import discard_checkpoint, embed_texts, text_key
from ingest.fingerprint import fingerprint
from ingest.identity import Decision, decide, near_duplicate
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_document
from vectorstore.index import Index
from vectorstore.journal import PendingWrite
from vectorstore.manifest import DocumentRecord

log = logging.getLogger(__name__)

Progress = Callable[[IngestProgress], None]
_READ_BLOCK = 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """How files are split and embedded, what they may cost, and how they are identified."""

    chunk_chars: int = 1200
    max_chunk_chars: int = 2400
    batch_size: int = 32
    max_file_bytes: int = 50 * 1024 * 1024
    max_document_chars: int = 5_000_000
    duplicate_similarity: float = 0.9
    uploaded: bool = False  # origin is the upload name (web, API), not the file's path (CLI)
    replace: bool = False  # an upload may replace a different document of the same name
    annotate: Callable[[list[Chunk]], list[Chunk]] | None = None  # records entities on chunks
    unit_texts: Callable[[Chunk], list[str]] | None = None  # what the answer engine embeds per chunk
    group_chunks: int = 64  # small files are tagged and embedded together until they hold this many chunks


@dataclass(frozen=True)
class Embedded:
    """A document's chunks (with their entities) and every vector it needs, ready to write."""

    chunks: list[Chunk]
    vectors: list[list[float]]
    unit_vectors: dict[str, list[float]]
    texts: list[str]  # what was embedded with it (its group's texts), in order: names the checkpoint
    name: str  # the checkpoint's name (the file's, or the group's first file's)


@dataclass(frozen=True)
class Source:
    """Where a file comes from: its display name and the stable key of its origin."""

    path: Path
    name: str
    origin: str


def file_hash(path: Path) -> str:
    """The document id: 16 hex digits of the file's sha256 (same bytes, same document)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_READ_BLOCK):
            digest.update(block)
    return digest.hexdigest()[:16]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus supported files found under given directories, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def source_of(path: Path, uploaded: bool) -> Source:
    origin = f"upload:{path.name}" if uploaded else f"file:{path.resolve()}"
    return Source(path, path.name, origin)


def check_size(path: Path, limit: int) -> None:
    size = path.stat().st_size
    if size > limit:
        raise LoadError(
            f"{path.name}: {size / 2**20:.1f} MB is larger than the {limit / 2**20:.0f} MB limit (REPORTQA_MAX_FILE_MB)"
        )


def load_chunks(src: Source, opts: IngestOptions) -> tuple[Document, list[Chunk]]:
    doc = load_document(src.path)
    if doc.source != src.name:
        doc = replace(doc, source=src.name)
    if len(doc.text) > opts.max_document_chars:
        raise LoadError(
            f"{src.name}: {len(doc.text):,} characters of text is more than the limit of "
            f"{opts.max_document_chars:,} (REPORTQA_MAX_DOCUMENT_CHARS); split the file"
        )
    chunks = split_document(doc, opts.chunk_chars, opts.max_chunk_chars)
    if not chunks:
        raise LoadError(f"{src.name}: no text could be extracted (a scanned PDF needs OCR first)")
    return doc, chunks


def new_record(
    doc: Document, chunks: Sequence[Chunk], src: Source, decision: Decision, fp: tuple[int, ...]
) -> DocumentRecord:
    info = DocumentInfo(
        doc_id=doc.doc_id,
        source=src.name,
        title=doc.title,
        organisation=doc.organisation,
        year=doc.year,
        country=doc.country,
        pages=len(doc.pages) or None,
        chunks=0 if decision.duplicate_of else len(chunks),
        ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        origin=src.origin,
        file_format=doc.file_format,
        duplicate_of=decision.duplicate_of,
        document_type=doc.document_type,
        detected=dict(doc.detected),
    )
    return DocumentRecord(info, fp, f"{doc.doc_id}{src.path.suffix.lower()}")


def result(src: Source, decision: Decision, doc_id: str | None, chunks: int = 0) -> IngestResult:
    return IngestResult(
        str(src.path),
        decision.status,
        doc_id,
        chunks,
        note=decision.note,
        replaced=decision.replaces,
        duplicate_of=decision.duplicate_of,
    )


def texts_to_embed(
    chunks: Sequence[Chunk], unit_texts: Callable[[Chunk], Iterable[str]] | None
) -> tuple[list[str], dict[str, str]]:
    """What ingest embeds for one document: each chunk's text, then each distinct answer unit
    (also returned by its key, under which its vector is stored)."""
    units: dict[str, str] = {}
    for c in chunks if unit_texts else ():
        units.update((text_key(t), t) for t in unit_texts(c))
    return [c.embedding_text() for c in chunks] + list(units.values()), units


@dataclass
class Prepared:
    """A file read, split and identified, waiting for its vectors (embedded with other files')."""

    n: int  # its place in the run, 1-based
    src: Source
    doc: Document
    chunks: list[Chunk]
    decision: Decision
    fp: tuple[int, ...]
    tell: Callable[..., None]


class Ingestor:
    """Ingest files into one index with one embedder under one set of options."""

    def __init__(self, index: Index, embedder, opts: IngestOptions) -> None:
        self.index = index
        self.embedder = embedder
        self.opts = opts

    def run(self, paths: Iterable[Path], progress: Progress | None = None) -> list[IngestResult]:
        """Ingest files and directories, reporting progress inside each file.

        Small files are read and split one by one but tagged and embedded together, up to
        `group_chunks` chunks at a time: one file's texts fill a few short, ragged batches, a
        group's fill the model's batches with texts of one length. Each file is still written
        as its own recoverable operation, in the order given."""
        files = expand_paths(paths)
        results: list[IngestResult | None] = [None] * len(files)
        queue: list[tuple[int, Prepared | IngestResult]] = []  # in file order, until the group is written

        def flush() -> None:
            waiting = [item for _, item in queue if isinstance(item, Prepared)]
            written = iter(self._finish(waiting))
            for n, item in queue:
                results[n] = next(written) if isinstance(item, Prepared) else item
                tellers[n]("done")
            queue.clear()

        finished = [0]

        def teller(n: int, name: str) -> Callable[..., None]:
            def tell(stage: str, done: int = 0, total: int = 0, first: int = 0, label: str = "") -> None:
                finished[0] += stage == "done"
                if progress:
                    progress(IngestProgress(n, len(files), label or name, stage, done, total, finished[0], first))

            return tell

        tellers = [teller(n, path.name) for n, path in enumerate(files, start=1)]
        for n, path in enumerate(files):
            queue.append((n, self._prepare(source_of(path, self.opts.uploaded), tellers[n], n=n + 1)))
            if sum(len(item.chunks) for _, item in queue if isinstance(item, Prepared)) >= self.opts.group_chunks:
                flush()
        flush()
        return [r for r in results if r is not None]

    def file(self, src: Source, tell: Callable[..., None], promote: bool = False) -> IngestResult:
        """Index one file; failures come back as a result with the reason, never as lost data."""
        got = self._prepare(src, tell, promote)
        return got if isinstance(got, IngestResult) else self._finish([got], promote)[0]

    def _prepare(
        self, src: Source, tell: Callable[..., None], promote: bool = False, n: int = 1
    ) -> Prepared | IngestResult:
        """Read, split and identify a file; an unchanged, conflicting or unreadable one is done here."""
        try:
            if not src.path.is_file():
                raise LoadError(f"{src.path}: no such file")
            check_size(src.path, self.opts.max_file_bytes)
            doc_id = file_hash(src.path)
            decision = Decision("ingested") if promote else self._decide(doc_id, src)
            if decision.status in ("unchanged", "conflict"):
                return result(src, decision, doc_id if decision.status == "unchanged" else None)
            tell("reading")
            doc, chunks = load_chunks(src, self.opts)
            fp = fingerprint(doc.text)
            if not promote:
                decision = self._with_twins(decision, doc, fp)
            return Prepared(n, src, doc, chunks, decision, fp, tell)
        except (LoadError, OSError, ValueError) as exc:
            return failed(src, exc)

    def _finish(self, group: list[Prepared], promote: bool = False) -> list[IngestResult]:
        """Tag and embed a group's files together, then write each; if the group's embedding
        fails, each file is tried alone, so one bad file fails alone."""
        if not group:
            return []
        try:
            embedded = self._embed(group)
        except (OSError, ValueError) as exc:
            if len(group) == 1:
                return [failed(group[0].src, exc)]
            return [r for p in group for r in self._finish([p], promote)]
        out = []
        for p in group:
            try:
                out.append(self._write(p, embedded.get(id(p)), promote))
            except (LoadError, OSError, ValueError) as exc:
                out.append(failed(p.src, exc))
        for done in {e.name: e for e in embedded.values()}.values():  # the group is written: its checkpoint goes
            discard_checkpoint(self.index.pending_dir, done.name, done.texts)
        return out

    def _decide(self, doc_id: str, src: Source) -> Decision:
        # An unchanged file is found by its id alone: re-ingesting N files must not read N records each.
        same = self.index.record(doc_id)
        known = (same,) if same is not None else self.index.records()
        return decide(known, doc_id, src.name, src.origin, self.opts.uploaded, self.opts.replace)

    def _with_twins(self, decision: Decision, doc: Document, fp: tuple[int, ...]) -> Decision:
        """The identity decision refined by the near-duplicate rule (same text, other name)."""
        candidates = self.index.similar_records(fp, self.opts.duplicate_similarity)
        return near_duplicate(decision, candidates, fp, bool(doc.pages), self.opts.duplicate_similarity)

    def _embed(self, group: list[Prepared]) -> dict[int, Embedded]:
        """Entities, chunk vectors and the answer units' vectors of the files that will be
        indexed (a duplicate never pays for them), in one resumable pass over the group."""
        todo = [p for p in group if p.decision.duplicate_of is None]
        if not todo:
            return {}
        first, last = todo[0], todo[-1]
        group = {} if last is first else {"first": first.n, "label": f"{first.src.name} … {last.src.name}"}
        chunks = [c for p in todo for c in p.chunks]
        last.tell("tagging", 0, len(chunks), **group)
        if self.opts.annotate is not None:
            chunks = self.opts.annotate(chunks)
        per_file, texts, wanted, start = [], [], {}, 0
        for p in todo:
            mine = chunks[start : start + len(p.chunks)]
            start += len(p.chunks)
            file_texts, units = texts_to_embed(mine, self.opts.unit_texts)
            per_file.append((p, mine, units))
            texts += file_texts[: len(mine)]
            wanted.update(units)
        # An answer unit already stored (a sentence another report, or this report's earlier
        # version, says word for word) keeps its vector: only new sentences are embedded.
        stored = self.index.unit_vectors(list(wanted)) if wanted else {}
        fresh = {key: text for key, text in wanted.items() if key not in stored}
        own_chunks = len(texts)
        texts += list(fresh.values())
        name = first.src.name if len(todo) == 1 else f"{first.src.name}+{len(todo) - 1}"
        vectors = embed_texts(
            texts,
            name,
            self.embedder,
            self.opts.batch_size,
            self.index.pending_dir,
            lambda done, total: last.tell("embedding", done, total, **group),
        )
        found = {**stored, **dict(zip(fresh, vectors[own_chunks:]))}
        out, start = {}, 0
        for p, mine, units in per_file:
            own = vectors[start : start + len(mine)]
            start += len(mine)
            out[id(p)] = Embedded(mine, own, {key: list(found[key]) for key in units}, texts, name)
        return out

    def _write(self, p: Prepared, done: Embedded | None, promote: bool) -> IngestResult:
        """Write one file as one operation, deciding its identity again under the write lock;
        a file found to need vectors only now (its twin went meanwhile) is embedded here."""
        src, doc, chunks, decision, fp = p.src, p.doc, p.chunks, p.decision, p.fp
        own: Embedded | None = None
        while True:
            if decision.duplicate_of is None and done is None:
                p = replace(p, decision=decision)
                done = own = self._embed([p])[id(p)]
            with self.index.write_lock:  # another upload may have landed while this one was embedded
                again = decision if promote else self._with_twins(self._decide(doc.doc_id, src), doc, fp)
                if again != decision:
                    decision = again
                    if decision.status in ("unchanged", "conflict"):
                        break
                    if decision.duplicate_of is None and done is None:
                        continue
                p.tell("writing", len(chunks), len(chunks))
                write = PendingWrite(new_record(doc, chunks, src, decision, fp), decision.replaces, decision.demotes)
                if decision.duplicate_of or done is None:
                    self.index.commit(write, original=src.path)
                else:
                    self.index.commit(write, done.chunks, done.vectors, src.path, done.unit_vectors)
                break
        if own is not None:
            discard_checkpoint(self.index.pending_dir, own.name, own.texts)
        if decision.status in ("unchanged", "conflict"):
            return result(src, decision, doc.doc_id if decision.status == "unchanged" else None)
        return result(src, decision, doc.doc_id, 0 if decision.duplicate_of else len(chunks))


def failed(src: Source, exc: Exception) -> IngestResult:
    log.warning("ingest failed for %s: %s", src.path, exc)
    return IngestResult(str(src.path), "failed", error=str(exc))
