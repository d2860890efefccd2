"""Accuracy on a gold question set, through the same Assistant users talk to.

Pure scoring functions (facts, length rule, quote matching, citation validity) plus
`evaluate(assistant, items)`; the Markdown/PNG report lives in eval_report.py.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.serialize import citation_to_dict
from assistant.types import Answer, Citation, Document

MARKER = re.compile(r"\s*\[\d+\]")


class GoldFormatError(ValueError):
    """A gold file line that cannot be used, with file:line in the message."""


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    answerable: bool
    answer: str
    must_include: tuple[tuple[str, ...], ...]
    sources: tuple[tuple[str, str], ...]  # (doc file name, quote)
    type: str
    history: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemResult:
    item: GoldItem
    answer: Answer
    passed: bool
    facts_found: int
    hit: bool  # at least one gold quote inside the retrieved chunks
    all_sources: bool
    valid_citations: int
    latency_ms: float


@dataclass(frozen=True)
class EvalReport:
    results: tuple[ItemResult, ...]
    summary: dict
    by_type: dict[str, dict] = field(default_factory=dict)


def load_gold(path: Path) -> list[GoldItem]:
    """Read a JSONL gold set; a bad line raises GoldFormatError naming file and line."""
    if not path.is_file():
        raise GoldFormatError(f"{path}: no such file")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            items.append(
                GoldItem(
                    id=str(d["id"]),
                    question=d["question"],
                    answerable=bool(d["answerable"]),
                    answer=d.get("answer", ""),
                    must_include=tuple(tuple(alts) for alts in d.get("must_include", [])),
                    sources=tuple((s["doc"], s["quote"]) for s in d.get("sources", [])),
                    type=d.get("type", "unknown"),
                    history=tuple(d.get("history") or ()),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldFormatError(f"{path}:{n}: {type(exc).__name__}: {exc}") from exc
    if not items:
        raise GoldFormatError(f"{path}: no gold items (expected one JSON object per line)")
    return items


def strip_markers(text: str) -> str:
    return MARKER.sub("", text)


def facts_found(answer_text: str, must_include: Sequence[Sequence[str]]) -> int:
    """Facts present: any alternative is a case-insensitive substring of the answer."""
    low = strip_markers(answer_text).lower()
    return sum(1 for alts in must_include if any(a.lower() in low for a in alts))


def answer_is_short(answer_text: str, reference: str) -> bool:
    """Answers are short: at most max(600, 3 x reference) characters, markers not counted."""
    return len(strip_markers(answer_text)) <= max(600, 3 * len(reference))


def normalise(text: str) -> str:
    """Compare passages across formats: quotes, bullets and whitespace folded, lower case."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("•", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def quote_in_chunks(quote: str, doc: str, chunks: Sequence[tuple[str, str]]) -> bool:
    """Is a gold quote inside a retrieved chunk of the same report (any format)?

    `chunks` are (source file name, text); reports match on the file stem, so the .txt
    quoted in the gold set matches its .pdf in the index. A multi-line quote counts when
    each of its lines lies in some retrieved chunk of that report.
    """
    stem = Path(doc).stem
    texts = [normalise(t) for s, t in chunks if Path(s).stem == stem]
    if any(normalise(quote) in t for t in texts):
        return True
    lines = [normalise(x) for x in quote.splitlines() if x.strip()]
    return len(lines) > 1 and all(any(x in t for t in texts) for x in lines)


def citation_is_valid(c: Citation, doc: Document) -> bool:
    """The quote appears verbatim in the document, on the cited page where pages exist."""
    if c.page is None or not doc.pages:
        return c.quote in doc.text
    span = next((p for p in doc.pages if p.number == c.page), None)
    return span is not None and c.quote in doc.text[span.start : span.end + len(c.quote)]


def score_item(item: GoldItem, answer: Answer, latency_ms: float, load: Callable[[str], Document | None]) -> ItemResult:
    found = facts_found(answer.answer, item.must_include)
    if item.answerable:
        passed = not answer.abstained and found == len(item.must_include) and answer_is_short(answer.answer, item.answer)
    else:
        passed = answer.abstained
    chunks = [(h.chunk.source, h.chunk.text) for h in answer.hits]
    inside = [quote_in_chunks(q, d, chunks) for d, q in item.sources]
    valid = 0
    for c in answer.citations:
        doc = load(c.doc_id)
        valid += bool(doc and citation_is_valid(c, doc))
    return ItemResult(item, answer, passed, found, any(inside), bool(inside) and all(inside), valid, latency_ms)


def summarise(results: Sequence[ItemResult]) -> dict:
    answerable = [r for r in results if r.item.answerable]
    unanswerable = [r for r in results if not r.item.answerable]
    with_sources = [r for r in answerable if r.item.sources]
    cited = sum(len(r.answer.citations) for r in results)
    latencies = sorted(r.latency_ms for r in results)

    def frac(xs: Sequence[bool]) -> float | None:
        return round(sum(xs) / len(xs), 4) if xs else None

    return {
        "items": len(results),
        "answerable": len(answerable),
        "pass_rate": frac([r.passed for r in answerable]),
        "fact_recall": round(statistics.mean(r.facts_found / len(r.item.must_include) for r in answerable if r.item.must_include), 4)
        if any(r.item.must_include for r in answerable)
        else None,
        "unanswerable": len(unanswerable),
        "declined_correctly": sum(r.passed for r in unanswerable),
        "wrongly_declined": sum(r.answer.abstained for r in answerable),
        "hit_at_k": frac([r.hit for r in with_sources]),
        "all_sources_at_k": frac([r.all_sources for r in with_sources]),
        "citation_validity": round(sum(r.valid_citations for r in results) / cited, 4) if cited else None,
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "latency_p95_ms": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1) if latencies else None,
    }


def evaluate(assistant, items: Sequence[GoldItem], k: int = 5, progress: Callable[[int, int], None] | None = None) -> EvalReport:
    """Run every item through `assistant.ask` and score it."""
    from ingest.loaders import LoadError, load_document

    cache: dict[str, Document | None] = {}

    def load(doc_id: str) -> Document | None:
        if doc_id not in cache:
            try:
                cache[doc_id] = load_document(assistant.index.original_path(doc_id))
            except (LoadError, OSError):
                cache[doc_id] = None
        return cache[doc_id]

    results = []
    for n, item in enumerate(items, start=1):
        t0 = time.perf_counter()
        answer = assistant.ask(item.question, history=item.history, k=k)
        results.append(score_item(item, answer, (time.perf_counter() - t0) * 1000, load))
        if progress:
            progress(n, len(items))
    types = sorted({r.item.type for r in results})
    by_type = {t: summarise([r for r in results if r.item.type == t]) for t in types}
    return EvalReport(tuple(results), summarise(results), by_type)


def result_to_dict(r: ItemResult) -> dict:
    """One line of the --out file."""
    a = r.answer
    return {
        "id": r.item.id,
        "type": r.item.type,
        "question": r.item.question,
        "answerable": r.item.answerable,
        "answer": a.answer,
        "abstained": a.abstained,
        "citations": [citation_to_dict(c) for c in a.citations],
        "retrieved": [
            {"doc_id": h.chunk.doc_id, "source": h.chunk.source, "page": h.chunk.page_start, "section": h.chunk.section,
             "text": h.chunk.text, "score": round(h.score, 6)}
            for h in a.hits
        ],
        "latency_ms": round(r.latency_ms, 1),
        "passed": r.passed,
        "facts_found": r.facts_found,
        "facts_total": len(r.item.must_include),
        "missing": [alts[0] for alts in r.item.must_include if not facts_found(a.answer, [alts])],
    }
