"""Do Chroma, the lexical index, the document list and the stored originals agree?

`find_problems` only looks; fixing is the caller's job (some fixes re-ingest a stored original,
which needs the ingest pipeline). Each problem names its kind, its document and what is wrong
in words a user can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

from vectorstore.index import Index


@dataclass(frozen=True)
class Problem:
    kind: str  # pending_write | orphan_chunks | missing_chunks | duplicate_with_chunks | orphan_duplicate
    #            | missing_original | stray_file | lexical_mismatch
    doc_id: str | None
    detail: str
    file: str | None = None  # for a stray file: its name under files/


def find_problems(index: Index) -> list[Problem]:
    problems: list[Problem] = []
    pending = index.pending_write()
    if pending is not None:
        problems.append(Problem("pending_write", None, f"an interrupted write is recorded: {pending.describe()}"))
    counts = index.chunk_counts()
    records = {r.doc_id: r for r in index.records()}
    for doc_id, n in sorted(counts.items()):
        if doc_id not in records:
            problems.append(Problem("orphan_chunks", doc_id, f"{n} chunks in Chroma belong to no listed document"))
    for doc_id, r in sorted(records.items()):
        problems += _record_problems(index, r, counts.get(doc_id, 0), records)
    for path in index.stray_files():
        problems.append(Problem("stray_file", None, f"files/{path.name} belongs to no listed document", path.name))
    snap = index.snapshot
    if snap.lexical.size != sum(counts.values()) or {c.doc_id for c in snap.chunks} != set(counts):
        problems.append(
            Problem(
                "lexical_mismatch",
                None,
                f"the lexical index holds {snap.lexical.size} chunks, Chroma {sum(counts.values())}",
            )
        )
    return problems


def _record_problems(index: Index, r, stored: int, records: dict) -> list[Problem]:
    out = []
    name = r.info.source
    if r.info.duplicate_of is not None:
        if stored:
            out.append(
                Problem(
                    "duplicate_with_chunks",
                    r.doc_id,
                    f"{name} defers to another copy but has {stored} chunks in Chroma",
                )
            )
        if r.info.duplicate_of not in records:
            out.append(
                Problem(
                    "orphan_duplicate", r.doc_id, f"{name} defers to {r.info.duplicate_of}, which is no longer indexed"
                )
            )
    elif stored != r.info.chunks:
        out.append(
            Problem("missing_chunks", r.doc_id, f"{name} should have {r.info.chunks} chunks, Chroma holds {stored}")
        )
    if r.original and index.original_path(r.doc_id) is None:
        out.append(Problem("missing_original", r.doc_id, f"the stored copy of {name} (files/{r.original}) is missing"))
    return out
