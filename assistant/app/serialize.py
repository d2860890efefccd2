"""Our dataclasses as the JSON shapes the CLI, the API and the evaluation promise."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import PurePath

from assistant.types import Answer, Citation, DocumentInfo, Hit


def citation_to_dict(c: Citation) -> dict:
    return {
        "n": c.n,
        "doc_id": c.doc_id,
        "source": c.source,
        "title": c.title,
        "page": c.page,
        "section": c.section,
        "quote": c.quote,
        "score": c.score,
        "organisation": c.organisation,
        "year": c.year,
    }


def hit_to_dict(h: Hit, rank: int | None = None) -> dict:
    c = h.chunk
    return {
        "rank": rank,
        "chunk_id": c.chunk_id,
        "doc_id": c.doc_id,
        "source": c.source,
        "title": c.title,
        "page": c.page_start,
        "page_end": c.page_end,
        "section": c.section or None,
        "text": c.text,
        "score": round(h.score, 6),
        "organisation": c.organisation,
        "year": c.year,
        "country": c.country,
    }


def answer_to_dict(a: Answer) -> dict:
    """The `reportqa ask --json` shape: fields may be added, never renamed."""
    return {
        "question": a.question,
        "answer": a.answer,
        "abstained": a.abstained,
        "citations": [citation_to_dict(c) for c in a.citations],
        "related": [citation_to_dict(c) for c in a.related],
        "standalone_question": a.standalone_question,
        "timings_ms": {k: round(v, 1) for k, v in a.timings_ms.items()},
        "engine": a.engine,
        "fallback_reason": a.fallback_reason,
        "unsupported": list(a.unsupported),
    }


def citation_from_dict(c: dict) -> Citation:
    """The inverse of citation_to_dict (a field it leaves out keeps its default)."""
    return Citation(
        n=c["n"],
        doc_id=c["doc_id"],
        source=c["source"],
        title=c["title"],
        page=c.get("page"),
        section=c.get("section"),
        quote=c["quote"],
        score=c.get("score", 0.0),
        organisation=c.get("organisation"),
        year=c.get("year"),
    )


def answer_from_dict(d: dict) -> Answer:
    """The inverse of answer_to_dict: an answer a server sent, for the CLI to print."""
    return Answer(
        question=d["question"],
        answer=d["answer"],
        abstained=d["abstained"],
        citations=tuple(citation_from_dict(c) for c in d.get("citations", [])),
        timings_ms=d.get("timings_ms", {}),
        related=tuple(citation_from_dict(c) for c in d.get("related", [])),
        standalone_question=d.get("standalone_question", ""),
        engine=d.get("engine", "extractive"),
        fallback_reason=d.get("fallback_reason"),
        unsupported=tuple(d.get("unsupported", [])),
    )


def document_to_dict(d: DocumentInfo, hide_paths: bool = False) -> dict:
    """Every field, origin and duplicate_of included. `hide_paths` (for HTTP clients) keeps only
    the file name of a CLI origin: 'file:/srv/reports/a.pdf' -> 'file:a.pdf'; where the server
    keeps its files is none of a client's business."""
    out = asdict(d)
    kind, sep, where = d.origin.partition(":")
    if hide_paths and sep and kind == "file":
        out["origin"] = f"file:{PurePath(where).name}"
    return out
