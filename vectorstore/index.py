"""The index as the rest of ReportQA sees it: Chroma (chunks) + manifest (documents) + originals.

Every write is one journaled operation (see vectorstore.journal): the new document's chunks
go in before the old version's come out, the manifest is replaced atomically, and a kill at
any point is completed or rolled back by `recover` before the next write. The chunks are
read from Chroma once at start; a write re-reads only the documents it touched, and the
lexical index is rebuilt from cached tokens on the first read after a write (never once per
file of a long ingest), under a lock, saved, and published as one immutable snapshot, so a reader
never sees BM25 and Chroma disagree; a restart maps the saved one back in.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
from operator import attrgetter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.types import Chunk, DocumentInfo, Filters
from vectorstore.chroma import ChromaStore, UnitVectorStore, WriteMarker
from vectorstore.journal import Journal, PendingWrite
from vectorstore.lexical import TOKENIZER_VERSION, LexicalIndex, tokenize
from vectorstore.manifest import DocumentRecord, Manifest, fsync_dir
from vectorstore.migrate import records_from_chunks
from ingest.fingerprint import PROBE

log = logging.getLogger(__name__)

# A filtered dense search is answered without Chroma's metadata filter, which scans its metadata
# table on every query (about 20 ms at 32k chunks, 85-125 ms at 89k, against 1.5 ms unfiltered).
# Two ways replace it, and the cheaper is taken: rank the accepted chunks exactly from their stored
# vectors (reading one costs about VECTOR_READ_COST nearest results: 30 us against 5 us at 89k), or
# take them from an unfiltered query OVERFETCH times as deep as the accepted share needs (5,000
# results in about 24 ms). Only a deeper query than OVERFETCH_MAX, or one that still finds too few
# accepted chunks, is left to Chroma's own filter.
VECTOR_READ_COST = 6.0
OVERFETCH = 2.0
OVERFETCH_MAX = 8000
FILTERED = ("doc_id", "source", "organisation", "year", "country")  # the Chunk attributes Filters restrict
MASKS_KEPT = 32  # filters whose chunk masks a snapshot keeps (a question's searches share one)

StepHook = Callable[[str], None]  # told each step of a write ("journal", "original", "chunks", "manifest")


def overfetch_depth(accepted: int, total: int, k: int) -> int:
    """How deep an unfiltered query must go to hold k of `accepted` chunks among `total`, with margin."""
    return int(np.ceil(k * total / accepted * OVERFETCH))


def exact_is_cheaper(accepted: int, depth: int) -> bool:
    """Whether reading the accepted chunks' vectors costs less than a query `depth` results deep."""
    return accepted * VECTOR_READ_COST <= depth


def parent_section(section: str) -> str:
    """The heading path above a section's own heading ("A > A.4 > Measures" -> "A > A.4"; "" above
    a top heading)."""
    return section.rsplit(" > ", 1)[0] if " > " in section else ""


@dataclass(frozen=True)
class Snapshot:
    """Everything derived from one state of the index."""

    chunks: tuple[Chunk, ...]
    lexical: LexicalIndex
    documents: tuple[DocumentInfo, ...]
    _groups: list = field(default_factory=list, compare=False, repr=False)  # filled on first filter
    _by_id: dict = field(default_factory=dict, compare=False, repr=False)  # id -> position, filled on first search
    _openings: dict = field(default_factory=dict, compare=False, repr=False)  # filled on first use
    _masks: dict = field(default_factory=dict, compare=False, repr=False)  # recent filters' masks
    _sections: dict = field(default_factory=dict, compare=False, repr=False)  # filled on first use

    def chunk(self, chunk_id: str) -> Chunk | None:
        """The chunk with this id, if this state of the index holds it."""
        at = self.position(chunk_id)
        return None if at is None else self.chunks[at]

    def position(self, chunk_id: str) -> int | None:
        """Where the chunk with this id stands in `chunks` (and in masks), if this state holds it."""
        if not self._by_id and self.chunks:
            # (built aside and published in one step: the server's threads share a snapshot)
            self._by_id.update({c.chunk_id: i for i, c in enumerate(self.chunks)})
        return self._by_id.get(chunk_id)

    def opening(self, doc_id: str) -> Chunk | None:
        """The first chunk of a document: its title and lead say what all of it is about."""
        if not self._openings and self.chunks:
            openings: dict[str, Chunk] = {}
            for c in self.chunks:
                first = openings.get(c.doc_id)
                if first is None or c.char_start < first.char_start:
                    openings[c.doc_id] = c
            self._openings.update(openings)
        return self._openings.get(doc_id)

    def before_under_heading(self, chunk: Chunk, limit: int) -> tuple[Chunk, ...]:
        """Up to `limit` chunks before this one in its document under its parent heading (that
        heading's own text included; the whole page on a page without headings), nearest last:
        in a report answered section by section, they name the body whose "we" the chunk says."""
        if not self._sections and self.chunks:
            by_doc: dict[str, list[Chunk]] = {}
            for c in self.chunks:
                by_doc.setdefault(c.doc_id, []).append(c)
            ordered = {doc: tuple(sorted(cs, key=lambda c: c.char_start)) for doc, cs in by_doc.items()}
            places = {c.chunk_id: i for cs in ordered.values() for i, c in enumerate(cs)}
            # (built aside and published in one step: the server's threads share a snapshot)
            self._sections.update({"ordered": ordered, "places": places})
        ordered, at = self._sections["ordered"].get(chunk.doc_id, ()), self._sections["places"].get(chunk.chunk_id)
        parent = parent_section(chunk.section)
        found: list[Chunk] = []
        for c in reversed(ordered[:at] if at is not None else ()):
            if len(found) == limit:
                break
            if c.section == parent or c.section.startswith(parent + " > "):
                found.append(c)
        return tuple(reversed(found))

    def mask(self, filters: Filters) -> np.ndarray:
        """1.0 for each chunk the filters accept. Filters read document metadata, so they are
        checked once per distinct metadata, not once per chunk (at 100k chunks that is the
        difference between a few and a hundred milliseconds per filtered question), and a
        question's dense and lexical searches share one mask."""
        found = self._masks.get(filters)
        if found is None:
            found = self._masks[filters] = self._mask(filters)
            while len(self._masks) > MASKS_KEPT:
                self._masks.pop(next(iter(self._masks)))
        return found

    def prepare_filters(self) -> None:
        """Build the metadata lookups filters use now rather than on the first filtered question."""
        self._postings()

    def _mask(self, filters: Filters) -> np.ndarray:
        where, postings, count = self._postings()
        accepted: np.ndarray | None = None
        for attr, allowed in filters.restrictions():
            # each allowed value's metadata groups, looked up: a filter costs the groups it accepts,
            # not a check of every document's metadata (the index grows by documents)
            hit = np.zeros(count, dtype=bool)
            table = postings[attr]
            for value in set(allowed):
                groups = table.get(value)
                if groups is not None:
                    hit[groups] = True
            accepted = hit if accepted is None else accepted & hit
        if accepted is None:
            return np.ones(len(self.chunks), dtype="float32")
        return accepted.astype("float32")[where]

    def _postings(self) -> tuple[np.ndarray, dict[str, dict], int]:
        """Each chunk's metadata group, and for each filtered attribute: value -> its groups (built
        once per snapshot, on the first filter or at warm-up: about 0.1 s at 50,000 chunks)."""
        if not self._groups:
            keys: dict[tuple, int] = {}
            key_of = attrgetter(*FILTERED)
            where = np.fromiter(
                (keys.setdefault(key_of(c), len(keys)) for c in self.chunks), dtype=np.int64, count=len(self.chunks)
            )
            postings: dict[str, dict] = {attr: {} for attr in FILTERED}
            for key, g in keys.items():
                for attr, value in zip(FILTERED, key):
                    postings[attr].setdefault(value, []).append(g)
            self._groups.extend((where, postings, len(keys)))
        return self._groups[0], self._groups[1], self._groups[2]


def lexical_text(chunk: Chunk) -> str:
    """Headings are searchable words too ("Tourism security" names what follows)."""
    return f"{chunk.title}\n{chunk.section}\n{chunk.text}"


class Index:
    """Write documents, search chunks, list and delete documents."""

    def __init__(
        self,
        store: ChromaStore,
        data_dir: Path,
        on_step: StepHook | None = None,
        units: UnitVectorStore | None = None,
        marker: WriteMarker | None = None,
    ) -> None:
        self._store = store
        self._units = units
        self.data_dir = Path(data_dir)
        self.files_dir = self.data_dir / "files"
        self.pending_dir = self.data_dir / "pending"
        self._manifest = Manifest(self.data_dir / "documents.jsonl")
        self._journal = Journal(self.data_dir / "journal.json")
        self._on_step = on_step
        self._lock = threading.RLock()
        self.write_lock = self._lock  # held across "decide, then write" by the ingest pipeline
        self._marker = marker  # set when a Chroma server may be shared with other ReportQA processes
        self._known = marker.read() if marker else None
        self._records = self._load_records()
        self._by_doc: dict[str, tuple[Chunk, ...]] = {}  # what Chroma holds, per document
        self._tokens: dict[str, list[list[str]]] = {}  # each document's chunks tokenised for BM25
        self._snapshot: Snapshot | None = None
        self._listing: tuple[DocumentInfo, ...] | None = None
        self._years: tuple[tuple[DocumentInfo, ...], dict[str, frozenset[str]]] | None = None
        self._probes: dict[int, set[str]] | None = None  # fingerprint hash -> documents, for near-duplicates
        self._load_chunks()

    # --- reading ------------------------------------------------------------------------
    def _load_records(self) -> dict[str, DocumentRecord]:
        if self._manifest.exists():
            return self._manifest.load()
        # An index written before the manifest existed: rebuild the list from chunk metadata.
        records = records_from_chunks(self._store.all_records(), self.files_dir)
        if records:
            log.info("document list rebuilt from %d indexed documents' chunks", len(records))
            self._manifest.save(records)
        return records

    def _load_chunks(self, stored: Sequence[tuple[Chunk, dict]] | None = None) -> None:
        """Every chunk from Chroma (at start and after a recovery); the snapshot follows on demand."""
        by_doc: dict[str, list[Chunk]] = {}
        for chunk, _ in self._store.all_records() if stored is None else stored:
            by_doc.setdefault(chunk.doc_id, []).append(chunk)
        self._by_doc = {doc_id: tuple(chunks) for doc_id, chunks in by_doc.items()}
        self._tokens = {}
        self._changed()

    def _reload(self, doc_ids: set[str]) -> None:
        """Re-read the chunks of the documents a write touched (the rest are unchanged)."""
        for doc_id in doc_ids:
            chunks = self._store.document_records(doc_id)
            if chunks:
                self._by_doc[doc_id] = tuple(chunks)
            else:
                self._by_doc.pop(doc_id, None)
            self._tokens.pop(doc_id, None)
        self._changed()

    def _changed(self) -> None:
        self._snapshot = None
        self._listing = None
        self._probes = None

    def similar_records(self, fingerprint: Sequence[int], threshold: float) -> tuple[DocumentRecord, ...]:
        """The documents whose text may be near the one with this sketch (see fingerprint.PROBE):
        a lookup, not a comparison with every indexed document. A text at Jaccard similarity J
        shares about J * PROBE of its PROBE smallest hashes, so documents sharing fewer than
        half of `threshold * PROBE` are not candidates (shared boilerplate alone is not enough)."""
        probes = self._probes
        if probes is None:
            probes = {}
            for r in self._records.values():
                for h in r.fingerprint[:PROBE]:
                    probes.setdefault(h, set()).add(r.doc_id)
            self._probes = probes
        shared: dict[str, int] = {}
        for h in fingerprint[:PROBE]:
            for doc_id in probes.get(h, ()):
                shared[doc_id] = shared.get(doc_id, 0) + 1
        least = max(1, int(threshold * PROBE / 2))
        return tuple(self._records[i] for i in sorted(shared) if shared[i] >= least and i in self._records)

    def sync(self) -> bool:
        """On a shared Chroma server: take in what other ReportQA processes wrote since we last
        looked (one small read per call). The documents are those whose chunks the server holds;
        ours keep their full records, others' are rebuilt from their chunks' metadata."""
        if self._marker is None:
            return False
        token = self._marker.read()
        if token == self._known:
            return False
        with self._lock:
            token = self._marker.read()
            if token == self._known:  # another thread took it in while this one waited
                return False
            stored = self._store.all_records()
            fresh = records_from_chunks(stored, self.files_dir)
            records = {doc_id: self._records.get(doc_id, r) for doc_id, r in fresh.items()}
            records |= {d: r for d, r in self._records.items() if r.info.chunks == 0 and r.info.duplicate_of in fresh}
            self._manifest.save(records)
            self._records = records
            self._load_chunks(stored)
            self._known = token
            log.info("index re-read after another process's write: %d documents", len(records))
            return True

    def _announce(self) -> None:
        """Tell other processes sharing the Chroma server that the index changed."""
        if self._marker is not None:
            self._known = self._marker.bump()

    @property
    def snapshot(self) -> Snapshot:
        """The current snapshot, derived on the first read after a write."""
        snap = self._snapshot
        if snap is None:
            with self._lock:
                if self._snapshot is None:
                    self._snapshot = self._derive()
                snap = self._snapshot
        return snap

    def _derive(self) -> Snapshot:
        chunks = [c for doc_id in sorted(self._by_doc) for c in self._by_doc[doc_id]]
        return Snapshot(tuple(chunks), self._lexical(chunks), self.documents())

    def _lexical(self, chunks: Sequence[Chunk]) -> LexicalIndex:
        """BM25 over `chunks`: mapped from `lexical/bm25-<hash of the chunk ids>/` when a process
        built it for exactly these chunks, else built from the documents' cached tokens and saved
        there (the previous one removed). A restart of an unchanged index tokenises and scores nothing."""
        ids = "\n".join(c.chunk_id for c in chunks)
        key = hashlib.sha1(f"{TOKENIZER_VERSION}\n{ids}".encode()).hexdigest()[:16]
        path = self.data_dir / "lexical" / f"bm25-{key}"
        if chunks and path.is_dir():
            try:
                return LexicalIndex.load(path)
            except (OSError, ValueError, KeyError) as exc:
                log.warning("saved lexical index %s unreadable (%s): rebuilding it", path.name, exc)
        tokens = []
        for doc_id in sorted(self._by_doc):
            if doc_id not in self._tokens:
                self._tokens[doc_id] = self._token_file(doc_id, self._by_doc[doc_id])
            tokens += self._tokens[doc_id]
        lexical = LexicalIndex(tokens)
        if chunks:
            self._save_lexical(lexical, path)
        return lexical

    def _save_lexical(self, lexical: LexicalIndex, path: Path) -> None:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            shutil.rmtree(tmp, ignore_errors=True)
            lexical.save(tmp)
            os.replace(tmp, path)
        except OSError as exc:  # read-only, or another process saved the same one first
            shutil.rmtree(tmp, ignore_errors=True)
            log.debug("lexical index not saved: %s", exc)
            return
        for old in path.parent.glob("bm25-*"):
            if old != path and not old.name.endswith(".tmp"):
                shutil.rmtree(old, ignore_errors=True)

    def _token_file(self, doc_id: str, chunks: Sequence[Chunk]) -> list[list[str]]:
        """A document's BM25 tokens, from `lexical/<doc_id>.json` when it matches the chunks Chroma
        holds (ids in order), else tokenised now and written there: a restart re-tokenises nothing."""
        path = self._token_path(doc_id)
        ids = [c.chunk_id for c in chunks]
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            if saved.get("ids") == ids and saved.get("version") == TOKENIZER_VERSION:
                return saved["tokens"]
        except (OSError, ValueError, KeyError, AttributeError):
            pass
        tokens = [tokenize(lexical_text(c), cache=False) for c in chunks]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"ids": ids, "version": TOKENIZER_VERSION, "tokens": tokens}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:  # a read-only data directory still answers, it only tokenises again
            log.debug("lexical tokens of %s not saved: %s", doc_id, exc)
        return tokens

    def _token_path(self, doc_id: str) -> Path:
        return self.data_dir / "lexical" / f"{doc_id}.json"

    def documents(self) -> tuple[DocumentInfo, ...]:
        listing = self._listing
        if listing is None:
            listing = tuple(sorted((r.info for r in self._records.values()), key=lambda d: (d.source, d.doc_id)))
            self._listing = listing
        return listing

    def documents_by_year(self) -> dict[str, frozenset[str]]:
        """Year (as written, "2016") -> the ids of the documents of that year, once per document
        list: which of a question's named reports are of a year is a lookup, not a scan of every
        report a country's name points at."""
        listing = self.documents()
        cached = self._years
        if cached is None or cached[0] is not listing:
            years: dict[str, set[str]] = {}
            for d in listing:
                if d.year:
                    years.setdefault(str(d.year), set()).add(d.doc_id)
            cached = self._years = (listing, {y: frozenset(ids) for y, ids in years.items()})
        return cached[1]

    def document(self, doc_id: str) -> DocumentInfo | None:
        record = self._records.get(doc_id)
        return record.info if record else None

    def record(self, doc_id: str) -> DocumentRecord | None:
        return self._records.get(doc_id)

    def records(self) -> tuple[DocumentRecord, ...]:
        return tuple(self._records.values())

    def original_path(self, doc_id: str) -> Path | None:
        """The stored copy of a document's file, when there is one."""
        record = self._records.get(doc_id)
        if record and record.original and (self.files_dir / record.original).is_file():
            return self.files_dir / record.original
        return None

    def pending_write(self) -> PendingWrite | None:
        return self._journal.pending()

    # --- writing ------------------------------------------------------------------------
    def commit(
        self,
        write: PendingWrite,
        chunks: Sequence[Chunk] = (),
        vectors: Sequence[Sequence[float]] = (),
        original: Path | None = None,
        unit_vectors: dict[str, Sequence[float]] | None = None,
    ) -> None:
        """Apply one write as a whole: recorded first, completed or undone after a crash.

        Unit vectors go in before the chunks, so a document whose chunks are all stored has
        its units too (a missing unit would only cost an embedding at question time)."""
        with self._lock:
            self._recover_locked()
            self._journal.begin(write)
            self._step("journal")
            if write.add is not None and original is not None and write.add.original:
                self._store_original(original, write.add.original)
                self._step("original")
            if write.add is not None and unit_vectors and self._units is not None:
                self._units.add(unit_vectors, write.add.doc_id)
            if write.add is not None and chunks:
                info = write.add.info  # on every chunk too, so the list can be rebuilt from Chroma alone
                extra = {"ingested_at": info.ingested_at, "doc_pages": info.pages, "file_format": info.file_format}
                self._store.add(chunks, vectors, {k: v for k, v in extra.items() if v is not None})
                self._step("chunks")
            self._apply(write)
            self._step("manifest")
            self._journal.clear()
            self._reload({*write.remove, *write.demote, *([write.add.doc_id] if write.add else [])})
            self._announce()

    def recover(self) -> str | None:
        """Complete or roll back a write a crash interrupted; says what it did, or None."""
        with self._lock:
            return self._recover_locked()

    def rebuild_snapshot(self) -> None:
        with self._lock:
            self._records = self._load_records()
            self._load_chunks()

    def _recover_locked(self) -> str | None:
        write = self._journal.pending()
        if write is None:
            return None
        if self._complete(write):
            self._apply(write)
            outcome = f"completed an interrupted write ({write.describe()})"
        else:
            self._roll_back(write)
            outcome = f"rolled back an interrupted write ({write.describe()})"
        self._journal.clear()
        self._records = self._manifest.load() if self._manifest.exists() else self._records
        self._load_chunks()
        self._announce()
        log.warning("index recovery: %s", outcome)
        return outcome

    def _complete(self, write: PendingWrite) -> bool:
        add = write.add
        if add is None:
            return True
        if add.original and not (self.files_dir / add.original).is_file():
            return False
        return len(self._store.chunk_ids(add.doc_id)) == add.info.chunks

    def _apply(self, write: PendingWrite) -> None:
        """The idempotent second half of a write: old chunks out, manifest replaced."""
        records = dict(self._records)
        for doc_id in write.remove:
            self._drop_derived(doc_id)
            self._store.delete_document(doc_id)
            gone = records.pop(doc_id, None)
            if gone and gone.original:
                (self.files_dir / gone.original).unlink(missing_ok=True)
        new_id = write.add.doc_id if write.add else None
        for doc_id in write.demote:
            self._drop_derived(doc_id)
            self._store.delete_document(doc_id)
            if doc_id in records:
                records[doc_id] = records[doc_id].with_info(chunks=0, duplicate_of=new_id)
        for doc_id, r in list(records.items()):  # duplicates follow their demoted primary
            if new_id and r.info.duplicate_of in write.demote:
                records[doc_id] = r.with_info(duplicate_of=new_id)
        if write.add is not None:
            records[write.add.doc_id] = write.add
        self._manifest.save(records)
        self._records = records

    def _roll_back(self, write: PendingWrite) -> None:
        add = write.add
        if add is None:
            return
        prior = self._records.get(add.doc_id)  # a duplicate being promoted keeps its record and file
        if prior is None or prior.info.chunks == 0:
            self._drop_derived(add.doc_id)
            self._store.delete_document(add.doc_id)
        if prior is None and add.original:
            (self.files_dir / add.original).unlink(missing_ok=True)

    def _store_original(self, source: Path, name: str) -> None:
        """Copy the original file in under a temporary name, then rename: never half a file."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.files_dir / f".{name}.{os.getpid()}.tmp"
        shutil.copyfile(source, tmp)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.files_dir / name)
        fsync_dir(self.files_dir)

    def _drop_derived(self, doc_id: str) -> None:
        """What is kept beside a document's chunks: its answer units' vectors and its BM25 tokens."""
        if self._units is not None:
            self._units.delete_document(doc_id)
        self._token_path(doc_id).unlink(missing_ok=True)

    def unit_vectors(self, keys: Sequence[str]) -> dict[str, list[float]]:
        """Stored embeddings of answer units by key; absent keys are simply missing."""
        return self._units.get(keys) if self._units is not None else {}

    def _step(self, name: str) -> None:
        if self._on_step is not None:
            self._on_step(name)

    # --- consistency --------------------------------------------------------------------
    def chunk_counts(self) -> dict[str, int]:
        """Chunks per document id as Chroma holds them now."""
        counts: dict[str, int] = {}
        for chunk, _ in self._store.all_records():
            counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
        return counts

    def drop_chunks(self, doc_id: str) -> int:
        with self._lock:
            return self._store.delete_document(doc_id)

    def drop_records(self, doc_ids: Sequence[str]) -> None:
        """Forget documents in the manifest (their chunks and originals go too)."""
        self.commit(PendingWrite(remove=tuple(doc_ids)))

    def set_record(self, record: DocumentRecord) -> None:
        with self._lock:
            records = {**self._records, record.doc_id: record}
            self._manifest.save(records)
            self._records = records
            self._changed()

    def stray_files(self) -> list[Path]:
        """Files under files/ that no document owns (left by a crash before the journal existed)."""
        if not self.files_dir.is_dir():
            return []
        owned = {r.original for r in self._records.values() if r.original}
        return sorted(p for p in self.files_dir.iterdir() if p.is_file() and p.name not in owned)

    # --- searching ----------------------------------------------------------------------
    def dense_search(self, vector: list[float], k: int, filters: Filters | None) -> list[tuple[Chunk, float]]:
        snap = self.snapshot
        if not snap.chunks:  # known from the snapshot: no round trip to Chroma per question
            return []
        if filters is not None and not filters.is_empty():
            narrowed = self._filtered_dense(snap, vector, k, filters)
            if narrowed is not None:
                return narrowed
        found = [(snap.chunk(i), score) for i, score in self._store.nearest_ids(vector, k, filters)]
        if all(c is not None for c, _ in found):
            return found
        return self._store.search(vector, k, filters)  # written since this snapshot: read them whole

    def _filtered_dense(
        self, snap: Snapshot, vector: list[float], k: int, filters: Filters
    ) -> list[tuple[Chunk, float]] | None:
        """The nearest chunks the filters accept, found from this snapshot's mask the cheaper way
        (see VECTOR_READ_COST); None when only Chroma's filter can say (a chunk written since)."""
        mask = snap.mask(filters)
        accepted = np.flatnonzero(mask)
        if len(accepted) == 0:
            return []
        depth = overfetch_depth(len(accepted), len(snap.chunks), k)
        if exact_is_cheaper(len(accepted), depth):
            return self._ranked_exactly(snap, accepted, vector, k)
        if depth > OVERFETCH_MAX:
            return None
        found = []
        for chunk_id, score in self._store.nearest_ids(vector, depth, None):
            at = snap.position(chunk_id)
            if at is None:
                return None
            if mask[at]:
                found.append((snap.chunks[at], score))
                if len(found) == k:
                    return found
        return None

    def _ranked_exactly(
        self, snap: Snapshot, accepted: np.ndarray, vector: list[float], k: int
    ) -> list[tuple[Chunk, float]] | None:
        """The k accepted chunks nearest the vector by cosine (Chroma's space), from their stored
        vectors; None when one is no longer stored (written since this snapshot)."""
        ids = [snap.chunks[i].chunk_id for i in accepted]
        stored = self._store.vectors(ids)
        if len(stored) < len(ids):
            return None
        matrix = np.asarray([stored[i] for i in ids], dtype=np.float32)
        query = np.asarray(vector, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1) * np.linalg.norm(query)
        sims = (matrix @ query) / np.where(norms > 0, norms, 1.0)
        best = np.argsort(-sims, kind="stable")[:k]
        return [(snap.chunks[accepted[j]], float(sims[j])) for j in best]

    def lexical_search(self, query: str, k: int, filters: Filters | None) -> list[tuple[Chunk, float]]:
        snap = self.snapshot
        mask = None if filters is None or filters.is_empty() else snap.mask(filters)
        return [(snap.chunks[i], score) for i, score in snap.lexical.search(query, k, mask)]
