"""Which indexed document a new file is: the same, a new version, a near-identical copy, or new.

One rule for every front end, so the CLI, the API and the web page never disagree:
- the same bytes (content hash) as an indexed document: *unchanged*;
- the same origin (the same absolute path for the CLI, the same upload name for the API and
  the web page) with other bytes: a new version that *replaces* the old one; an upload does
  so only when asked to (`replace`), otherwise it is a *conflict* and nothing changes;
- the same text as an indexed document under another format or name (near-identical
  fingerprint): kept as a *duplicate*; one of the two answers (the one with page numbers,
  else the one indexed first), so no answer repeats each passage twice;
- anything else is new, even when another document has the same file name: both are kept
  and the result says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ingest.fingerprint import similarity
from vectorstore.manifest import DocumentRecord
from vectorstore.migrate import LEGACY


@dataclass(frozen=True)
class Decision:
    status: str  # ingested | replaced | unchanged | duplicate | conflict
    replaces: tuple[str, ...] = ()  # doc ids this file's document removes
    duplicate_of: str | None = None  # the new document is a copy of this one (stored, not indexed)
    demotes: tuple[str, ...] = ()  # indexed copies that the new document answers for from now on
    note: str | None = None


def origin_label(origin: str) -> str:
    """An origin as messages show it: "upload", or the file's folder and name (never the whole path,
    which a message may carry to an API client)."""
    kind, _, where = origin.partition(":")
    if kind != "file":
        return kind or "unknown origin"
    parts = where.rstrip("/").split("/")
    return "file …/" + "/".join(parts[-2:]) if len(parts) > 2 else f"file {where}"


def same_origin(record: DocumentRecord, origin: str, source: str) -> bool:
    return record.info.origin == origin or record.info.origin == f"{LEGACY}{source}"


def decide(
    known: Sequence[DocumentRecord],
    doc_id: str,
    source: str,
    origin: str,
    uploaded: bool,
    replace: bool,
) -> Decision:
    """The identity part of the rule (the fingerprint part needs the text: see `near_duplicate`)."""
    same = next((r for r in known if r.doc_id == doc_id), None)
    if same is not None:
        elsewhere = same.info.source != source or not same_origin(same, origin, source)
        note = f"the same file is already indexed as {same.info.source}" if elsewhere else None
        return Decision("unchanged", note=note)
    older = tuple(r for r in known if same_origin(r, origin, source))
    if older and uploaded and not replace:
        ids = ", ".join(r.doc_id for r in older)
        return Decision(
            "conflict",
            note=f"a different report named {source} is already indexed ({ids}); "
            "upload it again with 'replace' to replace that one",
        )
    if older:
        return Decision(
            "replaced",
            replaces=tuple(r.doc_id for r in older),
            note=f"replaces the earlier version ({', '.join(r.doc_id for r in older)})",
        )
    namesakes = [r for r in known if r.info.source == source]
    if namesakes:
        where = ", ".join(f"{r.doc_id} from {origin_label(r.info.origin)}" for r in namesakes)
        return Decision("ingested", note=f"another document is also named {source} ({where}); both are kept")
    return Decision("ingested")


def near_duplicate(
    decision: Decision,
    known: Sequence[DocumentRecord],
    fingerprint: tuple[int, ...],
    has_pages: bool,
    threshold: float,
) -> Decision:
    """Refine an ingested/replaced decision when the text is already indexed under another name."""
    if decision.status not in ("ingested", "replaced"):
        return decision
    candidates = [
        r
        for r in known
        if r.doc_id not in decision.replaces
        and r.info.duplicate_of is None
        and similarity(fingerprint, r.fingerprint) >= threshold
    ]
    if not candidates:
        return decision
    twin = candidates[0]
    if has_pages and not twin.info.pages:  # page numbers make citations checkable: the paged copy answers
        return Decision(
            decision.status,
            decision.replaces,
            demotes=(twin.doc_id,),
            note=_join(
                decision.note, f"same text as {twin.info.source}, which now defers to this copy (it has page numbers)"
            ),
        )
    return Decision(
        "duplicate",
        decision.replaces,
        duplicate_of=twin.doc_id,
        note=_join(
            decision.note, f"same text as {twin.info.source} ({twin.doc_id}), which answers instead; kept, not searched"
        ),
    )


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b
